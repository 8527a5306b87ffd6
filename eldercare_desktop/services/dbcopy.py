"""``eldercare db copy``: move a centre's whole database to another one —
typically from the SQLite file of a single PC to a PostgreSQL server when
the centre starts working on several PCs.

The source (already opened, so at the schema head) is read in one snapshot
transaction. The target must be empty: no row in any table of this
program, apart from the rows the migrations themselves write (the audit
head at zero, the listed demand rates). It is migrated through the normal
start-up path (``App.open``) and then filled in ONE transaction: every
table of the metadata in foreign-key order, in batches of Core inserts,
primary keys kept (PostgreSQL's id sequences are moved past them).

Before that transaction commits, the target is verified against the
source: row count and an order-independent content digest of every table,
the journal's debit and credit totals per account, and the audit chain
with every sealed money/permission row (``services.integrity``). Any
difference rolls everything back; the target is left as migrated.

Sealing across engines: a sealed row's digest covers its values as the
engine returns them (SQLite gives ``"2026-01-01 09:00:00.000000"`` and
``1`` where PostgreSQL gives a timestamp and ``true``), so a row copied to
another engine no longer matches the digest the chain recorded for it.
The source is therefore verified first (a copy never launders a tampered
row), the copy is proved equal to it value for value, and the migration's
own audit row 「从SQLite迁移数据」 — appended through the normal chain API
— re-seals exactly the rows whose engine form changed. The chain itself
(its text fields and hashes) is copied unchanged and continues from the
source's head."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from sqlalchemy import Connection, Integer, Table, delete, func, insert, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..db import engine as db_engine
from ..db.sealing import SEALED, fetch_states, seal_pending
from ..db.tables import metadata
from ..domain.audit import row_digest
from ..domain.errors import DomainError, PermissionDenied
from ..domain.money import format_yuan
from ..domain.roles import Role
from . import anchor as anchors
from . import audit, dbinfo, integrity
from .context import App, Ctx

#: rows per INSERT batch
BATCH = 2000
#: (tables done, tables in all, what is being done) — for a progress bar
Progress = Callable[[int, int, str], None]

#: bookkeeping of the current transaction, never copied (the target's own
#: triggers fill it while copying; the migration's audit row empties it)
TRANSIENT = frozenset({"seal_pending"})
#: the journal: (table, label) whose debit/credit totals must agree
JOURNALS = (("journal_line", "记账分录"), ("voucher_line", "凭证分录"))
#: how many differences a failure lists at most
MAX_PROBLEMS = 50


class CopyError(DomainError):
    """The copy was refused, or failed verification; the target was not
    changed (its transaction was rolled back). ``problems``: each difference."""

    def __init__(self, message: str, problems: Iterable[str] = ()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class CopyResult:
    source: str  # file path, or URL without its password
    target: str
    source_engine: str
    target_engine: str
    tables: list[tuple[str, int]]  # (table, rows copied), by name
    journal: dict[str, dict[str, int]]  # journal table → lines / debit / credit / accounts (fen)
    audit_rows: int  # audit rows on the target, the migration's own row included
    audit_seq: int  # the migration's audit row
    resealed: int  # rows re-sealed because their engine form changed
    sealed_rows: int  # money/permission rows verified on the target
    source_seq: int = 0  # the source's audit row noting the copy (0: could not be written)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(n for _, n in self.tables)

    def as_dict(self) -> dict:
        return {"ok": True, "source": self.source, "target": self.target, "source_engine": self.source_engine,
                "target_engine": self.target_engine, "tables": dict(self.tables), "total_rows": self.total_rows,
                "journal": self.journal, "audit_rows": self.audit_rows, "audit_seq": self.audit_seq,
                "resealed": self.resealed, "sealed_rows": self.sealed_rows, "source_seq": self.source_seq,
                "notes": self.notes, "seconds": self.seconds}


# --- where, and which engine ------------------------------------------------

def location(url: str) -> str:
    """What a person is shown of a database: the file, or the URL without its password."""
    path = db_engine.sqlite_path(url)
    if path is not None:
        return str(path)
    u = make_url(url)
    return u.set(drivername=u.get_backend_name()).render_as_string(hide_password=True)


def engine_label(url: str) -> str:
    name = make_url(url).get_backend_name()
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(name, name)


def _identity(url: str) -> tuple:
    path = db_engine.sqlite_path(url)
    if path is not None:
        return ("sqlite", str(path.expanduser().resolve()))
    u = make_url(url)
    host = (u.host or "localhost").lower()
    host = "localhost" if host in ("127.0.0.1", "::1") else host
    return (u.get_backend_name(), host, u.port or (5432 if u.get_backend_name() == "postgresql" else None),
            u.database or "")


def _first_line(exc: BaseException, url: str) -> str:
    """A driver's error in one line, never with the URL's password."""
    msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = (msg[0] if msg else type(exc).__name__)[:200]
    password = make_url(url).password
    return line.replace(str(password), "***") if password else line


#: what a server's refusal means, in words a centre's administrator knows
_REASONS = (
    ("password authentication failed", "用户名或密码错误"),
    ("no password supplied", "需要密码（可放在环境变量 PGPASSWORD 或 ~/.pgpass 中）"),
    ("connection refused", "服务器拒绝连接（地址或端口不对，或数据库服务未启动）"),
    ("could not translate host name", "找不到该服务器（服务器名写错或网络不通）"),
    ("name or service not known", "找不到该服务器（服务器名写错或网络不通）"),
    ("timeout expired", "连接超时（服务器无响应或网络不通）"),
    ("permission denied for database", "该用户无权连接这个数据库"),
)


def _unreachable(url: str, exc: BaseException) -> CopyError:
    kind = type(exc).__name__
    if isinstance(exc, ModuleNotFoundError) or kind in ("NoSuchModuleError", "ArgumentError"):
        return CopyError(f"目标数据库地址无效：{location(url)}（应为 postgresql://用户@服务器/数据库名）")
    line = _first_line(exc, url)
    low = str(getattr(exc, "orig", None) or exc).lower()
    reason = next((zh for en, zh in _REASONS if en in low), None)
    if reason is None and "database" in low and "does not exist" in low:
        reason = "服务器上没有这个数据库（请先新建一个空数据库）"
    return CopyError(f"无法连接目标数据库“{location(url)}”：{reason or line}")


def resolve_target(target: str) -> str:
    """``--to`` as a SQLAlchemy URL (``postgresql://`` uses psycopg 3). A URL
    only: a mistyped address must not become a new SQLite file somewhere;
    a SQLite target is spelled ``sqlite:///path``."""
    example = "（应为 postgresql://用户@服务器/数据库名）"
    value = (target or "").strip()
    if not value:
        raise CopyError("请用 --to 给出目标数据库的地址，例如 postgresql://用户@服务器/数据库名")
    if "://" not in value:
        raise CopyError(f"目标数据库地址无效{example}；复制到SQLite文件请写 sqlite:///文件路径")
    try:
        url = db_engine.resolve_url(value)
        u = make_url(url)
    except Exception:  # noqa: BLE001  (any unparsable URL)
        raise CopyError(f"目标数据库地址无效{example}") from None
    if not u.database:
        raise CopyError(f"目标数据库地址中没有数据库名{example}")
    return url


# --- the tables -------------------------------------------------------------

def copy_tables() -> list[Table]:
    """Every table of the metadata in foreign-key order (parents first)."""
    from ..db.models import load_all

    load_all()
    return [t for t in metadata.sorted_tables if t.name not in TRANSIENT]


def _label(name: str) -> str:
    return integrity.TABLE_LABELS.get(name, "")


def _occupied(conn: Connection) -> list[tuple[str, int]]:
    """Tables of this program that hold rows (the migrations' own rows aside)."""
    present = set(inspect(conn).get_table_names())
    out = []
    for t in sorted(copy_tables() + [seal_pending], key=lambda t: t.name):
        if t.name not in present:
            continue
        q = select(func.count()).select_from(t)
        if t.name == "audit_head":
            q = q.where(t.c.last_seq != 0)  # migration 0001's zero head
        elif t.name == "demand_rate":
            q = q.where(t.c.created_by != "system")  # migration 0005's listed rates
        n = int(conn.execute(q).scalar() or 0)
        if n:
            out.append((t.name, n))
    return out


def _refuse_occupied(occupied: list[tuple[str, int]], where: str) -> None:
    if not occupied:
        return
    shown = "、".join(f"{name}{'（' + _label(name) + '）' if _label(name) else ''}{n}行"
                     for name, n in occupied[:5])
    more = f"等{len(occupied)}个表" if len(occupied) > 5 else ""
    raise CopyError(f"目标数据库“{where}”不是空的（{shown}{more}），未做任何改动。为免覆盖已有数据，"
                    "只能复制到新建的空数据库：请新建一个数据库后重试")


def _probe_target(url: str) -> None:
    """Before anything is written: reachable, not newer than this program,
    and empty. A SQLite file that does not exist yet is created later."""
    path = db_engine.sqlite_path(url)
    if path is not None and not path.exists():
        return
    try:
        info = dbinfo.check(url)
    except Exception as exc:  # noqa: BLE001  (unreachable server, wrong password, not a database)
        raise _unreachable(url, exc) from None
    if info.problem:
        raise CopyError(f"不能复制到目标数据库“{info.location}”：{info.problem}")
    if not info.may_migrate and info.revision != info.head:
        raise CopyError(f"目标数据库“{info.location}”的当前用户无权建立数据库结构，请换用有建表权限的账号")
    engine = db_engine.make_engine(url)
    try:
        with engine.connect() as conn:
            _refuse_occupied(_occupied(conn), info.location)
    except CopyError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise _unreachable(url, exc) from None
    finally:
        engine.dispose()


# --- reading and checking ---------------------------------------------------

def _order(t: Table) -> list:
    return list(t.primary_key.columns) or list(t.columns)


def _row_hash(values: tuple) -> int:
    return int.from_bytes(hashlib.sha256(repr(values).encode("utf-8")).digest()[:16], "big")


class _Digest:
    """An order-independent digest of a table's rows (the engines sort text
    keys differently): the sum of each row's hash, and the row count."""

    def __init__(self) -> None:
        self.rows = 0
        self.total = 0

    def add(self, rows: Iterable[tuple]) -> None:
        for r in rows:
            self.rows += 1
            self.total = (self.total + _row_hash(tuple(r))) % (1 << 128)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Digest) and (self.rows, self.total) == (other.rows, other.total)


def _read(conn: Connection, t: Table, batch: int):
    """The table's rows in primary-key order, ``batch`` at a time (typed values)."""
    res = conn.execute(select(t).order_by(*_order(t)), execution_options={"yield_per": batch})
    for part in res.partitions(batch):
        yield [tuple(r) for r in part]


def _digest(conn: Connection, t: Table, batch: int) -> _Digest:
    d = _Digest()
    for rows in _read(conn, t, batch):
        d.add(rows)
    return d


def _counts(conn: Connection, tables: list[Table]) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0) for t in tables}


def journal_totals(conn: Connection) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Journal table → account → (lines, debit, credit) in fen."""
    out: dict[str, dict[str, tuple[int, int, int]]] = {}
    for name, _ in JOURNALS:
        t = metadata.tables[name]
        q = (select(t.c.account, func.count(), func.coalesce(func.sum(t.c.debit), 0),
                    func.coalesce(func.sum(t.c.credit), 0)).group_by(t.c.account))
        out[name] = {str(a): (int(n), int(d), int(c)) for a, n, d, c in conn.execute(q)}
    return out


def _journal_summary(totals: dict[str, dict[str, tuple[int, int, int]]]) -> dict[str, dict[str, int]]:
    return {name: {"lines": sum(v[0] for v in accts.values()), "debit": sum(v[1] for v in accts.values()),
                   "credit": sum(v[2] for v in accts.values()), "accounts": len(accts)}
            for name, accts in totals.items()}


def _compare_journals(src: dict, tgt: dict) -> list[str]:
    problems = []
    for name, label in JOURNALS:
        a, b = src.get(name, {}), tgt.get(name, {})
        for acct in sorted(set(a) | set(b)):
            x, y = a.get(acct, (0, 0, 0)), b.get(acct, (0, 0, 0))
            if x != y:
                problems.append(f"{label}（{name}）科目{acct}：源库{x[0]}行、借方{format_yuan(x[1])}、贷方{format_yuan(x[2])}，"
                                f"目标库{y[0]}行、借方{format_yuan(y[1])}、贷方{format_yuan(y[2])}")
        sa, sb = _journal_summary({name: a})[name], _journal_summary({name: b})[name]
        if (sa["debit"], sa["credit"]) != (sb["debit"], sb["credit"]):
            problems.append(f"{label}（{name}）合计：源库借方{format_yuan(sa['debit'])}、贷方{format_yuan(sa['credit'])}，"
                            f"目标库借方{format_yuan(sb['debit'])}、贷方{format_yuan(sb['credit'])}")
    return problems


def _named(name: str) -> str:
    return f"{name}（{_label(name)}）" if _label(name) else name


# --- writing ------------------------------------------------------------------

def _insert_batch(conn: Connection, t: Table, rows: list[tuple]) -> None:
    """One batch of rows into the target (a Core executemany)."""
    keys = [c.key for c in t.columns]
    conn.execute(insert(t), [dict(zip(keys, r)) for r in rows])


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL: each serial key's sequence continues after the copied rows."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for t in tables:
        for c in t.primary_key.columns:
            if not isinstance(c.type, Integer):
                continue
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": quote(t.name), "c": c.name}).scalar()
            if seq:  # the next id is max + 1 (1 for an empty table)
                top = f"SELECT MAX({quote(c.name)}) FROM {quote(t.name)}"
                conn.execute(text(f"SELECT setval(:s, COALESCE(({top}), 0) + 1, false)"), {"s": seq})


def _latest_digests(conn: Connection) -> dict[str, dict[str, str | None]]:
    """Sealed table → row id → the digest the chain last recorded for it."""
    latest: dict[str, dict[str, str | None]] = {}
    t = metadata.tables["audit_log"]
    for (seal,) in conn.execute(select(t.c.seal).where(t.c.seal.is_not(None)).order_by(t.c.seq)):
        if seal:
            for tbl, ids in json.loads(seal).items():
                latest.setdefault(tbl, {}).update(ids)
    return latest


def _keep_unchanged_seals(conn: Connection) -> int:
    """Of the rows the target's triggers noted, un-note those whose form on
    this engine still matches the chain's digest; returns how many stay
    (to be re-sealed by the migration's audit row)."""
    latest = _latest_digests(conn)
    for tbl in SEALED:
        digests = latest.get(tbl, {})
        same = [{"tbl": tbl, "row_id": rid} for rid, state in fetch_states(conn, tbl).items()
                if digests.get(rid) == row_digest(tbl, rid, state)]
        if same:
            conn.execute(text("DELETE FROM seal_pending WHERE tbl = :tbl AND row_id = :row_id"), same)
    return int(conn.execute(select(func.count()).select_from(seal_pending)).scalar() or 0)


# --- the copy ---------------------------------------------------------------------

def _require_admin(ctx: Ctx) -> None:
    if ctx.actor.role != Role.ADMIN:
        raise PermissionDenied(f"{ctx.actor.role.label}“{ctx.actor.username}”不能复制数据库："
                               "只有管理员可以迁移整个数据库")


def _snapshot(app: App):
    """A read transaction on the source that sees one moment throughout."""
    conn = app.engine.connect()
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def copy_database(ctx: Ctx, target: str, progress: Progress | None = None, batch: int = BATCH) -> CopyResult:
    """Copy the open database (``ctx.app``) into the empty database at
    ``target``; see the module docstring. Raises CopyError (refused, or a
    difference found: nothing committed) or PermissionDenied."""
    _require_admin(ctx)
    started = time.perf_counter()
    seconds: dict[str, float] = {}
    say = progress or (lambda done, total, what: None)
    src_url, tgt_url = ctx.app.url, resolve_target(target)
    tgt_where = location(tgt_url)
    if _identity(src_url) == _identity(tgt_url):
        raise CopyError(f"目标数据库就是源数据库（{tgt_where}），请给出另一个新建的空数据库")
    tables = copy_tables()
    total = len(tables)

    _probe_target(tgt_url)
    with _snapshot(ctx.app) as src, src.begin():
        t = time.perf_counter()
        say(0, total, "校验源数据库")
        src_rep = integrity.verify_connection(src, [], anchors.latest_local(ctx.app), anchors.key(create=False))
        if not src_rep.ok:  # re-sealing on the target must never launder a tampered row
            raise CopyError(f"源数据库未通过完整性校验（{len(src_rep.findings)}处问题），未复制，目标数据库未改动。"
                            "请先用 eldercare audit verify 查明原因", src_rep.problems[:MAX_PROBLEMS])
        src_counts = _counts(src, tables)
        src_journal = journal_totals(src)
        seconds["verify_source"] = time.perf_counter() - t

        say(0, total, "建立目标数据库结构")
        t = time.perf_counter()
        try:
            tgt_app = App.open(tgt_url, today=ctx.app.today, now=ctx.app.now)  # migrations, as at start-up
        except DomainError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise _unreachable(tgt_url, exc) from None
        seconds["prepare_target"] = time.perf_counter() - t
        try:
            with tgt_app.engine.execution_options(write=True).connect() as tgt, tgt.begin():
                result = _fill(ctx, src, tgt, tables, src_counts, src_journal, src_rep, say, batch, seconds,
                               src_url, tgt_url)
            try:
                anchors.record(tgt_app)  # the new database's head, noted outside it
            except OSError:
                pass
        finally:
            tgt_app.close()
    _note_on_source(ctx, result)
    say(total, total, "完成")
    seconds["total"] = time.perf_counter() - started
    result.seconds = {k: round(v, 3) for k, v in seconds.items()}
    return result


def _note_on_source(ctx: Ctx, result: CopyResult) -> None:
    """The source's own trail records that all its data was copied out, and where."""
    try:
        with ctx.app.write_connection() as conn:
            result.source_seq = audit.record(conn, ctx.actor, ctx.now(), f"复制数据库到{result.target_engine}",
                                             "database", "", None, {"target": result.target,
                                                                    "rows": result.total_rows,
                                                                    "target_seq": result.audit_seq})
    except (DomainError, SQLAlchemyError):  # busy or gone: the copy itself is done and verified
        result.notes.append("未能在源数据库的审计日志中记下本次复制（源数据库正忙或无法写入），复制本身已完成并通过核对")


def _fill(ctx: Ctx, src: Connection, tgt: Connection, tables: list[Table], src_counts: dict[str, int],
          src_journal: dict, src_rep: integrity.IntegrityReport, say: Progress, batch: int,
          seconds: dict[str, float], src_url: str, tgt_url: str) -> CopyResult:
    """Inside the target's transaction: copy, verify, seal, verify again.
    Any exception rolls the whole target transaction back."""
    total = len(tables)
    tgt_where = location(tgt_url)
    audit_head = metadata.tables["audit_head"]
    # taken first by every audited write: no other PC writes here meanwhile
    tgt.execute(select(audit_head.c.id).where(audit_head.c.id == 1).with_for_update())
    _refuse_occupied(_occupied(tgt), tgt_where)
    tgt.execute(delete(audit_head))  # the migrations' rows make way for the source's
    tgt.execute(delete(metadata.tables["demand_rate"]))

    t0 = time.perf_counter()
    digests: dict[str, _Digest] = {}
    for i, t in enumerate(tables):
        say(i, total, f"复制 {t.name}")
        d = digests[t.name] = _Digest()
        try:
            for rows in _read(src, t, batch):
                d.add(rows)
                _insert_batch(tgt, t, rows)
        except SQLAlchemyError as exc:  # a value the target refuses, a lost connection
            raise CopyError(f"复制表{_named(t.name)}时出错，已撤销，目标数据库中未写入任何数据："
                            f"{_first_line(exc, tgt_url)}") from None
    _reset_sequences(tgt, tables)
    seconds["copy"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    say(total, total, "核对行数、内容与分录金额")
    tgt_counts = _counts(tgt, tables)
    problems = [f"表{_named(name)}行数不一致：源库{src_counts[name]}行，目标库{tgt_counts[name]}行"
                for name in src_counts if src_counts[name] != tgt_counts[name]]
    problems += [f"表{_named(name)}行数不一致：源库{src_counts[name]}行，复制了{d.rows}行"
                 for name, d in digests.items() if d.rows != src_counts[name] and src_counts[name] == tgt_counts[name]]
    if not problems:
        problems += [f"表{_named(t.name)}的内容与源库不一致（行数相同，数据不同）"
                     for t in tables if _digest(tgt, t, batch) != digests[t.name]]
    tgt_journal = journal_totals(tgt)
    problems += _compare_journals(src_journal, tgt_journal)
    if problems:
        raise CopyError("复制后的核对未通过，已撤销，目标数据库中未写入任何数据：", problems[:MAX_PROBLEMS])

    say(total, total, "封存并校验审计链")
    resealed = _keep_unchanged_seals(tgt)
    src_engine = engine_label(src_url)
    seq = audit.record(tgt, ctx.actor, ctx.now(), f"从{src_engine}迁移数据", "database", "", None, {
        "source": location(src_url), "source_engine": src_engine, "target_engine": engine_label(tgt_url),
        "tables": {name: n for name, n in sorted(src_counts.items()) if n}, "rows": sum(src_counts.values()),
        "source_head": {"seq": src_rep.head_seq, "hash": src_rep.head_hash}, "resealed": resealed,
    })
    local = anchors.latest_local(ctx.app)
    rep = integrity.verify_connection(tgt, [local] if local else [], None, anchors.key(create=False))
    problems = list(rep.problems)
    if rep.rows != src_rep.rows + 1 or seq != src_rep.head_seq + 1:
        problems.append(f"审计记录条数不符：源库{src_rep.rows}条，目标库{rep.rows}条（应多出本次迁移的1条）")
    pending = int(tgt.execute(select(func.count()).select_from(seal_pending)).scalar() or 0)
    if pending:
        problems.append(f"目标库仍有{pending}行未封存")
    if problems:
        raise CopyError("目标数据库的审计链校验未通过，已撤销，目标数据库中未写入任何数据：", problems[:MAX_PROBLEMS])
    seconds["verify"] = time.perf_counter() - t0
    return CopyResult(
        source=location(src_url), target=tgt_where, source_engine=src_engine, target_engine=engine_label(tgt_url),
        tables=sorted(src_counts.items()), journal=_journal_summary(tgt_journal), audit_rows=rep.rows,
        audit_seq=seq, resealed=resealed, sealed_rows=rep.sealed_rows,
    )

