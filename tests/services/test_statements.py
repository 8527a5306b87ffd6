"""Monthly statements from the ledger: hand-computed figures, identity with
the ledger, deposit apart, batch PDF written and audited."""
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from eldercare_desktop.db.models import AuditLog
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.billing import PRORATION_RULE
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, ledger, residents, statements
from tests.conftest import person
from tests.services.billing_fixtures import deposit, make_contract, receive

D = dt.date


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def story(app, ctx, acc, centre_ready):
    """李四 admitted 3-16 (A101-2) with a ¥6,000.00 deposit in escrow; 陪同就医 × 2; paid ¥2,000.00 on 3-20;
    March and April billed; paid ¥5,000.00 on 4-10."""
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 3, 16), centre_ready["A101-2"]).ids[0]
    make_contract(app, rid, D(2026, 3, 16), number="HT2026-0007")
    deposit(acc, rid, D(2026, 3, 16), 600000)
    billing.record_charge(acc, rid, D(2026, 3, 18), "陪同就医", 2, 8000)
    receive(acc, rid, D(2026, 3, 20), 200000)  # nothing billed yet → all prepaid
    billing.run_billing(acc, "2026-03")
    billing.run_billing(acc, "2026-04")
    receive(acc, rid, D(2026, 4, 10), 500000)
    return rid


def test_march_statement_hand_computed(acc, story):
    d = statements.statement(acc, story, "2026-03")
    # 1238.71 + 774.19 + 480.00 + 160.00 = 2,652.90 charged; 2,000.00 paid; opening 0 → owes 652.90
    assert [(x.kind, x.amount_fen) for x in d.lines] == [("bed", 123871), ("care", 77419), ("meals", 48000), ("other", 16000)]
    assert (d.opening_fen, d.charges_fen, d.payments_fen, d.adjustments_fen, d.closing_fen) == (0, 265290, 200000, 0, 65290)
    assert len(d.payments) == 1 and d.payments[0].number.startswith("SJ2026-") and d.payments[0].amount_fen == 200000
    assert d.closing_fen == ledger.resident_balances(acc, D(2026, 3, 31))[story]
    assert d.deposit_fen == 600000 and d.bed == "A101-2" and d.contract_number == "HT2026-0007"
    assert d.rule == PRORATION_RULE and "× 16天 ÷ 31天" in d.lines[0].basis
    assert d.centre_name == "阳光社区养老服务中心"


def test_april_opening_is_march_closing(acc, story):
    d = statements.statement(acc, story, "2026-04")
    # April: 2400 + 1500 + 30 × 30 = 4,800.00; opening 652.90; paid 5,000.00 → 652.90 + 4800.00 − 5000.00 = 452.90
    assert (d.opening_fen, d.charges_fen, d.payments_fen, d.closing_fen) == (65290, 480000, 500000, 45290)
    assert d.opening_fen + d.charges_fen - d.payments_fen + d.adjustments_fen == d.closing_fen
    assert d.closing_fen == ledger.resident_balances(acc, D(2026, 4, 30))[story]


def test_adjustments_from_other_entries(acc, story):
    # a settlement refund posted by hand: Dr 1121 / Cr bank ¥100.00 → owed +100.00 in April
    ledger.post_entry(acc, L.Entry(D(2026, 4, 28), "结算退款", (L.Line(L.RECEIVABLE, debit=10000, resident_id=story),
                                                            L.Line(L.BANK, credit=10000))))
    d = statements.statement(acc, story, "2026-04")
    assert [(a.memo, a.amount_fen) for a in d.adjustments] == [("结算退款", 10000)]
    assert d.closing_fen == 45290 + 10000 == d.opening_fen + d.charges_fen - d.payments_fen + d.adjustments_fen


def test_batch_pdf_written_and_audited(app, acc, ctx, story, admitted, tmp_path):
    make_contract(app, admitted, D(2026, 1, 10))
    billing.run_billing(acc, "2026-03")
    all_ = statements.statements(acc, "2026-03")
    assert [d.resident_name for d in all_] == ["张三", "李四"]  # by bed: A101-1, A101-2
    seen = []
    w = statements.statements_pdf(acc, "2026-03", tmp_path / "qd.pdf", progress=lambda f, m: seen.append(m))
    assert w.rows == 2 and seen
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(w.path.read_bytes())).pages]
    assert len(pages) == 2 and "张三" in pages[0] and "李四" in pages[1]
    assert "¥4,830.00" in pages[0] and "¥652.90" in pages[1] and "押金" in pages[1]
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).where(AuditLog.action == "打印费用清单")).scalar_one()
    assert w.sha256 in a.after
    one = statements.statement_pdf(acc, story, "2026-03", tmp_path / "one.pdf")
    assert one.rows == 1 and "李四" in PdfReader(str(one.path)).pages[0].extract_text()
    with pytest.raises(RuleViolation, match="2026-06还没有计费"):
        statements.statements_pdf(acc, "2026-06", tmp_path / "none.pdf")
