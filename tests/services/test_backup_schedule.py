"""Automatic daily backups, rotation, the last backup's status; the CLI's
backup --auto / backup status / restore --force --reason."""
import datetime as dt
import json
import sqlite3

import pytest

from eldercare_desktop.cli.main import main
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import backup, backup_schedule as sched
from tests.conftest import NOW, PASSWORD
from tests.tampering import edit_audit

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself


def test_defaults_folder_beside_database_keep_14(ctx, db_path):
    conf = sched.get_settings(ctx)
    assert (conf.auto, conf.keep, conf.resolved_folder) == (True, 14, db_path.parent / "backups")


def test_daily_auto_backup_and_rotation_keeps_newest_n(ctx, db_path, clock, admitted, tmp_path):
    folder = tmp_path / "auto"
    sched.save_settings(ctx, True, str(folder), 3)
    manual = folder / "eldercare-backup-manual.sqlite3"
    backup.backup(ctx, manual)
    made = []
    for day in range(5):
        clock.time = NOW + dt.timedelta(days=day)
        made.append(sched.run_auto_backup(ctx))
        clock.time += dt.timedelta(hours=3)
        assert sched.run_auto_backup(ctx) is None  # not due again the same day
    assert made[0].name == "eldercare-auto-20261125-093000.sqlite3"
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([manual.name, manual.name + ".anchor.json"]
                          + [m.name for m in made[2:]] + [m.name + ".anchor.json" for m in made[2:]])
    con = sqlite3.connect(db_path)
    autos = [json.loads(a) for (a,) in con.execute("SELECT after FROM audit_log WHERE action='备份数据库'")]
    con.close()
    assert [a.get("auto", False) for a in autos] == [False] + [True] * 5


def test_auto_backup_off_makes_none(ctx, tmp_path):
    sched.save_settings(ctx, False, str(tmp_path / "auto"), 14)
    assert sched.run_auto_backup(ctx) is None and not (tmp_path / "auto").exists()


def test_only_admin_edits_backup_settings(app, actors, tmp_path):
    with pytest.raises(PermissionDenied):
        sched.save_settings(app.as_user(actors[Role.FRONT_DESK]), True, str(tmp_path), 5)
    with pytest.raises(RuleViolation, match="保留份数"):
        sched.save_settings(app.as_user(actors[Role.ADMIN]), True, str(tmp_path), 0)


def test_status_warns_after_two_days(ctx, clock, tmp_path, admitted):
    st = sched.status(ctx)
    assert st.last_at is None and st.stale and "尚未备份" in st.message(clock.now())
    backup.backup(ctx, tmp_path / "b.sqlite3")
    st = sched.status(ctx)
    assert (st.last_at, st.last_user, st.stale) == (NOW, "admin", False)
    assert st.last_file == str(tmp_path / "b.sqlite3")
    clock.time = NOW + dt.timedelta(days=2, minutes=1)
    st = sched.status(ctx)
    assert st.stale and st.message(clock.now()) == "上次备份：2026-11-25 09:30（2天前，admin）——已超过2天，请立即备份"


# --- CLI ---------------------------------------------------------------------------------

def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_backup_auto_and_status_json(capsys, monkeypatch, db_path, admin, app, tmp_path):
    monkeypatch.setenv("ELDERCARE_PASSWORD", PASSWORD)
    code, out, err = run(capsys, "--database", db_path, "backup", "status", "--json", "--user", "admin")
    assert code == 1 and json.loads(out)["last_backup"] is None and json.loads(out)["stale"] is True
    code, out, err = run(capsys, "--database", db_path, "backup", "--auto", "--user", "admin")
    assert code == 0, err
    dest = db_path.parent / "backups" / out.split("：", 1)[1].strip().split("/")[-1]
    assert dest.exists() and sched.AUTO_NAME.match(dest.name)
    code, out, err = run(capsys, "--database", db_path, "backup", "--auto", "--user", "admin")
    assert code == 0 and "未到期" in out
    code, out, err = run(capsys, "--database", db_path, "backup", "status", "--json", "--user", "admin")
    got = json.loads(out)
    assert code == 0 and got["stale"] is False and got["file"] == str(dest) and got["keep"] == 14


def test_cli_restore_tampered_needs_force_and_reason(capsys, monkeypatch, db_path, admin, app, tmp_path):
    monkeypatch.setenv("ELDERCARE_PASSWORD", PASSWORD)
    bak = tmp_path / "b.sqlite3"
    assert run(capsys, "--database", db_path, "backup", bak, "--user", "admin")[0] == 0
    edit_audit(bak, "UPDATE audit_log SET user = 'someone' WHERE seq = 1")
    app.close()
    code, out, err = run(capsys, "--database", db_path, "restore", bak, "--user", "admin")
    assert code != 0 and "审计记录校验未通过" in err and "--force" in err
    code, out, err = run(capsys, "--database", db_path, "restore", bak, "--force", "--user", "admin")
    assert code == 2 and "--reason" in err
    code, out, err = run(capsys, "--database", db_path, "restore", bak, "--force", "--reason", "核对过",
                         "--user", "admin")
    assert code == 0, err
    con = sqlite3.connect(db_path)
    (after,) = con.execute("SELECT after FROM audit_log WHERE action='从备份恢复数据库'").fetchone()
    con.close()
    assert json.loads(after)["override_reason"] == "核对过"
