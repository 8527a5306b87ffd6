"""Alembic migrations. HEAD_REVISION lets start-up skip importing Alembic
when the schema is current (a test checks it matches the scripts)."""

HEAD_REVISION = "0009"
