"""The write step of every document: temp file, atomic rename, audit row
with the file's SHA-256 (ARCHITECTURE.md, Documents)."""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..domain.errors import RuleViolation
from ..domain.roles import Perm
from .audit import audit
from .context import Ctx
from . import busy


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


def check_destination(path: str | Path) -> Path:
    """The resolved output path, or a RuleViolation (Chinese) when no file can be
    written there: empty, a folder, under a file, no permission, a name too long.
    Checked before anything is rendered or recorded."""
    text = str(path)
    if not text.strip():
        raise RuleViolation("请给出输出文件的路径", "path")
    dest = Path(text).expanduser().resolve()
    if text.endswith(("/", os.sep)) or not dest.name or dest.is_dir():
        raise RuleViolation(f"“{dest}”是文件夹：请给出文件名", "path")
    if len(dest.name.encode("utf-8", "surrogateescape")) > 240:
        raise RuleViolation("输出文件名太长", "path")
    if dest.exists() and not dest.is_file():
        raise RuleViolation(f"“{dest}”不是普通文件，不能写入", "path")
    folder = dest.parent
    while not folder.exists():  # the first folder that exists is where the new ones are made
        folder = folder.parent
    if not folder.is_dir():
        raise RuleViolation(f"不能写入“{dest}”：“{folder}”是文件，不是文件夹", "path")
    if not os.access(folder, os.W_OK | os.X_OK) or (dest.exists() and not os.access(dest, os.W_OK)):
        raise RuleViolation(f"没有写入“{dest}”的权限", "path")
    return dest


@busy.retrying
def write_document(ctx: Ctx, path: str | Path, render: Callable[[Path], int], action: str, entity: str,
                   details: dict | None = None) -> Written:
    """``render(tmp_path) -> count`` writes the file; it then replaces ``path``
    atomically and the audit trail records it with its SHA-256."""
    ctx.require(Perm.PRINT)
    dest = check_destination(path)
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        n = render(tmp)
        os.replace(tmp, dest)
    except PermissionError:
        raise RuleViolation(f"无法写入“{dest}”：文件可能正在其他程序（如Excel）中打开，请关闭后重试") from None
    except OSError as exc:
        raise RuleViolation(f"无法写入“{dest}”：{exc.strerror or type(exc).__name__}") from None
    finally:
        tmp.unlink(missing_ok=True)
    digest = sha256_of(dest)
    with ctx.write(Perm.PRINT) as s:
        audit(ctx, s, action, entity, dest.name, None, {"file": str(dest), "rows": n, "sha256": digest, **(details or {})})
    return Written(dest, n, digest)


def chinese_streams() -> None:
    """stdout/stderr that can carry Chinese: a pipe or file on an English
    Windows has a code page without it (cp1252), so such a stream is switched
    to UTF-8 rather than failing on the first character."""
    for stream in (sys.stdout, sys.stderr):
        try:
            "自检".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            try:
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            except (AttributeError, ValueError):  # not a TextIOWrapper (a test's capture)
                pass
