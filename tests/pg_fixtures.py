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


def clone(conn, template: str, name: str) -> None:
    """A new database ``name`` as a copy of ``template`` (dropped first if
    left over). FILE_COPY: on the tests' unsynced cluster (scripts/
    test_postgres.sh) it is ten times faster than the default WAL_LOG."""
    _drop(conn, name)
    strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
    conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{strategy}')


def _drop(conn, name: str) -> None:
    """Drop a test database, ending the test's own leftover connections (an
    autovacuum worker on it is the server's: DROP DATABASE stops it)."""
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                 "AND backend_type = 'client backend' AND usename = current_user", (name,))
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
    clone(conn, tpl, name)
    yield _url(u, name)
    _drop(conn, name)
