"""Escrow documents as PDF (A4, CJK font embedded as a subset):

* 押金收据 — the deposit receipt (escrow account, cap, purpose, 大写);
* 押金退还凭证 — the refund voucher: deposits, deductions, the interest
  computed period by period with its segments (积数 × 年利率 ÷ 360), the
  refund in figures and in words, the day-count rule, signatures;
* 押金明细账 — one resident's or the whole account's ledger for a period,
  with a running balance and the table header repeated on every page;
* 押金专户对账单 — the monthly reconciliation: bank vs book (100202) vs
  Σ residents (220901), the verdict and the per-resident list.

Pure renderers: a context from ``domain.escrow_docs`` and the printing date
in, PDF bytes out. No DB, no Qt, no clock.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from ..domain.escrow_docs import (
    KIND_DEDUCTION,
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_REFUND,
    DepositReceiptDoc,
    EscrowLedgerDoc,
    ReconciliationDoc,
    RefundVoucherDoc,
    yuan_days,
)
from ..domain.money import format_yuan
from . import pdf as P

RED = P.colors.HexColor("#c0181f")
GREEN = P.colors.HexColor("#1e6b34")


def _y(fen: int | None, symbol: bool = False) -> str:
    return "" if fen is None else format_yuan(fen, symbol)


def _yuan_days(product_fen_days: int) -> str:
    """积数 in 元·天 (fen·days / 100), two decimals."""
    return yuan_days(product_fen_days)


def _rate(r: Decimal) -> str:
    """0.1 -> 0.10%; more decimals than two are kept (0.385 -> 0.385%)."""
    r = Decimal(r)
    q = r.quantize(Decimal("0.01"))
    return f"{q}%" if q == r else f"{r.normalize():f}%"


def _exact_yuan(exact_fen: Decimal) -> str:
    """An unrounded interest in yuan to 4 decimals (1.6667)."""
    return f"{(exact_fen / 100).quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP):,}"


def _p(text: object, style) -> P.Paragraph:
    return P.Paragraph(P.esc(text), style)


def _title(doc_title: str, number: str = "", number_label: str = "No.") -> list:
    s = P.styles()
    out: list = [P.Heading(" ".join(doc_title), size=17, align="center", rule=False, space_before=0, space_after=2)]
    if number:
        out.append(P.Paragraph(f'<font color="#c0181f">{P.esc(number_label)} {P.esc(number)}</font>',
                               P.ParagraphStyle("es-no", parent=s.body, alignment=P.TA_RIGHT, fontSize=11, leading=14)))
    return out


def _box(text: str, color) -> P.Table:
    """A framed notice (as ``pdf.note_box``, but with the table font set:
    ``note_box`` leaves an unembedded Helvetica in the page resources)."""
    s = P.styles()
    p = P.Paragraph(P.esc(text), P.ParagraphStyle("es-box", parent=s.body, textColor=color))
    t = P.Table([[p]], colWidths=[P.content_width])
    t.setStyle(P.TableStyle([
        ("FONT", (0, 0), (-1, -1), P.register_font(), 9),
        ("BOX", (0, 0), (-1, -1), 1, color),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return t


def _sign_row(signers: list[tuple[str, str]]) -> P.Table:
    """Signatures side by side (one line each, so a voucher stays on one
    page): the label, a line to sign on, the printed name, a date line."""
    s = P.styles()
    font = P.register_font()
    n = len(signers)
    gap = 8 * P.mm
    col = (P.content_width - gap * (n - 1)) / n
    under = P.ParagraphStyle("es-sig-under", parent=s.cell_small, alignment=P.TA_CENTER)
    rows: list[list] = [[], [], [], []]
    widths: list[float] = []
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font, 9.5), ("TEXTCOLOR", (0, 0), (-1, -1), P.INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 1), (-1, 1), 20),
        ("TOPPADDING", (0, 3), (-1, 3), 10), ("VALIGN", (0, 2), (-1, 2), "TOP"),
    ]
    date_text = "日期：" + " " * 6 + "年" + " " * 5 + "月" + " " * 5 + "日"
    for i, (label, name) in enumerate(signers):
        c = 2 * i
        rows[0] += [label + "：", ""]
        rows[1] += ["", ""]
        rows[2] += [P.Paragraph(P.esc(name), under), ""]
        rows[3] += [date_text, ""]
        widths += [col, gap]
        cmds += [("SPAN", (c, 0), (c, 0)), ("LINEBELOW", (c, 1), (c, 1), 0.6, P.INK)]
    rows = [r[:-1] for r in rows]
    t = P.Table(rows, colWidths=widths[:-1], hAlign="LEFT")
    t.setStyle(P.TableStyle(cmds))
    return t


def _section(text: str) -> P.Heading:
    return P.Heading(text, size=10.5, space_before=8, space_after=3)


# --- 押金收据 --------------------------------------------------------------------------

def render_deposit_receipt(doc: DepositReceiptDoc, printed_on: dt.date) -> bytes:
    d = doc
    s = P.styles()
    W = P.content_width
    big = P.ParagraphStyle("es-big", parent=s.cell, fontSize=12, leading=15)
    big_r = P.ParagraphStyle("es-big-r", parent=big, alignment=P.TA_RIGHT)
    story: list = _title("押金收据", d.number)
    story.append(_p(f"收取日期：{P.fmt_date(d.day, 'cn')}", s.body))
    story.append(P.Spacer(1, 3))
    lw = 26 * P.mm
    vw = (W - 2 * lw) / 2
    rows = [
        ["老年人", d.resident_name, "身份证号", d.resident_id_number],
        ["床位", d.bed, "合同编号", d.contract_number],
        ["交款人", d.payer, "收款方式", d.method],
        ["交易流水号", d.reference or "—", None, None],
        ["人民币（大写）", _p(d.amount_upper, big), None, _p(f"（小写）{format_yuan(d.amount_fen)}", big_r)],
        ["存入专户", f"{d.escrow_bank}　户名：{d.escrow_account_name}　账号：{d.escrow_account_no}", None, None],
        ["押金上限", f"{format_yuan(d.cap_fen)}（{d.cap_rule}；月服务费{format_yuan(d.monthly_fee_fen)}）", None, None],
        ["本次后押金余额", f"{format_yuan(d.held_after_fen)}（此前{format_yuan(d.held_before_fen)}）"
         + ("" if d.held_after_fen <= d.cap_fen else "　超过上限"), None, None],
        ["用途", d.purpose, None, None],
        ["备注", d.memo or "", None, None],
    ]
    story.append(P.kv_table(rows, [lw, vw, lw, vw], label_cols=(0, 2), extra=[
        ("BACKGROUND", (2, 3), (2, -1), P.colors.white),
        ("BOX", (0, 0), (-1, -1), 1.0, P.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
    ]))
    story.append(P.Spacer(1, 4))
    story.append(_p("押金存入养老机构押金专用账户，由银行监管；退还时按银行活期存款利率计付利息。"
                    "服务关系终止后10日内退还押金余额及利息。", s.note))
    story.append(P.signature_block([P.Signer("收款人", d.cashier), P.Signer("交款人", d.payer)]))
    story.append(P.Spacer(1, 6))
    story.append(_p("收款单位（盖章）：", s.body))
    info = P.PageInfo(d.centre_name, "押金收据", printed_on, reference=f"收据号：{d.number}",
                      subject=f"{d.resident_name} {d.number}")
    return P.pdf_bytes(story, info)


# --- 押金退还凭证 ------------------------------------------------------------------------

def _money_table(header: list[str], body: list[list], total: list, widths: list[float]) -> P.Table:
    s = P.styles()
    data = [[_p(h, s.head) for h in header]]
    for row in body:
        data.append(row)
    data.append(total)
    n = len(data)
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, [
        ("ALIGN", (-1, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, n - 1), (-1, n - 1), P.SHADE_STRONG),
    ]))
    return t


def _interest_table(doc: RefundVoucherDoc) -> P.Table:
    s = P.styles()
    W = P.content_width
    header = ["计息期 / 分段", "起", "止", "天数", "计息余额", "积数（元·天）", "年利率", "分段利息", "本期利息"]
    widths = [26 * P.mm, 19 * P.mm, 19 * P.mm, 11 * P.mm, 22 * P.mm, 27 * P.mm, 14 * P.mm, 18 * P.mm]
    widths.append(W - sum(widths))
    data: list[list] = [[_p(h, s.head) for h in header]]
    cmds: list[tuple] = [("ALIGN", (3, 1), (-1, -1), "RIGHT")]
    for i, per in enumerate(doc.periods, start=1):
        days = sum(sg.days for sg in per.segments)
        r = len(data)
        kind = "末期（退还日结息）" if per.final else f"结息日 {per.settled_on:%Y-%m-%d}"
        data.append([f"第{i}期", P.fmt_date(per.start), P.fmt_date(per.end), str(days),
                     _p(kind, s.cell_small), "", "", "", ""])
        cmds += [("BACKGROUND", (0, r), (-1, r), P.SHADE_LIGHT), ("SPAN", (4, r), (7, r))]
        for j, sg in enumerate(per.segments, start=1):
            seg_exact = Decimal(sg.product) * sg.rate_percent / Decimal(100) / Decimal(360)
            data.append([f"　分段{j}", P.fmt_date(sg.start), P.fmt_date(sg.end), str(sg.days), _y(sg.balance_fen),
                         _yuan_days(sg.product), _rate(sg.rate_percent), _exact_yuan(seg_exact), ""])
        r = len(data)
        data.append([_p(f"第{i}期小计：未舍入 {_exact_yuan(per.exact)} 元，四舍五入到分 = {_y(per.interest_fen)} 元",
                        s.cell_small), "", "", "", "", "", "", "", _y(per.interest_fen)])
        cmds += [("SPAN", (0, r), (7, r))]
    r = len(data)
    data.append(["利息合计", "", "", "", "", "", "", "", _y(doc.interest_fen)])
    cmds += [("SPAN", (0, r), (7, r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_STRONG)]
    if not doc.periods:
        data.insert(1, ["（无计息期）"] + [""] * 8)
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, cmds))
    return t


def render_refund_voucher(doc: RefundVoucherDoc, printed_on: dt.date) -> bytes:
    d = doc
    s = P.styles()
    W = P.content_width
    story: list = _title("押金退还凭证", d.number)
    story.append(_p(f"退还日期：{P.fmt_date(d.refund_day, 'cn')}", s.body))
    story.append(P.Spacer(1, 3))
    lw = 24 * P.mm
    vw = (W - 2 * lw) / 2
    timely = P.Paragraph(P.esc(d.timeliness_text),
                         P.ParagraphStyle("es-timely", parent=s.cell, textColor=P.INK if d.on_time else P.WARN))
    rows = [
        ["老年人", d.resident_name, "身份证号", d.resident_id_number],
        ["床位", d.bed, "合同编号", d.contract_number],
        ["服务终止日", P.fmt_date(d.service_end), "退还期限", P.fmt_date(d.deadline) + "（终止后10日内）"],
        ["是否按期", timely, None, None],
    ]
    if d.escrow_bank or d.escrow_account_no:
        rows.append(["押金专户", f"{d.escrow_bank}　账号：{d.escrow_account_no}", None, None])
    story.append(P.kv_table(rows, [lw, vw, lw, vw], label_cols=(0, 2),
                            extra=[("BACKGROUND", (2, 3), (2, -1), P.colors.white)]))

    story.append(_section("一、押金收取"))
    body = [[P.fmt_date(x.day), x.number, _y(x.amount_fen)] for x in d.deposits] or [["（无）", "", ""]]
    story.append(_money_table(["收取日期", "收据号", "金额（元）"], body, ["押金合计", "", _y(d.deposits_fen)],
                              [40 * P.mm, W - 80 * P.mm, 40 * P.mm]))

    story.append(_section("二、押金扣除（入住期间医疗等应急费用）"))
    body = [[P.fmt_date(x.day), _p(x.reason, s.cell), x.voucher_no, _y(x.amount_fen)] for x in d.deductions] \
        or [["（无扣除）", "", "", ""]]
    story.append(_money_table(["扣除日期", "事由", "凭证号", "金额（元）"], body,
                              ["扣除合计", "", "", _y(d.deductions_fen)],
                              [26 * P.mm, W - 92 * P.mm, 30 * P.mm, 36 * P.mm]))

    story.append(_section("三、活期存款利息计算（逐期）"))
    story.append(_p(f"计息规则：{d.day_count_rule}。计息方式：{d.mode_text}。"
                    "分段利息 = 积数 × 年利率 ÷ 360（未舍入）；每期利息四舍五入到分。", s.small))
    story.append(P.Spacer(1, 3))
    story.append(_interest_table(d))

    story.append(_section("四、应退金额"))
    big = P.ParagraphStyle("es-total", parent=s.cell, fontSize=12, leading=15)
    big_r = P.ParagraphStyle("es-total-r", parent=big, alignment=P.TA_RIGHT)
    cw = W / 4
    calc = [
        [_p("押金合计", s.head), _p("减：扣除合计", s.head), _p("加：利息合计", s.head), _p("应退金额", s.head)],
        [_y(d.deposits_fen), _y(d.deductions_fen), _y(d.interest_fen), _p(format_yuan(d.refund_fen), big_r)],
        [_p("人民币（大写）", s.label), _p(d.refund_upper, big), "", ""],
        [_p("退还方式", s.label), _p(" ".join(x for x in (d.method, d.payee_account and f"账号：{d.payee_account}")
                                          if x), s.cell), "", ""],
    ]
    t = P.Table(calc, colWidths=[cw] * 4, hAlign="LEFT")
    t.setStyle(P.grid_style(1, [
        ("ALIGN", (0, 1), (-1, 1), "RIGHT"), ("SPAN", (1, 2), (3, 2)), ("SPAN", (1, 3), (3, 3)),
        ("BACKGROUND", (0, 2), (0, 3), P.SHADE), ("BOX", (0, 0), (-1, -1), 1.0, P.INK),
        ("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 3.6),
    ]))
    story.append(t)
    story.append(P.Spacer(1, 2))
    story.append(_p(f"应退金额 = 押金 {_y(d.deposits_fen)} − 扣除 {_y(d.deductions_fen)} + 利息 {_y(d.interest_fen)}"
                    f" = {_y(d.refund_fen)} 元。收款人确认已收到上述款项。", s.small))
    sig = _sign_row([("经办人签名", d.handler), ("审核签名", d.reviewer), ("收款人（老人或代理人）签名", d.payee)])
    story.append(P.KeepTogether([P.Spacer(1, 8), sig]))
    info = P.PageInfo(d.centre_name, "押金退还凭证", printed_on, reference=f"凭证号：{d.number}",
                      subject=f"{d.resident_name} {d.number}")
    return P.pdf_bytes(story, info)


# --- 押金明细账 ---------------------------------------------------------------------------

def render_ledger(doc: EscrowLedgerDoc, printed_on: dt.date) -> bytes:
    d = doc
    s = P.styles()
    W = P.content_width
    title = "押金专户明细账" if d.whole_account else "住户押金明细账"
    story: list = _title(title)
    sub = f"期间：{P.fmt_date(d.period_start)} 至 {P.fmt_date(d.period_end)}（金额单位：元）"
    story.append(_p(sub, s.subtitle))
    story.append(P.Spacer(1, 4))
    lw = 22 * P.mm
    vw = (W - 2 * lw) / 2
    if d.whole_account:
        rows = [["开户银行", d.escrow_bank, "专户账号", d.escrow_account_no],
                ["科目", d.account_code or "100202 银行存款—押金专户", "范围", "全部住户"]]
    else:
        rows = [["老年人", d.resident_name, "身份证号", d.resident_id_number],
                ["合同编号", d.contract_number, "科目", d.account_code or "220901 其他应付款—押金"]]
        if d.escrow_bank or d.escrow_account_no:
            rows.append(["押金专户", f"{d.escrow_bank}　账号：{d.escrow_account_no}", None, None])
    story.append(P.kv_table(rows, [lw, vw, lw, vw], label_cols=(0, 2)))
    story.append(P.Spacer(1, 5))

    who = d.whole_account
    header = ["日期", "单据号"] + (["老年人"] if who else []) + ["类别", "摘要", "收入", "支出", "余额"]
    fixed = [19 * P.mm, 27 * P.mm] + ([16 * P.mm] if who else []) + [10 * P.mm]
    money_w = [22 * P.mm, 22 * P.mm, 24 * P.mm]
    widths = fixed + [W - sum(fixed) - sum(money_w)] + money_w
    nm = len(fixed) + 1  # first money column
    data: list[list] = [[_p(h, s.head) for h in header]]
    pad = [""] * (len(fixed) - 1)
    data.append([P.fmt_date(d.period_start)] + pad + ["期初余额", "", "", _y(d.opening_fen)])
    cmds: list[tuple] = [("ALIGN", (nm, 1), (-1, -1), "RIGHT"), ("ALIGN", (len(fixed) - 1, 1), (len(fixed) - 1, -1), "CENTER"),
                         ("BACKGROUND", (0, 1), (-1, 1), P.SHADE_LIGHT)]
    for r in d.rows:
        cells = [P.fmt_date(r.day), _p(r.number, s.cell)] + ([_p(r.resident_name, s.cell)] if who else []) \
            + [r.kind, _p(r.summary, s.cell), _y(r.in_fen or None), _y(r.out_fen or None), _y(r.balance_fen)]
        if r.kind in (KIND_DEDUCTION, KIND_REFUND):
            cmds.append(("TEXTCOLOR", (nm + 1, len(data)), (nm + 1, len(data)), P.WARN))
        data.append(cells)
    n = len(data)
    data.append([""] * (len(fixed)) + ["本期合计", _y(d.in_total_fen), _y(d.out_total_fen), ""])
    data.append([P.fmt_date(d.period_end)] + pad + ["期末余额", "", "", _y(d.closing_fen)])
    cmds += [("BACKGROUND", (0, n), (-1, n + 1), P.SHADE_STRONG)]
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, cmds))
    story.append(t)
    story.append(P.Spacer(1, 4))
    sums = "；".join(f"{k}{_y(d.kind_total_fen(k))}" for k in (KIND_DEPOSIT, KIND_DEDUCTION, KIND_INTEREST, KIND_REFUND))
    story.append(_p(f"本期{len(d.rows)}笔：{sums}。期末余额 = 期初 {_y(d.opening_fen)} + 收入 {_y(d.in_total_fen)}"
                    f" − 支出 {_y(d.out_total_fen)} = {_y(d.closing_fen)}。", s.small))
    story.append(P.KeepTogether([P.signature_block([P.Signer("制表"), P.Signer("审核")])]))
    ref = f"{d.resident_name} {d.contract_number}".strip() if not who else f"专户 {d.escrow_account_no}".strip()
    info = P.PageInfo(d.centre_name, title, printed_on, reference=ref, subject=sub)
    return P.pdf_bytes(story, info)


# --- 押金专户对账单 -------------------------------------------------------------------------

def render_reconciliation(doc: ReconciliationDoc, printed_on: dt.date) -> bytes:
    d = doc
    s = P.styles()
    W = P.content_width
    story: list = _title("押金专户余额对账单")
    story.append(_p(f"对账期间：{d.period}　　截至：{P.fmt_date(d.as_of)}（金额单位：元）", s.subtitle))
    story.append(P.Spacer(1, 4))
    lw = 22 * P.mm
    vw = (W - 2 * lw) / 2
    story.append(P.kv_table([["开户银行", d.escrow_bank, "专户账号", d.escrow_account_no],
                             ["银行余额来源", d.source, None, None]], [lw, vw, lw, vw], label_cols=(0, 2),
                            extra=[("BACKGROUND", (2, 1), (2, 1), P.colors.white)]))
    story.append(_section("一、余额核对"))
    big_w = 40 * P.mm
    rows = [
        [_p("项目", s.head), _p("金额", s.head)],
        ["① 银行对账单余额", _y(d.bank_balance_fen)],
        ["② 账面余额（100202 银行存款—押金专户）", _y(d.book_balance_fen)],
        [f"③ 住户押金余额合计（220901，{len(d.residents)}位）", _y(d.residents_total_fen)],
        ["差额 ① − ②", _y(d.bank_minus_book_fen)],
        ["差额 ② − ③", _y(d.book_minus_residents_fen)],
    ]
    t = P.Table(rows, colWidths=[W - big_w, big_w], hAlign="LEFT")
    cmds = [("ALIGN", (1, 1), (1, -1), "RIGHT"), ("BACKGROUND", (0, 4), (-1, 5), P.SHADE_LIGHT)]
    for r, v in ((4, d.bank_minus_book_fen), (5, d.book_minus_residents_fen)):
        if v:
            cmds.append(("TEXTCOLOR", (1, r), (1, r), P.WARN))
    t.setStyle(P.grid_style(1, cmds))
    story.append(t)
    story.append(P.Spacer(1, 5))
    color = GREEN if d.matches else P.WARN
    story.append(P.Heading(f"对账结论：{d.verdict}", size=13, rule=False, color=color, space_before=2))
    story.append(_box(d.verdict_text, color))
    if d.note:
        story.append(P.Spacer(1, 3))
        story.append(_p(f"说明：{d.note}", s.body))

    story.append(_section("二、住户押金余额明细（220901）"))
    data: list[list] = [[_p(h, s.head) for h in ("序号", "住户编号", "老年人", "合同编号", "押金余额")]]
    for i, r in enumerate(d.residents, start=1):
        data.append([str(i), r.resident_id, _p(r.resident_name, s.cell), r.contract_number, _y(r.balance_fen)])
    n = len(data)
    data.append(["合计", f"{len(d.residents)}位", "", "", _y(d.residents_total_fen)])
    widths = [12 * P.mm, 24 * P.mm, 40 * P.mm, 0, 34 * P.mm]
    widths[3] = W - sum(widths)
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, [("ALIGN", (4, 1), (4, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                                ("BACKGROUND", (0, n), (-1, n), P.SHADE_STRONG)]))
    story.append(t)
    story.append(P.KeepTogether([P.Spacer(1, 6), P.signature_block([P.Signer("对账人", d.prepared_by),
                                                                    P.Signer("审核", d.reviewer)])]))
    info = P.PageInfo(d.centre_name, "押金专户对账单", printed_on, reference=f"对账期间：{d.period}",
                      subject=f"押金专户对账 {d.period}")
    return P.pdf_bytes(story, info)


__all__ = ["render_deposit_receipt", "render_refund_voucher", "render_ledger", "render_reconciliation"]
