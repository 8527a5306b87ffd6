"""Escrow PDFs from hand-built contexts, on the ACCOUNTING.md worked check:
10,000.00 held 2025-03-21 … 2025-06-20, split at the 2025-05-20 rate cut:
60 days × 0.10% + 32 days × 0.05% = 1.667 + 0.444 → 2.11; refund 10,002.11
(壹万零贰元壹角壹分). Text is read back with pypdf; fonts must be embedded."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from pypdf import PdfReader

from eldercare_desktop.documents.escrow_pdf import (
    render_deposit_receipt,
    render_ledger,
    render_reconciliation,
    render_refund_voucher,
)
from eldercare_desktop.domain.escrow_docs import (
    DeductionLine,
    DepositLine,
    DepositReceiptDoc,
    EscrowLedgerDoc,
    LedgerRow,
    ReconciliationDoc,
    RefundVoucherDoc,
    ResidentBalance,
)
from eldercare_desktop.domain.interest import DAY_COUNT_RULE, MODES, SPLIT, Period, Segment

D = dt.date
PRINTED = D(2025, 6, 25)
CENTRE = "阳光社区养老服务中心"

# the worked check, by hand (not through the engine): one settlement period, two segments
WORKED_PERIOD = Period(
    start=D(2025, 3, 21), end=D(2025, 6, 20), settled_on=D(2025, 6, 20),
    segments=(Segment(D(2025, 3, 21), D(2025, 5, 19), 60, 1_000_000, Decimal("0.10")),
              Segment(D(2025, 5, 20), D(2025, 6, 20), 32, 1_000_000, Decimal("0.05"))),
    exact=Decimal(60_000_000) * Decimal("0.10") / 100 / 360 + Decimal(32_000_000) * Decimal("0.05") / 100 / 360,
    interest_fen=211, final=False,
)

VOUCHER = RefundVoucherDoc(
    centre_name=CENTRE, number="TK2025-000001", refund_day=D(2025, 6, 21), resident_name="张三",
    resident_id_number="110101194501011234", bed="2号楼3层301-1", contract_number="HT2025-0007",
    service_end=D(2025, 6, 15), deadline=D(2025, 6, 25),
    deposits=(DepositLine(D(2025, 3, 21), "YJ2025-000003", 1_000_000),), deductions=(),
    periods=(WORKED_PERIOD,), method="银行转账", payee="张小三（代理人）", payee_account="6222020200001234567",
    mode=SPLIT, escrow_bank="中国工商银行阳光支行", escrow_account_no="0200001234567890123",
    handler="李出纳", reviewer="王会计",
)


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def fonts_embedded(tmp_path, data: bytes) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), out


def test_worked_check_figures_are_consistent():
    assert VOUCHER.interest_fen == 211
    assert VOUCHER.refund_fen == 1_000_211
    assert VOUCHER.refund_upper == "壹万零贰元壹角壹分"
    assert VOUCHER.on_time


def test_refund_voucher_shows_the_computation_period_by_period():
    text = text_of(render_refund_voucher(VOUCHER, PRINTED))
    for expected in (
        "押金退还凭证", "TK2025-000001", "张三", "110101194501011234", "HT2025-0007", "2025-06-15", "2025-06-25",
        "按期", "YJ2025-000003", "10,000.00", "无扣除",
        # the period and its two segments: dates, days, 积数 (元·天), rate, unrounded interest
        "第1期2025-03-212025-06-2092", "结息日2025-06-20",
        "分段12025-03-212025-05-196010,000.00600,000.000.10%1.6667",
        "分段22025-05-202025-06-203210,000.00320,000.000.05%0.4444",
        "未舍入2.1111元", "2.11", "利息合计2.11",
        "10,002.11", "¥10,002.11", "壹万零贰元壹角壹分",
        DAY_COUNT_RULE.replace(" ", ""), MODES[SPLIT],
        "10,000.00−扣除0.00+利息2.11=10,002.11",
        "经办人签名", "审核签名", "收款人（老人或代理人）签名", "张小三（代理人）", "李出纳", "王会计",
        "打印日期：2025-06-25",
    ):
        assert expected in text, expected


def test_late_refund_states_days_and_reason():
    late = dataclasses.replace(VOUCHER, refund_day=D(2025, 6, 26), late_reason="家属外地，未能按期办理")
    assert not late.on_time and late.days_late == 1
    text = text_of(render_refund_voucher(late, PRINTED))
    assert "逾期1天" in text and "家属外地，未能按期办理" in text


def test_voucher_with_deductions():
    v = dataclasses.replace(VOUCHER, deductions=(DeductionLine(D(2025, 5, 2), "急诊送医垫付医疗费", "记-0023", 35050),))
    assert v.refund_fen == 1_000_000 - 35050 + 211
    text = text_of(render_refund_voucher(v, PRINTED))
    assert "急诊送医垫付医疗费" in text and "记-0023" in text and "350.50" in text
    assert "扣除合计350.50" in text and "9,651.61" in text and "玖仟陆佰伍拾壹元陆角壹分" in text


RECEIPT = DepositReceiptDoc(
    centre_name=CENTRE, escrow_bank="中国工商银行阳光支行", escrow_account_name="阳光社区养老服务中心押金专户",
    escrow_account_no="0200001234567890123", number="YJ2025-000003", day=D(2025, 3, 21), resident_name="张三",
    resident_id_number="110101194501011234", bed="2号楼3层301-1", contract_number="HT2025-0007",
    amount_fen=1_000_000, method="银行转账", reference="2025032100012", payer="张小三", cap_fen=1_800_000,
    monthly_fee_fen=300_000, cashier="李出纳",
)


def test_deposit_receipt():
    text = text_of(render_deposit_receipt(RECEIPT, PRINTED))
    for expected in ("押金收据", "YJ2025-000003", "2025年3月21日", "张三", "110101194501011234", "HT2025-0007",
                     "中国工商银行阳光支行", "0200001234567890123", "壹万元整", "¥10,000.00", "¥18,000.00",
                     "月服务费×6", "¥3,000.00", "仅用于支付老年人入住期间的医疗等应急费用", "李出纳", "2025032100012"):
        assert expected in text, expected


def ledger_doc(n: int = 1, whole: bool = False) -> EscrowLedgerDoc:
    rows = []
    bal = 0
    for i in range(n):
        bal += 1_000_000
        rows.append(LedgerRow(D(2025, 3, 21), f"YJ2025-{i + 3:06d}", "收取", "收取押金", 1_000_000, 0, bal,
                              f"住户{i}" if whole else ""))
    bal += 211 * n
    rows.append(LedgerRow(D(2025, 6, 21), "LX2025-Q2", "利息", "2025年第2季度活期利息（结息日2025-06-20）", 211 * n, 0, bal,
                          "全部住户" if whole else ""))
    bal -= 1_000_211
    rows.append(LedgerRow(D(2025, 6, 21), "TK2025-000001", "退还", "退还押金及利息", 0, 1_000_211, bal,
                          "住户0" if whole else ""))
    return EscrowLedgerDoc(
        centre_name=CENTRE, period_start=D(2025, 3, 1), period_end=D(2025, 6, 30), opening_fen=0, rows=tuple(rows),
        closing_fen=bal, resident_name="" if whole else "张三", resident_id_number="" if whole else "110101194501011234",
        contract_number="" if whole else "HT2025-0007", escrow_bank="中国工商银行阳光支行",
        escrow_account_no="0200001234567890123", account_code="100202" if whole else "220901")


def test_ledger_running_balance_and_totals():
    doc = ledger_doc()
    assert doc.closing_fen == 0 and doc.in_total_fen == 1_000_211 and doc.out_total_fen == 1_000_211
    text = text_of(render_ledger(doc, PRINTED))
    for expected in ("住户押金明细账", "张三", "期初余额", "YJ2025-000003收取收取押金10,000.0010,000.00",
                     "10,002.11", "TK2025-000001退还", "本期合计10,002.1110,002.11", "期末余额0.00"):
        assert expected in text, expected


def test_ledger_refuses_a_wrong_running_balance():
    doc = ledger_doc()
    bad = dataclasses.replace(doc.rows[0], balance_fen=999)
    with pytest.raises(ValueError):
        dataclasses.replace(doc, rows=(bad,) + doc.rows[1:])
    with pytest.raises(ValueError):
        dataclasses.replace(doc, closing_fen=1)


def test_whole_account_ledger_repeats_its_header_on_every_page():
    doc = ledger_doc(n=80, whole=True)
    data = render_ledger(doc, PRINTED)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        t = re.sub(r"\s+", "", page.extract_text())
        assert "日期单据号老年人类别摘要收入支出余额" in t
    assert "押金专户明细账" in text_of(data)


def recon(bank: int = 2_000_000) -> ReconciliationDoc:
    return ReconciliationDoc(
        centre_name=CENTRE, period="2025-06", as_of=D(2025, 6, 30), bank_balance_fen=bank, book_balance_fen=2_000_000,
        residents=(ResidentBalance("7", "张三", "HT2025-0007", 1_200_000),
                   ResidentBalance("8", "李四", "HT2025-0008", 800_000)),
        source="银行对账单导入：icbc_202506.xlsx", escrow_bank="中国工商银行阳光支行",
        escrow_account_no="0200001234567890123", prepared_by="王会计")


def test_reconciliation_matches_and_differs():
    text = text_of(render_reconciliation(recon(), PRINTED))
    for expected in ("押金专户余额对账单", "2025-06", "20,000.00", "12,000.00", "8,000.00", "对账结论：相符",
                     "icbc_202506.xlsx", "100202", "220901", "合计2位20,000.00"):
        assert expected in text, expected
    bad = recon(bank=1_999_900)
    assert bad.verdict == "不符"
    text = text_of(render_reconciliation(bad, PRINTED))
    assert "对账结论：不符" in text and "银行余额比账面余额少¥1.00" in text and "-1.00" in text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not installed")
def test_fonts_embedded(tmp_path):
    for data in (render_refund_voucher(VOUCHER, PRINTED), render_deposit_receipt(RECEIPT, PRINTED),
                 render_ledger(ledger_doc(whole=True), PRINTED), render_reconciliation(recon(1), PRINTED)):
        fonts_embedded(tmp_path, data)
