"""Residents: statuses, policy categories, and the date rules of a stay."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from .errors import Problems
from .identity import parse_id_number


class ResidentStatus(str, Enum):
    IN_RESIDENCE = "在住"
    ON_LEAVE = "请假"
    DISCHARGED = "退住"
    DECEASED = "去世"


ACTIVE_STATUSES = (ResidentStatus.IN_RESIDENCE, ResidentStatus.ON_LEAVE)

# DOMAIN.md §6: categories policies single out.
POLICY_CATEGORIES = (
    "三无", "特困供养", "低保", "经济困难", "孤寡", "失能", "半失能", "失智",
    "高龄", "失独", "空巢", "留守", "重点优抚对象",
)

GENDERS = ("男", "女")

RELATIONSHIPS = ("配偶", "儿子", "女儿", "儿媳", "女婿", "孙子女", "兄弟姐妹", "其他亲属", "朋友", "社区/村委", "监护人", "其他")

_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")


def valid_phone(text: str) -> bool:
    return bool(_PHONE.match(text.replace(" ", "")))


@dataclass(frozen=True)
class ContactInput:
    name: str
    relationship: str
    phone: str
    is_agent: bool = False
    address: str = ""


@dataclass(frozen=True)
class ResidentInput:
    """What a dialog or an import row supplies for a resident."""

    name: str
    id_number: str
    gender: str = ""  # optional: derived from the ID number and must agree
    birth_date: dt.date | None = None  # optional: derived, must agree
    hukou_province: str = ""
    hukou_city: str = ""
    hukou_district: str = ""
    phone: str = ""
    address: str = ""
    categories: tuple[str, ...] = ()
    contacts: tuple[ContactInput, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class CheckedResident:
    name: str
    id_number: str
    gender: str
    birth_date: dt.date
    hukou_province: str
    hukou_city: str
    hukou_district: str
    phone: str
    address: str
    categories: tuple[str, ...]
    contacts: tuple[ContactInput, ...] = field(default_factory=tuple)
    notes: str = ""


def check_resident(data: ResidentInput, today: dt.date) -> CheckedResident:
    """Apply every field rule; raise RuleViolation listing all problems."""
    p = Problems()
    name = (data.name or "").strip()
    if not name:
        p.add("name", "请填写姓名")
    elif len(name) > 40:
        p.add("name", "姓名过长（最多40个字）")
    info = None
    try:
        info = parse_id_number(data.id_number)
    except Exception as exc:  # RuleViolation
        p.add("id_number", str(exc))
    gender = (data.gender or "").strip()
    birth = data.birth_date
    if info is not None:
        if gender and gender != info.gender:
            p.add("gender", f"性别“{gender}”与身份证号不符（身份证号显示为{info.gender}）")
        if birth and birth != info.birth_date:
            p.add("birth_date", f"出生日期{birth:%Y-%m-%d}与身份证号不符（应为{info.birth_date:%Y-%m-%d}）")
        if info.birth_date > today:
            p.add("id_number", "身份证号中的出生日期晚于今天")
        gender, birth = info.gender, info.birth_date
    elif gender and gender not in GENDERS:
        p.add("gender", "性别应为“男”或“女”")
    phone = (data.phone or "").strip()
    if phone and not valid_phone(phone):
        p.add("phone", f"电话“{phone}”格式不正确")
    cats = tuple(dict.fromkeys(c.strip() for c in data.categories if c.strip()))
    for c in cats:
        if c not in POLICY_CATEGORIES:
            p.add("categories", f"未知的政策类别“{c}”")
    agents = [c for c in data.contacts if c.is_agent]
    if len(agents) > 1:
        p.add("contacts", "代理人只能有一位")
    for i, c in enumerate(data.contacts, start=1):
        if not c.name.strip():
            p.add("contacts", f"第{i}位联系人未填写姓名")
        if not c.relationship.strip():
            p.add("contacts", f"联系人“{c.name}”未填写与老人的关系")
        if not c.phone.strip():
            p.add("contacts", f"联系人“{c.name}”未填写电话")
        elif not valid_phone(c.phone.strip()):
            p.add("contacts", f"联系人“{c.name}”的电话“{c.phone}”格式不正确")
    p.raise_if_any()
    assert info is not None and birth is not None
    return CheckedResident(
        name=name,
        id_number=info.number,
        gender=gender,
        birth_date=birth,
        hukou_province=data.hukou_province.strip(),
        hukou_city=data.hukou_city.strip(),
        hukou_district=data.hukou_district.strip(),
        phone=phone,
        address=data.address.strip(),
        categories=cats,
        contacts=tuple(
            ContactInput(c.name.strip(), c.relationship.strip(), c.phone.strip(), c.is_agent, c.address.strip())
            for c in data.contacts
        ),
        notes=data.notes.strip(),
    )


@dataclass(frozen=True)
class Span:
    """A dated interval, both ends inclusive (a stay's last day is a day of
    service; a leave's last day is a day away). ``end`` None = still open."""

    start: dt.date
    end: dt.date | None = None

    def overlaps(self, other: "Span") -> bool:
        a_end = self.end or dt.date.max
        b_end = other.end or dt.date.max
        return self.start <= b_end and other.start <= a_end

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def days(self, until: dt.date) -> int:
        end = min(self.end or until, until)
        return max(0, (end - self.start).days + 1)


def first_overlap(new: Span, existing: list[Span]) -> Span | None:
    for s in existing:
        if new.overlaps(s):
            return s
    return None


def fmt_span(s: Span) -> str:
    return f"{s.start:%Y-%m-%d}至{s.end:%Y-%m-%d}" if s.end else f"{s.start:%Y-%m-%d}起"
