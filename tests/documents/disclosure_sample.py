"""A small but complete disclosure context for FY2025, drawn by the real
statement engine from hand-made journal entries (no database), plus the
trial balance, general ledger and account detail of the same books.

Amounts are fen. Opening balances on 2024-01-01 (debit − credit):
bank 500,000.00, escrow 120,000.00, fixed assets 3,000,000.00,
depreciation −400,000.00, deposits −120,000.00, net assets −3,000,000.00
(非限定性) and −100,000.00 (限定性).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from eldercare_desktop.domain import statements as S
from eldercare_desktop.domain.disclosure_records import (
    AccountDetail,
    CentreFacts,
    DetailLine,
    DisclosureContext,
    EscrowYear,
    FeeStandard,
    GeneralLedgerAccount,
    LedgerMonth,
    Occupancy,
    PriceChange,
    SubsidyLine,
    YearTrialBalance,
    YearTrialRow,
)
from eldercare_desktop.domain.ledger import CHART_2004

D = dt.date
Y = 100  # fen per yuan

OPENING_2024 = {
    "100201": 500_000 * Y, "100202": 120_000 * Y, "1501": 3_000_000 * Y, "1502": -400_000 * Y,
    "220901": -120_000 * Y, "3101": -3_000_000 * Y, "3102": -100_000 * Y,
}

# (day, memo, [(account, debit − credit)])
Entry = tuple[dt.date, str, list[tuple[str, int]]]


def _monthly(year: int, memo: str, lines: list[tuple[str, int]]) -> list[Entry]:
    return [(D(year, m, 25), f"{m}月{memo}", lines) for m in range(1, 13)]


def entries_2024() -> list[Entry]:
    out = _monthly(2024, "服务收费", [("100201", 150_000 * Y), ("430101", -83_000 * Y), ("430102", -50_000 * Y),
                                     ("430103", -17_000 * Y)])
    out += _monthly(2024, "工资", [("510101", 75_000 * Y), ("100201", -75_000 * Y)])
    out += [
        (D(2024, 6, 30), "运营补贴", [("100201", 200_000 * Y), ("440102", -200_000 * Y)]),
        (D(2024, 9, 30), "护理员岗位补贴", [("100201", 100_000 * Y), ("440103", -100_000 * Y)]),
        (D(2024, 12, 20), "日常费用", [("510102", 400_000 * Y), ("520102", 150_000 * Y), ("100201", -550_000 * Y)]),
        (D(2024, 12, 31), "计提折旧", [("510103", 150_000 * Y), ("1502", -150_000 * Y)]),
        (D(2024, 5, 8), "收取押金", [("100202", 30_000 * Y), ("220901", -30_000 * Y)]),
    ]
    return out


def entries_2025() -> list[Entry]:
    out = _monthly(2025, "服务收费", [("100201", 162_500 * Y), ("430101", -90_000 * Y), ("430102", -54_000 * Y),
                                     ("430103", -18_500 * Y)])
    out += _monthly(2025, "工资", [("510101", 80_000 * Y), ("520101", 10_000 * Y), ("100201", -90_000 * Y)])
    out += [
        (D(2025, 11, 30), "应收其他服务费", [("1121", 50_000 * Y), ("430104", -50_000 * Y)]),
        (D(2025, 12, 28), "预收2026年1月费用", [("100201", 36_000 * Y), ("2203", -36_000 * Y)]),
        (D(2025, 6, 30), "运营补贴", [("100201", 180_000 * Y), ("440102", -180_000 * Y)]),
        (D(2025, 8, 15), "服务补贴", [("100201", 100_000 * Y), ("440104", -100_000 * Y)]),
        (D(2025, 3, 10), "适老化设备专项补助", [("100201", 200_000 * Y), ("440110", -200_000 * Y)]),
        (D(2025, 4, 2), "社会捐赠", [("100201", 20_000 * Y), ("410101", -20_000 * Y)]),
        (D(2025, 12, 20), "日常费用", [("510102", 420_000 * Y), ("520102", 130_000 * Y), ("100201", -550_000 * Y)]),
        (D(2025, 12, 22), "缴纳税费", [("510104", 5_000 * Y), ("100201", -5_000 * Y)]),
        (D(2025, 5, 20), "购置适老化设备", [("1501", 150_000 * Y), ("100201", -150_000 * Y)]),
        (D(2025, 5, 20), "专项补助解除限制", [("3102", 150_000 * Y), ("3101", -150_000 * Y)]),
        (D(2025, 12, 31), "计提折旧", [("510103", 165_000 * Y), ("1502", -165_000 * Y)]),
        (D(2025, 3, 5), "收取押金", [("100202", 42_000 * Y), ("220901", -42_000 * Y)]),
        (D(2025, 7, 18), "退还押金", [("220901", 24_000 * Y), ("100202", -24_000 * Y)]),
        (D(2025, 9, 2), "押金扣除（急诊费用）", [("220901", 1_200 * Y), ("100202", -1_200 * Y)]),
        (D(2025, 12, 21), "押金专户结息", [("100202", 360 * Y), ("220901", -360 * Y)]),
    ]
    return out


def _net(entries: list[Entry]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for _, _, lines in entries:
        for a, v in lines:
            out[a] += v
    return dict(out)


def _add(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return {k: v for k, v in out.items() if v}


def closing_entry(year: int, movements: dict[str, int]) -> Entry:
    """年末结转: income and expenses to 非限定性 / 限定性 净资产."""
    lines, unrestricted, restricted = [], 0, 0
    for a, v in sorted(movements.items()):
        if a[0] in "45" and v:
            lines.append((a, -v))
            if CHART_2004.get(a).restricted:
                restricted += v
            else:
                unrestricted += v
    lines += [("3101", unrestricted), ("3102", restricted)]
    return D(year, 12, 31), "年末结转", [x for x in lines if x[1]]


def books(year: int, opening: dict[str, int], entries: list[Entry], eid: int = 1) -> tuple[S.YearBooks, Entry]:
    movements = _net(entries)
    close = closing_entry(year, movements)
    closing = _add(_add(opening, movements), _net([close]))
    moves = []
    for i, (day, memo, lines) in enumerate(entries, start=eid):
        moves += S.cash_moves_of_entry(i, day, [(a, v, memo) for a, v in lines])
    return S.YearBooks(year, opening, closing, movements, tuple(moves)), close


def statements(trial_gap: int = 0) -> S.StatementSet:
    last, _ = books(2024, OPENING_2024, entries_2024())
    this, _ = books(2025, last.closing, entries_2025(), eid=100)
    debit = sum(v for v in this.closing.values() if v > 0)
    credit = -sum(v for v in this.closing.values() if v < 0)
    return S.draw(S.load_templates(), this, last, (debit, credit + trial_gap))


CENTRE = CentreFacts(
    name="阳光社区养老服务中心", credit_code="52500112MJP123456X", kind="民办非企业单位（社会服务机构）",
    address="重庆市渝北区龙溪街道松石支路123号", phone="023-6788 1234", legal_representative="王建国",
    bank_name="重庆农村商业银行渝北支行", bank_account_no="0101 0120 0000 5678",
    escrow_bank="重庆农村商业银行渝北支行", escrow_account_name="阳光社区养老服务中心押金专户",
    escrow_account_no="0101 0120 0000 1234", approved_beds=120, beds=120, nursing_beds=66, staff_count=38,
    profile_name="重庆市渝北区（默认）",
)

FEES = (
    FeeStandard("床位费", "普通床位（双人间）", "元/月", 180_000, D(2024, 1, 1)),
    FeeStandard("床位费", "护理型床位（单人间）", "元/月", 260_000, D(2025, 7, 1)),
    FeeStandard("护理费", "介护一级", "元/月", 150_000, D(2025, 7, 1)),
    FeeStandard("伙食费", "伙食费", "元/日", 3_000, D(2023, 1, 1)),
    FeeStandard("其他", "陪同就医", "元/次", 8_000, None),
    FeeStandard("其他", "代购药品", "按实际", None, None),
)

PRICE_CHANGES = (
    PriceChange("护理型床位（单人间）", D(2025, 7, 1), 240_000, 260_000, D(2025, 5, 30), "人工成本上涨"),
    PriceChange("介护一级", D(2025, 7, 1), 140_000, 150_000, D(2025, 5, 30), "护理员工资调整"),
    PriceChange("陪同就医", D(2025, 3, 1), None, 8_000, D(2025, 2, 1), "新增服务项目"),
)

ESCROW = EscrowYear(
    opening_fen=150_000 * Y, received_fen=42_000 * Y, deducted_fen=1_200 * Y, refunded_fen=24_000 * Y,
    interest_fen=360 * Y, closing_fen=167_160 * Y, bank_closing_fen=167_160 * Y, residents_holding=98,
    refunds_overdue=1, refunds_overdue_fen=3_000 * Y, over_cap=0, over_cap_fen=0,
)

SUBSIDIES = (
    SubsidyLine("运营补贴", "440102", 180_000 * Y, False),
    SubsidyLine("服务补贴", "440104", 100_000 * Y, False),
    SubsidyLine("限定性补助（适老化设备）", "440110", 200_000 * Y, True),
)

OCCUPANCY = Occupancy(
    days=365, beds=120, bed_days=43_800, occupied_bed_days=35_040, rate=Decimal("0.8"), nursing_beds=66,
    nursing_share=Decimal("0.55"), nursing_target_percent=55, residents_start=92, residents_end=98, admissions=30,
    discharges=24,
)

WORK_REPORT = ("2025年，本中心严格遵守《养老机构管理办法》，全年未发生安全责任事故。\n\n"
               "全年新入住老人30人，退住24人；开展适老化改造，购置助浴、助行设备，"
               "护理型床位占比达到55%。\n\n本年度接受社会捐赠2万元，全部用于老人文体活动。")


def context(trial_gap: int = 0, work_report: str = WORK_REPORT) -> DisclosureContext:
    return DisclosureContext(
        year=2025, centre=CENTRE, statements=statements(trial_gap), fees=FEES, price_changes=PRICE_CHANGES,
        escrow=ESCROW, subsidies=SUBSIDIES, occupancy=OCCUPANCY, work_report=work_report,
        prepaid_fen=36_000 * Y + 167_160 * Y, net_fixed_assets_fen=2_435_000 * Y, due_date=D(2026, 3, 31),
        prepared_on=D(2026, 3, 12), prepared_by="李会计", year_closed=True,
    )


# --- the books of the same year ---------------------------------------------------

def _all_2025() -> tuple[dict[str, int], list[Entry]]:
    last, _ = books(2024, OPENING_2024, entries_2024())
    _, close_2025 = books(2025, last.closing, entries_2025(), eid=100)
    return last.closing, entries_2025() + [close_2025]


def trial_balance() -> YearTrialBalance:
    opening, entries = _all_2025()
    debit: dict[str, int] = defaultdict(int)
    credit: dict[str, int] = defaultdict(int)
    for _, _, lines in entries:
        for a, v in lines:
            if v > 0:
                debit[a] += v
            else:
                credit[a] -= v
    leaves = sorted(set(opening) | set(debit) | set(credit))
    codes = sorted(set(leaves) | {a[:4] for a in leaves})
    rows = []
    for code in codes:
        kids = [a for a in leaves if a.startswith(code)]
        o = sum(opening.get(a, 0) for a in kids)
        d = sum(debit[a] for a in kids)
        c = sum(credit[a] for a in kids)
        e = o + d - c
        rows.append(YearTrialRow(code, CHART_2004.name(code), 1 if len(code) == 4 else 2, max(o, 0), max(-o, 0),
                                 d, c, max(e, 0), max(-e, 0)))
    return YearTrialBalance(2025, D(2025, 1, 1), D(2025, 12, 31), tuple(rows))


def general_ledger(codes: tuple[str, ...] = ("1002", "220901", "4301", "5101")) -> list[GeneralLedgerAccount]:
    opening, entries = _all_2025()
    out = []
    for code in codes:
        sign = 1 if code[0] in "15" else -1
        bal = sign * sum(v for a, v in opening.items() if a.startswith(code))
        months = []
        for m in range(1, 13):
            d = sum(v for day, _, lines in entries if day.month == m for a, v in lines if a.startswith(code) and v > 0)
            c = -sum(v for day, _, lines in entries if day.month == m for a, v in lines if a.startswith(code) and v < 0)
            bal += sign * (d - c)
            months.append(LedgerMonth(f"2025-{m:02d}", d, c, bal))
        out.append(GeneralLedgerAccount(code, CHART_2004.name(code), "借" if sign > 0 else "贷",
                                        months[0].balance - sign * (months[0].debit - months[0].credit),
                                        tuple(months)))
    return out


def account_detail(code: str = "100202") -> AccountDetail:
    opening, entries = _all_2025()
    sign = 1 if code[0] in "15" else -1
    bal = start = sign * opening.get(code, 0)
    lines = []
    dated = sorted(((day, memo, v, i) for i, (day, memo, ls) in enumerate(entries, start=100)
                    for a, v in ls if a == code), key=lambda x: (x[0], x[3]))
    for day, memo, v, eid in dated:
        bal += sign * v
        lines.append(DetailLine(eid, day, f"记-{eid:04d}", "凭证", memo, max(v, 0), max(-v, 0), bal,
                                "张三" if "押金" in memo else ""))
    return AccountDetail(code, CHART_2004.name(code), "借" if sign > 0 else "贷", D(2025, 1, 1), D(2025, 12, 31),
                         start, tuple(lines))
