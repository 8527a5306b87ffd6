"""``eldercare``: the headless command line over the same services as the GUI.

Exit codes: 0 done; 1 refused or failed (a rule, a permission, a broken
audit chain, a bad roster); 2 usage error or missing input (no user name,
no password without a terminal).
"""
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
from pathlib import Path
from typing import Iterator, Sequence

from ..domain.errors import DomainError, RuleViolation
from ..domain.identity import age_on
from ..domain.money import format_yuan
from ..domain.residents import ResidentStatus
from ..domain.roles import ROLE_LABELS, Role
from ..services import assessments as asm_svc
from ..services import audit as audit_svc
from ..services import backup as backup_svc
from ..services import demo as demo_svc
from ..services import residents as res_svc
from ..services import roster as roster_svc
from ..services import users as user_svc
from ..services.context import App, Ctx

ENV_USER = "ELDERCARE_USER"
ENV_PASSWORD = "ELDERCARE_PASSWORD"
ENV_NEW_PASSWORD = "ELDERCARE_NEW_PASSWORD"
ENV_URL = "ELDERCARE_DATABASE_URL"


class CliError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.message = message
        self.code = code


# --- argparse in Chinese -------------------------------------------------------

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
def _chinese_argparse() -> Iterator[None]:
    saved = argparse._
    argparse._ = lambda s: _ZH.get(s, s)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式应为YYYY-MM-DD") from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if n < 1:
        raise argparse.ArgumentTypeError("应为正整数")
    return n


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--database", default=argparse.SUPPRESS, metavar="路径或URL",
                    help=f"数据库文件路径或URL（默认取环境变量 {ENV_URL}，再取用户数据目录）")
    login = argparse.ArgumentParser(add_help=False)
    login.add_argument("--login", dest="login", default=argparse.SUPPRESS, metavar="用户名",
                       help=f"以该用户登录（或环境变量 {ENV_USER}；密码取环境变量 {ENV_PASSWORD}，否则提示输入）")
    auth = argparse.ArgumentParser(add_help=False)
    auth.add_argument("--user", "--login", dest="login", default=argparse.SUPPRESS, metavar="用户名",
                      help=f"以该用户登录（或环境变量 {ENV_USER}；密码取环境变量 {ENV_PASSWORD}，否则提示输入）")
    js = argparse.ArgumentParser(add_help=False)
    js.add_argument("--json", action="store_true", help="以JSON格式输出")

    p = argparse.ArgumentParser(prog="eldercare", description="养老机构管理系统命令行工具")
    p.add_argument("--database", default=None, metavar="路径或URL",
                   help=f"数据库文件路径或URL（默认取环境变量 {ENV_URL}，再取用户数据目录）")
    p.add_argument("--user", "--login", dest="login", default=None, metavar="用户名",
                   help=f"以该用户登录（或环境变量 {ENV_USER}）")
    sub = p.add_subparsers(dest="command", title="命令", metavar="命令")

    c = sub.add_parser("init", parents=[db], help="创建或升级数据库，并创建首个管理员")
    c.add_argument("--admin-user", default="admin", metavar="用户名", help="管理员用户名（默认admin）")
    c.add_argument("--admin-password", default=None, metavar="密码",
                   help=f"管理员密码（或环境变量 {ENV_PASSWORD}，否则提示输入两次）")
    c.set_defaults(func=cmd_init)

    c = sub.add_parser("demo-data", parents=[db, auth, js], help="在没有住户的数据库中生成演示数据")
    c.add_argument("--residents", type=_positive, default=300, metavar="N", help="住户数量（默认300）")
    c.add_argument("--password", default=demo_svc.DEFAULT_PASSWORD, metavar="密码",
                   help=f"演示账号的密码（默认{demo_svc.DEFAULT_PASSWORD}）")
    c.add_argument("--seed", type=int, default=1, metavar="N", help="随机种子（相同种子生成相同数据）")
    c.add_argument("--bulk", action=argparse.BooleanOptionalAction, default=None,
                   help=f"批量写入（默认超过{demo_svc.BULK_THRESHOLD}位住户时批量写入）")
    c.set_defaults(func=cmd_demo)

    res = sub.add_parser("residents", help="住户名册：列表、导出、导入").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = res.add_parser("list", parents=[db, auth, js], help="列出住户")
    c.add_argument("--status", choices=[s.value for s in ResidentStatus], help="只列出该状态的住户")
    c.add_argument("--search", metavar="文字", help="按姓名、拼音、拼音首字母、身份证号或床位查找")
    c.set_defaults(func=cmd_residents_list)
    c = res.add_parser("export", parents=[db, auth], help="导出住户名册（XLSX）")
    c.add_argument("--xlsx", required=True, metavar="文件", help="导出到该XLSX文件")
    c.add_argument("--all", action="store_true", help="包括已退住和去世的住户（这些行不能再导入）")
    c.set_defaults(func=cmd_residents_export)
    c = res.add_parser("import", parents=[db, auth, js], help="从XLSX名册导入住户（全部通过检查才导入）")
    c.add_argument("file", metavar="文件", help="XLSX名册（列与导出的名册相同）")
    c.add_argument("--dry-run", action="store_true", help="只检查，不导入")
    c.set_defaults(func=cmd_residents_import)

    c = sub.add_parser("backup", parents=[db, auth], help="备份数据库")
    c.add_argument("file", metavar="文件", help="备份文件路径")
    c.set_defaults(func=cmd_backup)
    c = sub.add_parser("restore", parents=[db, auth], help="从备份恢复数据库（当前数据库先另存一份）")
    c.add_argument("file", metavar="文件", help="备份文件路径")
    c.set_defaults(func=cmd_restore)

    au = sub.add_parser("audit", help="审计日志：校验、查看").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = au.add_parser("verify", parents=[db, js], help="校验审计哈希链（无需登录）")
    c.set_defaults(func=cmd_audit_verify)
    c = au.add_parser("list", parents=[db, login, js],
                      help="列出审计记录（登录用户请用 --login 或放在命令前的 --user）")
    c.add_argument("--user", dest="filter_user", metavar="用户名", help="只列出该用户的操作")
    c.add_argument("--entity", metavar="对象", help="只列出该类对象（如 resident、user、room）")
    c.add_argument("--from", dest="date_from", type=_date, metavar="日期", help="起始日期 YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", type=_date, metavar="日期", help="截止日期 YYYY-MM-DD（含当天）")
    c.add_argument("--limit", type=_positive, default=1000, metavar="N", help="最多列出N条（默认1000，最新的在前）")
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

    asm = sub.add_parser("assessments", help="能力评估：待评估名单、导出").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = asm.add_parser("due", parents=[db, auth, js], help="即将到期（30天内）和已逾期的评估")
    c.add_argument("--all", action="store_true", help="也列出未到期的在住老人")
    c.set_defaults(func=cmd_assessments_due)
    c = asm.add_parser("export", parents=[db, auth, js], help="导出一段时间内的评估记录（XLSX）")
    c.add_argument("--xlsx", required=True, metavar="文件")
    c.add_argument("--from", dest="date_from", type=_date, required=True, metavar="日期", help="起始日期 YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", type=_date, required=True, metavar="日期", help="截止日期 YYYY-MM-DD（含当天）")
    c.set_defaults(func=cmd_assessments_export)
    c = asm.add_parser("list", parents=[db, auth, js], help="列出一段时间内（或某位住户）的评估")
    c.add_argument("--from", dest="date_from", type=_date, metavar="日期")
    c.add_argument("--to", dest="date_to", type=_date, metavar="日期")
    c.add_argument("--resident", type=_positive, metavar="编号", help="住户编号：列出其全部评估")
    c.set_defaults(func=cmd_assessments_list)
    _finance_parsers(sub, db, auth, js)
    _escrow_parsers(sub, db, auth, js)
    return p


def _month(text: str) -> str:
    try:
        y, m = text.split("-")
        d = dt.date(int(y), int(m), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份“{text}”格式应为YYYY-MM") from None
    return f"{d:%Y-%m}"


def _finance_parsers(sub, db, auth, js) -> None:
    """export / fees / ledger / payments / billing / statements (issue 5)."""
    ex = sub.add_parser("export", help="财务导出（XLSX）：序时账、收款日记账、账龄分析、计费汇总表").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    for name, what, span in (("journal", "序时账（全部分录）", "range"), ("receipts", "收款日记账（含作废收据）", "range"),
                             ("ageing", "应收账款账龄分析", "on"), ("register", "月度计费汇总表", "month")):
        c = ex.add_parser(name, parents=[db, auth, js], help=f"导出{what}")
        c.add_argument("--xlsx", required=True, metavar="文件", help="导出到该XLSX文件")
        if span == "range":
            c.add_argument("--from", dest="date_from", type=_date, metavar="日期", help="起始日期 YYYY-MM-DD")
            c.add_argument("--to", dest="date_to", type=_date, metavar="日期", help="截止日期 YYYY-MM-DD（含当天）")
            c.add_argument("--month", type=_month, metavar="YYYY-MM", help="整月（代替 --from/--to）")
        elif span == "on":
            c.add_argument("--on", type=_date, metavar="日期", help="截至日期 YYYY-MM-DD（默认今天）")
        else:
            c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM", help="计费月份")
        c.set_defaults(func=cmd_export, what=name)

    fe = sub.add_parser("fees", help="收费标准：收费公示、调价告知书").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = fe.add_parser("schedule", parents=[db, auth, js], help="某日执行的收费标准（收费公示）")
    c.add_argument("--on", type=_date, metavar="日期", help="公示日期 YYYY-MM-DD（默认今天）")
    c.add_argument("--pdf", metavar="文件", help="同时打印收费公示到该PDF文件")
    c.set_defaults(func=cmd_fees_schedule)
    c = fe.add_parser("notices", parents=[db, auth, js], help="打印一次调价的告知书（每位受影响的住户一份）")
    c.add_argument("--price-id", type=_positive, required=True, metavar="编号", help="调价记录（价格）编号")
    c.add_argument("--pdf", required=True, metavar="文件", help="输出PDF文件")
    c.set_defaults(func=cmd_fees_notices)
    c = fe.add_parser("apply", parents=[db, auth, js], help="调价生效：受影响的合同自生效日起按新价格变更")
    c.add_argument("--price-id", type=_positive, required=True, metavar="编号", help="调价记录（价格）编号")
    c.set_defaults(func=cmd_fees_apply)

    le = sub.add_parser("ledger", help="总账：科目余额表、结账").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = le.add_parser("trial-balance", parents=[db, auth, js], help="某月的科目余额表")
    c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_trial_balance)
    c = le.add_parser("close", parents=[db, auth, js], help="结账：该月不再接受记账")
    c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_close)

    pa = sub.add_parser("payments", help="收款：账龄分析").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = pa.add_parser("ageing", parents=[db, auth, js], help="应收账款账龄分析（欠费名单）")
    c.add_argument("--on", type=_date, metavar="日期", help="截至日期 YYYY-MM-DD（默认今天）")
    c.set_defaults(func=cmd_ageing)

    bi = sub.add_parser("billing", help="月度计费：计费、结账").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = bi.add_parser("run", parents=[db, auth, js], help="对全部在约合同计费（可重复运行，只补差额）")
    c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_billing_run)
    c = bi.add_parser("close", parents=[db, auth, js], help="结账（同 ledger close）")
    c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_close)

    c = sub.add_parser("statements", parents=[db, auth, js], help="打印月度费用清单（全部住户或一位住户）")
    c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    c.add_argument("--pdf", required=True, metavar="文件", help="输出PDF文件")
    c.add_argument("--resident", type=_positive, metavar="编号", help="只打印该住户的费用清单")
    c.set_defaults(func=cmd_statements)


def _escrow_parsers(sub, db, auth, js) -> None:
    """escrow due / refund-quote / reconcile / rates (issue 6)."""
    es = sub.add_parser("escrow", help="押金专户：待退还名单、退还试算、对账、活期利率").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = es.add_parser("due", parents=[db, auth, js], help="合同已终止、押金待退还的住户（剩余天数，逾期）")
    c.add_argument("--on", type=_date, metavar="日期", help="截至日期 YYYY-MM-DD（默认今天）")
    c.set_defaults(func=cmd_escrow_due)
    c = es.add_parser("refund-quote", parents=[db, auth, js], help="押金退还试算：存入、扣除、逐期利息、应退金额")
    c.add_argument("--resident", type=_positive, required=True, metavar="编号", help="住户编号")
    c.add_argument("--on", type=_date, metavar="日期", help="退还日期 YYYY-MM-DD（默认今天；当天不计息）")
    c.set_defaults(func=cmd_escrow_quote)
    c = es.add_parser("reconcile", parents=[db, auth, js], help="押金专户月末对账：银行余额、账面余额、住户押金合计")
    c.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--bank-balance", metavar="金额", help="银行对账单月末余额（元）")
    g.add_argument("--statement", metavar="文件", help="银行对账单文件（XLSX或CSV），取最后一行余额")
    c.add_argument("--note", default="", metavar="说明")
    c.set_defaults(func=cmd_escrow_reconcile)
    c = es.add_parser("rates", parents=[db, auth, js], help="活期存款利率表")
    c.set_defaults(func=cmd_escrow_rates)
    c = es.add_parser("interest-mode", parents=[db, auth, js],
                      help="利率调整时的计息方式（分段计息或按结息日利率）：查看或修改")
    c.add_argument("--set", dest="mode", choices=("split", "settlement_rate"),
                   help="split：分段计息（默认）；settlement_rate：按结息日挂牌利率")
    c.set_defaults(func=cmd_escrow_interest_mode)
    c = es.add_parser("export", parents=[db, auth, js], help="导出押金专户台账（XLSX；整个专户或一位住户）")
    c.add_argument("--xlsx", required=True, metavar="文件")
    c.add_argument("--from", dest="date_from", type=_date, metavar="日期", help="起始日期（默认本年1月1日）")
    c.add_argument("--to", dest="date_to", type=_date, metavar="日期", help="截止日期（默认今天）")
    c.add_argument("--resident", type=_positive, metavar="编号", help="只导出该住户的押金台账")
    c.set_defaults(func=cmd_escrow_export)


# --- helpers ---------------------------------------------------------------------

def _out(text: str = "") -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _json(data) -> None:
    def default(o):
        if isinstance(o, (dt.date, dt.datetime)):
            return o.isoformat()
        if isinstance(o, Path):
            return str(o)
        raise TypeError(type(o).__name__)

    print(json.dumps(data, ensure_ascii=False, indent=2, default=default))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[("" if v is None else str(v)) for v in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print("  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip())


def _database_arg(args) -> str | None:
    return getattr(args, "database", None)


def _must_exist(args) -> None:
    """Commands other than init and demo-data never create a database."""
    value = _database_arg(args) or os.environ.get(ENV_URL)
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


def _where(app: App) -> str:
    return str(app.sqlite_path) if app.sqlite_path else re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", app.url)


_OPEN: list[App] = []


def _open(args, create: bool = False) -> App:
    if not create:
        _must_exist(args)
    app = App.open(_database_arg(args))
    _OPEN.append(app)
    return app


def _password(env: str, prompt: str, twice: bool = False) -> str:
    pw = os.environ.get(env)
    if pw is not None:
        return pw
    if not sys.stdin.isatty():
        raise CliError(f"需要密码：请设置环境变量 {env}，或在终端中运行本命令以输入密码", 2)
    pw = getpass.getpass(prompt)
    if twice and getpass.getpass("请再输入一次：") != pw:
        raise CliError("两次输入的密码不一致", 2)
    return pw


def _login(app: App, args) -> Ctx:
    name = getattr(args, "login", None) or os.environ.get(ENV_USER)
    if not name:
        raise CliError(f"请用 --user 指定登录用户名（或设置环境变量 {ENV_USER}）", 2)
    if user_svc.needs_first_run(app):
        raise CliError("数据库还没有用户：请先运行 eldercare init（或 eldercare demo-data）")
    pw = _password(ENV_PASSWORD, f"用户“{name}”的密码：")
    return app.as_user(user_svc.login(app, name, pw))


# --- commands --------------------------------------------------------------------

def cmd_init(args) -> int:
    app = _open(args, create=True)
    _out(f"数据库：{_where(app)}")
    m = app.migration
    if m and m.before != m.after:
        _out(f"数据库结构已{'创建' if m.before is None else '升级'}到版本 {m.after}")
    if m and m.safety_copy:
        _out(f"升级前的数据库已另存为：{m.safety_copy}")
    if not user_svc.needs_first_run(app):
        _out("数据库已有用户，未创建管理员")
        return 0
    pw = args.admin_password or _password(ENV_PASSWORD, f"设置管理员“{args.admin_user}”的密码：", twice=True)
    user_svc.create_first_admin(app, args.admin_user, pw)
    _out(f"已创建管理员“{args.admin_user}”")
    return 0


def cmd_demo(args) -> int:
    app = _open(args, create=True)
    actor = None
    if not user_svc.needs_first_run(app):
        if not (getattr(args, "login", None) or os.environ.get(ENV_USER)):
            raise CliError("数据库已有用户：请用 --user 指定管理员账号登录后再生成演示数据", 2)
        actor = _login(app, args).actor
    tty = sys.stderr.isatty() and not args.json

    def progress(frac: float, msg: str) -> None:
        if tty:
            sys.stderr.write(f"\r{int(frac * 100):3d}%  {_pad(msg, 50)}")
            sys.stderr.flush()

    try:
        s = demo_svc.build_demo(app, residents=args.residents, password=args.password, seed=args.seed,
                                progress=progress, actor=actor, bulk=args.bulk)
    finally:
        if tty:
            sys.stderr.write("\n")
    if args.json:
        _json({"database": _where(app), **s.as_dict()})
        return 0
    st = s.by_status
    _out(f"已生成演示数据，用时{s.seconds:.1f}秒（{'批量写入' if s.bulk else '逐条经业务服务写入'}）")
    _out(f"数据库：{_where(app)}")
    _out(f"机构：{s.centre_name}")
    _out(f"房间：{s.rooms}间（{'、'.join(s.buildings)}栋），床位{s.beds}张（护理型{s.nursing_beds}张），空床{s.free_beds}张")
    _out(f"住户：{s.residents}位（" + "，".join(f"{k}{v}" for k, v in st.items()) + "）")
    _out(f"历史记录（{s.first_day:%Y-%m-%d}至{s.last_day:%Y-%m-%d}）："
         + "，".join(f"{k}{v}次" for k, v in s.events.items()))
    _out("登录账号：")
    for username, role in s.users:
        pw = f"密码 {s.password}" if username in s.created_users else "原有账号，密码不变"
        _out(f"  {_pad(username, 10)}{_pad(role, 8)}{pw}")
    return 0


def _age(birth: dt.date, today: dt.date) -> int:
    return age_on(birth, today)


def _matches(r, text: str) -> bool:
    return text.lower() in r.search_key


def cmd_residents_list(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    today = ctx.today()
    rows = res_svc.list_residents(ctx)
    if args.status:
        rows = [r for r in rows if r.status == args.status]
    if args.search:
        rows = [r for r in rows if _matches(r, args.search.strip())]
    if args.json:
        _json([{
            "id": r.id, "name": r.name, "gender": r.gender, "id_number": r.id_number, "birth_date": r.birth_date,
            "age": _age(r.birth_date, today), "status": r.status, "bed": r.bed_code,
            "admission_date": r.admission_date, "hukou": r.hukou,
            "categories": [c for c in r.categories.split(",") if c], "phone": r.phone,
            "name_pinyin": r.name_pinyin, "name_initials": r.name_initials,
        } for r in rows])
        return 0
    _table(
        ("编号", "姓名", "性别", "年龄", "身份证号", "状态", "床位", "入住日期", "户籍", "政策类别"),
        [(r.id, r.name, r.gender, _age(r.birth_date, today), r.id_number, r.status, r.bed_code,
          f"{r.admission_date:%Y-%m-%d}" if r.admission_date else "", r.hukou, r.categories.replace(",", "、"))
         for r in rows],
    )
    _out(f"共{len(rows)}位住户")
    return 0


def cmd_residents_export(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    result = roster_svc.export_roster(ctx, args.xlsx, include_left=args.all)
    _out(f"已导出{result.rows}位住户到：{result.path}")
    return 0


def cmd_residents_import(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    report = roster_svc.import_roster(ctx, args.file, dry_run=args.dry_run)
    if args.json:
        _json(report.as_dict())
        return 0 if report.ok else 1
    for p in report.problems:
        _err(str(p))
    for note in report.notes:
        _out(f"提示：{note}")
    (_out if report.ok else _err)(report.message)
    return 0 if report.ok else 1


def cmd_backup(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    dest = Path(args.file).expanduser().resolve()
    digest = backup_svc.backup(ctx, dest)
    _out(f"已备份到：{dest}")
    _out(f"SHA-256：{digest}")
    return 0


def cmd_restore(args) -> int:
    src = Path(args.file).expanduser()
    app = _open(args)
    problem = backup_svc.check_backup(src)
    if problem:  # refused before anything, the login included, touches the database
        raise CliError(f"不能从该文件恢复：{problem}（当前数据库未作任何改动）")
    ctx = _login(app, args)
    safety = backup_svc.restore(app, ctx.actor, src)
    _out(f"已从备份恢复：{src.resolve()}")
    _out(f"恢复前的数据库已另存为：{safety}")
    return 0


def cmd_audit_verify(args) -> int:
    app = _open(args)
    n, brk = audit_svc.verify(app)
    if args.json:
        _json({"ok": brk is None, "rows": n, "broken_seq": brk.seq if brk else None,
               "reason": brk.reason if brk else ""})
        return 0 if brk is None else 1
    if brk is None:
        _out(f"审计链完整：共{n}条记录")
        return 0
    _err(f"审计链已被破坏：{brk.reason}")
    _err(f"第一处异常：第{brk.seq}条记录（共检查{n}条）")
    return 1


def _loads(text: str):
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def cmd_audit_list(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    f = audit_svc.AuditFilter(user=args.filter_user or "", entity=args.entity or "", date_from=args.date_from,
                              date_to=args.date_to, limit=args.limit)
    entries = audit_svc.list_entries(ctx, f)
    if args.json:
        _json([{"seq": e.seq, "at": e.at, "user": e.user, "action": e.action, "entity": e.entity,
                "entity_id": e.entity_id, "before": _loads(e.before), "after": _loads(e.after)} for e in entries])
        return 0

    def short(text: str) -> str:
        return text if len(text) <= 60 else text[:59] + "…"

    _table(("序号", "时间", "用户", "操作", "对象", "编号", "内容"),
           [(e.seq, e.at.replace("T", " "), e.user, e.action, e.entity, e.entity_id, short(e.after)) for e in entries])
    _out(f"共{len(entries)}条")
    return 0


def cmd_users_list(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    infos = user_svc.list_users(ctx)
    if args.json:
        _json([{"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role,
                "role_label": Role(u.role).label, "active": u.active, "locked_until": u.locked_until,
                "last_login": u.last_login} for u in infos])
        return 0
    _table(("用户名", "姓名", "角色", "状态", "锁定至", "最近登录"),
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
    app = _open(args)
    ctx = _login(app, args)
    pw = _password(ENV_NEW_PASSWORD, f"设置新用户“{args.name}”的密码：", twice=True)
    user_svc.create_user(ctx, args.name, role, pw, args.display_name)
    _out(f"已新增用户“{args.name}”（{Role(role).label}）")
    return 0


def cmd_assessments_due(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    rows = asm_svc.due_list(ctx, include_not_due=args.all)
    if args.json:
        _json([{
            "resident_id": r.resident_id, "name": r.resident_name, "bed": r.bed_code, "status": r.status,
            "last_number": r.last_number, "last_base_date": r.last_base_date, "last_grade": r.last_grade,
            "care_level": r.care_level, "due_date": r.due_date, "days_left": r.days_left, "state": r.state,
            "reason": r.reason,
        } for r in rows])
        return 0
    _table(("编号", "姓名", "床位", "上次评估", "上次等级", "照护等级", "应评估日期", "剩余天数", "状态", "原因"),
           [(r.resident_id, r.resident_name, r.bed_code, f"{r.last_base_date:%Y-%m-%d}" if r.last_base_date else "",
             r.last_grade, r.care_level, f"{r.due_date:%Y-%m-%d}",
             f"逾期{-r.days_left}天" if r.days_left < 0 else f"{r.days_left}天", r.state or "未到期", r.reason)
            for r in rows])
    overdue = sum(1 for r in rows if r.days_left < 0)
    _out(f"共{len(rows)}位，其中已逾期{overdue}位")
    return 0


def _summary_json(a) -> dict:
    return {"id": a.id, "number": a.number, "resident_id": a.resident_id, "name": a.resident_name,
            "instrument": a.instrument_code, "base_date": a.base_date, "reason": a.reason, "total": a.total,
            "preliminary_grade": a.preliminary_grade, "final_grade": a.final_grade, "grade_name": a.grade_name,
            "care_level": a.care_level, "assessors": list(a.assessors), "supersedes_id": a.supersedes_id,
            "superseded_by_id": a.superseded_by_id}


def cmd_assessments_list(args) -> int:
    app = _open(args)
    ctx = _login(app, args)
    if args.resident:
        rows = asm_svc.history(ctx, args.resident)
    else:
        today = ctx.today()
        rows = asm_svc.list_assessments(ctx, args.date_from or dt.date(today.year, 1, 1), args.date_to or today)
    if args.json:
        _json([_summary_json(a) for a in rows])
        return 0
    _table(("评估编号", "日期", "住户", "原因", "总分", "最终等级", "照护等级", "评估员", "备注"),
           [(a.number, f"{a.base_date:%Y-%m-%d}", a.resident_name, a.reason, a.total, a.grade_name, a.care_level,
             "、".join(a.assessors), "已被更正" if a.superseded_by_id else ("更正" if a.supersedes_id else ""))
            for a in rows])
    _out(f"共{len(rows)}份评估")
    return 0


def cmd_assessments_export(args) -> int:
    if args.date_to < args.date_from:
        raise CliError("截止日期早于起始日期", 2)
    app = _open(args)
    ctx = _login(app, args)
    result = asm_svc.export_xlsx(ctx, Path(args.xlsx), args.date_from, args.date_to)
    if args.json:
        _json({"file": str(result.path), "rows": result.rows, "sha256": result.sha256})
        return 0
    _out(f"已导出{result.rows}份评估到：{result.path}")
    return 0


# --- finance (issue 5) ----------------------------------------------------------------

def _yuan(fen: int) -> str:
    return format_yuan(fen, symbol=False)


def _month_range(month: str) -> tuple[dt.date, dt.date]:
    y, m = int(month[:4]), int(month[5:7])
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _span_args(args) -> tuple[dt.date, dt.date]:
    if args.month and (args.date_from or args.date_to):
        raise CliError("--month 不能与 --from/--to 同时使用", 2)
    if args.month:
        return _month_range(args.month)
    if not (args.date_from and args.date_to):
        raise CliError("请用 --from 和 --to 指定日期范围，或用 --month 指定月份", 2)
    if args.date_to < args.date_from:
        raise CliError("截止日期早于起始日期", 2)
    return args.date_from, args.date_to


def _progress_line(enabled: bool):
    """A progress line on stderr (rewritten in place on a terminal)."""
    tty = sys.stderr.isatty()
    last = [-1]

    def progress(frac: float, msg: str) -> None:
        if not enabled:
            return
        pct = int(frac * 100)
        if tty:
            sys.stderr.write(f"\r{pct:3d}%  {_pad(msg, 40)}")
            sys.stderr.flush()
        elif pct // 25 != last[0] // 25 or pct == 100:
            sys.stderr.write(f"{pct:3d}%  {msg}\n")
        last[0] = pct

    def done() -> None:
        if enabled and tty:
            sys.stderr.write("\n")

    return progress, done


_EXPORT_NAMES = {"journal": "序时账", "receipts": "收款日记账", "ageing": "账龄分析", "register": "计费汇总表"}


def cmd_export(args) -> int:
    from ..services import exports

    what = args.what
    span = _span_args(args) if what in ("journal", "receipts") else None
    app = _open(args)
    ctx = _login(app, args)
    if what == "journal":
        progress, done = _progress_line(not args.json)
        try:
            result = exports.export_journal(ctx, Path(args.xlsx), *span, progress=progress)
        finally:
            done()
    elif what == "receipts":
        result = exports.export_receipts(ctx, Path(args.xlsx), *span)
    elif what == "ageing":
        result = exports.export_ageing(ctx, Path(args.xlsx), args.on or ctx.today())
    else:
        result = exports.export_register(ctx, Path(args.xlsx), args.month)
    if args.json:
        _json(result.as_dict())
        return 0
    _out(f"已导出{_EXPORT_NAMES[what]}{result.rows}行到：{result.path}")
    t = result.totals
    if what == "journal":
        _out(f"借方合计 {_yuan(t['debit_fen'])}　贷方合计 {_yuan(t['credit_fen'])}")
    elif what == "receipts":
        _out(f"收款合计（不含作废）{_yuan(t['amount_fen'])}　作废{t['voided_count']}张 {_yuan(t['voided_fen'])}")
    elif what == "ageing":
        _out(f"欠费合计 {_yuan(t['total_fen'])}（应收账款余额 {_yuan(t['receivable_fen'])}）")
    else:
        _out(f"计费合计 {_yuan(t['total_fen'])}")
    _out(f"SHA-256：{result.sha256}")
    return 0


def cmd_fees_schedule(args) -> int:
    from ..services import exports
    from ..services import fees as fees_svc

    app = _open(args)
    ctx = _login(app, args)
    on = args.on or ctx.today()
    rows = fees_svc.schedule_on(ctx, on)
    written = exports.fee_schedule_pdf(ctx, Path(args.pdf), on) if args.pdf else None
    if args.json:
        data = {"on": on, "items": [{
            "item_id": r.item_id, "code": r.code, "kind": r.kind, "kind_name": r.kind_name, "name": r.name,
            "unit": r.unit, "key": r.key, "price_fen": r.price_fen, "since": r.since,
            "next_price_fen": r.next_price_fen, "next_effective": r.next_effective, "next_notice": r.next_notice,
        } for r in rows]}
        if written:
            data["pdf"] = {"file": str(written.path), "sha256": written.sha256}
        _json(data)
        return 0
    _table(("编码", "类别", "项目", "单位", "收费标准", "执行日期", "已公告的调整"),
           [(r.code, r.kind_name, r.name, f"元/{r.unit}", _yuan(r.price_fen) if r.price_fen is not None else "未定价",
             f"{r.since:%Y-%m-%d}" if r.since else "",
             f"{r.next_effective:%Y-%m-%d}起 {_yuan(r.next_price_fen)}" if r.next_price_fen is not None else "")
            for r in rows])
    _out(f"{on:%Y-%m-%d}执行的收费项目共{len(rows)}项")
    if written:
        _out(f"收费公示已打印到：{written.path}")
    return 0


def cmd_fees_notices(args) -> int:
    from ..services import exports

    app = _open(args)
    ctx = _login(app, args)
    result = exports.price_notices_pdf(ctx, Path(args.pdf), args.price_id)
    if args.json:
        _json(result.as_dict())
        return 0
    _out(f"已打印{result.rows}份调价告知书到：{result.path}")
    return 0


def cmd_fees_apply(args) -> int:
    from ..services import contracts as contracts_svc

    app = _open(args)
    ctx = _login(app, args)
    ch = contracts_svc.apply_price_change(ctx, args.price_id)
    if args.json:
        _json({"contracts": list(ch.ids), "message": ch.message})
        return 0
    _out(ch.message)
    return 0


def cmd_trial_balance(args) -> int:
    from ..services import ledger as ledger_svc

    app = _open(args)
    ctx = _login(app, args)
    tb = ledger_svc.trial_balance(ctx, args.month)
    t = tb.totals()
    fields = ("opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit")
    if args.json:
        _json({"period": tb.period, "balanced": tb.balanced, "closed": ledger_svc.is_closed(ctx, tb.period),
               "rows": [{"account": r.account, "name": r.name, **{f"{f}_fen": getattr(r, f) for f in fields}}
                        for r in tb.rows],
               "totals": {f"{f}_fen": getattr(t, f) for f in fields}})
        return 0
    _table(("科目编码", "科目名称", "期初借方", "期初贷方", "本期借方", "本期贷方", "期末借方", "期末贷方"),
           [(r.account, r.name, *(_yuan(getattr(r, f)) for f in fields)) for r in tb.rows + (t,)])
    _out(f"{tb.period}科目余额表：" + ("借贷平衡" if tb.balanced else "借贷不平衡！"))
    return 0 if tb.balanced else 1


def cmd_close(args) -> int:
    from ..services import ledger as ledger_svc

    app = _open(args)
    ctx = _login(app, args)
    ch = ledger_svc.close_period(ctx, args.month)
    if args.json:
        _json({"period": args.month, "closed": True, "message": ch.message})
        return 0
    _out(ch.message)
    return 0


def cmd_ageing(args) -> int:
    from ..services import payments as payments_svc

    app = _open(args)
    ctx = _login(app, args)
    rep = payments_svc.ageing(ctx, args.on or ctx.today())
    names = rep.bucket_names
    if args.json:
        _json({"on": rep.on, "buckets": list(names), "rows": [{
            "resident_id": r.resident_id, "name": r.resident_name, "buckets_fen": dict(zip(names, r.buckets)),
            "credit_fen": r.credit_fen, "total_fen": r.total_fen, "oldest": r.oldest} for r in rep.rows],
            "totals": {"buckets_fen": dict(zip(names, rep.totals)), "credit_fen": rep.credit_fen,
                       "total_fen": rep.total_fen, "receivable_fen": rep.receivable_fen}})
        return 0
    _table(("编号", "住户", *names, "多收", "合计", "最早欠费"),
           [(r.resident_id, r.resident_name, *(_yuan(b) for b in r.buckets), _yuan(r.credit_fen), _yuan(r.total_fen),
             f"{r.oldest:%Y-%m-%d}" if r.oldest else "") for r in rep.rows]
           + [("", "合计", *(_yuan(b) for b in rep.totals), _yuan(rep.credit_fen), _yuan(rep.total_fen), "")])
    _out(f"截至{rep.on:%Y-%m-%d}：欠费{len(rep.rows)}位，合计{_yuan(rep.total_fen)}（应收账款余额{_yuan(rep.receivable_fen)}）")
    return 0


def cmd_billing_run(args) -> int:
    from ..services import billing as billing_svc

    app = _open(args)
    ctx = _login(app, args)
    progress, done = _progress_line(True)
    try:
        r = billing_svc.run_billing(ctx, args.month, progress=progress)
    finally:
        done()
    if args.json:
        _json({"period": r.period, "run_id": r.run_id, "contracts": r.contracts,
               "contracts_changed": r.contracts_changed, "lines": r.lines, "entries": r.entries,
               "total_fen": r.total_fen, "prepaid_applied_fen": r.prepaid_applied_fen, "rule": r.rule})
        return 0
    _out(r.message)
    if r.prepaid_applied_fen:
        _out(f"预收款抵扣：{_yuan(r.prepaid_applied_fen)}")
    return 0


def cmd_statements(args) -> int:
    from ..services import statements as st_svc

    app = _open(args)
    ctx = _login(app, args)
    if args.resident:
        w = st_svc.statement_pdf(ctx, args.resident, args.month, Path(args.pdf))
    else:
        progress, done = _progress_line(not args.json)
        try:
            w = st_svc.statements_pdf(ctx, args.month, Path(args.pdf), progress=progress)
        finally:
            done()
    if args.json:
        _json({"file": str(w.path), "statements": w.rows, "sha256": w.sha256, "period": args.month})
        return 0
    _out(f"已打印{w.rows}份{args.month}费用清单到：{w.path}")
    return 0


# --- escrow (issue 6) -------------------------------------------------------------------

def cmd_escrow_due(args) -> int:
    from ..services import escrow as escrow_svc

    app = _open(args)
    ctx = _login(app, args)
    on = args.on or ctx.today()
    rows = escrow_svc.refunds_due(ctx, on)
    if args.json:
        _json({"on": on, "count": len(rows), "overdue": sum(1 for r in rows if r.overdue),
               "total_fen": sum(r.balance_fen for r in rows), "rows": [{
                   "resident_id": r.resident_id, "name": r.resident_name, "contract_id": r.contract_id,
                   "contract_number": r.contract_number, "service_end": r.service_end, "due_date": r.due_date,
                   "days_left": r.days_left, "overdue": r.overdue, "balance_fen": r.balance_fen} for r in rows]})
        return 0
    _table(("编号", "住户", "合同", "服务终止日", "退还期限", "剩余天数", "押金余额"),
           [(r.resident_id, r.resident_name, r.contract_number, f"{r.service_end:%Y-%m-%d}", f"{r.due_date:%Y-%m-%d}",
             f"逾期{-r.days_left}天" if r.overdue else r.days_left, _yuan(r.balance_fen)) for r in rows])
    _out(f"截至{on:%Y-%m-%d}：待退还{len(rows)}位，其中逾期{sum(1 for r in rows if r.overdue)}位")
    return 0


def cmd_escrow_quote(args) -> int:
    from ..domain.interest import MODES
    from ..services import escrow as escrow_svc

    app = _open(args)
    ctx = _login(app, args)
    on = args.on or ctx.today()
    q = escrow_svc.quote(ctx, args.resident, on)
    if args.json:
        _json({"resident_id": q.resident_id, "name": q.resident_name, "on": q.on, "mode": q.mode,
               "mode_name": MODES[q.mode], "contract_number": q.contract_number, "service_end": q.service_end,
               "due_date": q.due_date, "days_left": q.days_left, "overdue": q.overdue,
               "deposits": [{"day": m.day, "number": m.number, "amount_fen": m.amount_fen} for m in q.deposits],
               "deductions": [{"day": m.day, "reason": m.reason, "voucher_no": m.voucher_no,
                               "amount_fen": m.amount_fen} for m in q.deductions],
               "excess_refunds": [{"day": m.day, "number": m.number, "amount_fen": m.amount_fen}
                                  for m in q.excess_refunds],
               "periods": [{"start": p.start, "end": p.end, "settled_on": p.settled_on, "final": p.final,
                            "posted": done, "interest_fen": p.interest_fen, "exact_fen": str(p.exact),
                            "segments": [{"start": x.start, "end": x.end, "days": x.days, "balance_fen": x.balance_fen,
                                          "rate_percent": str(x.rate_percent), "product": x.product}
                                         for x in p.segments]} for p, done in zip(q.periods, q.posted)],
               "deposits_fen": q.deposits_fen, "deductions_fen": q.deductions_fen,
               "excess_refunded_fen": q.excess_refunded_fen, "interest_fen": q.interest_fen,
               "refund_fen": q.refund_fen, "refund_upper": q.refund_upper, "balance_fen": q.balance_fen})
        return 0
    _out(f"{q.resident_name}　押金退还试算（{on:%Y-%m-%d}，{MODES[q.mode]}）")
    _table(("计息期间", "天数", "余额", "年利率", "积数", "利息"),
           [(f"{x.start:%Y-%m-%d}至{x.end:%Y-%m-%d}", x.days, _yuan(x.balance_fen), f"{x.rate_percent}%", x.product, "")
            for p in q.periods for x in p.segments]
           + [(f"{p.start:%Y-%m-%d}至{p.end:%Y-%m-%d}小计", "", "", "", "", _yuan(p.interest_fen)) for p in q.periods])
    _out(f"存入{_yuan(q.deposits_fen)}　扣除{_yuan(q.deductions_fen)}　利息{_yuan(q.interest_fen)}"
         f"　应退{_yuan(q.refund_fen)}（{q.refund_upper}）")
    if q.due_date:
        _out(f"退还期限{q.due_date:%Y-%m-%d}：" + (f"已逾期{-q.days_left}天" if q.overdue else f"剩余{q.days_left}天"))
    return 0


def cmd_escrow_reconcile(args) -> int:
    from ..domain.money import yuan_to_fen
    from ..services import escrow as escrow_svc

    app = _open(args)
    ctx = _login(app, args)
    source, lines = "手工录入", 0
    if args.statement:
        st = escrow_svc.import_bank_statement(ctx, Path(args.statement))
        bank, source, lines = st.last_balance_fen, f"银行对账单导入：{st.source}", len(st.rows)
    else:
        bank = yuan_to_fen(args.bank_balance, "bank_balance")
    r = escrow_svc.reconcile(ctx, args.month, bank, source=source, note=args.note, lines=lines)
    if args.json:
        _json({"id": r.id, "period": r.period, "as_of": r.as_of, "bank_balance_fen": r.bank_balance_fen,
               "book_balance_fen": r.book_balance_fen, "residents_total_fen": r.residents_total_fen,
               "difference_fen": r.difference_fen, "residents_difference_fen": r.residents_difference_fen,
               "agreed": r.agreed, "source": r.source, "lines": r.lines,
               "residents": [{"resident_id": i, "name": n, "contract_number": c, "balance_fen": b}
                             for i, n, c, b in r.residents]})
        return 0
    _out(f"{r.period}押金专户对账（{r.as_of:%Y-%m-%d}）：银行{_yuan(r.bank_balance_fen)}　账面{_yuan(r.book_balance_fen)}"
         f"　住户押金合计{_yuan(r.residents_total_fen)}")
    _out("三方相符" if r.agreed else
         f"不符！银行−账面 {_yuan(r.difference_fen)}，账面−住户合计 {_yuan(r.residents_difference_fen)}")
    return 0 if r.agreed else 1


def cmd_escrow_rates(args) -> int:
    from ..services import escrow as escrow_svc

    app = _open(args)
    ctx = _login(app, args)
    rows = escrow_svc.list_rates(ctx)
    if args.json:
        _json([{"id": r.id, "effective_date": r.effective_date, "annual_percent": str(r.annual_percent),
                "note": r.note} for r in rows])
        return 0
    _table(("生效日期", "年利率", "说明"), [(f"{r.effective_date:%Y-%m-%d}", f"{r.annual_percent}%", r.note) for r in rows])
    return 0


def cmd_escrow_interest_mode(args) -> int:
    from ..domain.interest import MODES
    from ..services import escrow as escrow_svc

    app = _open(args)
    ctx = _login(app, args)
    if args.mode:
        escrow_svc.set_interest_mode(ctx, args.mode)
    mode = escrow_svc.interest_mode(ctx)
    if args.json:
        _json({"mode": mode, "name": MODES[mode]})
        return 0
    _out(f"押金计息方式：{MODES[mode]}")
    return 0


def cmd_escrow_export(args) -> int:
    from ..services import escrow_documents

    app = _open(args)
    ctx = _login(app, args)
    today = ctx.today()
    date_from, date_to = args.date_from or dt.date(today.year, 1, 1), args.date_to or today
    if date_to < date_from:
        raise CliError("截止日期早于起始日期", 2)
    out = escrow_documents.ledger_xlsx(ctx, Path(args.xlsx), date_from, date_to, args.resident)
    if args.json:
        _json({"file": str(out.path), "rows": out.rows, "sha256": out.sha256})
        return 0
    _out(f"已导出押金台账{out.rows}行到：{out.path}")
    return 0


# --- entry point -------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    with _chinese_argparse():
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
        _err(exc.message)
        return exc.code
    except RuleViolation as exc:
        for p in exc.problems:
            _err(p.message)
        return 1
    except DomainError as exc:
        _err(exc.message)
        return 1
    except KeyboardInterrupt:
        _err("已中断")
        return 130
    except BrokenPipeError:  # e.g. piped into head
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    finally:
        while _OPEN:
            _OPEN.pop().close()


if __name__ == "__main__":
    raise SystemExit(main())
