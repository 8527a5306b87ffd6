"""demo_finance at unit level: the cases a full demo build met only at some N."""
from __future__ import annotations

import datetime as dt
import random

from eldercare_desktop.services import assessments, contracts, demo_assessments, demo_finance, escrow
from eldercare_desktop.services import residents as res_svc

D = dt.date


class _BigDeposit(random.Random):
    """The replayer's dice, loaded: every contract asks for the large deposit
    (2 × (护理型床位 + 特级护理) = ¥12,400.00), and nobody pays late."""

    def random(self):
        return 0.9


def _assess(ctx, rid, day, total=90):
    ins = assessments.instrument(assessments.get_settings(ctx).instrument_code)
    scores = demo_assessments.scores_for_total(ins, total, random.Random(3))
    assessments.save_assessment(ctx, assessments.AssessmentInput(
        rid, day, "首次评估", "李晓燕", "陈建国", "张小三", "儿子", scores))


def test_a_deposit_not_yet_refunded_carries_over_to_the_new_contract(ctx, centre_ready, admitted):
    """N=200 failed with 押金不得超过月服务费的6倍: a resident back within days
    of leaving signs again while the old deposit still waits for its refund;
    the new deposit would exceed the cap, so the old one carries over."""
    _assess(ctx, admitted, D(2026, 1, 12))  # 自理 on a 普通 bed: 2,000 + 800 + 30×30 meals, cap 6× = ¥22,200.00
    money = demo_finance.FinanceReplayer(ctx, seed=1, today=D(2026, 11, 25))
    money.rng = _BigDeposit()
    money.schedule()
    money.sign(admitted, D(2026, 5, 1))
    assert escrow.quote(ctx, admitted, D(2026, 5, 1)).balance_fen == 1240000

    res_svc.discharge(ctx, admitted, D(2026, 6, 10), "回家由子女照顾")
    money.ended(admitted, D(2026, 6, 10), died=False)
    assert [r for _w, r in money.pending_refunds] == [admitted]  # refund due a few days later
    res_svc.readmit(ctx, admitted, D(2026, 6, 12), centre_ready["A101-1"])

    money.sign(admitted, D(2026, 6, 12))  # raised RuleViolation before the fix

    cid = money.contract_of[admitted]
    assert contracts.get_contract(ctx, cid).deposit_fen == 1240000
    # the old deposit stays in escrow for the new contract: no refund, no second deposit
    assert escrow.quote(ctx, admitted, D(2026, 6, 12)).balance_fen == 1240000
    assert money.pending_refunds == [] and money.signed == 2
    money.refunds_until(D(2026, 6, 30))
    assert escrow.quote(ctx, admitted, D(2026, 6, 30)).balance_fen == 1240000
