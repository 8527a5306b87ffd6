"""What someone with the database file and a SQLite tool does (for tests of
tamper evidence): edit audit rows past the append-only triggers, and
recompute the whole chain so that it verifies on its own again."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from eldercare_desktop.domain.audit import GENESIS, AuditFields, row_hash


def _unguard(con: sqlite3.Connection) -> None:
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"):
        con.execute(f"DROP TRIGGER {name}")


def edit_audit(path: Path, sql: str, params: tuple = ()) -> None:
    """Run ``sql`` on the audit trail after dropping its append-only triggers."""
    con = sqlite3.connect(path)
    _unguard(con)
    con.execute(sql, params)
    con.commit()
    con.close()


def recompute_chain(path: Path, edit_sql: str | None = None, params: tuple = (), keep: int | None = None,
                    sealed: bool = True) -> None:
    """Edit (``edit_sql``) or drop (rows after ``keep``) audit rows, then
    recompute every hash and the head, as a knowing attacker would."""
    con = sqlite3.connect(path)
    _unguard(con)
    if keep is not None:
        con.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
    if edit_sql:
        con.execute(edit_sql, params)
    prev = GENESIS
    rows = con.execute('SELECT seq, at, "user", action, entity, entity_id, before, after, '
                       f'{"seal" if sealed else "NULL"} FROM audit_log ORDER BY seq').fetchall()
    for r in rows:
        h = row_hash(prev, AuditFields(*r[:8], r[8] or ""))
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, r[0]))
        prev = h
    con.execute("UPDATE audit_head SET last_seq = ?, last_hash = ?", (rows[-1][0] if rows else 0, prev))
    con.commit()
    con.close()
