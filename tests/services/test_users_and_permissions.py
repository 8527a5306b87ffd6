"""Part 5: users, roles, login lockout; auditors change nothing."""
import ast
import re
import datetime as dt
import inspect
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, User
from eldercare_desktop.domain.errors import AuthError, PermissionDenied, RuleViolation
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.domain.roles import LOCKOUT_MINUTES, MAX_FAILED_LOGINS, Role
from eldercare_desktop.services import assessments, audit, roster, backup, centre, residents, users
from eldercare_desktop.services import fees, ledger
from eldercare_desktop.domain.ledger import Entry, Line
from tests.conftest import PASSWORD, person


def test_first_run_creates_admin_once(app):
    assert users.needs_first_run(app)
    admin = users.create_first_admin(app, "admin", PASSWORD)
    assert admin.role is Role.ADMIN and not users.needs_first_run(app)
    with pytest.raises(RuleViolation, match="不能再次初始化"):
        users.create_first_admin(app, "admin2", PASSWORD)


def test_weak_first_password_refused(app):
    with pytest.raises(RuleViolation, match="至少需要8个字符"):
        users.create_first_admin(app, "admin", "abc1")
    assert users.needs_first_run(app)


def test_password_is_hashed_with_argon2(app, admin):
    with app.read_factory() as s:
        h = s.execute(select(User.password_hash)).scalar_one()
    assert h.startswith("$argon2") and PASSWORD not in h


def test_login_and_lockout(app, clock, admin):
    for i in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(AuthError, match="用户名或密码错误"):
            users.login(app, "admin", "wrong-pass1")
    with pytest.raises(AuthError, match="已锁定"):
        users.login(app, "admin", "wrong-pass1")
    # even the right password is refused while locked
    with pytest.raises(AuthError, match="请15分钟后再试"):
        users.login(app, "admin", PASSWORD)
    clock.time += dt.timedelta(minutes=LOCKOUT_MINUTES, seconds=1)
    assert users.login(app, "admin", PASSWORD).username == "admin"


def test_success_resets_failure_count(app, admin):
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(AuthError):
            users.login(app, "admin", "wrong-pass1")
    users.login(app, "admin", PASSWORD)
    with pytest.raises(AuthError, match="再错4次"):
        users.login(app, "admin", "wrong-pass1")


def test_login_is_audited_on_the_same_chain_as_orm_writes(app, clock, admin):
    """Login writes through Core (start-up path), other services through the
    ORM: both append to one hash chain, and last_login/lockout are stored."""
    users.login(app, "admin", PASSWORD)
    users.create_user(app.as_user(admin), "qiantai", Role.FRONT_DESK.value, PASSWORD, "前台")
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            users.login(app, "qiantai", "wrong-pass1")
    with app.read_factory() as s:
        actions = [a for (a,) in s.execute(select(AuditLog.action).order_by(AuditLog.seq))]
        u = s.execute(select(User).where(User.username == "admin")).scalar_one()
        q = s.execute(select(User).where(User.username == "qiantai")).scalar_one()
    assert actions == ["创建管理员（首次运行）", "登录", "新增用户", *["登录失败"] * (MAX_FAILED_LOGINS - 1),
                       "登录失败，账号锁定"]
    assert u.last_login == clock.time and u.failed_logins == 0
    assert q.locked_until == clock.time + dt.timedelta(minutes=LOCKOUT_MINUTES) and q.failed_logins == 0
    assert audit.verify(app) == (3 + MAX_FAILED_LOGINS, None)


def test_login_upgrades_an_old_hash(app, admin):
    from argon2 import PasswordHasher

    from eldercare_desktop.services import auth

    with app.read_factory() as s:
        old = s.execute(select(User.password_hash)).scalar_one()
    cheap = auth._hasher
    auth.set_hasher(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    try:
        users.login(app, "admin", PASSWORD)
    finally:
        auth.set_hasher(cheap)
    with app.read_factory() as s:
        new = s.execute(select(User.password_hash)).scalar_one()
    assert new != old and "m=16,t=2" in new
    assert users.login(app, "admin", PASSWORD).username == "admin"  # the new hash still verifies


def test_unknown_and_inactive_users(app, actors):
    with pytest.raises(AuthError, match="用户名或密码错误"):
        users.login(app, "ghost", PASSWORD)
    ctx = app.as_user(actors[Role.ADMIN])
    uid = actors[Role.FRONT_DESK].user_id
    users.update_user(ctx, uid, Role.FRONT_DESK.value, False, "前台")
    with pytest.raises(AuthError):
        users.login(app, "qiantai", PASSWORD)


def test_last_admin_cannot_be_removed(app, actors):
    ctx = app.as_user(actors[Role.ADMIN])
    with pytest.raises(RuleViolation, match="不能停用自己的账号"):
        users.update_user(ctx, actors[Role.ADMIN].user_id, Role.AUDITOR.value, True, "")
    users.create_user(ctx, "admin2", Role.ADMIN.value, PASSWORD)
    admin2 = users.login(app, "admin2", PASSWORD)
    users.update_user(app.as_user(admin2), actors[Role.ADMIN].user_id, Role.ACCOUNTANT.value, True, "")
    with pytest.raises(RuleViolation, match="至少需要保留一位启用的管理员"):
        users.update_user(ctx, admin2.user_id, Role.ADMIN.value, False, "")


def test_duplicate_username(app, actors):
    with pytest.raises(RuleViolation, match="已存在"):
        users.create_user(app.as_user(actors[Role.ADMIN]), "qiantai", Role.AUDITOR.value, PASSWORD)


def test_change_own_password(app, actors):
    auditor = actors[Role.AUDITOR]
    with pytest.raises(AuthError, match="原密码不正确"):
        users.change_own_password(app, auditor, "nope12345", "newpass123")
    users.change_own_password(app, auditor, PASSWORD, "newpass123")
    assert users.login(app, "shenji", "newpass123").role is Role.AUDITOR


def test_front_desk_permissions(app, actors, tmp_path):
    fd = app.as_user(actors[Role.FRONT_DESK])
    with pytest.raises(PermissionDenied, match="管理用户"):
        users.create_user(fd, "x1", Role.ADMIN.value, PASSWORD)
    with pytest.raises(PermissionDenied, match="机构信息"):
        centre.add_room(fd, "A", 1, "101", "单人间", [("1", "普通")])
    with pytest.raises(PermissionDenied, match="审计日志"):
        audit.list_entries(fd)


def _auditor_write_calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    return {
        "centre.save_centre": lambda: centre.save_centre(ctx, CentreInfo("某中心", "", "非营利", "national")),
        "centre.add_room": lambda: centre.add_room(ctx, "B", 1, "201", "单人间", [("1", "普通")]),
        "centre.update_room": lambda: centre.update_room(ctx, 1, "A", 1, "101", "双人间"),
        "centre.add_bed": lambda: centre.add_bed(ctx, 1, "9", "普通"),
        "centre.update_bed": lambda: centre.update_bed(ctx, bed_id, "护理型", True),
        "centre.set_room_active": lambda: centre.set_room_active(ctx, 2, False),
        "residents.register_resident": lambda: residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), bed_id),
        "residents.update_resident": lambda: residents.update_resident(ctx, rid, person(name="改名")),
        "residents.move_bed": lambda: residents.move_bed(ctx, rid, bed_id, D(2026, 5, 1)),
        "residents.start_leave": lambda: residents.start_leave(ctx, rid, D(2026, 5, 1), "回家"),
        "residents.end_leave": lambda: residents.end_leave(ctx, rid, D(2026, 5, 2)),
        "residents.discharge": lambda: residents.discharge(ctx, rid, D(2026, 5, 1), "回家"),
        "residents.readmit": lambda: residents.readmit(ctx, rid, D(2026, 5, 1), bed_id),
        "users.create_user": lambda: users.create_user(ctx, "x1", Role.ADMIN.value, PASSWORD),
        "users.update_user": lambda: users.update_user(ctx, 1, Role.AUDITOR.value, True, ""),
        "users.reset_password": lambda: users.reset_password(ctx, 1, "newpass123"),
        "backup.backup": lambda: backup.backup(ctx, tmp_path / "b.sqlite3"),
        "backup.restore": lambda: backup.restore(app, actor, tmp_path / "b.sqlite3"),
        "roster.import_roster": lambda: roster.import_roster(ctx, tmp_path / "none.xlsx"),
        "assessments.save_assessment": lambda: assessments.save_assessment(ctx, assessments.AssessmentInput(
            rid, D(2026, 5, 1), "常规评估", "甲", "乙", "丙", "儿子", {})),
        "assessments.record_consent": lambda: assessments.record_consent(ctx, 1, "张小三", "儿子", D(2026, 5, 1)),
        "assessments.request_immediate": lambda: assessments.request_immediate(ctx, rid, D(2026, 5, 1), "跌倒"),
        "assessments.save_settings": lambda: assessments.save_settings(ctx, "GB/T 42195-2022", 6,
                                                                       {0: "a", 1: "b", 2: "c", 3: "d", 4: "e"}),
        "ledger.post_entry": lambda: ledger.post_entry(ctx, Entry(D(2026, 5, 1), "现金存银行", (
            Line("100201", debit=100), Line("1001", credit=100)))),
        "ledger.reverse": lambda: ledger.reverse(ctx, 1, D(2026, 5, 1), "更正"),
        "ledger.close_period": lambda: ledger.close_period(ctx, "2026-05"),
        "fees.create_item": lambda: fees.create_item(ctx, "MEALS", "meals", "伙食费", "日"),
        "fees.rename_item": lambda: fees.rename_item(ctx, 1, "改名"),
        "fees.set_item_active": lambda: fees.set_item_active(ctx, 1, False),
        "fees.set_price": lambda: fees.set_price(ctx, 1, D(2027, 1, 1), 3000, D(2026, 11, 25), "调价"),
    }


def _more_calls(ctx, app, actor, tmp_path, bed_id, rid):
    """Areas added later register their write services in
    tests/services/auditor_<area>.py: ``calls(ctx, app, actor, tmp_path, bed_id, rid) -> dict``."""
    import importlib

    out = {}
    for path in sorted(Path(__file__).parent.glob("auditor_*.py")):
        mod = importlib.import_module(f"tests.services.{path.stem}")
        out.update(mod.calls(ctx, app, actor, tmp_path, bed_id, rid))
    return out


def _write_services():
    """Every public service function that opens a write transaction or
    calls require() with a write permission."""
    import eldercare_desktop.services as pkg

    found = set()
    for path in Path(pkg.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                src = ast.unparse(node)
                perms = set(re.findall(r"ctx\.write\(Perm\.(\w+)\)", src))
                perms |= set(re.findall(r"require\(actor, Perm\.(\w+)\)", src))
                if perms - {"PRINT", "READ", "AUDIT_READ"}:
                    found.add(f"{path.stem}.{node.name}")
    return found


def test_auditor_can_change_nothing(app, actors, centre_ready, admitted, tmp_path):
    auditor = actors[Role.AUDITOR]
    ctx = app.as_user(auditor)
    calls = _auditor_write_calls(ctx, app, auditor, tmp_path, centre_ready["A102-1"], admitted)
    calls.update(_more_calls(ctx, app, auditor, tmp_path, centre_ready["A102-1"], admitted))
    missing = _write_services() - set(calls)
    assert not missing, f"write services not covered by the auditor test: {missing}"
    with app.read_factory() as s:
        audit_rows = s.execute(select(func.count()).select_from(AuditLog)).scalar_one()
    for name, call in calls.items():
        with pytest.raises(PermissionDenied, match="审计“shenji”没有"):
            call()
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(AuditLog)).scalar_one() == audit_rows
    # but reads and the audit trail are open to the auditor
    assert residents.list_residents(ctx)[0].name == "张三"
    assert audit.list_entries(ctx)


def test_write_services_found():
    assert {"residents.register_resident", "centre.save_centre", "users.create_user"} <= _write_services()
    assert inspect.isfunction(users.login)
