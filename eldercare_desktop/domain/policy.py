"""District policy profiles are data (resources/policies/*.toml), read here."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal

from .errors import RuleViolation


@dataclass(frozen=True)
class PolicyProfile:
    code: str
    name: str
    region: str
    sources: tuple[str, ...]
    deposit_cap_multiplier: Decimal
    deposit_cap_base: str  # "monthly_service_fee"
    deposit_refund_days: int
    nursing_bed_target_percent: int
    raw: dict
    schemes: dict = field(default_factory=dict)  # code → domain.subsidy.Scheme
    params: dict = field(default_factory=dict)  # key → domain.subsidy.Param
    scheme_error: str = ""  # the subsidy data could not be read: why


def parse_profile(code: str, text: str, bases: list[dict] | None = None) -> PolicyProfile:
    """A profile from its TOML text; ``bases`` are the parsed files it
    inherits (``inherits = [...]``), whose subsidy schemes it builds on."""
    from .subsidy import parse_schemes

    data = tomllib.loads(text)
    schemes, params, error = {}, {}, ""
    try:
        schemes, params = parse_schemes([*(bases or []), data])
    except (RuleViolation, KeyError, TypeError, ValueError) as exc:
        error = exc.message if isinstance(exc, RuleViolation) else f"补贴方案数据有误：{exc}"
    dep = data.get("deposit", {})
    beds = data.get("beds", {})
    return PolicyProfile(
        code=code,
        name=data["name"],
        region=data.get("region", ""),
        sources=tuple(data.get("sources", ())),
        deposit_cap_multiplier=Decimal(str(dep.get("cap_multiplier", "6"))),
        deposit_cap_base=dep.get("cap_base", "monthly_service_fee"),
        deposit_refund_days=int(dep.get("refund_days", 10)),
        nursing_bed_target_percent=int(beds.get("nursing_target_percent", 30)),
        raw=data,
        schemes=schemes,
        params=params,
        scheme_error=error,
    )
