"""The accountant's books, pure rules (domain/books.py): straight-line
depreciation with hand-computed figures, the year-end close, opening
balances, the voucher templates and the voucher number."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import CHART_2004, Entry, Kind, Line, check_entry

D = dt.date
Y = 100  # fen per yuan


def _by_account(v: B.VoucherInput) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for x in v.lines:
        d, c = out.get(x.account, (0, 0))
        out[x.account] = (d + x.debit, c + x.credit)
    return out


def _posts(v: B.VoucherInput) -> None:
    """A template's voucher passes the posting rules (balanced, leaf accounts)."""
    check_entry(Entry(v.day, v.memo, v.lines))


# --- voucher number -----------------------------------------------------------------

def test_voucher_number_format():
    assert B.voucher_number("2025-03", 1) == "记-2025-03-0001"
    assert B.voucher_number("2025-03", 12) == "记-2025-03-0012"
    assert B.voucher_number("2025-12", 9999) == "记-2025-12-9999"


# --- depreciation ---------------------------------------------------------------------

def test_depreciation_36000_over_60_months_is_600_a_month():
    cost, life, in_use = 36_000 * Y, 60, D(2025, 9, 1)
    assert B.depreciation_for(cost, 0, life, in_use, "2025-10") == 600 * Y
    assert B.depreciation_for(cost, 0, life, in_use, "2026-09") == 600 * Y
    months = [f"{2025 + (9 + k) // 12}-{(9 + k) % 12 + 1:02d}" for k in range(life)]
    assert months[0] == "2025-10" and months[-1] == "2030-09"
    assert all(B.depreciation_for(cost, 0, life, in_use, p) == 600 * Y for p in months)
    assert sum(B.depreciation_for(cost, 0, life, in_use, p) for p in months) == cost


def test_nothing_in_the_month_it_goes_into_use_nor_before():
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 1), "2025-09") == 0
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 30), "2025-09") == 0
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 1), "2025-08") == 0
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 1), "2024-12") == 0


def test_nothing_after_the_last_month():
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 1), "2030-09") == 600 * Y  # the 60th month
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 1), "2030-10") == 0
    assert B.depreciation_for(36_000 * Y, 0, 60, D(2025, 9, 1), "2035-01") == 0


def test_salvage_and_rounding_spread_add_exactly_to_cost_less_salvage():
    # 10,000.00 − 400.00 salvage over 36 months: 9,600.00 / 36 = 266.666…
    cost, salvage, life, in_use = 10_000 * Y, 400 * Y, 36, D(2025, 1, 10)
    months = [f"{2025 + k // 12}-{k % 12 + 1:02d}" for k in range(1, life + 1)]  # 2025-02 … 2028-01
    amounts = [B.depreciation_for(cost, salvage, life, in_use, p) for p in months]
    assert sum(amounts) == 9_600 * Y
    assert set(amounts) == {266_66, 266_67}
    # month n carries round(960000·n/36) − round(960000·(n−1)/36): 26667, 26666, 26667, …
    assert amounts[:6] == [266_67, 266_66, 266_67, 266_67, 266_66, 266_67]
    assert amounts.count(266_67) == 24 and amounts.count(266_66) == 12
    assert B.depreciation_for(cost, salvage, life, in_use, "2025-01") == 0
    assert B.depreciation_for(cost, salvage, life, in_use, "2028-02") == 0


@given(st.integers(1, 10**9), st.integers(0, 10**8), st.integers(1, 600), st.dates(D(2000, 1, 1), D(2030, 12, 1)))
def test_depreciation_always_adds_to_cost_less_salvage(cost, salvage, life, in_use):
    salvage = salvage % cost
    total = 0
    for n in range(0, life + 2):
        k = in_use.month - 1 + n
        p = f"{in_use.year + k // 12}-{k % 12 + 1:02d}"
        fen = B.depreciation_for(cost, salvage, life, in_use, p)
        assert fen >= 0
        if n == 0 or n == life + 1:
            assert fen == 0
        total += fen
    assert total == cost - salvage


def test_depreciation_lines_by_department():
    lines = B.depreciation_lines([("业务", 600 * Y, "康复设备"), ("管理", 100 * Y, "电脑"), ("业务", 50 * Y, "床")])
    assert {x.account: (x.debit, x.credit) for x in lines} == {
        "510103": (650 * Y, 0), "520103": (100 * Y, 0), "1502": (0, 750 * Y)}
    check_entry(Entry(D(2025, 10, 31), "折旧", lines))


def test_check_asset():
    B.check_asset("康复设备", "专用设备", 36_000 * Y, 0, 60, "业务", D(2025, 9, 1), D(2025, 9, 1))
    with pytest.raises(RuleViolation) as e:
        B.check_asset("", "飞机", 0, 0, 0, "后勤", D(2025, 9, 2), D(2025, 9, 1))
    assert e.value.fields() == {"name", "category", "cost", "life", "department", "in_use"}
    with pytest.raises(RuleViolation, match="预计净残值"):
        B.check_asset("床", "家具用具", 1000, 1000, 12, "业务", D(2025, 1, 1), D(2025, 9, 1))


# --- year-end close -------------------------------------------------------------------

def test_closing_lines_restricted_income_to_3102_the_rest_to_3101():
    balances = {  # debit − credit
        "410101": -2_000 * Y,  # unrestricted donation
        "410102": -50_000 * Y,  # restricted donation
        "440110": -5_000 * Y,  # restricted subsidy
        "430101": -7_200 * Y,
        "440102": -60_000 * Y,
        "510101": 40_000 * Y,
        "520102": 3_000 * Y,
        "510103": 1_800 * Y,
        "100201": 123_456,  # balance-sheet accounts are not closed
        "3101": -570_000 * Y,
        "2204": 0,
    }
    lines = B.closing_lines(balances)
    got = {x.account: (x.debit, x.credit) for x in lines}
    assert got == {
        "410101": (2_000 * Y, 0), "410102": (50_000 * Y, 0), "440110": (5_000 * Y, 0), "430101": (7_200 * Y, 0),
        "440102": (60_000 * Y, 0), "510101": (0, 40_000 * Y), "520102": (0, 3_000 * Y), "510103": (0, 1_800 * Y),
        # unrestricted: 2,000 + 7,200 + 60,000 − 40,000 − 3,000 − 1,800 = 24,400 to 非限定性
        "3101": (0, 24_400 * Y),
        "3102": (0, 55_000 * Y),
    }
    assert sum(x.debit for x in lines) == sum(x.credit for x in lines)
    check_entry(Entry(D(2025, 12, 31), "年末结转", lines))
    # after the close every income and expense account is zero
    after = dict(balances)
    for x in lines:
        after[x.account] = after.get(x.account, 0) + x.debit - x.credit
    assert all(v == 0 for code, v in after.items()
               if CHART_2004.get(code).kind in (Kind.INCOME, Kind.EXPENSE))


def test_closing_a_loss_debits_3101():
    lines = B.closing_lines({"430101": -1_000 * Y, "520101": 3_000 * Y})
    got = {x.account: (x.debit, x.credit) for x in lines}
    assert got == {"430101": (1_000 * Y, 0), "520101": (0, 3_000 * Y), "3101": (2_000 * Y, 0)}


def test_closing_nothing_gives_no_lines():
    assert B.closing_lines({}) == ()
    assert B.closing_lines({"100201": 5, "430101": 0}) == ()


@given(st.dictionaries(st.sampled_from([a.code for a in CHART_2004 if CHART_2004.is_leaf(a.code)]),
                       st.integers(-10**9, 10**9)))
def test_closing_lines_always_balance_and_zero_income_and_expenses(balances):
    lines = B.closing_lines(balances)
    assert sum(x.debit for x in lines) == sum(x.credit for x in lines)
    assert all(x.debit >= 0 and x.credit >= 0 and (x.debit > 0) != (x.credit > 0) for x in lines)
    after = dict(balances)
    for x in lines:
        after[x.account] = after.get(x.account, 0) + x.debit - x.credit
    for code, v in after.items():
        if code[0] in "45":
            assert v == 0
    # net assets move by exactly what income less expenses was
    moved = sum(x.credit - x.debit for x in lines if x.account in ("3101", "3102"))
    assert moved == -sum(v for c, v in balances.items() if c[0] in "45")


# --- opening balances -----------------------------------------------------------------

OPENING = (Line("100201", debit=200_000 * Y), Line("1501", debit=500_000 * Y), Line("1502", credit=100_000 * Y),
           Line("2204", credit=30_000 * Y), Line("3101", credit=570_000 * Y))


def test_check_opening_accepts_a_balanced_first_day():
    B.check_opening(D(2025, 1, 1), OPENING)


def test_check_opening_refuses_unbalanced_with_the_difference():
    lines = OPENING[:-1] + (Line("3101", credit=569_000 * Y),)
    with pytest.raises(RuleViolation, match="期初余额借贷不平衡") as e:
        B.check_opening(D(2025, 1, 1), lines)
    assert "借方合计700,000.00元" in e.value.message
    assert "贷方合计699,000.00元" in e.value.message
    assert "相差1,000.00元" in e.value.message


def test_check_opening_other_refusals():
    with pytest.raises(RuleViolation, match="1月1日"):
        B.check_opening(D(2025, 3, 1), OPENING)
    with pytest.raises(RuleViolation, match="请录入期初余额"):
        B.check_opening(D(2025, 1, 1), ())
    with pytest.raises(RuleViolation, match="收入、费用科目没有期初余额"):
        B.check_opening(D(2025, 1, 1), (Line("100201", debit=100), Line("430101", credit=100)))
    with pytest.raises(RuleViolation, match="第2行的会计科目“9999”不存在"):
        B.check_opening(D(2025, 1, 1), (Line("100201", debit=100), Line("9999", credit=100)))
    with pytest.raises(RuleViolation, match="金额不能为负数"):
        B.check_opening(D(2025, 1, 1), (Line("100201", debit=-100), Line("3101", credit=-100)))


# --- review ---------------------------------------------------------------------------

def test_check_review():
    B.check_review("kuaiji", "admin", B.PENDING)
    with pytest.raises(RuleViolation, match="审核人不能是制单人"):
        B.check_review("kuaiji", "kuaiji", B.PENDING)
    with pytest.raises(RuleViolation, match="已作废"):
        B.check_review("kuaiji", "admin", B.VOID)
    with pytest.raises(RuleViolation, match="不能重复审核"):
        B.check_review("kuaiji", "admin", B.REVIEWED)


# --- templates ------------------------------------------------------------------------

def test_salaries_split_by_department_with_withholding():
    v = B.salaries(D(2025, 5, 31), 40_000 * Y, 20_000 * Y, 6_000 * Y)
    assert _by_account(v) == {"510101": (40_000 * Y, 0), "520101": (20_000 * Y, 0), "100201": (0, 54_000 * Y),
                              "220902": (0, 6_000 * Y)}
    assert v.template == "salaries" and "2025-05工资" in v.memo
    _posts(v)


def test_salaries_without_office_staff_or_withholding():
    v = B.salaries(D(2025, 5, 31), 40_000 * Y, 0)
    assert _by_account(v) == {"510101": (40_000 * Y, 0), "100201": (0, 40_000 * Y)}
    _posts(v)


def test_salaries_refusals():
    with pytest.raises(RuleViolation, match="工资合计必须大于零"):
        B.salaries(D(2025, 5, 31), 0, 0)
    with pytest.raises(RuleViolation, match="代扣金额不能大于或等于工资合计"):
        B.salaries(D(2025, 5, 31), 1000, 1000, 2000)
    with pytest.raises(RuleViolation, match="护理人员工资"):
        B.salaries(D(2025, 5, 31), -1, 1000)


def test_expense_split_and_on_credit():
    v = B.expense("utilities", D(2025, 7, 10), "6月水电费", {"业务": 3_000 * Y, "管理": 1_000 * Y})
    assert _by_account(v) == {"510102": (3_000 * Y, 0), "520102": (1_000 * Y, 0), "100201": (0, 4_000 * Y)}
    _posts(v)
    v = B.expense("repairs", D(2025, 8, 5), "办公楼维修", {"管理": 2_000 * Y}, on_credit=True, supplier="某维修")
    assert _by_account(v) == {"520102": (2_000 * Y, 0), "2202": (0, 2_000 * Y)}
    _posts(v)
    v = B.expense("general", D(2025, 8, 5), "印花税", {"管理": 500}, nature="税费")
    assert _by_account(v) == {"520104": (500, 0), "100201": (0, 500)}


def test_expense_refusals():
    with pytest.raises(RuleViolation, match="费用部门应为业务或管理"):
        B.expense("purchase", D(2025, 6, 15), "采购", {"后勤": 100})
    with pytest.raises(RuleViolation, match="请填写摘要"):
        B.expense("purchase", D(2025, 6, 15), " ", {"业务": 100})
    with pytest.raises(RuleViolation, match="金额必须大于零"):
        B.expense("purchase", D(2025, 6, 15), "采购", {})
    with pytest.raises(RuleViolation, match="费用类别应为人员费用、日常费用、固定资产折旧、税费之一"):
        B.expense_account("业务", "杂费")
    assert [B.expense_account(d, n) for d in ("业务", "管理") for n in B.NATURES] == [
        "510101", "510102", "510103", "510104", "520101", "520102", "520103", "520104"]


def test_donation_restricted_needs_its_restriction():
    with pytest.raises(RuleViolation, match="限定性捐赠须写明限定的用途或时间"):
        B.donation(D(2025, 3, 10), "爱心基金会", 50_000 * Y, True, "  ")
    v = B.donation(D(2025, 3, 10), "爱心基金会", 50_000 * Y, True, "购置康复训练设备")
    assert _by_account(v) == {"100201": (50_000 * Y, 0), "410102": (0, 50_000 * Y)}
    assert "限定性：购置康复训练设备" in v.memo and v.details["restriction"] == "购置康复训练设备"
    _posts(v)
    v = B.donation(D(2025, 3, 10), "张先生", 1_000 * Y, False)
    assert _by_account(v) == {"100201": (1_000 * Y, 0), "410101": (0, 1_000 * Y)}
    with pytest.raises(RuleViolation) as e:
        B.donation(D(2025, 3, 10), "", 0, False)
    assert e.value.fields() == {"donor", "amount"}


@pytest.mark.parametrize("kind,account", [("建设补贴", "440101"), ("运营补贴", "440102"), ("护理员岗位补贴", "440103"),
                                          ("服务补贴", "440104"), ("其他补助", "440109")])
def test_subsidy_kinds(kind, account):
    v = B.subsidy(D(2025, 4, 20), kind, 60_000 * Y, "区民政局", document="渝北民发〔2025〕12号")
    assert _by_account(v) == {"100201": (60_000 * Y, 0), account: (0, 60_000 * Y)}
    assert kind in v.memo and "区民政局" in v.memo and "渝北民发〔2025〕12号" in v.memo
    _posts(v)
    r = B.subsidy(D(2025, 4, 20), kind, 100, restricted=True)
    assert _by_account(r) == {"100201": (100, 0), "440110": (0, 100)}
    assert CHART_2004.get("440110").restricted and not CHART_2004.get(account).restricted


def test_subsidy_refusals():
    with pytest.raises(RuleViolation, match="补助类别应为"):
        B.subsidy(D(2025, 4, 20), "奖励", 100)
    with pytest.raises(RuleViolation, match="补助金额必须是大于零的金额"):
        B.subsidy(D(2025, 4, 20), "运营补贴", 0)


def test_asset_purchase_and_release():
    v = B.asset_purchase(D(2025, 9, 1), "康复训练设备", 36_000 * Y, "某公司")
    assert _by_account(v) == {"1501": (36_000 * Y, 0), "100201": (0, 36_000 * Y)}
    _posts(v)
    v = B.asset_purchase(D(2025, 9, 1), "床", 100, on_credit=True)
    assert _by_account(v) == {"1501": (100, 0), "2202": (0, 100)}
    v = B.release(D(2025, 9, 1), 36_000 * Y, "限定用途的康复训练设备已购置")
    assert _by_account(v) == {"3102": (36_000 * Y, 0), "3101": (0, 36_000 * Y)}
    _posts(v)
    with pytest.raises(RuleViolation, match="请写明限制如何解除"):
        B.release(D(2025, 9, 1), 100, "")
    with pytest.raises(RuleViolation, match="请填写资产名称"):
        B.asset_purchase(D(2025, 9, 1), " ", 100)


def test_every_template_names_leaf_accounts_only():
    vs = [B.salaries(D(2025, 5, 31), 1, 1, 1), B.expense("purchase", D(2025, 1, 1), "x", {"业务": 1, "管理": 1}),
          B.donation(D(2025, 1, 1), "x", 1, True, "y"), B.donation(D(2025, 1, 1), "x", 1, False),
          B.asset_purchase(D(2025, 1, 1), "x", 1), B.release(D(2025, 1, 1), 1, "x")]
    vs += [B.subsidy(D(2025, 1, 1), k, 1) for k in B.SUBSIDY_KINDS]
    for v in vs:
        for x in v.lines:
            assert x.account in CHART_2004 and CHART_2004.is_leaf(x.account), (v.template, x.account)


def test_an_asset_held_before_the_opening_balances_spreads_what_is_left():
    # 500,000.00 over 240 months from 2020-01 (in use 2019-12-15); 120,000.00 charged through 2024-12 (60 months)
    # leaves 380,000.00 over 180 months from 2025-01: 2,111.11 a month, the rounding spread so they add up exactly
    months = [f"{y}-{m:02d}" for y in range(2025, 2041) for m in range(1, 13)]
    got = [B.depreciation_for(50_000_000, 0, 240, dt.date(2019, 12, 15), p, 12_000_000, "2024-12") for p in months]
    assert got[0] == 211_111 and sum(got) == 38_000_000
    assert sum(1 for x in got if x) == 180 and got[179] and not got[180]
    assert B.depreciation_for(50_000_000, 0, 240, dt.date(2019, 12, 15), "2024-12", 12_000_000, "2024-12") == 0
