import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain.audit import GENESIS, AuditFields, row_hash, verify_chain
from eldercare_desktop.domain.centre import BedShare
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.residents import ContactInput, ResidentInput, Span, check_resident
from eldercare_desktop.domain.roles import Actor, Perm, Role, can, password_problem, require

TODAY = dt.date(2026, 11, 25)
ID = make_id_number("500112", dt.date(1940, 3, 5), 13)  # male


def test_check_resident_derives_birth_and_gender():
    c = check_resident(ResidentInput(" 张三 ", ID), TODAY)
    assert (c.name, c.gender, c.birth_date) == ("张三", "男", dt.date(1940, 3, 5))


def test_gender_and_birth_must_agree_with_id():
    with pytest.raises(RuleViolation) as e:
        check_resident(ResidentInput("张三", ID, gender="女", birth_date=dt.date(1941, 1, 1)), TODAY)
    assert e.value.fields() == {"gender", "birth_date"}
    assert "与身份证号不符" in e.value.message


def test_all_problems_reported_at_once():
    data = ResidentInput(
        "", "123", phone="12", categories=("外星人",),
        contacts=(ContactInput("甲", "儿子", "13800000000", True), ContactInput("乙", "", "", True)),
    )
    with pytest.raises(RuleViolation) as e:
        check_resident(data, TODAY)
    assert e.value.fields() == {"name", "id_number", "phone", "categories", "contacts"}
    assert "代理人只能有一位" in e.value.message


def test_spans_are_inclusive():
    a = Span(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert a.overlaps(Span(dt.date(2026, 1, 31)))  # same last/first day collides
    assert not a.overlaps(Span(dt.date(2026, 2, 1)))
    assert Span(dt.date(2026, 1, 10)).overlaps(Span(dt.date(2025, 1, 1), dt.date(2026, 1, 10)))
    assert a.days(dt.date(2026, 12, 31)) == 31


@given(st.dates(), st.integers(0, 400), st.dates(), st.integers(0, 400))
def test_overlap_is_symmetric(s1, n1, s2, n2):
    try:
        a = Span(s1, s1 + dt.timedelta(days=n1))
        b = Span(s2, s2 + dt.timedelta(days=n2))
    except OverflowError:
        return
    days_a = {s1 + dt.timedelta(days=i) for i in range(n1 + 1)}
    days_b = {s2 + dt.timedelta(days=i) for i in range(n2 + 1)}
    assert a.overlaps(b) == b.overlaps(a) == bool(days_a & days_b)


def test_roles_default_deny():
    assert can(Role.ADMIN, Perm.USER_ADMIN)
    assert can(Role.FRONT_DESK, Perm.RESIDENT_WRITE)
    assert not can(Role.FRONT_DESK, Perm.USER_ADMIN)
    assert not can(Role.ACCOUNTANT, Perm.RESIDENT_WRITE)
    assert not can("nobody", Perm.READ)
    assert not can(None, Perm.READ)
    writes = [p for p in Perm if p not in (Perm.READ, Perm.PRINT, Perm.AUDIT_READ)]
    assert not any(can(Role.AUDITOR, p) for p in writes)
    with pytest.raises(PermissionDenied, match="审计“shenji”没有“登记和修改住户”的权限"):
        require(Actor(4, "shenji", Role.AUDITOR), Perm.RESIDENT_WRITE)


def test_password_rules():
    assert password_problem("abc") is not None
    assert password_problem("12345678") is not None
    assert password_problem("abcdefgh") is not None
    assert password_problem("abcd1234") is None


def test_nursing_share_integer_comparison():
    assert BedShare(10, 3).meets(30) and not BedShare(10, 2).meets(30)
    assert BedShare(5, 2).meets(40) and not BedShare(0, 0).meets(30)


def _chain(n):
    rows, prev = [], GENESIS
    for i in range(1, n + 1):
        f = AuditFields(i, f"2026-11-25T09:00:{i:02d}", "admin", "修改", "resident", "1", "", f'{{"n":{i}}}')
        h = row_hash(prev, f)
        rows.append((f, prev, h))
        prev = h
    return rows


def test_chain_detects_edit_delete_and_truncation():
    rows = _chain(5)
    head = (5, rows[-1][2])
    assert verify_chain(rows, head) is None
    edited = list(rows)
    f, p, h = edited[2]
    edited[2] = (AuditFields(**{**f.__dict__, "after": '{"n":99}'}), p, h)
    assert verify_chain(edited, head).seq == 3
    deleted = rows[:1] + rows[2:]
    assert verify_chain(deleted, head).seq == 2
    assert verify_chain(rows[:4], head).seq == 5  # newest row removed
