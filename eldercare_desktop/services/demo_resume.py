"""A demo build that was killed leaves no half-built centre behind.

Before the first demo write, the database is copied (``<db>.before-demo``)
and a marker written beside it (``<db>.demo-unfinished``, JSON: residents,
seed, started). Every step of the build commits on its own (one service
call or one batch per transaction), so other users are never locked out for
long; the marker and the copy are removed when the build finishes. A later
``demo-data`` (or the GUI's demo wizard) that finds the marker puts the copy
back first: the centre is as it was before the killed build, and the demo is
built again from the start.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

from ..db import engine as db_engine
from .context import App


def marker_path(db: Path) -> Path:
    return db.with_name(db.name + ".demo-unfinished")


def snapshot_path(db: Path) -> Path:
    return db.with_name(db.name + ".before-demo")


def unfinished(app: App) -> dict | None:
    """What the killed build was asked for, or None (no unfinished build)."""
    db = app.sqlite_path
    if db is None or not marker_path(db).exists():
        return None
    try:
        return json.loads(marker_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def begin(app: App, residents: int, seed: int) -> None:
    """Copy the database, then write the marker (in that order: a marker
    always has its copy)."""
    db = app.sqlite_path
    if db is None:
        return
    db_engine.online_backup(db, snapshot_path(db))
    tmp = marker_path(db).with_name(marker_path(db).name + ".tmp")
    tmp.write_text(json.dumps({"residents": residents, "seed": seed,
                               "started": dt.datetime.now().isoformat(timespec="seconds")}), encoding="utf-8")
    os.replace(tmp, marker_path(db))


def finish(app: App) -> None:
    """The build is complete: the marker goes first, then the copy."""
    db = app.sqlite_path
    if db is None:
        return
    marker_path(db).unlink(missing_ok=True)
    snapshot_path(db).unlink(missing_ok=True)


def roll_back(app: App) -> bool:
    """Put the database back as it was before an unfinished (killed) demo
    build; True when there was one. The App is reopened on the restored file."""
    db = app.sqlite_path
    if db is None or not marker_path(db).exists():
        return False
    snap = snapshot_path(db)
    if snap.exists():
        app.engine.dispose()
        tmp = db.with_name(db.name + ".demo-restore.tmp")
        shutil.copyfile(snap, tmp)
        for side in (db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal")):
            side.unlink(missing_ok=True)
        os.replace(tmp, db)
        app.reopen()
    finish(app)
    return True
