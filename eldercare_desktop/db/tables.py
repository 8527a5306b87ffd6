"""Tables the start-up path needs (users and the audit trail), in SQLAlchemy
Core. Login and its audit row run on these before the ORM is imported, so
the main window shows ~0.15 s sooner; ``models`` maps its classes onto the
same tables and the same MetaData."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

app_user = Table(
    "app_user",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(40), unique=True, nullable=False),
    Column("display_name", String(60), nullable=False, default=""),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
    Column("last_login", DateTime),
    Column("created_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, default=1, server_default="1"),  # services.versions
)

# Append-only and hash-chained (see domain.audit).
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("user", String(60), nullable=False),
    Column("action", String(60), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(40), nullable=False),
    Column("before", Text, nullable=False, default=""),
    Column("after", Text, nullable=False, default=""),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("seal", Text),  # digests of the money/permission rows sealed here (services.seal)
    Index("ix_audit_entity", "entity", "entity_id"),
    Index("ix_audit_user", "user"),
    Index("ix_audit_at", "at"),
)

# The last seq and hash, so removing the newest rows is detectable too.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("last_hash", String(64), nullable=False),
)
