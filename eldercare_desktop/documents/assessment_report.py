"""老年人能力评估报告: one assessment as an A4 PDF form.

A pure renderer: an :class:`AssessmentDetail` (every figure already computed
by the service) and the printing date in, PDF bytes out. It prints the whole
form (every item with its score, maximum and the chosen option's wording,
grouped by section with subtotals), the total, the preliminary grade, each
grade change with its reason, the final grade and the care level that
follows, the correction links, and signature lines for both assessors and
the information provider.
"""
from __future__ import annotations

import datetime as dt

from ..domain.records import AssessmentDetail
from . import pdf as P

TITLE = "老年人能力评估报告"


def render_assessment_report(detail: AssessmentDetail, printed_on: dt.date) -> bytes:
    """The report of one assessment as PDF bytes (A4, CJK font embedded).

    ``printed_on`` is the date printed in the footer (the app's clock, passed in)."""
    d = detail
    info = P.PageInfo(
        centre_name=d.centre_name, title=TITLE, printed_on=printed_on,
        reference=f"评估编号：{d.number}", author=d.centre_name,
        subject=f"{d.resident_name} {d.instrument_code} {d.number}",
    )
    return P.pdf_bytes(story(d), info)


def _grade(n: int, name: str) -> str:
    return f"{n}级　{name}"


def story(d: AssessmentDetail) -> list:
    """The flowables of the report (kept separate so a batch document can
    print several reports, each after a PageBreak and a RecordStart)."""
    s = P.styles()
    W = P.content_width
    out: list = [
        P.Heading(TITLE, size=17, align="center", rule=False, space_before=0, space_after=2),
        P.Paragraph(P.esc(f"依据 {d.instrument_code}《{d.instrument_name}》"), s.subtitle),
        P.Spacer(1, 4),
    ]
    if d.superseded_by_number:
        out += [P.note_box(f"本评估已被评估编号 {d.superseded_by_number} 更正，以更正后的评估结果为准。"),
                P.Spacer(1, 3)]

    # 一、基本信息
    lw, vw = 22 * P.mm, (W - 3 * 22 * P.mm) / 3
    out.append(P.Heading("一、基本信息"))
    out.append(P.kv_table([
        ["评估编号", d.number, "评估基准日期", P.fmt_date(d.base_date), "评估原因", d.reason],
        ["姓名", d.resident_name, "性别", d.resident_gender, "出生日期", P.fmt_date(d.resident_birth_date)],
        ["身份证号", d.resident_id_number, "床位", d.resident_bed or "—", "评估工具", d.instrument_code],
        ["信息提供者", d.informant_name or "—", "与老人关系", d.informant_relation or "—",
         "评估员", "、".join(x for x in (d.assessor1, d.assessor2) if x)],
    ], [lw, vw, lw, vw, lw, vw], label_cols=(0, 2, 4)))

    # 二、疾病诊断、用药、风险事件、健康问题
    out.append(P.Heading("二、疾病诊断与健康状况"))
    dx = "；".join(
        f"{name}（{code}）" if name else code
        for code, name in zip(d.diagnoses, tuple(d.diagnosis_names) + ("",) * len(d.diagnoses))
    ) or "无"
    events_total = sum(n for _, n in d.risk_events)
    events = "；".join(f"{kind} {n} 次" for kind, n in d.risk_events) if d.risk_events else ""
    events = f"{events}（合计 {events_total} 次）" if events else "无"
    health = "；".join(f"{k}：{v}" for k, v in d.health if str(v).strip())
    if d.coma and "昏迷" not in health:
        health = "；".join(x for x in (health, "昏迷：是") if x)
    lw2 = 30 * P.mm
    out.append(P.kv_table([
        ["疾病诊断（ICD-10）", dx],
        ["用药情况", d.medications.strip() or "无"],
        ["近30天照护风险事件", events],
        ["健康相关问题", health or "无"],
    ], [lw2, W - lw2]))

    # 三、能力评估
    out.append(P.Heading("三、能力评估"))
    out.append(_items_table(d))

    # 四、评估结果
    out.append(P.Heading("四、评估结果"))
    strong = P.ParagraphStyle("ec-strong", parent=s.cell, fontSize=10, leading=13)
    # one paragraph per reason: <br/> after a line that fills the cell leaves an empty line
    adj: object = [P.Paragraph(f"{i}. {P.esc(a)}", s.cell) for i, a in enumerate(d.adjustments, 1)] or "无"
    rows: list[list[object]] = [
        ["评估总分", f"{d.total} 分（满分 {d.max_total} 分）"],
        ["初步等级", _grade(d.preliminary_grade, d.preliminary_name)],
        ["等级变更依据", adj],
        ["最终能力等级", P.Paragraph(P.esc(_grade(d.final_grade, d.grade_name)), strong)],
        ["对应照护等级", P.Paragraph(P.esc(d.care_level or "—"), strong)],
    ]
    if d.notes.strip():
        rows.append(["备注", d.notes.strip()])
    links = []
    if d.supersedes_number:
        links.append(f"本评估更正了评估编号 {d.supersedes_number} 的评估，原评估不再作为依据。")
    if d.superseded_by_number:
        links.append(f"本评估已被评估编号 {d.superseded_by_number} 更正。")
    if links:
        rows.append(["更正说明", "".join(links)])
    final_row = 3
    out.append(P.kv_table(rows, [lw2, W - lw2], extra=[
        ("BACKGROUND", (1, final_row), (1, final_row + 1), P.SHADE_LIGHT),
    ]))

    # 五、签名
    signers = [
        P.Signer("评估员1", d.assessor1),
        P.Signer("评估员2", d.assessor2),
        P.Signer("信息提供者", d.informant_name, d.informant_relation),
    ]
    made = f"录入：{d.created_by}　{d.created_at:%Y-%m-%d %H:%M}" if d.created_by else ""
    out.append(P.KeepTogether([
        P.Heading("五、签名确认"),
        P.Paragraph("以上评估内容经评估员与信息提供者核对无误。", s.small),
        P.signature_block(signers),
        P.Spacer(1, 6),
        P.Paragraph(P.esc(made), s.note),
    ]))
    return out


def _items_table(d: AssessmentDetail):
    """Every item grouped by section: a section row, the items, a subtotal row;
    the grand total at the bottom. The header row repeats on each page."""
    s = P.styles()
    W = P.content_width
    widths = [15 * P.mm, 30 * P.mm, W - 15 * P.mm - 30 * P.mm - 2 * 13 * P.mm, 13 * P.mm, 13 * P.mm]
    head = [P.Paragraph(t, s.head) for t in ("编码", "评估项目", "评定情况", "得分", "满分")]
    data: list[list[object]] = [head]
    cmds: list[tuple] = []
    by_section: dict[str, list[tuple]] = {}
    for it in d.items:
        by_section.setdefault(it[0], []).append(it)
    seen: set[str] = set()
    sec_style = P.ParagraphStyle("ec-sec", parent=s.cell, fontSize=9, leading=11.5)
    sub_style = P.ParagraphStyle("ec-sub", parent=s.cell, alignment=P.TA_RIGHT)
    for code, name, total, maximum, grade_text in d.sections:
        items = by_section.get(name, [])
        seen.add(name)
        r = len(data)
        data.append([P.Paragraph(P.esc(f"{code}　{name}"), sec_style), "", "", "", ""])
        cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_LIGHT)]
        for _, icode, iname, score, imax, option in items:
            data.append([
                P.Paragraph(P.esc(icode), s.cell), P.Paragraph(P.esc(iname), s.cell),
                P.Paragraph(P.esc(option), s.cell),
                P.Paragraph(str(score), s.cell_center), P.Paragraph(str(imax), s.cell_center),
            ])
        r = len(data)
        label = f"{name}　小计" + (f"（{grade_text}）" if grade_text else "")
        data.append([P.Paragraph(P.esc(label), sub_style), "", "",
                     P.Paragraph(str(total), s.cell_center), P.Paragraph(str(maximum), s.cell_center)])
        cmds += [("SPAN", (0, r), (2, r)), ("LINEBELOW", (0, r), (-1, r), 0.8, P.INK)]
    # items whose section is not listed (should not happen): still print them
    rest = [it for it in d.items if it[0] not in seen]
    for sec, icode, iname, score, imax, option in rest:
        data.append([P.Paragraph(P.esc(icode), s.cell), P.Paragraph(P.esc(f"{iname}（{sec}）"), s.cell),
                     P.Paragraph(P.esc(option), s.cell),
                     P.Paragraph(str(score), s.cell_center), P.Paragraph(str(imax), s.cell_center)])
    r = len(data)
    strong = P.ParagraphStyle("ec-tot", parent=s.cell, fontSize=9.5, leading=12)
    data.append([P.Paragraph("评估总分", P.ParagraphStyle("ec-tot-l", parent=strong, alignment=P.TA_RIGHT)), "", "",
                 P.Paragraph(str(d.total), P.ParagraphStyle("ec-tot-c", parent=strong, alignment=P.TA_CENTER)),
                 P.Paragraph(str(d.max_total), P.ParagraphStyle("ec-tot-m", parent=strong, alignment=P.TA_CENTER))])
    cmds += [("SPAN", (0, r), (2, r)), ("BACKGROUND", (0, r), (-1, r), P.SHADE_STRONG)]
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, cmds))
    return t
