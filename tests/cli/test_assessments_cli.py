import datetime as dt
import json

import openpyxl


def test_due_json_lists_overdue_first(run, demo_db):
    code, out, err = run("--database", demo_db, "assessments", "due", "--json", "--user", "qiantai")
    assert code == 0, err
    rows = json.loads(out)
    assert rows, "the demo centre has residents due or overdue"
    days = [r["days_left"] for r in rows]
    assert days == sorted(days)
    for r in rows:
        assert r["state"] in ("已逾期", "即将到期")
        assert (r["days_left"] < 0) == (r["state"] == "已逾期")
        assert r["days_left"] <= 30
    code, out, _ = run("--database", demo_db, "assessments", "due", "--all", "--json", "--user", "qiantai")
    assert len(json.loads(out)) > len(rows)


def test_export_matches_list(run, demo_db, tmp_path):
    today = dt.date.today()
    period = ("--from", f"{today.year - 5}-01-01", "--to", today.isoformat())
    code, out, err = run("--database", demo_db, "assessments", "list", *period, "--json", "--user", "shenji")
    assert code == 0, err
    listed = json.loads(out)
    dest = tmp_path / "评估.xlsx"
    code, out, err = run("--database", demo_db, "assessments", "export", "--xlsx", dest, *period, "--json",
                         "--user", "shenji")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["rows"] == len(listed) > 0
    ws = openpyxl.load_workbook(dest).worksheets[0]
    numbers = {c.value for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("PG")}
    assert numbers == {a["number"] for a in listed}


def test_export_bad_period(run, demo_db, tmp_path):
    code, _, err = run("--database", demo_db, "assessments", "export", "--xlsx", tmp_path / "x.xlsx",
                       "--from", "2026-02-01", "--to", "2026-01-01", "--user", "admin")
    assert code == 2 and "早于" in err
