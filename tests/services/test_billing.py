"""Billing service: permissions, validation, idempotency, closed months,
cancel, prepayments, register and runs; ledger invariants (property test)."""
import datetime as dt
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, BillLine, BillRun, Charge, JournalEntry, JournalLine
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.billing import PRORATION_RULE
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, ledger, residents
from tests.conftest import person
from tests.services.billing_fixtures import add_term, fee_items, make_contract, receive

D = dt.date
FULL_MARCH = 240000 + 150000 + 3000 * 31  # bed 2400 + care 1500 + meals 30 × 31 = 4,830.00


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def desk(app, actors):
    return app.as_user(actors[Role.FRONT_DESK])


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (BillRun, BillLine, JournalEntry, JournalLine))


def sums(app):
    with app.read_factory() as s:
        return s.execute(select(func.sum(JournalLine.debit), func.sum(JournalLine.credit))).one()


def test_running_a_month_twice_changes_nothing(app, acc, admitted):
    make_contract(app, admitted, D(2026, 1, 10))
    first = billing.run_billing(acc, "2026-03")
    assert (first.contracts, first.lines, first.entries, first.total_fen) == (1, 3, 1, FULL_MARCH)
    before, money = counts(app), sums(app)
    again = billing.run_billing(acc, "2026-03")
    assert (again.lines, again.entries, again.total_fen) == (0, 0, 0)
    assert counts(app) == before  # not even a run in the run log: only the audit trail notes the check
    assert sums(app) == money == (FULL_MARCH, FULL_MARCH)
    assert "本次无新增" in again.message
    runs = billing.runs(acc, "2026-03")
    assert [(r.lines, r.total_fen) for r in runs] == [(3, FULL_MARCH)] and runs[0].rule == PRORATION_RULE


def test_entry_shape_and_source(app, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 1, 10))
    res = billing.run_billing(acc, "2026-03")
    rows = ledger.journal(acc, D(2026, 3, 1), D(2026, 3, 31))
    assert {r.source for r in rows} == {f"billing:2026-03:contract:{cid}:run:{res.run_id}"}
    assert [(r.account, r.debit, r.credit) for r in rows] == [
        (L.RECEIVABLE, FULL_MARCH, 0), (L.INCOME_BED, 0, 240000), (L.INCOME_CARE, 0, 150000), (L.INCOME_MEALS, 0, 93000)]
    assert rows[0].day == D(2026, 3, 31) and rows[0].resident_id == admitted
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).where(AuditLog.entity == "bill_run")).scalar_one()
    assert a.action == "月度计费" and '"lines":3' in a.after.replace(" ", "")


def test_closed_month_refuses_billing_and_charges(app, ctx, acc, desk, centre_ready):
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 2, 1), centre_ready["A101-2"]).ids[0]
    make_contract(app, rid, D(2026, 2, 1))
    billing.run_billing(acc, "2026-02")
    ledger.close_period(acc, "2026-02")
    before = counts(app)
    with pytest.raises(RuleViolation, match="2026-02已结账，不能再计费"):
        billing.run_billing(acc, "2026-02")
    with pytest.raises(RuleViolation, match="2026-02已结账"):
        billing.record_charge(desk, rid, D(2026, 2, 15), "陪同就医", 1, 8000)
    assert counts(app) == before


def test_month_not_started_and_bad_period(acc, admitted):
    with pytest.raises(RuleViolation, match="2026-12尚未开始，不能计费"):  # today is 2026-11-25
        billing.run_billing(acc, "2026-12")
    with pytest.raises(RuleViolation, match="格式应为YYYY-MM"):
        billing.run_billing(acc, "2026/13")


def test_cancelled_run_leaves_nothing(app, acc, centre_ready, ctx):
    rids = [residents.register_resident(ctx, person(n, seq=s), D(2026, 1, 5), centre_ready[b]).ids[0]
            for n, s, b in (("甲", 31, "A101-1"), ("乙", 33, "A101-2"), ("丙", 35, "A102-1"))]
    for r in rids:
        make_contract(app, r, D(2026, 1, 5))
    before = counts(app)
    with app.read_factory() as s:
        audits = s.execute(select(func.count()).select_from(AuditLog)).scalar_one()
    ev = threading.Event()
    seen = []

    def progress(frac, msg):
        seen.append(msg)

    class AbortAfterFirst:
        n = 0

        def is_set(self):
            self.n += 1
            return self.n > 1  # lets the first contract through, then cancels

    ev.set()
    for abort in (ev, AbortAfterFirst()):
        with pytest.raises(RuleViolation, match="已取消2026-03计费：本次未记任何账"):
            billing.run_billing(acc, "2026-03", progress=progress, abort=abort)
    assert counts(app) == before == (0, 0, 0, 0)
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(AuditLog)).scalar_one() == audits
    assert seen and seen[0] == "计费：共3份合同"


def test_progress_reported(app, acc, admitted):
    make_contract(app, admitted, D(2026, 1, 10))
    seen = []
    billing.run_billing(acc, "2026-03", progress=lambda f, m: seen.append((f, m)))
    assert seen[0] == (0.0, "计费：共1份合同") and seen[-1][0] == 1.0


def test_permissions(app, desk, acc, admitted):
    make_contract(app, admitted, D(2026, 1, 10))
    with pytest.raises(PermissionDenied, match="财务记账"):
        billing.run_billing(desk, "2026-03")
    # both the front desk and the accountant may record a per-use charge
    billing.record_charge(desk, admitted, D(2026, 3, 20), "陪同就医", 2, 8000)
    billing.record_charge(acc, admitted, D(2026, 3, 21), "理发", 1, 2000)


def test_record_charge_billed_with_its_month(app, desk, acc, admitted):
    items = fee_items(app)
    make_contract(app, admitted, D(2026, 1, 10))
    billing.record_charge(desk, admitted, D(2026, 3, 20), "陪同就医", 2, 8000, items["ESCORT"])
    res = billing.run_billing(acc, "2026-03")
    # 陪同就医 80.00 × 2 = 160.00 → Cr 430104
    assert res.total_fen == FULL_MARCH + 16000
    assert ledger.account_balance(acc, L.INCOME_OTHER) == 16000
    row = billing.billing_register(acc, "2026-03").rows[0]
    assert (row.other_fen, row.total_fen) == (16000, FULL_MARCH + 16000)
    # a charge recorded after the run is picked up by the next run, alone
    billing.record_charge(desk, admitted, D(2026, 3, 28), "陪同就医", 1, 8000, items["ESCORT"])
    assert billing.run_billing(acc, "2026-03").total_fen == 8000


def test_record_charge_validation(app, ctx, desk, admitted):
    make_contract(app, admitted, D(2026, 3, 1), end=D(2026, 6, 30))
    with app.read_factory() as s:
        n = s.execute(select(func.count()).select_from(Charge)).scalar_one()
    with pytest.raises(RuleViolation) as e:
        billing.record_charge(desk, admitted, D(2026, 3, 20), " ", 0, -100)
    assert e.value.fields() == {"description", "quantity", "unit_fen"}
    with pytest.raises(RuleViolation, match="数量必须是大于零的整数"):
        billing.record_charge(desk, admitted, D(2026, 3, 20), "理发", 1.5, 2000)
    with pytest.raises(RuleViolation, match="2026-02-20没有有效的服务合同"):
        billing.record_charge(desk, admitted, D(2026, 2, 20), "理发", 1, 2000)
    with pytest.raises(RuleViolation, match="2026-07-01没有有效的服务合同"):
        billing.record_charge(desk, admitted, D(2026, 7, 1), "理发", 1, 2000)
    with pytest.raises(RuleViolation, match="晚于今天"):
        billing.record_charge(desk, admitted, D(2026, 11, 26), "理发", 1, 2000)
    with pytest.raises(RuleViolation, match="收费项目999不存在"):
        billing.record_charge(desk, admitted, D(2026, 3, 20), "理发", 1, 2000, 999)
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(Charge)).scalar_one() == n


def test_prepaid_balance_applied_to_the_new_bill(app, acc, admitted):
    make_contract(app, admitted, D(2026, 1, 10))
    receive(acc, admitted, D(2026, 2, 27), 500000)  # nothing owed yet: all ¥5,000.00 prepaid
    assert ledger.account_balance(acc, L.PREPAID, resident_id=admitted) == 500000
    res = billing.run_billing(acc, "2026-03")
    # bill 4,830.00; prepaid 5,000.00 → apply 4,830.00 (Dr 2203 / Cr 1121); 170.00 stays prepaid
    assert res.prepaid_applied_fen == FULL_MARCH and res.entries == 2
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 0
    assert ledger.account_balance(acc, L.PREPAID, resident_id=admitted) == 17000
    assert ledger.resident_balances(acc)[admitted] == -17000
    # April: 2400 + 1500 + 30 × 30 = 4,800.00; only 170.00 left to apply → owes 4,630.00
    res = billing.run_billing(acc, "2026-04")
    assert res.prepaid_applied_fen == 17000
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 463000
    assert ledger.account_balance(acc, L.PREPAID, resident_id=admitted) == 0


def test_register_totals(app, ctx, acc, admitted, centre_ready):
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 3, 16), centre_ready["A101-2"]).ids[0]
    make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001")
    make_contract(app, rid, D(2026, 3, 16), number="HT2026-0002")
    billing.run_billing(acc, "2026-03")
    reg = billing.billing_register(acc, "2026-03")
    assert [(r.contract_number, r.resident_name, r.total_fen) for r in reg.rows] == [
        ("HT2026-0001", "张三", FULL_MARCH), ("HT2026-0002", "李四", 249290)]  # 1238.71 + 774.19 + 480.00
    t = reg.totals
    assert (t.bed_fen, t.care_fen, t.meals_fen, t.total_fen) == (363871, 227419, 141000, FULL_MARCH + 249290)
    assert t.total_fen == ledger.account_balance(acc, "4301")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["run", "amend", "pay", "charge"]), st.integers(0, 2),
                          st.integers(1, 4), st.integers(1, 500000)), min_size=1, max_size=8))
def test_property_entries_balance_and_resident_balances_add_up(app, ctx, acc, centre_ready, ops):
    # one database for all examples: the invariants must hold after every sequence
    with app.read_factory() as s:
        from eldercare_desktop.db.models import Contract
        cids = list(s.execute(select(Contract.id, Contract.resident_id).order_by(Contract.id)).all())
    if not cids:
        for i, bed in enumerate(("A101-1", "A101-2", "A102-1")):
            rid = residents.register_resident(ctx, person(f"住户{i}", seq=41 + 2 * i), D(2026, 1, 1 + i),
                                              centre_ready[bed]).ids[0]
            make_contract(app, rid, D(2026, 1, 1 + i))
        with app.read_factory() as s:
            cids = list(s.execute(select(Contract.id, Contract.resident_id).order_by(Contract.id)).all())
    for op, who, month, amount in ops:
        cid, rid = cids[who]
        if op == "run":
            billing.run_billing(acc, f"2026-{month:02d}")
            again = billing.run_billing(acc, f"2026-{month:02d}")
            assert again.lines == 0  # billing a month twice changes nothing
        elif op == "amend":
            day = D(2026, month, 1 + amount % 28)
            with app.read_factory() as s:
                from eldercare_desktop.db.models import ContractTerm
                taken = s.execute(select(ContractTerm.id).where(ContractTerm.contract_id == cid,
                                                                ContractTerm.effective_date == day)).first()
            if not taken and day > D(2026, 1, 3):
                add_term(app, cid, day, care_fee_fen=100000 + amount)
        elif op == "pay":
            receive(acc, rid, D(2026, month, 10), amount)
        else:
            billing.record_charge(acc, rid, D(2026, month, 5), "理发", 1 + amount % 3, 1000 + amount % 9000)
    with app.read_factory() as s:
        unbalanced = s.execute(select(JournalLine.entry_id).group_by(JournalLine.entry_id)
                               .having(func.sum(JournalLine.debit) != func.sum(JournalLine.credit))).all()
        assert not unbalanced
        assert not s.execute(select(JournalLine.id).where((JournalLine.debit < 0) | (JournalLine.credit < 0))).first()
    balances = ledger.resident_balances(acc)
    receivable = ledger.account_balance(acc, L.RECEIVABLE)
    prepaid = ledger.account_balance(acc, L.PREPAID)
    assert sum(balances.values()) == receivable - prepaid
    # the register equals the income posted, month by month
    total_billed = sum(billing.billing_register(acc, f"2026-{m:02d}").totals.total_fen for m in range(1, 5))
    assert total_billed == ledger.account_balance(acc, "4301")
