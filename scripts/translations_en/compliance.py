"""English for the 合规自查 (compliance self-check) tab of the 报表 page
(ui/pages/reports_compliance.py). The rules, their basis and the findings
are data from services/compliance.py and stay Chinese."""

EN = {
    "合规自查": "Compliance self-check",
    "自查": "Check",
    "自查日期": "Check date",
    "导出PDF…": "Export PDF…",
    "自查项目 / 住户或记录": "Rule / resident or record",
    "结果": "Result",
    "情况": "Finding",
    "金额": "Amount",
    "日期": "Date",
    "✔ 符合": "✔ Compliant",
    "✘ 不符合": "✘ Not compliant",
    "依据：%1": "Basis: %1",
    "导出合规自查报告": "Export the compliance self-check report",
    "已生成：%1": "Written: %1",
}
