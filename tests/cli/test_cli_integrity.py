"""``eldercare audit verify``: direct edits of money and permission rows are
named with a non-zero exit (with --json too); anchors catch a rewritten chain."""
from __future__ import annotations

import json
import sqlite3

import pytest

from tests.tampering import recompute_chain

pytestmark = pytest.mark.sqlite_only  # edits the SQLite file directly


def _sql(db, sql, params=()):
    con = sqlite3.connect(db)
    con.execute(sql, params)
    con.commit()
    con.close()


def test_taking_money_from_a_receipt_is_named(run, demo_db):
    rid, amount = sqlite3.connect(demo_db).execute("SELECT id, amount_fen FROM receipt ORDER BY id").fetchone()
    _sql(demo_db, "UPDATE receipt SET amount_fen = amount_fen - 10000 WHERE id = ?", (rid,))
    code, out, err = run("--database", demo_db, "audit", "verify")
    assert code == 1 and out == ""
    assert f"收据（receipt）第{rid}行与审计记录不符：字段 amount_fen：审计记录为 {amount}，现为 {amount - 10000}" in err
    code, out, _ = run("--database", demo_db, "audit", "verify", "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert [(f["table"], f["row_id"], f["fields"]) for f in data["findings"]] == [("receipt", str(rid), ["amount_fen"])]


def test_promoting_the_auditor_is_named(run, demo_db):
    _sql(demo_db, "UPDATE app_user SET role = 'admin' WHERE username = 'shenji'")
    code, _, err = run("--database", demo_db, "audit", "verify")
    assert code == 1 and "用户（app_user）" in err and "字段 role：审计记录为 auditor，现为 admin" in err


def test_a_recomputed_chain_is_caught_by_a_held_anchor(run, demo_db):
    code, out, _ = run("--database", demo_db, "audit", "verify", "--json")
    token = next(n for n in json.loads(out)["notes"] if n.startswith("当前锚点："))[len("当前锚点："):]
    recompute_chain(demo_db, "UPDATE audit_log SET action = '登录' WHERE seq = 5")
    # the local anchor (noted by the last check) and the held one both object
    code, _, err = run("--database", demo_db, "audit", "verify", "--anchor", token)
    assert code == 1 and err.count("不符（审计链被改写或重算）") == 2
    code, out, _ = run("--database", demo_db, "audit", "verify", "--anchor", token, "--json")
    assert code == 1 and {f["kind"] for f in json.loads(out)["findings"]} == {"anchor"}


def test_a_malformed_anchor_is_a_usage_error(run, demo_db):
    code, out, err = run("--database", demo_db, "audit", "verify", "--anchor", "12-xyz")
    assert code == 2 and "格式不正确" in err and "Traceback" not in err


def test_verify_a_backup_file_read_only(run, demo_db, tmp_path):
    import shutil

    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo_db, copy)
    before = copy.read_bytes()
    code, out, _ = run("audit", "verify", "--file", copy)
    assert code == 0 and out.startswith("审计链完整") and copy.read_bytes() == before
    _sql(copy, "UPDATE journal_line SET debit = debit + 1 WHERE id = 3")
    code, _, err = run("audit", "verify", "--file", copy)
    assert code == 1 and "分录（journal_line）第3行" in err
