"""The accountant's books through the services (services/books.py,
assets.py, year_end.py): bad input refused in Chinese with nothing saved,
gap-free voucher numbers, void and red reversal, the import sheet, opening
balances, closing months and years, and the centre's own sub-accounts."""
import datetime as dt
import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from eldercare_desktop.db.models import (
    AuditLog,
    Depreciation,
    FixedAsset,
    JournalEntry,
    JournalLine,
    LedgerAccount,
    PeriodClose,
    Voucher,
    VoucherLine,
    YearClose,
)
from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import Kind, Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assets, books, ledger, reports, year_end

D = dt.date
Y = 100  # fen per yuan
TABLES = (Voucher, VoucherLine, JournalEntry, JournalLine, AuditLog, LedgerAccount, PeriodClose, YearClose,
          FixedAsset, Depreciation)


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


def counts(app) -> dict[str, int]:
    with app.read_factory() as s:
        return {t.__name__: s.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}


class NothingSaved:
    """``with NothingSaved(app): ...`` — the block changes no row of the books."""

    def __init__(self, app):
        self.app = app

    def __enter__(self):
        self.before = counts(self.app)
        return self

    def __exit__(self, *exc):
        assert counts(self.app) == self.before
        return False


def food(day: dt.date, fen: int = 1_200_50, memo: str = "采购食材") -> B.VoucherInput:
    return B.expense("purchase", day, memo, {"业务": fen})


def add(acc, v: B.VoucherInput) -> int:
    return books.add_voucher(acc, v).ids[0]


def add_reviewed(acc, ctx, v: B.VoucherInput) -> int:
    vid = add(acc, v)
    books.review(ctx, [vid])
    return vid


def number(acc, vid: int) -> str:
    return books.get_voucher(acc, vid).number


# --- bad input refused, nothing saved -----------------------------------------------------

def test_an_unbalanced_voucher_is_refused(app, acc):
    v = B.VoucherInput(D(2025, 3, 5), "采购食材", (Line("510102", debit=1_000 * Y), Line("100201", credit=900 * Y)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="借贷不平衡：借方合计1000.00元，贷方合计900.00元"):
        books.add_voucher(acc, v)


def test_a_voucher_in_a_closed_month_is_refused(app, acc):
    ledger.close_period(acc, "2025-03")
    with NothingSaved(app), pytest.raises(RuleViolation, match="2025-03已结账，不能再记账"):
        books.add_voucher(acc, food(D(2025, 3, 10)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="2025-02已结账"):  # every earlier month too
        books.add_voucher(acc, food(D(2025, 2, 10)))
    books.add_voucher(acc, food(D(2025, 4, 1)))  # the next month is open


def test_a_voucher_in_a_closed_year_is_refused(app, acc):
    year_end.close_year(acc, 2024)
    with NothingSaved(app), pytest.raises(RuleViolation, match="2024年度已年末结转，不能再记账"):
        books.add_voucher(acc, food(D(2024, 6, 1)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="2024年度已年末结转"):
        books.add_voucher(acc, food(D(2024, 12, 31)))


def test_a_voucher_reviewed_by_its_author_is_refused(app, acc):
    vid = add(acc, food(D(2025, 3, 5)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="审核人不能是制单人"):
        books.review(acc, [vid])
    info = books.get_voucher(acc, vid)
    assert info.status == B.PENDING and info.entry_id is None and info.reviewed_by == ""


def test_review_is_all_or_nothing(app, acc, ctx):
    theirs = add(acc, food(D(2025, 3, 5)))
    mine = add(ctx, food(D(2025, 3, 6), 300 * Y))  # entered by the administrator
    with NothingSaved(app), pytest.raises(RuleViolation, match="记-2025-03-0002：审核人不能是制单人"):
        books.review(ctx, [theirs, mine])
    assert books.get_voucher(acc, theirs).status == B.PENDING
    books.review(acc, [mine])
    books.review(ctx, [theirs])
    assert ledger.account_balance(acc, "510102") == 1_200_50 + 300 * Y


def test_an_expense_with_no_category_is_refused(app, acc):
    v = B.VoucherInput(D(2025, 3, 5), "采购食材", (Line("5101", debit=100 * Y), Line("100201", credit=100 * Y)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="费用须选择明细类别") as e:
        books.add_voucher(acc, v)
    assert "第1行（业务活动成本）费用须选择明细类别：人员费用、日常费用、固定资产折旧、税费" in e.value.message
    v = B.VoucherInput(D(2025, 3, 5), "办公费", (Line("5201", debit=100 * Y), Line("100201", credit=100 * Y)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="第1行（管理费用）费用须选择明细类别"):
        books.add_voucher(acc, v)


def test_a_parent_account_is_refused_on_any_line(app, acc):
    v = B.VoucherInput(D(2025, 3, 5), "存现", (Line("1002", debit=100 * Y), Line("1001", credit=100 * Y)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="第1行（银行存款）请选择明细科目：基本户、押金专户"):
        books.add_voucher(acc, v)


def test_other_voucher_refusals(app, acc, clock):
    with NothingSaved(app), pytest.raises(RuleViolation, match="晚于今天"):
        books.add_voucher(acc, food(clock.day + dt.timedelta(days=1)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="会计科目“9999”不存在"):
        books.add_voucher(acc, B.VoucherInput(D(2025, 3, 5), "x", (Line("9999", debit=1), Line("100201", credit=1))))
    with NothingSaved(app), pytest.raises(RuleViolation, match="只有红冲凭证可以用负数"):
        books.add_voucher(acc, B.VoucherInput(D(2025, 3, 5), "x", (Line("510102", debit=-1),
                                                                   Line("100201", credit=-1))))
    with NothingSaved(app), pytest.raises(RuleViolation, match="须注明住户"):
        books.add_voucher(acc, B.VoucherInput(D(2025, 3, 5), "x", (Line("1121", debit=1), Line("430101", credit=1))))
    with NothingSaved(app), pytest.raises(RuleViolation, match="超过限定性净资产余额"):
        books.add_voucher(acc, B.release(D(2025, 3, 5), 100, "设备已购置"))


def test_opening_balances_that_do_not_balance_are_refused(app, acc):
    lines = (Line("100201", debit=200_000 * Y), Line("3101", credit=199_000 * Y))
    with NothingSaved(app), pytest.raises(RuleViolation, match="期初余额借贷不平衡") as e:
        books.enter_opening_balances(acc, D(2025, 1, 1), lines)
    assert "相差1,000.00元" in e.value.message
    assert books.opening_entry_date(acc) is None


def test_depreciation_run_twice_for_a_month_posts_nothing_the_second_time(app, acc):
    assets.register_asset(acc, assets.AssetInput("康复训练设备", "专用设备", 36_000 * Y, D(2025, 9, 1), 60))
    first = assets.depreciate(acc, "2025-10")
    assert "600.00" in first.message
    assert ledger.account_balance(acc, "510103") == 600 * Y
    with NothingSaved(app):
        again = assets.depreciate(acc, "2025-10")
    assert "本次未重复记账" in again.message
    assert ledger.account_balance(acc, "1502") == -600 * Y  # a contra asset: shown on the asset (debit) side
    assert [a.depreciated_fen for a in assets.list_assets(acc)] == [600 * Y]
    with NothingSaved(app):  # the month it went into use carries nothing
        assert "没有需要计提折旧" in assets.depreciate(acc, "2025-09").message


def test_depreciation_of_a_month_not_yet_ended_is_refused(app, acc, clock):
    assets.register_asset(acc, assets.AssetInput("床", "家具用具", 1_200 * Y, D(2026, 1, 5), 12))
    with NothingSaved(app), pytest.raises(RuleViolation, match="2026-11尚未结束"):
        assets.depreciate(acc, f"{clock.day:%Y-%m}")


# --- import ---------------------------------------------------------------------------------

def sheet(*rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(books.IMPORT_HEADERS)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = [("1", "2025-03-05", "购买食材", "510102", 1200.5, None, None, 2),
        ("1", "2025-03-05", "购买食材", "100201", None, 1200.5, None, 2),
        ("2", "2025-03-06", "水电费", "520102", 300, None, None, 1),
        ("2", "2025-03-06", "水电费", "100201", None, 300, None, 1)]


def test_an_import_saves_every_voucher_pending(app, acc):
    ch = books.import_vouchers(acc, sheet(*GOOD))
    assert "已导入2张凭证（记-2025-03-0001—记-2025-03-0002）" in ch.message
    vs = books.list_vouchers(acc, with_lines=True)
    assert [(v.number, v.status, v.total, v.attachments) for v in vs] == [
        ("记-2025-03-0001", B.PENDING, 1_200_50, 2), ("记-2025-03-0002", B.PENDING, 300 * Y, 1)]
    assert ledger.account_balance(acc, "100201") == 0  # not posted before review


def test_the_template_sheet_imports(app, acc):
    books.import_vouchers(acc, books.import_template())
    assert [v.number for v in books.list_vouchers(acc)] == ["记-2025-03-0001"]


def test_an_import_with_one_bad_row_saves_nothing_and_names_the_row(app, acc):
    bad_date = GOOD + [("3", "2025-03-32", "维修", "520102", 100, None, None, 0),
                       ("3", "2025-03-07", "维修", "100201", None, 100, None, 0)]
    with NothingSaved(app), pytest.raises(RuleViolation, match="第6行：日期“2025-03-32”格式应为YYYY-MM-DD"):
        books.import_vouchers(acc, sheet(*bad_date))
    bad_amount = GOOD[:3] + [("2", "2025-03-06", "水电费", "100201", None, "三百", None, 1)]
    with NothingSaved(app), pytest.raises(RuleViolation, match="第5行") as e:
        books.import_vouchers(acc, sheet(*bad_amount))
    assert all("第2" not in p.message and "第3" not in p.message for p in e.value.problems)
    unbalanced = GOOD[:2] + [("2", "2025-03-06", "水电费", "520102", 300, None, None, 1),
                             ("2", "2025-03-06", "水电费", "100201", None, 299, None, 1)]
    with NothingSaved(app), pytest.raises(RuleViolation, match="第4-5行（凭证组2）：借贷不平衡"):
        books.import_vouchers(acc, sheet(*unbalanced))
    no_category = GOOD[:2] + [("2", "2025-03-06", "水电费", "5201", 300, None, None, 1),
                              ("2", "2025-03-06", "水电费", "100201", None, 300, None, 1)]
    with NothingSaved(app), pytest.raises(RuleViolation, match="第4-5行（凭证组2）：第1行（管理费用）费用须选择明细类别"):
        books.import_vouchers(acc, sheet(*no_category))
    unknown_resident = GOOD[:2] + [("2", "2025-03-06", "收费", "1121", 300, None, "500112194003050013", 1),
                                   ("2", "2025-03-06", "收费", "430101", None, 300, None, 1)]
    with NothingSaved(app), pytest.raises(RuleViolation, match="第4行：身份证号“500112194003050013”不是本机构登记的住户"):
        books.import_vouchers(acc, sheet(*unknown_resident))
    with NothingSaved(app), pytest.raises(RuleViolation, match="无法读取该文件"):
        books.import_vouchers(acc, b"not a workbook")
    wb = Workbook()
    wb.active.append(("日期", "摘要", "科目", "金额"))
    out = io.BytesIO()
    wb.save(out)
    with NothingSaved(app), pytest.raises(RuleViolation, match="第1行应为表头"):
        books.import_vouchers(acc, out.getvalue())
    with NothingSaved(app), pytest.raises(RuleViolation, match="表中没有凭证行"):
        books.import_vouchers(acc, sheet())


def test_an_import_into_a_closed_month_is_refused(app, acc):
    ledger.close_period(acc, "2025-03")
    with NothingSaved(app), pytest.raises(RuleViolation, match="第2-3行（凭证组1）：2025-03已结账"):
        books.import_vouchers(acc, sheet(*GOOD))


# --- numbers, void, reversal ---------------------------------------------------------------

def test_voucher_numbers_are_gap_free_per_month_and_a_void_keeps_its_number(app, acc, ctx):
    a = add(acc, food(D(2025, 3, 5)))
    b = add(acc, food(D(2025, 3, 6), 100 * Y))
    assert (number(acc, a), number(acc, b)) == ("记-2025-03-0001", "记-2025-03-0002")
    books.void(acc, b, "金额录错")
    c = add(acc, food(D(2025, 3, 6), 1_000 * Y))
    assert number(acc, c) == "记-2025-03-0003"
    d = add(acc, food(D(2025, 4, 1)))
    assert number(acc, d) == "记-2025-04-0001"  # the next month starts at 0001
    e = add(acc, food(D(2025, 3, 31)))  # a late voucher of March continues March's numbers
    assert number(acc, e) == "记-2025-03-0004"
    vs = books.list_vouchers(acc)
    assert [(v.number, v.status) for v in vs] == [
        ("记-2025-03-0001", B.PENDING), ("记-2025-03-0002", B.VOID), ("记-2025-03-0003", B.PENDING),
        ("记-2025-03-0004", B.PENDING), ("记-2025-04-0001", B.PENDING)]
    void = books.get_voucher(acc, b)
    assert void.void_reason == "金额录错" and void.total == 100 * Y  # kept, with its lines
    with NothingSaved(app), pytest.raises(RuleViolation, match="已作废，不能审核"):
        books.review(ctx, [b])
    with NothingSaved(app), pytest.raises(RuleViolation, match="请填写作废原因"):
        books.void(acc, a, " ")
    books.review(ctx, [a])
    with NothingSaved(app), pytest.raises(RuleViolation, match="只有待审核的凭证可以作废"):
        books.void(acc, a, "录错")


def test_a_reversal_negates_the_lines_and_once_reviewed_the_balance_is_gone(app, acc, ctx):
    vid = add_reviewed(acc, ctx, food(D(2025, 3, 5)))
    assert ledger.account_balance(acc, "510102") == 1_200_50
    assert ledger.account_balance(acc, "100201") == -1_200_50
    with NothingSaved(app), pytest.raises(RuleViolation, match="请填写红冲原因"):
        books.reverse(acc, vid, D(2025, 3, 20), "")
    red = books.reverse(acc, vid, D(2025, 3, 20), "金额录错").ids[0]
    info = books.get_voucher(acc, red)
    assert info.number == "记-2025-03-0002" and info.status == B.PENDING
    assert info.reverses_number == "记-2025-03-0001"
    assert "红冲记-2025-03-0001" in info.memo and "金额录错" in info.memo
    assert [(x.account, x.debit, x.credit) for x in info.lines] == [("510102", -1_200_50, 0), ("100201", 0, -1_200_50)]
    assert ledger.account_balance(acc, "510102") == 1_200_50  # nothing moves before review
    with NothingSaved(app), pytest.raises(RuleViolation, match="审核人不能是制单人"):
        books.review(acc, [red])
    books.review(ctx, [red])
    assert ledger.account_balance(acc, "510102") == 0
    assert ledger.account_balance(acc, "100201") == 0
    original = books.get_voucher(acc, vid)
    assert original.reversed_by_number == "记-2025-03-0002"
    with app.read_factory() as s:
        e = s.get(JournalEntry, books.get_voucher(acc, red).entry_id)
        assert e.reverses_id == original.entry_id
    with NothingSaved(app), pytest.raises(RuleViolation, match="已由记-2025-03-0002红冲，不能重复红冲"):
        books.reverse(acc, vid, D(2025, 3, 21), "再冲")
    with NothingSaved(app), pytest.raises(RuleViolation, match="红冲凭证不能再被红冲"):
        books.reverse(acc, red, D(2025, 3, 21), "再冲")


def test_an_unreviewed_voucher_is_voided_not_reversed(app, acc):
    vid = add(acc, food(D(2025, 3, 5)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="尚未审核，不需红冲：请作废"):
        books.reverse(acc, vid, D(2025, 3, 20), "录错")


def test_a_reversal_of_a_closed_month_is_dated_in_an_open_one(app, acc, ctx):
    vid = add_reviewed(acc, ctx, food(D(2025, 3, 5)))
    ledger.close_period(acc, "2025-03")
    with NothingSaved(app), pytest.raises(RuleViolation, match="2025-03已结账"):
        books.reverse(acc, vid, D(2025, 3, 31), "录错")
    red = books.reverse(acc, vid, D(2025, 4, 2), "录错").ids[0]
    assert number(acc, red) == "记-2025-04-0001"
    books.review(ctx, [red])
    assert ledger.account_balance(acc, "510102") == 0
    assert ledger.account_balance(acc, "510102", D(2025, 3, 31)) == 1_200_50  # March stays as closed


# --- closing months and years ----------------------------------------------------------------

def test_a_month_with_a_pending_voucher_cannot_be_closed(app, acc, ctx):
    vid = add(acc, food(D(2025, 3, 5)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="未审核的凭证：记-2025-03-0001"):
        ledger.close_period(acc, "2025-03")
    with NothingSaved(app), pytest.raises(RuleViolation, match="记-2025-03-0001"):  # nor a later one
        ledger.close_period(acc, "2025-04")
    books.review(ctx, [vid])
    ledger.close_period(acc, "2025-03")
    assert ledger.is_closed(acc, "2025-03")


def test_a_year_with_a_pending_december_voucher_cannot_be_closed(app, acc):
    add(acc, food(D(2024, 12, 10)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="2024年还有未审核的凭证：记-2024-12-0001"):
        year_end.close_year(acc, 2024)


def test_a_year_with_depreciation_missing_cannot_be_closed(app, acc):
    assets.register_asset(acc, assets.AssetInput("床", "家具用具", 1_200 * Y, D(2024, 10, 5), 12))
    assets.depreciate(acc, "2024-11")
    for m in range(1, 12):
        ledger.close_period(acc, f"2024-{m:02d}")
    with NothingSaved(app), pytest.raises(RuleViolation, match="以下月份的折旧尚未计提：2024-12"):
        year_end.close_year(acc, 2024)


def test_the_year_close_zeroes_income_and_expenses(app, acc, ctx):
    add_reviewed(acc, ctx, B.donation(D(2024, 3, 10), "爱心基金会", 50_000 * Y, True, "购置康复训练设备"))
    add_reviewed(acc, ctx, B.subsidy(D(2024, 4, 20), "运营补贴", 60_000 * Y))
    add_reviewed(acc, ctx, food(D(2024, 6, 15), 8_000 * Y))
    for m in range(1, 12):
        ledger.close_period(acc, f"2024-{m:02d}")
    before = reports.statements(acc, 2024)
    year_end.close_year(acc, 2024)
    end = D(2024, 12, 31)
    assert ledger.account_balance(acc, "4", end) == 0 and ledger.account_balance(acc, "5", end) == 0
    assert ledger.account_balance(acc, "3101", end) == 52_000 * Y
    assert ledger.account_balance(acc, "3102", end) == 50_000 * Y
    after = reports.statements(acc, 2024)
    assert after.ok, after.problems()
    assert after.balance.rows() == before.balance.rows()
    assert after.activity.rows() == before.activity.rows()
    assert after.cash_flow.rows() == before.cash_flow.rows()
    assert year_end.closed_years(acc)[0].year == 2024


# --- opening balances ----------------------------------------------------------------------

OPENING = (Line("100201", debit=200_000 * Y), Line("1501", debit=500_000 * Y), Line("1502", credit=100_000 * Y),
           Line("2204", credit=30_000 * Y), Line("3101", credit=570_000 * Y))


def test_opening_balances_are_entered_once(app, acc):
    books.enter_opening_balances(acc, D(2025, 1, 1), OPENING)
    assert books.opening_entry_date(acc) == D(2025, 1, 1)
    assert ledger.account_balance(acc, "3101") == 570_000 * Y
    with NothingSaved(app), pytest.raises(RuleViolation, match="期初余额已录入.*只能录入一次"):
        books.enter_opening_balances(acc, D(2025, 1, 1), OPENING)
    with NothingSaved(app), pytest.raises(RuleViolation, match="只能录入一次"):
        books.enter_opening_balances(acc, D(2026, 1, 1), OPENING)


def test_opening_balances_after_an_earlier_dated_entry_are_refused(app, acc, ctx):
    add_reviewed(acc, ctx, food(D(2024, 12, 15)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="账中已有2024-12-15的凭证.*2024-01-01"):
        books.enter_opening_balances(acc, D(2025, 1, 1), OPENING)
    assert books.opening_entry_date(acc) is None


def test_opening_balances_other_refusals(app, acc):
    with NothingSaved(app), pytest.raises(RuleViolation, match="1月1日"):
        books.enter_opening_balances(acc, D(2025, 2, 1), OPENING)
    with NothingSaved(app), pytest.raises(RuleViolation, match="收入、费用科目没有期初余额"):
        books.enter_opening_balances(acc, D(2025, 1, 1), (Line("100201", debit=1), Line("430101", credit=1)))
    with NothingSaved(app), pytest.raises(RuleViolation, match="请选择明细科目"):
        books.enter_opening_balances(acc, D(2025, 1, 1), (Line("1002", debit=1), Line("3101", credit=1)))


# --- the centre's own sub-accounts -------------------------------------------------------------

def test_a_custom_sub_account_works_and_its_parent_then_refuses_postings(app, acc, ctx):
    books.add_account(acc, "1122", "112201", "职工借款")
    a = books.chart(acc).get("112201")
    assert (a.name, a.kind, a.custom) == ("其他应收款—职工借款", Kind.ASSET, True)
    assert not books.chart(acc).is_leaf("1122")
    add_reviewed(acc, ctx, B.VoucherInput(D(2025, 3, 5), "职工借支", (
        Line("112201", debit=500 * Y), Line("100201", credit=500 * Y))))
    assert ledger.account_balance(acc, "112201") == 500 * Y
    assert ledger.account_balance(acc, "1122") == 500 * Y  # the parent sums its children
    with NothingSaved(app), pytest.raises(RuleViolation, match="第1行（其他应收款）请选择明细科目：职工借款"):
        books.add_voucher(acc, B.VoucherInput(D(2025, 3, 6), "职工借支", (
            Line("1122", debit=500 * Y), Line("100201", credit=500 * Y))))
    st = reports.statements(acc, 2025)
    assert st.balance.value(3, 1) == 500 * Y  # 应收款项


def test_a_sub_account_under_a_system_account_is_refused(app, acc):
    with NothingSaved(app), pytest.raises(RuleViolation, match="“4301 提供服务收入”由系统自动记账，不能再下设明细科目"):
        books.add_account(acc, "4301", "430105", "康复理疗费")
    with NothingSaved(app), pytest.raises(RuleViolation, match="由系统自动记账"):
        books.add_account(acc, "5101", "510105", "其他")
    with NothingSaved(app), pytest.raises(RuleViolation, match="由系统自动记账"):
        books.add_account(acc, "100201", "10020101", "零余额户")


def test_other_sub_account_refusals(app, acc, ctx):
    with NothingSaved(app), pytest.raises(RuleViolation, match="上级科目“1999”不存在"):
        books.add_account(acc, "1999", "199901", "x")
    with NothingSaved(app), pytest.raises(RuleViolation, match="明细科目代码应为上级科目代码“1122”后加两位数字"):
        books.add_account(acc, "1122", "11221", "x")
    with NothingSaved(app), pytest.raises(RuleViolation, match="请填写科目名称"):
        books.add_account(acc, "1122", "112201", " ")
    books.add_account(acc, "1122", "112201", "职工借款")
    with NothingSaved(app), pytest.raises(RuleViolation, match="科目代码“112201”已存在"):
        books.add_account(acc, "1122", "112201", "备用金")
    add_reviewed(acc, ctx, B.VoucherInput(D(2025, 3, 5), "预付房租", (
        Line("1141", debit=500 * Y), Line("100201", credit=500 * Y))))
    with NothingSaved(app), pytest.raises(RuleViolation, match="“1141 预付账款”已有记账，不能再下设明细科目"):
        books.add_account(acc, "1141", "114101", "房租")


def test_a_sub_account_of_a_custom_account_keeps_its_kind_and_cash(app, acc):
    """A second level under the centre's own sub-account: its kind, cash flag
    and restriction come from the official account it sits under."""
    books.add_account(acc, "4201", "420101", "会员年费")
    books.add_account(acc, "420101", "42010101", "个人会员")
    books.add_account(acc, "1002", "100203", "一般户")
    books.add_account(acc, "100203", "10020301", "定期存款")
    c = books.chart(acc)
    assert c.get("420101").kind is Kind.INCOME
    assert c.get("100203").cash
    assert c.get("42010101").kind is Kind.INCOME
    assert c.get("10020301").cash


def test_income_on_a_second_level_custom_account_is_closed_and_its_cash_is_in_the_cash_flow(app, acc, ctx):
    books.add_account(acc, "4201", "420101", "会员年费")
    books.add_account(acc, "420101", "42010101", "个人会员")
    books.add_account(acc, "1002", "100203", "一般户")
    books.add_account(acc, "100203", "10020301", "定期存款")
    add_reviewed(acc, ctx, B.VoucherInput(D(2024, 5, 1), "收取会费", (
        Line("10020301", debit=1_000 * Y), Line("42010101", credit=1_000 * Y))))
    for m in range(1, 12):
        ledger.close_period(acc, f"2024-{m:02d}")
    year_end.close_year(acc, 2024)
    st = reports.statements(acc, 2024)
    assert st.cash_flow.value(2) == 1_000 * Y  # 收取会费收到的现金
    assert st.ok, st.problems()
    assert ledger.account_balance(acc, "4", D(2024, 12, 31)) == 0
    assert ledger.account_balance(acc, "3101", D(2024, 12, 31)) == 1_000 * Y


def test_no_sub_account_under_an_account_a_pending_voucher_uses(app, ctx, clock):
    from eldercare_desktop.domain import books as B
    from eldercare_desktop.domain.errors import RuleViolation
    from eldercare_desktop.domain.ledger import Line
    from eldercare_desktop.services import books

    books.add_voucher(ctx, B.VoucherInput(clock.day, "职工借款", (Line("1122", debit=100), Line("100201", credit=100))))
    with pytest.raises(RuleViolation, match="待审核凭证记-2026-11-0001用到该科目"):
        books.add_account(ctx, "1122", "112201", "职工借款")
    assert [a.code for a in books.chart(ctx) if a.custom] == []


@pytest.mark.parametrize("account, keeper", [("220901", "押金专户"), ("100202", "押金专户"), ("1121", "账单与收款"),
                                             ("2203", "账单与收款"), ("1502", "固定资产（计提折旧）"),
                                             ("3101", "年末结转")])
def test_a_hand_made_voucher_stays_off_the_accounts_the_app_keeps(app, ctx, clock, admitted, account, keeper):
    from eldercare_desktop.domain import books as B
    from eldercare_desktop.domain.errors import RuleViolation
    from eldercare_desktop.domain.ledger import Line
    from eldercare_desktop.services import books

    side = Line(account, debit=100, resident_id=admitted), Line("100201", credit=100)
    with pytest.raises(RuleViolation, match=f"由“{keeper}”记账，不能在凭证中直接使用"):
        books.add_voucher(ctx, B.VoucherInput(clock.day, "直接调整", side))
    assert books.list_vouchers(ctx) == []
