"""Shared fixtures: a migrated template database copied per test, a fixed
clock, cheap argon2 parameters, and an actor for each role."""
from __future__ import annotations

import datetime as dt
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the audit anchor key and log live apart from the database: here, a folder of the test run
import tempfile  # noqa: E402

os.environ.setdefault("ELDERCARE_ANCHOR_DIR", tempfile.mkdtemp(prefix="eldercare-anchors-"))

import pytest
from argon2 import PasswordHasher

from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.domain.residents import ContactInput, ResidentInput
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import centre, residents, users
from eldercare_desktop.services.context import App
from tests.pg_fixtures import PG_URL, pg_template, pg_url  # noqa: F401  (fixtures)

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 30, 0)
PASSWORD = "test1234"

users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


class Clock:
    """Settable clock: tests move ``day`` and ``time``."""

    def __init__(self) -> None:
        self.day = TODAY
        self.time = NOW

    def today(self) -> dt.date:
        return self.day

    def now(self) -> dt.datetime:
        return self.time


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    app = App.open(str(path))
    app.close()
    return path


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def db_path(tmp_path, template_db):
    path = tmp_path / "eldercare.sqlite3"
    shutil.copyfile(template_db, path)
    return path


#: these run on both engines (one test id each: [sqlite] and [postgresql]) when
#: PostgreSQL is there; a module or test bound to the SQLite file says
#: ``pytest.mark.sqlite_only``
BOTH_ENGINES = ("tests/services/", "tests/scenarios/", "tests/cli/")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: works on the SQLite file itself (not run on PostgreSQL)")


def pytest_generate_tests(metafunc):
    path = str(metafunc.definition.path).replace("\\", "/")
    if ("engine" in metafunc.fixturenames and any(p in path for p in BOTH_ENGINES)
            and not metafunc.definition.get_closest_marker("sqlite_only")
            and (PG_URL or os.environ.get("CI") == "true")):
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine(request):
    """The database engine of this test: SQLite unless parametrised (above)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def app(engine, request, clock):
    if engine == "postgresql":
        url = request.getfixturevalue("pg_url")
    else:
        url = str(request.getfixturevalue("db_path"))
    a = App.open(url, today=clock.today, now=clock.now)
    yield a
    a.close()


@pytest.fixture
def admin(app):
    return users.create_first_admin(app, "admin", PASSWORD)


def _make_user(app, admin, name: str, role: Role):
    users.create_user(app.as_user(admin), name, role.value, PASSWORD, name)
    return users.login(app, name, PASSWORD)


@pytest.fixture
def actors(app, admin):
    """{Role: Actor} with one account per role."""
    return {
        Role.ADMIN: admin,
        Role.FRONT_DESK: _make_user(app, admin, "qiantai", Role.FRONT_DESK),
        Role.ACCOUNTANT: _make_user(app, admin, "kuaiji", Role.ACCOUNTANT),
        Role.AUDITOR: _make_user(app, admin, "shenji", Role.AUDITOR),
    }


@pytest.fixture
def ctx(app, admin):
    return app.as_user(admin)


@pytest.fixture
def centre_ready(ctx):
    """A centre with two rooms: A101 (beds 1 普通, 2 护理型), A102 (bed 1 普通)."""
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei"))
    centre.add_room(ctx, "A", 1, "101", "双人间", [("1", "普通"), ("2", "护理型")])
    centre.add_room(ctx, "A", 1, "102", "单人间", [("1", "普通")])
    beds = {b.code: b.bed_id for r in centre.bed_map(ctx) for b in r.beds}
    return beds


def person(name="张三", birth=dt.date(1940, 3, 5), seq=13, area="500112", **kw) -> ResidentInput:
    return ResidentInput(name=name, id_number=make_id_number(area, birth, seq), **kw)


def agent(name="张小三", rel="儿子", phone="13800000000") -> ContactInput:
    return ContactInput(name, rel, phone, True)


@pytest.fixture
def admitted(ctx, centre_ready):
    """张三 admitted to A101-1 on 2026-01-10."""
    ch = residents.register_resident(
        ctx, person(contacts=(agent(),)), dt.date(2026, 1, 10), centre_ready["A101-1"]
    )
    return ch.ids[0]
