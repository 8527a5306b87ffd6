"""The statement engine (domain/statements.py) over the template files
(resources/statements/<format>/*.toml): the 2004 layouts line by line
against STATEMENTS.md, sums, restriction columns, cash-flow
classification, the checks, and template choice by year — including a new
format dropped into a folder without code changes."""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from eldercare_desktop.domain import statements as S
from eldercare_desktop.domain.errors import RuleViolation

D = dt.date
TEMPLATES = S.load_templates()

# 会民非01表 资产负债表 (STATEMENTS.md)
BALANCE_ROWS = [
    (1, "货币资金"), (2, "短期投资"), (3, "应收款项"), (4, "预付账款"), (8, "存货"), (9, "待摊费用"),
    (15, "一年内到期的长期债权投资"), (18, "其他流动资产"), (20, "流动资产合计"),
    (21, "长期股权投资"), (24, "长期债权投资"), (30, "长期投资合计"),
    (31, "固定资产原价"), (32, "减：累计折旧"), (33, "固定资产净值"), (34, "在建工程"), (35, "文物文化资产"),
    (38, "固定资产清理"), (40, "固定资产合计"), (41, "无形资产"), (51, "受托代理资产"), (60, "资产总计"),
    (61, "短期借款"), (62, "应付款项"), (63, "应付工资"), (65, "应交税金"), (66, "预收账款"), (71, "预提费用"),
    (72, "预计负债"), (74, "一年内到期的长期负债"), (78, "其他流动负债"), (80, "流动负债合计"),
    (81, "长期借款"), (84, "长期应付款"), (88, "其他长期负债"), (90, "长期负债合计"), (91, "受托代理负债"),
    (100, "负债合计"), (101, "非限定性净资产"), (105, "限定性净资产"), (110, "净资产合计"), (120, "负债和净资产总计"),
]
# 会民非02表 业务活动表
ACTIVITY_ROWS = [
    (1, "捐赠收入"), (2, "会费收入"), (3, "提供服务收入"), (4, "商品销售收入"), (5, "政府补助收入"), (6, "投资收益"),
    (9, "其他收入"), (11, "收入合计"), (12, "业务活动成本"), (13, "人员费用"), (14, "日常费用"), (15, "固定资产折旧"),
    (16, "税费"), (21, "管理费用"), (24, "筹资费用"), (28, "其他费用"), (35, "费用合计"),
    (40, "限定性净资产转为非限定性净资产"), (45, "净资产变动额"),
]
# 会民非03表 现金流量表
CASH_FLOW_ROWS = [
    (1, "接受捐赠收到的现金"), (2, "收取会费收到的现金"), (3, "提供服务收到的现金"), (4, "销售商品收到的现金"),
    (5, "政府补助收到的现金"), (8, "收到的其他与业务活动有关的现金"), (13, "现金流入小计"),
    (14, "提供捐赠或者资助支付的现金"), (15, "支付给员工以及为员工支付的现金"), (16, "购买商品、接受服务支付的现金"),
    (19, "支付的其他与业务活动有关的现金"), (23, "现金流出小计"), (24, "业务活动产生的现金流量净额"),
    (25, "收回投资所收到的现金"), (26, "取得投资收益所收到的现金"), (27, "处置固定资产和无形资产所收回的现金"),
    (30, "收到的其他与投资活动有关的现金"), (34, "流入小计"), (35, "购建固定资产和无形资产所支付的现金"),
    (36, "对外投资所支付的现金"), (39, "支付的其他与投资活动有关的现金"), (43, "流出小计"),
    (44, "投资活动产生的现金流量净额"), (45, "借款所收到的现金"), (48, "收到的其他与筹资活动有关的现金"),
    (50, "流入小计"), (51, "偿还借款所支付的现金"), (52, "偿付利息所支付的现金"),
    (55, "支付的其他与筹资活动有关的现金"), (58, "流出小计"), (59, "筹资活动产生的现金流量净额"),
    (60, "汇率变动对现金的影响额"), (61, "现金及现金等价物净增加额"),
]


def _t(kind: str, year: int = 2025) -> S.Template:
    return S.choose(TEMPLATES, kind, year).template


def _books(year=2025, opening=None, closing=None, movements=None, cash_moves=()) -> S.YearBooks:
    return S.YearBooks(year, opening or {}, closing or {}, movements or {}, tuple(cash_moves))


# --- templates load -------------------------------------------------------------------

def test_the_2004_templates_load():
    by_kind = {t.kind: t for t in TEMPLATES if t.format == "2004"}
    assert set(by_kind) == {"balance", "activity", "cash_flow"}
    assert {t.code for t in by_kind.values()} == {"会民非01表", "会民非02表", "会民非03表"}
    assert by_kind["balance"].title == "资产负债表"
    assert by_kind["activity"].title == "业务活动表"
    assert by_kind["cash_flow"].title == "现金流量表"
    assert by_kind["balance"].columns == ("年初数", "期末数")
    assert by_kind["activity"].columns == ("非限定性", "限定性", "合计")
    assert by_kind["cash_flow"].columns == ("金额",)
    for t in by_kind.values():
        assert (t.first_year, t.last_year) == (2005, 2025)


@pytest.mark.parametrize("kind,table", [("balance", BALANCE_ROWS), ("activity", ACTIVITY_ROWS),
                                        ("cash_flow", CASH_FLOW_ROWS)])
def test_every_row_of_the_2004_layout_is_present_with_its_label(kind, table):
    t = _t(kind)
    rows = [x.row for x in t.lines if x.row is not None]
    assert len(rows) == len(set(rows)), "a 行次 appears twice"
    assert rows == sorted(rows), "行次 out of order"
    assert set(rows) == {r for r, _ in table}
    for row, label in table:
        assert label in t.line(row).label, (row, label, t.line(row).label)


def test_totals_and_grand_totals_are_marked():
    assert _t("balance").line(60).grand and _t("balance").line(120).grand
    assert _t("activity").line(45).grand and _t("cash_flow").line(61).grand
    assert all(_t("activity").line(r).detail for r in (13, 14, 15, 16))


def test_a_template_naming_an_unknown_row_is_refused():
    text = (Path(S.TEMPLATES) / "2004" / "activities.toml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="unknown row 99"):
        S.parse_template(text.replace("sum = [12, 21, 24, 28]", "sum = [12, 21, 24, 99]"))


# --- sums -----------------------------------------------------------------------------

def test_balance_sheet_sums():
    opening = {"100201": 200_000_00, "1501": 500_000_00, "1502": -100_000_00, "2204": -30_000_00, "3101": -570_000_00}
    closing = {"1001": 1_000, "100201": 150_000_00, "100202": 10_001_13, "1121": 500_00, "1131": -20_00,
               "1201": 3_000_00, "1402": 2_000_00, "1421": -100_00, "1501": 536_000_00, "1502": -101_800_00,
               "1601": 1_200_00, "1701": 700_00,
               "2202": -2_000_00, "220901": -10_001_13, "220902": -6_000_00, "2203": -1_170_00, "2206": -300_00,
               "2501": -50_000_00, "2601": -700_00, "3101": -570_000_00, "3102": -14_000_00,
               "430101": -10_000_00, "410102": -1_000_00, "510101": 7_000_00}
    closing["3101"] -= sum(closing.values())  # balance it on 3101
    bs = S.balance_sheet(S.choose(TEMPLATES, "balance", 2025), _books(opening=opening, closing=closing))
    v = bs.rows()
    assert v[1] == (200_000_00, 1_000 + 150_000_00 + 10_001_13)
    assert v[3][1] == 500_00 - 20_00
    assert v[24][1] == 2_000_00 - 100_00 and v[30][1] == 1_900_00
    assert v[31] == (500_000_00, 536_000_00) and v[32] == (100_000_00, 101_800_00)
    assert v[33] == (400_000_00, 434_200_00) and v[40] == v[33]
    assert v[20][1] == v[1][1] + v[3][1] + v[8][1]
    assert v[60][1] == v[20][1] + v[30][1] + v[40][1] + 1_200_00 + 700_00
    assert v[62][1] == 2_000_00 + 10_001_13 + 6_000_00
    assert v[80][1] == v[62][1] + 1_170_00 + 300_00
    assert v[90][1] == 50_000_00 and v[91][1] == 700_00
    assert v[100][1] == v[80][1] + v[90][1] + v[91][1]
    assert v[63] == (30_000_00, 0)
    # an unclosed year: income and expenses sit in net assets by restriction
    assert v[105][1] == 14_000_00 + 1_000_00
    assert v[101][1] == -closing["3101"] + 10_000_00 - 7_000_00
    assert v[110][1] == v[101][1] + v[105][1]
    assert v[60] == v[120]


def test_activity_sums_detail_lines_not_counted_twice():
    moves = {"430101": -7_200_00, "430103": -2_760_00, "440102": -60_000_00, "4601": -100_00,
             "510101": 40_000_00, "510102": 11_000_00, "510103": 1_800_00, "510104": 50_00,
             "520101": 20_000_00, "520102": 3_000_00, "5301": 200_00, "5401": 10_00}
    act = S.activity(S.choose(TEMPLATES, "activity", 2025), _books(movements=moves))
    v = act.rows()
    assert v[3][2] == 9_960_00 and v[5][2] == 60_000_00 and v[6][2] == 100_00
    assert v[11][2] == 70_060_00
    assert v[12][2] == 52_850_00
    assert [v[r][2] for r in (13, 14, 15, 16)] == [40_000_00, 11_000_00, 1_800_00, 50_00]
    assert v[21][2] == 23_000_00 and v[24][2] == 200_00 and v[28][2] == 10_00
    assert v[35][2] == 52_850_00 + 23_000_00 + 200_00 + 10_00
    assert v[45][2] == v[11][2] - v[35][2]
    assert v[45][3:] == (0, 0, 0)  # no last year given
    assert act.columns == ("本年数·非限定性", "本年数·限定性", "本年数·合计", "上年数·非限定性", "上年数·限定性",
                           "上年数·合计")


def test_activity_restriction_columns_and_line_40():
    moves = {"410101": -1_000_00, "410102": -50_000_00, "440110": -5_000_00, "440102": -60_000_00,
             "510101": 30_000_00, "3102": 36_000_00, "3101": -36_000_00}
    last = {"410102": -8_00, "510102": 3_00}
    act = S.activity(S.choose(TEMPLATES, "activity", 2025), _books(movements=moves), _books(2024, movements=last))
    v = act.rows()
    assert v[1] == (1_000_00, 50_000_00, 51_000_00, 0, 8_00, 8_00)
    assert v[5][:3] == (60_000_00, 5_000_00, 65_000_00)
    assert v[11][:3] == (61_000_00, 55_000_00, 116_000_00)
    assert v[35][:3] == (30_000_00, 0, 30_000_00)  # expenses are unrestricted
    assert v[40][:3] == (36_000_00, -36_000_00, 0)  # 限定性 → 非限定性
    assert v[45][:3] == (67_000_00, 19_000_00, 86_000_00)
    assert v[45][3:] == (-3_00, 8_00, 5_00)


# --- cash flow classification ---------------------------------------------------------

def _flow(*moves: tuple[str, int]) -> S.Statement:
    cm = [S.CashMove(i, D(2025, 5, 1), a, amt) for i, (a, amt) in enumerate(moves, start=1)]
    return S.cash_flow(S.choose(TEMPLATES, "cash_flow", 2025), _books(cash_moves=cm))


def test_classification_takes_the_longest_prefix():
    rules = _t("cash_flow").rules
    assert S.classify(rules, "220902").outflow == 15  # 代扣社保 paid over: to employees
    assert S.classify(rules, "220901").inflow == 8  # deposits: other business cash (2209)
    assert S.classify(rules, "220909").outflow == 19
    assert S.classify(rules, "510101").outflow == 15  # salaries
    assert S.classify(rules, "510102").outflow == 16  # goods and services (5101)
    assert S.classify(rules, "510104").outflow == 19  # taxes
    assert S.classify(rules, "430101").inflow == 3
    assert S.classify(rules, "3101") is None
    assert S.classify(rules, "1502") is None


def test_inflow_and_outflow_rows_and_nets():
    cf = _flow(("220901", 10_000_00), ("220901", -3_000_00), ("410102", 50_000_00), ("440102", 60_000_00),
               ("510101", -40_000_00), ("220902", -6_000_00), ("510102", -8_000_00), ("2202", -2_000_00),
               ("1501", -36_000_00), ("2501", 20_000_00), ("2501", -5_000_00), ("5301", -300_00),
               ("4601", 100_00), ("1402", -1_000_00))
    v = {r: x[0] for r, x in cf.rows().items()}
    assert v[1] == 50_000_00 and v[5] == 60_000_00
    assert v[8] == 10_000_00 and v[19] == 3_000_00  # a deposit in, a refund out
    assert v[15] == 46_000_00 and v[16] == 10_000_00
    assert v[13] == 120_000_00 and v[23] == 59_000_00 and v[24] == 61_000_00
    assert v[26] == 100_00 and v[35] == 36_000_00 and v[36] == 1_000_00 and v[44] == 100_00 - 37_000_00
    assert v[45] == 20_000_00 and v[51] == 5_000_00 and v[52] == 300_00 and v[59] == 20_000_00 - 5_300_00
    assert v[61] == v[24] + v[44] + v[59] == sum(a for _, a in [
        ("", 10_000_00), ("", -3_000_00), ("", 50_000_00), ("", 60_000_00), ("", -40_000_00), ("", -6_000_00),
        ("", -8_000_00), ("", -2_000_00), ("", -36_000_00), ("", 20_000_00), ("", -5_000_00), ("", -300_00),
        ("", 100_00), ("", -1_000_00)])
    assert cf.unclassified == ()


def test_a_one_row_rule_nets_the_other_direction_into_its_row():
    # a refund of service fees reduces line 3; returned salary reduces line 15
    cf = _flow(("430101", 4_830_00), ("2203", 1_170_00), ("430101", -500_00), ("2204", -30_000_00), ("510101", 200_00))
    v = {r: x[0] for r, x in cf.rows().items()}
    assert v[3] == 4_830_00 + 1_170_00 - 500_00
    assert v[15] == 30_000_00 - 200_00
    assert v[61] == 4_830_00 + 1_170_00 - 500_00 - 30_000_00 + 200_00


def test_an_unclassified_movement_is_listed_and_fails_the_check():
    cf = _flow(("430101", 1_000_00), ("3101", 5_000_00), ("1502", -7_00))
    assert [(m.entry_id, m.account, m.amount) for m in cf.unclassified] == [(2, "3101", 5_000_00), (3, "1502", -7_00)]
    assert cf.value(61) == 1_000_00  # not silently put anywhere
    books = _books(opening={"100201": 0}, closing={"100201": 6_000_00 - 7_00, "430101": -1_000_00, "3101": -5_000_00,
                                                   "1502": 7_00},
                   movements={"430101": -1_000_00, "3101": -5_000_00, "1502": 7_00},
                   cash_moves=[S.CashMove(1, D(2025, 5, 1), "430101", 1_000_00),
                               S.CashMove(2, D(2025, 5, 2), "3101", 5_000_00),
                               S.CashMove(3, D(2025, 5, 3), "1502", -7_00)])
    st = S.draw(TEMPLATES, books, None, (6_000_00, 6_000_00))
    assert not st.ok
    checks = {c.name: c for c in st.checks}
    assert not checks["现金收支全部归类"].ok
    assert "凭证2（2025-05-02，科目3101，5,000.00）" in checks["现金收支全部归类"].detail
    assert "凭证3" in checks["现金收支全部归类"].detail
    assert not checks["现金净增加额与货币资金一致"].ok
    assert any("现金收支全部归类" in p for p in st.problems())


def test_cash_moves_of_an_entry():
    # salaries: Dr 510101 40,000, Dr 520101 20,000 / Cr bank 54,000, Cr 220902 6,000
    moves = S.cash_moves_of_entry(7, D(2025, 5, 31), [("510101", 40_000_00, ""), ("520101", 20_000_00, ""),
                                                      ("100201", -54_000_00, ""), ("220902", -6_000_00, "")])
    assert [(m.account, m.amount) for m in moves] == [("510101", -40_000_00), ("520101", -20_000_00),
                                                      ("220902", 6_000_00)]
    assert sum(m.amount for m in moves) == -54_000_00
    # a transfer between cash accounts is no cash flow
    assert S.cash_moves_of_entry(8, D(2025, 5, 31), [("1001", 500_00, ""), ("100201", -500_00, "")]) == []
    # no cash, no moves
    assert S.cash_moves_of_entry(9, D(2025, 5, 31), [("510103", 600_00, ""), ("1502", -600_00, "")]) == []


# --- checks ----------------------------------------------------------------------------

def test_the_checks_pass_on_consistent_books():
    opening = {"100201": 100_00, "3101": -100_00}
    closing = {"100201": 100_00 + 900_00, "3101": -100_00, "430101": -1_000_00, "510102": 100_00}
    books = _books(opening=opening, closing=closing, movements={"430101": -1_000_00, "510102": 100_00},
                   cash_moves=[S.CashMove(1, D(2025, 3, 1), "430101", 1_000_00),
                               S.CashMove(2, D(2025, 3, 2), "510102", -100_00)])
    st = S.draw(TEMPLATES, books, None, (1_200_00, 1_200_00))
    assert st.ok, st.problems()
    assert [c.name for c in st.checks] == [
        "资产负债表平衡（年初）", "资产负债表平衡（期末）", "净资产变动额与资产负债表一致", "非限定性净资产变动一致",
        "限定性净资产变动一致", "现金净增加额与货币资金一致", "科目余额表借贷平衡", "现金收支全部归类"]
    assert st.by_code("会民非03表").value(61) == 900_00
    bad = S.draw(TEMPLATES, books, None, (1_200_00, 1_100_00))
    assert [c.name for c in bad.checks if not c.ok] == ["科目余额表借贷平衡"]


# --- choosing the format by year ---------------------------------------------------------

def test_choose_picks_the_2004_format_for_2025():
    for kind in S.KINDS:
        c = S.choose(TEMPLATES, kind, 2025)
        assert c.template.format == "2004" and c.note == ""
    assert S.choose(TEMPLATES, "balance", 2005).note == ""


def test_choose_falls_back_for_2026_with_a_note():
    for kind in S.KINDS:
        c = S.choose(TEMPLATES, kind, 2026)
        assert c.template.format == "2004"
        assert "2026年度" in c.note and "2004年格式" in c.note
    books = _books(2026)
    st = S.draw(TEMPLATES, books, None, (0, 0))
    assert "2004年格式" in st.balance.format_note and "2004年格式" in st.cash_flow.format_note


def test_choose_refuses_a_year_before_any_format():
    with pytest.raises(RuleViolation, match="没有适用于2004年度的报表格式文件"):
        S.choose(TEMPLATES, "balance", 2004)


NEW_BALANCE = '''
code = "会民非01表"
title = "资产负债表（2024年修订格式，测试用）"
kind = "balance"
format = "2024"
first_year = 2026
columns = ["期末余额", "上年年末余额"]
notes = ["测试：新格式文件"]

[checks]  # a new layout names the 行次 its checks read
cash = 1
total_assets = 60
total_liabilities_and_net_assets = 120
unrestricted = 101
restricted = 105
net_assets = 110

[[line]]
label = "流动资产："
heading = true
[[line]]
row = 1
label = "货币资金"
accounts = ["1001", "1002", "1009"]
[[line]]
row = 2
label = "其中：押金专户"
accounts = ["100202"]
detail = true
[[line]]
row = 3
label = "应收款项"
accounts = ["1121", "1122"]
[[line]]
row = 20
label = "流动资产合计"
sum = [1, 3]
total = true
[[line]]
row = 31
label = "固定资产原价"
accounts = ["1501"]
[[line]]
row = 32
label = "减：累计折旧"
side = "credit"
accounts = ["1502"]
[[line]]
row = 33
label = "固定资产净值"
sum = [31, -32]
[[line]]
row = 60
label = "资产总计"
sum = [20, 33]
grand = true
[[line]]
row = 62
label = "应付款项"
side = "credit"
accounts = ["2202", "2209"]
[[line]]
row = 100
label = "负债合计"
side = "credit"
sum = [62]
[[line]]
row = 101
label = "非限定性净资产"
side = "credit"
accounts = ["3@U", "4@U", "5"]
[[line]]
row = 105
label = "限定性净资产"
side = "credit"
accounts = ["3@R", "4@R"]
[[line]]
row = 110
label = "净资产合计"
sum = [101, 105]
[[line]]
row = 120
label = "负债和净资产总计"
sum = [100, 110]
grand = true
'''


def test_a_new_format_file_is_used_without_code_changes(tmp_path):
    shutil.copytree(Path(S.TEMPLATES) / "2004", tmp_path / "2004")
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "balance_sheet.toml").write_text(NEW_BALANCE, encoding="utf-8")
    templates = S.load_templates(root=tmp_path)
    assert len(templates) == 4

    c = S.choose(templates, "balance", 2026)
    assert c.template.format == "2024" and c.note == ""
    assert S.choose(templates, "balance", 2025).template.format == "2004"  # earlier years keep their format
    assert S.choose(templates, "balance", 2030).template.format == "2024"  # open-ended
    assert S.choose(templates, "activity", 2026).note  # still no 2026 activity file: falls back with a note

    closing = {"100201": 5_000_00, "100202": 1_000_00, "1121": 300_00, "1501": 2_000_00, "1502": -200_00,
               "220901": -1_000_00, "3101": -7_000_00, "430101": -300_00, "510102": 200_00, "410102": -200_00,
               "2202": 200_00}
    closing["3101"] -= sum(closing.values())
    bs = S.balance_sheet(c, _books(2026, closing=closing))
    assert bs.format == "2024" and bs.title.startswith("资产负债表（2024年修订格式")
    assert bs.columns == ("期末余额", "上年年末余额")
    assert [x.label for x in bs.lines][:3] == ["流动资产：", "货币资金", "其中：押金专户"]
    v = bs.rows()
    assert v[2] == (0, 1_000_00) and v[1] == (0, 6_000_00)
    assert v[20] == (0, 6_300_00) and v[33] == (0, 1_800_00) and v[60] == (0, 8_100_00)
    assert v[60] == v[120]

    st = S.draw(templates, _books(2026, closing=closing, movements={k: v for k, v in closing.items() if k[0] in "45"}),
                None, (10, 10))
    assert st.balance.format == "2024" and st.activity.format == "2004"
