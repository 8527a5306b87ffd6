"""Database set-up, demo data, the resident register, backup and restore, the audit log
and users."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from ..domain.identity import age_on
from ..domain.residents import ResidentStatus
from ..domain.roles import ROLE_LABELS, Role
from ..services import audit as audit_svc
from ..services import backup as backup_svc
from ..services import demo as demo_svc
from ..services import residents as res_svc
from ..services import roster as roster_svc
from ..services import users as user_svc
from . import integrity as integrity_cli
from .common import (ENV_NEW_PASSWORD, ENV_PASSWORD, ENV_USER, LOGIN_HELP, MAX_INT, CliError, ask_password,
                     bounded_int, echo, echo_err, echo_json, echo_table, iso_date, log_in, open_app, out_path, pad,
                     positive_int, say_when_busy, where)


def add_parsers(sub, db, auth, js) -> None:
    """init, demo-data, residents, backup, restore, audit, users."""
    login = argparse.ArgumentParser(add_help=False)
    login.add_argument("--login", dest="login", default=argparse.SUPPRESS, metavar="用户名", help=LOGIN_HELP)

    c = sub.add_parser("init", parents=[db], help=f"创建或升级数据库，并创建首个管理员（密码取环境变量 {ENV_PASSWORD}，"
                                                  "否则提示输入两次）")
    c.add_argument("--admin-user", default="admin", metavar="用户名", help="管理员用户名（默认admin）")
    # the password: ELDERCARE_PASSWORD or the prompt (never the command line)
    c.set_defaults(admin_password=None)
    c.set_defaults(func=cmd_init)

    c = sub.add_parser("demo-data", parents=[db, auth, js],
                       help=f"在没有住户的数据库中生成演示数据（演示账号密码取环境变量 {ENV_NEW_PASSWORD}，"
                            f"默认{demo_svc.DEFAULT_PASSWORD}）")
    c.add_argument("--residents", type=positive_int, default=300, metavar="N", help="住户数量（默认300）")
    # the demo accounts' password: ELDERCARE_NEW_PASSWORD (never the command line)
    c.set_defaults(password=os.environ.get(ENV_NEW_PASSWORD) or demo_svc.DEFAULT_PASSWORD)
    c.add_argument("--seed", type=bounded_int(-MAX_INT, MAX_INT), default=1, metavar="N", help="随机种子（相同种子生成相同数据）")
    c.add_argument("--bulk", action=argparse.BooleanOptionalAction, default=None,
                   help="只批量写入住户登记（没有合同、账单等历史），用于性能测试")
    c.set_defaults(func=cmd_demo)

    res = sub.add_parser("residents", help="住户名册：列表、导出、导入").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = res.add_parser("list", parents=[db, auth, js], help="列出住户")
    c.add_argument("--status", choices=[s.value for s in ResidentStatus], help="只列出该状态的住户")
    c.add_argument("--search", metavar="文字", help="按姓名、拼音、拼音首字母、身份证号或床位查找")
    c.set_defaults(func=cmd_residents_list)
    c = res.add_parser("export", parents=[db, auth], help="导出住户名册（XLSX）")
    c.add_argument("--xlsx", type=out_path, required=True, metavar="文件", help="导出到该XLSX文件")
    c.add_argument("--all", action="store_true", help="包括已退住和去世的住户（这些行不能再导入）")
    c.set_defaults(func=cmd_residents_export)
    c = res.add_parser("import", parents=[db, auth, js], help="从XLSX名册导入住户（全部通过检查才导入）")
    c.add_argument("file", metavar="文件", help="XLSX名册（列与导出的名册相同）")
    c.add_argument("--dry-run", action="store_true", help="只检查，不导入")
    c.set_defaults(func=cmd_residents_import)

    c = sub.add_parser("backup", parents=[db, auth, js],
                       help="备份数据库（backup 文件；backup --auto 供计划任务每天运行；backup status 查看上次备份）")
    c.add_argument("file", nargs="?", metavar="文件", help="备份文件路径；写 status 查看上次备份的时间")
    c.add_argument("--auto", action="store_true",
                   help="自动备份：到期（距上次自动备份满一天）才备份到设置的文件夹，并只保留最新的N份")
    c.set_defaults(func=cmd_backup)
    c = sub.add_parser("restore", parents=[db, auth], help="从备份恢复数据库（当前数据库先另存一份）")
    c.add_argument("file", metavar="文件", help="备份文件路径")
    c.add_argument("--force", action="store_true", help="备份的审计记录校验未通过时仍然恢复（仅管理员，须用 --reason 说明理由）")
    c.add_argument("--reason", default="", metavar="文本", help="仍然恢复的理由（记入审计日志）")
    c.set_defaults(func=cmd_restore)

    au = sub.add_parser("audit", help="审计日志：校验、查看").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = au.add_parser("verify", parents=[db, js],
                      help="校验审计哈希链、金额与权限数据和锚点（无需登录；有问题时退出码为1）")
    integrity_cli.add_arguments(c)
    c.set_defaults(func=integrity_cli.cmd_audit_verify)
    c = au.add_parser("list", parents=[db, login, js],
                      help="列出审计记录（登录用户请用 --login 或放在命令前的 --user）")
    c.add_argument("--user", dest="filter_user", metavar="用户名", help="只列出该用户的操作")
    c.add_argument("--entity", metavar="对象", help="只列出该类对象（如 resident、user、room）")
    c.add_argument("--from", dest="date_from", type=iso_date, metavar="日期", help="起始日期 YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", type=iso_date, metavar="日期", help="截止日期 YYYY-MM-DD（含当天）")
    c.add_argument("--limit", type=positive_int, default=1000, metavar="N", help="最多列出N条（默认1000，最新的在前）")
    c.set_defaults(func=cmd_audit_list)

    us = sub.add_parser("users", help="用户：列表、新增").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = us.add_parser("list", parents=[db, auth, js], help="列出用户")
    c.set_defaults(func=cmd_users_list)
    c = us.add_parser("add", parents=[db, auth], help=f"新增用户（新用户密码取环境变量 {ENV_NEW_PASSWORD}，否则提示输入）")
    c.add_argument("name", metavar="用户名")
    c.add_argument("--role", required=True, metavar="角色",
                   help="admin/管理员、front_desk/前台、accountant/会计、auditor/审计")
    c.add_argument("--display-name", default="", metavar="姓名", help="显示的姓名")
    c.set_defaults(func=cmd_users_add)


def cmd_init(args) -> int:
    app = open_app(args, create=True)
    echo(f"数据库：{where(app)}")
    m = app.migration
    if m and m.before != m.after:
        echo(f"数据库结构已{'创建' if m.before is None else '升级'}到版本 {m.after}")
    if m and m.safety_copy:
        echo(f"升级前的数据库已另存为：{m.safety_copy}")
    if not user_svc.needs_first_run(app):
        echo("数据库已有用户，未创建管理员")
        return 0
    pw = args.admin_password or ask_password(ENV_PASSWORD, f"设置管理员“{args.admin_user}”的密码：", twice=True)
    user_svc.create_first_admin(app, args.admin_user, pw)
    echo(f"已创建管理员“{args.admin_user}”")
    return 0


def cmd_demo(args) -> int:
    say_when_busy()
    app = open_app(args, create=True)
    if demo_svc.demo_resume.roll_back(app):  # a killed earlier demo-data: start again from before it
        echo_err("上次生成演示数据未完成（进程被中断），已将数据库恢复到生成前的状态，重新生成")
    actor = None
    if not user_svc.needs_first_run(app):
        if not (getattr(args, "login", None) or os.environ.get(ENV_USER)):
            raise CliError("数据库已有用户：请用 --user 指定管理员账号登录后再生成演示数据", 2)
        actor = log_in(app, args).actor
    tty = sys.stderr.isatty() and not args.json

    def progress(frac: float, msg: str) -> None:
        if tty:
            sys.stderr.write(f"\r{int(frac * 100):3d}%  {pad(msg, 50)}")
            sys.stderr.flush()

    try:
        s = demo_svc.build_demo(app, residents=args.residents, password=args.password, seed=args.seed,
                                progress=progress, actor=actor, bulk=args.bulk)
    finally:
        if tty:
            sys.stderr.write("\n")
    if args.json:
        echo_json({"database": where(app), **s.as_dict()})
        return 0
    st = s.by_status
    echo(f"已生成演示数据，用时{s.seconds:.1f}秒（{'批量写入' if s.bulk else '逐条经业务服务写入'}）")
    echo(f"数据库：{where(app)}")
    echo(f"机构：{s.centre_name}")
    echo(f"房间：{s.rooms}间（{'、'.join(s.buildings)}栋），床位{s.beds}张（护理型{s.nursing_beds}张），空床{s.free_beds}张")
    echo(f"住户：{s.residents}位（" + "，".join(f"{k}{v}" for k, v in st.items()) + "）")
    echo(f"历史记录（{s.first_day:%Y-%m-%d}至{s.last_day:%Y-%m-%d}）："
         + "，".join(f"{k}{v}次" for k, v in s.events.items()))
    if s.care_workers or s.claims:
        echo(f"补贴申报：护理员{s.care_workers}人，申报{sum(s.claims.values())}份（"
             + "，".join(f"{k}{v}" for k, v in sorted(s.claims.items())) + "）")
    echo("登录账号：")
    for username, role in s.users:
        pw = f"密码 {s.password}" if username in s.created_users else "原有账号，密码不变"
        echo(f"  {pad(username, 10)}{pad(role, 8)}{pw}")
    return 0


def _age(birth: dt.date, today: dt.date) -> int:
    return age_on(birth, today)


def _matches(r, text: str) -> bool:
    return text.lower() in r.search_key


def cmd_residents_list(args) -> int:
    app = open_app(args)
    ctx = log_in(app, args)
    today = ctx.today()
    rows = res_svc.list_residents(ctx)
    if args.status:
        rows = [r for r in rows if r.status == args.status]
    if args.search:
        rows = [r for r in rows if _matches(r, args.search.strip())]
    if args.json:
        echo_json([{
            "id": r.id, "name": r.name, "gender": r.gender, "id_number": r.id_number, "birth_date": r.birth_date,
            "age": _age(r.birth_date, today), "status": r.status, "bed": r.bed_code,
            "admission_date": r.admission_date, "hukou": r.hukou,
            "categories": [c for c in r.categories.split(",") if c], "phone": r.phone,
            "name_pinyin": r.name_pinyin, "name_initials": r.name_initials,
        } for r in rows])
        return 0
    echo_table(
        ("编号", "姓名", "性别", "年龄", "身份证号", "状态", "床位", "入住日期", "户籍", "政策类别"),
        [(r.id, r.name, r.gender, _age(r.birth_date, today), r.id_number, r.status, r.bed_code,
          f"{r.admission_date:%Y-%m-%d}" if r.admission_date else "", r.hukou, r.categories.replace(",", "、"))
         for r in rows],
    )
    echo(f"共{len(rows)}位住户")
    return 0


def cmd_residents_export(args) -> int:
    app = open_app(args)
    ctx = log_in(app, args)
    result = roster_svc.export_roster(ctx, args.xlsx, include_left=args.all)
    echo(f"已导出{result.rows}位住户到：{result.path}")
    return 0


def cmd_residents_import(args) -> int:
    say_when_busy()
    app = open_app(args)
    ctx = log_in(app, args)
    report = roster_svc.import_roster(ctx, args.file, dry_run=args.dry_run)
    if args.json:
        echo_json(report.as_dict())
        return 0 if report.ok else 1
    for p in report.problems:
        echo_err(str(p))
    for note in report.notes:
        echo(f"提示：{note}")
    (echo if report.ok else echo_err)(report.message)
    return 0 if report.ok else 1


def cmd_backup(args) -> int:
    from ..services import backup_schedule

    if args.file == "status":
        return _backup_status(args)
    if bool(args.file) == bool(args.auto):
        raise CliError("请给出备份文件路径，或用 --auto 做自动备份（二者选一）", 2)
    app = open_app(args)
    ctx = log_in(app, args)
    if args.auto:
        dest = backup_schedule.run_auto_backup(ctx, force=False)
        if args.json:
            echo_json({"backup": str(dest) if dest else None})
        elif dest is None:
            echo("自动备份未到期或已关闭，未备份")
        else:
            echo(f"已自动备份到：{dest}")
        return 0
    dest = Path(args.file).expanduser().absolute()
    digest = backup_svc.backup(ctx, dest)
    if args.json:
        echo_json({"backup": str(dest), "sha256": digest})
        return 0
    echo(f"已备份到：{dest}")
    echo(f"SHA-256：{digest}")
    return 0


def _backup_status(args) -> int:
    from ..services import backup_schedule

    ctx = log_in(open_app(args), args)
    st = backup_schedule.status(ctx)
    now = ctx.now()
    if args.json:
        echo_json(st.as_dict(now))
    else:
        (echo_err if st.stale else echo)(st.message(now))
        conf = st.settings
        echo(f"自动备份：{'开启' if conf.auto else '关闭'}，文件夹 {conf.resolved_folder}，保留最新{conf.keep}份")
    return 1 if st.stale else 0


def cmd_restore(args) -> int:
    src = Path(args.file).expanduser()
    app = open_app(args)
    problem = backup_svc.check_backup(src)
    if problem:  # refused before anything, the login included, touches the database
        raise CliError(f"不能从该文件恢复：{problem}（当前数据库未作任何改动）")
    if args.force and not args.reason.strip():
        raise CliError("使用 --force 时须用 --reason 说明理由（记入审计日志）", 2)
    ctx = log_in(app, args)
    try:
        safety = backup_svc.restore(app, ctx.actor, src, override_reason=args.reason if args.force else None)
    except backup_svc.BackupUnverified as exc:
        raise CliError("\n".join(p.message for p in exc.problems)
                       + "\n（管理员可加 --force --reason 理由 仍然恢复；当前数据库未作任何改动）") from None
    echo(f"已从备份恢复：{src.resolve()}")
    echo(f"恢复前的数据库已另存为：{safety}")
    return 0


def _loads(text: str):
    """The stored JSON, or the raw text when it is not JSON, or None when empty."""
    from ..domain.audit_text import parse

    return parse(text)


def cmd_audit_list(args) -> int:
    app = open_app(args)
    ctx = log_in(app, args)
    f = audit_svc.AuditFilter(user=args.filter_user or "", entity=args.entity or "", date_from=args.date_from,
                              date_to=args.date_to, limit=args.limit)
    entries = audit_svc.list_entries(ctx, f)
    if args.json:
        echo_json([{"seq": e.seq, "at": e.at, "user": e.user, "action": e.action, "entity": e.entity,
                "entity_id": e.entity_id, "before": _loads(e.before), "after": _loads(e.after)} for e in entries])
        return 0

    def short(text: str) -> str:
        return text if len(text) <= 60 else text[:59] + "…"

    echo_table(("序号", "时间", "用户", "操作", "对象", "编号", "内容"),
           [(e.seq, e.at.replace("T", " "), e.user, e.action, e.entity, e.entity_id, short(e.after)) for e in entries])
    echo(f"共{len(entries)}条")
    return 0


def cmd_users_list(args) -> int:
    app = open_app(args)
    ctx = log_in(app, args)
    infos = user_svc.list_users(ctx)
    if args.json:
        echo_json([{"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role,
                "role_label": Role(u.role).label, "active": u.active, "locked_until": u.locked_until,
                "last_login": u.last_login} for u in infos])
        return 0
    echo_table(("用户名", "姓名", "角色", "状态", "锁定至", "最近登录"),
           [(u.username, u.display_name, Role(u.role).label, "启用" if u.active else "停用",
             f"{u.locked_until:%Y-%m-%d %H:%M}" if u.locked_until else "",
             f"{u.last_login:%Y-%m-%d %H:%M}" if u.last_login else "") for u in infos])
    return 0


def _role(text: str) -> str:
    t = text.strip()
    for role, label in ROLE_LABELS.items():
        if t in (role.value, label):
            return role.value
    raise CliError(f"未知的角色“{text}”：应为 admin/管理员、front_desk/前台、accountant/会计、auditor/审计", 2)


def cmd_users_add(args) -> int:
    role = _role(args.role)
    app = open_app(args)
    ctx = log_in(app, args)
    pw = ask_password(ENV_NEW_PASSWORD, f"设置新用户“{args.name}”的密码：", twice=True)
    user_svc.create_user(ctx, args.name, role, pw, args.display_name)
    echo(f"已新增用户“{args.name}”（{Role(role).label}）")
    return 0
