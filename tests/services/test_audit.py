"""Part 6: every write leaves who/when/what/before→after; tampering is found."""
import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import text

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit, residents
from eldercare_desktop.services.audit import AuditFilter

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself


def test_write_records_who_when_before_after(app, ctx, clock, centre_ready, admitted):
    clock.time = dt.datetime(2026, 11, 25, 14, 5, 0)
    residents.update_resident(ctx, admitted, residents_input("张叁"))
    e = audit.list_entries(ctx, AuditFilter(entity="resident", entity_id=str(admitted)))[0]
    assert (e.user, e.at, e.action) == ("admin", "2026-11-25T14:05:00", "修改住户信息")
    assert json.loads(e.before)["name"] == "张三"
    assert json.loads(e.after)["name"] == "张叁"


def residents_input(name):
    from tests.conftest import agent, person

    return person(name=name, contacts=(agent(),))


def test_failed_write_leaves_no_audit_row(app, ctx, centre_ready, admitted):
    n = len(audit.list_entries(ctx))
    with pytest.raises(Exception):
        residents.start_leave(ctx, admitted, dt.date(2026, 1, 1), "早于入住")
    assert len(audit.list_entries(ctx)) == n


def test_filters(app, actors, centre_ready, admitted):
    ctx = app.as_user(actors[Role.ADMIN])
    fd = app.as_user(actors[Role.FRONT_DESK])
    residents.start_leave(fd, admitted, dt.date(2026, 11, 1), "回家")
    by_fd = audit.list_entries(ctx, AuditFilter(user="qiantai"))
    assert [e.action for e in by_fd] == ["请假", "登录"]
    assert audit.list_entries(ctx, AuditFilter(date_from=dt.date(2026, 11, 26))) == []
    assert "qiantai" in audit.audit_users(ctx)
    assert [e.action for e in audit.list_entries(ctx, AuditFilter(text="回家"))] == ["请假"]


def test_chain_intact_then_tampering_named(app, ctx, db_path, centre_ready, admitted):
    checked, broken = audit.verify(app)
    assert broken is None and checked >= 5
    app.close()
    con = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE audit_log SET after='{}' WHERE seq=3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit_log WHERE seq=3")
    # a tamperer who drops the guard is still caught by the chain
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET after='{\"beds\":[]}' WHERE seq=3")
    con.commit()
    con.close()
    _, broken = audit.verify(app)
    assert broken.seq == 3 and "被改动" in broken.reason


def test_deleted_row_named(app, ctx, db_path, centre_ready, admitted):
    app.close()
    con = sqlite3.connect(db_path)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE seq=4")
    con.commit()
    con.close()
    _, broken = audit.verify(app)
    assert broken.seq == 4 and "缺失" in broken.reason


def test_removing_newest_row_detected(app, ctx, db_path, centre_ready, admitted):
    with app.read_factory() as s:
        last = s.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
    app.close()
    con = sqlite3.connect(db_path)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE seq=?", (last,))
    con.commit()
    con.close()
    _, broken = audit.verify(app)
    assert broken.seq == last
