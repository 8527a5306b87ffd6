"""PostgreSQL fixtures shared by the whole suite: a migrated template
database per test run, and a fresh copy of it per test (CREATE DATABASE …
TEMPLATE). The server comes from ELDERCARE_TEST_PG_URL (a role with
CREATEDB; ./test.sh starts Debian's cluster and sets it when it can).
Without it the PostgreSQL tests are skipped — except under CI=true, where
they must run."""
from __future__ import annotations

import itertools
import os
import uuid

import pytest

from eldercare_desktop.db.engine import resolve_url
from eldercare_desktop.services.context import App

PG_URL = os.environ.get("ELDERCARE_TEST_PG_URL", "")
_n = itertools.count()


def _admin():
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(resolve_url(PG_URL))
    conn = psycopg.connect(host=u.host or "localhost", port=u.port or 5432, user=u.username, password=u.password,
                           dbname=u.database or "postgres", autocommit=True)
    return conn, u


def _url(u, name: str) -> str:
    return u.set(database=name).render_as_string(hide_password=False)


def _drop(conn, name: str) -> None:
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(scope="session")
def pg_template():
    if not PG_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("CI: ELDERCARE_TEST_PG_URL is not set (./test.sh starts PostgreSQL)")
        pytest.skip("no PostgreSQL for tests (set ELDERCARE_TEST_PG_URL)")
    conn, u = _admin()
    name = f"ec_tpl_{uuid.uuid4().hex[:8]}"
    conn.execute(f'CREATE DATABASE "{name}"')
    App.open(_url(u, name)).close()  # the migrations, on PostgreSQL
    yield conn, u, name
    _drop(conn, name)
    conn.close()


@pytest.fixture
def pg_url(pg_template):
    conn, u, tpl = pg_template
    name = f"ec_t_{os.getpid()}_{next(_n)}"
    _drop(conn, name)
    conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{tpl}"')
    yield _url(u, name)
    _drop(conn, name)
