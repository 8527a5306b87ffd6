"""Subsidy claims computed from the registers through the real database:
occupancy and nursing occupancy from the stay history and assessments
(hand-counted bed-days), the care-worker register (identity, contracts,
XLSX import, expiring papers) and its allowance, the claim rules (no future
or overlapping period, parameters named, caps and once-only schemes across
submitted claims, withdrawal), and a district profile added from a file
with no code change."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from eldercare_desktop.db.models import (
    AuditLog,
    CareWorker,
    SubsidyClaim,
    SubsidyClaimRow,
    WorkerCertificate,
    WorkerContract,
    WorkerInsurance,
    WorkerTraining,
)
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import assessments, care_workers, centre, residents, subsidies, subsidy_facts
from eldercare_desktop.services.care_workers import IMPORT_HEADERS, WorkerInput
from eldercare_desktop.services.subsidy_facts import ProjectInput
from tests.conftest import agent, person

D = dt.date
Y = 100  # fen per yuan

GB = assessments.instrument("GB/T 42195-2022")
CODES = [i.code for i in GB.items]
FULL = [4] * 8 + [4, 4, 4, 3] + [4] * 6 + [1, 1, 2] + [2, 2, 4, 3, 4]  # 90 → 能力完好
HALF = [2] * 8 + FULL[8:]  # 74 → 能力轻度受损 → 半失能
NONE = [0] * len(CODES)  # 0 → 能力完全丧失 → 失能


def counts(app, *models):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one() for m in (*models, AuditLog))


def assess(ctx, rid, day, scores):
    assessments.save_assessment(ctx, assessments.AssessmentInput(
        rid, day, "首次评估", "李评估", "王评估", "张小三", "儿子", dict(zip(CODES, scores))))


def admit(ctx, bed, name, seq, day, district="渝北区"):
    return residents.register_resident(ctx, person(name, seq=seq, hukou_province="重庆市", hukou_city="重庆市",
                                                   hukou_district=district, contacts=(agent(),)), day, bed).ids[0]


def preview(ctx, scheme, first, last):
    """The claim as the wizard shows it; every row shows its tests, and the
    rows add to the layers, the layers (after caps) and the funders to the claim."""
    r = subsidies.preview(ctx, scheme, first, last)
    for lt in r.layers:
        assert lt.rows_fen == sum(x.amount_fen for row in r.rows for x in row.layers if x.layer == lt.layer)
        assert lt.allowed_fen == lt.rows_fen if lt.cap_fen is None else lt.allowed_fen <= lt.rows_fen
    assert r.total_fen == sum(lt.allowed_fen for lt in r.layers) == sum(f for _, f in r.funders)
    for row in r.rows:
        assert texts(row) and all(t.endswith(("✔", "✘")) for t in texts(row))
    return r


def texts(row) -> list[str]:
    return [c.text() for c in row.checks] + [c.text() for x in row.layers for c in x.checks]


def shows(row, *parts, ok=None) -> bool:
    for c in list(row.checks) + [c for x in row.layers for c in x.checks]:
        if all(p in c.text() for p in parts) and (ok is None or c.ok is ok):
            return True
    return False


# --- Guandu: occupancy and nursing occupancy from the stay history ------------------------------

@pytest.fixture
def guandu(ctx):
    """A Guandu centre, 10 approved beds; rooms N101 (2 护理型 beds) and P102 (3 普通)."""
    centre.save_centre(ctx, CentreInfo("官渡康养中心", "", "非营利", "kunming-guandu", approved_beds=10))
    centre.add_room(ctx, "N", 1, "101", "双人间", [("1", "护理型"), ("2", "护理型")])
    centre.add_room(ctx, "P", 1, "102", "三人间", [("1", "普通"), ("2", "普通"), ("3", "普通")])
    subsidy_facts.record_fact(ctx, "nursing_centre", "是", D(2024, 1, 1))
    subsidy_facts.record_fact(ctx, "established", "2024-11-01", D(2024, 1, 1))
    subsidy_facts.add_project(ctx, ProjectInput("官渡康养中心建设", "养老机构", "新建", 10, D(2024, 11, 1), "自有"))
    return {b.code: b.bed_id for r in centre.bed_map(ctx) for b in r.beds}


def stays_2025(ctx, beds, ding_admitted: dt.date, yi_assessed: dt.date):
    """2025 has 365 days; 10 approved beds → 3,650 bed-days; 2 nursing beds → 730.

    甲  N101-1 from 2024-12-01, 失能 since 2024-12-05: 365 bed-days, 365 nursing days
    乙  N101-2 from 2025-09-01: Sep 30 + Oct 31 + Nov 30 + Dec 31 = 122 bed-days;
        半失能 from ``yi_assessed`` (10-20 → Oct 12 + Nov 30 + Dec 31 = 73 nursing days)
    丙  P102-1 from 2025-01-01, ten days' leave in March (the bed is kept): 365;
        失能, but in an ordinary bed: no nursing days
    丁  P102-2 from ``ding_admitted`` (05-03 → May 29 + Jun 30 + Jul 31 + Aug 31 +
        Sep 30 + Oct 31 + Nov 30 + Dec 31 = 243)
    """
    jia = admit(ctx, beds["N101-1"], "甲", 13, D(2024, 12, 1), "官渡区")
    assess(ctx, jia, D(2024, 12, 5), NONE)
    yi = admit(ctx, beds["N101-2"], "乙", 15, D(2025, 9, 1), "官渡区")
    assess(ctx, yi, yi_assessed, HALF)
    bing = admit(ctx, beds["P102-1"], "丙", 17, D(2025, 1, 1), "官渡区")
    assess(ctx, bing, D(2025, 1, 2), NONE)
    residents.start_leave(ctx, bing, D(2025, 3, 1), "回家")
    residents.end_leave(ctx, bing, D(2025, 3, 11))
    admit(ctx, beds["P102-2"], "丁", 19, ding_admitted, "官渡区")


@pytest.mark.parametrize("ding, yi, occupancy, bed_days, nursing, nursing_days, base, extra", [
    # 365 + 122 + 365 + 243 = 1,095 ÷ 3,650 = 30.00% (at the threshold);
    # 365 + 73 = 438 ÷ 730 = 60.00%: 10 × 10,000 + 10 × 2,000 = ¥120,000
    (D(2025, 5, 3), D(2025, 10, 20), "30.00", 1095, "60.00", 438, 100_000 * Y, 20_000 * Y),
    # 丁 a day later: 1,094 ÷ 3,650 = 29.97% → nothing
    (D(2025, 5, 4), D(2025, 10, 20), "29.97", 1094, "60.00", 438, 0, 0),
    # 丁 a day earlier: 1,096 → 30.02%; 乙 assessed a day later: 437 ÷ 730 = 59.86% → base only ¥100,000
    (D(2025, 5, 2), D(2025, 10, 21), "30.02", 1096, "59.86", 437, 100_000 * Y, 0),
    # 乙 assessed a day earlier: 439 ÷ 730 = 60.13% → ¥120,000
    (D(2025, 5, 2), D(2025, 10, 19), "30.02", 1096, "60.13", 439, 100_000 * Y, 20_000 * Y),
])
def test_guandu_construction_from_stay_history(ctx, guandu, ding, yi, occupancy, bed_days, nursing, nursing_days,
                                               base, extra):
    stays_2025(ctx, guandu, ding, yi)
    r = preview(ctx, "gd-construction", "2025-01", "2025-12")
    (row,) = r.rows
    assert shows(row, f"当年入住率 {occupancy}%（{bed_days}床日 ÷ (10张 × 365天)）", ok=occupancy >= "30")
    assert shows(row, f"护理老人入住率 {nursing}%（失能、半失能老人护理型床日{nursing_days} ÷ (2张 × 365天)）",
                 ok=nursing >= "60")
    assert shows(row, "护理型机构 是（护理型床位2张，占40.00%，目标40%） ✔")
    assert shows(row, "床位数 10 张 ✔") and shows(row, "机构性质（社会力量兴办） 民办非营利 ✔")
    assert [x.amount_fen for x in row.layers] == [base, extra]
    assert r.total_fen == base + extra
    # half from the province, half from the city and district
    assert dict(r.funders) == {"省级财政": (base + extra) // 2, "市、区财政": (base + extra) // 2}


def test_guandu_construction_claim_submitted_and_frozen(ctx, guandu):
    stays_2025(ctx, guandu, D(2025, 5, 3), D(2025, 10, 20))
    cid = subsidies.create_claim(ctx, "gd-construction", "2025-01", "2025-12").ids[0]
    subsidies.submit(ctx, cid)
    c = subsidies.claim(ctx, cid)
    assert (c.status, c.claimed_fen, c.centre_fen) == ("已提交", 120_000 * Y, 120_000 * Y)
    # the project is paid: it cannot be edited, and the submitted rows do not move with the registers
    with pytest.raises(RuleViolation, match="不能再修改"):
        subsidy_facts.update_project(ctx, 1, ProjectInput("改", "养老机构", "新建", 99, D(2024, 11, 1), "自有"))
    subsidy_facts.record_fact(ctx, "nursing_centre", "否", D(2025, 12, 1))
    frozen = subsidies.claim_result(ctx, cid)
    assert frozen.total_fen == 120_000 * Y and shows(frozen.rows[0], "护理老人入住率 60.00%", ok=True)


def test_guandu_operating_from_establishment(ctx, guandu):
    subsidy_facts.record_fact(ctx, "established", "2025-03-15", D(2024, 1, 1))
    r = preview(ctx, "gd-operating", "2025-01", "2025-12")
    (row,) = r.rows
    # in operation from March: 10 months × 10 beds × 600 ÷ 12 = ¥5,000
    assert r.total_fen == 5_000 * Y and dict(r.funders) == {"市、区财政": 5_000 * Y}
    assert shows(row, "投入使用 2025-02 否（设立2025-03-15）", ok=False)
    assert shows(row, "投入使用 2025-03—12：是（设立2025-03-15）（10/12 个月）", ok=True)
    assert row.layers[0].basis == "10 个月 × 10 张 × ¥600.00/年 ÷ 12"
    # the 申请表 grid counts bed-months (床次): 10 beds a month from March; 100 in all
    assert r.per_bed and r.month_counts() == {f"2025-{m:02d}": (10 if m >= 3 else 0) for m in range(1, 13)}


def test_guandu_operating_rate_cannot_be_set_below_600(app, ctx, guandu):
    before = counts(app)
    with pytest.raises(RuleViolation, match="运营补助标准不能低于600"):
        subsidy_facts.set_param(ctx, "gd_operating_rate", "599")
    with pytest.raises(RuleViolation, match="没有参数“cq_operating_rate”"):
        subsidy_facts.set_param(ctx, "cq_operating_rate", "300")
    assert counts(app) == before
    subsidy_facts.set_param(ctx, "gd_operating_rate", "800")
    r = preview(ctx, "gd-operating", "2025-01", "2025-12")
    assert r.total_fen == 8_000 * Y  # 12 × 10 × 800 ÷ 12


def test_yubei_match_ratio_at_most_one_to_one(app, ctx, centre_ready):
    """区级配套 不超过1∶1: the ratio parameter takes 1, refuses 1.01."""
    before = counts(app)
    with pytest.raises(RuleViolation, match="不能高于1"):
        subsidy_facts.set_param(ctx, "yb_match_ratio", "1.01")
    assert counts(app) == before
    subsidy_facts.set_param(ctx, "yb_match_ratio", "1")
    subsidy_facts.set_param(ctx, "yb_match_ratio", "0.5")
    assert subsidy_facts.param_values(ctx)["yb_match_ratio"] == Decimal("0.5")


def test_guandu_community_centre_from_facts_and_grades(ctx, guandu):
    subsidy_facts.record_fact(ctx, "community_kind", "城市社区", D(2024, 1, 1))
    subsidy_facts.record_grade(ctx, "2025-H1", "优")
    subsidy_facts.record_grade(ctx, "2025-H2", "良")
    for k, v in (("gd_grade_good", "0.8"), ("gd_grade_fair", "0.5"), ("gd_grade_poor", "0")):
        subsidy_facts.set_param(ctx, k, v)
    r = preview(ctx, "gd-community-operating", "2025-01", "2025-12")
    (row,) = r.rows
    # 100,000 ÷ 12 × 6 + 100,000 ÷ 12 × 6 × 0.8 = 50,000 + 40,000 = ¥90,000
    assert r.total_fen == 90_000 * Y
    assert shows(row, "半年检查评级", "2025-H1 优", "2025-H2 良", ok=True)
    # the community construction project: 800 m² × 2,000 = 1,600,000 → cap ¥1,200,000; the care home is no row
    subsidy_facts.add_project(ctx, ProjectInput("社区中心", "社区养老服务中心", "新建", 0, D(2025, 5, 1), "自有", "800"))
    r = preview(ctx, "gd-community-construction", "2025-01", "2025-12")
    assert [x.name for x in r.rows] == ["社区中心"] and r.total_fen == 1_200_000 * Y
    assert shows(r.rows[0], "建设面积 800 m² ✔") and shows(r.rows[0], "单项上限 ¥1,200,000.00 ✔")


def test_bayannur_per_head_from_assessments(ctx, centre_ready):
    centre.save_centre(ctx, CentreInfo("巴彦淖尔颐养院", "", "营利", "bayannur"))
    for name, seq, bed, scores in (("甲", 13, "A101-1", FULL), ("乙", 15, "A101-2", HALF), ("丙", 17, "A102-1", NONE)):
        rid = admit(ctx, centre_ready[bed], name, seq, D(2026, 1, 1), "临河区")
        assess(ctx, rid, D(2026, 1, 2), scores)
    for k, v in (("bn_operating_rate", "200"), ("bn_weight_light", "1.5"), ("bn_weight_moderate", "2"),
                 ("bn_weight_severe", "3")):
        subsidy_facts.set_param(ctx, k, v)
    r = preview(ctx, "bn-operating", "2026-01", "2026-06")
    rows = {x.name: x for x in r.rows}
    # for-profit (营利) centre, same subsidy: 6 × 200 × 1 / 1.5 / 3
    assert [rows[n].amount_fen for n in ("甲", "乙", "丙")] == [1_200 * Y, 1_800 * Y, 3_600 * Y]
    assert "能力等级轻度失能" in rows["乙"].layers[0].basis and "能力等级完全失能" in rows["丙"].layers[0].basis
    assert shows(rows["甲"], "机构性质（经营性与公益性同等） 民办营利 ✔")
    assert r.total_fen == 6_600 * Y


# --- the care-worker register --------------------------------------------------------------

WORKERS = (CareWorker, WorkerContract, WorkerCertificate, WorkerInsurance, WorkerTraining)


def wid(n: int, birth=D(1980, 3, 15)) -> str:
    return make_id_number("500112", birth, n)


@pytest.mark.parametrize("number, message", [
    ("500112198003150024", "校验位错误"),  # 500112198003150027 is right
    ("50011219800315002", "应为18位"),
    ("500112198002300024", "出生日期19800230无效"),
    ("990112198003150024", "地区码990112不存在"),
    ("", "请填写身份证号"),
])
def test_invalid_id_number_refused_nothing_saved(app, ctx, number, message):
    before = counts(app, *WORKERS)
    with pytest.raises(RuleViolation, match=message) as e:
        care_workers.add_worker(ctx, WorkerInput("李秀英", number, "13800000001", D(2019, 3, 1)))
    assert "id_number" in e.value.fields()
    assert counts(app, *WORKERS) == before


def test_worker_identity_from_id_number_and_duplicates(app, ctx):
    w = care_workers.add_worker(ctx, WorkerInput("李秀英", "500112198003150027", "13800000001", D(2019, 3, 1))).ids[0]
    (row,) = care_workers.workers(ctx)
    assert (row.id, row.gender, row.age) == (w, "女", 46)
    before = counts(app, *WORKERS)
    with pytest.raises(RuleViolation, match="已登记为护理员“李秀英”"):
        care_workers.add_worker(ctx, WorkerInput("李秀", "500112198003150027"))
    with pytest.raises(RuleViolation, match="未满16周岁"):
        care_workers.add_worker(ctx, WorkerInput("王小", wid(31, D(2010, 1, 1)), care_start=D(2025, 1, 1)))
    assert counts(app, *WORKERS) == before


def test_overlapping_contracts_refused_open_ended_runs_until_ended(app, ctx):
    w = care_workers.add_worker(ctx, WorkerInput("李秀英", wid(24))).ids[0]
    care_workers.add_contract(ctx, w, D(2024, 1, 1), D(2025, 12, 31))
    before = counts(app, *WORKERS)
    with pytest.raises(RuleViolation, match="与已登记的劳动合同2024-01-01—2025-12-31重叠"):
        care_workers.add_contract(ctx, w, D(2025, 12, 31), D(2026, 12, 31))  # one day in common
    with pytest.raises(RuleViolation, match="截止日不能早于起始日"):
        care_workers.add_contract(ctx, w, D(2026, 6, 1), D(2026, 5, 31))
    assert counts(app, *WORKERS) == before
    # the next day is fine; an open-ended contract after it runs forever…
    care_workers.add_contract(ctx, w, D(2026, 1, 1), D(2026, 3, 31))
    care_workers.add_contract(ctx, w, D(2026, 4, 1), None)
    with pytest.raises(RuleViolation, match="2026-04-01起（无固定期限）重叠"):
        care_workers.add_contract(ctx, w, D(2030, 1, 1), D(2030, 12, 31))
    # …until it is ended
    open_id = care_workers.worker_detail(ctx, w)["contracts"][-1]["id"]
    care_workers.end_contract(ctx, open_id, D(2026, 9, 30), "协商解除")
    care_workers.add_contract(ctx, w, D(2026, 10, 1), D(2027, 9, 30))
    # the agreed term stays on record; the day it stopped is kept beside it
    spans = [(c["start"], c["end"], c["ended_on"]) for c in care_workers.worker_detail(ctx, w)["contracts"]]
    assert spans == [("2024-01-01", "2025-12-31", None), ("2026-01-01", "2026-03-31", None),
                     ("2026-04-01", None, "2026-09-30"), ("2026-10-01", "2027-09-30", None)]
    with pytest.raises(RuleViolation, match="已于2026-09-30解除"):
        care_workers.end_contract(ctx, open_id, D(2026, 8, 31))


def sheet(*rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(list(IMPORT_HEADERS))
    for r in rows:
        ws.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _no_header() -> bytes:
    wb = Workbook()
    wb.active.append(["姓名", "身份证号"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


GOOD = ("李秀英", "500112198003150027", "13800000001", "2019-03-01", "中级", "5000001234", "2021-06-30", "",
        "2024-01-01", "2026-12-31", "2026-01~2026-06", "2019-02-20", "养老护理员岗前培训")
OPEN = ("王建国", wid(33, D(1975, 6, 1)), "", D(2024, 4, 1), "", "", "", "", D(2024, 4, 1), "", "2026-01、2026-02",
        D(2024, 3, 20), "岗前培训")


def test_import_lists_every_bad_row_and_saves_nothing(app, ctx):
    bad = sheet(
        GOOD,
        ("张三", "500112198003150024", "", "", "", "", "", "", "", "", "", "", ""),  # check digit
        ("李四", wid(35), "", "", "", "", "", "", "2026-01-01", "2026-12-31", "2026-12", "", ""),  # month not yet here
        ("李秀英", "500112198003150027", "", "", "", "", "", "", "", "", "", "", ""),  # repeats row 2
        ("赵六", wid(37), "", "", "", "", "", "", "2026-05-01", "2026-04-30", "", "", ""),  # end before start
        ("钱七", wid(39), "", "", "特级", "1", "2020-01-01", "", "", "", "", "", ""),  # no such level
        ("孙八", wid(41), "", "", "", "", "", "", "2026/01/01", "", "", "", ""),  # date format
    )
    before = counts(app, *WORKERS)
    with pytest.raises(RuleViolation) as e:
        care_workers.import_workers(ctx, bad)
    msgs = [p.message for p in e.value.problems]
    assert any(m.startswith("第3行：") and "校验位错误" in m for m in msgs)
    assert any(m.startswith("第4行：") and "2026-12还没有到" in m for m in msgs)
    assert "第5行：身份证号与第2行重复" in msgs
    assert "第6行：劳动合同截止日不能早于起始日" in msgs
    assert any(m.startswith("第7行：") and "证书等级应为" in m for m in msgs)
    assert any(m.startswith("第8行：") and "格式应为YYYY-MM-DD" in m for m in msgs)
    assert not any(m.startswith("第2行") for m in msgs)
    assert counts(app, *WORKERS) == before  # not even the good row
    with pytest.raises(RuleViolation, match="无法读取该文件"):
        care_workers.import_workers(ctx, b"not a workbook")
    with pytest.raises(RuleViolation, match="第1行应为表头"):
        care_workers.import_workers(ctx, _no_header())


def test_the_import_template_imports_as_it_is(ctx):
    assert care_workers.import_workers(ctx, care_workers.import_template()).message == "已导入：新登记1人，更新0人"
    (w,) = care_workers.workers(ctx)
    assert (w.name, w.gender, w.certificate) == ("李秀英", "女", "中级（5000001234）")


def test_good_import_then_reimport_adds_nothing_twice(app, ctx):
    ch = care_workers.import_workers(ctx, sheet(GOOD, OPEN))
    assert ch.message == "已导入：新登记2人，更新0人"
    rows = {w.name: w for w in care_workers.workers(ctx)}
    li, wang = rows["李秀英"], rows["王建国"]
    assert (li.certificate, li.contract) == ("中级（5000001234）", "2024-01-01—2026-12-31")
    assert wang.contract == "2024-04-01起（无固定期限）" and wang.certificate == "无证"
    d = care_workers.worker_detail(ctx, li.id)
    assert d["insured"] == [f"2026-{m:02d}" for m in range(1, 7)] and len(d["training"]) == 1
    before = counts(app, CareWorker, WorkerContract, WorkerCertificate, WorkerInsurance, WorkerTraining)
    ch = care_workers.import_workers(ctx, sheet(GOOD, OPEN[:10] + ("2026-03",) + OPEN[11:]))
    assert ch.message == "已导入：新登记0人，更新2人"
    after = counts(app, CareWorker, WorkerContract, WorkerCertificate, WorkerInsurance, WorkerTraining)
    # only 王建国's March is new: no second contract, certificate or training
    assert after[:5] == (before[0], before[1], before[2], before[3] + 1, before[4])
    # a contract overlapping the open-ended one is refused by row
    clash = OPEN[:8] + (D(2025, 1, 1), D(2025, 12, 31)) + OPEN[10:]
    with pytest.raises(RuleViolation, match="第2行：与已登记的劳动合同2024-04-01起（无固定期限）重叠"):
        care_workers.import_workers(ctx, sheet(clash))


def test_expiring_contracts_and_certificates(ctx, clock):
    # today 2026-11-25; the window is 60 days (to 2027-01-24)
    a = care_workers.add_worker(ctx, WorkerInput("合同将到期", wid(43))).ids[0]
    care_workers.add_contract(ctx, a, D(2024, 1, 1), D(2026, 12, 31))
    b = care_workers.add_worker(ctx, WorkerInput("无固定期限", wid(45))).ids[0]
    care_workers.add_contract(ctx, b, D(2024, 1, 1), None)
    care_workers.add_certificate(ctx, b, "初级", "C-1", D(2022, 1, 10), D(2027, 1, 10))
    c = care_workers.add_worker(ctx, WorkerInput("已续签", wid(47))).ids[0]
    care_workers.add_contract(ctx, c, D(2024, 1, 1), D(2026, 12, 31))
    care_workers.add_contract(ctx, c, D(2027, 1, 1), D(2029, 12, 31))
    care_workers.add_certificate(ctx, c, "中级", "C-2", D(2020, 1, 1), D(2027, 3, 1))  # outside the window
    d = care_workers.add_worker(ctx, WorkerInput("已过期", wid(49))).ids[0]
    care_workers.add_contract(ctx, d, D(2023, 11, 1), D(2026, 10, 31))
    e = care_workers.add_worker(ctx, WorkerInput("已离职", wid(51))).ids[0]
    care_workers.add_contract(ctx, e, D(2024, 1, 1), D(2026, 12, 31))
    care_workers.leave(ctx, e, D(2026, 8, 31))
    got = [(x.name, x.what, x.day, x.days_left) for x in care_workers.expiring(ctx)]
    assert got == [("已过期", "劳动合同", D(2026, 10, 31), -25), ("合同将到期", "劳动合同", D(2026, 12, 31), 36),
                   ("无固定期限", "初级证书", D(2027, 1, 10), 46)]
    texts_ = [r.text for r in subsidies.reminders(ctx) if r.kind == "证件到期"]
    assert len(texts_) == 3 and any("合同将到期" in t and "2026-12-31" in t for t in texts_)


# --- Guandu care-worker allowance from the register ----------------------------------------------

def test_guandu_care_worker_allowance_from_the_register(ctx, guandu):
    # 李秀英: 中级, contract 2024-01-01—2026-12-31 (3.00 years), insured Jan–Jun except March
    a = care_workers.add_worker(ctx, WorkerInput("李秀英", wid(24), care_start=D(2019, 3, 1))).ids[0]
    care_workers.add_certificate(ctx, a, "中级", "5000001234", D(2021, 6, 30))
    care_workers.add_contract(ctx, a, D(2024, 1, 1), D(2026, 12, 31))
    care_workers.record_insurance(ctx, a, "2026-01~2026-02, 2026-04~2026-06")
    # 王建国: no certificate, trained, care since 2024-04-01, open-ended contract: continuous years at each
    # month's end: Jan 1.83, Feb 1.91 (≥ 1: ¥50), Mar 2.00, Apr 2.08, May 2.16, Jun 2.25 (≥ 2: ¥100)
    b = care_workers.add_worker(ctx, WorkerInput("王建国", wid(33, D(1975, 6, 1)), care_start=D(2024, 4, 1))).ids[0]
    care_workers.add_training(ctx, b, D(2024, 3, 20), "养老护理员岗前培训", 40)
    care_workers.add_contract(ctx, b, D(2024, 4, 1), None)
    care_workers.record_insurance(ctx, b, "2026-01~2026-06")
    # 赵六: 初级 but a contract one day short of a year (2026-01-01—2026-12-30: 0.99 years)
    c = care_workers.add_worker(ctx, WorkerInput("赵六", wid(37))).ids[0]
    care_workers.add_certificate(ctx, c, "初级", "C-3", D(2020, 1, 1))
    care_workers.add_contract(ctx, c, D(2026, 1, 1), D(2026, 12, 30))
    care_workers.record_insurance(ctx, c, "2026-01~2026-06")
    # 孙八: 高级, left on 2026-05-10 (the contract ends that day): Jan–Apr; May 10 days < 15
    d = care_workers.add_worker(ctx, WorkerInput("孙八", wid(41))).ids[0]
    care_workers.add_certificate(ctx, d, "高级", "C-4", D(2020, 1, 1))
    care_workers.add_contract(ctx, d, D(2024, 1, 1), D(2026, 12, 31))
    care_workers.record_insurance(ctx, d, "2026-01~2026-05")
    care_workers.leave(ctx, d, D(2026, 5, 10))

    r = preview(ctx, "gd-care-worker", "2026-01", "2026-06")
    rows = {x.name: x for x in r.rows}
    # 李秀英: 5 × ¥100 = ¥500, March ✘
    li = rows["李秀英"]
    assert li.amount_fen == 500 * Y
    assert shows(li, "社保 2026-03 未缴（要求是） ✘")
    assert shows(li, "劳动合同 2024-01-01—2026-12-31（3.00 年） ✔")
    assert "证书中级（5000001234）" in li.layers[0].basis
    # 王建国: 2 × 50 + 4 × 100 = ¥500
    wang = rows["王建国"]
    assert wang.amount_fen == 500 * Y
    assert shows(wang, "劳动合同 2024-04-01起（无固定期限） ✔") and shows(wang, "无证人员须经培训 已培训 ✔")
    assert wang.layers[0].basis.startswith("2 个月 × ¥50.00") and "4 个月 × ¥100.00" in wang.layers[0].basis
    # 赵六: nothing, the contract is 0.99 years
    zhao = rows["赵六"]
    assert zhao.amount_fen == 0
    assert shows(zhao, "劳动合同 2026-01 2026-01-01—2026-12-30（0.99 年）（要求≥ 1 年） ✘")
    # 孙八: Jan–Apr 4 × ¥150 = ¥600; May 10 days ✘
    sun = rows["孙八"]
    assert sun.amount_fen == 600 * Y and shows(sun, "在岗天数 2026-05 10 天（要求≥ 15 天） ✘")
    assert r.total_fen == 1_600 * Y and dict(r.funders) == {"区财政": 1_600 * Y}
    assert r.month_counts() == {"2026-01": 3, "2026-02": 3, "2026-03": 2, "2026-04": 3, "2026-05": 2, "2026-06": 2}
    assert li.info["身份证号"] == wid(24) and li.info["社保"] == "5/6个月已缴"


def test_contract_renewed_mid_month_keeps_the_month(ctx, guandu):
    # renewed back to back on 2026-02-15: February has 14 + 14 days under contract, all 28 worked
    w = care_workers.add_worker(ctx, WorkerInput("周九", wid(53))).ids[0]
    care_workers.add_certificate(ctx, w, "中级", "C-5", D(2020, 1, 1))
    care_workers.add_contract(ctx, w, D(2025, 2, 15), D(2026, 2, 14))
    care_workers.add_contract(ctx, w, D(2026, 2, 15), D(2027, 2, 14))
    care_workers.record_insurance(ctx, w, "2026-01~2026-06")
    r = preview(ctx, "gd-care-worker", "2026-01", "2026-06")
    (row,) = r.rows
    # 6 × ¥100 = ¥600
    assert row.amount_fen == 600 * Y, texts(row)
    assert shows(row, "在岗天数", "2026-02：28 天", ok=True)


# --- claim rules -----------------------------------------------------------------------------

def test_future_period_refused_nothing_saved(app, ctx, centre_ready):
    admit(ctx, centre_ready["A101-1"], "张三", 13, D(2026, 1, 10))
    before = counts(app, SubsidyClaim)
    # today is 2026-11-25: November has not ended
    with pytest.raises(RuleViolation, match="申报期间2026年11月还没有结束（截止2026-11-30），不能申报未来的月份"):
        subsidies.create_claim(ctx, "yb-service", "2026-11", "2026-11")
    with pytest.raises(RuleViolation, match="不能申报未来的月份"):
        preview(ctx, "yb-service", "2026-07", "2026-12")
    with pytest.raises(RuleViolation, match="起始月份晚于截止月份"):
        subsidies.create_claim(ctx, "yb-service", "2026-06", "2026-01")
    with pytest.raises(RuleViolation, match="应写成YYYY-MM"):
        subsidies.create_claim(ctx, "yb-service", "2026-13", "2026-13")
    assert counts(app, SubsidyClaim) == before
    # October has ended
    assert subsidies.create_claim(ctx, "yb-service", "2026-10", "2026-10").ids


def test_missing_parameter_named_nothing_saved(app, ctx, guandu):
    before = counts(app, SubsidyClaim)
    with pytest.raises(RuleViolation) as e:
        subsidies.create_claim(ctx, "gd-community-operating", "2025-01", "2025-12")
    assert "社区居家养老服务中心运营补助”缺少参数" in e.value.message
    for key in ("gd_grade_good", "gd_grade_fair", "gd_grade_poor"):
        assert key in e.value.message
    assert "检查评级“良”的运营补助比例" in e.value.message
    assert counts(app, SubsidyClaim) == before
    infos = {x.code: x for x in subsidies.schemes(ctx)}
    assert len(infos["gd-community-operating"].missing) == 3 and infos["gd-construction"].missing == ()


def test_missing_parameter_in_yubei_names_cq_operating_rate(app, ctx, centre_ready):
    with pytest.raises(RuleViolation, match=r"市级运营补贴标准（收住失能、半失能老人）（cq_operating_rate）"):
        subsidies.create_claim(ctx, "cq-operating", "2026-01", "2026-06")
    assert subsidies.claims(ctx) == []


def test_overlapping_period_refused_withdraw_frees_it(app, ctx, centre_ready):
    admit(ctx, centre_ready["A101-1"], "张三", 13, D(2026, 1, 10))
    first = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    subsidies.submit(ctx, first)
    before = counts(app, SubsidyClaim, SubsidyClaimRow)
    for a, b in [("2026-06", "2026-08"), ("2025-12", "2026-01"), ("2026-03", "2026-04"), ("2025-11", "2026-10")]:
        with pytest.raises(RuleViolation, match=r"申报期间与BT2026-0001（2026年上半年，已提交）重叠"):
            subsidies.create_claim(ctx, "yb-service", a, b)
    assert counts(app, SubsidyClaim, SubsidyClaimRow) == before
    # another scheme may cover the same months (with nothing to claim it is refused, not saved)
    with pytest.raises(RuleViolation, match="没有符合条件的行，申报金额为0"):
        subsidies.create_claim(ctx, "yb-chain", "2026-01", "2026-06")
    subsidy_facts.set_param(ctx, "cq_operating_rate", "100")
    with pytest.raises(RuleViolation, match="没有符合条件的行"):  # 张三 is not assessed 失能
        subsidies.create_claim(ctx, "cq-operating", "2026-01", "2026-06")
    # the next half is fine
    subsidies.create_claim(ctx, "yb-service", "2026-07", "2026-10")
    with pytest.raises(RuleViolation, match="撤回原因"):
        subsidies.withdraw(ctx, first, " ")
    subsidies.withdraw(ctx, first, "漏报一名老人")
    again = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    subsidies.submit(ctx, again)
    assert subsidies.claim(ctx, again).claimed_fen == subsidies.claim(ctx, first).claimed_fen == 1_800 * Y  # 6 × 300


def yubei_projects(ctx):
    # 2025: 300 own new beds; 2026: 300 more on the same site
    subsidy_facts.add_project(ctx, ProjectInput("一期", "养老机构", "新建", 300, D(2025, 6, 30), "自有"))
    subsidy_facts.add_project(ctx, ProjectInput("二期", "养老机构", "新建", 300, D(2026, 3, 31), "自有"))


def test_district_cap_and_once_only_across_submitted_claims(app, ctx, clock, centre_ready):
    yubei_projects(ctx)
    first = subsidies.create_claim(ctx, "cq-construction", "2025-01", "2025-12").ids[0]
    subsidies.submit(ctx, first)
    c = subsidies.claim(ctx, first)
    # 一期: 300 × 10,000 municipal + 300 × 10,000 district = ¥6,000,000
    assert (c.number, c.claimed_fen) == ("BT2026-0001", 6_000_000 * Y)
    r = preview(ctx, "cq-construction", "2026-01", "2026-10")
    rows = {x.name: x for x in r.rows}
    # 一期 is not paid twice
    assert rows["一期"].amount_fen == 0
    assert shows(rows["一期"], "申领记录 已在BT2026-0001中申领（要求未申领过） ✘")
    # 二期: municipal 300 × 10,000 = 3,000,000; district 3,000,000 asked, but only 5,000,000 − 3,000,000 left
    assert [x.amount_fen for x in rows["二期"].layers] == [3_000_000 * Y, 3_000_000 * Y]
    lt = {x.layer: x for x in r.layers}
    assert (lt["区级建设补贴"].rows_fen, lt["区级建设补贴"].earlier_fen, lt["区级建设补贴"].allowed_fen) == (
        3_000_000 * Y, 3_000_000 * Y, 2_000_000 * Y)
    assert "自有：上限 ¥5,000,000.00，本址此前已申领 ¥3,000,000.00，本次最多 ¥2,000,000.00" in lt["区级建设补贴"].cap_note
    assert r.total_fen == 5_000_000 * Y
    assert dict(r.funders) == {"市级财政": 3_000_000 * Y, "渝北区财政": 2_000_000 * Y}
    second = subsidies.create_claim(ctx, "cq-construction", "2026-01", "2026-10").ids[0]
    subsidies.submit(ctx, second)
    assert subsidies.claim(ctx, second).claimed_fen == 5_000_000 * Y
    # the stored rows carry the cut: 二期's centre share is 3,000,000 + 2,000,000, and the rows add up
    with ctx.read() as s:
        stored = list(s.execute(select(SubsidyClaimRow.name, SubsidyClaimRow.centre_fen)
                                .where(SubsidyClaimRow.claim_id == second).order_by(SubsidyClaimRow.id)))
    assert stored == [("一期", 0), ("二期", 5_000_000 * Y)]
    # a third project finds the district cap used up (3,000,000 + 2,000,000 taken): municipal only
    subsidy_facts.add_project(ctx, ProjectInput("三期", "养老机构", "新建", 50, D(2026, 11, 1), "自有"))
    with pytest.raises(RuleViolation, match="还没有结束"):
        preview(ctx, "cq-construction", "2026-11", "2026-11")
    clock.day, clock.time = D(2026, 12, 2), dt.datetime(2026, 12, 2, 9)
    r = preview(ctx, "cq-construction", "2026-11", "2026-11")
    rows = {x.name: x for x in r.rows}
    assert rows["一期"].amount_fen == rows["二期"].amount_fen == 0  # both paid already
    assert shows(rows["二期"], "申领记录 已在BT2026-0002中申领", ok=False)
    # 三期: 50 × 10,000 municipal; district row 50 × 10,000 = 500,000 but nothing left under the cap
    assert [x.amount_fen for x in rows["三期"].layers] == [500_000 * Y, 500_000 * Y]
    lt = {x.layer: x for x in r.layers}
    assert (lt["区级建设补贴"].earlier_fen, lt["区级建设补贴"].allowed_fen) == (5_000_000 * Y, 0)
    assert r.total_fen == 500_000 * Y and dict(r.funders) == {"市级财政": 500_000 * Y, "渝北区财政": 0}


def test_withdrawn_claim_frees_the_cap_and_the_project(ctx, centre_ready):
    yubei_projects(ctx)
    first = subsidies.create_claim(ctx, "cq-construction", "2025-01", "2025-12").ids[0]
    subsidies.submit(ctx, first)
    subsidies.withdraw(ctx, first, "材料不全")
    r = preview(ctx, "cq-construction", "2026-01", "2026-10")
    # both projects now: municipal 600 × 10,000 = 6,000,000; district 6,000,000 → cap 5,000,000
    assert [x.amount_fen for x in r.rows[0].layers] == [3_000_000 * Y, 3_000_000 * Y]
    assert {x.layer: x.allowed_fen for x in r.layers} == {"市级建设补贴": 6_000_000 * Y, "区级建设补贴": 5_000_000 * Y}
    assert r.total_fen == 11_000_000 * Y


def test_draft_does_not_count_against_the_cap(ctx, centre_ready):
    yubei_projects(ctx)
    subsidies.create_claim(ctx, "cq-construction", "2025-01", "2025-12")  # a draft only
    r = preview(ctx, "cq-construction", "2026-01", "2026-10")
    assert r.total_fen == 11_000_000 * Y and all(row.amount_fen for row in r.rows)


# --- a district profile from a file, no code change -------------------------------------------

DISTRICT = """
name = "测试市测试区"
region = "测试市测试区"
sources = ["测试区民政局通知（测试）"]
inherits = ["chongqing"]

[beds]
nursing_target_percent = 35

[[param]]
key = "td_care_rate"
label = "测试区失能老人护理补贴标准"
unit = "元/人/月"

# the district adds a layer on the municipal construction subsidy
[[scheme]]
code = "cq-construction"
extend = true
name = "新增床位建设补贴（市级＋测试区级）"
[[scheme.layer]]
name = "测试区建设补贴"
funder = "测试区财政"
unit = "bed"
rate = 3000
[[scheme.layer.test]]
label = "新增床位"
fact = "beds"
min = 30
unit = " 张"

# and a scheme of its own
[[scheme]]
code = "td-care"
name = "失能老人护理补贴"
kind = "服务补贴"
subject = "resident"
period = "quarter"
attachments = ["申请表", "失能老人花名册"]
[[scheme.test]]
label = "在院天数"
fact = "present_days"
min = { param = "part_month_days" }
unit = " 天"
month = true
[[scheme.layer]]
name = "护理补贴"
funders = [{ name = "区财政", share = "0.7" }, { name = "街道", share = "0.3" }]
unit = "month"
rate = { param = "td_care_rate" }
[[scheme.layer.test]]
label = "失能评估"
fact = "disability_category"
in = ["失能"]
month = true
"""


@pytest.fixture
def district_folder(tmp_path, monkeypatch):
    folder = tmp_path / "district-policies"
    folder.mkdir()
    (folder / "test-district.toml").write_text(DISTRICT, encoding="utf-8")
    monkeypatch.setenv(centre.POLICY_ENV, str(folder))
    centre._profiles.cache_clear()
    yield folder
    centre._profiles.cache_clear()


def test_district_profile_from_a_file(app, ctx, centre_ready, district_folder):
    assert "test-district" in {p.code for p in centre.profile_infos()}
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "test-district"))
    p = subsidies.centre_profile(ctx)
    assert (p.name, p.nursing_bed_target_percent, p.scheme_error) == ("测试市测试区", 35, "")
    assert set(p.schemes) == {"cq-construction", "cq-operating", "td-care"}

    a = admit(ctx, centre_ready["A101-2"], "甲", 13, D(2026, 1, 1), "测试区")
    assess(ctx, a, D(2026, 1, 5), NONE)
    b = admit(ctx, centre_ready["A102-1"], "乙", 15, D(2026, 2, 20), "测试区")  # February: 9 days
    assess(ctx, b, D(2026, 2, 20), NONE)
    c = admit(ctx, centre_ready["A101-1"], "丙", 17, D(2026, 1, 1), "测试区")
    assess(ctx, c, D(2026, 1, 5), FULL)

    before = counts(app, SubsidyClaim)
    with pytest.raises(RuleViolation, match=r"测试区失能老人护理补贴标准（td_care_rate）"):
        subsidies.create_claim(ctx, "td-care", "2026-01", "2026-03")
    assert counts(app, SubsidyClaim) == before
    subsidy_facts.set_param(ctx, "td_care_rate", "150")
    cid = subsidies.create_claim(ctx, "td-care", "2026-01", "2026-03").ids[0]
    r = subsidies.claim_result(ctx, cid)
    rows = {x.name: x for x in r.rows}
    # 甲: 失能 all quarter: 3 × 150 = ¥450; 乙: February 9 days ✘, March ✔: ¥150; 丙: 能力完好
    assert [rows[n].amount_fen for n in ("甲", "乙", "丙")] == [450 * Y, 150 * Y, 0]
    assert shows(rows["乙"], "在院天数 2026-02 9 天（要求≥ 15 天） ✘")
    assert shows(rows["丙"], "失能评估 2026-01 能力完好", ok=False)
    # funders 70% / 30%: 600 → 420 + 180
    assert r.total_fen == 600 * Y and dict(r.funders) == {"区财政": 420 * Y, "街道": 180 * Y}
    subsidies.submit(ctx, cid)
    assert subsidies.claim(ctx, cid).claimed_fen == 600 * Y

    # the inherited municipal scheme with the district's layer on top: 40 beds fail the municipal 50
    subsidy_facts.add_project(ctx, ProjectInput("扩建", "养老机构", "新建", 40, D(2026, 3, 1), "自有"))
    r = preview(ctx, "cq-construction", "2026-01", "2026-10")
    assert {x.layer: x.allowed_fen for x in r.layers} == {"市级建设补贴": 0, "测试区建设补贴": 120_000 * Y}  # 40 × 3,000
    assert dict(r.funders) == {"市级财政": 0, "测试区财政": 120_000 * Y}


def test_broken_district_file_is_reported_not_crashing(ctx, centre_ready, district_folder):
    (district_folder / "broken.toml").write_text(
        'name = "坏区"\n[[scheme]]\ncode = "x"\nname = "坏方案"\nkind = "其他补助"\nsubject = "centre"\n'
        '[[scheme.layer]]\nname = "a"\nrate = 0.5\n', encoding="utf-8")
    centre._profiles.cache_clear()
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "broken"))
    with pytest.raises(RuleViolation, match="补贴方案有误.*不用浮点数"):
        preview(ctx, "x", "2026-01", "2026-06")


def test_leaving_keeps_the_contract_term_signed(ctx, guandu):
    """A three-year contract signed 2026-01-01, the worker leaves on 2026-04-20:
    the one-year test reads the term signed (2.00 years ✔), the months after
    leaving are not tested. Jan–Mar full, April 20 days ≥ 15 → 4 months
    × ¥100 (中级) = ¥400."""
    w = care_workers.add_worker(ctx, WorkerInput("周九", wid(53))).ids[0]
    care_workers.add_certificate(ctx, w, "中级", "C-9", D(2020, 1, 1))
    care_workers.add_contract(ctx, w, D(2026, 1, 1), D(2027, 12, 31))
    care_workers.record_insurance(ctx, w, "2026-01~2026-04")
    care_workers.leave(ctx, w, D(2026, 4, 20))
    c = care_workers.worker_detail(ctx, w)["contracts"][0]
    assert (c["end"], c["ended_on"]) == ("2027-12-31", "2026-04-20")
    row = preview(ctx, "gd-care-worker", "2026-01", "2026-06").rows[0]
    assert row.amount_fen == 400 * Y
    assert row.layers[0].months == ("2026-01", "2026-02", "2026-03", "2026-04")
    assert shows(row, "劳动合同 2026-01-01—2027-12-31（2.00 年）（2026-04-20解除）", ok=True)
    # May and June, after leaving, are not months of employment: not tested, not shown as failures
    assert not any("2026-05" in c.text() for c in row.checks)
    # Jan 31, Feb 28, Mar 31, Apr 20 days in post
    assert shows(row, "在岗天数 2026-01、2026-03：31 天；2026-02：28 天；2026-04：20 天 ✔")


def test_claim_made_before_the_app_counts_against_the_cap(app, ctx, clock, centre_ready):
    """一期 was claimed on paper in 2025 (municipal ¥3,000,000 + district
    ¥3,000,000, own property): recorded as a claim outside the app it posts
    nothing, 一期 is not paid again, and 二期's district layer gets only
    5,000,000 − 3,000,000 = ¥2,000,000."""
    from eldercare_desktop.services import ledger, subsidy_history

    yubei_projects(ctx)
    keys = dict(subsidy_history.outside_subjects(ctx, "cq-construction"))
    one = next(k for k, name in keys.items() if name == "一期")
    assert subsidy_history.cap_keys(ctx, "cq-construction") == {"区级建设补贴": ("自有", "租赁")}
    before = counts(app, SubsidyClaim, SubsidyClaimRow)
    with pytest.raises(RuleViolation, match="按哪一类计"):
        subsidy_history.record_outside_claim(ctx, "cq-construction", "2025-01", "2025-12",
                                             {"市级建设补贴": 3_000_000 * Y, "区级建设补贴": 3_000_000 * Y},
                                             D(2025, 12, 20), (one,))
    with pytest.raises(RuleViolation, match="请选择当时申领"):
        subsidy_history.record_outside_claim(ctx, "cq-construction", "2025-01", "2025-12",
                                             {"市级建设补贴": 3_000_000 * Y}, D(2025, 12, 20))
    with pytest.raises(RuleViolation, match="没有“省级”这一层"):
        subsidy_history.record_outside_claim(ctx, "cq-construction", "2025-01", "2025-12",
                                             {"省级": 1 * Y}, D(2025, 12, 20), (one,))
    assert counts(app, SubsidyClaim, SubsidyClaimRow) == before
    cid = subsidy_history.record_outside_claim(
        ctx, "cq-construction", "2025-01", "2025-12", {"市级建设补贴": 3_000_000 * Y, "区级建设补贴": 3_000_000 * Y},
        D(2025, 12, 20), (one,), "自有", "纸质申报").ids[0]
    c = subsidies.claim(ctx, cid)
    assert (c.number, c.status, c.claimed_fen, c.approved_fen) == ("BW2025-0001", "已到账", 6_000_000 * Y,
                                                                    6_000_000 * Y)
    with ctx.read() as s:
        assert ledger.balance_in(s, "4401") == 0  # nothing posted
    frozen = subsidies.claim_result(ctx, cid)
    assert frozen.total_fen == 6_000_000 * Y and dict(frozen.funders) == {"市级财政": 3_000_000 * Y,
                                                                          "渝北区财政": 3_000_000 * Y}
    r = preview(ctx, "cq-construction", "2026-01", "2026-10")
    rows = {x.name: x for x in r.rows}
    assert rows["一期"].amount_fen == 0 and shows(rows["一期"], "已在BW2025-0001中申领", ok=False)
    lt = {x.layer: x for x in r.layers}
    assert (lt["区级建设补贴"].earlier_fen, lt["区级建设补贴"].allowed_fen) == (3_000_000 * Y, 2_000_000 * Y)
    # the same period again is an overlap
    with pytest.raises(RuleViolation, match="重叠"):
        subsidies.create_claim(ctx, "cq-construction", "2025-01", "2025-12")
    # 一期 cannot be recorded as paid twice; 二期 was not built in 2024; money before its period
    two = next(k for k, name in keys.items() if name == "二期")
    before = counts(app, SubsidyClaim, SubsidyClaimRow)
    with pytest.raises(RuleViolation, match="一期已在BW2025-0001中申领"):
        subsidy_history.record_outside_claim(ctx, "cq-construction", "2024-01", "2024-12",
                                             {"市级建设补贴": 1 * Y}, D(2024, 12, 20), (one,))
    with pytest.raises(RuleViolation, match="二期竣工于2026-03-31，晚于申报期间"):
        subsidy_history.record_outside_claim(ctx, "cq-construction", "2024-01", "2024-12",
                                             {"市级建设补贴": 1 * Y}, D(2024, 12, 20), (two,))
    with pytest.raises(RuleViolation, match="到账日期早于申报期间"):
        subsidy_history.record_outside_claim(ctx, "cq-construction", "2024-01", "2024-12",
                                             {"市级建设补贴": 1 * Y}, D(2023, 12, 20), (one,))
    assert counts(app, SubsidyClaim, SubsidyClaimRow) == before
    # nothing to print: it was claimed on paper
    from eldercare_desktop.services import subsidy_documents
    assert subsidies.claim(ctx, cid).outside
    with pytest.raises(RuleViolation, match="没有申报材料可打印"):
        subsidy_documents.claim_form(ctx, cid)


def test_part_month_days_is_a_whole_number_of_days(app, ctx, centre_ready):
    """当月在院满多少天: 1—31 whole days; 0, 32 and 15.5 are refused, nothing saved."""
    before = counts(app)
    for bad, message in (("0", "不能低于1"), ("32", "不能高于31"), ("15.5", "应为整数")):
        with pytest.raises(RuleViolation, match=message):
            subsidy_facts.set_param(ctx, "part_month_days", bad)
    assert counts(app) == before
    subsidy_facts.set_param(ctx, "part_month_days", "20")
    assert subsidy_facts.param_values(ctx)["part_month_days"] == 20


def test_import_refuses_a_known_id_number_under_another_name(app, ctx):
    """A sheet row whose 身份证号 is 李秀英's but whose name is 李四 is a typo
    somewhere: refused, 李秀英's record untouched."""
    care_workers.import_workers(ctx, care_workers.import_template())
    (li,) = care_workers.workers(ctx)
    before = counts(app, *WORKERS)
    row = ["李四", li.id_number, "", "2010-01-01", "", "", "", "", "", "", "", "", ""]
    with pytest.raises(RuleViolation, match="第2行：身份证号.*已登记为护理员“李秀英”，与本行姓名“李四”不一致"):
        care_workers.import_workers(ctx, sheet(row))
    assert counts(app, *WORKERS) == before
    assert care_workers.workers(ctx)[0].care_start == li.care_start


def test_claim_numbers_are_found_whatever_the_case(ctx, centre_ready):
    admit(ctx, centre_ready["A101-1"], "张三", 13, D(2026, 1, 10))
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    assert subsidies.find_claim(ctx, " bt2026-0001 ").id == cid
