"""Demo money, replayed inside the demo's history in date order: the fee
schedule (with one announced price rise), a service contract for everyone in
residence from the day the centre started using the app (建账日, six months
back) or from their first assessment after it, care-level amendments after
consent, terminations with settlements on discharge and death, a billing run
on the 1st of every month — in advance (按月预收, the centre's default billing
mode): the month's bed and care fees, with last month's meals and any
differences settled — most families paying on the day the bill goes out and
the rest by the 8th (a few pay ahead, a few fall behind), one voided receipt,
and months closed once paid."""
from __future__ import annotations

import datetime as dt
import random

from ..domain.contract_records import AmendmentInput, ContractInput
from ..domain.errors import DomainError
from ..domain.ledger import Entry, Line
from ..domain.schedule import add_months
from . import billing, contracts, escrow, fees, ledger, payments
from . import residents as res_svc
from .context import Ctx

MONTHS = 6  # history kept in the books
BED_PRICES = {"普通": 200000, "护理型": 260000}
CARE_PRICES = {"自理": 80000, "介护一级": 150000, "介护二级": 220000, "介护三级": 290000, "特级护理": 360000}
MEALS = 3000
METHODS = (("微信支付", 40), ("银行转账", 35), ("现金", 15), ("支付宝", 10))


def adoption_day(today: dt.date) -> dt.date:
    """The first day of the month MONTHS months back: when the centre started keeping its books here."""
    return add_months(today.replace(day=1), -MONTHS)


class FinanceReplayer:
    def __init__(self, ctx: Ctx, seed: int, today: dt.date):
        self.ctx = ctx
        self.rng = random.Random(seed * 104729 + 3)
        self.today = today
        self.start = adoption_day(today)
        self.contract_of: dict[int, int] = {}  # resident id → active contract id
        self.late = set()
        self.voided = False
        self.signed = 0
        self.pending_refunds: list[tuple[dt.date, int]] = []
        self.left_overdue = False
        self.deducted = False
        self.payer: dict[int, str] = {}  # resident id → who pays (the agent, else the resident)

    # -- set-up ---------------------------------------------------------------------
    def schedule(self) -> None:
        """Prices in force since the books start (1 January last year, when
        the centre's own books open), before the adoption day; one rise
        announced in advance."""
        ctx = self.ctx
        since = min(self.start, dt.date(self.today.year - 1, 1, 1))
        for key, fen in BED_PRICES.items():
            item = fees.create_item(ctx, f"BED-{'N' if key == '护理型' else 'O'}", "bed", f"{key}床位费", "月", key).ids[0]
            fees.set_price(ctx, item, since, fen, None, "建账：沿用原收费标准")
            if key == "护理型":
                self.nursing_item = item
        for n, (level, fen) in enumerate(CARE_PRICES.items()):
            item = fees.create_item(ctx, f"CARE-{n}", "care", f"{level}护理费", "月", level).ids[0]
            fees.set_price(ctx, item, since, fen, None, "建账：按照护等级分级定价")
        meals = fees.create_item(ctx, "MEALS", "meals", "伙食费", "日").ids[0]
        fees.set_price(ctx, meals, since, MEALS, None, "建账：按实际在院天数结算")
        fees.create_item(ctx, "ESCORT", "other", "陪同就医", "次")

    def announce_rise(self, day: dt.date) -> None:
        """A nursing-bed price rise announced 45 days ahead (notice letters go out)."""
        self.rise = fees.set_price(self.ctx, self.nursing_item, day + dt.timedelta(days=45), 275000, day,
                                   "护理型床位设备更新、人工成本上涨").ids[0]
        self.rise_day = day + dt.timedelta(days=45)

    def rise_takes_effect(self, day: dt.date) -> None:
        """On the effective day the contracts charged by that item are amended (调价)."""
        if getattr(self, "rise", None) is not None and day >= self.rise_day:
            contracts.apply_price_change(self.ctx, self.rise)
            self.rise = None

    # -- contracts -------------------------------------------------------------------
    def sign(self, rid: int, day: dt.date) -> None:
        if rid in self.contract_of:
            return
        d = res_svc.get_resident(self.ctx, rid)
        if not d.care_level or d.status not in ("在住", "请假"):
            return
        agent = d.agent
        signer, relation = (agent.name, f"代理人（{agent.relationship}）") if agent else (d.name, "本人")
        start = max(day, d.current_stay.start)
        monthly_hint = 2 * (BED_PRICES["护理型"] + CARE_PRICES["特级护理"])  # stays far under the 6× cap
        deposit = self.rng.choice((0, 300000, 500000, 1000000)) if self.rng.random() < 0.8 else monthly_hint
        try:
            cid = contracts.sign_contract(self.ctx, ContractInput(
                rid, start, add_months(start, 36) - dt.timedelta(days=1), signer, relation,
                deposit_fen=deposit, signed_date=day)).ids[0]
        except DomainError:
            cid = contracts.sign_contract(self.ctx, ContractInput(
                rid, start, add_months(start, 36) - dt.timedelta(days=1), signer, relation, deposit_fen=0,
                signed_date=day)).ids[0]
        self.contract_of[rid] = cid
        self.signed += 1
        held = contracts.get_contract(self.ctx, cid).deposit_fen
        # back within days of leaving: the deposit of the last stay is not refunded yet and
        # carries over to this contract (refunding it now and taking it again is no one's practice)
        carried = any(r == rid for _w, r in self.pending_refunds)
        self.pending_refunds = [(w, r) for w, r in self.pending_refunds if r != rid]
        if held:
            # the agreed deposit goes into the escrow account on the signing day, unless the
            # deposit carried over already fills the cap (6× the monthly fee)
            try:
                escrow.receive_deposit(self.ctx, rid, day, held, "银行转账",
                                       f"{day:%Y%m%d}{self.rng.randrange(10**6):06d}")
            except DomainError:
                if not carried and not self._still_held(rid, day):
                    raise
        if self.rng.random() < 0.08:
            self.late.add(rid)

    def _still_held(self, rid: int, day: dt.date) -> bool:
        """A deposit of an earlier stay is still in the escrow account."""
        return escrow.quote(self.ctx, rid, day).balance_fen > 0

    def care_changed(self, rid: int, day: dt.date, level: str, consent_by: str) -> None:
        cid = self.contract_of.get(rid)
        if cid is None:
            return
        try:
            contracts.amend_contract(self.ctx, AmendmentInput(
                cid, day, "照护等级变更", f"复评后照护等级调整为{level}", care_level=level,
                consent_by=consent_by, consent_date=day))
        except DomainError:
            pass  # same level, or a date already amended: nothing to change

    def ended(self, rid: int, day: dt.date, died: bool) -> None:
        cid = self.contract_of.pop(rid, None)
        if cid is not None:
            contracts.terminate_contract(self.ctx, cid, day, "去世" if died else "提前解约",
                                         "" if died else "家属接回家中照顾")
            if escrow.quote(self.ctx, rid, day + dt.timedelta(days=1)).balance_fen > 0:
                # refunded a few days later; one is left overdue for the dashboard to show
                self.pending_refunds.append((day + dt.timedelta(days=self.rng.randint(2, 9)), rid))

    def refunds_until(self, day: dt.date) -> None:
        """Refund deposits whose day has come (the clock is at or after ``day``)."""
        keep = []
        for when, rid in self.pending_refunds:
            if when > day:
                keep.append((when, rid))
            elif not self.left_overdue and (self.today - when).days > 20:
                self.left_overdue = True  # an inspector would see this one in red
            else:
                escrow.refund(self.ctx, rid, when, "银行转账")
        self.pending_refunds = keep

    def quarter_interest(self, day: dt.date) -> None:
        """The bank credits the quarter's interest on the 21st of Mar/Jun/Sep/Dec."""
        escrow.post_interest(self.ctx, day)

    def reconcile(self, day: dt.date) -> None:
        """Month-end reconciliation against the bank statement (which agrees)."""
        prev_end = day.replace(day=1) - dt.timedelta(days=1)
        if prev_end < self.start:
            return
        book = ledger.account_balance(self.ctx, "100202", prev_end)
        escrow.reconcile(self.ctx, f"{prev_end:%Y-%m}", book, as_of=prev_end, source="银行对账单（演示）")

    # -- money -----------------------------------------------------------------------
    def bill(self, month_start: dt.date) -> None:
        """On the 1st: bill (in advance: this month's bed and care fees and last
        month's settlement; after the month: the month that ended) and collect
        from the families who pay on the day; close the month three back if
        all paid up."""
        with self.ctx.read() as s:
            advance = billing.billing_mode(s) == "advance"
        period = month_start if advance else add_months(month_start, -1)
        if period < self.start:
            return
        billing.run_billing(self.ctx, f"{period:%Y-%m}")
        if advance:
            self.collect(month_start)
        two_back = add_months(month_start, -3)
        if two_back >= self.start:
            try:
                ledger.close_period(self.ctx, f"{two_back:%Y-%m}")
            except DomainError:
                pass

    def emergency(self, day: dt.date) -> None:
        """Once: an emergency hospital cost paid from a resident's deposit."""
        for rid in sorted(self.contract_of):
            if escrow.quote(self.ctx, rid, day).balance_fen >= 300000:
                escrow.deduct(self.ctx, rid, day, 86000, "医疗急救", f"PZ{day:%Y%m}-017",
                              "夜间突发胸痛，120送医，垫付急诊检查费用（家属已签字确认）")
                self.deducted = True
                return

    def payday(self, day: dt.date) -> None:
        ctx = self.ctx
        self.reconcile(day)
        if not self.deducted and day >= add_months(self.start, 3):
            self.emergency(day)
        cash = ledger.account_balance(ctx, "1001", day)
        if cash > 0:  # last month's cash takings banked
            ledger.post_entry(ctx, Entry(day, "现金存入银行基本户", (Line("100201", debit=cash), Line("1001", credit=cash)),
                                         source=f"demo:cash:{day:%Y-%m-%d}"))
        self.collect(day)

    def collect(self, day: dt.date) -> None:
        """Every family that owes pays on ``day``, except the late ones (most months)."""
        ctx, rng = self.ctx, self.rng
        owed = ledger.resident_balances(ctx, day)
        names = self.payer  # the demo never changes a resident's agent
        for rid, fen in sorted(owed.items()):
            if fen <= 0 or (rid in self.late and rng.random() < 0.7):
                continue
            if rid not in names:
                d = res_svc.get_resident(ctx, rid)
                names[rid] = d.agent.name if d.agent else d.name
            method = rng.choices([m for m, _ in METHODS], [w for _, w in METHODS])[0]
            amount = fen if rng.random() > 0.06 else fen + 500000  # a few pay ahead
            ref = "" if method == "现金" else f"{day:%Y%m%d}{rng.randrange(10**8):08d}"
            ch = payments.record_payment(ctx, rid, day, method, amount, names[rid], reference=ref)
            if not self.voided and method == "现金":
                payments.void_receipt(ctx, ch.ids[0], "收款金额录入错误，已重开收据", day)
                payments.record_payment(ctx, rid, day, method, amount, names[rid])
                self.voided = True
