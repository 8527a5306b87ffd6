"""The accountant's books: the centre's own sub-accounts, vouchers (记账凭证)
entered, reviewed by another person, voided or reversed, imported from a
sheet, and the opening balances of a centre that starts mid-life.

Decisions:
- A voucher is numbered when entered (记-2025-03-0012, gap-free per month;
  a voided voucher keeps its number) and reaches the journal, and so the
  statements, only when reviewed (审核) by someone other than its author.
- Nothing is edited. An unreviewed voucher may be voided with a reason; a
  reviewed one is corrected by a red reversal voucher (红冲), itself reviewed.
- A month with unreviewed vouchers cannot be closed (services.ledger).
"""
from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import lock as db_lock
from ..db.models import JournalEntry, LedgerAccount, Resident, Voucher, VoucherLine
from ..domain import books as B
from ..domain.errors import NotFound, Problem, Problems, RuleViolation
from ..domain.ledger import CHART_2004, Account, Chart, Entry, Line, check_entry, period_of
from ..domain.money import yuan_to_fen
from ..domain.records import Changes
from ..domain.roles import Perm
from . import ledger
from .amounts import too_large, too_large_message
from .audit import audit
from .context import Ctx
from . import busy

VOUCHER_SOURCE = "凭证:"


# --- chart ------------------------------------------------------------------------

def chart_in(s: Session) -> Chart:
    extra = s.execute(select(LedgerAccount).order_by(LedgerAccount.code)).scalars().all()
    if not extra:
        return CHART_2004
    made = []
    for a in extra:
        up = _official(a.parent)
        made.append(Account(a.code, a.name, up.kind, restricted=up.restricted, cash=up.cash, custom=True))
    return CHART_2004.with_custom(made)


def _official(code: str) -> Account:
    """The nearest account of the official chart above ``code``: a centre's
    sub-account (at any depth) takes its kind, restriction and cash flag."""
    c = code
    while c and c not in CHART_2004:
        c = c[:-2]
    return CHART_2004.get(c) or Account(code, code, B.Kind.ASSET)


def chart(ctx: Ctx) -> Chart:
    with ctx.read() as s:
        return chart_in(s)


@busy.retrying
def add_account(ctx: Ctx, parent: str, code: str, name: str) -> Changes:
    """A centre's own sub-account (明细科目) under an official account."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = chart_in(s)
        acct = c.check_new_sub_account(parent.strip(), code.strip(), name)
        used = s.execute(select(ledger.JournalLine.id).where(ledger.JournalLine.account == parent.strip()).limit(1)).first()
        waiting = s.execute(select(Voucher.number).join(VoucherLine, VoucherLine.voucher_id == Voucher.id)
                            .where(VoucherLine.account == parent.strip(), Voucher.status == B.PENDING).limit(1)).scalar()
        if used or waiting:
            why = f"待审核凭证{waiting}用到该科目" if waiting and not used else "已有记账"
            raise RuleViolation(f"“{parent} {c.name(parent)}”{why}，不能再下设明细科目", "parent")
        s.add(LedgerAccount(code=acct.code, parent=parent.strip(), name=acct.name, created_at=ctx.now(),
                            created_by=ctx.actor.username))
        s.flush()
        audit(ctx, s, "新增会计科目", "ledger_account", acct.code, None, {"parent": parent, "name": acct.name})
    return Changes.of("chart", message=f"已新增科目 {acct.code} {acct.name}")


# --- vouchers -----------------------------------------------------------------------

@dataclass(frozen=True)
class VoucherLineInfo:
    account: str
    account_name: str
    debit: int
    credit: int
    resident_id: int | None
    resident_name: str
    memo: str


@dataclass(frozen=True)
class VoucherInfo:
    id: int
    number: str
    day: dt.date
    memo: str
    template: str
    attachments: int
    status: str
    total: int
    created_by: str
    reviewed_by: str
    entry_id: int | None
    reverses_number: str
    reversed_by_number: str
    void_reason: str
    details: dict
    lines: tuple[VoucherLineInfo, ...] = ()

    @property
    def template_name(self) -> str:
        return B.TEMPLATES.get(self.template, self.template)


def _check(s: Session, ctx: Ctx, v: B.VoucherInput, red: int | None = None) -> Chart:
    c = chart_in(s)
    p = Problems()
    if v.day > ctx.today():
        p.add("day", f"凭证日期{v.day:%Y-%m-%d}晚于今天，不能预先记账")
    if not isinstance(v.attachments, int) or isinstance(v.attachments, bool) or not 0 <= v.attachments <= 9999:
        p.add("attachments", "附件张数应为0至9999的整数")
    _check_sizes(v.lines, p)
    if p.items:
        p.raise_if_any()
    ledger.check_open(s, v.day)
    check_entry(Entry(v.day, v.memo, v.lines, reverses=red), frozenset(), c)
    B.check_kept_accounts(v, c)
    rids = {x.resident_id for x in v.lines if x.resident_id is not None}
    if rids:
        found = set(s.execute(select(Resident.id).where(Resident.id.in_(rids))).scalars())
        if rids - found:
            raise RuleViolation(f"住户{sorted(rids - found)}不存在", "lines")
    if v.template == "release":
        _check_release(s, v)
    return c


def _check_sizes(lines, p: Problems) -> None:
    for i, x in enumerate(lines, start=1):
        fen = next((f for f in (x.debit, x.credit) if too_large(f)), None)
        if fen is not None:
            p.add("lines", too_large_message(f"第{i}行金额", fen))


def _check_release(s: Session, v: B.VoucherInput) -> None:
    amount = sum(x.debit for x in v.lines if x.account == B.RESTRICTED)
    held = (ledger.balance_in(s, B.RESTRICTED, v.day) + ledger.balance_in(s, B.DONATION[True], v.day)
            + ledger.balance_in(s, B.RESTRICTED_SUBSIDY, v.day))
    if amount > held:
        raise RuleViolation(f"解除限制的金额{amount / 100:,.2f}元超过限定性净资产余额{held / 100:,.2f}元", "amount")


def _next_seq(s: Session, period: str) -> int:
    db_lock(s, f"voucher-number:{period}")  # two PCs at once take turns (PostgreSQL)
    return int(s.execute(select(func.coalesce(func.max(Voucher.seq), 0)).where(Voucher.period == period))
               .scalar_one()) + 1


def _insert(ctx: Ctx, s: Session, v: B.VoucherInput, reverses: Voucher | None = None) -> Voucher:
    period = period_of(v.day)
    seq = _next_seq(s, period)
    row = Voucher(number=B.voucher_number(period, seq), period=period, seq=seq, day=v.day, memo=v.memo.strip(),
                  template=v.template, details=json.dumps(v.details, ensure_ascii=False, default=str),
                  attachments=v.attachments, status=B.PENDING, reverses_id=reverses.id if reverses else None,
                  created_at=ctx.now(), created_by=ctx.actor.username)
    s.add(row)
    s.flush()
    s.add_all([VoucherLine(voucher_id=row.id, account=x.account, debit=x.debit, credit=x.credit,
                           resident_id=x.resident_id, memo=x.memo) for x in v.lines])
    s.flush()
    audit(ctx, s, "录入凭证", "voucher", row.id, None, {
        "number": row.number, "date": v.day, "memo": row.memo, "template": v.template, "details": v.details,
        "attachments": v.attachments, "reverses": reverses.number if reverses else None,
        "lines": [[x.account, x.debit, x.credit, x.resident_id, x.memo] for x in v.lines]})
    return row


def add_voucher_in(ctx: Ctx, s: Session, v: B.VoucherInput) -> Voucher:
    _check(s, ctx, v)
    return _insert(ctx, s, v)


@busy.retrying
def add_voucher(ctx: Ctx, v: B.VoucherInput) -> Changes:
    """Enter a voucher (待审核). Checked as a posting would be: balanced,
    leaf accounts (an expense names its category), an open month."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = add_voucher_in(ctx, s, v)
    return Changes.of("voucher", ids=(row.id,), message=f"已录入凭证{row.number}，待审核")


def _get(s: Session, voucher_id: int) -> Voucher:
    row = s.get(Voucher, voucher_id)
    if row is None:
        raise NotFound(f"凭证{voucher_id}不存在")
    return row


def _lines_of(s: Session, voucher_id: int) -> tuple[Line, ...]:
    return tuple(Line(x.account, x.debit, x.credit, x.resident_id, x.memo) for x in s.execute(
        select(VoucherLine).where(VoucherLine.voucher_id == voucher_id).order_by(VoucherLine.id)).scalars())


def review_in(ctx: Ctx, s: Session, row: Voucher) -> int:
    B.check_review(row.created_by, ctx.actor.username, row.status)
    lines = _lines_of(s, row.id)
    original = s.get(Voucher, row.reverses_id) if row.reverses_id else None
    entry = Entry(row.day, f"{row.memo}（{row.number}）", lines, source=f"{VOUCHER_SOURCE}{row.number}",
                  reverses=original.entry_id if original else None)
    if row.template == "release":
        _check_release(s, B.VoucherInput(row.day, row.memo, lines, template="release"))
    eid = ledger.post(ctx, s, entry)
    row.status, row.entry_id = B.REVIEWED, eid
    row.reviewed_at, row.reviewed_by = ctx.now(), ctx.actor.username
    s.flush()
    audit(ctx, s, "审核凭证", "voucher", row.id, {"status": B.PENDING}, {"status": B.REVIEWED, "entry": eid,
                                                                          "number": row.number})
    return eid


@busy.retrying
def review(ctx: Ctx, voucher_ids: list[int] | tuple[int, ...]) -> Changes:
    """审核: post each voucher to the journal. The reviewer may not be the
    author. All or nothing."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        numbers = []
        for vid in voucher_ids:
            row = _get(s, vid)
            try:
                review_in(ctx, s, row)
            except RuleViolation as exc:
                raise RuleViolation([Problem(p.field, f"{row.number}：{p.message}") for p in exc.problems]) from None
            numbers.append(row.number)
    return Changes.of("voucher", "journal", ids=tuple(voucher_ids), message=f"已审核{len(numbers)}张凭证")


@busy.retrying
def void(ctx: Ctx, voucher_id: int, reason: str) -> Changes:
    """作废 an unreviewed voucher; its number stays, marked void."""
    ctx.require(Perm.FINANCE_WRITE)
    if not reason.strip():
        raise RuleViolation("请填写作废原因", "reason")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = _get(s, voucher_id)
        if row.status != B.PENDING:
            raise RuleViolation(f"凭证{row.number}{row.status}，只有待审核的凭证可以作废；已审核的请做红冲凭证")
        row.status, row.void_reason = B.VOID, reason.strip()
        s.flush()
        audit(ctx, s, "作废凭证", "voucher", row.id, {"status": B.PENDING}, {"status": B.VOID, "reason": reason})
    return Changes.of("voucher", ids=(voucher_id,), message=f"凭证{row.number}已作废")


@busy.retrying
def reverse(ctx: Ctx, voucher_id: int, day: dt.date, reason: str) -> Changes:
    """红冲 a reviewed voucher: a new voucher with the same lines negated,
    dated in an open month, to be reviewed like any other."""
    ctx.require(Perm.FINANCE_WRITE)
    if not reason.strip():
        raise RuleViolation("请填写红冲原因", "reason")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = _get(s, voucher_id)
        if row.status != B.REVIEWED:
            raise RuleViolation(f"凭证{row.number}尚未审核，不需红冲：请作废")
        if row.reverses_id:
            raise RuleViolation("红冲凭证不能再被红冲；请重新录入一张正确的凭证")
        done = s.execute(select(Voucher.number).where(Voucher.reverses_id == row.id, Voucher.status != B.VOID)).scalar()
        if done:
            raise RuleViolation(f"凭证{row.number}已由{done}红冲，不能重复红冲")
        lines = tuple(Line(x.account, -x.debit, -x.credit, x.resident_id, x.memo) for x in _lines_of(s, row.id))
        v = B.VoucherInput(day, f"红冲{row.number}：{row.memo}（{reason.strip()}）", lines, 0, row.template,
                           {"reverses": row.number, "reason": reason.strip()})
        _check(s, ctx, v, red=row.entry_id)
        new = _insert(ctx, s, v, reverses=row)
    return Changes.of("voucher", ids=(new.id,), message=f"已录入红冲凭证{new.number}，待审核")


def _info(s: Session, rows: list[Voucher], with_lines: bool) -> list[VoucherInfo]:
    ids = [r.id for r in rows]
    totals = dict(s.execute(select(VoucherLine.voucher_id, func.sum(VoucherLine.debit))
                            .where(VoucherLine.voucher_id.in_(ids)).group_by(VoucherLine.voucher_id)).all()) if ids else {}
    numbers = dict(s.execute(select(Voucher.id, Voucher.number)).all()) if rows else {}
    reversed_by = {r.reverses_id: r.number for r in s.execute(
        select(Voucher).where(Voucher.reverses_id.is_not(None), Voucher.status != B.VOID)).scalars()}
    lines: dict[int, list] = {}
    if with_lines and ids:
        names = {}
        for x, name in s.execute(select(VoucherLine, Resident.name).outerjoin(Resident, Resident.id == VoucherLine.resident_id)
                                 .where(VoucherLine.voucher_id.in_(ids)).order_by(VoucherLine.id)):
            names.setdefault("chart", chart_in(s))
            lines.setdefault(x.voucher_id, []).append(VoucherLineInfo(
                x.account, names["chart"].name(x.account), x.debit, x.credit, x.resident_id, name or "", x.memo))
    return [VoucherInfo(r.id, r.number, r.day, r.memo, r.template, r.attachments, r.status, int(totals.get(r.id, 0)),
                        r.created_by, r.reviewed_by, r.entry_id, numbers.get(r.reverses_id, "") if r.reverses_id else "",
                        reversed_by.get(r.id, ""), r.void_reason, json.loads(r.details or "{}"),
                        tuple(lines.get(r.id, ()))) for r in rows]


def list_vouchers(ctx: Ctx, date_from: dt.date | None = None, date_to: dt.date | None = None,
                  status: str | None = None, with_lines: bool = False) -> list[VoucherInfo]:
    with ctx.read() as s:
        q = select(Voucher).order_by(Voucher.period, Voucher.seq)
        if date_from:
            q = q.where(Voucher.day >= date_from)
        if date_to:
            q = q.where(Voucher.day <= date_to)
        if status:
            q = q.where(Voucher.status == status)
        return _info(s, list(s.execute(q).scalars()), with_lines)


def get_voucher(ctx: Ctx, voucher_id: int) -> VoucherInfo:
    with ctx.read() as s:
        return _info(s, [_get(s, voucher_id)], True)[0]


def voucher_by_number(s: Session, number: str) -> Voucher | None:
    return s.execute(select(Voucher).where(Voucher.number == number)).scalar_one_or_none()


# --- import ---------------------------------------------------------------------------

IMPORT_HEADERS = ("凭证组", "日期", "摘要", "科目代码", "借方金额", "贷方金额", "住户身份证号", "附件张数")


@busy.retrying
def import_vouchers(ctx: Ctx, data: bytes) -> Changes:
    """A month's vouchers from an XLSX sheet: one row per line, rows of one
    voucher share a 凭证组 value. Every row error is reported with its row
    number and nothing is saved unless the whole sheet is right."""
    ctx.require(Perm.FINANCE_WRITE)
    from openpyxl import load_workbook

    try:
        ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
    except Exception:  # noqa: BLE001 - any unreadable file gets the same answer
        raise RuleViolation("无法读取该文件：请使用 Excel（.xlsx）格式的凭证导入表", "file") from None
    if not rows or tuple(str(c or "").strip() for c in rows[0][:len(IMPORT_HEADERS)]) != IMPORT_HEADERS:
        raise RuleViolation(f"第1行应为表头：{'、'.join(IMPORT_HEADERS)}", "file")
    p = Problems()
    groups: dict[str, dict] = {}
    with ctx.write(Perm.FINANCE_WRITE) as s:
        ids = {r.id_number: r.id for r in s.execute(select(Resident.id, Resident.id_number))}
        for n, raw in enumerate(rows[1:], start=2):
            cells = list(raw[:8]) + [None] * (8 - len(raw[:8]))
            if all(c in (None, "") for c in cells):
                continue
            group, day, memo, account, debit, credit, idno, att = cells
            key = str(group or "").strip()
            if not key:
                p.add("file", f"第{n}行：请填写凭证组")
                continue
            try:
                d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day).strip())
                d = d.date() if isinstance(d, dt.datetime) else d
            except ValueError:
                p.add("file", f"第{n}行：日期“{day}”格式应为YYYY-MM-DD")
                continue
            try:
                dr = yuan_to_fen(str(debit), "debit") if debit not in (None, "") else 0
                cr = yuan_to_fen(str(credit), "credit") if credit not in (None, "") else 0
            except RuleViolation as exc:
                p.add("file", f"第{n}行：{exc.message}")
                continue
            rid = None
            if idno not in (None, ""):
                rid = ids.get(str(idno).strip().upper())
                if rid is None:
                    p.add("file", f"第{n}行：身份证号“{idno}”不是本机构登记的住户")
                    continue
            g = groups.setdefault(key, {"day": d, "memo": str(memo or "").strip(), "lines": [], "rows": [],
                                        "att": 0})
            if g["day"] != d:
                p.add("file", f"第{n}行：同一凭证组“{key}”的日期不一致")
            try:
                g["att"] = max(g["att"], int(att or 0))
            except (TypeError, ValueError):
                p.add("file", f"第{n}行：附件张数“{att}”应为整数")
            g["lines"].append(Line(str(account or "").strip(), dr, cr, rid, str(memo or "").strip()))
            g["rows"].append(n)
        made = []
        for key, g in sorted(groups.items(), key=lambda kv: (kv[1]["day"], kv[1]["rows"][0])):
            v = B.VoucherInput(g["day"], g["memo"] or "导入凭证", tuple(g["lines"]), g["att"], "general",
                               {"import_group": key})
            try:
                _check(s, ctx, v)
            except RuleViolation as exc:
                where = f"第{g['rows'][0]}-{g['rows'][-1]}行" if len(g["rows"]) > 1 else f"第{g['rows'][0]}行"
                for prob in exc.problems:
                    p.add("file", f"{where}（凭证组{key}）：{prob.message}")
                continue
            if not p.items:
                made.append(_insert(ctx, s, v).number)
        if not groups and not p.items:
            p.add("file", "表中没有凭证行")
        p.raise_if_any()  # rolls the whole import back
    return Changes.of("voucher", message=f"已导入{len(made)}张凭证（{made[0]}—{made[-1]}），待审核")


def import_template() -> bytes:
    """An empty import sheet with its header and one example voucher."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "凭证导入"
    ws.append(IMPORT_HEADERS)
    ws.append(("1", "2025-03-05", "购买食材", "510102", 1200.5, None, None, 2))
    ws.append(("1", "2025-03-05", "购买食材", "100201", None, 1200.5, None, 2))
    for col, width in zip("ABCDEFGH", (8, 12, 24, 10, 12, 12, 20, 8)):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- opening balances ------------------------------------------------------------------

@busy.retrying
def enter_opening_balances(ctx: Ctx, day: dt.date, lines: tuple[Line, ...]) -> Changes:
    """期初余额, once, balanced, dated the first day of the centre's first year
    in the app: no entry may be dated before it."""
    ctx.require(Perm.FINANCE_WRITE)
    p = Problems()
    _check_sizes(lines, p)
    p.raise_if_any()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = chart_in(s)
        B.check_opening(day, lines, c)
        done = ledger.entry_by_source(s, B.OPENING_SOURCE)
        if done is not None:
            raise RuleViolation(f"期初余额已录入（凭证{done}），只能录入一次；更正请在未结账月份做调整凭证")
        first = s.execute(select(func.min(JournalEntry.entry_date))).scalar()
        if first is not None and first < day:
            raise RuleViolation(f"账中已有{first:%Y-%m-%d}的凭证：期初余额须记在启用年度的1月1日"
                                f"（{first.year}-01-01）", "day")
        eid = ledger.post(ctx, s, Entry(day, "期初余额", lines, source=B.OPENING_SOURCE), chart=c)
    return Changes.of("journal", ids=(eid,), message=f"期初余额已录入（凭证{eid}）")


def opening_entry_date(ctx: Ctx) -> dt.date | None:
    with ctx.read() as s:
        eid = ledger.entry_by_source(s, B.OPENING_SOURCE)
        return s.get(JournalEntry, eid).entry_date if eid else None
