from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.money import format_yuan, round_fen, to_chinese_upper, yuan_to_fen


@pytest.mark.parametrize(
    "fen, text",
    [
        (0, "零元整"),
        (1, "壹分"),
        (10, "壹角整"),
        (100, "壹元整"),
        (105, "壹元零伍分"),
        (1234560, "壹万贰仟叁佰肆拾伍元陆角整"),
        (1000000, "壹万元整"),
        (1000100, "壹万零壹元整"),
        (10000000, "壹拾万元整"),
        # 万位 is 0 but 千位 is not: 零 may be written or left out (会计基础工作规范); we leave it out
        (10100000, "壹拾万壹仟元整"),
        (10000100, "壹拾万零壹元整"),
        (100000000000, "壹拾亿元整"),
        (123456789012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"),
        (200001, "贰仟元零壹分"),
        (-5000, "负伍拾元整"),
    ],
)
def test_chinese_upper(fen, text):
    assert to_chinese_upper(fen) == text


@pytest.mark.parametrize(
    "value, fen",
    [(Decimal("0.5"), 1), (Decimal("1.5"), 2), (Decimal("2.5"), 3), (Decimal("-0.5"), -1), (Decimal("166.7"), 167),
     (Decimal("44.4"), 44)],
)
def test_round_half_up(value, fen):
    assert round_fen(value) == fen


def test_yuan_parsing():
    assert yuan_to_fen("1,234.5") == 123450
    assert yuan_to_fen("¥12") == 1200
    assert yuan_to_fen("3元") == 300
    with pytest.raises(RuleViolation, match="两位小数"):
        yuan_to_fen("1.005")
    with pytest.raises(RuleViolation, match="不是有效的数字"):
        yuan_to_fen("abc")


def test_format_yuan():
    assert format_yuan(1234560) == "¥12,345.60"
    assert format_yuan(-5) == "-¥0.05"
    assert format_yuan(100, symbol=False) == "1.00"


@given(st.integers(min_value=0, max_value=10**13))
def test_format_roundtrip(fen):
    assert yuan_to_fen(format_yuan(fen)) == fen
