import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.identity import make_id_number, parse_id_number, validate_credit_code
from eldercare_desktop.domain.names import name_pinyin


def test_known_valid_number():
    info = parse_id_number("11010519491231002X")
    assert info.birth_date == dt.date(1949, 12, 31)
    assert info.gender == "女"  # 17th digit 2 is even
    assert info.birth_province == "北京市"


def test_chongqing_elder_born_before_1997_is_accepted():
    # 500112 (渝北区) exists only from 1997; elders born in 1940 hold it.
    info = parse_id_number(make_id_number("500112", dt.date(1940, 3, 5), 13))
    assert info.birth_county == "渝北区" and info.gender == "男"


@pytest.mark.parametrize(
    "number, message",
    [
        ("11010519491231002", "应为18位"),
        ("110105194912310021", "校验位错误"),
        ("11010519491331002X", "出生日期"),
        ("99999919491231002X", "地区码"),
        ("1101051949123100AX", "格式不正确"),
        ("", "请填写身份证号"),
    ],
)
def test_invalid_numbers(number, message):
    with pytest.raises(RuleViolation, match=message):
        parse_id_number(number)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)),
    st.integers(min_value=0, max_value=999),
)
def test_generated_numbers_roundtrip(birth, seq):
    number = make_id_number("110105", birth, seq)
    info = parse_id_number(number)
    assert info.birth_date == birth
    assert info.gender == ("男" if seq % 2 else "女")
    # any single changed digit in the body breaks the check digit or the date
    changed = number[:3] + str((int(number[3]) + 1) % 10) + number[4:]
    with pytest.raises(RuleViolation):
        parse_id_number(changed)


def test_credit_code():
    assert validate_credit_code("91110000600037341l") == "91110000600037341L"
    with pytest.raises(RuleViolation, match="统一社会信用代码"):
        validate_credit_code("91110000600037341A")


@pytest.mark.parametrize(
    "name, full, initials",
    [("张三", "zhangsan", "zs"), ("曾小单", "zengxiaodan", "zxd"), ("单田芳", "shantianfang", "stf"), ("李", "li", "l")],
)
def test_pinyin(name, full, initials):
    assert name_pinyin(name) == (full, initials)
