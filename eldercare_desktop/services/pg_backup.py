"""Backup and restore of a PostgreSQL database with PostgreSQL's client tools
(pg_dump, pg_restore, psql; Debian/Ubuntu package postgresql-client), with
the checks a SQLite backup gets (services.backup calls this module).

* Backup: ``pg_dump --format=custom`` into ``<dest>.tmp`` (owner-only)
  beside the destination; the dump is restored into a scratch database on
  the same server (``CREATE DATABASE``: the role needs CREATEDB) and checked
  there — this program's tables, a schema revision it knows, the audit chain
  and every sealed row — then the scratch database is dropped, the file is
  moved into place, its anchor written beside it (``<dest>.anchor.json``),
  and only then the backup's audit row is written.
* Restore: the archive is read first without the server (readable, this
  program's tables, a revision not newer than this program's), then restored
  into a scratch database and verified there (a broken trail: only an
  administrator with a reason). Then, while no other connection uses the
  database (pg_stat_activity; checked again inside the restoring
  transaction), a safety dump of the current database goes to the data
  folder, and ONE psql transaction drops every object of the ``public``
  schema and loads the dump; COMMIT is sent only after pg_restore produced
  the whole script, so a failure at any point leaves the old data in place.

The password reaches the tools in PGPASSWORD (never on a command line); the
tools run without a shell and carry this App's application_name."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from ..db import engine as db_engine
from ..domain.errors import Problem, RuleViolation
from ..domain.roles import Actor, Perm, require
from . import anchor as anchors
from .audit import audit
from .backup import (BACKUP_ACTION, check_destination, record_restore, refuse_unverified, revision_problem,
                     sqlite_header)
from .context import App, Ctx
from .output import sha256_of
from .sessions import DatabaseInUse

MAGIC = b"PGDMP"
SUFFIX = ".pgdump"
#: scratch databases: eldercare_verify_<epoch>_<random>; leftovers of killed runs are dropped after a day
SCRATCH_PREFIX = "eldercare_verify_"
SCRATCH_STALE_SECONDS = 24 * 3600
REQUIRED_TABLES = ("alembic_version", "resident", "audit_log")
HOW_TO_GET = ("（Debian/Ubuntu：sudo apt install postgresql-client；Windows：安装 PostgreSQL，"
              "并把它的 bin 文件夹加入 PATH 环境变量）")
IN_USE_MARK = "eldercare-database-in-use"
#: how long the restoring transaction waits for a table lock before giving up
LOCK_TIMEOUT = "30s"


# --- the server and the tools ------------------------------------------------------------------

@dataclass(frozen=True)
class Server:
    """Where the App's database is, as libpq parameters for the tools."""

    url: URL

    @classmethod
    def of(cls, app: App) -> "Server":
        return cls(make_url(app.url))

    @property
    def database(self) -> str:
        return self.url.database or ""

    def _query(self) -> dict[str, str]:
        out = {}
        for k, v in self.url.query.items():
            out[k] = str(v[-1] if isinstance(v, tuple) else v)
        return out

    def env(self) -> dict[str, str]:
        """The tools' environment: what the URL names overrides the PG*
        variables (as for the App's own connection, libpq reads the rest)."""
        env = dict(os.environ)
        u, q = self.url, self._query()
        for key, value in (("PGHOST", u.host), ("PGPORT", u.port), ("PGUSER", u.username),
                           ("PGPASSWORD", u.password or q.get("password"))):
            if value not in (None, ""):
                env[key] = str(value)
        env["PGAPPNAME"] = db_engine.application_name()
        env.setdefault("PGCONNECT_TIMEOUT", "15")
        return env

    def conninfo(self, database: str) -> str:
        """``--dbname`` for pg_dump/psql: the database and the URL's other
        options (sslmode, host=/socket…) — never the password."""
        parts = {"dbname": database}
        parts.update({k: v for k, v in self._query().items() if k not in ("password", "application_name")})
        return " ".join(f"{k}={_conninfo_value(v)}" for k, v in parts.items())

    def engine(self, database: str | None = None, autocommit: bool = False) -> Engine:
        """A short-lived engine (no pool) apart from the App's."""
        kw = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
        return create_engine(self.url.set(database=database or self.database), poolclass=NullPool,
                             connect_args={"application_name": db_engine.application_name()}, **kw)


def _conninfo_value(v: str) -> str:
    """A libpq connection-string value: quoted, with \\ and ' escaped."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def tools(*names: str) -> dict[str, str]:
    """The tools' paths on PATH, or a refusal naming the missing ones."""
    found = {n: shutil.which(n) for n in names}
    missing = [n for n, p in found.items() if not p]
    if missing:
        raise RuleViolation(f"找不到 PostgreSQL 客户端工具 {'、'.join(missing)}，无法备份或恢复 PostgreSQL 数据库。"
                            f"请安装 PostgreSQL 客户端工具{HOW_TO_GET}，并确保 {'、'.join(missing)} 在 PATH 中")
    return found  # type: ignore[return-value]


def _tail(data: bytes, lines: int = 4) -> str:
    got = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
    out = " / ".join(got[-lines:])
    return out if len(out) <= 600 else "…" + out[-600:]


def _run(argv: list[str], env: dict[str, str], failed: str) -> bytes:
    """Run a tool (no shell); its stdout, or a refusal quoting its last error lines."""
    try:
        done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    except OSError as exc:
        raise RuleViolation(f"无法运行 {Path(argv[0]).name}：{exc.strerror or exc}") from None
    if done.returncode != 0:
        raise RuleViolation(f"{failed}：{_tail(done.stderr) or f'{Path(argv[0]).name} 退出码 {done.returncode}'}")
    return done.stdout


def tool_major(path: str) -> int | None:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, stdin=subprocess.DEVNULL, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(rb"\(PostgreSQL\)\s+(\d+)", out)
    return int(m.group(1)) if m else None


def role_can_create_databases(c) -> tuple[str, bool]:
    """(the connected role, whether it may CREATE DATABASE)."""
    user, can = c.execute(text("SELECT current_user, rolcreatedb OR rolsuper FROM pg_roles "
                               "WHERE rolname = current_user")).one()
    return str(user), bool(can)


def _preflight(server: Server, pg_dump: str, doing: str) -> int:
    """Refuse early what would fail later: a pg_dump older than the server,
    a role that cannot create the scratch database. Returns the server's
    major version."""
    eng = server.engine()
    try:
        with eng.connect() as c:
            num = int(c.exec_driver_sql("SHOW server_version_num").scalar())
            user, can = role_can_create_databases(c)
    finally:
        eng.dispose()
    major = num // 10000
    mine = tool_major(pg_dump)
    if mine is not None and mine < major:
        raise RuleViolation(f"pg_dump 的版本（{mine}）低于数据库服务器的版本（{major}），{doing}。"
                            f"请安装 PostgreSQL {major} 或更新版本的客户端工具{HOW_TO_GET}")
    if not can:
        raise RuleViolation(f"数据库账号“{user}”没有建库权限（CREATEDB）：备份须先在服务器上试恢复到一个临时数据库"
                            f"并校验，无法进行，因此{doing}。请数据库管理员执行 ALTER ROLE \"{user}\" CREATEDB; 后再试")
    return major


# --- the archive, read without a server ---------------------------------------------------------

def is_dump(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def archive_tables(path: Path, pg_restore: str) -> set[str]:
    listing = _run([pg_restore, "--list", str(path)], dict(os.environ),
                   "备份文件无法读取（已损坏，或来自更新版本的 PostgreSQL 工具）").decode("utf-8", "replace")
    tables = set()
    for line in listing.splitlines():
        if line.startswith(";") or ";" not in line:
            continue
        words = line.split(";", 1)[1].split()
        if len(words) >= 5 and words[2] == "TABLE" and words[3] == "public":
            tables.add(words[4])
    return tables


def archive_revision(path: Path, pg_restore: str) -> str | None:
    """The alembic revision in the archive's data (read by pg_restore, no server)."""
    script = _run([pg_restore, "--data-only", "--table=alembic_version", "--file=-", str(path)], dict(os.environ),
                  "备份文件无法读取（已损坏）").decode("utf-8", "replace").splitlines()
    for i, line in enumerate(script):
        if line.startswith("COPY ") and "alembic_version" in line and i + 1 < len(script):
            value = script[i + 1].strip()
            return None if value in ("", "\\.") else value
    return None


def archive_problem(path: Path) -> str | None:
    """Why the pg_dump archive cannot be restored at all (no override), read
    without the server; None when it may be tried."""
    path = Path(path).expanduser()
    if not path.exists():
        return f"文件不存在：{path}"
    if path.is_dir():
        return f"这是一个文件夹，不是备份文件：{path}"
    if not is_dump(path):
        return "不是有效的 PostgreSQL 数据库备份文件（文件头不符）"
    try:
        pg_restore = tools("pg_restore")["pg_restore"]
        if not set(REQUIRED_TABLES) <= archive_tables(path, pg_restore):
            return "该文件不是本系统的数据库备份"
        rev = archive_revision(path, pg_restore)
    except RuleViolation as exc:
        return exc.message
    return revision_problem(rev)


# --- scratch databases and loading a dump --------------------------------------------------------

def _literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _drop_stale_scratch(c) -> None:
    """Scratch databases of this role left by a killed run (over a day old, unused)."""
    rows = c.execute(text("SELECT datname FROM pg_database WHERE datdba = "
                          "(SELECT oid FROM pg_roles WHERE rolname = current_user)")).scalars().all()
    for name in rows:
        m = re.fullmatch(SCRATCH_PREFIX + r"(\d+)_[0-9a-f]+", name)
        if m and time.time() - int(m.group(1)) > SCRATCH_STALE_SECONDS:
            try:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            except Exception:  # noqa: BLE001 - still in use, or not ours to drop: next time
                pass


@contextmanager
def scratch(server: Server, major: int) -> Iterator[str]:
    """A new empty database (template0, the current database's encoding and
    locale) for trying a dump; dropped on the way out whatever happens."""
    admin = server.engine(autocommit=True)
    name = f"{SCRATCH_PREFIX}{int(time.time())}_{secrets.token_hex(4)}"
    try:
        with admin.connect() as c:
            _drop_stale_scratch(c)
            enc, collate, ctype = c.execute(text(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database "
                "WHERE datname = current_database()")).one()
            try:
                c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING {_literal(enc)} '
                                  f"LC_COLLATE {_literal(collate)} LC_CTYPE {_literal(ctype)}")
            except DBAPIError as exc:
                raise RuleViolation(f"无法在服务器上建立校验备份用的临时数据库：{exc.orig}") from None
        try:
            yield name
        finally:
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"' + (" WITH (FORCE)" if major >= 13 else ""))
    finally:
        admin.dispose()


#: inside the restoring transaction: nobody else connected, then every object
#: of schema public dropped (names gathered first; a CASCADE may already have
#: dropped a later one, hence IF EXISTS; extension members are left alone)
_NOT_IN_EXTENSION = ("NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '{cat}'::regclass "
                     "AND d.objid = {oid} AND d.deptype = 'e')")
REPLACE_PROLOGUE = """
SET LOCAL lock_timeout = '%(lock_timeout)s';
SET LOCAL client_min_messages = warning;
SET LOCAL search_path = pg_catalog;
DO $eldercare$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND backend_type = 'client backend') THEN
    RAISE EXCEPTION '%(in_use)s';
  END IF;
END $eldercare$;
DO $eldercare$
DECLARE
  drops text[];
  item text;
BEGIN
  SELECT coalesce(array_agg(format('DROP %%s IF EXISTS public.%%I CASCADE',
           CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                          WHEN 'S' THEN 'SEQUENCE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END, c.relname)
           ORDER BY c.relkind = 'S', c.relname), '{}')
    INTO drops
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c') AND %(rel_own)s;
  drops := drops || (SELECT coalesce(array_agg(format('DROP %%s IF EXISTS %%s CASCADE',
           CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
           p.oid::regprocedure)), '{}')
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public' AND %(proc_own)s);
  drops := drops || (SELECT coalesce(array_agg(format('DROP %%s IF EXISTS public.%%I CASCADE',
           CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.typname)), '{}')
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND %(type_own)s);
  FOREACH item IN ARRAY drops LOOP
    EXECUTE item;
  END LOOP;
END $eldercare$;
""" % {"lock_timeout": LOCK_TIMEOUT, "in_use": IN_USE_MARK,
       "rel_own": _NOT_IN_EXTENSION.format(cat="pg_class", oid="c.oid"),
       "proc_own": _NOT_IN_EXTENSION.format(cat="pg_proc", oid="p.oid"),
       "type_own": _NOT_IN_EXTENSION.format(cat="pg_type", oid="t.oid")}


class _InUse(Exception):
    """The restoring transaction found another connection (nothing changed)."""


def load(server: Server, database: str, dump: Path, *, replace: bool) -> None:
    """Restore ``dump`` into ``database`` in ONE transaction: pg_restore
    writes the SQL script, psql runs it (ON_ERROR_STOP) after our BEGIN (and,
    with ``replace``, the in-use check and the drop of every object in
    schema public). COMMIT is written only when pg_restore produced the whole
    script; otherwise psql is killed with the transaction open, which rolls
    it back."""
    found = tools("pg_restore", "psql")
    env = server.env()
    prologue = "BEGIN;\n" + (REPLACE_PROLOGUE if replace else "")
    with tempfile.TemporaryFile() as err_r, tempfile.TemporaryFile() as err_p:
        producer = subprocess.Popen([found["pg_restore"], "--no-owner", "--file=-", str(dump)],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err_r, env=env)
        try:
            consumer = subprocess.Popen([found["psql"], "--no-psqlrc", "--quiet", "--no-password",
                                         "--set=ON_ERROR_STOP=1", f"--dbname={server.conninfo(database)}"],
                                        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err_p, env=env)
        except OSError as exc:
            producer.kill()
            producer.wait()
            raise RuleViolation(f"无法运行 psql：{exc.strerror or exc}") from None
        complete = False
        try:
            consumer.stdin.write(prologue.encode("utf-8"))
            shutil.copyfileobj(producer.stdout, consumer.stdin, 1 << 16)
            if producer.wait() == 0:
                complete = True
                consumer.stdin.write(b"COMMIT;\n")
                consumer.stdin.close()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # psql stopped at an error: its stderr says which
        finally:
            if not complete:
                consumer.kill()  # before its input ends: the open transaction is rolled back
            if producer.poll() is None:
                producer.kill()
            producer.wait()
            producer.stdout.close()
            consumer.wait()
            try:
                consumer.stdin.close()
            except OSError:
                pass
        err_r.seek(0)
        err_p.seek(0)
        if producer.returncode != 0:
            raise RuleViolation(f"备份文件无法读取（已损坏或不完整）：{_tail(err_r.read()) or 'pg_restore 失败'}")
        psql_err = err_p.read()
        if consumer.returncode != 0:
            if IN_USE_MARK.encode() in psql_err:
                raise _InUse()
            raise RuleViolation(f"psql 执行失败：{_tail(psql_err) or f'退出码 {consumer.returncode}'}")


@dataclass(frozen=True)
class Checked:
    revision: str | None
    tables: frozenset[str]
    report: object  # integrity.IntegrityReport


def check_dump(server: Server, major: int, dump: Path, extra: list[anchors.Anchor]) -> Checked:
    """Restore ``dump`` into a scratch database and verify it there (audit
    chain, sealed rows, ``extra`` anchors), as verify_file does for SQLite."""
    from .integrity import verify_connection

    with scratch(server, major) as name:
        load(server, name, dump, replace=False)
        eng = server.engine(name)
        try:
            with eng.connect() as conn:
                tables = frozenset(inspect(conn).get_table_names())
                rev = (conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                       if "alembic_version" in tables else None)
                report = verify_connection(conn, extra, None, anchors.key(create=False))
        finally:
            eng.dispose()
    return Checked(rev, tables, report)


def _dump(server: Server, pg_dump: str, tmp: Path) -> None:
    """``pg_dump --format=custom`` into the work file ``tmp`` (created
    owner-only first, synced); the caller checks it and moves it into place.
    Removed when the dump fails."""
    tmp.unlink(missing_ok=True)
    db_engine.create_private(tmp)
    try:
        _run([pg_dump, "--format=custom", "--no-password", "--lock-wait-timeout=60000", f"--file={tmp}",
              f"--dbname={server.conninfo(server.database)}"], server.env(), "pg_dump 备份失败")
        db_engine.sync_file(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _into_place(tmp: Path, dest: Path) -> None:
    os.replace(tmp, dest)
    db_engine.make_private(dest)


# --- backup ---------------------------------------------------------------------------------------

def backup(ctx: Ctx, dest: Path, *, auto: bool = False) -> str:
    """pg_dump to ``dest``, verified by a scratch restore; returns its SHA-256
    (written to the audit trail after the file is in place)."""
    require(ctx.actor, Perm.BACKUP)
    dest = Path(dest).expanduser().absolute()
    check_destination(None, dest)
    found = tools("pg_dump", "pg_restore", "psql")
    server = Server.of(ctx.app)
    major = _preflight(server, found["pg_dump"], "未备份")
    db_engine.clean_leftovers(dest.parent, ("*.pgdump.tmp", "*.dump.tmp"))
    work = dest.with_name(dest.name + ".tmp")  # the dump is checked before it takes dest's name
    _dump(server, found["pg_dump"], work)
    try:
        checked = check_dump(server, major, work, [])
        problem = (revision_problem(checked.revision) if set(REQUIRED_TABLES) <= checked.tables
                   else "备份中缺少本系统的数据表")
        if problem:
            raise RuleViolation(f"备份校验失败：{problem}")
        if checked.report.findings:
            raise RuleViolation([Problem("file", "备份校验失败：数据库的审计记录校验未通过（数据可能被直接改动过），未备份：")]
                                + [Problem("file", p) for p in checked.report.problems]
                                + [Problem("file", "请管理员先运行“完整性检查”查明原因")])
        _into_place(work, dest)
    except BaseException:
        work.unlink(missing_ok=True)
        raise
    digest = sha256_of(dest)
    after = {"file": str(dest), "sha256": digest, "format": "pg_dump custom"}
    if auto:
        after["auto"] = True
    _anchor_beside(ctx.app, dest, checked.report.head_seq, checked.report.head_hash)
    with ctx.write(Perm.BACKUP) as s:
        audit(ctx, s, BACKUP_ACTION, "database", "backup", None, after)
    return digest


def _anchor_beside(app: App, dest: Path, seq: int, row_hash: str) -> None:
    """``<dest>.anchor.json``: the dump's own chain head, signed with the anchor key."""
    try:
        a = anchors.Anchor(seq, row_hash, anchors.mac(anchors.key(), seq, row_hash),
                           dt.datetime.now().isoformat(timespec="seconds"), anchors.database_id(app))
        out = Path(str(dest) + ".anchor.json")
        out.unlink(missing_ok=True)
        db_engine.create_private(out)
        out.write_text(json.dumps(a.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    except (OSError, TypeError, ValueError):
        pass  # a backup without its anchor still restores (verified by its chain alone)


# --- restore --------------------------------------------------------------------------------------

def connected(server: Server) -> list[str]:
    """Who else is connected to the database, one line per program
    (eldercare-desktop names itself ``eldercare-desktop@HOST:PID``)."""
    eng = server.engine()
    try:
        with eng.connect() as c:
            rows = c.execute(text(
                "SELECT application_name, usename, client_addr::text FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend' ORDER BY backend_start")).all()
    finally:
        eng.dispose()
    count: dict[str, int] = {}
    for app_name, user, addr in rows:
        app_name = app_name or ""
        if app_name.startswith(db_engine.APP_NAME + "@"):
            host, _, pid = app_name.split("@", 1)[1].rpartition(":")
            who = f"本系统（电脑 {host}，进程 {pid}）" if pid.isdigit() else f"本系统（电脑 {app_name.split('@', 1)[1]}）"
        else:
            where = f"，地址 {addr}" if addr else ""
            who = f"其他程序“{app_name or '未命名'}”（数据库账号 {user or '未知'}{where}）"
        count[who] = count.get(who, 0) + 1
    return [w + (f"，{n}个连接" if n > 1 else "") for w, n in count.items()]


def _refuse_if_connected(app: App, server: Server) -> None:
    app.engine.dispose()  # this App's pooled connections are not "others"
    others = connected(server)
    if others:
        raise DatabaseInUse(f"不能恢复：还有{len(others)}个程序（窗口或命令）连接着这个数据库——{'；'.join(others)}。"
                            "请先让他们退出程序，再恢复")


def safety_folder() -> Path:
    """Where the dump of the database taken before a restore goes (the data folder)."""
    return db_engine.default_data_dir()


def _safety_dump(server: Server, pg_dump: str) -> Path:
    """The current database, dumped to the data folder before it is replaced."""
    folder = safety_folder()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safe_name = re.sub(r"[^0-9A-Za-z_.-]", "_", server.database) or "database"
    safety = folder / f"{safe_name}.before-restore-{stamp}{SUFFIX}"
    work = safety.with_name(safety.name + ".tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        db_engine.clean_leftovers(folder, ("*.before-restore-*.pgdump.tmp",))
        _dump(server, pg_dump, work)
        _into_place(work, safety)
    except OSError as exc:
        raise RuleViolation(f"无法在 {folder} 保存恢复前的安全副本，未恢复：{exc.strerror or exc}") from None
    return safety


def restore(app: App, actor: Actor, src: Path, *, override_reason: str | None = None) -> Path:
    """Replace the database's content with a pg_dump archive (checked first:
    a bad file changes nothing). Returns the safety dump of what was there."""
    require(actor, Perm.RESTORE)
    src = Path(src).expanduser().absolute()
    if sqlite_header(src):
        raise RuleViolation("这是 SQLite 数据库的备份，当前使用的是 PostgreSQL 数据库，不能用它恢复")
    problem = archive_problem(src)
    if problem:
        raise RuleViolation(problem)
    found = tools("pg_dump", "pg_restore", "psql")
    server = Server.of(app)
    major = _preflight(server, found["pg_dump"], "未恢复")
    _refuse_if_connected(app, server)  # early: before the long check
    extra: list[anchors.Anchor] = []
    beside = Path(str(src) + ".anchor.json")
    problems: list[str] = []
    if beside.exists():
        try:
            extra.append(anchors.parse(str(beside)))
        except anchors.AnchorFormatError as exc:
            problems.append(f"备份旁的锚点文件无法读取：{exc}")
    checked = check_dump(server, major, src, extra)
    problem = (revision_problem(checked.revision) if set(REQUIRED_TABLES) <= checked.tables
               else "该文件不是本系统的数据库备份")
    if problem:
        raise RuleViolation(problem)
    found_problems = problems + list(checked.report.problems)
    reason = refuse_unverified(actor, found_problems, override_reason)
    sha = sha256_of(src)
    _refuse_if_connected(app, server)
    safety = _safety_dump(server, found["pg_dump"])
    try:
        load(server, server.database, src, replace=True)
    except _InUse:
        others = connected(server)
        raise DatabaseInUse(f"不能恢复：恢复开始时还有程序连接着这个数据库——{'；'.join(others) or '（已断开）'}。"
                            "当前数据库未改动，请让他们退出程序后再恢复") from None
    except RuleViolation as exc:
        raise RuleViolation(f"恢复未完成，当前数据库未改动：{exc.message}") from None
    app.reopen()  # migrates an older backup
    record_restore(app, actor, src, sha, safety, found_problems, reason)
    return safety
