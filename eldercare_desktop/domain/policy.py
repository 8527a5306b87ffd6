"""District policy profiles are data (resources/policies/*.toml), read here."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal


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


def parse_profile(code: str, text: str) -> PolicyProfile:
    data = tomllib.loads(text)
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
    )
