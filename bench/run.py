"""Benchmarks against the budgets of ARCHITECTURE.md.

    .venv/bin/python bench/run.py [--residents 10000] [--runs 5] [--db FILE]

Generates a centre with N residents (or reuses --db), then measures:
- cold start: whole process, `python -m eldercare_desktop` to a shown main
  window with the residents list loaded (auto-login), median of --runs;
- opening the residents list: query + screen list + model reset + first
  page painted, in one process, median;
- filtering per keystroke over the whole list, median and worst;
- memory (max RSS) of the GUI process;
- on the 300-resident demo (a closed year and this year's books): the
  annual disclosure package (PDF + XLSX), and opening a statement on the
  报表 page (the service call plus every cell's text), medians of --runs;
- on the same demo: a subsidy claim over every resident of the last 12
  months and a care-worker claim over 50 workers, built from the registers;
- a 10,000-row roster (住户名册 XLSX) imported into an empty centre, whole
  and without the XLSX reading, and the longest one chunk held the write lock.
Each figure is printed beside its budget; the exit code is 1 if one is missed.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSWORD = "bench1234"

BUDGETS = {
    "cold_start_s": 0.6,
    "list_open_ms": 150.0,
    "filter_ms": 30.0,
    "memory_mb": 300.0,
    "billing_1k_s": 0.5,
    "billing_10k_s": 5.0,
    "statements_1k_s": 3.0,
    "journal_export_ratio": 0.8,
    "disclosure_s": 3.0,
    "subsidy_claim_s": 1.0,
    "statement_open_ms": 300.0,
    "roster_import_10k_s": 3.0,
    "import_lock_hold_s": 1.0,
}


def build(db: Path, residents: int) -> float:
    from eldercare_desktop.services.context import App
    from eldercare_desktop.services.demo import build_demo

    t = time.perf_counter()
    app = App.open(str(db))
    # the 10,000-resident centre measures the screens on a big register: residents only
    # (a full history at that size takes ~20 min; `eldercare demo-data` builds it when asked)
    build_demo(app, residents=residents, password=PASSWORD, seed=7, bulk=residents > 1000)
    app.close()
    return time.perf_counter() - t


def cold_start(db: Path, runs: int) -> tuple[list[float], list[float], list[float], float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ELDERCARE_AUTOLOGIN": f"admin:{PASSWORD}",
           "ELDERCARE_BENCH_EXIT": "1"}
    walls, windows, shown, rss = [], [], [], 0.0
    for _ in range(runs + 1):  # the first run warms the OS file cache
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "eldercare_desktop", "--database", str(db)],
                             env=env, capture_output=True, text=True, timeout=120)
        wall = time.perf_counter() - t
        lines = dict(x.split(" ", 1) for x in out.stdout.splitlines() if x.startswith(("shown ", "window ", "rss ")))
        if out.returncode != 0 or "shown" not in lines:
            raise SystemExit(f"start-up failed:\n{out.stdout}\n{out.stderr}")
        walls.append(wall)
        windows.append(float(lines["window"]))
        shown.append(float(lines["shown"]))
        # the app's own peak RSS (RUSAGE_CHILDREN would count this process's pages copied at fork)
        rss = max(rss, float(lines.get("rss", 0)))
    return walls[1:], windows[1:], shown[1:], rss


def list_and_filter(db: Path, runs: int) -> tuple[list[float], list[float], int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableView

    from eldercare_desktop.services import residents, users
    from eldercare_desktop.services.context import App
    from eldercare_desktop.ui.pages.residents import ResidentsModel
    from eldercare_desktop.viewmodels.residents import ResidentsList

    qapp = QApplication.instance() or QApplication([])
    app = App.open(str(db))
    ctx = app.as_user(users.login(app, "admin", PASSWORD))
    opens = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        rows = residents.list_residents(ctx)
        lst = ResidentsList(app.today)
        lst.set_rows(rows)
        model = ResidentsModel(lst)
        model.refresh()
        view = QTableView()
        view.setModel(model)
        view.resize(1000, 600)
        view.show()
        qapp.processEvents()
        opens.append((time.perf_counter() - t) * 1000)
        view.close()
    n = len(rows)
    filters = []
    sample = rows[n // 3]
    typed = [sample.name_initials[:i] for i in range(1, len(sample.name_initials) + 1)]
    typed += [sample.name[:1], sample.name, sample.id_number[:6], sample.id_number[:12], "a1", ""]
    for text in typed * runs:
        t = time.perf_counter()
        lst.set_query(text)
        model.refresh()
        filters.append((time.perf_counter() - t) * 1000)
    app.close()
    return opens[1:], filters, n


def finance(runs: int) -> list[tuple[str, float, float | None]]:
    """Billing for 1,000 and 10,000 contracts, 1,000 statements to one PDF,
    and a 100,000-row journal export against bare openpyxl write-only."""
    import datetime as dt

    from argon2 import PasswordHasher

    from eldercare_desktop.services import billing, exports, statements, users
    from eldercare_desktop.services.context import App
    from tests.services.billing_fixtures import many_contracts  # the synthetic contracts generator

    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    out = []
    for n in (1000, 10000):
        times = []
        for _ in range(max(1, runs // 2)):
            with tempfile.TemporaryDirectory() as d:
                app = App.open(f"{d}/b.sqlite3", today=lambda: dt.date(2026, 11, 25))
                ctx = app.as_user(users.create_first_admin(app, "admin", PASSWORD))
                many_contracts(app, n)
                t = time.perf_counter()
                billing.run_billing(ctx, "2026-03")
                times.append(time.perf_counter() - t)
                if n == 1000 and not any(x[0].startswith("1,000 statements") for x in out):
                    t = time.perf_counter()
                    statements.statements_pdf(ctx, "2026-03", f"{d}/s.pdf")
                    out.append(("1,000 statements to one PDF (s)", time.perf_counter() - t, BUDGETS["statements_1k_s"]))
                if n == 10000 and not any(x[0].startswith("journal") for x in out):
                    for month in ("2026-01", "2026-02", "2026-04"):
                        billing.run_billing(ctx, month)
                    exports.export_journal(ctx, f"{d}/j.xlsx", dt.date(2026, 1, 1), dt.date(2026, 4, 30))  # warm-up
                    t = time.perf_counter()
                    got = exports.export_journal(ctx, f"{d}/j.xlsx", dt.date(2026, 1, 1), dt.date(2026, 4, 30))
                    ours = got.rows / (time.perf_counter() - t)
                    bare = _bare_openpyxl_speed(got.rows, 10)
                    out.append((f"journal export {got.rows} rows: rows/s vs bare openpyxl (ratio)", ours / bare,
                                BUDGETS["journal_export_ratio"]))
                app.close()
        out.append((f"billing run, {n:,} contracts (s)", statistics.median(times), BUDGETS[f"billing_{n // 1000}k_s"]))
    return out


def pg_billing(server: str, runs: int) -> list[tuple[str, float, float | None]]:
    """Billing for 1,000 and 10,000 contracts on PostgreSQL (``server``: a
    URL of a role with CREATEDB; a fresh database per run), each beside the
    same run on SQLite."""
    import datetime as dt
    import uuid

    import psycopg
    from argon2 import PasswordHasher
    from sqlalchemy.engine import make_url

    from eldercare_desktop.db.engine import resolve_url
    from eldercare_desktop.services import billing, users
    from eldercare_desktop.services.context import App
    from tests.services.billing_fixtures import many_contracts

    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    u = make_url(resolve_url(server))
    admin = psycopg.connect(host=u.host or "localhost", port=u.port or 5432, user=u.username, password=u.password,
                            dbname=u.database or "postgres", autocommit=True)

    def one(n: int, pg: bool) -> float:
        with tempfile.TemporaryDirectory() as d:
            name = f"ec_bench_{uuid.uuid4().hex[:8]}"
            if pg:
                admin.execute(f'CREATE DATABASE "{name}"')
            url = u.set(database=name).render_as_string(hide_password=False) if pg else f"{d}/b.sqlite3"
            app = App.open(url, today=lambda: dt.date(2026, 11, 25))
            try:
                ctx = app.as_user(users.create_first_admin(app, "admin", PASSWORD))
                many_contracts(app, n)
                t = time.perf_counter()
                billing.run_billing(ctx, "2026-03")
                return time.perf_counter() - t
            finally:
                app.close()
                if pg:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')

    out = []
    for n in (1000, 10000):
        k = max(1, runs // 2)
        out.append((f"billing run, {n:,} contracts, SQLite (s)", statistics.median(one(n, False) for _ in range(k)),
                    BUDGETS[f"billing_{n // 1000}k_s"]))
        out.append((f"billing run, {n:,} contracts, PostgreSQL (s)", statistics.median(one(n, True) for _ in range(k)),
                    BUDGETS[f"billing_{n // 1000}k_s"]))
    admin.close()
    return out


def _demo(folder: Path, residents: int):
    """The demo centre built into ``folder``, opened."""
    from eldercare_desktop.services.context import App

    db = folder / "demo.sqlite3"
    print(f"building the {residents}-resident demo …", flush=True)
    print(f"  built in {build(db, residents):.1f} s", flush=True)
    return App.open(str(db))


def disclosure(runs: int, residents: int = 300) -> list[tuple[str, float, float | None]]:
    """The demo centre (300 residents, last year's books closed, this year's
    open): the disclosure package PDF + XLSX for last year, and opening a
    statement on the 报表 page (the service call plus the screen rows)."""
    from eldercare_desktop.services import disclosure as disc
    from eldercare_desktop.services import reports, users
    from eldercare_desktop.viewmodels import reports as rvm

    out = []
    with tempfile.TemporaryDirectory() as d:
        app = _demo(Path(d), residents)
        ctx = app.as_user(users.login(app, "kuaiji", PASSWORD))
        year = app.today().year - 1
        times, opens = [], []
        for i in range(runs + 1):
            t = time.perf_counter()
            disc.write_package(ctx, year, f"{d}/p.pdf", f"{d}/p.xlsx")
            if i:
                times.append(time.perf_counter() - t)
            for code in ("会民非01表", "会民非02表", "会民非03表"):
                t = time.perf_counter()
                st = reports.statements(ctx, year + 1).by_code(code)
                cols = rvm.statement_columns(st)
                [[c.text(line) for c in cols] for line in st.lines]  # every cell the table shows
                if i:
                    opens.append((time.perf_counter() - t) * 1000)
        app.close()
    out.append(("disclosure package PDF + XLSX, 300 residents (s)", statistics.median(times), BUDGETS["disclosure_s"]))
    out.append(("报表 page opens a statement, median (ms)", statistics.median(opens), BUDGETS["statement_open_ms"]))
    out.append(("报表 page opens a statement, worst (ms)", max(opens), None))
    return out


def subsidy_claims(runs: int, residents: int = 300, workers: int = 50) -> list[tuple[str, float, float | None]]:
    """The demo centre (300 residents, Yubei), with its care-worker register
    topped up to 50: a claim over every resident of the last 12 months
    (渝北籍 service subsidy), then the same centre under the Guandu profile,
    a care-worker claim over the 50 workers for 12 months. Each is built
    from the registers as the 新建申报 wizard does (subsidies.preview)."""
    import dataclasses
    import datetime as dt

    from eldercare_desktop.domain.identity import make_id_number
    from eldercare_desktop.services import care_workers, centre, subsidies, users

    out = []
    with tempfile.TemporaryDirectory() as d:
        app = _demo(Path(d), residents)
        boss = app.as_user(users.login(app, "admin", PASSWORD))
        acc = app.as_user(users.login(app, "kuaiji", PASSWORD))
        have = len(care_workers.workers(boss))  # those still working
        for i in range(have, workers):
            w = care_workers.add_worker(boss, care_workers.WorkerInput(
                f"护理员{i}", make_id_number("500112", dt.date(1975, 1, 1) + dt.timedelta(days=37 * i), 200 + 2 * i),
                care_start=dt.date(2019, 3, 1))).ids[0]
            care_workers.add_contract(boss, w, dt.date(2024, 1, 1), None)
            care_workers.add_certificate(boss, w, "中级", f"B{i:06d}", dt.date(2022, 5, 1))
            care_workers.record_insurance(boss, w, f"{app.today().year - 2}-01~{app.today().year - 1}-12")
        this = app.today().replace(day=1)
        y, m = divmod(this.year * 12 + this.month - 1 - 12, 12)
        first = f"{y:04d}-{m + 1:02d}"  # the twelve months before this one
        y, m = divmod(this.year * 12 + this.month - 2, 12)
        last = f"{y:04d}-{m + 1:02d}"

        def timed(scheme: str) -> tuple[float, int]:
            times, rows = [], 0
            for i in range(runs + 1):
                t = time.perf_counter()
                rows = len(subsidies.preview(acc, scheme, first, last).rows)
                if i:
                    times.append(time.perf_counter() - t)
            return statistics.median(times), rows

        res_s, res_rows = timed("yb-service")
        info = centre.get_centre(boss)
        centre.save_centre(boss, dataclasses.replace(info, policy_profile="kunming-guandu"))
        work_s, work_rows = timed("gd-care-worker")
        app.close()
    out.append((f"subsidy claim, {res_rows} residents × 12 months (s)", res_s, None))
    out.append((f"subsidy claim, {work_rows} care workers × 12 months (s)", work_s, None))
    out.append(("subsidy claims: residents + care workers (s)", res_s + work_s, BUDGETS["subsidy_claim_s"]))
    return out


def roster_import(runs: int, rows: int = 10000) -> list[tuple[str, float, float | None]]:
    """A 10,000-row roster imported into a centre with room for it: the whole
    import (XLSX read, check, chunked write), the XLSX reading alone, and the
    longest single chunk transaction (how long others wait at most)."""
    import datetime as dt

    from argon2 import PasswordHasher

    from eldercare_desktop.documents import roster as doc
    from eldercare_desktop.services import roster, roster_write, users
    from eldercare_desktop.services.context import App
    from tests.services.roster_fixtures import big_centre, write_big_roster

    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    times, reads, holds = [], [], []
    real = roster_write._insert
    for _ in range(max(1, runs // 2)):
        with tempfile.TemporaryDirectory() as d:
            app = App.open(f"{d}/r.sqlite3", today=lambda: dt.date(2026, 11, 25))
            ctx = app.as_user(users.create_first_admin(app, "admin", PASSWORD))
            big_centre(ctx, rows)
            sheet = write_big_roster(Path(d) / "r.xlsx", rows)
            t = time.perf_counter()
            doc.read_roster(sheet)
            reads.append(time.perf_counter() - t)
            marks = []

            def timed_insert(*a, **kw):  # inside the chunk's transaction: the lock is held
                marks.append(time.perf_counter())
                return real(*a, **kw)
            roster_write._insert = timed_insert
            ends = []
            try:
                t = time.perf_counter()
                rep = roster.import_roster(ctx, sheet, after_chunk=lambda n: ends.append(time.perf_counter()))
                times.append(time.perf_counter() - t)
            finally:
                roster_write._insert = real
            assert rep.imported == rows, rep.message
            holds.append(max(e - m for m, e in zip(marks, ends)))
            app.close()
    return [
        (f"roster import, {rows:,} rows (s)", statistics.median(times), BUDGETS["roster_import_10k_s"]),
        ("  … of which reading the XLSX (s)", statistics.median(reads), None),
        ("  longest chunk holding the write lock (s)", max(holds), BUDGETS["import_lock_hold_s"]),
    ]


def _bare_openpyxl_speed(n: int, cols: int) -> float:
    """Rows per second of openpyxl write-only writing plain values: the ceiling."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    row = [1, dt.date(2026, 3, 31), "2026-03", "2026年3月月度计费（合同HT-B000001）", "1121", "应收账款", 483000 / 100,
           0.0, "住户1", "3月费用"][:cols]
    t = time.perf_counter()
    for _ in range(n):
        ws.append(row)
    with tempfile.TemporaryDirectory() as d:
        wb.save(f"{d}/bare.xlsx")
    return n / (time.perf_counter() - t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--residents", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, help="reuse this database (built if missing)")
    ap.add_argument("--only", choices=("gui", "finance", "disclosure", "subsidies", "import", "postgres"),
                    help="run one group of figures")
    ap.add_argument("--pg", metavar="URL", default=os.environ.get("ELDERCARE_TEST_PG_URL", ""),
                    help="PostgreSQL server for --only postgres (a role with CREATEDB; "
                         "default: $ELDERCARE_TEST_PG_URL)")
    args = ap.parse_args(argv)
    figures: list = []
    if args.only in (None, "finance"):
        figures += finance(args.runs)
    if args.only in (None, "disclosure"):
        figures += disclosure(args.runs)
    if args.only in (None, "subsidies"):
        figures += subsidy_claims(args.runs)
    if args.only in (None, "import"):
        figures += roster_import(args.runs)
    if args.only == "postgres":
        if not args.pg:
            ap.error("--only postgres needs --pg URL (or ELDERCARE_TEST_PG_URL)")
        figures += pg_billing(args.pg, args.runs)
    if args.only in ("finance", "disclosure", "subsidies", "import", "postgres"):
        return _print(figures)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.sqlite3"
    if not db.exists():
        print(f"building {args.residents} residents into {db} …", flush=True)
        print(f"  built in {build(db, args.residents):.1f} s", flush=True)
    walls, windows, shown, rss = cold_start(db, args.runs)
    opens, filters, n = list_and_filter(db, args.runs)
    figures += [
        ("cold start to a shown, usable main window (s)", statistics.median(windows), BUDGETS["cold_start_s"]),
        ("  … and its 10,000-resident list loaded and painted (s)", statistics.median(shown), None),
        ("  whole process, start to exit (s)", statistics.median(walls), None),
        (f"residents list of {n} opens (ms)", statistics.median(opens), BUDGETS["list_open_ms"]),
        ("filter per keystroke, median (ms)", statistics.median(filters), BUDGETS["filter_ms"]),
        ("filter per keystroke, worst (ms)", max(filters), BUDGETS["filter_ms"]),
        ("GUI process memory, max RSS (MB)", rss, BUDGETS["memory_mb"]),
    ]
    return _print(figures)


def _print(figures) -> int:
    failed = False
    print(f"\n{'figure':<55}{'measured':>10}{'budget':>10}")
    for name, value, budget in figures:
        if budget is None:
            print(f"{name:<55}{value:>10.3f}")
            continue
        ok = value >= budget if "ratio" in name else value <= budget
        failed |= not ok
        print(f"{name:<55}{value:>10.3f}{budget:>10.3f}  {'ok' if ok else 'OVER BUDGET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
