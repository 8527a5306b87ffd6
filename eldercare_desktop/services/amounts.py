"""The largest amount anyone enters: an eldercare centre's receipts, prices,
vouchers and bank balances stay far below it, and above it a typing slip (or
a number SQLite cannot hold) is refused where it is entered (issue 13)."""
from __future__ import annotations

from ..domain.money import format_yuan

MAX_FEN = 100_000_000_000  # ¥1,000,000,000.00 (10亿元)


def too_large(fen: object) -> bool:
    return isinstance(fen, int) and not isinstance(fen, bool) and abs(fen) > MAX_FEN


def too_large_message(label: str, fen: int) -> str:
    return f"{label}{format_yuan(fen)}超出合理范围（不超过{format_yuan(MAX_FEN)}），请核对"
