"""``eldercare self-test``: prove this installation works (services.selftest)."""
from __future__ import annotations

from pathlib import Path

from .common import echo, echo_err, echo_json


def add_parsers(sub, db, auth, js) -> None:
    p = sub.add_parser("self-test", parents=[js],
                       help="自检：在临时文件夹中建库、生成演示机构、计费、打印PDF、导出Excel并校验审计链（不动现有数据）")
    p.add_argument("--keep", metavar="文件夹", type=Path,
                   help="在该文件夹中自检并保留生成的数据库、PDF和Excel（供技术支持查看）")
    p.set_defaults(func=cmd_self_test)


def cmd_self_test(args) -> int:
    from ..services import selftest

    result = selftest.run(progress=lambda step: echo_err(f"自检：{step}…"), keep=args.keep)
    if args.json:
        echo_json(result.as_dict())
    else:
        (echo if result.ok else echo_err)(result.summary)
    return 0 if result.ok else 1
