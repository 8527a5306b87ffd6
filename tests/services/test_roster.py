"""Roster export and all-or-nothing import."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil

import openpyxl
import pytest

from eldercare_desktop.documents import roster as doc
from eldercare_desktop.domain.errors import PermissionDenied
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.domain.residents import ContactInput
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit, centre, residents, roster, users
from eldercare_desktop.services.context import App
from tests.conftest import PASSWORD, agent, person


def _rooms(ctx, with_a=True):
    """The conftest centre (A101: 2 beds, A102: 1 bed) plus B201 with three beds."""
    if with_a:
        centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei"))
        centre.add_room(ctx, "A", 1, "101", "双人间", [("1", "普通"), ("2", "护理型")])
        centre.add_room(ctx, "A", 1, "102", "单人间", [("1", "普通")])
    centre.add_room(ctx, "B", 2, "201", "三人间", [("1", "护理型"), ("2", "护理型"), ("3", "护理型")])


def _row(name="李秀英", birth=dt.date(1938, 6, 1), seq=22, bed="A102-1", admission=dt.date(2025, 3, 1), **kw):
    base = {c.key: "" for c in doc.COLUMNS}
    base.update(name=name, id_number=make_id_number("500112", birth, seq), bed=bed, admission_date=admission,
                birth_date=None, agent_name="王小明", agent_relationship="儿子", agent_phone="13900000001")
    base.update(kw)
    return base


@pytest.fixture
def rooms(ctx, centre_ready):
    _rooms(ctx, with_a=False)
    return {b.code: b.bed_id for r in centre.bed_map(ctx) for b in r.beds}


@pytest.fixture
def other_app(tmp_path, template_db, clock):
    """A second, fresh database (another centre's PC)."""
    path = tmp_path / "other.sqlite3"
    shutil.copyfile(template_db, path)
    a = App.open(str(path), today=clock.today, now=clock.now)
    yield a
    a.close()


def _people(ctx, rooms):
    residents.register_resident(
        ctx, person(contacts=(agent(), ContactInput("张小红", "女儿", "023-67001234")), categories=("高龄", "失能"),
                    hukou_province="重庆市", hukou_city="重庆市", hukou_district="渝北区", phone="13700000000",
                    address="渝北区龙溪街道1号", notes="糖尿病"),
        dt.date(2026, 1, 10), rooms["A101-1"])
    residents.register_resident(ctx, person("曾德明", dt.date(1935, 12, 31), 31, "500105", contacts=(agent("曾小明"),)),
                                dt.date(2026, 2, 1), rooms["B201-3"])
    rid = residents.register_resident(ctx, person("单淑珍", dt.date(1942, 1, 2), 44), dt.date(2026, 3, 1),
                                      rooms["A102-1"]).ids[0]
    gone = residents.register_resident(ctx, person("王建国", dt.date(1930, 5, 5), 55), dt.date(2026, 3, 1),
                                       rooms["A101-2"]).ids[0]
    residents.start_leave(ctx, rid, dt.date(2026, 11, 1), "回家探亲")
    residents.discharge(ctx, gone, dt.date(2026, 6, 30), "回家")


def _comparable(ctx):
    out = []
    for r in residents.list_residents(ctx, include_left=False):
        d = residents.get_resident(ctx, r.id)
        out.append((r.name, r.id_number, r.gender, r.birth_date, r.bed_code, r.admission_date, r.categories, r.phone,
                    d.hukou_province, d.hukou_city, d.hukou_district, d.address, d.notes,
                    tuple(dataclasses.replace(c, id=0) for c in d.contacts)))
    return out


def test_export_keeps_ids_as_text_and_lists_only_current_residents(ctx, rooms, tmp_path):
    _people(ctx, rooms)
    result = roster.export_roster(ctx, tmp_path / "out" / "名册.xlsx")
    assert result.rows == 3 and result.path.exists() and len(result.sha256) == 64
    ws = openpyxl.load_workbook(result.path)["住户名册"]
    assert ws.freeze_panes == "A2"
    cols = {c.value: i for i, c in enumerate(ws[1])}
    rows = list(ws.iter_rows(min_row=2))
    assert [r[cols["姓名"]].value for r in rows] == ["张三", "曾德明", "单淑珍"]
    for r in rows:
        assert r[cols["身份证号"]].data_type == "s"
    assert rows[0][cols["政策类别"]].value == "高龄、失能"
    assert rows[0][cols["其他联系人电话"]].value == "023-67001234"
    assert rows[2][cols["状态"]].value == "请假"
    assert roster.export_roster(ctx, tmp_path / "all.xlsx", include_left=True).rows == 4
    second, first = audit.list_entries(ctx, audit.AuditFilter(entity="roster"))
    assert (first.action, first.entity_id) == ("导出住户名册", "名册.xlsx") and result.sha256 in first.after
    assert second.entity_id == "all.xlsx"


def test_round_trip_into_another_database(ctx, rooms, tmp_path, other_app, clock):
    _people(ctx, rooms)
    path = roster.export_roster(ctx, tmp_path / "r.xlsx").path
    admin2 = users.create_first_admin(other_app, "admin", PASSWORD)
    ctx2 = other_app.as_user(admin2)
    _rooms(ctx2)
    report = roster.import_roster(ctx2, path)
    assert report.ok and report.imported == 3 and report.rows == 3
    assert any("单淑珍" in n and "请假" in n for n in report.notes)
    before = _comparable(ctx)
    after = _comparable(ctx2)
    assert after == before
    assert {r.status for r in residents.list_residents(ctx2)} == {"在住"}  # leave is not carried over
    n, brk = audit.verify(other_app)
    assert brk is None
    actions = [e.action for e in audit.list_entries(ctx2)]
    # one audit row per chunk naming every resident it registered, and one for the import
    assert actions.count("导入登记入住") == 1 and actions.count("导入住户名册") == 1
    chunk = next(e for e in audit.list_entries(ctx2) if e.action == "导入登记入住")
    assert [r["name"] for r in json.loads(chunk.after)["residents"]] == [x[0] for x in before]


def test_one_bad_row_imports_nothing(ctx, rooms, tmp_path):
    path = tmp_path / "r.xlsx"
    good_id = make_id_number("500112", dt.date(1941, 1, 1), 33)
    bad_id = good_id[:-1] + ("0" if good_id[-1] != "0" else "1")  # wrong check digit
    doc.write_roster([
        _row(),
        _row("赵四", dt.date(1941, 1, 1), 33, bed="A101-2", id_number=bad_id),
        _row("钱五", dt.date(1941, 1, 2), 35, bed="B201-1"),
    ], path)
    report = roster.import_roster(ctx, path)
    assert not report.ok and report.imported == 0
    assert report.bad_rows == [3]
    [p] = report.problems
    assert (p.row, p.column) == (3, "身份证号") and "校验位" in p.message
    assert str(p).startswith("第3行【身份证号】")
    assert residents.list_residents(ctx) == []
    assert [e for e in audit.list_entries(ctx) if e.entity in ("resident", "roster")] == []


def test_every_kind_of_bad_row_is_named(ctx, rooms, admitted, tmp_path, clock):
    existing = make_id_number("500112", dt.date(1940, 3, 5), 13)  # 张三, admitted to A101-1
    path = tmp_path / "r.xlsx"
    doc.write_roster([
        _row(),                                                              # 2 good
        _row("周六", dt.date(1939, 1, 1), 11, bed="A101-1"),                  # 3 bed occupied
        _row("吴七", dt.date(1939, 1, 2), 13, bed="A102-1"),                  # 4 same bed as row 2
        _row("郑八", dt.date(1939, 1, 3), 15, bed="Z999-1"),                  # 5 no such bed
        _row("王九", dt.date(1939, 1, 4), 17, bed="B201-1", admission=clock.day + dt.timedelta(days=1)),  # 6 future
        _row("张三", bed="B201-2", id_number=existing),                       # 7 already registered
        _row("李秀英", bed="B201-3"),                                          # 8 same ID as row 2
        _row("冯十", dt.date(1939, 1, 5), 19, bed="A101-2", agent_phone=""),  # 9 agent phone missing
        _row("陈一", dt.date(1939, 1, 6), 21, bed="A101-2", status="去世",
             gender="女", birth_date=dt.date(1939, 1, 7)),                    # 10 several problems
    ], path)
    report = roster.import_roster(ctx, path)
    got = {(p.row, p.column): p.message for p in report.problems}
    assert report.bad_rows == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "已由“张三”入住" in got[(3, "床位")]
    assert "第2行" in got[(4, "床位")]
    assert "不存在" in got[(5, "床位")]
    assert "晚于今天" in got[(6, "入住日期")]
    assert "已登记" in got[(7, "身份证号")]
    assert "与第2行重复" in got[(8, "身份证号")]
    assert got[(9, "代理人电话")] == "已填写代理人信息，请同时填写代理人电话"
    assert "退住或请假" not in got[(10, "状态")] and "去世" in got[(10, "状态")]
    assert "与身份证号不符" in got[(10, "性别")] and "与身份证号不符" in got[(10, "出生日期")]
    assert "第9行" in got[(10, "床位")]  # A101-2 already wanted by row 9
    assert [r.name for r in residents.list_residents(ctx)] == ["张三"]


def test_id_number_excel_turned_into_a_number(ctx, rooms, tmp_path):
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "床位", "入住日期"])
    ws.append(["张三", int(make_id_number("500112", dt.date(1940, 3, 5), 12)), "A101-1", dt.date(2025, 1, 1)])
    wb.save(path)
    report = roster.import_roster(ctx, path)
    [p] = report.problems
    assert (p.row, p.column) == (2, "身份证号") and "文本" in p.message


def test_dry_run_checks_but_imports_nothing(ctx, rooms, tmp_path):
    path = tmp_path / "r.xlsx"
    doc.write_roster([_row(), _row("赵四", dt.date(1941, 1, 1), 33, bed="A101-2")], path)
    report = roster.import_roster(ctx, path, dry_run=True)
    assert report.ok and report.imported == 0 and report.rows == 2 and "检查通过" in report.message
    assert residents.list_residents(ctx) == []
    report = roster.import_roster(ctx, path)
    assert report.imported == 2 and len(report.resident_ids) == 2
    d = residents.get_resident(ctx, report.resident_ids[0])
    assert d.current_bed.bed_code == "A102-1" and d.current_stay.start == dt.date(2025, 3, 1)
    assert d.agent.name == "王小明" and d.statuses[0].reason == "名册导入入住"


def test_auditor_cannot_import_but_can_export(app, actors, rooms, tmp_path):
    path = tmp_path / "r.xlsx"
    doc.write_roster([_row()], path)
    auditor = app.as_user(actors[Role.AUDITOR])
    for dry in (True, False):
        with pytest.raises(PermissionDenied, match="登记和修改住户"):
            roster.import_roster(auditor, path, dry_run=dry)
    assert roster.export_roster(auditor, tmp_path / "x.xlsx").rows == 0
    assert roster.import_roster(app.as_user(actors[Role.FRONT_DESK]), path).imported == 1


def test_rooms_stay_single_sex_on_import(ctx, rooms, admitted, tmp_path):
    """张三 (a man) sleeps in A101-1: a woman for A101-2 is refused, and so is a
    sheet that puts a man and a woman in B201; the row numbers are named and
    nothing is imported. The same sheet without the woman imports."""
    path = tmp_path / "r.xlsx"
    woman = _row("李秀英", dt.date(1938, 6, 1), 22, bed="A101-2")  # even sequence: a woman
    man = _row("钱五", dt.date(1941, 1, 2), 35, bed="B201-1")
    other_woman = _row("孙梅", dt.date(1942, 2, 2), 44, bed="B201-2")
    doc.write_roster([woman, man, other_woman], path)
    for dry in (True, False):
        report = roster.import_roster(ctx, path, dry_run=dry)
        assert not report.ok and report.imported == 0
        assert report.bad_rows == [2, 4]
        first, second = report.problems
        assert "张三" in first.message and "男女不能同住一室" in first.message
        assert "与第3行（男）同住一室" in second.message
    assert [r.name for r in residents.list_residents(ctx)] == ["张三"]
    doc.write_roster([man], path)
    assert roster.import_roster(ctx, path).imported == 1
