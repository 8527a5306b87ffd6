"""The disclosure package gathered from the books of tests/scenarios/
test_annual_books.py (FY2025), the reminder, and what blocks the package."""
import datetime as dt
from decimal import Decimal

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import Entry, Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import disclosure, ledger
from tests.scenarios.test_annual_books import first_year

D = dt.date
Y = 100


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def fy2025(app, clock, ctx, acc, centre_ready):
    return first_year(app, clock, ctx, acc, centre_ready)


def test_package_sections_carry_the_years_figures(acc, fy2025):
    disclosure.save_report(acc, 2025, "一、基本情况\n\n二、财务收支", 12)
    doc = disclosure.gather(acc, 2025)
    assert doc.statements.ok
    assert doc.centre.name == "阳光社区养老服务中心"
    assert doc.centre.staff_count == 12 and doc.work_report.startswith("一、基本情况")
    assert (doc.centre.beds, doc.centre.nursing_beds) == (3, 1)
    e = doc.escrow
    # 10,000.00 received 2025-10-01; interest 1.13 credited 2025-12-21; nothing deducted or refunded
    assert (e.opening_fen, e.received_fen, e.interest_fen, e.deducted_fen, e.refunded_fen) == (0, 10_000 * Y, 113, 0, 0)
    assert e.closing_fen == e.bank_closing_fen == 10_001_13
    assert e.residents_holding == 1 and e.over_cap == 0 and e.refunds_overdue == 0
    assert [(x.kind, x.amount_fen) for x in doc.subsidies] == [("运营补贴", 60_000 * Y)]
    assert doc.subsidies_total == 60_000 * Y
    o = doc.occupancy
    # 张三 in A101-2 from 2025-10-01: 92 bed-days of 3 beds × 365 = 1,095
    assert (o.days, o.beds, o.bed_days, o.occupied_bed_days) == (365, 3, 1095, 92)
    assert o.rate == Decimal("0.0840") and o.nursing_share == Decimal("0.3333")
    assert (o.residents_start, o.residents_end, o.admissions, o.discharges) == (0, 1, 1, 0)
    # prepaid money supervised: 预收账款 1,170.00 + deposits 10,001.13 against net fixed assets 434,200.00
    assert doc.prepaid_fen == 1_170 * Y + 10_001_13 and doc.net_fixed_assets_fen == 434_200 * Y
    assert doc.due_date == D(2026, 3, 31) and not doc.year_closed


def test_reminder_runs_from_january_until_submitted(acc, clock, fy2025):
    clock.day = D(2026, 1, 1)
    st = disclosure.status(acc)
    assert (st.year, st.due_date, st.days_left, st.overdue) == (2025, D(2026, 3, 31), 89, False)
    assert "还剩89天" in st.text()
    clock.day = D(2026, 4, 2)
    st = disclosure.status(acc)
    assert st.overdue and st.days_left == -2 and "已逾期2天" in st.text()
    with pytest.raises(RuleViolation, match="报送单位"):
        disclosure.mark_submitted(acc, 2025, D(2026, 4, 1), " ")
    with pytest.raises(RuleViolation, match="应在2026年报送"):
        disclosure.mark_submitted(acc, 2025, D(2025, 12, 30), "区民政局")
    disclosure.mark_submitted(acc, 2025, D(2026, 4, 1), "区民政局、区发展改革委")
    st = disclosure.status(acc)
    assert not st.pending and not st.overdue and st.submitted_on == D(2026, 4, 1)
    with pytest.raises(RuleViolation, match="已于2026-04-01登记报送"):
        disclosure.mark_submitted(acc, 2025, D(2026, 4, 2), "区民政局")


def test_auditor_reads_but_cannot_save_or_submit(app, actors, fy2025):
    aud = app.as_user(actors[Role.AUDITOR])
    assert disclosure.gather(aud, 2025).statements.ok
    with pytest.raises(Exception, match="没有"):
        disclosure.save_report(aud, 2025, "x", 1)
    with pytest.raises(Exception, match="没有"):
        disclosure.mark_submitted(aud, 2025, D(2026, 1, 10), "区民政局")


def test_an_unclassified_cash_movement_blocks_the_package(acc, fy2025):
    # cash straight into net assets: no cash-flow rule covers 3101, so the movement is listed, never dropped
    ledger.post_entry(acc, Entry(D(2025, 12, 30), "直接调整净资产", (Line("100201", debit=500 * Y),
                                                                  Line("3101", credit=500 * Y))))
    with pytest.raises(RuleViolation, match="现金收支全部归类.*科目3101"):
        disclosure.gather(acc, 2025)
    doc = disclosure.gather(acc, 2025, check=False)
    assert [m.account for m in doc.statements.cash_flow.unclassified] == ["3101"]


def test_no_package_for_a_year_not_ended_or_without_books(acc, clock, fy2025):
    with pytest.raises(RuleViolation, match="2024年度没有账务数据（账簿自2025-01-01开始）"):
        disclosure.gather(acc, 2024)
    clock.day = D(2026, 12, 7)
    with pytest.raises(RuleViolation, match="2026年度尚未结束"):
        disclosure.gather(acc, 2026)
