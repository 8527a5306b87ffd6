"""What the escrow documents print (押金收据, 押金退还凭证, 押金明细账,
押金专户对账单, 退还登记表): frozen contexts the service fills in and the
renderers in ``documents.escrow_pdf`` / ``documents.escrow_xlsx`` only lay
out. Every figure is integer fen.

Totals are derived here, not passed in, so a document cannot print a total
that disagrees with its lines: the refund is deposits − deductions +
interest (DOMAIN.md §1), the interest is the sum of the settled periods, a
ledger's closing balance must equal opening + Σin − Σout and every running
balance must follow from the one above it (``ValueError`` otherwise).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .interest import DAY_COUNT_RULE, MODES, SPLIT, Period, refund_amount
from .money import format_yuan, to_chinese_upper

PURPOSE = "仅用于支付老年人入住期间的医疗等应急费用"

KIND_DEPOSIT = "收取"
KIND_DEDUCTION = "扣除"
KIND_INTEREST = "利息"
KIND_REFUND = "退还"
KINDS = (KIND_DEPOSIT, KIND_DEDUCTION, KIND_INTEREST, KIND_REFUND)
KIND_OTHER = "其他"  # an account entry not made by the escrow service (e.g. a bank charge voucher)


PRODUCT_UNIT = "元·天"  # 积数 as the voucher prints it


def yuan_days(product_fen_days: int) -> str:
    """积数 in 元·天 (fen·days / 100), two decimals, as on the refund voucher."""
    return format_yuan(product_fen_days, symbol=False)


# --- 押金收据 -----------------------------------------------------------------------

@dataclass(frozen=True)
class DepositReceiptDoc:
    centre_name: str
    escrow_bank: str  # 开户银行
    escrow_account_name: str  # 专户户名
    escrow_account_no: str  # 专户账号
    number: str  # YJ…
    day: dt.date  # 收取日期
    resident_name: str
    resident_id_number: str  # 身份证号
    bed: str
    contract_number: str
    amount_fen: int
    method: str  # 银行转账 / POS …
    reference: str  # 交易流水号
    payer: str
    cap_fen: int  # 押金上限
    monthly_fee_fen: int  # 月服务费（上限的基数）
    cashier: str
    cap_rule: str = "月服务费 × 6"  # how the cap was set (policy profile)
    held_before_fen: int = 0  # deposit balance already held before this one
    purpose: str = PURPOSE
    memo: str = ""

    @property
    def amount_upper(self) -> str:
        return to_chinese_upper(self.amount_fen)

    @property
    def held_after_fen(self) -> int:
        return self.held_before_fen + self.amount_fen


# --- 押金退还凭证 ---------------------------------------------------------------------

@dataclass(frozen=True)
class DepositLine:
    day: dt.date
    number: str  # YJ… receipt number
    amount_fen: int


@dataclass(frozen=True)
class DeductionLine:
    day: dt.date
    reason: str
    voucher_no: str
    amount_fen: int


@dataclass(frozen=True)
class RefundVoucherDoc:
    centre_name: str
    number: str  # TK…
    refund_day: dt.date
    resident_name: str
    resident_id_number: str
    bed: str
    contract_number: str
    service_end: dt.date  # 服务终止日
    deadline: dt.date  # service_end + 10 days
    deposits: tuple[DepositLine, ...]
    deductions: tuple[DeductionLine, ...]
    periods: tuple[Period, ...]  # domain.interest.accrue(...).periods, unchanged
    method: str  # 退还方式（银行转账 …）
    payee: str = ""  # 收款人（老人或代理人）姓名, printed under the line
    payee_account: str = ""  # 收款账号
    late_reason: str = ""  # required by the service when late
    mode: str = SPLIT  # interest.SPLIT / SETTLEMENT_RATE
    escrow_bank: str = ""
    escrow_account_no: str = ""
    handler: str = ""  # 经办人
    reviewer: str = ""  # 审核
    day_count_rule: str = DAY_COUNT_RULE

    @property
    def on_time(self) -> bool:
        return self.refund_day <= self.deadline

    @property
    def days_late(self) -> int:
        return max(0, (self.refund_day - self.deadline).days)

    @property
    def timeliness_text(self) -> str:
        if self.on_time:
            return f"按期（期限{self.deadline:%Y-%m-%d}）"
        why = f"；原因：{self.late_reason}" if self.late_reason else "；未说明原因"
        return f"逾期{self.days_late}天（期限{self.deadline:%Y-%m-%d}）{why}"

    @property
    def mode_text(self) -> str:
        """The mode's Chinese label (never "None" or the internal code)."""
        return MODES.get(self.mode, "未记录")

    @property
    def deposits_fen(self) -> int:
        return sum(d.amount_fen for d in self.deposits)

    @property
    def deductions_fen(self) -> int:
        return sum(d.amount_fen for d in self.deductions)

    @property
    def interest_fen(self) -> int:
        return sum(p.interest_fen for p in self.periods)

    @property
    def refund_fen(self) -> int:
        return refund_amount(self.deposits_fen, self.deductions_fen, self.interest_fen)

    @property
    def refund_upper(self) -> str:
        return to_chinese_upper(self.refund_fen)


# --- 押金明细账 -------------------------------------------------------------------------

@dataclass(frozen=True)
class LedgerRow:
    day: dt.date
    number: str  # YJ… / TK… / voucher number
    kind: str  # one of KINDS
    summary: str
    in_fen: int
    out_fen: int
    balance_fen: int
    resident_name: str = ""  # filled on the whole-account ledger


@dataclass(frozen=True)
class EscrowLedgerDoc:
    centre_name: str
    period_start: dt.date
    period_end: dt.date
    opening_fen: int
    rows: tuple[LedgerRow, ...]
    closing_fen: int
    resident_name: str = ""  # empty: the whole escrow account
    resident_id_number: str = ""
    contract_number: str = ""
    escrow_bank: str = ""
    escrow_account_no: str = ""
    account_code: str = ""  # 220901 for a resident, 100202 for the account

    def __post_init__(self):
        bal = self.opening_fen
        for i, r in enumerate(self.rows):
            if r.kind not in KINDS + (KIND_OTHER,):
                raise ValueError(f"row {i}: kind {r.kind!r} not in {KINDS}")
            bal += r.in_fen - r.out_fen
            if r.balance_fen != bal:
                raise ValueError(f"row {i}: balance {r.balance_fen} != running {bal}")
        if bal != self.closing_fen:
            raise ValueError(f"closing {self.closing_fen} != opening + in − out {bal}")

    @property
    def whole_account(self) -> bool:
        return not self.resident_name

    @property
    def in_total_fen(self) -> int:
        return sum(r.in_fen for r in self.rows)

    @property
    def out_total_fen(self) -> int:
        return sum(r.out_fen for r in self.rows)

    def kind_total_fen(self, kind: str) -> int:
        return sum(r.in_fen + r.out_fen for r in self.rows if r.kind == kind)


# --- 押金专户对账单 ---------------------------------------------------------------------

@dataclass(frozen=True)
class ResidentBalance:
    resident_id: str  # text (an ID, not a number)
    resident_name: str
    contract_number: str
    balance_fen: int


@dataclass(frozen=True)
class ReconciliationDoc:
    centre_name: str
    period: str  # e.g. "2025-06"
    as_of: dt.date
    bank_balance_fen: int  # 银行对账单余额
    book_balance_fen: int  # 账面余额（100202）
    residents: tuple[ResidentBalance, ...]  # each resident's 220901 balance
    source: str  # 手工录入 / 银行对账单导入：file name
    escrow_bank: str = ""
    escrow_account_no: str = ""
    prepared_by: str = ""
    reviewer: str = ""
    note: str = ""

    @property
    def residents_total_fen(self) -> int:
        return sum(r.balance_fen for r in self.residents)

    @property
    def bank_minus_book_fen(self) -> int:
        return self.bank_balance_fen - self.book_balance_fen

    @property
    def book_minus_residents_fen(self) -> int:
        return self.book_balance_fen - self.residents_total_fen

    @property
    def matches(self) -> bool:
        return self.bank_minus_book_fen == 0 and self.book_minus_residents_fen == 0

    @property
    def verdict(self) -> str:
        return "相符" if self.matches else "不符"

    @property
    def verdict_text(self) -> str:
        if self.matches:
            return (f"银行对账单余额、账面余额（100202）与住户押金余额合计（220901）均为"
                    f"{format_yuan(self.book_balance_fen)}，三者相符。")
        parts = []
        if self.bank_minus_book_fen:
            parts.append(f"银行余额比账面余额{'多' if self.bank_minus_book_fen > 0 else '少'}"
                         f"{format_yuan(abs(self.bank_minus_book_fen))}")
        if self.book_minus_residents_fen:
            parts.append(f"账面余额比住户押金余额合计{'多' if self.book_minus_residents_fen > 0 else '少'}"
                         f"{format_yuan(abs(self.book_minus_residents_fen))}")
        return "不符：" + "；".join(parts) + "。请查明原因（未达账项、漏记或错记）并处理后重新对账。"


# --- 押金退还登记表 (XLSX) ------------------------------------------------------------------

@dataclass(frozen=True)
class RefundRow:
    number: str  # TK…
    refund_day: dt.date
    resident_id: str
    resident_name: str
    contract_number: str
    service_end: dt.date
    deadline: dt.date
    deposits_fen: int
    deductions_fen: int
    interest_fen: int
    method: str
    late_reason: str = ""

    @property
    def refund_fen(self) -> int:
        return refund_amount(self.deposits_fen, self.deductions_fen, self.interest_fen)

    @property
    def on_time(self) -> bool:
        return self.refund_day <= self.deadline

    @property
    def days_late(self) -> int:
        return max(0, (self.refund_day - self.deadline).days)
