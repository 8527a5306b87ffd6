"""English for tamper evidence: sealed rows and the chain's anchor (audit page)."""
EN = {
    "✗ %1处金额或权限数据与审计记录不符": "✗ %1 money or permission rows differ from the audit trail",
    "✓ 金额与权限数据一致（%1行）": "✓ Money and permission data match (%1 rows)",
    "当前锚点：%1（可抄下，日后用 eldercare audit verify --anchor 核对）":
        "Current anchor: %1 (note it down; check it later with eldercare audit verify --anchor)",
    "校验了%1条记录。": "Checked %1 entries.",
    "第一处异常在第%1条。": "The first problem is at entry %1.",
    "校验发现以下数据被直接改动（与审计记录不符），请核查：":
        "These rows were changed directly (they differ from the audit trail); please investigate:",
}
