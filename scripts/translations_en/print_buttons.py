"""English for the 打印… (print with a preview) buttons on the pages."""
EN = {
    "在收据打印机上打印选中的收据（先预览）": "Print the selected receipt on the receipt printer (with a preview)",
    "打印收据…": "Print receipt…",
    "在打印机上打印合同（先预览；预览中也可另存为PDF）":
        "Print the contract on a printer (with a preview; the preview can also save a PDF)",
    "打印预览…": "Print preview…",
    "在打印机上打印本人清单（先预览；预览中也可另存为PDF）":
        "Print the resident's statement on a printer (with a preview; the preview can also save a PDF)",
}
