"""Claims made before the app (on paper): recorded with what each layer
paid, so caps since establishment (Yubei's 5,000,000 per site) and
once-only schemes (a project's construction subsidy, the chain bonus)
count them. They post nothing: that money came in before the app's books,
or was booked by a voucher (政府补助收入) when it arrived."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from ..db.engine import lock
from ..db.models import Centre, SubsidyClaim, SubsidyClaimRow
from ..domain.errors import Problems, RuleViolation
from ..domain.records import Changes
from ..domain.roles import Perm
from ..domain.subsidy import period_label, split
from ..domain.subsidy_records import Check, ClaimResult, LayerAmount, LayerTotal, RowResult, result_to_dict
from . import subsidies, subsidy_facts
from .amounts import too_large, too_large_message
from .audit import audit
from .context import Ctx
from . import busy


def outside_subjects(ctx: Ctx, scheme: str) -> list[tuple[str, str]]:
    """(key, name) of what an earlier claim outside the app may have paid
    under a once-only scheme: the projects, or the centre."""
    sc = subsidies._scheme(subsidies.centre_profile(ctx), scheme)
    if sc.subject == "project":
        return [(f"project:{p.id}", p.name) for p in subsidy_facts.projects(ctx)]
    if sc.subject == "centre":
        with ctx.read() as s:
            c = s.get(Centre, 1)
        return [("centre:1", c.name if c else "本机构")]
    return []


def cap_keys(ctx: Ctx, scheme: str) -> dict[str, tuple[str, ...]]:
    """Layer → the keys its cap since establishment is kept by (e.g. 自有, 租赁)."""
    sc = subsidies._scheme(subsidies.centre_profile(ctx), scheme)
    return {x.name: tuple(x.cap.get("table", {})) if isinstance(x.cap, dict) and "by" in x.cap else ("",)
            for x in sc.layers if x.cap is not None and x.cap_scope == "site"}


@busy.retrying
def record_outside_claim(ctx: Ctx, scheme: str, first: str, last: str, amounts: dict[str, int],
                         received_on: dt.date, subjects: tuple[str, ...] = (), cap_key: str = "",
                         note: str = "") -> Changes:
    """A claim made and paid before the app (on paper): what each layer
    paid, so caps since establishment and once-only schemes count it. It
    posts nothing: the money came in before the app's books, or was booked
    by a voucher (政府补助收入) at the time."""
    ctx.require(Perm.FINANCE_WRITE)
    months = subsidies._check_period(first, last, ctx.today())
    if received_on > ctx.today():
        raise RuleViolation("到账日期不能晚于今天", "received_on")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        lock(s, "subsidy-claims")  # the overlap check and the number: one PC at a time (PostgreSQL)
        profile = subsidies.profile_in(s)
        sc = subsidies._scheme(profile, scheme)
        layers = {x.name: x for x in sc.layers}
        p = Problems()
        for name, fen in amounts.items():
            if name not in layers:
                p.add("amounts", f"补贴方案“{sc.name}”没有“{name}”这一层（应为{'、'.join(layers)}）")
            elif fen < 0:
                p.add("amounts", f"{name}的金额不能为负数")
            elif too_large(fen):
                p.add("amounts", too_large_message(name, fen))
        if not any(f > 0 for f in amounts.values()):
            p.add("amounts", "请填写至少一项已到账的金额")
        keys = {n: ks for n, ks in cap_keys(ctx, scheme).items() if amounts.get(n)}
        for name, ks in keys.items():
            if cap_key not in ks:
                p.add("cap_key", f"{name}有累计上限，请注明按哪一类计（{'、'.join(k for k in ks if k)}）")
        if sc.once and not subjects:
            p.add("subjects", "该补贴每个对象只发一次：请选择当时申领的建设项目或机构")
        known = dict(outside_subjects(ctx, scheme)) if subjects else {}
        _earlier, paid = subsidies._earlier(s, sc.code, None)
        done = {p_.id: p_.completed for p_ in subsidy_facts.projects_in(s)}
        for key in subjects:
            if key not in known:
                p.add("subjects", f"“{key}”不是本方案的对象")
            elif sc.once and key in paid:
                p.add("subjects", f"{known[key]}已在{paid[key]}中申领，不能再登记")
            elif key.startswith("project:") and done.get(int(key[8:]), dt.date.min) > subsidies.subj.month_span(last)[1]:
                p.add("subjects", f"{known[key]}竣工于{done[int(key[8:])]:%Y-%m-%d}，晚于申报期间")
        if received_on < subsidies.subj.month_span(first)[0]:
            p.add("received_on", "到账日期早于申报期间")
        p.raise_if_any()
        subsidies._overlap(s, scheme, first, last)
        total = sum(amounts.values())
        funders = {x.name: x.funders for x in sc.layers}
        label = f"系统外申领（{received_on:%Y-%m-%d}到账）" + (f"：{note.strip()}" if note.strip() else "")
        row = RowResult("outside", "、".join(known[k] for k in subjects) or sc.name, {"说明": label},
                        (Check("申领记录", label, True),),
                        tuple(LayerAmount(n, layers[n].recipient, funders[n], f, "系统外申领，按到账金额登记")
                              for n, f in amounts.items() if f))
        totals = tuple(LayerTotal(x.name, x.recipient, amounts.get(x.name, 0), None, 0, amounts.get(x.name, 0),
                                  f"计入{cap_key or ''}累计上限（本址从设立起）" if x.name in keys else "",
                                  ((cap_key, amounts[x.name]),) if x.name in keys else ())
                       for x in sc.layers)
        parts: dict[str, int] = {}
        for x in totals:
            for name, part in split(x.allowed_fen, funders[x.layer]):
                parts[name] = parts.get(name, 0) + part
        result = ClaimResult(sc.code, sc.name, sc.kind, first, last, months, (row,), totals, tuple(parts.items()))
        n = s.execute(select(func.count()).select_from(SubsidyClaim)
                      .where(SubsidyClaim.number.like(f"BW{received_on.year}-%"))).scalar_one() + 1
        c = SubsidyClaim(number=f"BW{received_on.year}-{n:04d}", scheme=sc.code, scheme_name=sc.name,
                         profile=profile.code, kind=sc.kind, first=first, last=last, status="已到账",
                         claimed_fen=total, centre_fen=result.centre_fen, resident_fen=result.resident_fen,
                         approved_fen=total, approved_on=received_on, received_on=received_on, note=label,
                         snapshot=json.dumps({"result": result_to_dict(result), "cap_keys": subsidies._cap_keys(result),
                                              "profile": profile.name, "outside": True}, ensure_ascii=False),
                         created_at=ctx.now(), created_by=ctx.actor.username, submitted_at=ctx.now(),
                         submitted_by=ctx.actor.username)
        s.add(c)
        s.flush()
        share = total // max(1, len(subjects))
        for i, key in enumerate(subjects):  # once-only schemes find these subjects paid
            s.add(SubsidyClaimRow(claim_id=c.id, subject_key=key, name=known[key],
                                  centre_fen=share + (total - share * len(subjects) if i == 0 else 0)))
        s.flush()
        audit(ctx, s, "登记系统外补贴申领", "subsidy_claim", c.id, None,
              {"number": c.number, "scheme": sc.name, "period": period_label(first, last), "amounts": amounts,
               "received_on": received_on.isoformat(), "subjects": list(subjects), "cap_key": cap_key})
        return Changes.of("subsidy_claim", ids=(c.id,), message=f"系统外申领{c.number}已登记（不记账）")
