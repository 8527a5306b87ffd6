"""Screen logic of the 报表 page (no Qt): statement cells and which of them
are figures, the drill-down totals, the trial balance, ledger and detail
rows, and the disclosure reminder."""
import datetime as dt

from eldercare_desktop.domain.disclosure_records import (
    AccountDetail,
    DetailLine,
    DisclosureStatus,
    EntryRef,
    GeneralLedgerAccount,
    LedgerMonth,
    SourceView,
    YearTrialBalance,
    YearTrialRow,
)
from eldercare_desktop.domain.statements import CashMove, Check, Statement, StatementLine, StatementSet
from eldercare_desktop.viewmodels import reports as vm

D = dt.date


def balance_sheet() -> Statement:
    return Statement("会民非01表", "资产负债表", 2025, "2004", ("年初数", "期末数"), (
        StatementLine(None, "流动资产：", (None, None), heading=True),
        StatementLine(1, "货币资金", (20_000_000, 20_683_000)),
        StatementLine(32, "减：累计折旧", (10_000_000, -5_000)),
        StatementLine(60, "资产总计", (60_000_000, 60_683_000), total=True, grand=True),
    ))


def activity() -> Statement:
    return Statement("会民非02表", "业务活动表", 2025, "2004",
                     ("本年数·非限定性", "本年数·限定性", "本年数·合计", "上年数·非限定性", "上年数·限定性", "上年数·合计"), (
                         StatementLine(13, "其中：人员费用", (1, 0, 1, 0, 0, 0), detail=True),
                         StatementLine(35, "费用合计", (1, 0, 1, 0, 0, 0), total=True)))


def texts(columns, row) -> list[str]:
    return [c.text(row) for c in columns]


def test_statement_cells_and_styles():
    st = balance_sheet()
    cols = vm.statement_columns(st)
    assert [c.align for c in cols] == ["center", "left", "right", "right"]
    assert texts(cols, st.lines[0]) == ["", "流动资产：", "", ""]
    assert texts(cols, st.lines[1]) == ["1", "\u3000货币资金", "200,000.00", "206,830.00"]
    assert texts(cols, st.lines[2])[3] == "-50.00"  # negatives keep their minus
    assert texts(cols, st.lines[3]) == ["60", "资产总计", "600,000.00", "606,830.00"]
    assert [vm.line_style(x) for x in st.lines] == [vm.HEADING, vm.PLAIN, vm.PLAIN, vm.GRAND]
    act = activity()
    assert vm.line_label(act.lines[0]) == "\u3000\u3000其中：人员费用"
    assert vm.line_style(act.lines[1]) == vm.TOTAL and vm.TOTAL in vm.BOLD_STYLES
    assert [vm.column_header(c) for c in act.columns[:2]] == ["本年数\n非限定性", "本年数\n限定性"]
    assert vm.date_line(st) == "2025年12月31日" and vm.date_line(act) == "2025年度"
    assert vm.date_line(st, D(2026, 4, 2)) == "2025年12月31日"
    running = Statement("会民非01表", "资产负债表", 2026, "2004", (), ())
    assert vm.date_line(running, D(2026, 4, 2)) == "2026年4月2日"
    assert vm.date_line(Statement("会民非02表", "业务活动表", 2026, "2004", (), ()), D(2026, 4, 2)) == "2026年度（截至4月2日）"


def test_which_cell_is_a_figure():
    st = balance_sheet()
    assert vm.figure_at(st, 3, 3) == (60, 1, 60_683_000)
    assert vm.figure_at(st, 1, 2) == (1, 0, 20_000_000)
    assert vm.figure_at(st, 0, 2) is None  # a heading
    assert vm.figure_at(st, 1, 0) is None and vm.figure_at(st, 1, 1) is None  # 行次, 项目
    assert vm.figure_at(st, 9, 2) is None and vm.figure_at(st, 1, 4) is None
    assert vm.figure_caption(st, 60, 1) == "资产负债表 第60行 资产总计 · 期末数（2025年12月31日）"
    assert vm.figure_caption(activity(), 35, 4) == "业务活动表 第35行 费用合计 · 上年数 限定性（2025年度）"


def test_checks_failures_first_and_unclassified_cash():
    st = balance_sheet()
    cf = Statement("会民非03表", "现金流量表", 2025, "2004", ("金额",), (),
                   unclassified=(CashMove(7, D(2025, 3, 1), "1901", 12_345, "杂项"),))
    sset = StatementSet(2025, st, activity(), cf, (Check("平衡", True, "相等"), Check("现金收支全部归类", False, "1笔")))
    assert vm.check_lines(sset.checks) == [(False, "✘ 现金收支全部归类：1笔"), (True, "✔ 平衡：相等")]
    assert vm.unclassified_lines(sset) == [(7, "凭证7\u30002025-03-01\u3000科目1901\u3000123.45\u3000杂项")]
    assert vm.statement_of(sset, "cash_flow") is cf and vm.KINDS == ("balance", "activity", "cash_flow")


def test_drilldown_total_and_source_lines():
    refs = [EntryRef(1, D(2025, 1, 1), "期初余额", "期初余额", "期初余额", "100201", "基本户", 20_000_000),
            EntryRef(2, D(2025, 5, 31), "记-2025-05-0001", "工资", "凭证:记-2025-05-0001", "100201", "基本户", -5_400_000)]
    assert vm.entries_total(refs) == 14_600_000
    assert texts(vm.ENTRY_COLUMNS, refs[1]) == ["2025-05-31", "记-2025-05-0001", "工资", "100201 基本户", "-54,000.00"]
    view = SourceView(2, "凭证", "记账凭证 记-2025-05-0001", (), (
        ("510101", "人员费用", 4_000_000, 0, "护理人员"), ("100201", "基本户", 0, 4_000_000, "实发")))
    rows = vm.source_lines(view, "合计")
    assert [texts(vm.SOURCE_COLUMNS, r) for r in rows] == [
        ["510101", "人员费用", "40,000.00", "", "护理人员"], ["100201", "基本户", "", "40,000.00", "实发"],
        ["", "合计", "40,000.00", "40,000.00", ""]]
    assert [vm.source_style(r) for r in rows] == [vm.PLAIN, vm.PLAIN, vm.TOTAL]


def test_trial_balance_rows_parents_and_totals():
    tb = YearTrialBalance(2025, D(2025, 1, 1), D(2025, 12, 31), (
        YearTrialRow("1002", "银行存款", 1, 100, 0, 50, 20, 130, 0),
        YearTrialRow("100201", "银行存款—基本户", 2, 100, 0, 50, 20, 130, 0),
        YearTrialRow("1121", "应收账款", 1, 0, 0, 0, 0, 0, 0),
        YearTrialRow("3101", "非限定性净资产", 1, 0, 100, 20, 50, 0, 130)))
    rows = vm.trial_rows(tb, "合计")
    parents = vm.trial_parents(tb)
    assert parents == {"1002"}
    assert [vm.trial_style(r, parents) for r in rows] == [vm.PARENT, vm.PLAIN, vm.PLAIN, vm.PLAIN, vm.GRAND]
    assert texts(vm.TRIAL_COLUMNS, rows[1])[:3] == ["100201", "\u3000银行存款—基本户", "1.00"]
    assert texts(vm.TRIAL_COLUMNS, rows[2])[2:] == [""] * 6  # zeros blank in the books
    assert texts(vm.TRIAL_COLUMNS, rows[-1]) == ["", "合计", "1.00", "1.00", "0.70", "0.70", "1.30", "1.30"]


def test_ledger_rows_with_direction():
    months = tuple(LedgerMonth(f"2025-{m:02d}", 0, 300 if m == 2 else 0, 200 - (300 if m >= 2 else 0))
                   for m in range(1, 13))
    a = GeneralLedgerAccount("1002", "银行存款", "借", 200, months)
    rows = vm.ledger_rows(a, 2025, ("上年结转", "本月合计", "本年累计"))
    assert len(rows) == 14
    assert texts(vm.LEDGER_COLUMNS, rows[0]) == ["2025-01", "上年结转", "", "", "借", "2.00"]
    assert texts(vm.LEDGER_COLUMNS, rows[2]) == ["2025-02", "本月合计", "", "3.00", "贷", "1.00"]
    assert texts(vm.LEDGER_COLUMNS, rows[-1]) == ["2025", "本年累计", "", "3.00", "贷", "1.00"]
    assert (rows[0].style, rows[1].style, rows[-1].style) == (vm.DETAIL, vm.PLAIN, vm.TOTAL)
    assert vm.direction("贷", 0) == ("平", 0) and vm.direction("贷", -5) == ("借", 5)
    assert vm.period_span("2025-02") == (D(2025, 2, 1), D(2025, 2, 28))
    assert vm.period_span("2024-12") == (D(2024, 12, 1), D(2024, 12, 31))


def test_detail_rows_month_totals_and_sources():
    d = AccountDetail("1002", "银行存款", "借", D(2025, 1, 1), D(2025, 12, 31), 1000, (
        DetailLine(5, D(2025, 1, 15), "记-2025-01-0001", "凭证:…", "工资", 0, 300, 700),
        DetailLine(6, D(2025, 1, 20), "收据", "receipt:1", "收款", 100, 0, 800, "张三"),
        DetailLine(7, D(2025, 3, 2), "押金", "escrow:1", "押金", 50, 0, 850)))
    rows = vm.detail_rows(d, ("期初余额", "本月合计", "本期合计", "期末余额"))
    assert [r.memo for r in rows] == ["期初余额", "工资", "收款", "本月合计", "押金", "本月合计", "本期合计", "期末余额"]
    assert [r.entry_id for r in rows] == [None, 5, 6, None, 7, None, None, None]
    assert texts(vm.DETAIL_COLUMNS, rows[3]) == ["", "", "本月合计", "", "1.00", "3.00", "借", "8.00"]
    assert texts(vm.DETAIL_COLUMNS, rows[6]) == ["", "", "本期合计", "", "1.50", "3.00", "", ""]
    assert texts(vm.DETAIL_COLUMNS, rows[7]) == ["2025-12-31", "", "期末余额", "", "", "", "借", "8.50"]
    empty = AccountDetail("1002", "银行存款", "借", D(2025, 1, 1), D(2025, 1, 31), 0, ())
    assert [r.memo for r in vm.detail_rows(empty, ("a", "b", "c", "d"))] == ["a", "c", "d"]


def test_choices_years_and_spans():
    assert vm.account_choices([("1002", "银行存款"), ("100201", "银行存款—基本户")]) == [
        "1002 银行存款", "100201 银行存款—基本户"]
    assert vm.account_code(" 100201 银行存款—基本户") == "100201" and vm.account_code("1002") == "1002"
    assert vm.account_code("") == ""
    assert vm.default_year([2026, 2025, 2024], D(2026, 4, 2)) == 2025
    assert vm.default_year([2026, 2025], D(2026, 5, 1)) == 2026
    assert vm.default_year([2026], D(2026, 1, 5)) == 2026
    assert vm.default_year([], D(2026, 1, 5)) is None
    assert vm.year_span(2025, D(2026, 4, 2)) == (D(2025, 1, 1), D(2025, 12, 31))
    assert vm.year_span(2026, D(2026, 4, 2)) == (D(2026, 1, 1), D(2026, 4, 2))


def test_reminder_until_submitted():
    due = D(2026, 3, 31)
    assert vm.reminder(None) is None
    assert vm.reminder(DisclosureStatus(2025, due, 30, None)) == (
        "2025年度财务收支情况须于2026-03-31前报送民政、价格部门，还剩30天", False)
    text, overdue = vm.reminder(DisclosureStatus(2025, due, -2, None))
    assert overdue and "逾期2天" in text
    assert vm.reminder(DisclosureStatus(2025, due, -2, D(2026, 4, 1), "区民政局")) is None
