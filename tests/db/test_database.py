import shutil
import subprocess
import sys

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from eldercare_desktop.db import engine as db_engine
from eldercare_desktop.db.migrations import HEAD_REVISION
from eldercare_desktop.db.migrations.runner import downgrade, script_head, upgrade
from eldercare_desktop.db.models import Base, load_all

load_all()


def test_head_constant_matches_scripts():
    # start-up skips importing Alembic when the file is at HEAD_REVISION
    assert script_head() == HEAD_REVISION


def test_migrations_build_the_models_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    engine, result = db_engine.open_database(url)
    assert (result.before, result.after) == (None, HEAD_REVISION)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    for name, table in Base.metadata.tables.items():
        cols = {c["name"] for c in inspect(engine).get_columns(name)}
        assert {c.name for c in table.columns} == cols, name
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert db_engine.current_revision(engine) == HEAD_REVISION


def test_pragmas(tmp_path):
    engine, _ = db_engine.open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_and_money_free_constraints(tmp_path):
    engine, _ = db_engine.open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with pytest.raises(IntegrityError):
        with engine.begin() as c:
            c.execute(text("INSERT INTO bed (room_id, label, bed_type, active) VALUES (999, '1', '普通', 1)"))
    with pytest.raises(IntegrityError):
        with engine.begin() as c:
            c.execute(text("INSERT INTO room (building, floor, number, room_type, notes, active) VALUES ('A',1,'1','单人间','',1)"))
            c.execute(text("INSERT INTO resident (name, name_pinyin, name_initials, gender, id_number, birth_date, hukou_province,"
                           " hukou_city, hukou_district, phone, address, categories, status, notes, created_at, archived)"
                           " VALUES ('a','','','男','1','1940-01-01','','','','','','','在住','','2026-01-01',0)"))
            c.execute(text("INSERT INTO stay (resident_id, start_date, end_date, end_reason, end_note)"
                           " VALUES (1, '2026-02-01', '2026-01-01', '', '')"))


def test_safety_copy_before_migrating_an_old_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    engine, _ = db_engine.open_database(url)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num='0000'"))
    engine.dispose()
    # '0000' is an older revision unknown to these scripts: the file is
    # copied aside first, then the migration fails loudly
    with pytest.raises(Exception):
        db_engine.migrate(db_engine.make_engine(url), url)
    copies = list(tmp_path.glob("old.before-migration-0000-*.sqlite3"))
    assert len(copies) == 1 and db_engine.integrity_problem(copies[0]) is None


def test_current_file_is_not_copied(tmp_path):
    url = f"sqlite:///{tmp_path / 'cur.sqlite3'}"
    db_engine.open_database(url)[0].dispose()
    engine, result = db_engine.open_database(url)
    assert result.safety_copy is None and result.before == HEAD_REVISION
    assert list(tmp_path.glob("*.before-migration-*")) == []


def test_resolve_url(monkeypatch, tmp_path):
    monkeypatch.delenv(db_engine.ENV_URL, raising=False)
    assert db_engine.resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv(db_engine.ENV_URL, "sqlite:////tmp/env.db")
    assert db_engine.resolve_url(None) == "sqlite:////tmp/env.db"
    # psycopg 3 ships with the app (SQLAlchemy's default would be psycopg2, not installed)
    assert db_engine.resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_engine.resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_engine.resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv(db_engine.ENV_URL)
    assert db_engine.resolve_url(None).endswith("eldercare-desktop/eldercare.sqlite3")


def test_layer_contracts():
    lint = shutil.which("lint-imports", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert lint, "import-linter is not installed"
    out = subprocess.run([lint, "--no-cache"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_startup_modules_leave_the_money_models_and_the_orm_unloaded():
    """Start-up imports the Core login path only; ``from ..db.models import
    User`` must not load the money models (the import system asks the
    module for ``__path__``, which the lazy loader has to refuse)."""
    code = (
        "import sys\n"
        "import eldercare_desktop.services.auth, eldercare_desktop.services.context\n"
        "import eldercare_desktop.ui.main_window, eldercare_desktop.ui.pages.residents\n"
        "print('orm', 'sqlalchemy.orm' in sys.modules)\n"
        "import eldercare_desktop.services.users\n"
        "print('money', any(m.startswith('eldercare_desktop.db.models_') for m in sys.modules))\n"
        "from eldercare_desktop.db.models import Contract\n"
        "print('lazy', Contract.__module__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["orm False", "money False", "lazy eldercare_desktop.db.models_billing"]
