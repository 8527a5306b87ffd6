"""English for printing (ui/printing.py: preview, print dialog, save as PDF)."""
EN = {
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
    "不打印，把文件保存为 PDF": "Save the document as a PDF file instead of printing",
    "取消": "Cancel",
    "另存为 PDF": "Save as PDF",
    "另存为 PDF…": "Save as PDF…",
    "打印 - %1": "Print - %1",
    "打印": "Print",
    "打印失败": "Printing failed",
    "打印机无法开始新的一页": "The printer could not start a new page",
    "打印预览 - %1": "Print preview - %1",
    "无法打开打印机“%1”": "Cannot open the printer \"%1\"",
    "正在打印 %1…": "Printing %1…",
}
