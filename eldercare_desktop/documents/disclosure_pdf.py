"""年度财务收支情况公开 as PDF (A4, CJK font embedded):

* :func:`package_pdf` — the package sent to civil affairs and the price
  department: cover with the centre's facts, the three 民非 statements
  (资产负债表 and 业务活动表 on landscape pages), the notes and the checks
  between the statements, fees and price changes, the deposit escrow
  account, government subsidies, bed use, prepaid money against net fixed
  assets, the annual work report and the signatures;
* :func:`notice_pdf` — the one-page 公示版 for the front-desk board.

Pure renderers: a :class:`DisclosureContext` in, PDF bytes out. Both refuse
a context whose statements fail a check (:class:`RuleViolation`).
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Callable

from ..domain.disclosure_records import DisclosureContext
from ..domain.statements import Statement, StatementLine
from . import disclosure_facts as F
from . import pdf as P
from .books_pdf import detail_pdf, ledger_pdf, trial_balance_pdf  # the books' renderers, importable from here too

TITLE = "年度财务收支情况公开"
CONTENTS = ("资产负债表（会民非01表）", "业务活动表（会民非02表）", "现金流量表（会民非03表）", "报表说明及勾稽校验",
            "收费项目及标准", "本年度调价情况", "押金专户情况", "政府补助收入", "床位使用情况", "预收费监管",
            "年度工作报告", "签章")
NUMERALS = "一二三四五六七八九十"


def _numbered(i: int) -> str:
    """0 -> 一、…, 10 -> 十一、…: the section's number in the contents."""
    n = i + 1
    text = NUMERALS[n - 1] if n <= 10 else "十" + NUMERALS[n - 11]
    return f"{text}、{CONTENTS[i]}"


def _title_of(name: str) -> str:
    return _numbered(next(i for i, x in enumerate(CONTENTS) if x.startswith(name)))


def _p(text: object, style) -> P.Paragraph:
    return P.Paragraph(P.esc(text), style)


def _style(name: str, parent, **kw) -> P.ParagraphStyle:
    return P.ParagraphStyle(name, parent=parent, **kw)


def _section(text: str) -> P.Heading:
    return P.Heading(text, size=12, space_before=10, space_after=4)


def _sub(text: str) -> P.Heading:
    return P.Heading(text, size=10, rule=False, space_before=6, space_after=2)


@functools.cache
def _indent(style: P.ParagraphStyle, level: int) -> P.ParagraphStyle:
    """``style`` indented by ``level`` characters (Paragraph drops leading spaces)."""
    return _style(f"{style.name}-i{level}", style, leftIndent=level * style.fontSize) if level else style


def _plain_row(cells: list[str], widths: list[float], aligns: tuple[str, ...], size: float = 9.5) -> P.Table:
    """A borderless one-line row of plain strings (spaces kept)."""
    t = P.Table([cells], colWidths=widths, hAlign="LEFT")
    t.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), size), ("TEXTCOLOR", (0, 0), (-1, -1), P.INK)]
                            + [("ALIGN", (i, 0), (i, 0), a) for i, a in enumerate(aligns)]
                            + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def _shown(v: int | dt.date | str) -> str:
    """An amount in fen, a date or text, as printed."""
    if isinstance(v, int):
        return F.yuan(v)
    return f"{v:%Y-%m-%d}" if isinstance(v, dt.date) else v


def _rows_table(rows: list[F.Row], widths: list[float], header: tuple[str, ...] = ("项目", "金额（元）", "说明")) -> P.Table:
    """Label | value | note rows; amounts right-aligned."""
    s = P.styles()
    data: list[list] = [[_p(h, s.head) for h in header]]
    cmds: list[tuple] = [("BACKGROUND", (0, 1), (0, -1), P.SHADE_LIGHT)]
    for i, (label, value, note) in enumerate(rows, start=1):
        data.append([_p(label, s.label), _p(_shown(value), s.cell_right if isinstance(value, int) else s.cell),
                     _p(note, s.cell)])
        if isinstance(value, str) and not note and len(value) > 12:  # e.g. the escrow account: one line
            data[-1][2] = ""
            cmds.append(("SPAN", (1, i), (2, i)))
        if "不符" in note or "相差" in note:
            cmds.append(("TEXTCOLOR", (2, i), (2, i), P.WARN))
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, cmds))
    return t


def _grid(header: list[str], body: list[list], widths: list[float], right: tuple[int, ...] = (),
          extra: list[tuple] | None = None, empty: str = "") -> P.Table:
    """A grid with a header row; no ``body`` rows: one row saying ``empty``."""
    s = P.styles()
    data: list[list] = [[_p(h, s.head) for h in header]]
    if not body:
        body = [[empty] + [""] * (len(header) - 1)]
        extra = (extra or []) + [("SPAN", (0, 1), (-1, 1))]
    for row in body:
        data.append([_p(v, s.cell_right if i in right else s.cell) if isinstance(v, str) else v
                     for i, v in enumerate(row)])
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, extra or []))
    return t


# --- cover -----------------------------------------------------------------------------

def _cover(ctx: DisclosureContext) -> list:
    s = P.styles()
    W = P.content_width
    big = _style("dp-cover-name", s.title, fontSize=20, leading=28)
    out: list = [P.Spacer(1, 22 * P.mm), _p(ctx.centre.name, big),
                 P.Heading(f"{ctx.year}{TITLE}", size=22, align="center", rule=False, space_before=6, space_after=6),
                 _p("（报送民政部门、价格主管部门）", s.subtitle), P.Spacer(1, 14 * P.mm)]
    lw = 34 * P.mm
    out.append(P.kv_table([[a, b] for a, b in F.centre_rows(ctx)], [lw, W - lw]))
    out.append(P.Spacer(1, 5 * P.mm))
    out.append(P.kv_table([[a, b] for a, b in F.filing_rows(ctx)], [lw, W - lw]))
    out.append(P.Spacer(1, 8 * P.mm))
    out.append(P.Heading("目　录", size=11, space_before=0))
    item = _style("dp-toc", s.body, leftIndent=6 * P.mm, leading=15)
    out += [_p(_numbered(i), item) for i in range(len(CONTENTS))]
    return out


# --- statements -------------------------------------------------------------------------

def _head_row(st: Statement, label: str) -> tuple[list[list], list[tuple]]:
    """One or two header rows: 项目 | 行次 | columns (grouped: 本年数 / 上年数)."""
    s = P.styles()
    groups = F.column_groups(st.columns)
    if groups is None:
        return [[_p(label, s.head), _p("行次", s.head)] + [_p(c, s.head) for c in st.columns]], []
    top: list = [_p(label, s.head), _p("行次", s.head)]
    sub: list = ["", ""]
    cmds: list[tuple] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    c = 2
    for g, subs in groups:
        top += [_p(g, s.head)] + [""] * (len(subs) - 1)
        sub += [_p(x, s.head) for x in subs]
        cmds.append(("SPAN", (c, 0), (c + len(subs) - 1, 0)))
        c += len(subs)
    return [top, sub], cmds


@functools.cache
def _tight() -> P.ParagraphStyle:
    """Statement labels: leading 10, so a balance sheet stays on one landscape page."""
    return _style("dp-tight", P.styles().cell, leading=10)


def _cells(x: StatementLine | None, ncols: int, first_col: int, r: int) -> tuple[list, list[tuple]]:
    """A statement line as cells (label, 行次, values) and its style commands."""
    if x is None:
        return [""] * (ncols + 2), []
    out: list = [_p(x.label, _indent(_tight(), F.indent_level(x))), "" if x.row is None else str(x.row)]
    cmds: list[tuple] = []
    c0 = first_col
    if x.heading:
        cmds.append(("BACKGROUND", (c0, r), (c0 + ncols + 1, r), P.SHADE_LIGHT))
        out += [""] * ncols
        return out, cmds
    for i, v in enumerate(x.values):
        out.append(F.yuan(v or 0))
        if not v:
            cmds.append(("TEXTCOLOR", (c0 + 2 + i, r), (c0 + 2 + i, r), P.GREY))
    if x.total or x.grand:
        cmds.append(("BACKGROUND", (c0, r), (c0 + ncols + 1, r), P.SHADE_STRONG if x.grand else P.SHADE))
    return out, cmds


def _statement_table(st: Statement, widths: list[float], side_by_side: bool = False) -> P.Table:
    n = len(st.columns)
    lines = list(st.lines)
    split = next((i for i, x in enumerate(lines) if x.grand), None) if side_by_side else None
    if split is None or split == len(lines) - 1:
        halves = [lines]
    else:
        halves = [lines[:split + 1], lines[split + 1:]]
    labels = []
    for h in halves:  # side by side, a half's opening heading ("资产") becomes its column header
        if len(halves) > 1 and h and h[0].heading and not h[0].label.endswith("："):
            labels.append(h.pop(0).label)
        else:
            labels.append("项目")
    head, cmds = [], []
    for k, h in enumerate(halves):
        rows, c = _head_row(st, labels[k])
        shift = k * (n + 2)
        cmds += [(op, (a[0] + shift, a[1]), (b[0] + shift, b[1])) for op, a, b in c]
        head = rows if not head else [x + y for x, y in zip(head, rows)]
    nh = len(head)
    data = head
    depth = max(len(h) for h in halves)
    for i in range(depth):
        row: list = []
        for k, h in enumerate(halves):
            cells, c = _cells(h[i] if i < len(h) else None, n, k * (n + 2), nh + i)
            row += cells
            cmds += c
        data.append(row)
    for k in range(len(halves)):
        c0 = k * (n + 2)
        cmds += [("ALIGN", (c0 + 1, nh), (c0 + 1, -1), "CENTER"), ("ALIGN", (c0 + 2, nh), (c0 + n + 1, -1), "RIGHT")]
        if k:
            cmds.append(("LINEBEFORE", (c0, 0), (c0, -1), 0.9, P.INK))
    cmds += [("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8)]  # a form on one page
    t = P.Table(data, colWidths=widths * len(halves), repeatRows=nh, hAlign="LEFT")
    t.setStyle(P.grid_style(nh, cmds))
    return t


def _statement(ctx: DisclosureContext, st: Statement, width: float, widths: list[float],
               side_by_side: bool = False) -> list:
    s = P.styles()
    code = _style("dp-code", s.body, alignment=P.TA_RIGHT)
    line = P.Table([[f"编制单位：{ctx.centre.name}", F.date_line(st), "单位：元"]], colWidths=[width * 0.5, width * 0.25,
                                                                                        width * 0.25])
    line.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), 9.5), ("ALIGN", (1, 0), (1, 0), "CENTER"),
                                ("ALIGN", (2, 0), (2, 0), "RIGHT"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    checked = _p(f"勾稽校验：{len(ctx.statements.checks)}项全部通过（见报表说明）", s.note)
    title = P.Table([[checked, P.Heading(st.title, size=16, align="center", rule=False, space_before=0, space_after=0),
                      _p(st.code, code)]], colWidths=[width * 0.25, width * 0.5, width * 0.25])
    title.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), 9.5), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    out: list = [title, line]
    if st.format_note:
        out += [P.note_box(st.format_note, width=width), P.Spacer(1, 3)]
    out.append(_statement_table(st, widths, side_by_side))
    out.append(P.Spacer(1, 3))
    out.append(_plain_row([f"单位负责人：{ctx.centre.legal_representative}", f"会计机构负责人：{ctx.accounting_head}",
                           f"制表人：{ctx.prepared_by}"], [width / 3] * 3,
                          ("LEFT", "CENTER", "RIGHT"), 9))
    return out


def _statements(ctx: DisclosureContext) -> list:
    ss = ctx.statements
    mm, LW, CW = P.mm, P.landscape_width, P.content_width
    out: list = [P.NextPageTemplate(P.LANDSCAPE), P.PageBreak()]
    half = LW / 2
    out += _statement(ctx, ss.balance, LW, [half - 12 * mm - 2 * 33 * mm, 12 * mm, 33 * mm, 33 * mm], True)
    out += [P.PageBreak()]
    n = len(ss.activity.columns)
    money = 31 * mm
    out += _statement(ctx, ss.activity, LW, [LW - 12 * mm - n * money, 12 * mm] + [money] * n)
    out += [P.NextPageTemplate(P.PORTRAIT), P.PageBreak()]
    out += _statement(ctx, ss.cash_flow, CW, [CW - 15 * mm - 45 * mm, 15 * mm, 45 * mm])
    return out


# --- notes and checks --------------------------------------------------------------------

def _notes(ctx: DisclosureContext) -> list:
    s = P.styles()
    ss = ctx.statements
    W = P.content_width
    out: list = [P.PageBreak(), _section(_title_of("报表说明")), _sub("（一）编制说明")]
    formats = "、".join(sorted({st.format for st in (ss.balance, ss.activity, ss.cash_flow)}))
    out.append(_p(f"本报表依据《民间非营利组织会计制度》编制，采用{formats}年报表格式，金额单位为人民币元。", s.body))
    for i, st in enumerate((ss.balance, ss.activity, ss.cash_flow)):
        out.append(_p(f"{i + 1}. {st.title}（{st.code}）", _style("dp-note-st", s.body, spaceBefore=3)))
        notes = list(st.notes) + ([st.format_note] if st.format_note else [])
        item = _indent(s.body, 2)
        out += [_p(f"（{k}）{x}", item) for k, x in enumerate(notes, start=1)] or [_p("无。", item)]
    out.append(_sub("（二）勾稽校验"))
    body = [[_p(c.name, s.cell), _p(F.check_mark(c.ok), s.cell_center), _p(c.detail, s.cell)] for c in ss.checks]
    cmds = [("TEXTCOLOR", (1, i), (1, i), P.WARN) for i, c in enumerate(ss.checks, start=1) if not c.ok]
    out.append(_grid(["校验项目", "结果", "说明"], body, [60 * P.mm, 20 * P.mm, W - 80 * P.mm], extra=cmds))
    return out


# --- fees, escrow, subsidies, beds, prepaid ----------------------------------------------

def _fees(ctx: DisclosureContext) -> list:
    s = P.styles()
    W, mm = P.content_width, P.mm
    out: list = [P.PageBreak(), _section(_title_of("收费项目")), _p("年末执行的收费项目及标准：", s.body),
                 P.Spacer(1, 2)]
    body = [[_shown(v) for v in F.fee_row(f)] for f in ctx.fees]
    out.append(_grid(list(F.FEE_HEAD), body, [22 * mm, W - 106 * mm, 22 * mm, 32 * mm, 30 * mm], right=(3,),
                     empty="（未登记收费项目）"))
    out.append(_section(_title_of("本年度调价")))
    out.append(_p(F.price_change_text(ctx), s.body))
    out.append(P.Spacer(1, 3))
    body = [[_shown(v) for v in F.change_row(c)] for c in ctx.price_changes]
    out.append(_grid(list(F.CHANGE_HEAD), body, [W - 149 * mm, 21 * mm, 24 * mm, 24 * mm, 18 * mm, 21 * mm, 41 * mm],
                     right=(2, 3, 4), empty="本年度未调整收费标准"))
    return out


def _escrow_and_more(ctx: DisclosureContext) -> list:
    s = P.styles()
    W, mm = P.content_width, P.mm
    widths = [58 * mm, 40 * mm, W - 98 * mm]
    out: list = [P.KeepTogether([_section(_title_of("押金专户")), _rows_table(F.escrow_rows(ctx), widths)])]
    body = [[x.kind, x.account, "限定性" if x.restricted else "非限定性", F.yuan(x.amount_fen)] for x in ctx.subsidies]
    body = body or [["本年度无政府补助收入", "", "", F.yuan(0)]]
    body.append(["合计", "", "", F.yuan(ctx.subsidies_total)])
    part = [_section(_title_of("政府补助")),
            _grid(["补助类别", "科目", "性质", "金额（元）"], body, [W - 96 * mm, 24 * mm, 28 * mm, 44 * mm], right=(3,),
                  extra=[("BACKGROUND", (0, len(body)), (-1, len(body)), P.SHADE_STRONG)])]
    note = F.subsidy_note(ctx)
    if note:
        part += [P.Spacer(1, 2), _p(note, s.small if "不一致" not in note else s.warning)]
    out.append(P.KeepTogether(part))
    out.append(P.KeepTogether([_section(_title_of("床位使用")),
                               _rows_table(F.occupancy_rows(ctx), widths, ("项目", "数值", "说明"))]))
    out.append(P.KeepTogether([
        _section(_title_of("预收费")), _rows_table(F.prepaid_rows(ctx), widths, ("项目", "金额（元）/比例", "说明")),
        P.Spacer(1, 2),
        _p("依据《养老机构预收费管理办法》，养老机构收取的预收费总额不得超过其固定资产净值；押金存入专用账户，由银行监管。",
           s.note)]))
    return out


def _report_and_signatures(ctx: DisclosureContext) -> list:
    s = P.styles()
    body = _style("dp-report", s.body, fontSize=10.5, leading=17, firstLineIndent=21, spaceAfter=4)
    out: list = [P.PageBreak(), _section(_title_of("年度工作报告")),
                 P.Heading(f"{ctx.centre.name}{ctx.year}年度工作报告", size=14, align="center", rule=False,
                           space_before=4, space_after=8)]
    paras = F.paragraphs(ctx.work_report)
    out += [_p(x, body) for x in paras] if paras else [_p("（未填写）", body)]
    sign = [
        P.Spacer(1, 10 * P.mm), _section(_title_of("签章")),
        _p("本单位保证以上财务收支情况及报表内容真实、准确、完整。", s.body), P.Spacer(1, 2),
        P.signature_block([P.Signer("单位负责人", ctx.centre.legal_representative), P.Signer("会计机构负责人", ctx.accounting_head),
                           P.Signer("制表人", ctx.prepared_by)]),
        P.Spacer(1, 8 * P.mm),
        _plain_row([f"编制日期：{F.day(ctx.prepared_on)}", "单位（盖章）："], [P.content_width / 2] * 2, ("LEFT", "LEFT")),
    ]
    out.append(P.KeepTogether(sign))
    return out


def _mark(frac: float, msg: str) -> P.RecordStart:
    """A progress report at this point of the story (same page numbering)."""
    return P.RecordStart(None, None, (frac, msg))


def package_pdf(ctx: DisclosureContext, progress: Callable[[float, str], None] | None = None, abort=None) -> bytes:
    """The whole 年度财务收支情况公开 package."""
    F.require_ok(ctx)
    story: list = [_mark(0.0, "封面")] + _cover(ctx)
    story += [_mark(0.2, "财务报表")] + _statements(ctx)
    story += [_mark(0.5, "报表说明")] + _notes(ctx)
    story += [_mark(0.6, "收费与押金")] + _fees(ctx) + _escrow_and_more(ctx)
    story += [_mark(0.85, "工作报告")] + _report_and_signatures(ctx)
    info = P.PageInfo(ctx.centre.name, f"{ctx.year}{TITLE}", ctx.print_date, reference=f"{ctx.year}年度",
                      subject=f"{ctx.centre.name} {ctx.year}{TITLE}")
    return P.pdf_bytes(story, info, progress, abort)


# --- 公示版 ----------------------------------------------------------------------------

class _SealPlace(P.Flowable):
    """A dashed circle where the centre's seal goes."""

    def __init__(self, size: float):
        super().__init__()
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(P.GREY)
        c.setDash(3, 2)
        r = self.width / 2
        c.circle(r, r, r - 1)
        c.setFillColor(P.GREY)
        c.setFont(P.register_font(), 9)
        c.drawCentredString(r, r - 3, "（盖章处）")
        c.restoreState()


def notice_story(ctx: DisclosureContext) -> list:
    s = P.styles()
    W, mm = P.content_width, P.mm
    # large type: it hangs on the front-desk board and is read standing
    title = _style("dp-notice-title", s.title, fontSize=20, leading=27)
    cell = _style("dp-notice-cell", s.cell, fontSize=12.5, leading=16)
    cell_r = _style("dp-notice-cell-r", cell, alignment=P.TA_RIGHT)
    head = _style("dp-notice-head", s.head, fontSize=12.5, leading=16)
    body = _style("dp-notice-body", s.body, fontSize=12, leading=18)
    out: list = [_p(f"{ctx.centre.name} {ctx.year}年度财务收支情况公示", title), P.Spacer(1, 2),
                 _p(f"（{ctx.year}年1月1日至12月31日，依据《民间非营利组织会计制度》编制，金额单位：元）", s.subtitle),
                 P.Spacer(1, 6 * mm)]
    data: list[list] = [[_p("项目", head), _p("金额 / 情况", head)]]
    cmds: list[tuple] = [("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5)]
    for label, value, indented in F.notice_rows(ctx):
        if label in F.NOTICE_SECTIONS:
            cmds += [("SPAN", (0, len(data)), (1, len(data))), ("BACKGROUND", (0, len(data)), (1, len(data)), P.SHADE_LIGHT)]
            data.append([_p(F.NOTICE_SECTIONS[label], head), ""])
        data.append([_p(label, _indent(cell, 2 if indented else 0)), _p(_shown(value), cell_r)])
    t = P.Table(data, colWidths=[W * 0.55, W * 0.45], hAlign="CENTER")
    t.setStyle(P.grid_style(1, cmds))
    out += [t, P.Spacer(1, 6 * mm)]
    out.append(_p("本机构年度财务收支情况（含资产负债表、业务活动表、现金流量表、收费标准及调价情况、押金专户情况等）"
                  "已按规定报送民政部门和价格主管部门。完整报告备于本机构，住户、家属及社会各界可向前台索取查阅。", body))
    out.append(_p(f"咨询及监督电话：{ctx.centre.phone}", body))
    out.append(P.Spacer(1, 8 * mm))
    right = _style("dp-notice-right", body, alignment=P.TA_RIGHT)
    seal = P.Table([[[_p(ctx.centre.name, right), _p(F.day(ctx.prepared_on), right)], _SealPlace(34 * mm)]],
                   colWidths=[W - 40 * mm, 40 * mm], hAlign="LEFT")
    seal.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), 10),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "CENTER")]))
    out.append(seal)
    return out


def notice_pdf(ctx: DisclosureContext) -> bytes:
    """The one-page 公示版 for the front-desk board."""
    F.require_ok(ctx)
    info = P.PageInfo(ctx.centre.name, f"{ctx.year}年度财务收支情况公示", ctx.print_date,
                      subject=f"{ctx.centre.name} {ctx.year}年度财务收支情况公示")
    return P.pdf_bytes(notice_story(ctx), info)


__all__ = ["package_pdf", "notice_pdf", "trial_balance_pdf", "ledger_pdf", "detail_pdf"]
