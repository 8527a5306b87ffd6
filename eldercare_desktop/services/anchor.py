"""The audit chain's head, anchored outside the database.

An anchor is (seq, hash of that audit row, HMAC of both with a key kept
apart from the database, in the user's config folder). It is printed on
month-close and disclosure documents, written beside each backup, and
noted locally after writes; ``integrity.verify`` checks the chain still
holds that row with that hash, so recomputing or truncating the chain is
caught even by someone who rewrote it consistently."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..db.tables import audit_head
from .context import App

ENV_DIR = "ELDERCARE_ANCHOR_DIR"
KEY_FILE = "anchor.key"
LOG_FILE = "anchors.jsonl"
#: at most one local anchor per this many seconds after commits
THROTTLE_S = 30.0
_last_write: dict[int, float] = {}


def anchor_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    import platformdirs

    from ..db.engine import APP_NAME

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def _private_write(path: Path, data: str, append: bool = False) -> None:
    """Create or append owner-only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "a" if append else "w", encoding="utf-8") as fh:
        fh.write(data)


def key(create: bool = True) -> bytes | None:
    """The anchor key (32 random bytes, hex in a 0600 file); None if absent and not created."""
    p = anchor_dir() / KEY_FILE
    if p.exists():
        return bytes.fromhex(p.read_text(encoding="ascii").strip())
    if not create:
        return None
    k = secrets.token_bytes(32)
    tmp = p.with_name(p.name + f".{os.getpid()}.tmp")
    _private_write(tmp, k.hex())
    try:
        os.link(tmp, p)  # first writer wins when two processes race
    except FileExistsError:
        pass
    except OSError:
        os.replace(tmp, p)
    tmp.unlink(missing_ok=True)
    return bytes.fromhex(p.read_text(encoding="ascii").strip())


def mac(k: bytes, seq: int, row_hash: str) -> str:
    return hmac.new(k, f"eldercare-anchor|{seq}|{row_hash}".encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str  # the full row hash, or a prefix (≥ 16 hex) when typed from a document
    mac: str  # hex, full or a prefix (≥ 16)
    at: str = ""
    database: str = ""

    @property
    def token(self) -> str:
        """What a document prints and an auditor types: 1234-3f2a9c…(16)-9c1e…(16)."""
        return f"{self.seq}-{self.hash[:16]}-{self.mac[:16]}"

    def as_dict(self) -> dict:
        return {"seq": self.seq, "hash": self.hash, "mac": self.mac, "at": self.at, "database": self.database,
                "token": self.token}


class AnchorFormatError(ValueError):
    pass


def parse(text: str) -> Anchor:
    """An anchor from a token (``seq-hash16-mac16``) or an .anchor.json file's path or content."""
    t = text.strip()
    p = Path(t)
    if not t.startswith("{") and len(t) < 4096 and p.suffix == ".json":
        try:
            t = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise AnchorFormatError(f"无法读取锚点文件：{p}（{exc.strerror or exc}）") from None
    if t.startswith("{"):
        try:
            d = json.loads(t)
            return Anchor(int(d["seq"]), str(d["hash"]), str(d["mac"]), str(d.get("at", "")),
                          str(d.get("database", "")))
        except (ValueError, KeyError, TypeError):
            raise AnchorFormatError("锚点文件格式不正确") from None
    parts = t.split("-")
    hexd = set("0123456789abcdef")
    if (len(parts) != 3 or not parts[0].isdigit() or len(parts[0]) > 12
            or any(len(x) < 16 or not set(x.lower()) <= hexd for x in parts[1:])):
        raise AnchorFormatError(f"锚点“{t[:60]}”格式不正确，应为 序号-哈希前16位-签名前16位")
    return Anchor(int(parts[0]), parts[1].lower(), parts[2].lower())


def database_id(app: App) -> str:
    path = app.sqlite_path
    if path is not None:
        return str(path.resolve())
    from sqlalchemy.engine import make_url

    return make_url(app.url).render_as_string(hide_password=True)


def current(app: App) -> Anchor:
    """The chain head now, anchored with the key."""
    with app.engine.connect() as conn:
        row = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash).where(audit_head.c.id == 1)).one()
    seq, h = int(row.last_seq), row.last_hash
    return Anchor(seq, h, mac(key(), seq, h), dt.datetime.now().isoformat(timespec="seconds"), database_id(app))


def record(app: App) -> Anchor:
    """Note the current head in the local anchor log (outside the database)."""
    a = current(app)
    _private_write(anchor_dir() / LOG_FILE, json.dumps(a.as_dict(), ensure_ascii=False) + "\n", append=True)
    _last_write[id(app)] = time.monotonic()
    return a


def after_commit(app: App) -> None:
    last = _last_write.get(id(app))
    if last is None or time.monotonic() - last >= THROTTLE_S:
        try:
            record(app)
        except OSError:
            pass  # a read-only config folder must not fail the write that just committed


def latest_local(app: App) -> Anchor | None:
    """The newest anchor noted locally for this database."""
    p = anchor_dir() / LOG_FILE
    if not p.exists():
        return None
    me = database_id(app)
    found = None
    with open(p, encoding="utf-8") as fh:
        for line in fh:
            try:
                d = json.loads(line)
            except ValueError:
                continue
            if d.get("database") == me:
                found = d
    if found is None:
        return None
    return Anchor(int(found["seq"]), found["hash"], found["mac"], found.get("at", ""), found.get("database", ""))


def write_beside(app: App, dest: Path) -> Path:
    """Write ``<dest>.anchor.json`` beside a backup: the backup file's own
    chain head (read from the file), signed with the key."""
    import sqlite3

    conn = sqlite3.connect(f"file:{Path(dest).resolve()}?mode=ro", uri=True)
    try:
        seq, h = conn.execute("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").fetchone()
    finally:
        conn.close()
    a = Anchor(int(seq), h, mac(key(), int(seq), h), dt.datetime.now().isoformat(timespec="seconds"),
               database_id(app))
    out = Path(str(dest) + ".anchor.json")
    _private_write(out, json.dumps(a.as_dict(), ensure_ascii=False, indent=2))
    return out


def text_for_documents(app: App) -> str:
    """The line a month-close or disclosure document prints."""
    a = record(app)
    return f"审计链锚点：{a.token}（第{a.seq}条）"


def anchored(ctx):
    """``with anchored(ctx): render…`` — the document carries the chain's anchor."""
    from ..documents.anchor_note import anchored as note

    try:
        text = text_for_documents(ctx.app)
    except OSError:
        text = ""
    return note(text)
