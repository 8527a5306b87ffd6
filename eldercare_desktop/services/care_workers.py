"""The care-worker register (养老护理员花名册): identity, certificates,
labour contracts, social insurance month by month, continuous care work,
training; XLSX import; expiring certificates and contracts.

Decisions:
- Gender and birth date come from the validated 身份证号.
- A worker's contracts never overlap (an open-ended contract runs forever
  until it is ended); ending one early is an ``end_contract``.
- Social insurance is one row per month paid; a month without a row is 未缴.
- Import matches existing workers by 身份证号 and adds what is new (a
  contract, a certificate, paid months), so a monthly sheet can be
  re-imported; every row error is listed with its row number and nothing is
  saved unless the whole sheet is right.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import CareWorker, WorkerCertificate, WorkerContract, WorkerInsurance, WorkerTraining
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.identity import age_on, parse_id_number
from ..domain.records import Changes
from ..domain.roles import Perm
from ..domain.subsidy import months_between, years_between
from ..domain.subsidy_records import CERT_LEVELS, Certificate, ContractSpan, WorkerFacts
from .audit import audit
from .context import Ctx
from . import busy

EXPIRY_WINDOW_DAYS = 60
IMPORT_HEADERS = ("姓名", "身份证号", "联系电话", "连续从事护理工作起始日", "证书等级", "证书编号", "发证日期",
                  "证书有效期至", "劳动合同起始日", "劳动合同截止日", "社保已缴月份", "培训日期", "培训内容")


@dataclass(frozen=True)
class WorkerInput:
    name: str
    id_number: str
    phone: str = ""
    care_start: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class WorkerRow:
    id: int
    name: str
    id_number: str
    gender: str
    age: int
    phone: str
    care_start: dt.date | None
    care_years: str
    certificate: str  # 中级（证号）
    contract: str  # 2024-01-01—2026-12-31 | 无
    contract_end: dt.date | None
    insured_months: int  # of the 6 months before this one
    trainings: int
    left_on: dt.date | None


@dataclass(frozen=True)
class Expiring:
    worker_id: int
    name: str
    what: str  # 劳动合同 | 资格证书
    day: dt.date
    days_left: int


def _month(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def _check_worker(w: WorkerInput, today: dt.date) -> tuple[str, object]:
    p = Problems()
    if not w.name.strip():
        p.add("name", "请填写姓名")
    info = None
    try:
        info = parse_id_number(w.id_number)
    except RuleViolation as exc:
        p.items.extend(exc.problems)
    if w.care_start is not None and w.care_start > today:
        p.add("care_start", "连续从事护理工作起始日不能晚于今天")
    if info is not None and w.care_start is not None and age_on(info.birth_date, w.care_start) < 16:
        p.add("care_start", "连续从事护理工作起始日时未满16周岁，请核对")
    p.raise_if_any()
    return info.number, info


@busy.retrying
def add_worker(ctx: Ctx, w: WorkerInput) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    number, info = _check_worker(w, ctx.today())
    with ctx.write(Perm.CENTRE_WRITE) as s:
        row = _new_worker(ctx, s, w, number, info)
        return Changes.of("care_worker", ids=(row.id,), message=f"护理员“{row.name}”已登记")


def _new_worker(ctx: Ctx, s: Session, w: WorkerInput, number: str, info) -> CareWorker:
    dup = s.execute(select(CareWorker.name).where(CareWorker.id_number == number)).scalar()
    if dup:
        raise RuleViolation(f"身份证号{number}已登记为护理员“{dup}”", "id_number")
    row = CareWorker(name=w.name.strip(), id_number=number, gender=info.gender, birth_date=info.birth_date,
                     phone=w.phone.strip(), care_start=w.care_start, notes=w.notes.strip(),
                     created_at=ctx.now(), created_by=ctx.actor.username)
    s.add(row)
    s.flush()
    audit(ctx, s, "登记护理员", "care_worker", row.id, None, _worker_dict(row))
    return row


@busy.retrying
def update_worker(ctx: Ctx, worker_id: int, w: WorkerInput) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    number, info = _check_worker(w, ctx.today())
    with ctx.write(Perm.CENTRE_WRITE) as s:
        row = _get(s, worker_id)
        dup = s.execute(select(CareWorker.name).where(CareWorker.id_number == number,
                                                      CareWorker.id != worker_id)).scalar()
        if dup:
            raise RuleViolation(f"身份证号{number}已登记为护理员“{dup}”", "id_number")
        before = _worker_dict(row)
        row.name, row.id_number, row.gender, row.birth_date = w.name.strip(), number, info.gender, info.birth_date
        row.phone, row.care_start, row.notes = w.phone.strip(), w.care_start, w.notes.strip()
        s.flush()
        audit(ctx, s, "修改护理员", "care_worker", row.id, before, _worker_dict(row))
        return Changes.of("care_worker", ids=(row.id,), message=f"护理员“{row.name}”已修改")


@busy.retrying
def leave(ctx: Ctx, worker_id: int, day: dt.date) -> Changes:
    """离职: the last day worked; a contract running past it stops that day
    (its agreed term is kept: the one-year test reads what was signed)."""
    ctx.require(Perm.CENTRE_WRITE)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        row = _get(s, worker_id)
        if row.left_on is not None:
            raise RuleViolation(f"{row.name}已于{row.left_on:%Y-%m-%d}离职", "day")
        if day > ctx.today() + dt.timedelta(days=31):
            raise RuleViolation("离职日期不能晚于一个月之后", "day")
        for c in s.execute(select(WorkerContract).where(WorkerContract.worker_id == worker_id)).scalars():
            if c.start > day:
                raise RuleViolation(f"{row.name}有{c.start:%Y-%m-%d}起的劳动合同，离职日期不能早于它", "day")
            if (c.ended_on or c.end) is None or (c.ended_on or c.end) > day:
                c.ended_on = day
        row.left_on = day
        s.flush()
        audit(ctx, s, "护理员离职", "care_worker", row.id, None, {"left_on": day.isoformat()})
        return Changes.of("care_worker", ids=(row.id,), message=f"{row.name}已登记离职（{day:%Y-%m-%d}）")


def _get(s: Session, worker_id: int) -> CareWorker:
    row = s.get(CareWorker, worker_id)
    if row is None:
        raise NotFound(f"护理员{worker_id}不存在")
    return row


def _worker_dict(r: CareWorker) -> dict:
    return {"name": r.name, "id_number": r.id_number, "phone": r.phone,
            "care_start": r.care_start.isoformat() if r.care_start else None, "notes": r.notes}


# --- contracts, certificates, insurance, training ---------------------------------------

def _span(start: dt.date, end: dt.date | None, ended: dt.date | None = None) -> str:
    return ContractSpan(start, end, ended).text()


def _check_contract(s: Session, worker_id: int, start: dt.date, end: dt.date | None, skip: int | None = None) -> None:
    if end is not None and end < start:
        raise RuleViolation("劳动合同截止日不能早于起始日", "end")
    far = dt.date.max
    for c in s.execute(select(WorkerContract).where(WorkerContract.worker_id == worker_id)).scalars():
        if c.id == skip:
            continue
        if start <= (c.ended_on or c.end or far) and c.start <= (end or far):
            raise RuleViolation(f"与已登记的劳动合同{_span(c.start, c.end, c.ended_on)}重叠", "start")


@busy.retrying
def add_contract(ctx: Ctx, worker_id: int, start: dt.date, end: dt.date | None, note: str = "") -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        w = _get(s, worker_id)
        _check_contract(s, worker_id, start, end)
        c = WorkerContract(worker_id=worker_id, start=start, end=end, note=note.strip())
        s.add(c)
        s.flush()
        audit(ctx, s, "登记劳动合同", "worker_contract", c.id, None,
              {"worker": w.name, "start": start.isoformat(), "end": end.isoformat() if end else None})
        return Changes.of("care_worker", ids=(worker_id,), message=f"{w.name}的劳动合同{_span(start, end)}已登记")


@busy.retrying
def end_contract(ctx: Ctx, contract_id: int, end: dt.date, note: str = "") -> Changes:
    """End a contract early (解除) on ``end``; its agreed term is kept."""
    ctx.require(Perm.CENTRE_WRITE)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        c = s.get(WorkerContract, contract_id)
        if c is None:
            raise NotFound(f"劳动合同{contract_id}不存在")
        if c.ended_on is not None:
            raise RuleViolation(f"该劳动合同已于{c.ended_on:%Y-%m-%d}解除", "end")
        if c.end is not None and end >= c.end:
            raise RuleViolation(f"提前解除日期应早于原截止日{c.end:%Y-%m-%d}", "end")
        if end < c.start:
            raise RuleViolation("解除日期不能早于合同起始日", "end")
        c.ended_on = end
        c.note = (c.note + f"；{note.strip()}").strip("；") if note.strip() else c.note
        s.flush()
        audit(ctx, s, "解除劳动合同", "worker_contract", c.id, {"ended_on": None},
              {"ended_on": end.isoformat(), "note": note.strip()})
        return Changes.of("care_worker", ids=(c.worker_id,), message=f"劳动合同已于{end:%Y-%m-%d}解除")


def _check_certificate(level: str, number: str, issued: dt.date, valid_until: dt.date | None, today: dt.date) -> None:
    p = Problems()
    if level not in CERT_LEVELS:
        p.add("level", f"证书等级应为{'、'.join(CERT_LEVELS)}之一")
    if not number.strip():
        p.add("number", "请填写证书编号")
    if issued > today:
        p.add("issued", "发证日期不能晚于今天")
    if valid_until is not None and valid_until <= issued:
        p.add("valid_until", "证书有效期应晚于发证日期")
    p.raise_if_any()


@busy.retrying
def add_certificate(ctx: Ctx, worker_id: int, level: str, number: str, issued: dt.date,
                    valid_until: dt.date | None = None) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    _check_certificate(level, number, issued, valid_until, ctx.today())
    with ctx.write(Perm.CENTRE_WRITE) as s:
        w = _get(s, worker_id)
        c = WorkerCertificate(worker_id=worker_id, level=level, number=number.strip(), issued=issued,
                              valid_until=valid_until)
        s.add(c)
        s.flush()
        audit(ctx, s, "登记资格证书", "worker_certificate", c.id, None,
              {"worker": w.name, "level": level, "number": number.strip(), "issued": issued.isoformat()})
        return Changes.of("care_worker", ids=(worker_id,), message=f"{w.name}的{level}证书已登记")


def _parse_months(text: str) -> list[str]:
    """'2026-01~2026-06, 2026-09' → the months named."""
    out: list[str] = []
    for part in re.split(r"[,，、;；\s]+", (text or "").strip()):
        if not part:
            continue
        ends = re.split(r"[~～至]", part)
        for e in ends:
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", e.strip()):
                raise RuleViolation(f"月份“{e}”应写成YYYY-MM（区间用~连接）", "months")
        if len(ends) == 2:
            if ends[0].strip() > ends[1].strip():
                raise RuleViolation(f"月份区间“{part}”起止颠倒", "months")
            out.extend(months_between(ends[0].strip(), ends[1].strip()))
        elif len(ends) == 1:
            out.append(ends[0].strip())
        else:
            raise RuleViolation(f"月份“{part}”格式不正确", "months")
    return out


@busy.retrying
def record_insurance(ctx: Ctx, worker_id: int, months: str | list[str], paid: bool = True) -> Changes:
    """Mark months as paid (or, with ``paid=False``, as not paid): the
    accountant, who pays social insurance, records it."""
    ctx.require(Perm.FINANCE_WRITE)
    ms = _parse_months(months) if isinstance(months, str) else list(months)
    if not ms:
        raise RuleViolation("请填写社保缴纳月份", "months")
    if max(ms) > _month(ctx.today()):
        raise RuleViolation(f"{max(ms)}还没有到，不能登记社保已缴", "months")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        w = _get(s, worker_id)
        have = set(s.execute(select(WorkerInsurance.period).where(WorkerInsurance.worker_id == worker_id)).scalars())
        changed = []
        for m in sorted(set(ms)):
            if paid and m not in have:
                s.add(WorkerInsurance(worker_id=worker_id, period=m))
                changed.append(m)
            elif not paid and m in have:
                s.delete(s.get(WorkerInsurance, (worker_id, m)))
                changed.append(m)
        s.flush()
        audit(ctx, s, "登记社保缴纳" if paid else "撤销社保缴纳", "worker_insurance", worker_id, None,
              {"worker": w.name, "months": changed})
        return Changes.of("care_worker", ids=(worker_id,),
                          message=f"{w.name}：{len(changed)}个月社保已{'登记为已缴' if paid else '改为未缴'}")


@busy.retrying
def add_training(ctx: Ctx, worker_id: int, day: dt.date, course: str, hours: int = 0) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    if not course.strip():
        raise RuleViolation("请填写培训内容", "course")
    if day > ctx.today():
        raise RuleViolation("培训日期不能晚于今天", "day")
    if hours < 0:
        raise RuleViolation("培训学时不能为负数", "hours")
    with ctx.write(Perm.CENTRE_WRITE) as s:
        w = _get(s, worker_id)
        t = WorkerTraining(worker_id=worker_id, day=day, course=course.strip(), hours=hours)
        s.add(t)
        s.flush()
        audit(ctx, s, "登记培训", "worker_training", t.id, None,
              {"worker": w.name, "day": day.isoformat(), "course": course.strip(), "hours": hours})
        return Changes.of("care_worker", ids=(worker_id,), message=f"{w.name}的培训已登记")


# --- reading ---------------------------------------------------------------------

def worker_facts_in(s: Session, include_left_before: dt.date | None = None) -> list[WorkerFacts]:
    """Every worker with certificates, contracts, paid months and training
    (those who left before ``include_left_before`` are skipped)."""
    certs: dict[int, list] = {}
    for c in s.execute(select(WorkerCertificate).order_by(WorkerCertificate.issued)).scalars():
        certs.setdefault(c.worker_id, []).append(Certificate(c.level, c.number, c.issued, c.valid_until))
    contracts: dict[int, list] = {}
    for c in s.execute(select(WorkerContract).order_by(WorkerContract.start)).scalars():
        contracts.setdefault(c.worker_id, []).append(ContractSpan(c.start, c.end, c.ended_on))
    insured: dict[int, set] = {}
    for wid, period in s.execute(select(WorkerInsurance.worker_id, WorkerInsurance.period)):
        insured.setdefault(wid, set()).add(period)
    trained: dict[int, list] = {}
    for wid, day in s.execute(select(WorkerTraining.worker_id, WorkerTraining.day).order_by(WorkerTraining.day)):
        trained.setdefault(wid, []).append(day)
    out = []
    for w in s.execute(select(CareWorker).order_by(CareWorker.id)).scalars():
        if include_left_before and w.left_on and w.left_on < include_left_before:
            continue
        out.append(WorkerFacts(w.id, w.name, w.id_number, w.gender, w.care_start, tuple(certs.get(w.id, ())),
                               tuple(contracts.get(w.id, ())), frozenset(insured.get(w.id, ())),
                               tuple(trained.get(w.id, ())), w.left_on))
    return out


def contract_on(w: WorkerFacts, day: dt.date) -> ContractSpan | None:
    for c in w.contracts:
        if c.start <= day and (c.until is None or c.until >= day):
            return c
    return None


def certificate_on(w: WorkerFacts, day: dt.date) -> Certificate | None:
    """The highest level held on ``day``."""
    held = [c for c in w.certificates if c.issued <= day and (c.valid_until is None or c.valid_until >= day)]
    return max(held, key=lambda c: CERT_LEVELS.index(c.level)) if held else None


def workers(ctx: Ctx, include_left: bool = False) -> list[WorkerRow]:
    today = ctx.today()
    this = today.replace(day=1)
    last6 = months_between(_month(this - dt.timedelta(days=175)), _month(this - dt.timedelta(days=1)))[-6:]
    with ctx.read() as s:
        phones = dict(s.execute(select(CareWorker.id, CareWorker.phone)).all())
        births = dict(s.execute(select(CareWorker.id, CareWorker.birth_date)).all())
        facts = worker_facts_in(s)
    out = []
    for w in facts:
        if w.left_on and not include_left:
            continue
        cert = certificate_on(w, today)
        con = contract_on(w, today) or (w.contracts[-1] if w.contracts else None)
        until = min(today, w.left_on) if w.left_on else today  # care work stops with leaving
        years = years_between(w.care_start, until + dt.timedelta(days=1)) if w.care_start else None
        out.append(WorkerRow(
            w.id, w.name, w.id_number, w.gender, age_on(births[w.id], today), phones[w.id], w.care_start,
            f"{years} 年" if years is not None else "未登记",
            f"{cert.level}（{cert.number}）" if cert else "无证", con.text() if con else "无",
            con.until if con else None, sum(1 for m in last6 if m in w.insured), len(w.trained_on), w.left_on))
    return out


def worker_detail(ctx: Ctx, worker_id: int) -> dict:
    with ctx.read() as s:
        w = _get(s, worker_id)
        return {
            "worker": _worker_dict(w) | {"id": w.id, "gender": w.gender, "birth_date": w.birth_date.isoformat(),
                                         "left_on": w.left_on.isoformat() if w.left_on else None},
            "certificates": [{"id": c.id, "level": c.level, "number": c.number, "issued": c.issued.isoformat(),
                              "valid_until": c.valid_until.isoformat() if c.valid_until else None}
                             for c in s.execute(select(WorkerCertificate).where(WorkerCertificate.worker_id == w.id)
                                                .order_by(WorkerCertificate.issued)).scalars()],
            "contracts": [{"id": c.id, "start": c.start.isoformat(), "end": c.end.isoformat() if c.end else None,
                           "ended_on": c.ended_on.isoformat() if c.ended_on else None, "note": c.note}
                          for c in s.execute(select(WorkerContract).where(WorkerContract.worker_id == w.id)
                                             .order_by(WorkerContract.start)).scalars()],
            "insured": sorted(s.execute(select(WorkerInsurance.period)
                                        .where(WorkerInsurance.worker_id == w.id)).scalars()),
            "training": [{"day": t.day.isoformat(), "course": t.course, "hours": t.hours}
                         for t in s.execute(select(WorkerTraining).where(WorkerTraining.worker_id == w.id)
                                            .order_by(WorkerTraining.day)).scalars()],
        }


def expiring(ctx: Ctx, within_days: int = EXPIRY_WINDOW_DAYS) -> list[Expiring]:
    """Contracts and certificates of current workers that end within the
    window (or have ended) with nothing following them."""
    today = ctx.today()
    horizon = today + dt.timedelta(days=within_days)
    with ctx.read() as s:
        facts = worker_facts_in(s)
    out = []
    for w in facts:
        if w.left_on and w.left_on <= today:
            continue
        ends = [c.until for c in w.contracts if c.until is not None]
        if w.contracts and ends and all(c.until is not None for c in w.contracts):
            last = max(ends)
            if last <= horizon:
                out.append(Expiring(w.id, w.name, "劳动合同", last, (last - today).days))
        for c in w.certificates:
            if c.valid_until and c.valid_until <= horizon and not any(
                    x.issued > c.issued and x.level == c.level for x in w.certificates):
                out.append(Expiring(w.id, w.name, f"{c.level}证书", c.valid_until, (c.valid_until - today).days))
    return sorted(out, key=lambda e: e.day)


# --- import ---------------------------------------------------------------------

def import_template() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "护理员"
    ws.append(list(IMPORT_HEADERS))
    ws.append(["李秀英", "500112198003150027", "13800000001", "2019-03-01", "中级", "5000001234", "2021-06-30", "",
               "2024-01-01", "2026-12-31", "2026-01~2026-06", "2019-02-20", "养老护理员岗前培训"])
    for col in "ABCDEFGHIJKLM":
        ws.column_dimensions[col].width = 16
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _date_cell(v, label: str) -> dt.date | None:
    if v in (None, ""):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v).strip())
    except ValueError:
        raise RuleViolation(f"{label}“{v}”格式应为YYYY-MM-DD") from None


@busy.retrying
def import_workers(ctx: Ctx, data: bytes) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    from openpyxl import load_workbook

    try:
        ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
    except Exception:  # noqa: BLE001 - any unreadable file gets the same answer
        raise RuleViolation("无法读取该文件：请使用 Excel（.xlsx）格式的护理员导入表", "file") from None
    if not rows or tuple(str(c or "").strip() for c in rows[0][:len(IMPORT_HEADERS)]) != IMPORT_HEADERS:
        raise RuleViolation(f"第1行应为表头：{'、'.join(IMPORT_HEADERS)}", "file")
    today = ctx.today()
    p = Problems()
    added = updated = 0
    with ctx.write(Perm.CENTRE_WRITE) as s:
        seen: dict[str, int] = {}
        for n, raw in enumerate(rows[1:], start=2):
            cells = [("" if c is None else c) for c in list(raw[:13]) + [None] * (13 - len(raw[:13]))]
            if all(str(c).strip() == "" for c in cells):
                continue
            try:
                new = _import_row(ctx, s, cells, today, seen, n)
                added += new
                updated += not new
            except RuleViolation as exc:
                for x in exc.problems:
                    p.add("file", f"第{n}行：{x.message}")
        p.raise_if_any()
        if not (added or updated):
            raise RuleViolation("表中没有护理员", "file")
        return Changes.of("care_worker", message=f"已导入：新登记{added}人，更新{updated}人")


def _import_row(ctx: Ctx, s: Session, cells: list, today: dt.date, seen: dict, n: int) -> bool:
    (name, idno, phone, care_start, level, cert_no, issued, valid_until, c_start, c_end, months,
     t_day, course) = cells
    care = _date_cell(care_start, "连续从事护理工作起始日")
    w_in = WorkerInput(str(name).strip(), str(idno).strip(), str(phone).strip(), care)
    number, info = _check_worker(w_in, today)
    if number in seen:
        raise RuleViolation(f"身份证号与第{seen[number]}行重复")
    seen[number] = n
    row = s.execute(select(CareWorker).where(CareWorker.id_number == number)).scalar()
    new = row is None
    if not new and row.name != w_in.name:
        raise RuleViolation(f"身份证号{number}已登记为护理员“{row.name}”，与本行姓名“{w_in.name}”不一致，请核对")
    if new:
        row = _new_worker(ctx, s, w_in, number, info)
    elif care and row.care_start != care:
        row.care_start = care
    if str(level).strip():
        iss = _date_cell(issued, "发证日期")
        if iss is None:
            raise RuleViolation("有证书等级时请填写发证日期")
        until = _date_cell(valid_until, "证书有效期至")
        _check_certificate(str(level).strip(), str(cert_no), iss, until, today)
        have = s.execute(select(WorkerCertificate.id).where(WorkerCertificate.worker_id == row.id,
                                                            WorkerCertificate.number == str(cert_no).strip())).scalar()
        if have is None:
            s.add(WorkerCertificate(worker_id=row.id, level=str(level).strip(), number=str(cert_no).strip(),
                                    issued=iss, valid_until=until))
    start = _date_cell(c_start, "劳动合同起始日")
    end = _date_cell(c_end, "劳动合同截止日")
    if start is not None:
        same = s.execute(select(WorkerContract.id).where(WorkerContract.worker_id == row.id,
                                                         WorkerContract.start == start,
                                                         WorkerContract.end == end if end else WorkerContract.end.is_(None))).scalar()
        if same is None:
            _check_contract(s, row.id, start, end)
            s.add(WorkerContract(worker_id=row.id, start=start, end=end, note="导入"))
    elif end is not None:
        raise RuleViolation("有劳动合同截止日时请填写起始日")
    ms = _parse_months(str(months))
    if ms and max(ms) > _month(today):
        raise RuleViolation(f"{max(ms)}还没有到，不能登记社保已缴")
    have_m = set(s.execute(select(WorkerInsurance.period).where(WorkerInsurance.worker_id == row.id)).scalars())
    for m in sorted(set(ms) - have_m):
        s.add(WorkerInsurance(worker_id=row.id, period=m))
    td = _date_cell(t_day, "培训日期")
    if td is not None:
        if not str(course).strip():
            raise RuleViolation("有培训日期时请填写培训内容")
        if td > today:
            raise RuleViolation("培训日期不能晚于今天")
        had = s.execute(select(WorkerTraining.id).where(WorkerTraining.worker_id == row.id, WorkerTraining.day == td,
                                                        WorkerTraining.course == str(course).strip())).scalar()
        if had is None:  # a re-imported sheet adds the training once
            s.add(WorkerTraining(worker_id=row.id, day=td, course=str(course).strip(), hours=0))
    s.flush()
    audit(ctx, s, "导入护理员", "care_worker", row.id, None, {"row": n, "name": row.name, "new": new})
    return new
