"""Write services of the contracts area, for the auditor test."""
import datetime as dt

from eldercare_desktop.domain.contract_records import AmendmentInput, ContractInput
from eldercare_desktop.services import contracts


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    return {
        "contracts.sign_contract": lambda: contracts.sign_contract(ctx, ContractInput(
            rid, D(2026, 1, 10), D(2027, 1, 9), "张小三", "代理人（儿子）")),
        "contracts.amend_contract": lambda: contracts.amend_contract(ctx, AmendmentInput(1, D(2026, 4, 1), "调价")),
        "contracts.terminate_contract": lambda: contracts.terminate_contract(ctx, 1, D(2026, 3, 20), "去世"),
        "contracts.post_settlement": lambda: contracts.post_settlement(ctx, 1),
        "contracts.apply_price_change": lambda: contracts.apply_price_change(ctx, 1),
    }
