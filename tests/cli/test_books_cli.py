"""The books commands of ``eldercare``: vouchers (lines, templates, review by
another person, void, reverse, import), opening balances, the chart, fixed
assets and depreciation, the year-end close (figures hand-computed)."""
import datetime as dt
import json

import pytest
from openpyxl import Workbook

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services.context import App
from tests.conftest import PASSWORD, person

D = dt.date


@pytest.fixture
def cli_clock(monkeypatch, clock):
    """The command line runs on the test clock (15 January 2026), as the services do."""
    clock.day, clock.time = D(2026, 1, 15), dt.datetime(2026, 1, 15, 10, 0)
    real = App.open.__func__

    def open_on_clock(cls, database=None, **kw):
        return real(cls, database, **{"today": clock.today, "now": clock.now, **kw})

    monkeypatch.setattr(App, "open", classmethod(open_on_clock))
    return clock


@pytest.fixture
def books_db(app, actors, cli_clock, env):
    """A database with an administrator (admin) and an accountant (kuaiji)."""
    assert Role.ACCOUNTANT in actors
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    return app.url


def call(run, db, user, *args, code=0):
    rc, out, err = run("--database", db, "--user", user, *args)
    assert rc == code, (out, err)
    return out, err


def js(run, db, user, *args, code=0):
    out, _ = call(run, db, user, *args, "--json", code=code)
    return json.loads(out)


def test_vouchers_by_lines_and_templates_reviewed_by_another_person(run, books_db):
    db = books_db
    v = js(run, db, "kuaiji", "vouchers", "add", "--date", "2025-01-15", "--memo", "支付2024年12月工资",
           "--line", "2204:30,000.00:", "--line", "100201::30000", "--attachments", "1")
    assert (v["number"], v["status"], v["total_fen"], v["attachments"]) == ("记-2025-01-0001", "待审核", 3000000, 1)
    assert [(x["account"], x["debit_fen"], x["credit_fen"]) for x in v["lines"]] == [
        ("2204", 3000000, 0), ("100201", 0, 3000000)]
    # salaries: care 40,000.00 + office 20,000.00, 6,000.00 withheld → 54,000.00 paid
    v = js(run, db, "kuaiji", "vouchers", "add", "--date", "2025-05-31", "--template", "salaries",
           "--care", "40000", "--office", "20000", "--withheld", "6000")
    assert (v["number"], v["template"], v["memo"], v["total_fen"]) == ("记-2025-05-0001", "salaries", "发放2025-05工资",
                                                                       6000000)
    assert [(x["account"], x["debit_fen"], x["credit_fen"]) for x in v["lines"]] == [
        ("510101", 4000000, 0), ("520101", 2000000, 0), ("100201", 0, 5400000), ("220902", 0, 600000)]
    v = js(run, db, "kuaiji", "vouchers", "add", "--date", "2025-03-10", "--template", "donation",
           "--donor", "爱心基金会", "--amount", "50000", "--restricted", "--restriction", "购置康复训练设备")
    assert v["memo"] == "收到爱心基金会捐赠（限定性：购置康复训练设备）"
    assert [(x["account"], x["debit_fen"], x["credit_fen"]) for x in v["lines"]] == [
        ("100201", 5000000, 0), ("410102", 0, 5000000)]
    v = js(run, db, "kuaiji", "vouchers", "add", "--date", "2025-04-20", "--template", "subsidy",
           "--kind", "运营补贴", "--amount", "60000", "--payer", "区民政局")
    assert [x["account"] for x in v["lines"]] == ["100201", "440102"] and v["memo"] == "收到区民政局拨付运营补贴"
    v = js(run, db, "kuaiji", "vouchers", "add", "--date", "2025-07-10", "--template", "utilities",
           "--memo", "6月水电费", "--business", "3000", "--management", "1000.50")
    assert [(x["account"], x["debit_fen"], x["credit_fen"]) for x in v["lines"]] == [
        ("510102", 300000, 0), ("520102", 100050, 0), ("100201", 0, 400050)]

    # options that do not fit the template, amounts that are not money: usage errors, nothing saved
    _, err = call(run, db, "kuaiji", "vouchers", "add", "--date", "2025-03-10", "--template", "donation",
                  "--care", "5", "--donor", "某人", "--amount", "1", code=2)
    assert "--care不适用于模板donation" in err
    _, err = call(run, db, "kuaiji", "vouchers", "add", "--date", "2025-03-10", "--memo", "x",
                  "--line", "2204:1.001:", "--line", "100201::1", code=2)
    assert "最多两位小数" in err
    _, err = call(run, db, "kuaiji", "vouchers", "add", "--date", "2025-03-10", "--memo", "不平",
                  "--line", "2204:1:", "--line", "100201::2", code=1)
    assert "借贷不平衡" in err
    _, err = call(run, db, "kuaiji", "vouchers", "add", "--date", "2025-03-10", "--memo", "其他服务费",
                  "--line", "1121:1::110101194003050013", "--line", "430104::1", code=1)
    assert "身份证号“110101194003050013”不是本机构登记的住户" in err

    # the author may not review; another person may
    _, err = call(run, db, "kuaiji", "vouchers", "review", "记-2025-01-0001", code=1)
    assert "记-2025-01-0001：审核人不能是制单人" in err
    r = js(run, db, "admin", "vouchers", "review", "记-2025-01-0001")
    assert r["reviewed"] == ["记-2025-01-0001"] and r["message"] == "已审核1张凭证"
    _, err = call(run, db, "admin", "vouchers", "review", "记-2025-01-0001", code=1)
    assert "不能重复审核" in err
    _, err = call(run, db, "admin", "vouchers", "review", "记-2025-01-0099", code=1)
    assert "凭证记-2025-01-0099不存在" in err
    # one of admin's own among the pending: all-pending leaves it for someone else
    js(run, db, "admin", "vouchers", "add", "--date", "2025-08-01", "--template", "purchase",
       "--memo", "采购食材", "--business", "800")
    r = js(run, db, "admin", "vouchers", "review", "all-pending")
    assert r["reviewed"] == ["记-2025-03-0001", "记-2025-04-0001", "记-2025-05-0001", "记-2025-07-0001"]
    assert r["skipped_own"] == 1 and "另有1张为本人制单" in r["message"]

    rows = js(run, db, "admin", "vouchers", "list", "--year", "2025")
    assert [(x["number"], x["status"]) for x in rows] == [
        ("记-2025-01-0001", "已审核"), ("记-2025-03-0001", "已审核"), ("记-2025-04-0001", "已审核"),
        ("记-2025-05-0001", "已审核"), ("记-2025-07-0001", "已审核"), ("记-2025-08-0001", "待审核")]
    assert "lines" not in rows[0] and rows[0]["created_by"] == "kuaiji" and rows[0]["reviewed_by"] == "admin"
    rows = js(run, db, "admin", "vouchers", "list", "--month", "2025-05", "--lines")
    assert len(rows) == 1 and len(rows[0]["lines"]) == 4
    assert js(run, db, "admin", "vouchers", "list", "--status", "待审核")[0]["number"] == "记-2025-08-0001"

    # void an unreviewed voucher; reverse a reviewed one (the reversal waits for review)
    r = js(run, db, "admin", "vouchers", "void", "记-2025-08-0001", "--reason", "重复录入")
    assert r["status"] == "作废" and r["message"] == "凭证记-2025-08-0001已作废"
    r = js(run, db, "kuaiji", "vouchers", "reverse", "记-2025-07-0001", "--date", "2025-07-20", "--reason", "金额有误")
    assert (r["number"], r["status"], r["reverses"]) == ("记-2025-07-0002", "待审核", "记-2025-07-0001")
    assert [x["debit_fen"] for x in r["lines"]][:2] == [-300000, -100050]
    out, _ = call(run, db, "admin", "vouchers", "list", "--month", "2025-07")
    assert "已由记-2025-07-0002红冲" in out and "共2张凭证，其中待审核1张" in out


def test_vouchers_import_all_or_nothing_and_the_template(run, books_db, tmp_path):
    db = books_db
    call(run, db, "admin", "vouchers", "template", tmp_path / "t.xlsx")
    assert (tmp_path / "t.xlsx").stat().st_size > 0

    def sheet(rows):
        wb = Workbook()
        wb.active.append(("凭证组", "日期", "摘要", "科目代码", "借方金额", "贷方金额", "住户身份证号", "附件张数"))
        for r in rows:
            wb.active.append(r)
        path = tmp_path / "v.xlsx"
        wb.save(path)
        return path

    good = [("1", "2025-03-05", "购买食材", "510102", 1200.5, None, None, 2),
            ("1", "2025-03-05", "购买食材", "100201", None, 1200.5, None, 2)]
    bad = good + [("2", "2025-03-06", "办公用品", "520102", "abc", None, None, 1),
                  ("2", "2025-03-06", "办公用品", "100201", None, 80, None, 1)]
    r = js(run, db, "kuaiji", "vouchers", "import", sheet(bad), code=1)
    assert r["ok"] is False and any(p.startswith("第4行") and "不是有效的数字" in p for p in r["problems"])
    _, err = call(run, db, "kuaiji", "vouchers", "import", sheet(bad), code=1)
    assert "第4行" in err
    assert js(run, db, "kuaiji", "vouchers", "list") == []  # nothing saved
    r = js(run, db, "kuaiji", "vouchers", "import", sheet(good))
    assert r["ok"] and "已导入1张凭证" in r["message"]
    rows = js(run, db, "kuaiji", "vouchers", "list", "--lines")
    assert [(x["number"], x["total_fen"], x["attachments"], x["status"]) for x in rows] == [
        ("记-2025-03-0001", 120050, 2, "待审核")]


def test_opening_balances_chart_assets_depreciation_and_year_close(run, books_db):
    db = books_db
    r = js(run, db, "kuaiji", "opening-balances", "--date", "2025-01-01", "--line", "100201:200000:",
           "--line", "1501:500000:", "--line", "1502::100000", "--line", "3101::600000")
    assert r["debit_fen"] == r["credit_fen"] == 70000000 and r["entry_id"]
    _, err = call(run, db, "kuaiji", "opening-balances", "--date", "2025-01-01", "--line", "100201:1:",
                  "--line", "3101::1", code=1)
    assert "只能录入一次" in err

    r = js(run, db, "kuaiji", "accounts", "add", "--parent", "4901", "--code", "490101", "--name", "场地出租收入")
    assert r["code"] == "490101" and r["message"] == "已新增科目 490101 其他收入—场地出租收入"
    _, err = call(run, db, "kuaiji", "accounts", "add", "--parent", "100201", "--code", "10020101", "--name", "x",
                  code=1)
    assert "由系统自动记账" in err
    chart = {a["code"]: a for a in js(run, db, "kuaiji", "accounts", "list")}
    assert chart["490101"] == {"code": "490101", "name": "其他收入—场地出租收入", "kind": "收入", "restricted": False,
                               "custom": True}
    assert chart["410102"]["restricted"] and not chart["410102"]["custom"]

    # equipment 36,000.00 in use 2025-09-01, 60 months, no salvage: 600.00 a month from October
    r = js(run, db, "kuaiji", "assets", "add", "--buy", "--name", "康复训练设备", "--category", "专用设备",
           "--cost", "36000", "--in-use", "2025-09-01", "--life-months", "60")
    assert (r["number"], r["voucher_number"]) == ("ZC-0001", "记-2025-09-0001")
    r = js(run, db, "kuaiji", "assets", "add", "--register", "--name", "办公楼", "--category", "房屋及建筑物",
           "--cost", "500000", "--salvage", "20000", "--in-use", "2015-01-01", "--life-months", "600",
           "--department", "管理")
    assert (r["number"], r["voucher_number"]) == ("ZC-0002", "")
    js(run, db, "admin", "vouchers", "review", "all-pending")

    # the building: (500,000.00 − 20,000.00) ÷ 600 = 800.00 a month; October adds the equipment's 600.00
    r = js(run, db, "kuaiji", "assets", "depreciate", "--month", "2025-10")
    assert (r["posted"], r["total_fen"]) == (True, 140000) and "已计提2025-10折旧1,400.00元" in r["message"]
    r = js(run, db, "kuaiji", "assets", "depreciate", "--month", "2025-10")
    assert (r["posted"], r["total_fen"], r["entry_id"]) == (False, 0, None) and "本次未重复记账" in r["message"]
    out, _ = call(run, db, "kuaiji", "assets", "depreciate", "--month", "2025-10")
    assert "2025-10的折旧已于凭证" in out and "未重复记账" in out
    for m in range(1, 13):
        call(run, db, "kuaiji", "assets", "depreciate", "--month", f"2025-{m:02d}")
    cards = {a["number"]: a for a in js(run, db, "kuaiji", "assets", "list")}
    assert cards["ZC-0001"]["depreciated_fen"] == 180000 and cards["ZC-0001"]["last_period"] == "2025-12"
    assert cards["ZC-0002"]["depreciated_fen"] == 12 * 80000 and cards["ZC-0002"]["net_fen"] == 50000000 - 960000

    _, err = call(run, db, "kuaiji", "year", "close", "--year", "2025", code=1)
    assert "请先按月结账" in err
    for m in range(1, 12):
        call(run, db, "kuaiji", "ledger", "close", "--month", f"2025-{m:02d}")
    r = js(run, db, "kuaiji", "year", "close", "--year", "2025")
    assert r["closed"] and r["entry_id"] and r["message"].startswith("2025年度已结转并结账")
    _, err = call(run, db, "kuaiji", "year", "close", "--year", "2025", code=1)
    assert "不能重复结转" in err
    # the close carried the year's only expense, depreciation 1,800.00 + 9,600.00 = 11,400.00, to 非限定性净资产
    r = js(run, db, "kuaiji", "reports", "trial-balance", "--year", "2025")
    rows = {x["account"]: x for x in r["rows"]}
    assert r["balanced"] and rows["3101"]["closing_credit_fen"] == 60000000 - 1140000
    assert rows["1502"]["closing_credit_fen"] == 10000000 + 1140000


def test_a_line_names_its_resident_by_id_number(run, books_db, admitted):
    idno = person().id_number
    v = js(run, books_db, "kuaiji", "vouchers", "add", "--date", "2026-01-12", "--memo", "代购用品",
           "--line", f"1122:50::{idno.lower()}", "--line", "430104::50")
    assert [(x["account"], x["resident_id"], x["resident_name"]) for x in v["lines"]] == [
        ("1122", admitted, "张三"), ("430104", None, "")]
