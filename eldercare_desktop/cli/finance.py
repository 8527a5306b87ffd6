"""Finance: exports, fees, ledger, payments, billing and statements (issue 5)."""
from __future__ import annotations

from pathlib import Path

from .common import (echo, echo_json, echo_table, iso_date, log_in, open_app, out_path, positive_int,
                     progress_line, span_args, year_month, yuan)


def add_parsers(sub, db, auth, js) -> None:
    """export / fees / ledger / payments / billing / statements."""
    ex = sub.add_parser("export", help="财务导出（XLSX）：序时账、收款日记账、账龄分析、计费汇总表").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    for name, what, span in (("journal", "序时账（全部分录）", "range"), ("receipts", "收款日记账（含作废收据）", "range"),
                             ("ageing", "应收账款账龄分析", "on"), ("register", "月度计费汇总表", "month")):
        c = ex.add_parser(name, parents=[db, auth, js], help=f"导出{what}")
        c.add_argument("--xlsx", type=out_path, required=True, metavar="文件", help="导出到该XLSX文件")
        if span == "range":
            c.add_argument("--from", dest="date_from", type=iso_date, metavar="日期", help="起始日期 YYYY-MM-DD")
            c.add_argument("--to", dest="date_to", type=iso_date, metavar="日期", help="截止日期 YYYY-MM-DD（含当天）")
            c.add_argument("--month", type=year_month, metavar="YYYY-MM", help="整月（代替 --from/--to）")
        elif span == "on":
            c.add_argument("--on", type=iso_date, metavar="日期", help="截至日期 YYYY-MM-DD（默认今天）")
        else:
            c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM", help="计费月份")
        c.set_defaults(func=cmd_export, what=name)

    fe = sub.add_parser("fees", help="收费标准：收费公示、调价告知书").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = fe.add_parser("schedule", parents=[db, auth, js], help="某日执行的收费标准（收费公示）")
    c.add_argument("--on", type=iso_date, metavar="日期", help="公示日期 YYYY-MM-DD（默认今天）")
    c.add_argument("--pdf", type=out_path, metavar="文件", help="同时打印收费公示到该PDF文件")
    c.set_defaults(func=cmd_fees_schedule)
    c = fe.add_parser("notices", parents=[db, auth, js], help="打印一次调价的告知书（每位受影响的住户一份）")
    c.add_argument("--price-id", type=positive_int, required=True, metavar="编号", help="调价记录（价格）编号")
    c.add_argument("--pdf", type=out_path, required=True, metavar="文件", help="输出PDF文件")
    c.set_defaults(func=cmd_fees_notices)
    c = fe.add_parser("apply", parents=[db, auth, js], help="调价生效：受影响的合同自生效日起按新价格变更")
    c.add_argument("--price-id", type=positive_int, required=True, metavar="编号", help="调价记录（价格）编号")
    c.set_defaults(func=cmd_fees_apply)

    le = sub.add_parser("ledger", help="总账：科目余额表、结账").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = le.add_parser("trial-balance", parents=[db, auth, js], help="某月的科目余额表")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_trial_balance)
    c = le.add_parser("close", parents=[db, auth, js], help="结账：该月不再接受记账")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_close)

    pa = sub.add_parser("payments", help="收款：账龄分析").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = pa.add_parser("ageing", parents=[db, auth, js], help="应收账款账龄分析（欠费名单）")
    c.add_argument("--on", type=iso_date, metavar="日期", help="截至日期 YYYY-MM-DD（默认今天）")
    c.set_defaults(func=cmd_ageing)

    bi = sub.add_parser("billing", help="月度计费：计费、结账").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = bi.add_parser("run", parents=[db, auth, js], help="对全部在约合同计费（可重复运行，只补差额）")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_billing_run)
    c = bi.add_parser("mode", parents=[db, auth, js], help="计费方式：advance 按月预收（默认）或 after 按月后付")
    c.add_argument("--set", dest="mode", choices=("advance", "after"), help="改为该方式（从下一次计费起）")
    c.set_defaults(func=cmd_billing_mode)
    c = bi.add_parser("close", parents=[db, auth, js], help="结账（同 ledger close）")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    c.set_defaults(func=cmd_close)

    c = sub.add_parser("statements", parents=[db, auth, js], help="打印月度费用清单（全部住户或一位住户）")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    c.add_argument("--pdf", type=out_path, required=True, metavar="文件", help="输出PDF文件")
    c.add_argument("--resident", type=positive_int, metavar="编号", help="只打印该住户的费用清单")
    c.set_defaults(func=cmd_statements)


_EXPORT_NAMES = {"journal": "序时账", "receipts": "收款日记账", "ageing": "账龄分析", "register": "计费汇总表"}


def cmd_export(args) -> int:
    from ..services import exports

    what = args.what
    span = span_args(args) if what in ("journal", "receipts") else None
    app = open_app(args)
    ctx = log_in(app, args)
    if what == "journal":
        progress, done = progress_line(not args.json)
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
        echo_json(result.as_dict())
        return 0
    echo(f"已导出{_EXPORT_NAMES[what]}{result.rows}行到：{result.path}")
    t = result.totals
    if what == "journal":
        echo(f"借方合计 {yuan(t['debit_fen'])}　贷方合计 {yuan(t['credit_fen'])}")
    elif what == "receipts":
        echo(f"收款合计（不含作废）{yuan(t['amount_fen'])}　作废{t['voided_count']}张 {yuan(t['voided_fen'])}")
    elif what == "ageing":
        echo(f"欠费合计 {yuan(t['total_fen'])}（应收账款余额 {yuan(t['receivable_fen'])}）")
    else:
        echo(f"计费合计 {yuan(t['total_fen'])}")
    echo(f"SHA-256：{result.sha256}")
    return 0


def cmd_fees_schedule(args) -> int:
    from ..services import exports
    from ..services import fees as fees_svc

    app = open_app(args)
    ctx = log_in(app, args)
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
        echo_json(data)
        return 0
    echo_table(("编码", "类别", "项目", "单位", "收费标准", "执行日期", "已公告的调整"),
           [(r.code, r.kind_name, r.name, f"元/{r.unit}", yuan(r.price_fen) if r.price_fen is not None else "未定价",
             f"{r.since:%Y-%m-%d}" if r.since else "",
             f"{r.next_effective:%Y-%m-%d}起 {yuan(r.next_price_fen)}" if r.next_price_fen is not None else "")
            for r in rows])
    echo(f"{on:%Y-%m-%d}执行的收费项目共{len(rows)}项")
    if written:
        echo(f"收费公示已打印到：{written.path}")
    return 0


def cmd_fees_notices(args) -> int:
    from ..services import exports

    app = open_app(args)
    ctx = log_in(app, args)
    result = exports.price_notices_pdf(ctx, Path(args.pdf), args.price_id)
    if args.json:
        echo_json(result.as_dict())
        return 0
    echo(f"已打印{result.rows}份调价告知书到：{result.path}")
    return 0


def cmd_fees_apply(args) -> int:
    from ..services import contracts as contracts_svc

    app = open_app(args)
    ctx = log_in(app, args)
    ch = contracts_svc.apply_price_change(ctx, args.price_id)
    if args.json:
        echo_json({"contracts": list(ch.ids), "message": ch.message})
        return 0
    echo(ch.message)
    return 0


def cmd_trial_balance(args) -> int:
    from ..services import ledger as ledger_svc

    app = open_app(args)
    ctx = log_in(app, args)
    tb = ledger_svc.trial_balance(ctx, args.month)
    t = tb.totals()
    fields = ("opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit")
    if args.json:
        echo_json({"period": tb.period, "balanced": tb.balanced, "closed": ledger_svc.is_closed(ctx, tb.period),
               "rows": [{"account": r.account, "name": r.name, **{f"{f}_fen": getattr(r, f) for f in fields}}
                        for r in tb.rows],
               "totals": {f"{f}_fen": getattr(t, f) for f in fields}})
        return 0 if tb.balanced else 1  # a finding exits non-zero, with --json too
    echo_table(("科目编码", "科目名称", "期初借方", "期初贷方", "本期借方", "本期贷方", "期末借方", "期末贷方"),
           [(r.account, r.name, *(yuan(getattr(r, f)) for f in fields)) for r in tb.rows + (t,)])
    echo(f"{tb.period}科目余额表：" + ("借贷平衡" if tb.balanced else "借贷不平衡！"))
    return 0 if tb.balanced else 1


def cmd_close(args) -> int:
    from ..services import ledger as ledger_svc

    app = open_app(args)
    ctx = log_in(app, args)
    ch = ledger_svc.close_period(ctx, args.month)
    if args.json:
        echo_json({"period": args.month, "closed": True, "message": ch.message})
        return 0
    echo(ch.message)
    return 0


def cmd_ageing(args) -> int:
    from ..services import payments as payments_svc

    app = open_app(args)
    ctx = log_in(app, args)
    rep = payments_svc.ageing(ctx, args.on or ctx.today())
    names = rep.bucket_names
    if args.json:
        echo_json({"on": rep.on, "buckets": list(names), "rows": [{
            "resident_id": r.resident_id, "name": r.resident_name, "buckets_fen": dict(zip(names, r.buckets)),
            "credit_fen": r.credit_fen, "total_fen": r.total_fen, "oldest": r.oldest} for r in rep.rows],
            "totals": {"buckets_fen": dict(zip(names, rep.totals)), "credit_fen": rep.credit_fen,
                       "total_fen": rep.total_fen, "receivable_fen": rep.receivable_fen}})
        return 0
    echo_table(("编号", "住户", *names, "多收", "合计", "最早欠费"),
           [(r.resident_id, r.resident_name, *(yuan(b) for b in r.buckets), yuan(r.credit_fen), yuan(r.total_fen),
             f"{r.oldest:%Y-%m-%d}" if r.oldest else "") for r in rep.rows]
           + [("", "合计", *(yuan(b) for b in rep.totals), yuan(rep.credit_fen), yuan(rep.total_fen), "")])
    echo(f"截至{rep.on:%Y-%m-%d}：欠费{len(rep.rows)}位，合计{yuan(rep.total_fen)}（应收账款余额{yuan(rep.receivable_fen)}）")
    return 0


def cmd_billing_mode(args) -> int:
    from ..domain.billing import MODES
    from ..services import billing as billing_svc

    ctx = log_in(open_app(args), args)
    message = billing_svc.set_mode(ctx, args.mode).message if args.mode else ""
    mode = billing_svc.current_mode(ctx)
    if args.json:
        echo_json({"mode": mode, "label": MODES[mode], **({"message": message} if message else {})})
    else:
        echo(message or f"计费方式：{MODES[mode]}")
    return 0


def cmd_billing_run(args) -> int:
    from ..services import billing as billing_svc

    app = open_app(args)
    ctx = log_in(app, args)
    progress, done = progress_line(True)
    try:
        r = billing_svc.run_billing(ctx, args.month, progress=progress)
    finally:
        done()
    if args.json:
        echo_json({"period": r.period, "run_id": r.run_id, "contracts": r.contracts,
               "contracts_changed": r.contracts_changed, "lines": r.lines, "entries": r.entries,
               "total_fen": r.total_fen, "prepaid_applied_fen": r.prepaid_applied_fen, "rule": r.rule})
        return 0
    echo(r.message)
    if r.prepaid_applied_fen:
        echo(f"预收款抵扣：{yuan(r.prepaid_applied_fen)}")
    return 0


def cmd_statements(args) -> int:
    from ..services import statements as st_svc

    app = open_app(args)
    ctx = log_in(app, args)
    if args.resident:
        w = st_svc.statement_pdf(ctx, args.resident, args.month, Path(args.pdf))
    else:
        progress, done = progress_line(not args.json)
        try:
            w = st_svc.statements_pdf(ctx, args.month, Path(args.pdf), progress=progress)
        finally:
            done()
    if args.json:
        echo_json({"file": str(w.path), "statements": w.rows, "sha256": w.sha256, "period": args.month})
        return 0
    echo(f"已打印{w.rows}份{args.month}费用清单到：{w.path}")
    return 0
