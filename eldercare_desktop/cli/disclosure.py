"""The year's reports and the annual disclosure (年度财务收支情况公开): the three
statements with their checks, the year's trial balance, the package, its
reminder, the submission record and the work report."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from .common import (CliError, actions, echo, echo_err, echo_json, echo_table, iso_date, logged_in, nonneg_int,
                     out_path, progress_line, report, year_arg, yuan)

STATEMENT_CODES = {"01": "会民非01表", "02": "会民非02表", "03": "会民非03表"}


def add_parsers(sub, db, auth, js) -> None:
    """reports statements / trial-balance; disclosure [status / submitted / report]."""
    rp = actions(sub, "reports", "年度报表：会计报表（含校验）、科目余额表")
    c = rp.add_parser("statements", parents=[db, auth, js], help="资产负债表、业务活动表、现金流量表及表间校验")
    c.add_argument("--year", type=year_arg, required=True, metavar="YYYY")
    c.add_argument("--statement", choices=tuple(STATEMENT_CODES),
                   help="只列出一张表：01资产负债表、02业务活动表、03现金流量表")
    c.set_defaults(func=cmd_reports_statements)
    c = rp.add_parser("trial-balance", parents=[db, auth, js], help="全年科目余额表（含明细科目）")
    c.add_argument("--year", type=year_arg, required=True, metavar="YYYY")
    c.set_defaults(func=cmd_reports_trial_balance)

    d = sub.add_parser("disclosure", parents=[db, auth, js],
                       help="年度财务收支情况公开：生成材料（PDF/XLSX/公示版）；status 提醒、submitted 报送登记、report 工作报告")
    d.add_argument("--year", type=year_arg, metavar="YYYY", help="公开的年度")
    d.add_argument("--pdf", type=out_path, metavar="文件", help="打印全套公开材料到该PDF文件")
    d.add_argument("--xlsx", type=out_path, metavar="文件", help="导出全套公开材料到该XLSX文件")
    d.add_argument("--notice", type=out_path, metavar="文件", help="打印一页公示版（PDF，张贴于前台）")
    d.set_defaults(func=cmd_disclosure)
    ds = d.add_subparsers(dest="action", title="操作", metavar="操作")
    c = ds.add_parser("status", parents=[db, auth, js], help="上一年度公开材料的报送期限和是否已报送")
    c.set_defaults(func=cmd_disclosure_status)
    c = ds.add_parser("submitted", parents=[db, auth, js], help="登记公开材料已报送民政、价格部门")
    c.add_argument("--year", type=year_arg, required=True, metavar="YYYY")
    c.add_argument("--date", type=iso_date, required=True, metavar="日期", help="报送日期 YYYY-MM-DD")
    c.add_argument("--to", required=True, metavar="单位", help="报送单位，如：区民政局、区发展改革委（物价）")
    c.set_defaults(func=cmd_disclosure_submitted)
    c = ds.add_parser("report", parents=[db, auth, js], help="保存年度工作报告和职工人数（印在公开材料中）")
    c.add_argument("--year", type=year_arg, required=True, metavar="YYYY")
    c.add_argument("--text-file", required=True, metavar="文件", help="工作报告正文（UTF-8文本，空行分段）")
    c.add_argument("--staff", type=nonneg_int, required=True, metavar="N", help="职工人数")
    c.add_argument("--accounting-head", metavar="姓名", help="会计机构负责人（印在报表签字栏）")
    c.set_defaults(func=cmd_disclosure_report)


# --- statements as data and as text --------------------------------------------------

def statement_json(st) -> dict:
    out = {"code": st.code, "title": st.title, "year": st.year, "format": st.format, "format_note": st.format_note,
           "columns": list(st.columns), "notes": list(st.notes),
           "lines": [{"row": x.row, "label": x.label, "values": list(x.values),
                      "yuan": [None if v is None else yuan(v) for v in x.values], "heading": x.heading,
                      "total": x.total, "grand": x.grand, "detail": x.detail} for x in st.lines]}
    if st.code == STATEMENT_CODES["03"]:
        out["unclassified"] = [{"entry_id": m.entry_id, "date": m.day, "account": m.account, "amount_fen": m.amount,
                                "memo": m.memo} for m in st.unclassified]
    return out


def checks_json(sset) -> list[dict]:
    return [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in sset.checks]


def _statements(sset, which: str | None = None) -> list:
    all3 = [sset.balance, sset.activity, sset.cash_flow]
    return [s for s in all3 if which is None or s.code == STATEMENT_CODES[which]]


def _echo_statement(st) -> None:
    echo(f"{st.code} {st.title}（{st.year}年度，金额单位：元）")
    if st.format_note:
        echo(st.format_note)
    echo_table(("行次", "项目", *st.columns),
               [("" if x.row is None else x.row, x.label, *("" if v is None else yuan(v) for v in x.values))
                for x in st.lines])
    echo()


def _echo_checks(sset) -> None:
    echo("表间校验：")
    for c in sset.checks:
        echo(f"  {'✔' if c.ok else '✘'} {c.name}：{c.detail}")


def _refuse(sset, what: str) -> int:
    """Exit 1 with the failed checks' reasons, in Chinese, on stderr."""
    if sset.ok:
        return 0
    echo_err(f"{sset.year}年度财务报表未通过校验，{what}：")
    for p in sset.problems():
        echo_err(f"  {p}")
    return 1


def cmd_reports_statements(args) -> int:
    from ..services import reports

    ctx = logged_in(args)
    sset = reports.statements(ctx, args.year)
    chosen = _statements(sset, args.statement)
    if args.json:
        echo_json({"year": sset.year, "ok": sset.ok, "statements": [statement_json(s) for s in chosen],
                   "checks": checks_json(sset)})
    else:
        for st in chosen:
            _echo_statement(st)
        _echo_checks(sset)
    return _refuse(sset, "请先查明原因")


def cmd_reports_trial_balance(args) -> int:
    from ..services import reports

    ctx = logged_in(args)
    tb = reports.trial_balance_year(ctx, args.year)
    fields = ("opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit")
    rows = tb.rows + (tb.totals(),)
    if args.json:
        echo_json({"year": tb.year, "from": tb.date_from, "to": tb.date_to, "balanced": tb.balanced,
                   "rows": [{"account": r.account, "name": r.name, "level": r.level,
                             **{f"{f}_fen": getattr(r, f) for f in fields}} for r in tb.rows],
                   "totals": {f"{f}_fen": getattr(rows[-1], f) for f in fields}})
        return 0 if tb.balanced else 1
    echo_table(("科目编码", "科目名称", "年初借方", "年初贷方", "本年借方", "本年贷方", "年末借方", "年末贷方"),
               [(r.account, r.name if r.level == 1 else f"  {r.name}", *(yuan(getattr(r, f)) for f in fields))
                for r in rows])
    echo(f"{tb.year}年度科目余额表：" + ("借贷平衡" if tb.balanced else "借贷不平衡！"))
    return 0 if tb.balanced else 1


# --- the disclosure package -----------------------------------------------------------

def disclosure_json(doc) -> dict:
    """Every figure of the package: the statements line by line with 行次,
    the checks, and the escrow, occupancy, subsidy and fee sections."""
    return {
        "year": doc.year, "ok": doc.statements.ok, "due_date": doc.due_date, "prepared_on": doc.prepared_on,
        "prepared_by": doc.prepared_by, "year_closed": doc.year_closed, "submitted_on": doc.submitted_on,
        "centre": asdict(doc.centre),
        "statements": [statement_json(s) for s in _statements(doc.statements)],
        "checks": checks_json(doc.statements),
        "fees": [asdict(f) for f in doc.fees],
        "price_changes": [asdict(c) for c in doc.price_changes], "price_change_count": doc.price_change_count,
        "escrow": asdict(doc.escrow),
        "subsidies": [asdict(x) for x in doc.subsidies], "subsidies_total_fen": doc.subsidies_total,
        "occupancy": asdict(doc.occupancy),
        "prepaid_fen": doc.prepaid_fen, "net_fixed_assets_fen": doc.net_fixed_assets_fen,
        "work_report": doc.work_report,
    }


def _write(ctx, args) -> list:
    from ..services import disclosure as disc

    out = []
    if args.pdf or args.xlsx:
        progress, done = progress_line(not args.json)
        try:
            out += disc.write_package(ctx, args.year, args.pdf, args.xlsx, progress=progress)
        except ModuleNotFoundError as exc:
            if not (exc.name or "").endswith(("disclosure_pdf", "disclosure_xlsx")):
                raise
            raise CliError(f"本版本尚未包含年度公开材料的生成模块（{exc.name}），不能输出PDF/XLSX") from None
        finally:
            done()
    if args.notice:
        out.append(disc.write_notice(ctx, args.year, args.notice))
    return out


def cmd_disclosure(args) -> int:
    from ..services import disclosure as disc

    if args.year is None:
        raise CliError("请用 --year 指定公开的年度（或用 disclosure status / submitted / report）", 2)
    ctx = logged_in(args)
    doc = disc.gather(ctx, args.year, check=False)
    files = _write(ctx, args) if doc.statements.ok and (args.pdf or args.xlsx or args.notice) else []
    if args.json:
        echo_json({**disclosure_json(doc), "files": [{"file": str(w.path), "sha256": w.sha256} for w in files]})
    else:
        from ..documents import disclosure_facts as F

        echo(f"{doc.centre.name} {doc.year}年度财务收支情况（报送期限{doc.due_date:%Y-%m-%d}）")
        echo_table(("项目", "金额 / 情况"), [(("　" if indented else "") + label, yuan(v) if isinstance(v, int) else v)
                                          for label, v, indented in F.notice_rows(doc)])
        _echo_checks(doc.statements)
        for w in files:
            echo(f"已保存：{w.path}（SHA-256：{w.sha256}）")
    return _refuse(doc.statements, "不能生成年度公开材料")


def cmd_disclosure_status(args) -> int:
    from ..services import disclosure as disc

    ctx = logged_in(args)
    st = disc.status(ctx)
    text = st.text() if st else "上一年度没有账目，无需报送年度财务收支情况"
    if args.json:
        echo_json({"year": st.year, "due_date": st.due_date, "days_left": st.days_left, "pending": st.pending,
                   "overdue": st.overdue, "submitted_on": st.submitted_on, "submitted_to": st.submitted_to,
                   "text": text} if st else {"year": None, "pending": False, "overdue": False, "text": text})
        return 0
    echo(text)
    return 0


def cmd_disclosure_submitted(args) -> int:
    from ..services import disclosure as disc

    ctx = logged_in(args)
    ch = disc.mark_submitted(ctx, args.year, args.date, args.to)
    return report(args, ch, year=args.year, submitted_on=args.date, submitted_to=args.to.strip())


def cmd_disclosure_report(args) -> int:
    from ..services import disclosure as disc

    path = Path(args.text_file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise CliError(f"无法读取工作报告文件（应为UTF-8文本）：{path}", 2) from None
    ctx = logged_in(args)
    ch = disc.save_report(ctx, args.year, text, args.staff, args.accounting_head)
    return report(args, ch, year=args.year, staff_count=args.staff, characters=len(text.strip()))
