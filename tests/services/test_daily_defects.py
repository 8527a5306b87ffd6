"""Issue 12, defects 3, 4, 5, 7 and the journal's voucher numbers (behaviour 9),
through the services."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from eldercare_desktop.db.models import EscrowReconciliation, Voucher
from eldercare_desktop.documents import roster as roster_doc
from eldercare_desktop.documents.fee_pdf import render_fee_schedule
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.ledger import Entry, Line
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import centre, escrow, exports, fees, ledger, payments, residents, roster, settings
from eldercare_desktop.services import escrow_documents as docs
from tests.services.billing_fixtures import make_contract

D = dt.date


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")


# --- defect 3: the refund voucher prints the interest mode's Chinese label ------------------

@pytest.fixture
def refunded(app, ctx, admitted):
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei",
                                       escrow_bank="重庆农村商业银行渝北支行", escrow_account_name="阳光社区养老服务中心",
                                       escrow_account_no="0302123456789012345"))
    make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15))
    escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账", "TX001")
    return escrow.refund(ctx, admitted, D(2025, 6, 21), "银行转账").ids[0]


def test_refund_voucher_prints_the_interest_modes_label(ctx, refunded, tmp_path):
    t = _text(docs.refund_voucher_pdf(ctx, refunded, tmp_path / "v.pdf").path)
    assert "计息方式：None" not in t and "None" not in t
    assert "计息方式：按利率调整日分段计息" in t


def test_refund_voucher_keeps_the_mode_it_was_computed_in(ctx, admitted, app, tmp_path):
    """A refund made in the settlement-rate mode still says so after the centre switches back."""
    make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15))
    escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账", "TX001")
    escrow.set_interest_mode(ctx, "settlement_rate")
    mid = escrow.refund(ctx, admitted, D(2025, 6, 21), "银行转账").ids[0]
    escrow.set_interest_mode(ctx, "split")
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei"))
    t = _text(docs.refund_voucher_pdf(ctx, mid, tmp_path / "v.pdf").path)
    assert "计息方式：按结息日挂牌利率计息" in t


# --- defect 4: a negative bank balance is refused, nothing saved ---------------------------

def test_reconcile_refuses_a_negative_bank_balance(ctx, app):
    with pytest.raises(RuleViolation) as exc:
        escrow.reconcile(ctx, "2025-06", -500)
    assert "不能为负数" in exc.value.message and exc.value.problems[0].field == "bank_balance_fen"
    with app.read_factory() as s:
        assert s.query(EscrowReconciliation).count() == 0
    assert escrow.reconciliations(ctx) == []
    assert escrow.reconcile(ctx, "2025-06", 0).bank_balance_fen == 0  # zero is a balance


# --- defect 5: the roster import refuses a resident younger than the centre's minimum -----

def _row(name, birth, seq, bed, admission=D(2025, 3, 1)):
    base = {c.key: "" for c in roster_doc.COLUMNS}
    base.update(name=name, id_number=make_id_number("500112", birth, seq), bed=bed, admission_date=admission,
                birth_date=None, agent_name="王小明", agent_relationship="儿子", agent_phone="13900000001")
    return base


def test_roster_import_refuses_a_sixteen_year_old(ctx, centre_ready, tmp_path):
    path = tmp_path / "r.xlsx"
    roster_doc.write_roster([
        _row("李秀英", D(1938, 6, 1), 22, "A102-1"),
        _row("王小明", D(2009, 1, 15), 31, "A101-1"),  # 16 on 2025-03-01
    ], path)
    assert settings.DEFAULTS["residents.min_age"] == "60"
    for dry in (True, False):
        report = roster.import_roster(ctx, path, dry_run=dry)
        assert not report.ok and report.imported == 0 and report.bad_rows == [3]
        [p] = report.problems
        assert p.column == "身份证号" and "16岁" in p.message and "最低年龄60岁" in p.message
        assert str(p).startswith("第3行")
    assert residents.list_residents(ctx) == []


def test_roster_minimum_age_is_the_centres_setting(ctx, centre_ready, tmp_path, app):
    path = tmp_path / "r.xlsx"
    row = _row("周敏", D(1968, 5, 1), 31, "A101-1")  # 56 on 2025-03-01
    row["birth_date"] = D(1968, 5, 1)
    roster_doc.write_roster([row], path)
    [p] = roster.import_roster(ctx, path, dry_run=True).problems
    assert p.column == "出生日期" and "56岁" in p.message and "60岁" in p.message
    with app.write_factory.begin() as s:
        settings.put(s, "residents.min_age", "55")
    report = roster.import_roster(ctx, path)
    assert report.ok and report.imported == 1


# --- defect 7: care levels in care order on the schedule and the 收费公示 -------------------

LEVELS = ("一级", "三级", "二级", "特级", "自理")  # created in Unicode order


@pytest.fixture
def care_items(ctx, centre_ready):
    for i, level in enumerate(sorted(LEVELS)):
        ch = fees.create_item(ctx, f"HL{i}", "care", f"护理费（{level}）", "月", level)
        fees.set_price(ctx, ch.ids[0], D(2025, 1, 1), 100000 + i * 10000, None, "首次定价")


def test_schedule_and_items_list_care_levels_in_care_order(ctx, care_items):
    want = ["自理", "一级", "二级", "三级", "特级"]
    assert [r.key for r in fees.schedule_on(ctx, D(2025, 6, 1)) if r.kind == "care"] == want
    assert [x.key for x in fees.list_items(ctx) if x.kind == "care"] == want
    from eldercare_desktop.domain.care import care_sort_key

    assert sorted(["介护三级", "特级护理", "自理", "介护一级", "介护二级"], key=care_sort_key) == [
        "自理", "介护一级", "介护二级", "介护三级", "特级护理"]


def test_fee_schedule_pdf_prints_care_levels_in_care_order(ctx, care_items, tmp_path):
    rows = fees.schedule_on(ctx, D(2025, 6, 1))
    info = CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei")
    path = tmp_path / "s.pdf"
    # even rows handed over in Unicode order print in care order
    path.write_bytes(render_fee_schedule(sorted(rows, key=lambda r: r.key), info, D(2025, 6, 1), D(2025, 6, 1)))
    t = _text(path)
    at = [t.index(f"护理费（{level}）") for level in ("自理", "一级", "二级", "三级", "特级")]
    assert at == sorted(at)
    t = _text(exports.fee_schedule_pdf(ctx, tmp_path / "e.pdf", D(2025, 6, 1)).path)
    at = [t.index(f"护理费（{level}）") for level in ("自理", "一级", "二级", "三级", "特级")]
    assert at == sorted(at)


# --- behaviour 9: the journal export numbers vouchers per month ------------------------------

def test_journal_export_numbers_vouchers_per_month(ctx, app, admitted, tmp_path, clock):
    ledger.post_entry(ctx, Entry(D(2026, 3, 31), "2026年3月费用", (
        Line(L.RECEIVABLE, debit=330000, resident_id=admitted), Line(L.INCOME_BED, credit=330000)),
        source="test:2026-03"))
    hand = ledger.post_entry(ctx, Entry(D(2026, 3, 31), "手工凭证", (
        Line(L.RECEIVABLE, debit=100, resident_id=admitted), Line(L.INCOME_BED, credit=100)))).ids[0]
    with app.write_factory.begin() as s:
        s.add(Voucher(number="记-2026-03-0012", period="2026-03", seq=12, day=D(2026, 3, 31), memo="手工凭证",
                      status="已审核", entry_id=hand, created_at=clock.now(), created_by="admin"))
    payments.record_payment(ctx, admitted, D(2026, 4, 5), "银行转账", 400000, "张小三", "4200001")
    res = exports.export_journal(ctx, tmp_path / "j.xlsx", D(2026, 3, 1), D(2026, 4, 30))
    ws = openpyxl.load_workbook(res.path)["序时账"]
    numbers = [r[0].value for r in ws.iter_rows(min_row=4) if isinstance(r[1].value, dt.datetime)]
    assert numbers[:2] == ["机-2026-03-0001"] * 2  # the billing entry's two lines
    assert numbers[2:4] == ["记-2026-03-0012"] * 2  # the voucher's own number
    assert set(numbers[4:]) == {"机-2026-04-0001"}  # April starts its own sequence
    assert all(ws.cell(r, 1).data_type == "s" for r in range(4, 4 + len(numbers)))
    # a later export of only April numbers it the same way (per month, not per file)
    res = exports.export_journal(ctx, tmp_path / "a.xlsx", D(2026, 4, 1), D(2026, 4, 30))
    ws = openpyxl.load_workbook(res.path)["序时账"]
    assert ws["A4"].value == "机-2026-04-0001"
