"""Escrow exports as XLSX (openpyxl write-only), the same figures as the PDFs:

* 押金明细账 — opening row, one row per movement with the running balance,
  totals row (Σin, Σout), closing row;
* 押金专户对账 — bank / book (100202) / Σ residents (220901), differences,
  verdict, then the per-resident list with its total;
* 押金退还登记表 — one row per refund: deposits, deductions, interest,
  refund, deadline, on time / days late; totals row.

Conventions of ``finance_xlsx``: title row, subtitle row, frozen header on
row 3; IDs (receipt/voucher/contract numbers, resident ids, account numbers)
are text ``@``; dates real dates ``yyyy-mm-dd``; amounts numbers
``#,##0.00`` written as ``fen / 100``; printed A4 landscape, fitted to the
width, the header row repeated. Each writer returns the totals it wrote, in
fen, so a caller can compare them with the screen.
"""
from __future__ import annotations

from typing import IO, Sequence

from ..domain.escrow_docs import EscrowLedgerDoc, ReconciliationDoc, RefundRow
from .finance_xlsx import _discard, _period_text, _Sheet

LEDGER_SHEET = "押金明细账"
RECON_SHEET = "押金专户对账"
REFUNDS_SHEET = "押金退还登记表"

LEDGER_COLUMNS = (
    ("日期", 11, "date"), ("单据号", 18, "code"), ("老年人", 10, "text"), ("类别", 7, "text"),
    ("摘要", 36, "text"), ("收入", 14, "money"), ("支出", 14, "money"), ("余额", 15, "money"),
)


def write_ledger(doc: EscrowLedgerDoc, stream: IO[bytes] | str) -> tuple[int, int, int, int]:
    """押金明细账. Returns (rows, Σin, Σout, closing) in fen."""
    from openpyxl import Workbook

    d = doc
    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, LEDGER_SHEET, LEDGER_COLUMNS)
        if d.whole_account:
            title = f"{d.centre_name}押金专户明细账"
            who = f"专户：{d.escrow_bank} {d.escrow_account_no}".rstrip()
        else:
            title = f"{d.centre_name}住户押金明细账"
            who = f"老年人：{d.resident_name}　合同编号：{d.contract_number}"
        sh.head(title, f"期间：{_period_text((d.period_start, d.period_end))}　{who}　金额单位：元")
        sh.ws.append([sh.date(d.period_start), None, None, None, "期初余额", None, None, sh.money(d.opening_fen)])
        for r in d.rows:
            sh.ws.append([sh.date(r.day), sh.text(r.number), r.resident_name or (None if d.whole_account else d.resident_name),
                          r.kind, r.summary, sh.money(r.in_fen) if r.in_fen else None,
                          sh.money(r.out_fen) if r.out_fen else None, sh.money(r.balance_fen)])
        sh.totals(["本期合计", f"{len(d.rows)}笔", None, None, None, d.in_total_fen, d.out_total_fen])
        closing = sh.styled(d.closing_fen / 100, font=sh.bold, fill=sh.sum_fill, fmt="#,##0.00")
        sh.ws.append([sh.date(d.period_end), None, None, None, sh.styled("期末余额", font=sh.bold, fill=sh.sum_fill),
                      None, None, closing])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return len(d.rows), d.in_total_fen, d.out_total_fen, d.closing_fen


RECON_COLUMNS = (
    ("项目 / 住户编号", 24, "code"), ("老年人", 12, "text"), ("合同编号", 18, "code"), ("金额", 16, "money"),
)


RECON_LIST_ROW = 11  # title, subtitle, header, 5 figures, verdict, blank: then the residents' header


def write_reconciliation(doc: ReconciliationDoc, stream: IO[bytes] | str) -> tuple[int, int, int, str]:
    """押金专户对账. Returns (bank, book, Σ residents, verdict)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    d = doc
    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, RECON_SHEET, RECON_COLUMNS)
        sh.head(f"{d.centre_name}押金专户对账单",
                f"对账期间：{d.period}　截至：{d.as_of:%Y-%m-%d}　专户：{d.escrow_bank} {d.escrow_account_no}　"
                f"银行余额来源：{d.source}　金额单位：元")
        sh.ws.append(["银行对账单余额", None, None, sh.money(d.bank_balance_fen)])
        sh.ws.append(["账面余额（100202）", None, None, sh.money(d.book_balance_fen)])
        sh.ws.append(["住户押金余额合计（220901）", f"{len(d.residents)}位", None, sh.money(d.residents_total_fen)])
        sh.ws.append(["差额：银行 − 账面", None, None, sh.money(d.bank_minus_book_fen)])
        sh.ws.append(["差额：账面 − 住户合计", None, None, sh.money(d.book_minus_residents_fen)])
        color = "1E6B34" if d.matches else "C0181F"
        sh.ws.append([sh.styled("对账结论", font=sh.bold),
                      sh.styled(d.verdict, font=Font(bold=True, color=color)), d.verdict_text])
        sh.ws.append([])
        sh.ws.print_title_rows = f"{RECON_LIST_ROW}:{RECON_LIST_ROW}"  # the residents' list header repeats
        sh.ws.append([sh.styled(h, font=sh.bold, fill=sh.head_fill, align=sh.wrap)
                      for h in ("住户编号", "老年人", "合同编号", "押金余额")])
        for r in d.residents:
            sh.ws.append([sh.text(r.resident_id), r.resident_name, sh.text(r.contract_number), sh.money(r.balance_fen)])
        sh.totals(["合计", f"{len(d.residents)}位", None, d.residents_total_fen])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return d.bank_balance_fen, d.book_balance_fen, d.residents_total_fen, d.verdict


REFUND_COLUMNS = (
    ("凭证号", 16, "code"), ("退还日期", 11, "date"), ("住户编号", 9, "code"), ("老年人", 10, "text"),
    ("合同编号", 16, "code"), ("服务终止日", 11, "date"), ("退还期限", 11, "date"), ("押金合计", 13, "money"),
    ("扣除合计", 13, "money"), ("利息", 11, "money"), ("应退金额", 14, "money"), ("退还方式", 10, "text"),
    ("是否按期", 9, "text"), ("逾期天数", 8, "int"), ("逾期原因", 28, "text"),
)


def write_refunds(rows: Sequence[RefundRow], stream: IO[bytes] | str, centre: str = "",
                  period: object = "") -> tuple[int, int, int, int, int]:
    """押金退还登记表. Returns (rows, Σdeposits, Σdeductions, Σinterest, Σrefund)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    red = Font(color="C0181F")
    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, REFUNDS_SHEET, REFUND_COLUMNS)
        late = sum(1 for r in rows if not r.on_time)
        when = f"退还日期：{_period_text(period)}　" if period else ""
        sh.head(f"{centre}押金退还登记表", f"{when}共{len(rows)}笔，其中逾期{late}笔　应退金额 = 押金 − 扣除 + 利息　金额单位：元")
        for r in rows:
            status = "按期" if r.on_time else sh.styled("逾期", font=red)
            sh.ws.append([sh.text(r.number), sh.date(r.refund_day), sh.text(r.resident_id), r.resident_name,
                          sh.text(r.contract_number), sh.date(r.service_end), sh.date(r.deadline),
                          sh.money(r.deposits_fen), sh.money(r.deductions_fen), sh.money(r.interest_fen),
                          sh.money(r.refund_fen), r.method, status, r.days_late or None, r.late_reason or None])
        t = (sum(r.deposits_fen for r in rows), sum(r.deductions_fen for r in rows),
             sum(r.interest_fen for r in rows), sum(r.refund_fen for r in rows))
        sh.totals(["合计", f"{len(rows)}笔", None, None, None, None, None, *t])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return (len(rows), *t)
