"""Screen logic of the 账单与收款 page (no Qt)."""
import datetime as dt

from eldercare_desktop.domain.billing import PRORATION_RULE
from eldercare_desktop.domain.billing_records import BillingRegister, RegisterRow, StatementDetail, StatementLine
from eldercare_desktop.domain.finance_records import PriceChangeLog, PriceChangeRow, ScheduleRow
from eldercare_desktop.domain.payment_records import AgeingReport, AgeingRow, ReceiptRow
from eldercare_desktop.domain.records import ResidentRow
from eldercare_desktop.viewmodels import finance as vm

D = dt.date
T = dt.datetime(2026, 1, 1, 9, 0)


def receipt(i, amount, voided=False, method="现金"):
    return ReceiptRow(i, f"SJ2026-{i:06d}", D(2026, 11, i), 1, "张三", method, "", amount, "张小三", "", "会计",
                      voided, D(2026, 11, 20) if voided else None, "写错金额" if voided else "")


def test_months():
    assert vm.previous_month(D(2026, 1, 15)) == "2025-12"
    assert vm.previous_month(D(2026, 11, 25)) == "2026-10"
    m = vm.month_choices(D(2026, 2, 3), back=3)
    assert m == ["2026-02", "2026-01", "2025-12", "2025-11"]


def test_register_rows_end_with_totals_equal_to_the_sum():
    reg = BillingRegister("2026-10", (RegisterRow(1, "张三", 1, "HT1", 240000, 150000, 93000, 8000),
                                      RegisterRow(2, "李四", 2, "HT2", 120000, 0, 3000, 0)))
    rows = vm.register_rows(reg)
    assert len(rows) == 3 and vm.is_totals(rows[-1]) and not vm.is_totals(rows[0])
    assert rows[-1].total_fen == 491000 + 123000
    assert [c.text(rows[-1]) for c in vm.REGISTER_COLUMNS][2:] == [
        "¥3,600.00", "¥1,500.00", "¥960.00", "¥80.00", "¥6,140.00"]
    assert vm.register_rows(BillingRegister("2026-10", ())) == []


def test_receipt_totals_exclude_voided():
    rows = [receipt(1, 10000), receipt(2, 5000, voided=True), receipt(3, 2500, method="微信支付")]
    t = vm.receipt_totals(rows)
    assert (t.count, t.voided, t.total_fen) == (3, 1, 12500)
    assert dict(t.by_method) == {"现金": 10000, "微信支付": 2500}


def test_change_log_counts_per_item_and_year():
    def ch(item, code, day, old, new):
        return PriceChangeRow(item, code, code, day, old, new, day, "r", T, "admin")

    log = PriceChangeLog((ch(1, "BED", D(2026, 1, 1), None, 100), ch(1, "BED", D(2026, 3, 1), 100, 120),
                          ch(1, "BED", D(2026, 9, 1), 120, 130), ch(2, "CARE", D(2026, 5, 1), 10, 20)),
                         {(1, 2026): 2, (2, 2026): 1})
    lines = vm.change_lines(log)
    assert lines[0].row.effective_date == D(2026, 9, 1) and lines[0].changes_in_year == 2
    texts = [vm.CHANGE_COLUMNS[7].text(x) for x in lines]
    assert texts[-1] == ""  # the first price is not a change
    assert vm.change_counts(log) == [("BED", "BED", 2026, 2), ("CARE", "CARE", 2026, 1)]


def test_schedule_next_change_text():
    r = ScheduleRow(1, "BED", "bed", "床位费", "普通床位", "月", "普通", 230000, D(2020, 1, 1), 240000,
                    D(2027, 1, 1), D(2026, 11, 25))
    cells = [c.text(r) for c in vm.SCHEDULE_COLUMNS]
    assert cells[5] == "¥2,300.00" and cells[6] == "2020-01-01"
    assert cells[7] == "2027-01-01起 ¥2,400.00（2026-11-25告知）"
    none = ScheduleRow(2, "X", "other", "其他费用", "X", "次", "", None, None)
    assert [c.text(none) for c in vm.SCHEDULE_COLUMNS][5:] == ["—", "—", ""]


def test_resident_search():
    rows = [ResidentRow(1, "张三", "男", "1", D(1940, 1, 1), "在住", "A101-1", None, "", "", "zhangsan", "zs"),
            ResidentRow(2, "李四", "女", "2", D(1940, 1, 1), "已离院", "", None, "", "", "lisi", "ls")]
    choices = vm.resident_choices(rows)
    assert [c.name for c in choices] == ["张三", "李四"] and choices[0].label == "张三（A101-1）"
    assert [c.id for c in vm.filter_choices(choices, "ZS")] == [1]
    assert [c.id for c in vm.filter_choices(choices, "李")] == [2]
    assert len(vm.filter_choices(choices, " ")) == 2


def test_ageing_rows_and_balance():
    rep = AgeingReport(D(2026, 11, 25), (AgeingRow(1, "张三", (100, 200, 0, 0), 0, D(2026, 9, 30)),
                                         AgeingRow(2, "李四", (0, 0, 0, 50), 20, D(2026, 5, 31))),
                       (100, 200, 0, 50), 20, 330)
    rows = vm.ageing_rows(rep)
    assert rows[-1].resident_id == 0 and rows[-1].total_fen == 330 == rep.receivable_fen
    assert vm.ageing_balanced(rep)
    cols = vm.ageing_columns()
    assert [c.text(rows[1]) for c in cols] == ["李四", "¥0.00", "¥0.00", "¥0.00", "¥0.50", "¥0.20", "¥0.30",
                                               "2026-05-31"]


def test_statement_html_shows_every_basis_and_the_rule():
    line = StatementLine("bed", "普通床位", D(2026, 10, 1), D(2026, 10, 31), 31, 240000, 240000,
                         "¥2,400.00 × 31 ÷ 31天")
    d = StatementDetail("阳光", "2026-10", D(2026, 10, 1), D(2026, 10, 31), 1, "张<三>", "A101-1", ("HT1",),
                        0, (line,), (), (), 240000, PRORATION_RULE, 0)
    h = vm.statement_html(d, {})
    assert "¥2,400.00 × 31 ÷ 31天" in h and PRORATION_RULE in h and "张&lt;三&gt;" in h
    assert vm.balance_text(-500) == ("prepaid", "¥5.00") and vm.balance_text(0)[0] == "settled"
