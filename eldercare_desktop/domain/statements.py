"""One engine for the 民非 statements: templates are data (TOML, one file per
statement per format version, resources/statements/<format>/), read here and
drawn from a snapshot of the books (balances, the year's movements, the
year's cash movements). Pure: no database, amounts in fen."""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import RuleViolation
from .ledger import CHART_2004, Chart

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "statements"
KINDS = ("balance", "activity", "cash_flow")
CHECK_ROWS_BALANCE = ("cash", "total_assets", "total_liabilities_and_net_assets", "unrestricted", "restricted",
                      "net_assets")


@dataclass(frozen=True)
class Term:
    """Accounts under ``prefix`` (only 限定性 ones if restricted is True,
    only 非限定性 if False, all if None), added with ``sign``."""

    prefix: str
    restricted: bool | None = None
    sign: int = 1

    @classmethod
    def parse(cls, text: str) -> "Term":
        sign = -1 if text.startswith("-") else 1
        code, _, flag = text.lstrip("-").partition("@")
        return cls(code, {"": None, "U": False, "R": True}[flag], sign)

    def matches(self, code: str, chart: Chart) -> bool:
        if not code.startswith(self.prefix):
            return False
        if self.restricted is None:
            return True
        acct = chart.get(code)
        return (acct.restricted if acct else False) == self.restricted


@dataclass(frozen=True)
class TemplateLine:
    row: int | None  # 行次; None on a heading
    label: str
    side: str = "debit"  # the side a figure is read on
    terms: tuple[Term, ...] = ()
    sum: tuple[int, ...] = ()  # 行次, negative to subtract
    heading: bool = False
    total: bool = False
    grand: bool = False
    detail: bool = False  # a "其中" line, not added into totals twice


@dataclass(frozen=True)
class FlowRule:
    prefixes: tuple[str, ...]
    inflow: int | None
    outflow: int | None


@dataclass(frozen=True)
class Template:
    code: str  # 会民非01表
    title: str
    kind: str  # balance | activity | cash_flow
    format: str  # "2004"
    first_year: int
    last_year: int | None
    columns: tuple[str, ...]
    lines: tuple[TemplateLine, ...]
    notes: tuple[str, ...] = ()
    rules: tuple[FlowRule, ...] = ()
    checks: dict = field(default_factory=dict, compare=False)  # role → 行次 the checks read

    def line(self, row: int) -> TemplateLine:
        for x in self.lines:
            if x.row == row:
                return x
        raise KeyError(row)


def parse_template(text: str) -> Template:
    data = tomllib.loads(text)
    lines = []
    for x in data["line"]:
        lines.append(TemplateLine(
            row=x.get("row"), label=x["label"], side=x.get("side", "debit"),
            terms=tuple(Term.parse(a) for a in x.get("accounts", ())), sum=tuple(x.get("sum", ())),
            heading=bool(x.get("heading", False)), total=bool(x.get("total", False)),
            grand=bool(x.get("grand", False)), detail=bool(x.get("detail", False))))
    rules = tuple(FlowRule(tuple(r["accounts"]), r.get("inflow"), r.get("outflow")) for r in data.get("rule", ()))
    t = Template(data["code"], data["title"], data["kind"], str(data["format"]), int(data["first_year"]),
                 data.get("last_year"), tuple(data["columns"]), tuple(lines), tuple(data.get("notes", ())), rules,
                 dict(data.get("checks", {})))
    _check_template(t)
    return t


def _check_template(t: Template) -> None:
    rows = {x.row for x in t.lines if x.row is not None}
    need = {"balance": CHECK_ROWS_BALANCE, "activity": ("net_asset_change",), "cash_flow": ("net_increase",)}
    for role in need.get(t.kind, ()):
        if t.checks.get(role) not in rows:
            raise ValueError(f"{t.code}: [checks] {role} must name one of its 行次")
    for x in t.lines:
        for r in x.sum:
            if abs(r) not in rows:
                raise ValueError(f"{t.code} line {x.row}: sum names unknown row {r}")
    for rule in t.rules:
        for r in (rule.inflow, rule.outflow):
            if r is not None and r not in rows:
                raise ValueError(f"{t.code}: rule names unknown row {r}")


def load_templates(root: Path = TEMPLATES) -> list[Template]:
    return [parse_template(p.read_text(encoding="utf-8")) for p in sorted(root.glob("*/*.toml"))]


@dataclass(frozen=True)
class TemplateChoice:
    template: Template
    note: str = ""  # why a format other than the year's own is used


def choose(templates: list[Template], kind: str, year: int) -> TemplateChoice:
    """The template of ``kind`` in force for fiscal ``year``; if the year's
    own format has no file yet, the newest earlier one, with a note."""
    mine = [t for t in templates if t.kind == kind and t.first_year <= year
            and (t.last_year is None or year <= t.last_year)]
    if mine:
        return TemplateChoice(max(mine, key=lambda t: t.first_year))
    earlier = [t for t in templates if t.kind == kind and t.first_year <= year]
    if not earlier:
        raise RuleViolation(f"没有适用于{year}年度的报表格式文件（{kind}）")
    t = max(earlier, key=lambda t: (t.last_year or 9999, t.first_year))
    return TemplateChoice(t, f"{year}年度起适用2024年修订的《民间非营利组织会计制度》报表格式，"
                             f"其格式文件尚未提供，本表暂按{t.format}年格式编制。")


# --- the books, as the engine sees them ------------------------------------------

@dataclass(frozen=True)
class CashMove:
    """A counterpart line of an entry that moved 货币资金: ``amount`` > 0
    when cash came in against this account."""

    entry_id: int
    day: dt.date
    account: str
    amount: int
    memo: str = ""


@dataclass(frozen=True)
class YearBooks:
    """A fiscal year's figures, each a dict {leaf account: debit − credit}.
    ``opening`` is the balance at the start of the year (with the opening-
    balance entry of a first year), ``closing`` at its end; ``movements``
    leave out opening-balance and year-end closing entries."""

    year: int
    opening: dict[str, int]
    closing: dict[str, int]
    movements: dict[str, int]
    cash_moves: tuple[CashMove, ...] = ()


@dataclass(frozen=True)
class StatementLine:
    row: int | None
    label: str
    values: tuple[int | None, ...]  # one per column; None on a heading
    heading: bool = False
    total: bool = False
    grand: bool = False
    detail: bool = False


@dataclass(frozen=True)
class Statement:
    code: str
    title: str
    year: int
    format: str
    columns: tuple[str, ...]
    lines: tuple[StatementLine, ...]
    notes: tuple[str, ...] = ()
    format_note: str = ""
    unclassified: tuple[CashMove, ...] = ()  # cash flow only
    check_rows: dict = field(default_factory=dict, compare=False)  # role → 行次 (from the template)

    def value(self, row: int, column: int = -1) -> int:
        for x in self.lines:
            if x.row == row:
                v = x.values[column]
                return 0 if v is None else v
        raise KeyError(row)

    def rows(self) -> dict[int, tuple[int | None, ...]]:
        return {x.row: x.values for x in self.lines if x.row is not None}


def _figure(line: TemplateLine, figures: dict[str, int], chart: Chart, restricted: bool | None = None) -> int:
    sign = 1 if line.side == "debit" else -1
    total = 0
    for code, v in figures.items():
        for t in line.terms:
            if t.matches(code, chart):
                if restricted is not None:
                    a = chart.get(code)
                    if (a.restricted if a else False) != restricted:
                        continue
                total += t.sign * v
    return sign * total


def _fill_sums(t: Template, values: dict[int, list[int]], ncols: int) -> None:
    pending = [x for x in t.lines if x.sum]
    while pending:
        rest = []
        for x in pending:
            if all(abs(r) in values for r in x.sum):
                values[x.row] = [sum((1 if r > 0 else -1) * values[abs(r)][c] for r in x.sum) for c in range(ncols)]
            else:
                rest.append(x)
        if len(rest) == len(pending):
            raise ValueError(f"{t.code}: circular sums")
        pending = rest


def _assemble(t: Template, year: int, values: dict[int, list[int]], note: str,
              unclassified: tuple[CashMove, ...] = (), columns: tuple[str, ...] | None = None) -> Statement:
    lines = tuple(
        StatementLine(x.row, x.label, tuple(values[x.row]) if x.row is not None else (None,) * len(columns or t.columns),
                      x.heading, x.total, x.grand, x.detail)
        for x in t.lines)
    return Statement(t.code, t.title, year, t.format, columns or t.columns, lines, t.notes, note, unclassified,
                     dict(t.checks))


def balance_sheet(choice: TemplateChoice, books: YearBooks, chart: Chart = CHART_2004) -> Statement:
    t = choice.template
    values = {x.row: [_figure(x, books.opening, chart), _figure(x, books.closing, chart)]
              for x in t.lines if x.row is not None and not x.sum and not x.heading}
    _fill_sums(t, values, 2)
    return _assemble(t, books.year, values, choice.note)


def activity(choice: TemplateChoice, books: YearBooks, last: YearBooks | None = None,
             chart: Chart = CHART_2004) -> Statement:
    """本年数 (非限定性 | 限定性 | 合计), then 上年数 in the same three columns."""
    t = choice.template
    values: dict[int, list[int]] = {}
    for x in t.lines:
        if x.row is None or x.sum or x.heading:
            continue
        cols = [_figure(x, books.movements, chart, False), _figure(x, books.movements, chart, True)]
        cols.append(cols[0] + cols[1])
        prev = [_figure(x, last.movements, chart, False), _figure(x, last.movements, chart, True)] if last else [0, 0]
        cols += [prev[0], prev[1], prev[0] + prev[1]]
        values[x.row] = cols
    _fill_sums(t, values, 6)
    columns = tuple(f"本年数·{c}" for c in t.columns) + tuple(f"上年数·{c}" for c in t.columns)
    note = choice.note
    if last is None:
        note = (note + " " if note else "") + f"{books.year - 1}年度没有账务数据（本年为建账首年），上年数为零。"
    return _assemble(t, books.year, values, note, columns=columns)


def classify(rules: tuple[FlowRule, ...], account: str) -> FlowRule | None:
    best, length = None, -1
    for r in rules:
        for p in r.prefixes:
            if account.startswith(p) and len(p) > length:
                best, length = r, len(p)
    return best


def flow_row(rule: FlowRule, amount: int) -> tuple[int, int]:
    """(row, signed figure on that row) for one counterpart movement."""
    if amount >= 0:
        return (rule.inflow, amount) if rule.inflow is not None else (rule.outflow, -amount)
    return (rule.outflow, -amount) if rule.outflow is not None else (rule.inflow, amount)


def cash_flow(choice: TemplateChoice, books: YearBooks) -> Statement:
    t = choice.template
    values = {x.row: [0] for x in t.lines if x.row is not None and not x.sum and not x.heading}
    unclassified = []
    for m in books.cash_moves:
        rule = classify(t.rules, m.account)
        if rule is None:
            unclassified.append(m)
            continue
        row, v = flow_row(rule, m.amount)
        values[row][0] += v
    _fill_sums(t, values, 1)
    return _assemble(t, books.year, values, choice.note, tuple(unclassified))


def cash_moves_of_entry(entry_id: int, day: dt.date, lines: list[tuple[str, int, str]],
                        chart: Chart = CHART_2004) -> list[CashMove]:
    """The counterpart movements of one entry ``lines`` [(account, debit −
    credit, memo)]: none unless cash moved on the whole; each non-cash line
    then moves cash by the opposite of its own amount."""
    cash = sum(v for a, v, _ in lines if _is_cash(a, chart))
    if cash == 0:
        return []
    return [CashMove(entry_id, day, a, -v, memo) for a, v, memo in lines if not _is_cash(a, chart) and v]


def _is_cash(code: str, chart: Chart) -> bool:
    a = chart.get(code)
    return bool(a and a.cash)


# --- checks printed on the statements ---------------------------------------------

@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # Chinese: the figures compared, or why it failed


@dataclass(frozen=True)
class StatementSet:
    year: int
    balance: Statement
    activity: Statement
    cash_flow: Statement
    checks: tuple[Check, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def problems(self) -> list[str]:
        return [f"{c.name}：{c.detail}" for c in self.checks if not c.ok]

    def by_code(self, code: str) -> Statement:
        return {s.code: s for s in (self.balance, self.activity, self.cash_flow)}[code]


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}" if isinstance(fen, int) else str(fen)


def run_checks(bs: Statement, act: Statement, cf: Statement, trial_debit: int, trial_credit: int) -> tuple[Check, ...]:
    """资产总计 = 负债和净资产总计; 净资产变动额 = Δ净资产合计 (and per column);
    现金净增加额 = Δ货币资金; the trial balance balances; every cash movement
    classified. The 行次 read come from each template's [checks] table."""
    b, a, c = bs.check_rows, act.check_rows, cf.check_rows
    out = []
    for col, when in ((0, "年初"), (1, "期末")):
        x, y = bs.value(b["total_assets"], col), bs.value(b["total_liabilities_and_net_assets"], col)
        out.append(Check(f"资产负债表平衡（{when}）", x == y,
                         f"资产总计{_yuan(x)}，负债和净资产总计{_yuan(y)}" + ("" if x == y else f"，相差{_yuan(x - y)}")))
    change = act.value(a["net_asset_change"], 2)
    delta = bs.value(b["net_assets"], 1) - bs.value(b["net_assets"], 0)
    out.append(Check("净资产变动额与资产负债表一致", change == delta,
                     f"业务活动表净资产变动额{_yuan(change)}，净资产合计期末减年初{_yuan(delta)}"))
    for col, label, role in ((0, "非限定性", "unrestricted"), (1, "限定性", "restricted")):
        x, d = act.value(a["net_asset_change"], col), bs.value(b[role], 1) - bs.value(b[role], 0)
        out.append(Check(f"{label}净资产变动一致", x == d, f"业务活动表{_yuan(x)}，资产负债表{_yuan(d)}"))
    net = cf.value(c["net_increase"], 0)
    dcash = bs.value(b["cash"], 1) - bs.value(b["cash"], 0)
    out.append(Check("现金净增加额与货币资金一致", net == dcash,
                     f"现金流量表净增加额{_yuan(net)}，货币资金期末减年初{_yuan(dcash)}"))
    out.append(Check("科目余额表借贷平衡", trial_debit == trial_credit,
                     f"借方合计{_yuan(trial_debit)}，贷方合计{_yuan(trial_credit)}"))
    n = len(cf.unclassified)
    detail = "全部现金收支均已归类" if n == 0 else "以下现金收支没有归类规则：" + "；".join(
        f"凭证{m.entry_id}（{m.day:%Y-%m-%d}，科目{m.account}，{_yuan(m.amount)}）" for m in cf.unclassified[:10]) + (
        f" 等{n}笔" if n > 10 else "")
    out.append(Check("现金收支全部归类", n == 0, detail))
    return tuple(out)


def draw(templates: list[Template], books: YearBooks, last: YearBooks | None, trial: tuple[int, int],
         chart: Chart = CHART_2004) -> StatementSet:
    """All three statements for ``books.year`` and the checks between them."""
    bs = balance_sheet(choose(templates, "balance", books.year), books, chart)
    act = activity(choose(templates, "activity", books.year), books, last, chart)
    cf = cash_flow(choose(templates, "cash_flow", books.year), books)
    return StatementSet(books.year, bs, act, cf, run_checks(bs, act, cf, *trial))


def line_terms(t: Template, row: int, sign: int = 1) -> list[tuple[Term, str]]:
    """The account terms behind a line (a sum line: those of its parts, a
    subtracted part with its terms' signs flipped), each with the line's
    side: what a drill-down lists."""
    x = t.line(row)
    if x.sum:
        out = []
        for r in x.sum:
            out += line_terms(t, abs(r), sign if r > 0 else -sign)
        return out
    return [(replace(term, sign=term.sign * sign), x.side) for term in x.terms]


def flow_prefixes(t: Template, row: int) -> list[str]:
    """The counterpart prefixes whose movements land on a cash-flow line."""
    x = t.line(row)
    if x.sum:
        return [p for r in x.sum for p in flow_prefixes(t, abs(r))]
    return [p for r in t.rules if row in (r.inflow, r.outflow) for p in r.prefixes]
