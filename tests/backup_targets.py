"""Backup destinations that must be refused (shared by the SQLite and PostgreSQL backup tests)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def bad_destination(tmp_path: Path, where: str, filename: str) -> Path:
    """"folder": an existing folder; "unwritable": a file in a read-only folder (skips as root)."""
    if where == "folder":
        dest = tmp_path / "folder"
        dest.mkdir()
        return dest
    assert where == "unwritable", where
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("needs a POSIX user without root")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    return ro / filename
