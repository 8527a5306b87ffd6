"""费用清单: each resident's monthly statement as A4 pages.

A pure renderer: :class:`StatementDetail` values (every figure computed by
the service) and the printing date in, PDF bytes out. Each statement is one
table — resident and period, the month's charges with how each was computed
and a subtotal per kind, payments, other adjustments, the balance
(上期结余 → 本月应付 / 预付余额), the deposit held in the escrow account (not
netted) and the proration rule — so a thousand statements lay out quickly.
In a batch every resident starts on a new page with its own page numbering.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

from ..domain.billing import KIND_NAMES
from ..domain.billing_records import StatementDetail
from ..domain.errors import RuleViolation
from ..domain.money import format_yuan
from . import pdf as P

TITLE = "费用清单"
WIDTHS_MM = (44, 25, 10, 22, 22, 57)


def render_statements(details: Sequence[StatementDetail], printed_on: dt.date,
                      progress: Callable[[float, str], None] | None = None, abort=None) -> bytes:
    """All statements in one PDF (A4, CJK font embedded)."""
    if not details:
        raise RuleViolation("没有可打印的费用清单")
    first = details[0]
    info = P.PageInfo(centre_name=first.centre_name, title=f"{TITLE}（{_period_cn(first.period)}）",
                      printed_on=printed_on, reference=f"清单编号：{first.number}", author=first.centre_name,
                      subject=f"{first.period} {TITLE}")
    n = len(details)
    out: list = []
    for i, d in enumerate(details):
        if i:
            out.append(P.PageBreak())
        out.append(P.RecordStart(d.resident_id, f"清单编号：{d.number}", (i / n, f"费用清单：{i + 1}/{n}")))
        out += story(d)
    return P.pdf_bytes(out, info, progress, abort)


def _period_cn(period: str) -> str:
    y, m = period.split("-")
    return f"{int(y)}年{int(m)}月"


def _span(a: dt.date, b: dt.date) -> str:
    return f"{a:%m-%d}" if a == b else f"{a:%m-%d}～{b:%m-%d}"


def _opening_text(fen: int) -> tuple[str, str]:
    if fen > 0:
        return "上期欠费", format_yuan(fen)
    if fen < 0:
        return "上期预付余额", format_yuan(-fen)
    return "上期结余", format_yuan(0)


def closing_text(fen: int) -> tuple[str, str]:
    """("本月应付", "¥1,234.00") or ("预付余额", …): the line the resident reads first."""
    if fen > 0:
        return "本月应付", format_yuan(fen)
    if fen < 0:
        return "预付余额", format_yuan(-fen)
    return "本月应付", f"{format_yuan(0)}（已结清）"


def story(d: StatementDetail) -> list:
    s = P.styles()
    mm = P.mm
    widths = [w * mm for w in WIDTHS_MM]
    font = P.register_font()
    fits = _fitter(font, widths)
    cell = s.cell
    right = s.cell_right
    small = s.cell_small

    def txt(text: str, col: int, style=cell):
        """A plain string when it fits the column (fast), else a wrapping paragraph."""
        return text if fits(text, col) else P.Paragraph(P.esc(text), style)

    data: list[list[object]] = []
    cmds: list[tuple] = [
        ("ALIGN", (2, 0), (4, -1), "RIGHT"),
        ("TEXTCOLOR", (5, 0), (5, -1), P.GREY),
    ]

    def section(title: str) -> None:
        r = len(data)
        data.append([title, "", "", "", "", ""])
        cmds.extend([("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_LIGHT),
                     ("ALIGN", (0, r), (-1, r), "LEFT")])

    # resident and period
    opening_label, opening_amount = _opening_text(d.opening_fen)
    data.append(["住户姓名", d.resident_name, "床位", "", d.bed or "—", ""])
    data.append(["合同编号", txt(d.contract_number or "—", 1), "计费期间", "",
                 f"{d.period_start:%Y-%m-%d} 至 {d.period_end:%Y-%m-%d}", ""])
    for r in (0, 1):
        cmds += [("SPAN", (2, r), (3, r)), ("SPAN", (4, r), (5, r)), ("BACKGROUND", (0, r), (0, r), P.SHADE),
                 ("BACKGROUND", (2, r), (3, r), P.SHADE), ("ALIGN", (0, r), (-1, r), "LEFT")]

    # charges
    section("一、本月费用")
    head = len(data)
    data.append(["项目", "期间", "天数", "收费标准", "金额", "计算方法"])
    cmds += [("BACKGROUND", (0, head), (-1, head), P.SHADE), ("ALIGN", (0, head), (-1, head), "CENTER")]
    for kind, subtotal in d.subtotals():
        for x in (x for x in d.lines if x.kind == kind):
            unit = "/日" if kind == "meals" else ("/次" if kind == "other" else "/月")
            data.append([txt(x.label, 0), _span(x.start, x.end), str(x.days), format_yuan(x.rate_fen) + unit,
                         format_yuan(x.amount_fen), txt(x.basis, 5, small)])
        r = len(data)
        data.append([f"{KIND_NAMES[kind]}小计", "", "", "", format_yuan(subtotal), ""])
        cmds += [("SPAN", (0, r), (3, r)), ("ALIGN", (0, r), (3, r), "RIGHT")]
    if not d.lines:
        r = len(data)
        data.append(["本月无费用", "", "", "", format_yuan(0), ""])
        cmds.append(("SPAN", (0, r), (3, r)))
    r = len(data)
    data.append(["本月费用合计", "", "", "", format_yuan(d.charges_fen), ""])
    cmds += [("SPAN", (0, r), (3, r)), ("ALIGN", (0, r), (3, r), "RIGHT"),
             ("BACKGROUND", (0, r), (-1, r), P.SHADE_STRONG)]

    # payments
    section("二、本月收款")
    if d.payments:
        head = len(data)
        data.append(["收据号", "日期", "", "付款方式", "金额", "付款人"])
        cmds += [("BACKGROUND", (0, head), (-1, head), P.SHADE), ("ALIGN", (0, head), (-1, head), "CENTER"),
                 ("SPAN", (1, head), (2, head))]
        for p in d.payments:
            r = len(data)
            data.append([p.number, f"{p.day:%Y-%m-%d}", "", p.method, format_yuan(p.amount_fen), txt(p.payer, 5)])
            cmds.append(("SPAN", (1, r), (2, r)))
    r = len(data)
    data.append(["本月收款合计" if d.payments else "本月无收款", "", "", "", format_yuan(d.payments_fen), ""])
    cmds += [("SPAN", (0, r), (3, r)), ("ALIGN", (0, r), (3, r), "RIGHT")]

    # adjustments
    if d.adjustments:
        section("三、其他调整（结算、更正、作废收据等）")
        for a in d.adjustments:
            r = len(data)
            data.append([f"{a.day:%Y-%m-%d}", txt(a.memo, 1), "", "", format_yuan(a.amount_fen), ""])
            cmds.append(("SPAN", (1, r), (3, r)))

    # balance
    section(("四" if d.adjustments else "三") + "、结算")
    closing_label, closing_amount = closing_text(d.closing_fen)
    rows = [(opening_label, opening_amount, "月初（上月末）账面结余"),
            ("加：本月费用", format_yuan(d.charges_fen), ""),
            ("减：本月收款", format_yuan(d.payments_fen), "")]
    if d.adjustments:
        rows.append(("加：其他调整", format_yuan(d.adjustments_fen), ""))
    for label, amount, note in rows:
        r = len(data)
        data.append([label, "", "", "", amount, note])
        cmds += [("SPAN", (0, r), (3, r)), ("ALIGN", (0, r), (3, r), "RIGHT")]
    r = len(data)
    data.append([closing_label, "", "", "", closing_amount, f"截至{d.period_end:%Y-%m-%d}"])
    cmds += [("SPAN", (0, r), (3, r)), ("ALIGN", (0, r), (3, r), "RIGHT"),
             ("BACKGROUND", (0, r), (-1, r), P.SHADE_STRONG), ("FONTSIZE", (0, r), (4, r), 10),
             ("LINEABOVE", (0, r), (-1, r), 0.9, P.INK)]

    # deposit, held apart
    section(("五" if d.adjustments else "四") + "、押金（专户存管，不抵扣费用）")
    account = "，".join(x for x in (d.escrow_bank, f"户名：{d.escrow_account_name}" if d.escrow_account_name else "",
                                   f"账号：{d.escrow_account_no}" if d.escrow_account_no else "") if x)
    r = len(data)
    data.append(["押金余额", "", "", "", format_yuan(d.deposit_fen),
                 txt(f"存于押金专户{('：' + account) if account else ''}", 5, small)])
    cmds += [("SPAN", (0, r), (3, r)), ("ALIGN", (0, r), (3, r), "RIGHT")]
    r = len(data)
    data.append([P.Paragraph(P.esc(
        "押金仅用于支付入住期间的医疗等应急费用，单独存入押金专户，不计入上述结算；服务关系终止后10日内退还余额"
        "并支付银行同期活期存款利息。"), small), "", "", "", "", ""])
    cmds.append(("SPAN", (0, r), (-1, r)))

    # the rule
    r = len(data)
    data.append([P.Paragraph(P.esc(f"计费规则：{d.rule}"), small), "", "", "", "", ""])
    cmds += [("SPAN", (0, r), (-1, r))]

    table = P.Table(data, colWidths=widths, repeatRows=0, hAlign="LEFT")
    table.setStyle(P.grid_style(0, cmds))
    return [
        P.Heading(f"{TITLE}", size=16, align="center", rule=False, space_before=0, space_after=1),
        P.Paragraph(P.esc(f"{_period_cn(d.period)}　清单编号：{d.number}"), s.subtitle),
        P.Spacer(1, 5),
        table,
        P.Spacer(1, 5),
        P.Paragraph(P.esc("如对本清单有疑问，请于收到后30日内向前台或财务咨询。"), s.note),
    ]


def _fitter(font: str, widths: list[float]):
    stringWidth = P.pdfmetrics.stringWidth
    cache: dict[tuple[str, int], bool] = {}

    def fits(text: str, col: int) -> bool:
        key = (text, col)
        v = cache.get(key)
        if v is None:
            v = cache[key] = stringWidth(text, font, 8.5) <= widths[col] - 7
        return v

    return fits
