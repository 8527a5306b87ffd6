"""Optimistic locking: editable records (residents, rooms and beds,
contracts, fee items, users, settings, the centre) carry a version that
every ORM update bumps (db.models: version_id_col). A screen keeps the
version it read; saving with it refuses, in Chinese, when the record changed
since (StaleRecord: 「该记录已被他人修改，请刷新后再试」). Two saves racing
inside the database are caught by the ORM itself (StaleDataError, turned
into StaleRecord by Ctx.write)."""
from __future__ import annotations

from ..domain.errors import StaleRecord


def check(row, expected: int | None, what: str = "") -> None:
    """Refuse when the caller read ``row`` at another version (None: the
    caller did not read it first, e.g. the command line)."""
    _note_read(row)
    if expected is not None and row.version != expected:
        raise StaleRecord(what)


def touch(row) -> None:
    """Count a change made through related rows (a contract's new term, a
    fee item's new price, a resident's contacts) as a change of ``row``: its
    version goes up — once per transaction, whatever else changed."""
    from sqlalchemy import inspect

    state = inspect(row)
    read = _reads(row).get(state.identity_key)
    pending = any(state.attrs[c.key].history.has_changes() for c in state.mapper.column_attrs)
    if pending or (read is not None and row.version != read):
        return  # the ORM counts this save already (a column changes, or was flushed since it was read)
    row.version = row.version + 1  # the ORM updates WHERE version = the old one


_READ = "versions_read"


def _reads(row) -> dict:
    from sqlalchemy.orm import object_session

    s = object_session(row)
    return s.info.setdefault(_READ, {}) if s is not None else {}


def _note_read(row) -> None:
    """The version this transaction read the row at (touch counts from it)."""
    from sqlalchemy import inspect

    _reads(row).setdefault(inspect(row).identity_key, row.version)
