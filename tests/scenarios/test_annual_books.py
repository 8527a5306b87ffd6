"""A centre's first two years in the app, with hand-computed figures for
every statement line the story touches.

FY2025 (the first year, closed at the end):
- 期初余额 2025-01-01: 基本户 200,000.00; 固定资产 500,000.00; 累计折旧 100,000.00;
  应付工资 30,000.00; 非限定性净资产 570,000.00.
- vouchers (entered by the accountant, reviewed by the administrator):
  01-15 pay last year's salaries 30,000.00 (Dr 2204 / Cr 基本户);
  03-10 restricted donation 50,000.00 for rehabilitation equipment;
  04-20 operating subsidy 60,000.00;
  05-31 salaries: care 40,000.00, office 20,000.00, 6,000.00 withheld → 54,000.00 paid;
  06-15 food 8,000.00 (业务); 07-10 utilities 3,000.00 业务 + 1,000.00 管理;
  08-05 repairs 2,000.00 管理, on credit (应付账款);
  09-01 equipment 36,000.00 (60 months, no salvage, 业务), bought with the gift:
        36,000.00 of the restriction released; 14,000.00 stays restricted.
- depreciation 600.00 a month from October (the month after it went into use): 1,800.00.
- 张三, contract from 10-01 (bed 2,400.00 + care 1,500.00 + meals 30.00/day):
  billed Oct 4,830.00, Nov 4,800.00, Dec 4,830.00 = 14,460.00 (bed 7,200, care 4,500, meals 2,760);
  paid 4,830.00 + 4,800.00 + 6,000.00 = 15,630.00 → 1,170.00 paid ahead (预收账款).
- deposit 10,000.00 into escrow on 10-01; interest settled 12-20, credited 12-21:
  10,000.00 × 81 days × 0.05% ÷ 360 = 1.125 → 1.13.

FY2026 (to 5 March): January billed 4,830.00 (1,170.00 prepaid applied, 3,660.00
paid); January salaries as in May; the 2025 withholding 6,000.00 paid over;
depreciation Jan + Feb 1,200.00; the contract ends 01-31 and the deposit is
refunded on 02-05 with its final interest: 10,001.13 × 46 days × 0.05% ÷ 360 =
0.639 → 0.64, refund 10,001.77.
"""
import datetime as dt

import pytest

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assets, billing, books, escrow, ledger, payments, reports, residents, year_end
from tests.conftest import person
from tests.services.billing_fixtures import end_stay, make_contract, terminate

D = dt.date
Y = 100  # fen per yuan


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


def enter_and_review(acc, ctx, v: B.VoucherInput) -> int:
    vid = books.add_voucher(acc, v).ids[0]
    books.review(ctx, [vid])
    return vid


def first_year(app, clock, ctx, acc, centre_ready) -> int:
    clock.day = D(2025, 10, 1)
    rid = residents.register_resident(ctx, person("张三"), D(2025, 10, 1), centre_ready["A101-2"]).ids[0]
    make_contract(app, rid, D(2025, 10, 1), deposit=1_000_000)
    clock.day = D(2026, 1, 15)
    books.enter_opening_balances(acc, D(2025, 1, 1), (
        Line("100201", debit=200_000 * Y), Line("1501", debit=500_000 * Y), Line("1502", credit=100_000 * Y),
        Line("2204", credit=30_000 * Y), Line("3101", credit=570_000 * Y)))
    enter_and_review(acc, ctx, B.VoucherInput(D(2025, 1, 15), "支付2024年12月工资", (
        Line("2204", debit=30_000 * Y), Line("100201", credit=30_000 * Y)), 1))
    enter_and_review(acc, ctx, B.donation(D(2025, 3, 10), "爱心基金会", 50_000 * Y, True, "购置康复训练设备"))
    enter_and_review(acc, ctx, B.subsidy(D(2025, 4, 20), "运营补贴", 60_000 * Y, "区民政局"))
    enter_and_review(acc, ctx, B.salaries(D(2025, 5, 31), 40_000 * Y, 20_000 * Y, 6_000 * Y))
    enter_and_review(acc, ctx, B.expense("purchase", D(2025, 6, 15), "采购食材", {"业务": 8_000 * Y}))
    enter_and_review(acc, ctx, B.expense("utilities", D(2025, 7, 10), "6月水电费", {"业务": 3_000 * Y, "管理": 1_000 * Y}))
    enter_and_review(acc, ctx, B.expense("repairs", D(2025, 8, 5), "办公楼维修", {"管理": 2_000 * Y}, on_credit=True))
    assets.buy_asset(acc, assets.AssetInput("康复训练设备", "专用设备", 36_000 * Y, D(2025, 9, 1), 60,
                                            restricted_source="爱心基金会捐赠"), D(2025, 9, 1))
    pending = [v.id for v in books.list_vouchers(acc, status=B.PENDING)]
    books.review(ctx, pending)
    enter_and_review(acc, ctx, B.release(D(2025, 9, 1), 36_000 * Y, "限定用途的康复训练设备已购置"))
    for p in ("2025-10", "2025-11", "2025-12"):
        billing.run_billing(acc, p)
    escrow.receive_deposit(acc, rid, D(2025, 10, 1), 10_000 * Y, "银行转账")
    payments.record_payment(acc, rid, D(2025, 10, 5), "银行转账", 4_830 * Y, "张小三", "T20251005")
    payments.record_payment(acc, rid, D(2025, 11, 5), "银行转账", 4_800 * Y, "张小三", "T20251105")
    payments.record_payment(acc, rid, D(2025, 12, 31), "银行转账", 6_000 * Y, "张小三", "T20251231")
    escrow.post_interest(acc, D(2025, 12, 21))
    for m in range(1, 13):
        assets.depreciate(acc, f"2025-{m:02d}")
    return rid


def test_first_year_statements(app, clock, ctx, acc, centre_ready):
    first_year(app, clock, ctx, acc, centre_ready)
    st = reports.statements(acc, 2025)
    assert st.ok, st.problems()
    bs = st.balance.rows()
    assert bs[1] == (200_000 * Y, 203_631_13)
    assert bs[3] == (0, 0)
    assert bs[31] == (500_000 * Y, 536_000 * Y)
    assert bs[32] == (100_000 * Y, 101_800 * Y)
    assert bs[33] == (400_000 * Y, 434_200 * Y)
    assert bs[40] == (400_000 * Y, 434_200 * Y)
    assert bs[60] == (600_000 * Y, 637_831_13)
    assert bs[62] == (0, 18_001_13)  # 2,000.00 owed for repairs + 10,001.13 deposits + 6,000.00 withheld
    assert bs[63] == (30_000 * Y, 0)
    assert bs[66] == (0, 1_170 * Y)
    assert bs[100] == (30_000 * Y, 19_171_13)
    assert bs[101] == (570_000 * Y, 604_660 * Y)
    assert bs[105] == (0, 14_000 * Y)
    assert bs[110] == (570_000 * Y, 618_660 * Y)
    assert bs[120] == bs[60]

    act = st.activity.rows()  # 非限定性, 限定性, 合计, then last year's three
    assert act[1][:3] == (0, 50_000 * Y, 50_000 * Y)
    assert act[3][:3] == (14_460 * Y, 0, 14_460 * Y)
    assert act[5][:3] == (60_000 * Y, 0, 60_000 * Y)
    assert act[11][:3] == (74_460 * Y, 50_000 * Y, 124_460 * Y)
    assert act[12][:3] == (52_800 * Y, 0, 52_800 * Y)
    assert [act[r][2] for r in (13, 14, 15, 16)] == [40_000 * Y, 11_000 * Y, 1_800 * Y, 0]
    assert act[21][:3] == (23_000 * Y, 0, 23_000 * Y)
    assert act[35][:3] == (75_800 * Y, 0, 75_800 * Y)
    assert act[40][:3] == (36_000 * Y, -36_000 * Y, 0)
    assert act[45][:3] == (34_660 * Y, 14_000 * Y, 48_660 * Y)
    assert act[45][3:] == (0, 0, 0)  # no earlier year

    cf = st.cash_flow.rows()
    expected = {1: 50_000 * Y, 3: 15_630 * Y, 5: 60_000 * Y, 8: 10_001_13, 13: 135_631_13, 15: 84_000 * Y,
                16: 12_000 * Y, 19: 0, 23: 96_000 * Y, 24: 39_631_13, 35: 36_000 * Y, 44: -36_000 * Y, 59: 0,
                61: 3_631_13}
    assert {r: cf[r][0] for r in expected} == expected
    assert st.cash_flow.unclassified == ()


def test_year_close_carries_to_net_assets_and_the_next_year_opens_with_it(app, clock, ctx, acc, centre_ready):
    rid = first_year(app, clock, ctx, acc, centre_ready)
    before = reports.statements(acc, 2025)
    with pytest.raises(RuleViolation, match="2025-01"):  # months first
        year_end.close_year(acc, 2025)
    for m in range(1, 12):
        ledger.close_period(acc, f"2025-{m:02d}")
    year_end.close_year(acc, 2025)
    assert ledger.account_balance(acc, "3101", D(2025, 12, 31)) == 604_660 * Y
    assert ledger.account_balance(acc, "3102", D(2025, 12, 31)) == 14_000 * Y
    assert ledger.account_balance(acc, "4", D(2025, 12, 31)) == 0
    after = reports.statements(acc, 2025)
    assert after.balance.rows() == before.balance.rows()  # the close changes no statement figure
    assert after.activity.rows() == before.activity.rows()
    # a closed year takes no entry
    with pytest.raises(RuleViolation, match="已年末结转"):
        books.add_voucher(acc, B.expense("purchase", D(2025, 12, 31), "补记", {"业务": 100}))
    with pytest.raises(RuleViolation, match="不能重复结转"):
        year_end.close_year(acc, 2025)

    clock.day = D(2026, 3, 5)
    billing.run_billing(acc, "2026-01")
    payments.record_payment(acc, rid, D(2026, 1, 31), "银行转账", 3_660 * Y, "张小三", "T20260131")
    enter_and_review(acc, ctx, B.salaries(D(2026, 1, 31), 40_000 * Y, 20_000 * Y, 6_000 * Y))
    enter_and_review(acc, ctx, B.VoucherInput(D(2026, 2, 10), "缴纳代扣社保", (
        Line("220902", debit=6_000 * Y), Line("100201", credit=6_000 * Y)), 1))
    assets.depreciate(acc, "2026-01")
    assets.depreciate(acc, "2026-02")
    terminate(app, make_contract_id(app, rid), D(2026, 1, 31))
    end_stay(app, rid, D(2026, 1, 31))
    escrow.refund(acc, rid, D(2026, 2, 5), "银行转账")

    st = reports.statements(acc, 2026)
    assert st.ok, st.problems()
    bs = st.balance.rows()
    last = after.balance.rows()
    assert all(bs[r][0] == last[r][1] for r in bs)  # 年初数 = last year's 期末数, line by line
    assert bs[1][1] == 137_290 * Y
    assert bs[3][1] == 0 and bs[66][1] == 0
    assert bs[33][1] == 433_000 * Y
    assert bs[60][1] == 570_290 * Y
    assert bs[62][1] == 8_000 * Y  # repairs 2,000.00 + withholding 6,000.00; deposits refunded
    assert bs[101][1] == 548_290 * Y and bs[105][1] == 14_000 * Y
    assert bs[120][1] == 570_290 * Y
    act = st.activity.rows()
    assert act[3][:3] == (4_830 * Y, 0, 4_830 * Y)
    assert act[35][2] == 61_200 * Y
    assert act[40][:3] == (0, 0, 0)
    assert act[45][:3] == (-56_370 * Y, 0, -56_370 * Y)
    assert act[45][3:] == (34_660 * Y, 14_000 * Y, 48_660 * Y)  # 上年数
    cf = st.cash_flow.rows()
    expected = {3: 3_660 * Y, 8: 64, 13: 3_660_64, 15: 60_000 * Y, 19: 10_001_77, 23: 70_001_77, 24: -66_341_13,
                61: -66_341_13}
    assert {r: cf[r][0] for r in expected} == expected


def make_contract_id(app, rid):
    from sqlalchemy import select

    from eldercare_desktop.db.models import Contract

    with app.read_factory() as s:
        return s.execute(select(Contract.id).where(Contract.resident_id == rid)).scalar_one()
