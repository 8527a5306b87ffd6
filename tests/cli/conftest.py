"""Shared CLI fixtures: a clean environment, an in-process runner, and a
small demo database (built once per session, copied per test)."""
from __future__ import annotations

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
    assert main(["--database", str(path), "demo-data", "--residents", "30", "--seed", "3"]) == 0
    return path


@pytest.fixture
def demo_db(tmp_path, demo_template):
    path = tmp_path / "eldercare.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


