"""Care-level vocabulary shared by the register and the assessments (kept
apart from the scoring engine so the register loads without it)."""

# The first level takes effect at once; a change waits for the consent of
# the resident or their agent (《养老机构管理办法》).
CARE_PENDING, CARE_EFFECTIVE, CARE_DECLINED, CARE_WITHDRAWN = "待确认", "已生效", "未同意", "已撤销"

# policy categories that follow the latest assessed grade
DISABILITY_CATEGORIES = ("失能", "半失能")

# The care levels from least to most care: the instruments' default mapping
# (resources/instruments/*.toml [care_levels], grade 0 … 4). Centres often
# name them short (一级 for 介护一级, 特级 for 特级护理); both sort alike.
CARE_LEVELS = ("自理", "介护一级", "介护二级", "介护三级", "特级护理")
_SHORT = {"自理": 0, "半自理": 1, "不能自理": 3, "特级": 9, "特护": 9, "专护": 10}
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}


def care_rank(level: str) -> int:
    """Where a care level stands from 自理 (0) to 特级 (9): 介护一级/一级 1,
    介护二级/二级 2 … A name the app does not know sorts after them all."""
    name = (level or "").strip()
    if name in CARE_LEVELS:
        return CARE_LEVELS.index(name) if name != "特级护理" else 9
    core = name.removeprefix("介护").removeprefix("护理").removesuffix("护理")
    if core in _SHORT:
        return _SHORT[core]
    if core.endswith("级") and core[:-1] in _NUMERALS:
        return _NUMERALS[core[:-1]]
    return 99


def care_sort_key(level: str) -> tuple[int, str]:
    """Sort care levels in care order (自理, 一级 … 特级); unknown names last, by name."""
    return care_rank(level), (level or "").strip()
