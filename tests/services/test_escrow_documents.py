"""Escrow documents printed from the books: the voucher's refund equals the
refund posted, the receipt and ledgers carry the figures, all audited."""
import datetime as dt
import subprocess

import openpyxl
import pytest
from pypdf import PdfReader

from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import audit, centre, escrow
from eldercare_desktop.services import escrow_documents as docs
from eldercare_desktop.services.audit import AuditFilter
from tests.services.billing_fixtures import make_contract

D = dt.date


@pytest.fixture
def refunded(app, ctx, admitted):
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei",
                                       escrow_bank="重庆农村商业银行渝北支行", escrow_account_name="阳光社区养老服务中心",
                                       escrow_account_no="0302123456789012345"))
    make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15))
    dep = escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账", "TX001").ids[0]
    ref = escrow.refund(ctx, admitted, D(2025, 6, 21), "银行转账").ids[0]
    return dep, ref


def text(path):
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")


def test_refund_voucher_matches_the_books(ctx, refunded, tmp_path):
    out = docs.refund_voucher_pdf(ctx, refunded[1], tmp_path / "v.pdf")
    t = text(out.path)
    # ACCOUNTING.md worked check: 10,000.00 + 2.11 interest = 10,002.11
    for needle in ("TK2025-0001", "张三", "10,002.11", "壹万零贰元壹角壹分", "2.11", "0.10%", "0.05%"):
        assert needle in t, needle
    e = audit.list_entries(ctx, AuditFilter(entity="deposit"))[0]
    assert e.action == "打印押金退款凭证" and out.sha256 in e.after


def test_receipt_and_ledgers(ctx, admitted, refunded, tmp_path):
    t = text(docs.deposit_receipt_pdf(ctx, refunded[0], tmp_path / "r.pdf").path)
    assert "YJ2025-0001" in t and "壹万元整" in t and "0302123456789012345" in t
    t = text(docs.resident_ledger_pdf(ctx, admitted, D(2025, 1, 1), D(2025, 12, 31), tmp_path / "l.pdf").path)
    assert "10,000.00" in t and "10,002.11" in t
    out = docs.ledger_xlsx(ctx, tmp_path / "l.xlsx", D(2025, 1, 1), D(2025, 12, 31))
    assert out.rows == 3  # 收取, 利息, 退还
    cells = [c.value for row in openpyxl.load_workbook(out.path).active.iter_rows() for c in row]
    assert 10000.0 in cells and 10002.11 in cells


def test_reconciliation_report(ctx, admitted, refunded, tmp_path, app):
    r = escrow.reconcile(ctx, "2025-06", 0, source="手工录入")
    t = text(docs.reconciliation_pdf(ctx, r.id, tmp_path / "c.pdf").path)
    assert "相符" in t
    try:
        fonts = subprocess.run(["pdffonts", str(tmp_path / "c.pdf")], capture_output=True, text=True).stdout
        assert all(" yes " in row for row in fonts.splitlines()[2:])
    except FileNotFoundError:
        pass


@pytest.mark.sqlite_only  # the CLI is given the database file
def test_cli_escrow_export(app, ctx, refunded, db_path, tmp_path, monkeypatch, capsys):
    import json

    from eldercare_desktop.cli.main import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("ELDERCARE_PASSWORD", PASSWORD)
    app.close()
    code = main(["--database", str(db_path), "escrow", "export", "--xlsx", str(tmp_path / "e.xlsx"),
                 "--from", "2025-01-01", "--to", "2025-12-31", "--json", "--user", "admin"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["rows"] == 3 and len(out["sha256"]) == 64
