"""Claim documents as XLSX: reopened with openpyxl, every figure equals the
ClaimResult the screen shows (amounts numeric in ¥ format, never text; the
roster's totals add up; the month grid is ``month_counts()``)."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from eldercare_desktop.documents.subsidy_xlsx import (
    BOX,
    DATE_FORMAT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    SHEETS,
    WORKER_COLUMNS,
    claim_xlsx,
)
from eldercare_desktop.services import subsidies, subsidy_documents, subsidy_facts
from tests.documents.test_subsidy_pdf import build_guandu, build_yubei

D = dt.date


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _find(rows: list[list], first: object, start: int = 0) -> int:
    return next(i for i, r in enumerate(rows) if i >= start and r and r[0] == first)


def _amounts_head(rows: list[list]) -> int:
    """The 申请表's amounts table header (补贴项目 is also a fact's label)."""
    return next(i for i, r in enumerate(rows) if r[:2] == ["补贴项目", "领取方"])


def _money_cells_are_numbers(ws, columns: range, rows: range) -> None:
    for r in rows:
        for c in columns:
            cell = ws.cell(r, c)
            if cell.value is not None:
                assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), (r, c, cell.value)
                assert cell.number_format == MONEY_FORMAT, (r, c)


@pytest.fixture
def yubei_form(ctx, centre_ready):
    build_yubei(ctx, centre_ready)
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    return subsidy_documents.claim_form(ctx, cid)


def test_xlsx_equals_the_claim_result(yubei_form):
    form, res = yubei_form, yubei_form.result
    wb = _book(claim_xlsx(form))
    assert wb.sheetnames == list(SHEETS) == ["申请表", "花名册", "不符合条件名单", "汇总表", "附件清单"]

    # 申请表: the month grid and the amounts per layer
    ws = wb["申请表"]
    rows = _rows(ws)
    g = _find(rows, "项目", _find(rows, "政策依据"))
    g = next(i for i, r in enumerate(rows) if i >= g and r[1] == "合计")
    assert rows[g][:8] == ["项目", "合计", "1月", "2月", "3月", "4月", "5月", "6月"]
    counts = res.month_counts()
    assert rows[g + 1][1:8] == [sum(counts.values())] + [counts[m] for m in res.months] == [16, 3, 3, 3, 2, 2, 3]
    a = _amounts_head(rows)
    assert a > g and rows[a][:5] == ["补贴项目", "领取方", "资金来源", "申请金额（元）", "计算方式"]
    layers = {r[0]: r[3] for r in rows[a + 1:a + 1 + len(res.layers)]}
    assert layers == {x.layer: x.allowed_fen / 100 for x in res.layers} == {"机构服务补贴": 1600, "老人服务补贴": 3200}
    total = rows[a + 1 + len(res.layers)]
    assert total[0] == "合计" and total[3] == res.total_fen / 100 == 4800
    assert rows[a + 2 + len(res.layers)][:2] == ["人民币（大写）", "肆仟捌佰元整"]
    _money_cells_are_numbers(ws, range(4, 5), range(a + 2, a + 3 + len(res.layers)))
    facts = {r[0]: r[1] for r in rows[:g] if r[0]}
    assert facts["机构名称"] == "阳光社区养老服务中心" and facts["开业（设立）时间"] == dt.datetime(2019, 6, 18)
    assert facts["政策依据"].startswith("渝北府办发〔2018〕40号")
    assert sum(1 for r in rows if r[0] in ("县（市、区）民政·财政审核意见", "市民政·财政审核意见")) == 2
    assert ws.freeze_panes == "A3"

    # 花名册: the rows claimed for (李四, not 渝北籍, is left out), numbered 1..n; totals that add up
    ws = wb["花名册"]
    rows = _rows(ws)
    head = rows[2]
    assert ws.freeze_panes == "A4"
    assert head[:11] == ["序号", "姓名", "性别", "出生日期", "年龄", "身份证号", "户籍", "联系电话", "入住", "退住",
                         "照护等级"]
    assert head[-4:] == ["机构服务补贴", "老人服务补贴", "合计", "签字"]
    col = {h: i for i, h in enumerate(head)}
    claimed = [x for x in res.rows if x.eligible]
    assert [x.name for x in claimed] == ["张三", "王五", "赵六", "欧阳秀兰"]
    body = rows[3:3 + len(claimed)]
    assert [r[0] for r in body] == [1, 2, 3, 4]
    for r, x in zip(body, claimed):
        assert r[col["姓名"]] == x.name and r[col["身份证号"]] == x.info["身份证号"]
        assert r[col["计补贴月数"]] == len(x.counted_months())
        for layer in x.layers:
            assert r[col[layer.layer]] == layer.amount_fen / 100
        assert r[col["合计"]] == x.amount_fen / 100
        text = r[col["核查情况（✔符合 ✘不符合）"]]
        for c in x.checks:
            if not c.month:
                assert c.text() in text
    assert "李四" not in [r[col["姓名"]] for r in body]
    zhang = next(r for r in body if r[col["姓名"]] == "张三")
    assert zhang[col["联系电话"]] == "13912345678" and zhang[col["年龄"]] == 86  # born 1940-03-05, on 2026-06-30
    assert next(r for r in body if r[col["姓名"]] == "王五")[col["年龄"]] == 79  # born 1946-07-01
    zhao = next(r for r in body if r[col["姓名"]] == "赵六")
    assert zhao[col["退住"]] == dt.datetime(2026, 4, 10) and zhao[col["计补贴月份"]] == "2026-01—03"
    assert zhao[col["出生日期"]] == dt.datetime(1940, 3, 5)
    assert ws.cell(4, col["出生日期"] + 1).number_format == DATE_FORMAT
    totals = rows[3 + len(claimed)]
    assert totals[0] == "合计"
    for x in res.layers:
        assert totals[col[x.layer]] == x.rows_fen / 100 == sum(r[col[x.layer]] for r in body)
    assert totals[col["合计"]] == res.total_fen / 100 == sum(r[col["合计"]] for r in body)
    assert totals[col["计补贴月数"]] == sum(res.month_counts().values()) == sum(r[col["计补贴月数"]] for r in body)
    first = col["机构服务补贴"] + 1
    _money_cells_are_numbers(ws, range(first, first + 3), range(4, 5 + len(claimed)))

    # 不符合条件名单: who was left out and why
    rows = _rows(wb["不符合条件名单"])
    assert rows[2] == ["序号", "姓名", "身份证号", "未纳入原因（不符合的条件）"]
    li = next(x for x in res.rows if x.name == "李四")
    assert rows[3][:3] == [1, "李四", li.info["身份证号"]] and "户籍 重庆市江北区（要求渝北区） ✘" in rows[3][3]
    assert len([r for r in rows[3:] if r[0] is not None]) == 1

    # 汇总表: per layer, funders (占比 a number in a % format), centre vs residents
    ws = wb["汇总表"]
    rows = _rows(ws)
    for x in res.layers:
        r = rows[_find(rows, x.layer)]
        assert r[3:7] == [x.rows_fen / 100, "不设上限", x.earlier_fen / 100, x.allowed_fen / 100]
    f = _find(rows, "渝北区财政")
    assert rows[f][3] == dict(res.funders)["渝北区财政"] / 100 == 4800
    assert rows[f][4] == 1 and ws.cell(f + 1, 5).number_format == PERCENT_FORMAT
    assert rows[f + 1][4] == 1 and ws.cell(f + 2, 5).number_format == PERCENT_FORMAT
    assert rows[_find(rows, "机构部分")][3] == res.centre_fen / 100
    assert rows[_find(rows, "老人部分")][3] == res.resident_fen / 100
    assert rows[_find(rows, "申请金额合计")][3:5] == [res.total_fen / 100, "肆仟捌佰元整"]
    assert ws.cell(_find(rows, "机构部分") + 1, 4).number_format == MONEY_FORMAT

    # 附件清单: a box per attachment
    ws = wb["附件清单"]
    rows = _rows(ws)
    items = [r for r in rows[3:] if r[0]]
    assert [r[1] for r in items] == list(form.attachments) and all(r[2] == BOX for r in items)
    assert ws.freeze_panes == "A4" and all(ws.column_dimensions[c].width > 5 for c in "ABCDE")


def _application_facts(ws) -> tuple[dict, dict]:
    """The 申请表's (label → value) and (label → number format) above the grids."""
    values, formats = {}, {}
    for r in range(4, ws.max_row + 1):
        label = ws.cell(r, 1).value
        if label in (None, "项目"):
            break
        values[label], formats[label] = ws.cell(r, 2).value, ws.cell(r, 2).number_format
    return values, formats


def test_application_has_area_staff_residents_and_the_rate(ctx, centre_ready, clock):
    """建筑面积, 职工情况 and 入住老人类型 as the real forms ask, numbers as
    numbers and dates as dates; each layer says how its amount was reached."""
    build_yubei(ctx, centre_ready)
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    ws = _book(claim_xlsx(subsidy_documents.claim_form(ctx, cid)))["申请表"]
    values, _ = _application_facts(ws)
    assert values["建筑面积"] == "未登记" and values["申请时间"] == "（草稿，尚未提交）"
    rows = _rows(ws)
    assert rows[_find(rows, "职工情况（人）")][:3] == ["职工情况（人）", "未登记", None]

    for key, value in (("building_area_m2", "1234.5"), ("staff_managers", "3"), ("staff_service", "12")):
        subsidy_facts.record_fact(ctx, key, value, D(2019, 6, 18))
    subsidies.submit(ctx, cid)
    form = subsidy_documents.claim_form(ctx, cid)
    ws = _book(claim_xlsx(form))["申请表"]
    values, formats = _application_facts(ws)
    assert values["建筑面积"] == 1234.5 and formats["建筑面积"] == '#,##0.00" m²"'
    assert values["核定床位"] == 60 and formats["核定床位"] == '0" 张"'
    assert values["开业（设立）时间"] == dt.datetime(2019, 6, 18) and formats["开业（设立）时间"] == DATE_FORMAT
    assert values["申请时间"] == dt.datetime.combine(clock.day, dt.time()) and formats["申请时间"] == DATE_FORMAT
    rows = _rows(ws)
    s = _find(rows, "职工情况（人）")
    assert rows[s - 1][:5] == ["项目", "总数", "管理人员", "服务人员", "其他人员"]
    assert rows[s][:5] == ["职工情况（人）", 15, 3, 12, "未登记"]  # 总数 adds up the recorded ones
    t = _find(rows, "入住老人类型（人）")
    assert rows[t - 1][:4] == ["项目", "总数", "特困老年人", "其他（自费）"]
    assert rows[t][:4] == ["入住老人类型（人）", 5, 1, 4]  # 欧阳秀兰 is 特困供养
    a = _amounts_head(rows)
    assert [r[4] for r in rows[a + 1:a + 3]] == ["16 人次 × ¥100.00", "16 人次 × ¥200.00"]


def test_guandu_workers_sheet_and_the_register_export(ctx, tmp_path):
    build_guandu(ctx)
    cid = subsidies.create_claim(ctx, "gd-care-worker", "2026-01", "2026-06").ids[0]
    w = subsidy_documents.claim_xlsx(ctx, cid, tmp_path / "claim.xlsx")
    res = subsidies.claim_result(ctx, cid)
    wb = load_workbook(w.path)
    rows = _rows(wb["花名册"])
    head = rows[2]
    assert head[1:8] == ["姓名", "性别", "身份证号", "资格证书", "劳动合同", "社保", "护理年限"]
    col = {h: i for i, h in enumerate(head)}
    body = {r[col["姓名"]]: r for r in rows[3:6]}
    assert {n: r[col["护理员补助"]] for n, r in body.items()} == {"赵敏": 900, "钱伟": 200, "李秀英": 500}
    assert body["赵敏"][col["资格证书"]] == "高级 GJ5301110012" and body["钱伟"][col["社保"]] == "4/6个月已缴"
    assert "社保 2026-05—06 未缴（要求是） ✘" in body["钱伟"][col["核查情况（✔符合 ✘不符合）"]]
    totals = rows[6]
    assert totals[0] == "合计" and totals[col["护理员补助"]] == totals[col["合计"]] == res.total_fen / 100 == 1600
    left = {r[1]: r for r in _rows(wb["不符合条件名单"])[3:]}
    assert set(left) == {"孙丽", "周强"}
    assert "劳动合同 2026-03—06 2026-03-10—2026-08-31（0.47 年）（要求≥ 1 年） ✘" == left["孙丽"][3]
    assert "未培训（要求是） ✘" in left["周强"][3]
    rows = _rows(wb["申请表"])
    a = _amounts_head(rows)
    assert rows[a + 1][4] == "6 人次 × ¥150.00；6 人次 × ¥50.00；4 人次 × ¥100.00"  # = ¥1,600.00

    reg = subsidy_documents.workers_xlsx(ctx, tmp_path / "workers.xlsx")
    ws = load_workbook(reg.path).active
    rows = _rows(ws)
    assert reg.rows == 5 and rows[2] == list(WORKER_COLUMNS) and ws.freeze_panes == "A4"
    zm = next(r for r in rows[3:] if r[1] == "赵敏")
    assert zm[8] == "高级（GJ5301110012）" and zm[9] == "2024-01-01—2026-12-31" and zm[10] == dt.datetime(2026, 12, 31)
    assert zm[14] == "在职"


def test_abort_cancels_the_export(yubei_form):
    class Stop:
        def is_set(self):
            return True

    with pytest.raises(Exception, match="取消"):
        claim_xlsx(yubei_form, abort=Stop())


def build_projects(ctx) -> None:
    """Two Yubei construction projects: 600 own beds (the district layer
    hits its ¥5,000,000 site cap) and 30 leased beds (district only)."""
    from eldercare_desktop.services.subsidy_facts import ProjectInput, add_project

    add_project(ctx, ProjectInput("康养楼（自有产权）", "养老机构", "新建", 600, D(2025, 9, 30), "自有", "28000"))
    add_project(ctx, ProjectInput("金港路租赁点", "养老机构", "新建", 30, D(2025, 11, 15), "租赁", "1500",
                                  D(2025, 6, 1), D(2033, 5, 31)))


def test_a_capped_layer_shows_the_cut_and_still_adds_up(ctx, centre_ready):
    build_yubei(ctx, centre_ready)
    build_projects(ctx)
    cid = subsidies.create_claim(ctx, "cq-construction", "2025-01", "2025-12").ids[0]
    form = subsidy_documents.claim_form(ctx, cid)
    res = form.result
    layers = {x.layer: x for x in res.layers}
    district = layers["区级建设补贴"]
    # one pot per site: leased 30 × 5,000 = 150,000 first (cap 2,500,000), then own 600 × 10,000 =
    # 6,000,000 against 5,000,000 − 150,000 = 4,850,000 → the district layer claims 5,000,000
    assert (district.rows_fen, district.allowed_fen) == (6_150_000_00, 5_000_000_00)
    assert layers["市级建设补贴"].allowed_fen == 6_000_000_00 and res.total_fen == 11_000_000_00
    rows = _rows(_book(claim_xlsx(form))["花名册"])
    head = rows[2]
    col = {h: i for i, h in enumerate(head)}
    assert head[1:8] == ["项目", "设施", "类型", "新增床位", "面积", "竣工", "产权"]
    n = sum(1 for r in res.rows if r.eligible)
    total, cut, claimed = rows[3 + n], rows[4 + n], rows[5 + n]
    assert (total[0], cut[0], claimed[0]) == ("合计", "核减（超出上限）", "本次申请")
    assert total[col["区级建设补贴"]] == 6_150_000 and cut[col["区级建设补贴"]] == -1_150_000
    assert claimed[col["区级建设补贴"]] == 5_000_000 and claimed[col["合计"]] == res.total_fen / 100
    for r in (total, cut, claimed):
        assert r[col["合计"]] == r[col["市级建设补贴"]] + r[col["区级建设补贴"]]
    summary = _rows(_book(claim_xlsx(form))["汇总表"])
    d = summary[_find(summary, "区级建设补贴")]
    assert d[3:7] == [6_150_000, 5_000_000, 0, 5_000_000]  # the site may still take 5,000,000 (the own cap)
    assert "自有：上限 ¥5,000,000.00" in d[7]
    rows = _rows(_book(claim_xlsx(form))["申请表"])
    a = _amounts_head(rows)
    assert rows[a + 2][0] == "区级建设补贴" and rows[a + 2][4] == (
        "600 张 × ¥10,000.00（产权自有）；30 张 × ¥5,000.00（产权租赁）；各行合计 ¥6,150,000.00，核减 ¥1,150,000.00（超出上限）")
