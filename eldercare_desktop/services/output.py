"""The write step of every document: temp file, atomic rename, audit row
with the file's SHA-256 (ARCHITECTURE.md, Documents)."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..domain.errors import RuleViolation
from ..domain.roles import Perm
from .audit import audit
from .context import Ctx


@dataclass(frozen=True)
class Written:
    path: Path
    rows: int  # records (or pages) written, as the renderer reports
    sha256: str


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_document(ctx: Ctx, path: str | Path, render: Callable[[Path], int], action: str, entity: str,
                   details: dict | None = None) -> Written:
    """``render(tmp_path) -> count`` writes the file; it then replaces ``path``
    atomically and the audit trail records it with its SHA-256."""
    ctx.require(Perm.PRINT)
    dest = Path(path).expanduser().resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        n = render(tmp)
        os.replace(tmp, dest)
    except PermissionError:
        raise RuleViolation(f"无法写入“{dest}”：文件可能正在其他程序（如Excel）中打开，请关闭后重试") from None
    finally:
        tmp.unlink(missing_ok=True)
    digest = sha256_of(dest)
    with ctx.write(Perm.PRINT) as s:
        audit(ctx, s, action, entity, dest.name, None, {"file": str(dest), "rows": n, "sha256": digest, **(details or {})})
    return Written(dest, n, digest)
