"""The care-worker register (养老护理员花名册): list, XLSX import and its
template, expiring contracts and certificates, the register as XLSX."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..domain.errors import RuleViolation
from .common import CliError, actions, bounded_int, echo, save_bytes, echo_json, echo_table, logged_in


def add_parsers(sub, db, auth, js) -> None:
    """staff list / import / template / expiring / export."""
    st = actions(sub, "staff", "养老护理员花名册：列表、导入、导入模板、到期提醒、导出")
    c = st.add_parser("list", parents=[db, auth, js], help="在职护理员（--all 含已离职）")
    c.add_argument("--all", action="store_true", help="包括已离职的护理员")
    c.set_defaults(func=cmd_list)
    c = st.add_parser("import", parents=[db, auth, js], help="从XLSX导入护理员（按身份证号匹配，全部通过检查才导入）")
    c.add_argument("file", metavar="FILE.xlsx")
    c.set_defaults(func=cmd_import)
    c = st.add_parser("template", parents=[js], help="保存护理员导入模板（XLSX）")
    c.add_argument("file", metavar="FILE.xlsx")
    c.set_defaults(func=cmd_template)
    c = st.add_parser("expiring", parents=[db, auth, js], help="即将到期（或已到期）的劳动合同和资格证书")
    c.add_argument("--days", type=bounded_int(0, 36500), default=None, metavar="N", help="提前天数（默认60天）")
    c.set_defaults(func=cmd_expiring)
    c = st.add_parser("export", parents=[db, auth, js], help="导出护理员花名册（XLSX，含全部列）")
    c.add_argument("file", metavar="FILE.xlsx")
    c.add_argument("--all", action="store_true", help="包括已离职的护理员")
    c.set_defaults(func=cmd_export)


def _date(d) -> str:
    return f"{d:%Y-%m-%d}" if d else ""


def cmd_list(args) -> int:
    from ..services import care_workers

    ctx = logged_in(args)
    rows = care_workers.workers(ctx, include_left=args.all)
    if args.json:
        echo_json({"workers": [dataclasses.asdict(w) for w in rows]})
        return 0
    if not rows:
        echo("没有登记护理员")
        return 0
    echo_table(("姓名", "性别", "年龄", "身份证号", "护理年限", "资格证书", "劳动合同", "近6月社保", "培训", "离职"),
               [(w.name, w.gender, w.age, w.id_number, w.care_years, w.certificate, w.contract,
                 f"{w.insured_months}/6", w.trainings, _date(w.left_on)) for w in rows])
    echo(f"共{len(rows)}人")
    return 0


def cmd_import(args) -> int:
    from ..services import care_workers

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except OSError:
        raise CliError(f"无法读取文件：{path}", 2) from None
    ctx = logged_in(args)
    try:
        ch = care_workers.import_workers(ctx, data)
    except RuleViolation as exc:
        if not args.json:
            raise
        echo_json({"ok": False, "problems": [p.message for p in exc.problems]})
        return 1
    if args.json:
        echo_json({"ok": True, "message": ch.message})
    else:
        echo(ch.message)
    return 0


def cmd_template(args) -> int:
    from ..services import care_workers

    path = save_bytes(args.file, care_workers.import_template())
    if args.json:
        echo_json({"file": str(path.resolve())})
    else:
        echo(f"已保存护理员导入模板：{path}")
    return 0


def cmd_expiring(args) -> int:
    from ..services import care_workers

    ctx = logged_in(args)
    rows = (care_workers.expiring(ctx) if args.days is None else care_workers.expiring(ctx, args.days))
    if args.json:
        echo_json({"expiring": [dataclasses.asdict(e) for e in rows]})
        return 0
    if not rows:
        echo("没有即将到期的劳动合同或资格证书")
        return 0
    echo_table(("姓名", "证件", "到期日", "剩余天数"),
               [(e.name, e.what, _date(e.day), "已到期" if e.days_left < 0 else e.days_left) for e in rows])
    return 0


def cmd_export(args) -> int:
    from ..services import subsidy_documents as docs

    ctx = logged_in(args)
    w = docs.workers_xlsx(ctx, args.file, include_left=args.all)
    if args.json:
        echo_json({"file": str(w.path), "rows": w.rows, "sha256": w.sha256})
    else:
        echo(f"已保存：{w.path}（{w.rows}人，SHA-256：{w.sha256}）")
    return 0

