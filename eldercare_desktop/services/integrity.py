"""Whole-database verification: the audit chain; every money and permission
row against what the chain last recorded for it (``services.seal``); and
the chain against anchors kept outside the database (``services.anchor``).

``verify_file`` reads a database file without migrating or writing it, so a
backup can be checked before it replaces anything."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, create_engine, inspect, text

from ..db.sealing import SEALED, fetch_states
from ..domain.audit import AuditFields, row_digest, verify_chain
from . import anchor as anchors
from .context import App

#: sealed tables as an auditor reads them
TABLE_LABELS = {
    "app_user": "用户", "setting": "系统设置", "contract": "服务合同", "contract_term": "合同收费条款",
    "fee_item": "收费项目", "fee_price": "收费标准", "charge": "费用", "bill_run": "计费批次",
    "bill_line": "账单明细", "receipt": "收据", "receipt_sequence": "收据号序列",
    "deposit_movement": "押金收支", "escrow_reconciliation": "押金专户对账", "journal_entry": "记账凭证",
    "journal_line": "分录", "period_close": "结账", "voucher": "凭证", "voucher_line": "凭证分录",
    "fixed_asset": "固定资产", "depreciation": "折旧", "year_close": "年末结转", "disclosure": "年度公示",
    "subsidy_claim": "补贴申报", "subsidy_claim_row": "补贴申报明细",
}


@dataclass(frozen=True)
class Finding:
    kind: str  # chain / changed / added / deleted / anchor
    message: str
    table: str = ""
    row_id: str = ""
    fields: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message, "table": self.table, "row_id": self.row_id,
                "fields": list(self.fields)}


@dataclass
class IntegrityReport:
    rows: int = 0  # audit rows checked
    sealed_rows: int = 0  # money/permission rows checked
    head_seq: int = 0
    head_hash: str = ""
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # not failures (e.g. an anchor's key is not here)
    anchors_checked: int = 0
    broken_seq: int | None = None  # the first audit row the chain check rejects

    @property
    def problems(self) -> list[str]:
        return [f.message for f in self.findings]

    @property
    def ok(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict:
        return {"ok": self.ok, "audit_rows": self.rows, "sealed_rows": self.sealed_rows,
                "head": {"seq": self.head_seq, "hash": self.head_hash}, "anchors_checked": self.anchors_checked,
                "findings": [f.as_dict() for f in self.findings], "notes": self.notes}


def _label(table: str) -> str:
    return f"{TABLE_LABELS.get(table, table)}（{table}）"


def _shown(v: object) -> str:
    s = json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
    return s if len(s) <= 40 else s[:37] + "…"


def _compare_fields(sealed: str, now: str) -> list[tuple[str, object, object]]:
    a, b = json.loads(sealed), json.loads(now)
    return [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def _check_rows(conn: Connection, latest: dict[str, dict[str, str | None]], rep: IntegrityReport,
                tables: set[str]) -> None:
    copies: dict[tuple[str, str], str] = {}
    for tbl, row_id, state in conn.execute(text("SELECT tbl, row_id, state FROM row_seal")):
        copies[(tbl, row_id)] = state
    for tbl in SEALED:
        if tbl not in tables:
            continue
        expected = dict(latest.get(tbl, {}))
        for rid, state in fetch_states(conn, tbl).items():
            rep.sealed_rows += 1
            want = expected.pop(rid, None)
            got = row_digest(tbl, rid, state)
            if want == got:
                continue
            if want is None:
                rep.findings.append(Finding("added", f"{_label(tbl)}第{rid}行未经审计记录而出现（被直接写入数据库）",
                                            tbl, rid))
                continue
            copy = copies.get((tbl, rid))
            if copy is not None and row_digest(tbl, rid, copy) == want:
                diffs = _compare_fields(copy, state)
                names = tuple(k for k, _, _ in diffs)
                detail = "；".join(f"字段 {k}：审计记录为 {_shown(a)}，现为 {_shown(b)}" for k, a, b in diffs)
                rep.findings.append(Finding("changed", f"{_label(tbl)}第{rid}行与审计记录不符：{detail}",
                                            tbl, rid, names))
            else:
                rep.findings.append(Finding("changed", f"{_label(tbl)}第{rid}行与审计记录不符（其封存副本也被改动，"
                                            "无法指出字段）", tbl, rid))
        for rid, want in expected.items():
            if want is not None:
                rep.findings.append(Finding("deleted", f"{_label(tbl)}第{rid}行已被删除（审计记录中它仍存在）",
                                            tbl, rid))


def _check_anchor(a: anchors.Anchor, hashes: dict[int, str], rep: IntegrityReport, key: bytes | None,
                  source: str) -> None:
    rep.anchors_checked += 1
    if a.seq > rep.head_seq:
        rep.findings.append(Finding("anchor", f"审计链被截断：{source}记录到第{a.seq}条，数据库现只有{rep.head_seq}条"))
        return
    if a.seq == 0:
        return
    h = hashes.get(a.seq)
    if h is None or not h.startswith(a.hash[:64]):
        rep.findings.append(Finding("anchor", f"第{a.seq}条审计记录与{source}不符（审计链被改写或重算）"))
        return
    if key is None:
        rep.notes.append(f"本机没有锚点密钥，{source}的签名未核验（哈希已核对一致）")
    elif not anchors.mac(key, a.seq, h).startswith(a.mac.lower()):
        rep.findings.append(Finding("anchor", f"{source}的签名不符（锚点不是用本机构的密钥生成的，或被改动）"))


def verify_connection(conn: Connection, extra: list[anchors.Anchor] = (), local: anchors.Anchor | None = None,
                      key: bytes | None = None) -> IntegrityReport:
    rep = IntegrityReport()
    tables = set(inspect(conn).get_table_names())
    if "audit_log" not in tables:
        rep.findings.append(Finding("chain", "该数据库没有审计记录表，不是本系统的数据库"))
        return rep
    sealed = "row_seal" in tables
    seal_col = ', seal' if sealed else ''
    audit_rows = []
    hashes: dict[int, str] = {}
    latest: dict[str, dict[str, str | None]] = {}
    for r in conn.execute(text('SELECT seq, at, "user", action, entity, entity_id, before, after, prev_hash, '
                               f'hash{seal_col} FROM audit_log ORDER BY seq')):
        seal = (r[10] or "") if sealed else ""
        audit_rows.append((AuditFields(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], seal), r[8], r[9]))
        hashes[r[0]] = r[9]
        if seal:
            try:
                for tbl, ids in json.loads(seal).items():
                    latest.setdefault(tbl, {}).update(ids)
            except ValueError:
                pass  # the chain check names the row
    head = conn.execute(text("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")).first()
    rep.rows = len(audit_rows)
    if head:
        rep.head_seq, rep.head_hash = int(head[0]), head[1]
    brk = verify_chain(audit_rows, (rep.head_seq, rep.head_hash) if head else None)
    if brk:
        rep.broken_seq = brk.seq
        rep.findings.append(Finding("chain", brk.reason))
    if sealed:
        _check_rows(conn, latest, rep, tables)
    else:
        rep.notes.append("该数据库早于数据封存功能，只校验了审计链")
    if local is not None:
        _check_anchor(local, hashes, rep, key, "本机保存的锚点")
    for a in extra:
        _check_anchor(a, hashes, rep, key, f"锚点 {a.token}")
    return rep


def verify(app: App, extra: list[anchors.Anchor] = (), local: bool = True) -> IntegrityReport:
    """Verify the open database, against the local anchor (unless ``local``
    is False) and any given ones."""
    key = anchors.key(create=False)
    latest = anchors.latest_local(app) if local else None
    with app.engine.connect() as conn:
        return verify_connection(conn, list(extra), latest, key)


def verify_file(path: Path, extra: list[anchors.Anchor] = ()) -> IntegrityReport:
    """Verify a SQLite database file read-only (a backup before a restore),
    against the anchor written beside it when there is one."""
    extra = list(extra)
    beside = Path(str(path) + ".anchor.json")
    if beside.exists():
        try:
            extra.append(anchors.parse(str(beside)))
        except anchors.AnchorFormatError as exc:
            rep = IntegrityReport()
            rep.findings.append(Finding("anchor", f"备份旁的锚点文件无法读取：{exc}"))
            return rep
    engine = create_engine(f"sqlite:///file:{Path(path).resolve()}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            return verify_connection(conn, extra, None, anchors.key(create=False))
    finally:
        engine.dispose()
