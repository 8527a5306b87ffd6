"""The year's books as reports: the three 民非 statements (drawn by one
engine from template files), the trial balance, general ledger and account
detail, and the drill-down from any figure to its entries and from any
entry to its source document."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..db.models import (
    BillLine,
    Contract,
    Depreciation,
    DepositMovement,
    FixedAsset,
    JournalEntry,
    JournalLine,
    Receipt,
    Resident,
    User,
    Voucher,
    YearClose,
)
from ..domain import books as B
from ..domain import statements as S
from ..domain.disclosure_records import (
    AccountDetail,
    DetailLine,
    EntryRef,
    GeneralLedgerAccount,
    LedgerMonth,
    SourceView,
    YearTrialBalance,
    YearTrialRow,
)
from ..domain.errors import NotFound, RuleViolation
from ..domain.ledger import Chart, Kind
from ..domain.money import format_yuan
from .books import VOUCHER_SOURCE, chart_in
from .context import Ctx

_TEMPLATES: list[S.Template] | None = None


def templates() -> list[S.Template]:
    global _TEMPLATES
    if _TEMPLATES is None:
        _TEMPLATES = S.load_templates()
    return _TEMPLATES


def _is_opening():
    return JournalEntry.source == B.OPENING_SOURCE


def _ordinary():
    """Neither the opening balances nor a year-end close (NULL-safe: a
    hand-made entry has no source)."""
    return or_(JournalEntry.source.is_(None),
               and_(JournalEntry.source != B.OPENING_SOURCE, ~JournalEntry.source.like(f"{B.CLOSING_SOURCE}%")))


def _not_opening():
    return or_(JournalEntry.source.is_(None), JournalEntry.source != B.OPENING_SOURCE)


def _sums(s: Session, *where) -> dict[str, int]:
    q = (select(JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit))
         .join(JournalEntry, JournalEntry.id == JournalLine.entry_id).where(*where).group_by(JournalLine.account))
    return {a: int(v) for a, v in s.execute(q) if v}


def _start_where(year: int):
    start = dt.date(year, 1, 1)
    return or_(JournalEntry.entry_date < start, and_(JournalEntry.entry_date == start, _is_opening()))


def year_books(s: Session, year: int, chart: Chart) -> S.YearBooks:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    in_year = and_(JournalEntry.entry_date >= start, JournalEntry.entry_date <= end)
    opening = _sums(s, _start_where(year))
    closing = _sums(s, JournalEntry.entry_date <= end)
    movements = _sums(s, in_year, _ordinary())
    cash_codes = [a.code for a in chart if a.cash]
    with_cash = (select(JournalLine.entry_id).join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
                 .where(in_year, JournalLine.account.in_(cash_codes)))
    q = (select(JournalEntry.id, JournalEntry.entry_date, JournalLine.account, JournalLine.debit - JournalLine.credit,
                JournalEntry.memo)
         .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
         .where(JournalEntry.id.in_(with_cash), _not_opening())
         .order_by(JournalEntry.id, JournalLine.id))
    by_entry: dict[int, list] = defaultdict(list)
    days: dict[int, dt.date] = {}
    for eid, day, account, dmc, memo in s.connection().execute(q):
        by_entry[eid].append((account, int(dmc), memo))
        days[eid] = day
    moves: list[S.CashMove] = []
    for eid, lines in by_entry.items():
        moves += S.cash_moves_of_entry(eid, days[eid], lines, chart)
    return S.YearBooks(year, opening, closing, movements, tuple(moves))


def trial_totals(s: Session, year: int) -> tuple[int, int]:
    d, c = s.execute(select(func.coalesce(func.sum(JournalLine.debit), 0), func.coalesce(func.sum(JournalLine.credit), 0))
                     .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
                     .where(JournalEntry.entry_date <= dt.date(year, 12, 31))).one()
    return int(d), int(c)


def statements_in(s: Session, year: int) -> S.StatementSet:
    chart = chart_in(s)
    books = year_books(s, year, chart)
    has_last = s.execute(select(JournalEntry.id).where(JournalEntry.entry_date < dt.date(year, 1, 1)).limit(1)).first()
    last = year_books(s, year - 1, chart) if has_last else None
    return S.draw(templates(), books, last, trial_totals(s, year), chart)


def statements(ctx: Ctx, year: int) -> S.StatementSet:
    """资产负债表, 业务活动表 and 现金流量表 for ``year`` with their checks."""
    _year_ok(ctx, year)
    with ctx.read() as s:
        return statements_in(s, year)


def _year_ok(ctx: Ctx, year: int) -> None:
    if not isinstance(year, int) or year < 2000 or year > ctx.today().year:
        raise RuleViolation(f"年度“{year}”无效：应为2000年至今年之间", "year")


def years(ctx: Ctx) -> list[int]:
    """Years that have entries, newest first (this year always listed)."""
    with ctx.read() as s:
        first = s.execute(select(func.min(JournalEntry.entry_date))).scalar()
    this = ctx.today().year
    return list(range(this, (first.year if first else this) - 1, -1))


def is_year_closed(ctx: Ctx, year: int) -> bool:
    with ctx.read() as s:
        return s.get(YearClose, year) is not None


# --- trial balance, general ledger, detail --------------------------------------------

def _split(dmc: int) -> tuple[int, int]:
    return (dmc, 0) if dmc > 0 else (0, -dmc)


def trial_balance_year(ctx: Ctx, year: int) -> YearTrialBalance:
    """科目余额表 for the year: every account with a balance or a movement,
    parents summing their children."""
    _year_ok(ctx, year)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with ctx.read() as s:
        chart = chart_in(s)
        opening = _sums(s, _start_where(year))
        q = (select(JournalLine.account, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
             .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
             .where(JournalEntry.entry_date >= start, JournalEntry.entry_date <= end, _not_opening())
             .group_by(JournalLine.account))
        moves = {a: (int(d), int(c)) for a, d, c in s.execute(q)}
    codes: set[str] = set(opening) | set(moves)
    agg: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for code in codes:
        o = opening.get(code, 0)
        d, c = moves.get(code, (0, 0))
        for k in {code, code[:4]} | ({code[:6]} if len(code) > 6 else set()):
            a = agg[k]
            a[0] += o
            a[1] += d
            a[2] += c
    rows = []
    for code in sorted(agg):
        o, d, c = agg[code]
        od, oc = _split(o)
        cd, cc = _split(o + d - c)
        if not any((od, oc, d, c, cd, cc)):
            continue
        rows.append(YearTrialRow(code, chart.name(code), 1 if len(code) == 4 else 2, od, oc, d, c, cd, cc))
    return YearTrialBalance(year, start, end, tuple(rows))


def _side(code: str) -> str:
    return "借" if code[:1] in ("1", "5") else "贷"


def _normal(code: str, dmc: int) -> int:
    return dmc if code[:1] in ("1", "5") else -dmc


def general_ledger(ctx: Ctx, year: int, accounts: list[str] | None = None) -> list[GeneralLedgerAccount]:
    """总账: each first-level account (or those named), month by month."""
    _year_ok(ctx, year)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with ctx.read() as s:
        chart = chart_in(s)
        opening: dict[str, int] = defaultdict(int)
        for code, v in _sums(s, _start_where(year)).items():
            opening[code[:4]] += v
        q = (select(func.substr(JournalLine.account, 1, 4), JournalEntry.period, func.sum(JournalLine.debit),
                    func.sum(JournalLine.credit))
             .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
             .where(JournalEntry.entry_date >= start, JournalEntry.entry_date <= end, _not_opening())
             .group_by(func.substr(JournalLine.account, 1, 4), JournalEntry.period))
        moves: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
        for code, period, d, c in s.execute(q):
            moves[code][period] = (int(d), int(c))
    out = []
    for code in sorted(set(opening) | set(moves)):
        if accounts and code not in accounts:
            continue
        bal = opening.get(code, 0)
        months = []
        for m in range(1, 13):
            p = f"{year}-{m:02d}"
            d, c = moves.get(code, {}).get(p, (0, 0))
            bal += d - c
            months.append(LedgerMonth(p, d, c, _normal(code, bal)))
        out.append(GeneralLedgerAccount(code, chart.name(code), _side(code), _normal(code, opening.get(code, 0)),
                                        tuple(months)))
    return out


def _reference(source: str | None, entry_id: int) -> str:
    if not source:
        return f"凭证{entry_id}"
    if source.startswith(VOUCHER_SOURCE):
        return source[len(VOUCHER_SOURCE):]
    if source.startswith("receipt:"):
        return source[len("receipt:"):]  # the receipt number (SJ2026-000001)
    for prefix, label in (("billing:", "账单"), ("escrow:", "押金"), (B.DEPRECIATION_SOURCE, "折旧"),
                          ("prepaid-undo:", "预收款转回"), ("prepaid:", "预收款冲抵"), ("settlement", "终止结算"),
                          (B.CLOSING_SOURCE, "年末结转"), ("红冲:", "红冲"), (B.OPENING_SOURCE, "期初余额")):
        if source.startswith(prefix):
            return label
    return source.split(":")[0][:12]


def account_detail(ctx: Ctx, account: str, date_from: dt.date, date_to: dt.date,
                   resident_id: int | None = None) -> AccountDetail:
    """明细账: ``account`` (and its children) line by line with a running balance."""
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")
    with ctx.read() as s:
        chart = chart_in(s)
        if account not in chart:
            raise RuleViolation(f"会计科目“{account}”不存在", "account")
        like = JournalLine.account.startswith(account, autoescape=True)
        before = [like, or_(JournalEntry.entry_date < date_from,
                            and_(JournalEntry.entry_date == date_from, _is_opening()))]
        if resident_id is not None:
            before.append(JournalLine.resident_id == resident_id)
        opening = sum(_sums(s, *before).values())
        q = (select(JournalEntry.id, JournalEntry.entry_date, JournalEntry.source, JournalEntry.memo,
                    JournalLine.debit, JournalLine.credit, Resident.name, JournalLine.memo)
             .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
             .outerjoin(Resident, Resident.id == JournalLine.resident_id)
             .where(like, JournalEntry.entry_date >= date_from, JournalEntry.entry_date <= date_to,
                    or_(JournalEntry.entry_date != date_from, _not_opening()))
             .order_by(JournalEntry.entry_date, JournalEntry.id, JournalLine.id))
        if resident_id is not None:
            q = q.where(JournalLine.resident_id == resident_id)
        bal = opening
        lines = []
        for eid, day, source, memo, d, c, name, line_memo in s.connection().execute(q):
            bal += d - c
            text = memo if not line_memo or line_memo in memo else f"{memo}（{line_memo}）"
            lines.append(DetailLine(eid, day, _reference(source, eid), source or "", text, d, c,
                                    _normal(account, bal), name or ""))
    return AccountDetail(account, chart.name(account), _side(account), date_from, date_to,
                         _normal(account, opening), tuple(lines))


# --- drill-down -------------------------------------------------------------------------

def line_entries(ctx: Ctx, year: int, code: str, row: int, column: int = -1) -> list[EntryRef]:
    """The entries behind one figure of a statement (``code`` 会民非01表 …,
    ``row`` its 行次, ``column`` its column): lines of those accounts for a
    balance, movements of the year for the activity statement, classified
    cash movements for the cash flow statement."""
    _year_ok(ctx, year)
    with ctx.read() as s:
        chart = chart_in(s)
        kind = {"会民非01表": "balance", "会民非02表": "activity", "会民非03表": "cash_flow"}.get(code)
        if kind is None:
            raise NotFound(f"报表“{code}”不存在")
        t = S.choose(templates(), kind, year).template
        try:
            t.line(row)
        except KeyError:
            raise NotFound(f"{t.title}没有第{row}行") from None
        if kind == "cash_flow":
            books = year_books(s, year, chart)
            out = []
            leaves = _leaf_rows(t, row)
            for m in books.cash_moves:
                rule = S.classify(t.rules, m.account)
                if rule is None:
                    continue
                r, v = S.flow_row(rule, m.amount)
                if r in leaves:
                    out.append((m.entry_id, m.account, leaves[r] * v))
            return _refs(s, chart, out)
        terms = S.line_terms(t, row)
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if kind == "balance":
            when = _start_where(year) if column == 0 else JournalEntry.entry_date <= end
            where = [when]
            restricted = None
        else:
            where = [JournalEntry.entry_date >= start, JournalEntry.entry_date <= end, _ordinary()]
            restricted = {0: False, 1: True, 3: False, 4: True}.get(column)
            if column >= 3:
                where[:2] = [JournalEntry.entry_date >= dt.date(year - 1, 1, 1),
                             JournalEntry.entry_date <= dt.date(year - 1, 12, 31)]
        prefixes = sorted({term.prefix for term, _ in terms})
        if not prefixes:
            return []
        q = (select(JournalEntry.id, JournalLine.account, JournalLine.debit - JournalLine.credit)
             .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
             .where(*where, or_(*[JournalLine.account.startswith(p, autoescape=True) for p in prefixes])))
        found: dict[tuple[int, str], int] = defaultdict(int)
        for eid, account, dmc in s.execute(q):
            for term, side in terms:
                if term.matches(account, chart):
                    a = chart.get(account)
                    if restricted is not None and (a.restricted if a else False) != restricted:
                        continue
                    found[(eid, account)] += term.sign * (dmc if side == "debit" else -dmc)
        return _refs(s, chart, [(e, a, v) for (e, a), v in found.items() if v])


def _leaf_rows(t: S.Template, row: int, sign: int = 1) -> dict[int, int]:
    """{leaf 行次: +1 or −1} of a line: a subtracted part counts negative."""
    x = t.line(row)
    if not x.sum:
        return {row: sign}
    out: dict[int, int] = {}
    for r in x.sum:
        for leaf, s in _leaf_rows(t, abs(r), sign if r > 0 else -sign).items():
            out[leaf] = out.get(leaf, 0) + s
    return out


def _refs(s: Session, chart: Chart, items: list[tuple[int, str, int]]) -> list[EntryRef]:
    ids = sorted({e for e, _, _ in items})
    heads = {}
    for i in range(0, len(ids), 900):
        for eid, day, memo, source in s.execute(select(JournalEntry.id, JournalEntry.entry_date, JournalEntry.memo,
                                                       JournalEntry.source).where(JournalEntry.id.in_(ids[i:i + 900]))):
            heads[eid] = (day, memo, source or "")
    out = [EntryRef(e, heads[e][0], _reference(heads[e][2], e), heads[e][1], heads[e][2], a, chart.name(a), v)
           for e, a, v in items]
    out.sort(key=lambda r: (r.day, r.entry_id, r.account))
    return out


def entry_source(ctx: Ctx, entry_id: int) -> SourceView:
    """What an entry came from: bill lines, a receipt, a deposit movement, a
    voucher, a depreciation run, the year-end close or the opening balances."""
    with ctx.read() as s:
        e = s.get(JournalEntry, entry_id)
        if e is None:
            raise NotFound(f"凭证{entry_id}不存在")
        chart = chart_in(s)
        lines = tuple((x.account, chart.name(x.account), x.debit, x.credit, (name or "") + (
            f"　{x.memo}" if x.memo else "")) for x, name in s.execute(
            select(JournalLine, Resident.name).outerjoin(Resident, Resident.id == JournalLine.resident_id)
            .where(JournalLine.entry_id == entry_id).order_by(JournalLine.id)))
        src = e.source or ""
        names = {u: d or u for u, d in s.execute(select(User.username, User.display_name))}

        def who(username: str) -> str:
            shown = names.get(username, username)
            return shown if shown == username else f"{shown}（{username}）"

        facts: list[tuple[str, str]] = [("记账日期", f"{e.entry_date:%Y-%m-%d}"), ("摘要", e.memo),
                                        ("记账人", who(e.created_by)), ("记账时间", f"{e.created_at:%Y-%m-%d %H:%M}")]
        kind, title = "其他", f"凭证{entry_id}"
        v = s.execute(select(Voucher).where(Voucher.entry_id == entry_id)).scalar_one_or_none()
        r = s.execute(select(Receipt).where(or_(Receipt.entry_id == entry_id, Receipt.void_entry_id == entry_id))
                      ).scalar_one_or_none()
        m = s.execute(select(DepositMovement).where(DepositMovement.entry_id == entry_id)).scalar_one_or_none()
        c = s.execute(select(Contract).where(Contract.settlement_entry_id == entry_id)).scalar_one_or_none()
        if v is not None:
            kind, title = "凭证", f"记账凭证 {v.number}"
            facts += [("模板", B.TEMPLATES.get(v.template, v.template)), ("附件", f"{v.attachments}张"),
                      ("制单", who(v.created_by)), ("审核", f"{who(v.reviewed_by)}　{v.reviewed_at:%Y-%m-%d %H:%M}"
                                                      if v.reviewed_at else "")]
        elif r is not None:
            kind, title = "收据", f"收据 {r.number}"
            facts += [("住户", _name(s, r.resident_id)), ("金额", format_yuan(r.amount_fen)), ("收款方式", r.method)]
            if r.void_entry_id == entry_id:
                facts.append(("说明", "本凭证为该收据作废的红冲"))
        elif m is not None:
            kind, title = "押金", f"押金{m.kind} {m.number or m.voucher_no}".strip()
            facts += [("住户", _name(s, m.resident_id)), ("金额", format_yuan(m.amount_fen)), ("事由", m.reason)]
        elif c is not None:
            kind, title = "结算", f"合同{c.number}终止结算"
            facts += [("住户", _name(s, c.resident_id)), ("终止日期", f"{c.termination_date:%Y-%m-%d}"),
                      ("原因", c.termination_reason)]
        elif src.startswith("billing:"):
            kind, title = "账单", f"{src.split(':')[1]}月度账单"
            bills = list(s.execute(select(BillLine).where(BillLine.entry_id == entry_id)).scalars())
            if bills:
                facts.append(("住户", _name(s, bills[0].resident_id)))
                facts += [(b.label, f"{format_yuan(b.amount_fen)}　{b.basis}") for b in bills[:12]]
        elif src.startswith(B.DEPRECIATION_SOURCE):
            kind, title = "折旧", f"{src[len(B.DEPRECIATION_SOURCE):]}计提折旧"
            for a, d in s.execute(select(FixedAsset, Depreciation).join(Depreciation, Depreciation.asset_id == FixedAsset.id)
                                  .where(Depreciation.entry_id == entry_id).order_by(FixedAsset.number)):
                facts.append((f"{a.number} {a.name}", format_yuan(d.amount_fen)))
        elif src.startswith(B.CLOSING_SOURCE):
            kind, title = "年末结转", f"{src[len(B.CLOSING_SOURCE):]}年度年末结转"
        elif src == B.OPENING_SOURCE:
            kind, title = "期初余额", "期初余额"
        if e.reverses_id:
            facts.append(("红冲", f"冲销凭证{e.reverses_id}"))
        return SourceView(entry_id, kind, title, tuple(facts), lines)


def _name(s: Session, rid: int | None) -> str:
    if rid is None:
        return ""
    r = s.get(Resident, rid)
    return r.name if r else ""


def income_by_kind(s: Session, year: int) -> dict[str, int]:
    """{account: credit − debit} of 政府补助收入 sub-accounts in the year."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return {a: -v for a, v in _sums(s, JournalEntry.entry_date >= start, JournalEntry.entry_date <= end,
                                    _ordinary(), JournalLine.account.startswith("4401")).items()}


__all__ = ["statements", "trial_balance_year", "general_ledger", "account_detail", "line_entries",
           "entry_source", "years", "Kind"]
