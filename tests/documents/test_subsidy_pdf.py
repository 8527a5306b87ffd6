"""Claim documents as PDF: a Yubei service-subsidy claim (several
residents: 渝北籍 for the whole half-year, another district, admitted late,
discharged early) and a Guandu care-worker claim (senior / junior
certificates, an uncertified trained worker, a short contract, months
without social insurance). Text is read back with pypdf; the CJK font must
be embedded and cover every character printed."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from eldercare_desktop.documents import pdf as P
from eldercare_desktop.documents.subsidy_pdf import claim_pdf
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import care_workers as cw
from eldercare_desktop.services import centre, residents, subsidies, subsidy_documents, subsidy_facts
from tests.conftest import agent, person

D = dt.date
CREDIT = "91110000600037341L"


def _facts(ctx, licence: str) -> None:
    subsidy_facts.record_fact(ctx, "established", "2019-06-18", D(2019, 6, 18))
    subsidy_facts.record_fact(ctx, "licence_no", licence, D(2019, 6, 18))


def build_yubei(ctx, beds: dict) -> dict[str, int]:
    """centre_ready's centre (渝北) with its facts, a second room and five residents."""
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", CREDIT, "非营利", "chongqing-yubei",
                                       "重庆市渝北区双龙湖街道金港大道88号", "023-67801234", "陈建国", 60))
    _facts(ctx, "渝北民养备字〔2019〕第018号")
    centre.add_room(ctx, "A", 1, "103", "三人间", [("1", "普通"), ("2", "普通"), ("3", "护理型")])
    centre.add_room(ctx, "A", 1, "104", "单人间", [("1", "普通")])  # rooms are single-sex
    beds = {b.code: b.bed_id for r in centre.bed_map(ctx) for b in r.beds}

    def admit(name, seq, day, bed, district="渝北区", **kw):
        return residents.register_resident(
            ctx, person(name, seq=seq, hukou_province="重庆市", hukou_city="重庆市", hukou_district=district,
                        contacts=(agent(),), **kw), day, beds[bed]).ids[0]

    ids = {
        "张三": admit("张三", 13, D(2026, 1, 10), "A101-1", phone="13912345678"),  # 6 months
        "李四": admit("李四", 15, D(2026, 1, 1), "A101-2", "江北区"),  # 户籍 fails
        "王五": admit("王五", 17, D(2026, 6, 16), "A102-1", birth=D(1946, 7, 1)),  # June only (15 days); 79 on 06-30
        "赵六": admit("赵六", 19, D(2025, 11, 3), "A103-1"),  # Jan–Mar, then discharged 04-10
        "欧阳秀兰": admit("欧阳秀兰", 24, D(2025, 12, 1), "A104-1", categories=("特困供养",)),  # 6 months
    }
    residents.discharge(ctx, ids["赵六"], D(2026, 4, 10), "回家居住")
    return ids


def build_guandu(ctx) -> dict[str, int]:
    """A Guandu centre with five care workers."""
    centre.save_centre(ctx, CentreInfo("官渡区康乐颐养院", CREDIT, "营利", "kunming-guandu",
                                       "云南省昆明市官渡区关上街道春城路218号", "0871-63312345", "李明华", 80))
    _facts(ctx, "官民养备〔2019〕7号")

    def worker(name, seq, care_start):
        return cw.add_worker(ctx, cw.WorkerInput(name, make_id_number("530111", D(1976, 4, 2), seq), "13908711234",
                                                 care_start)).ids[0]

    ids = {}
    a = ids["赵敏"] = worker("赵敏", 24, D(2012, 3, 1))  # 高级: 150 × 6
    cw.add_certificate(ctx, a, "高级", "GJ5301110012", D(2018, 1, 5))
    cw.add_contract(ctx, a, D(2024, 1, 1), D(2026, 12, 31))
    cw.record_insurance(ctx, a, "2026-01~2026-06")
    b = ids["钱伟"] = worker("钱伟", 13, D(2024, 9, 1))  # no certificate, trained, 1+ years: 50 × 4 (May, June uninsured)
    cw.add_training(ctx, b, D(2024, 8, 20), "养老护理员岗前培训")
    cw.add_contract(ctx, b, D(2024, 9, 1), None)
    cw.record_insurance(ctx, b, "2026-01~2026-04")
    c = ids["孙丽"] = worker("孙丽", 26, D(2020, 5, 1))  # 初级 but a 6-month contract: nothing
    cw.add_certificate(ctx, c, "初级", "CJ5301110459", D(2021, 1, 10))
    cw.add_contract(ctx, c, D(2026, 3, 10), D(2026, 8, 31))
    cw.record_insurance(ctx, c, "2026-03~2026-06")
    d = ids["李秀英"] = worker("李秀英", 28, D(2016, 7, 1))  # 中级 from 2026-03 (初级 before): 50 × 2 + 100 × 4
    cw.add_certificate(ctx, d, "初级", "CJ5301110100", D(2017, 5, 1))
    cw.add_certificate(ctx, d, "中级", "ZJ5301110777", D(2026, 3, 1))
    cw.add_contract(ctx, d, D(2023, 7, 1), D(2026, 6, 30))
    cw.record_insurance(ctx, d, "2026-01~2026-06")
    e = ids["周强"] = worker("周强", 17, D(2025, 10, 1))  # untrained, < 1 year: nothing
    cw.add_contract(ctx, e, D(2025, 10, 1), D(2027, 9, 30))
    cw.record_insurance(ctx, e, "2026-01~2026-06")
    return ids


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """The text without any whitespace (lines wrap anywhere in a cell)."""
    return re.sub(r"\s+", "", text)


def fonts_of(data: bytes) -> set[str]:
    out = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for f in page["/Resources"]["/Font"].values():
            f = f.get_object()
            out.add(str(f["/BaseFont"]))
            for d in f.get("/DescendantFonts", []):
                desc = d.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in desc, f"{f['/BaseFont']} is not embedded"
    return out


@pytest.fixture
def yubei_claim(ctx, centre_ready):
    build_yubei(ctx, centre_ready)
    return subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]


@pytest.fixture
def guandu_claim(ctx):
    build_guandu(ctx)
    return subsidies.create_claim(ctx, "gd-care-worker", "2026-01", "2026-06").ids[0]


def test_yubei_draft_has_every_part_figures_and_marks(ctx, yubei_claim):
    form = subsidy_documents.claim_form(ctx, yubei_claim)
    r = form.result
    # 张三 6 + 欧阳秀兰 6 + 赵六 3 + 王五 1 = 16 resident-months
    assert (r.total_fen, r.centre_fen, r.resident_fen) == (16 * 300_00, 16 * 100_00, 16 * 200_00)
    data = claim_pdf(form)
    reader = PdfReader(io.BytesIO(data))
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    assert len(pages) >= 3
    for part in ("申请表", "入住老人花名册", "补贴资金汇总表", "申报材料附件清单", *("县（市、区）民政·财政审核意见",
                                                                          "市民政·财政审核意见")):
        assert part in text, part
    # the centre's facts
    for fact in ("阳光社区养老服务中心", "民办非营利", "2019-06-18", "渝北民养备字〔2019〕第018号", CREDIT, "陈建国",
                 "023-67801234", "60 张", "渝北府办发〔2018〕40号"):
        assert fact in text, fact
    # totals and 大写
    assert "¥4,800.00" in text and "肆仟捌佰元整" in text and "¥1,600.00" in text and "¥3,200.00" in text
    # every page: claim number and the draft mark; page numbers
    for i, p in enumerate(pages, start=1):
        assert "BT2026-0001" in p and "草稿—未提交" in p
        assert f"第 {i} 页 / 共" in p
    # the roster: a failing check with its evidence (the mark first), months merged into one line;
    # a check every row passes is printed once above the roster
    assert "✘户籍重庆市江北区（要求渝北区）" in flat(text)
    assert "✘在院天数2026-0410天（要求≥15天）" in flat(text)  # 赵六 left on 04-10
    assert "各行均符合：机构性质（社会办）民办非营利✔" in flat(text)
    assert "□" in text and "老人补贴领取签字表" in text
    # landscape roster page
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert (842, 595) in sizes and sizes[0] == (595, 842)
    assert all("WenQuanYi" in f for f in fonts_of(data))


def test_every_printed_character_is_in_the_embedded_font(ctx, yubei_claim):
    P.register_font()
    cmap = P.pdfmetrics.getFont(P.FONT_NAME).face.charToGlyph
    texts = [text_of(claim_pdf(subsidy_documents.claim_form(ctx, yubei_claim)))]
    build_guandu(ctx)  # the same centre moves to Guandu's profile
    cid = subsidies.create_claim(ctx, "gd-care-worker", "2026-01", "2026-06").ids[0]
    texts.append(text_of(claim_pdf(subsidy_documents.claim_form(ctx, cid))))
    for text in texts:
        missing = {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
        assert not missing, missing


def test_guandu_worker_roster_checks_and_amounts(ctx, guandu_claim):
    form = subsidy_documents.claim_form(ctx, guandu_claim)
    rows = {r.name: r.amount_fen for r in form.result.rows}
    assert rows == {"赵敏": 900_00, "钱伟": 200_00, "孙丽": 0, "李秀英": 500_00, "周强": 0}
    text = text_of(claim_pdf(form))
    assert "护理员花名册" in text and "GJ5301110012" in text and "¥1,600.00" in text and "壹仟陆佰元整" in text
    assert "✘社保2026-05—06未缴（要求是）" in flat(text)
    assert "✘劳动合同2026-03—062026-03-10—2026-08-31（0.47年）（要求≥1年）" in flat(text)
    assert "高级GJ5301110012" in flat(text)
    assert "区财政" in text


def test_submitted_claim_has_no_draft_mark_and_shows_the_approval(ctx, clock, yubei_claim):
    subsidies.submit(ctx, yubei_claim)
    subsidies.approve(ctx, yubei_claim, 4500_00, clock.day, "赵六4月核减")
    text = text_of(claim_pdf(subsidy_documents.claim_form(ctx, yubei_claim)))
    assert "草稿" not in text and "状态：已批准" in text and "申请时间" in text and "2026-11-25" in text
    assert "批准金额 ¥4,500.00" in text and "赵六4月核减" in text


def test_service_writes_audited_files_and_honours_abort(ctx, yubei_claim, tmp_path):
    from eldercare_desktop.services import audit

    w = subsidy_documents.claim_pdf(ctx, yubei_claim, tmp_path / "claim.pdf")
    assert w.path.read_bytes().startswith(b"%PDF") and w.rows == 5
    assert any(e.action == "打印补贴申报材料" for e in audit.list_entries(ctx))

    class Stop:
        def is_set(self):
            return True

    with pytest.raises(P.Cancelled):
        subsidy_documents.claim_pdf(ctx, yubei_claim, tmp_path / "x.pdf", abort=Stop())
    assert not (tmp_path / "x.pdf").exists()


def synthetic_form(n_rows: int, months: tuple[str, ...], status: str = "已提交"):
    """A hand-built claim: ``n_rows`` workers over ``months`` (long check lists)."""
    from decimal import Decimal

    from eldercare_desktop.documents.subsidy_form import ClaimForm
    from eldercare_desktop.domain.subsidy_records import Check, ClaimResult, LayerAmount, LayerTotal, RowResult

    rows = []
    for i in range(n_rows):
        counted = months[: i % (len(months) + 1)]
        fails = tuple(Check("社保", "未缴", False, "是", m) for m in months[len(counted):])
        layer = LayerAmount("护理员补助", "centre", (("区财政", Decimal(1)),), 100_00 * len(counted),
                            f"{len(counted)} 个月 × ¥100.00", counted)
        info = {"姓名": f"护理员{i}", "性别": "女", "身份证号": f"5301111976040201{i:02d}", "资格证书": "中级 ZJ0001",
                "劳动合同": "2020-01-01起", "社保": "x", "护理年限": "2010-01-01起 16.00 年"}
        rows.append(RowResult(f"worker:{i}", f"护理员{i}", info,
                              (Check("劳动合同", "2020-01-01起无固定期限", True),) + fails, (layer,)))
    total = sum(r.amount_fen for r in rows)
    res = ClaimResult("gd-care-worker", "养老护理员补助", "护理员岗位补贴", months[0], months[-1], months, tuple(rows),
                      (LayerTotal("护理员补助", "centre", total, None, 0, total),), (("区财政", total),))
    return ClaimForm("BT2026-0009", status, "gd-care-worker", "养老护理员补助", "护理员岗位补贴", "worker",
                     f"{months[0]}—{months[-1]}", "", CentreInfo("某养老院", "", "营利", "kunming-guandu"), res,
                     D(2026, 11, 25))


def test_long_rosters_span_pages_with_their_header_and_cross_year_months():
    months = tuple(f"2025-{m:02d}" for m in range(7, 13)) + tuple(f"2026-{m:02d}" for m in range(1, 7))
    form = synthetic_form(80, months)
    reader = PdfReader(io.BytesIO(claim_pdf(form)))
    pages = [p.extract_text() for p in reader.pages]
    roster = [p for p in pages if "核查情况" in p]
    assert len(roster) > 3 and all("序号" in flat(p) and "签字" in p for p in roster)  # the header repeats
    assert "2025年" in flat(pages[0]) and "12月" in pages[0] and "2026年" in flat(pages[0])
    assert "未提交" not in "".join(pages)
    assert flat(yuan_of(form.result.total_fen)) in flat(pages[-1] + pages[-2])


def yuan_of(fen: int) -> str:
    from eldercare_desktop.domain.money import format_yuan

    return format_yuan(fen)


def test_a_claim_without_rows_still_prints():
    form = synthetic_form(0, ("2026-01",), status="草稿")
    text = text_of(claim_pdf(form))
    assert "没有符合条件的对象" in text and "草稿—未提交" in text and "¥0.00" in text
    assert "不符合条件名单" not in text  # nobody was left out


def _sections(data: bytes) -> dict[str, str]:
    """The PDF's text by part: 申请表, 花名册, 不符合条件名单, 汇总表 (a part runs to the next one's title)."""
    titles = {"花名册": "花名册", "不符合条件名单": "不符合条件名单\n", "汇总表": "补贴资金汇总表"}
    out: dict[str, list[str]] = {"申请表": []}
    part = "申请表"
    for page in PdfReader(io.BytesIO(data)).pages:
        text = page.extract_text()
        for name, title in titles.items():
            if title in text and name not in out:
                part = name
                out[part] = []
        out[part].append(text)
    return {k: "\n".join(v) for k, v in out.items()}


def test_the_roster_lists_the_claimed_rows_and_the_left_out_their_reasons(ctx, yubei_claim):
    """李四 (江北区) is ¥0: not on the 花名册 (numbered 1..4, totals = the
    claim), but on the 不符合条件名单 after it, with his ID number and why."""
    form = subsidy_documents.claim_form(ctx, yubei_claim)
    li = next(r for r in form.result.rows if r.name == "李四")
    parts = _sections(claim_pdf(form))
    assert list(parts) == ["申请表", "花名册", "不符合条件名单", "汇总表"]
    roster, left = flat(parts["花名册"]), flat(parts["不符合条件名单"])
    assert "李四" not in roster and all(n in roster for n in ("张三", "王五", "赵六", "欧阳秀兰"))
    assert "符合条件4人；另有1人不符合条件，见不符合条件名单" in roster
    assert "¥1,600.00¥3,200.00¥4,800.00" in roster  # the totals row: the claim's layers and total
    assert "李四" in left and li.info["身份证号"] in left and "✘户籍重庆市江北区（要求渝北区）" in left
    assert "以下1人未计入本次申请" in left and "张三" not in left
    # 年龄 on the period's end under 出生日期, 联系电话
    assert "1940-03-05（86岁）" in roster and "1946-07-01（79岁）" in roster and "13912345678" in roster
    # one rate for every row: said once above the roster, not on every row
    assert "各行计算：机构服务补贴=计补贴月数×¥100.00；老人服务补贴=计补贴月数×¥200.00" in roster
    assert "计算：" not in roster.replace("各行计算：", "")


def test_the_application_has_area_staff_residents_and_how_each_amount_was_reached(ctx, yubei_claim):
    text = flat(_sections(claim_pdf(subsidy_documents.claim_form(ctx, yubei_claim)))["申请表"])
    assert "建筑面积未登记" in text and "职工情况（人）未登记" in text
    assert "入住老人类型（人）总数5特困老年人1其他（自费）4" in text
    assert "754" not in text and "16人次×¥100.00¥1,600.00" in text and "16人次×¥200.00¥3,200.00" in text
    for key, value in (("building_area_m2", "12000"), ("staff_managers", "3"), ("staff_service", "12"),
                       ("staff_other", "2")):
        subsidy_facts.record_fact(ctx, key, value, D(2019, 6, 18))
    text = flat(_sections(claim_pdf(subsidy_documents.claim_form(ctx, yubei_claim)))["申请表"])
    assert "建筑面积12,000m²核定床位60张" in text
    assert "职工情况（人）总数17管理人员3服务人员12其他人员2" in text


def test_the_signature_line_never_stands_alone_on_a_page():
    """Whatever the roster's length, the 制表人 / 审核人 / 盖章 line is on
    the page of the table's last rows and totals, never alone on the next."""
    months = tuple(f"2026-{m:02d}" for m in range(1, 7))
    for n in range(8, 40):
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(claim_pdf(synthetic_form(n, months)))).pages]
        (signed,) = [p for p in pages if "制表人" in p]
        assert "序号" in flat(signed) and "核查情况" in signed, n  # the table's end is on the page
