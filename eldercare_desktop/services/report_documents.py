"""The year's books as documents: 科目余额表, 总账 and 明细账 as PDF or XLSX
(gather through services.reports, render in documents/, write with
services.output.write_document). The renderers import ReportLab and
openpyxl, so they load on first print, not with the screens."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from ..domain.roles import Perm
from . import reports
from .anchor import anchored
from .context import Ctx
from .output import Written, write_document


def _write(ctx: Ctx, path, render: Callable[[], bytes], rows: int, action: str, details: dict) -> Written:
    ctx.require(Perm.PRINT)

    def write(tmp: Path) -> int:
        tmp.write_bytes(render())
        return rows

    with anchored(ctx):  # the books of closed months carry the audit chain's anchor
        return write_document(ctx, path, write, action, "books", details)


def _centre_name(ctx: Ctx) -> str:
    from .centre import get_centre

    info = get_centre(ctx)
    return info.name if info else ""


def trial_balance_pdf(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    from ..documents.books_pdf import trial_balance_pdf as render

    tb = reports.trial_balance_year(ctx, year)
    return _write(ctx, path, lambda: render(tb, _centre_name(ctx), ctx.today(), progress, abort), len(tb.rows),
                  "打印科目余额表", {"year": year})


def trial_balance_xlsx(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    from ..documents.disclosure_xlsx import trial_balance_xlsx as render

    tb = reports.trial_balance_year(ctx, year)
    return _write(ctx, path, lambda: render(tb, _centre_name(ctx)), len(tb.rows), "导出科目余额表", {"year": year})


def ledger_pdf(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    from ..documents.books_pdf import ledger_pdf as render

    accounts = reports.general_ledger(ctx, year)
    return _write(ctx, path, lambda: render(accounts, _centre_name(ctx), year, ctx.today(), progress, abort),
                  len(accounts), "打印总账", {"year": year})


def ledger_xlsx(ctx: Ctx, year: int, path, progress=None, abort=None) -> Written:
    from ..documents.disclosure_xlsx import ledger_xlsx as render

    accounts = reports.general_ledger(ctx, year)
    return _write(ctx, path, lambda: render(accounts, year, _centre_name(ctx)), len(accounts), "导出总账",
                  {"year": year})


def _span(account: str, date_from: dt.date, date_to: dt.date) -> dict:
    return {"account": account, "from": f"{date_from:%Y-%m-%d}", "to": f"{date_to:%Y-%m-%d}"}


def detail_pdf(ctx: Ctx, account: str, date_from: dt.date, date_to: dt.date, path, progress=None,
               abort=None) -> Written:
    from ..documents.books_pdf import detail_pdf as render

    d = reports.account_detail(ctx, account, date_from, date_to)
    return _write(ctx, path, lambda: render(d, _centre_name(ctx), ctx.today(), progress, abort), len(d.lines),
                  "打印明细账", _span(account, date_from, date_to))


def detail_xlsx(ctx: Ctx, account: str, date_from: dt.date, date_to: dt.date, path, progress=None,
                abort=None) -> Written:
    from ..documents.disclosure_xlsx import detail_xlsx as render

    d = reports.account_detail(ctx, account, date_from, date_to)
    return _write(ctx, path, lambda: render(d, _centre_name(ctx)), len(d.lines), "导出明细账",
                  _span(account, date_from, date_to))
