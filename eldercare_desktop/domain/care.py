"""Care-level vocabulary shared by the register and the assessments (kept
apart from the scoring engine so the register loads without it)."""

# The first level takes effect at once; a change waits for the consent of
# the resident or their agent (《养老机构管理办法》).
CARE_PENDING, CARE_EFFECTIVE, CARE_DECLINED, CARE_WITHDRAWN = "待确认", "已生效", "未同意", "已撤销"

# policy categories that follow the latest assessed grade
DISABILITY_CATEGORIES = ("失能", "半失能")
