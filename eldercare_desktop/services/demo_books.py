"""Demo books: the accountant's side of the demo centre, replayed inside the
demo's history in date order (``services.demo`` merges these ticks into its
timeline, so the audit trail still never goes back in time).

- The books open on 1 January of last year: 期初余额 of the basic bank
  account, the building and equipment held at cost (固定资产) less the
  depreciation already charged (累计折旧), the previous year-end bonus still
  owed (应付工资), December's social insurance withheld (代扣社保), and
  非限定性净资产 as the balancing figure. No deposit (押金) is held before that
  day: the demo takes deposits when contracts are signed on the adoption day
  (``demo_finance``), so the opening balances hold none.
- Residents' fees before the adoption day (six months back, when billing
  moved into the app) are entered as one summary voucher a month from the
  paper fee register (原收费台账汇总). Replaying contracts, bills and payments
  for those months too would make the demo about three times slower.
- Every month the accountant (``kuaiji``) enters vouchers and the director
  (``admin``) reviews them on the 15th and on the last day: salaries (care and office
  staff; what is withheld for social insurance is paid over on the 15th of
  the next month with the employer's share), food twice a month, care
  supplies, utilities (split 业务/管理), office costs, outsourced services
  (maintenance, medical waste, laundry), a repair every quarter (one on
  credit, paid the month after), and depreciation at month end.
- Once: a restricted gift for rehabilitation equipment, partly spent on it
  and released for the part used; government subsidies (运营补贴 yearly,
  护理员岗位补贴 twice a year); a minibus and nursing beds bought; a year-end
  bonus accrued in December and paid in January.
- Months before the adoption day are closed on the 10th of the next month
  (later ones by ``demo_finance``); last year is closed (年末结转) in January,
  its work report saved in March and the disclosure marked submitted.

Figures follow the number of residents in residence, so a small test centre
gets small books: 10 staff plus about 0.47 per resident, pay about ¥5,300
(care) and ¥6,600 (office) a month plus 28% employer's social insurance, food
¥26 a resident-day, care supplies ¥300 and utilities ¥140 a resident a month
(plus ¥6,000). With fees of about ¥5,600 a resident-month that leaves a
surplus of a few per cent, as a growing non-profit centre would show.
"""
from __future__ import annotations

import calendar
import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import distinct, func, or_, select

from ..db.models import Bed, BedAssignment, Stay, User
from ..domain import books as B
from ..domain.ledger import BANK, DEPRECIATION, FIXED_ASSETS, INCOME_BED, INCOME_CARE, INCOME_MEALS, UNRESTRICTED, Line
from ..domain.money import round_fen
from ..domain.roles import Actor, Perm, Role
from ..domain.schedule import add_months
from . import assets, books, disclosure, ledger, reports, year_end
from .context import App, Ctx
from .demo_finance import BED_PRICES, CARE_PRICES, MEALS

ACCOUNTANT = "kuaiji"
# share of residents per care level, as the demo's assessments grade them (for the pre-app fee summary)
CARE_MIX = {"自理": 6, "介护一级": 18, "介护二级": 30, "介护三级": 26, "特级护理": 20}
MEALS_TAKEN = Decimal("0.98")  # meals are charged for days present: leave days come off
CARE_PAY, OFFICE_PAY = 5300, 6600  # yuan a month, last year
RAISE = Decimal("1.03")  # pay rises 3% a year
# of gross pay: individual / employer social insurance and housing fund
WITHHELD_RATE, EMPLOYER_RATE = Decimal("0.105"), Decimal("0.28")
BONUS = {"业务": 1200, "管理": 1500}  # year-end bonus per head, yuan
DONOR = "重庆两江康泰实业有限公司"
GIFT_FEN, REHAB_FEN = 8_000_000, 5_280_000
SUBMITTED_TO = "渝北区民政局、渝北区发展和改革委员会（价格主管部门）"
FOOD_SUPPLIER = "重庆鲜农食品配送有限公司"
REPAIRERS = ("渝北区龙溪水电安装维修部", "重庆安居物业设施维护有限公司", "渝北区宏达电梯维保服务部")

# (name, category, cost in yuan for a 300-bed centre, years in use before the books open, month, life in months, dept)
EXISTING = (
    ("综合楼装修改造及消防设施", "房屋及建筑物", 6_800_000, 6, 7, 240, "业务"),
    ("护理床、床头柜及生活家具", "家具用具", 1_150_000, 6, 7, 120, "业务"),
    ("中央厨房及洗衣房设备", "专用设备", 380_000, 6, 7, 120, "业务"),
    ("监控、呼叫及办公信息化设备", "电子设备", 260_000, 4, 3, 60, "管理"),
)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _period(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def _fen(yuan: Decimal | int) -> int:
    """An exact amount in yuan, to the fen (half up)."""
    return round_fen(Decimal(yuan) * 100)


def _whole(yuan: Decimal | int) -> int:
    """Whole yuan, in fen (salaries, bonuses, subsidies are round)."""
    return round_fen(Decimal(yuan)) * 100


def _share(fen: int, rate: Decimal) -> int:
    """``rate`` of an amount in fen, to the fen."""
    return round_fen(fen * rate)


def _split(fen: int, office_share: str) -> dict[str, int]:
    """A cost shared between departments: {业务: …, 管理: …}."""
    office = _share(fen, Decimal(office_share))
    return {"业务": fen - office, "管理": office}


def _accountant(app: App) -> Actor | None:
    with app.read_factory() as s:
        u = s.execute(select(User).where(User.username == ACCOUNTANT, User.active.is_(True))).scalar_one_or_none()
    if u is None or not Actor(u.id, u.username, Role(u.role)).can(Perm.FINANCE_WRITE):
        return None
    return Actor(u.id, u.username, Role(u.role), u.display_name)


class BooksReplayer:
    """Enters the centre's own books as the demo's clock reaches each tick.
    ``adoption``: the day the centre started billing in the app."""

    def __init__(self, app: App, admin: Actor, seed: int, today: dt.date, adoption: dt.date, beds: int):
        clerk = _accountant(app)
        self.enabled = clerk is not None and admin.username != ACCOUNTANT and admin.can(Perm.FINANCE_WRITE)
        self.acc: Ctx = app.as_user(clerk) if clerk else None
        self.boss: Ctx = app.as_user(admin)
        self.rng = random.Random(seed * 7717 + 11)
        self.today = today
        self.adoption = adoption.replace(day=1)
        self.first = dt.date(today.year - 1, 1, 1)
        self.k = max(Decimal("0.15"), Decimal(beds) / 300)  # scale of the centre against 300 beds
        self.payroll: dict[str, tuple[int, int, int]] = {}  # period → (care gross, office gross, withheld)
        self.staff: dict[str, tuple[int, int]] = {}  # period → (care heads, office heads)
        self.vouchers = 0
        self.credit_repair: tuple[int, str, str] | None = None  # (fen, supplier, voucher number)
        self.gift_number = ""

    # -- the plan ------------------------------------------------------------------------
    def ticks(self) -> list[tuple[dt.datetime, tuple[str, object]]]:
        """(when, (kind, argument)) for everything up to today."""
        if not self.enabled:
            return []
        out: list[tuple[dt.datetime, tuple[str, object]]] = []

        def at(day: dt.date, hh: int, mm: int, kind: str, arg: object = None) -> None:
            if day <= self.today:
                out.append((dt.datetime.combine(day, dt.time(hh, mm)), (kind, arg)))

        first, last_year = self.first, self.first.year
        at(first, 9, 0, "opening")
        month = first
        while month <= self.today:
            y, m, end = month.year, month.month, _month_end(month)
            prev = add_months(month, -1)
            if prev >= first and prev < self.adoption and not (prev.year == last_year and prev.month == 12):
                at(month.replace(day=10), 16, 0, "close", _period(prev))
            if m in (2, 5, 8, 11):
                at(month.replace(day=9), 10, 0, "repair", (y, m) == (last_year, 8))
            if (y, m) == (last_year, 9):
                at(month.replace(day=9), 10, 30, "repair_paid")
            at(month.replace(day=12), 10, 30, "food", 1)
            at(month.replace(day=15), 10, 0, "insurance", _period(prev))
            if m in (1, 7):
                at(month.replace(day=16), 10, 0, "subsidy_care")
            if m == 8:
                at(month.replace(day=18), 10, 0, "subsidy_operating")
            at(month.replace(day=18), 11, 0, "supplies")
            at(month.replace(day=20), 10, 0, "utilities", _period(prev))
            if m == 1:
                at(month.replace(day=20), 11, 0, "bonus_paid")
            at(month.replace(day=22), 10, 0, "office")
            at(month.replace(day=24), 10, 0, "services")
            at(month.replace(day=25), 15, 0, "salaries")
            at(month.replace(day=27), 10, 30, "food", 2)
            if month < self.adoption:
                at(end, 15, 0, "fees")
            if m == 12:
                at(end, 16, 0, "bonus_accrued")
            # the director reviews what was entered twice a month; depreciation once purchases are reviewed
            at(month.replace(day=15), 17, 30, "review")
            at(end, 17, 30, "review")
            at(end, 17, 45, "depreciation", _period(month))
            month = add_months(month, 1)
        # one-off events of last year and this year
        at(dt.date(last_year, 4, 16), 10, 0, "gift")
        at(dt.date(last_year, 6, 10), 10, 0, "rehab")
        at(dt.date(last_year, 6, 10), 17, 45, "release")
        at(dt.date(last_year, 6, 10), 17, 50, "review")
        at(dt.date(last_year, 9, 26), 10, 0, "minibus")
        at(dt.date(last_year, 10, 29), 10, 0, "small_gift")
        at(dt.date(last_year + 1, 3, 18), 10, 0, "nursing_beds")
        nov = dt.date(last_year, 11, 1)
        close_day = dt.date(last_year + 1, 1, 20) if nov < self.adoption else dt.date(last_year + 1, 2, 12)
        at(close_day, 14, 0, "year_close", last_year)
        at(dt.date(last_year + 1, 3, 10), 10, 0, "report", last_year)
        at(dt.date(last_year + 1, 3, 25), 15, 0, "submitted", last_year)
        return out

    def apply(self, tick: tuple[str, object]) -> None:
        kind, arg = tick
        getattr(self, f"_{kind}")(arg)

    # -- helpers -----------------------------------------------------------------------------
    def _enter(self, v: B.VoucherInput) -> int:
        self.vouchers += 1
        return books.add_voucher(self.acc, v).ids[0]

    def _general(self, memo: str, lines: list[Line], attachments: int = 1, **details) -> int:
        return self._enter(B.VoucherInput(self.acc.today(), memo, tuple(x for x in lines if x.debit or x.credit),
                                          attachments, "general", details))

    def _residents(self, day: dt.date | None = None) -> int:
        day = day or self.acc.today()
        with self.acc.read() as s:
            return int(s.execute(select(func.count()).select_from(Stay).where(
                Stay.start_date <= day, or_(Stay.end_date.is_(None), Stay.end_date >= day))).scalar_one())

    def _heads(self, residents: int) -> tuple[int, int]:
        """(care staff incl. nurses, kitchen and cleaning; office staff)."""
        return round(6 + Decimal("0.42") * residents), round(4 + Decimal("0.05") * residents)

    def _pay(self, care: int, office: int, year: int, vary: bool = True) -> tuple[int, int, int]:
        """(care gross, office gross, withheld) for a month of ``year``."""
        rate = RAISE ** (year - self.first.year)
        care_fen = _whole(care * CARE_PAY * rate * (self._vary(15) if vary else 1))
        office_fen = _whole(office * OFFICE_PAY * rate * (self._vary(10) if vary else 1))
        return care_fen, office_fen, _share(care_fen + office_fen, WITHHELD_RATE)

    def _vary(self, permille: int) -> Decimal:
        """1 ± up to ``permille``/1000, drawn at random."""
        return 1 + Decimal(self.rng.randint(-permille, permille)) / 1000

    # -- opening balances ---------------------------------------------------------------------
    def _opening(self, _arg) -> None:
        first, k = self.first, self.k
        cost = held = 0
        cards = []
        through = f"{first.year - 1}-12"
        for name, category, yuan, years, month, life, dept in EXISTING:
            fen = _whole(round(yuan * k / 100) * 100)  # a round hundred of yuan
            in_use = dt.date(first.year - years, month, 1)
            done = sum(B.depreciation_for(fen, 0, life, in_use, _period(add_months(in_use, n)))
                       for n in range(1, B.months_between(in_use, through) + 1))
            cost, held = cost + fen, held + done
            cards.append(assets.AssetInput(name, category, fen, in_use, life, 0, dept, before_fen=done,
                                           before_through=through))
        care, office = self._heads(self._residents(first))
        self.payroll[through] = self._pay(care, office, first.year - 1, vary=False)
        withheld = self.payroll[through][2]
        bonus = _whole(care * BONUS["业务"] + office * BONUS["管理"])
        bank = _whole(300_000 + 1_500_000 * k)
        net = bank + cost - held - bonus - withheld
        books.enter_opening_balances(self.acc, first, (
            Line(BANK, debit=bank, memo="基本户对账单余额"),
            Line(FIXED_ASSETS, debit=cost, memo="固定资产卡片原值合计"),
            Line(DEPRECIATION, credit=held, memo="已提折旧"),
            Line(B.SALARY_PAYABLE, credit=bonus, memo=f"{first.year - 1}年度年终绩效奖金"),
            Line(B.WITHHELD, credit=withheld, memo=f"{through}代扣个人社保公积金"),
            Line(UNRESTRICTED, credit=net, memo="期初净资产（倒挤）"),
        ))
        for card in cards:
            assets.register_asset(self.acc, card)

    # -- monthly vouchers -------------------------------------------------------------------
    def _salaries(self, _arg) -> None:
        day = self.acc.today()
        care, office = self._heads(self._residents())
        self.staff[_period(day)] = (care, office)
        self.payroll[_period(day)] = self._pay(care, office, day.year)
        self._enter(B.salaries(day, *self.payroll[_period(day)], attachments=3))

    def _insurance(self, period: str) -> None:
        """The month's withheld part and the employer's part, paid to the social insurance agency."""
        if period not in self.payroll:
            return
        care, office, withheld = self.payroll[period]
        ec, eo = _share(care, EMPLOYER_RATE), _share(office, EMPLOYER_RATE)
        self._general(f"缴纳{period}社会保险费及住房公积金", [
            Line(B.WITHHELD, debit=withheld, memo="个人部分（工资代扣）"),
            Line(B.CARE_STAFF, debit=ec, memo="单位部分（护理人员）"),
            Line(B.OFFICE_STAFF, debit=eo, memo="单位部分（管理人员）"),
            Line(BANK, credit=withheld + ec + eo, memo="重庆市渝北区社会保险事务中心")], 2, period=period)

    def _food(self, half: int) -> None:
        day = self.acc.today()
        days = 15 if half == 1 else _month_end(day).day - 15
        fen = _fen(self._residents() * days * 26 * self._vary(50))
        if fen <= 0:
            return  # nobody in residence (a tiny demo centre): no food bought
        what = "1—15日" if half == 1 else f"16—{_month_end(day).day}日"
        self._enter(B.expense("purchase", day, f"采购{day.month}月{what}食材（米面油、肉禽蛋、蔬菜）", {"业务": fen},
                              attachments=4, supplier=FOOD_SUPPLIER))

    def _supplies(self, _arg) -> None:
        day = self.acc.today()
        fen = _fen(self._residents() * 300 * self._vary(80))
        if fen <= 0:
            return
        self._enter(B.expense("purchase", day, "采购护理耗材、清洁用品及日用品", _split(fen, "0.12"), attachments=3,
                              supplier="重庆康乐医疗器械有限公司等"))

    def _utilities(self, period: str) -> None:
        day = self.acc.today()
        month = int(period[5:7])
        season = Decimal("1.3") if month in (7, 8) else Decimal("1.2") if month in (12, 1, 2) else 1
        fen = _fen((6000 + 140 * self._residents()) * season * self._vary(50))
        self._enter(B.expense("utilities", day, f"支付{period}水费、电费、燃气费", _split(fen, "0.18"), attachments=3,
                              supplier="国网重庆市电力公司、重庆水务集团、重庆燃气集团"))

    def _office(self, _arg) -> None:
        day = self.acc.today()
        fen = _fen((3500 + 25 * self._residents()) * self._vary(100))
        self._enter(B.expense("general", day, "办公用品、通讯网络费及邮寄费", {"管理": fen}, attachments=2))

    def _services(self, _arg) -> None:
        day = self.acc.today()
        fen = _fen((8000 + 60 * self._residents()) * self._vary(50))
        self._enter(B.expense("general", day, "消防及电梯维保、医疗废物处置、被服洗涤外包服务费", _split(fen, "0.2"),
                              attachments=4))

    def _repair(self, on_credit: bool) -> None:
        day = self.acc.today()
        what = self.rng.choice(("更换A栋热水器及管道", "维修B栋电梯门机", "修缮C栋屋面防水", "更换护理站呼叫器",
                                "维修厨房排烟管道", "粉刷公共走廊墙面"))
        supplier = self.rng.choice(REPAIRERS)
        fen = _whole(self.rng.randint(6000, 22000) * max(Decimal("0.5"), self.k))
        vid = self._enter(B.expense("repairs", day, what, {"业务": fen}, on_credit=on_credit, attachments=2,
                                    supplier=supplier))
        if on_credit:
            self.credit_repair = (fen, supplier, books.get_voucher(self.acc, vid).number)

    def _repair_paid(self, _arg) -> None:
        if self.credit_repair is None:
            return
        fen, supplier, number = self.credit_repair
        self._general(f"支付{supplier}维修款（{number}）", [Line("2202", debit=fen, memo=supplier),
                                                          Line(BANK, credit=fen)], 1, voucher=number)
        self.credit_repair = None

    def _fees(self, _arg) -> None:
        """A month's residents' fees before the adoption day, from the paper register."""
        day = self.acc.today()
        lo, n = day.replace(day=1), day.day
        with self.acc.read() as s:
            by_type: dict[str, int] = {}
            for start, end, kind in s.execute(
                    select(BedAssignment.start_date, BedAssignment.end_date, Bed.bed_type)
                    .join(Bed, Bed.id == BedAssignment.bed_id)
                    .where(BedAssignment.start_date <= day,
                           or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= lo))):
                days = (min(end or day, day) - max(start, lo)).days + 1
                by_type[kind] = by_type.get(kind, 0) + max(0, days)
        resident_days = sum(by_type.values())
        if not resident_days:
            return
        bed = sum(BED_PRICES.get(kind, BED_PRICES["普通"]) * d for kind, d in by_type.items()) // n
        care_month = Decimal(sum(CARE_PRICES[level] * w for level, w in CARE_MIX.items())) / sum(CARE_MIX.values())
        care = round_fen(care_month * resident_days / n)
        meals = round_fen(MEALS * resident_days * MEALS_TAKEN)
        self._general(f"{day:%Y-%m}住户服务费收入汇总（系统启用前，按原收费台账汇总入账）", [
            Line(BANK, debit=bed + care + meals, memo="本月收取（银行转账、微信、现金存行）"),
            Line(INCOME_BED, credit=bed), Line(INCOME_CARE, credit=care), Line(INCOME_MEALS, credit=meals)],
            2, register="原收费台账", resident_days=resident_days)

    def _bonus_accrued(self, _arg) -> None:
        day = self.acc.today()
        care, office = self.staff.get(_period(day)) or self._heads(self._residents())
        c, o = _whole(care * BONUS["业务"]), _whole(office * BONUS["管理"])
        self._general(f"计提{day.year}年度年终绩效奖金", [Line(B.CARE_STAFF, debit=c, memo="护理人员"),
                                                   Line(B.OFFICE_STAFF, debit=o, memo="管理人员"),
                                                   Line(B.SALARY_PAYABLE, credit=c + o)], 1)

    def _bonus_paid(self, _arg) -> None:
        day = self.acc.today()
        fen = ledger.account_balance(self.acc, B.SALARY_PAYABLE, day)
        if fen > 0:
            self._general(f"发放{day.year - 1}年度年终绩效奖金", [Line(B.SALARY_PAYABLE, debit=fen),
                                                           Line(BANK, credit=fen, memo="实发")], 2)

    def _depreciation(self, period: str) -> None:
        assets.depreciate(self.acc, period)

    def _review(self, _arg) -> None:
        ids = [v.id for v in books.list_vouchers(self.boss, status=B.PENDING)]
        if ids:
            books.review(self.boss, ids)

    # -- once -------------------------------------------------------------------------------------
    def _gift(self, _arg) -> None:
        vid = self._enter(B.donation(self.acc.today(), DONOR, GIFT_FEN, True, "专项用于购置康复训练设备", 2))
        self.gift_number = books.get_voucher(self.acc, vid).number

    def _small_gift(self, _arg) -> None:
        self._enter(B.donation(self.acc.today(), "社区爱心人士", _whole(5000), False, attachments=1))

    def _buy(self, name: str, category: str, fen: int, life: int, supplier: str, source: str = "") -> None:
        day = self.acc.today()
        assets.buy_asset(self.acc, assets.AssetInput(name, category, fen, day, life, 0, "业务", source), day,
                         supplier, attachments=3)
        self.vouchers += 1

    def _rehab(self, _arg) -> None:
        self._buy("康复训练设备（上下肢主被动训练器、平行杠等）", "专用设备", REHAB_FEN, 60, "重庆康复医疗设备有限公司",
                  f"{DONOR}限定性捐赠（{self.gift_number}）")

    def _release(self, _arg) -> None:
        self._enter(B.release(self.acc.today(), REHAB_FEN,
                              f"{DONOR}限定用途捐赠已用于购置康复训练设备{REHAB_FEN // 100:,}元", 1))

    def _minibus(self, _arg) -> None:
        self._buy("14座小型客车（老人就医接送）", "交通运输设备", _whole(168_000), 72, "重庆渝北汽车销售服务有限公司")

    def _nursing_beds(self, _arg) -> None:
        n = max(4, round(20 * self.k))
        self._buy(f"多功能电动护理床{n}张", "家具用具", _whole(4_850 * n), 96, "重庆康乐医疗器械有限公司")

    def _subsidy_care(self, _arg) -> None:
        day = self.acc.today()
        care, _ = self._heads(self._residents())
        half = "下半年" if day.month == 1 else "上半年"
        year = day.year - 1 if day.month == 1 else day.year
        self._enter(B.subsidy(day, "护理员岗位补贴", _whole(max(1, care // 2) * 300 * 6), "重庆市渝北区民政局",
                              document=f"{year}年{half}持证护理员岗位补贴", attachments=2))

    def _subsidy_operating(self, _arg) -> None:
        day = self.acc.today()
        if not self._residents():
            return
        self._enter(B.subsidy(day, "运营补贴", _whole(self._residents() * 1200), "重庆市渝北区民政局",
                              document=f"渝北民政发〔{day.year}〕{self.rng.randint(40, 90)}号", attachments=2))

    # -- closing, report, disclosure ---------------------------------------------------------------
    def _close(self, period: str) -> None:
        ledger.close_period(self.acc, period)

    def _year_close(self, year: int) -> None:
        p = dt.date(year, 1, 1)
        while p.month < 12:
            if not ledger.is_closed(self.acc, _period(p)):
                ledger.close_period(self.acc, _period(p))
            p = add_months(p, 1)
        year_end.close_year(self.acc, year)

    def _report(self, year: int) -> None:
        care, office = self.staff.get(f"{year}-12", (0, 0))
        disclosure.save_report(self.acc, year, self.work_report(year), care + office, "周敏")

    def _submitted(self, year: int) -> None:
        disclosure.mark_submitted(self.acc, year, self.acc.today(), SUBMITTED_TO)

    def work_report(self, year: int) -> str:
        ss = reports.statements(self.acc, year)
        act, bs = ss.activity, ss.balance
        lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        with self.acc.read() as s:
            occ = disclosure.occupancy_in(s, year, 0)
            served = s.execute(select(func.count(distinct(Stay.resident_id))).where(
                Stay.start_date <= hi, or_(Stay.end_date.is_(None), Stay.end_date >= lo))).scalar_one()

        def wan(fen: int) -> str:
            return f"{fen / 1_000_000:,.2f}"

        used, left = REHAB_FEN, GIFT_FEN - REHAB_FEN
        change = act.value(45, 2)
        care, office = self.staff.get(f"{year}-12", (0, 0))
        return "\n\n".join((
            f"{year}年，本中心坚持非营利性质和“安全、规范、温馨”的服务宗旨，全年共为{served}位老年人提供机构养老服务，"
            f"年初在住{occ.residents_start}人，新入住{occ.admissions}人次，年末在住{occ.residents_end}人；"
            f"年末床位{occ.beds}张，其中护理型床位{occ.nursing_beds}张，全年平均床位使用率{occ.rate * 100:.1f}%。"
            f"年末在职职工{care + office}人，其中护理、医护、厨房及后勤人员{care}人，管理人员{office}人。",
            f"全年收入合计{wan(act.value(11, 2))}万元，其中提供服务收入{wan(act.value(3, 2))}万元、"
            f"政府补助收入{wan(act.value(5, 2))}万元、捐赠收入{wan(act.value(1, 2))}万元；费用合计"
            f"{wan(act.value(35, 2))}万元，其中业务活动成本{wan(act.value(12, 2))}万元、管理费用"
            f"{wan(act.value(21, 2))}万元。净资产{'增加' if change >= 0 else '减少'}{wan(abs(change))}万元，"
            f"结余全部用于改善服务条件，未以任何形式分配。年末净资产合计{wan(bs.value(110, 1))}万元。",
            f"年内收到{DONOR}限定性捐赠{wan(GIFT_FEN)}万元，专项用于购置康复训练设备，已使用{wan(used)}万元并解除限制，"
            f"余{wan(left)}万元按捐赠协议继续专款专用；新购置14座小型客车一辆，用于老人外出就医接送。"
            f"收费严格执行备案的收费标准，收费项目和标准在服务大厅公示。",
            f"{year + 1}年，中心将继续推进护理型床位建设和护理员持证上岗培训，完善康复服务，"
            f"加强消防和食品安全管理，按时公开财务收支情况，接受民政部门和社会监督。",
        ))

    # -- at the end ----------------------------------------------------------------------------------
    def finish(self) -> None:
        """The statements of last year and this year pass every check (a demo bug otherwise)."""
        if not self.enabled:
            return
        for year in (self.first.year, self.today.year):
            ss = reports.statements(self.acc, year)
            if not ss.ok:
                raise RuntimeError(f"demo books: {year} statements fail: {'；'.join(ss.problems())}")
