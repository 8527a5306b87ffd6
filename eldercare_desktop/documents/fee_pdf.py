"""收费公示 (the fee schedule posted at the front desk) and 收费标准调整告知书
(one advance notice of a price change per affected resident), as A4 PDFs.

Pure renderers: frozen inputs (computed by services.exports) and the
printing date in, PDF bytes out; the CJK font is embedded (subset).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..domain.billing import KIND_NAMES, PRORATION_RULE
from ..domain.care import care_sort_key
from ..domain.finance_records import ScheduleRow
from ..domain.money import format_yuan
from ..domain.records import CentreInfo
from . import pdf as P

SCHEDULE_TITLE = "收费公示"
NOTICE_TITLE = "收费标准调整告知书"


@dataclass(frozen=True)
class NoticeChange:
    """One announced price change: the item, old → new, effective and notice dates."""

    item_code: str
    item_name: str
    kind: str  # bed | care | meals | other
    unit: str  # 月 | 日 | 次
    old_fen: int | None
    new_fen: int
    effective_date: dt.date
    notice_date: dt.date
    reason: str

    @property
    def change_text(self) -> str:
        if self.old_fen is None:
            return "新定价"
        diff = self.new_fen - self.old_fen
        pct = (Decimal(diff) * 100 / Decimal(self.old_fen)).quantize(Decimal("0.1"))
        return f"{'上调' if diff > 0 else '下调'}{format_yuan(abs(diff))}（{'+' if diff > 0 else '-'}{abs(pct)}%）"


@dataclass(frozen=True)
class NoticeResident:
    """A resident whose contract uses the changed item."""

    resident_id: int
    name: str
    bed: str
    contract_number: str
    agent_name: str = ""
    agent_relation: str = ""


def _para(text: str, style=None) -> P.Paragraph:
    return P.Paragraph(P.esc(text), style or P.styles().body)


def _fonted(t: P.Table, size: float = 9) -> P.Table:
    t.setStyle(P.TableStyle([("FONT", (0, 0), (-1, -1), P.register_font(), size)]))
    return t


def _unit(unit: str) -> str:
    return f"元/{unit}"


# --- 收费公示 --------------------------------------------------------------------------

_KIND_ORDER = ("bed", "care", "meals", "other")


def schedule_order(rows: Sequence[ScheduleRow]) -> list[ScheduleRow]:
    """The rows grouped by kind (床位费, 护理费, 伙食费, 其他) with the care
    levels in care order (自理, 一级 … 特级), not Unicode order; otherwise
    as given (a stable sort)."""
    def key(r: ScheduleRow):
        kind = _KIND_ORDER.index(r.kind) if r.kind in _KIND_ORDER else len(_KIND_ORDER)
        return (kind, care_sort_key(r.key) if r.kind == "care" else (0, ""))

    return sorted(rows, key=key)


def render_fee_schedule(rows: Sequence[ScheduleRow], centre: CentreInfo, on: dt.date, printed_on: dt.date,
                        deposit_multiplier: Decimal = Decimal(6), refund_days: int = 10) -> bytes:
    """The schedule in effect on ``on`` (services.fees.schedule_on), with each
    announced change, how bed/care/meals are charged, the deposit rule and the
    complaint telephone. ``on`` is the 公示日期."""
    s = P.styles()
    W = P.content_width
    info = P.PageInfo(centre_name=centre.name, title=SCHEDULE_TITLE, printed_on=printed_on,
                      reference=f"公示日期：{P.fmt_date(on)}", author=centre.name, subject=f"{SCHEDULE_TITLE} {on}")
    story: list = [
        P.Heading(f"{centre.name}", size=13, align="center", rule=False, space_before=0, space_after=0),
        P.Heading(SCHEDULE_TITLE, size=20, align="center", rule=False, space_before=4, space_after=2),
        _para(f"公示日期：{P.fmt_date(on, 'cn')}　　本公示所列为{P.fmt_date(on, 'cn')}执行的收费标准", s.subtitle),
        P.Spacer(1, 6),
        P.Heading("一、收费项目及标准", size=11),
    ]
    head = ["序号", "收费类别", "收费项目", "计费单位", "收费标准（元）", "自何日起执行", "已公告的调整"]
    data: list[list] = [[P.Paragraph(h, s.head) for h in head]]
    priced = [r for r in schedule_order(rows) if r.price_fen is not None or r.next_price_fen is not None]
    cmds: list[tuple] = []
    prev_kind = None
    for i, r in enumerate(priced, start=1):
        nxt = ""
        if r.next_price_fen is not None:
            nxt = (f"自{P.fmt_date(r.next_effective)}起调整为{format_yuan(r.next_price_fen, symbol=False)}"
                   + (f"（{P.fmt_date(r.next_notice)}已告知）" if r.next_notice else ""))
        data.append([
            P.Paragraph(str(i), s.cell_center),
            P.Paragraph(P.esc(r.kind_name if r.kind != prev_kind else ""), s.cell_center),
            P.Paragraph(P.esc(r.name), s.cell),
            P.Paragraph(_unit(r.unit), s.cell_center),
            P.Paragraph(format_yuan(r.price_fen, symbol=False) if r.price_fen is not None else "尚未执行", s.cell_right),
            P.Paragraph(P.fmt_date(r.since) if r.since else "", s.cell_center),
            P.Paragraph(P.esc(nxt), P.ParagraphStyle("fs-next", parent=s.cell, textColor=P.WARN) if nxt else s.cell),
        ])
        if r.kind != prev_kind and i > 1:
            cmds.append(("LINEABOVE", (0, i), (-1, i), 0.9, P.INK))
        prev_kind = r.kind
    if not priced:
        data.append([P.Paragraph("（尚未设置收费标准）", s.cell), "", "", "", "", "", ""])
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    widths = [10 * P.mm, 18 * P.mm, 40 * P.mm, 17 * P.mm, 25 * P.mm, 24 * P.mm]
    widths.append(W - sum(widths))
    t = P.Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(P.grid_style(1, cmds + [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]))
    story.append(t)

    story.append(P.Heading("二、计费说明", size=11, space_before=10))
    notes = [
        "床位费、护理费按月收取（原则上按月度收取）；护理费按老人能力评估确定的照护等级分级收取。",
        f"不足整月的计费规则：{PRORATION_RULE}。",
        "伙食费按日标准、以老人实际在院天数据实结算：外出请假期间不收伙食费。",
        "其他服务项目按实际发生的次数或天数收取，由老人或其代理人自愿选择，不强制服务、不强制收费。",
        "收费标准调整须提前书面告知每位住户，并自生效日起相应变更服务合同；每月向住户提供费用清单。",
    ]
    for i, n in enumerate(notes, start=1):
        story.append(_para(f"{i}. {n}"))
    m = format(Decimal(deposit_multiplier).normalize(), "f")
    story.append(P.Heading("三、押金", size=11, space_before=10))
    escrow = "、".join(x for x in (centre.escrow_bank, centre.escrow_account_name,
                                   f"账号{centre.escrow_account_no}" if centre.escrow_account_no else "") if x)
    for i, n in enumerate([
        "押金仅用于支付老人入住期间的医疗等应急费用。",
        f"押金不超过该老人月服务费（床位费＋护理费＋伙食费）的{m}倍。",
        "押金全额存入本机构的押金专户，与经营资金分开管理" + (f"（{escrow}）。" if escrow else "。"),
        f"服务关系终止后{refund_days}日内退还押金余额，并支付银行同期活期存款利息。",
    ], start=1):
        story.append(_para(f"{i}. {n}"))
    story.append(P.Heading("四、监督与投诉", size=11, space_before=10))
    story.append(_para(f"对收费有疑问或意见，请向本机构前台咨询，或拨打投诉电话：{centre.phone or '（请向前台询问）'}"
                       + (f"；地址：{centre.address}" if centre.address else "") + "。"))
    story.append(P.Spacer(1, 16))
    sign = P.Table([[_para(f"{centre.name}（盖章）", P.ParagraphStyle("fs-r", parent=s.body, alignment=P.TA_RIGHT))],
                    [_para(f"公示日期：{P.fmt_date(on, 'cn')}",
                           P.ParagraphStyle("fs-r2", parent=s.body, alignment=P.TA_RIGHT))]],
                   colWidths=[W], hAlign="LEFT")
    story.append(_fonted(sign))
    return P.pdf_bytes(story, info)


# --- 收费标准调整告知书 ---------------------------------------------------------------------

def notice_number(change: NoticeChange, resident: NoticeResident) -> str:
    return f"TJ{change.effective_date:%Y%m%d}-{resident.resident_id:05d}"


def render_price_notices(changes: Sequence[NoticeChange], residents: Sequence[NoticeResident],
                         centre: CentreInfo, printed_on: dt.date) -> bytes:
    """One 告知书 per resident (each starting a page, numbered on its own):
    the changed items old → new, effective and notice dates, the reason,
    the contract amended from the effective date, and a reply slip."""
    if not changes:
        raise ValueError("no price change to announce")
    first = changes[0]
    info = P.PageInfo(centre_name=centre.name, title=NOTICE_TITLE, printed_on=printed_on,
                      author=centre.name, subject=f"{NOTICE_TITLE} {first.item_name}")
    story: list = []
    n = len(residents)
    for i, r in enumerate(residents):
        if i:
            story.append(P.PageBreak())
        story.append(P.RecordStart(r.resident_id, reference=f"告知书编号：{notice_number(first, r)}",
                                   progress=(i / max(n, 1), f"告知书：{i + 1}/{n}")))
        story += _notice(changes, r, centre)
    if not residents:
        story.append(_para("没有受本次调价影响的在约住户。"))
    return P.pdf_bytes(story, info)


def _notice(changes: Sequence[NoticeChange], r: NoticeResident, centre: CentreInfo) -> list:
    s = P.styles()
    W = P.content_width
    first = changes[0]
    effective = min(c.effective_date for c in changes)
    notice = max(c.notice_date for c in changes)
    items = "、".join(c.item_name for c in changes)
    who = r.name + (f"及代理人{r.agent_name}" if r.agent_name else "")
    out: list = [
        P.Heading(NOTICE_TITLE, size=18, align="center", rule=False, space_before=0, space_after=2),
        _para(f"告知书编号：{notice_number(first, r)}　　告知日期：{P.fmt_date(notice, 'cn')}", s.subtitle),
        P.Spacer(1, 10),
        _para(f"尊敬的{who}："),
        P.Spacer(1, 3),
        _para(f"　　您（床位{r.bed or '—'}，服务合同编号{r.contract_number}）目前享受的以下收费项目，"
              f"本中心将自{P.fmt_date(effective, 'cn')}起调整收费标准。依照有关规定，现提前书面告知如下："),
        P.Spacer(1, 6),
    ]
    head = ["收费项目", "计费单位", "原标准（元）", "新标准（元）", "调整幅度", "生效日期"]
    data: list[list] = [[P.Paragraph(h, s.head) for h in head]]
    for c in changes:
        data.append([
            P.Paragraph(P.esc(f"{KIND_NAMES.get(c.kind, '')}：{c.item_name}"), s.cell),
            P.Paragraph(_unit(c.unit), s.cell_center),
            P.Paragraph(format_yuan(c.old_fen, symbol=False) if c.old_fen is not None else "—", s.cell_right),
            P.Paragraph(format_yuan(c.new_fen, symbol=False), s.cell_right),
            P.Paragraph(P.esc(c.change_text), s.cell_center),
            P.Paragraph(P.fmt_date(c.effective_date), s.cell_center),
        ])
    widths = [46 * P.mm, 18 * P.mm, 26 * P.mm, 26 * P.mm, 36 * P.mm]
    widths.append(W - sum(widths))
    t = P.Table(data, colWidths=widths, hAlign="LEFT")
    t.setStyle(P.grid_style(1, [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    out += [t, P.Spacer(1, 8)]
    reasons = "；".join(dict.fromkeys(c.reason for c in changes if c.reason))
    days = (effective - notice).days
    paras = [
        f"一、调整原因：{reasons or '—'}。",
        f"二、告知与生效：本告知书于{P.fmt_date(notice, 'cn')}送达，新标准自{P.fmt_date(effective, 'cn')}起执行"
        f"（提前{days}天告知）；生效日前的费用仍按原标准计收。",
        f"三、合同变更：您与本中心签订的服务合同（编号{r.contract_number}）中{items}的收费标准"
        f"自{P.fmt_date(effective, 'cn')}起相应变更为上表所列新标准，合同其他条款不变。",
        f"四、计费方法不变：{PRORATION_RULE}。",
        "五、如您对本次调整有疑问或不同意见，请在生效日前与本中心协商；协商不成的，可按合同约定的争议解决方式处理。"
        + (f"咨询电话：{centre.phone}。" if centre.phone else ""),
    ]
    for p in paras:
        out.append(_para(p))
        out.append(P.Spacer(1, 2))
    out.append(P.Spacer(1, 10))
    right = P.ParagraphStyle("pn-r", parent=s.body, alignment=P.TA_RIGHT)
    out.append(_fonted(P.Table([[_para(f"{centre.name}（盖章）", right)], [_para(P.fmt_date(notice, "cn"), right)]],
                               colWidths=[W], hAlign="LEFT")))
    out += [P.Spacer(1, 14), _CutLine("请沿虚线剪下，签字后交回前台"), P.Spacer(1, 8),
            P.Heading("回　执", size=13, align="center", rule=False, space_before=0, space_after=4),
            _para(f"本人已收到并知悉{centre.name}《{NOTICE_TITLE}》（编号{notice_number(first, r)}）："
                  f"{items}自{P.fmt_date(effective, 'cn')}起调整为新标准，服务合同（编号{r.contract_number}）"
                  "相应变更。"),
            _para("□ 已知悉，同意按新标准执行　　　□ 有不同意见，请与我联系协商", s.body),
            P.Spacer(1, 4)]
    signers = [P.Signer("住户", f"{r.name}（床位{r.bed or '—'}）")]
    signers.append(P.Signer("代理人", f"{r.agent_name}　{r.agent_relation}".strip() if r.agent_name else "",
                            "" if r.agent_name else "无代理人时可不签"))
    out.append(P.signature_block(signers))
    return out


class _CutLine(P.Flowable):
    """A dashed cut line across the page with a short instruction in the middle."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self._w = 0.0

    def wrap(self, avail_width, avail_height):
        self._w = avail_width
        return avail_width, 10

    def draw(self):
        from reportlab.pdfbase import pdfmetrics

        c = self.canv
        font = P.register_font()
        label = self.text
        tw = pdfmetrics.stringWidth(label, font, 8) + 12
        c.saveState()
        c.setStrokeColor(P.GREY)
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        mid = self._w / 2
        c.line(0, 4, mid - tw / 2, 4)
        c.line(mid + tw / 2, 4, self._w, 4)
        c.setFillColor(P.GREY)
        c.setFont(font, 8)
        c.drawCentredString(mid, 1.5, label)
        c.restoreState()
