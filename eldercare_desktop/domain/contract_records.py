"""Frozen inputs and DTOs of the contracts service and the contract PDF."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping

from .contracts import MEAL_DAYS_PER_MONTH, SettlementLine, monthly_service_fee


@dataclass(frozen=True)
class ContractInput:
    """What the signing wizard supplies. Fees left None are taken from the fee
    schedule on ``start_date``; explicit fees need ``fee_override_reason``."""

    resident_id: int
    start_date: dt.date
    end_date: dt.date
    signer_name: str
    signer_relation: str  # 本人 / 代理人（儿子）…
    deposit_fen: int = 0
    signed_date: dt.date | None = None  # default: today
    bed_fee_fen: int | None = None
    care_fee_fen: int | None = None
    meal_rate_fen: int | None = None
    fee_override_reason: str = ""
    clauses: Mapping[str, str] = field(default_factory=dict)  # edits of the default clauses


@dataclass(frozen=True)
class AmendmentInput:
    contract_id: int
    effective_date: dt.date
    kind: str  # 照护等级变更 / 调床 / 调价 / 其他
    description: str = ""
    bed_label: str | None = None
    bed_fee_fen: int | None = None
    care_level: str | None = None
    care_fee_fen: int | None = None
    meal_rate_fen: int | None = None
    consent_by: str = ""
    consent_date: dt.date | None = None
    #: the contract's version the form was filled from (services.versions); None: not checked
    expected_version: int | None = None


@dataclass(frozen=True)
class TermInfo:
    id: int
    effective_date: dt.date
    kind: str
    bed_label: str
    bed_fee_fen: int
    care_level: str
    care_fee_fen: int
    meal_rate_fen: int
    description: str
    consent_by: str
    consent_date: dt.date | None

    @property
    def monthly_fen(self) -> int:
        return monthly_service_fee(self.bed_fee_fen, self.care_fee_fen, self.meal_rate_fen)


@dataclass(frozen=True)
class ContractRow:
    id: int
    number: str
    resident_id: int
    resident_name: str
    signed_date: dt.date
    start_date: dt.date
    end_date: dt.date
    status: str
    termination_date: dt.date | None
    monthly_fen: int  # of the term in effect today (or the first term)
    deposit_fen: int
    signer_name: str = ""
    signer_relation: str = ""


@dataclass(frozen=True)
class PartyA:
    name: str
    credit_code: str
    address: str
    phone: str
    legal_representative: str
    escrow_bank: str
    escrow_account_name: str
    escrow_account_no: str


@dataclass(frozen=True)
class ContractDetail:
    id: int
    number: str
    status: str
    signed_date: dt.date
    start_date: dt.date
    end_date: dt.date
    centre: PartyA
    resident_id: int
    resident_name: str
    resident_gender: str
    resident_birth_date: dt.date
    resident_id_number: str
    resident_hukou: str
    resident_address: str
    resident_phone: str
    bed_code: str
    signer_name: str
    signer_relation: str
    agent_name: str  # 丙方: the signing agent, else the resident's registered agent
    agent_relation: str
    agent_phone: str
    agent_address: str
    deposit_fen: int
    deposit_multiplier: Decimal
    payment_terms: str
    clauses: tuple[tuple[str, str, str], ...]  # (key, title, text) in contract order
    fee_override_reason: str
    terms: tuple[TermInfo, ...]
    current: TermInfo  # the term in effect today (the first before the start)
    termination_date: dt.date | None = None
    termination_reason: str = ""
    termination_note: str = ""
    settlement_lines: tuple[SettlementLine, ...] = ()
    version: int = 0  # services.versions: an amendment form checks it
    settlement_entry_id: int | None = None
    refund_due_fen: int = 0  # the resident's credit balance after the settlement (to pay out)
    created_by: str = ""
    meal_days: int = MEAL_DAYS_PER_MONTH

    @property
    def signed_term(self) -> TermInfo:
        return self.terms[0]

    @property
    def amendments(self) -> tuple[TermInfo, ...]:
        return self.terms[1:]

    @property
    def monthly_fen(self) -> int:
        return self.current.monthly_fen

    @property
    def deposit_cap_fen(self) -> int:
        from .contracts import deposit_cap

        return deposit_cap(self.current.monthly_fen, self.deposit_multiplier)

    @property
    def deposit_excess_fen(self) -> int:
        return max(0, self.deposit_fen - self.deposit_cap_fen)

    @property
    def settlement_total_fen(self) -> int:
        return sum(x.refund_fen for x in self.settlement_lines)

    @property
    def has_agent(self) -> bool:
        return bool(self.agent_name)
