"""Demo data: a realistic Yubei centre with about three years of history.

The history is planned first (who arrives when, leaves, moves, goes home,
dies, comes back), then replayed in date order. Small runs go through the
services, one call per event, with the app clock moved to each event's day,
so every row is validated and audited exactly as a user's action would be.
Every service call commits on its own, so the write lock is never held for
long, at any size. ``bulk=True`` writes the register alone (residents, stays,
beds, leaves: no assessments or money) in batches instead: each resident is
still checked by ``check_resident`` and the bed plan by the simulation, and
each batch gets one audit row.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import math
import random
import time
from dataclasses import dataclass, field
from typing import Callable, Protocol

from sqlalchemy import func, insert, select
from stdnum.cn import uscc

from ..db.engine import sync_ids
from ..db.models import Bed, BedAssignment, CareWorker, Contact, Leave, Resident, Room, Stay, StatusEvent, SubsidyClaim, User
from ..domain.centre import BedType, CentreKind
from ..domain.errors import DomainError, RuleViolation
from ..domain.identity import age_on, make_id_number
from ..domain.names import name_pinyin
from ..domain.records import CentreInfo
from ..domain.residents import CheckedResident, ContactInput, ResidentInput, ResidentStatus, check_resident
from ..domain.roles import Actor, Perm, Role, password_problem, require
from . import centre as centre_svc
from . import demo_assessments, demo_books, demo_finance, demo_resume, demo_subsidies
from . import residents as res_svc
from . import users as user_svc
from .audit import record
from .context import App

DEFAULT_PASSWORD = "demo1234"
# Every size builds the whole history (contracts, billing, payments, escrow)
# through the services unless ``bulk=True`` is asked for (the register alone,
# for timing runs): no automatic switch below the 100,000-resident maximum.
BULK_THRESHOLD = 100_000
HISTORY_DAYS = 3 * 365
BATCH = 1000

DEMO_USERS = (
    ("admin", Role.ADMIN),
    ("qiantai", Role.FRONT_DESK),
    ("kuaiji", Role.ACCOUNTANT),
    ("shenji", Role.AUDITOR),
)

CENTRE_NAME = "渝北区阳光社区养老服务中心"


class Abort(Protocol):
    def is_set(self) -> bool: ...


Progress = Callable[[float, str], None]


class DemoAborted(DomainError):
    pass


@dataclass(frozen=True)
class DemoSummary:
    centre_name: str
    residents: int
    by_status: dict[str, int]
    buildings: tuple[str, ...]
    rooms: int
    beds: int
    nursing_beds: int
    free_beds: int
    users: tuple[tuple[str, str], ...]  # (username, role label)
    created_users: tuple[str, ...]
    password: str
    first_day: dt.date
    last_day: dt.date
    events: dict[str, int]
    bulk: bool
    seconds: float
    assessments: int = 0
    vouchers: int = 0
    care_workers: int = 0
    claims: dict[str, int] = dataclasses.field(default_factory=dict)  # subsidy claims by status

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["first_day"] = self.first_day.isoformat()
        d["last_day"] = self.last_day.isoformat()
        d["users"] = [{"username": u, "role": r} for u, r in self.users]
        d["buildings"] = list(self.buildings)
        d["created_users"] = list(self.created_users)
        return d


# --- name and place pools -----------------------------------------------------

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤冉单母幸"
)
# Rough frequencies: the first surnames are far more common (Chongqing adds 冉, 向, 谭, 幸).
_SURNAME_WEIGHTS = [max(1.0, 12.0 - i * 0.35) for i in range(len(_SURNAMES))]
_SURNAME_WEIGHTS[_SURNAMES.index("曾")] = 6.0
_SURNAME_WEIGHTS[_SURNAMES.index("单")] = 2.0

_MALE_GIVEN = (
    "建国 国华 德明 志刚 文华 玉林 永福 德福 明德 春生 树林 光明 长富 国强 世荣 正华 家明 德贵 清泉 少华 "
    "开明 学文 志明 福林 国良 兴华 光荣 绍武 世明 宗华 大勇 跃进 援朝 建华 卫东 文斌 德胜 忠义 成林 泽民 "
    "荣华 运生 治国 金生 万全 云峰 海清 长生 安邦 炳坤 俊 强 斌 刚 勇 华 明 军 平 林 福 涛"
).split()
_FEMALE_GIVEN = (
    "秀英 桂英 玉兰 秀兰 淑珍 凤英 桂兰 素珍 玉珍 翠花 秀珍 淑英 桂芳 玉梅 秀芳 兰英 德芳 素华 惠芬 丽华 "
    "琼英 淑芬 金凤 玉华 春兰 菊英 碧玉 素芬 美华 文秀 淑兰 翠英 秀琼 素琴 明珍 德珍 永秀 光秀 泽芬 "
    "芳 英 兰 珍 华 琼 萍 霞 梅 蓉"
).split()
_YOUNG_MALE = "伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 波 建华 建军 志强 海涛 小兵 晓东 红军 俊杰 小龙".split()
_YOUNG_FEMALE = "丽 娟 敏 静 艳 芳 燕 霞 红 玲 琴 梅 莉 萍 晓燕 红梅 丽娟 小琴 春燕 海燕 雪梅 小红 利".split()

# (area code, weight): mostly Chongqing 5001xx, some 5002xx (old county codes), a few neighbours.
_AREAS = (
    [("500112", 40), ("500105", 5), ("500103", 4), ("500106", 4), ("500107", 4), ("500108", 4), ("500109", 3),
     ("500113", 3), ("500101", 2), ("500102", 2), ("500115", 2), ("500116", 2), ("500117", 2)]
    + [("500221", 1), ("500222", 1), ("500223", 1), ("500224", 1), ("500226", 1), ("500228", 2), ("500231", 2),
       ("500233", 1), ("500235", 2), ("500236", 1), ("500230", 1)]
    + [("510104", 1), ("510106", 1), ("511002", 1), ("520102", 1), ("420106", 1)]
)
_HUKOU_OTHER = ("江北区", "渝中区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "巴南区", "长寿区")
_STREETS = ("龙溪街道", "龙山街道", "双龙湖街道", "回兴街道", "双凤桥街道", "仙桃街道", "宝圣湖街道", "悦来街道",
            "两路街道", "王家街道", "人和街道", "翠云街道", "天宫殿街道", "龙塔街道")
_ROADS = ("金紫山路", "松石大道", "新南路", "龙华大道", "红锦大道", "双龙大道", "兰桂大道", "宝环路", "空港大道",
          "新牌坊一路", "龙湖路", "渝鲁大道", "黄山大道", "紫薇路")

_RELATIONS = (("儿子", 35), ("女儿", 30), ("儿媳", 8), ("女婿", 4), ("配偶", 8), ("孙子女", 8),
              ("兄弟姐妹", 3), ("其他亲属", 4))
_LEAVE_REASONS = ("回家探亲", "住院治疗", "春节回家团聚", "外出就医", "子女接回小住", "回老家办事")
_DISCHARGE_REASONS = ("回家由子女照顾", "转入其他养老机构", "随子女搬迁外地", "家庭经济原因", "身体好转回家休养")
_DEATH_REASONS = ("因病医治无效去世", "在院内安详离世", "住院期间病逝", "突发心脑血管疾病去世")
_MOVE_REASONS = ("本人申请调换房间", "与室友生活习惯不合", "申请改住单人间", "房间维修临时调整")
_NURSING_MOVE = "护理等级调整，转入护理型床位"

# --- the plan -------------------------------------------------------------------

ADMIT, LEAVE, RETURN, MOVE, DISCHARGE, DIE, READMIT = "admit", "leave", "return", "move", "discharge", "die", "readmit"
# Within one day: beds are released before they are taken.
_DAY_ORDER = {RETURN: 0, DISCHARGE: 1, DIE: 1, MOVE: 2, LEAVE: 3, ADMIT: 4, READMIT: 4}


@dataclass
class _Step:
    day: dt.date
    kind: str
    reason: str = ""
    expected: dt.date | None = None


@dataclass
class _Person:
    checked: CheckedResident
    data: ResidentInput
    nursing: bool
    steps: list[_Step]


@dataclass(frozen=True)
class _RoomPlan:
    building: str
    floor: int
    number: str
    room_type: str
    beds: tuple[tuple[str, str], ...]  # (label, bed type)


@dataclass
class _Action:
    day: dt.date
    at: dt.datetime
    kind: str
    person: int
    bed: int | None = None  # index into the flat bed list
    reason: str = ""
    expected: dt.date | None = None


@dataclass
class _Plan:
    people: list[_Person]
    rooms: list[_RoomPlan]
    beds: list[tuple[int, str, str]]  # (room index, label, bed type)
    actions: list[_Action]
    setup_day: dt.date
    today: dt.date
    centre: CentreInfo
    display_names: dict[str, str] = field(default_factory=dict)


def _pick(rng: random.Random, pairs) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _mobile(rng: random.Random) -> str:
    return rng.choice(("138", "139", "135", "136", "137", "150", "151", "152", "157", "158", "159", "177", "180",
                       "181", "183", "187", "189", "199")) + f"{rng.randrange(10**8):08d}"


def _surname(rng: random.Random) -> str:
    return rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]


def _credit_code(rng: random.Random) -> str:
    """A well-formed 统一社会信用代码 for a 民办非企业单位 registered in Yubei:
    5 (civil affairs) 2 (private non-enterprise) 500112, organisation code
    (8 characters + its GB 11714 check), then the USCC check character."""
    body = "MJ" + "".join(rng.choice("0123456789") for _ in range(6))
    values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in body]
    r = 11 - sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2))) % 11
    org = body + ("X" if r == 10 else "0" if r == 11 else str(r))
    code = "52500112" + org
    return code + uscc.calc_check_digit(code)


def _categories(rng: random.Random, age: int) -> list[str]:
    cats: list[str] = []
    if age >= 80:
        cats.append("高龄")
    r = rng.random()
    if r < 0.18:
        cats.append("失能")
    elif r < 0.43:
        cats.append("半失能")
    if rng.random() < 0.08:
        cats.append("失智")
    r = rng.random()
    if r < 0.01:
        cats += ["三无", "特困供养"]
    elif r < 0.04:
        cats.append("特困供养")
    elif r < 0.11:
        cats.append("低保")
    elif r < 0.16:
        cats.append("经济困难")
    r = rng.random()
    if "三无" in cats or r < 0.04:
        cats.append("孤寡")
    elif r < 0.06:
        cats.append("失独")
    elif r < 0.21:
        cats.append("空巢")
    elif r < 0.23:
        cats.append("留守")
    if rng.random() < 0.02:
        cats.append("重点优抚对象")
    return cats


def _contacts(rng: random.Random, surname: str, gender: str, cats: list[str]) -> tuple[ContactInput, ...]:
    if "孤寡" in cats or "三无" in cats or "失独" in cats:
        rel = rng.choice(("社区/村委", "监护人", "其他亲属"))
        name = _surname(rng) + rng.choice(_YOUNG_MALE + _YOUNG_FEMALE)
        return (ContactInput(name, rel, _mobile(rng), True),)
    out = []
    n = 2 if rng.random() < 0.6 else 1
    rels: list[str] = []
    while len(rels) < n:
        rel = _pick(rng, _RELATIONS)
        if rel not in rels or rel in ("儿子", "女儿"):
            rels.append(rel)
    for rel in rels:
        if rel in ("儿子", "女儿", "孙子女"):
            fam = surname if gender == "男" else _surname(rng)
        elif rel == "兄弟姐妹":
            fam = surname
        else:
            fam = _surname(rng)
        if rel == "配偶":
            given = rng.choice(_FEMALE_GIVEN if gender == "男" else _MALE_GIVEN)
        elif rel in ("儿子", "女婿"):
            given = rng.choice(_YOUNG_MALE)
        elif rel in ("女儿", "儿媳"):
            given = rng.choice(_YOUNG_FEMALE)
        else:
            given = rng.choice(_YOUNG_MALE + _YOUNG_FEMALE)
        out.append(ContactInput(fam + given, rel, _mobile(rng), False))
    agent = rng.randrange(len(out))
    out[agent] = dataclasses.replace(out[agent], is_agent=True)
    out.sort(key=lambda c: not c.is_agent)  # the agent first
    return tuple(out)


def _person(rng: random.Random, today: dt.date, used_ids: set[str]) -> tuple[ResidentInput, CheckedResident]:
    gender = "男" if rng.random() < 0.42 else "女"
    year = int(rng.triangular(1925, 1962.99, 1942))
    birth = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    area = _pick(rng, _AREAS)
    while True:
        seq = rng.randrange(500) * 2 + (1 if gender == "男" else 0)
        number = make_id_number(area, birth, seq)
        if number not in used_ids:
            used_ids.add(number)
            break
    surname = _surname(rng)
    name = surname + rng.choice(_MALE_GIVEN if gender == "男" else _FEMALE_GIVEN)
    district = "渝北区" if rng.random() < 0.7 else rng.choice(_HUKOU_OTHER)
    r = rng.random()
    phone = _mobile(rng) if r < 0.4 else f"023-6{rng.randrange(10**7):07d}" if r < 0.6 else ""
    address = (f"重庆市{district}{rng.choice(_STREETS) if district == '渝北区' else ''}{rng.choice(_ROADS)}"
               f"{rng.randint(1, 400)}号{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 32)}0{rng.randint(1, 8)}")
    cats = _categories(rng, age_on(birth, today))
    data = ResidentInput(
        name=name, id_number=number, gender=gender, birth_date=birth,
        hukou_province="重庆市", hukou_city="重庆市", hukou_district=district,
        phone=phone, address=address, categories=tuple(cats),
        contacts=_contacts(rng, surname, gender, cats),
    )
    return data, check_resident(data, today)


def _timeline(rng: random.Random, today: dt.date, start: dt.date, fate: str, segments: list[str]) -> list[_Step]:
    """Steps for one resident, strictly increasing in date, none after today."""
    rng.shuffle(segments)
    finals = 0 if fate == ResidentStatus.IN_RESIDENCE else 1
    need = 45 * (len(segments) + finals)
    latest = max(start, today - dt.timedelta(days=need))
    cursor = start + dt.timedelta(days=rng.randint(0, (latest - start).days))
    steps = [_Step(cursor, ADMIT)]
    left = len(segments) + finals
    for seg in segments:
        gap_max = max(1, (today - cursor).days // (left + 1))
        day = cursor + dt.timedelta(days=rng.randint(1, gap_max))
        left -= 1
        if seg == LEAVE:
            back = day + dt.timedelta(days=rng.randint(2, max(2, min(30, gap_max // 2))))
            if back > today:
                continue
            expected = back if rng.random() < 0.5 else None
            steps += [_Step(day, LEAVE, rng.choice(_LEAVE_REASONS), expected), _Step(back, RETURN)]
            cursor = back
        elif seg == MOVE:
            if day > today:
                continue
            steps.append(_Step(day, MOVE))
            cursor = day
        elif seg == READMIT:
            back = day + dt.timedelta(days=rng.randint(7, max(7, gap_max // 2)))
            if back > today:
                continue
            steps += [_Step(day, DISCHARGE, rng.choice(_DISCHARGE_REASONS)), _Step(back, READMIT)]
            cursor = back
    if fate == ResidentStatus.ON_LEAVE:
        day = max(cursor + dt.timedelta(days=1), today - dt.timedelta(days=rng.randint(0, 25)))
        if day <= today:
            steps.append(_Step(day, LEAVE, rng.choice(_LEAVE_REASONS), day + dt.timedelta(days=rng.randint(3, 30))))
    elif fate in (ResidentStatus.DISCHARGED, ResidentStatus.DECEASED):
        day = cursor + dt.timedelta(days=rng.randint(1, max(1, (today - cursor).days)))
        if day <= today:
            if fate == ResidentStatus.DECEASED:
                steps.append(_Step(day, DIE, rng.choice(_DEATH_REASONS)))
            else:
                steps.append(_Step(day, DISCHARGE, rng.choice(_DISCHARGE_REASONS)))
    return steps


def _peak(people: list[_Person]) -> int:
    """Most beds held at once (a move holds two for a moment)."""
    deltas: dict[dt.date, int] = {}
    for p in people:
        for s in p.steps:
            if s.kind in (ADMIT, READMIT):
                deltas[s.day] = deltas.get(s.day, 0) + 1
            elif s.kind in (DISCHARGE, DIE):
                nxt = s.day + dt.timedelta(days=1)
                deltas[nxt] = deltas.get(nxt, 0) - 1
    peak = cur = 0
    for day in sorted(deltas):
        cur += deltas[day]
        peak = max(peak, cur)
    return peak + 1


def _rooms(rng: random.Random, beds_needed: int) -> list[_RoomPlan]:
    per_building = math.ceil(beds_needed / 3)
    per_floor = max(4, min(40, math.ceil(per_building / 2.05 / 6)))
    rooms: list[_RoomPlan] = []
    total = nursing = 0
    for building in "ABC":
        count, floor, idx = 0, 1, 0
        while count < per_building:
            idx += 1
            if idx > per_floor:
                floor, idx = floor + 1, 1
            room_type = _pick(rng, (("单人间", 20), ("双人间", 55), ("三人间", 25)))
            n = {"单人间": 1, "双人间": 2, "三人间": 3}[room_type]
            is_nursing = nursing * 100 < 40 * (total + n)
            bed_type = BedType.NURSING.value if is_nursing else BedType.ORDINARY.value
            rooms.append(_RoomPlan(building, floor, f"{floor}{idx:02d}", room_type,
                                   tuple((str(i), bed_type) for i in range(1, n + 1))))
            count += n
            total += n
            nursing += n if is_nursing else 0
    return rooms


class _Beds:
    """Free-bed pools by type; a freed bed comes back on the day it is free."""

    def __init__(self, rng: random.Random, plan_beds: list[tuple[int, str, str]]):
        self.rng = rng
        self.room_of = [b[0] for b in plan_beds]
        self.type_of = [b[2] for b in plan_beds]
        self.pools: dict[str, list[int]] = {BedType.NURSING.value: [], BedType.ORDINARY.value: []}
        for i, b in enumerate(plan_beds):
            self.pools[b[2]].append(i)
        self.pending: list[tuple[dt.date, int]] = []
        self.room_gender: dict[int, dict[str, int]] = {}

    def release_until(self, day: dt.date) -> None:
        while self.pending and self.pending[0][0] <= day:
            _, bed, gender = heapq.heappop(self.pending)
            self.pools[self.type_of[bed]].append(bed)
            self.room_gender[self.room_of[bed]][gender] -= 1

    def free(self, bed: int, from_day: dt.date, gender: str) -> None:
        """The bed (and the resident's place in the room) is free from ``from_day``."""
        heapq.heappush(self.pending, (from_day, bed, gender))

    def take(self, nursing: bool, gender: str) -> int:
        """A free bed, of the type wanted if any, in a room with nobody of the
        other sex (the service refuses mixed rooms but for couples)."""
        other = "女" if gender == "男" else "男"
        order = (BedType.NURSING.value, BedType.ORDINARY.value)
        if not nursing:
            order = order[::-1]
        for kind in order:
            pool = self.pools[kind]
            fits = [i for i, b in enumerate(pool) if not self.room_gender.get(self.room_of[b], {}).get(other, 0)]
            if fits:
                choice = fits[self.rng.randrange(len(fits))]
                break
        else:
            raise RuntimeError("demo plan ran out of single-sex beds")  # sized by _peak and _rooms; a bug if reached
        bed = pool[choice]
        pool[choice] = pool[-1]
        pool.pop()
        g = self.room_gender.setdefault(self.room_of[bed], {"男": 0, "女": 0})
        g[gender] += 1
        return bed


def _simulate(rng: random.Random, people: list[_Person], plan_beds) -> list[_Action]:
    steps = sorted(
        ((s.day, _DAY_ORDER[s.kind], i, k) for i, p in enumerate(people) for k, s in enumerate(p.steps)),
    )
    beds = _Beds(rng, plan_beds)
    holding: dict[int, int] = {}
    actions: list[_Action] = []
    last_day, n_today = None, 0
    for day, _o, i, k in steps:
        s = people[i].steps[k]
        p = people[i]
        n_today = n_today + 1 if day == last_day else 0
        last_day = day
        at = dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(seconds=20 * n_today)
        beds.release_until(day)
        a = _Action(day, at, s.kind, i, reason=s.reason, expected=s.expected)
        if s.kind in (ADMIT, READMIT):
            a.bed = holding[i] = beds.take(p.nursing, p.checked.gender)
        elif s.kind == MOVE:
            old = holding[i]
            to_nursing = p.nursing and beds.type_of[old] != BedType.NURSING.value
            a.bed = holding[i] = beds.take(to_nursing or (p.nursing and rng.random() < 0.7), p.checked.gender)
            a.reason = _NURSING_MOVE if to_nursing and beds.type_of[a.bed] == BedType.NURSING.value \
                else rng.choice(_MOVE_REASONS)
            beds.free(old, day, p.checked.gender)
        elif s.kind in (DISCHARGE, DIE):
            beds.free(holding.pop(i), day + dt.timedelta(days=1), p.checked.gender)
        actions.append(a)
    return actions


def make_plan(today: dt.date, residents: int, seed: int) -> _Plan:
    """Everything that will happen, decided up front from ``seed``."""
    rng = random.Random(seed)
    start = today - dt.timedelta(days=HISTORY_DAYS)
    used: set[str] = set()
    n = residents
    fates = ([ResidentStatus.DECEASED] * max(1, round(n * 0.04)) + [ResidentStatus.DISCHARGED] * max(1, round(n * 0.12))
             + [ResidentStatus.ON_LEAVE] * max(1, round(n * 0.08)))[:n]
    fates += [ResidentStatus.IN_RESIDENCE] * (n - len(fates))
    rng.shuffle(fates)
    idx = list(range(n))
    past_leave = set(rng.sample(idx, round(n * 0.10)))
    moves = set(rng.sample(idx, min(n, max(1, round(n * 0.05)))))
    active = [i for i in idx if fates[i] in (ResidentStatus.IN_RESIDENCE, ResidentStatus.ON_LEAVE)]
    readmits = set(rng.sample(active, min(len(active), max(2, round(n * 0.005)))))
    people = []
    for i in range(n):
        data, checked = _person(rng, today, used)
        segs = ([LEAVE] if i in past_leave else []) + ([MOVE] if i in moves else []) + ([READMIT] if i in readmits else [])
        steps = _timeline(rng, today, start, fates[i], segs)
        nursing = bool({"失能", "半失能", "失智"} & set(checked.categories))
        people.append(_Person(checked, data, nursing, steps))
    peak = _peak(people)
    # spare beds: rooms are single-sex (the service refuses mixed rooms but for
    # couples); an unlucky plan gets more rooms
    for spare in (0.15, 0.25, 0.40, 0.60):
        state = rng.getstate()
        rooms = _rooms(rng, peak + max(4, math.ceil(peak * spare)))
        plan_beds = [(ri, label, t) for ri, r in enumerate(rooms) for label, t in r.beds]
        try:
            actions = _simulate(rng, people, plan_beds)
            break
        except RuntimeError:
            rng.setstate(state)
    else:
        raise RuntimeError("demo plan: no single-sex bed plan found")
    setup = start - dt.timedelta(days=14)
    info = CentreInfo(
        name=CENTRE_NAME, credit_code=_credit_code(rng), kind=CentreKind.NON_PROFIT.value,
        policy_profile="chongqing-yubei", address="重庆市渝北区龙溪街道金紫山路88号",
        phone=f"023-67{rng.randrange(10**6):06d}", legal_representative=_surname(rng) + rng.choice(_YOUNG_MALE),
        approved_beds=len(plan_beds), escrow_bank="重庆农村商业银行渝北支行", escrow_account_name=CENTRE_NAME,
        escrow_account_no="0302" + "".join(str(rng.randrange(10)) for _ in range(15)),
        # the basic (operating) account; its own generator keeps the rest of the plan as it was
        bank_name="中国建设银行重庆渝北支行",
        bank_account_no="5005010" + "".join(str(d) for d in random.Random(seed * 31 + 7).choices(range(10), k=13)),
    )
    names = {u: _surname(rng) + rng.choice(_YOUNG_MALE + _YOUNG_FEMALE) for u, _ in DEMO_USERS}
    return _Plan(people, rooms, plan_beds, actions, setup, today, info, names)


# --- building it ---------------------------------------------------------------

class _Clock:
    def __init__(self, day: dt.date):
        self.day = day
        self.time = dt.datetime.combine(day, dt.time(8, 0))

    def set(self, at: dt.datetime) -> None:
        self.day, self.time = at.date(), at

    def tick(self) -> None:
        self.time += dt.timedelta(seconds=1)

    def today(self) -> dt.date:
        return self.day

    def now(self) -> dt.datetime:
        return self.time


def _check_empty(app: App) -> None:
    with app.read_factory() as s:
        if s.execute(select(func.count()).select_from(Resident)).scalar_one():
            raise RuleViolation("数据库中已有住户，演示数据只能在没有住户的数据库中生成")
        if s.execute(select(func.count()).select_from(Room)).scalar_one():
            raise RuleViolation("数据库中已有房间，演示数据只能在没有房间和住户的数据库中生成")


def _users_and_centre(app: App, actor: Actor | None, plan: _Plan, password: str, clock: _Clock) -> tuple[Actor, list[str]]:
    created = []
    if actor is None:
        if not user_svc.needs_first_run(app):
            raise RuleViolation("数据库已有用户：请以管理员身份登录后再生成演示数据")
        actor = user_svc.create_first_admin(app, "admin", password, plan.display_names["admin"])
        created.append("admin")
    for perm in (Perm.USER_ADMIN, Perm.CENTRE_WRITE, Perm.RESIDENT_WRITE):
        require(actor, perm)
    ctx = app.as_user(actor)
    existing = {u.username for u in user_svc.list_users(ctx)}
    for username, role in DEMO_USERS:
        if username not in existing and username not in created:
            clock.tick()
            user_svc.create_user(ctx, username, role.value, password, plan.display_names[username])
            created.append(username)
    if centre_svc.get_centre(ctx) is None:
        clock.tick()
        centre_svc.save_centre(ctx, plan.centre)
    return actor, created


def _report(progress: Progress | None, abort: Abort | None, frac: float, msg: str) -> None:
    if abort is not None and abort.is_set():
        raise DemoAborted("已取消生成演示数据（已生成的部分保留在数据库中）")
    if progress is not None:
        progress(frac, msg)


def _stays(plan: _Plan) -> dict[int, list[tuple[dt.date, dt.date | None]]]:
    stays: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    for a in plan.actions:
        if a.kind in (ADMIT, READMIT):
            stays.setdefault(a.person, []).append((a.day, None))
        elif a.kind in (DISCHARGE, DIE):
            start, _ = stays[a.person][-1]
            stays[a.person][-1] = (start, a.day)
    return stays


def _run_services(app: App, actor: Actor, plan: _Plan, clock: _Clock, progress, abort, seed: int = 1,
                  not_after: dt.datetime | None = None) -> tuple[int, int]:
    """Replays the history through the services; returns (assessments saved, vouchers entered)."""
    ctx = app.as_user(actor)
    for n, r in enumerate(plan.rooms):
        if n % 50 == 0:
            _report(progress, abort, 0.05 + 0.10 * n / len(plan.rooms), "正在建立房间和床位")
        clock.tick()
        centre_svc.add_room(ctx, r.building, r.floor, r.number, r.room_type, list(r.beds))
    ids = {(b.building, b.room_number, b.label): b.bed_id
           for room in centre_svc.bed_map(ctx, include_inactive=True) for b in room.beds}
    bed_ids = [ids[(plan.rooms[ri].building, plan.rooms[ri].number, label)] for ri, label, _t in plan.beds]
    rid: dict[int, int] = {}
    ages = {i: age_on(p.checked.birth_date, plan.today) for i, p in enumerate(plan.people)}
    events = demo_assessments.plan_events(random.Random(seed + 17), _stays(plan), ages, plan.today)
    money = demo_finance.FinanceReplayer(ctx, seed, plan.today)
    ticks = [(dt.datetime.combine(money.start, dt.time(7, 0)), "start")]
    month = money.start
    while month <= plan.today:
        ticks.append((dt.datetime.combine(month, dt.time(7, 30)), "bill"))
        payday = month + dt.timedelta(days=7)
        if payday <= plan.today:
            ticks.append((dt.datetime.combine(payday, dt.time(14, 0)), "pay"))
        month = demo_finance.add_months(month, 1)
    ticks.append((dt.datetime.combine(money.start + dt.timedelta(days=70), dt.time(11, 0)), "rise"))
    ticks.append((dt.datetime.combine(money.start + dt.timedelta(days=70 + 45), dt.time(7, 10)), "rise-effective"))
    day = money.start
    while day <= plan.today:
        if day.day == 21 and day.month in (3, 6, 9, 12):
            ticks.append((dt.datetime.combine(day, dt.time(9, 0)), "interest"))
        day += dt.timedelta(days=1)
    accounts = demo_books.BooksReplayer(app, actor, seed, plan.today, money.start, len(plan.beds))
    grants = demo_subsidies.SubsidyReplayer(app, actor, accounts.acc if accounts.enabled else None, seed, plan.today,
                                            plan.setup_day, len(plan.beds))
    timeline = sorted([(a.at, 0, n, a) for n, a in enumerate(plan.actions)]
                      + [(e.at, 1, n, e) for n, e in enumerate(events)]
                      + [(at, 2, n, kind) for n, (at, kind) in enumerate(ticks) if at.date() <= plan.today]
                      + [(at, 3, n, t) for n, (at, t) in enumerate(accounts.ticks())]
                      + [(at, 4, n, t) for n, (at, t) in enumerate(grants.ticks())],
                      key=lambda t: t[:3])
    replayer = None
    books = False  # the books start on the adoption day
    total = len(timeline)
    last_at = dt.datetime.min
    for n, (at, is_event, _k, a) in enumerate(timeline):
        if n % 50 == 0:
            _report(progress, abort, 0.15 + 0.85 * n / total, f"正在登记住户和历史记录（{at:%Y-%m-%d}）")
        # the audit trail never goes back in time, nor past the real clock
        if not_after is not None and at > not_after - dt.timedelta(seconds=1):
            at = max(dt.datetime.combine(at.date(), dt.time()), not_after - dt.timedelta(seconds=1))
        at = max(at, last_at + dt.timedelta(seconds=1))
        last_at = at
        clock.set(at)
        if books:
            money.refunds_until(at.date())
        if is_event == 3:
            accounts.apply(a)
            continue
        if is_event == 4:
            grants.apply(a)
            continue
        if is_event == 2:
            if a == "start":
                books = True
                money.schedule()
                for person_id in list(rid.values()):
                    money.sign(person_id, at.date())
            elif a == "bill":
                money.bill(at.date())
            elif a == "pay":
                money.payday(at.date())
            elif a == "rise":
                money.announce_rise(at.date())
            elif a == "rise-effective":
                money.rise_takes_effect(at.date())
            elif a == "interest":
                money.quarter_interest(at.date())
            continue
        if is_event:
            replayer = replayer or demo_assessments.Replayer(ctx, seed)
            level = replayer.apply(a, rid[a.person])
            if books and level:
                if a.kind == demo_assessments.ASSESS:
                    money.sign(rid[a.person], at.date())
                elif a.kind == demo_assessments.CONSENT:
                    money.care_changed(rid[a.person], at.date(), level, replayer.informants[rid[a.person]][0])
            continue
        p = plan.people[a.person]
        if a.kind == ADMIT:
            rid[a.person] = res_svc.register_resident(ctx, p.data, a.day, bed_ids[a.bed]).ids[0]
        elif a.kind == MOVE:
            res_svc.move_bed(ctx, rid[a.person], bed_ids[a.bed], a.day, a.reason)
        elif a.kind == LEAVE:
            res_svc.start_leave(ctx, rid[a.person], a.day, a.reason, a.expected)
        elif a.kind == RETURN:
            res_svc.end_leave(ctx, rid[a.person], a.day)
        elif a.kind in (DISCHARGE, DIE):
            res_svc.discharge(ctx, rid[a.person], a.day, a.reason, deceased=a.kind == DIE)
            if books:
                money.ended(rid[a.person], a.day, a.kind == DIE)
        elif a.kind == READMIT:
            res_svc.readmit(ctx, rid[a.person], a.day, bed_ids[a.bed])
    accounts.finish()
    return (replayer.saved if replayer else 0), accounts.vouchers


def _run_bulk(app: App, actor: Actor, plan: _Plan, clock: _Clock, progress, abort) -> None:
    """Same rows as the services would write, in batches with one audit row each."""
    _report(progress, abort, 0.05, "正在建立房间和床位")
    clock.tick()
    ctx = app.as_user(actor)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        room_id = (s.execute(select(func.max(Room.id))).scalar() or 0) + 1
        bed_id = (s.execute(select(func.max(Bed.id))).scalar() or 0) + 1
        room_rows, bed_rows, bed_ids = [], [], []
        first_room = room_id
        for r in plan.rooms:
            room_rows.append({"id": room_id, "building": r.building, "floor": r.floor, "number": r.number,
                              "room_type": r.room_type, "notes": "", "active": True})
            for label, t in r.beds:
                bed_rows.append({"id": bed_id, "room_id": room_id, "label": label, "bed_type": t, "active": True})
                bed_ids.append(bed_id)
                bed_id += 1
            room_id += 1
        s.execute(insert(Room.__table__), room_rows)
        s.execute(insert(Bed.__table__), bed_rows)
        sync_ids(s, Room.__table__, Bed.__table__)
        record(s, actor, clock.now(), "批量新增房间和床位（演示数据）", "room", f"{first_room}-{room_id - 1}", None,
               {"rooms": len(room_rows), "beds": len(bed_rows),
                "nursing_beds": sum(1 for b in bed_rows if b["bed_type"] == BedType.NURSING.value)})

    by_person: dict[int, list[_Action]] = {}
    order: list[int] = []
    for a in plan.actions:
        if a.kind == ADMIT:
            order.append(a.person)
        by_person.setdefault(a.person, []).append(a)
    with app.read_factory() as s:
        next_id = (s.execute(select(func.max(Resident.id))).scalar() or 0) + 1
    who = actor.username
    for b0 in range(0, len(order), BATCH):
        _report(progress, abort, 0.1 + 0.9 * b0 / max(1, len(order)), f"正在写入住户（{b0}/{len(order)}）")
        rows: dict[str, list[dict]] = {k: [] for k in ("resident", "contact", "stay", "bed", "status", "leave")}
        counts = {k: 0 for k in (MOVE, LEAVE, RETURN, DISCHARGE, DIE, READMIT)}
        last_at = None
        for n, person in enumerate(order[b0:b0 + BATCH]):
            rid = next_id + b0 + n
            c = plan.people[person].checked
            full, initials = name_pinyin(c.name)
            stays: list[dict] = []
            beds: list[dict] = []
            leaves: list[dict] = []
            status = ResidentStatus.IN_RESIDENCE.value
            created = None
            for a in by_person[person]:
                last_at = a.at if last_at is None else max(last_at, a.at)
                ev = None
                if a.kind in (ADMIT, READMIT):
                    created = created or a.at
                    stays.append({"resident_id": rid, "start_date": a.day, "end_date": None, "end_reason": "",
                                  "end_note": ""})
                    beds.append({"resident_id": rid, "bed_id": bed_ids[a.bed], "start_date": a.day, "end_date": None,
                                 "reason": "入住" if a.kind == ADMIT else "再次入住"})
                    ev = (ResidentStatus.IN_RESIDENCE, "入住" if a.kind == ADMIT else "再次入住")
                elif a.kind == MOVE:
                    beds[-1]["end_date"] = a.day - dt.timedelta(days=1)
                    beds.append({"resident_id": rid, "bed_id": bed_ids[a.bed], "start_date": a.day, "end_date": None,
                                 "reason": a.reason or "调床"})
                elif a.kind == LEAVE:
                    leaves.append({"resident_id": rid, "first_day": a.day, "last_day": None, "reason": a.reason,
                                   "expected_return": a.expected})
                    ev = (ResidentStatus.ON_LEAVE, a.reason)
                elif a.kind == RETURN:
                    leaves[-1]["last_day"] = a.day - dt.timedelta(days=1)
                    ev = (ResidentStatus.IN_RESIDENCE, "销假返院")
                elif a.kind in (DISCHARGE, DIE):
                    st = ResidentStatus.DECEASED if a.kind == DIE else ResidentStatus.DISCHARGED
                    if leaves and leaves[-1]["last_day"] is None:
                        leaves[-1]["last_day"] = a.day
                    stays[-1].update(end_date=a.day, end_reason=st.value, end_note=a.reason)
                    beds[-1]["end_date"] = a.day
                    ev = (st, a.reason)
                if a.kind != ADMIT:
                    counts[a.kind] += 1
                if ev is not None:
                    status = ev[0].value
                    rows["status"].append({"resident_id": rid, "status": status, "effective_date": a.day,
                                           "reason": ev[1], "recorded_at": a.at, "recorded_by": who})
            rows["resident"].append({
                "id": rid, "name": c.name, "name_pinyin": full, "name_initials": initials, "gender": c.gender,
                "id_number": c.id_number, "birth_date": c.birth_date, "hukou_province": c.hukou_province,
                "hukou_city": c.hukou_city, "hukou_district": c.hukou_district, "phone": c.phone,
                "address": c.address, "categories": ",".join(c.categories), "status": status, "notes": c.notes,
                "created_at": created, "archived": False,
            })
            rows["contact"] += [{"resident_id": rid, "name": x.name, "relationship": x.relationship,
                                 "phone": x.phone, "address": x.address, "is_agent": x.is_agent} for x in c.contacts]
            rows["stay"] += stays
            rows["bed"] += beds
            rows["leave"] += leaves
        clock.set(max(last_at, clock.now()))
        clock.tick()
        with ctx.write(Perm.RESIDENT_WRITE) as s:
            # Core executemany: one statement per table, not one per row
            s.execute(insert(Resident.__table__), rows["resident"])
            for key, model in (("contact", Contact), ("stay", Stay), ("bed", BedAssignment),
                               ("status", StatusEvent), ("leave", Leave)):
                if rows[key]:
                    s.execute(insert(model.__table__), rows[key])
            sync_ids(s, Resident.__table__)
            first, last = rows["resident"][0]["id"], rows["resident"][-1]["id"]
            record(s, actor, clock.now(), "批量登记住户（演示数据）", "resident", f"{first}-{last}", None,
                   {"residents": len(rows["resident"]), "ids": [first, last], "contacts": len(rows["contact"]),
                    "stays": len(rows["stay"]), "bed_assignments": len(rows["bed"]),
                    "status_events": len(rows["status"]), "leaves": len(rows["leave"]), "events": counts})


def build_demo(
    app: App,
    residents: int = 300,
    password: str = DEFAULT_PASSWORD,
    seed: int = 1,
    progress: Progress | None = None,
    abort: Abort | None = None,
    actor: Actor | None = None,
    bulk: bool | None = None,
) -> DemoSummary:
    """Build a demo centre in a database without residents.

    ``actor``: an admin to act as when the database already has users (else
    the first admin ``admin`` is created). ``bulk``: True = the register
    alone, in batches; None/False = the whole history (None is bulk only
    above BULK_THRESHOLD, i.e. never). The app clock is moved through the history
    and restored afterwards; nothing else should use this App meanwhile."""
    started = time.perf_counter()
    if residents < 1:
        raise RuleViolation("住户数量至少为1", "residents")
    if residents > 100_000:
        raise RuleViolation("住户数量最多为100000", "residents")
    problem = password_problem(password or "")
    if problem:
        raise RuleViolation(problem, "password")
    demo_resume.roll_back(app)  # a killed earlier build: back to the database as it was before it
    _check_empty(app)
    use_bulk = residents > BULK_THRESHOLD if bulk is None else bulk
    today = app.today()
    _report(progress, abort, 0.0, "正在生成演示数据计划")
    plan = make_plan(today, residents, seed)
    saved = (app.today, app.now)
    clock = _Clock(plan.setup_day)
    demo_resume.begin(app, residents, seed)
    app.today, app.now = clock.today, clock.now
    try:
        actor, created = _users_and_centre(app, actor, plan, password, clock)
        assessments = vouchers = 0
        if use_bulk:
            _run_bulk(app, actor, plan, clock, progress, abort)
        else:
            assessments, vouchers = _run_services(app, actor, plan, clock, progress, abort, seed,
                                                  not_after=saved[1]())
    finally:
        app.today, app.now = saved
    demo_resume.finish(app)
    _report(progress, None, 1.0, "演示数据已生成")
    return _summary(app, plan, password, created, use_bulk, time.perf_counter() - started, assessments, vouchers)


def _summary(app: App, plan: _Plan, password: str, created: list[str], bulk: bool, seconds: float,
             assessments: int = 0, vouchers: int = 0) -> DemoSummary:
    with app.read_factory() as s:
        by_status = {st.value: 0 for st in ResidentStatus}
        for status, n in s.execute(select(Resident.status, func.count()).group_by(Resident.status)):
            by_status[status] = n
        users = tuple((u, Role(r).label) for u, r in s.execute(select(User.username, User.role).order_by(User.id)))
        workers = s.execute(select(func.count()).select_from(CareWorker)).scalar_one()
        claims = dict(s.execute(select(SubsidyClaim.status, func.count()).group_by(SubsidyClaim.status)).all())
    nursing = sum(1 for b in plan.beds if b[2] == BedType.NURSING.value)
    held = by_status[ResidentStatus.IN_RESIDENCE.value] + by_status[ResidentStatus.ON_LEAVE.value]
    events = {k: 0 for k in ("入住", "请假", "销假", "调床", "退住", "去世", "再次入住")}
    label = {ADMIT: "入住", LEAVE: "请假", RETURN: "销假", MOVE: "调床", DISCHARGE: "退住", DIE: "去世",
             READMIT: "再次入住"}
    for a in plan.actions:
        events[label[a.kind]] += 1
    return DemoSummary(
        centre_name=plan.centre.name, residents=len(plan.people), by_status=by_status,
        buildings=tuple(dict.fromkeys(r.building for r in plan.rooms)), rooms=len(plan.rooms),
        beds=len(plan.beds), nursing_beds=nursing, free_beds=len(plan.beds) - held, users=users,
        created_users=tuple(created), password=password, first_day=plan.setup_day, last_day=plan.today,
        events=events, bulk=bulk, seconds=round(seconds, 2), assessments=assessments,
        vouchers=vouchers, care_workers=workers, claims=claims,
    )
