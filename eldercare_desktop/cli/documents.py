"""``eldercare print``: every single document the GUI prints, scripted —
收款收据, 服务合同, 押金退款凭证, 押金收据 and 评估报告, each by its number
(SJ2025-000001, HT2025-0001, TK2025-0001, YJ2025-0001, PG2025-0001) or id,
written by the same service the GUI calls (audited with its SHA-256)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import echo, echo_json, logged_in, out_path

KINDS = {
    "receipt": "收款收据（编号如 SJ2025-000001）",
    "contract": "服务合同（编号如 HT2025-0001）",
    "refund-voucher": "押金退款凭证（编号如 TK2025-0001）",
    "deposit-receipt": "押金收据（编号如 YJ2025-0001）",
    "assessment-report": "老年人能力评估报告（编号如 PG2025-0001）",
}


def doc_number(text: str) -> str:
    """A document number, or an internal id that SQLite can hold."""
    t = text.strip()
    if t.isdigit() and (not t.isascii() or len(t) > 9):
        raise argparse.ArgumentTypeError(f"编号“{t}”超出范围")
    return t


def add_parsers(sub, db, auth, js) -> None:
    """print receipt | contract | refund-voucher | deposit-receipt | assessment-report."""
    pr = sub.add_parser("print", help="打印单据（PDF）：收款收据、服务合同、押金退款凭证、押金收据、评估报告"
                        ).add_subparsers(dest="action", title="单据", metavar="单据", required=True)
    for kind, what in KINDS.items():
        c = pr.add_parser(kind, parents=[db, auth, js], help=f"打印{what}")
        c.add_argument("number", type=doc_number, metavar="编号", help="单据编号或内部编号（数字）")
        c.add_argument("--pdf", type=out_path, required=True, metavar="文件", help="输出到该PDF文件")
        c.set_defaults(func=cmd_print, kind=kind)


def cmd_print(args) -> int:
    from ..services import exports

    ctx = logged_in(args)
    out, doc_id = exports.print_document(ctx, args.kind, args.number, Path(args.pdf))
    what = exports.DOCUMENTS[args.kind][0]
    if args.json:
        echo_json({"document": args.kind, "number": args.number, "id": doc_id, "file": str(out.path),
                   "rows": out.rows, "sha256": out.sha256})
        return 0
    echo(f"已打印{what}{args.number}到：{out.path}")
    return 0
