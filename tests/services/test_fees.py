"""Fee schedule: dated prices, advance notice, 收费公示, change log, rates."""
import datetime as dt

import pytest
from sqlalchemy import select

from eldercare_desktop.db.models import AuditLog
from eldercare_desktop.domain.billing import month_span, prorate_monthly
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.residents import Span
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import fees

D = dt.date  # today is 2026-11-25 (tests/conftest.py)


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def nursing_bed(acc):
    """护理型床位 at ¥2,400.00/月 since 2020, raised to ¥2,600.00 from 2027-01-01."""
    item = fees.create_item(acc, "BED-N", "bed", "护理型床位", "月", "护理型").ids[0]
    fees.set_price(acc, item, D(2020, 1, 1), 240000, None, "建账时的价格")
    fees.set_price(acc, item, D(2027, 1, 1), 260000, D(2026, 11, 25), "人工成本上涨")
    return item


def test_price_before_on_and_after_the_effective_date(acc, nursing_bed):
    assert fees.price_on(acc, nursing_bed, D(2019, 12, 31)) is None
    assert fees.price_on(acc, nursing_bed, D(2026, 12, 31)) == 240000
    assert fees.price_on(acc, nursing_bed, D(2027, 1, 1)) == 260000
    assert fees.price_on(acc, nursing_bed, D(2027, 1, 2)) == 260000


def test_zero_and_negative_prices_refused(acc, nursing_bed):
    for bad in (0, -100):
        with pytest.raises(RuleViolation, match="价格必须大于零"):
            fees.set_price(acc, nursing_bed, D(2027, 3, 1), bad, D(2026, 11, 25), "x")
    with pytest.raises(RuleViolation, match="以分为单位的整数"):
        fees.set_price(acc, nursing_bed, D(2027, 3, 1), 2600.5, D(2026, 11, 25), "x")


def test_backdated_or_unannounced_change_refused(app, acc, nursing_bed):
    with pytest.raises(RuleViolation, match="调价不能追溯：生效日期2026-11-24早于今天"):
        fees.set_price(acc, nursing_bed, D(2026, 11, 24), 250000, D(2026, 10, 1), "补登")
    # 2026-11-25 → 2026-12-20 is 25 days: less than the 30-day default
    with pytest.raises(RuleViolation, match="至少提前30天告知住户：2026-11-25告知，最早2026-12-25生效"):
        fees.set_price(acc, nursing_bed, D(2026, 12, 20), 250000, D(2026, 11, 25), "调价")
    with pytest.raises(RuleViolation, match="告知日期不能晚于今天"):
        fees.set_price(acc, nursing_bed, D(2027, 3, 1), 250000, D(2026, 12, 1), "调价")
    with pytest.raises(RuleViolation, match="请填写告知住户的日期"):
        fees.set_price(acc, nursing_bed, D(2027, 3, 1), 250000, None, "调价")
    with pytest.raises(RuleViolation, match="2027-01-01已有价格"):
        fees.set_price(acc, nursing_bed, D(2027, 1, 1), 250000, D(2026, 11, 1), "调价")
    with pytest.raises(RuleViolation, match="无需调价"):
        fees.set_price(acc, nursing_bed, D(2027, 2, 1), 260000, D(2026, 11, 1), "调价")
    with pytest.raises(RuleViolation, match="调价原因"):
        fees.set_price(acc, nursing_bed, D(2027, 2, 1), 270000, D(2026, 11, 1), "")
    # a centre with a shorter notice period passes its own figure
    fees.set_price(acc, nursing_bed, D(2026, 12, 20), 250000, D(2026, 11, 25), "调价", min_notice_days=25)
    assert fees.price_on(acc, nursing_bed, D(2026, 12, 20)) == 250000
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert a.action == "调价" and '"price":240000' in a.before and '"price":250000' in a.after


def test_items_validated(acc, nursing_bed):
    with pytest.raises(RuleViolation, match="已有启用的“护理型”的床位费项目"):
        fees.create_item(acc, "BED-N2", "bed", "护理型床位二", "月", "护理型")
    with pytest.raises(RuleViolation, match="项目编码“BED-N”已存在"):
        fees.create_item(acc, "BED-N", "other", "洗衣", "次")
    with pytest.raises(RuleViolation) as e:
        fees.create_item(acc, "", "care", "", "日", "")
    assert e.value.fields() == {"code", "name", "unit", "key"}
    with pytest.raises(RuleViolation, match="床位类型"):
        fees.create_item(acc, "BED-X", "bed", "豪华床位", "月", "豪华")
    fees.rename_item(acc, nursing_bed, "护理型床位费")
    fees.set_item_active(acc, nursing_bed, False)
    assert fees.list_items(acc) == []
    with pytest.raises(RuleViolation, match="已停用"):
        fees.set_price(acc, nursing_bed, D(2027, 3, 1), 270000, D(2026, 11, 25), "调价")
    with pytest.raises(RuleViolation, match="没有启用的“护理型”的床位费收费项目"):
        fees.rates_for(acc, "bed", "护理型", Span(D(2026, 12, 1), D(2026, 12, 31)))
    assert [i.name for i in fees.list_items(acc, include_inactive=True)] == ["护理型床位费"]


def test_fee_publication_table(acc, nursing_bed):
    care = fees.create_item(acc, "CARE-2", "care", "介护二级", "月", "介护二级").ids[0]
    fees.set_price(acc, care, D(2024, 1, 1), 150000, None, "建账")
    meals = fees.create_item(acc, "MEALS", "meals", "伙食费", "日").ids[0]
    fees.set_price(acc, meals, D(2024, 1, 1), 3000, None, "建账")
    fees.create_item(acc, "LAUNDRY", "other", "洗衣", "次")
    rows = fees.schedule_on(acc, D(2026, 11, 25))
    assert [(r.kind_name, r.name, r.unit, r.price_fen, r.since, r.next_price_fen, r.next_effective, r.next_notice)
            for r in rows] == [
        ("床位费", "护理型床位", "月", 240000, D(2020, 1, 1), 260000, D(2027, 1, 1), D(2026, 11, 25)),
        ("护理费", "介护二级", "月", 150000, D(2024, 1, 1), None, None, None),
        ("伙食费", "伙食费", "日", 3000, D(2024, 1, 1), None, None, None),
        ("其他费用", "洗衣", "次", None, None, None, None, None),
    ]
    assert fees.schedule_on(acc, D(2027, 1, 1))[0].price_fen == 260000


def test_change_log_counts_changes_per_item_per_year(acc, nursing_bed, clock):
    clock.day = D(2027, 2, 1)
    fees.set_price(acc, nursing_bed, D(2027, 6, 1), 270000, D(2027, 2, 1), "再次调价")
    log = fees.price_changes(acc, D(2019, 1, 1), D(2027, 12, 31))
    assert [(r.effective_date, r.old_fen, r.new_fen, r.is_initial) for r in log.rows] == [
        (D(2020, 1, 1), None, 240000, True),
        (D(2027, 1, 1), 240000, 260000, False),
        (D(2027, 6, 1), 260000, 270000, False),
    ]
    assert log.counts == {(nursing_bed, 2027): 2}
    assert [r.new_fen for r in fees.price_changes(acc, D(2027, 1, 1), D(2027, 3, 31)).rows] == [260000]


def test_rates_for_a_span_feed_the_proration(acc, nursing_bed):
    rates = fees.rates_for(acc, "bed", "护理型", Span(D(2026, 12, 16), D(2027, 1, 15)))
    assert [(r.span.start, r.span.end, r.fen, r.label) for r in rates] == [
        (D(2026, 12, 16), D(2026, 12, 31), 240000, "护理型床位"),
        (D(2027, 1, 1), D(2027, 1, 15), 260000, "护理型床位"),
    ]
    assert [(r.span.start, r.span.end) for r in fees.rates_for(acc, "bed", "护理型", Span(D(2027, 3, 1)))] == [
        (D(2027, 3, 1), None)]
    # admitted 12-16: 2400 × 16 / 31 = 1238.709… → ¥1,238.71; January whole month at the new price
    dec = prorate_monthly("bed", month_span(2026, 12), Span(D(2026, 12, 16)),
                          fees.rates_for(acc, "bed", "护理型", month_span(2026, 12)))
    jan = prorate_monthly("bed", month_span(2027, 1), Span(D(2026, 12, 16)),
                          fees.rates_for(acc, "bed", "护理型", month_span(2027, 1)))
    assert [x.amount_fen for x in dec] == [123871] and [x.amount_fen for x in jan] == [260000]
