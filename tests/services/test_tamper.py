"""Tamper evidence: direct edits of money and permission rows are named
(table, row, field); a recomputed or truncated chain is caught by anchors."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from eldercare_desktop.db.models import BillLine, Receipt
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import anchor, billing, integrity, ledger, payments
from tests.services.billing_fixtures import fee_items, make_contract
from tests.tampering import recompute_chain

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself

D = dt.date


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def books(app, acc, clock, admitted):
    """March billed (¥2,400 bed + ¥1,500 care + 22 days' meals from the 10th), a ¥3,000.00
    receipt on 2026-03-20, March closed; the chain anchored as the app does after writes."""
    fee_items(app)
    make_contract(app, admitted, D(2026, 3, 10))
    billing.run_billing(acc, "2026-03")
    rid = payments.record_payment(acc, admitted, D(2026, 3, 20), "现金", 300000, "张小三").ids[0]
    ledger.close_period(acc, "2026-03")
    anchor.record(app)
    return rid


def _sql(app, *statements, params=()):
    con = sqlite3.connect(app.sqlite_path)
    for st in statements:
        con.execute(st, params)
    con.commit()
    con.close()


def test_untouched_database_verifies(app, books):
    rep = integrity.verify(app)
    assert rep.ok, rep.problems
    assert rep.sealed_rows > 10 and rep.anchors_checked == 1


def test_taking_100_yuan_from_a_receipt_in_a_closed_month_is_named(app, books):
    _sql(app, "UPDATE receipt SET amount_fen = amount_fen - 10000 WHERE id = ?", params=(books,))
    rep = integrity.verify(app)
    assert not rep.ok
    (f,) = [f for f in rep.findings if f.table == "receipt"]
    assert f.kind == "changed" and f.row_id == str(books) and f.fields == ("amount_fen",)
    assert "收据（receipt）" in f.message and "审计记录为 300000，现为 290000" in f.message


def test_changing_a_bill_line_is_named(app, books):
    with app.read_factory() as s:
        line = s.execute(select(BillLine).where(BillLine.kind == "bed")).scalars().first()
    _sql(app, "UPDATE bill_line SET amount_fen = 1, basis = 'x' WHERE id = ?", params=(line.id,))
    (f,) = integrity.verify(app).findings
    assert (f.table, f.row_id, f.fields) == ("bill_line", str(line.id), ("amount_fen", "basis"))


def test_promoting_the_auditor_is_named(app, actors, books):
    _sql(app, "UPDATE app_user SET role = 'admin' WHERE username = 'shenji'")
    (f,) = integrity.verify(app).findings
    assert f.table == "app_user" and f.fields == ("role",)
    assert "审计记录为 auditor，现为 admin" in f.message


def test_rows_inserted_or_deleted_directly(app, books):
    _sql(app, "INSERT INTO setting (key, value) VALUES ('rogue', '1')")
    _sql(app, "DELETE FROM journal_line WHERE id = (SELECT max(id) FROM journal_line)")
    kinds = {(f.kind, f.table) for f in integrity.verify(app).findings}
    assert ("added", "setting") in kinds and ("deleted", "journal_line") in kinds


def test_editing_the_row_and_its_sealed_copy_still_caught(app, books):
    _sql(app, "UPDATE receipt SET amount_fen = 1 WHERE id = ?", params=(books,))
    _sql(app, "UPDATE row_seal SET state = replace(state, '\"amount_fen\":300000', '\"amount_fen\":1') "
              "WHERE tbl = 'receipt' AND row_id = ?", params=(str(books),))
    (f,) = integrity.verify(app).findings
    assert f.kind == "changed" and f.table == "receipt" and "无法指出字段" in f.message


def _rewrite_chain(app, edit_seq: int | None = None, keep: int | None = None, sealed: bool = True):
    recompute_chain(app.sqlite_path, "UPDATE audit_log SET after = '{}' WHERE seq = ?" if edit_seq else None,
                    (edit_seq,) if edit_seq else (), keep=keep, sealed=sealed)


def test_recomputed_chain_caught_by_the_anchor(app, books):
    token = anchor.current(app).token  # as printed on the month-close document
    _rewrite_chain(app, edit_seq=3)
    rep = integrity.verify(app)
    assert [f.kind for f in rep.findings] == ["anchor"]
    assert "不符" in rep.findings[0].message and "重算" in rep.findings[0].message
    # an auditor holding the printed anchor sees the same, on its own
    rep2 = integrity.verify(app, [anchor.parse(token)], local=False)
    assert any(f.kind == "anchor" for f in rep2.findings)


def test_truncated_chain_caught_by_the_anchor(app, books):
    head = anchor.current(app).seq
    _rewrite_chain(app, keep=head - 2)
    msgs = integrity.verify(app).problems
    assert any(f"记录到第{head}条，数据库现只有{head - 2}条" in m for m in msgs)


def test_anchor_signature_checked_with_the_key(app, books, monkeypatch):
    a = anchor.current(app)
    forged = anchor.parse(f"{a.seq}-{a.hash[:16]}-{'0' * 16}")
    rep = integrity.verify(app, [forged], local=False)
    assert any("签名不符" in m for m in rep.problems)
    # without the key (an auditor's PC) the hash still checks, the signature is noted
    monkeypatch.setattr(anchor, "key", lambda create=True: None)
    rep = integrity.verify(app, [forged], local=False)
    assert rep.ok and any("签名未核验" in n for n in rep.notes)


def test_anchor_token_format_refused_in_chinese():
    for bad in ("12", "x-aaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb", "5-zz-bb", "5-aaaa-bbbbbbbbbbbbbbbb"):
        with pytest.raises(anchor.AnchorFormatError, match="格式不正确"):
            anchor.parse(bad)


def test_writes_outside_audit_are_sealed_at_commit(app, admitted):
    """A write path that forgets its audit row still cannot slip past: the
    commit seals it under a 数据封存 row."""
    with app.write_factory.begin() as s:
        s.add(Receipt(number="SJ2026-999999", resident_id=admitted, day=D(2026, 4, 1), method="现金",
                      amount_fen=100, payer="x", reference="", memo="", created_at=dt.datetime(2026, 4, 1),
                      created_by="t"))
    rep = integrity.verify(app)
    assert rep.ok, rep.problems
    with app.read_factory() as s:
        from eldercare_desktop.db.models import AuditLog

        last = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert last.action == "数据封存" and '"receipt"' in last.seal


def test_migration_seals_existing_rows(app, books):
    """A centre upgrading to the sealed schema: its rows are sealed by one
    建立数据封存基线 row and verify; an edit after that is named."""
    from eldercare_desktop.db.migrations.runner import downgrade, upgrade

    app.engine.dispose()
    downgrade(app.engine, "0007")
    _rewrite_chain(app, sealed=False)  # the chain as a 0007 database had it: no seals
    upgrade(app.engine)
    with app.read_factory() as s:
        from eldercare_desktop.db.models import AuditLog

        last = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert last.action == "建立数据封存基线"
    assert integrity.verify(app, local=False).ok
    _sql(app, "UPDATE receipt SET payer = '李四' WHERE id = ?", params=(books,))
    assert [f.fields for f in integrity.verify(app, local=False).findings] == [("payer",)]


def test_a_later_write_does_not_launder_a_direct_edit(app, acc, admitted, books):
    """The edit is pending when the next (legitimate) write begins: that write
    seals only its own rows, so the edited receipt stays named."""
    _sql(app, "UPDATE receipt SET amount_fen = 200000 WHERE id = ?", params=(books,))
    payments.record_payment(acc, admitted, D(2026, 4, 2), "现金", 5000, "张小三")
    rep = integrity.verify(app)
    assert [(f.table, f.row_id, f.fields) for f in rep.findings] == [("receipt", str(books), ("amount_fen",))]


def test_a_restore_moves_the_local_anchor_back_legitimately(app, admin, acc, admitted, books, tmp_path):
    """Restoring an older backup shortens the chain on purpose: the restore
    notes the new head, so verification does not report a truncation."""
    from eldercare_desktop.services import backup

    backup.backup(app.as_user(admin), tmp_path / "b.sqlite3")
    payments.record_payment(acc, admitted, D(2026, 4, 2), "现金", 5000, "张小三")
    anchor.record(app)
    backup.restore(app, admin, tmp_path / "b.sqlite3")
    rep = integrity.verify(app)
    assert rep.ok, rep.problems
    assert integrity.verify_file(tmp_path / "b.sqlite3").anchors_checked == 1  # the anchor beside the backup


def test_anchor_key_and_log_are_owner_only(app, books, tmp_path, monkeypatch):
    import os
    import stat

    monkeypatch.setenv(anchor.ENV_DIR, str(tmp_path / "keys"))
    a = anchor.record(app)
    for name in (anchor.KEY_FILE, anchor.LOG_FILE):
        mode = stat.S_IMODE(os.stat(tmp_path / "keys" / name).st_mode)
        assert mode == 0o600, (name, oct(mode))
    beside = anchor.write_beside(app, app.sqlite_path)  # any SQLite file: its own head
    assert stat.S_IMODE(os.stat(beside).st_mode) == 0o600
    assert anchor.parse(str(beside)).seq == a.seq
    assert len(anchor.key()) == 32 and anchor.key() == anchor.key()  # made once, then read
