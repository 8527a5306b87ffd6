"""Screen logic of the 押金专户 page: per-resident rows, filters, axis, quote text."""
import datetime as dt
from decimal import Decimal

from eldercare_desktop.domain.contract_records import ContractRow
from eldercare_desktop.domain.escrow_records import EXCESS_REASON, Dashboard, DueRow, MovementRow, OverCapRow, \
    RefundQuote
from eldercare_desktop.viewmodels import escrow as vm

D = dt.date
T = dt.datetime(2026, 1, 1, 9, 0)


def mv(i, rid, kind, day, amount, reason="银行转账", name="张三"):
    return MovementRow(i, rid, name, 1, "HT-1", kind, day, amount, reason, "", "", None, T, "admin")


def contract(rid, name, start, end, status="生效", term=None, monthly=480000):
    return ContractRow(rid, f"HT-{rid}", rid, name, start, start, end, status, term, monthly, 0)


def dash(due=(), over=()):
    return Dashboard(D(2026, 11, 25), 0, 0, 0, tuple(due), tuple(over), (), None, ())


def test_resident_rows_holding_cap_due_and_over_cap():
    moves = [mv(1, 1, "收取", D(2026, 1, 10), 1000000), mv(2, 1, "扣除", D(2026, 2, 1), 120000, "医疗急救"),
             mv(3, 1, "利息", D(2026, 3, 21), 123),
             # resident 2: refunded in full, then nothing: not listed when no contract
             mv(4, 2, "收取", D(2026, 1, 10), 50000, name="李四"), mv(5, 2, "退还", D(2026, 5, 1), 50000, name="李四"),
             mv(6, 3, "收取", D(2026, 1, 10), 3000000, name="王五"),
             mv(7, 3, "退还", D(2026, 6, 1), 100000, EXCESS_REASON + "（银行转账）", name="王五")]
    contracts = [contract(1, "张三", D(2026, 1, 10), D(2026, 12, 31)),
                 contract(2, "李四", D(2026, 1, 10), D(2026, 4, 30), "已终止", D(2026, 4, 30)),
                 contract(3, "王五", D(2026, 1, 10), D(2026, 10, 31), "已终止", D(2026, 10, 31)),
                 contract(4, "赵六", D(2026, 1, 10), D(2027, 12, 31))]
    due = [DueRow(3, "王五", 3, "HT-3", D(2026, 10, 31), D(2026, 11, 10), -15, 2900000)]
    over = [OverCapRow(1, "张三", "HT-1", 100000, 600000, 880000, 280000)]
    rows = vm.resident_rows(moves, contracts, dash(due, over), Decimal(6), D(2026, 11, 25))
    by = {r.resident_id: r for r in rows}
    assert set(by) == {1, 3, 4}
    a = by[1]
    assert (a.balance_fen, a.deposits_fen, a.deductions_fen, a.interest_fen) == (880123, 1000000, 120000, 123)
    assert (a.cap_fen, a.over_cap_fen, a.active, a.room_fen) == (600000, 280000, True, 0)
    w = by[3]
    assert (w.balance_fen, w.excess_refunded_fen, w.principal_fen, w.overdue) == (2900000, 100000, 2900000, True)
    assert vm.days_left_text(w) == "逾期15天"
    z = by[4]
    assert (z.balance_fen, z.cap_fen, z.room_fen) == (0, 2880000, 2880000)
    assert [r.resident_id for r in vm.filter_residents(rows, vm.HOLDING)] == [1, 3]
    assert [r.resident_id for r in vm.filter_residents(rows, vm.OVERDUE)] == [3]
    assert [r.resident_id for r in vm.filter_residents(rows, vm.OVER_CAP)] == [1]
    assert [r.resident_id for r in vm.filter_residents(rows, vm.ALL, "赵")] == [4]


def test_interest_day():
    assert vm.default_interest_day(D(2026, 11, 25)) == D(2026, 9, 21)
    assert vm.default_interest_day(D(2026, 3, 21)) == D(2026, 3, 21)
    assert vm.default_interest_day(D(2026, 3, 20)) == D(2025, 12, 21)


def test_quote_html_shows_the_sum_and_the_clock():
    q = RefundQuote(1, "张三", D(2026, 11, 11), "split", 1, "HT-1", D(2026, 10, 31), D(2026, 11, 10), -1,
                    (mv(1, 1, "收取", D(2026, 1, 10), 1000000),), (), (), (), (), 1000000)
    text = vm.quote_html(q)
    assert "应退 ¥10,000.00" in text and "已逾期1天" in text and "壹万元整" in text
