"""Double-entry ledger after 《民间非营利组织会计制度》 (ACCOUNTING.md).

Pure rules: the chart of accounts, balanced entries, red-ink reversal (红冲)
and closed periods. Amounts are integer fen. A resident's sub-ledger is a
``resident_id`` on the line (receivables, prepayments, deposits held)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from .errors import Problems, RuleViolation


class Kind(str, Enum):
    ASSET = "资产"
    LIABILITY = "负债"
    NET_ASSETS = "净资产"
    INCOME = "收入"
    EXPENSE = "费用"


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    kind: Kind
    per_resident: bool = False  # lines must name a resident

    @property
    def debit_normal(self) -> bool:
        return self.kind in (Kind.ASSET, Kind.EXPENSE)


# The accounts this app posts to; a centre may add more below these.
CHART: tuple[Account, ...] = (
    Account("1001", "现金", Kind.ASSET),
    Account("1002", "银行存款", Kind.ASSET),
    Account("100201", "银行存款—基本户", Kind.ASSET),
    Account("100202", "银行存款—押金专户", Kind.ASSET),
    Account("1121", "应收账款", Kind.ASSET, per_resident=True),
    Account("1122", "其他应收款", Kind.ASSET),
    Account("1141", "预付账款", Kind.ASSET),
    Account("2202", "应付工资", Kind.LIABILITY),
    Account("2203", "预收账款", Kind.LIABILITY, per_resident=True),
    Account("2209", "其他应付款", Kind.LIABILITY),
    Account("220901", "其他应付款—住户押金", Kind.LIABILITY, per_resident=True),
    Account("3101", "非限定性净资产", Kind.NET_ASSETS),
    Account("3102", "限定性净资产", Kind.NET_ASSETS),
    Account("4101", "捐赠收入", Kind.INCOME),
    Account("4301", "提供服务收入", Kind.INCOME),
    Account("430101", "提供服务收入—床位费", Kind.INCOME),
    Account("430102", "提供服务收入—护理费", Kind.INCOME),
    Account("430103", "提供服务收入—伙食费", Kind.INCOME),
    Account("430104", "提供服务收入—其他服务费", Kind.INCOME),
    Account("4401", "政府补助收入", Kind.INCOME),
    Account("4601", "投资收益", Kind.INCOME),
    Account("4901", "其他收入", Kind.INCOME),
    Account("5101", "业务活动成本", Kind.EXPENSE),
    Account("5201", "管理费用", Kind.EXPENSE),
    Account("5301", "筹资费用", Kind.EXPENSE),
    Account("5401", "其他费用", Kind.EXPENSE),
)
ACCOUNTS = {a.code: a for a in CHART}

CASH, BANK, ESCROW_BANK = "1001", "100201", "100202"
RECEIVABLE, PREPAID, DEPOSITS = "1121", "2203", "220901"
INCOME_BED, INCOME_CARE, INCOME_MEALS, INCOME_OTHER = "430101", "430102", "430103", "430104"


@dataclass(frozen=True)
class Line:
    account: str
    debit: int = 0  # fen
    credit: int = 0  # fen
    resident_id: int | None = None
    memo: str = ""


@dataclass(frozen=True)
class Entry:
    day: dt.date
    memo: str
    lines: tuple[Line, ...]
    source: str = ""  # e.g. "billing:2026-03:contract:12"
    reverses: int | None = None  # id of the entry this one reverses (红冲)
    lines_meta: dict = field(default_factory=dict, compare=False)

    @property
    def total(self) -> int:
        return sum(x.debit for x in self.lines)


def period_of(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def check_entry(e: Entry, closed_periods: frozenset[str] = frozenset()) -> None:
    """A posted entry balances, names known accounts, and lands in an open month."""
    p = Problems()
    if len(e.lines) < 2:
        p.add("lines", "记账凭证至少需要两行（一借一贷）")
    if not e.memo.strip():
        p.add("memo", "请填写摘要")
    red = e.reverses is not None
    for i, x in enumerate(e.lines, start=1):
        acct = ACCOUNTS.get(x.account)
        if acct is None:
            p.add("lines", f"第{i}行的会计科目“{x.account}”不存在")
            continue
        if not isinstance(x.debit, int) or not isinstance(x.credit, int):
            p.add("lines", f"第{i}行的金额必须以分为单位的整数")
            continue
        if (x.debit != 0) == (x.credit != 0):
            p.add("lines", f"第{i}行（{acct.name}）应只填借方或贷方之一，且不能为零")
        if not red and (x.debit < 0 or x.credit < 0):
            p.add("lines", f"第{i}行（{acct.name}）金额为负：只有红冲凭证可以用负数")
        if acct.per_resident and x.resident_id is None:
            p.add("lines", f"第{i}行（{acct.name}）须注明住户")
    debit = sum(x.debit for x in e.lines if isinstance(x.debit, int))
    credit = sum(x.credit for x in e.lines if isinstance(x.credit, int))
    if debit != credit:
        p.add("lines", f"借贷不平衡：借方合计{debit / 100:.2f}元，贷方合计{credit / 100:.2f}元")
    if period_of(e.day) in closed_periods:
        p.add("day", f"{period_of(e.day)}已结账，不能再记账；更正请在未结账的月份做红冲凭证")
    p.raise_if_any()


def red_reversal(original: Entry, original_id: int, day: dt.date, reason: str) -> Entry:
    """红冲: the same lines with negative amounts, linked to the original."""
    if not reason.strip():
        raise RuleViolation("请填写红冲原因", "reason")
    if original.reverses is not None:
        raise RuleViolation("红冲凭证不能再被红冲；请重新记一张正确的凭证")
    return Entry(
        day=day,
        memo=f"红冲：{original.memo}（{reason.strip()}）",
        lines=tuple(Line(x.account, -x.debit, -x.credit, x.resident_id, x.memo) for x in original.lines),
        source=original.source,
        reverses=original_id,
    )


def balance(lines: list[Line] | tuple[Line, ...], account: str, resident_id: int | None = None) -> int:
    """Balance on the account's normal side (an asset's debit, a liability's credit).
    A parent code (e.g. 1002) sums its children."""
    acct = ACCOUNTS[account]
    total = 0
    for x in lines:
        if not x.account.startswith(account):
            continue
        if resident_id is not None and x.resident_id != resident_id:
            continue
        total += x.debit - x.credit
    return total if acct.debit_normal else -total


def resident_balance(lines, resident_id: int) -> int:
    """What the resident owes (positive) or has paid in advance (negative):
    receivable less prepayment. Deposits are held apart (escrow), not netted."""
    return balance(lines, RECEIVABLE, resident_id) - balance(lines, PREPAID, resident_id)
