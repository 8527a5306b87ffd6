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
    if expected is not None and row.version != expected:
        raise StaleRecord(what)


def touch(row) -> None:
    """Count a change made through related rows (a contract's new term, a
    fee item's new price) as a change of ``row``: its version goes up."""
    row.version = row.version + 1  # the ORM updates WHERE version = the old one
