"""services.changes: the stale-page probe. Another App on the same database
plays another PC; this App's own writes are never reported. Runs on SQLite
and on PostgreSQL (the ``app`` fixture is parametrised)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import time

import pytest

from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import centre, changes, residents
from eldercare_desktop.services.context import App
from tests.conftest import person

D = dt.date


@pytest.fixture
def other(app, clock):
    """A second App on the same database: another front-desk PC."""
    a = App.open(app.url, today=clock.today, now=clock.now)
    yield a
    a.close()


def test_head_grows_with_every_write(app, ctx, centre_ready):
    first = changes.head(app)
    assert first > 0
    residents.register_resident(ctx, person(), D(2026, 1, 10), centre_ready["A101-1"])
    assert changes.head(app) > first


def test_another_apps_write_is_reported_with_the_entities_it_touched(app, ctx, other, admin, centre_ready):
    since = changes.head(app)
    assert changes.probe(app, since) == changes.Probe(since)
    ch = residents.register_resident(other.as_user(admin), person(), D(2026, 1, 10), centre_ready["A101-1"])
    p = changes.probe(app, since)
    assert p.head > since
    assert {"resident", "bed", changes.AUDIT} <= p.entities
    assert "contract" not in p.entities and changes.EVERYTHING not in p.entities
    assert p.touches(frozenset({"resident"})) and not p.touches(frozenset({"voucher"}))
    assert changes.changed_since(app, since) == p.entities
    # nothing new after the head
    assert changes.probe(app, p.head) == changes.Probe(p.head)
    # an edit is reported too
    before = changes.head(app)
    d = residents.get_resident(ctx, ch.ids[0])
    residents.update_resident(other.as_user(admin), d.id, dataclasses.replace(_input(d), phone="13912345678"))
    assert "resident" in changes.changed_since(app, before)


def _input(d):
    """The ResidentInput of a ResidentDetail (to edit one field)."""
    from eldercare_desktop.domain.residents import ContactInput, ResidentInput

    return ResidentInput(
        name=d.name, id_number=d.id_number, gender=d.gender, birth_date=d.birth_date, phone=d.phone,
        address=d.address, hukou_province=d.hukou_province, hukou_city=d.hukou_city,
        hukou_district=d.hukou_district, categories=tuple(d.categories), notes=d.notes,
        contacts=tuple(ContactInput(c.name, c.relationship, c.phone, c.is_agent) for c in d.contacts),
    )


def test_own_writes_are_not_reported(app, ctx, other, admin, centre_ready):
    since = changes.head(app)  # starts tracking this App's writes
    residents.register_resident(ctx, person(), D(2026, 1, 10), centre_ready["A101-1"])
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei", phone="023-67891234"))
    p = changes.probe(app, since)
    assert p.head > since and p.entities == frozenset() and p.rows == 0
    # ...but the other App sees them
    assert {"resident", "centre"} <= changes.changed_since(other, since)
    # mixed: only the other App's part is reported to this one
    since = p.head
    residents.register_resident(ctx, person("李四", seq=25), D(2026, 2, 1), centre_ready["A101-2"])
    centre.add_room(other.as_user(admin), "B", 2, "201", "单人间", [("1", "普通")])
    p = changes.probe(app, since)
    assert "room" in p.entities and "resident" not in p.entities and p.rows == 1


def test_a_written_document_changes_no_data(app, other, admin, tmp_path):
    from eldercare_desktop.services import backup

    since = changes.head(app)
    if app.sqlite_path is None:  # PostgreSQL: no file backup; a printout records the same kind of row
        from eldercare_desktop.services.output import write_document

        def render(tmp):
            tmp.write_text("x")
            return 1

        write_document(other.as_user(admin), tmp_path / "x.txt", render, "打印收费公示", "fee_item")
    else:
        backup.backup(other.as_user(admin), tmp_path / "copy.sqlite3")
    assert changes.changed_since(app, since) == frozenset({changes.AUDIT})


def test_more_rows_than_the_limit_means_everything(app, other, admin, monkeypatch, centre_ready):
    monkeypatch.setattr(changes, "ROW_LIMIT", 2)
    since = changes.head(app)
    ctx2 = other.as_user(admin)
    for i in range(4):
        centre.add_room(ctx2, "C", 3, f"30{i}", "单人间", [("1", "普通")])
    assert changes.EVERYTHING in changes.changed_since(app, since)
    # this App's own rows past the limit are still its own
    since = changes.head(app)
    for i in range(4):
        centre.add_room(app.as_user(admin), "D", 4, f"40{i}", "单人间", [("1", "普通")])
    assert changes.changed_since(app, since) == frozenset()


def test_a_log_that_went_back_means_everything(app):
    head = changes.head(app)
    assert changes.EVERYTHING in changes.changed_since(app, head + 100)


def test_the_probe_is_fast(app, other, admin, centre_ready):
    """A probe with nothing new is two indexed reads: well under 20 ms here
    (measured on a 1,000-resident demo database: see the report)."""
    since = changes.head(app)
    centre.add_room(other.as_user(admin), "E", 5, "501", "单人间", [("1", "普通")])
    changes.probe(app, since)  # warm the pool
    t0 = time.perf_counter()
    for _ in range(20):
        changes.probe(app, since)
    per_probe = (time.perf_counter() - t0) / 20
    assert per_probe < 0.02
