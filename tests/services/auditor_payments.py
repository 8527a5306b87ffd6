"""Write services of the payments area, for the auditor test
(tests/services/test_users_and_permissions.py)."""
import datetime as dt

from eldercare_desktop.services import payments


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    return {
        "payments.record_payment": lambda: payments.record_payment(ctx, rid, D(2026, 5, 1), "现金", 100, "张小三"),
        "payments.void_receipt": lambda: payments.void_receipt(ctx, 1, "作废", D(2026, 5, 1)),
        # a helper inside another transaction: the permission is checked before the session is used
        "payments.apply_prepayments": lambda: payments.apply_prepayments(ctx, None, rid, D(2026, 5, 1)),
    }
