"""The dated fee schedule (收费标准) and its change log (调价记录).

The price of an item on a day is the row with the latest effective date on or
before that day. Rows are never edited: the rows themselves, with the audit
trail, are the log the authorities read to see how often prices change.

Decisions:
- A price **change** must be announced in advance (DOMAIN.md §2 提前告知):
  it cannot take effect before today, the notice date (when residents were
  told) cannot be later than today or than the effective date, and at least
  ``min_notice_days`` (default ``DEFAULT_NOTICE_DAYS`` = 30) must lie between
  notice and effect. The settings table has no key for it yet: callers pass
  the centre's own figure.
- An item's **first** price is the schedule being set up (the prices already
  charged when the centre starts using the app), so it may carry any
  effective date and needs no notice period.
- Bed and care fees are monthly (月, prorated by days in billing); meals are
  daily (日, charged on days present); other items 月, 日 or 次. For bed, care
  and meals at most one active item per key (bed type / care level / '').
- Care items are listed in care order (自理, 介护一级/一级 … 特级护理/特级;
  domain.care.care_sort_key), never by the characters' Unicode order.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import FeeItem, FeePrice
from ..domain.billing import KIND_NAMES, Rate
from ..domain.care import care_sort_key
from ..domain.centre import BedType
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.finance_records import FeeItemInfo, PriceChangeLog, PriceChangeRow, ScheduleRow
from ..domain.money import format_yuan
from ..domain.records import Changes
from ..domain.residents import Span
from ..domain.roles import Perm
from .amounts import too_large, too_large_message
from .audit import audit
from .context import Ctx
from . import busy
from . import versions

DEFAULT_NOTICE_DAYS = 30
KINDS = ("bed", "care", "meals", "other")
UNITS = ("月", "日", "次")
KIND_UNITS = {"bed": ("月",), "care": ("月",), "meals": ("日",), "other": UNITS}
ONE_DAY = dt.timedelta(days=1)


def _info(x: FeeItem) -> FeeItemInfo:
    return FeeItemInfo(x.id, x.code, x.kind, x.name, x.unit, x.key, x.active, x.version)


def _item(s: Session, item_id: int) -> FeeItem:
    x = s.get(FeeItem, item_id)
    if x is None:
        raise NotFound(f"收费项目{item_id}不存在")
    return x


def _check_key_free(s: Session, kind: str, key: str, except_id: int | None = None) -> None:
    if kind == "other":
        return
    q = select(FeeItem).where(FeeItem.kind == kind, FeeItem.key == key, FeeItem.active.is_(True))
    if except_id is not None:
        q = q.where(FeeItem.id != except_id)
    other = s.execute(q).scalars().first()
    if other is not None:
        what = f"“{key}”的" if key else ""
        raise RuleViolation(f"已有启用的{what}{KIND_NAMES[kind]}项目“{other.name}”（{other.code}）", "key")


# --- items -------------------------------------------------------------------------

@busy.retrying
def create_item(ctx: Ctx, code: str, kind: str, name: str, unit: str, key: str = "") -> Changes:
    ctx.require(Perm.FINANCE_WRITE)
    code, name, key = (code or "").strip(), (name or "").strip(), (key or "").strip()
    p = Problems()
    if not code:
        p.add("code", "请填写项目编码")
    if not name:
        p.add("name", "请填写项目名称")
    if kind not in KINDS:
        p.add("kind", f"收费类别应为{'、'.join(KIND_NAMES.values())}之一")
    else:
        if unit not in KIND_UNITS[kind]:
            p.add("unit", f"{KIND_NAMES[kind]}的计费单位应为{'、'.join(KIND_UNITS[kind])}")
        if kind == "bed" and key not in {b.value for b in BedType}:
            p.add("key", f"床位费须指明床位类型：{'、'.join(b.value for b in BedType)}")
        if kind == "care" and not key:
            p.add("key", "护理费须指明照护等级")
        if kind in ("meals", "other") and key:
            key = key if kind == "other" else ""
    p.raise_if_any()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        if s.execute(select(FeeItem.id).where(FeeItem.code == code)).first():
            raise RuleViolation(f"项目编码“{code}”已存在", "code")
        _check_key_free(s, kind, key)
        x = FeeItem(code=code, kind=kind, name=name, unit=unit, key=key, active=True)
        s.add(x)
        s.flush()
        audit(ctx, s, "新增收费项目", "fee_item", x.id, None,
              {"code": code, "kind": kind, "name": name, "unit": unit, "key": key})
        return Changes.of("fee_item", ids=(x.id,))


@busy.retrying
def rename_item(ctx: Ctx, item_id: int, name: str, *, expected_version: int | None = None) -> Changes:
    ctx.require(Perm.FINANCE_WRITE)
    name = (name or "").strip()
    if not name:
        raise RuleViolation("请填写项目名称", "name")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        x = _item(s, item_id)
        versions.check(x, expected_version, f"收费项目“{x.name}”")
        before = x.name
        x.name = name
        s.flush()
        audit(ctx, s, "修改收费项目名称", "fee_item", x.id, {"name": before}, {"name": name})
        return Changes.of("fee_item", ids=(x.id,))


@busy.retrying
def set_item_active(ctx: Ctx, item_id: int, active: bool, *, expected_version: int | None = None) -> Changes:
    """Stop (or resume) offering an item; its prices and history stay."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        x = _item(s, item_id)
        versions.check(x, expected_version, f"收费项目“{x.name}”")
        if x.active == active:
            return Changes.of("fee_item", ids=(x.id,))
        if active:
            _check_key_free(s, x.kind, x.key, x.id)
        x.active = active
        s.flush()
        audit(ctx, s, "启用收费项目" if active else "停用收费项目", "fee_item", x.id,
              {"active": not active}, {"active": active})
        return Changes.of("fee_item", ids=(x.id,))


def item_sort_key(kind: str, key: str, code: str) -> tuple:
    """Bed, care, meals, other; care items in care order (自理, 一级 … 特级),
    not by the characters' code points; then by key and code."""
    rank = care_sort_key(key) if kind == "care" else (0, key)
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), rank, code)


def list_items(ctx: Ctx, include_inactive: bool = False) -> list[FeeItemInfo]:
    with ctx.read() as s:
        q = select(FeeItem).order_by(FeeItem.kind, FeeItem.code)
        if not include_inactive:
            q = q.where(FeeItem.active.is_(True))
        items = [_info(x) for x in s.execute(q).scalars()]
    return sorted(items, key=lambda x: (KINDS.index(x.kind) if x.kind in KINDS else len(KINDS),
                                        care_sort_key(x.key) if x.kind == "care" else (0, ""), x.code))


# --- prices ------------------------------------------------------------------------

def _prices(s: Session, item_id: int) -> list[FeePrice]:
    return list(s.execute(select(FeePrice).where(FeePrice.fee_item_id == item_id)
                          .order_by(FeePrice.effective_date)).scalars())


def price_in(s: Session, item_id: int, day: dt.date) -> int | None:
    return s.execute(select(FeePrice.amount_fen).where(FeePrice.fee_item_id == item_id, FeePrice.effective_date <= day)
                     .order_by(FeePrice.effective_date.desc()).limit(1)).scalar()


@busy.retrying
def set_price(ctx: Ctx, item_id: int, effective_date: dt.date, amount_fen: int, notice_date: dt.date | None,
              reason: str, min_notice_days: int = DEFAULT_NOTICE_DAYS, *, expected_version: int | None = None) -> Changes:
    """Announce a price from ``effective_date`` on. See the module notes for
    the notice rules; the first price of an item is exempt from them."""
    ctx.require(Perm.FINANCE_WRITE)
    today = ctx.today()
    p = Problems()
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        p.add("amount", "金额必须以分为单位的整数")
    elif amount_fen <= 0:
        p.add("amount", "价格必须大于零")
    elif too_large(amount_fen):
        p.add("amount", too_large_message("价格", amount_fen))
    if not (reason or "").strip():
        p.add("reason", "请填写定价或调价原因")
    if not isinstance(effective_date, dt.date):
        p.add("effective_date", "请填写生效日期")
    p.raise_if_any()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        x = _item(s, item_id)
        versions.check(x, expected_version, f"收费项目“{x.name}”")
        versions.touch(x)  # a new price changes the item
        if not x.active:
            raise RuleViolation(f"收费项目“{x.name}”已停用，不能定价")
        prices = _prices(s, item_id)
        first = not prices
        notice = notice_date or (effective_date if first else None)
        if not first:
            if effective_date < today:
                p.add("effective_date", f"调价不能追溯：生效日期{effective_date:%Y-%m-%d}早于今天")
            if notice is None:
                p.add("notice_date", "请填写告知住户的日期")
            else:
                if notice > today:
                    p.add("notice_date", "告知日期不能晚于今天：请在告知住户后登记调价")
                if notice > effective_date:
                    p.add("notice_date", "告知日期不能晚于生效日期")
                elif (effective_date - notice).days < min_notice_days:
                    p.add("notice_date", f"调价须至少提前{min_notice_days}天告知住户："
                                         f"{notice:%Y-%m-%d}告知，最早{notice + dt.timedelta(days=min_notice_days):%Y-%m-%d}生效")
            if any(r.effective_date == effective_date for r in prices):
                p.add("effective_date", f"{effective_date:%Y-%m-%d}已有价格，不能重复登记")
            elif price_in(s, item_id, effective_date - ONE_DAY) == amount_fen:
                p.add("amount", f"新价格与当时的价格相同（{format_yuan(amount_fen)}），无需调价")
        p.raise_if_any()
        old = price_in(s, item_id, effective_date)
        row = FeePrice(fee_item_id=item_id, effective_date=effective_date, amount_fen=amount_fen, notice_date=notice,
                       reason=reason.strip(), created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        audit(ctx, s, "定价" if first else "调价", "fee_item", item_id,
              {"price": old} if old is not None else None,
              {"code": x.code, "name": x.name, "effective": effective_date, "price": amount_fen,
               "notice": notice, "reason": row.reason})
        return Changes.of("fee_price", "fee_item", ids=(row.id,),
                          message=f"{x.name}自{effective_date:%Y-%m-%d}起为{format_yuan(amount_fen)}/{x.unit}")


def price_on(ctx: Ctx, item_id: int, day: dt.date) -> int | None:
    """The price in effect on ``day`` (None before the first price)."""
    with ctx.read() as s:
        _item(s, item_id)
        return price_in(s, item_id, day)


def schedule_on(ctx: Ctx, day: dt.date, include_inactive: bool = False) -> list[ScheduleRow]:
    """收费公示: every active item with the price in effect on ``day`` and the
    next announced change after it, if any."""
    out = []
    with ctx.read() as s:
        q = select(FeeItem).order_by(FeeItem.kind, FeeItem.key, FeeItem.code)
        if not include_inactive:
            q = q.where(FeeItem.active.is_(True))
        items = list(s.execute(q).scalars())
        by_item: dict[int, list[FeePrice]] = {}
        for r in s.execute(select(FeePrice).order_by(FeePrice.effective_date)).scalars():
            by_item.setdefault(r.fee_item_id, []).append(r)
    for x in sorted(items, key=lambda i: item_sort_key(i.kind, i.key, i.code)):
        rows = by_item.get(x.id, [])
        now = [r for r in rows if r.effective_date <= day]
        nxt = [r for r in rows if r.effective_date > day]
        cur = now[-1] if now else None
        n = nxt[0] if nxt else None
        out.append(ScheduleRow(x.id, x.code, x.kind, KIND_NAMES[x.kind], x.name, x.unit, x.key,
                               cur.amount_fen if cur else None, cur.effective_date if cur else None,
                               n.amount_fen if n else None, n.effective_date if n else None,
                               n.notice_date if n else None, x.version))
    return out


def price_changes(ctx: Ctx, date_from: dt.date, date_to: dt.date) -> PriceChangeLog:
    """调价记录: prices taking effect in [date_from, date_to], each with the
    price it replaced, and the number of changes per item per year."""
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")
    with ctx.read() as s:
        items = {x.id: x for x in s.execute(select(FeeItem)).scalars()}
        all_rows = list(s.execute(select(FeePrice).order_by(FeePrice.fee_item_id, FeePrice.effective_date)).scalars())
    out = []
    prev: dict[int, int] = {}
    for r in all_rows:
        old = prev.get(r.fee_item_id)
        prev[r.fee_item_id] = r.amount_fen
        if not date_from <= r.effective_date <= date_to:
            continue
        x = items[r.fee_item_id]
        out.append(PriceChangeRow(x.id, x.code, x.name, r.effective_date, old, r.amount_fen, r.notice_date,
                                  r.reason, r.created_at, r.created_by, r.id))
    out.sort(key=lambda r: (r.effective_date, r.code))
    counts = Counter((r.item_id, r.effective_date.year) for r in out if not r.is_initial)
    return PriceChangeLog(tuple(out), dict(counts))


def rates_in(s: Session, kind: str, key: str, span: Span) -> list[Rate]:
    """The dated prices of the active item for (kind, key), each clipped to
    ``span`` (for the billing run, inside its transaction). Days before the
    first price are not covered: the caller checks coverage."""
    x = s.execute(select(FeeItem).where(FeeItem.kind == kind, FeeItem.key == key, FeeItem.active.is_(True))
                  .order_by(FeeItem.id)).scalars().first()
    if x is None:
        what = f"“{key}”的" if key else ""
        raise RuleViolation(f"没有启用的{what}{KIND_NAMES.get(kind, kind)}收费项目", "fee_item")
    prices = _prices(s, x.id)
    out = []
    end = span.end or dt.date.max
    for i, r in enumerate(prices):
        r_end = prices[i + 1].effective_date - ONE_DAY if i + 1 < len(prices) else None
        start = max(r.effective_date, span.start)
        stop = min(r_end or dt.date.max, end)
        if start > stop:
            continue
        out.append(Rate(Span(start, None if stop == dt.date.max else stop), r.amount_fen, x.name))
    return out


def rates_for(ctx: Ctx, kind: str, key: str, span: Span) -> list[Rate]:
    with ctx.read() as s:
        return rates_in(s, kind, key, span)
