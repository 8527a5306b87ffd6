"""English for the 打印预览… (print with a preview) buttons on the 报表,
押金专户 and 评估 pages."""
EN = {
    "在打印机上打印当前账簿（先预览；预览中也可另存为PDF）":
        "Print the book on show on a printer (with a preview; the preview can also save a PDF)",
    "打印预览公开材料…": "Print preview of the package…",
    "在打印机上打印公开材料（PDF部分，先预览；预览中也可另存为PDF）":
        "Print the disclosure package (its PDF part) on a printer (with a preview; the preview can also save a PDF)",
    "打印预览公示版…": "Print preview of the notice…",
    "在打印机上打印公示版（先预览；预览中也可另存为PDF）":
        "Print the public notice on a printer (with a preview; the preview can also save a PDF)",
    "%1年度财务收支情况公开": "Financial disclosure for %1",
    "%1年度财务收支情况公示": "Financial notice for %1",
    "在打印机上打印合规自查报告（先预览；预览中也可另存为PDF）":
        "Print the compliance self-check report on a printer (with a preview; the preview can also save a PDF)",
    "合规自查报告%1": "Compliance self-check report %1",
    "在打印机上打印（先预览；预览中也可另存为PDF）":
        "Print on a printer (with a preview; the preview can also save a PDF)",
    "打印预览押金收据…": "Print preview of the deposit receipt…",
    "打印预览退款凭证…": "Print preview of the refund voucher…",
    "打印预览押金台账…": "Print preview of the deposit ledger…",
    "在打印机上打印评估报告（先预览；预览中也可另存为PDF）":
        "Print the assessment report on a printer (with a preview; the preview can also save a PDF)",
    "评估报告 %1": "Assessment report %1",
}
