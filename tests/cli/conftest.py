"""Shared CLI fixtures: a clean environment, an in-process runner, and a
small demo database (built once per session, copied per test) — on SQLite
and, for tests that do not open the file itself, on PostgreSQL too."""
from __future__ import annotations

import contextlib
import io
import itertools
import os
import shutil

import pytest

from eldercare_desktop.cli.main import main

PW = "demo1234"


@pytest.fixture(autouse=True)
def env(monkeypatch):
    for var in ("ELDERCARE_DATABASE_URL", "ELDERCARE_USER", "ELDERCARE_PASSWORD", "ELDERCARE_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ELDERCARE_PASSWORD", PW)
    return monkeypatch


@pytest.fixture
def run(capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, template_db):
    """One demo database (30 residents) per session, copied per test."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    os.environ.pop("ELDERCARE_DATABASE_URL", None)
    _quiet_demo(str(path))
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_template):
    """The same demo centre on PostgreSQL: a template database per session."""
    from tests.pg_fixtures import _url, clone

    conn, u, tpl = pg_template
    name = f"ec_demo_{os.getpid()}"
    clone(conn, tpl, name)
    os.environ.pop("ELDERCARE_DATABASE_URL", None)
    _quiet_demo(_url(u, name))
    yield name
    from tests.pg_fixtures import _drop

    _drop(conn, name)


@pytest.fixture
def demo_db(engine, request, tmp_path):
    """The demo centre for one test: a copied SQLite file (a Path), or on
    PostgreSQL a database created from the demo template (its URL)."""
    if engine == "postgresql":
        from tests.pg_fixtures import _drop, _url, clone

        conn, u, _ = request.getfixturevalue("pg_template")
        tpl = request.getfixturevalue("pg_demo_template")
        name = f"ec_d_{os.getpid()}_{next(_n)}"
        clone(conn, tpl, name)
        yield _url(u, name)
        _drop(conn, name)
        return
    path = tmp_path / "eldercare.sqlite3"
    shutil.copyfile(request.getfixturevalue("demo_template"), path)
    yield path


_n = itertools.count()


def _quiet_demo(database: str) -> None:
    """Build the 30-resident demo; its summary is not any test's output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--database", database, "demo-data", "--residents", "30", "--seed", "3"])
    assert code == 0, out.getvalue()


def scalar(db, sql: str):
    """One value from the database ``db`` (a SQLite path or a URL)."""
    from sqlalchemy import create_engine, text

    from eldercare_desktop.db.engine import resolve_url

    engine = create_engine(resolve_url(str(db)))
    try:
        with engine.connect() as c:
            return c.execute(text(sql)).scalar()
    finally:
        engine.dispose()


