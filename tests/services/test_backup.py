"""Backup then restore gives identical data; a bad file changes nothing."""
import datetime as dt
import sqlite3

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.services import audit, backup, residents
from tests.conftest import person

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself


def dump(path):
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        con.close()


def test_backup_restore_identical(app, ctx, db_path, tmp_path, centre_ready, admitted):
    dest = tmp_path / "backup.sqlite3"
    sha = backup.backup(ctx, dest)
    assert len(sha) == 64
    expected = dump(dest)
    # change things after the backup
    residents.register_resident(ctx, person(name="李四", seq=25), dt.date(2026, 2, 1), centre_ready["A102-1"])
    residents.discharge(ctx, admitted, dt.date(2026, 11, 1), "回家")
    safety = backup.restore(app, ctx.actor, dest)
    assert safety.exists()
    after = dump(db_path)
    # identical except the audit row recording the restore itself
    for table, rows in expected.items():
        if table in ("audit_log", "audit_head"):
            continue
        assert after[table] == rows, table
    assert after["audit_log"][: len(expected["audit_log"])] == expected["audit_log"]
    assert audit.verify(app)[1] is None
    assert [r.name for r in residents.list_residents(ctx)] == ["张三"]
    # the safety copy holds what was there before the restore
    assert len(dump(safety)["resident"]) == 2


@pytest.mark.parametrize("kind", ["random", "truncated", "foreign"])
def test_corrupt_backup_refused_and_db_untouched(app, ctx, db_path, tmp_path, centre_ready, admitted, kind):
    bad = tmp_path / "bad.sqlite3"
    if kind == "random":
        bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    elif kind == "truncated":
        good = tmp_path / "good.sqlite3"
        backup.backup(ctx, good)
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    else:
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    before = dump(db_path)
    with pytest.raises(RuleViolation) as e:
        backup.restore(app, ctx.actor, bad)
    assert "备份" in e.value.message
    assert dump(db_path) == before
    assert residents.list_residents(ctx)[0].name == "张三"


def test_backup_onto_itself_refused(ctx, db_path):
    with pytest.raises(RuleViolation, match="同一个文件"):
        backup.backup(ctx, db_path)
