"""Centre profile, rooms and beds."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class CentreKind(str, Enum):
    FOR_PROFIT = "营利"
    NON_PROFIT = "非营利"
    PUBLIC = "公办"
    PUBLIC_BUILT_PRIVATE_RUN = "公建民营"


KIND_LABELS = {
    CentreKind.FOR_PROFIT.value: "民办营利性养老机构",
    CentreKind.NON_PROFIT.value: "民办非营利性养老机构（民办非企业单位）",
    CentreKind.PUBLIC.value: "公办养老机构",
    CentreKind.PUBLIC_BUILT_PRIVATE_RUN.value: "公建民营养老机构",
}


class BedType(str, Enum):
    ORDINARY = "普通"
    NURSING = "护理型"


ROOM_TYPES = ("单人间", "双人间", "三人间", "多人间", "套间")


@dataclass(frozen=True)
class BedShare:
    total: int
    nursing: int

    @property
    def percent(self) -> float:  # display only, not money
        return 100.0 * self.nursing / self.total if self.total else 0.0

    def meets(self, target_percent: int) -> bool:
        # integer comparison: nursing / total >= target / 100
        return self.total > 0 and self.nursing * 100 >= target_percent * self.total
