"""补贴申报材料 as one PDF (A4, CJK font embedded), in the shape of the
real forms (/work/shared/SUBSIDY_FORMS.md):

1. 申请表 (portrait): the centre's facts with 建筑面积, 职工情况 and (for
   residents) 入住老人类型, the month grid (合计 + each month), the amount
   per layer with how it was reached and 大写, the seal line, then the two
   blank approval blocks (县（市、区）民政·财政审核意见, 市民政·财政审核意见);
2. 花名册 (landscape): a row per subject claimed for, numbered 1..n, with
   its roster columns, the months counted, every check (✔/✘ with its
   evidence), the amounts and a 签字 column; totals that add up to the
   layers' totals, kept on one page with the 制表人 / 审核人 / 盖章 line;
3. 不符合条件名单 (landscape, a new page): the rows left out, each with
   the checks it failed;
4. 汇总表 and 附件清单 (portrait).

Every page carries the claim number and status in its footer; a draft is
watermarked 草稿—未提交. The rows come from ``subsidy_form`` (the same
figures as the workbook).
"""
from __future__ import annotations

import functools
from typing import Callable

from . import pdf as P
from .subsidy_form import (
    APPROVAL_BLOCKS,
    DRAFT_MARK,
    LEFT_OUT_TITLE,
    UNRECORDED,
    ClaimForm,
    amount_rows,
    approval_text,
    cap_text,
    centre_rows,
    check_texts,
    eligible_rows,
    grid_label,
    grid_values,
    grid_word,
    has_months,
    layer_funders,
    layer_names,
    left_out_columns,
    left_out_reasons,
    left_out_rows,
    month_heads,
    people_rows,
    roster_count_text,
    roster_info,
    roster_info_columns,
    roster_title,
    roster_totals,
    row_layer_fen,
    share_text,
    short_months,
    upper,
    yuan,
)

CHECKBOX = "□"  # the bundled font has no ☐ (U+2610); □ is the form's usual box
MM = P.mm


def _p(text: object, style) -> P.Paragraph:
    return P.Paragraph(P.esc(text), style)


def _m(markup: str, style) -> P.Paragraph:
    """A paragraph of ready markup (line breaks already placed)."""
    return P.Paragraph(markup, style)


@functools.cache
def _st() -> dict[str, P.ParagraphStyle]:
    s = P.styles()

    def small(name: str, parent, **kw) -> P.ParagraphStyle:
        return P.ParagraphStyle(f"sp-{name}", parent=parent, **{"fontSize": 7.5, "leading": 9.3, **kw})

    return {
        "cell": small("cell", s.cell), "center": small("center", s.cell_center),
        "right": small("right", s.cell_right), "head": small("head", s.head),
        "check": small("check", s.cell, fontSize=7, leading=8.6, leftIndent=8, firstLineIndent=-8),
        "grey_right": small("grey-right", s.cell_right, textColor=P.GREY),
        "big": P.ParagraphStyle("sp-big", parent=s.cell, fontSize=10, leading=13),
        "box": P.ParagraphStyle("sp-box", parent=s.cell_center, fontSize=14, leading=15),
    }


def _width(text: str, size: float = 7.5) -> float:
    return P.pdfmetrics.stringWidth(text, P.register_font(), size)


class _Watermark(P.Flowable):
    """Zero-size marker at the start of the story: from here on every page
    is stamped with ``text`` across it, just before the page is shown."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        canvas = self.canv
        if getattr(canvas, "_sp_watermark", None):
            return
        canvas._sp_watermark = self.text  # type: ignore[attr-defined]
        show = canvas.showPage
        text = self.text

        def stamped():
            w, h = canvas._pagesize
            canvas.saveState()
            canvas.setFillColor(P.colors.HexColor("#c0504d"))
            canvas.setFillAlpha(0.13)
            canvas.setFont(P.register_font(), 64)
            canvas.translate(w / 2, h / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, -22, text)
            canvas.restoreState()
            show()

        canvas.showPage = stamped  # type: ignore[method-assign]


# --- 申请表 -------------------------------------------------------------------------

def _title(form: ClaimForm, title: str, lead: str = "") -> list:
    s = P.styles()
    line = f"申报编号：{form.number}　申报期间：{form.period}　状态：{form.status_text}　金额单位：元"
    return [P.Heading(title, size=15, align="center", rule=False, space_before=0, space_after=3),
            _p(f"{lead}　{line}" if lead else line, s.subtitle), P.Spacer(1, 3 * MM)]


def _facts_table(form: ClaimForm) -> P.Table:
    v = dict(centre_rows(form))
    rows = [
        ["机构名称", v["机构名称"], None, None],
        ["机构性质", v["机构性质"], "开业（设立）时间", v["开业（设立）时间"]],
        ["许可（备案）编号", v["许可（备案）编号"], "统一社会信用代码", v["统一社会信用代码"]],
        ["法人代表", v["法人代表"], "联系电话", v["联系电话"]],
        ["详细地址", v["详细地址"], None, None],
        ["建筑面积", v["建筑面积"], "核定床位", v["核定床位"]],
        ["补贴项目", v["补贴项目"], "申请时间", v["申请时间"]],
        ["补贴类别", v["补贴类别"], "申报期间", v["申报期间"]],
        ["政策依据", v["政策依据"], None, None],
    ]
    extra = [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    extra += [("BACKGROUND", (1, r), (3, r), P.colors.white) for r, row in enumerate(rows) if row[2] is None]
    return P.kv_table(rows, [30 * MM, 60 * MM, 30 * MM, 60 * MM], label_cols=(0, 2), extra=extra)


def _people_table(form: ClaimForm) -> P.Table:
    """职工情况 (总数 / 管理人员 / 服务人员 / 其他人员) and, for residents,
    入住老人类型 (总数 / 特困老年人 / 其他（自费）), right under the facts."""
    rows = []
    for label, counts in people_rows(form):
        if counts is None:
            rows.append([label, UNRECORDED] + [None] * 7)
            continue
        cells: list = [label]
        for k, n in counts:
            cells += [k, UNRECORDED if n is None else str(n)]
        rows.append(cells + [None] * (9 - len(cells)))  # the last count spans what is left
    extra = [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]
    extra += [("BACKGROUND", (1, r), (-1, r), P.colors.white) for r, row in enumerate(rows) if row[2] is None]
    extra += [("BACKGROUND", (c, r), (-1, r), P.colors.white) for r, row in enumerate(rows) if row[2] is not None
              for c in [next((i - 1 for i, x in enumerate(row) if x is None), 0)] if c]
    return P.kv_table(rows, [30 * MM] + [22.5 * MM, 15 * MM] * 4, label_cols=(0, 1, 3, 5, 7), extra=extra)


def _heads_markup(form: ClaimForm) -> list[str]:
    months = form.result.months if has_months(form) else ()
    return [P.esc(h).replace("年", "年<br/>") for h in month_heads(months)]


def _grid_widths(n: int, width: float, label: float = 34 * MM) -> list[float]:
    return [label] + [(width - label) / (n + 1)] * (n + 1)


def _grid(form: ClaimForm, label: str, values: list | None) -> P.Table:
    """合计 + a column per month; ``values`` None leaves the boxes blank."""
    st = _st()
    heads = _heads_markup(form)
    n = len(heads)
    data = [[_p("项目", st["head"]), _p("合计", st["head"])] + [_m(h, st["head"]) for h in heads]]
    if values is None:
        data.append([_p(label, st["cell"])] + [""] * (n + 1))
    else:
        data.append([_p(label, st["cell"])] + [_p(str(x), st["center"]) for x in values])
    t = P.Table(data, colWidths=_grid_widths(n, P.content_width), rowHeights=[None, 8 * MM])
    t.setStyle(P.grid_style(1, [("BACKGROUND", (0, 1), (0, 1), P.SHADE)]))
    return t


def _amounts(form: ClaimForm) -> P.Table:
    """The amount per layer with how it was reached (so a clerk can check
    754 人次 × ¥100.00), the total and 大写."""
    st, res = _st(), form.result
    data: list[list] = [[_p(h, st["head"]) for h in ("补贴项目", "领取方", "资金来源", "计算方式", "申请金额（元）")]]
    for layer, who, funders, basis, fen in amount_rows(form):
        data.append([_p(layer, st["cell"]), _p(who, st["center"]), _p(funders, st["cell"]), _p(basis, st["cell"]),
                     _p(yuan(fen), st["right"])])
    data.append([_p("合计", st["cell"]), "", "", "", _p(yuan(res.total_fen), st["right"])])
    data.append([_p("人民币（大写）", st["cell"]), _p(upper(res.total_fen), st["big"]), "", "", ""])
    n = len(data)
    t = P.Table(data, colWidths=[38 * MM, 13 * MM, 33 * MM, 64 * MM, 32 * MM], repeatRows=1)
    t.setStyle(P.grid_style(1, [("SPAN", (0, n - 2), (3, n - 2)), ("SPAN", (1, n - 1), (4, n - 1)),
                                ("BACKGROUND", (0, n - 2), (-1, n - 2), P.SHADE_STRONG),
                                ("BACKGROUND", (0, n - 1), (0, n - 1), P.SHADE)]))
    return t


def _plain(cells: list[str], widths: list[float], size: float = 9.5, top: float = 1) -> P.Table:
    """A borderless row of plain strings (the spaces are kept for writing in)."""
    t = P.Table([cells], colWidths=widths, hAlign="LEFT")
    t.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), size),
                             ("TEXTCOLOR", (0, 0), (-1, -1), P.INK),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), top), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                             ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return t


def _seal_line() -> P.Table:
    W = P.content_width
    return _plain(["申请单位（盖章）：", "法定代表人（签字）：", "日期：　　　　年　　月　　日"],
                  [W * 0.36, W * 0.34, W * 0.30], top=11 * MM)


def _approval(form: ClaimForm, title: str) -> P.KeepTogether:
    """A blank approval block: title, 符合补贴数 (合计 + months), 补贴金额 with
    大写, 审核意见 with the signatures, seal and date."""
    st, W = _st(), P.content_width
    head = P.Table([[_p(title, P.styles().cell)]], colWidths=[W])
    head.setStyle(P.grid_style(1, [("BACKGROUND", (0, 0), (-1, -1), P.SHADE_LIGHT)]))
    grid = _grid(form, f"符合补贴{grid_word(form)}", None)
    money = P.Table([[_p("补贴金额（元）", st["cell"]), "", _p("人民币（大写）", st["cell"]), ""]],
                    colWidths=[34 * MM, 50 * MM, 26 * MM, W - 110 * MM], rowHeights=[8 * MM])
    money.setStyle(P.grid_style(0, [("BACKGROUND", (0, 0), (0, 0), P.SHADE), ("BACKGROUND", (2, 0), (2, 0), P.SHADE)]))
    sign = "经办人（签字）：" + "　" * 7 + "负责人（签字）：" + "　" * 7 + "（盖章）" + "　" * 5 + "年　　月　　日"
    opinion = P.Table([[_p("审核意见", st["cell"]), sign]], colWidths=[34 * MM, W - 34 * MM], rowHeights=[21 * MM])
    opinion.setStyle(P.grid_style(0, [("BACKGROUND", (0, 0), (0, 0), P.SHADE), ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                                      ("BOTTOMPADDING", (1, 0), (1, 0), 5),
                                      ("FONT", (1, 0), (1, 0), P.register_font(), 8.5)]))
    return P.KeepTogether([P.Spacer(1, 4 * MM), head, grid, money, opinion])


def _application(form: ClaimForm) -> list:
    s, res = P.styles(), form.result
    out = _title(form, f"{form.scheme_name}申请表")
    if form.draft:
        out += [P.note_box(f"{DRAFT_MARK}：本表按打印当日的登记数据计算，提交后以提交时冻结的数据为准。"), P.Spacer(1, 2 * MM)]
    if res.missing:
        out += [P.note_box("缺少补贴参数：" + "、".join(res.missing)), P.Spacer(1, 2 * MM)]
    out += [_facts_table(form), _people_table(form), P.Spacer(1, 3 * MM)]
    total, values = grid_values(form)
    out.append(_grid(form, grid_label(form), [total] + values))
    tail: list = [P.Spacer(1, 3 * MM), _amounts(form)]
    if res.centre_fen and res.resident_fen:
        tail.append(P.Spacer(1, 1.5 * MM))
        tail.append(_p(f"其中发给机构 {yuan(res.centre_fen)}，代发给老人 {yuan(res.resident_fen)}（代收代付，不计入机构收入）。",
                       s.note))
    out.append(P.KeepTogether(tail + [_seal_line()]))  # the seal line never starts a page alone
    out += [_approval(form, t) for t in APPROVAL_BLOCKS]
    return out


# --- 花名册 ------------------------------------------------------------------------

_BREAKS = (("；", "；<br/>"), ("—", "—<br/>"), ("起 ", "起<br/>"))
_CAPS = {"身份证号": 30 * MM, "户籍": 22 * MM, "资格证书": 22 * MM, "项目": 36 * MM, "名称": 40 * MM}


def _info_markup(col: str, value: str) -> str:
    """A roster cell with its line breaks placed at the natural points (a
    contract's dates, a certificate's level and number), never inside a number."""
    text = P.esc(value)
    if col == "资格证书":
        return text.replace(" ", "<br/>", 1)
    if col in ("劳动合同", "护理年限") or len(value) > 14:
        for a, b in _BREAKS:
            text = text.replace(a, b)
    return text


def _check_markup(text: str) -> str:
    """'户籍 江北区（要求渝北区） ✘' → the mark first, so the marks line up; a failure in red."""
    mark = text[-1] if text.endswith(("✔", "✘")) else ""
    # ReportLab's CJK wrapping may start a line with "；" inside digits and
    # spaces ("31 天；2026-04"): an ASCII "; " breaks at its space instead
    body = P.esc(text[:-1].rstrip() if mark else text).replace("；", "; ")
    if mark == "✘":
        return f'<font color="#9c2a00">✘ {body}</font>'
    return f"{mark} {body}" if mark else body


def _common_checks(rows: list[list[str]]) -> list[str]:
    """Passed checks every row shows the same way (the centre's own tests):
    printed once above the roster instead of on every row."""
    if len(rows) < 2:
        return []
    return [t for t in rows[0] if t.endswith("✔") and all(t in r for r in rows[1:])]


def _uniform_rates(rows, layers: list[str]) -> dict[str, str]:
    """Layer → rate when every row of the roster is paid 'N 个月 × rate'
    at the same rate: the rate is then printed once above the roster, not
    as a 计算 line on every row."""
    out: dict[str, str] = {}
    for name in layers:
        rates = {x.basis.split(" 个月 × ", 1)[1] if x.basis.startswith(f"{len(x.months)} 个月 × ") else None
                 for r in rows for x in r.layers if x.layer == name and x.amount_fen}
        if len(rates) == 1 and None not in rates and "；" not in next(iter(rates)):
            out[name] = rates.pop()
    return out


def _row_checks(row, layers: list[str], rates: dict[str, str]) -> list[str]:
    """The row's check lines without the 计算 lines a uniform rate makes redundant."""
    drop = {f"计算：{x.layer + ' ' if len(layers) > 1 else ''}{x.basis}" for x in row.layers
            if x.layer in rates and x.basis == f"{len(x.months)} 个月 × {rates[x.layer]}"}
    return [t for t in check_texts(row, len(layers)) if t not in drop]


def _pdf_info(info: list[str], values: list[str]) -> tuple[list[str], list[str]]:
    """The roster's info columns on paper: 入住 and 退住 share one column
    (the stay), 年龄 goes under 出生日期, so the checks keep their width.
    Returns (heads, cells)."""
    heads, cells = [], []
    for c, v in zip(info, values):
        if (c == "退住" and "入住" in info) or (c == "年龄" and "出生日期" in info):
            continue
        if c == "入住" and "退住" in info:
            left = values[info.index("退住")]
            heads.append("入住—退住")
            cells.append(f"{P.esc(v)}—<br/>{P.esc(left) if left else '在住'}")
            continue
        if c == "出生日期" and "年龄" in info:
            age = values[info.index("年龄")]
            heads.append("出生日期<br/>（年龄）")
            cells.append(P.esc(v) + (f"<br/>（{P.esc(age)}岁）" if age else ""))
            continue
        heads.append({"照护等级": "照护<br/>等级"}.get(c, P.esc(c)))
        cells.append(_info_markup(c, v))
    return heads, cells


def _fit(texts: list[str], cap: float, floor: float = 7 * MM) -> float:
    """A column as wide as its widest line (markup ``<br/>`` splits lines), within [floor, cap]."""
    widest = max((_width(line) for t in texts for line in t.split("<br/>")), default=0)
    return max(floor, min(cap, widest + 6.5))


def _signed_table(data: list[list], widths: list[float], cmds: list[tuple], sign: P.Table, keep: int) -> P.Table:
    """A long table ending in the 制表人 / 审核人 / 盖章 line as its own
    borderless last row: that row and the ``keep`` rows above it (the last
    subject and the totals) never split across pages, so the line is never
    alone on a page."""
    n = len(data) + 1
    data = data + [[sign] + [""] * (len(widths) - 1)]
    style = [(c[0], c[1], (c[2][0], n - 2)) + tuple(c[3:]) if c[0] in ("GRID", "BOX") else c
             for c in P.grid_style(1, cmds).getCommands()]
    style += [("SPAN", (0, n - 1), (-1, n - 1)), ("LEFTPADDING", (0, n - 1), (-1, n - 1), 0),
              ("NOSPLIT", (0, max(1, n - 1 - keep)), (-1, n - 1))]
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.TableStyle(style))
    return t


def _roster(form: ClaimForm) -> list:
    """The subjects claimed for (row.eligible), numbered 1..n, and the totals."""
    st, s, res = _st(), P.styles(), form.result
    rows = eligible_rows(form)
    info = roster_info_columns(form)
    layers = layer_names(form)
    pairs = [_pdf_info(info, roster_info(r, info, form.period_end)) for r in rows]
    shown = pairs[0][0] if pairs else _pdf_info(info, [""] * len(info))[0]
    info_cells = [cells for _, cells in pairs]
    rates = _uniform_rates(rows, layers)
    checks = [_row_checks(r, layers, rates) for r in rows]
    common = _common_checks(checks)
    monthly = has_months(form)
    cross_year = len({m[:4] for m in res.months}) > 1
    month_w = [(17 if cross_year else 13) * MM] if monthly else []
    heads = (["序号"] + shown + ["计补贴<br/>月数"][:len(month_w)] + ["核查情况（✔ 符合　✘ 不符合）"]
             + [P.esc(x) for x in layers] + ["合计", "签字"])
    widths = [7 * MM] + [_fit([c] + [row[i] for row in info_cells], _CAPS.get(c, 20 * MM)) for i, c in enumerate(shown)]
    totals = roster_totals(form)
    money_w = [_fit([name] + [yuan(t[1][k]) for t in totals], 28 * MM, 17 * MM) for k, name in enumerate(layers)]
    money_w.append(_fit(["合计"] + [yuan(t[2]) for t in totals], 28 * MM, 17 * MM))
    rest = sum(month_w) + sum(money_w) + 14 * MM
    check_w = P.landscape_width - sum(widths) - rest
    if check_w < 45 * MM:  # many columns: squeeze the info columns rather than the checks
        scale = (P.landscape_width - 45 * MM - rest - widths[0]) / (sum(widths) - widths[0])
        widths = [widths[0]] + [w * scale for w in widths[1:]]
        check_w = 45 * MM
    widths += month_w + [check_w] + money_w + [14 * MM]
    data: list[list] = [[_m(h, st["head"]) for h in heads]]
    cmds: list[tuple] = [("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    for i, (row, cells, texts) in enumerate(zip(rows, info_cells, checks), start=1):
        months = row.counted_months()
        amounts = [row_layer_fen(row, x) for x in layers] + [row.amount_fen]
        shown_months = P.esc(short_months(months, cross_year))
        if cross_year:
            shown_months = shown_months.replace("—", "—<br/>").replace("、", "、<br/>")
        month_cell = [_m(f"{len(months)}<br/>{shown_months}" if months else "0", st["center"])]
        data.append([_p(str(i), st["center"])] + [_m(c, st["cell"]) for c in cells] + month_cell[:len(month_w)]
                    + [[_m(_check_markup(t), st["check"]) for t in texts if t not in common]]
                    + [_p(yuan(a), st["right"] if a else st["grey_right"]) for a in amounts]
                    + [P.Spacer(1, 8 * MM)])
    if not rows:
        data.append([_p("（没有符合条件的对象）", st["cell"])] + [""] * (len(heads) - 1))
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    counted = sum(len(r.counted_months()) for r in rows)
    for label, per_layer, total in totals:
        r = len(data)
        data.append([_p(label, st["cell"])] + [""] * len(shown)
                    + [_p(str(counted) if label == "合计" else "", st["center"])][:len(month_w)] + [""]
                    + [_p(yuan(a), st["right"]) for a in per_layer + [total]] + [""])
        cmds += [("SPAN", (0, r), (len(shown), r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_STRONG)]
    W = P.landscape_width
    sign = _plain(["制表人：", "审核人：", "申请单位（盖章）：", "日期：　　　　年　　月　　日"],
                  [W * 0.2, W * 0.2, W * 0.35, W * 0.25], top=8 * MM)
    t = _signed_table(data, widths, cmds, sign, keep=len(totals) + 1)
    out = [P.NextPageTemplate(P.LANDSCAPE), P.PageBreak(), P.RecordStart("claim", progress=(0.3, "花名册")),
           *_title(form, roster_title(form), "　".join(x for x in (form.scheme_name, roster_count_text(form)) if x))]
    if rates:
        out.append(_m("各行计算：" + "；".join(f"{P.esc(k)} = 计补贴月数 × {P.esc(v)}" for k, v in rates.items()), s.small))
    if common:
        out.append(_m("各行均符合：" + "；".join(P.esc(x) for x in common), s.small))
    return out + [P.Spacer(1, 1.5 * MM)] * bool(rates or common) + [t]


def _left_out(form: ClaimForm) -> list:
    """不符合条件名单: who was left out (¥0) and the checks they failed."""
    rows = left_out_rows(form)
    if not rows:
        return []
    st, s = _st(), P.styles()
    cols = left_out_columns(form)
    layers = len(form.result.layers)
    idents = [[_info_markup(c, v) for c, v in zip(cols, roster_info(r, cols))] for r in rows]
    widths = [9 * MM] + [_fit([c] + [x[i] for x in idents], _CAPS.get(c, 40 * MM)) for i, c in enumerate(cols)]
    widths.append(P.landscape_width - sum(widths))
    data: list[list] = [[_p(h, st["head"]) for h in ["序号", *cols, "未纳入原因（不符合的条件）"]]]
    for i, (row, cells) in enumerate(zip(rows, idents), start=1):
        data.append([_p(str(i), st["center"])] + [_m(c, st["cell"]) for c in cells]
                    + [[_m(_check_markup(t), st["check"]) for t in left_out_reasons(row, layers)]])
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, [("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 1.4),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                ("NOSPLIT", (0, max(1, len(data) - 3)), (-1, -1))]))  # no lone last row
    unit = "人" if form.subject in ("resident", "worker") else "项"
    return [P.PageBreak(), P.RecordStart("claim", progress=(0.6, LEFT_OUT_TITLE)),
            *_title(form, LEFT_OUT_TITLE, form.scheme_name),
            _p(f"以下 {len(rows)} {unit}未计入本次申请（金额为0），列明不符合的条件，供核对。", s.small),
            P.Spacer(1, 1.5 * MM), t]


# --- 汇总表 and 附件清单 ---------------------------------------------------------------

def _summary(form: ClaimForm) -> list:
    st, s, res, W = _st(), P.styles(), form.result, P.content_width
    out = [P.NextPageTemplate(P.PORTRAIT), P.PageBreak(), P.RecordStart("claim", progress=(0.8, "汇总表")),
           *_title(form, "补贴资金汇总表")]
    funders = layer_funders(form)
    data: list[list] = [[_p(h, st["head"]) for h in ("补贴项目", "领取方", "资金来源", "各行合计", "上限",
                                                     "此前已申领", "本次申请")]]
    cmds: list[tuple] = []
    for x in res.layers:
        data.append([_p(x.layer, st["cell"]), _p(("机构", "老人")[x.recipient == "resident"], st["center"]),
                     _p(funders.get(x.layer, ""), st["cell"]), _p(yuan(x.rows_fen), st["right"]),
                     _p(cap_text(x.cap_fen), st["right"] if x.cap_fen is not None else st["center"]),
                     _p(yuan(x.earlier_fen), st["right"]), _p(yuan(x.allowed_fen), st["right"])])
        if x.cap_note:
            r = len(data)
            data.append([_p(f"上限说明：{x.cap_note}", st["check"])] + [""] * 6)
            cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_LIGHT)]
    r = len(data)
    data.append([_p("合计", st["cell"]), "", "", _p(yuan(sum(x.rows_fen for x in res.layers)), st["right"]), "",
                 _p(yuan(sum(x.earlier_fen for x in res.layers)), st["right"]), _p(yuan(res.total_fen), st["right"])])
    cmds += [("SPAN", (0, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_STRONG)]
    t = P.Table(data, colWidths=[36 * MM, 13 * MM, 35 * MM, 24 * MM, 24 * MM, 24 * MM, 24 * MM], repeatRows=1)
    t.setStyle(P.grid_style(1, cmds))
    out += [P.Heading("一、各补贴项目", size=10.5, rule=False, space_before=2), t]

    data = [[_p(h, st["head"]) for h in ("资金来源", "金额（元）", "占比")]]
    data += [[_p(n, st["cell"]), _p(yuan(f), st["right"]), _p(share_text(f, res.total_fen), st["right"])]
             for n, f in res.funders]
    data.append([_p("合计", st["cell"]), _p(yuan(sum(f for _, f in res.funders)), st["right"]),
                 _p(share_text(res.total_fen, res.total_fen), st["right"])])
    t = P.Table(data, colWidths=[80 * MM, 50 * MM, 50 * MM], repeatRows=1)
    t.setStyle(P.grid_style(1, [("BACKGROUND", (0, -1), (-1, -1), P.SHADE_STRONG)]))
    out += [P.Heading("二、资金来源（按分担比例）", size=10.5, rule=False), t]

    residents = sum(1 for r in res.rows if any(x.recipient == "resident" and x.amount_fen for x in r.layers))
    data = [[_p(h, st["head"]) for h in ("领取方", "金额（元）", "说明")],
            [_p("机构部分", st["cell"]), _p(yuan(res.centre_fen), st["right"]), _p("计入机构政府补助收入", st["cell"])],
            [_p("老人部分", st["cell"]), _p(yuan(res.resident_fen), st["right"]),
             _p(f"代收后发给{residents}位老人（不计入机构收入）" if residents else "本项补贴没有发给老人的部分", st["cell"])],
            [_p("申请金额合计", st["cell"]), _p(yuan(res.total_fen), st["right"]), _p(upper(res.total_fen), st["cell"])]]
    t = P.Table(data, colWidths=[40 * MM, 40 * MM, W - 80 * MM], repeatRows=1)
    t.setStyle(P.grid_style(1, [("BACKGROUND", (0, -1), (-1, -1), P.SHADE_STRONG)]))
    out += [P.Heading("三、机构与老人", size=10.5, rule=False), t]
    later = approval_text(form)
    if later:
        out += [P.Spacer(1, 3 * MM)] + [_p(x, s.body) for x in later]
    for line in res.notes:
        out.append(_p(line, s.note))
    if res.missing:
        out += [P.Spacer(1, 2 * MM), P.note_box("缺少补贴参数：" + "、".join(res.missing))]
    return out


def _attachments(form: ClaimForm) -> list:
    st, s = _st(), P.styles()
    items = form.attachments or ("（政策配置未列出附件，请按当年通知准备）",)
    data: list[list] = [[_p(h, st["head"]) for h in ("序号", "材料名称", "已附", "份数", "备注")]]
    data += [[_p(str(i), st["center"]), _p(a, P.styles().cell), _p(CHECKBOX, st["box"]), "", ""]
             for i, a in enumerate(items, start=1)]
    t = P.Table(data, colWidths=[12 * MM, 104 * MM, 14 * MM, 14 * MM, 36 * MM], repeatRows=1)
    t.setStyle(P.grid_style(1, [("ALIGN", (2, 1), (2, -1), "CENTER"), ("TOPPADDING", (0, 1), (-1, -1), 4),
                                ("BOTTOMPADDING", (0, 1), (-1, -1), 4.5)]))
    return [P.CondPageBreak(80 * MM), P.Spacer(1, 6 * MM), P.Heading("申报材料附件清单", size=13, align="center", rule=False),
            _p(f"{form.scheme_name}　申报编号：{form.number}", s.subtitle), P.Spacer(1, 2 * MM), t,
            _p("复印件须加盖申请单位公章；已附的材料在“已附”栏打“✔”。", s.note)]


def claim_pdf(form: ClaimForm, progress: Callable[[float, str], None] | None = None, abort=None) -> bytes:
    """The claim's documents as PDF bytes."""
    story: list = [P.RecordStart("claim", progress=(0.05, "申请表"))]
    if form.draft:
        story.append(_Watermark(DRAFT_MARK))
    story += _application(form) + _roster(form) + _left_out(form) + _summary(form) + _attachments(form)
    info = P.PageInfo(form.centre.name, f"{form.scheme_name}　申报材料", form.printed_on, reference=form.reference,
                      subject=f"{form.scheme_name} {form.period}")
    return P.pdf_bytes(story, info, progress, abort)
