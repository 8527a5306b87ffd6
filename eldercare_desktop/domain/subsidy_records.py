"""What a subsidy claim is computed from (subjects with their facts) and
what it returns (rows with each test, its evidence and its result)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

NATURES = ("民办非营利", "民办营利", "公办", "公建民营")
# the centre kind kept since issue 1 → the nature a subsidy tests
NATURE_OF_KIND = {"非营利": "民办非营利", "营利": "民办营利", "公办": "公办", "公建民营": "公建民营"}
TENURES = ("自有", "租赁")
GRADES = ("优", "良", "中", "差")
CERT_LEVELS = ("初级", "中级", "高级", "技师", "高级技师")
FACILITIES = ("养老机构", "社区养老服务中心")
PROJECT_KINDS = ("新建", "改扩建")
COMMUNITY_KINDS = ("城市社区", "翻牌社区", "公办民营", "民办民营")
SUBJECTS = {"project": "建设项目", "centre": "机构", "resident": "入住老人", "worker": "护理员"}
STATUSES = ("草稿", "已提交", "已批准", "已到账", "已撤回")
UNITS = ("once", "bed", "m2", "month", "bed_month", "amount")


@dataclass(frozen=True)
class Subject:
    """One row of a claim before the rules: a construction project, the
    centre, a resident or a care worker, with its facts and (for month-based
    schemes) one dict of facts per month of the period. ``display`` holds
    how a fact is shown as evidence (e.g. a contract's dates)."""

    key: str  # "resident:12", "worker:3", "project:1", "centre:1"
    name: str
    facts: dict
    months: dict[str, dict] = field(default_factory=dict)  # "2026-01" → facts
    display: dict = field(default_factory=dict)
    info: dict = field(default_factory=dict)  # roster columns (ID number, gender…)
    # the months the subject was there at all (a resident in residence, a
    # worker employed); other months are not tested. None: every month
    active: frozenset[str] | None = None


@dataclass(frozen=True)
class Check:
    label: str  # 户籍
    evidence: str  # 渝北区
    ok: bool
    requirement: str = ""  # "≥ 1 年"
    month: str = ""  # a test of one month

    def text(self) -> str:
        when = f"{self.month} " if self.month else ""
        need = f"（要求{self.requirement}）" if self.requirement and not self.ok else ""
        return f"{self.label} {when}{self.evidence}{need} {'✔' if self.ok else '✘'}"


@dataclass(frozen=True)
class LayerAmount:
    layer: str  # 区级建设补贴
    recipient: str  # centre | resident
    funders: tuple[tuple[str, Decimal], ...]
    amount_fen: int
    basis: str  # "60 张 × ¥10,000.00"
    months: tuple[str, ...] = ()  # months counted (month-based layers)
    checks: tuple[Check, ...] = ()
    beds: tuple[tuple[str, int], ...] = ()  # unit bed_month: (month, beds counted)


@dataclass(frozen=True)
class RowResult:
    key: str
    name: str
    info: dict
    checks: tuple[Check, ...]  # tests common to every layer
    layers: tuple[LayerAmount, ...]

    @property
    def amount_fen(self) -> int:
        return sum(x.amount_fen for x in self.layers)

    @property
    def eligible(self) -> bool:
        return self.amount_fen > 0

    def counted_months(self) -> tuple[str, ...]:
        return tuple(sorted({m for x in self.layers for m in x.months}))

    def units(self, month: str) -> int:
        """What the row counts for in a month: its beds for a per-bed-month
        layer (床次), else 1 (a resident-month, a worker-month)."""
        return max((n for x in self.layers for m, n in x.beds if m == month), default=1)


@dataclass(frozen=True)
class LayerTotal:
    layer: str
    recipient: str
    rows_fen: int  # the rows added up
    cap_fen: int | None  # the cap for this claim (after earlier claims), None = no cap
    earlier_fen: int  # claimed before under a cap that counts since establishment
    allowed_fen: int  # what this claim asks for
    cap_note: str = ""
    by_key: tuple[tuple[str, int], ...] = ()  # a capped layer's allowed fen per cap key (e.g. 自有/租赁)


@dataclass(frozen=True)
class ClaimResult:
    scheme: str
    scheme_name: str
    kind: str
    first: str  # YYYY-MM
    last: str
    months: tuple[str, ...]
    rows: tuple[RowResult, ...]
    layers: tuple[LayerTotal, ...]
    funders: tuple[tuple[str, int], ...]  # funder → fen, adds up to total_fen
    missing: tuple[str, ...] = ()  # parameters the centre has not filled in
    notes: tuple[str, ...] = ()

    @property
    def total_fen(self) -> int:
        return sum(x.allowed_fen for x in self.layers)

    @property
    def centre_fen(self) -> int:
        return sum(x.allowed_fen for x in self.layers if x.recipient == "centre")

    @property
    def resident_fen(self) -> int:
        return sum(x.allowed_fen for x in self.layers if x.recipient == "resident")

    def month_counts(self) -> dict[str, int]:
        """Bed-months / resident-months / worker-months per month (the 申请表 grid)."""
        out = {m: 0 for m in self.months}
        for r in self.rows:
            for m in r.counted_months():
                if m in out:
                    out[m] += r.units(m)
        return out

    @property
    def per_bed(self) -> bool:
        """The grid counts bed-months (床次), not rows."""
        return any(x.beds for r in self.rows for x in r.layers)


def next_month(m: str) -> str:
    y, mo = int(m[:4]), int(m[5:7])
    return f"{y + (mo == 12):04d}-{1 if mo == 12 else mo + 1:02d}"


def month_runs(months) -> list[tuple[str, str]]:
    """Consecutive months as (first, last) runs."""
    runs: list[list[str]] = []
    for m in sorted(set(months)):
        if runs and m == next_month(runs[-1][1]):
            runs[-1][1] = m
        else:
            runs.append([m, m])
    return [(a, b) for a, b in runs]


def months_text(months, sep: str = "—") -> str:
    """'2026-01—05、2026-07'; across years '2025-12—2026-01'."""
    return "、".join(a if a == b else f"{a}{sep}{b[5:]}" if a[:4] == b[:4] else f"{a}{sep}{b}"
                    for a, b in month_runs(months))


# --- facts kept by the centre ---------------------------------------------------------

@dataclass(frozen=True)
class ProjectFacts:
    id: int
    name: str
    facility: str  # 养老机构 | 社区养老服务中心
    kind: str  # 新建 | 改扩建
    beds: int
    area_m2: Decimal
    completed: dt.date
    tenure: str  # 自有 | 租赁
    lease_start: dt.date | None = None
    lease_end: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class ContractSpan:
    """The agreed term (``end`` None: open-ended, 无固定期限) and the day it
    stopped when that came first (解除, 离职)."""

    start: dt.date
    end: dt.date | None
    ended: dt.date | None = None

    @property
    def until(self) -> dt.date | None:
        """The last day the contract was in force (None: still running, open-ended)."""
        return self.ended or self.end

    def text(self) -> str:
        term = f"{self.start:%Y-%m-%d}—{self.end:%Y-%m-%d}" if self.end else f"{self.start:%Y-%m-%d}起（无固定期限）"
        return term + (f"（{self.ended:%Y-%m-%d}解除）" if self.ended else "")


@dataclass(frozen=True)
class Certificate:
    level: str
    number: str
    issued: dt.date
    valid_until: dt.date | None = None


@dataclass(frozen=True)
class WorkerFacts:
    id: int
    name: str
    id_number: str
    gender: str
    care_start: dt.date | None  # start of continuous care work
    certificates: tuple[Certificate, ...]
    contracts: tuple[ContractSpan, ...]
    insured: frozenset[str]  # months (YYYY-MM) with social insurance paid
    trained_on: tuple[dt.date, ...]  # training completed
    left_on: dt.date | None = None


# --- a submitted claim's frozen rows (JSON) ---------------------------------------------

def _check_dict(c: Check) -> dict:
    return {"label": c.label, "evidence": c.evidence, "ok": c.ok, "requirement": c.requirement, "month": c.month}


def result_to_dict(r: ClaimResult) -> dict:
    return {
        "scheme": r.scheme, "scheme_name": r.scheme_name, "kind": r.kind, "first": r.first, "last": r.last,
        "months": list(r.months), "missing": list(r.missing), "notes": list(r.notes),
        "funders": [[n, f] for n, f in r.funders],
        "layers": [{"layer": x.layer, "recipient": x.recipient, "rows_fen": x.rows_fen, "cap_fen": x.cap_fen,
                    "earlier_fen": x.earlier_fen, "allowed_fen": x.allowed_fen, "cap_note": x.cap_note,
                    "by_key": [list(k) for k in x.by_key]}
                   for x in r.layers],
        "rows": [{"key": row.key, "name": row.name, "info": row.info,
                  "checks": [_check_dict(c) for c in row.checks],
                  "layers": [{"layer": x.layer, "recipient": x.recipient,
                              "funders": [[n, str(s)] for n, s in x.funders], "amount_fen": x.amount_fen,
                              "basis": x.basis, "months": list(x.months),
                              "checks": [_check_dict(c) for c in x.checks],
                              "beds": [list(b) for b in x.beds]} for x in row.layers]}
                 for row in r.rows],
    }


def result_from_dict(d: dict) -> ClaimResult:
    def checks(xs):
        return tuple(Check(**c) for c in xs)

    return ClaimResult(
        d["scheme"], d["scheme_name"], d["kind"], d["first"], d["last"], tuple(d["months"]),
        tuple(RowResult(r["key"], r["name"], r["info"], checks(r["checks"]), tuple(
            LayerAmount(x["layer"], x["recipient"], tuple((n, Decimal(s)) for n, s in x["funders"]), x["amount_fen"],
                        x["basis"], tuple(x["months"]), checks(x["checks"]),
                        tuple((m, n) for m, n in x.get("beds", ()))) for x in r["layers"]))
              for r in d["rows"]),
        tuple(LayerTotal(**{**x, "by_key": tuple(tuple(k) for k in x.get("by_key", ()))}) for x in d["layers"]), tuple((n, f) for n, f in d["funders"]),
        tuple(d["missing"]), tuple(d.get("notes", ())))
