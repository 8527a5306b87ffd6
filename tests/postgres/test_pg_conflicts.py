"""Parallel writers on PostgreSQL: receipt numbers stay gap-free and unique;
a deadlock or serialization failure between two PCs is run again inside
the service call (a bounded number of times, then a Chinese message and
nothing saved); a dropped connection is a Chinese message and the next
action reconnects."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select, text

from eldercare_desktop.db import chain
from eldercare_desktop.db.models import Receipt
from eldercare_desktop.domain.roles import Perm
from eldercare_desktop.services import busy, payments
from tests.conftest import person
from tests.postgres.test_pg_concurrency import at_once

D = dt.date
RAISE_40001 = ("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001', "
               "MESSAGE = 'could not serialize access due to concurrent update'; END $$")


def _audit_rows(app) -> int:
    with app.read_factory() as s:
        return s.execute(text("SELECT count(*) FROM audit_log")).scalar_one()


def _receipts(app) -> list[str]:
    with app.read_factory() as s:
        return list(s.execute(select(Receipt.number).order_by(Receipt.number)).scalars())


def test_parallel_receipts_are_numbered_without_gaps(app, ctx, actors, centre_ready, pg_url):
    from eldercare_desktop.services import residents

    ids = [residents.register_resident(ctx, person(f"住户{i}", seq=31 + 2 * i), D(2026, 3, 1), centre_ready[bed]).ids[0]
           for i, bed in enumerate(["A101-1", "A101-2", "A102-1"])]

    def pay(ctx, i):
        return [payments.record_payment(ctx, ids[i % 3], D(2026, 4, 2), "现金", 10000 + j, "家属").ids[0]
                for j in range(5)]

    results = at_once(pg_url, "kuaiji", 4, pay)
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = _receipts(app)
    assert numbers == [f"SJ2026-{n:06d}" for n in range(1, 21)]  # 4 PCs × 5, 1…20, none twice, none skipped


def _lock_two_rows(ctx, first: int, second: int, barrier: threading.Barrier, tries: list) -> None:
    """Lock audit-free rows in a given order (two PCs in opposite orders deadlock)."""
    tries.append(1)
    with ctx.write(Perm.READ) as s:
        s.execute(text("UPDATE receipt_sequence SET last = last WHERE year = :y"), {"y": first})
        if len(tries) == 1:
            barrier.wait(timeout=10)  # both hold their first row
        s.execute(text("UPDATE receipt_sequence SET last = last WHERE year = :y"), {"y": second})


def test_a_deadlock_between_two_pcs_is_run_again(app, actors, pg_url):
    with app.write_factory.begin() as s:
        s.execute(text("INSERT INTO receipt_sequence (year, last) VALUES (2001, 0), (2002, 0)"))
    barrier = threading.Barrier(2)
    tries: list[list] = [[], []]
    work = busy.retrying(_lock_two_rows)
    results = at_once(pg_url, "admin", 2,
                      lambda ctx, i: work(ctx, (2001, 2002)[i], (2002, 2001)[i], barrier, tries[i]))
    assert results == [None, None]  # both done: the deadlock's victim was run again
    assert sorted(len(t) for t in tries) == [1, 2]


def _fail_in_chain(monkeypatch, times: int) -> list:
    """The first ``times`` audit appends meet a real serialization failure from the server."""
    calls: list = []
    real = chain.append

    def append(conn, *a, **kw):
        calls.append(1)
        if len(calls) <= times:
            conn.execute(text(RAISE_40001))
        return real(conn, *a, **kw)

    monkeypatch.setattr(chain, "append", append)
    return calls


def test_a_serialization_failure_is_retried_inside_the_service_call(app, ctx, admitted, monkeypatch):
    before = _audit_rows(app)
    calls = _fail_in_chain(monkeypatch, 2)
    rid = payments.record_payment(ctx, admitted, D(2026, 4, 2), "现金", 50000, "张小三").ids[0]
    saved = _audit_rows(app) - before
    assert saved >= 1 and len(calls) == 2 + saved  # two attempts rolled back at their first audit row, the third saved
    assert _receipts(app) == ["SJ2026-000001"]  # the rolled-back attempts used no number
    with app.read_factory() as s:
        assert s.get(Receipt, rid).amount_fen == 50000


def test_a_conflict_that_persists_is_reported_in_chinese_and_nothing_saved(app, ctx, admitted, monkeypatch):
    before = _audit_rows(app)
    calls = _fail_in_chain(monkeypatch, 99)
    with pytest.raises(busy.WriteConflict) as err:
        payments.record_payment(ctx, admitted, D(2026, 4, 2), "现金", 50000, "张小三")
    assert len(calls) == busy.CONFLICT_TRIES == 5
    assert err.value.message == "与其他电脑同时进行的操作发生冲突，已自动重试5次仍未成功，本次操作没有保存，请稍后重试"
    assert _receipts(app) == [] and _audit_rows(app) == before


def test_a_dropped_connection_is_reported_and_the_next_action_reconnects(app, ctx, admitted, monkeypatch):
    from tests.pg_fixtures import _admin

    conn, u = _admin()
    real = chain.append

    def append(c, *a, **kw):  # the server ends this PC's session mid-transaction
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                      "AND pid <> pg_backend_pid()", (c.engine.url.database,))
        return real(c, *a, **kw)

    monkeypatch.setattr(chain, "append", append)
    with pytest.raises(busy.ConnectionLost) as err:
        payments.record_payment(ctx, admitted, D(2026, 4, 2), "现金", 50000, "张小三")
    assert "与数据库服务器的连接已断开，本次操作没有保存" in err.value.message
    monkeypatch.setattr(chain, "append", real)
    conn.close()
    payments.record_payment(ctx, admitted, D(2026, 4, 3), "现金", 60000, "张小三")  # reconnected
    assert _receipts(app) == ["SJ2026-000001"]
    with app.read_factory() as s:
        assert s.execute(select(func.sum(Receipt.amount_fen))).scalar_one() == 60000


def test_two_pcs_saving_one_resident_at_once_save_one_and_refuse_the_other(app, ctx, admitted, pg_url):
    """Both forms were filled from version 1; both press 保存 together."""
    import dataclasses

    from eldercare_desktop.domain.errors import StaleRecord
    from eldercare_desktop.services import residents
    from tests.services.test_versions import _input

    form = residents.get_resident(ctx, admitted)
    phones = ["13900000001", "13900000002"]
    results = at_once(pg_url, "admin", 2, lambda c, i: residents.update_resident(
        c, admitted, dataclasses.replace(_input(form), phone=phones[i]), expected_version=form.version))
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], StaleRecord), results
    saved = phones[[i for i, r in enumerate(results) if not isinstance(r, Exception)][0]]
    now = residents.get_resident(ctx, admitted)
    assert (now.phone, now.version) == (saved, 2)


def test_assets_registered_from_two_pcs_at_once_get_two_numbers(app, actors, pg_url):
    from eldercare_desktop.db.models import FixedAsset
    from eldercare_desktop.services import assets

    results = at_once(pg_url, "kuaiji", 2, lambda ctx, i: assets.register_asset(
        ctx, assets.AssetInput(("床", "轮椅")[i], "家具用具", 120_000, D(2026, 1, 5), 12)))
    assert not [r for r in results if isinstance(r, Exception)], results
    with app.read_factory() as s:
        assert sorted(s.execute(select(FixedAsset.number)).scalars()) == ["ZC-0001", "ZC-0002"]


def test_a_conflict_after_part_of_a_call_was_saved_says_so(app, ctx, monkeypatch):
    """A call of two transactions (like a chunked import) whose second meets
    a conflict is not run again, and does not claim that nothing was saved."""
    from eldercare_desktop.domain.roles import Perm

    @busy.retrying
    def two_steps(c):
        with c.write(Perm.READ) as s:
            s.execute(text("INSERT INTO receipt_sequence (year, last) VALUES (2001, 0)"))
        with c.write(Perm.READ) as s:
            s.execute(text(RAISE_40001))

    with pytest.raises(busy.WriteConflict) as err:
        two_steps(ctx)
    assert err.value.partial and "此前的部分已经保存" in err.value.message
    with app.read_factory() as s:  # the first step stands, once
        assert s.execute(text("SELECT count(*) FROM receipt_sequence WHERE year = 2001")).scalar_one() == 1


def test_a_wrong_password_is_not_taken_for_a_lost_connection(pg_url):
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    bad = make_url(pg_url).set(password="Wr0ng").render_as_string(hide_password=False)
    engine = create_engine(bad)
    with pytest.raises(OperationalError) as err:
        engine.connect()
    engine.dispose()
    assert not busy.is_disconnect(err.value) and busy.translate(err.value) is err.value
