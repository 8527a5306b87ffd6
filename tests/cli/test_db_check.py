"""``eldercare db check`` on SQLite: engine, version, revision, may migrate —
read without migrating; a newer schema is named and exits 1."""
import json
import sqlite3

from eldercare_desktop.db.migrations import HEAD_REVISION


def test_db_check_reports_without_migrating(run, db_path, tmp_path):
    code, out, _ = run("--database", db_path, "db", "check", "--json")
    d = json.loads(out)
    assert code == 0 and d["engine"] == "SQLite" and d["revision"] == d["head"] == HEAD_REVISION and d["may_migrate"]
    assert d["state"] == f"数据库结构为最新版本{HEAD_REVISION}"
    missing = tmp_path / "none.sqlite3"
    code, out, _ = run("--database", missing, "db", "check")
    assert code == 0 and f"尚未建立数据库结构（首次启动时建立到版本{HEAD_REVISION}）" in out and not missing.exists()


def test_db_check_names_a_newer_schema(run, db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    code, out, err = run("--database", db_path, "db", "check")
    assert code == 1 and f"结构版本：0099（本程序：{HEAD_REVISION}）" in out
    assert f"数据库结构版本0099比本程序（版本{HEAD_REVISION}）新，请升级本程序" in err
