"""Demo subsidies: what the demo centre keeps for subsidy claims and the
claims themselves, replayed inside the demo's history in date order
(``services.demo`` merges these ticks into its timeline).

- The administrator records the centre's dated facts (民办非营利, own
  building, established two weeks before the history starts, licence,
  approved beds, a 3-star rating last year, a nursing-type centre, the
  legal person's second centre in the district — 两路 opened first), the leased annex of 24 beds built
  early last year, the half-yearly inspection grades, and the municipal
  operating subsidy's figure when the year's notice comes in January.
- A care-worker register of about one worker per six beds (at least six):
  varied certificates (none, 初级 … 技师), three-year contracts with a
  renewal history, one open-ended, one short (11 months, which fails the
  one-year test), one running out within the reminder window; social
  insurance recorded every half-year with a few months unpaid; training for
  the uncertified; one worker who left last year.
- The main building's construction subsidy, paid on paper in its first
  year, recorded as a claim made before the app (it counts against the
  district's cap and is not offered again).
- Claims, one in every status: last year's construction subsidy for the
  annex (已到账: leased, 24 new beds — the district's ¥5,000 a bed; the
  municipal subsidy needs 50), last year's second-half service subsidy for
  渝北籍 residents (已到账, the residents' ¥200 a month paid on by bank
  transfer, a small reduction on approval), this year's first half (已批准),
  the municipal operating subsidy for this year's first half (已提交), the
  chain bonus waiting for documents (草稿), and one withdrawn.
"""
from __future__ import annotations

import datetime as dt
import random

from ..domain.identity import make_id_number
from ..domain.roles import Actor
from ..domain.schedule import add_months
from . import care_workers as cw
from . import subsidies as sub
from . import subsidy_facts as facts
from .context import App, Ctx

_SURNAMES = "王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 胡 朱 郭 何 罗 高 林 谭 冉 向 付".split()
_GIVEN_F = "丽 娟 敏 静 艳 芳 燕 霞 红 玲 琴 梅 莉 萍 晓燕 红梅 丽娟 小琴 春燕 海燕 雪梅 小红".split()
_GIVEN_M = "伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 建华 志强".split()
_AREAS = ("500112", "500112", "500112", "500105", "500103", "500106", "500113", "500228", "500235")
ANNEX_BEDS = 24


def _m(day: dt.date) -> str:
    return f"{day:%Y-%m}"


class SubsidyReplayer:
    """Enters the demo's subsidy facts, care workers and claims as the demo's
    clock reaches each tick; ``admin`` keeps the registers, the accountant
    (``acc``; None when the demo has none) claims."""

    def __init__(self, app: App, admin: Actor, acc: Ctx | None, seed: int, today: dt.date, setup: dt.date,
                 beds: int):
        self.boss: Ctx = app.as_user(admin)
        self.acc = acc
        self.rng = random.Random(seed * 4099 + 5)
        self.today, self.setup, self.beds = today, setup, beds
        self.this, self.last = today.year, today.year - 1
        self.annex_day = dt.date(self.last, 3, 20)
        self.leave_day = dt.date(self.last, 10, 31)
        self.workers: list[dict] = []
        self.worker_ids: dict[int, int] = {}
        self.claims: dict[str, int] = {}
        self.insured_to = ""  # the last month recorded as paid

    # -- the plan ------------------------------------------------------------------------
    def ticks(self) -> list[tuple[dt.datetime, tuple[str, object]]]:
        out: list[tuple[dt.datetime, tuple[str, object]]] = []

        def at(day: dt.date, hh: int, mm: int, kind: str, arg: object = None) -> None:
            if self.setup <= day <= self.today:
                out.append((dt.datetime.combine(day, dt.time(hh, mm)), (kind, arg)))

        start = self.setup + dt.timedelta(days=1)
        at(start, 8, 40, "facts")
        at(start, 8, 50, "workers")
        at(dt.date(self.last, 1, 6), 9, 0, "rating")
        at(self.annex_day, 9, 0, "annex")
        at(self.leave_day, 17, 0, "leaver")
        month = dt.date(self.setup.year, self.setup.month, 1)
        while month <= self.today:
            if month.month in (1, 7) and month > self.setup:
                at(month.replace(day=20), 9, 30, "grade", add_months(month, -1))
                at(month.replace(day=15), 15, 30, "insurance", add_months(month, -1))
            month = add_months(month, 1)
        at(self.today, 8, 5, "insurance", add_months(self.today.replace(day=1), -1))
        at(dt.date(self.this, 1, 5), 9, 0, "param")
        if self.acc is None:
            return out
        y, ly = self.this, self.last
        plan = [
            (dt.date(y, 1, 10), "paper", None),
            (dt.date(y, 1, 12), "claim", ("annex", "cq-construction", f"{ly}-01", f"{ly}-12")),
            (dt.date(y, 1, 13), "claim", ("service_h2", "yb-service", f"{ly}-07", f"{ly}-12")),
            (dt.date(y, 1, 14), "claim", ("chain", "yb-chain", f"{ly}-01", f"{ly}-12")),
            (dt.date(y, 1, 14), "claim", ("operating_h2", "cq-operating", f"{ly}-07", f"{ly}-12")),
            (dt.date(y, 1, 20), "withdraw", "operating_h2"),
            (dt.date(y, 2, 25), "approve", ("service_h2", 1, f"1人{ly}年12月外出就医超过半月，核减1个月")),
            (dt.date(y, 3, 18), "receive", ("service_h2", "bank")),
            (dt.date(y, 3, 20), "approve", ("annex", 0, "")),
            (dt.date(y, 4, 8), "receive", ("annex", "account")),
            (dt.date(y, 7, 8), "claim", ("service_h1", "yb-service", f"{y}-01", f"{y}-06")),
            (dt.date(y, 7, 9), "claim", ("operating_h1", "cq-operating", f"{y}-01", f"{y}-06")),
            (dt.date(y, 8, 20), "approve", ("service_h1", 0, "")),
        ]
        for n, (day, kind, arg) in enumerate(plan):
            at(day, 10, 10 + n, kind, arg)
        return out

    def apply(self, tick: tuple[str, object]) -> None:
        kind, arg = tick
        getattr(self, f"_{kind}")(arg)

    # -- the registers ---------------------------------------------------------------------------
    def _facts(self, _arg) -> None:
        b, d = self.boss, self.setup
        facts.record_fact(b, "nature", "民办非营利", d)
        facts.record_fact(b, "tenure", "自有", d, "主楼：自有产权")
        facts.record_fact(b, "established", d.isoformat(), d)
        facts.record_fact(b, "licence_no", f"渝北民养备〔{d.year}〕{self.rng.randrange(10, 99)}号", d)
        facts.record_fact(b, "approved_beds", str(max(1, self.beds - ANNEX_BEDS)), d)
        facts.record_fact(b, "nursing_centre", "是", d, "内设医务室，已备案")
        main_beds = max(1, self.beds - ANNEX_BEDS)
        facts.record_fact(b, "building_area_m2", str(main_beds * 42), d, "主楼")
        facts.record_fact(b, "staff_managers", str(4 + main_beds // 60), d)
        facts.record_fact(b, "staff_service", str(max(6, round(main_beds / 6)) + main_beds // 25), d, "护理员及后勤服务")
        facts.record_fact(b, "staff_other", str(2 + main_beds // 100), d)
        facts.record_fact(b, "star_rating", "2", d)
        # the legal person's first centre, in 两路, opened in 2019: this one is its second
        facts.record_fact(b, "chain_centres", "2", d)
        facts.record_fact(b, "chain_names", "渝北区阳光颐养院（两路街道，2019年开业，86张床位）", d)
        facts.record_fact(b, "chain_new", "是", d)
        facts.add_project(b, facts.ProjectInput("主楼", "养老机构", "新建", max(1, self.beds - ANNEX_BEDS),
                                                d - dt.timedelta(days=30), "自有", "0", note="自有产权，开业时建成"))

    def _rating(self, _arg) -> None:
        facts.record_fact(self.boss, "star_rating", "3", self.boss.today(), f"{self.last - 1}年度等级评定")


    def _annex(self, _arg) -> None:
        day = self.boss.today()
        lease = add_months(day, -3)
        facts.add_project(self.boss, facts.ProjectInput(
            "附楼改建护理区", "养老机构", "改扩建", ANNEX_BEDS, day, "租赁", "620",
            lease, add_months(lease, 120) - dt.timedelta(days=1), "租赁相邻商业楼二层，租期10年"))
        main_beds = max(1, self.beds - ANNEX_BEDS)  # a tiny demo centre keeps one bed in its main building
        facts.record_fact(self.boss, "approved_beds", str(main_beds + ANNEX_BEDS), day, f"附楼新增{ANNEX_BEDS}张")
        facts.record_fact(self.boss, "building_area_m2", str(main_beds * 42 + 620), day, "主楼＋附楼")

    def _grade(self, month: dt.date) -> None:
        half = f"{month.year}-H{1 if month.month <= 6 else 2}"
        if dt.date(month.year, 1 if half.endswith("H1") else 7, 1) >= self.setup:
            facts.record_grade(self.boss, half, self.rng.choice(("优", "优", "良")), "区民政局半年检查")

    def _param(self, _arg) -> None:
        facts.set_param(self.boss, "cq_operating_rate", "100")

    def _workers(self, _arg) -> None:
        rng, today = self.rng, self.boss.today()
        n = max(6, round(self.beds / 6))
        levels = ["", "", "初级", "初级", "初级", "中级", "中级", "高级", "技师"]
        for i in range(n):
            female = rng.random() < 0.85
            given = rng.choice(_GIVEN_F if female else _GIVEN_M)
            birth = dt.date(rng.randrange(1966, 1999), rng.randrange(1, 13), rng.randrange(1, 29))
            seq = rng.randrange(100, 998)
            seq += (seq % 2 == 1) if female else (seq % 2 == 0)
            idno = make_id_number(rng.choice(_AREAS), birth, seq)
            care_start = today - dt.timedelta(days=rng.randrange(200, 4000))
            hired = max(care_start, today - dt.timedelta(days=rng.randrange(60, 2200)))
            self.workers.append({"i": i, "name": rng.choice(_SURNAMES) + given, "id": idno, "care": care_start,
                                 "hired": hired, "level": levels[i % len(levels)] if i > 2 else ("", "中级", "初级")[i]})
        ctx = self.boss
        for w in self.workers:
            try:
                wid = cw.add_worker(ctx, cw.WorkerInput(w["name"], w["id"], f"13{rng.randrange(10**9):09d}",
                                                        w["care"])).ids[0]
            except Exception:  # noqa: BLE001 - a duplicate random ID: skip that worker
                continue
            w["wid"] = wid
            hired, i = w["hired"], w["i"]
            if i == 1:  # open-ended after an earlier fixed term
                cw.add_contract(ctx, wid, hired, add_months(hired, 12) - dt.timedelta(days=1), "首签1年")
                cw.add_contract(ctx, wid, add_months(hired, 12), None, "无固定期限")
            elif i == 2:  # a short first contract: those months fail the one-year test
                cw.add_contract(ctx, wid, hired, add_months(hired, 11) - dt.timedelta(days=1), "试用期合同")
                start = add_months(hired, 11)
                while start <= self.today:
                    cw.add_contract(ctx, wid, start, add_months(start, 36) - dt.timedelta(days=1))
                    start = add_months(start, 36)
            elif i == 3 and hired < self.leave_day:  # leaves last October (see _leaver)
                start = hired
                while start <= self.leave_day:
                    cw.add_contract(ctx, wid, start, add_months(start, 36) - dt.timedelta(days=1))
                    start = add_months(start, 36)
                w["left"] = self.leave_day
            elif i == 5:  # the contract runs out within the reminder window
                start = add_months(self.today + dt.timedelta(days=40), -36) + dt.timedelta(days=1)
                if start > hired:
                    cw.add_contract(ctx, wid, hired, start - dt.timedelta(days=1))
                cw.add_contract(ctx, wid, max(start, hired), self.today + dt.timedelta(days=40))
            else:
                start = hired
                while start <= self.today:
                    cw.add_contract(ctx, wid, start, add_months(start, 36) - dt.timedelta(days=1))
                    start = add_months(start, 36)
            if w["level"]:
                issued = min(today, w["care"] + dt.timedelta(days=rng.randrange(120, 900)))
                cw.add_certificate(ctx, wid, w["level"], f"50{rng.randrange(10**10):010d}", issued,
                                   add_months(issued, 60) if i == 4 else None)
            elif i != 0:  # worker 0: uncertified and not yet trained
                cw.add_training(ctx, wid, min(today, w["care"] + dt.timedelta(days=20)), "养老护理员岗前培训", 40)

    def _leaver(self, _arg) -> None:
        w = next((w for w in self.workers if w.get("left") and w.get("wid")), None)
        if w is not None:
            cw.leave(self.boss, w["wid"], self.leave_day)

    def _insurance(self, month: dt.date) -> None:
        """Social insurance paid up to ``month`` for everyone employed, a few months missed."""
        upto = _m(month)
        for w in self.workers:
            wid = w.get("wid")
            if not wid:
                continue
            first = max(_m(w["hired"]), _m(self.setup), _next(self.insured_to) if self.insured_to else "")
            last = min(upto, _m(w["left"])) if w.get("left") else upto
            if first > last:
                continue
            months = [m for m in _months(first, last) if not (w["i"] % 11 == 5 and m.endswith(("-03", "-09")))]
            if months:
                cw.record_insurance(self.boss, wid, months)
        self.insured_to = upto

    # -- claims ------------------------------------------------------------------------------
    def _claim(self, arg) -> None:
        """A claim as the accountant makes it: only when there is something to claim."""
        key, scheme, first, last = arg
        if sub.preview(self.acc, scheme, first, last).total_fen <= 0:
            return  # e.g. a small demo's annex when the site cap is used up
        cid = sub.create_claim(self.acc, scheme, first, last).ids[0]
        self.claims[key] = cid
        if key != "chain":
            sub.submit(self.acc, cid)

    def _paper(self, _arg) -> None:
        """The main building's construction subsidy, claimed on paper in its
        first year, before the app: recorded so the district cap (¥5,000,000
        since establishment) and the once-only rule count it."""
        from . import subsidy_history

        beds = max(1, self.beds - ANNEX_BEDS)
        if beds < 50:
            return
        paid = {"市级建设补贴": beds * 10_000_00, "区级建设补贴": min(beds * 10_000_00, 5_000_000_00)}
        main = next(k for k, name in subsidy_history.outside_subjects(self.acc, "cq-construction") if name == "主楼")
        y = self.setup.year
        subsidy_history.record_outside_claim(self.acc, "cq-construction", f"{y}-01", f"{y}-12", paid,
                                             dt.date(y + 1, 6, 18), (main,), "自有", "纸质申报，开业当年")

    def _withdraw(self, key: str) -> None:
        if key not in self.claims:
            return
        sub.withdraw(self.acc, self.claims[key], "市级运营补贴标准尚未下达，撤回待补报")

    def _approve(self, arg) -> None:
        """Approved as claimed, or with one resident's month cut (``cut``
        months of the last resident with a full share)."""
        key, cut, note = arg
        if key not in self.claims:
            return
        c = sub.claim(self.acc, self.claims[key])
        if not cut:
            sub.approve(self.acc, c.id, c.claimed_fen, self.acc.today())
            return
        share = next((x for x in reversed(sub.resident_shares(self.acc, c.id)) if x.months > cut), None)
        if share is None:
            sub.approve(self.acc, c.id, c.claimed_fen, self.acc.today())
            return
        # the month's centre and resident parts (Yubei: ¥100 + ¥200)
        result = sub.claim_result(self.acc, c.id)
        row = next(r for r in result.rows if r.key == share.key)
        amount = c.claimed_fen - round(row.amount_fen * cut / share.months)
        sub.approve(self.acc, c.id, amount, self.acc.today(), note, {share.key: cut})

    def _receive(self, arg) -> None:
        key, mode = arg
        if key not in self.claims:
            return
        sub.receive(self.acc, self.claims[key], self.acc.today(), mode)


def _next(m: str) -> str:
    y, mo = int(m[:4]), int(m[5:])
    return f"{y + (mo == 12):04d}-{mo % 12 + 1:02d}"


def _months(first: str, last: str) -> list[str]:
    out, m = [], first
    while m <= last:
        out.append(m)
        m = _next(m)
    return out
