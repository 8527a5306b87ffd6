"""Shared pieces of the ``eldercare`` command: errors, argparse in Chinese, argument
types, output, opening the database and logging in."""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import getpass
import json
import os
import re
import sys
import unicodedata
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Iterator, Sequence

from ..domain.errors import RuleViolation
from ..domain.money import format_yuan, yuan_to_fen
from ..services import users as user_svc
from ..services.context import App, Ctx

ENV_USER = "ELDERCARE_USER"
ENV_PASSWORD = "ELDERCARE_PASSWORD"
ENV_NEW_PASSWORD = "ELDERCARE_NEW_PASSWORD"
ENV_URL = "ELDERCARE_DATABASE_URL"
LOGIN_HELP = f"以该用户登录（或环境变量 {ENV_USER}；密码取环境变量 {ENV_PASSWORD}，否则提示输入）"


class CliError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.message = message
        self.code = code


# --- argparse in Chinese and argument types ------------------------------------------

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
}


@contextmanager
def chinese_argparse() -> Iterator[None]:
    saved = argparse._
    argparse._ = lambda s: _ZH.get(s, s)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


def actions(sub, name: str, help: str):
    """A command made of actions (``eldercare vouchers add``, ``… list``)."""
    return sub.add_parser(name, help=help).add_subparsers(dest="action", title="操作", metavar="操作", required=True)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式应为YYYY-MM-DD") from None


def positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if n < 1:
        raise argparse.ArgumentTypeError("应为正整数")
    return n


def nonneg_int(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"“{text}”应为不小于零的整数")
    return int(text)


def year_month(text: str) -> str:
    try:
        y, m = text.split("-")
        d = dt.date(int(y), int(m), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份“{text}”格式应为YYYY-MM") from None
    return f"{d:%Y-%m}"


def year_arg(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"年度“{text}”格式应为YYYY")
    return int(text)


def fen_arg(text: str) -> int:
    """A yuan amount typed on the command line ("1,200.50") as integer fen."""
    try:
        return yuan_to_fen(text)
    except RuleViolation as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


# --- output ------------------------------------------------------------------------

def echo(text: str = "") -> None:
    print(text)


def echo_err(text: str) -> None:
    print(text, file=sys.stderr)


def echo_json(data) -> None:
    def default(o):
        if isinstance(o, (dt.date, dt.datetime)):
            return o.isoformat()
        if isinstance(o, (Path, Decimal)):
            return str(o)
        raise TypeError(type(o).__name__)

    print(json.dumps(data, ensure_ascii=False, indent=2, default=default))


def text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - text_width(text))


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    widths = [max([text_width(h)] + [text_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(pad(h, w) for h, w in zip(headers, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(pad(v, w) for v, w in zip(r, widths)).rstrip())


# --- database and login ------------------------------------------------------------

def database_arg(args) -> str | None:
    return getattr(args, "database", None)


def must_exist(args) -> None:
    """Commands other than init and demo-data never create a database."""
    value = database_arg(args) or os.environ.get(ENV_URL)
    if not value:
        return
    if value.startswith("sqlite:///"):
        path = Path(value[len("sqlite:///"):])
    elif "://" in value:
        return
    else:
        path = Path(value).expanduser()
    if not path.exists():
        raise CliError(f"数据库文件不存在：{path}（请先运行 eldercare init 或 eldercare demo-data）")


def where(app: App) -> str:
    return str(app.sqlite_path) if app.sqlite_path else re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", app.url)


_OPEN: list[App] = []


def open_app(args, create: bool = False) -> App:
    if not create:
        must_exist(args)
    app = App.open(database_arg(args))
    _OPEN.append(app)
    return app


def close_apps() -> None:
    """Close every database opened by open_app."""
    while _OPEN:
        _OPEN.pop().close()


def ask_password(env: str, prompt: str, twice: bool = False) -> str:
    pw = os.environ.get(env)
    if pw is not None:
        return pw
    if not sys.stdin.isatty():
        raise CliError(f"需要密码：请设置环境变量 {env}，或在终端中运行本命令以输入密码", 2)
    pw = getpass.getpass(prompt)
    if twice and getpass.getpass("请再输入一次：") != pw:
        raise CliError("两次输入的密码不一致", 2)
    return pw


def logged_in(args) -> Ctx:
    """Open the database and log in, as every command acting as a user does."""
    return log_in(open_app(args), args)


def log_in(app: App, args) -> Ctx:
    name = getattr(args, "login", None) or os.environ.get(ENV_USER)
    if not name:
        raise CliError(f"请用 --user 指定登录用户名（或设置环境变量 {ENV_USER}）", 2)
    if user_svc.needs_first_run(app):
        raise CliError("数据库还没有用户：请先运行 eldercare init（或 eldercare demo-data）")
    pw = ask_password(ENV_PASSWORD, f"用户“{name}”的密码：")
    return app.as_user(user_svc.login(app, name, pw))


# --- money, months, progress ------------------------------------------------------

def yuan(fen: int) -> str:
    return format_yuan(fen, symbol=False)


def month_range(month: str) -> tuple[dt.date, dt.date]:
    y, m = int(month[:4]), int(month[5:7])
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def report(args, changes, **data) -> int:
    """A write's message, or with --json the given figures and the message."""
    if getattr(args, "json", False):
        echo_json({**data, "message": changes.message})
    else:
        echo(changes.message)
    return 0


def span_args(args) -> tuple[dt.date, dt.date]:
    if args.month and (args.date_from or args.date_to):
        raise CliError("--month 不能与 --from/--to 同时使用", 2)
    if args.month:
        return month_range(args.month)
    if not (args.date_from and args.date_to):
        raise CliError("请用 --from 和 --to 指定日期范围，或用 --month 指定月份", 2)
    if args.date_to < args.date_from:
        raise CliError("截止日期早于起始日期", 2)
    return args.date_from, args.date_to


def progress_line(enabled: bool):
    """A progress line on stderr (rewritten in place on a terminal)."""
    tty = sys.stderr.isatty()
    last = [-1]

    def progress(frac: float, msg: str) -> None:
        if not enabled:
            return
        pct = int(frac * 100)
        if tty:
            sys.stderr.write(f"\r{pct:3d}%  {pad(msg, 40)}")
            sys.stderr.flush()
        elif pct // 25 != last[0] // 25 or pct == 100:
            sys.stderr.write(f"{pct:3d}%  {msg}\n")
        last[0] = pct

    def done() -> None:
        if enabled and tty:
            sys.stderr.write("\n")

    return progress, done
