"""``eldercare self-test`` and ``eldercare-desktop --self-test`` (issue 15):
the whole program in a temporary folder — migrations, a demo centre, a
month billed, statements PDF, XLSX read back, audit chain verified — with
exit 0 and a one-line summary, or non-zero with the failing step. The
versions shown match pyproject."""
from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from pathlib import Path

import openpyxl

from eldercare_desktop.db.migrations import HEAD_REVISION

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_and_leaves_the_users_data_alone(run, tmp_path):
    anchors = Path(os.environ["ELDERCARE_ANCHOR_DIR"])
    before = sorted(p.name for p in anchors.iterdir()) if anchors.exists() else []
    keep = tmp_path / "support"
    code, out, err = run("self-test", "--json", "--keep", keep)
    assert code == 0, err
    r = json.loads(out)
    assert r["ok"] and r["revision"] == HEAD_REVISION and r["residents"] == 12
    assert r["steps"] == ["建立数据库", "生成演示机构", "按月计费", "打印对账单PDF", "导出Excel", "读回Excel", "校验审计链"]
    assert r["bill_lines"] > 0 and r["pdf_pages"] > 0 and r["audit_rows"] > 0 and r["sealed_rows"] > 0
    assert r["summary"].startswith("自检通过：版本") and "\n" not in r["summary"]
    # what it wrote is real: the PDF embeds its font, the workbook reads back with the counted rows
    pdf = keep / f"对账单-{r['period']}.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"/FontFile" in data and len(data) == r["pdf_bytes"]
    ws = openpyxl.load_workbook(keep / f"计费汇总-{r['period']}.xlsx", read_only=True).worksheets[0]
    assert sum(1 for row in ws.iter_rows(values_only=True) if any(v not in (None, "") for v in row)) == r["xlsx_rows"]
    # its anchor key and log stayed in its own folder; the user's were not touched
    assert (keep / "anchors" / "anchor.key").exists()
    assert os.environ["ELDERCARE_ANCHOR_DIR"] == str(anchors)
    assert (sorted(p.name for p in anchors.iterdir()) if anchors.exists() else []) == before
    code, out, err = run("self-test")
    assert code == 0 and out.startswith("自检通过") and out.count("\n") == 1 and "自检：建立数据库…" in err


def test_a_failing_step_is_named_and_exits_non_zero(run, monkeypatch):
    from eldercare_desktop.domain.errors import RuleViolation
    from eldercare_desktop.services import billing

    real = billing.run_billing

    def broken(ctx, period):  # the demo's history (up to this month) bills as usual; next month fails
        if period <= f"{dt.date.today():%Y-%m}":
            return real(ctx, period)
        raise RuleViolation(f"{period}的计费规则缺失")

    monkeypatch.setattr(billing, "run_billing", broken)
    code, out, err = run("self-test")
    assert code == 1 and out == ""
    assert err.strip().splitlines()[-1].startswith("自检失败（按月计费）：") and "的计费规则缺失" in err


def test_the_window_program_runs_it_too(monkeypatch, capsys):
    from eldercare_desktop.services import selftest
    from eldercare_desktop.ui import app

    calls = []
    monkeypatch.setattr(selftest, "run", lambda progress=None, keep=None: calls.append(1) or selftest.SelfTestResult(
        ok=False, version="x", failed_step="校验审计链", reason="审计链被截断"))
    assert app.main(["--self-test"]) == 1 and calls == [1]  # no window: straight to the self-test
    assert capsys.readouterr().err.strip() == "自检失败（校验审计链）：审计链被截断"


def test_versions_match_pyproject(run, capsys):
    import pytest

    from eldercare_desktop import __version__
    from eldercare_desktop.ui import app

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert __version__ == version
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"eldercare {version}"
    with pytest.raises(SystemExit) as exit_:
        app.main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"eldercare-desktop {version}"


def test_chinese_output_survives_a_code_page_without_it(tmp_path):
    """A pipe on an English Windows (cp1252): the streams switch to UTF-8
    instead of failing on the first Chinese character."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    out = subprocess.run([sys.executable, "-m", "eldercare_desktop.cli.main", "--help"], capture_output=True,
                         env=env, timeout=60)
    assert out.returncode == 0 and "养老机构管理系统命令行工具" in out.stdout.decode("utf-8")


def test_a_written_file_is_flushed_through_a_handle_that_may_write(tmp_path, monkeypatch):
    """Windows flushes (FlushFileBuffers) only a handle opened for writing;
    here os.fsync is made to refuse a read-only one as Windows does."""
    import fcntl

    from eldercare_desktop.db import engine

    real = os.fsync

    def windows_fsync(fd):
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise PermissionError(13, "Permission denied")
        real(fd)

    monkeypatch.setattr(os, "fsync", windows_fsync)
    src = tmp_path / "a.sqlite3"
    import sqlite3

    with sqlite3.connect(src) as c:
        c.execute("CREATE TABLE t (x)")
    engine.online_backup(src, tmp_path / "b.sqlite3")
    assert sqlite3.connect(tmp_path / "b.sqlite3").execute("SELECT count(*) FROM t").fetchone() == (0,)
