"""Bad command-line input (issue 13): never a traceback, always one line in
Chinese on stderr and a non-zero exit, and nothing recorded."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eldercare_desktop.cli.common import echo, echo_json, echo_table
from tests.cli.conftest import scalar


def audit_rows(db) -> int:
    """Audit rows other than logins (every command logs in, and logins are recorded)."""
    return scalar(db, "SELECT count(*) FROM audit_log WHERE action NOT LIKE '登录%'")


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and any("\u4e00" <= ch <= "\u9fff" for ch in lines[0]), err
    return lines[0]


HUGE = "99999999999999999999"


@pytest.mark.parametrize("argv", [
    ("audit", "list", "--limit", HUGE),
    ("assessments", "list", "--resident", HUGE),
    ("escrow", "refund-quote", "--resident", HUGE),
    ("escrow", "reconcile", "--month", "2026-10", "--bank-balance", HUGE),
    ("escrow", "reconcile", "--month", "2026-10", "--bank-balance", "1e400"),
    ("fees", "apply", "--price-id", HUGE),
    ("vouchers", "list", "--month", f"{HUGE}-01"),
    ("vouchers", "add", "--date", "2026-10-01", "--line", f"1001:{HUGE}:", "--line", f"100201::{HUGE}"),
    ("staff", "expiring", "--days", HUGE),
    ("staff", "expiring", "--days", "²"),
    ("assets", "add", "--register", "--name", "床", "--category", "家具用具", "--cost", "100", "--in-use",
     "2026-01-01", "--life-months", HUGE),
    ("statements", "--month", "2026-10", "--pdf", "x.pdf", "--resident", HUGE),
])
def test_huge_numbers_are_usage_errors(run, demo_db, argv):
    before = audit_rows(demo_db)
    code, out, err = run("--database", demo_db, "--user", "admin", *argv)
    assert code == 2, err
    assert "超出范围" in one_line(err) or "不是整数" in err or "格式应为" in err
    assert audit_rows(demo_db) == before


@pytest.mark.parametrize("argv", [
    ("audit", "list", "--to", "9999-12-31"),
    ("audit", "list", "--from", "0001-01-01"),
    ("escrow", "refund-quote", "--resident", "1", "--on", "9999-12-31"),
    ("escrow", "export", "--xlsx", "x.xlsx", "--from", "0001-01-01"),
    ("compliance", "--date", "0001-01-01"),
    ("year", "close", "--year", "0000"),
    ("vouchers", "list", "--month", "0001-01"),
    ("export", "journal", "--xlsx", "x.xlsx", "--month", "9999-12"),
])
def test_dates_at_the_edges_of_the_calendar_are_refused(run, demo_db, tmp_path, argv):
    before = audit_rows(demo_db)
    code, _, err = run("--database", demo_db, "--user", "admin", *argv)
    assert code == 2 and "超出范围" in one_line(err)
    assert audit_rows(demo_db) == before and not (tmp_path / "x.xlsx").exists()


def test_the_date_range_is_1900_to_2199(run, demo_db):
    code, out, err = run("--database", demo_db, "--user", "admin", "audit", "list", "--json",
                         "--from", "1900-01-01", "--to", "2199-12-31", "--limit", "3")
    assert code == 0, err and len(json.loads(out)) == 3
    code, _, err = run("--database", demo_db, "--user", "admin", "audit", "list", "--to", "2200-01-01")
    assert code == 2 and "1900年至2199年" in one_line(err)


def test_a_database_that_is_a_folder_a_foreign_file_or_an_unknown_url(run, tmp_path):
    folder = tmp_path / "dir"
    folder.mkdir()
    foreign = tmp_path / "notes.txt"
    foreign.write_text("不是数据库\n" * 50, encoding="utf-8")
    cases = {
        str(folder): "是文件夹",
        f"sqlite:///{folder}": "是文件夹",
        str(foreign): "不是本系统的数据库",
        "foo://bar": "不支持的数据库地址",
        "": "不能为空",
    }
    for database, expected in cases.items():
        code, _, err = run("--database", database, "--user", "admin", "residents", "list")
        assert code in (1, 2) and expected in one_line(err), (database, err)
    code, _, err = run("--database", folder, "init")
    assert code == 2 and "是文件夹" in one_line(err)
    assert foreign.read_text(encoding="utf-8") == "不是数据库\n" * 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir", "notes.txt"]
    assert list(folder.iterdir()) == []


def test_a_database_url_password_is_never_shown(run):
    code, _, err = run("--database", "nosuch://admin:s3cret@host/db", "--user", "admin", "residents", "list")
    assert code == 1 and "s3cret" not in err and "admin:***@" in one_line(err)


@pytest.mark.parametrize("dest", ["folder", "folder/", "", "file.txt/x.xlsx"])
def test_output_paths_that_cannot_be_written_record_nothing(run, demo_db, tmp_path, monkeypatch, dest):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("x")
    before = audit_rows(demo_db)
    for argv in (("export", "ageing", "--xlsx", dest), ("residents", "export", "--xlsx", dest),
                 ("statements", "--month", "2026-10", "--pdf", dest), ("fees", "schedule", "--pdf", dest)):
        code, out, err = run("--database", demo_db, "--user", "admin", *argv)
        assert code == (2 if dest == "" else 1), (argv, err)  # an empty path is a usage error
        assert ("文件夹" in one_line(err) or "请给出输出文件的路径" in err or "不能写入" in err), err
    assert audit_rows(demo_db) == before
    assert sorted(p.name for p in tmp_path.rglob("*") if not p.name.startswith(Path(str(demo_db)).name)) == ["file.txt", "folder"]


def test_templates_to_a_folder_are_refused(run, tmp_path):
    for argv in (("vouchers", "template", tmp_path), ("staff", "template", tmp_path)):
        code, _, err = run(*argv)
        assert code == 1 and "是文件夹" in one_line(err), err
    assert list(tmp_path.iterdir()) == []


def test_control_characters_are_escaped_on_a_terminal(capsys):
    echo_table(("姓名", "电话"), [("张\x1b[2J三", "138\r\n0000"), ("李\u202e四", None)])
    echo("已新增用户“坏\x1b]0;标题\x07人”")
    echo_json({"name": "王\x1b五\x9b\u202e"})
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x9b" not in out
    assert "张\\x1b[2J三" in out and "138\\x0d\\x0a0000" in out and "李\\u202e四" in out
    assert "坏\\x1b]0;标题\\x07人" in out
    assert json.loads(out[out.index("{"):]) == {"name": "王\x1b五\x9b\u202e"}


def test_a_display_name_with_escape_codes_is_listed_escaped(run, demo_db, env):
    env.setenv("ELDERCARE_NEW_PASSWORD", "newpass123")
    code, _, err = run("--database", demo_db, "--user", "admin", "users", "add", "laowang", "--role", "auditor",
                       "--display-name", "老王\x1b[31m\rX")
    assert code == 0, err
    code, out, _ = run("--database", demo_db, "--user", "admin", "users", "list")
    assert code == 0 and "老王\\x1b[31m\\x0dX" in out and "\x1b" not in out


@pytest.mark.parametrize("argv", [
    ("--password", "demo1234", "users", "list"),
    ("users", "list", "--password=demo1234"),
    ("users", "list", "-p", "demo1234"),
    ("users", "list", "-pdemo1234"),
    ("init", "--admin-password", "secret123"),
    ("demo-data", "--password", "secret123"),
])
def test_a_password_on_the_command_line_is_refused(run, demo_db, argv):
    before = audit_rows(demo_db)
    code, out, err = run("--database", demo_db, "--user", "admin", *argv)
    assert code == 2 and out == ""
    assert "ELDERCARE_PASSWORD" in one_line(err) and "提示输入" in err
    assert audit_rows(demo_db) == before  # no login was even tried


def test_an_unexpected_error_is_one_line_and_exit_1(run, demo_db, monkeypatch):
    from eldercare_desktop.services import users as user_svc

    def broken(ctx):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(user_svc, "list_users", broken)
    code, _, err = run("--database", demo_db, "--user", "admin", "users", "list")
    assert code == 1 and one_line(err) == "意外错误，命令未完成：ZeroDivisionError：division by zero"


def test_usage_errors_are_one_line(run, demo_db):
    code, _, err = run("--database", demo_db, "--user", "admin", "audit", "list", "--limit", "abc")
    line = one_line(err)
    assert code == 2 and "“abc”不是整数" in line and "eldercare audit list -h" in line


# --- every verification finding exits non-zero, with --json too -----------------------

@pytest.mark.sqlite_only
def test_an_unbalanced_trial_balance_exits_1_with_json(run, demo_db):
    code, out, _ = run("--database", demo_db, "--user", "kuaiji", "ledger", "trial-balance", "--month", "2026-10",
                       "--json")
    assert code == 0 and json.loads(out)["balanced"] is True
    with sqlite3.connect(demo_db) as c:  # a direct edit of one journal line
        c.execute("UPDATE journal_line SET debit = debit + 1 WHERE id = (SELECT min(l.id) FROM journal_line l "
                  "JOIN journal_entry e ON e.id = l.entry_id WHERE e.period = '2026-10' AND l.debit > 0)")
    code, out, _ = run("--database", demo_db, "--user", "kuaiji", "ledger", "trial-balance", "--month", "2026-10",
                       "--json")
    assert code == 1 and json.loads(out)["balanced"] is False


def test_an_escrow_reconciliation_that_does_not_agree_exits_1_with_json(run, demo_db):
    code, out, _ = run("--database", demo_db, "--user", "kuaiji", "escrow", "reconcile", "--month", "2026-10",
                       "--bank-balance", "0.01", "--json")
    r = json.loads(out)
    assert code == 1 and r["agreed"] is False and r["bank_balance_fen"] == 1


def test_a_negative_bank_balance_is_refused(run, demo_db):
    before = audit_rows(demo_db)
    code, _, err = run("--database", demo_db, "--user", "kuaiji", "escrow", "reconcile", "--month", "2026-10",
                       "--bank-balance=-5")
    assert code == 1 and "不能为负数" in one_line(err)
    assert audit_rows(demo_db) == before

