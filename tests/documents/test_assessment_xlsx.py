"""The assessments XLSX: text ID numbers, real dates, frozen header, item
sheets per instrument, and a summary whose counts equal the rows."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import threading

import openpyxl
import pytest

from eldercare_desktop.documents.assessment_xlsx import write_assessments_xlsx
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.records import AssessmentSummary

from .test_assessment_report import gbt_detail

PERIOD = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
CENTRE = "阳光社区养老服务中心"

OLD = gbt_detail(id=31, number="PG-2026-0031", reason="首次评估", base_date=dt.date(2026, 11, 3),
                 supersedes_number="", superseded_by_number="PG-2026-0042", final_grade=2,
                 grade_name="能力中度受损（中度失能）", adjustments=(), care_level="介护二级")
NEW = gbt_detail()  # 0042, corrects 0031, grade 3
OTHER = gbt_detail(id=43, number="PG-2026-0043", resident_id=8, resident_name="单国华", resident_gender="男",
                   resident_id_number="500112193811200017", base_date=dt.date(2026, 11, 21), reason="常规评估",
                   supersedes_number="", final_grade=3, grade_name="能力重度受损（重度失能）")
MZT = gbt_detail(
    id=44, number="PG-2026-0044", resident_id=9, resident_name="钱桂兰", resident_id_number="500112194207080023",
    instrument_code="MZ/T 039-2013", instrument_name="老年人能力评估", supersedes_number="",
    items=tuple(("日常生活活动", f"B.1.{i}", f"ADL项目{i}", 10, 10, "独立") for i in range(1, 11)),
    sections=(("adl", "日常生活活动", 100, 100, "能力完好"),), total=100, max_total=100,
    preliminary_grade=0, preliminary_name="能力完好", final_grade=1, grade_name="轻度失能", care_level="介护一级",
)
DETAILS = [OLD, NEW, OTHER, MZT]


def _write(rows) -> openpyxl.Workbook:
    buf = io.BytesIO()
    n = write_assessments_xlsx(rows, buf, PERIOD, CENTRE)
    assert n == len(rows)
    buf.seek(0)
    return openpyxl.load_workbook(buf)


def _header(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[3] if c.value}


def _data_rows(ws):
    out = []
    for r in range(4, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            break
        out.append(r)
    return out


def test_title_header_and_frozen_pane():
    ws = _write(DETAILS)["评估汇总"]
    assert CENTRE in ws["A1"].value
    assert "2026-11-01 至 2026-11-30" in ws["A2"].value
    assert list(_header(ws)) == ["评估编号", "住户", "身份证号", "评估日期", "原因", "评估工具", "总分", "初步等级",
                                 "最终等级", "等级名称", "照护等级", "评估员", "被更正/更正"]
    assert ws.freeze_panes == "C4"
    assert ws.auto_filter.ref == "A3:M7"


def test_rows_have_text_ids_real_dates_and_numbers():
    ws = _write(DETAILS)["评估汇总"]
    h = _header(ws)
    rows = _data_rows(ws)
    assert len(rows) == len(DETAILS)
    for r, d in zip(rows, DETAILS):
        id_cell = ws.cell(r, h["身份证号"])
        assert id_cell.value == d.resident_id_number and id_cell.data_type == "s"
        assert id_cell.number_format == "@"
        date_cell = ws.cell(r, h["评估日期"])
        assert date_cell.is_date and date_cell.value.date() == d.base_date
        assert date_cell.number_format == "yyyy-mm-dd"
        assert ws.cell(r, h["总分"]).value == d.total and ws.cell(r, h["总分"]).data_type == "n"
        assert ws.cell(r, h["最终等级"]).value == d.final_grade
        assert ws.cell(r, h["等级名称"]).value == d.grade_name
        assert ws.cell(r, h["评估员"]).value == "李晓梅、王建国"
    assert ws.cell(rows[1], h["身份证号"]).value.endswith("X")
    assert ws.cell(rows[0], h["被更正/更正"]).value == "已被PG-2026-0042更正"
    assert ws.cell(rows[1], h["被更正/更正"]).value == "更正PG-2026-0031"
    assert ws.cell(rows[2], h["被更正/更正"]).value is None
    assert ws.cell(rows[3], h["评估工具"]).value == "MZ/T 039-2013"


def test_summary_counts_equal_the_rows():
    ws = _write(DETAILS)["评估汇总"]
    rows = _data_rows(ws)
    r = rows[-1] + 2
    assert ws.cell(r, 1).value == "合计" and ws.cell(r, 2).value == "评估次数"
    assert ws.cell(r, 3).value == len(rows) == 4
    assert ws.cell(r, 4).value == "其中已被更正 1 次"
    assert [ws.cell(r + 1, c).value for c in (2, 3, 4)] == ["按最终等级", "全部", "不含已被更正"]
    per_grade = {}
    rr = r + 2
    while ws.cell(rr, 2).value:
        per_grade[ws.cell(rr, 2).value] = (ws.cell(rr, 3).value, ws.cell(rr, 4).value)
        rr += 1
    assert per_grade == {
        "1级 轻度失能": (1, 1),
        "2级 能力中度受损（中度失能）": (1, 0),
        "3级 能力重度受损（重度失能）": (2, 2),
    }
    assert sum(a for a, _ in per_grade.values()) == len(rows)
    assert sum(b for _, b in per_grade.values()) == len(rows) - 1


def test_item_sheet_per_instrument_one_column_per_item():
    wb = _write(DETAILS)
    assert wb.sheetnames == ["评估汇总", "项目得分 GBT 42195-2022", "项目得分 MZT 039-2013"]
    ws = wb["项目得分 GBT 42195-2022"]
    assert ws.freeze_panes == "D4"
    heads = [c.value for c in ws[3]]
    assert heads[:3] == ["评估编号", "住户", "评估日期"]
    item_heads = [h for h in heads[3:] if h.count(".") == 2]
    assert [h.split("\n")[0] for h in item_heads] == [it[1] for it in NEW.items]
    assert len(item_heads) == 26
    assert heads[-2:] == ["总分", "最终等级"]
    row = [c.value for c in ws[5]]  # NEW is the second GB/T row
    assert row[0] == "PG-2026-0042" and row[2].date() == NEW.base_date
    assert row[3:29] == [it[3] for it in NEW.items]
    assert row[29:33] == [17, 8, 15, 6]
    assert row[-2:] == [46, 3]
    assert ws.max_row == 6  # three GB/T assessments
    mz = wb["项目得分 MZT 039-2013"]
    assert [c.value for c in mz[4]][-2:] == [100, 1]


def test_summaries_are_accepted_without_id_numbers():
    summaries = [
        AssessmentSummary(d.id, d.number, d.resident_id, d.resident_name, d.instrument_code, d.base_date, d.reason,
                          d.total, d.preliminary_grade, d.final_grade, d.grade_name, d.care_level,
                          (d.assessor1, d.assessor2), 31 if d is NEW else None, 42 if d is OLD else None)
        for d in DETAILS
    ]
    wb = _write(summaries)
    assert wb.sheetnames == ["评估汇总"]
    ws = wb["评估汇总"]
    h = _header(ws)
    assert "身份证号" not in h
    rows = _data_rows(ws)
    assert ws.cell(rows[0], h["被更正/更正"]).value == "已被PG-2026-0042更正"
    assert ws.cell(rows[1], h["被更正/更正"]).value == "更正PG-2026-0031"
    assert ws.cell(rows[-1] + 2, 3).value == 4


def test_empty_period_still_writes_header_and_zero_count():
    ws = _write([])["评估汇总"]
    assert ws["A3"].value == "评估编号"
    assert ws["A5"].value == "合计" and ws["C5"].value == 0


def test_abort_and_progress(tmp_path):
    many = [dataclasses.replace(NEW, id=1000 + i, number=f"PG-2026-{1000 + i}", superseded_by_number="")
            for i in range(450)]
    seen = []
    path = tmp_path / "a.xlsx"
    assert write_assessments_xlsx(many, path, PERIOD, CENTRE, progress=lambda f, m: seen.append(f)) == 450
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    stop = threading.Event()
    stop.set()
    with pytest.raises(RuleViolation):
        write_assessments_xlsx(many, io.BytesIO(), PERIOD, CENTRE, abort=stop)
