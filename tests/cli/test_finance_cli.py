"""The finance commands of ``eldercare``: billing, ageing, exports, ledger,
fees and statements, each with its --json summary (figures hand-computed)."""
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from eldercare_desktop.services import fees
from tests.conftest import PASSWORD
from tests.services.billing_fixtures import fee_items, make_contract

D = dt.date


@pytest.fixture
def db(app, ctx, admitted, env):
    """张三 (admitted 2026-01-10) with a contract at bed ¥2,400.00 + care ¥1,500.00 + meals ¥30.00/日."""
    items = fee_items(app)
    make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001")
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    return app.url, items


def js(run, *args):
    code, out, err = run(*args, "--json", "--user", "admin")
    assert code == 0, err
    return json.loads(out), err


def test_billing_ageing_exports_trial_balance_and_close(run, db, tmp_path):
    db, _ = db
    # March in full: 2,400.00 + 1,500.00 + 30.00 × 31 (930.00) = 4,830.00
    r, err = js(run, "--database", db, "billing", "run", "--month", "2026-03")
    assert (r["period"], r["contracts"], r["lines"], r["total_fen"]) == ("2026-03", 1, 3, 483000)
    assert "100%" in err  # the progress line
    r, _ = js(run, "--database", db, "billing", "run", "--month", "2026-03")
    assert (r["lines"], r["total_fen"]) == (0, 0)  # a second run charges nothing
    # 2026-03-31 → 2026-04-30 is 30 days: all in the first bucket
    r, _ = js(run, "--database", db, "payments", "ageing", "--on", "2026-04-30")
    assert r["totals"]["total_fen"] == r["totals"]["receivable_fen"] == 483000
    assert r["rows"][0]["name"] == "张三" and r["rows"][0]["buckets_fen"]["0-30天"] == 483000
    x = tmp_path / "j.xlsx"
    r, _ = js(run, "--database", db, "export", "journal", "--month", "2026-03", "--xlsx", x)
    # Dr 1121 4,830.00 / Cr 430101 2,400.00, 430102 1,500.00, 430103 930.00
    assert r["rows"] == 4 and r["totals"] == {"debit_fen": 483000, "credit_fen": 483000} and len(r["sha256"]) == 64
    assert load_workbook(x)["序时账"]["F8"].value == 4830.0
    r, _ = js(run, "--database", db, "export", "register", "--month", "2026-03", "--xlsx", tmp_path / "g.xlsx")
    assert r["rows"] == 1 and r["totals"]["total_fen"] == 483000 and r["totals"]["meals_fen"] == 93000
    r, _ = js(run, "--database", db, "export", "receipts", "--from", "2026-03-01", "--to", "2026-03-31",
              "--xlsx", tmp_path / "r.xlsx")
    assert r["rows"] == 0 and r["totals"]["amount_fen"] == 0
    r, _ = js(run, "--database", db, "export", "ageing", "--on", "2026-04-30", "--xlsx", tmp_path / "a.xlsx")
    assert r["totals"]["total_fen"] == 483000
    r, _ = js(run, "--database", db, "ledger", "trial-balance", "--month", "2026-03")
    assert r["balanced"] and r["totals"]["debit_fen"] == r["totals"]["credit_fen"] == 483000
    assert {x["account"]: x["closing_debit_fen"] for x in r["rows"]}["1121"] == 483000
    r, _ = js(run, "--database", db, "statements", "--month", "2026-03", "--pdf", tmp_path / "s.pdf")
    assert r["statements"] == 1 and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    # months close in order: January and February have no entries, March closes
    code, out, err = run("--database", db, "billing", "close", "--month", "2026-03", "--user", "admin")
    assert code == 0 and "2026-03已结账" in out, err
    code, _, err = run("--database", db, "billing", "run", "--month", "2026-03", "--user", "admin")
    assert code == 1 and "已结账" in err and "Traceback" not in err
    code, _, err = run("--database", db, "ledger", "close", "--month", "2026-03", "--user", "admin")
    assert code == 1 and "不能重复结账" in err


def test_fee_schedule_and_notices(run, db, app, ctx, tmp_path):
    db, items = db
    price = fees.set_price(ctx, items["CARE-1"], D(2027, 1, 1), 160000, D(2026, 11, 25), "工资上涨").ids[0]
    r, _ = js(run, "--database", db, "fees", "schedule", "--on", "2026-11-25", "--pdf", tmp_path / "gs.pdf")
    care = {x["code"]: x for x in r["items"]}["CARE-1"]
    assert (care["price_fen"], care["next_price_fen"], care["next_effective"]) == (150000, 160000, "2027-01-01")
    assert len(r["items"]) == 5 and (tmp_path / "gs.pdf").exists() and len(r["pdf"]["sha256"]) == 64
    code, out, _ = run("--database", db, "fees", "schedule", "--on", "2026-11-25", "--user", "admin")
    assert code == 0 and "介护一级" in out and "1,500.00" in out and "2027-01-01起 1,600.00" in out
    r, _ = js(run, "--database", db, "fees", "notices", "--price-id", price, "--pdf", tmp_path / "n.pdf")
    assert r["rows"] == 1  # only 张三's contract uses 介护一级


def test_usage_errors(run, db, tmp_path):
    db, _ = db
    code, _, err = run("--database", db, "export", "journal", "--xlsx", tmp_path / "j.xlsx", "--user", "admin")
    assert code == 2 and "--from" in err
    code, _, err = run("--database", db, "export", "journal", "--month", "2026-13", "--xlsx", tmp_path / "j.xlsx")
    assert code == 2 and "YYYY-MM" in err
