"""Residents list screen logic: filter, sort, cells, allowed actions (no Qt)."""
from __future__ import annotations

import datetime as dt

import pytest

from eldercare_desktop.domain.names import name_pinyin
from eldercare_desktop.domain.records import ResidentRow
from eldercare_desktop.viewmodels import residents as vm

TODAY = dt.date(2026, 11, 25)


def row(id, name, status="在住", bed="A101-1", id_number=None, birth=dt.date(1940, 3, 5), phone="",
        admission=dt.date(2026, 1, 10), categories="", hukou="", gender="男") -> ResidentRow:
    full, initials = name_pinyin(name)
    return ResidentRow(
        id=id, name=name, gender=gender, id_number=id_number or f"5001121940030{id:05d}",
        birth_date=birth, status=status, bed_code=bed, admission_date=admission, categories=categories,
        phone=phone, name_pinyin=full, name_initials=initials, hukou=hukou,
    )


@pytest.fixture
def lst():
    v = vm.ResidentsList(TODAY)
    v.set_rows([
        row(1, "张三", bed="A101-1", phone="13800000001", birth=dt.date(1940, 3, 5)),
        row(2, "李四", status="请假", bed="A101-2", birth=dt.date(1935, 12, 1)),
        row(3, "王五", status="退住", bed="", admission=None, birth=dt.date(1950, 1, 1)),
        row(4, "赵六", status="去世", bed="", admission=None, birth=dt.date(1928, 6, 30)),
        row(5, "张思", bed="A102-1", categories="低保,高龄", hukou="重庆市渝北区"),
        row(6, "曾国强", bed="B201-10", gender="男"),
        row(7, "钱七", bed="B201-2", gender="女"),
    ])
    return v


def names(v):
    return [r.name for r in v.visible]


def test_no_filter_keeps_service_order(lst):
    assert [r.id for r in lst.visible] == [1, 2, 3, 4, 5, 6, 7]
    assert lst.total == 7


@pytest.mark.parametrize("query,expected", [
    ("zs", ["张三", "张思"]),
    ("ZS", ["张三", "张思"]),
    ("z s", ["张三", "张思"]),
    ("zhangsan", ["张三"]),
    ("张", ["张三", "张思"]),
    ("lis", ["李四"]),
    ("li", ["李四", "赵六"]),  # zhaoLIu
    ("zengguo", ["曾国强"]),  # surname reading 曾 = zeng
    ("a101", ["张三", "李四"]),
    ("A102-1", ["张思"]),
    ("00003", ["王五"]),  # ID number substring
    ("13800000001", ["张三"]),
    ("nobody", []),
])
def test_search(lst, query, expected):
    assert lst.set_query(query)
    assert names(lst) == expected


def test_narrowing_and_widening_query(lst):
    lst.set_query("z")
    assert set(names(lst)) >= {"张三", "张思", "赵六", "曾国强"}
    lst.set_query("zs")
    assert names(lst) == ["张三", "张思"]
    lst.set_query("z")  # widening goes back to every row
    assert "赵六" in names(lst)
    lst.set_query("")
    assert len(lst.visible) == 7
    assert not lst.set_query("  ")  # whitespace only = no change


def test_status_filter(lst):
    lst.set_status_filter(vm.IN_RESIDENCE)
    assert names(lst) == ["张三", "张思", "曾国强", "钱七"]
    lst.set_status_filter(vm.ON_LEAVE)
    assert names(lst) == ["李四"]
    lst.set_status_filter(vm.LEFT)
    assert names(lst) == ["王五", "赵六"]
    lst.set_query("zl")
    assert names(lst) == ["赵六"]
    lst.set_status_filter(vm.ALL)
    assert names(lst) == ["赵六"]
    with pytest.raises(ValueError):
        lst.set_status_filter("nope")


def test_counts(lst):
    assert lst.counts() == {vm.ALL: 7, vm.IN_RESIDENCE: 4, vm.ON_LEAVE: 1, vm.LEFT: 2}


def test_sort_by_name_uses_pinyin(lst):
    lst.sort(vm.NAME)
    assert names(lst) == ["李四", "钱七", "王五", "曾国强", "张三", "张思", "赵六"]
    lst.sort(vm.NAME, descending=True)
    assert names(lst)[0] == "赵六"


def test_sort_by_age_and_bed(lst):
    lst.sort(vm.AGE)  # youngest first
    assert names(lst)[0] == "王五" and names(lst)[-1] == "赵六"
    lst.sort(vm.BED)  # natural order, empty beds last
    assert [r.bed_code for r in lst.visible] == ["A101-1", "A101-2", "A102-1", "B201-2", "B201-10", "", ""]


def test_sort_survives_filtering(lst):
    lst.sort(vm.NAME, descending=True)
    lst.set_query("zs")
    assert names(lst) == ["张思", "张三"]
    lst.set_rows(list(lst.visible) + [row(8, "张森")])  # reload keeps query and sort
    assert names(lst) == ["张思", "张森", "张三"]


def test_cells(lst):
    r = lst.visible[0]
    assert lst.cell(r, vm.NAME) == "张三"
    assert lst.cell(r, vm.AGE) == "86"
    assert lst.cell(r, vm.ADMISSION) == "2026-01-10"
    assert lst.cell(lst.visible[2], vm.ADMISSION) == ""
    assert lst.cell(lst.visible[4], vm.CATEGORIES) == "低保、高龄"
    assert lst.cell(lst.visible[4], vm.HUKOU) == "重庆市渝北区"
    assert len(vm.COLUMN_KEYS) == 11


def test_age_follows_the_clock():
    day = [dt.date(2026, 3, 4)]
    v = vm.ResidentsList(lambda: day[0])
    v.set_rows([row(1, "张三", birth=dt.date(1940, 3, 5))])
    assert v.cell(v.visible[0], vm.AGE) == "85"
    day[0] = dt.date(2026, 3, 5)
    assert v.cell(v.visible[0], vm.AGE) == "86"


def test_allowed_actions():
    assert vm.allowed_actions("在住") == {vm.EDIT, vm.MOVE_BED, vm.LEAVE, vm.DISCHARGE, vm.DEATH}
    assert vm.allowed_actions("请假") == {vm.EDIT, vm.MOVE_BED, vm.RETURN, vm.DISCHARGE, vm.DEATH}
    assert vm.allowed_actions("退住") == {vm.EDIT, vm.READMIT}
    assert vm.allowed_actions("去世") == {vm.EDIT}
    assert vm.allowed_actions(None) == set()


def test_row_lookup(lst):
    assert lst.row_of(5) == 4
    assert lst.find(7).name == "钱七"
    lst.set_query("zs")
    assert lst.row_of(7) is None


# -- 10,000 rows -------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚淑顺桂"


def synthetic(n: int) -> list[ResidentRow]:
    statuses = ("在住", "在住", "在住", "请假", "退住", "去世")
    out = []
    for i in range(n):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[(i // 7) % len(GIVEN)]
        status = statuses[i % len(statuses)]
        bed = f"{'AB'[i % 2]}{100 + i // 20}-{i % 4 + 1}" if status in ("在住", "请假") else ""
        out.append(row(i + 1, name, status=status, bed=bed, id_number=f"500112{1930 + i % 30}0101{i:04d}",
                       birth=dt.date(1930 + i % 30, 1, 1)))
    return out


def test_filter_10000_rows():
    rows = synthetic(10_000)
    v = vm.ResidentsList(TODAY)
    v.set_rows(rows)
    expected = sum(1 for r in rows if r.name_initials.startswith("zs") or "zs" in r.name_initials)
    assert expected > 0
    for prefix in ("z", "zs"):  # typed one key at a time
        v.set_query(prefix)
    assert len(v.visible) == expected
    assert all("zs" in r.name_initials for r in v.visible)
    assert {r.name[0] for r in v.visible} == {"张", "赵", "周", "朱"}
    v.set_status_filter(vm.LEFT)
    assert len(v.visible) == sum(1 for r in rows if "zs" in r.name_initials and r.status in ("退住", "去世"))
    v.set_query("a105")
    assert len(v.visible) == 0  # bed codes of those who left are empty
    v.set_status_filter(vm.ALL)
    assert len(v.visible) == sum(1 for r in rows if "a105" in r.bed_code.lower())
    v.sort(vm.NAME)
    assert [r.name_pinyin for r in v.visible] == sorted(r.name_pinyin for r in v.visible)
