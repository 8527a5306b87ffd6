"""The receipt PDF (收款收据): built from a hand-made detail; its text is read
back, its page size and font embedding checked, a voided one carries 作废."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from eldercare_desktop.documents.receipt_pdf import render_receipt
from eldercare_desktop.domain.money import to_chinese_upper
from eldercare_desktop.domain.payment_records import PaidItem, ReceiptDetail

PRINTED = dt.date(2026, 4, 5)

DETAIL = ReceiptDetail(
    centre_name="阳光社区养老服务中心", id=1, number="SJ2026-000001", day=dt.date(2026, 4, 5), resident_id=1,
    resident_name="张三", method="银行转账", reference="4200001", amount_fen=400000,
    amount_upper=to_chinese_upper(400000), payer="张小三", memo="",
    paid_items=(PaidItem("2026-03", "2026年3月费用", 330000), PaidItem("", "预收款（抵以后月份费用）", 70000)),
    cashier="王会计", voided=False, void_reason="", void_date=None, entry_id=7, void_entry_id=None,
)


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def test_receipt_shows_number_amounts_and_what_it_pays():
    data = render_receipt(DETAIL, PRINTED)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    # a third of A4: 210 × 99 mm = 595.3 × 280.6 pt
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 280.6)
    text = text_of(data)
    for expected in ("阳光社区养老服务中心", "收款收据", "SJ2026-000001", "2026年4月5日", "交款人", "张小三", "住户", "张三",
                     "银行转账", "4200001", "2026年3月费用¥3,300.00", "预收款（抵以后月份费用）¥700.00",
                     "人民币（大写）", "肆仟元整", "¥4,000.00", "收款人", "王会计", "会计", "打印日期：2026-04-05"):
        assert expected in text, expected
    assert "作废" not in text and "补打" not in text


def test_reprint_is_marked():
    text = text_of(render_receipt(DETAIL, PRINTED, copy=3))
    assert "补打" in text and "第3次打印" in text and "非原件" in text and "SJ2026-000001" in text


def test_voided_receipt_carries_the_stamp_and_reason():
    voided = dataclasses.replace(DETAIL, voided=True, void_reason="金额录错", void_date=dt.date(2026, 4, 6))
    text = text_of(render_receipt(voided, PRINTED))
    assert "作废" in text and "金额录错" in text and "2026-04-06" in text and "SJ2026-000001" in text


def test_small_amounts_in_words():
    d = dataclasses.replace(DETAIL, amount_fen=330050, amount_upper=to_chinese_upper(330050), paid_items=())
    text = text_of(render_receipt(d, PRINTED))
    # ¥3,300.50 → 叁仟叁佰元伍角整
    assert "叁仟叁佰元伍角整" in text
    assert "¥3,300.50" in text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not installed")
def test_font_embedded(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(render_receipt(dataclasses.replace(DETAIL, voided=True, void_reason="x",
                                                        void_date=dt.date(2026, 4, 6)), PRINTED))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), out
