"""年度财务收支情况公开 and the books as XLSX, reopened with openpyxl: each
statement sheet's figures equal the statements (fen / 100) row by row by
行次, page setup (A4 landscape, fit to width, print titles), frozen header,
the other sheets' figures, refusal on a failed check."""
import io

import pytest
from openpyxl import load_workbook

from eldercare_desktop.documents import disclosure_xlsx as DX
from eldercare_desktop.domain.errors import RuleViolation

from . import disclosure_sample as X


@pytest.fixture(scope="module")
def ctx():
    return X.context()


@pytest.fixture(scope="module")
def wb(ctx):
    return load_workbook(io.BytesIO(DX.package_xlsx(ctx)))


def by_row(ws, ncols: int) -> dict[int, tuple]:
    """{行次: the figures of that row} from a statement sheet."""
    out = {}
    for row in ws.iter_rows(min_row=1, values_only=True):
        if isinstance(row[1], int) and isinstance(row[0], str):
            out[row[1]] = tuple(row[2:2 + ncols])
    return out


def test_sheets(wb):
    assert wb.sheetnames == ["资产负债表", "业务活动表", "现金流量表", "说明与校验", "收费标准", "押金专户", "政府补助",
                             "床位使用", "基本情况"]


def test_statement_figures_equal_the_statements_row_by_row(ctx, wb):
    ss = ctx.statements
    for st, name in ((ss.balance, "资产负债表"), (ss.activity, "业务活动表"), (ss.cash_flow, "现金流量表")):
        ws = wb[name]
        assert ws["A1"].value == st.title and st.code in [c.value for c in ws[1]]
        got = by_row(ws, len(st.columns))
        want = {row: tuple((v or 0) / 100 for v in values) for row, values in st.rows().items()}
        assert got == want, name
    ws = wb["业务活动表"]
    assert [c.value for c in ws[3]][:3] == ["项目", "行次", "本年数"] and ws["F3"].value == "上年数"
    assert [c.value for c in ws[4]][2:8] == ["非限定性", "限定性", "合计"] * 2
    # a decrease stays negative, shown with "-"
    cell = next(r for r in ws.iter_rows(min_row=5) if r[1].value == 40)[3]
    assert cell.value == -150000.0 and cell.number_format == "#,##0.00"


def test_page_setup_on_every_sheet(wb):
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.paperSize == 9, ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows, ws.title
    assert wb["资产负债表"].print_title_rows == "$3:$3" and wb["资产负债表"].freeze_panes == "A4"
    assert wb["业务活动表"].print_title_rows == "$3:$4" and wb["业务活动表"].freeze_panes == "A5"


def test_other_sheets(ctx, wb):
    checks = [r for r in wb["说明与校验"].iter_rows(min_row=4, values_only=True) if r[0] == "勾稽校验"]
    assert [r[1] for r in checks] == [c.name for c in ctx.statements.checks]
    assert all(r[2] == "✔ 通过" for r in checks)
    fees = wb["收费标准"]
    assert fees["B5"].value == "护理型床位（单人间）" and fees["D5"].value == 2600.0
    assert fees["E5"].number_format == "yyyy-mm-dd"
    values = [c for row in fees.iter_rows(values_only=True) for c in row if c is not None]
    assert "本年度调价频次：2次（另新增收费项目1项，不计入调价次数）" in values and "新增项目" in values
    escrow = {r[0]: r[1] for r in wb["押金专户"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert escrow["年初押金余额"] == 150000.0 and escrow["年末押金余额"] == 167160.0
    assert escrow["本年利息入账"] == 360.0 and escrow["预收费总额（预收账款＋住户押金）"] == 203160.0
    assert escrow["固定资产净值"] == 2435000.0 and escrow["预收费总额÷固定资产净值"] == "8.3%"
    sub = list(wb["政府补助"].iter_rows(min_row=4, values_only=True))
    assert sub[0] == ("运营补贴", "440102", "非限定性", 180000.0) and sub[3] == ("合计", None, None, 480000.0)
    assert wb["政府补助"]["B4"].data_type == "s"
    beds = {r[0]: r[1] for r in wb["床位使用"].iter_rows(min_row=4, values_only=True)}
    assert beds["床位使用率"] == "80.0%" and beds["护理型床位占比"] == "55.0%" and beds["年末在住老人"] == "98人"
    facts = {r[0]: r[1] for r in wb["基本情况"].iter_rows(min_row=4, values_only=True)}
    assert facts["统一社会信用代码"] == "52500112MJP123456X" and "全年未发生安全责任事故" in facts["年度工作报告"]


def test_failed_check_refuses():
    with pytest.raises(RuleViolation, match="科目余额表借贷平衡"):
        DX.package_xlsx(X.context(trial_gap=5))


def test_trial_balance_xlsx():
    tb = X.trial_balance()
    ws = load_workbook(io.BytesIO(DX.trial_balance_xlsx(tb, X.CENTRE.name)))["科目余额表"]
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$3:$4" and ws.page_setup.orientation == "landscape"
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    bank = rows["1002"]
    assert bank[0].data_type == "s" and bank[0].font.b  # a parent account: bold
    assert [c.value for c in bank[2:]] == [1300000.0, 0, 2528360.0, 1810200.0, 2018160.0, 0]
    assert not rows["100201"][0].font.b and rows["100201"][1].alignment.indent == 2
    t = tb.totals()
    assert [c.value for c in rows["合计"][2:]] == [v / 100 for v in (t.opening_debit, t.opening_credit, t.debit,
                                                                    t.credit, t.closing_debit, t.closing_credit)]


def test_ledger_xlsx():
    ws = load_workbook(io.BytesIO(DX.ledger_xlsx(X.general_ledger(), 2025, X.CENTRE.name)))["总账"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] == "220901"]
    assert rows[0][3] == "上年结转（期初余额）" and rows[0][6:] == ("贷", 150000.0)
    assert rows[-1][3] == "本年累计" and rows[-1][4:] == (25200.0, 42360.0, "贷", 167160.0)
    assert len(rows) == 14 and ws.page_setup.fitToWidth == 1


def test_detail_xlsx():
    d = X.account_detail()
    ws = load_workbook(io.BytesIO(DX.detail_xlsx(d, X.CENTRE.name)))["明细账"]
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert rows[0][3] == "期初余额" and rows[0][7:] == ("借", 150000.0)
    assert rows[1][1] == "记-0135" and rows[1][5] == 42000.0 and rows[1][8] == 192000.0
    assert rows[-2][0] == "本期合计" and rows[-2][5:7] == (42360.0, 25200.0)
    assert rows[-1][3] == "期末余额" and rows[-1][7:] == ("借", 167160.0)
