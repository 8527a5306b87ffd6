"""English for the audit log's export/print and readable values, and the
shared save dialog (ui.widgets.save_dialog)."""
EN = {
    # audit page
    "审计日志": "Audit log",
    "借方": "Debit",
    "贷方": "Credit",
    "申报金额": "Amount claimed",
    "批准金额": "Amount approved",
    "金额": "Amount",
    "合计": "Total",
    "单价": "Unit price",
    "冲抵预收": "Prepayment applied",
    "筛选条件": "Filter",
    "导出Excel…": "Export to Excel…",
    "把当前筛选出的审计记录导出为Excel工作簿": "Export the audit records matching the filter to an Excel workbook",
    "打印PDF…": "Print to PDF…",
    "把当前筛选出的审计记录生成PDF，用于打印": "Make a PDF of the audit records matching the filter, for printing",
    "导出审计日志": "Export audit log",
    "打印审计日志": "Print audit log",
    "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "PDF 文件 (*.pdf)": "PDF file (*.pdf)",
    "已保存：%1": "Saved: %1",
    # save dialog
    "保存": "Save",
    "取消": "Cancel",
    "文件名：": "File name:",
    "文件类型：": "Files of type:",
    "位置：": "Look in:",
}
