"""合规自查报告 as PDF (A4 portrait, CJK font embedded), for an inspection:
the centre, the day checked and the overall result up front with a table of
every rule (green ✔ 符合 / red ✘ 不符合), then a section per rule with its
basis in the seeds, what was found and the residents or records behind a
red (name, detail, amount, date), and the signatures.

Pure renderer: a :class:`SelfCheck` in, PDF bytes out."""
from __future__ import annotations

import datetime as dt

from ..domain.compliance_records import CheckItem, SelfCheck
from ..domain.money import format_yuan
from . import pdf as P

TITLE = "合规自查报告"
NUMERALS = "一二三四五六七八九十"
GREEN = P.colors.HexColor("#2e7d32")
RED = P.colors.HexColor("#c62828")
GREEN_BG = P.colors.HexColor("#e8f5e9")
RED_BG = P.colors.HexColor("#fdecea")


def _p(text: object, style) -> P.Paragraph:
    return P.Paragraph(P.esc(text), style)


def _style(name: str, parent, **kw) -> P.ParagraphStyle:
    return P.ParagraphStyle(name, parent=parent, **kw)


def _numbered(i: int) -> str:
    n = i + 1
    return (NUMERALS[n - 1] if n <= 10 else "十" + NUMERALS[n - 11]) + "、"


def _result_cell(ok: bool) -> P.Paragraph:
    s = P.styles()
    return _p(("✔ 符合" if ok else "✘ 不符合"), _style("cp-res-ok" if ok else "cp-res-bad", s.cell_center,
                                                     textColor=GREEN if ok else RED))


def _header(sc: SelfCheck) -> list:
    s = P.styles()
    W, mm = P.content_width, P.mm
    out: list = [P.Heading(TITLE, size=18, align="center", rule=False, space_before=0, space_after=4),
                 _p(f"{sc.centre_name or '（未填写机构信息）'}　自查日期：{P.fmt_date(sc.on, 'cn')}", s.subtitle),
                 P.Spacer(1, 4 * mm)]
    lw = 26 * mm
    out.append(P.kv_table([
        ["机构名称", sc.centre_name or "（未填写）", "自查日期", P.fmt_date(sc.on)],
        ["政策配置", f"{sc.profile_name}（{sc.profile_code}）", "自查人", sc.checked_by],
    ], [lw, W / 2 - lw, lw, W / 2 - lw], label_cols=(0, 2)))
    out.append(P.Spacer(1, 3 * mm))
    conclusion = _style("cp-conclusion", s.body, fontSize=11, leading=15, textColor=GREEN if sc.ok else RED)
    box = P.Table([[_p("自查结论：" + sc.summary(), conclusion)]], colWidths=[W])
    box.setStyle(P.TableStyle([
        ("FONT", (0, 0), (-1, -1), P.register_font(), 10),
        ("BOX", (0, 0), (-1, -1), 1, GREEN if sc.ok else RED),
        ("BACKGROUND", (0, 0), (-1, -1), GREEN_BG if sc.ok else RED_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    out.append(box)
    out.append(P.Spacer(1, 3 * mm))
    # the overview: one row per rule
    data: list[list] = [[_p(h, s.head) for h in ("序号", "自查项目", "结果", "情况")]]
    cmds: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    for i, it in enumerate(sc.items, start=1):
        data.append([str(i), _p(it.rule, s.cell), _result_cell(it.ok), _p(it.summary, s.cell)])
        cmds.append(("BACKGROUND", (2, i), (2, i), GREEN_BG if it.ok else RED_BG))
    t = P.Table(data, colWidths=[12 * mm, 52 * mm, 22 * mm, W - 86 * mm], repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, cmds))
    out.append(t)
    return out


def _findings(it: CheckItem) -> P.Table:
    s = P.styles()
    W, mm = P.content_width, P.mm
    data: list[list] = [[_p(h, s.head) for h in ("序号", "住户 / 记录", "情况", "金额（元）", "日期")]]
    for i, f in enumerate(it.findings, start=1):
        subject = f.subject + (f"\n{f.ref}" if f.ref and f.ref not in f.detail else "")
        data.append([str(i), _p(subject, s.cell), _p(f.detail, s.cell),
                     _p(format_yuan(f.amount_fen, symbol=False) if f.amount_fen is not None else "", s.cell_right),
                     _p(f.day_text(), s.cell_center)])
    t = P.Table(data, colWidths=[10 * mm, 32 * mm, W - 96 * mm, 30 * mm, 24 * mm], repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, [("ALIGN", (0, 1), (0, -1), "CENTER")]))
    return t


def _section(i: int, it: CheckItem) -> list:
    s = P.styles()
    head = P.Heading(f"{_numbered(i)}{it.rule}　{it.mark} {it.status}", size=11.5, space_before=10, space_after=3,
                     color=P.INK if it.ok else RED)
    basis = _style("cp-basis", s.note, leftIndent=2)
    out: list = [head, _p("依据：" + it.basis, basis), P.Spacer(1, 2),
                 _p(("情况：" if it.ok else "问题：") + it.summary, s.body if it.ok else s.warning)]
    for n in it.notes:
        out.append(_p("· " + n, _style("cp-notes", s.small, leftIndent=8)))
    if it.findings:
        out += [P.Spacer(1, 3), _findings(it)]
    keep = out[:4 + len(it.notes)]  # the heading never stays alone at a page's foot
    return [P.KeepTogether(keep)] + out[len(keep):]


def story(sc: SelfCheck) -> list:
    s = P.styles()
    out = _header(sc)
    out.append(P.Spacer(1, 2 * P.mm))
    out.append(P.Heading("逐项情况", size=13, space_before=8, space_after=2))
    for i, it in enumerate(sc.items):
        out += _section(i, it)
    out += [P.Spacer(1, 8 * P.mm), P.KeepTogether([
        _p("本机构对照上述规定逐项自查，以上情况属实；不符合项已列明所涉住户及记录，将限期整改。", s.body),
        P.Spacer(1, 2),
        P.signature_block([P.Signer("自查人", sc.checked_by), P.Signer("机构负责人")]),
    ])]
    return out


def selfcheck_pdf(sc: SelfCheck, printed_on: dt.date | None = None) -> bytes:
    """The report; ``printed_on`` (the footer's date) defaults to the day checked."""
    info = P.PageInfo(sc.centre_name, TITLE, printed_on or sc.on, reference=f"自查日期：{P.fmt_date(sc.on)}",
                      subject=f"{sc.centre_name} {TITLE}")
    return P.pdf_bytes(story(sc), info)
