"""``eldercare compliance``: the compliance self-check (合规自查) for an
inspection — every rule green or red with the residents or records behind
a red; ``--pdf`` prints the report. Exit 0 when every rule holds, 1 when
any does not."""
from __future__ import annotations

from .common import echo, echo_json, echo_table, iso_date, logged_in, out_path


def add_parsers(sub, db, auth, js) -> None:
    c = sub.add_parser("compliance", parents=[db, auth, js],
                       help="合规自查：押金上限、押金专户、押金退还、书面合同、收费公示与调价告知、能力评估、年度公开、"
                            "护理型床位占比；全部符合时退出码为0，否则为1")
    c.add_argument("--date", type=iso_date, metavar="日期", help="自查日期 YYYY-MM-DD（默认今天）")
    c.add_argument("--pdf", type=out_path, metavar="文件", help="打印合规自查报告到该PDF文件")
    c.set_defaults(func=cmd_compliance)


def cmd_compliance(args) -> int:
    from ..domain.compliance_records import selfcheck_json
    from ..services import compliance

    ctx = logged_in(args)
    sc = compliance.check(ctx, args.date)
    written = compliance.write_pdf(ctx, args.pdf, sc=sc) if args.pdf else None
    if args.json:
        data = selfcheck_json(sc)
        data["file"] = {"file": str(written.path), "sha256": written.sha256} if written else None
        echo_json(data)
    else:
        echo(f"{sc.centre_name or '（未填写机构信息）'} 合规自查（{sc.on:%Y-%m-%d}，政策配置：{sc.profile_name}）")
        echo_table(("结果", "自查项目", "情况"), [(f"{i.mark} {i.status}", i.rule, i.summary) for i in sc.items])
        for n, i in enumerate(sc.failed, start=1):
            echo()
            echo(f"✘ {i.rule}（依据：{i.basis}）")
            echo_table(("住户 / 记录", "情况", "金额", "日期"),
                       [(f.subject, f.detail, f.amount_text(), f.day_text()) for f in i.findings])
        echo()
        echo(sc.summary())
        if written:
            echo(f"已保存：{written.path}（SHA-256：{written.sha256}）")
    return 0 if sc.ok else 1
