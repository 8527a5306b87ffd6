"""English for the centre page's operating bank account (ui/pages/centre.py)."""
EN = {
    "基本存款账户": "Operating (basic) bank account",
    "如 中国工商银行重庆渝北支行": "e.g. ICBC Chongqing Yubei Branch",
}
EN.update({
    "元，开始使用本系统前已提的折旧": "yuan, depreciation charged before using this app",
    "YYYY-MM，如 2024-12": "YYYY-MM, e.g. 2024-12",
    "期初累计折旧（元）": "Opening accumulated depreciation (yuan)",
    "已提折旧截至月份": "Charged through (month)",
})
EN.update({
    "印在报表签字栏": "Printed at the statements' signature line",
    "会计机构负责人": "Head of accounting",
})
