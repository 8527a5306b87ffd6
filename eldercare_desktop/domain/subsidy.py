"""Subsidy schemes are data (the ``[[scheme]]`` and ``[[param]]`` tables of a
policy profile); this module reads them and applies them to subjects.

A scheme has a subject (project, centre, resident or worker), tests every
row must pass, and layers: each layer has its own tests, rate, unit, cap,
recipient and funders. A profile may inherit another file's schemes
(``inherits``) and add layers to an inherited scheme (``extend = true``):
that is how a district's subsidy sits on top of the city's.

Values (rates, thresholds, caps, weights) are numbers, or ``{param = "key"}``
naming a parameter the centre fills in; a parameter without a value makes
the claim name it as missing. Rates are yuan; no float is accepted.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from .books import SUBSIDY_KINDS
from .errors import RuleViolation
from .money import round_fen
from .subsidy_records import UNITS, Check, ClaimResult, LayerAmount, LayerTotal, RowResult, Subject, months_text

OPS = {"min": "≥", "max": "≤", "above": ">", "below": "<", "in": "属于", "equals": "为", "is": "为"}


@dataclass(frozen=True)
class Param:
    key: str
    label: str
    unit: str = ""
    default: Decimal | None = None
    minimum: Decimal | None = None
    note: str = ""
    maximum: Decimal | None = None
    integer: bool = False  # a count (days), not an amount


@dataclass(frozen=True)
class Test:
    label: str
    fact: str
    op: str
    value: object
    unit: str = ""
    when: tuple[tuple[str, object], ...] = ()
    month: bool = False  # tested month by month


@dataclass(frozen=True)
class Layer:
    name: str
    recipient: str  # centre | resident
    funders: tuple[tuple[str, Decimal], ...]
    unit: str
    rate: object
    rate_per: str = ""  # "year": a yearly rate paid by the month (÷ 12)
    weight: object = None
    of: str = ""  # unit "amount": the fen fact the rate is a ratio of
    cap: object = None
    cap_scope: str = "row"  # row | site (since establishment, across claims)
    tests: tuple[Test, ...] = ()


@dataclass(frozen=True)
class Scheme:
    code: str
    name: str
    kind: str  # 建设补贴 | 运营补贴 | 护理员岗位补贴 | 服务补贴 | 其他补助
    subject: str  # project | centre | resident | worker
    period: str  # month | quarter | half | year
    layers: tuple[Layer, ...]
    tests: tuple[Test, ...] = ()
    once: bool = False  # a subject is paid once, ever
    select: tuple[tuple[str, object], ...] = ()
    attachments: tuple[str, ...] = ()
    source: str = ""
    note: str = ""
    windows: tuple[str, ...] = ()  # MM-DD..MM-DD when claims for the last period are taken

    def params(self) -> set[str]:
        keys: set[str] = set()
        for t in self.tests:
            keys |= _param_keys(t.value)
        for x in self.layers:
            keys |= _param_keys(x.rate) | _param_keys(x.weight) | _param_keys(x.cap)
            for t in x.tests:
                keys |= _param_keys(t.value)
        return keys


def _param_keys(spec) -> set[str]:
    if isinstance(spec, dict):
        if "param" in spec:
            return {spec["param"]}
        out: set[str] = set()
        for v in spec.values():
            out |= _param_keys(v)
        return out
    if isinstance(spec, list):
        out = set()
        for v in spec:
            out |= _param_keys(v)
        return out
    return set()


# --- reading the data ------------------------------------------------------------

def _num(v, where: str) -> Decimal:
    if isinstance(v, bool) or isinstance(v, float):
        raise RuleViolation(f"{where}：数值应写成整数或带引号的小数（不用浮点数）")
    try:
        return Decimal(str(v))
    except InvalidOperation:
        raise RuleViolation(f"{where}：“{v}”不是数字") from None


def _check_spec(spec, where: str) -> None:
    """Floats are refused anywhere in a value spec (money is never a float)."""
    if isinstance(spec, float):
        _num(spec, where)
    elif isinstance(spec, dict):
        for v in spec.values():
            _check_spec(v, where)
    elif isinstance(spec, list):
        for v in spec:
            _check_spec(v, where)


def _tests(raw: list, where: str) -> tuple[Test, ...]:
    out = []
    for t in raw:
        ops = [k for k in OPS if k in t]
        if len(ops) != 1:
            raise RuleViolation(f"{where}：条件“{t.get('label', '?')}”应有且只有一个比较（min/max/above/below/in/equals）")
        _check_spec(t[ops[0]], where)
        out.append(Test(t.get("label", t["fact"]), t["fact"], ops[0], t[ops[0]], t.get("unit", ""),
                        tuple(sorted(t.get("when", {}).items())), bool(t.get("month", False))))
    return tuple(out)


def _layer(raw: dict, where: str) -> Layer:
    unit = raw.get("unit", "once")
    if unit not in UNITS:
        raise RuleViolation(f"{where}：计量单位“{unit}”应为{'、'.join(UNITS)}之一")
    funders = []
    shares = raw.get("funders") or [{"name": raw.get("funder", "财政"), "share": "1"}]
    for f in shares:
        funders.append((f["name"], _num(f.get("share", "1"), where)))
    if sum(s for _, s in funders) != 1:
        raise RuleViolation(f"{where}：资金分担比例合计应为1")
    recipient = raw.get("recipient", "centre")
    if recipient not in ("centre", "resident"):
        raise RuleViolation(f"{where}：领取方应为 centre（机构）或 resident（老人）")
    cap = raw.get("cap")
    scope = "row"
    if isinstance(cap, dict):
        scope = cap.get("scope", "row")
        if scope not in ("row", "site"):
            raise RuleViolation(f"{where}：上限范围应为 row 或 site")
        cap = {k: v for k, v in cap.items() if k != "scope"}
    if cap is not None and recipient == "resident" and scope == "site":
        raise RuleViolation(f"{where}：发给老人的补贴不能设机构累计上限")
    for spec in (raw.get("rate"), raw.get("weight"), cap):
        _check_spec(spec, where)
    if "rate" not in raw:
        raise RuleViolation(f"{where}：缺少补贴标准 rate")
    return Layer(raw.get("name", ""), recipient, tuple(funders), unit, raw["rate"], raw.get("rate_per", ""),
                 raw.get("weight"), raw.get("of", ""), cap, scope, _tests(raw.get("test", []), where))


def parse_schemes(raws: list[dict]) -> tuple[dict[str, Scheme], dict[str, Param]]:
    """Schemes and parameters of a profile; ``raws`` lists the inherited files
    first and the profile itself last."""
    schemes: dict[str, Scheme] = {}
    params: dict[str, Param] = {}
    for data in raws:
        if "_missing" in data:
            raise RuleViolation(f"继承的政策文件“base/{data['_missing']}.toml”不存在")
        for p in data.get("param", []):
            params[p["key"]] = Param(
                p["key"], p.get("label", p["key"]), p.get("unit", ""),
                _num(p["default"], p["key"]) if "default" in p else None,
                _num(p["minimum"], p["key"]) if "minimum" in p else None, p.get("note", ""),
                _num(p["maximum"], p["key"]) if "maximum" in p else None, bool(p.get("integer", False)))
        for s in data.get("scheme", []):
            where = f"补贴方案“{s.get('name', s.get('code'))}”"
            layers = tuple(_layer(x, f"{where}的“{x.get('name', '')}”") for x in s.get("layer", []))
            if s.get("extend"):
                base = schemes.get(s["code"])
                if base is None:
                    raise RuleViolation(f"{where}：要叠加的方案“{s['code']}”不存在")
                schemes[s["code"]] = Scheme(
                    base.code, s.get("name", base.name), base.kind, base.subject, base.period,
                    base.layers + layers, base.tests + _tests(s.get("test", []), where), base.once, base.select,
                    base.attachments + tuple(a for a in s.get("attachments", ()) if a not in base.attachments),
                    "；".join(x for x in (base.source, s.get("source", "")) if x),
                    "；".join(x for x in (base.note, s.get("note", "")) if x), base.windows)
                continue
            if s.get("subject") not in ("project", "centre", "resident", "worker"):
                raise RuleViolation(f"{where}：对象应为 project、centre、resident 或 worker")
            if s.get("period", "year") not in ("month", "quarter", "half", "year"):
                raise RuleViolation(f"{where}：申报周期应为 month、quarter、half 或 year")
            if not layers:
                raise RuleViolation(f"{where}：至少要有一个补贴层")
            if s.get("kind") not in SUBSIDY_KINDS:
                raise RuleViolation(f"{where}：补助类别应为{'、'.join(SUBSIDY_KINDS)}之一")
            schemes[s["code"]] = Scheme(
                s["code"], s["name"], s["kind"], s["subject"], s.get("period", "year"), layers,
                _tests(s.get("test", []), where), bool(s.get("once", False)), tuple(sorted(s.get("select", {}).items())),
                tuple(s.get("attachments", ())), s.get("source", ""), s.get("note", ""), tuple(s.get("windows", ())))
    for sc in schemes.values():
        unknown = sc.params() - set(params)
        if unknown:
            raise RuleViolation(f"补贴方案“{sc.name}”引用了未定义的参数：{'、'.join(sorted(unknown))}")
    return schemes, params


# --- values --------------------------------------------------------------------

class _Values:
    """Resolves value specs against the centre's parameter values, noting
    the parameters that are still missing."""

    def __init__(self, params: dict[str, Param], values: dict[str, Decimal]):
        self.params, self.values = params, values
        self.missing: set[str] = set()

    def get(self, spec):
        if isinstance(spec, dict) and "param" in spec:
            key = spec["param"]
            v = self.values.get(key, self.params[key].default)
            if v is None:
                self.missing.add(key)
            return v
        if isinstance(spec, list):
            return [self.get(x) for x in spec]
        if isinstance(spec, (int, str)) and not isinstance(spec, bool):
            try:
                return Decimal(str(spec)) if isinstance(spec, int) or _looks_numeric(spec) else spec
            except InvalidOperation:
                return spec
        return spec

    def amount(self, spec, facts: dict, display: dict) -> tuple[Decimal | None, Check | None, str]:
        """A rate or weight: a value, or a table or bands keyed by a fact.
        Returns (value, a failing check when no band applies, how it was chosen)."""
        if not isinstance(spec, dict) or "param" in spec:
            return self.get(spec), None, ""
        fact = spec["by"]
        have = facts.get(fact)
        shown = _show(fact, have, display, spec.get("unit", ""))
        if "table" in spec:
            table = spec["table"]
            key = str(have) if have is not None else ""
            if key in table:
                return self.get(table[key]), None, f"{spec.get('label', fact)}{shown}"
            if "otherwise" in spec:
                return self.amount(spec["otherwise"], facts, display)
            return None, Check(spec.get("label", fact), shown, False, "、".join(table)), ""
        bands = spec["bands"]  # [[threshold, value], …] ascending
        chosen = None
        for threshold, value in bands:
            t = self.get(threshold)
            if have is not None and t is not None and Decimal(have) >= t:
                chosen = (t, value)
        if chosen is None:
            first = self.get(bands[0][0])
            return None, Check(spec.get("label", fact), shown, False, f"≥ {_fmt(first)}{spec.get('unit', '')}"), ""
        return self.get(chosen[1]), None, f"{spec.get('label', fact)}{shown} ≥ {_fmt(chosen[0])}{spec.get('unit', '')}"


def _looks_numeric(s: str) -> bool:
    try:
        Decimal(s)
        return True
    except InvalidOperation:
        return False


def _fmt(v) -> str:
    if isinstance(v, Decimal):
        v = v.normalize()
        return f"{v:f}"
    if isinstance(v, dt.date):
        return f"{v:%Y-%m-%d}"
    if isinstance(v, bool):
        return "是" if v else "否"
    if v is None:
        return "未登记"
    return str(v)


def _show(fact: str, value, display: dict, unit: str = "") -> str:
    if fact in display:
        return str(display[fact])
    return _fmt(value) + (unit if value is not None and unit else "")


def _passes(op: str, have, want) -> bool:
    if have is None:
        return False
    if op == "in":
        return str(have) in [str(_fmt(w)) for w in want]
    if op in ("equals", "is"):
        return _fmt(have) == _fmt(want) if not isinstance(have, bool) else have == (want in (True, "true", "是"))
    if want is None:
        return False
    h, w = Decimal(have), Decimal(want)
    return {"min": h >= w, "max": h <= w, "above": h > w, "below": h < w}[op]


def _applies(when, facts: dict) -> bool:
    return all(_fmt(facts.get(k)) == _fmt(v) for k, v in when)


def _check(t: Test, vals: _Values, facts: dict, display: dict, month: str = "") -> Check | None:
    if not _applies(t.when, facts):
        return None
    want = vals.get(t.value)
    have = facts.get(t.fact)
    if want is None or (isinstance(want, list) and None in want):
        return Check(t.label, _show(t.fact, have, display, t.unit), False, "（参数未填）", month)
    need = (f"{OPS[t.op]} {_fmt(want)}{t.unit}" if t.op not in ("in", "equals", "is")
            else "、".join(_fmt(w) for w in want) if isinstance(want, list) else _fmt(want))
    return Check(t.label, _show(t.fact, have, display, t.unit), _passes(t.op, have, want), need, month)


# --- applying a scheme ---------------------------------------------------------------

def _qty(layer: Layer, facts: dict) -> tuple[Decimal | None, str]:
    if layer.unit == "once":
        return Decimal(1), "1 次"
    if layer.unit == "month":
        return Decimal(1), ""
    if layer.unit in ("bed", "bed_month"):
        beds = facts.get("beds")
        return (Decimal(beds) if beds is not None else None), f"{_fmt(beds)} 张"
    if layer.unit == "m2":
        area = facts.get("area_m2")
        return (Decimal(area) if area is not None else None), f"{_fmt(area)} m²"
    fen = facts.get(layer.of)  # amount
    return (Decimal(fen) / 100 if fen is not None else None), f"¥{Decimal(fen or 0) / 100:,.2f}"


def _month_tests_ok(tests, vals, facts, display, month, fails: list, passes: list | None = None) -> bool:
    ok = True
    for t in tests:
        if not t.month:
            continue
        c = _check(t, vals, facts, display, month)
        if c is None:
            continue
        if c.ok:
            if passes is not None:
                passes.append(c)
        else:
            fails.append(c)
            ok = False
    return ok


def _passed(checks: list[Check], months: tuple[str, ...]) -> list[Check]:
    """Month-by-month tests that passed, one check per test with its
    evidence: once when every month shows the same, else the months that
    showed each ('2025-07—08：31 天；2025-09：30 天'); the count of months
    when not every month of the period passed."""
    by_label: dict[str, list[Check]] = {}
    for c in checks:
        by_label.setdefault(c.label, []).append(c)
    out = []
    for label, cs in by_label.items():
        by_evidence: dict[str, list[str]] = {}
        for c in cs:
            by_evidence.setdefault(c.evidence, []).append(c.month)
        if len(by_evidence) == 1 and len(cs) == len(months):
            evidence = cs[0].evidence
        else:
            evidence = "；".join(f"{months_text(ms)}：{e}" for e, ms in by_evidence.items())
            if len(cs) < len(months):
                evidence += f"（{len(cs)}/{len(months)} 个月）"
        out.append(Check(label, evidence, True, cs[0].requirement))
    return out


def _row(scheme: Scheme, subj: Subject, vals: _Values, months: tuple[str, ...],
         claimed_before: dict[str, str]) -> tuple[RowResult, list[tuple[Layer, int, str]]]:
    facts, display = subj.facts, subj.display
    present = tuple(m for m in months if subj.active is None or m in subj.active)
    checks = [c for t in scheme.tests if not t.month for c in [_check(t, vals, facts, display)] if c]
    if scheme.once and subj.key in claimed_before:
        checks.append(Check("申领记录", f"已在{claimed_before[subj.key]}中申领", False, "未申领过"))
    row_ok = all(c.ok for c in checks)
    layers: list[LayerAmount] = []
    caps: list[tuple[Layer, int, str]] = []
    common_fail: dict[str, list[Check]] = {}
    common_pass: dict[str, list[Check]] = {}
    for layer in scheme.layers:
        lchecks = [c for t in layer.tests if not t.month for c in [_check(t, vals, facts, display)] if c]
        ok = row_ok and all(c.ok for c in lchecks)
        exact = Decimal(0)
        counted: list[str] = []
        beds: list[tuple[str, int]] = []
        basis = ""
        month_fails: list[Check] = []
        if scheme.subject in ("resident", "worker") or layer.unit in ("month", "bed_month"):
            month_passes: list[Check] = []
            groups: dict[tuple, list] = {}  # (qty, rate, weight) → [months, how the last of them was found]
            for m in months:
                if subj.active is not None and m not in subj.active:
                    continue  # not there that month: nothing to test
                mf = {**facts, **subj.months.get(m, {})}
                md = {**display, **subj.months.get(m, {}).get("_display", {})}
                fails: list[Check] = []
                passes: list[Check] = []
                good = _month_tests_ok(scheme.tests, vals, mf, md, m, fails, passes)
                if m not in common_fail:
                    common_fail[m], common_pass[m] = fails, passes
                good = _month_tests_ok(layer.tests, vals, mf, md, m, month_fails, month_passes) and good
                if not good or not ok:
                    continue
                rate, fail, how = vals.amount(layer.rate, mf, md)
                weight, wfail, whow = vals.amount(layer.weight, mf, md) if layer.weight is not None else (Decimal(1), None, "")
                qty, qhow = _qty(layer, mf)
                for f in (fail, wfail):
                    if f is not None:
                        month_fails.append(Check(f.label, f.evidence, False, f.requirement, m))
                if rate is None or weight is None or qty is None or fail or wfail:
                    continue
                per = rate / 12 if layer.rate_per == "year" else rate
                exact += per * weight * qty * 100
                counted.append(m)
                if layer.unit == "bed_month":
                    beds.append((m, int(qty)))
                rate_txt = f"¥{rate:,.2f}" + ("/年 ÷ 12" if layer.rate_per == "year" else "")
                weight_txt = _fmt(weight) if layer.weight is not None else ""
                why = "，".join(x for x in (how, whow) if x)
                desc = " × ".join(x for x in (qhow, rate_txt, weight_txt) if x) + (f"（{why}）" if why else "")
                g = groups.setdefault((qty, rate, weight), [[], ""])
                g[0].append(m)
                g[1] = desc
            lchecks.extend(_passed(month_passes, present))
            lchecks.extend(month_fails)
            basis = "；".join(f"{len(ms)} 个月 × {desc}" for ms, desc in groups.values()) or "0 个月"
        elif ok:
            rate, fail, how = vals.amount(layer.rate, facts, display)
            weight, wfail, whow = vals.amount(layer.weight, facts, display) if layer.weight is not None else (Decimal(1), None, "")
            qty, qhow = _qty(layer, facts)
            lchecks.extend(f for f in (fail, wfail) if f is not None)
            if rate is not None and weight is not None and qty is not None and not fail and not wfail:
                exact = rate * weight * qty * 100
                unit_txt = "" if layer.unit == "amount" else f" × ¥{rate:,.2f}"
                basis = f"{qhow}{unit_txt}" + (f" × {_fmt(weight)}" if layer.weight is not None else "") + \
                    (f"（{how}）" if how else "")
                if layer.unit == "amount":
                    basis = f"{qhow} × {_fmt(rate)}"
        amount = round_fen(exact)
        if layer.cap is not None and amount:
            cap_v, _, cap_how = vals.amount(layer.cap, facts, display)
            cap_key = _fmt(facts.get(layer.cap["by"])) if isinstance(layer.cap, dict) and "by" in layer.cap else ""
            if cap_v is not None:
                cap_fen = round_fen(cap_v * 100)
                if layer.cap_scope == "row" and amount > cap_fen:
                    lchecks.append(Check("单项上限", f"¥{cap_v:,.2f}", True, "", ""))
                    basis += f"，按上限 ¥{cap_v:,.2f}"
                    amount = cap_fen
                elif layer.cap_scope == "site":
                    caps.append((layer, cap_fen, cap_key))
        layers.append(LayerAmount(layer.name, layer.recipient, layer.funders, amount, basis, tuple(counted),
                                  tuple(lchecks), tuple(beds)))
    checks.extend(_passed([c for m in months for c in common_pass.get(m, ())], present))
    for m in months:
        checks.extend(common_fail.get(m, ()))
    return RowResult(subj.key, subj.name, subj.info, tuple(checks), tuple(layers)), caps


def split(amount_fen: int, funders: tuple[tuple[str, Decimal], ...]) -> list[tuple[str, int]]:
    """Divide an amount among funders by share; the last takes the remainder
    so the parts add up to the fen."""
    out, left = [], amount_fen
    for i, (name, share) in enumerate(funders):
        part = left if i == len(funders) - 1 else round_fen(Decimal(amount_fen) * share)
        out.append((name, part))
        left -= part
    return out


def evaluate(scheme: Scheme, params: dict[str, Param], values: dict[str, Decimal], subjects: list[Subject],
             months: tuple[str, ...], earlier: dict[tuple[str, str], int] | None = None,
             claimed_before: dict[str, str] | None = None) -> ClaimResult:
    """Apply a scheme to its subjects over the claim's months.

    ``earlier`` holds what earlier claims took under each capped layer
    ((layer, cap key) → fen), ``claimed_before`` the subjects already paid
    by a once-only scheme (subject key → claim number)."""
    vals = _Values(params, values)
    for key in scheme.params():  # every parameter the scheme uses, whether or not a row reaches it
        vals.get({"param": key})
    earlier = earlier or {}
    chosen = [s for s in subjects if _applies(scheme.select, s.facts)]
    rows, caps_seen = [], []
    for subj in chosen:
        r, caps = _row(scheme, subj, vals, months, claimed_before or {})
        rows.append(r)
        caps_seen.extend((r, *c) for c in caps)
    totals, funders = [], {}
    for layer in scheme.layers:
        rows_fen = sum(x.amount_fen for r in rows for x in r.layers if x.layer == layer.name)
        allowed, cap_total, earlier_total, note, keyed = rows_fen, None, 0, "", []
        if layer.cap is not None and layer.cap_scope == "site":
            by_key: dict[str, list] = {}
            for r, lay, cap_fen, key in caps_seen:
                if lay.name == layer.name:
                    got = next(x.amount_fen for x in r.layers if x.layer == layer.name)
                    by_key.setdefault(key, [0, cap_fen])[0] += got
            # one pot per site since establishment, whatever the tenure: what
            # the site took before (every key) counts against the cap of each
            # key; the stricter (smaller) caps are filled first
            allowed = rows_fen - sum(g[0] for g in by_key.values())
            earlier_total = sum(v for (name, _k), v in earlier.items() if name == layer.name)
            used, cap_total, notes = 0, 0, []
            for key, (got, cap_fen) in sorted(by_key.items(), key=lambda kv: (kv[1][1], kv[0])):
                room = max(0, cap_fen - earlier_total - used)
                take = min(got, room)
                allowed += take
                used += take
                keyed.append((key, take))
                cap_total = max(cap_total, cap_fen - earlier_total)  # the most this site may still take
                notes.append(f"{key + '：' if key else ''}上限 ¥{cap_fen / 100:,.2f}，本址此前已申领 "
                             f"¥{earlier_total / 100:,.2f}" + (f"、本次其他项目 ¥{(used - take) / 100:,.2f}"
                                                           if used - take else "")
                             + f"，本次最多 ¥{room / 100:,.2f}")
            note = "；".join(notes)
        totals.append(LayerTotal(layer.name, layer.recipient, rows_fen, cap_total, earlier_total, allowed, note,
                                 tuple(keyed)))
        for name, part in split(allowed, layer.funders):
            funders[name] = funders.get(name, 0) + part
    missing = tuple(f"{params[k].label}（{k}）" for k in sorted(vals.missing))
    return ClaimResult(scheme.code, scheme.name, scheme.kind, months[0], months[-1], months, tuple(rows),
                       tuple(totals), tuple(funders.items()), missing)


# --- periods ---------------------------------------------------------------------

PERIOD_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def months_between(first: str, last: str) -> tuple[str, ...]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def period_label(first: str, last: str) -> str:
    if first[:4] == last[:4]:
        y = first[:4]
        if first[5:] == "01" and last[5:] == "12":
            return f"{y}年度"
        if first[5:] == "01" and last[5:] == "06":
            return f"{y}年上半年"
        if first[5:] == "07" and last[5:] == "12":
            return f"{y}年下半年"
        if first == last:
            return f"{y}年{int(first[5:])}月"
        return f"{y}年{int(first[5:])}—{int(last[5:])}月"
    return f"{first}—{last}"


def default_period(scheme: Scheme, today: dt.date) -> tuple[str, str]:
    """The latest whole period of the scheme that has ended by ``today``."""
    n = PERIOD_MONTHS[scheme.period]
    index = (today.year * 12 + today.month - 1) // n * n - n  # first month of the previous period
    first = f"{index // 12:04d}-{index % 12 + 1:02d}"
    end = index + n - 1
    return first, f"{end // 12:04d}-{end % 12 + 1:02d}"


def years_between(start: dt.date, end_exclusive: dt.date) -> Decimal:
    """Whole months plus the fraction of the next, in years, rounded down to
    0.01 (so a day short of a year is 0.99, never 1.00)."""
    if end_exclusive <= start:
        return Decimal(0)
    from .schedule import add_months
    months = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month
    while months > 0 and add_months(start, months) > end_exclusive:
        months -= 1
    base = add_months(start, months)
    nxt = add_months(start, months + 1)
    frac = Decimal((end_exclusive - base).days) / Decimal((nxt - base).days)
    return ((Decimal(months) + frac) / 12).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
