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

from ..domain.errors import DomainError, RuleViolation
from ..domain.money import format_yuan, yuan_to_fen
from ..services.output import chinese_streams  # noqa: F401  (cli.main calls it)
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


# Bounds of what a command line may say: dates and years a centre can mean
# (date arithmetic near 0001/9999 overflows), counts and ids SQLite can hold,
# amounts an eldercare centre can mean (10亿元).
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
MAX_INT = 2_147_483_647
MAX_FEN = 100_000_000_000
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_MONTH = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
_INT = re.compile(r"[+-]?\d{1,30}", re.ASCII)


def _in_range(d: dt.date, text: str) -> dt.date:
    if not MIN_DATE <= d <= MAX_DATE:
        raise argparse.ArgumentTypeError(f"日期“{text}”超出范围（{MIN_DATE.year}年至{MAX_DATE.year}年）")
    return d


def iso_date(text: str) -> dt.date:
    m = _DATE.fullmatch(text.strip())
    try:
        if not m:
            raise ValueError
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式应为YYYY-MM-DD") from None
    return _in_range(d, text)


def bounded_int(low: int, high: int = MAX_INT):
    """An argument type: a whole number in [low, high] (ASCII digits only)."""

    def parse(text: str) -> int:
        t = text.strip()
        if not _INT.fullmatch(t):
            raise argparse.ArgumentTypeError(f"“{text}”不是整数")
        n = int(t)
        if n < low or n > high:
            raise argparse.ArgumentTypeError(f"“{text}”超出范围（应为{low}至{high}的整数）")
        return n

    parse.__name__ = "bounded_int"
    return parse


_positive = bounded_int(1)
_nonneg = bounded_int(0)


def positive_int(text: str) -> int:
    return _positive(text)


def nonneg_int(text: str) -> int:
    return _nonneg(text)


def year_month(text: str) -> str:
    m = _MONTH.fullmatch(text.strip())
    try:
        if not m:
            raise ValueError
        d = dt.date(int(m[1]), int(m[2]), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份“{text}”格式应为YYYY-MM") from None
    if not MIN_DATE.year <= d.year <= MAX_DATE.year:
        raise argparse.ArgumentTypeError(f"月份“{text}”超出范围（{MIN_DATE.year}年至{MAX_DATE.year}年）")
    return f"{d:%Y-%m}"


def year_arg(text: str) -> int:
    t = text.strip()
    if not (t.isascii() and t.isdigit() and len(t) == 4):
        raise argparse.ArgumentTypeError(f"年度“{text}”格式应为YYYY")
    if not MIN_DATE.year <= int(t) <= MAX_DATE.year:
        raise argparse.ArgumentTypeError(f"年度“{text}”超出范围（{MIN_DATE.year}至{MAX_DATE.year}）")
    return int(t)


def out_path(text: str) -> str:
    """An output file: never empty (an empty --pdf must not mean "no PDF")."""
    if not text.strip():
        raise argparse.ArgumentTypeError("请给出输出文件的路径")
    return text


def fen_arg(text: str) -> int:
    """A yuan amount typed on the command line ("1,200.50") as integer fen."""
    if len(text) > 40:
        raise argparse.ArgumentTypeError(f"金额“{text[:20]}…”不是有效的数字")
    try:
        fen = yuan_to_fen(text)
    except RuleViolation as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    if abs(fen) > MAX_FEN:
        raise argparse.ArgumentTypeError(f"金额“{text}”超出范围（绝对值不超过{MAX_FEN // 100:,}元）")
    return fen


# --- output ------------------------------------------------------------------------

# Control characters (C0, DEL, C1), line/paragraph separators and bidi
# overrides in a name must not steer the terminal: shown escaped (\x1b).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    c = ord(m[0])
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def safe(text: object) -> str:
    """``text`` as it may be printed to a terminal: control characters escaped."""
    return _UNSAFE.sub(_escape, str(text))


def echo(text: str = "") -> None:
    print(safe(text))


def echo_err(text: str) -> None:
    print(safe(text), file=sys.stderr)


def echo_json(data) -> None:
    def default(o):
        if isinstance(o, (dt.date, dt.datetime)):
            return o.isoformat()
        if isinstance(o, (Path, Decimal)):
            return str(o)
        raise TypeError(type(o).__name__)

    # json.dumps escapes C0; DEL, C1 and bidi controls (only ever inside strings) too
    text = json.dumps(data, ensure_ascii=False, indent=2, default=default)
    print(_UNSAFE_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


def text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - text_width(text))


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[("" if v is None else safe(v)) for v in r] for r in rows]
    widths = [max([text_width(h)] + [text_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(pad(h, w) for h, w in zip(headers, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(pad(v, w) for v, w in zip(r, widths)).rstrip())


# --- database and login ------------------------------------------------------------

def database_arg(args) -> str | None:
    return getattr(args, "database", None)


def _shown(value: str) -> str:
    """A database URL with any password masked."""
    return safe(re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", value))


def check_database(args, create: bool = False) -> None:
    """Refuse, in Chinese, a --database that cannot be this app's database:
    empty, a folder, or (except for init and demo-data) a file that does not
    exist. Commands other than init and demo-data never create a database."""
    given = database_arg(args)
    if given is not None and not given.strip():
        raise CliError("--database 不能为空：请给出数据库文件路径或URL", 2)
    value = given or os.environ.get(ENV_URL)
    if not value:
        return
    if value.startswith("sqlite:///"):
        path = Path(value[len("sqlite:///"):])
    elif "://" in value:
        return
    else:
        path = Path(value).expanduser()
    if path.is_dir():
        raise CliError(f"“{safe(path)}”是文件夹，不是数据库文件", 2)
    if not create and not path.exists():
        raise CliError(f"数据库文件不存在：{safe(path)}（请先运行 eldercare init 或 eldercare demo-data）")
    if path.exists() and not path.is_file():
        raise CliError(f"“{safe(path)}”不是数据库文件", 2)


def must_exist(args) -> None:
    """Commands other than init and demo-data never create a database."""
    check_database(args)


def _open_problem(exc: BaseException) -> str:
    """Why a database could not be opened, in Chinese."""
    text = str(exc).lower()
    kind = type(exc).__name__
    if isinstance(exc, ModuleNotFoundError) or kind in ("NoSuchModuleError", "ArgumentError"):
        return "不支持的数据库地址（应为数据库文件路径，或 sqlite:/// 开头的地址）"
    if "file is not a database" in text or "malformed" in text or "not a database" in text:
        return "该文件不是本系统的数据库，或已损坏"
    if "locked" in text or "busy" in text:
        return "数据库正被其他程序占用，请稍后重试"
    if "unable to open" in text or isinstance(exc, (PermissionError, IsADirectoryError, NotADirectoryError)):
        return "无法打开该文件（路径不存在、是文件夹或没有权限）"
    if isinstance(exc, OSError):
        return f"无法访问该文件（{safe(exc.strerror or kind)}）"
    return f"无法连接或读取（{kind}）"


def where(app: App) -> str:
    return str(app.sqlite_path) if app.sqlite_path else _shown(app.url)


_OPEN: list[App] = []


def open_app(args, create: bool = False) -> App:
    check_database(args, create)
    try:
        app = App.open(database_arg(args))
    except DomainError:
        raise
    except Exception as exc:  # noqa: BLE001  (the driver's errors differ by back end)
        shown = _shown(database_arg(args) or os.environ.get(ENV_URL) or "默认数据库")
        raise CliError(f"无法打开数据库“{shown}”：{_open_problem(exc)}") from None
    _OPEN.append(app)
    return app


def save_bytes(path: str, data: bytes) -> Path:
    """A file the command writes without the database (templates): checked
    first, then written atomically."""
    from ..services.output import check_destination

    dest = check_destination(path)
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, dest)
    except OSError as exc:
        raise CliError(f"无法写入“{safe(dest)}”：{exc.strerror or type(exc).__name__}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return dest


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


def say_when_busy() -> None:
    """While a write waits for another process's write lock, say so on
    stderr (once, then every 10 seconds). Idempotent."""
    from ..services import busy

    if getattr(say_when_busy, "installed", False):
        return
    said = [0.0]

    def tell(waited: float, attempt: int) -> None:
        if attempt == 1 or waited - said[0] >= 10:  # a new wait, then every 10 s
            said[0] = waited
            echo_err(busy.WAITING_MESSAGE + (f"（已等待{waited:.0f}秒）" if attempt > 1 else ""))
    busy.on_wait(tell)
    say_when_busy.installed = True  # type: ignore[attr-defined]
