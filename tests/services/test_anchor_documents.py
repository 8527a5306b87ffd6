"""Month-close and disclosure documents print the audit chain's anchor
(sequence number, hash and keyed signature) that ``audit verify --anchor`` checks."""
from __future__ import annotations

import subprocess

import openpyxl
import pytest

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import anchor, disclosure, integrity, report_documents
from tests.scenarios.test_annual_books import first_year


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("poppler-utils (pdftotext) not installed")
    return out.stdout


def _token(text: str) -> str:
    line = next(ln for ln in text.splitlines() if "审计链锚点：" in ln)
    return line.split("审计链锚点：")[1].split("（")[0].strip()


def test_trial_balance_and_disclosure_carry_a_verifiable_anchor(app, clock, ctx, acc, centre_ready, tmp_path):
    first_year(app, clock, ctx, acc, centre_ready)
    head = anchor.current(app)
    report_documents.trial_balance_pdf(acc, 2025, tmp_path / "tb.pdf")
    token = _token(_pdf_text(tmp_path / "tb.pdf"))
    # the head when printed: its seq, the first 16 hex of that row's hash, and the signature
    assert token == head.token and token.startswith(f"{head.seq}-{head.hash[:16]}-")
    assert integrity.verify(app, [anchor.parse(token)], local=False).ok

    disclosure.save_report(acc, 2025, "一、基本情况", 12)
    disclosure.write_package(acc, 2025, tmp_path / "d.pdf", tmp_path / "d.xlsx")
    pdf_token = _token(_pdf_text(tmp_path / "d.pdf"))
    assert anchor.parse(pdf_token).seq > head.seq  # printed later: the trail has grown since
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["基本情况"]
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "审计链锚点" in c.value]
    # the workbook is written after the PDF, whose print is itself one more audit row
    assert cells and anchor.parse(_token(cells[0])).seq == anchor.parse(pdf_token).seq + 1
    assert "审计链锚点" in ws.oddFooter.left.text
