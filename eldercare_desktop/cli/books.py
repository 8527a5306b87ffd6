"""The accountant's books: vouchers, opening balances, the chart of accounts,
fixed assets and the year-end close."""
from __future__ import annotations

import argparse
import dataclasses
import re
from pathlib import Path

from ..domain import books as B
from ..domain.ledger import Line
from ..domain.records import Changes
from .common import (CliError, actions, bounded_int, save_bytes, echo, echo_json, echo_table, fen_arg, iso_date, logged_in, month_range,
                     nonneg_int, report, year_arg, year_month, year_range, yuan)

EXPENSES = ("purchase", "utilities", "repairs")
# the template options each template takes (the rest are refused)
TEMPLATE_OPTIONS = {
    "salaries": {"care", "office", "withheld"},
    "purchase": {"business", "management", "nature", "supplier", "on_credit"},
    "donation": {"donor", "amount", "restricted", "restriction"},
    "subsidy": {"kind", "amount", "payer", "restricted", "document"},
    "asset": {"name", "amount", "supplier", "on_credit"},
    "release": {"amount", "purpose"},
}
TEMPLATE_OPTIONS["utilities"] = TEMPLATE_OPTIONS["repairs"] = TEMPLATE_OPTIONS["purchase"]
ALL_OPTIONS = set().union(*TEMPLATE_OPTIONS.values())
NUMBER = re.compile(r"记-(\d{4}-\d{2})-\d{4}")


def voucher_line(text: str) -> tuple[str, int, int, str]:
    """CODE:DEBIT:CREDIT[:ID_NUMBER], amounts in yuan (one may be empty)."""
    parts = text.split(":")
    if len(parts) not in (3, 4) or not parts[0].strip():
        raise argparse.ArgumentTypeError(f"分录“{text}”格式应为 科目代码:借方金额:贷方金额[:住户身份证号]")
    debit, credit = (fen_arg(p) if p.strip() else 0 for p in parts[1:3])
    return parts[0].strip(), debit, credit, parts[3].strip().upper() if len(parts) == 4 else ""


def add_parsers(sub, db, auth, js) -> None:
    """vouchers / opening-balances / accounts / assets / year."""
    vo = actions(sub, "vouchers", "记账凭证：录入、导入、列表、审核、作废、红冲")
    c = vo.add_parser("add", parents=[db, auth, js], help="录入记账凭证（分录或模板），待另一人审核")
    c.add_argument("--date", type=iso_date, required=True, metavar="日期", help="凭证日期 YYYY-MM-DD")
    c.add_argument("--memo", default="", metavar="摘要", help="摘要（模板凭证可不填，自动生成）")
    c.add_argument("--line", dest="lines", action="append", type=voucher_line, default=[],
                   metavar="科目:借方:贷方[:身份证号]", help="一行分录，金额以元为单位（可重复）")
    c.add_argument("--attachments", type=nonneg_int, metavar="N", help="附件张数（模板凭证默认1张）")
    c.add_argument("--template", choices=[t for t in B.TEMPLATES if t != "general"],
                   help="按模板生成凭证：" + "、".join(f"{k} {v}" for k, v in B.TEMPLATES.items() if k != "general"))
    g = c.add_argument_group("模板选项（金额以元为单位）")
    g.add_argument("--care", type=fen_arg, metavar="金额", help="salaries：护理人员工资")
    g.add_argument("--office", type=fen_arg, metavar="金额", help="salaries：管理人员工资")
    g.add_argument("--withheld", type=fen_arg, metavar="金额", help="salaries：代扣个人社保公积金")
    g.add_argument("--business", type=fen_arg, metavar="金额", help="purchase/utilities/repairs：业务活动成本部分")
    g.add_argument("--management", type=fen_arg, metavar="金额", help="purchase/utilities/repairs：管理费用部分")
    g.add_argument("--nature", choices=[n for n in B.NATURES if n != "固定资产折旧"],
                   help="purchase/utilities/repairs：费用类别（默认日常费用）")
    g.add_argument("--supplier", metavar="单位", help="purchase/utilities/repairs/asset：供应商")
    g.add_argument("--on-credit", action="store_true", help="purchase/utilities/repairs/asset：赊购（记应付账款）")
    g.add_argument("--donor", metavar="名称", help="donation：捐赠人")
    g.add_argument("--amount", type=fen_arg, metavar="金额", help="donation/subsidy/asset/release：金额")
    g.add_argument("--restricted", action="store_true", help="donation/subsidy：限定性")
    g.add_argument("--restriction", metavar="用途", help="donation：限定的用途或时间")
    g.add_argument("--kind", choices=list(B.SUBSIDY_KINDS), help="subsidy：补助类别")
    g.add_argument("--payer", metavar="单位", help="subsidy：拨款单位（默认政府）")
    g.add_argument("--document", metavar="文号", help="subsidy：拨款文件")
    g.add_argument("--name", metavar="名称", help="asset：资产名称（只录凭证；登记卡片请用 assets add --buy）")
    g.add_argument("--purpose", metavar="说明", help="release：限制如何解除")
    c.set_defaults(func=cmd_vouchers_add)
    c = vo.add_parser("import", parents=[db, auth, js], help="从XLSX导入凭证（全部通过检查才导入）")
    c.add_argument("file", metavar="文件", help="凭证导入表（见 vouchers template）")
    c.set_defaults(func=cmd_vouchers_import)
    c = vo.add_parser("template", help="生成空白的凭证导入表（XLSX，含示例）")
    c.add_argument("file", metavar="文件")
    c.set_defaults(func=cmd_vouchers_template)
    c = vo.add_parser("list", parents=[db, auth, js], help="列出凭证")
    when = c.add_mutually_exclusive_group()
    when.add_argument("--month", type=year_month, metavar="YYYY-MM")
    when.add_argument("--year", type=year_arg, metavar="YYYY")
    c.add_argument("--status", choices=(B.PENDING, B.REVIEWED, B.VOID))
    c.add_argument("--lines", action="store_true", help="同时列出分录")
    c.set_defaults(func=cmd_vouchers_list)
    c = vo.add_parser("review", parents=[db, auth, js], help="审核凭证（审核人不能是制单人）")
    c.add_argument("number", metavar="凭证号", help="凭证号（记-2025-03-0012）、凭证编号，或 all-pending（全部待审核）")
    c.add_argument("--month", type=year_month, metavar="YYYY-MM", help="all-pending 时只审核该月")
    c.set_defaults(func=cmd_vouchers_review)
    c = vo.add_parser("void", parents=[db, auth, js], help="作废待审核的凭证（凭证号保留）")
    c.add_argument("number", metavar="凭证号")
    c.add_argument("--reason", required=True, metavar="原因")
    c.set_defaults(func=cmd_vouchers_void)
    c = vo.add_parser("reverse", parents=[db, auth, js], help="红冲已审核的凭证（生成待审核的红冲凭证）")
    c.add_argument("number", metavar="凭证号")
    c.add_argument("--date", type=iso_date, required=True, metavar="日期", help="红冲凭证日期 YYYY-MM-DD")
    c.add_argument("--reason", required=True, metavar="原因")
    c.set_defaults(func=cmd_vouchers_reverse)

    c = sub.add_parser("opening-balances", parents=[db, auth, js], help="录入期初余额（启用年度1月1日，只能一次）")
    c.add_argument("--date", type=iso_date, required=True, metavar="日期", help="启用年度的1月1日")
    c.add_argument("--line", dest="lines", action="append", type=voucher_line, required=True,
                   metavar="科目:借方:贷方", help="一个科目的期初余额，金额以元为单位（可重复）")
    c.set_defaults(func=cmd_opening_balances)

    ac = actions(sub, "accounts", "会计科目：列表、新增明细科目")
    c = ac.add_parser("list", parents=[db, auth, js], help="会计科目表（含本机构的明细科目）")
    c.set_defaults(func=cmd_accounts_list)
    c = ac.add_parser("add", parents=[db, auth, js], help="在某科目下新增明细科目")
    c.add_argument("--parent", required=True, metavar="代码", help="上级科目代码")
    c.add_argument("--code", required=True, metavar="代码", help="明细科目代码（上级代码后加两位数字）")
    c.add_argument("--name", required=True, metavar="名称")
    c.set_defaults(func=cmd_accounts_add)

    asx = actions(sub, "assets", "固定资产：卡片列表、购置或登记、计提折旧")
    c = asx.add_parser("list", parents=[db, auth, js], help="固定资产卡片")
    c.set_defaults(func=cmd_assets_list)
    c = asx.add_parser("add", parents=[db, auth, js], help="购置固定资产（卡片及购置凭证）或登记已入账的资产")
    how = c.add_mutually_exclusive_group(required=True)
    how.add_argument("--buy", action="store_true", help="购置：同时录入购置凭证（待审核）")
    how.add_argument("--register", action="store_true", help="只登记卡片（期初已有或已手工记账的资产）")
    c.add_argument("--name", required=True, metavar="名称")
    c.add_argument("--category", required=True, choices=B.ASSET_CATEGORIES)
    c.add_argument("--cost", type=fen_arg, required=True, metavar="金额", help="原值（元）")
    c.add_argument("--in-use", type=iso_date, required=True, metavar="日期", help="启用日期 YYYY-MM-DD")
    c.add_argument("--life-months", type=bounded_int(1, 1200), required=True, metavar="N", help="使用年限（月）")
    c.add_argument("--salvage", type=fen_arg, default=0, metavar="金额", help="预计净残值（元，默认0）")
    c.add_argument("--department", choices=list(B.DEPARTMENTS), default="业务", help="使用部门（默认业务）")
    c.add_argument("--restricted-source", default="", metavar="说明", help="用限定性捐赠购置时：哪一笔")
    c.add_argument("--date", type=iso_date, metavar="日期", help="--buy：购置凭证日期（默认启用日期）")
    c.add_argument("--supplier", default="", metavar="单位", help="--buy：供应商")
    c.add_argument("--on-credit", action="store_true", help="--buy：赊购（记应付账款）")
    c.add_argument("--attachments", type=nonneg_int, default=1, metavar="N", help="--buy：附件张数（默认1）")
    c.set_defaults(func=cmd_assets_add)
    c = asx.add_parser("depreciate", parents=[db, auth, js], help="计提某月折旧（每月只计提一次）")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_assets_depreciate)

    ye = actions(sub, "year", "年末结转")
    c = ye.add_parser("close", parents=[db, auth, js], help="年末结转：收入、费用结转净资产，并结账12月")
    c.add_argument("--year", type=year_arg, required=True, metavar="YYYY")
    c.set_defaults(func=cmd_year_close)


# --- vouchers ---------------------------------------------------------------------------

def _lines(ctx, parsed: list[tuple[str, int, int, str]]) -> tuple[Line, ...]:
    """Lines with residents found by ID number."""
    ids = {}
    if any(idno for *_, idno in parsed):
        from ..services import residents as res_svc

        ids = {r.id_number.upper(): r.id for r in res_svc.list_residents(ctx)}
    out = []
    for code, debit, credit, idno in parsed:
        if idno and idno not in ids:
            raise CliError(f"身份证号“{idno}”不是本机构登记的住户")
        out.append(Line(code, debit, credit, ids.get(idno) if idno else None))
    return tuple(out)


def _template_voucher(a) -> B.VoucherInput:
    t = a.template
    wrong = sorted(o for o in ALL_OPTIONS - TEMPLATE_OPTIONS[t] if getattr(a, o) not in (None, False))
    if wrong:
        raise CliError("、".join(f"--{o.replace('_', '-')}" for o in wrong) + f"不适用于模板{t}（{B.TEMPLATES[t]}）", 2)
    if a.lines:
        raise CliError("--line 不能与 --template 同时使用", 2)
    att = 1 if a.attachments is None else a.attachments
    if t == "salaries":
        v = B.salaries(a.date, a.care or 0, a.office or 0, a.withheld or 0, attachments=att)
    elif t in EXPENSES:
        split = {d: f for d, f in (("业务", a.business), ("管理", a.management)) if f is not None}
        return B.expense(t, a.date, a.memo, split, a.on_credit, a.nature or "日常费用", att, a.supplier or "")
    elif t == "donation":
        v = B.donation(a.date, a.donor or "", a.amount or 0, a.restricted, a.restriction or "", att)
    elif t == "subsidy":
        v = B.subsidy(a.date, a.kind or "", a.amount or 0, a.payer or "", a.restricted, a.document or "", att)
    elif t == "asset":
        v = B.asset_purchase(a.date, a.name or "", a.amount or 0, a.supplier or "", a.on_credit, att)
    else:
        v = B.release(a.date, a.amount or 0, a.purpose or "", a.attachments or 0)
    return dataclasses.replace(v, memo=a.memo.strip()) if a.memo.strip() else v


def _voucher_json(v, lines: bool = True) -> dict:
    out = {"id": v.id, "number": v.number, "date": v.day, "memo": v.memo, "template": v.template,
           "template_name": v.template_name, "attachments": v.attachments, "status": v.status,
           "total_fen": v.total, "total": yuan(v.total), "created_by": v.created_by, "reviewed_by": v.reviewed_by,
           "entry_id": v.entry_id, "reverses": v.reverses_number, "reversed_by": v.reversed_by_number,
           "void_reason": v.void_reason, "details": v.details}
    if lines:
        out["lines"] = [{"account": x.account, "account_name": x.account_name, "debit_fen": x.debit,
                         "credit_fen": x.credit, "resident_id": x.resident_id, "resident_name": x.resident_name,
                         "memo": x.memo} for x in v.lines]
    return out


def cmd_vouchers_add(args) -> int:
    from ..services import books as books_svc

    if args.template:
        v = _template_voucher(args)
    else:
        wrong = sorted(o for o in ALL_OPTIONS if getattr(args, o) not in (None, False))
        if wrong:
            raise CliError("、".join(f"--{o.replace('_', '-')}" for o in wrong) + "只用于模板凭证：请同时指定 --template", 2)
        if not args.lines:
            raise CliError("请用 --line 录入分录，或用 --template 按模板生成凭证", 2)
        v = None
    ctx = logged_in(args)
    if v is None:
        v = B.VoucherInput(args.date, args.memo, _lines(ctx, args.lines), args.attachments or 0)
    ch = books_svc.add_voucher(ctx, v)
    return report(args, ch, **_voucher_json(books_svc.get_voucher(ctx, ch.ids[0])))


def cmd_vouchers_import(args) -> int:
    from ..domain.errors import RuleViolation
    from ..services import books as books_svc

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"文件不存在：{path}", 2)
    ctx = logged_in(args)
    try:
        ch = books_svc.import_vouchers(ctx, path.read_bytes())
    except RuleViolation as exc:
        if not args.json:
            raise
        echo_json({"ok": False, "problems": [p.message for p in exc.problems]})
        return 1
    return report(args, ch, ok=True)


def cmd_vouchers_template(args) -> int:
    from ..services import books as books_svc

    path = save_bytes(args.file, books_svc.import_template())
    echo(f"凭证导入表已保存到：{path}")
    return 0


def _span(args):
    if getattr(args, "month", None):
        return month_range(args.month)
    if getattr(args, "year", None):
        return year_range(args.year)
    return None, None


def cmd_vouchers_list(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    rows = books_svc.list_vouchers(ctx, *_span(args), status=args.status, with_lines=args.lines)
    if args.json:
        echo_json([_voucher_json(v, args.lines) for v in rows])
        return 0
    table = []
    for v in rows:
        note = v.void_reason or (f"红冲{v.reverses_number}" if v.reverses_number else "") or (
            f"已由{v.reversed_by_number}红冲" if v.reversed_by_number else "")
        table.append((v.number, f"{v.day:%Y-%m-%d}", v.memo, v.template_name, yuan(v.total), v.attachments, v.status,
                      v.created_by, v.reviewed_by, note))
        table += [("", "", f"  {x.account} {x.account_name}" + (f"（{x.resident_name}）" if x.resident_name else ""),
                   "", f"借 {yuan(x.debit)}" if x.debit else f"贷 {yuan(x.credit)}", "", "", "", "", "")
                  for x in v.lines]
    echo_table(("凭证号", "日期", "摘要", "模板", "金额", "附件", "状态", "制单", "审核", "备注"), table)
    pending = sum(1 for v in rows if v.status == B.PENDING)
    echo(f"共{len(rows)}张凭证，其中待审核{pending}张")
    return 0


def _find(ctx, ref: str):
    """A voucher by its number (记-2025-03-0012) or id."""
    from ..services import books as books_svc

    ref = ref.strip()
    if ref.isascii() and ref.isdigit():
        if len(ref) > 9:
            raise CliError(f"没有编号为{ref}的凭证")
        return books_svc.get_voucher(ctx, int(ref))
    m = NUMBER.fullmatch(ref)
    try:
        span = month_range(m[1]) if m else None
    except ValueError:
        span = None
    if span is None:
        raise CliError(f"凭证号“{ref}”格式应为 记-YYYY-MM-NNNN，或凭证编号", 2)
    for v in books_svc.list_vouchers(ctx, *span):
        if v.number == ref:
            return v
    raise CliError(f"凭证{ref}不存在")


def cmd_vouchers_review(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    if args.number != "all-pending":
        if args.month:
            raise CliError("--month 只用于 all-pending", 2)
        v = _find(ctx, args.number)
        return report(args, books_svc.review(ctx, [v.id]), reviewed=[v.number])
    span = month_range(args.month) if args.month else (None, None)
    pending = books_svc.list_vouchers(ctx, *span, status=B.PENDING)
    todo = [v for v in pending if v.created_by != ctx.actor.username]  # the author may not review
    own = len(pending) - len(todo)
    note = f"另有{own}张为本人制单，须由他人审核" if own else ""
    if not todo:
        ch = Changes.of(message="没有可审核的凭证" + (f"：{note}" if note else ""))
    else:
        ch = books_svc.review(ctx, [v.id for v in todo])
        ch = dataclasses.replace(ch, message=ch.message + (f"；{note}" if note else ""))
    return report(args, ch, reviewed=[v.number for v in todo], skipped_own=own)


def cmd_vouchers_void(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    v = _find(ctx, args.number)
    return report(args, books_svc.void(ctx, v.id, args.reason), number=v.number, status=B.VOID)


def cmd_vouchers_reverse(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    v = _find(ctx, args.number)
    ch = books_svc.reverse(ctx, v.id, args.date, args.reason)
    return report(args, ch, **_voucher_json(books_svc.get_voucher(ctx, ch.ids[0])))


def cmd_opening_balances(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    lines = _lines(ctx, args.lines)
    ch = books_svc.enter_opening_balances(ctx, args.date, lines)
    return report(args, ch, entry_id=ch.ids[0], date=args.date, debit_fen=sum(x.debit for x in lines),
                  credit_fen=sum(x.credit for x in lines))


# --- chart -------------------------------------------------------------------------------

def cmd_accounts_list(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    chart = list(books_svc.chart(ctx))
    if args.json:
        echo_json([{"code": a.code, "name": a.name, "kind": a.kind.value, "restricted": a.restricted,
                    "custom": a.custom} for a in chart])
        return 0
    echo_table(("代码", "名称", "类别", "限定性", "本机构设置"),
               [(a.code, a.name, a.kind.value, "是" if a.restricted else "", "是" if a.custom else "") for a in chart])
    echo(f"共{len(chart)}个科目，其中本机构设置{sum(1 for a in chart if a.custom)}个")
    return 0


def cmd_accounts_add(args) -> int:
    from ..services import books as books_svc

    ctx = logged_in(args)
    ch = books_svc.add_account(ctx, args.parent, args.code, args.name)
    return report(args, ch, code=args.code.strip(), name=books_svc.chart(ctx).name(args.code.strip()))


# --- fixed assets --------------------------------------------------------------------------

def cmd_assets_list(args) -> int:
    from ..services import assets as assets_svc

    ctx = logged_in(args)
    rows = assets_svc.list_assets(ctx)
    if args.json:
        echo_json([{"id": a.id, "number": a.number, "name": a.name, "category": a.category, "cost_fen": a.cost_fen,
                    "in_use": a.in_use, "life_months": a.life_months, "salvage_fen": a.salvage_fen,
                    "department": a.department, "voucher_number": a.voucher_number,
                    "depreciated_fen": a.depreciated_fen, "net_fen": a.net_fen, "monthly_fen": a.monthly_fen,
                    "last_period": a.last_period} for a in rows])
        return 0
    echo_table(("编号", "名称", "类别", "原值", "启用日期", "年限（月）", "残值", "部门", "累计折旧", "净值", "折旧至", "购置凭证"),
               [(a.number, a.name, a.category, yuan(a.cost_fen), f"{a.in_use:%Y-%m-%d}", a.life_months,
                 yuan(a.salvage_fen), a.department, yuan(a.depreciated_fen), yuan(a.net_fen), a.last_period,
                 a.voucher_number) for a in rows])
    echo(f"共{len(rows)}项固定资产，原值合计{yuan(sum(a.cost_fen for a in rows))}")
    return 0


def cmd_assets_add(args) -> int:
    from ..services import assets as assets_svc

    if args.register and (args.date or args.supplier or args.on_credit):
        raise CliError("--date、--supplier、--on-credit 只用于 --buy", 2)
    ctx = logged_in(args)
    a = assets_svc.AssetInput(args.name, args.category, args.cost, args.in_use, args.life_months, args.salvage,
                              args.department, args.restricted_source)
    if args.buy:
        ch = assets_svc.buy_asset(ctx, a, args.date or args.in_use, args.supplier, args.on_credit, args.attachments)
    else:
        ch = assets_svc.register_asset(ctx, a)
    card = next(x for x in assets_svc.list_assets(ctx) if x.id == ch.ids[0])
    return report(args, ch, id=card.id, number=card.number, voucher_number=card.voucher_number)


def cmd_assets_depreciate(args) -> int:
    from ..services import assets as assets_svc

    ctx = logged_in(args)
    before = sum(a.depreciated_fen for a in assets_svc.list_assets(ctx))
    ch = assets_svc.depreciate(ctx, args.month)
    total = sum(a.depreciated_fen for a in assets_svc.list_assets(ctx)) - before
    return report(args, ch, period=args.month, posted=bool(ch.ids), entry_id=ch.ids[0] if ch.ids else None,
                  total_fen=total)


def cmd_year_close(args) -> int:
    from ..services import year_end

    ctx = logged_in(args)
    ch = year_end.close_year(ctx, args.year)
    return report(args, ch, year=args.year, closed=True, entry_id=ch.ids[0] if ch.ids else None)
