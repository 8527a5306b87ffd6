"""Several PCs at once on one PostgreSQL database (threads, each with its own
App and connections, started together at a barrier): billing runs for the
same month bill each contract once; one free bed admits one of two
residents; one 身份证号 registered from two PCs is refused in Chinese."""
from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import func, select

from eldercare_desktop.db.models import BillLine, Resident
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, residents, users
from eldercare_desktop.services.context import App
from tests.conftest import NOW, PASSWORD, TODAY, person
from tests.services.billing_fixtures import many_contracts

D = dt.date


def at_once(url: str, username: str, n: int, work) -> list:
    """Run ``work(ctx, i)`` on ``n`` PCs at once; returns each result or exception."""
    barrier = threading.Barrier(n)
    out: list = [None] * n

    def pc(i: int) -> None:
        app = App.open(url, today=lambda: TODAY, now=lambda: NOW)
        try:
            ctx = app.as_user(users.login(app, username, PASSWORD))
            barrier.wait(timeout=30)
            out[i] = work(ctx, i)
        except Exception as exc:  # noqa: BLE001  (collected and asserted on)
            out[i] = exc
        finally:
            app.close()

    threads = [threading.Thread(target=pc, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def test_simultaneous_billing_runs_bill_each_contract_once(app, actors, pg_url):
    ids = many_contracts(app, 60)
    results = at_once(pg_url, "kuaiji", 4, lambda ctx, i: billing.run_billing(ctx, "2026-03"))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.lines > 0 for r in results) == [False, False, False, True]  # one run billed, three found it done
    with app.read_factory() as s:
        per_contract = dict(s.execute(select(BillLine.contract_id, func.count()).where(BillLine.period == "2026-03")
                                      .group_by(BillLine.contract_id)).all())
        kinds = s.execute(select(func.count()).select_from(
            select(BillLine.contract_id, BillLine.kind, BillLine.label, BillLine.start_date)
            .where(BillLine.period == "2026-03").distinct().subquery())).scalar_one()
        lines = s.execute(select(func.count()).where(BillLine.period == "2026-03")).scalar_one()
    assert set(per_contract) == set(ids) and lines == kinds  # no line twice


def test_one_free_bed_admits_one_of_two(app, actors, centre_ready, pg_url):
    bed = centre_ready["A102-1"]
    people = [person("李四", seq=21), person("王五", seq=23)]
    results = at_once(pg_url, "qiantai", 2,
                      lambda ctx, i: residents.register_resident(ctx, people[i], D(2026, 3, 1), bed))
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], RuleViolation), results
    assert "A102-1" in refused[0].message or "已由" in refused[0].message
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(Resident)).scalar_one() == 1


def test_one_id_number_from_two_pcs_is_refused_in_chinese(app, actors, centre_ready, pg_url):
    same = person("赵六", seq=25)
    beds = [centre_ready["A101-1"], centre_ready["A101-2"]]
    results = at_once(pg_url, "qiantai", 2,
                      lambda ctx, i: residents.register_resident(ctx, same, D(2026, 3, 1), beds[i]))
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], RuleViolation), results
    assert "已登记" in refused[0].message and "不能重复登记" in refused[0].message


def _one_done_one_refused(results, refusal: str) -> None:
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], RuleViolation), results  # not an IntegrityError
    assert refusal in refused[0].message


def test_a_month_closed_from_two_pcs_at_once_closes_once(app, actors, pg_url):
    from eldercare_desktop.db.models_finance import PeriodClose
    from eldercare_desktop.services import ledger

    results = at_once(pg_url, "kuaiji", 2, lambda ctx, i: ledger.close_period(ctx, "2025-03"))
    _one_done_one_refused(results, "2025-03已结账，不能重复结账")
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(PeriodClose)).scalar_one() == 1


def test_a_year_closed_from_two_pcs_at_once_closes_once(app, actors, pg_url):
    from eldercare_desktop.db.models_books import YearClose
    from eldercare_desktop.services import year_end

    results = at_once(pg_url, "kuaiji", 2, lambda ctx, i: year_end.close_year(ctx, 2024))
    _one_done_one_refused(results, "2024年度已年末结转，不能重复结转")
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(YearClose)).scalar_one() == 1
