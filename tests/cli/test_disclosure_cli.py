"""``eldercare reports`` and ``eldercare disclosure`` over the first year of
tests/scenarios/test_annual_books.py (figures hand-computed there)."""
import datetime as dt
import json

import pytest

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.ledger import Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import books
from tests.cli.test_books_cli import call, cli_clock, js  # noqa: F401  (cli_clock is a fixture)
from tests.conftest import PASSWORD
from tests.scenarios.test_annual_books import first_year

D = dt.date


@pytest.fixture
def year_db(app, clock, ctx, actors, centre_ready, cli_clock, env):
    """FY2025 entered and reviewed; the clock on 2026-01-15."""
    acc = app.as_user(actors[Role.ACCOUNTANT])
    first_year(app, clock, ctx, acc, centre_ready)
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    return app.url


def test_statements_with_their_rows_and_checks(run, year_db):
    db = year_db
    r = js(run, db, "admin", "reports", "statements", "--year", "2025")
    assert r["ok"] and all(c["ok"] for c in r["checks"]) and r["checks"][1]["name"] == "资产负债表平衡（期末）"
    bs, act, cf = r["statements"]
    assert [s["code"] for s in r["statements"]] == ["会民非01表", "会民非02表", "会民非03表"]
    rows = {x["row"]: x for x in bs["lines"] if x["row"] is not None}
    assert rows[60]["values"] == rows[120]["values"] == [60000000, 63783113]  # 资产总计 = 负债和净资产总计
    assert rows[60]["yuan"] == ["600,000.00", "637,831.13"] and rows[60]["label"] == "资产总计"
    assert bs["columns"] == ["年初数", "期末数"] and any(x["heading"] for x in bs["lines"])
    donation = next(x for x in act["lines"] if x["row"] == 1)
    assert donation["label"] == "捐赠收入" and donation["values"][:3] == [0, 5000000, 5000000]
    assert {x["row"]: x["values"][0] for x in cf["lines"] if x["row"]}[61] == 363113 and cf["unclassified"] == []
    r = js(run, db, "admin", "reports", "statements", "--year", "2025", "--statement", "02")
    assert [s["title"] for s in r["statements"]] == ["业务活动表"]
    out, _ = call(run, db, "admin", "reports", "statements", "--year", "2025", "--statement", "01")
    assert "会民非01表 资产负债表" in out and "行次" in out and "637,831.13" in out
    assert "✔ 资产负债表平衡（期末）" in out

    r = js(run, db, "admin", "reports", "trial-balance", "--year", "2025")
    assert r["balanced"] and r["totals"]["debit_fen"] == r["totals"]["credit_fen"]
    assert {x["account"]: x["closing_debit_fen"] for x in r["rows"]}["1501"] == 53600000


def test_disclosure_json_notice_status_report_and_submitted(run, year_db, tmp_path):
    db = year_db
    r = js(run, db, "admin", "disclosure", "--year", "2025")
    assert (r["year"], r["ok"], r["due_date"], r["year_closed"], r["files"]) == (2025, True, "2026-03-31", False, [])
    assert [s["code"] for s in r["statements"]] == ["会民非01表", "会民非02表", "会民非03表"]
    line = next(x for x in r["statements"][0]["lines"] if x["row"] == 1)
    assert set(line) >= {"row", "label", "values", "yuan"} and line["values"] == [20000000, 20363113]
    assert all(c["ok"] for c in r["checks"])
    e = r["escrow"]  # 10,000.00 received on 10-01, 1.13 interest credited 12-21
    assert (e["received_fen"], e["interest_fen"], e["closing_fen"]) == (1000000, 113, 1000113)
    assert e["residents_holding"] == 1
    assert r["subsidies"] == [{"kind": "运营补贴", "account": "440102", "amount_fen": 6000000, "restricted": False}]
    assert r["subsidies_total_fen"] == 6000000 and r["centre"]["name"] == "阳光社区养老服务中心"
    occ = r["occupancy"]
    assert (occ["beds"], occ["nursing_beds"], occ["admissions"], occ["residents_end"]) == (3, 1, 1, 1)
    assert isinstance(occ["rate"], str) and r["prepaid_fen"] == 117000 + 1000113
    out, _ = call(run, db, "admin", "disclosure", "--year", "2025")
    assert "收入合计" in out and "124,460.00" in out and "✔ 现金收支全部归类" in out

    notice = tmp_path / "公示.pdf"
    r = js(run, db, "admin", "disclosure", "--year", "2025", "--notice", notice)
    assert r["files"][0]["file"] == str(notice) and notice.read_bytes().startswith(b"%PDF")

    r = js(run, db, "admin", "disclosure", "status")
    assert (r["year"], r["due_date"], r["days_left"]) == (2025, "2026-03-31", 75)
    assert r["pending"] and not r["overdue"]
    out, _ = call(run, db, "admin", "disclosure", "status")
    assert "2025年度财务收支情况须于2026-03-31前报送民政、价格部门，还剩75天" in out
    text = tmp_path / "report.txt"
    text.write_text("一、基本情况\n\n二、服务情况\n", encoding="utf-8")
    r = js(run, db, "kuaiji", "disclosure", "report", "--year", "2025", "--text-file", text, "--staff", "12")
    assert r["staff_count"] == 12 and r["message"] == "2025年度工作报告已保存"
    r = js(run, db, "admin", "disclosure", "--year", "2025")
    assert r["work_report"] == "一、基本情况\n\n二、服务情况" and r["centre"]["staff_count"] == 12
    r = js(run, db, "kuaiji", "disclosure", "submitted", "--year", "2025", "--date", "2026-01-15", "--to", "区民政局")
    assert r["submitted_on"] == "2026-01-15"
    r = js(run, db, "admin", "disclosure", "status")
    assert (r["pending"], r["submitted_on"], r["submitted_to"]) == (False, "2026-01-15", "区民政局")
    _, err = call(run, db, "kuaiji", "disclosure", "submitted", "--year", "2025", "--date", "2026-01-15",
                  "--to", "区民政局", code=1)
    assert "已于2026-01-15登记报送" in err
    _, err = call(run, db, "admin", "disclosure", code=2)
    assert "--year" in err


def test_a_failed_check_refuses_the_package(run, year_db, app, actors, ctx, tmp_path):
    # cash against the bad-debt provision: a cash movement with no cash-flow rule
    acc = app.as_user(actors[Role.ACCOUNTANT])
    vid = books.add_voucher(acc, B.VoucherInput(D(2025, 12, 31), "调整", (
        Line("100201", debit=100), Line("1131", credit=100)))).ids[0]
    books.review(ctx, [vid])
    notice = tmp_path / "n.pdf"
    out, err = call(run, year_db, "admin", "disclosure", "--year", "2025", "--notice", notice, "--json", code=1)
    assert json.loads(out)["ok"] is False and not notice.exists()
    assert "不能生成年度公开材料" in err and "现金收支全部归类：以下现金收支没有归类规则" in err
    _, err = call(run, year_db, "admin", "reports", "statements", "--year", "2025", code=1)
    assert "科目1131" in err


def test_disclosure_package_files(run, year_db, tmp_path):
    pdf, xlsx = tmp_path / "公开.pdf", tmp_path / "公开.xlsx"
    out, err = call(run, year_db, "admin", "disclosure", "--year", "2025", "--pdf", pdf, "--xlsx", xlsx)
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")
    assert "100%" in err and f"已保存：{pdf}" in out and f"已保存：{xlsx}" in out
    r = js(run, year_db, "admin", "disclosure", "--year", "2025", "--pdf", pdf)
    assert [f["file"] for f in r["files"]] == [str(pdf)] and len(r["files"][0]["sha256"]) == 64
