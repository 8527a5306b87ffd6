"""Helpers for billing tests: contracts and terms inserted directly with the
ORM (services/contracts.py is written separately), fee items, receipts and
prepayments, and a bulk generator for timing runs."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from eldercare_desktop.db.models import (
    Bed,
    BedAssignment,
    Contract,
    ContractTerm,
    FeeItem,
    FeePrice,
    Leave,
    Receipt,
    Resident,
    Room,
    Stay,
)
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.ledger import Entry, Line
from eldercare_desktop.services import ledger

D = dt.date
T0 = dt.datetime(2026, 1, 1, 9, 0)
_seq = {"contract": 0, "receipt": 0}

# the standard fees of these tests: bed ¥2,400.00/月, care ¥1,500.00/月, meals ¥30.00/日
BED, CARE, MEALS = 240000, 150000, 3000


def fee_items(app) -> dict[str, int]:
    """护理型床位 ¥2,400.00/月, 介护一级 ¥1,500.00/月, 介护二级 ¥2,800.00/月,
    伙食 ¥30.00/日, 陪同就医 ¥80.00/次 — all from 2020-01-01."""
    items = [("BED-N", "bed", "护理型床位", "月", "护理型", BED), ("CARE-1", "care", "介护一级", "月", "介护一级", CARE),
             ("CARE-2", "care", "介护二级", "月", "介护二级", 280000), ("MEALS", "meals", "伙食费", "日", "", MEALS),
             ("ESCORT", "other", "陪同就医", "次", "", 8000)]
    out = {}
    with app.write_factory.begin() as s:
        for code, kind, name, unit, key, fen in items:
            it = FeeItem(code=code, kind=kind, name=name, unit=unit, key=key, active=True)
            s.add(it)
            s.flush()
            s.add(FeePrice(fee_item_id=it.id, effective_date=D(2020, 1, 1), amount_fen=fen, notice_date=D(2019, 11, 1),
                           reason="建账", created_at=T0, created_by="test"))
            out[code] = it.id
    return out


def make_contract(app, resident_id: int, start: dt.date, end: dt.date = D(2027, 12, 31), bed: int = BED,
                  care: int = CARE, meals: int = MEALS, bed_label: str = "护理型床位", care_level: str = "介护一级",
                  number: str | None = None, deposit: int = 0) -> int:
    """A signed contract with its signing term (签订) effective from ``start``."""
    _seq["contract"] += 1
    number = number or f"HT-T{_seq['contract']:05d}-{resident_id}"
    with app.write_factory.begin() as s:
        c = Contract(number=number, resident_id=resident_id, signed_date=start, start_date=start, end_date=end,
                     signer_name="张小三", signer_relation="代理人（儿子）", deposit_fen=deposit, payment_terms="按月缴纳",
                     clauses="{}", status="生效", created_at=T0, created_by="test")
        s.add(c)
        s.flush()
        s.add(ContractTerm(contract_id=c.id, effective_date=start, kind="签订", bed_label=bed_label, bed_fee_fen=bed,
                           care_level=care_level, care_fee_fen=care, meal_rate_fen=meals, created_at=T0,
                           created_by="test"))
        return c.id


def add_term(app, contract_id: int, effective: dt.date, kind: str = "照护等级变更", **fees) -> None:
    """An amendment: the previous term's fees with ``fees`` changed, from ``effective``."""
    with app.write_factory.begin() as s:
        prev = s.execute(select(ContractTerm).where(ContractTerm.contract_id == contract_id,
                                                    ContractTerm.effective_date < effective)
                         .order_by(ContractTerm.effective_date.desc())).scalars().first()
        values = dict(bed_label=prev.bed_label, bed_fee_fen=prev.bed_fee_fen, care_level=prev.care_level,
                      care_fee_fen=prev.care_fee_fen, meal_rate_fen=prev.meal_rate_fen)
        values.update(fees)
        s.add(ContractTerm(contract_id=contract_id, effective_date=effective, kind=kind, created_at=T0,
                           created_by="test", consent_by="张小三", consent_date=effective, **values))


def terminate(app, contract_id: int, last_day: dt.date, reason: str = "提前解约") -> None:
    with app.write_factory.begin() as s:
        c = s.get(Contract, contract_id)
        c.status, c.termination_date, c.termination_reason = "已终止", last_day, reason


def end_stay(app, resident_id: int, last_day: dt.date, reason: str = "退住") -> None:
    with app.write_factory.begin() as s:
        st = s.execute(select(Stay).where(Stay.resident_id == resident_id, Stay.end_date.is_(None))).scalar_one()
        st.end_date, st.end_reason = last_day, reason


def add_leave(app, resident_id: int, first: dt.date, last: dt.date | None) -> None:
    with app.write_factory.begin() as s:
        s.add(Leave(resident_id=resident_id, first_day=first, last_day=last, reason="回家"))


def receive(ctx, resident_id: int, day: dt.date, amount: int, method: str = "银行转账") -> str:
    """A payment: receipt row plus its entry (Dr 100201 / Cr 1121 up to what is
    owed, the rest Cr 2203). Stands in for services/payments.py."""
    _seq["receipt"] += 1
    number = f"SJ{day.year}-{_seq['receipt']:06d}"
    owed = max(0, ledger.account_balance(ctx, L.RECEIVABLE, resident_id=resident_id))
    to_rec = min(owed, amount)
    lines = [Line(L.BANK, debit=amount)]
    if to_rec:
        lines.append(Line(L.RECEIVABLE, credit=to_rec, resident_id=resident_id))
    if amount - to_rec:
        lines.append(Line(L.PREPAID, credit=amount - to_rec, resident_id=resident_id))
    eid = ledger.post_entry(ctx, Entry(day, f"收款 {number}", tuple(lines), source=f"receipt:{number}")).ids[0]
    with ctx.app.write_factory.begin() as s:
        s.add(Receipt(number=number, resident_id=resident_id, day=day, method=method, amount_fen=amount, payer="张小三",
                      entry_id=eid, created_at=T0, created_by="test"))
    return number


def deposit(ctx, resident_id: int, day: dt.date, amount: int) -> None:
    """Deposit received into escrow: Dr 100202 / Cr 220901."""
    ledger.post_entry(ctx, Entry(day, "收取押金", (Line(L.ESCROW_BANK, debit=amount),
                                               Line(L.DEPOSITS, credit=amount, resident_id=resident_id))))


def many_contracts(app, n: int, start: dt.date = D(2026, 1, 1), leave_every: int = 5) -> list[int]:
    """``n`` residents each in a bed with a stay and a contract from ``start``
    (a care change on the 15th for every 3rd, a leave for every ``leave_every``th);
    bulk-inserted. Returns the contract ids."""
    with app.write_factory.begin() as s:
        room_id = s.execute(insert(Room).returning(Room.id), [dict(building="Z", floor=1, number="900", room_type="多人间",
                                                                    notes="", active=True)]).scalar_one()
        bed_ids = list(s.execute(insert(Bed).returning(Bed.id, sort_by_parameter_order=True),
                                 [dict(room_id=room_id, label=str(i), bed_type="护理型", active=True)
                                  for i in range(n)]).scalars())
        rows = []
        for i in range(n):
            birth = D(1930 + i % 25, 1 + i % 12, 1 + i % 28)
            rows.append(dict(name=f"住户{i}", gender="男", id_number=f"9001121930{i:08d}", birth_date=birth, status="在住",
                             created_at=T0, archived=False, categories="", notes=""))
        rids = list(s.execute(insert(Resident).returning(Resident.id, sort_by_parameter_order=True), rows).scalars())
        s.execute(insert(Stay), [dict(resident_id=r, start_date=start, end_date=None, end_reason="", end_note="")
                                 for r in rids])
        s.execute(insert(BedAssignment), [dict(resident_id=r, bed_id=b, start_date=start, end_date=None, reason="入住")
                                          for r, b in zip(rids, bed_ids)])
        cids = list(s.execute(insert(Contract).returning(Contract.id, sort_by_parameter_order=True), [
            dict(number=f"HT-B{i:06d}", resident_id=r, signed_date=start, start_date=start, end_date=D(2028, 12, 31),
                 signer_name="家属", signer_relation="代理人", deposit_fen=0, payment_terms="", clauses="{}",
                 status="生效", created_at=T0, created_by="test") for i, r in enumerate(rids)]).scalars())
        terms = [dict(contract_id=c, effective_date=start, kind="签订", bed_label="护理型床位", bed_fee_fen=BED,
                      care_level="介护一级", care_fee_fen=CARE, meal_rate_fen=MEALS, description="", consent_by="",
                      created_at=T0, created_by="test") for c in cids]
        terms += [dict(contract_id=c, effective_date=D(2026, 3, 15), kind="照护等级变更", bed_label="护理型床位",
                       bed_fee_fen=BED, care_level="介护二级", care_fee_fen=280000, meal_rate_fen=MEALS, description="",
                       consent_by="家属", created_at=T0, created_by="test") for c in cids[::3]]
        s.execute(insert(ContractTerm), terms)
        s.execute(insert(Leave), [dict(resident_id=r, first_day=D(2026, 3, 25), last_day=D(2026, 4, 3), reason="回家")
                                  for r in rids[::leave_every]])
    return cids


def pin_billing_mode(app, mode: str) -> None:
    """Set the centre's billing mode ("advance" | "after"; setting "billing.mode")."""
    from eldercare_desktop.services import settings

    with app.write_factory.begin() as s:
        settings.put(s, "billing.mode", mode)
