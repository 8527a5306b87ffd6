"""The year's books as PDF (A4, CJK font embedded):

* :func:`trial_balance_pdf` — 科目余额表 (landscape): opening, movements
  and closing, each 借方 | 贷方; parent accounts in bold, a totals row;
* :func:`ledger_pdf` — 总账: per account the opening balance, each month's
  totals and balance, the year's totals;
* :func:`detail_pdf` — 明细账: one account's lines with a running balance,
  a 借/贷 direction column and monthly subtotals.

The table header is repeated on every page. ``printed_on`` is the date in
the footer; without it the end of the span is printed (no clock here).
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from ..domain.disclosure_records import AccountDetail, GeneralLedgerAccount, YearTrialBalance
from . import disclosure_facts as F
from . import pdf as P

Progress = Callable[[float, str], None] | None
GAP = "\xa0" * 6  # Paragraph collapses other spaces


def _amount(fen: int) -> str:
    """Books leave a zero amount blank."""
    return F.yuan(fen) if fen else ""


def _bold(text: str, align: str = "left", size: float = 8.5) -> P.Heading:
    """Faux-bold cell text (the bundled font has no bold face)."""
    return P.Heading(text, size=size, align=align, rule=False, space_before=0, space_after=0)


def _fit(text: str, width: float):
    """A plain string when it fits on one line (fast), else a wrapping Paragraph."""
    s = P.styles()
    if P.pdfmetrics.stringWidth(text, P.register_font(), 8.5) <= width - 6:
        return text
    return P.Paragraph(P.esc(text), s.cell)


def _title(title: str, subtitle: str) -> list:
    s = P.styles()
    return [P.Heading(title, size=16, align="center", rule=False, space_before=0, space_after=2),
            P.Paragraph(P.esc(subtitle), s.subtitle), P.Spacer(1, 4)]


def _span(a: dt.date, b: dt.date) -> str:
    return f"{a:%Y-%m-%d} 至 {b:%Y-%m-%d}"


def _signatures() -> P.KeepTogether:
    return P.KeepTogether([P.Spacer(1, 4), P.signature_block([P.Signer("制表"), P.Signer("审核")])])


def _table(data: list[list], widths: list[float], header_rows: int, cmds: list[tuple]) -> P.Table:
    t = P.Table(data, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    t.setStyle(P.grid_style(header_rows, cmds))
    return t


class _LongGrid(P.Flowable):
    """A long one-header grid laid out from bounded slices of its rows.
    ReportLab's Table.split copies and re-measures all remaining rows on every
    page (quadratic: 18,000 lines took 18 s); here each page looks at no more
    than ``SLICE`` rows, more than a page holds. ``shades`` maps a row index
    to its background."""

    SLICE = 80

    def __init__(self, head: list, rows: list[list], shades: dict[int, object], widths: list[float],
                 cmds: list[tuple]):
        super().__init__()
        self.head, self.rows, self.shades, self.widths, self.cmds = head, rows, shades, widths, cmds
        self._t: P.Table | None = None

    def _slice(self, n: int) -> P.Table:
        cmds = list(self.cmds)
        cmds += [("BACKGROUND", (0, i + 1), (-1, i + 1), c) for i, c in self.shades.items() if i < n]
        return _table([self.head] + self.rows[:n], self.widths, 1, cmds)

    def wrap(self, avail_width, avail_height):
        self._t = self._slice(self.SLICE)
        self.width, self.height = self._t.wrap(avail_width, avail_height)
        if len(self.rows) > self.SLICE:  # more rows follow: never drawn whole
            self.height = max(self.height, avail_height + 1)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        if self._t is None:
            self.wrap(avail_width, avail_height)
        parts = self._t.split(avail_width, avail_height)
        if not parts:
            return []
        taken = len(parts[0]._cellvalues) - 1
        if taken >= len(self.rows):
            return [parts[0]]
        rest = {i - taken: c for i, c in self.shades.items() if i >= taken}
        return [parts[0], _LongGrid(self.head, self.rows[taken:], rest, self.widths, self.cmds)]

    def draw(self):
        self._t.drawOn(self.canv, 0, 0)


def _head(labels: list[str]) -> list:
    s = P.styles()
    return [P.Paragraph(P.esc(h), s.head) if h else "" for h in labels]


# --- 科目余额表 -----------------------------------------------------------------------------

def trial_balance_pdf(tb: YearTrialBalance, centre_name: str, printed_on: dt.date | None = None,
                      progress: Progress = None, abort=None) -> bytes:
    s = P.styles()
    mm, W = P.mm, P.landscape_width
    parents = {r.account[:k] for r in tb.rows for k in range(4, len(r.account), 2)}
    data: list[list] = [
        _head(["科目代码", "科目名称", "期初余额", "", "本期发生额", "", "期末余额", ""]),
        _head(["", "", "借方", "贷方", "借方", "贷方", "借方", "贷方"]),
    ]
    cmds: list[tuple] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)),
                         ("SPAN", (4, 0), (5, 0)), ("SPAN", (6, 0), (7, 0)), ("ALIGN", (2, 2), (-1, -1), "RIGHT")]
    for r in tb.rows:
        amounts = [r.opening_debit, r.opening_credit, r.debit, r.credit, r.closing_debit, r.closing_credit]
        indent = P.ParagraphStyle(f"bk-l{r.level}", parent=s.cell, leftIndent=(r.level - 1) * 2 * s.cell.fontSize)
        if r.account in parents:
            data.append([_bold(r.account), _bold(("　" * 2 * (r.level - 1)) + r.name)]
                        + [_bold(_amount(v), "right") for v in amounts])
        else:
            data.append([r.account, P.Paragraph(P.esc(r.name), indent)] + [_amount(v) for v in amounts])
    t = tb.totals()
    data.append([_bold("合计"), ""] + [_bold(F.yuan(v), "right") for v in
                                      (t.opening_debit, t.opening_credit, t.debit, t.credit, t.closing_debit,
                                       t.closing_credit)])
    cmds += [("SPAN", (0, len(data) - 1), (1, len(data) - 1)), ("BACKGROUND", (0, len(data) - 1), (-1, -1), P.SHADE_STRONG)]
    money = 30 * mm
    story = _title("科目余额表", f"期间：{_span(tb.date_from, tb.date_to)}{GAP}金额单位：元")
    story.append(_table(data, [22 * mm, W - 22 * mm - 6 * money] + [money] * 6, 2, cmds))
    story.append(P.Spacer(1, 3))
    if tb.balanced:
        story.append(P.Paragraph("期初余额、本期发生额、期末余额借贷双方合计均相等。", s.small))
    else:
        story.append(P.Paragraph("科目余额表借贷不平衡，请检查期初余额和记账凭证。", s.warning))
    story.append(_signatures())
    info = P.PageInfo(centre_name, "科目余额表", printed_on or tb.date_to, reference=f"{tb.year}年度",
                      subject=f"科目余额表 {_span(tb.date_from, tb.date_to)}")
    return P.pdf_bytes(story, info, progress, abort, landscape=True)


# --- 总账 ----------------------------------------------------------------------------------

LEDGER_HEAD = ["月份", "摘要", "借方", "贷方", "借或贷", "余额"]


def _ledger_table(a: GeneralLedgerAccount, year: int) -> P.Table:
    mm, W = P.mm, P.content_width
    data: list[list] = [_head(LEDGER_HEAD)]
    side, amount = F.direction(a.side, a.opening)
    data.append([f"{year}-01", "上年结转（期初余额）", "", "", side, F.yuan(amount)])
    for m in a.months:
        side, amount = F.direction(a.side, m.balance)
        data.append([m.period, "本月合计", _amount(m.debit), _amount(m.credit), side, F.yuan(amount)])
    side, amount = F.direction(a.side, a.closing)
    data.append([_bold(f"{year}年"), _bold("本年累计"), _bold(_amount(sum(m.debit for m in a.months)), "right"),
                 _bold(_amount(sum(m.credit for m in a.months)), "right"), _bold(side, "center"),
                 _bold(F.yuan(amount), "right")])
    cmds = [("ALIGN", (2, 1), (3, -1), "RIGHT"), ("ALIGN", (4, 1), (4, -1), "CENTER"), ("ALIGN", (5, 1), (5, -1), "RIGHT"),
            ("BACKGROUND", (0, 1), (-1, 1), P.SHADE_LIGHT), ("BACKGROUND", (0, -1), (-1, -1), P.SHADE_STRONG)]
    return _table(data, [18 * mm, W - 135 * mm, 36 * mm, 36 * mm, 13 * mm, 32 * mm], 1, cmds)


def ledger_pdf(accounts: list[GeneralLedgerAccount], centre_name: str, year: int, printed_on: dt.date | None = None,
               progress: Progress = None, abort=None) -> bytes:
    s = P.styles()
    story = _title("总账", f"{year}年度{GAP}金额单位：元")
    n = max(len(accounts), 1)
    for i, a in enumerate(accounts):
        story.append(P.RecordStart(None, None, (i / n, f"总账：{a.account} {a.name}")))
        story.append(P.KeepTogether([
            P.Heading(f"{a.account}　{a.name}", size=10.5, space_before=8, space_after=2),
            P.Paragraph(P.esc(f"余额方向：{a.side}"), s.small), P.Spacer(1, 2), _ledger_table(a, year)]))
    if not accounts:
        story.append(P.Paragraph("（没有科目）", s.body))
    story.append(_signatures())
    info = P.PageInfo(centre_name, "总账", printed_on or dt.date(year, 12, 31), reference=f"{year}年度",
                      subject=f"总账 {year}年度")
    return P.pdf_bytes(story, info, progress, abort)


# --- 明细账 --------------------------------------------------------------------------------

def detail_pdf(detail: AccountDetail, centre_name: str, printed_on: dt.date | None = None,
               progress: Progress = None, abort=None) -> bytes:
    d = detail
    s = P.styles()
    mm, W = P.mm, P.content_width
    who = any(x.resident_name for x in d.lines)
    head = ["日期", "凭证号", "摘要"] + (["住户"] if who else []) + ["借方", "贷方", "借或贷", "余额"]
    fixed = [18 * mm, 22 * mm] + ([16 * mm] if who else [])
    money = [25 * mm, 25 * mm, 13 * mm, 27 * mm]
    widths = fixed[:2] + [W - sum(fixed) - sum(money)] + fixed[2:] + money
    m0 = len(head) - 4  # first money column
    pad = [""] * (m0 - 3)
    cmds: list[tuple] = [("ALIGN", (m0, 1), (m0 + 1, -1), "RIGHT"), ("ALIGN", (m0 + 2, 1), (m0 + 2, -1), "CENTER"),
                         ("ALIGN", (m0 + 3, 1), (m0 + 3, -1), "RIGHT")]
    shade = {"opening": P.SHADE_LIGHT, "month": P.SHADE_LIGHT, "span": P.SHADE_STRONG, "closing": P.SHADE_STRONG}
    data: list[list] = []
    shades: dict[int, object] = {}
    for r in F.detail_rows(d):
        side, amount = ("", None) if r.balance is None else F.direction(d.side, r.balance)
        money = [_amount(r.debit), _amount(r.credit), side, "" if amount is None else F.yuan(amount)]
        x = r.line
        if x is None:
            shades[len(data)] = shade[r.kind]
            data.append(["" if r.day is None else f"{r.day:%Y-%m-%d}", "", F.DETAIL_LABELS[r.kind]] + pad + money)
        else:
            data.append([f"{x.day:%Y-%m-%d}", _fit(x.reference, widths[1]), _fit(x.memo, widths[2])]
                        + ([_fit(x.resident_name, widths[3])] if who else []) + money)
    debit, credit = sum(x.debit for x in d.lines), sum(x.credit for x in d.lines)
    story = _title("明细账", f"期间：{_span(d.date_from, d.date_to)}{GAP}金额单位：元")
    lw = 22 * mm
    story.append(P.kv_table([["科目", f"{d.account}　{d.name}", "余额方向", d.side]],
                            [lw, W - 2 * lw - 20 * mm, lw, 20 * mm], label_cols=(0, 2)))
    story.append(P.Spacer(1, 4))
    story.append(_LongGrid(_head(head), data, shades, widths, cmds))
    story.append(P.Spacer(1, 3))
    plus, minus = (("借方", debit), ("贷方", credit)) if d.side == "借" else (("贷方", credit), ("借方", debit))
    story.append(P.Paragraph(P.esc(f"本期{len(d.lines)}笔。{d.side}方余额：期末 {F.yuan(d.closing)} = 期初 {F.yuan(d.opening)}"
                                   f" + {plus[0]} {F.yuan(plus[1])} − {minus[0]} {F.yuan(minus[1])}。"), s.small))
    story.append(_signatures())
    info = P.PageInfo(centre_name, "明细账", printed_on or d.date_to, reference=f"{d.account} {d.name}",
                      subject=f"明细账 {d.account} {_span(d.date_from, d.date_to)}")
    return P.pdf_bytes(story, info, progress, abort)


__all__ = ["trial_balance_pdf", "ledger_pdf", "detail_pdf"]
