"""``eldercare print``: every document the GUI prints, by number or id (issue 12,
behaviour 8); ``escrow reconcile`` refuses a negative bank balance (defect 4);
``escrow refund-quote`` states the unit of 积数 (元·天)."""
import datetime as dt
import json

import pytest
from pypdf import PdfReader

from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import assessments, audit, centre, escrow, payments
from eldercare_desktop.services.audit import AuditFilter
from eldercare_desktop.services.output import sha256_of
from tests.conftest import PASSWORD
from tests.services.billing_fixtures import make_contract
from tests.services.test_assessments import form

D = dt.date


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")


@pytest.fixture
def books(app, ctx, admitted, env):
    """A receipt, a contract, a deposit and its refund, an assessment for 张三."""
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei",
                                       escrow_bank="重庆农村商业银行渝北支行", escrow_account_name="阳光社区养老服务中心",
                                       escrow_account_no="0302123456789012345"))
    cid = make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15), number="HT2025-0001")
    dep = escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账", "TX001").ids[0]
    ref = escrow.refund(ctx, admitted, D(2025, 6, 21), "银行转账").ids[0]
    rec = payments.record_payment(ctx, admitted, D(2026, 1, 15), "现金", 50000, "张小三").ids[0]
    pg = assessments.save_assessment(ctx, form(admitted)).ids[0]
    return {"contract": cid, "deposit": dep, "refund": ref, "receipt": rec, "assessment": pg}


def js(run, *args, code=0):
    rc, out, err = run(*args, "--json", "--user", "admin")
    assert rc == code, err
    return json.loads(out) if out else None


def test_print_every_document_by_number(run, app, ctx, books, tmp_path):
    db = app.url
    numbers = {
        "receipt": (payments.receipt(ctx, books["receipt"]).number, "收款收据"),
        "contract": ("HT2025-0001", "HT2025-0001"),
        "refund-voucher": ("TK2025-0001", "TK2025-0001"),
        "deposit-receipt": ("YJ2025-0001", "YJ2025-0001"),
        "assessment-report": (assessments.get_detail(ctx, books["assessment"]).number, "张三"),
    }
    for kind, (number, needle) in numbers.items():
        out = tmp_path / f"{kind}.pdf"
        r = js(run, "--database", db, "print", kind, number, "--pdf", out)
        assert r["file"] == str(out) and r["sha256"] == sha256_of(out) and r["document"] == kind, kind
        assert needle in _text(out), kind
    # the voucher says how its interest was computed, in Chinese
    assert "计息方式：按利率调整日分段计息" in _text(tmp_path / "refund-voucher.pdf")
    # printed through the GUI's services: audited with the file's SHA-256
    e = audit.list_entries(ctx, AuditFilter(entity="contract"))[0]
    assert e.action == "打印服务合同" and sha256_of(tmp_path / "contract.pdf") in e.after


def test_print_by_id_and_unknown_numbers(run, app, books, tmp_path):
    db = app.url
    rc, out, err = run("--database", db, "--user", "admin", "print", "refund-voucher", books["refund"],
                       "--pdf", tmp_path / "v.pdf")
    assert rc == 0 and "已打印押金退款凭证" in out and (tmp_path / "v.pdf").exists()
    rc, out, err = run("--database", db, "--user", "admin", "print", "receipt", "SJ1999-000001",
                       "--pdf", tmp_path / "x.pdf")
    assert rc == 1 and "收款收据“SJ1999-000001”不存在" in err and not (tmp_path / "x.pdf").exists()
    # a deposit (收取) is not a refund voucher
    rc, out, err = run("--database", db, "--user", "admin", "print", "refund-voucher", "YJ2025-0001",
                       "--pdf", tmp_path / "y.pdf")
    assert rc == 1 and "不存在" in err
    rc, out, err = run("--database", db, "--user", "admin", "print", "contract", "HT2025-0001")
    assert rc == 2 and "--pdf" in err


def test_reconcile_refuses_a_negative_bank_balance(run, app, ctx, books):
    db = app.url
    rc, out, err = run("--database", db, "--user", "admin", "escrow", "reconcile", "--month", "2025-06",
                       "--bank-balance", "-5")
    assert rc == 1 and "银行对账单余额不能为负数" in err
    assert escrow.reconciliations(ctx) == []
    r = js(run, "--database", db, "escrow", "reconcile", "--month", "2025-06", "--bank-balance", "0")
    assert r["bank_balance_fen"] == 0 and len(escrow.reconciliations(ctx)) == 1


def test_refund_quote_states_the_unit_of_the_product(run, app, ctx, admitted, env):
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15))
    escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账")
    db = app.url
    rc, out, err = run("--database", db, "--user", "admin", "escrow", "refund-quote", "--resident", admitted,
                       "--on", "2025-06-21")
    assert rc == 0, err
    assert "积数（元·天）" in out
    # 60 days at ¥10,000.00: 600,000.00 元·天 (not 60000000 fen·days)
    assert "600,000.00" in out and "60000000" not in out
    r = js(run, "--database", db, "escrow", "refund-quote", "--resident", admitted, "--on", "2025-06-21")
    seg = r["periods"][0]["segments"][0]
    assert seg["product"] == 60000000 and seg["product_yuan_days"] == "600,000.00"
    assert r["units"] == {"product": "分·天", "product_yuan_days": "元·天"}


def test_billing_mode_shown_and_set(run, app, books):
    db = app.url
    assert js(run, "--database", db, "billing", "mode")["mode"] == "advance"
    r = js(run, "--database", db, "billing", "mode", "--set", "after")
    assert r["mode"] == "after" and "按月后付" in r["message"]
    rc, out, err = run("--database", db, "billing", "mode", "--set", "monthly", "--user", "admin")
    assert rc == 2 and "monthly" in err
