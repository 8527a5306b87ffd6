"""Money is integer fen. Rounding to the fen happens here and nowhere else."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import RuleViolation

FEN_PER_YUAN = 100


def round_fen(fen: Decimal | int) -> int:
    """Round an exact amount in fen to a whole fen, half up (四舍五入)."""
    return int(Decimal(fen).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan_to_fen(text: str | int | Decimal, field: str = "amount") -> int:
    """Parse a yuan amount typed by a user ("1,234.5", "¥12") into fen.

    More than two decimals is refused rather than silently rounded.
    """
    if isinstance(text, int):
        return text * FEN_PER_YUAN
    s = str(text).strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    if s.endswith("元"):
        s = s[:-1]
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise RuleViolation(f"金额“{text}”不是有效的数字", field) from None
    if not value.is_finite():
        raise RuleViolation(f"金额“{text}”不是有效的数字", field)
    fen = value * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise RuleViolation(f"金额“{text}”最多两位小数（精确到分）", field)
    return int(fen)


def fen_to_decimal(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_yuan(fen: int, symbol: bool = True) -> str:
    """12345678 -> '¥123,456.78'; negative amounts keep a leading minus."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{'¥' if symbol else ''}{whole:,}.{cents:02d}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ["", "拾", "佰", "仟"]
_BIG_UNITS = ["", "万", "亿", "万亿"]


def _four_digits(n: int) -> str:
    """0 < n < 10000 -> 大写 without big unit, with inner zeros as 零."""
    out = []
    zero = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def to_chinese_upper(fen: int) -> str:
    """Amount in 人民币大写 as used on receipts: 壹万贰仟叁佰肆拾伍元陆角整."""
    if fen < 0:
        return "负" + to_chinese_upper(-fen)
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    jiao, fen_digit = divmod(cents, 10)
    parts: list[str] = []
    if yuan:
        groups = []
        n = yuan
        while n:
            groups.append(n % 10000)
            n //= 10000
        text = ""
        pending_zero = False
        for idx in range(len(groups) - 1, -1, -1):
            g = groups[idx]
            if g == 0:
                pending_zero = bool(text)
                continue
            if text and (pending_zero or g < 1000):
                text += "零"
            text += _four_digits(g) + _BIG_UNITS[idx]
            pending_zero = False
        parts.append(text + "元")
    if jiao == 0 and fen_digit == 0:
        return ("".join(parts) or "零元") + "整"
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    elif yuan:
        parts.append("零")
    if fen_digit:
        parts.append(_DIGITS[fen_digit] + "分")
    else:
        parts.append("整")
    return "".join(parts)
