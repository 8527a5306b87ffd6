"""The year's books as documents: 科目余额表, 总账 and 明细账 as PDF or XLSX
(gather through services.reports, render in documents/, write with
services.output.write_document), and which renderers are installed, so
the screens can disable a button whose renderer is not there yet."""
from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import inspect
import re
from pathlib import Path
from typing import Any, Callable

from ..domain.errors import RuleViolation
from ..domain.roles import Perm
from . import reports
from .context import Ctx
from .output import Written, write_document

DOCUMENTS = "eldercare_desktop.documents"
PDF_MODULES = ("books_pdf", "disclosure_pdf")
XLSX_MODULES = ("books_xlsx", "disclosure_xlsx")
BOOKS = ("trial_balance", "ledger", "detail")


def _modules(name: str) -> tuple[str, ...]:
    return PDF_MODULES if name.endswith("_pdf") else XLSX_MODULES


def _defines(module: str, name: str) -> bool:
    """Whether documents/<module>.py defines ``name``, read without importing
    it (no ReportLab or openpyxl until something is printed)."""
    try:
        spec = importlib.util.find_spec(f"{DOCUMENTS}.{module}")
    except (ImportError, ValueError):
        return False
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return False
    text = Path(spec.origin).read_text(encoding="utf-8")
    return re.search(rf"^def {re.escape(name)}\(", text, re.MULTILINE) is not None


def available(ctx: Ctx | None = None) -> frozenset[str]:
    """Names of the documents that can be made now: ``trial_balance_pdf`` …
    ``detail_xlsx``, ``package`` (the disclosure PDF + XLSX), ``notice``."""
    out = {f"{b}_{k}" for b in BOOKS for k in ("pdf", "xlsx")
           if any(_defines(m, f"{b}_{k}") for m in _modules(f"_{k}"))}
    if _defines("disclosure_pdf", "package_pdf") and _defines("disclosure_xlsx", "package_xlsx"):
        out.add("package")
    if _defines("disclosure_pdf", "notice_pdf"):
        out.add("notice")
    return frozenset(out)


def renderer(name: str) -> Callable[..., Any]:
    for module in _modules(name):
        if _defines(module, name):
            return getattr(importlib.import_module(f"{DOCUMENTS}.{module}"), name)
    raise RuleViolation(f"打印功能尚未安装（{name}）")


def _write(ctx: Ctx, path, name: str, values: dict[str, Any], rows: int, action: str, details: dict,
           progress=None, abort=None) -> Written:
    """Render ``name`` passing the ``values`` its signature names (the
    gathered figures, ``centre_name``, ``printed_on``, progress/abort)."""
    ctx.require(Perm.PRINT)
    fn = renderer(name)
    params = inspect.signature(fn).parameters
    given = {"centre_name": _centre_name(ctx), "printed_on": ctx.today(), "progress": progress, "abort": abort,
             **values}
    kwargs = {k: v for k, v in given.items() if k in params}

    def render(tmp: Path) -> int:
        tmp.write_bytes(fn(**kwargs))
        return rows

    return write_document(ctx, path, render, action, "books", details)


def _centre_name(ctx: Ctx) -> str:
    from .centre import get_centre

    info = get_centre(ctx)
    return info.name if info else ""


def trial_balance_pdf(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    tb = reports.trial_balance_year(ctx, year)
    return _write(ctx, path, "trial_balance_pdf", {"tb": tb}, len(tb.rows), "打印科目余额表", {"year": year},
                  progress, abort)


def trial_balance_xlsx(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    tb = reports.trial_balance_year(ctx, year)
    return _write(ctx, path, "trial_balance_xlsx", {"tb": tb}, len(tb.rows), "导出科目余额表", {"year": year},
                  progress, abort)


def ledger_pdf(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    accounts = reports.general_ledger(ctx, year)
    return _write(ctx, path, "ledger_pdf", {"accounts": accounts, "year": year}, len(accounts), "打印总账",
                  {"year": year}, progress, abort)


def ledger_xlsx(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    accounts = reports.general_ledger(ctx, year)
    return _write(ctx, path, "ledger_xlsx", {"accounts": accounts, "year": year}, len(accounts), "导出总账",
                  {"year": year}, progress, abort)


def _span(account: str, date_from: dt.date, date_to: dt.date) -> dict:
    return {"account": account, "from": f"{date_from:%Y-%m-%d}", "to": f"{date_to:%Y-%m-%d}"}


def detail_pdf(ctx: Ctx, account: str, date_from: dt.date, date_to: dt.date, path, progress=None,
               abort=None) -> Written:
    d = reports.account_detail(ctx, account, date_from, date_to)
    return _write(ctx, path, "detail_pdf", {"detail": d}, len(d.lines), "打印明细账",
                  _span(account, date_from, date_to), progress, abort)


def detail_xlsx(ctx: Ctx, account: str, date_from: dt.date, date_to: dt.date, path, progress=None,
                abort=None) -> Written:
    d = reports.account_detail(ctx, account, date_from, date_to)
    return _write(ctx, path, "detail_xlsx", {"detail": d}, len(d.lines), "导出明细账",
                  _span(account, date_from, date_to), progress, abort)
