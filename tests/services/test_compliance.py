"""合规自查 (services/compliance.py): a centre where every rule holds, then
hand-built data breaking each rule in turn, and the printed report.

The clean centre (profile 重庆市渝北区: cap 6×, refund 10 days, nursing ≥ 30%):
- beds A101-1 普通, A101-2 护理型, A102-1 普通 → 1 / 3 = 33.3% nursing;
- 张三 in A101-1 from 2026-01-10 under a contract signed that day, standard
  fees (2,400.00 + 1,500.00 + 30.00 × 30 = 4,800.00 a month, cap 28,800.00),
  deposit 10,000.00 received 2026-01-10 into the registered escrow account;
- assessed 2026-09-01 (next due 2027-03-01); fee items priced from 2020 with
  notice; no books before 2026, so no disclosure is due yet.
The day checked is 2026-11-25."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess

import pytest
from sqlalchemy import select

from eldercare_desktop.db.models import AuditLog, FeeItem, FeePrice
from eldercare_desktop.domain import compliance_records as R
from eldercare_desktop.domain.ledger import BANK, ESCROW_BANK, Entry, Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments, centre, compliance, disclosure, escrow, ledger, residents
from tests.conftest import person
from tests.services.billing_fixtures import T0, add_term, end_stay, fee_items, make_contract, terminate
from tests.services.test_assessments import form

D = dt.date
ON = D(2026, 11, 25)
DEPOSIT = 1_000_000
CAP = 2_880_000


def escrow_centre(ctx, profile="chongqing-yubei"):
    info = centre.get_centre(ctx)
    centre.save_centre(ctx, dataclasses.replace(info, policy_profile=profile, escrow_bank="重庆农村商业银行渝北支行",
                                                escrow_account_name="阳光社区养老服务中心押金专户",
                                                escrow_account_no="2201010120000123456"))


@pytest.fixture
def clean(app, ctx, centre_ready, admitted):
    escrow_centre(ctx)
    fee_items(app)
    cid = make_contract(app, admitted, D(2026, 1, 10), end=D(2027, 12, 31))
    escrow.receive_deposit(ctx, admitted, D(2026, 1, 10), DEPOSIT, "银行转账", "流水001")
    assessments.save_assessment(ctx, form(admitted, base_date=D(2026, 9, 1)))
    return admitted, cid


def red(sc, code):
    it = sc.item(code)
    assert not it.ok, it
    assert [i.code for i in sc.failed] == [code], [(i.code, i.summary) for i in sc.failed]
    return it


def test_all_rules_hold(ctx, clean):
    sc = compliance.check(ctx, ON)
    assert [i.code for i in sc.items] == list(R.CODES)
    assert sc.ok and not sc.failed, [(i.code, i.summary, i.findings) for i in sc.failed]
    assert sc.summary() == "自查8项，全部符合"
    assert (sc.centre_name, sc.profile_code, sc.on) == ("阳光社区养老服务中心", "chongqing-yubei", ON)
    assert all(i.basis.startswith("DOMAIN.md §") and "seeds/" in i.basis for i in sc.items)
    assert sc.item(R.DEPOSIT_CAP).rule == "押金不超过月服务费的6倍"
    assert "¥10,000.00" in " ".join(sc.item(R.ESCROW_ACCOUNT).notes)
    assert sc.item(R.NURSING_BEDS).summary == "护理型床位1张，共3张，占33.3%（目标不低于30%）"
    assert sc.item(R.DISCLOSURE).summary == "上一年度没有账目，无需报送年度财务收支情况"
    js = R.selfcheck_json(sc)
    assert js["ok"] and json.dumps(js, ensure_ascii=False)


def test_deposit_over_cap_after_fee_decrease(app, ctx, clean):
    rid, cid = clean
    escrow.receive_deposit(ctx, rid, D(2026, 2, 1), CAP - DEPOSIT, "银行转账")  # exactly at the cap
    assert compliance.check(ctx, ON).ok
    add_term(app, cid, D(2026, 6, 1), care_fee_fen=100_000)  # 1,500.00 → 1,000.00: cap 25,800.00
    it = red(compliance.check(ctx, ON), R.DEPOSIT_CAP)
    f, = it.findings
    assert (f.subject, f.resident_id, f.amount_fen) == ("张三", rid, 300_000)
    assert "上限¥25,800.00（6倍），押金本金¥28,800.00，超出¥3,000.00" in f.detail
    # before the decrease the deposit was within the cap
    assert compliance.check(ctx, D(2026, 5, 31)).item(R.DEPOSIT_CAP).ok


def test_deposits_without_escrow_account_number(ctx, clean):
    info = centre.get_centre(ctx)
    centre.save_centre(ctx, dataclasses.replace(info, escrow_account_no=""))
    it = red(compliance.check(ctx, ON), R.ESCROW_ACCOUNT)
    assert [f.subject for f in it.findings] == ["押金专户"]
    assert it.findings[0].amount_fen == DEPOSIT


def test_escrow_book_and_bank_disagree(app, ctx, clean):
    # operating money moved into the escrow account: 100202 is more than the deposits owed
    ledger.post_entry(ctx, Entry(D(2026, 3, 1), "转入专户", (Line(ESCROW_BANK, debit=50_000), Line(BANK, credit=50_000)),
                                 source="test:transfer"))
    it = red(compliance.check(ctx, ON), R.ESCROW_ACCOUNT)
    f, = it.findings
    assert (f.subject, f.amount_fen) == ("专户账面余额", 50_000)
    assert "¥10,500.00" in f.detail and "¥10,000.00" in f.detail


def test_bank_statement_short_of_deposits(ctx, clean):
    escrow.reconcile(ctx, "2026-10", DEPOSIT - 20_000)
    it = red(compliance.check(ctx, ON), R.ESCROW_ACCOUNT)
    f, = it.findings
    assert (f.subject, f.amount_fen, f.day) == ("2026-10对账", -20_000, D(2026, 10, 31))
    escrow.reconcile(ctx, "2026-11", DEPOSIT, as_of=ON)  # a later statement that agrees clears it
    assert compliance.check(ctx, ON).ok
    assert "与银行对账单相符" in compliance.check(ctx, ON).item(R.ESCROW_ACCOUNT).summary


def test_refund_overdue_then_refunded_late(app, ctx, clock, clean):
    rid, cid = clean
    clock.day = D(2026, 12, 20)
    terminate(app, cid, D(2026, 11, 30))
    end_stay(app, rid, D(2026, 11, 30))
    with app.write_factory.begin() as s:  # the bed is freed too
        from eldercare_desktop.db.models import BedAssignment
        for a in s.execute(select(BedAssignment).where(BedAssignment.resident_id == rid)).scalars():
            a.end_date = D(2026, 11, 30)
    assert compliance.check(ctx, D(2026, 12, 10)).item(R.REFUNDS).ok  # due 2026-12-10: still in time
    it = red(compliance.check(ctx, D(2026, 12, 20)), R.REFUNDS)
    f, = it.findings
    assert (f.subject, f.day, f.amount_fen) == ("张三", D(2026, 12, 10), DEPOSIT)
    assert "已逾期10天未退" in f.detail
    escrow.refund(ctx, rid, D(2026, 12, 20), "银行转账", late_reason="家属联系不上")
    it = red(compliance.check(ctx, D(2026, 12, 20)), R.REFUNDS)
    f, = it.findings
    assert f.day == D(2026, 12, 20) and "逾期退还" in f.detail and "家属联系不上" in f.detail
    assert f.amount_fen >= DEPOSIT  # with the interest


def test_resident_in_bed_without_contract(ctx, clean, centre_ready):
    other = residents.register_resident(ctx, person("李四", seq=25), D(2026, 11, 1), centre_ready["A102-1"]).ids[0]
    assessments.save_assessment(ctx, form(other, base_date=D(2026, 11, 1)))
    it = red(compliance.check(ctx, ON), R.CONTRACTS)
    f, = it.findings
    assert (f.subject, f.resident_id, f.day) == ("李四", other, ON)
    assert "A102-1" in f.detail


def test_contract_signed_after_service_began(app, ctx, clean, centre_ready):
    other = residents.register_resident(ctx, person("李四", seq=25), D(2026, 11, 1), centre_ready["A102-1"]).ids[0]
    assessments.save_assessment(ctx, form(other, base_date=D(2026, 11, 1)))
    cid = make_contract(app, other, D(2026, 11, 1), number="HT-LATE")
    from eldercare_desktop.db.models import Contract
    with app.write_factory.begin() as s:
        s.get(Contract, cid).signed_date = D(2026, 11, 5)
    it = red(compliance.check(ctx, ON), R.CONTRACTS)
    f, = it.findings
    assert (f.subject, f.ref, f.day) == ("李四", "HT-LATE", D(2026, 11, 5))


def test_price_change_with_short_notice_and_unpriced_item(app, ctx, clean):
    with app.write_factory.begin() as s:
        care = s.execute(select(FeeItem).where(FeeItem.code == "CARE-2")).scalar_one()
        s.add(FeePrice(fee_item_id=care.id, effective_date=D(2026, 10, 1), amount_fen=300_000,
                       notice_date=D(2026, 9, 20), reason="调价", created_at=T0, created_by="test"))
    it = red(compliance.check(ctx, ON), R.FEES)
    f, = it.findings
    assert (f.subject, f.amount_fen, f.day) == ("介护二级", 300_000, D(2026, 10, 1))
    assert "仅提前11天（应至少提前30天）" in f.detail
    assert "近12个月调价1次（调价频次）" in it.notes
    with app.write_factory.begin() as s:
        s.add(FeeItem(code="NURSE-X", kind="other", name="专项护理", unit="次", key="", active=True))
    it = red(compliance.check(ctx, ON), R.FEES)
    assert [f.subject for f in it.findings] == ["专项护理", "介护二级"]


def test_no_fee_items_published(app, ctx, centre_ready):
    assert not compliance.check(ctx, ON).item(R.FEES).ok
    assert compliance.check(ctx, ON).item(R.FEES).findings[0].detail == "未登记任何收费项目及标准，无法公示"


def test_overdue_assessment(ctx, clock, clean):
    rid, _ = clean
    it = red(compliance.check(ctx, D(2027, 3, 2)), R.ASSESSMENTS)  # due 2027-03-01
    f, = it.findings
    assert (f.subject, f.day, f.ref) == ("张三", D(2027, 3, 1), "PG2026-0001")
    assert "已逾期1天" in f.detail
    assert ctx.today() == ON  # the caller's clock is untouched
    assert "即将到期" in compliance.check(ctx, D(2027, 2, 10)).item(R.ASSESSMENTS).notes[0]


def test_disclosure_overdue_late_and_on_time(app, ctx, clock, clean):
    ledger.post_entry(ctx, Entry(D(2025, 12, 31), "年末", (Line(BANK, debit=100), Line("3101", credit=100)),
                                 source="test:2025"))
    clock.day = D(2026, 4, 2)
    it = red(compliance.check(ctx, D(2026, 4, 2)), R.DISCLOSURE)
    f, = it.findings
    assert (f.subject, f.day) == ("2025年度财务收支情况", D(2026, 3, 31))
    assert "已逾期2天未报送" in f.detail
    assert compliance.check(ctx, D(2026, 3, 1)).item(R.DISCLOSURE).ok  # still in time
    disclosure.mark_submitted(ctx, 2025, D(2026, 4, 2), "区民政局")
    it = red(compliance.check(ctx, D(2026, 4, 2)), R.DISCLOSURE)
    assert "晚于期限2026-03-31" in it.findings[0].detail


def test_disclosure_submitted_in_time(app, ctx, clock, clean):
    ledger.post_entry(ctx, Entry(D(2025, 12, 31), "年末", (Line(BANK, debit=100), Line("3101", credit=100)),
                                 source="test:2025"))
    clock.day = D(2026, 3, 20)
    disclosure.mark_submitted(ctx, 2025, D(2026, 3, 20), "区民政局")
    clock.day = ON
    it = compliance.check(ctx, ON).item(R.DISCLOSURE)
    assert it.ok and "已于2026-03-20报送" in it.summary


def test_nursing_bed_share_below_profile_target(ctx, clean):
    escrow_centre(ctx, "kunming-guandu")  # Guandu: ≥ 40%
    it = red(compliance.check(ctx, ON), R.NURSING_BEDS)
    assert it.rule == "护理型床位占比不低于40%"
    f, = it.findings
    assert f.detail == "护理型床位1张，共3张，占33.3%（目标不低于40%），还需1张"


def test_auditor_may_check_but_the_pdf_is_audited(app, actors, ctx, clean, tmp_path):
    auditor = app.as_user(actors[Role.AUDITOR])
    assert compliance.check(auditor, ON).ok
    w = compliance.write_pdf(ctx, tmp_path / "合规自查.pdf", ON)
    data = w.path.read_bytes()
    assert data.startswith(b"%PDF") and b"FontFile2" in data  # the CJK font is embedded
    with app.read_factory() as s:
        row = s.execute(select(AuditLog).where(AuditLog.action == "打印合规自查报告")).scalar_one()
        assert w.sha256 in row.after


def test_pdf_of_a_red_check_renders_every_section(app, ctx, clean, centre_ready, tmp_path):
    residents.register_resident(ctx, person("李四", seq=25), D(2026, 11, 1), centre_ready["A102-1"])
    escrow.reconcile(ctx, "2026-10", DEPOSIT - 20_000)
    sc = compliance.check(ctx, ON)
    assert {i.code for i in sc.failed} == {R.ESCROW_ACCOUNT, R.CONTRACTS, R.ASSESSMENTS}
    w = compliance.write_pdf(ctx, tmp_path / "red.pdf", sc=sc)
    out = subprocess.run(["pdftotext", "-layout", str(w.path), "-"], capture_output=True, text=True)
    if out.returncode == 0:  # poppler present: the text is really in the file
        text = out.stdout
        for it in sc.items:
            assert it.rule in text
        assert "李四" in text and "✘ 不符合" in text and "阳光社区养老服务中心" in text
