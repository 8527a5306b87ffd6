"""Subsidy schemes of every seed profile applied by the engine
(domain/subsidy.evaluate) to hand-built subjects, against the REAL profile
data in resources/policies. Every expected amount is worked out by hand in
the comment beside it; every threshold is tried at, just below and just
above its value; each row must show its tests with their evidence, and the
totals must add up (layers → claim → funders)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from eldercare_desktop.domain.policy import parse_profile
from eldercare_desktop.domain.subsidy import evaluate, split, years_between
from eldercare_desktop.domain.subsidy_records import Subject
from eldercare_desktop.services.centre import get_profile

import datetime as dt

D = dt.date
Y = 100  # fen per yuan
H1 = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")
YEAR = tuple(f"2025-{m:02d}" for m in range(1, 13))
Dec = Decimal


# --- helpers ----------------------------------------------------------------------------

def run(profile: str, scheme: str, subjects, months=("2026-01",), values=None, earlier=None, claimed=None):
    p = get_profile(profile)
    assert not p.scheme_error, p.scheme_error
    r = evaluate(p.schemes[scheme], p.params, {k: Dec(str(v)) for k, v in (values or {}).items()},
                 list(subjects), tuple(months), earlier, claimed)
    assert_adds(r)
    return r


def assert_adds(r) -> None:
    """Rows add to each layer; a layer without a cap claims what its rows
    add to, a capped one no more; layers add to the claim; funders add to
    the claim; centre + residents = claim; every row shows a test."""
    for lt in r.layers:
        rows = sum(x.amount_fen for row in r.rows for x in row.layers if x.layer == lt.layer)
        assert lt.rows_fen == rows
        if lt.cap_fen is None:
            assert lt.allowed_fen == lt.rows_fen
        else:
            assert lt.allowed_fen <= min(lt.rows_fen, lt.cap_fen)
            assert sum(f for _, f in lt.by_key) == lt.allowed_fen
    assert r.total_fen == sum(lt.allowed_fen for lt in r.layers)
    assert sum(f for _, f in r.funders) == r.total_fen
    assert r.centre_fen + r.resident_fen == r.total_fen
    for row in r.rows:
        assert row.amount_fen == sum(x.amount_fen for x in row.layers)
        assert texts(row), f"row {row.name} shows no test"


def texts(row) -> list[str]:
    return [c.text() for c in row.checks] + [c.text() for x in row.layers for c in x.checks]


def layer(row, name):
    return next(x for x in row.layers if x.layer == name)


def amounts(r) -> dict[str, int]:
    return {lt.layer: lt.allowed_fen for lt in r.layers}


def has(row, *parts, ok=None) -> bool:
    """Some check of the row shows every part (and passes / fails as asked)."""
    for c in list(row.checks) + [c for x in row.layers for c in x.checks]:
        t = c.text()
        if all(p in t for p in parts) and (ok is None or c.ok is ok):
            return True
    return False


def lease_shown(years: str) -> str:
    return f"2021-01-01—2025-12-31（{years} 年）"


def project(beds, tenure="自有", lease=None, nature="民办非营利", key="project:1", facility="养老机构", **kw):
    facts = {"nature": nature, "facility": facility, "tenure": tenure, "beds": beds,
             "lease_years": Dec(lease) if lease is not None else None, "project_kind": "新建", **kw}
    shown = {"lease_years": lease_shown(lease)} if lease is not None else {}
    return Subject(key, f"项目{key[-1]}", facts, {}, shown)


def centre(months, nature="民办非营利", per_month=None, **facts):
    per = {m: dict(per_month(m)) if per_month else {} for m in months}
    return Subject("centre:1", "阳光养老院", {"nature": nature, **facts}, per, {})


def resident(key, months, days=31, cat="失能", grade="重度失能", hukou="渝北区", nature="民办非营利", **kw):
    """A resident: ``days``, ``cat`` and ``grade`` are a value or a dict month → value."""
    def at(v, m):
        return v.get(m) if isinstance(v, dict) else v
    per = {}
    for m in months:
        c, g, d = at(cat, m), at(grade, m), at(days, m)
        per[m] = {"present_days": d, "disability": g, "disability_category": c,
                  "_display": {"disability_category": c or g, "present_days": f"{d} 天"}}
    return Subject(key, key, {"nature": nature, "hukou_district": hukou, **kw}, per,
                   {"hukou_district": f"重庆市{hukou}" if hukou else "未登记"})


CONTRACT = "2024-01-01—2026-12-31（3.00 年）"


def worker(key, months, contract="3.00", insured=True, days=31, cert="", care="0", trained=False,
           contract_shown=None):
    """A care worker; any argument may be a dict month → value."""
    def at(v, m):
        return v.get(m) if isinstance(v, dict) else v
    per = {}
    for m in months:
        con, ins, wd, ce, cy, tr = (at(contract, m), at(insured, m), at(days, m), at(cert, m), at(care, m),
                                    at(trained, m))
        per[m] = {"contract_years": Dec(con) if con is not None else None, "insured": ins, "work_days": wd,
                  "certificate": ce, "care_years": Dec(cy) if cy is not None else None, "trained": tr,
                  "_display": {"contract_years": (at(contract_shown, m) or CONTRACT.replace("3.00", con))
                                                 if con is not None else "无劳动合同",
                               "insured": "已缴" if ins else "未缴",
                               "certificate": f"{ce}（证书{key}）" if ce else "无证",
                               "care_years": f"2020-01-01起 {cy} 年", "trained": "已培训" if tr else "未培训",
                               "work_days": f"{wd} 天"}}
    return Subject(key, key, {"nature": "民办非营利"}, per, {})


# --- Chongqing municipal + Yubei district construction ---------------------------------------

@pytest.mark.parametrize("tenure, beds, lease, municipal, district", [
    # own property: municipal ≥ 50 beds × ¥10,000, Yubei ≥ 50 × ¥10,000 on top
    ("自有", 49, None, 0, 0),  # 49 < 50: neither
    ("自有", 50, None, 500_000 * Y, 500_000 * Y),  # 50 × 10,000 = 500,000 each → ¥1,000,000
    ("自有", 51, None, 510_000 * Y, 510_000 * Y),  # 51 × 10,000 = 510,000 each → ¥1,020,000
    ("自有", 60, None, 600_000 * Y, 600_000 * Y),  # 60 × ¥10,000 municipal + 60 × ¥10,000 district = ¥1,200,000
    # leased (lease ≥ 5 years): municipal needs ≥ 50 beds, Yubei only ≥ 20, both ¥5,000 a bed
    ("租赁", 19, "5.00", 0, 0),  # 19 < 20: neither
    ("租赁", 20, "5.00", 0, 100_000 * Y),  # district only: 20 × 5,000 = 100,000 (municipal fails < 50)
    ("租赁", 21, "5.00", 0, 105_000 * Y),  # district only: 21 × 5,000 = 105,000
    ("租赁", 49, "5.00", 0, 245_000 * Y),  # district only: 49 × 5,000 = 245,000
    ("租赁", 50, "5.00", 250_000 * Y, 250_000 * Y),  # 50 × 5,000 = 250,000 each → ¥500,000
    ("租赁", 51, "5.00", 255_000 * Y, 255_000 * Y),  # 51 × 5,000 = 255,000 each → ¥510,000
    # the lease term: 4.99 years fails both layers, 5.00 and 5.01 pass
    ("租赁", 60, "4.99", 0, 0),
    ("租赁", 60, "5.00", 300_000 * Y, 300_000 * Y),  # 60 × 5,000 = 300,000 each → ¥600,000
    ("租赁", 60, "5.01", 300_000 * Y, 300_000 * Y),
])
def test_yubei_construction_municipal_and_district(tenure, beds, lease, municipal, district):
    r = run("chongqing-yubei", "cq-construction", [project(beds, tenure, lease)], YEAR)
    assert amounts(r) == {"市级建设补贴": municipal, "区级建设补贴": district}
    assert dict(r.funders) == {"市级财政": municipal, "渝北区财政": district}
    assert r.total_fen == municipal + district
    row = r.rows[0]
    assert has(row, "机构性质（社会力量举办）", "民办非营利", "✔")
    m, d = layer(row, "市级建设补贴"), layer(row, "区级建设补贴")
    # each layer shows its own bed test with the count and the threshold when it fails
    assert any(c.label == "新增床位" and f"{beds} 张" in c.evidence and c.ok == (beds >= 50) for c in m.checks)
    need = 50 if tenure == "自有" else 20
    assert any(c.label == "新增床位" and c.ok == (beds >= need) for c in d.checks)
    if beds < need:
        assert has(row, f"新增床位 {beds} 张（要求≥ {need} 张） ✘")
    if lease is not None:
        assert has(row, "租期", lease_shown(lease), ok=Dec(lease) >= 5)
    else:
        assert not has(row, "租期")  # no lease test for own property
    if municipal:
        assert m.basis == f"{beds} 张 × ¥{'10,000.00' if tenure == '自有' else '5,000.00'}（产权{tenure}）"


def test_yubei_construction_only_for_social_capital():
    r = run("chongqing-yubei", "cq-construction", [project(60, nature="公办")], YEAR)
    assert r.total_fen == 0
    assert has(r.rows[0], "机构性质（社会力量举办） 公办（要求民办非营利、民办营利） ✘")


def test_yubei_construction_selects_care_homes_only():
    community = project(60, facility="社区养老服务中心", key="project:2")
    r = run("chongqing-yubei", "cq-construction", [project(60), community], YEAR)
    assert [row.key for row in r.rows] == ["project:1"]


@pytest.mark.parametrize("tenure, beds, earlier, district, by_key", [
    # own property: district cap ¥5,000,000 per site since establishment
    ("自有", 500, 0, 5_000_000 * Y, 5_000_000 * Y),  # 500 × 10,000 = 5,000,000: exactly the cap
    ("自有", 501, 0, 5_010_000 * Y, 5_000_000 * Y),  # 501 × 10,000 = 5,010,000 → cut to 5,000,000
    ("自有", 300, 4_000_000 * Y, 3_000_000 * Y, 1_000_000 * Y),  # 3,000,000 asked, 5,000,000 − 4,000,000 left
    ("自有", 300, 5_000_000 * Y, 3_000_000 * Y, 0),  # the cap is used up
    ("自有", 300, 2_000_000 * Y, 3_000_000 * Y, 3_000_000 * Y),  # 2,000,000 + 3,000,000 = exactly 5,000,000
    # leased: district cap ¥2,500,000
    ("租赁", 500, 0, 2_500_000 * Y, 2_500_000 * Y),  # 500 × 5,000 = 2,500,000: exactly the cap
    ("租赁", 501, 0, 2_505_000 * Y, 2_500_000 * Y),  # 501 × 5,000 = 2,505,000 → 2,500,000
    ("租赁", 300, 2_000_000 * Y, 1_500_000 * Y, 500_000 * Y),  # 300 × 5,000 = 1,500,000; 500,000 left
])
def test_yubei_district_cap_with_earlier_claims(tenure, beds, earlier, district, by_key):
    lease = "10.00" if tenure == "租赁" else None
    r = run("chongqing-yubei", "cq-construction", [project(beds, tenure, lease)], YEAR,
            earlier={("区级建设补贴", tenure): earlier} if earlier else None)
    rate = 10_000 if tenure == "自有" else 5_000
    cap = 5_000_000 if tenure == "自有" else 2_500_000
    lt = {x.layer: x for x in r.layers}
    # the municipal layer has no cap: beds × rate
    assert lt["市级建设补贴"].allowed_fen == beds * rate * Y and lt["市级建设补贴"].cap_fen is None
    d = lt["区级建设补贴"]
    assert d.rows_fen == district == beds * rate * Y  # the row shows the uncapped figure…
    assert d.allowed_fen == by_key  # …the layer claims what the cap leaves
    assert d.by_key == ((tenure, by_key),)
    assert d.earlier_fen == earlier and d.cap_fen == cap * Y - earlier
    assert f"{tenure}：上限 ¥{cap:,}.00，本址此前已申领 ¥{earlier // Y:,}.00" in d.cap_note
    assert r.total_fen == beds * rate * Y + by_key
    assert dict(r.funders) == {"市级财政": beds * rate * Y, "渝北区财政": by_key}


def test_yubei_district_cap_is_one_pot_per_site():
    """同一地点…从设立起享受区级建设补贴不超过500万元 (own) / 250万元 (leased):
    whatever the tenure, what the site took before counts against the cap of
    each project's tenure, and the stricter cap is filled first.
    Earlier: ¥2,400,000 (leased). This claim: own 300 + 300 beds (¥6,000,000
    asked), leased 100 beds (¥500,000 asked).
    - leased: 2,500,000 − 2,400,000 = ¥100,000 left → ¥100,000;
    - own: 5,000,000 − 2,400,000 − 100,000 = ¥2,500,000 left → ¥2,500,000.
    The site then holds 2,400,000 + 2,600,000 = ¥5,000,000: the own cap."""
    subjects = [project(300, key="project:1"), project(300, key="project:2"),
                project(100, "租赁", "8.00", key="project:3")]
    r = run("chongqing-yubei", "cq-construction", subjects, YEAR,
            earlier={("区级建设补贴", "租赁"): 2_400_000 * Y})
    d = next(x for x in r.layers if x.layer == "区级建设补贴")
    assert d.rows_fen == (6_000_000 + 500_000) * Y
    assert dict(d.by_key) == {"自有": 2_500_000 * Y, "租赁": 100_000 * Y}
    assert d.allowed_fen == 2_600_000 * Y and d.earlier_fen == 2_400_000 * Y
    assert "租赁：上限 ¥2,500,000.00，本址此前已申领 ¥2,400,000.00，本次最多 ¥100,000.00" in d.cap_note
    assert "自有：上限 ¥5,000,000.00，本址此前已申领 ¥2,400,000.00、本次其他项目 ¥100,000.00，本次最多 " \
           "¥2,500,000.00" in d.cap_note
    # municipal: 600 × 10,000 + 100 × 5,000 = 6,500,000
    assert amounts(r)["市级建设补贴"] == 6_500_000 * Y
    assert r.total_fen == (6_500_000 + 2_600_000) * Y


def test_yubei_leased_cap_counts_the_own_building_taken_before():
    """The demo's case: the own main building took ¥2,600,000 of district
    money; a leased annex of 24 beds (¥120,000 asked) finds the leased cap of
    ¥2,500,000 already passed: nothing is left for it from the district."""
    r = run("chongqing-yubei", "cq-construction", [project(24, "租赁", "10.00")], YEAR,
            earlier={("区级建设补贴", "自有"): 2_600_000 * Y})
    d = next(x for x in r.layers if x.layer == "区级建设补贴")
    assert (d.rows_fen, d.allowed_fen) == (120_000 * Y, 0)


def test_once_only_project_already_paid():
    r = run("chongqing-yubei", "cq-construction", [project(60), project(60, key="project:2")], YEAR,
            claimed={"project:1": "BT2025-0003"})
    one, two = r.rows
    assert one.amount_fen == 0 and has(one, "申领记录 已在BT2025-0003中申领（要求未申领过） ✘")
    assert two.amount_fen == 1_200_000 * Y  # 60 × 10,000 + 60 × 10,000


def test_yubei_scheme_builds_on_the_municipal_one():
    sc = get_profile("chongqing-yubei").schemes["cq-construction"]
    assert [x.name for x in sc.layers] == ["市级建设补贴", "区级建设补贴"]
    assert "重庆市 (二十二)" in sc.source and "渝北府办发〔2018〕40号" in sc.source
    assert sc.once and sc.kind == "建设补贴"
    assert [x.funders for x in sc.layers] == [(("市级财政", 1),), (("渝北区财政", 1),)]


# --- Nan'an and Shapingba: the municipal schemes only -----------------------------------------

@pytest.mark.parametrize("profile", ["chongqing-nanan", "chongqing-shapingba"])
@pytest.mark.parametrize("tenure, beds, lease, expected", [
    ("自有", 49, None, 0),
    ("自有", 50, None, 500_000 * Y),  # 50 × 10,000
    ("自有", 51, None, 510_000 * Y),  # 51 × 10,000
    ("租赁", 20, "5.00", 0),  # no Yubei layer here: 20 leased beds get nothing
    ("租赁", 50, "4.99", 0),
    ("租赁", 50, "5.00", 250_000 * Y),  # 50 × 5,000
    ("租赁", 51, "5.01", 255_000 * Y),  # 51 × 5,000
])
def test_other_chongqing_districts_inherit_municipal_construction(profile, tenure, beds, lease, expected):
    p = get_profile(profile)
    assert set(p.schemes) == {"cq-construction", "cq-operating"}
    r = run(profile, "cq-construction", [project(beds, tenure, lease)], YEAR)
    assert [x.layer for x in r.layers] == ["市级建设补贴"]
    assert r.total_fen == expected and dict(r.funders) == {"市级财政": expected}


@pytest.mark.parametrize("profile", ["chongqing-yubei", "chongqing-nanan", "chongqing-shapingba"])
def test_municipal_operating_subsidy_needs_its_figure(profile):
    months = H1
    subjects = [resident("resident:1", months)]
    r = run(profile, "cq-operating", subjects, months)
    assert r.missing == ("市级运营补贴标准（收住失能、半失能老人）（cq_operating_rate）",)
    assert r.total_fen == 0


@pytest.mark.parametrize("profile", ["chongqing-yubei", "chongqing-nanan", "chongqing-shapingba"])
def test_municipal_operating_subsidy_per_disabled_resident_month(profile):
    months = H1
    a = resident("resident:1", months, days={"2026-01": 14, "2026-02": 15, "2026-03": 16, "2026-04": 30,
                                             "2026-05": 31, "2026-06": 30})
    b = resident("resident:2", months, cat={m: "半失能" if m <= "2026-03" else "" for m in months},
                 grade={m: "中度失能" if m <= "2026-03" else "能力完好" for m in months})
    c = resident("resident:3", months, nature="公建民营")
    d = resident("resident:4", months, nature="公办")
    r = run(profile, "cq-operating", [a, b, c, d], months, values={"cq_operating_rate": 200})
    assert r.missing == ()
    rows = {x.key: x for x in r.rows}
    # a: January 14 days < 15 ✘; February 15 ✔ (at the threshold); Mar–Jun ✔ → 5 × ¥200 = ¥1,000
    assert rows["resident:1"].amount_fen == 1_000 * Y
    assert layer(rows["resident:1"], "市级运营补贴").months == H1[1:]
    assert has(rows["resident:1"], "在院天数 2026-01 14 天（要求≥ 15 天） ✘")
    # b: 半失能 Jan–Mar → 3 × ¥200 = ¥600; 能力完好 from April ✘
    assert rows["resident:2"].amount_fen == 600 * Y
    assert has(rows["resident:2"], "失能评估 2026-04 能力完好", ok=False)
    assert has(rows["resident:2"], "失能评估", "半失能", ok=True)
    # c: 公建民营 qualifies for the operating subsidy: 6 × ¥200 = ¥1,200; d: 公办 does not
    assert rows["resident:3"].amount_fen == 1_200 * Y
    assert rows["resident:4"].amount_fen == 0 and has(rows["resident:4"], "机构性质 公办", ok=False)
    assert r.total_fen == 2_800 * Y and dict(r.funders) == {"市级财政": 2_800 * Y}


def test_part_month_rule_is_a_parameter():
    # with 20 days as the rule, a 15-day month no longer counts: 4 × ¥200
    months = H1
    a = resident("resident:1", months, days={"2026-01": 19, "2026-02": 20, "2026-03": 15, "2026-04": 30,
                                             "2026-05": 31, "2026-06": 30})
    r = run("chongqing-nanan", "cq-operating", [a], months, values={"cq_operating_rate": 200, "part_month_days": 20})
    assert r.total_fen == 800 * Y
    assert has(r.rows[0], "在院天数 2026-03 15 天（要求≥ 20 天） ✘")


# --- Yubei service subsidy, chain bonus, community match --------------------------------------

def test_yubei_service_subsidy_to_centre_and_resident():
    months = H1
    a = resident("resident:1", months, days={"2026-01": 14, "2026-02": 15, "2026-03": 16, "2026-04": 30,
                                             "2026-05": 31, "2026-06": 30})
    b = resident("resident:2", months, hukou="江北区")
    c = resident("resident:3", months, nature="民办营利")
    d = resident("resident:4", months, nature="公建民营")
    r = run("chongqing-yubei", "yb-service", [a, b, c, d], months)
    rows = {x.key: x for x in r.rows}
    # a: 5 months (Jan 14 days ✘) × (¥100 centre + ¥200 resident) = ¥500 + ¥1,000
    assert [x.amount_fen for x in rows["resident:1"].layers] == [500 * Y, 1_000 * Y]
    assert has(rows["resident:1"], "户籍 重庆市渝北区 ✔")
    # b: not 渝北籍
    assert rows["resident:2"].amount_fen == 0 and has(rows["resident:2"], "户籍 重庆市江北区（要求渝北区） ✘")
    # c: for-profit social centre: 6 × 300 = ¥1,800; d: 公建民营 is not 社会办
    assert rows["resident:3"].amount_fen == 1_800 * Y
    assert rows["resident:4"].amount_fen == 0
    # totals: centre 500 + 600 = ¥1,100; residents 1,000 + 1,200 = ¥2,200
    assert (r.centre_fen, r.resident_fen, r.total_fen) == (1_100 * Y, 2_200 * Y, 3_300 * Y)
    assert [(x.layer, x.recipient) for x in r.layers] == [("机构服务补贴", "centre"), ("老人服务补贴", "resident")]
    assert dict(r.funders) == {"渝北区财政": 3_300 * Y}


@pytest.mark.parametrize("chain, beds, expected", [
    (1, 100, 0),  # one centre of the legal person: no chain
    (2, 29, 0),  # 29 < 30 beds
    (2, 30, 100_000 * Y),  # 30–200 beds: ¥100,000 once
    (2, 31, 100_000 * Y),
    (2, 199, 100_000 * Y),
    (2, 200, 100_000 * Y),  # 200 is still in 30–200
    (2, 201, 200_000 * Y),  # more than 200: ¥200,000
    (3, 150, 100_000 * Y),
])
def test_yubei_chain_bonus(chain, beds, expected):
    subj = centre(YEAR, chain_centres=chain, approved_beds=beds, beds=beds, chain_new="是")
    r = run("chongqing-yubei", "yb-chain", [subj], YEAR)
    assert r.total_fen == expected and dict(r.funders) == {"渝北区财政": expected}
    row = r.rows[0]
    assert has(row, "同一法人在本区的机构数（含本机构）", f"{chain} 家", ok=chain >= 2)
    if chain >= 2 and beds < 30:
        assert has(row, "核定床位 29 张（要求≥ 30 张） ✘")
    if expected:
        band = "30" if beds <= 200 else "201"
        assert layer(row, "连锁奖励").basis.endswith(f"（核定床位{beds} 张 ≥ {band} 张）")


def test_yubei_chain_bonus_goes_to_the_new_centre():
    """每新增加一家机构…奖励: the bonus is the new centre's; the legal
    person's first centre, though in a chain of two, gets nothing."""
    first = centre(YEAR, chain_centres=2, approved_beds=100, beds=100, chain_new="否")
    r = run("chongqing-yubei", "yb-chain", [first], YEAR)
    assert r.total_fen == 0 and has(r.rows[0], "本机构为新增的连锁机构 否（要求是） ✘")
    unknown = centre(YEAR, chain_centres=2, approved_beds=100, beds=100)
    assert run("chongqing-yubei", "yb-chain", [unknown], YEAR).total_fen == 0


@pytest.mark.parametrize("grant, years, ratio, expected", [
    (2_000_000 * Y, "1.99", None, 0),  # operating less than two years
    (2_000_000 * Y, "2.00", None, 2_000_000 * Y),  # 1:1 of ¥2,000,000
    (2_000_000 * Y, "2.01", None, 2_000_000 * Y),
    (2_000_000 * Y, "3.00", "0.5", 1_000_000 * Y),  # ratio 0.5: ¥1,000,000
    (123_456_789, "2.50", "0.5", 61_728_395),  # ¥1,234,567.89 × 0.5 = 617,283.945 → ¥617,283.95 (half up)
    (0, "5.00", None, 0),  # no municipal grant
])
def test_yubei_community_match(grant, years, ratio, expected):
    subj = Subject("centre:1", "社区中心", {"municipal_grant_fen": grant, "operating_years": Dec(years),
                                        "community_kind": "城市社区"}, {},
                   {"municipal_grant_fen": f"¥{Dec(grant) / 100:,.2f}",
                    "operating_years": f"2023-01-01起 {years} 年"})
    r = run("chongqing-yubei", "yb-community-match", [subj], YEAR, values={"yb_match_ratio": ratio} if ratio else None)
    assert r.total_fen == expected
    row = r.rows[0]
    assert has(row, "运营年限", f"{years} 年", ok=Dec(years) >= 2)
    assert has(row, "市级示范建设补贴", ok=grant > 0)


def test_yubei_community_match_needs_a_community_centre():
    """A care home is not a community centre: no match, whatever it holds."""
    subj = Subject("centre:1", "养老院", {"municipal_grant_fen": 2_000_000 * Y, "operating_years": Dec("3.00")}, {})
    r = run("chongqing-yubei", "yb-community-match", [subj], YEAR)
    assert r.total_fen == 0 and has(r.rows[0], "社区养老服务中心 未登记", ok=False)


# --- Guandu, Kunming ------------------------------------------------------------------------

def gd_project(beds=10, tenure="自有", lease=None, occupancy="30.00", nursing=False, nursing_occ="0", approved=None,
               nature="民办非营利"):
    subj = project(beds, tenure, lease, nature=nature, occupancy=Dec(occupancy),
                   approved_beds=beds if approved is None else approved, nursing_type=nursing,
                   nursing_occupancy=Dec(nursing_occ))
    # shown as the registers show them (services/subsidy_subjects.centre_facts)
    subj.display.update({"occupancy": f"{occupancy}%（…床日 ÷ ({beds}张 × 365天)）",
                         "nursing_occupancy": f"{nursing_occ}%（失能、半失能老人护理型床日…）"})
    return subj


@pytest.mark.parametrize("kw, base, nursing", [
    # occupancy ≥ 30% that year
    ({"occupancy": "29.99"}, 0, 0),
    ({"occupancy": "30.00"}, 100_000 * Y, 0),  # 10 × 10,000
    ({"occupancy": "30.01"}, 100_000 * Y, 0),
    # ≥ 10 (approved) beds
    ({"beds": 9}, 0, 0),
    ({"beds": 10}, 100_000 * Y, 0),
    ({"beds": 11}, 110_000 * Y, 0),  # 11 × 10,000
    # nursing-type centre with nursing-resident occupancy ≥ 60%: +2,000 a bed (own)
    ({"nursing": True, "nursing_occ": "59.99"}, 100_000 * Y, 0),
    ({"nursing": True, "nursing_occ": "60.00"}, 100_000 * Y, 20_000 * Y),  # 10 × 2,000
    ({"nursing": True, "nursing_occ": "60.01"}, 100_000 * Y, 20_000 * Y),
    ({"nursing": False, "nursing_occ": "80.00"}, 100_000 * Y, 0),  # not a nursing-type centre
    # leased ≥ 5 years: 5,000 a bed, nursing +1,000
    ({"tenure": "租赁", "lease": "4.99"}, 0, 0),
    ({"tenure": "租赁", "lease": "5.00"}, 50_000 * Y, 0),  # 10 × 5,000
    ({"tenure": "租赁", "lease": "5.01", "nursing": True, "nursing_occ": "60.00"}, 50_000 * Y, 10_000 * Y),
    # run by social forces only
    ({"nature": "公建民营"}, 0, 0),
    ({"nature": "民办营利"}, 100_000 * Y, 0),
])
def test_guandu_construction(kw, base, nursing):
    r = run("kunming-guandu", "gd-construction", [gd_project(**kw)], YEAR)
    assert amounts(r) == {"床位建设补助": base, "护理型床位增补": nursing}
    # funded half by the province, the rest by city and district
    assert dict(r.funders) == {"省级财政": (base + nursing) // 2, "市、区财政": (base + nursing) // 2}
    row = r.rows[0]
    occ = kw.get("occupancy", "30.00")
    assert has(row, "当年入住率", f"{occ}%", ok=Dec(occ) >= 30)
    beds = kw.get("beds", 10)
    assert has(row, "床位数", f"{beds} 张", ok=beds >= 10)
    if kw.get("nursing"):
        n = kw["nursing_occ"]
        assert has(row, "护理老人入住率", f"{n}%", ok=Dec(n) >= 60)
    if "lease" in kw:
        assert has(row, "租期", lease_shown(kw["lease"]), ok=Dec(kw["lease"]) >= 5)


def test_guandu_funder_split_with_odd_fen():
    p = get_profile("kunming-guandu")
    funders = p.schemes["gd-construction"].layers[0].funders
    assert funders == (("省级财政", Dec("0.5")), ("市、区财政", Dec("0.5")))
    # 1,234,567 fen × 0.5 = 617,283.5 → province 617,284 (half up), the rest 617,283: parts add to the fen
    assert split(1_234_567, funders) == [("省级财政", 617_284), ("市、区财政", 617_283)]
    assert split(1, funders) == [("省级财政", 1), ("市、区财政", 0)]
    # 11 own beds, nursing occupancy 60%: 110,000 + 22,000 = 132,000 → 66,000 each
    r = run("kunming-guandu", "gd-construction", [gd_project(beds=11, nursing=True, nursing_occ="60")], YEAR)
    assert dict(r.funders) == {"省级财政": 66_000 * Y, "市、区财政": 66_000 * Y}


def test_guandu_operating_per_approved_bed_month():
    def beds(m):
        return {"in_operation": m >= "2025-03", "beds": 10 if m <= "2025-06" else 20,
                "_display": {"in_operation": "是（设立2025-03-15）" if m >= "2025-03" else "否（设立2025-03-15）"}}
    r = run("kunming-guandu", "gd-operating", [centre(YEAR, per_month=beds)], YEAR)
    # Mar–Jun 4 months × 10 beds × 600 ÷ 12 = 2,000; Jul–Dec 6 × 20 × 50 = 6,000 → ¥8,000
    assert r.total_fen == 8_000 * Y and dict(r.funders) == {"市、区财政": 8_000 * Y}
    row = r.rows[0]
    assert has(row, "投入使用 2025-01 否（设立2025-03-15）", ok=False)
    assert has(row, "投入使用", "是（设立2025-03-15）", ok=True)
    basis = layer(row, "运营补助").basis
    assert "10 张" in basis and "20 张" in basis and "¥600.00" in basis


@pytest.mark.parametrize("rate, beds, months, expected", [
    ("600", 10, 12, 6_000 * Y),  # 10 × 600
    ("600", 9, 12, 5_400 * Y),  # 9 × 600
    ("800", 10, 12, 8_000 * Y),  # the district may pay more than 600
    ("601", 1, 7, 35_058),  # 601 ÷ 12 × 7 = 350.5833… → ¥350.58 (rounded once, at the end)
])
def test_guandu_operating_rate(rate, beds, months, expected):
    ms = YEAR[:months]
    subj = centre(ms, per_month=lambda m: {"in_operation": True, "beds": beds, "_display": {"in_operation": "是"}})
    r = run("kunming-guandu", "gd-operating", [subj], ms, values={"gd_operating_rate": rate})
    assert r.total_fen == expected


@pytest.mark.parametrize("kw, per_month", [
    # labour contract ≥ 1 year
    ({"contract": "0.99", "cert": "中级"}, 0),
    ({"contract": "1.00", "cert": "中级"}, 100),
    ({"contract": "1.01", "cert": "中级"}, 100),
    # certificate levels
    ({"cert": "初级"}, 50),
    ({"cert": "中级"}, 100),
    ({"cert": "高级"}, 150),
    ({"cert": "技师"}, 150),
    ({"cert": "高级技师"}, 150),
    # uncertified (or new) staff after training, by continuous years in care work
    ({"care": "0.99", "trained": True}, 0),
    ({"care": "1.00", "trained": True}, 50),
    ({"care": "1.99", "trained": True}, 50),
    ({"care": "2.00", "trained": True}, 100),
    ({"care": "2.99", "trained": True}, 100),
    ({"care": "3.00", "trained": True}, 150),
    ({"care": "12.50", "trained": True}, 150),
    ({"care": "3.00", "trained": False}, 0),  # not trained
])
def test_guandu_care_worker_allowance(kw, per_month):
    r = run("kunming-guandu", "gd-care-worker", [worker("worker:1", H1, **kw)], H1)
    # 6 months × the monthly rate
    assert r.total_fen == 6 * per_month * Y and dict(r.funders) == {"区财政": 6 * per_month * Y}
    row = r.rows[0]
    con = kw.get("contract", "3.00")
    shown = CONTRACT if con == "3.00" else CONTRACT.replace("3.00", con)
    assert has(row, "劳动合同", shown, ok=Dec(con) >= 1)
    assert has(row, "社保", "已缴", ok=True)
    if kw.get("cert"):
        if per_month:
            assert f"证书{kw['cert']}（证书worker:1）" in layer(row, "护理员补助").basis
        assert not has(row, "无证人员须经培训")  # the training test is for the uncertified
    else:
        assert has(row, "无证人员须经培训", "已培训" if kw["trained"] else "未培训", ok=kw["trained"])
        if Dec(kw["care"]) < 1:
            assert has(row, f"连续从事护理 2026-06 2020-01-01起 {kw['care']} 年（要求≥ 1 年） ✘")
        elif per_month:
            assert f"连续从事护理2020-01-01起 {kw['care']} 年" in layer(row, "护理员补助").basis


def test_guandu_care_worker_insurance_missing_one_month():
    w = worker("worker:1", H1, cert="中级", insured={m: m != "2026-03" for m in H1})
    r = run("kunming-guandu", "gd-care-worker", [w], H1)
    row = r.rows[0]
    # March ✘ (no insurance): 5 × ¥100 = ¥500
    assert row.amount_fen == 500 * Y
    assert layer(row, "护理员补助").months == ("2026-01", "2026-02", "2026-04", "2026-05", "2026-06")
    assert has(row, "社保 2026-03 未缴（要求是） ✘")
    assert r.month_counts() == {m: 0 if m == "2026-03" else 1 for m in H1}


def test_guandu_care_worker_part_month_and_level_change():
    days = {"2026-01": 14, "2026-02": 15, "2026-03": 16, "2026-04": 30, "2026-05": 31, "2026-06": 30}
    cert = {m: "初级" if m <= "2026-03" else "中级" for m in H1}
    r = run("kunming-guandu", "gd-care-worker", [worker("worker:1", H1, cert=cert, days=days)], H1)
    row = r.rows[0]
    # January 14 days ✘; Feb–Mar 初级 2 × 50 = 100; Apr–Jun 中级 3 × 100 = 300 → ¥400
    assert row.amount_fen == 400 * Y
    assert has(row, "在岗天数 2026-01 14 天（要求≥ 15 天） ✘")
    basis = layer(row, "护理员补助").basis
    assert "初级" in basis and "中级" in basis and "2 个月" in basis and "3 个月" in basis


def test_guandu_care_years_cross_a_band_in_the_period():
    care = {"2026-01": "0.92", "2026-02": "1.00", "2026-03": "1.08", "2026-04": "1.99", "2026-05": "2.00",
            "2026-06": "2.08"}
    r = run("kunming-guandu", "gd-care-worker", [worker("worker:1", H1, care=care, trained=True)], H1)
    row = r.rows[0]
    # Jan < 1 year ✘; Feb–Apr 3 × 50 = 150; May–Jun 2 × 100 = 200 → ¥350
    assert row.amount_fen == 350 * Y
    assert has(row, "连续从事护理 2026-01 2020-01-01起 0.92 年（要求≥ 1 年） ✘")


def test_rows_show_month_tests_that_passed_with_their_evidence():
    # a contract renewed at the end of February, insurance missing in April
    shown = {m: "2024-03-01—2026-02-28（2.00 年）" if m <= "2026-02" else "2026-03-01起无固定期限" for m in H1}
    w = worker("worker:1", H1, cert="初级", contract={m: "2.00" if m <= "2026-02" else "99" for m in H1},
               contract_shown=shown, insured={m: m != "2026-04" for m in H1})
    r = run("kunming-guandu", "gd-care-worker", [w], H1)
    row = r.rows[0]
    assert [c.text() for c in row.checks] == [
        "劳动合同 2026-01—02：2024-03-01—2026-02-28（2.00 年）；2026-03—06：2026-03-01起无固定期限 ✔",
        "社保 2026-01—03、2026-05—06：已缴（5/6 个月） ✔",
        "在岗天数 31 天 ✔",
        "社保 2026-04 未缴（要求是） ✘",
    ]
    assert layer(row, "护理员补助").basis == "5 个月 × ¥50.00（证书初级（证书worker:1））"
    # the same evidence either side of a failed month is not shown as one run through it
    days = {"2026-01": 31, "2026-02": 31, "2026-03": 10, "2026-04": 31, "2026-05": 30, "2026-06": 30}
    r = run("chongqing-yubei", "yb-service", [resident("resident:1", H1, days=days)], H1)
    assert "在院天数 2026-01—02、2026-04：31 天；2026-05—06：30 天（5/6 个月） ✔" in texts(r.rows[0])


@pytest.mark.parametrize("kind, area, expected, capped", [
    ("新建", "799", 0, False),  # < 800 m²
    ("新建", "800", 1_200_000 * Y, True),  # 800 × 2,000 = 1,600,000 → cap 1,200,000
    ("新建", "801", 1_200_000 * Y, True),  # 801 × 2,000 = 1,602,000 → cap
    ("改扩建", "799", 0, False),
    ("改扩建", "800", 600_000 * Y, True),  # half: 800 × 1,000 = 800,000 → half cap 600,000
    ("改扩建", "1000.5", 600_000 * Y, True),  # 1,000,500 → 600,000
])
def test_guandu_community_construction(kind, area, expected, capped):
    subj = project(0, facility="社区养老服务中心", area_m2=Dec(area), project_kind=kind)
    r = run("kunming-guandu", "gd-community-construction", [subj, project(60, key="project:2")], YEAR)
    assert [row.key for row in r.rows] == ["project:1"]  # care-home projects are not community centres
    row = r.rows[0]
    assert row.amount_fen == r.total_fen == expected
    assert has(row, "建设面积", f"{area} m²", ok=Dec(area) >= 800)
    if capped:
        cap = "1,200,000.00" if kind == "新建" else "600,000.00"
        assert has(row, f"单项上限 ¥{cap} ✔")
        assert f"按上限 ¥{cap}" in layer(row, "建设补助").basis


GRADES = {"gd_grade_good": "0.8", "gd_grade_fair": "0.5", "gd_grade_poor": "0"}


@pytest.mark.parametrize("kind, h1, h2, expected", [
    ("城市社区", "优", "优", 100_000 * Y),  # 100,000 ÷ 12 × 12
    ("城市社区", "优", "良", 90_000 * Y),  # 50,000 + 50,000 × 0.8
    ("翻牌社区", "良", "中", 32_500 * Y),  # 25,000 × 0.8 + 25,000 × 0.5 = 20,000 + 12,500
    ("公办民营", "优", "差", 12_000 * Y),  # 12,000 + 12,000 × 0
    ("民办民营", "中", None, 6_000 * Y),  # 12,000 × 0.5 for H1; H2 not inspected ✘
])
def test_guandu_community_operating_by_grade(kind, h1, h2, expected):
    def grade(m):
        g = h1 if m <= "2025-06" else h2
        half = "2025-H1" if m <= "2025-06" else "2025-H2"
        return {"inspection_grade": g, "_display": {"inspection_grade": f"{half} {g or '未检查'}"}}
    r = run("kunming-guandu", "gd-community-operating", [centre(YEAR, community_kind=kind, per_month=grade)], YEAR,
            values=GRADES)
    assert r.missing == () and r.total_fen == expected
    row = r.rows[0]
    assert has(row, "社区中心类型", kind, ok=True)
    if h2 is None:
        assert has(row, "半年检查评级 2025-07 2025-H2 未检查", ok=False)
        assert layer(row, "运营补助").months == YEAR[:6]


def test_guandu_community_operating_names_missing_grade_ratios():
    def grade(m):
        return {"inspection_grade": "良", "_display": {"inspection_grade": "良"}}
    r = run("kunming-guandu", "gd-community-operating", [centre(YEAR, community_kind="城市社区", per_month=grade)],
            YEAR)
    assert r.missing == ("检查评级“中”的运营补助比例（gd_grade_fair）", "检查评级“良”的运营补助比例（gd_grade_good）",
                         "检查评级“差”的运营补助比例（gd_grade_poor）")
    assert r.total_fen == 0


def test_guandu_community_operating_needs_a_community_kind():
    r = run("kunming-guandu", "gd-community-operating", [centre(YEAR)], YEAR, values=GRADES)
    assert r.total_fen == 0 and has(r.rows[0], "社区中心类型 未登记", ok=False)


# --- Bayannur: every figure is a parameter --------------------------------------------------

BN = {"bn_operating_rate": 200, "bn_weight_light": "1.5", "bn_weight_moderate": 2, "bn_weight_severe": 3}


def test_bayannur_missing_parameters_are_named():
    r = run("bayannur", "bn-operating", [resident("resident:1", H1, grade="能力完好", cat="")], H1)
    assert r.missing == ("按人头运营补贴基础标准（bn_operating_rate）", "轻度失能老人补贴系数（bn_weight_light）",
                         "中度失能老人补贴系数（bn_weight_moderate）", "重度、完全失能老人补贴系数（bn_weight_severe）")
    assert r.total_fen == 0
    # the rate alone is not enough: the weights are named even though no one here is disabled
    r = run("bayannur", "bn-operating", [resident("resident:1", H1, grade="能力完好", cat="")], H1,
            values={"bn_operating_rate": 200})
    assert len(r.missing) == 3 and all("系数" in x for x in r.missing)
    for code, key in [("bn-construction", "bn_construction_rate"), ("bn-rating", "bn_rating_rate"),
                      ("bn-liability", "bn_liability_share"), ("bn-care-post", "bn_post_allowance"),
                      ("bn-accident", "bn_accident_rate")]:
        r = run("bayannur", code, [], YEAR)
        assert len(r.missing) == 1 and f"（{key}）" in r.missing[0]


@pytest.mark.parametrize("grade, expected", [
    ("能力完好", 1_200 * Y),  # 6 × 200 × 1
    ("未评估", 1_200 * Y),
    ("轻度失能", 1_800 * Y),  # 6 × 200 × 1.5
    ("中度失能", 2_400 * Y),  # 6 × 200 × 2
    ("重度失能", 3_600 * Y),  # 6 × 200 × 3
    ("完全失能", 3_600 * Y),
])
def test_bayannur_per_head_weighted_by_disability(grade, expected):
    r = run("bayannur", "bn-operating", [resident("resident:1", H1, grade=grade, cat="")], H1, values=BN)
    assert r.missing == () and r.total_fen == expected
    assert f"能力等级{grade}" in layer(r.rows[0], "运营补贴").basis


def test_bayannur_per_head_mixed_months_and_for_profit():
    grade = {m: "轻度失能" if m <= "2026-03" else "重度失能" for m in H1}
    days = {"2026-01": 14, "2026-02": 15, "2026-03": 31, "2026-04": 30, "2026-05": 31, "2026-06": 30}
    a = resident("resident:1", H1, grade=grade, days=days, cat="")
    b = resident("resident:2", H1, grade="能力完好", cat="", nature="民办营利")
    c = resident("resident:3", H1, grade="能力完好", cat="", nature="公办")
    r = run("bayannur", "bn-operating", [a, b, c], H1, values=BN)
    rows = {x.key: x for x in r.rows}
    # a: Jan 14 days ✘; Feb–Mar 2 × 200 × 1.5 = 600; Apr–Jun 3 × 200 × 3 = 1,800 → ¥2,400
    assert rows["resident:1"].amount_fen == 2_400 * Y
    # b: for-profit centres get the same: 6 × 200 = ¥1,200; c: 公办 is not listed
    assert rows["resident:2"].amount_fen == 1_200 * Y
    assert rows["resident:3"].amount_fen == 0
    assert r.total_fen == 3_600 * Y and dict(r.funders) == {"市、旗县区财政": 3_600 * Y}


def test_bayannur_construction_rating_liability():
    r = run("bayannur", "bn-construction", [project(60, nature="公建民营")], YEAR, values={"bn_construction_rate": 3000})
    assert r.total_fen == 180_000 * Y  # 60 × 3,000
    r = run("bayannur", "bn-construction", [project(60, nature="公办")], YEAR, values={"bn_construction_rate": 3000})
    assert r.total_fen == 0

    def op(m):
        return {"in_operation": True, "beds": 50, "_display": {"in_operation": "是"}}
    for stars, expected in [(0, 0), (1, 12_000 * Y), (3, 12_000 * Y)]:  # 50 beds × 240 a year
        r = run("bayannur", "bn-rating", [centre(YEAR, per_month=op, star_rating=stars)], YEAR,
                values={"bn_rating_rate": 240})
        assert r.total_fen == expected
        assert has(r.rows[0], "等级评定", f"{stars} 星", ok=stars >= 1)
    for premium, expected in [(0, 0), (3_456_789, 1_728_395)]:  # ¥34,567.89 × 0.5 = 17,283.945 → ¥17,283.95
        subj = centre(YEAR, liability_premium_fen=premium)
        r = run("bayannur", "bn-liability", [subj], YEAR, values={"bn_liability_share": "0.5"})
        assert r.total_fen == expected


def test_bayannur_care_post_and_accident_insurance():
    a = worker("worker:1", H1, contract="0.50", contract_shown="2026-01-01—2026-06-30（0.50 年）")
    b = worker("worker:2", H1, contract=None)  # no labour contract
    c = worker("worker:3", H1, insured={m: m != "2026-05" for m in H1})
    d = worker("worker:4", H1, days={m: 14 if m == "2026-06" else 30 for m in H1})
    vals = {"bn_post_allowance": 200, "bn_accident_rate": 120}
    r = run("bayannur", "bn-care-post", [a, b, c, d], H1, values=vals)
    rows = {x.key: x for x in r.rows}
    assert rows["worker:1"].amount_fen == 1_200 * Y  # any contract: 6 × 200
    assert rows["worker:2"].amount_fen == 0 and has(rows["worker:2"], "劳动合同 2026-01 无劳动合同", ok=False)
    assert rows["worker:3"].amount_fen == 1_000 * Y  # May uninsured: 5 × 200
    assert rows["worker:4"].amount_fen == 1_000 * Y  # June 14 days: 5 × 200
    r = run("bayannur", "bn-accident", [a, b, c, d], H1, values=vals)
    rows = {x.key: x for x in r.rows}
    # 120 a year = 10 a month; the accident subsidy does not test insurance
    assert [rows[f"worker:{i}"].amount_fen for i in (1, 2, 3, 4)] == [60 * Y, 0, 60 * Y, 50 * Y]


# --- the scheme data itself -----------------------------------------------------------------

def test_every_seed_profile_reads_without_error():
    for code, schemes in [("chongqing-yubei", {"cq-construction", "cq-operating", "yb-service", "yb-chain",
                                                "yb-community-match"}),
                          ("kunming-guandu", {"gd-construction", "gd-operating", "gd-care-worker",
                                              "gd-community-construction", "gd-community-operating"}),
                          ("bayannur", {"bn-construction", "bn-operating", "bn-rating", "bn-liability",
                                        "bn-care-post", "bn-accident"}),
                          ("national", set())]:
        p = get_profile(code)
        assert p.scheme_error == "" and set(p.schemes) == schemes


BASE = """name = "测试区"
[[param]]
key = "rate"
label = "标准"
[[scheme]]
code = "t"
name = "测试补贴"
kind = "其他补助"
subject = "centre"
"""


@pytest.mark.parametrize("layer_text, message", [
    ('[[scheme.layer]]\nname = "a"\nrate = 0.5\n', "不用浮点数"),
    ('[[scheme.layer]]\nname = "a"\nrate = 10\nfunders = [{ name = "甲", share = "0.5" }, { name = "乙", share = "0.4" }]\n',
     "资金分担比例合计应为1"),
    ('[[scheme.layer]]\nname = "a"\nrate = { param = "nope" }\n', "引用了未定义的参数：nope"),
    ('[[scheme.layer]]\nname = "a"\nunit = "head"\nrate = 10\n', "计量单位“head”"),
    ("", "至少要有一个补贴层"),
])
def test_bad_scheme_data_is_reported_in_chinese(layer_text, message):
    p = parse_profile("t", BASE + layer_text)
    assert message in p.scheme_error and p.schemes == {}


def test_extend_needs_the_inherited_scheme():
    p = parse_profile("t", 'name = "x"\n[[scheme]]\ncode = "cq-construction"\nextend = true\n'
                           '[[scheme.layer]]\nname = "区级"\nrate = 1\n')
    assert "要叠加的方案“cq-construction”不存在" in p.scheme_error


def test_years_between_rounds_down():
    # a day short of five years is 4.99, never 5.00
    assert years_between(D(2021, 1, 1), D(2026, 1, 1)) == Dec("5.00")
    assert years_between(D(2021, 1, 2), D(2026, 1, 1)) == Dec("4.99")
    assert years_between(D(2025, 1, 1), D(2025, 12, 31)) == Dec("0.99")
    assert years_between(D(2025, 1, 1), D(2026, 1, 1)) == Dec("1.00")
    assert years_between(D(2024, 2, 29), D(2025, 3, 1)) == Dec("1.00")
