"""The deposit escrow account (issue 6): refunds due, refund quotes, reconciliation, rates, ledger export."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .common import (CliError, echo, echo_json, echo_table, fen_arg, iso_date, log_in, open_app, out_path,
                     positive_int, year_month, yuan)


def add_parsers(sub, db, auth, js) -> None:
    """escrow due / refund-quote / reconcile / rates / interest-mode / export."""
    es = sub.add_parser("escrow", help="押金专户：待退还名单、退还试算、对账、活期利率").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = es.add_parser("due", parents=[db, auth, js], help="合同已终止、押金待退还的住户（剩余天数，逾期）")
    c.add_argument("--on", type=iso_date, metavar="日期", help="截至日期 YYYY-MM-DD（默认今天）")
    c.set_defaults(func=cmd_escrow_due)
    c = es.add_parser("refund-quote", parents=[db, auth, js], help="押金退还试算：存入、扣除、逐期利息、应退金额")
    c.add_argument("--resident", type=positive_int, required=True, metavar="编号", help="住户编号")
    c.add_argument("--on", type=iso_date, metavar="日期", help="退还日期 YYYY-MM-DD（默认今天；当天不计息）")
    c.set_defaults(func=cmd_escrow_quote)
    c = es.add_parser("reconcile", parents=[db, auth, js], help="押金专户月末对账：银行余额、账面余额、住户押金合计")
    c.add_argument("--month", type=year_month, required=True, metavar="YYYY-MM")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--bank-balance", type=fen_arg, metavar="金额", help="银行对账单月末余额（元）")
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
    c.add_argument("--xlsx", type=out_path, required=True, metavar="文件")
    c.add_argument("--from", dest="date_from", type=iso_date, metavar="日期", help="起始日期（默认本年1月1日）")
    c.add_argument("--to", dest="date_to", type=iso_date, metavar="日期", help="截止日期（默认今天）")
    c.add_argument("--resident", type=positive_int, metavar="编号", help="只导出该住户的押金台账")
    c.set_defaults(func=cmd_escrow_export)


def cmd_escrow_due(args) -> int:
    from ..services import escrow as escrow_svc

    app = open_app(args)
    ctx = log_in(app, args)
    on = args.on or ctx.today()
    rows = escrow_svc.refunds_due(ctx, on)
    if args.json:
        echo_json({"on": on, "count": len(rows), "overdue": sum(1 for r in rows if r.overdue),
               "total_fen": sum(r.balance_fen for r in rows), "rows": [{
                   "resident_id": r.resident_id, "name": r.resident_name, "contract_id": r.contract_id,
                   "contract_number": r.contract_number, "service_end": r.service_end, "due_date": r.due_date,
                   "days_left": r.days_left, "overdue": r.overdue, "balance_fen": r.balance_fen} for r in rows]})
        return 0
    echo_table(("编号", "住户", "合同", "服务终止日", "退还期限", "剩余天数", "押金余额"),
           [(r.resident_id, r.resident_name, r.contract_number, f"{r.service_end:%Y-%m-%d}", f"{r.due_date:%Y-%m-%d}",
             f"逾期{-r.days_left}天" if r.overdue else r.days_left, yuan(r.balance_fen)) for r in rows])
    echo(f"截至{on:%Y-%m-%d}：待退还{len(rows)}位，其中逾期{sum(1 for r in rows if r.overdue)}位")
    return 0


def cmd_escrow_quote(args) -> int:
    from ..domain.escrow_docs import PRODUCT_UNIT, yuan_days
    from ..domain.interest import MODES
    from ..services import escrow as escrow_svc

    app = open_app(args)
    ctx = log_in(app, args)
    on = args.on or ctx.today()
    q = escrow_svc.quote(ctx, args.resident, on)
    if args.json:
        echo_json({"resident_id": q.resident_id, "name": q.resident_name, "on": q.on, "mode": q.mode,
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
                                          "rate_percent": str(x.rate_percent), "product": x.product,
                                          "product_yuan_days": yuan_days(x.product)}
                                         for x in p.segments]} for p, done in zip(q.periods, q.posted)],
               "deposits_fen": q.deposits_fen, "deductions_fen": q.deductions_fen,
               "excess_refunded_fen": q.excess_refunded_fen, "interest_fen": q.interest_fen,
               "refund_fen": q.refund_fen, "refund_upper": q.refund_upper, "balance_fen": q.balance_fen,
               "units": {"product": "分·天", "product_yuan_days": PRODUCT_UNIT}})
        return 0
    echo(f"{q.resident_name}　押金退还试算（{on:%Y-%m-%d}，{MODES[q.mode]}）")
    echo_table(("计息期间", "天数", "余额", "年利率", f"积数（{PRODUCT_UNIT}）", "利息"),
           [(f"{x.start:%Y-%m-%d}至{x.end:%Y-%m-%d}", x.days, yuan(x.balance_fen), f"{x.rate_percent}%",
             yuan_days(x.product), "")
            for p in q.periods for x in p.segments]
           + [(f"{p.start:%Y-%m-%d}至{p.end:%Y-%m-%d}小计", "", "", "", "", yuan(p.interest_fen)) for p in q.periods])
    echo(f"存入{yuan(q.deposits_fen)}　扣除{yuan(q.deductions_fen)}　利息{yuan(q.interest_fen)}"
         f"　应退{yuan(q.refund_fen)}（{q.refund_upper}）")
    echo(f"积数单位：{PRODUCT_UNIT}（余额 × 天数）；利息 = 积数 × 年利率 ÷ 360")
    if q.due_date:
        echo(f"退还期限{q.due_date:%Y-%m-%d}：" + (f"已逾期{-q.days_left}天" if q.overdue else f"剩余{q.days_left}天"))
    return 0


def cmd_escrow_reconcile(args) -> int:
    from ..services import escrow as escrow_svc

    app = open_app(args)
    ctx = log_in(app, args)
    source, lines = "手工录入", 0
    if args.statement:
        st = escrow_svc.import_bank_statement(ctx, Path(args.statement))
        bank, source, lines = st.last_balance_fen, f"银行对账单导入：{st.source}", len(st.rows)
    else:
        bank = args.bank_balance
    r = escrow_svc.reconcile(ctx, args.month, bank, source=source, note=args.note, lines=lines)
    if args.json:
        echo_json({"id": r.id, "period": r.period, "as_of": r.as_of, "bank_balance_fen": r.bank_balance_fen,
               "book_balance_fen": r.book_balance_fen, "residents_total_fen": r.residents_total_fen,
               "difference_fen": r.difference_fen, "residents_difference_fen": r.residents_difference_fen,
               "agreed": r.agreed, "source": r.source, "lines": r.lines,
               "residents": [{"resident_id": i, "name": n, "contract_number": c, "balance_fen": b}
                             for i, n, c, b in r.residents]})
        return 0 if r.agreed else 1  # a finding exits non-zero, with --json too
    echo(f"{r.period}押金专户对账（{r.as_of:%Y-%m-%d}）：银行{yuan(r.bank_balance_fen)}　账面{yuan(r.book_balance_fen)}"
         f"　住户押金合计{yuan(r.residents_total_fen)}")
    echo("三方相符" if r.agreed else
         f"不符！银行−账面 {yuan(r.difference_fen)}，账面−住户合计 {yuan(r.residents_difference_fen)}")
    return 0 if r.agreed else 1


def cmd_escrow_rates(args) -> int:
    from ..services import escrow as escrow_svc

    app = open_app(args)
    ctx = log_in(app, args)
    rows = escrow_svc.list_rates(ctx)
    if args.json:
        echo_json([{"id": r.id, "effective_date": r.effective_date, "annual_percent": str(r.annual_percent),
                "note": r.note} for r in rows])
        return 0
    echo_table(("生效日期", "年利率", "说明"), [(f"{r.effective_date:%Y-%m-%d}", f"{r.annual_percent}%", r.note) for r in rows])
    return 0


def cmd_escrow_interest_mode(args) -> int:
    from ..domain.interest import MODES
    from ..services import escrow as escrow_svc

    app = open_app(args)
    ctx = log_in(app, args)
    if args.mode:
        escrow_svc.set_interest_mode(ctx, args.mode)
    mode = escrow_svc.interest_mode(ctx)
    if args.json:
        echo_json({"mode": mode, "name": MODES[mode]})
        return 0
    echo(f"押金计息方式：{MODES[mode]}")
    return 0


def cmd_escrow_export(args) -> int:
    from ..services import escrow_documents

    app = open_app(args)
    ctx = log_in(app, args)
    today = ctx.today()
    date_from, date_to = args.date_from or dt.date(today.year, 1, 1), args.date_to or today
    if date_to < date_from:
        raise CliError("截止日期早于起始日期", 2)
    out = escrow_documents.ledger_xlsx(ctx, Path(args.xlsx), date_from, date_to, args.resident)
    if args.json:
        echo_json({"file": str(out.path), "rows": out.rows, "sha256": out.sha256})
        return 0
    echo(f"已导出押金台账{out.rows}行到：{out.path}")
    return 0
