"""From signing to death: contract, three months billed, a payment, the
termination settlement, and a re-run of billing that must not refund twice."""
import datetime as dt

from eldercare_desktop.domain.ledger import PREPAID, RECEIVABLE
from eldercare_desktop.services import billing, contracts, ledger, payments, residents, statements
from tests.services.test_contracts import contract_input, schedule  # noqa: F401  (fixture)
from tests.services.test_contracts import assess

D = dt.date


def test_contract_billing_payment_death_settlement(app, ctx, admitted, schedule):  # noqa: F811
    assess(ctx, admitted)
    cid = contracts.sign_contract(ctx, contract_input(admitted)).ids[0]
    # January from the 10th: 22 of 31 days
    #   bed 2,400 × 22/31 = 1,703.2258 → 1,703.23; care 1,500 × 22/31 = 1,064.516 → 1,064.52; meals 22 × 30 = 660
    # February whole: 2,400 + 1,500 + 28 × 30 = 4,740.00; March whole: 2,400 + 1,500 + 31 × 30 = 4,830.00
    for month in ("2026-01", "2026-02", "2026-03"):
        billing.run_billing(ctx, month)
    owed = 170323 + 106452 + 66000 + 474000 + 483000
    assert ledger.account_balance(ctx, RECEIVABLE, resident_id=admitted) == owed == 1299775
    payments.record_payment(ctx, admitted, D(2026, 3, 31), "银行转账", 1300000, "张小三", reference="TX20260331001")
    assert ledger.account_balance(ctx, PREPAID, resident_id=admitted) == 225  # paid 13,000.00: 2.25 in advance
    # dies on 3-20: March unexpired 11 days: bed 2,400 × 11/31 = 851.61; care 1,500 × 11/31 = 532.26; meals 330.00
    residents.discharge(ctx, admitted, D(2026, 3, 20), "因病去世", deceased=True)
    ch = contracts.terminate_contract(ctx, cid, D(2026, 3, 20), "去世")
    assert "¥1,713.87" in ch.message
    balance = ledger.account_balance(ctx, RECEIVABLE, resident_id=admitted) - ledger.account_balance(
        ctx, PREPAID, resident_id=admitted)
    assert balance == 1299775 - 1300000 - 171387 == -171612  # ¥1,716.12 to refund to the family
    # billing March again finds the settlement already made: nothing more
    before = ledger.trial_balance(ctx, "2026-03").totals()
    billing.run_billing(ctx, "2026-03")
    billing.run_billing(ctx, "2026-04")
    assert ledger.trial_balance(ctx, "2026-03").totals() == before
    assert ledger.account_balance(ctx, RECEIVABLE, resident_id=admitted) - ledger.account_balance(
        ctx, PREPAID, resident_id=admitted) == -171612
    st = statements.statement(ctx, admitted, "2026-03")
    assert st.closing_fen == -171612
