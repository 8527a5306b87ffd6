"""首页 figures (services.dashboard.summary) on the demo centre: every
figure equals the length / total of the list it opens, and each list is
the one the page it opens would show."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import ESCROW_BANK
from eldercare_desktop.domain.money import format_yuan
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import (
    assessments,
    backup,
    centre,
    contracts,
    dashboard,
    demo,
    disclosure,
    escrow,
    ledger,
    payments,
    residents,
    subsidies,
    users,
)
from eldercare_desktop.services.context import App
from eldercare_desktop.viewmodels import home as vm
from tests.conftest import TODAY, agent, person

PAGES = {"residents", "beds", "assessment", "contracts", "billing", "escrow", "reports", "subsidies"}


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """The demo centre (40 residents, seed 7) built once, on TODAY."""
    path = tmp_path_factory.mktemp("dashboard") / "demo.sqlite3"
    app = App.open(str(path), today=lambda: TODAY, now=lambda: dt.datetime.combine(TODAY, dt.time(9, 30)))
    demo.build_demo(app, residents=40, password="demo1234", seed=7)
    app.close()
    return path


@pytest.fixture
def dapp(demo_file, tmp_path, clock):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    a = App.open(str(path), today=clock.today, now=clock.now)
    yield a
    a.close()


@pytest.fixture
def dctx(dapp):
    return dapp.as_user(users.login(dapp, "admin", "demo1234"))


@pytest.fixture
def busy_day(dctx):
    """Today: a newcomer with no contract, a discharge, two contracts ended
    (one refund overdue, one due) with the residents still in their beds."""
    ctx = dctx
    new_id = None
    for bed in centre.free_beds(ctx, TODAY):  # a free bed in a room without women (rooms are single-sex)
        try:
            new_id = residents.register_resident(ctx, person(name="王新来", seq=77, contacts=(agent(),)), TODAY,
                                                 bed.bed_id).ids[0]
            break
        except RuleViolation:
            continue
    assert new_id is not None
    with ctx.read() as s:
        held = escrow._balances_on(s, TODAY)
    active = [c for c in contracts.list_contracts(ctx, active_only=True) if held.get(c.resident_id, 0) > 0]
    assert len(active) >= 3
    contracts.terminate_contract(ctx, active[0].id, TODAY - dt.timedelta(days=40), "提前解约")
    contracts.terminate_contract(ctx, active[1].id, TODAY - dt.timedelta(days=3), "提前解约")
    residents.discharge(ctx, active[2].resident_id, TODAY, "退住")
    return {"new": new_id, "ended": (active[0].resident_id, active[1].resident_id),
            "discharged": active[2].resident_id}


def test_every_figure_is_its_list(dctx, busy_day):
    ctx = dctx
    s = dashboard.summary(ctx, TODAY)
    assert set(s.figures) == set(dashboard.KEYS) == set(vm.ALL_FIGURES)
    for key, fig in s.figures.items():
        assert fig.count == len(fig.rows), key
        assert vm.value_text(fig) == str(len(fig.rows)), key
        assert fig.total_fen == sum(r.amount_fen or 0 for r in fig.rows), key
        if key in vm.MONEY:
            assert vm.amount_text(key, fig) == format_yuan(fig.total_fen)
    # the demo and the day give every list something to show
    for key in ("admissions", "discharges", "free_beds", "uncontracted", "assessments_due", "refunds_due",
                "refunds_overdue", "arrears", "subsidy_reminders"):
        assert s[key].count > 0, key

    # today's admissions and discharges
    assert [r.resident_id for r in s["admissions"].rows] == [busy_day["new"]]
    assert s["admissions"].rows[0].bed and s["admissions"].rows[0].day == TODAY
    assert [r.resident_id for r in s["discharges"].rows] == [busy_day["discharged"]]

    # free beds = the bed map's empty active beds; occupancy today = beds − free
    free = centre.free_beds(ctx, TODAY)
    assert [r.bed for r in s["free_beds"].rows] == [b.code for b in free]
    assert s.occupancy[-1].month_end == TODAY
    assert s.occupancy[-1].value == s.beds_total - s["free_beds"].count
    assert len(s.occupancy) == len(s.income) == len(s.deposits) == 12

    # residents in a bed with no contract covering today: never billed
    unc = {r.resident_id for r in s["uncontracted"].rows}
    assert unc >= {busy_day["new"], *busy_day["ended"]}
    occupants = {b.occupant_id for r in centre.bed_map(ctx, TODAY) for b in r.beds if b.occupant_id}
    for rid in occupants:
        covered = contracts.contract_for(ctx, rid, TODAY) is not None
        assert covered != (rid in unc), rid
    assert [r.resident_id for r in dashboard.uncontracted(ctx, TODAY)] == [r.resident_id for r in s["uncontracted"].rows]
    assert s["uncontracted"].alert

    # refunds: the escrow page's due and overdue lists
    dash = escrow.dashboard(ctx, TODAY)
    assert [(r.resident_id, r.amount_fen) for r in s["refunds_due"].rows] == \
        [(d.resident_id, d.balance_fen) for d in dash.due]
    assert [(r.resident_id, r.amount_fen) for r in s["refunds_overdue"].rows] == \
        [(d.resident_id, d.balance_fen) for d in dash.overdue]
    assert s["refunds_overdue"].alert and busy_day["ended"][0] in {r.resident_id for r in s["refunds_overdue"].rows}

    # arrears: the ageing report's residents who owe, and their total
    age = payments.ageing(ctx, TODAY)
    owing = [r for r in age.rows if r.total_fen > 0]
    assert [(r.resident_id, r.amount_fen) for r in s["arrears"].rows] == [(r.resident_id, r.total_fen) for r in owing]
    assert s["arrears"].total_fen == sum(r.total_fen for r in owing) > 0

    # assessments due: the assessments page's due list
    assert [(r.resident_id, r.day) for r in s["assessments_due"].rows] == \
        [(d.resident_id, d.due_date) for d in assessments.due_list(ctx)]

    # subsidy reminders and the disclosure status
    assert [r.note for r in s["subsidy_reminders"].rows] == [r.text for r in subsidies.reminders(ctx)]
    st = disclosure.status(ctx, TODAY)
    assert s["disclosure"].count == (1 if st is not None and st.pending else 0)

    # charts: deposits held = the escrow bank account; income = the month's 4xxx movements
    assert s.deposits[-1].value == ledger.account_balance(ctx, ESCROW_BANK, TODAY) == dash.held_fen
    june = next(p for p in s.income if p.month_end == dt.date(2026, 6, 30))
    tb = ledger.trial_balance(ctx, "2026-06")
    assert june.value == sum(r.credit - r.debit for r in tb.rows if r.account.startswith("4")) > 0


def test_one_read_session(dctx, monkeypatch):
    opened = []
    real = App.read_factory.fget

    def counting(self):
        f = real(self)

        def make():
            opened.append(1)
            return f()
        return make

    monkeypatch.setattr(App, "read_factory", property(counting))
    dashboard.summary(dctx, TODAY)
    assert len(opened) == 1


def test_backup_reminder_when_older_than_two_days(dctx, clock, tmp_path):
    s = dashboard.summary(dctx, TODAY)
    assert s["backup"].count == 0 and s["backup"].alert and s["backup"].days is None
    backup.backup(dctx, tmp_path / "b1.sqlite3")
    s = dashboard.summary(dctx, TODAY)
    fig = s["backup"]
    assert fig.count == 1 and fig.days == 0 and not fig.alert
    assert fig.rows[0].day == TODAY and fig.rows[0].note.endswith("b1.sqlite3") and fig.rows[0].name == "admin"
    clock.day = TODAY + dt.timedelta(days=2)
    assert not dashboard.summary(dctx)["backup"].alert
    clock.day = TODAY + dt.timedelta(days=3)
    fig = dashboard.summary(dctx)["backup"]
    assert fig.alert and fig.days == 3 and "请及时备份" in fig.text


def test_disclosure_pending_after_new_year(dctx, clock):
    clock.day = dt.date(2027, 1, 10)
    fig = dashboard.summary(dctx)["disclosure"]
    st = disclosure.status(dctx)
    assert st.pending and fig.count == 1 and fig.days == st.days_left and fig.text == st.text()
    assert fig.rows[0].day == st.due_date


def test_every_role_reads_its_figures(dapp):
    for name, role in (("qiantai", Role.FRONT_DESK), ("kuaiji", Role.ACCOUNTANT), ("shenji", Role.AUDITOR),
                       ("admin", Role.ADMIN)):
        actor = users.login(dapp, name, "demo1234")
        assert actor.role == role
        s = dashboard.summary(dapp.as_user(actor), TODAY)
        keys = vm.figures_for(role)
        assert keys and set(keys) <= set(s.figures)
        assert set(vm.charts_for(role)) <= set(vm.ALL_CHARTS)
    assert vm.figures_for(Role.ADMIN) == vm.ALL_FIGURES
    assert {page for page, _ in vm.ROUTES.values()} <= PAGES
