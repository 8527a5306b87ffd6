"""``eldercare db check``: engine, server version, schema revision, may this user migrate."""
from __future__ import annotations

from ..services import dbinfo
from .common import CliError, actions, echo, echo_err, echo_json


def add_parsers(sub, db, auth, js) -> None:
    a = actions(sub, "db", "数据库：检查连接与结构版本")
    c = a.add_parser("check", parents=[db, js],
                     help="显示数据库类型、服务器版本、结构版本，以及当前用户能否升级结构（不登录，不改动数据库）")
    c.set_defaults(func=cmd_db_check)


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
