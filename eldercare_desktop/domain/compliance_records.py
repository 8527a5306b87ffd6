"""The compliance self-check (合规自查) as data: one :class:`CheckItem` per
rule the seeds name (DOMAIN.md §1, §2, §3, §4, §6), each green or red with
the residents or records behind a red. Built by services/compliance.py,
printed by documents/compliance_pdf.py, shown by the CLI and the 报表 page."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .money import format_yuan

# rule codes, in the order of the report
DEPOSIT_CAP = "deposit_cap"
ESCROW_ACCOUNT = "escrow_account"
REFUNDS = "refunds"
CONTRACTS = "contracts"
FEES = "fees"
ASSESSMENTS = "assessments"
DISCLOSURE = "disclosure"
NURSING_BEDS = "nursing_beds"
CODES = (DEPOSIT_CAP, ESCROW_ACCOUNT, REFUNDS, CONTRACTS, FEES, ASSESSMENTS, DISCLOSURE, NURSING_BEDS)

OK_MARK, FAIL_MARK = "✔", "✘"


@dataclass(frozen=True)
class Finding:
    """One resident or record behind a red (or an informative line on a green):
    who or what, what is wrong, and the amount and/or date it turns on."""

    subject: str  # resident name, fee item, account, year …
    detail: str
    amount_fen: int | None = None
    day: dt.date | None = None
    resident_id: int | None = None
    ref: str = ""  # contract / movement / assessment number

    def amount_text(self) -> str:
        return "" if self.amount_fen is None else format_yuan(self.amount_fen)

    def day_text(self) -> str:
        return "" if self.day is None else f"{self.day:%Y-%m-%d}"


@dataclass(frozen=True)
class CheckItem:
    code: str
    rule: str  # 押金不超过月服务费的6倍
    basis: str  # the seed and DOMAIN.md section it comes from
    ok: bool
    summary: str  # one line: what was found
    findings: tuple[Finding, ...] = ()  # the records behind a red
    notes: tuple[str, ...] = ()  # facts shown on a green too (figures, what was looked at)

    @property
    def mark(self) -> str:
        return OK_MARK if self.ok else FAIL_MARK

    @property
    def status(self) -> str:
        return "符合" if self.ok else "不符合"


@dataclass(frozen=True)
class SelfCheck:
    on: dt.date
    centre_name: str
    profile_code: str
    profile_name: str
    items: tuple[CheckItem, ...] = field(default_factory=tuple)
    checked_by: str = ""

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items)

    @property
    def failed(self) -> tuple[CheckItem, ...]:
        return tuple(i for i in self.items if not i.ok)

    def item(self, code: str) -> CheckItem:
        return next(i for i in self.items if i.code == code)

    def summary(self) -> str:
        n, bad = len(self.items), len(self.failed)
        if not bad:
            return f"自查{n}项，全部符合"
        return f"自查{n}项，{n - bad}项符合，{bad}项不符合：" + "、".join(i.rule for i in self.failed)


def finding_json(f: Finding) -> dict:
    return {"subject": f.subject, "detail": f.detail, "amount_fen": f.amount_fen,
            "amount": f.amount_text() or None, "date": f.day_text() or None, "resident_id": f.resident_id,
            "ref": f.ref}


def selfcheck_json(sc: SelfCheck) -> dict:
    """The whole self-check as JSON-ready data (dates as ISO text)."""
    return {"date": f"{sc.on:%Y-%m-%d}", "centre": sc.centre_name, "profile": sc.profile_code,
            "profile_name": sc.profile_name, "ok": sc.ok, "summary": sc.summary(), "checked_by": sc.checked_by,
            "items": [{"code": i.code, "rule": i.rule, "basis": i.basis, "ok": i.ok, "status": i.status,
                       "summary": i.summary, "notes": list(i.notes),
                       "findings": [finding_json(f) for f in i.findings]} for i in sc.items]}
