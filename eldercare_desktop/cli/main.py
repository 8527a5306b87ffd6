"""``eldercare``: the headless command line over the same services as the GUI.

Exit codes: 0 done; 1 refused or failed (a rule, a permission, a broken
audit chain, a bad roster, any verification finding); 2 usage error or
missing input (no user name, no password without a terminal, a password
typed on the command line).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .. import __version__
from ..domain.errors import DomainError, RuleViolation
from . import assessments, books, disclosure, escrow, finance, register, staff, subsidies
from .common import (ENV_PASSWORD, ENV_URL, ENV_USER, LOGIN_HELP, CliError, chinese_argparse, chinese_streams,
                     close_apps,
                     echo_err, safe, say_when_busy)
from .common import text_width as _width  # noqa: F401  (tests import it from here)


class Parser(argparse.ArgumentParser):
    """Usage errors in one line (subcommands inherit the class)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}：错误：{safe(message)}（用 {self.prog} -h 查看用法）\n")


# a password typed on the command line stays in the shell history and the process list
_PASSWORD_OPTIONS = ("--password", "--passwd", "--pass", "--pw", "--admin-password", "--new-password")


def password_on_command_line(argv: Sequence[str]) -> bool:
    for a in argv:
        if a == "--":
            break
        t = str(a).lower()
        if t.startswith("--") and t.split("=", 1)[0] in _PASSWORD_OPTIONS:
            return True
        if t.startswith("-p") and not t.startswith("--"):
            return True
    return False


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--database", default=argparse.SUPPRESS, metavar="路径或URL",
                    help=f"数据库文件路径或URL（默认取环境变量 {ENV_URL}，再取用户数据目录）")
    auth = argparse.ArgumentParser(add_help=False)
    auth.add_argument("--user", "--login", dest="login", default=argparse.SUPPRESS, metavar="用户名",
                      help=LOGIN_HELP)
    js = argparse.ArgumentParser(add_help=False)
    js.add_argument("--json", action="store_true", help="以JSON格式输出")

    p = Parser(prog="eldercare", description="养老机构管理系统命令行工具")
    p.add_argument("--database", default=None, metavar="路径或URL",
                   help=f"数据库文件路径或URL（默认取环境变量 {ENV_URL}，再取用户数据目录）")
    p.add_argument("--user", "--login", dest="login", default=None, metavar="用户名",
                   help=f"以该用户登录（或环境变量 {ENV_USER}）")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", title="命令", metavar="命令")

    register.add_parsers(sub, db, auth, js)
    assessments.add_parsers(sub, db, auth, js)
    finance.add_parsers(sub, db, auth, js)
    escrow.add_parsers(sub, db, auth, js)
    books.add_parsers(sub, db, auth, js)
    __import__(f"{__package__}.documents", fromlist=["add_parsers"]).add_parsers(sub, db, auth, js)  # eldercare print
    disclosure.add_parsers(sub, db, auth, js)
    subsidies.add_parsers(sub, db, auth, js)
    staff.add_parsers(sub, db, auth, js)
    __import__(f"{__package__}.compliance", fromlist=["add_parsers"]).add_parsers(sub, db, auth, js)  # 合规自查
    __import__(f"{__package__}.db", fromlist=["add_parsers"]).add_parsers(sub, db, auth, js)  # eldercare db check
    __import__(f"{__package__}.selftest", fromlist=["add_parsers"]).add_parsers(sub, db, auth, js)  # 自检
    return p


def unexpected(exc: BaseException) -> str:
    """The last resort: one line in Chinese for an error no rule foresaw."""
    if isinstance(exc, OSError) and exc.filename:
        return f"无法读写“{safe(exc.filename)}”：{safe(exc.strerror or type(exc).__name__)}（命令未完成）"
    text = str(exc).lower()
    if "database is locked" in text or "database is busy" in text:
        return "数据库正被其他程序占用，请稍后重试（命令未完成）"
    detail = safe(str(exc).strip().splitlines()[0][:120]) if str(exc).strip() else ""
    return f"意外错误，命令未完成：{type(exc).__name__}{('：' + detail) if detail else ''}"


def main(argv: Sequence[str] | None = None) -> int:
    chinese_streams()
    if password_on_command_line(sys.argv[1:] if argv is None else argv):
        echo_err(f"不能在命令行中给出密码（会留在命令历史和进程列表中）：请设置环境变量 {ENV_PASSWORD}，"
                 "或在终端中运行命令并按提示输入密码")
        return 2
    with chinese_argparse():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        say_when_busy()  # a write waiting for another process's lock says so on stderr
        return int(args.func(args) or 0)
    except CliError as exc:
        echo_err(exc.message)
        return exc.code
    except RuleViolation as exc:
        for p in exc.problems:
            echo_err(p.message)
        return 1
    except DomainError as exc:
        echo_err(exc.message)
        return 1
    except KeyboardInterrupt:
        echo_err("已中断")
        return 130
    except BrokenPipeError:  # e.g. piped into head
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    except Exception as exc:  # noqa: BLE001  (no traceback ever reaches a user)
        if os.environ.get("ELDERCARE_DEBUG"):
            import traceback

            traceback.print_exc()
        echo_err(unexpected(exc))
        return 1
    finally:
        close_apps()


if __name__ == "__main__":
    raise SystemExit(main())
