"""Screen logic of the 合同 page (no Qt)."""
import datetime as dt
from decimal import Decimal

from eldercare_desktop.domain.contract_records import ContractRow
from eldercare_desktop.domain.records import ResidentRow
from eldercare_desktop.viewmodels import contracts as vm

D = dt.date


def row(i, number, name, status="生效", rid=None, term=None):
    return ContractRow(i, number, rid or i, name, D(2026, 1, 9), D(2026, 1, 10), D(2027, 1, 9), status, term,
                       480000, 2880000)


def resident(i, name, status="在住", bed="A101-1", admission=D(2026, 1, 10), pinyin="", initials=""):
    return ResidentRow(i, name, "男", "", D(1940, 1, 1), status, bed, admission, "", "", pinyin, initials)


def test_filter_search_sort():
    rows = [row(1, "HT2026-0001", "张三"), row(2, "HT2026-0002", "李四", "已终止", term=D(2026, 5, 1)),
            row(3, "HT2026-0003", "王五")]
    items = vm.build_items(rows, [resident(1, "张三", pinyin="zhangsan", initials="zs"),
                                  resident(3, "王五", bed="A102-1")], {1: "张小三（儿子）"})
    assert [x.row.number for x in vm.filter_items(items)] == ["HT2026-0003", "HT2026-0001"]
    assert [x.row.number for x in vm.filter_items(items, status=vm.FILTER_ALL)] == [
        "HT2026-0003", "HT2026-0001", "HT2026-0002"]  # active first, newest first
    assert [x.id for x in vm.filter_items(items, status=vm.FILTER_TERMINATED)] == [2]
    assert [x.id for x in vm.filter_items(items, "zs")] == [1]
    assert [x.id for x in vm.filter_items(items, "张小三")] == [1]
    assert [x.id for x in vm.filter_items(items, "a102")] == [3]
    assert vm.cell(items[1], "status") == "已终止（2026-05-01）"
    assert vm.cell(items[0], "monthly") == "¥4,800.00" and vm.cell(items[1], "bed") == ""


def test_signing_defaults():
    assert vm.default_end(D(2026, 1, 10)) == D(2027, 1, 9)
    assert vm.default_end(D(2026, 1, 1)) == D(2026, 12, 31)
    assert vm.default_end(D(2028, 2, 29)) == D(2029, 2, 28)
    today = D(2026, 11, 25)
    assert vm.default_start(today, D(2026, 11, 20)) == D(2026, 11, 20)
    assert vm.default_start(today, D(2026, 1, 10)) == today
    rs = [resident(1, "张三"), resident(2, "李四", bed="A102-1"), resident(3, "王五", status="已出院"),
          resident(4, "赵六", status="请假", bed="B201-1")]
    assert [r.name for r in vm.signable(rs, [1])] == ["李四", "赵六"]


def test_cap_and_money():
    monthly = vm.monthly_of(240000, 150000, 3000)
    assert monthly == 480000 and vm.cap_of(monthly, Decimal(6)) == 2880000
    assert vm.monthly_of(None, 150000, 3000) is None and vm.cap_of(None, Decimal(6)) is None
    assert vm.mult_text(Decimal("6")) == "6" and vm.mult_text(Decimal("2.5")) == "2.5"
    p = vm.FeePreview(240000, 150000, 3000, Decimal(6))
    assert p.fees(None, 120000, None) == (240000, 120000, 3000)
    assert vm.pdf_name("HT2026-0001", "张/三") == "HT2026-0001_张_三.pdf"
