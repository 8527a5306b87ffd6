"""审计日志 printed: A4 landscape, the filter it was printed with, one table
row per audit entry with before/after as a person reads them. Embedded CJK
font, header and footer as every document (documents.pdf)."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from . import pdf as P

TITLE = "审计日志"
HEADERS = ("序号", "时间", "用户", "操作", "对象", "对象编号", "修改前", "修改后")


def story(subtitle: str, rows: Sequence[Sequence[str]]) -> list:
    s = P.styles()
    W = P.landscape_width
    out: list = [P.Heading(TITLE, size=16, align="center", rule=False, space_before=0, space_after=2),
                 P.Paragraph(P.esc(subtitle), s.subtitle), P.Spacer(1, 4)]
    if not rows:
        out.append(P.Paragraph(P.esc("没有符合筛选条件的审计记录。"), s.body))
        return out
    mm = P.mm
    fixed = [12 * mm, 27 * mm, 16 * mm, 30 * mm, 18 * mm, 16 * mm]
    rest = (W - sum(fixed)) / 2
    data = [[P.Paragraph(P.esc(h), s.head) for h in HEADERS]]
    for r in rows:
        data.append([P.Paragraph(P.esc(v).replace("\n", "<br/>"), s.cell_small if i >= 6 else s.cell)
                     for i, v in enumerate(r)])
    tb = P.Table(data, colWidths=fixed + [rest, rest], hAlign="LEFT", repeatRows=1)
    tb.setStyle(P.grid_style(1, [("VALIGN", (0, 1), (-1, -1), "TOP")]))
    out.append(tb)
    return out


def render_audit(centre_name: str, subtitle: str, rows: Sequence[Sequence[str]], printed_on: dt.date) -> bytes:
    info = P.PageInfo(centre_name=centre_name or "养老机构", title=TITLE, printed_on=printed_on,
                      reference=f"共{len(rows)}条", author=centre_name, subject=TITLE)
    return P.pdf_bytes(story(subtitle, rows), info, landscape=True)
