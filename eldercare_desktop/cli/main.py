"""``eldercare``: the headless command line over the same services as the GUI.

Exit codes: 0 done; 1 refused or failed (a rule, a permission, a broken
audit chain, a bad roster); 2 usage error or missing input (no user name,
no password without a terminal).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from ..domain.errors import DomainError, RuleViolation
from . import assessments, books, disclosure, escrow, finance, register, staff, subsidies
from .common import ENV_URL, ENV_USER, LOGIN_HELP, CliError, chinese_argparse, close_apps, echo_err
from .common import text_width as _width  # noqa: F401  (tests import it from here)


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--database", default=argparse.SUPPRESS, metavar="路径或URL",
                    help=f"数据库文件路径或URL（默认取环境变量 {ENV_URL}，再取用户数据目录）")
    auth = argparse.ArgumentParser(add_help=False)
    auth.add_argument("--user", "--login", dest="login", default=argparse.SUPPRESS, metavar="用户名",
                      help=LOGIN_HELP)
    js = argparse.ArgumentParser(add_help=False)
    js.add_argument("--json", action="store_true", help="以JSON格式输出")

    p = argparse.ArgumentParser(prog="eldercare", description="养老机构管理系统命令行工具")
    p.add_argument("--database", default=None, metavar="路径或URL",
                   help=f"数据库文件路径或URL（默认取环境变量 {ENV_URL}，再取用户数据目录）")
    p.add_argument("--user", "--login", dest="login", default=None, metavar="用户名",
                   help=f"以该用户登录（或环境变量 {ENV_USER}）")
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
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
    finally:
        close_apps()


if __name__ == "__main__":
    raise SystemExit(main())
