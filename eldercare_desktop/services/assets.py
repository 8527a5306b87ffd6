"""The fixed-asset register (固定资产卡片) and monthly depreciation.

Decisions:
- Straight line from the month after the asset goes into use, to its
  salvage value, over its life in months (``domain.books.depreciation_for``).
- A month's depreciation is one journal entry (source ``折旧:YYYY-MM``) dated
  the month's last day, with a row per asset: running it again for the same
  month posts nothing and says so.
- A card bought through the app comes with its purchase voucher (购置固定
  资产, reviewed like any voucher); a card for an asset held before the
  app's opening balances has no voucher.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.engine import BOOKS_LOCK, lock
from ..db.models import Depreciation, FixedAsset, Voucher
from ..domain import books as B
from ..domain.errors import RuleViolation
from ..domain.ledger import Entry
from ..domain.records import Changes
from ..domain.schedule import add_months
from ..domain.roles import Perm
from . import books, ledger
from .amounts import too_large, too_large_message
from .audit import audit
from .context import Ctx
from . import busy


@dataclass(frozen=True)
class AssetInput:
    name: str
    category: str
    cost_fen: int
    in_use: dt.date
    life_months: int
    salvage_fen: int = 0
    department: str = "业务"
    restricted_source: str = ""  # bought with a restricted gift: which
    before_fen: int = 0  # held before the opening balances: depreciation already charged…
    before_through: str = ""  # …through this month (YYYY-MM)


@dataclass(frozen=True)
class AssetInfo:
    id: int
    number: str
    name: str
    category: str
    cost_fen: int
    in_use: dt.date
    life_months: int
    salvage_fen: int
    department: str
    voucher_number: str
    voucher_status: str  # '' when the card has no purchase voucher
    depreciated_fen: int  # accumulated: before the app plus posted
    last_period: str  # last month charged
    before_fen: int = 0
    before_through: str = ""

    @property
    def net_fen(self) -> int:
        return self.cost_fen - self.depreciated_fen

    @property
    def monthly_fen(self) -> int:
        """What the next month charges (0 once fully depreciated)."""
        last = dt.date(int(self.last_period[:4]), int(self.last_period[5:]), 1) if self.last_period else self.in_use
        nxt = f"{add_months(last.replace(day=1), 1):%Y-%m}"
        return B.depreciation_for(self.cost_fen, self.salvage_fen, self.life_months, self.in_use, nxt,
                                  self.before_fen, self.before_through)


def _card(ctx: Ctx, s: Session, a: AssetInput, voucher_id: int | None) -> FixedAsset:
    big = [f for f in (a.cost_fen, a.salvage_fen, a.before_fen) if too_large(f)]
    if big:
        raise RuleViolation(too_large_message("金额", big[0]), "cost")
    B.check_asset(a.name, a.category, a.cost_fen, a.salvage_fen, a.life_months, a.department, a.in_use, ctx.today(),
                  a.before_fen, a.before_through)
    lock(s, "number:fixed_asset")  # two PCs registering at once take turns (PostgreSQL)
    n = int(s.execute(select(func.count(FixedAsset.id))).scalar_one()) + 1
    row = FixedAsset(number=f"ZC-{n:04d}", name=a.name.strip(), category=a.category, cost_fen=a.cost_fen,
                     in_use_date=a.in_use, life_months=a.life_months, salvage_fen=a.salvage_fen,
                     department=a.department, voucher_id=voucher_id, restricted_source=a.restricted_source.strip(),
                     opening_depreciation_fen=a.before_fen, opening_period=a.before_through,
                     created_at=ctx.now(), created_by=ctx.actor.username)
    s.add(row)
    s.flush()
    audit(ctx, s, "新增固定资产", "fixed_asset", row.id, None, {
        "number": row.number, "name": row.name, "category": a.category, "cost_fen": a.cost_fen,
        "in_use": a.in_use, "life_months": a.life_months, "salvage_fen": a.salvage_fen,
        "department": a.department, "voucher_id": voucher_id, "before_fen": a.before_fen,
        "before_through": a.before_through})
    return row


@busy.retrying
def buy_asset(ctx: Ctx, a: AssetInput, day: dt.date, supplier: str = "", on_credit: bool = False,
              attachments: int = 1) -> Changes:
    """购置固定资产: the card and its purchase voucher (待审核), together."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        if a.before_fen or a.before_through:
            raise RuleViolation("新购置的资产没有期初累计折旧", "before_fen")
        B.check_asset(a.name, a.category, a.cost_fen, a.salvage_fen, a.life_months, a.department, a.in_use,
                      ctx.today())
        v = books.add_voucher_in(ctx, s, B.asset_purchase(day, a.name, a.cost_fen, supplier, on_credit, attachments))
        row = _card(ctx, s, a, v.id)
    return Changes.of("fixed_asset", "voucher", ids=(row.id,), message=f"已登记固定资产{row.number}，购置凭证{v.number}待审核")


@busy.retrying
def register_asset(ctx: Ctx, a: AssetInput) -> Changes:
    """A card for an asset already on the books (期初, or a voucher entered by hand)."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = _card(ctx, s, a, None)
    return Changes.of("fixed_asset", ids=(row.id,), message=f"已登记固定资产{row.number}")


def list_assets(ctx: Ctx) -> list[AssetInfo]:
    with ctx.read() as s:
        done = {aid: (int(total), last) for aid, total, last in s.execute(
            select(Depreciation.asset_id, func.sum(Depreciation.amount_fen), func.max(Depreciation.period))
            .group_by(Depreciation.asset_id))}
        vouchers = {i: (n, st) for i, n, st in s.execute(
            select(Voucher.id, Voucher.number, Voucher.status).where(Voucher.template == "asset"))}
        out = []
        for a in s.execute(select(FixedAsset).order_by(FixedAsset.number)).scalars():
            posted, last = done.get(a.id, (0, ""))
            out.append(AssetInfo(a.id, a.number, a.name, a.category, a.cost_fen, a.in_use_date, a.life_months,
                                 a.salvage_fen, a.department, *vouchers.get(a.voucher_id, ("", "")),
                                 posted + a.opening_depreciation_fen, last or a.opening_period,
                                 a.opening_depreciation_fen, a.opening_period))
        return out


def _in_books(end: dt.date):
    """Cards in use by ``end`` whose purchase voucher (if any) is reviewed:
    a card whose voucher waits for review or was voided does not depreciate."""
    return (select(FixedAsset).outerjoin(Voucher, Voucher.id == FixedAsset.voucher_id)
            .where(FixedAsset.in_use_date <= end, or_(FixedAsset.voucher_id.is_(None), Voucher.status == B.REVIEWED))
            .order_by(FixedAsset.id))


def _month_end(period: str) -> dt.date:
    y, m = int(period[:4]), int(period[5:7])
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def depreciate_in(ctx: Ctx, s: Session, period: str) -> tuple[int | None, int]:
    """(entry id or None, fen) for ``period``; None when already posted or nothing to post."""
    period = ledger._parse_period(period)
    end = _month_end(period)
    if end > ctx.today():
        raise RuleViolation(f"{period}尚未结束：折旧在月末计提（{end:%Y-%m-%d}）", "period")
    source = f"{B.DEPRECIATION_SOURCE}{period}"
    lock(s, BOOKS_LOCK)  # two PCs depreciating the same month: the second finds it posted
    if ledger.entry_by_source(s, source) is not None:
        return None, 0
    items = []
    for a in s.execute(_in_books(end)).scalars():
        fen = B.depreciation_for(a.cost_fen, a.salvage_fen, a.life_months, a.in_use_date, period,
                                 a.opening_depreciation_fen, a.opening_period)
        if fen:
            items.append((a, fen))
    if not items:
        return None, 0
    lines = B.depreciation_lines([(a.department, fen, a.name) for a, fen in items])
    eid = ledger.post(ctx, s, Entry(end, f"计提{period}固定资产折旧", lines, source=source))
    s.add_all([Depreciation(asset_id=a.id, period=period, amount_fen=fen, entry_id=eid) for a, fen in items])
    s.flush()
    total = sum(f for _, f in items)
    audit(ctx, s, "计提折旧", "depreciation", period, None, {"period": period, "entry": eid, "total_fen": total,
                                                            "assets": [[a.number, f] for a, f in items]})
    return eid, total


@busy.retrying
def depreciate(ctx: Ctx, period: str) -> Changes:
    """计提折旧 for one month, once."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        done = ledger.entry_by_source(s, f"{B.DEPRECIATION_SOURCE}{ledger._parse_period(period)}")
        eid, total = depreciate_in(ctx, s, period)
    if done is not None:
        return Changes.of("journal", message=f"{period}的折旧已于凭证{done}计提，本次未重复记账")
    if eid is None:
        return Changes.of("journal", message=f"{period}没有需要计提折旧的固定资产")
    return Changes.of("journal", "fixed_asset", ids=(eid,), message=f"已计提{period}折旧{total / 100:,.2f}元（凭证{eid}）")


def depreciation_due(s: Session, period: str) -> int:
    """Fen that ``period`` should carry (0 when no asset depreciates then)."""
    end = _month_end(period)
    return sum(B.depreciation_for(a.cost_fen, a.salvage_fen, a.life_months, a.in_use_date, period,
                                  a.opening_depreciation_fen, a.opening_period)
               for a in s.execute(_in_books(end)).scalars())
