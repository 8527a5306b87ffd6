"""The assessment report PDF: built from a hand-made GB/T 42195-2022 detail
(26 items, dementia adjustment applied, correcting an earlier assessment);
its text is read back and its font checked for embedding."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from eldercare_desktop.documents.assessment_report import render_assessment_report
from eldercare_desktop.domain.records import AssessmentDetail

PRINTED = dt.date(2026, 11, 25)

G4 = {4: "独立完成，不需要协助", 3: "在他人指导或提示下完成", 2: "需要他人协助，但以自身完成为主",
      1: "主要依靠他人协助，自身能给予配合", 0: "完全依赖他人协助，且不能给予配合"}
STAIRS = {1: "需要他人协助，但以自身完成为主"}
SEEN_ONCE = {1: "未出现", 0: "近一个月内出现过负性情绪"}
AWAKE = {2: "神志清醒，对周围环境能作出正确反应"}
SIGHT = {1: "能看清楚大字体，但看不清书报上的标准字体；视力有限，看不清报纸大标题，但能辨认物体"}
HEARING = {1: "在轻声说话或说话距离超过2米时听不清；正常交流有些困难，需在安静的环境或大声说话才能听到"}
TRANSPORT = {1: "当有人协助或陪伴，可搭乘公共交通工具外出"}

S1, S2, S3, S4 = "自理能力", "基础运动能力", "精神状态", "感知觉与社会参与"
# (section, code, name, score, max, wording): the hand-scored form
ITEMS = (
    (S1, "B.1.1", "进食", 3, 4, G4[3]),
    (S1, "B.1.2", "修饰", 2, 4, G4[2]),
    (S1, "B.1.3", "洗澡", 1, 4, G4[1]),
    (S1, "B.1.4", "穿/脱上衣", 2, 4, G4[2]),
    (S1, "B.1.5", "穿/脱裤子和鞋袜", 2, 4, G4[2]),
    (S1, "B.1.6", "小便控制", 2, 4, G4[2]),
    (S1, "B.1.7", "大便控制", 3, 4, G4[3]),
    (S1, "B.1.8", "如厕", 2, 4, G4[2]),
    (S2, "B.2.1", "床上体位转移", 3, 4, G4[3]),
    (S2, "B.2.2", "床椅转移", 2, 4, G4[2]),
    (S2, "B.2.3", "平地行走", 2, 4, G4[2]),
    (S2, "B.2.4", "上下楼梯", 1, 3, STAIRS[1]),
    (S3, "B.3.1", "时间定向", 1, 4, G4[1]),
    (S3, "B.3.2", "空间定向", 2, 4, G4[2]),
    (S3, "B.3.3", "人物定向", 3, 4, G4[3]),
    (S3, "B.3.4", "记忆", 1, 4, G4[1]),
    (S3, "B.3.5", "理解能力", 2, 4, G4[2]),
    (S3, "B.3.6", "表达能力", 3, 4, G4[3]),
    (S3, "B.3.7", "攻击行为", 1, 1, SEEN_ONCE[1]),
    (S3, "B.3.8", "抑郁症状", 0, 1, SEEN_ONCE[0]),
    (S3, "B.3.9", "意识水平", 2, 2, AWAKE[2]),
    (S4, "B.4.1", "视力", 1, 2, SIGHT[1]),
    (S4, "B.4.2", "听力", 1, 2, HEARING[1]),
    (S4, "B.4.3", "执行日常事务", 1, 4, G4[1]),
    (S4, "B.4.4", "使用交通工具外出", 1, 3, TRANSPORT[1]),
    (S4, "B.4.5", "社会交往能力", 2, 4, G4[2]),
)
SECTIONS = (
    ("B.1", S1, 17, 32, ""),
    ("B.2", S2, 8, 15, ""),
    ("B.3", S3, 15, 28, ""),
    ("B.4", S4, 6, 15, ""),
)
DEMENTIA = ("确诊为痴呆（F00-F03）或经精神科医师确诊的其他精神和行为障碍（F04-F99），"
            "能力等级提高一级（F01.1）")
EVENTS = ("近30天内发生过2次及以上照护风险事件（跌倒、噎食、自杀/自伤、走失等），"
          "能力等级提高一级（共2次）；与上一条合计只提高一级")


def gbt_detail(**changes) -> AssessmentDetail:
    d = AssessmentDetail(
        id=42, number="PG-2026-0042", instrument_code="GB/T 42195-2022", instrument_name="老年人能力评估规范",
        resident_id=7, resident_name="曾秀英", resident_gender="女", resident_id_number="50011219400305012X",
        resident_birth_date=dt.date(1940, 3, 5), resident_bed="A101-1", base_date=dt.date(2026, 11, 20),
        reason="复评", assessor1="李晓梅", assessor2="王建国", informant_name="张小三", informant_relation="儿子",
        diagnoses=("F01.1", "I10"), diagnosis_names=("痴呆", "高血压"),
        medications="多奈哌齐 5mg 每晚一次；氨氯地平 5mg 每日一次",
        risk_events=(("跌倒", 1), ("噎食", 0), ("自杀、自伤", 0), ("走失", 1), ("其他", 0)),
        health=(("压力性损伤", "无"), ("吞咽困难", "偶有呛咳"), ("BMI", "19.6"), ("昏迷", "否")),
        coma=False, items=ITEMS, sections=SECTIONS, total=46, max_total=90,
        preliminary_grade=2, preliminary_name="能力中度受损（中度失能）",
        final_grade=3, grade_name="能力重度受损（重度失能）",
        adjustments=(DEMENTIA, EVENTS), care_level="介护三级",
        notes="家属对首次评估的等级提出异议，申请复评。", supersedes_number="PG-2026-0031",
        superseded_by_number="", centre_name="阳光社区养老服务中心", created_by="李晓梅",
        created_at=dt.datetime(2026, 11, 20, 15, 42),
    )
    return dataclasses.replace(d, **changes) if changes else d


def test_fixture_is_consistent():
    assert len(ITEMS) == 26
    for code, name, total, maximum, _ in SECTIONS:
        rows = [i for i in ITEMS if i[0] == name]
        assert sum(i[3] for i in rows) == total and sum(i[4] for i in rows) == maximum, code
    assert sum(s[2] for s in SECTIONS) == 46 and sum(s[3] for s in SECTIONS) == 90


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_assessment_report(gbt_detail(), PRINTED)


def _text(data: bytes) -> str:
    """Page text with whitespace removed (CJK extraction spaces glyphs unevenly)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def test_is_a_two_page_a4_pdf(pdf):
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_text_has_every_figure(pdf):
    text = _text(pdf)
    d = gbt_detail()
    for needle in ("老年人能力评估报告", "阳光社区养老服务中心", d.resident_name, d.number, d.resident_id_number,
                   "2026-11-20", "复评", "GB/T42195-2022", "张小三", "儿子", "李晓梅", "王建国",
                   "F01.1", "I10", "痴呆", "多奈哌齐", "跌倒1次", "走失1次", "合计2次", "偶有呛咳", "A101-1"):
        assert needle in text, needle
    for code, name, total, maximum, _ in d.sections:
        assert f"{name}小计{total}{maximum}" in text, name
    for _, code, name, score, maximum, option in d.items:
        assert f"{code}{name}" in text, code
        assert re.sub(r"\s+", "", option) in text, code
    assert "评估总分4690" in text
    assert "46分（满分90分）" in text
    assert "2级能力中度受损（中度失能）" in text
    assert "3级能力重度受损（重度失能）" in text
    assert "介护三级" in text
    for reason in d.adjustments:
        assert re.sub(r"\s+", "", reason) in text, reason
    assert "PG-2026-0031" in text  # the assessment it corrects
    assert "家属对首次评估的等级提出异议" in text


def test_footer_numbers_pages_and_prints_the_given_date(pdf):
    text = _text(pdf)
    assert "第1页/共2页" in text and "第2页/共2页" in text
    assert "打印日期：2026-11-25" in text
    assert "评估编号：PG-2026-0042" in text


def test_signature_lines_for_both_assessors_and_the_informant(pdf):
    text = _text(pdf)
    for label in ("评估员1（签名）", "评估员2（签名）", "信息提供者（签名）"):
        assert label in text
    assert text.count("日期：") >= 3
    assert "张小三（儿子）" in text


def test_superseded_report_says_so():
    text = _text(render_assessment_report(gbt_detail(superseded_by_number="PG-2026-0050"), PRINTED))
    assert "本评估已被评估编号PG-2026-0050更正" in text


def test_no_adjustment_prints_none():
    d = gbt_detail(adjustments=(), final_grade=2, grade_name="能力中度受损（中度失能）", supersedes_number="",
                   notes="", diagnoses=(), diagnosis_names=(), risk_events=())
    text = _text(render_assessment_report(d, PRINTED))
    assert "等级变更依据无" in text
    assert "更正说明" not in text


def test_text_is_escaped_not_markup():
    d = gbt_detail(notes="血压<140/90> & 心率正常")
    assert "血压<140/90>&心率正常" in _text(render_assessment_report(d, PRINTED))


def test_same_input_same_bytes(pdf):
    assert render_assessment_report(gbt_detail(), PRINTED) == pdf


def test_every_font_is_embedded_truetype(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        res = page["/Resources"]
        for obj in _font_dicts(res):
            fonts[obj["/BaseFont"]] = obj
    assert fonts, "no font resources"
    for name, font in fonts.items():
        desc = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else None
        if desc is None and "/DescendantFonts" in font:
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert desc is not None and "/FontFile2" in desc, name
        assert "MicroHei" in name, name


def _font_dicts(res):
    res = res.get_object()
    for f in res.get("/Font", {}).values():
        yield f.get_object()
    for x in res.get("/XObject", {}).values():  # the page-total forms carry fonts too
        x = x.get_object()
        if "/Resources" in x:
            yield from _font_dicts(x["/Resources"])


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_embedded(pdf, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        # name type [encoding] emb sub uni object ID: emb is the 5th from the end
        assert cols[-5] == "yes", row


def test_mzt_instrument_with_section_grades():
    items = tuple(("日常生活活动", f"B.1.{i}", f"项目{i}", 10, 10, "独立完成") for i in range(1, 11))
    d = gbt_detail(
        instrument_code="MZ/T 039-2013", instrument_name="老年人能力评估", items=items,
        sections=(("adl", "日常生活活动", 100, 100, "能力完好"),), total=100, max_total=100,
        preliminary_grade=0, preliminary_name="能力完好", final_grade=1, grade_name="轻度失能",
        adjustments=(DEMENTIA,), care_level="介护一级",
    )
    text = _text(render_assessment_report(d, PRINTED))
    assert "日常生活活动小计（能力完好）100100" in text
    assert "1级轻度失能" in text


def test_records_in_one_pdf_number_their_own_pages():
    """pdf.RecordStart: a batch of reports numbers each report's pages (第 X 页 / 共 2 页)
    and shows each report's reference in the footer."""
    from eldercare_desktop.documents import assessment_report, pdf as P

    seen = []
    story: list = []
    for i, number in enumerate(("PG-2026-0042", "PG-2026-0043")):
        if i:
            story.append(P.PageBreak())
        story.append(P.RecordStart(number, reference=f"评估编号：{number}", progress=(i / 2, number)))
        story += assessment_report.story(gbt_detail(number=number))
    info = P.PageInfo("阳光社区养老服务中心", "老年人能力评估报告", PRINTED)
    data = P.pdf_bytes(story, info, progress=lambda f, m: seen.append((f, m)))
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]
    assert len(pages) == 4
    assert ["第1页/共2页" in pages[0], "第2页/共2页" in pages[1], "第1页/共2页" in pages[2]] == [True] * 3
    assert "评估编号：PG-2026-0042" in pages[1] and "评估编号：PG-2026-0043" in pages[2]
    assert seen == [(0.0, "PG-2026-0042"), (0.5, "PG-2026-0043"), (1.0, "文档已生成")]


def test_abort_stops_a_pdf():
    import threading

    from eldercare_desktop.documents import assessment_report, pdf as P

    stop = threading.Event()
    stop.set()
    with pytest.raises(P.Cancelled):
        P.pdf_bytes(assessment_report.story(gbt_detail()), P.PageInfo("c", "t", PRINTED), abort=stop)
