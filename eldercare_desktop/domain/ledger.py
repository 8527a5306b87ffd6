"""Double-entry ledger after 《民间非营利组织会计制度》 (ACCOUNTING.md).

Pure rules: the chart of accounts, balanced entries, red-ink reversal (红冲)
and closed periods. Amounts are integer fen. A resident's sub-ledger is a
``resident_id`` on the line (receivables, prepayments, deposits held)."""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable

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
    restricted: bool = False  # 限定性 (income and net assets)
    system: bool = False  # the app posts here itself: no sub-accounts below it
    cash: bool = False  # 货币资金
    custom: bool = False  # added by the centre
    kept_by: str = ""  # the part of the app that posts here: no hand-made voucher

    @property
    def debit_normal(self) -> bool:
        return self.kind in (Kind.ASSET, Kind.EXPENSE)

    @property
    def parent_code(self) -> str | None:
        return self.code[:-2] if len(self.code) > 4 else None


_KIND_BY_DIGIT = {"1": Kind.ASSET, "2": Kind.LIABILITY, "3": Kind.NET_ASSETS, "4": Kind.INCOME, "5": Kind.EXPENSE}
CHART_FILE = Path(__file__).resolve().parents[2] / "resources" / "accounts" / "chart_2004.toml"


class Chart:
    """The chart of accounts: the official table (data) plus the centre's own
    sub-accounts. A parent code's balance sums its children; lines post to
    leaves only (末级科目)."""

    def __init__(self, accounts: Iterable[Account], title: str = ""):
        self.title = title
        self.accounts: dict[str, Account] = {a.code: a for a in sorted(accounts, key=lambda a: a.code)}
        self._parents = {a.parent_code for a in self.accounts.values() if a.parent_code}

    def get(self, code: str) -> Account | None:
        return self.accounts.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.accounts

    def __iter__(self):
        return iter(self.accounts.values())

    def is_leaf(self, code: str) -> bool:
        return code not in self._parents

    def children(self, code: str) -> list[Account]:
        return [a for a in self.accounts.values() if a.parent_code == code]

    def leaves_under(self, code: str) -> list[Account]:
        return [a for a in self.accounts.values() if a.code.startswith(code) and self.is_leaf(a.code)]

    def name(self, code: str) -> str:
        a = self.accounts.get(code)
        return a.name if a else code

    def with_custom(self, extra: Iterable[Account]) -> "Chart":
        return Chart([*self.accounts.values(), *extra], self.title)

    def check_new_sub_account(self, parent: str, code: str, name: str) -> Account:
        """A centre's own sub-account: two more digits under an existing
        account that the app does not post to itself."""
        p = Problems()
        up = self.accounts.get(parent)
        if up is None:
            p.add("parent", f"上级科目“{parent}”不存在")
        elif up.system:
            p.add("parent", f"“{up.code} {up.name}”由系统自动记账，不能再下设明细科目")
        elif up.per_resident:
            p.add("parent", f"“{up.name}”按住户核算，不能再下设明细科目")
        if not (len(code) == len(parent) + 2 and code.startswith(parent) and code.isdigit()):
            p.add("code", f"明细科目代码应为上级科目代码“{parent}”后加两位数字")
        elif code in self.accounts:
            p.add("code", f"科目代码“{code}”已存在")
        if not name.strip():
            p.add("name", "请填写科目名称")
        p.raise_if_any()
        full = name.strip() if "—" in name else f"{up.name}—{name.strip()}"
        return Account(code, full, up.kind, restricted=up.restricted, cash=up.cash, custom=True)


def parse_chart(text: str) -> Chart:
    data = tomllib.loads(text)
    out = []
    for row in data["account"]:
        code = str(row["code"])
        out.append(Account(code, row["name"], Kind(row["kind"]) if "kind" in row else _KIND_BY_DIGIT[code[0]],
                           per_resident=bool(row.get("per_resident", False)),
                           restricted=bool(row.get("restricted", False)), system=bool(row.get("system", False)),
                           cash=bool(row.get("cash", False)), kept_by=row.get("kept_by", "")))
    return Chart(out, data.get("title", ""))


CHART_2004 = parse_chart(CHART_FILE.read_text(encoding="utf-8"))
CHART: tuple[Account, ...] = tuple(CHART_2004)
ACCOUNTS = CHART_2004.accounts

CASH, BANK, ESCROW_BANK = "1001", "100201", "100202"
FIXED_ASSETS, DEPRECIATION = "1501", "1502"
UNRESTRICTED, RESTRICTED = "3101", "3102"
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


def check_entry(e: Entry, closed_periods: frozenset[str] = frozenset(), chart: Chart = CHART_2004) -> None:
    """A posted entry balances, names known leaf accounts, and lands in an open month."""
    p = Problems()
    if len(e.lines) < 2:
        p.add("lines", "记账凭证至少需要两行（一借一贷）")
    if not e.memo.strip():
        p.add("memo", "请填写摘要")
    red = e.reverses is not None
    for i, x in enumerate(e.lines, start=1):
        acct = chart.get(x.account)
        if acct is None:
            p.add("lines", f"第{i}行的会计科目“{x.account}”不存在")
            continue
        if not chart.is_leaf(x.account):
            kids = "、".join(a.name.split("—")[-1] for a in chart.children(x.account))
            what = "费用须选择明细类别" if acct.kind is Kind.EXPENSE else "请选择明细科目"
            p.add("lines", f"第{i}行（{acct.name}）{what}：{kids}")
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
    acct = ACCOUNTS.get(account) or Account(account, account, _KIND_BY_DIGIT[account[0]])
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
