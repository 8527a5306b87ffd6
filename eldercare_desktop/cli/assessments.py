"""Ability assessments: due list, list and export."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..services import assessments as asm_svc
from .common import CliError, echo, echo_json, echo_table, iso_date, log_in, open_app, out_path, positive_int


def add_parsers(sub, db, auth, js) -> None:
    """assessments due / export / list."""
    asm = sub.add_parser("assessments", help="能力评估：待评估名单、导出").add_subparsers(
        dest="action", title="操作", metavar="操作", required=True)
    c = asm.add_parser("due", parents=[db, auth, js], help="即将到期（30天内）和已逾期的评估")
    c.add_argument("--all", action="store_true", help="也列出未到期的在住老人")
    c.set_defaults(func=cmd_assessments_due)
    c = asm.add_parser("export", parents=[db, auth, js], help="导出一段时间内的评估记录（XLSX）")
    c.add_argument("--xlsx", type=out_path, required=True, metavar="文件")
    c.add_argument("--from", dest="date_from", type=iso_date, required=True, metavar="日期", help="起始日期 YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", type=iso_date, required=True, metavar="日期", help="截止日期 YYYY-MM-DD（含当天）")
    c.set_defaults(func=cmd_assessments_export)
    c = asm.add_parser("list", parents=[db, auth, js], help="列出一段时间内（或某位住户）的评估")
    c.add_argument("--from", dest="date_from", type=iso_date, metavar="日期")
    c.add_argument("--to", dest="date_to", type=iso_date, metavar="日期")
    c.add_argument("--resident", type=positive_int, metavar="编号", help="住户编号：列出其全部评估")
    c.set_defaults(func=cmd_assessments_list)


def cmd_assessments_due(args) -> int:
    app = open_app(args)
    ctx = log_in(app, args)
    rows = asm_svc.due_list(ctx, include_not_due=args.all)
    if args.json:
        echo_json([{
            "resident_id": r.resident_id, "name": r.resident_name, "bed": r.bed_code, "status": r.status,
            "last_number": r.last_number, "last_base_date": r.last_base_date, "last_grade": r.last_grade,
            "care_level": r.care_level, "due_date": r.due_date, "days_left": r.days_left, "state": r.state,
            "reason": r.reason,
        } for r in rows])
        return 0
    echo_table(("编号", "姓名", "床位", "上次评估", "上次等级", "照护等级", "应评估日期", "剩余天数", "状态", "原因"),
           [(r.resident_id, r.resident_name, r.bed_code, f"{r.last_base_date:%Y-%m-%d}" if r.last_base_date else "",
             r.last_grade, r.care_level, f"{r.due_date:%Y-%m-%d}",
             f"逾期{-r.days_left}天" if r.days_left < 0 else f"{r.days_left}天", r.state or "未到期", r.reason)
            for r in rows])
    overdue = sum(1 for r in rows if r.days_left < 0)
    echo(f"共{len(rows)}位，其中已逾期{overdue}位")
    return 0


def _summary_json(a) -> dict:
    return {"id": a.id, "number": a.number, "resident_id": a.resident_id, "name": a.resident_name,
            "instrument": a.instrument_code, "base_date": a.base_date, "reason": a.reason, "total": a.total,
            "preliminary_grade": a.preliminary_grade, "final_grade": a.final_grade, "grade_name": a.grade_name,
            "care_level": a.care_level, "assessors": list(a.assessors), "supersedes_id": a.supersedes_id,
            "superseded_by_id": a.superseded_by_id}


def cmd_assessments_list(args) -> int:
    app = open_app(args)
    ctx = log_in(app, args)
    if args.resident:
        rows = asm_svc.history(ctx, args.resident)
    else:
        today = ctx.today()
        rows = asm_svc.list_assessments(ctx, args.date_from or dt.date(today.year, 1, 1), args.date_to or today)
    if args.json:
        echo_json([_summary_json(a) for a in rows])
        return 0
    echo_table(("评估编号", "日期", "住户", "原因", "总分", "最终等级", "照护等级", "评估员", "备注"),
           [(a.number, f"{a.base_date:%Y-%m-%d}", a.resident_name, a.reason, a.total, a.grade_name, a.care_level,
             "、".join(a.assessors), "已被更正" if a.superseded_by_id else ("更正" if a.supersedes_id else ""))
            for a in rows])
    echo(f"共{len(rows)}份评估")
    return 0


def cmd_assessments_export(args) -> int:
    if args.date_to < args.date_from:
        raise CliError("截止日期早于起始日期", 2)
    app = open_app(args)
    ctx = log_in(app, args)
    result = asm_svc.export_xlsx(ctx, Path(args.xlsx), args.date_from, args.date_to)
    if args.json:
        echo_json({"file": str(result.path), "rows": result.rows, "sha256": result.sha256})
        return 0
    echo(f"已导出{result.rows}份评估到：{result.path}")
    return 0
