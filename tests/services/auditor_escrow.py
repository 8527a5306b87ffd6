"""Write services of the escrow area, for the auditor test."""
import datetime as dt

from eldercare_desktop.services import escrow


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    return {
        "escrow.receive_deposit": lambda: escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 100000, "银行转账"),
        "escrow.deduct": lambda: escrow.deduct(ctx, rid, D(2026, 2, 1), 100, "医疗急救", "PZ-1"),
        "escrow.refund": lambda: escrow.refund(ctx, rid, D(2026, 2, 1), "银行转账"),
        "escrow.refund_excess": lambda: escrow.refund_excess(ctx, rid, D(2026, 2, 1)),
        "escrow.post_interest": lambda: escrow.post_interest(ctx, D(2026, 3, 21)),
        "escrow.add_rate": lambda: escrow.add_rate(ctx, D(2026, 6, 1), "0.03"),
        "escrow.set_interest_mode": lambda: escrow.set_interest_mode(ctx, "settlement_rate"),
        "escrow.reconcile": lambda: escrow.reconcile(ctx, "2026-01", 0),
    }
