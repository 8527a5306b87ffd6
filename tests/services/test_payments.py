"""Payments service: receipts, prepayments, gap-free numbers, voids, ageing
(every figure hand-computed in the comments)."""
import datetime as dt

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from eldercare_desktop.db.models import AuditLog, JournalEntry, JournalLine, Receipt
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.errors import NotFound, PermissionDenied, RuleViolation
from eldercare_desktop.domain.ledger import Entry, Line
from eldercare_desktop.domain.payment_records import receipts_total
from eldercare_desktop.domain.roles import Perm, Role
from eldercare_desktop.services import ledger, payments, residents
from tests.conftest import person

D = dt.date


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def desk(app, actors):
    return app.as_user(actors[Role.FRONT_DESK])


def bill(acc, rid, day, source):
    # a month's bill: bed ¥2,400.00 + meals ¥900.00 = ¥3,300.00 owed
    return ledger.post_entry(acc, Entry(day, f"{day:%Y年%-m月}费用", (
        Line(L.RECEIVABLE, debit=330000, resident_id=rid),
        Line(L.INCOME_BED, credit=240000),
        Line(L.INCOME_MEALS, credit=90000),
    ), source=source)).ids[0]


def owed(acc, rid):
    return ledger.account_balance(acc, L.RECEIVABLE, resident_id=rid)


def prepaid(acc, rid):
    return ledger.account_balance(acc, L.PREPAID, resident_id=rid)


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (Receipt, JournalEntry, JournalLine, AuditLog))


def entry_lines(acc, receipt_id):
    d = payments.receipt(acc, receipt_id)
    return [(x.account, x.debit, x.credit) for x in ledger.get_entry(acc, d.entry_id).lines]


def test_payment_larger_than_the_bill_becomes_a_prepayment(app, acc, admitted):
    bill(acc, admitted, D(2026, 3, 31), "billing:2026-03:r1")
    ch = payments.record_payment(acc, admitted, D(2026, 4, 5), "银行转账", 400000, "张小三", "4200001")
    assert "SJ2026-000001" in ch.message and "预收¥700.00" in ch.message
    rid = ch.ids[0]
    # ¥4,000.00 = ¥3,300.00 settles March + ¥700.00 paid in advance
    assert entry_lines(acc, rid) == [("100201", 400000, 0), ("1121", 0, 330000), ("2203", 0, 70000)]
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (0, 70000)
    d = payments.receipt(acc, rid)
    assert (d.number, d.amount_upper, d.method, d.reference, d.payer) == (
        "SJ2026-000001", "肆仟元整", "银行转账", "4200001", "张小三")
    assert [(x.period, x.label, x.fen) for x in d.paid_items] == [
        ("2026-03", "2026年3月费用", 330000), ("", "预收款（抵以后月份费用）", 70000)]
    assert d.centre_name == "阳光社区养老服务中心" and d.resident_name == "张三" and d.cashier == "kuaiji"
    assert ledger.get_entry(acc, d.entry_id).source == "receipt:SJ2026-000001"
    # April's bill ¥3,300.00, then the prepayment is used: owed 3,300 − 700 = ¥2,600.00, prepaid 0
    bill(acc, admitted, D(2026, 4, 30), "billing:2026-04:r1")
    with acc.write(Perm.FINANCE_WRITE) as s:
        eid = payments.apply_prepayments(acc, s, admitted, D(2026, 4, 30))
    assert [(x.account, x.debit, x.credit) for x in ledger.get_entry(acc, eid).lines] == [
        ("2203", 70000, 0), ("1121", 0, 70000)]
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (260000, 0)
    # nothing left to apply: a no-op
    with acc.write(Perm.FINANCE_WRITE) as s:
        assert payments.apply_prepayments(acc, s, admitted, D(2026, 4, 30)) is None
    assert ledger.resident_balances(acc) == {admitted: 260000}


def test_payment_smaller_than_and_equal_to_the_bill(app, acc, desk, admitted):
    bill(acc, admitted, D(2026, 3, 31), "billing:2026-03:r1")
    # the front desk takes ¥1,000.00 cash: all to the receivable, ¥3,300 − ¥1,000 = ¥2,300.00 owed
    r1 = payments.record_payment(desk, admitted, D(2026, 4, 2), "现金", 100000, "张小三").ids[0]
    assert entry_lines(acc, r1) == [("1001", 100000, 0), ("1121", 0, 100000)]
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (230000, 0)
    # then exactly ¥2,300.00 by WeChat: nothing owed, nothing prepaid
    r2 = payments.record_payment(desk, admitted, D(2026, 4, 3), "微信支付", 230000, "张小三", "wx-778").ids[0]
    assert entry_lines(acc, r2) == [("100201", 230000, 0), ("1121", 0, 230000)]
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (0, 0)
    assert [payments.receipt(acc, r).number for r in (r1, r2)] == ["SJ2026-000001", "SJ2026-000002"]
    # the cashier is the front-desk user in the journal and the audit trail
    with app.read_factory() as s:
        assert s.get(JournalEntry, payments.receipt(acc, r1).entry_id).created_by == "qiantai"
        a = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert (a.action, a.entity, a.user) == ("收款", "receipt", "qiantai")
    assert payments.receipt(acc, r2).paid_items[0].fen == 230000
    # receipts journal: ¥1,000 + ¥2,300 = ¥3,300
    rows = payments.receipts(acc, D(2026, 4, 1), D(2026, 4, 30))
    assert [(r.number, r.amount_fen, r.method) for r in rows] == [
        ("SJ2026-000001", 100000, "现金"), ("SJ2026-000002", 230000, "微信支付")]
    assert receipts_total(rows) == 330000


def test_bad_input_refused_in_chinese_and_nothing_saved(app, acc, admitted):
    before = counts(app)
    with pytest.raises(RuleViolation) as e:
        payments.record_payment(acc, admitted, D(2026, 12, 1), "刷卡", 0, " ")
    assert e.value.fields() == {"amount", "day", "method", "payer"}
    assert "收款金额必须大于零" in e.value.message and "晚于今天" in e.value.message
    with pytest.raises(RuleViolation, match="银行转账收款请填写交易流水号"):
        payments.record_payment(acc, admitted, D(2026, 4, 5), "银行转账", 100, "张小三")
    with pytest.raises(RuleViolation, match="以分为单位的整数"):
        payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 10.5, "张小三")
    with pytest.raises(NotFound, match="住户999不存在"):
        payments.record_payment(acc, 999, D(2026, 4, 5), "现金", 100, "张小三")
    assert counts(app) == before


def test_receipt_numbers_are_gap_free(app, acc, admitted, monkeypatch):
    first = payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 100, "张小三").ids[0]
    with pytest.raises(RuleViolation):
        payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", -5, "张小三")
    # a failure after the number was taken (the posting fails) rolls the number back too
    real_post = payments.post

    def failing_post(ctx, s, entry):
        if entry.source.startswith("receipt:"):
            raise RuleViolation("模拟记账失败")
        return real_post(ctx, s, entry)

    before = counts(app)
    monkeypatch.setattr(payments, "post", failing_post)
    with pytest.raises(RuleViolation, match="模拟记账失败"):
        payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 200, "张小三")
    monkeypatch.setattr(payments, "post", real_post)
    assert counts(app) == before
    second = payments.record_payment(acc, admitted, D(2026, 4, 6), "现金", 300, "张小三").ids[0]
    assert [payments.receipt(acc, r).number for r in (first, second)] == ["SJ2026-000001", "SJ2026-000002"]
    # a new year starts again at 000001 (the receipt date's year)
    with pytest.raises(RuleViolation):  # not in the future
        payments.record_payment(acc, admitted, D(2027, 1, 2), "现金", 300, "张小三")
    third = payments.record_payment(acc, admitted, D(2025, 12, 30), "现金", 300, "张小三").ids[0]
    assert payments.receipt(acc, third).number == "SJ2025-000001"


def test_payment_into_a_closed_month_refused(app, acc, clock, admitted):
    bill(acc, admitted, D(2026, 3, 31), "billing:2026-03:r1")
    ledger.close_period(acc, "2026-03")
    before = counts(app)
    with pytest.raises(RuleViolation, match=r"该月已结账（2026-03）"):
        payments.record_payment(acc, admitted, D(2026, 3, 31), "现金", 100000, "张小三")
    with pytest.raises(RuleViolation, match=r"该月已结账（2026-02）"):
        payments.record_payment(acc, admitted, D(2026, 2, 10), "现金", 100000, "张小三")
    assert counts(app) == before
    # and the failed attempts used no number
    rid = payments.record_payment(acc, admitted, D(2026, 4, 1), "现金", 100000, "张小三").ids[0]
    assert payments.receipt(acc, rid).number == "SJ2026-000001"


@pytest.mark.sqlite_only  # the driver's message
def test_receipt_number_reused_is_refused_by_the_database(app, acc, admitted):
    rid = payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 100, "张小三").ids[0]
    with pytest.raises(IntegrityError, match="UNIQUE"):
        with app.write_factory.begin() as s:
            s.execute(insert(Receipt), [dict(number="SJ2026-000001", resident_id=admitted, day=D(2026, 4, 6),
                                             method="现金", amount_fen=100, payer="x", created_at=dt.datetime.now(),
                                             created_by="x")])
    # the service never produces a duplicate: 30 more payments, 31 distinct consecutive numbers
    for i in range(30):
        payments.record_payment(acc, admitted, D(2026, 4, 6), "现金", 100 + i, "张小三")
    numbers = [r.number for r in payments.receipts(acc, D(2026, 1, 1), D(2026, 12, 31))]
    assert numbers == [f"SJ2026-{n:06d}" for n in range(1, 32)]
    assert payments.receipt(acc, rid).number == "SJ2026-000001"


def test_void_reverses_the_payment_and_stays_in_the_register(app, acc, clock, desk, admitted):
    bill(acc, admitted, D(2026, 3, 31), "billing:2026-03:r1")
    rid = payments.record_payment(acc, admitted, D(2026, 4, 5), "支付宝", 400000, "张小三", "ali-1").ids[0]
    ledger.close_period(acc, "2026-03")
    ledger.close_period(acc, "2026-04")
    # the front desk takes payments but does not void them
    with pytest.raises(PermissionDenied, match="财务记账"):
        payments.void_receipt(desk, rid, "录错", D(2026, 5, 6))
    with pytest.raises(RuleViolation, match="请填写作废原因"):
        payments.void_receipt(acc, rid, "  ", D(2026, 5, 6))
    with pytest.raises(RuleViolation, match="该月已结账（2026-04）"):
        payments.void_receipt(acc, rid, "金额录错", D(2026, 4, 30))
    # April is closed, so the red reversal is dated in May
    payments.void_receipt(acc, rid, "金额录错", D(2026, 5, 6))
    d = payments.receipt(acc, rid)
    assert (d.voided, d.void_reason, d.void_date) == (True, "金额录错", D(2026, 5, 6))
    red = ledger.get_entry(acc, d.void_entry_id)
    assert red.reverses == d.entry_id and red.day == D(2026, 5, 6)
    assert [(x.account, x.debit, x.credit) for x in red.lines] == [
        ("100201", -400000, 0), ("1121", 0, -330000), ("2203", 0, -70000)]
    # the ledger nets back: ¥3,300.00 owed again, nothing prepaid, bank 0
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (330000, 0)
    assert ledger.account_balance(acc, L.BANK) == 0
    # a voided receipt still shows what it had paid
    assert [x.fen for x in d.paid_items] == [330000, 70000]
    with pytest.raises(RuleViolation, match="收据SJ2026-000001已于2026-05-06作废，不能重复作废"):
        payments.void_receipt(acc, rid, "再作废", D(2026, 5, 7))
    reg = payments.void_register(acc, D(2026, 5, 1), D(2026, 5, 31))
    assert [(r.number, r.voided, r.void_reason, r.amount_fen) for r in reg] == [
        ("SJ2026-000001", True, "金额录错", 400000)]
    journal = payments.receipts(acc, D(2026, 4, 1), D(2026, 4, 30))
    assert [r.number for r in journal] == ["SJ2026-000001"]
    assert receipts_total(journal) == 0 and receipts_total(journal, include_voided=True) == 400000
    assert payments.receipts(acc, D(2026, 4, 1), D(2026, 4, 30), include_voided=False) == []
    # the number is not reused
    nxt = payments.record_payment(acc, admitted, D(2026, 5, 6), "支付宝", 330000, "张小三", "ali-2").ids[0]
    assert payments.receipt(acc, nxt).number == "SJ2026-000002"
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (0, 0)


def test_void_after_the_prepayment_was_used(app, acc, admitted):
    bill(acc, admitted, D(2026, 3, 31), "billing:2026-03:r1")
    rid = payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 400000, "张小三").ids[0]
    bill(acc, admitted, D(2026, 4, 30), "billing:2026-04:r1")
    with acc.write(Perm.FINANCE_WRITE) as s:
        payments.apply_prepayments(acc, s, admitted, D(2026, 4, 30))
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (260000, 0)
    payments.void_receipt(acc, rid, "假币", D(2026, 5, 2))
    # reversal: 1121 +3,300, 2203 −700 → the used prepayment is moved back (Dr 1121 700 / Cr 2203 700):
    # owed 2,600 + 3,300 + 700 = ¥6,600.00 (both bills), prepaid 0
    assert (owed(acc, admitted), prepaid(acc, admitted)) == (660000, 0)
    assert ledger.account_balance(acc, L.CASH) == 0


def test_ageing_buckets_and_total_equal_the_receivable(app, acc, ctx, centre_ready, admitted):
    other = residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 1, 15), centre_ready["A102-1"]).ids[0]
    for month_end in (D(2026, 4, 30), D(2026, 5, 31), D(2026, 6, 30)):
        bill(acc, admitted, month_end, f"billing:{month_end:%Y-%m}:r1")
    # 张三 pays ¥4,000.00: ¥3,300 clears April, ¥700 of May → May open ¥2,600, June ¥3,300
    payments.record_payment(acc, admitted, D(2026, 6, 10), "现金", 400000, "张小三")
    # 李四: one bill in March, a voided payment does not count
    bill(acc, other, D(2026, 3, 31), "billing:2026-03:r2")
    rid = payments.record_payment(acc, other, D(2026, 4, 2), "现金", 330000, "李小四").ids[0]
    payments.void_receipt(acc, rid, "退回", D(2026, 4, 3))
    rep = payments.ageing(acc, D(2026, 7, 15))
    rows = {r.resident_name: (r.buckets, r.total_fen, r.oldest) for r in rep.rows}
    # on 07-15: June bill 15 days (0-30), May bill 45 days (31-60), March bill 106 days (90+)
    assert rows == {
        "张三": ((330000, 260000, 0, 0), 590000, D(2026, 5, 31)),
        "李四": ((0, 0, 0, 330000), 330000, D(2026, 3, 31)),
    }
    assert rep.totals == (330000, 260000, 0, 330000)
    # 5,900 + 3,300 = ¥9,200.00 = the 1121 balance
    assert rep.total_fen == rep.receivable_fen == 920000 == ledger.account_balance(acc, L.RECEIVABLE)
    assert [r.resident_name for r in rep.rows] == ["张三", "李四"]  # largest first
    # on 06-05 (before the payment and the June bill): April 36 days, May 5 days
    early = payments.ageing(acc, D(2026, 6, 5))
    assert {r.resident_name: r.buckets for r in early.rows}["张三"] == (330000, 330000, 0, 0)
    assert early.total_fen == early.receivable_fen == 330000 * 3
    # on 04-02 李四's voided payment still counted (the void came on 04-03): nothing owed then
    assert "李四" not in {r.resident_name for r in payments.ageing(acc, D(2026, 4, 2)).rows}


def test_receipt_pdf_written_and_audited(app, acc, admitted, tmp_path):
    rid = payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 400000, "张小三").ids[0]
    w = payments.receipt_pdf(acc, rid, tmp_path / "r.pdf")
    assert w.path.read_bytes().startswith(b"%PDF") and len(w.sha256) == 64
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert (a.action, a.entity) == ("打印收据", "receipt") and w.sha256 in a.after


def test_receipt_reprints_are_counted_and_marked(app, actors, acc, admitted, tmp_path):
    """The first print is the original; every later print, whoever makes it
    (an auditor too), says 补打 and which print it is. Prints of another
    receipt (id 1 vs 10…) do not count."""
    from pypdf import PdfReader

    ids = [payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 100 * (i + 1), "张小三").ids[0]
           for i in range(10)]
    first, tenth = ids[0], ids[9]
    assert str(tenth).startswith(str(first))  # 1 and 10: a naive LIKE would mix them up

    def text(w) -> str:
        return "".join(p.extract_text() for p in PdfReader(w.path).pages).replace(" ", "")

    assert "补打" not in text(payments.receipt_pdf(acc, tenth, tmp_path / "a.pdf"))
    assert "补打" not in text(payments.receipt_pdf(acc, first, tmp_path / "b.pdf"))
    auditor = app.as_user(actors[Role.AUDITOR])
    again = payments.receipt_pdf(auditor, first, tmp_path / "c.pdf")
    assert "补打" in text(again) and "第2次打印" in text(again)
    assert payments.times_printed(acc, first) == 2 and payments.times_printed(acc, tenth) == 1
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert '"copy":2' in a.after and a.user == "shenji"


def test_reads_and_denials(app, actors, acc, admitted):
    auditor = app.as_user(actors[Role.AUDITOR])
    with pytest.raises(PermissionDenied, match="审计“shenji”没有收款的权限"):
        payments.record_payment(auditor, admitted, D(2026, 4, 5), "现金", 100, "张小三")
    rid = payments.record_payment(acc, admitted, D(2026, 4, 5), "现金", 100, "张小三").ids[0]
    assert payments.receipt(auditor, rid).amount_upper == "壹元整"
    with pytest.raises(NotFound):
        payments.receipt(acc, 999)
    with pytest.raises(RuleViolation, match="截止日期早于起始日期"):
        payments.receipts(acc, D(2026, 5, 1), D(2026, 4, 1))
