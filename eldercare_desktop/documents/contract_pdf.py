"""养老服务合同: one contract as an A4 PDF for signature.

A pure renderer: a :class:`ContractDetail` (every figure computed by the
service) and the printing date in, PDF bytes out. It prints the parties, the
term, service content and items, the fee table with the monthly service fee
(meals counted as MEAL_DAYS_PER_MONTH days) and the proration rule, how fees
are paid, the deposit in figures and 大写 with its purpose, cap and escrow
account, amendment, termination and refund terms, dispute resolution,
signature blocks, and an annex of amendments (and the settlement once
terminated)."""
from __future__ import annotations

import datetime as dt

from ..domain.billing import KIND_NAMES, PRORATION_RULE
from ..domain.contract_records import ContractDetail, TermInfo
from ..domain.contracts import MEAL_DAYS_PER_MONTH, SETTLEMENT_METHOD, cap_text, deposit_cap
from ..domain.money import format_yuan, to_chinese_upper
from . import pdf as P

TITLE = "养老服务合同"


def render_contract(detail: ContractDetail, printed_on: dt.date) -> bytes:
    d = detail
    info = P.PageInfo(centre_name=d.centre.name or "养老机构", title=TITLE, printed_on=printed_on,
                      reference=f"合同编号：{d.number}", author=d.centre.name,
                      subject=f"{d.resident_name} {d.number}")
    return P.pdf_bytes(story(d), info)


def _para(text: str, style=None):
    return P.Paragraph(P.esc(text), style or P.styles().body)


def _article(n: int, title: str) -> P.Heading:
    return P.Heading(f"第{'一二三四五六七八九十'[n - 1] if n <= 10 else '十' + '一二三四五六七八九'[n - 11]}条　{title}",
                     size=10.5, space_before=6, space_after=3)


def _fee_table(t: TermInfo, meal_days: int) -> P.Table:
    s = P.styles()
    W = P.content_width
    meals_month = t.meal_rate_fen * meal_days
    rows = [
        ["收费项目", "标准", "计费方式", "月服务费计入"],
        [f"床位费（{t.bed_label}）", f"{format_yuan(t.bed_fee_fen)}/月", "按月收取，不足整月按自然日折算",
         format_yuan(t.bed_fee_fen)],
        [f"护理费（{t.care_level}）", f"{format_yuan(t.care_fee_fen)}/月", "按照护等级按月收取，不足整月按自然日折算",
         format_yuan(t.care_fee_fen)],
        ["伙食费", f"{format_yuan(t.meal_rate_fen)}/日", f"按实际在院天数据实结算；月服务费按每月{meal_days}天计",
         f"{format_yuan(t.meal_rate_fen)} × {meal_days} = {format_yuan(meals_month)}"],
        ["月服务费合计", "", "床位费 + 护理费 + 伙食费（按每月30天计）".replace("30", str(meal_days)),
         format_yuan(t.monthly_fen)],
    ]
    data = [[P.Paragraph(P.esc(v), s.head if r == 0 else (s.cell_right if c == 3 else s.cell))
             for c, v in enumerate(row)] for r, row in enumerate(rows)]
    tb = P.Table(data, colWidths=[34 * P.mm, 30 * P.mm, W - 34 * P.mm - 30 * P.mm - 42 * P.mm, 42 * P.mm],
                 hAlign="LEFT")
    tb.setStyle(P.grid_style(1, [("BACKGROUND", (0, -1), (-1, -1), P.SHADE_STRONG), ("SPAN", (0, -1), (1, -1))]))
    return tb


def _note(text: str) -> P.Table:
    """P.note_box with the table font set (note_box leaves ReportLab's default,
    which puts an unembedded Helvetica in the PDF)."""
    t = P.note_box(text)
    t.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), 9)]))
    return t


def party_rows(d: ContractDetail) -> list[list[str | None]]:
    """The 合同各方 grid, four columns (label, value, label, value). ``None``
    continues the value on its left (a span); every row starts with a label."""
    rows: list[list[str | None]] = [
        ["甲方（养老机构）", d.centre.name, None, None],
        ["统一社会信用代码", d.centre.credit_code or "—", "法定代表人", d.centre.legal_representative or "—"],
        ["地址", d.centre.address or "—", "联系电话", d.centre.phone or "—"],
        ["乙方（入住老人）", d.resident_name, "性别 / 出生日期",
         f"{d.resident_gender} / {P.fmt_date(d.resident_birth_date)}"],
        ["身份证号", d.resident_id_number, "户籍地", d.resident_hukou or "—"],
        ["住址", d.resident_address or "—", "联系电话", d.resident_phone or "—"],
    ]
    if d.has_agent:
        rows += [["丙方（代理人）", d.agent_name, "与乙方关系", d.agent_relation],
                 ["丙方住址", d.agent_address or "—", "联系电话", d.agent_phone or "—"]]
    return rows


def _label_width(labels, style) -> float:
    """A label column as wide as its longest label on one line (plus the cell
    padding), so no label wraps mid-word (统一社会信用代/码)."""
    return max(P.pdfmetrics.stringWidth(t, style.fontName, style.fontSize) for t in labels) + 3 + 3 + 4


def parties_table(d: ContractDetail) -> P.Table:
    """Label/value grid of the parties. Only cells holding a label are shaded
    (a spanned value never shows a shaded empty label cell), and the label
    columns fit their longest label."""
    s = P.styles()
    W = P.content_width
    rows = party_rows(d)
    lw0 = _label_width([r[0] for r in rows], s.label)
    lw2 = _label_width([r[2] for r in rows if r[2]], s.label)
    vw = (W - lw0 - lw2) / 2
    data = []
    spans: list[tuple] = []
    shade: list[tuple] = []
    for r, row in enumerate(rows):
        out: list[object] = []
        for c, v in enumerate(row):
            if v is None:
                out.append("")
                continue
            out.append(P.Paragraph(P.esc(v), s.label if c in (0, 2) else s.cell))
            if c in (0, 2):
                shade.append(("BACKGROUND", (c, r), (c, r), P.SHADE))
        if row[2] is None:
            spans.append(("SPAN", (1, r), (3, r)))
        data.append(out)
    tb = P.Table(data, colWidths=[lw0, vw, lw2, vw], hAlign="LEFT")
    tb.setStyle(P.grid_style(0, shade + spans))
    return tb


def _seal_block(d: ContractDetail) -> P.Table:
    """Three columns: 甲方（机构盖章）, 乙方（老人）, 丙方（代理人）: a space to
    sign or seal above a line, the printed name under it, and a date line."""
    s = P.styles()
    W = P.content_width
    under = P.ParagraphStyle("ht-under", parent=s.cell_small, alignment=P.TA_CENTER)
    heads = ["甲方（机构盖章）", "乙方（老人）签字或按手印", "丙方（代理人）签字"]
    # the centre's name and the signer's role on lines of their own: the role never breaks mid-word
    names = [P.esc(d.centre.name) + "<br/>" + P.esc("法定代表人或授权代表签字"), P.esc(d.resident_name),
             P.esc(f"{d.agent_name}（{d.agent_relation}）" if d.has_agent else "（无代理人时不填）")]
    date = "日期：" + "\u3000" * 4 + "年" + "\u3000" * 2 + "月" + "\u3000" * 2 + "日"
    data = [[P.Paragraph(P.esc(h + "："), s.body) for h in heads], ["", "", ""],
            [P.Paragraph(n, under) for n in names], [date, date, date]]
    tb = P.Table(data, colWidths=[W / 3] * 3, rowHeights=[14, 44, 24, 18], hAlign="LEFT")
    tb.setStyle(P.TableStyle([
        ("FONT", (0, 0), (-1, -1), P.register_font(), 9.5),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("VALIGN", (0, 2), (-1, 2), "TOP"),
        ("LINEBELOW", (0, 1), (-1, 1), 0.6, P.INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
    ]))
    return tb


def story(d: ContractDetail) -> list:
    s = P.styles()
    W = P.content_width
    clauses = {k: (t, v) for k, t, v in d.clauses}
    out: list = [
        P.Heading(TITLE, size=18, align="center", rule=False, space_before=0, space_after=2),
        _para(f"合同编号：{d.number}　　签订日期：{P.fmt_date(d.signed_date, 'cn')}", s.subtitle),
        P.Spacer(1, 5),
    ]
    if d.status != "生效":
        out += [_note(f"本合同已于{P.fmt_date(d.termination_date, 'cn')}终止（{d.termination_reason}），"
                           "终止结算见附件二。"), P.Spacer(1, 3)]
    out.append(P.Heading("合同各方", size=10.5, space_before=2))
    out.append(parties_table(d))
    out.append(P.Spacer(1, 4))
    out.append(_para("根据《中华人民共和国民法典》《中华人民共和国老年人权益保障法》《养老机构管理办法》等法律法规，"
                     "甲、乙、丙各方在平等、自愿、协商一致的基础上，就乙方入住甲方接受养老服务的有关事项订立本合同，"
                     "共同遵守。"))

    n = 0

    def art(title: str) -> None:
        nonlocal n
        n += 1
        out.append(P.CondPageBreak(28 * P.mm))  # a heading never ends a page alone
        out.append(_article(n, title))

    art("合同期限")
    out.append(_para(f"本合同期限自{P.fmt_date(d.start_date, 'cn')}起至{P.fmt_date(d.end_date, 'cn')}止。"
                     f"乙方入住床位：{d.bed_code or '由甲方安排'}。合同期满需继续入住的，各方另行续签。"))
    art("服务内容和服务项目")
    st = d.signed_term
    out.append(_para(f"乙方照护等级：{st.care_level}（依据老年人能力评估结果确定）。" + clauses["service_content"][1]))
    out.append(_para("服务项目：" + clauses["service_items"][1]))
    art("收费标准")
    out.append(_para(f"乙方入住时适用的收费标准如下（自{P.fmt_date(st.effective_date, 'cn')}起）："))
    out.append(P.Spacer(1, 2))
    out.append(_fee_table(st, d.meal_days))
    out.append(P.Spacer(1, 2))
    out.append(_para(f"月服务费中伙食费按每月{MEAL_DAYS_PER_MONTH}天计算，仅用于确定押金上限；实际伙食费按在院天数结算。"
                     f"计费规则：{PRORATION_RULE}。", s.small))
    if d.fee_override_reason:
        out.append(_para(f"经各方协商，本合同约定的收费与甲方公示标准不同，原因：{d.fee_override_reason}。", s.small))
    art("费用支付方式")
    out.append(_para(clauses["payment"][1]))
    art("押金")
    cap = deposit_cap(st.monthly_fen, d.deposit_multiplier)  # at signing
    out.append(_para(f"乙方（或丙方）向甲方交纳押金人民币{format_yuan(d.deposit_fen, symbol=False)}元"
                     f"（大写：{to_chinese_upper(d.deposit_fen)}）。{cap_text(cap, d.deposit_multiplier)}，"
                     f"本合同月服务费为{format_yuan(st.monthly_fen)}。"))
    out.append(_para(clauses["deposit_purpose"][1]))
    out.append(P.Spacer(1, 2))
    out.append(P.kv_table([
        ["押金专户开户银行", d.centre.escrow_bank or "—"],
        ["押金专户户名", d.centre.escrow_account_name or "—"],
        ["押金专户账号", d.centre.escrow_account_no or "—"],
    ], [34 * P.mm, W - 34 * P.mm]))
    art(clauses["party_a_duties"][0])
    out.append(_para(clauses["party_a_duties"][1]))
    art(clauses["party_b_duties"][0])
    out.append(_para(clauses["party_b_duties"][1]))
    art(clauses["amendment"][0])
    out.append(_para(clauses["amendment"][1]))
    art(clauses["termination"][0])
    out.append(_para(clauses["termination"][1]))
    out.append(_para(SETTLEMENT_METHOD, s.small))
    art(clauses["dispute"][0])
    out.append(_para(clauses["dispute"][1]))
    art(clauses["other"][0])
    out.append(_para(clauses["other"][1]))
    out.append(P.Spacer(1, 10))
    out.append(P.KeepTogether([_seal_block(d)]))

    # annex 1: amendments
    out += [P.CondPageBreak(60 * P.mm), P.Heading("附件一　合同变更记录", size=11, space_before=12)]
    if d.amendments:
        head = ["生效日期", "变更类型", "床位费/月", "照护等级", "护理费/月", "伙食费/日", "月服务费", "说明", "同意人/日期"]
        data = [[P.Paragraph(h, s.head) for h in head]]
        for t in d.amendments:
            data.append([P.Paragraph(P.esc(v), s.cell_right if i in (2, 4, 5, 6) else s.cell) for i, v in enumerate((
                P.fmt_date(t.effective_date), t.kind, format_yuan(t.bed_fee_fen), t.care_level,
                format_yuan(t.care_fee_fen), format_yuan(t.meal_rate_fen), format_yuan(t.monthly_fen),
                t.description or "—",
                f"{t.consent_by} {P.fmt_date(t.consent_date)}".strip() or "—"))])
        widths = [20, 20, 20, 18, 20, 17, 20, 0, 27]
        fixed = sum(widths) * P.mm
        tb = P.Table(data, colWidths=[w * P.mm if w else W - fixed for w in widths], hAlign="LEFT", repeatRows=1)
        tb.setStyle(P.grid_style(1))
        out.append(tb)
        if d.deposit_excess_fen:
            out.append(P.Spacer(1, 3))
            out.append(_note(f"按现行月服务费{format_yuan(d.monthly_fen)}，押金上限为{format_yuan(d.deposit_cap_fen)}；"
                                  f"已收押金超过上限{format_yuan(d.deposit_excess_fen)}，超出部分应退还。"))
    else:
        out.append(_para("签订后暂无变更。"))

    # annex 2: settlement
    if d.termination_date is not None:
        out += [P.Heading("附件二　合同终止结算", size=11, space_before=10),
                _para(f"最后服务日：{P.fmt_date(d.termination_date, 'cn')}；终止原因：{d.termination_reason}"
                      + (f"（{d.termination_note}）" if d.termination_note else "") + "。")]
        if d.settlement_lines:
            data = [[P.Paragraph(h, s.head) for h in ("月份", "项目", "已计费", "截至最后服务日应收", "退还（负数为补收）")]]
            for x in d.settlement_lines:
                data.append([P.Paragraph(P.esc(v), s.cell_right if i >= 2 else s.cell) for i, v in enumerate((
                    x.period, KIND_NAMES[x.kind], format_yuan(x.billed_fen), format_yuan(x.due_fen),
                    format_yuan(x.refund_fen)))])
            data.append([P.Paragraph(v, s.cell_right if i >= 2 else s.cell) for i, v in enumerate((
                "合计", "", "", "", format_yuan(d.settlement_total_fen)))])
            tb = P.Table(data, colWidths=[24 * P.mm, 30 * P.mm, 36 * P.mm, W - 126 * P.mm, 36 * P.mm], hAlign="LEFT")
            tb.setStyle(P.grid_style(1, [("BACKGROUND", (0, -1), (-1, -1), P.SHADE_STRONG),
                                         ("SPAN", (0, -1), (3, -1))]))
            out.append(tb)
            out.append(P.Spacer(1, 3))
            total = d.settlement_total_fen
            words = "退还未到期费用" if total >= 0 else "按实际服务应补收"
            out.append(_para(f"{words}{format_yuan(abs(total))}（大写：{to_chinese_upper(abs(total))}）。"
                             + SETTLEMENT_METHOD, s.small))
        else:
            out.append(_para("最后服务日之后没有已计费的费用，无需退还未到期费用。"))
    return out
