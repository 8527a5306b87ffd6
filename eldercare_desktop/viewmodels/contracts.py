"""Screen logic of the 合同 page: list columns, search/filter/sort, detail
texts, signing defaults and the live deposit cap. No Qt here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence

from ..domain.billing import KIND_NAMES
from ..domain.contract_records import ContractDetail, ContractRow, TermInfo
from ..domain.contracts import ACTIVE, AMENDMENT_KINDS, SELF, TERMINATED, TERMINATION_REASONS, deposit_cap, \
    monthly_service_fee
from ..domain.money import format_yuan
from ..domain.names import search_key
from ..domain.records import ResidentRow
from ..domain.residents import ACTIVE_STATUSES

COLUMNS = ("number", "resident", "bed", "start", "end", "monthly", "deposit", "status", "signer")
MONEY_COLUMNS = frozenset({"monthly", "deposit"})
FILTER_ACTIVE, FILTER_TERMINATED, FILTER_ALL = ACTIVE, TERMINATED, "全部"
FILTERS = (FILTER_ACTIVE, FILTER_TERMINATED, FILTER_ALL)
KINDS = AMENDMENT_KINDS
REASONS = TERMINATION_REASONS
CARE_LEVEL_CHANGE = "照护等级变更"
BED_CHANGE = "调床"
PRICE_CHANGE = "调价"
ACTIVE_VALUES = frozenset(x.value for x in ACTIVE_STATUSES)


@dataclass(frozen=True)
class ContractItem:
    """A list row: the service's ContractRow plus the resident's bed and the signer."""

    row: ContractRow
    bed_code: str = ""
    signer: str = ""
    resident_key: str = ""  # the resident's name, pinyin and initials

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def search_key(self) -> str:
        r = self.row
        return search_key(r.number, r.resident_name, self.bed_code, self.signer, self.resident_key)


def fmt_date(day: dt.date | None) -> str:
    return day.strftime("%Y-%m-%d") if day else ""


def status_text(row: ContractRow) -> str:
    if row.status == TERMINATED and row.termination_date:
        return f"{TERMINATED}（{fmt_date(row.termination_date)}）"
    return row.status


def cell(item: ContractItem, column: str) -> str:
    r = item.row
    if column == "number":
        return r.number
    if column == "resident":
        return r.resident_name
    if column == "bed":
        return item.bed_code
    if column == "start":
        return fmt_date(r.start_date)
    if column == "end":
        return fmt_date(r.end_date)
    if column == "monthly":
        return format_yuan(r.monthly_fen)
    if column == "deposit":
        return format_yuan(r.deposit_fen)
    if column == "status":
        return status_text(r)
    if column == "signer":
        return item.signer
    raise KeyError(column)


def build_items(rows: Sequence[ContractRow], residents: Iterable[ResidentRow],
                signers: dict[int, str] | None = None) -> list[ContractItem]:
    by_id = {r.id: r for r in residents}
    signers = signers or {}
    out = []
    for r in rows:
        res = by_id.get(r.resident_id)
        out.append(ContractItem(r, res.bed_code if res else "", signers.get(r.id, ""),
                                search_key(res.name_pinyin, res.name_initials) if res else ""))
    return out


def filter_items(items: Sequence[ContractItem], text: str = "", status: str = FILTER_ACTIVE) -> list[ContractItem]:
    """Search (number, resident name/pinyin-free text, bed, signer) and status;
    active first, then the newest number first."""
    needle = (text or "").strip().lower()
    out = [x for x in items
           if (status == FILTER_ALL or x.row.status == status) and (not needle or needle in x.search_key)]
    out.sort(key=lambda x: x.row.number, reverse=True)
    out.sort(key=lambda x: x.row.status != ACTIVE)
    return out


# -- detail ---------------------------------------------------------------------------------

def term_fees_text(t: TermInfo) -> str:
    return (f"床位费 {format_yuan(t.bed_fee_fen)}/月（{t.bed_label}）；护理费 {format_yuan(t.care_fee_fen)}/月"
            f"（{t.care_level}）；伙食费 {format_yuan(t.meal_rate_fen)}/日")


def consent_text(t: TermInfo) -> str:
    if not t.consent_by:
        return ""
    return f"{t.consent_by}（{fmt_date(t.consent_date)}）"


def term_rows(d: ContractDetail) -> list[tuple[str, str, str, str, str, str]]:
    """(生效日期, 类型, 月服务费, 收费, 说明, 同意) per term, signing first."""
    return [(fmt_date(t.effective_date), t.kind, format_yuan(t.monthly_fen), term_fees_text(t), t.description,
             consent_text(t)) for t in d.terms]


def deposit_excess_message(d: ContractDetail) -> str:
    if d.deposit_excess_fen <= 0:
        return ""
    return f"押金超过上限{format_yuan(d.deposit_cap_fen)}，超出部分{format_yuan(d.deposit_excess_fen)}应退还"


def settlement_rows(d: ContractDetail) -> list[tuple[str, str, str, str, str]]:
    """(月份, 项目, 已计费, 应收, 退还 — negative: owed) per month and kind."""
    return [(x.period, KIND_NAMES.get(x.kind, x.kind), format_yuan(x.billed_fen), format_yuan(x.due_fen),
             format_yuan(x.refund_fen)) for x in d.settlement_lines]


def settlement_pending(d: ContractDetail | None) -> bool:
    """A terminated contract whose unexpired fees are not yet posted."""
    return (d is not None and d.status == TERMINATED and d.settlement_entry_id is None
            and any(x.refund_fen for x in d.settlement_lines))


def short_signer(name: str, relation: str) -> str:
    """张小三（儿子） for 代理人（儿子）; 张三（本人）."""
    rel = relation
    if rel.startswith("代理人（") and rel.endswith("）"):
        rel = rel[len("代理人（"):-1]
    return f"{name}（{rel}）" if rel else name


def signer_text(d: ContractDetail) -> str:
    return d.signer_name if d.signer_relation == SELF else f"{d.signer_name}（{d.signer_relation}）"


def pdf_name(number: str, resident: str) -> str:
    bad = '\\/:*?"<>|'
    return "".join("_" if c in bad else c for c in f"{number}_{resident}") + ".pdf"


# -- signing ----------------------------------------------------------------------------------

def default_end(start: dt.date) -> dt.date:
    """Start + 1 year − 1 day (a 29 February start ends on 28 February)."""
    try:
        same = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        same = dt.date(start.year + 1, 3, 1)
    return same - dt.timedelta(days=1)


def default_start(today: dt.date, admission: dt.date | None) -> dt.date:
    """The admission date when the resident came in this month or later, else today."""
    if admission and admission >= today.replace(day=1):
        return admission
    return today


def signable(residents: Iterable[ResidentRow], contracted: Iterable[int]) -> list[ResidentRow]:
    """Residents in residence (在院/请假) without a contract today, by name."""
    taken = set(contracted)
    return sorted((r for r in residents if r.status in ACTIVE_VALUES and r.admission_date is not None
                   and r.id not in taken), key=lambda r: (r.bed_code or "~", r.name))


def resident_choice_text(r: ResidentRow) -> str:
    bed = f"  {r.bed_code}" if r.bed_code else ""
    return f"{r.name}{bed}（入住 {fmt_date(r.admission_date)}）"


@dataclass(frozen=True)
class FeePreview:
    """What signing would snapshot for a resident on a start date."""

    bed_fee_fen: int | None
    care_fee_fen: int | None
    meal_rate_fen: int | None
    multiplier: Decimal
    care_level: str = ""
    bed_type: str = ""
    bed_code: str = ""
    agent_name: str = ""
    agent_relation: str = ""
    admission: dt.date | None = None

    def fees(self, bed: int | None = None, care: int | None = None, meal: int | None = None) -> tuple:
        return (self.bed_fee_fen if bed is None else bed, self.care_fee_fen if care is None else care,
                self.meal_rate_fen if meal is None else meal)


def monthly_of(bed: int | None, care: int | None, meal: int | None) -> int | None:
    if bed is None or care is None or meal is None:
        return None
    return monthly_service_fee(bed, care, meal)


def cap_of(monthly: int | None, multiplier: Decimal) -> int | None:
    return None if monthly is None else deposit_cap(monthly, multiplier)


def mult_text(multiplier: Decimal) -> str:
    m = Decimal(multiplier)
    return str(m.quantize(Decimal(1))) if m == m.to_integral_value() else str(m.normalize())


def fee_or_missing(fen: int | None) -> str:
    return format_yuan(fen) if fen is not None else "—"


def agent_relation_text(relationship: str) -> str:
    return f"代理人（{relationship}）" if relationship else "代理人"
