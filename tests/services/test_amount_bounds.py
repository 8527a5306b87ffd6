"""Amounts that make no sense are refused where they are entered (issue 13):
negative, or beyond any centre's means (above 10亿元, or more than SQLite
holds), in the service layer, in Chinese, nothing saved."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog
from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import Line
from eldercare_desktop.services import billing, books, escrow, fees, payments
from eldercare_desktop.services.amounts import MAX_FEN, too_large

DAY = dt.date(2026, 11, 20)
ABSURD = (MAX_FEN + 1, 10**19, 2**70)


def _audit_rows(app) -> int:
    with app.read_factory() as s:
        return s.execute(select(func.count()).select_from(AuditLog)).scalar_one()


def test_the_bound():
    assert MAX_FEN == 100_000_000_000  # ¥1,000,000,000.00
    assert not too_large(MAX_FEN) and too_large(MAX_FEN + 1) and too_large(-MAX_FEN - 1)
    assert not too_large(True) and not too_large("1e30")


@pytest.mark.parametrize("fen", ABSURD)
def test_absurd_amounts_are_refused_by_every_entry_point(app, ctx, admitted, fen):
    item = fees.create_item(ctx, "BED-N", "bed", "护理型床位", "月", "护理型").ids[0]
    before = _audit_rows(app)
    calls = {
        "收款金额": lambda: payments.record_payment(ctx, admitted, DAY, "现金", fen, "张小三"),
        "价格": lambda: fees.set_price(ctx, item, DAY, fen, None, "定价"),
        "第1行金额": lambda: books.add_voucher(ctx, B.VoucherInput(DAY, "购买", (Line("510102", fen, 0),
                                                                          Line("100201", 0, fen)))),
        "银行对账单余额": lambda: escrow.reconcile(ctx, "2026-10", fen),
        "金额": lambda: billing.record_charge(ctx, admitted, DAY, "陪同就医", 1, fen),
    }
    for label, call in calls.items():
        with pytest.raises(RuleViolation, match=f"{label}¥[0-9,.]+超出合理范围（不超过¥1,000,000,000.00）"):
            call()
    assert _audit_rows(app) == before


def test_opening_balances_and_deposits_too(app, ctx, admitted):
    with pytest.raises(RuleViolation, match="第1行金额¥100,000,000,000.00超出合理范围"):
        books.enter_opening_balances(ctx, dt.date(2026, 1, 1), (Line("1001", 10**13, 0), Line("3101", 0, 10**13)))
    with pytest.raises(RuleViolation, match="金额¥100,000,000,000.00超出合理范围"):
        escrow.receive_deposit(ctx, admitted, DAY, 10**13, "银行转账")


def test_a_negative_bank_balance_is_refused(app, ctx):
    with pytest.raises(RuleViolation, match="银行对账单余额不能为负数"):
        escrow.reconcile(ctx, "2026-10", -500)


def test_a_voucher_with_absurd_attachments_is_refused(ctx):
    v = B.VoucherInput(DAY, "购买", (Line("510102", 100, 0), Line("100201", 0, 100)), attachments=10**19)
    with pytest.raises(RuleViolation, match="附件张数应为0至9999的整数"):
        books.add_voucher(ctx, v)


def test_the_largest_sensible_amount_is_still_accepted(ctx, admitted):
    ch = payments.record_payment(ctx, admitted, DAY, "银行转账", MAX_FEN, "张小三", reference="LS0001")
    assert "¥1,000,000,000.00" in ch.message
