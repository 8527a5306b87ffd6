"""Migration 0003: ledger and fee tables, their constraints, and a clean round trip."""
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from eldercare_desktop.db import engine as db_engine
from eldercare_desktop.db.migrations.runner import downgrade, upgrade

FINANCE = {"journal_entry", "journal_line", "period_close", "fee_item", "fee_price"}


@pytest.fixture
def engine(tmp_path):
    e, _ = db_engine.open_database(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    yield e
    e.dispose()


def test_0003_round_trips(engine):
    assert FINANCE <= set(inspect(engine).get_table_names())
    downgrade(engine, "0002")
    assert db_engine.current_revision(engine) == "0002"
    assert not FINANCE & set(inspect(engine).get_table_names())
    assert "assessment" in inspect(engine).get_table_names()
    upgrade(engine, "0003")
    assert db_engine.current_revision(engine) == "0003"
    assert FINANCE <= set(inspect(engine).get_table_names())
    idx = {i["name"]: i["column_names"] for i in inspect(engine).get_indexes("journal_line")}
    assert idx["ix_journal_line_balance"] == ["account", "resident_id", "entry_id", "debit", "credit"]
    money = {c["name"]: str(c["type"]) for c in inspect(engine).get_columns("journal_line")}
    assert money["debit"] == money["credit"] == "BIGINT"


def _entry(c, id_, source=None, reverses=None):
    c.execute(text("INSERT INTO journal_entry (id, entry_date, period, memo, source, reverses_id, created_at, created_by)"
                   " VALUES (:i, '2026-03-31', '2026-03', 'm', :s, :r, '2026-03-31 10:00:00', 'u')"),
              {"i": id_, "s": source, "r": reverses})


def test_source_unique_when_present_and_reversed_at_most_once(engine):
    with engine.begin() as c:
        _entry(c, 1)
        _entry(c, 2)  # several entries without a source
        _entry(c, 3, "billing:x")
        _entry(c, 4, "红冲:1", reverses=1)
    with pytest.raises(IntegrityError):
        with engine.begin() as c:
            _entry(c, 5, "billing:x")
    with pytest.raises(IntegrityError):
        with engine.begin() as c:
            _entry(c, 6, None, reverses=1)
    with pytest.raises(IntegrityError):
        with engine.begin() as c:
            _entry(c, 7, None, reverses=99)  # foreign key


def test_fee_price_constraints(engine):
    with engine.begin() as c:
        c.execute(text("INSERT INTO fee_item (id, code, kind, name, unit, key, active) VALUES (1, 'B', 'bed', 'b', '月', '普通', 1)"))
    ins = ("INSERT INTO fee_price (fee_item_id, effective_date, amount_fen, notice_date, reason, created_at, created_by)"
           " VALUES (1, :d, :a, '2026-01-01', '', '2026-01-01 00:00:00', 'u')")
    with engine.begin() as c:
        c.execute(text(ins), {"d": "2026-02-01", "a": 100})
    for d, a in (("2026-02-01", 200), ("2026-03-01", 0), ("2026-03-01", -5)):
        with pytest.raises(IntegrityError):
            with engine.begin() as c:
                c.execute(text(ins), {"d": d, "a": a})
    with pytest.raises(IntegrityError):
        with engine.begin() as c:
            c.execute(text("INSERT INTO fee_item (code, kind, name, unit, key, active) VALUES ('X', 'gift', 'x', '次', '', 1)"))


def test_0006_moves_wages_payable_from_2202_to_2204(engine):
    """财会〔2004〕7号: 应付工资 is 2204, 2202 is 应付账款. The app once named
    2202 应付工资; lines posted there then move to 2204."""
    downgrade(engine, "0005")
    with engine.begin() as c:
        _entry(c, 1)
        c.execute(text("INSERT INTO journal_line (entry_id, account, debit, credit, memo) VALUES "
                       "(1, '5201', 100, 0, ''), (1, '2202', 0, 100, '')"))
    upgrade(engine, "0006")
    with engine.connect() as c:
        assert sorted(c.execute(text("SELECT account FROM journal_line")).scalars()) == ["2204", "5201"]
        cols = {x["name"] for x in inspect(engine).get_columns("centre")}
    assert {"bank_name", "bank_account_no"} <= cols
    assert {"voucher", "voucher_line", "fixed_asset", "depreciation", "year_close", "disclosure",
            "ledger_account"} <= set(inspect(engine).get_table_names())


def test_chart_codes_follow_the_official_table():
    from eldercare_desktop.domain.ledger import ACCOUNTS

    official = {"1001": "现金", "1002": "银行存款", "1121": "应收账款", "1122": "其他应收款", "1141": "预付账款",
                "1501": "固定资产", "1502": "累计折旧", "2202": "应付账款", "2203": "预收账款", "2204": "应付工资",
                "2206": "应交税金", "2209": "其他应付款", "3101": "非限定性净资产", "3102": "限定性净资产",
                "4101": "捐赠收入", "4301": "提供服务收入", "4401": "政府补助收入", "4601": "投资收益",
                "4901": "其他收入", "5101": "业务活动成本", "5201": "管理费用", "5301": "筹资费用", "5401": "其他费用"}
    assert {k: ACCOUNTS[k].name for k in official} == official
    # every sub-account sits under an official parent and carries its name
    for code, a in ACCOUNTS.items():
        if len(code) > 4:
            assert a.name.startswith(ACCOUNTS[code[:4]].name + "—"), code
