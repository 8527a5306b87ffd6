"""The ``eldercare`` command, run in-process (plus one real subprocess)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from eldercare_desktop.services import residents, users
from eldercare_desktop.services.context import App

from tests.cli.conftest import PW, scalar


def _residents_json(run, db, user="admin"):
    code, out, err = run("--database", db, "residents", "list", "--json", "--user", user)
    assert code == 0, err
    return json.loads(out)


# --- init, demo-data, help ---------------------------------------------------------

def test_help_is_chinese(run):
    code, out, _ = run("--help")
    assert code == 0 and "用法" in out and "demo-data" in out
    code, _, err = run("no-such-command")
    assert code == 2 and "错误" in err


def test_init_creates_admin_once(run, tmp_path, env):
    db = tmp_path / "new" / "x.sqlite3"
    env.delenv("ELDERCARE_PASSWORD")
    code, _, err = run("--database", db, "init")  # no password, no terminal
    assert code == 2 and "ELDERCARE_PASSWORD" in err
    env.setenv("ELDERCARE_PASSWORD", "secret123")  # never on the command line
    code, out, err = run("--database", db, "init", "--admin-user", "boss")
    assert code == 0, err
    assert str(db) in out and "已创建管理员“boss”" in out
    code, out, _ = run("--database", db, "init")
    assert code == 0 and "已有用户" in out
    code, out, _ = run("--database", db, "users", "list", "--json", "--user", "boss")
    assert code == 0 and [u["role"] for u in json.loads(out)] == ["admin"]


def test_init_refuses_a_weak_password(run, tmp_path, env):
    env.setenv("ELDERCARE_PASSWORD", "12345678")
    code, _, err = run("--database", tmp_path / "x.sqlite3", "init")
    assert code == 1 and "字母和数字" in err and "Traceback" not in err


def test_commands_do_not_create_a_missing_database(run, tmp_path):
    db = tmp_path / "missing.sqlite3"
    code, _, err = run("--database", db, "residents", "list", "--user", "admin")
    assert code == 1 and "数据库文件不存在" in err and not db.exists()


def test_demo_data_summary_and_refusal(run, tmp_path, template_db):
    db = tmp_path / "d.sqlite3"
    shutil.copyfile(template_db, db)
    code, out, err = run("--database", db, "demo-data", "--residents", "12", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["residents"] == 12 and summary["password"] == PW
    assert [u["username"] for u in summary["users"]] == ["admin", "qiantai", "kuaiji", "shenji"]
    assert summary["database"] == str(db)
    code, _, err = run("--database", db, "demo-data")
    assert code == 2 and "--user" in err
    code, _, err = run("--database", db, "demo-data", "--user", "admin")
    assert code == 1 and "已有住户" in err


def test_demo_data_text_summary(demo_template, run, tmp_path, template_db):
    db = tmp_path / "d.sqlite3"
    shutil.copyfile(template_db, db)
    code, out, _ = run("--database", db, "demo-data", "--residents", "10", "--bulk")
    assert code == 0
    assert "批量写入" in out and "住户：10位" in out and "qiantai" in out and "密码 demo1234" in out


# --- residents ------------------------------------------------------------------

def test_residents_list_json_and_filters(run, demo_db):
    rows = _residents_json(run, demo_db)
    assert len(rows) == 30
    first = rows[0]
    assert set(first) >= {"id", "name", "id_number", "birth_date", "status", "bed", "admission_date", "categories"}
    assert len(first["birth_date"]) == 10 and first["birth_date"][4] == "-"
    statuses = {r["status"] for r in rows}
    assert statuses == {"在住", "请假", "退住", "去世"}
    left = [r for r in rows if r["status"] in ("退住", "去世")]
    assert all(r["bed"] == "" and r["admission_date"] is None for r in left)

    code, out, _ = run("--database", demo_db, "residents", "list", "--json", "--status", "请假", "--user", "qiantai")
    assert code == 0 and {r["status"] for r in json.loads(out)} == {"请假"}
    target = next(r for r in rows if r["bed"])
    for text in (target["name_initials"].upper(), target["name_pinyin"], target["id_number"][-6:],
                 target["bed"].lower(), target["name"]):
        code, out, _ = run("--database", demo_db, "residents", "list", "--json", "--search", text, "--user", "admin")
        assert target["id"] in [r["id"] for r in json.loads(out)], text


def test_residents_list_table_is_aligned(run, demo_db):
    code, out, _ = run("--database", demo_db, "residents", "list", "--user", "shenji")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["编号", "姓名", "性别", "年龄"] and lines[-1] == "共30位住户"
    from eldercare_desktop.cli.main import _width

    # the ID number column starts at the same display column on every row
    import re

    starts = {_width(lines[0][: lines[0].index("身份证号")])}
    for line in lines[2:-1]:
        m = re.search(r"\b\d{17}[\dX]\b", line)
        starts.add(_width(line[: m.start()]))
    assert len(starts) == 1


def test_login_errors(run, demo_db, env):
    code, _, err = run("--database", demo_db, "residents", "list")
    assert code == 2 and "--user" in err
    env.setenv("ELDERCARE_PASSWORD", "wrong9999")
    code, _, err = run("--database", demo_db, "residents", "list", "--user", "admin")
    assert code == 1 and "用户名或密码错误" in err
    env.delenv("ELDERCARE_PASSWORD")
    env.setenv("ELDERCARE_USER", "admin")
    code, _, err = run("--database", demo_db, "residents", "list")
    assert code == 2 and "ELDERCARE_PASSWORD" in err


def test_export_then_import_is_checked_row_by_row(run, demo_db, tmp_path):
    xlsx = tmp_path / "r.xlsx"
    code, out, err = run("--database", demo_db, "residents", "export", "--xlsx", xlsx, "--user", "qiantai")
    assert code == 0, err
    active = [r for r in _residents_json(run, demo_db) if r["status"] in ("在住", "请假")]
    assert f"已导出{len(active)}位住户" in out
    # importing the same people again (as a rerun of an interrupted import would):
    # every row is recognised as already imported and skipped, nothing changes
    code, out, err = run("--database", demo_db, "residents", "import", xlsx, "--user", "qiantai")
    assert code == 0, err
    assert f"已导入0位住户；另有{len(active)}位此前已导入，已跳过" in out
    code, out, _ = run("--database", demo_db, "residents", "import", xlsx, "--dry-run", "--json", "--user", "admin")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["imported"] == 0 and report["already"] == len(active)
    assert len(_residents_json(run, demo_db)) == 30
    # one person's name changed since: that row is named, nothing is imported
    wb = openpyxl.load_workbook(xlsx)
    wb.active["A2"] = "改过的名字"
    wb.save(xlsx)
    code, out, err = run("--database", demo_db, "residents", "import", xlsx, "--user", "qiantai")
    assert code == 1
    assert "第2行【身份证号】" in err and "已登记" in err and "全部未导入" in err


def test_auditor_cannot_import_or_restore(run, demo_db, tmp_path):
    xlsx = tmp_path / "r.xlsx"
    assert run("--database", demo_db, "residents", "export", "--xlsx", xlsx, "--user", "shenji")[0] == 0
    code, _, err = run("--database", demo_db, "residents", "import", xlsx, "--user", "shenji")
    assert code == 1 and "没有“登记和修改住户”的权限" in err
    bak = tmp_path / "b.sqlite3"
    assert run("--database", demo_db, "backup", bak, "--user", "kuaiji")[0] == 0
    code, _, err = run("--database", demo_db, "restore", bak, "--user", "shenji")
    assert code == 1 and "没有“恢复数据库”的权限" in err
    code, _, err = run("--database", demo_db, "backup", bak, "--user", "shenji")
    assert code == 1 and "没有“备份数据库”的权限" in err


# --- backup and restore --------------------------------------------------------------

@pytest.mark.sqlite_only
def test_backup_then_restore_gives_identical_data(run, demo_db, tmp_path):
    before = _residents_json(run, demo_db)
    bak = tmp_path / "backup" / "b.sqlite3"
    code, out, err = run("--database", demo_db, "backup", bak, "--user", "admin")
    assert code == 0, err
    assert "已备份到" in out and "SHA-256" in out and bak.exists()
    # change something after the backup
    app = App.open(str(demo_db))
    try:
        ctx = app.as_user(users.login(app, "admin", PW))
        victim = next(r for r in before if r["status"] == "在住")
        residents.discharge(ctx, victim["id"], app.today(), "回家")
    finally:
        app.close()
    assert _residents_json(run, demo_db) != before
    code, out, err = run("--database", demo_db, "restore", bak, "--user", "admin")
    assert code == 0, err
    safety = Path(out.split("另存为：")[1].strip())
    assert safety.exists() and "before-restore" in safety.name
    assert _residents_json(run, demo_db) == before
    assert run("--database", demo_db, "audit", "verify")[0] == 0


def _content(db: Path) -> str:
    """Hash of the logical content (the WAL may be checkpointed into the file meanwhile)."""
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("kind", ["random", "truncated"])
def test_corrupt_backup_is_refused_and_database_untouched(run, demo_db, tmp_path, kind):
    before = _residents_json(run, demo_db)
    bad = tmp_path / "bad.sqlite3"
    if kind == "random":
        bad.write_bytes(os.urandom(64 * 1024))
    else:
        good = tmp_path / "good.sqlite3"
        assert run("--database", demo_db, "backup", good, "--user", "admin")[0] == 0
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    digest = _content(demo_db)
    code, out, err = run("--database", demo_db, "restore", bad, "--user", "admin")
    assert code == 1 and out == ""
    assert "不能从该文件恢复" in err and "未作任何改动" in err and "Traceback" not in err
    assert _content(demo_db) == digest  # not even a login row was added
    assert not list(demo_db.parent.glob("*before-restore*"))
    assert _residents_json(run, demo_db) == before
    assert run("--database", demo_db, "audit", "verify")[0] == 0


# --- audit -----------------------------------------------------------------------

def _tamper(db: Path, sql: str, trigger: str) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def test_audit_verify_intact(run, demo_db):
    code, out, _ = run("--database", demo_db, "audit", "verify")
    n = scalar(demo_db, "SELECT count(*) FROM audit_log")
    assert code == 0 and out.splitlines()[0] == f"审计链完整：共{n}条记录"
    assert "行均与审计记录一致" in out.splitlines()[1]
    code, out, _ = run("--database", demo_db, "audit", "verify", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and data["audit_rows"] == n and data["findings"] == []


@pytest.mark.sqlite_only
def test_audit_verify_names_an_edited_row(run, demo_db):
    _tamper(demo_db, "UPDATE audit_log SET after = '{\"name\":\"改过\"}' WHERE seq = 12", "audit_log_no_update")
    code, out, err = run("--database", demo_db, "audit", "verify")
    assert code == 1 and "第12条" in err and "被改动" in err
    code, out, _ = run("--database", demo_db, "audit", "verify", "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and "第12条" in data["findings"][0]["message"]


@pytest.mark.sqlite_only
def test_audit_verify_names_a_deleted_row(run, demo_db):
    _tamper(demo_db, "DELETE FROM audit_log WHERE seq = 20", "audit_log_no_delete")
    code, _, err = run("--database", demo_db, "audit", "verify")
    assert code == 1 and "第20条" in err and "删除" in err


def test_audit_list_filters(run, demo_db):
    code, out, _ = run("--database", demo_db, "--user", "kuaiji", "audit", "list", "--json", "--user", "admin")
    rows = json.loads(out)
    assert code == 0 and rows and {r["user"] for r in rows} == {"admin"}
    code, out, _ = run("--database", demo_db, "audit", "list", "--login", "kuaiji", "--entity", "user", "--json")
    rows = json.loads(out)
    assert {r["entity"] for r in rows} == {"user"} and isinstance(rows[-1]["after"], dict)
    code, out, _ = run("--database", demo_db, "audit", "list", "--login", "kuaiji", "--from", "2000-01-01",
                       "--to", "2000-12-31")
    assert code == 0 and out.strip().endswith("共0条")
    code, _, err = run("--database", demo_db, "audit", "list", "--login", "kuaiji", "--from", "昨天")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run("--database", demo_db, "audit", "list", "--login", "qiantai")
    assert code == 1 and "权限" in err


# --- users -------------------------------------------------------------------------

def test_users_list_and_add(run, demo_db, env):
    env.setenv("ELDERCARE_NEW_PASSWORD", "newpass123")
    code, out, err = run("--database", demo_db, "users", "add", "xiaowang", "--role", "前台", "--user", "admin")
    assert code == 0, err
    assert "已新增用户“xiaowang”（前台）" in out
    code, out, _ = run("--database", demo_db, "users", "list", "--json", "--user", "admin")
    assert {u["username"]: u["role"] for u in json.loads(out)}["xiaowang"] == "front_desk"
    code, _, err = run("--database", demo_db, "users", "add", "x2", "--role", "boss", "--user", "admin")
    assert code == 2 and "未知的角色" in err
    code, _, err = run("--database", demo_db, "users", "add", "x3", "--role", "auditor", "--user", "qiantai")
    assert code == 1 and "管理用户" in err
    env.delenv("ELDERCARE_NEW_PASSWORD")
    code, _, err = run("--database", demo_db, "users", "add", "x4", "--role", "auditor", "--user", "admin")
    assert code == 2 and "ELDERCARE_NEW_PASSWORD" in err


# --- the real entry point -------------------------------------------------------------

def test_subprocess_entry_point(tmp_path, template_db):
    db = tmp_path / "sub.sqlite3"
    shutil.copyfile(template_db, db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELDERCARE_") or k == "ELDERCARE_ANCHOR_DIR"}
    proc = subprocess.run(
        [sys.executable, "-m", "eldercare_desktop.cli.main", "--database", str(db), "audit", "verify"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "审计链完整：共0条记录"
