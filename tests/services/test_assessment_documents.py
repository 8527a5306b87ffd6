"""The saved assessment, printed: the report's text carries the saved figures;
the export carries every assessment of the period."""
import datetime as dt
import subprocess

import openpyxl
import pytest
from pypdf import PdfReader

from eldercare_desktop.services import assessments as svc
from eldercare_desktop.services import audit
from eldercare_desktop.services.audit import AuditFilter
from tests.services.test_assessments import CODES, FULL, form

D = dt.date


@pytest.fixture
def saved(ctx, admitted):
    scores = list(FULL)
    scores[CODES.index("B.1.3")] = 1  # 洗澡 4 → 1: total 87
    ch = svc.save_assessment(ctx, form(admitted, scores=scores, diagnoses=("F01.1", "I10"),
                                       risk_events={"fall": 1, "choking": 1}))
    return ch.ids[0]


def test_report_text_has_the_saved_figures(ctx, saved, tmp_path):
    out = svc.report_pdf(ctx, saved, tmp_path / "report.pdf")
    d = svc.get_detail(ctx, saved)
    assert (d.total, d.preliminary_grade, d.final_grade) == (87, 1, 2)  # 87 → 1, dementia +1 (events: one in total)
    text = "".join(p.extract_text() for p in PdfReader(out.path).pages)
    compact = text.replace(" ", "").replace("\n", "")
    for needle in (d.number, "张三", "500112194003050132", "29", "87", d.grade_name, d.preliminary_name, "介护二级",
                   "F01.1", "李评估", "王评估", "张小三"):
        assert needle.replace(" ", "") in compact, needle
    for reason in d.adjustments:
        assert reason[:20].replace(" ", "") in compact
    # printed documents are audited with their SHA-256
    e = audit.list_entries(ctx, AuditFilter(entity="assessment"))[0]
    assert e.action == "打印评估报告" and out.sha256 in e.after


def test_report_font_is_embedded(ctx, saved, tmp_path):
    out = svc.report_pdf(ctx, saved, tmp_path / "report.pdf")
    try:
        fonts = subprocess.run(["pdffonts", str(out.path)], capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        pytest.skip("poppler-utils (pdffonts) not installed")
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in r for r in rows), fonts


def test_export_has_every_assessment_of_the_period(ctx, saved, admitted, tmp_path):
    svc.save_assessment(ctx, form(admitted, base_date=D(2026, 7, 10), reason="常规评估"))
    out = svc.export_xlsx(ctx, tmp_path / "a.xlsx", D(2026, 1, 1), D(2026, 6, 30))
    assert out.rows == len(svc.list_assessments(ctx, D(2026, 1, 1), D(2026, 6, 30))) == 1
    ws = openpyxl.load_workbook(out.path).worksheets[0]
    ids = [c for row in ws.iter_rows() for c in row if c.value == "500112194003050132"]
    assert ids and ids[0].data_type == "s"
