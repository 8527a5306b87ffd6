"""Screen logic of the 记账凭证 and 固定资产 tabs: filters, cells, sorting,
actions of a selection, the lines grid read into balanced lines, assets."""
import datetime as dt

import pytest

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import CHART_2004, Line
from eldercare_desktop.services.assets import AssetInfo
from eldercare_desktop.services.books import VoucherInfo, VoucherLineInfo
from eldercare_desktop.viewmodels import vouchers as vm
from eldercare_desktop.viewmodels.finance import ResidentChoice

D = dt.date


def voucher(i=1, number="记-2026-11-0001", status=B.PENDING, total=120050, day=D(2026, 11, 3), reverses="",
            reversed_by="", lines=()):
    return VoucherInfo(i, number, day, "购买食材", "purchase", 2, status, total, "kuaiji",
                       "admin" if status == B.REVIEWED else "", None, reverses, reversed_by, "", {}, lines)


def text(columns, row):
    return [c.text(row) for c in columns]


def test_date_range_month_and_whole_year():
    assert vm.date_range(2024, 2) == (D(2024, 2, 1), D(2024, 2, 29))
    assert vm.date_range(2026, vm.ALL_MONTHS) == (D(2026, 1, 1), D(2026, 12, 31))
    assert vm.STATUS_FILTERS == ("", "待审核", "已审核", "作废")
    assert vm.status_colour(B.REVIEWED) == "#2e7d32" and vm.status_colour("?") is None


def test_voucher_cells_and_red_text():
    v = voucher(reversed_by="记-2026-11-0007", status=B.REVIEWED)
    assert text(vm.voucher_columns(), v) == ["记-2026-11-0001", "2026-11-03", "购买食材", "伙食及物资采购", "¥1,200.50",
                                            "2", "已审核", "kuaiji", "admin", "被 记-2026-11-0007 冲"]
    labels = vm.Labels(statuses={B.PENDING: "Pending"}, templates={"purchase": "Food"}, reverses="reverses %1")
    red = voucher(reverses="记-2026-10-0003", total=-5000)
    cells = text(vm.voucher_columns(labels), red)
    assert cells[3:7] == ["Food", "-¥50.00", "2", "Pending"] and cells[9] == "reverses 记-2026-10-0003"


def test_sort_by_value_not_text():
    rows = [voucher(1, total=20000), voucher(2, total=100000), voucher(3, total=3000)]
    col = next(c for c in vm.voucher_columns() if c.key == "amount")
    assert [v.id for v in vm.sort_rows(rows, col)] == [3, 1, 2]  # by text it would be 2, 1, 3
    assert [v.id for v in vm.sort_rows(rows, col, descending=True)] == [2, 1, 3]
    memo = next(c for c in vm.voucher_columns() if c.key == "memo")
    assert len(vm.sort_rows(rows, memo)) == 3


def test_actions_follow_the_selection():
    p, r, void = voucher(1), voucher(2, status=B.REVIEWED), voucher(3, status=B.VOID)
    assert vm.actions([]) == vm.Actions(False, False, False)
    assert vm.actions([p]) == vm.Actions(True, True, False)
    assert vm.actions([p, voucher(4)]) == vm.Actions(True, False, False)  # review many, void one
    assert vm.actions([p, r]) == vm.Actions(False, False, False)
    assert vm.actions([r]) == vm.Actions(False, False, True)
    assert vm.actions([void]) == vm.Actions(False, False, False)
    assert not vm.actions([voucher(5, status=B.REVIEWED, reversed_by="记-1")]).reverse
    assert not vm.actions([voucher(6, status=B.REVIEWED, reverses="记-1")]).reverse


def test_line_rows_with_totals():
    info = (VoucherLineInfo("510102", "业务活动成本—日常费用", 120050, 0, None, "", ""),
            VoucherLineInfo("1121", "应收账款", 0, 120050, 7, "张三", "代收"))
    rows = vm.line_rows(info)
    assert [text(vm.LINE_COLUMNS, r) for r in rows] == [
        ["510102", "业务活动成本—日常费用", "¥1,200.50", "", "", ""],
        ["1121", "应收账款", "", "¥1,200.50", "张三", "代收"],
        ["", "合计", "¥1,200.50", "¥1,200.50", "", ""]]
    assert rows[-1].total and not rows[0].total
    preview = vm.line_rows((Line("100201", debit=500), Line("410101", credit=500)), CHART_2004, "Total")
    assert preview[0].account_name == CHART_2004.name("100201") and preview[-1].account_name == "Total"
    assert vm.line_rows(()) == []


def test_read_amounts_as_yuan_text():
    assert vm.read_amounts({"a": "1,200.5", "b": "", "c": "¥3"}) == {"a": 120050, "b": 0, "c": 300}
    with pytest.raises(RuleViolation) as exc:
        vm.read_amounts({"a": "1.234", "b": "", "c": "x"}, required=("b",))
    assert exc.value.fields() == {"a", "b", "c"}
    assert any("两位小数" in p.message for p in exc.value.problems)


def test_read_grid_balances_and_reports_every_cell():
    residents = vm.resident_labels([ResidentChoice(7, "张三", "A101-1", "在住", "zs")])
    rows = [vm.GridRow("510102 业务活动成本—日常费用", "1,000", ""),
            vm.GridRow(), vm.GridRow("100201", "", "999.99")]
    r = vm.read_grid(rows, CHART_2004, residents)
    assert not r.problems and (r.debit, r.credit) == (100000, 99999) and not r.balanced
    assert r.lines == (Line("510102", 100000), Line("100201", 0, 99999))
    ok = vm.read_grid([rows[0], vm.GridRow("1121 应收账款", "", "1000", "张三（A101-1）", "代收")], CHART_2004, residents)
    assert ok.ok and ok.lines[1] == Line("1121", 0, 100000, 7, "代收")
    bad = vm.read_grid([vm.GridRow("5101", "1"), vm.GridRow("9999", "1", "2"), vm.GridRow("1121", "x"),
                        vm.GridRow("", "", "", "李四")], CHART_2004, residents)
    cells = {(row, col) for row, col, _ in bad.problems}
    assert cells == {(0, vm.GRID_ACCOUNT), (1, vm.GRID_ACCOUNT), (1, vm.GRID_DEBIT), (2, vm.GRID_DEBIT),
                     (2, vm.GRID_RESIDENT), (3, vm.GRID_ACCOUNT), (3, vm.GRID_DEBIT), (3, vm.GRID_RESIDENT)}
    assert bad.messages()[0].startswith("第1行：")
    opening = vm.read_grid([vm.GridRow("510102", "1")], CHART_2004, kinds=vm.BALANCE_SHEET)
    assert "没有期初余额" in opening.problems[0][2]


def test_tidy_amount():
    assert vm.tidy_amount("1200.5") == "1,200.50" and vm.tidy_amount(" ") == ""
    assert vm.tidy_amount("1.234") == "1.234" and vm.tidy_amount("abc") == "abc"


def test_choices_and_account_codes():
    leaves = vm.account_choices(CHART_2004)
    assert "510102 " + CHART_2004.name("510102") in leaves
    assert not any(x.startswith("5101 ") for x in leaves)  # a parent: lines post to leaves only
    assert all(x[0] in "123" for x in vm.account_choices(CHART_2004, vm.BALANCE_SHEET))
    assert vm.account_code(" 510102 业务活动成本 ") == "510102" and vm.account_code("") == ""
    parents = [vm.account_code(x) for x in vm.parent_choices(CHART_2004)]
    assert "1121" not in parents and "5101" not in parents and "1122" in parents  # the app posts there itself
    twins = vm.resident_labels([ResidentChoice(1, "王五", "", "", ""), ResidentChoice(2, "王五", "", "", "")])
    assert twins == {"王五#1": 1, "王五#2": 2}
    assert "asset" not in vm.DIALOG_TEMPLATES and vm.DIALOG_TEMPLATES[0] == "general"


def test_asset_cells_and_totals():
    a = AssetInfo(1, "ZC-0001", "康复训练设备", "专用设备", 3_600_000, D(2025, 9, 1), 60, 0, "业务", "记-2025-09-0001",
                  B.REVIEWED, 180_000, "2025-12")
    done = AssetInfo(2, "ZC-0002", "旧电脑", "电子设备", 60_000, D(2020, 1, 1), 12, 6_000, "管理", "", "", 54_000, "2021-01")
    new = AssetInfo(3, "ZC-0003", "床", "家具用具", 60_000, D(2026, 11, 1), 12, 0, "业务", "记-2026-11-0002", B.PENDING, 0, "")
    columns = vm.asset_columns()
    assert text(columns, a) == ["ZC-0001", "康复训练设备", "专用设备", "¥36,000.00", "2025-09-01", "60",
                                         "¥0.00", "业务", "¥600.00", "¥1,800.00", "¥34,200.00", "记-2025-09-0001"]
    assert vm.monthly_fen(done) == 0 and text(columns, done)[-1] == "—"
    assert text(columns, new)[-1] == "记-2026-11-0002" and vm.voucher_colour(new) == "#ef6c00"
    assert vm.voucher_colour(a) is None and vm.voucher_colour(done) is None
    cost = next(c for c in columns if c.key == "cost")
    assert [x.id for x in vm.sort_rows([a, done, new], cost, keys=vm.ASSET_SORT)] == [2, 3, 1]
    assert vm.asset_totals([a, done]) == (3_660_000, 234_000, 3_426_000)
