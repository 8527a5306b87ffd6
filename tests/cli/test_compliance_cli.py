"""``eldercare compliance``: the self-check as text, as JSON and as PDF; exit
0 when every rule holds, 1 when one does not (the clean centre of
tests/services/test_compliance.py, then a resident in a bed without a
contract)."""
import datetime as dt

import pytest

from eldercare_desktop.services import assessments, residents
from tests.cli import test_books_cli as _books
from tests.cli.test_books_cli import call, js
from tests.conftest import PASSWORD, person
from tests.services.test_assessments import form
from tests.services import test_compliance as _tc

D = dt.date
clean, cli_clock = _tc.clean, _books.cli_clock  # fixtures


@pytest.fixture
def db(app, actors, clean, cli_clock, env):
    cli_clock.day = D(2026, 11, 25)
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    return app.url


def test_all_green_exits_0(run, db, tmp_path):
    r = js(run, db, "admin", "compliance", "--date", "2026-11-25")
    assert (r["ok"], r["date"], r["summary"], r["file"]) == (True, "2026-11-25", "自查8项，全部符合", None)
    assert [i["code"] for i in r["items"]][:2] == ["deposit_cap", "escrow_account"]
    assert all(i["ok"] and i["basis"] for i in r["items"])
    out, _ = call(run, db, "admin", "compliance", "--pdf", tmp_path / "ok.pdf")
    assert "✔ 符合" in out and "自查8项，全部符合" in out and "已保存：" in out
    assert (tmp_path / "ok.pdf").read_bytes().startswith(b"%PDF")


def test_a_red_rule_exits_1_with_its_residents(run, db, ctx, centre_ready, tmp_path):
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 11, 1), centre_ready["A102-1"]).ids[0]
    assessments.save_assessment(ctx, form(rid, base_date=D(2026, 11, 1)))
    r = js(run, db, "admin", "compliance", "--pdf", tmp_path / "red.pdf", code=1)
    assert not r["ok"] and r["file"]["sha256"]
    bad = [i for i in r["items"] if not i["ok"]]
    assert [i["code"] for i in bad] == ["contracts"]
    f, = bad[0]["findings"]
    assert (f["subject"], f["resident_id"], f["date"]) == ("李四", rid, "2026-11-25")
    out, _ = call(run, db, "shenji", "compliance", code=1)  # the auditor may run it too
    assert "✘ 不符合" in out and "李四" in out and "1项不符合：服务前签订书面服务合同" in out


def test_bad_date_is_a_usage_error(run, db):
    rc, _, err = run("--database", db, "--user", "admin", "compliance", "--date", "2026-13-01")
    assert rc == 2 and "YYYY-MM-DD" in err
