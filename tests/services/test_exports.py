"""Finance exports and fee documents through the services: the XLSX totals
equal the services' figures (hand-computed below), IDs are text, the header
is frozen, files are audited with their SHA-256; the auditor may export."""
import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from eldercare_desktop.db.models import AuditLog
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import Entry, Line
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, centre, exports, fees, ledger, payments, residents
from eldercare_desktop.services.output import sha256_of
from tests.conftest import person
from tests.services.billing_fixtures import fee_items, make_contract

D = dt.date


def _bill(ctx, rid):
    # March: bed ¥2,400.00 + meals ¥900.00 = ¥3,300.00 owed
    ledger.post_entry(ctx, Entry(D(2026, 3, 31), "2026年3月费用", (
        Line(L.RECEIVABLE, debit=330000, resident_id=rid, memo="3月费用"),
        Line(L.INCOME_BED, credit=240000),
        Line(L.INCOME_MEALS, credit=90000),
    ), source="test:2026-03"))


def _cells(ws, row):
    return [c for c in ws[row]]


def _totals_row(ws):
    for row in ws.iter_rows(min_row=4):
        if row[0].value and str(row[0].value).startswith("合计"):
            return row
    raise AssertionError("no totals row")


def test_journal_export_totals_ids_and_frozen_header(ctx, admitted, tmp_path):
    _bill(ctx, admitted)
    # ¥4,000.00 by bank: ¥3,300.00 settles March, ¥700.00 is prepaid
    payments.record_payment(ctx, admitted, D(2026, 4, 5), "银行转账", 400000, "张小三", "4200001")
    res = exports.export_journal(ctx, tmp_path / "j.xlsx", D(2026, 3, 1), D(2026, 4, 30))
    # debits: 3,300.00 (1121) + 4,000.00 (100201) = 7,300.00
    # credits: 2,400.00 + 900.00 + 3,300.00 + 700.00 = 7,300.00
    assert res.rows == 6 and res.totals == {"debit_fen": 730000, "credit_fen": 730000}
    assert res.sha256 == sha256_of(res.path)
    wb = load_workbook(res.path)
    ws = wb["序时账"]
    assert ws.freeze_panes == "A4"
    assert "阳光社区养老服务中心序时账" == ws["A1"].value and "2026-03-01 至 2026-04-30" in ws["A2"].value
    assert [c.value for c in ws[3]][:7] == ["凭证号", "日期", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"]
    first = ws[4]
    # the voucher number as on the voucher: entries the app posts are numbered per month (机-YYYY-MM-NNNN)
    assert first[0].data_type == "s" and first[0].value == "机-2026-03-0001"
    assert first[3].value == "1121" and first[3].data_type == "s"  # account code as text
    assert first[7].value == str(admitted) and first[7].data_type == "s"  # resident id as text
    assert first[1].value.date() == D(2026, 3, 31) and first[1].number_format == "yyyy-mm-dd"
    assert first[5].value == 3300.0 and first[5].number_format == "#,##0.00" and first[6].value is None
    debit = sum(r[5].value or 0 for r in ws.iter_rows(min_row=4, max_row=9))
    credit = sum(r[6].value or 0 for r in ws.iter_rows(min_row=4, max_row=9))
    tot = _totals_row(ws)
    assert round(debit, 2) == tot[5].value == 7300.0 and round(credit, 2) == tot[6].value == 7300.0
    with ctx.app.read_factory() as s:
        row = s.execute(select(AuditLog).where(AuditLog.action == "导出序时账")).scalar_one()
    after = json.loads(row.after)
    assert after["sha256"] == res.sha256 and after["debit_fen"] == 730000 and after["rows"] == 6


def test_receipts_export_marks_voided_and_leaves_them_out_of_the_total(ctx, admitted, tmp_path):
    _bill(ctx, admitted)
    payments.record_payment(ctx, admitted, D(2026, 4, 6), "现金", 100000, "张小三")
    second = payments.record_payment(ctx, admitted, D(2026, 4, 7), "微信支付", 50000, "张小三", "WX0001").ids[0]
    payments.void_receipt(ctx, second, "金额录错", D(2026, 4, 8))
    res = exports.export_receipts(ctx, tmp_path / "r.xlsx", D(2026, 4, 1), D(2026, 4, 30))
    # valid: ¥1,000.00; voided: ¥500.00 (shown, not counted)
    assert res.rows == 2 and res.totals == {"amount_fen": 100000, "voided_fen": 50000, "voided_count": 1}
    ws = load_workbook(res.path)["收款日记账"]
    assert ws.freeze_panes == "A4"
    r1, r2 = ws[4], ws[5]
    assert (r1[0].value, r1[0].data_type, r1[9].value) == ("SJ2026-000001", "s", "有效")
    assert (r2[0].value, r2[6].value, r2[9].value, r2[11].value) == ("SJ2026-000002", "WX0001", "作废", "金额录错")
    assert r2[10].value.date() == D(2026, 4, 8)
    tot = _totals_row(ws)
    valid = sum(r[7].value for r in (r1, r2) if r[9].value == "有效")
    assert tot[7].value == valid == 1000.0
    voided_row = ws[tot[0].row + 1]
    assert voided_row[0].value == "作废收据" and voided_row[7].value == 500.0


def test_ageing_export_total_equals_the_receivable(ctx, admitted, tmp_path):
    _bill(ctx, admitted)
    payments.record_payment(ctx, admitted, D(2026, 4, 6), "现金", 100000, "张小三")
    res = exports.export_ageing(ctx, tmp_path / "a.xlsx", D(2026, 4, 30))
    # 3,300.00 charged 2026-03-31 − 1,000.00 paid = 2,300.00, 30 days old → bucket 0-30天
    assert res.totals["total_fen"] == res.totals["receivable_fen"] == 230000
    assert res.totals["bucket_0-30天"] == 230000 and res.totals["bucket_31-60天"] == 0
    ws = load_workbook(res.path)["账龄分析"]
    row = ws[4]
    assert row[0].value == str(admitted) and row[0].data_type == "s" and row[1].value == "张三"
    assert row[2].value == 2300.0 and row[7].value == 2300.0 and row[8].value.date() == D(2026, 3, 31)
    tot = _totals_row(ws)
    assert tot[2].value == 2300.0 and tot[7].value == 2300.0
    assert ws[tot[0].row + 1][7].value == 2300.0  # 应收账款（1121）余额


def test_register_export_equals_the_billing_register(app, ctx, admitted, tmp_path):
    fee_items(app)
    make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001")
    billing.run_billing(ctx, "2026-03")
    res = exports.export_register(ctx, tmp_path / "g.xlsx", "2026-03")
    # whole March: bed 2,400.00 + care 1,500.00 + meals 30.00 × 31 = 930.00 → 4,830.00
    assert res.totals == {"bed_fen": 240000, "care_fen": 150000, "meals_fen": 93000, "other_fen": 0,
                          "total_fen": 483000}
    reg = billing.billing_register(ctx, "2026-03")
    assert reg.totals.total_fen == 483000
    ws = load_workbook(res.path)["计费汇总表"]
    r = ws[4]
    assert [c.value for c in r] == [str(admitted), "张三", "HT2026-0001", 2400.0, 1500.0, 930.0, 0.0, 4830.0]
    assert r[2].data_type == "s" and r[3].number_format == "#,##0.00"
    tot = _totals_row(ws)
    assert [c.value for c in tot[3:8]] == [2400.0, 1500.0, 930.0, 0.0, 4830.0]


def test_auditor_may_export_and_it_is_audited(app, actors, admitted, tmp_path):
    aud = app.as_user(actors[Role.AUDITOR])
    res = exports.export_ageing(aud, tmp_path / "a.xlsx", D(2026, 4, 30))
    assert res.rows == 0 and res.totals["total_fen"] == 0
    with app.read_factory() as s:
        row = s.execute(select(AuditLog).where(AuditLog.action == "导出账龄分析")).scalar_one()
    assert row.user == "shenji" and json.loads(row.after)["sha256"] == res.sha256


def test_bad_range_refused(ctx, tmp_path):
    with pytest.raises(RuleViolation, match="截止日期早于起始日期"):
        exports.export_journal(ctx, tmp_path / "j.xlsx", D(2026, 4, 1), D(2026, 3, 1))
    assert not (tmp_path / "j.xlsx").exists()


# --- fee documents -----------------------------------------------------------------------

@pytest.fixture
def priced(app, ctx, centre_ready, admitted):
    """张三 (A101-1, 介护一级) and 李四 (A102-1, 介护二级) with active contracts;
    the fee items of billing_fixtures (since 2020-01-01)."""
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei",
                                       address="重庆市渝北区龙溪街道1号", phone="023-67001234"))
    items = fee_items(app)
    li = residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"]).ids[0]
    make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001")
    make_contract(app, li, D(2026, 2, 1), care=280000, care_level="介护二级", number="HT2026-0002")
    return items, admitted, li


def _pdf_text(path) -> list[str]:
    return [p.extract_text().replace("\n", "") for p in PdfReader(str(path)).pages]


def test_fee_schedule_pdf_shows_items_prices_and_the_announced_change(ctx, priced, tmp_path):
    items, *_ = priced
    fees.set_price(ctx, items["BED-N"], D(2027, 1, 1), 260000, D(2026, 11, 25), "人工成本上涨")
    res = exports.fee_schedule_pdf(ctx, tmp_path / "gs.pdf", D(2026, 11, 25))
    assert res.rows == 5
    text = "".join(_pdf_text(res.path))
    for s in ("收费公示", "阳光社区养老服务中心", "护理型床位", "2,400.00", "介护二级", "2,800.00", "伙食费", "30.00",
              "陪同就医", "80.00", "元/次", "2020-01-01", "自2027-01-01起调整为2,600.00", "押金", "6倍", "押金专户",
              "投诉电话：023-67001234", "公示日期：2026年11月25日"):
        assert s in text, s


def test_price_notices_one_per_affected_resident(ctx, priced, tmp_path):
    items, zhang, li = priced
    care1 = fees.set_price(ctx, items["CARE-1"], D(2027, 1, 1), 160000, D(2026, 11, 25), "护理人员工资上涨").ids[0]
    bed = fees.set_price(ctx, items["BED-N"], D(2027, 1, 1), 260000, D(2026, 11, 25), "人工成本上涨").ids[0]
    # a care change reaches only the residents at that care level
    change, affected = exports.price_notice_data(ctx, care1)
    assert (change.old_fen, change.new_fen) == (150000, 160000) and [r.name for r in affected] == ["张三"]
    res = exports.price_notices_pdf(ctx, tmp_path / "n.pdf", bed)
    assert res.rows == 2
    pages = _pdf_text(res.path)
    assert len(pages) == 2
    for page, name, number in zip(pages, ("张三", "李四"), ("HT2026-0001", "HT2026-0002")):
        for s in ("收费标准调整告知书", name, number, "护理型床位", "2,400.00", "2,600.00", "2027-01-01",
                  "人工成本上涨", "告知日期：2026年11月25日", "自2027年1月1日起相应变更", "回", "已知悉"):
            assert s in page, (name, s)
    # the first price of an item is no change: nothing to announce
    with pytest.raises(RuleViolation, match="首次定价"):
        exports.price_notices_pdf(ctx, tmp_path / "x.pdf", 1)
