"""``eldercare self-test`` / ``eldercare-desktop --self-test``: the whole
program exercised in a temporary folder, never touching the user's data.

Steps: create a database through the migrations, build a small demo centre
(its history goes through the services), bill the next month, print every
resident's statement of that month to one PDF, export the month's billing
register to XLSX and read it back, verify the audit chain with its sealed
rows. Each step is checked; the first that fails ends the run with its
reason. A support command: a centre's PC proves its installation works.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from .. import __version__

#: residents of the demo centre the self-test builds (small: a few seconds)
RESIDENTS = 12
#: the anchor key and log: the self-test's own, in its temporary folder
ANCHOR_ENV = "ELDERCARE_ANCHOR_DIR"


@dataclass
class SelfTestResult:
    ok: bool
    version: str
    revision: str = ""
    residents: int = 0
    period: str = ""
    bill_lines: int = 0
    pdf_pages: int = 0
    pdf_bytes: int = 0
    xlsx_rows: int = 0
    audit_rows: int = 0
    sealed_rows: int = 0
    seconds: float = 0.0
    failed_step: str = ""
    reason: str = ""
    steps: list[str] = field(default_factory=list)  # the steps that passed, in order

    @property
    def summary(self) -> str:
        if not self.ok:
            return f"自检失败（{self.failed_step}）：{self.reason}"
        return (f"自检通过：版本{self.version}，数据库结构{self.revision}，演示住户{self.residents}位，"
                f"{self.period}计费{self.bill_lines}行，对账单PDF {self.pdf_pages}页，"
                f"Excel {self.xlsx_rows}行，审计链{self.audit_rows}条与{self.sealed_rows}行金额权限数据完整"
                f"（用时{self.seconds:.1f}秒）")

    def as_dict(self) -> dict:
        return {**asdict(self), "summary": self.summary}


class _StepFailed(Exception):
    def __init__(self, step: str, reason: str):
        super().__init__(reason)
        self.step, self.reason = step, reason


def run(progress: Callable[[str], None] | None = None, keep: Path | None = None) -> SelfTestResult:
    """Run every step in a temporary folder (``keep``: in this folder instead,
    left in place for support). Never raises: a failure is in the result."""
    started = time.perf_counter()
    result = SelfTestResult(ok=False, version=__version__)
    saved_anchor_dir = os.environ.get(ANCHOR_ENV)
    tmp = None
    if keep is None:
        tmp = tempfile.TemporaryDirectory(prefix="eldercare-selftest-")
        folder = Path(tmp.name)
    else:
        folder = Path(keep)
        folder.mkdir(parents=True, exist_ok=True)
    os.environ[ANCHOR_ENV] = str(folder / "anchors")
    try:
        _steps(folder, result, progress or (lambda _s: None))
        result.ok = True
    except _StepFailed as exc:
        result.failed_step, result.reason = exc.step, exc.reason
    finally:
        if saved_anchor_dir is None:
            os.environ.pop(ANCHOR_ENV, None)
        else:
            os.environ[ANCHOR_ENV] = saved_anchor_dir
        if tmp is not None:
            try:
                tmp.cleanup()
            except OSError:  # Windows: a file still held open; the OS cleans temp folders
                pass
    result.seconds = time.perf_counter() - started
    return result


def _step(result: SelfTestResult, progress, name: str, fn):
    progress(name)
    try:
        value = fn()
    except _StepFailed:
        raise
    except Exception as exc:  # noqa: BLE001  (every failure is reported, with its step)
        from ..domain.errors import DomainError

        text = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}：{exc}"
        raise _StepFailed(name, text.strip().splitlines()[0][:300] if text.strip() else type(exc).__name__) from exc
    result.steps.append(name)
    return value


def _check(ok: bool, step: str, reason: str) -> None:
    if not ok:
        raise _StepFailed(step, reason)


def _steps(folder: Path, r: SelfTestResult, progress) -> None:
    from ..db.engine import current_revision
    from ..db.migrations import HEAD_REVISION
    from . import billing, demo, exports, integrity, statements, users
    from .context import App

    step = "建立数据库"
    app = _step(r, progress, step, lambda: App.open(str(folder / "selftest.sqlite3")))
    try:
        r.revision = current_revision(app.engine) or ""
        _check(r.revision == HEAD_REVISION, step, f"数据库结构为{r.revision or '（无）'}，应为{HEAD_REVISION}")

        step = "生成演示机构"
        password = "Zt" + secrets.token_hex(6)
        summary = _step(r, progress, step, lambda: demo.build_demo(app, residents=RESIDENTS, password=password, seed=1))
        r.residents = summary.residents
        _check(summary.residents == RESIDENTS, step, f"演示住户{summary.residents}位，应为{RESIDENTS}位")
        ctx = app.as_user(users.login(app, "admin", password))

        step = "按月计费"
        today = app.today()
        first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)  # the 1st of next month
        r.period = f"{first:%Y-%m}"
        app.today = lambda: first  # the run happens on the 1st, as a centre's would
        app.now = lambda: dt.datetime.combine(first, dt.time(9, 0))
        billed = _step(r, progress, step, lambda: billing.run_billing(ctx, r.period))
        r.bill_lines = billed.lines
        _check(billed.lines > 0, step, f"{r.period}没有生成任何账单行")

        step = "打印对账单PDF"
        pdf = folder / f"对账单-{r.period}.pdf"
        written = _step(r, progress, step, lambda: statements.statements_pdf(ctx, r.period, pdf))
        data = pdf.read_bytes()
        r.pdf_pages, r.pdf_bytes = written.rows, len(data)
        _check(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], step, "PDF文件不完整")
        _check(b"/FontFile" in data, step, "PDF中没有嵌入中文字体")

        step = "导出Excel"
        xlsx = folder / f"计费汇总-{r.period}.xlsx"
        exported = _step(r, progress, step, lambda: exports.export_register(ctx, xlsx, r.period))
        r.xlsx_rows = _step(r, progress, "读回Excel", lambda: _read_back(xlsx))
        _check(exported.rows > 0 and r.xlsx_rows >= exported.rows, step,
               f"Excel只读回{r.xlsx_rows}行，应至少{exported.rows}行")

        step = "校验审计链"
        report = _step(r, progress, step, lambda: integrity.verify(app))
        r.audit_rows, r.sealed_rows = report.rows, report.sealed_rows
        _check(report.ok, step, "；".join(report.problems[:3]) or "审计链校验未通过")
    finally:
        app.close()


def _read_back(path: Path) -> int:
    """Rows of the workbook's first sheet with any value (openpyxl, read-only)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb.worksheets[0]
        return sum(1 for row in ws.iter_rows(values_only=True) if any(v not in (None, "") for v in row))
    finally:
        wb.close()
