"""Screen logic of the audit log (no Qt, no database)."""
from __future__ import annotations

from eldercare_desktop.domain.audit import canonical
from eldercare_desktop.domain.records import AuditEntry
from eldercare_desktop.viewmodels import audit as vm
from eldercare_desktop.viewmodels.audit import DiffKind


def test_compact_and_pretty():
    text = canonical({"b": True, "a": [1, "x"], "n": None, "s": "张三"})
    assert vm.compact(text) == 'a=[1, "x"], b=是, n=—, s=张三'
    assert vm.compact("") == ""
    assert vm.compact("not json") == "not json"
    long = vm.compact(canonical({"k": "字" * 200}), limit=20)
    assert len(long) == 20 and long.endswith("…")
    assert vm.pretty(canonical({"a": 1})) == '{\n  "a": 1\n}'
    assert vm.pretty("") == ""


def test_diff_key_by_key():
    before = canonical({"bed_type": "普通", "active": True, "gone": 1})
    after = canonical({"bed_type": "护理型", "active": True, "new": "x"})
    rows = vm.diff(before, after)
    assert [(r.key, r.kind) for r in rows] == [
        ("bed_type", DiffKind.CHANGED), ("new", DiffKind.ADDED), ("gone", DiffKind.REMOVED),
        ("active", DiffKind.SAME),
    ]
    assert (rows[0].before, rows[0].after) == ("普通", "护理型")
    assert rows[1].before == "" and rows[2].after == ""


def test_diff_of_creations_and_non_objects():
    rows = vm.diff("", canonical({"username": "admin"}))
    assert [(r.key, r.kind, r.after) for r in rows] == [("username", DiffKind.ADDED, "admin")]
    assert vm.diff("", "") == []
    rows = vm.diff(canonical([1, 2]), canonical([1, 3]))
    assert [(r.key, r.kind) for r in rows] == [("", DiffKind.CHANGED)]


def test_cells_and_order():
    e1 = AuditEntry(1, "2026-11-25T09:30:00", "admin", "登录", "user", "1", "", "")
    e2 = AuditEntry(2, "2026-11-25T09:31:00", "admin", "修改床位", "bed", "3", canonical({"a": 1}), "")
    assert [e.seq for e in vm.newest_first([e1, e2])] == [2, 1]
    assert vm.cell(e2, "at") == "2026-11-25 09:31:00"
    assert vm.cell(e2, "entity", {"bed": "床位"}.get) == "床位"
    assert vm.cell(e2, "before") == "a=1" and vm.cell(e2, "after") == ""
    assert vm.cell(e2, "seq") == "2" and vm.cell(e2, "action") == "修改床位"
