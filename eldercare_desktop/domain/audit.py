"""Hash chain over audit rows: each row's hash covers its content and the
previous row's hash, so editing or removing a row breaks the chain there."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditFields:
    seq: int
    at: str  # ISO timestamp, UTC
    user: str
    action: str
    entity: str
    entity_id: str
    before: str  # canonical JSON or ""
    after: str
    seal: str = ""  # canonical JSON {table: {row id: digest or null}} of the rows sealed here


def canonical(data: object) -> str:
    if data is None:
        return ""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def row_hash(prev_hash: str, f: AuditFields) -> str:
    payload = "\x1e".join(
        [prev_hash, str(f.seq), f.at, f.user, f.action, f.entity, f.entity_id, f.before, f.after]
        + ([f.seal] if f.seal else [])  # rows written before sealing hash as they always did
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_STATE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def row_state(values: dict) -> str:
    """A sealed row's values as canonical JSON."""
    return _STATE.encode(values)


def row_digest(table: str, row_id: str, state: str) -> str:
    """The digest the chain keeps for one sealed row (128 bits of SHA-256)."""
    return hashlib.sha256(f"{table}\x1f{row_id}\x1f{state}".encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class ChainBreak:
    seq: int  # the first row that does not verify (or the expected seq that is missing)
    reason: str


def verify_chain(rows: list[tuple[AuditFields, str, str]], head: tuple[int, str] | None) -> ChainBreak | None:
    """rows: (fields, prev_hash, hash) in seq order. head: (last seq, last hash) recorded."""
    prev = GENESIS
    expected_seq = 1
    for fields, prev_hash, h in rows:
        if fields.seq != expected_seq:
            return ChainBreak(expected_seq, f"第{expected_seq}条审计记录缺失（被删除）")
        if prev_hash != prev:
            return ChainBreak(fields.seq, f"第{fields.seq}条审计记录的前序哈希不符（之前的记录被改动或删除）")
        if row_hash(prev_hash, fields) != h:
            return ChainBreak(fields.seq, f"第{fields.seq}条审计记录的内容被改动")
        prev = h
        expected_seq += 1
    if head is not None:
        last_seq, last_hash = head
        if last_seq >= expected_seq:
            return ChainBreak(expected_seq, f"第{expected_seq}条至第{last_seq}条审计记录缺失（被删除）")
        if last_seq == expected_seq - 1 and last_seq > 0 and last_hash != prev:
            return ChainBreak(last_seq, f"第{last_seq}条审计记录与链头不符")
    return None
