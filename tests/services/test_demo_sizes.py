"""demo-data works for every number of residents: tiny centres build their
whole history and verify (issue 13: N=200 failed once)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import Contract, Resident
from eldercare_desktop.services import demo, integrity


@pytest.mark.parametrize("n", [1, 2, 7, 13])
def test_small_centres_build_and_verify(app, n):
    summary = demo.build_demo(app, residents=n, seed=n)
    assert summary.residents == n and sum(summary.by_status.values()) == n and not summary.bulk
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(Resident)).scalar_one() == n
    report = integrity.verify(app)
    assert report.ok, report


def test_above_a_thousand_residents_the_whole_history_is_replayed(app, monkeypatch):
    """N > 1,000 once wrote the register alone (no contracts, bills,
    payments or escrow): the default now replays the history at any size."""
    replayed = []

    def services(app_, actor, plan, clock, progress, abort, seed=1, not_after=None):
        replayed.append(len(plan.people))
        return 0, 0

    def bulk(*_a, **_k):
        raise AssertionError("register-only bulk path taken")

    monkeypatch.setattr(demo, "_run_services", services)
    monkeypatch.setattr(demo, "_run_bulk", bulk)
    summary = demo.build_demo(app, residents=1500, seed=2)
    assert replayed == [1500] and not summary.bulk
