"""Billing write services the auditor must be refused (see test_users_and_permissions)."""
import datetime as dt

from eldercare_desktop.services import billing


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    return {
        "billing.run_billing": lambda: billing.run_billing(ctx, "2026-05"),
        "billing.record_charge": lambda: billing.record_charge(ctx, rid, D(2026, 5, 1), "陪同就医", 1, 8000),
        "billing.set_mode": lambda: billing.set_mode(ctx, "after"),
    }
