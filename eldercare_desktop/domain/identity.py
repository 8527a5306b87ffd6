"""Chinese resident ID numbers (居民身份证号) and unified social credit codes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stdnum import exceptions as stdnum_exc
from stdnum.cn import ric, uscc

from .errors import RuleViolation


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: dt.date
    gender: str  # "男" / "女"
    birth_province: str
    birth_county: str


def _area(code: str) -> tuple[str, str] | None:
    """(province, county) for a 6-digit area code known in any period.

    Deliberately not tied to the birth year: an elderly person born before a
    district existed (Chongqing codes date from 1997) holds a number with the
    code in force when the card was issued. python-stdnum's get_birth_place
    checks the birth year and would refuse most Chongqing elders."""
    from stdnum import numdb

    info = {k: v for _part, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    if "province" not in info or "county" not in info:
        return None
    county = info["county"].split(",")[-1]
    if county.startswith("["):
        county = county.split("]", 1)[1]
    return info["province"], county


def parse_id_number(text: str, field: str = "id_number") -> IdInfo:
    """Validate an 18-character ID number: digits, a real birth date, a known
    area code and the ISO 7064 MOD 11-2 check digit."""
    raw = (text or "").strip().upper()
    if not raw:
        raise RuleViolation("请填写身份证号", field)
    number = ric.compact(raw)
    if len(number) != 18:
        raise RuleViolation(f"身份证号“{raw}”应为18位（现为{len(number)}位）", field)
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise RuleViolation(f"身份证号“{raw}”格式不正确（前17位应为数字，末位为数字或X）", field)
    try:
        birth = ric.get_birth_date(number)
    except stdnum_exc.ValidationError:
        raise RuleViolation(f"身份证号“{raw}”中的出生日期{number[6:14]}无效", field) from None
    place = _area(number[:6])
    if place is None:
        raise RuleViolation(f"身份证号“{raw}”中的地区码{number[:6]}不存在", field)
    if ric.calc_check_digit(number) != number[17]:
        raise RuleViolation(f"身份证号“{raw}”校验位错误，请核对", field)
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdInfo(number, birth, gender, place[0], place[1])


def make_id_number(area: str, birth: dt.date, sequence: int) -> str:
    """Build a valid ID number (demo data, tests). sequence odd = male."""
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def validate_credit_code(text: str, field: str = "credit_code") -> str:
    raw = (text or "").strip().upper()
    if not raw:
        raise RuleViolation("请填写统一社会信用代码", field)
    try:
        return uscc.validate(raw)
    except stdnum_exc.ValidationError:
        raise RuleViolation(f"统一社会信用代码“{raw}”无效（18位，含校验位）", field) from None


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
