"""``eldercare escrow``: due, refund-quote, reconcile, rates (--json), figures by hand."""
import datetime as dt
import json

from eldercare_desktop.services import escrow
from tests.conftest import PASSWORD
from tests.services.billing_fixtures import make_contract, terminate

D = dt.date


def js(run, *args, code=0):
    rc, out, err = run(*args, "--json", "--user", "admin")
    assert rc == code, err
    return json.loads(out) if out else None


def test_escrow_commands(run, app, ctx, admitted, env, tmp_path):
    cid = make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 12, 31))
    escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账")
    terminate(app, cid, D(2025, 6, 15))
    env.setenv("ELDERCARE_PASSWORD", PASSWORD)
    db = app.url
    # the ACCOUNTING.md check: 211 fen split, refund 1,000,211 due by 06-25
    r = js(run, "--database", db, "escrow", "refund-quote", "--resident", admitted, "--on", "2025-06-21")
    assert (r["interest_fen"], r["refund_fen"], r["due_date"], r["days_left"]) == (211, 1000211, "2025-06-25", 4)
    assert [x["days"] for x in r["periods"][0]["segments"]] == [60, 32] and r["refund_upper"] == "壹万零贰元壹角壹分"
    # on 2025-06-26 the refund is one day overdue
    r = js(run, "--database", db, "escrow", "due", "--on", "2025-06-26")
    assert (r["count"], r["overdue"], r["total_fen"]) == (1, 1, 1000000)
    assert r["rows"][0]["days_left"] == -1 and r["rows"][0]["name"] == "张三"
    # the centre's interest mode: the same quote at the settlement-day rate is 128 fen
    assert js(run, "--database", db, "escrow", "interest-mode") == {"mode": "split", "name": "按利率调整日分段计息"}
    r = js(run, "--database", db, "escrow", "interest-mode", "--set", "settlement_rate")
    assert r == {"mode": "settlement_rate", "name": "按结息日挂牌利率计息"}
    r = js(run, "--database", db, "escrow", "refund-quote", "--resident", admitted, "--on", "2025-06-21")
    assert (r["interest_fen"], r["refund_fen"]) == (128, 1000128)
    js(run, "--database", db, "escrow", "interest-mode", "--set", "split")
    r = js(run, "--database", db, "escrow", "rates")
    assert r[-1] == {"id": r[-1]["id"], "effective_date": "2025-05-20", "annual_percent": "0.05", "note": "大型银行下调"}
    r = js(run, "--database", db, "escrow", "reconcile", "--month", "2025-03", "--bank-balance", "10,000.00")
    assert (r["book_balance_fen"], r["residents_total_fen"], r["difference_fen"], r["agreed"]) == (
        1000000, 1000000, 0, True)
    rc, out, err = run("--database", db, "--user", "admin", "escrow", "reconcile", "--month", "2025-03",
                       "--bank-balance", "9999.99")
    assert rc == 1 and "不符" in out and "-0.01" in out
    (tmp_path / "b.csv").write_text("交易日期,摘要,收入,支出,余额\n2025-03-21,押金,10000,,10000\n", encoding="utf-8")
    r = js(run, "--database", db, "escrow", "reconcile", "--month", "2025-03", "--statement", tmp_path / "b.csv")
    assert r["agreed"] and r["lines"] == 1 and r["source"] == "银行对账单导入：b.csv"
    rc, out, err = run("--database", db, "--user", "admin", "escrow", "reconcile", "--month", "2025-03",
                       "--bank-balance", "abc")
    assert rc == 2 and "不是有效的数字" in err  # refused by the argument type: a usage error
