"""``eldercare db check``: engine, server version, schema revision, may this user migrate.
``eldercare db copy --to URL``: the whole database into a new, empty one (SQLite → PostgreSQL), verified."""
from __future__ import annotations

from ..services import dbcopy, dbinfo
from .common import CliError, actions, echo, echo_err, echo_json, echo_table, log_in, must_exist, open_app, \
    progress_line, yuan

COPY_HELP = ("把整个数据库复制到另一个新建的空数据库（如从SQLite迁移到PostgreSQL）：逐表复制，"
             "核对每个表的行数与内容、分录借贷合计和审计链，任一不符则撤销；需要管理员登录")


def add_parsers(sub, db, auth, js) -> None:
    a = actions(sub, "db", "数据库：检查连接与结构版本，迁移到另一个数据库")
    c = a.add_parser("check", parents=[db, js],
                     help="显示数据库类型、服务器版本、结构版本，以及当前用户能否升级结构（不登录，不改动数据库）")
    c.set_defaults(func=cmd_db_check)
    p = a.add_parser("copy", parents=[db, auth, js], help=COPY_HELP, description=COPY_HELP)
    p.add_argument("--to", dest="to", required=True, metavar="URL",
                   help="目标数据库，如 postgresql://用户@服务器/数据库名（必须是空数据库；"
                        "密码请放在环境变量 PGPASSWORD 或 ~/.pgpass 中，不要写在命令行里）")
    p.set_defaults(func=cmd_db_copy)


def cmd_db_check(args) -> int:
    from ..db.engine import resolve_url

    url = resolve_url(getattr(args, "database", None))
    try:
        info = dbinfo.check(url)
    except Exception as exc:  # noqa: BLE001  (an unreachable server or a file that is not a database)
        raise CliError(f"无法连接数据库：{str(exc).splitlines()[0][:200]}") from None
    if args.json:
        echo_json(info.as_dict())
    else:
        echo(f"数据库：{info.location}")
        echo(f"类型：{info.engine} {info.server_version}")
        echo(f"结构版本：{info.revision or '（无）'}（本程序：{info.head}）")
        echo(f"当前用户{'可以' if info.may_migrate else '不能'}升级数据库结构")
        (echo_err if info.problem else echo)(info.state)
    return 1 if info.problem else 0


def cmd_db_copy(args) -> int:
    try:
        target = dbcopy.resolve_target(args.to)  # a bad URL is refused before anything is opened
    except dbcopy.CopyError as exc:
        raise CliError(exc.message) from None
    must_exist(args)
    ctx = log_in(open_app(args), args)
    line, done = progress_line(True)  # on stderr
    try:
        result = dbcopy.copy_database(ctx, target, lambda n, total, what: line(n / total if total else 1.0, what))
    except dbcopy.CopyError as exc:
        done()
        if args.json:
            echo_json({"ok": False, "message": exc.message, "problems": exc.problems})
        else:
            echo_err(exc.message)
            for p in exc.problems:
                echo_err(f"- {p}")
        return 1
    done()
    if args.json:
        echo_json(result.as_dict())
        return 0
    echo(f"已复制：{result.source}（{result.source_engine}） → {result.target}（{result.target_engine}）")
    echo_table(["表", "行数"], [(name, f"{n:,}") for name, n in result.tables] + [("合计", f"{result.total_rows:,}")])
    for name, label in dbcopy.JOURNALS:
        j = result.journal[name]
        echo(f"{label}：{j['lines']:,}行，{j['accounts']}个科目，借方合计{yuan(j['debit'])}元，"
             f"贷方合计{yuan(j['credit'])}元，与源库一致")
    echo(f"审计链完整：共{result.audit_rows:,}条记录（第{result.audit_seq}条为本次迁移）；"
         f"金额与权限数据{result.sealed_rows:,}行均与审计记录一致")
    if result.resealed:
        echo(f"因两种数据库的日期时间与布尔值格式不同，本次迁移的审计记录重新封存了其中{result.resealed:,}行")
    if result.source_seq:
        echo(f"源数据库的审计日志已记下本次复制（第{result.source_seq}条）")
    for note in result.notes:
        echo_err(f"提示：{note}")
    s = result.seconds
    echo("用时：" + "，".join(f"{label}{s[key]:.1f}秒" for key, label in (
        ("prepare_target", "建立目标库结构"), ("verify_source", "校验源库"), ("copy", "复制"),
        ("verify", "核对"), ("total", "合计")) if key in s))
    echo("请把各电脑的数据库设置改为新地址；源数据库此后的改动不会出现在目标库中")
    return 0
