"""Service contracts (养老服务合同): the monthly service fee, the deposit cap
(DOMAIN.md §1), overlapping terms, and the settlement on termination
(DOMAIN.md §2: fees paid for the unexpired period are refunded in full).

Pure functions over integer fen; dates are passed in."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence

from .billing import KIND_NAMES
from .errors import RuleViolation
from .money import format_yuan, round_fen
from .residents import Span

# The monthly service fee counts meals as this many days a month (printed on the contract).
MEAL_DAYS_PER_MONTH = 30

ACTIVE, TERMINATED = "生效", "已终止"
SIGNED = "签订"
AMENDMENT_KINDS = ("照护等级变更", "调床", "调价", "其他")
TERMINATION_REASONS = ("到期", "提前解约", "去世", "其他")
SELF = "本人"

SETTLEMENT_METHOD = (
    "终止结算方法：对最后服务日所在月份及以后已经计费的月份，按与月度计费相同的规则（床位费、护理费按自然日折算，"
    "伙食费按实际在院天数）重新计算截至最后服务日应收的金额；已计费金额减去该应收金额即为未到期费用，如数退还"
    "（冲减住户应收账款，多交部分退还住户）；应收多于已计费的（如月中提高照护等级），差额补收。一次性服务费用不退。"
)


def monthly_service_fee(bed_fee_fen: int, care_fee_fen: int, meal_rate_fen: int,
                        meal_days: int = MEAL_DAYS_PER_MONTH) -> int:
    """月服务费 = 床位费 + 护理费 + 伙食费日标准 × 每月天数（默认30天）."""
    return bed_fee_fen + care_fee_fen + meal_rate_fen * meal_days


def deposit_cap(monthly_fen: int, multiplier: Decimal) -> int:
    """押金上限 = 月服务费 × 倍数 (the policy profile's multiplier), rounded to the fen."""
    return round_fen(Decimal(monthly_fen) * Decimal(multiplier))


def _mult(multiplier: Decimal) -> str:
    m = Decimal(multiplier)
    return str(m.quantize(Decimal(1))) if m == m.to_integral_value() else str(m.normalize())


def cap_text(cap_fen: int, multiplier: Decimal) -> str:
    return f"押金不得超过月服务费的{_mult(multiplier)}倍（上限{format_yuan(cap_fen)}）"


def check_deposit(deposit_fen: int, cap_fen: int, multiplier: Decimal) -> None:
    """Exactly the cap is accepted; one fen more is refused."""
    if isinstance(deposit_fen, bool) or not isinstance(deposit_fen, int):
        raise RuleViolation("押金金额必须以分为单位的整数", "deposit")
    if deposit_fen < 0:
        raise RuleViolation("押金不能为负数", "deposit")
    if deposit_fen > cap_fen:
        raise RuleViolation(cap_text(cap_fen, multiplier), "deposit")


def deposit_excess(deposit_fen: int, cap_fen: int) -> int:
    """The part of a deposit held above the (new) cap: refundable."""
    return max(0, deposit_fen - cap_fen)


def contract_span(start: dt.date, end: dt.date, termination_date: dt.date | None) -> Span:
    """The days a contract covers: to its last day of service once terminated."""
    return Span(start, min(end, termination_date) if termination_date else end)


def overlap_problem(new: Span, existing: Sequence[tuple[str, Span]]) -> str | None:
    """A resident has at most one contract on any day."""
    for number, span in existing:
        if new.overlaps(span):
            return (f"该住户在{span.start:%Y-%m-%d}至{span.end:%Y-%m-%d}已有合同{number}，"
                    f"新合同期限{new.start:%Y-%m-%d}至{new.end:%Y-%m-%d}与之重叠")
    return None


# --- settlement ------------------------------------------------------------------------

@dataclass(frozen=True)
class SettlementLine:
    period: str  # 'YYYY-MM'
    kind: str  # bed | care | meals
    billed_fen: int  # what the billing runs charged for the month (sum of lines, differences included)
    due_fen: int  # what the same rules give for service up to the last day
    refund_fen: int  # billed − due: negative when more is owed than was billed
    basis: str


@dataclass(frozen=True)
class Settlement:
    last_day: dt.date
    lines: tuple[SettlementLine, ...]

    @property
    def total_fen(self) -> int:
        return sum(x.refund_fen for x in self.lines)

    @property
    def pending(self) -> bool:
        """Something to post: any month and kind billed other than due."""
        return any(x.refund_fen for x in self.lines)

    def by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for x in self.lines:
            out[x.kind] = out.get(x.kind, 0) + x.refund_fen
        return out


def settlement_of(last_day: dt.date, rows: Iterable[tuple[str, str, int, int, str]]) -> Settlement:
    """The settlement of a contract ended on ``last_day`` from its months as
    billing brings them in line (``services.billing_settlement.settlement_rows_in``):
    (period, kind, billed, due, how due is reached) → lines whose refund is
    billed − due: positive comes off the account (unexpired fees), negative
    is owed (e.g. a care level raised after the month was billed in advance)."""
    out = []
    for period, kind, billed, due, how in rows:
        if how:
            basis = f"已计费{format_yuan(billed)}，截至{last_day:%Y-%m-%d}应收{format_yuan(due)}（{how}）"
        else:
            basis = f"已计费{format_yuan(billed)}，最后服务日{last_day:%Y-%m-%d}之后全额退还"
        out.append(SettlementLine(period, kind, billed, due, billed - due, basis))
    return Settlement(last_day, tuple(out))


def settlement_label(line: SettlementLine) -> str:
    return f"{line.period} {KIND_NAMES[line.kind]}"


# --- default clauses --------------------------------------------------------------------

CLAUSE_TITLES: tuple[tuple[str, str], ...] = (
    ("service_content", "服务内容"),
    ("service_items", "服务项目"),
    ("payment", "费用支付方式"),
    ("deposit_purpose", "押金用途与管理"),
    ("party_a_duties", "甲方的权利和义务"),
    ("party_b_duties", "乙方、丙方的权利和义务"),
    ("amendment", "合同的变更"),
    ("termination", "合同的解除、终止与退费"),
    ("dispute", "争议解决方式"),
    ("other", "其他约定"),
)


def default_clauses(refund_days: int = 10) -> dict[str, str]:
    """Sensible defaults for every clause; the front desk may edit each text."""
    return {
        "service_content": "甲方按照乙方的照护等级，为乙方提供生活照料、膳食、清洁卫生、文化娱乐、精神慰藉、"
                           "健康管理与协助就医等养老服务。照护等级依据老年人能力评估结果确定。",
        "service_items": "床位及居住服务；照护等级对应的日常生活照料和护理服务；一日三餐膳食服务；"
                         "房间清洁、衣物洗涤；生命体征监测、用药提醒；紧急情况处置及联系家属；"
                         "其他服务项目按甲方公示的收费标准另行约定，乙方自愿选择，甲方不得强制服务、强制收费。",
        "payment": "床位费、护理费按月预交，乙方（或丙方）应于每月10日前交纳当月费用；入住、退住或变更当月按自然日折算。"
                   "伙食费按实际在院天数据实结算，请假离院期间不收取。甲方每月向乙方提供费用清单和结算账目。"
                   "交费可采用现金、银行转账、微信支付、支付宝等方式，甲方出具收据。",
        "deposit_purpose": "押金仅用于支付乙方入住期间发生的医疗等应急费用，不得挪作他用。押金存入甲方在银行开设的"
                           "押金专户，专户存储、单独核算。每次动用押金，甲方应告知乙方或丙方并出具凭证。"
                           "月服务费降低致押金超过上限的，超出部分甲方应退还。",
        "party_a_duties": "甲方应按照国家和地方养老服务标准提供服务，公示收费项目和标准；调整收费标准须提前告知乙方、丙方；"
                          "照护等级变更须经重新评估并征得乙方或丙方同意；保护乙方的人身安全、财产安全和个人隐私。",
        "party_b_duties": "乙方、丙方应如实提供乙方的身体状况、病史等信息，按约定交纳费用，遵守甲方的管理制度；"
                          "丙方承担联系、协助就医及本合同约定费用的连带支付责任。",
        "amendment": "合同期内照护等级、床位或收费标准发生变化的，以书面变更记录为准，注明生效日期并由乙方或丙方签字同意；"
                     "变更记录作为本合同附件，与本合同具有同等效力。",
        "termination": "合同期满、乙方提前解约、乙方去世或出现法定解除情形的，合同终止。合同期内提前终止的，"
                       "甲方对乙方已预交的未到期费用如数退还。服务关系终止后，甲方应在"
                       f"{refund_days}日内退还押金余额（已收押金减去有凭证的应急费用支出），"
                       "并按银行同期活期存款利率支付利息。",
        "dispute": "因本合同发生争议的，由各方协商解决；协商不成的，可申请当地民政部门或人民调解委员会调解，"
                   "也可向甲方所在地仲裁委员会申请仲裁，或依法向甲方所在地人民法院提起诉讼。",
        "other": "本合同未尽事宜，由各方另行协商并签订补充协议。本合同一式三份，甲、乙、丙三方各执一份，"
                 "自各方签字（盖章）之日起生效。",
    }
