"""A Yubei claim end to end: service subsidy per 渝北籍 resident-month to the
centre (¥100) and to the resident (¥200), through submit, approval and
receipt into the books and the disclosure."""
import datetime as dt

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.services import disclosure, ledger, residents, subsidies
from tests.conftest import agent, person

D = dt.date


def admit(ctx, beds, name, seq, day, bed, district="渝北区"):
    ch = residents.register_resident(ctx, person(name, seq=seq, hukou_province="重庆市", hukou_city="重庆市",
                                                 hukou_district=district, contacts=(agent(),)), day, beds[bed])
    return ch.ids[0]


@pytest.fixture
def yubei(ctx, centre_ready):
    ids = {
        # 2026-01-10: January has 22 days (≥ 15 → counts), then Feb–Jun: 6 months
        "张三": admit(ctx, centre_ready, "张三", 13, D(2026, 1, 10), "A101-1"),
        # 江北区: 户籍 fails, nothing
        "李四": admit(ctx, centre_ready, "李四", 15, D(2026, 1, 1), "A101-2", "江北区"),
        # 2026-06-16: June has 15 days present: exactly the threshold → 1 month
        "王五": admit(ctx, centre_ready, "王五", 17, D(2026, 6, 16), "A102-1"),
    }
    return ids


def test_yubei_service_subsidy_rows_and_totals(ctx, yubei):
    r = subsidies.preview(ctx, "yb-service", "2026-01", "2026-06")
    rows = {x.name: x for x in r.rows}
    assert set(rows) == {"张三", "李四", "王五"}
    z = rows["张三"]
    assert [x.amount_fen for x in z.layers] == [6 * 100_00, 6 * 200_00]
    assert z.layers[0].months == ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")
    assert any(c.label == "户籍" and c.ok and "渝北区" in c.evidence for c in z.checks)
    li = rows["李四"]
    assert li.amount_fen == 0
    assert any(c.label == "户籍" and not c.ok and "江北区" in c.evidence for c in li.checks)
    w = rows["王五"]
    assert [x.amount_fen for x in w.layers] == [100_00, 200_00]
    # Jan–May he was not there: those months are not tested (no failure shown); June's 15 days pass
    assert not any(c.month for c in w.checks) and any(c.text() == "在院天数 15 天 ✔" for c in w.checks)
    assert (r.total_fen, r.centre_fen, r.resident_fen) == (2100_00, 700_00, 1400_00)
    assert dict(r.funders) == {"渝北区财政": 2100_00}
    assert r.month_counts() == {"2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-04": 1, "2026-05": 1, "2026-06": 2}


def test_claim_lifecycle_posts_income_and_credits_residents(ctx, clock, yubei):
    rid = yubei["张三"]
    before = ledger.resident_balances(ctx).get(rid, 0)
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    assert subsidies.claim(ctx, cid).status == "草稿"
    subsidies.submit(ctx, cid)
    c = subsidies.claim(ctx, cid)
    assert (c.status, c.claimed_fen, c.centre_fen, c.resident_fen) == ("已提交", 2100_00, 700_00, 1400_00)
    with pytest.raises(RuleViolation, match="重叠"):
        subsidies.create_claim(ctx, "yb-service", "2026-06", "2026-10")
    with pytest.raises(RuleViolation, match="原因"):
        subsidies.approve(ctx, cid, 2000_00, D(2026, 11, 20))
    with pytest.raises(RuleViolation, match="少于发给老人的部分¥1,400.00：请注明核减了哪些老人"):
        subsidies.approve(ctx, cid, 1000_00, D(2026, 11, 25), "核减")
    clock.day, clock.time = D(2026, 12, 1), dt.datetime(2026, 12, 1, 9)
    with pytest.raises(RuleViolation, match="早于提交日期"):
        subsidies.approve(ctx, cid, 1800_00, D(2026, 11, 20), "王五6月核减")
    with pytest.raises(RuleViolation, match="只有已批准"):
        subsidies.receive(ctx, cid, D(2026, 12, 1))
    with pytest.raises(RuleViolation, match="不能高于申报金额"):
        subsidies.approve(ctx, cid, 2200_00, D(2026, 12, 1), "多批")
    # 王五's one month (¥100 + ¥200) not allowed: ¥1,800 approved
    wang = yubei["王五"]
    assert [(x.name, x.months, x.resident_fen) for x in subsidies.resident_shares(ctx, cid)] == [
        ("张三", 6, 1200_00), ("王五", 1, 200_00)]
    with pytest.raises(RuleViolation, match="核减月数应在0—1之间"):
        subsidies.approve(ctx, cid, 1800_00, D(2026, 12, 1), "王五6月核减", {f"resident:{wang}": 2})
    subsidies.approve(ctx, cid, 1800_00, D(2026, 12, 1), "王五6月核减", {f"resident:{wang}": 1})
    assert [(x.name, x.cut_months, x.cut_fen) for x in subsidies.resident_shares(ctx, cid)] == [
        ("张三", 0, 0), ("王五", 1, 200_00)]
    subsidies.receive(ctx, cid, D(2026, 12, 1), "account")
    c = subsidies.claim(ctx, cid)
    assert c.status == "已到账"
    # the centre's income is the approved amount less what the residents get: 1800 − 1200
    with ctx.read() as s:
        assert ledger.balance_in(s, "440104") == 600_00
        assert ledger.balance_in(s, "220903") == 0
        assert ledger.balance_in(s, "100201") == 1800_00
        assert ledger.balance_in(s, "2203", resident_id=wang) == 0  # his month was cut: nothing for him
    # 张三's ¥1,200 went into his account (paid ahead = negative balance)
    assert ledger.resident_balances(ctx).get(rid, 0) - before == -1200_00
    # the annual disclosure reads it as 政府补助收入—服务补贴
    clock.day, clock.time = D(2027, 1, 15), dt.datetime(2027, 1, 15, 9)
    pkg = disclosure.gather(ctx, 2026, check=False)
    assert [(x.kind, x.account, x.amount_fen) for x in pkg.subsidies] == [("服务补贴", "440104", 600_00)]


def test_a_resident_who_has_left_is_paid_by_transfer_not_credited(ctx, clock, yubei):
    """张三 leaves on 2026-11-20: his ¥1,200 cannot go into an account he no
    longer has; it is paid out by bank transfer, 王五's ¥200 is credited."""
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    subsidies.submit(ctx, cid)
    residents.discharge(ctx, yubei["张三"], D(2026, 11, 20), "回家")
    clock.day, clock.time = D(2026, 12, 1), dt.datetime(2026, 12, 1, 9)
    subsidies.approve(ctx, cid, 2100_00, D(2026, 12, 1))
    ch = subsidies.receive(ctx, cid, D(2026, 12, 1), "account")
    assert "1位已退住或去世的老人改为转账发放：张三" in ch.message
    with ctx.read() as s:
        # in: 2,100; out to 张三: 1,200 → the bank holds 900 (the centre's 700 and 王五's 200 now in 2203)
        assert ledger.balance_in(s, "100201") == 900_00
        assert ledger.balance_in(s, "2203", resident_id=yubei["王五"]) == 200_00
        assert ledger.balance_in(s, "2203", resident_id=yubei["张三"]) == 0


def test_future_period_and_missing_parameter_refused(ctx, yubei):
    with pytest.raises(RuleViolation, match="还没有结束"):
        subsidies.create_claim(ctx, "yb-service", "2026-07", "2026-12")
    # the municipal operating subsidy has no figure until the centre fills one in
    with pytest.raises(RuleViolation, match="cq_operating_rate"):
        subsidies.create_claim(ctx, "cq-operating", "2026-01", "2026-06")
    assert subsidies.claims(ctx) == []


def test_leave_days_count_and_the_evidence_says_so(ctx, yubei):
    """张三 away 2026-03-06 — back 2026-03-27: his 31 March days still count
    (the bed is kept), and the evidence shows 21 of them were leave."""
    residents.start_leave(ctx, yubei["张三"], D(2026, 3, 6), "住院", D(2026, 3, 26))
    residents.end_leave(ctx, yubei["张三"], D(2026, 3, 27))
    r = subsidies.preview(ctx, "yb-service", "2026-01", "2026-06")
    z = next(x for x in r.rows if x.name == "张三")
    assert z.amount_fen == 1800_00
    assert any("2026-03：31 天（含请假21天）" in c.evidence for c in z.checks)


def test_a_draft_left_unsubmitted_is_a_reminder(ctx, yubei):
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    assert ("草稿未提交", "BT2026-0001 社会办养老机构服务补贴（渝北籍老人）（2026年上半年）还是草稿，尚未提交") in [
        (r.kind, r.text) for r in subsidies.reminders(ctx)]
    subsidies.submit(ctx, cid)
    assert "草稿未提交" not in [r.kind for r in subsidies.reminders(ctx)]
