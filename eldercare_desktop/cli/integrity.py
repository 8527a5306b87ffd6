"""``eldercare audit verify``: the chain, every sealed money/permission row,
and anchors (the local one, and any ``--anchor`` an auditor holds)."""
from __future__ import annotations

from ..services import anchor as anchor_svc
from ..services import integrity
from .common import CliError, echo, echo_err, echo_json, open_app


def add_arguments(c) -> None:
    c.add_argument("--anchor", action="append", default=[], metavar="锚点",
                   help="核对此前取得的锚点（文档上印的“序号-哈希-签名”，或备份旁的 .anchor.json 文件），可重复")
    c.add_argument("--file", dest="verify_file", metavar="备份文件",
                   help="校验一个备份文件（只读，不改动它）而不是当前数据库")


def cmd_audit_verify(args) -> int:
    try:
        extra = [anchor_svc.parse(a) for a in getattr(args, "anchor", [])]
    except anchor_svc.AnchorFormatError as exc:
        raise CliError(str(exc), 2) from None
    path = getattr(args, "verify_file", None)
    if path:
        from pathlib import Path

        from ..db.engine import integrity_problem

        problem = integrity_problem(Path(path).expanduser())
        if problem:
            raise CliError(f"不能校验该文件：{problem}")
        rep = integrity.verify_file(Path(path).expanduser(), extra)
    else:
        app = open_app(args)
        rep = integrity.verify(app, extra)
        if rep.ok:
            a = anchor_svc.record(app)  # what this check saw, noted outside the database
            rep.notes.append(f"当前锚点：{a.token}")
    if args.json:
        echo_json(rep.as_dict())
        return 0 if rep.ok else 1
    if rep.ok:
        echo(f"审计链完整：共{rep.rows}条记录")
        echo(f"金额与权限数据：{rep.sealed_rows}行均与审计记录一致"
             + (f"；核对锚点{rep.anchors_checked}个，一致" if rep.anchors_checked else ""))
        for note in rep.notes:
            echo(f"提示：{note}")
        return 0
    for note in rep.notes:
        echo(f"提示：{note}")
    echo_err(f"校验未通过：发现{len(rep.findings)}处问题")
    for f in rep.findings[:200]:
        echo_err(f"- {f.message}")
    if len(rep.findings) > 200:
        echo_err(f"……另有{len(rep.findings) - 200}处，请用 --json 查看全部")
    return 1
