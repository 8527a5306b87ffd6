"""Claim documents as XLSX: reopened with openpyxl, every figure equals the
ClaimResult the screen shows (amounts numeric in ¥ format, never text; the
roster's totals add up; the month grid is ``month_counts()``)."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from eldercare_desktop.documents.subsidy_xlsx import BOX, MONEY_FORMAT, SHEETS, WORKER_COLUMNS, claim_xlsx
from eldercare_desktop.services import subsidies, subsidy_documents
from tests.documents.test_subsidy_pdf import build_guandu, build_yubei

D = dt.date


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _find(rows: list[list], first: object, start: int = 0) -> int:
    return next(i for i, r in enumerate(rows) if i >= start and r and r[0] == first)


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
    assert wb.sheetnames == list(SHEETS)

    # 申请表: the month grid and the amounts per layer
    ws = wb["申请表"]
    rows = _rows(ws)
    g = _find(rows, "项目")
    assert rows[g][:8] == ["项目", "合计", "1月", "2月", "3月", "4月", "5月", "6月"]
    counts = res.month_counts()
    assert rows[g + 1][1:8] == [sum(counts.values())] + [counts[m] for m in res.months] == [16, 3, 3, 3, 2, 2, 3]
    a = _find(rows, "补贴项目", g)
    layers = {r[0]: r[3] for r in rows[a + 1:a + 1 + len(res.layers)]}
    assert layers == {x.layer: x.allowed_fen / 100 for x in res.layers} == {"机构服务补贴": 1600, "老人服务补贴": 3200}
    total = rows[a + 1 + len(res.layers)]
    assert total[0] == "合计" and total[3] == res.total_fen / 100 == 4800
    assert rows[a + 2 + len(res.layers)][:2] == ["人民币（大写）", "肆仟捌佰元整"]
    _money_cells_are_numbers(ws, range(4, 5), range(a + 2, a + 3 + len(res.layers)))
    facts = {r[0]: r[1] for r in rows[:g] if r[0]}
    assert facts["机构名称"] == "阳光社区养老服务中心" and facts["开业（设立）时间"] == "2019-06-18"
    assert facts["政策依据"].startswith("渝北府办发〔2018〕40号")
    assert sum(1 for r in rows if r[0] in ("县（市、区）民政·财政审核意见", "市民政·财政审核意见")) == 2
    assert ws.freeze_panes == "A3"

    # 花名册: one row per RowResult, amounts per layer, totals that add up
    ws = wb["花名册"]
    rows = _rows(ws)
    head = rows[2]
    assert ws.freeze_panes == "A4"
    assert head[:9] == ["序号", "姓名", "性别", "出生日期", "身份证号", "户籍", "入住", "退住", "照护等级"]
    assert head[-4:] == ["机构服务补贴", "老人服务补贴", "合计", "签字"]
    col = {h: i for i, h in enumerate(head)}
    body = rows[3:3 + len(res.rows)]
    for r, x in zip(body, res.rows):
        assert r[col["姓名"]] == x.name and r[col["身份证号"]] == x.info["身份证号"]
        assert r[col["计补贴月数"]] == len(x.counted_months())
        for layer in x.layers:
            assert r[col[layer.layer]] == layer.amount_fen / 100
        assert r[col["合计"]] == x.amount_fen / 100
        text = r[col["核查情况（✔符合 ✘不符合）"]]
        for c in x.checks:
            if not c.month:
                assert c.text() in text
    li = next(r for r in body if r[col["姓名"]] == "李四")
    assert "户籍 重庆市江北区（要求渝北区） ✘" in li[col["核查情况（✔符合 ✘不符合）"]] and li[col["合计"]] == 0
    zhao = next(r for r in body if r[col["姓名"]] == "赵六")
    assert zhao[col["退住"]] == dt.datetime(2026, 4, 10) and zhao[col["计补贴月份"]] == "2026-01—03"
    totals = rows[3 + len(res.rows)]
    assert totals[0] == "合计"
    for x in res.layers:
        assert totals[col[x.layer]] == x.rows_fen / 100 == sum(r[col[x.layer]] for r in body)
    assert totals[col["合计"]] == res.total_fen / 100 == sum(r[col["合计"]] for r in body)
    assert totals[col["计补贴月数"]] == sum(res.month_counts().values())
    first = col["机构服务补贴"] + 1
    _money_cells_are_numbers(ws, range(first, first + 3), range(4, 5 + len(res.rows)))

    # 汇总表: per layer, funders, centre vs residents
    ws = wb["汇总表"]
    rows = _rows(ws)
    for x in res.layers:
        r = rows[_find(rows, x.layer)]
        assert r[3:7] == [x.rows_fen / 100, "不设上限", x.earlier_fen / 100, x.allowed_fen / 100]
    fund = rows[_find(rows, "渝北区财政")]
    assert fund[3] == dict(res.funders)["渝北区财政"] / 100 == 4800
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
    body = {r[col["姓名"]]: r for r in rows[3:3 + len(res.rows)]}
    assert {n: r[col["护理员补助"]] for n, r in body.items()} == {
        "赵敏": 900, "钱伟": 200, "孙丽": 0, "李秀英": 500, "周强": 0}
    assert body["赵敏"][col["资格证书"]] == "高级 GJ5301110012" and body["钱伟"][col["社保"]] == "4/6个月已缴"
    assert "社保 2026-05—06 未缴（要求是） ✘" in body["钱伟"][col["核查情况（✔符合 ✘不符合）"]]
    totals = rows[3 + len(res.rows)]
    assert totals[col["护理员补助"]] == totals[col["合计"]] == res.total_fen / 100 == 1600

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
    n = len(res.rows)
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
