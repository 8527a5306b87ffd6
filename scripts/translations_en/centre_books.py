"""English for the centre page's operating bank account (ui/pages/centre.py)."""
EN = {
    "基本存款账户": "Operating (basic) bank account",
    "如 中国工商银行重庆渝北支行": "e.g. ICBC Chongqing Yubei Branch",
}
