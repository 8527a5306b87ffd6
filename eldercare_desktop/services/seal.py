"""Sealing money and permission rows into the audit chain.

Triggers (``db.sealing``) note every touched row of a sealed table in
``seal_pending``. The next audit row of the same transaction calls
``collect``: each touched row's current values are stored in ``row_seal``
and its digest goes into the audit row (so into the hash chain). A
transaction that touches sealed rows after its last audit row gets a
「数据封存」 row at commit. ``services.integrity`` then proves every sealed
row is exactly what the chain last recorded for it."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Connection, event

from ..db.sealing import has_pending, hook_engine
from ..domain.roles import Actor, Role

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

SYSTEM = Actor(None, "system", Role.ADMIN, "系统")


def connection(s: Session | Connection) -> Connection:
    return s if isinstance(s, Connection) else s.connection()


def _before_commit(session: Session) -> None:
    session.flush()
    conn = session.connection()
    if has_pending(conn):
        from .audit import record

        now = session.info.get("now") or (lambda: dt.datetime.now().replace(microsecond=0))
        record(session, SYSTEM, now(), "数据封存", "seal", "")


def install(factory: sessionmaker, app) -> None:
    """Seal at commit what no audit row sealed; keep the anchor fresh after commits."""
    hook_engine(app.engine)
    factory.configure(info={"now": app.now, "app": app})
    event.listen(factory, "before_commit", _before_commit)

    def _after_commit(session: Session) -> None:
        from . import anchor

        anchor.after_commit(app)

    event.listen(factory, "after_commit", _after_commit)
