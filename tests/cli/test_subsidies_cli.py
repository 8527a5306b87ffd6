"""``eldercare subsidies`` and ``eldercare staff`` over the Yubei residents
of tests/documents/test_subsidy_pdf.py (张三 6 + 欧阳秀兰 6 + 赵六 3 +
王五 1 resident-months at ¥100 to the centre and ¥200 to the resident)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.services.context import App
from tests.conftest import PASSWORD
from tests.documents.test_subsidy_pdf import build_yubei
from tests.documents.test_subsidy_xlsx import build_projects

D = dt.date


@pytest.fixture
def sub_db(app, ctx, clock, centre_ready, env, monkeypatch):
    """The Yubei centre and residents; the command line runs on the test clock (2026-11-25)."""
    build_yubei(ctx, centre_ready)
    real = App.open.__func__

    def open_on_clock(cls, database=None, **kw):
        return real(cls, database, **{"today": clock.today, "now": clock.now, **kw})

    monkeypatch.setattr(App, "open", classmethod(open_on_clock))
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    return app.url


def call(run, db, *args, code=0):
    rc, out, err = run("--database", db, "--user", "admin", *args)
    assert rc == code, (out, err)
    return out, err


def js(run, db, *args, code=0):
    out, _ = call(run, db, *args, "--json", code=code)
    return json.loads(out)


def test_schemes_claim_show_and_list(run, sub_db):
    db = sub_db
    r = js(run, db, "subsidies", "schemes")
    codes = {s["code"]: s for s in r["schemes"]}
    assert r["profile"] == "重庆市渝北区" and {"cq-construction", "cq-operating", "yb-service"} <= set(codes)
    assert codes["cq-operating"]["missing"] and not codes["yb-service"]["missing"]
    out, _ = call(run, db, "subsidies", "schemes")
    assert "yb-service" in out and "入住老人" in out and "每半年" in out

    r = js(run, db, "subsidies", "claim", "yb-service", "--period", "2026-01..2026-06")
    c, res = r["claim"], r["result"]
    assert (c["number"], c["status"], c["claimed_fen"], c["centre_fen"], c["resident_fen"]) == (
        "BT2026-0001", "草稿", 4800_00, 1600_00, 3200_00)
    assert res["total_fen"] == 4800_00 and res["month_counts"] == {
        "2026-01": 3, "2026-02": 3, "2026-03": 3, "2026-04": 2, "2026-05": 2, "2026-06": 3}
    rows = {x["name"]: x for x in res["rows"]}
    assert sum(x["amount_fen"] for x in rows["张三"]["layers"]) == 1800_00
    assert any(not ch["ok"] and ch["label"] == "户籍" for ch in rows["李四"]["checks"])
    assert "已建立" in r["message"]

    out, _ = call(run, db, "subsidies", "show", "BT2026-0001")
    assert "BT2026-0001  社会办养老机构服务补贴（渝北籍老人）  2026年上半年  草稿" in out
    head, rows = out.splitlines()[1], _table(out)
    assert head.split() == ["序号", "名称", "计补贴月数", "机构服务补贴", "老人服务补贴", "合计"]
    assert rows[-1] == ["合计", "16", "1,600.00", "3,200.00", "4,800.00"] and "核减（超出上限）" not in out
    assert "户籍 重庆市江北区（要求渝北区） ✘" in out and "在院天数 2026-04 10 天（要求≥ 15 天） ✘" in out
    assert "申请金额合计：4,800.00（机构 1,600.00，老人 3,200.00）" in out
    r = js(run, db, "subsidies", "show", "BT2026-0001")
    assert r["claim"]["number"] == "BT2026-0001" and len(r["result"]["rows"]) == 5

    r = js(run, db, "subsidies", "list", "--status", "草稿", "--year", "2026")
    assert [x["number"] for x in r["claims"]] == ["BT2026-0001"]
    assert js(run, db, "subsidies", "list", "--status", "已提交")["claims"] == []
    out, _ = call(run, db, "subsidies", "list")
    assert "BT2026-0001" in out and "4,800.00" in out


def test_lifecycle_withdraw_submit_approve_receive(run, sub_db):
    db = sub_db
    call(run, db, "subsidies", "claim", "yb-service", "--period", "2026-01..2026-06")
    r = js(run, db, "subsidies", "withdraw", "BT2026-0001", "--reason", "重新核对户籍")
    assert (r["status"], r["message"]) == ("已撤回", "BT2026-0001已撤回")
    out, _ = call(run, db, "subsidies", "claim", "yb-service", "--period", "2026-01..2026-06", "--submit")
    assert "BT2026-0002已提交，申报金额¥4,800.00" in out
    _, err = call(run, db, "subsidies", "approve", "BT2026-0002", "--amount", "4500", "--date", "2026-11-25", code=1)
    assert "原因" in err
    zhao = make_id_number("500112", D(1940, 3, 5), 19)
    _, err = call(run, db, "subsidies", "approve", "BT2026-0002", "--amount", "4500", "--date", "2026-11-25",
                  "--note", "赵六3月核减", "--cut", f"{zhao}=4", code=1)
    assert "赵六计入3个月，核减月数应在0—3之间" in err
    _, err = call(run, db, "subsidies", "approve", "BT2026-0002", "--amount", "4500", "--date", "2026-11-25",
                  "--cut", "赵六", code=2)
    assert "身份证号=月数" in err
    # 赵六's March (¥100 + ¥200) not allowed: his share 600 − 200; the centre's 1,600 − 100 − 200 more
    r = js(run, db, "subsidies", "approve", "BT2026-0002", "--amount", "4,500.00", "--date", "2026-11-25",
           "--note", "赵六3月核减", "--cut", f"{zhao}=1")
    assert (r["status"], r["approved_fen"], r["claimed_fen"]) == ("已批准", 4500_00, 4800_00)
    out, _ = call(run, db, "subsidies", "receive", "BT2026-0002", "--date", "2026-11-25", "--resident-mode", "cash")
    # the residents get 3,200 − 200 = 3,000
    assert "到账¥4,500.00已记账，其中老人补贴¥3,000.00已现金发放给老人" in out
    r = js(run, db, "subsidies", "list", "--year", "2026")
    assert [(x["number"], x["status"]) for x in r["claims"]] == [("BT2026-0002", "已到账"), ("BT2026-0001", "已撤回")]


def test_export_params_and_reminders(run, sub_db, tmp_path):
    db = sub_db
    call(run, db, "subsidies", "claim", "yb-service", "--period", "2026-01..2026-06")
    pdf, xlsx = tmp_path / "申报.pdf", tmp_path / "申报.xlsx"
    r = js(run, db, "subsidies", "export", "BT2026-0001", "--pdf", pdf, "--xlsx", xlsx)
    assert [f["file"] for f in r["files"]] == [str(pdf), str(xlsx)] and all(f["rows"] == 5 for f in r["files"])
    assert pdf.read_bytes().startswith(b"%PDF")
    assert load_workbook(xlsx).sheetnames == ["申请表", "花名册", "不符合条件名单", "汇总表", "附件清单"]
    out, _ = call(run, db, "subsidies", "export", "BT2026-0001", "--pdf", pdf)
    assert f"已保存：{pdf}" in out
    _, err = call(run, db, "subsidies", "export", "BT2026-0001", code=2)
    assert "--pdf" in err

    r = js(run, db, "subsidies", "params")
    p = {x["key"]: x for x in r["params"]}
    assert p["cq_operating_rate"]["value"] == "" and "cq-operating" in p["cq_operating_rate"]["schemes"]
    r = js(run, db, "subsidies", "params", "--set", "cq_operating_rate=150")
    assert {x["key"]: x["value"] for x in r["params"]}["cq_operating_rate"] == "150" and len(r["messages"]) == 1
    out, _ = call(run, db, "subsidies", "params")
    assert "cq_operating_rate" in out and "150" in out
    _, err = call(run, db, "subsidies", "params", "--set", "nope=1", code=1)
    assert "没有参数" in err

    r = js(run, db, "subsidies", "reminders")
    assert all({"kind", "text", "day"} <= set(x) for x in r["reminders"])
    out, _ = call(run, db, "subsidies", "reminders")
    assert out.strip()


def test_errors_exit_non_zero_in_chinese(run, sub_db):
    db = sub_db
    _, err = call(run, db, "subsidies", "show", "BT2099-0001", code=1)
    assert "不存在" in err
    _, err = call(run, db, "subsidies", "claim", "yb-service", "--period", "2026-07..2026-12", code=1)
    assert "还没有结束" in err
    _, err = call(run, db, "subsidies", "claim", "yb-service", "--period", "2026-13", code=2)
    assert "YYYY-MM" in err
    _, err = call(run, db, "subsidies", "claim", "no-such", "--period", "2026-01..2026-06", code=1)
    assert "没有补贴方案" in err
    _, err = call(run, db, "subsidies", "claim", "cq-operating", "--period", "2026-01..2026-06", code=1)
    assert "缺少参数" in err


def test_staff_template_import_list_expiring_export(run, sub_db, tmp_path):
    db = sub_db
    template = tmp_path / "模板.xlsx"
    r = js(run, db, "staff", "template", template)
    assert r["file"] == str(template) and template.exists()
    sample = [c.value for c in load_workbook(template).active[2]]  # the template's example row
    name, id_number, contract_end = sample[0], sample[1], str(sample[9])[:10]
    out, _ = call(run, db, "staff", "import", template)
    assert "新登记1人" in out
    r = js(run, db, "staff", "list")
    (w,) = r["workers"]
    assert (w["name"], w["id_number"]) == (name, id_number)
    out, _ = call(run, db, "staff", "list", "--all")
    assert name in out and "共1人" in out

    r = js(run, db, "staff", "expiring", "--days", "0")
    assert r["expiring"] == []
    r = js(run, db, "staff", "expiring", "--days", "3650")
    assert [(e["name"], e["what"], e["day"]) for e in r["expiring"]][:1] == [(name, "劳动合同", contract_end)]
    out, _ = call(run, db, "staff", "expiring", "--days", "3650")
    assert "劳动合同" in out and contract_end in out

    reg = tmp_path / "花名册.xlsx"
    r = js(run, db, "staff", "export", reg)
    assert r["rows"] == 1 and load_workbook(reg).active["B4"].value == name

    bad = tmp_path / "bad.xlsx"
    wb = load_workbook(template)
    wb.active["B2"] = "123"
    wb.save(bad)
    _, err = call(run, db, "staff", "import", bad, code=1)
    assert "第2行" in err
    r = js(run, db, "staff", "import", bad, code=1)
    assert r["ok"] is False and any("第2行" in p for p in r["problems"])
    _, err = call(run, db, "staff", "import", tmp_path / "missing.xlsx", code=2)
    assert "无法读取" in err


def test_a_claim_of_nothing_is_not_made_but_can_be_previewed(run, sub_db):
    db = sub_db
    # nobody lived there in the first half of 2025: nothing to claim, no number used
    _, err = call(run, db, "subsidies", "claim", "yb-service", "--period", "2025-01..2025-06", "--submit", code=1)
    assert "金额为0" in err
    assert js(run, db, "subsidies", "list")["claims"] == []
    r = js(run, db, "subsidies", "preview", "yb-service", "--period", "2025-01..2025-06")
    assert r["result"]["total_fen"] == 0 and r["result"]["notes"] == []
    out, _ = call(run, db, "subsidies", "preview", "yb-service", "--period", "2026-01..2026-06")
    assert "申请金额合计：4,800.00" in out and "（预览，未保存）" in out


def test_record_a_claim_made_before_the_app(run, sub_db):
    """The chain bonus paid on paper in 2025 (¥100,000, the centre): recorded,
    it posts nothing and the bonus is not offered again."""
    db = sub_db
    _, err = call(run, db, "subsidies", "record-outside", "yb-chain", "--period", "2025-01..2025-12",
                  "--amount", "连锁奖励=100000", "--received", "2025-04-01", code=1)
    assert "请选择当时申领" in err
    _, err = call(run, db, "subsidies", "record-outside", "yb-chain", "--period", "2025-01..2025-12",
                  "--amount", "连锁奖励", "--received", "2025-04-01", code=2)
    assert "补贴层=金额" in err
    r = js(run, db, "subsidies", "record-outside", "yb-chain", "--period", "2025-01..2025-12",
           "--amount", "连锁奖励=100000", "--received", "2025-04-01", "--subject", "centre:1", "--note", "纸质")
    assert (r["number"], r["status"], r["claimed_fen"]) == ("BW2025-0001", "已到账", 100_000_00)
    out, _ = call(run, db, "subsidies", "show", "BW2025-0001")
    assert "系统外申领（2025-04-01到账）：纸质" in out
    r = js(run, db, "subsidies", "preview", "yb-chain", "--period", "2026-01..2026-10")
    assert r["result"]["total_fen"] == 0
    assert any("已在BW2025-0001中申领" in c["evidence"] for c in r["result"]["rows"][0]["checks"])


def _table(out: str) -> list[list[str]]:
    """The rows of the first table of ``show`` (after its dashed line), split on spaces."""
    lines = out.splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("----")) + 1
    end = lines.index("", start)
    return [x.split() for x in lines[start:end]]


def test_show_a_capped_claim_adds_up_and_counts_no_months(run, sub_db, ctx):
    """A construction claim (two projects, the district layer cut by its
    ¥5,000,000 site cap): under the rows 合计 / 核减（超出上限） / 本次申请 as
    the roster has them, and no 计补贴月数 column (it counts no months)."""
    build_projects(ctx)
    db = sub_db
    call(run, db, "subsidies", "claim", "cq-construction", "--period", "2025-01..2025-12")
    out, _ = call(run, db, "subsidies", "show", "BT2026-0001")
    head = out.splitlines()[1].split()
    assert head == ["序号", "名称", "市级建设补贴", "区级建设补贴", "合计"] and "计补贴月数" not in out
    rows = _table(out)
    assert rows[-3:] == [["合计", "6,000,000.00", "6,150,000.00", "12,150,000.00"],
                         ["核减（超出上限）", "0.00", "-1,150,000.00", "-1,150,000.00"],
                         ["本次申请", "6,000,000.00", "5,000,000.00", "11,000,000.00"]]
    body = rows[:-3]
    assert sum(float(r[-1].replace(",", "")) for r in body) == 12_150_000  # the rows add up to 合计
    assert "申请金额合计：11,000,000.00" in out
