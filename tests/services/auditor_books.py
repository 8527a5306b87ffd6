"""Write services of the accountant's books (vouchers, chart, opening
balances, fixed assets, year-end close), for the auditor test
(tests/services/test_users_and_permissions.py)."""
import datetime as dt

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.ledger import Line
from eldercare_desktop.services import assets, books, year_end


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    D = dt.date
    asset = assets.AssetInput("康复训练设备", "专用设备", 3_600_000, D(2026, 3, 1), 60)
    return {
        "books.add_account": lambda: books.add_account(ctx, "1122", "112201", "职工借款"),
        "books.add_voucher": lambda: books.add_voucher(ctx, B.expense("purchase", D(2026, 5, 1), "采购食材",
                                                                      {"业务": 10_000})),
        "books.review": lambda: books.review(ctx, [1]),
        "books.void": lambda: books.void(ctx, 1, "录错"),
        "books.reverse": lambda: books.reverse(ctx, 1, D(2026, 5, 1), "更正"),
        "books.import_vouchers": lambda: books.import_vouchers(ctx, books.import_template()),
        "books.enter_opening_balances": lambda: books.enter_opening_balances(ctx, D(2026, 1, 1), (
            Line("100201", debit=100), Line("3101", credit=100))),
        "assets.buy_asset": lambda: assets.buy_asset(ctx, asset, D(2026, 3, 1)),
        "assets.register_asset": lambda: assets.register_asset(ctx, asset),
        "assets.depreciate": lambda: assets.depreciate(ctx, "2026-04"),
        "year_end.close_year": lambda: year_end.close_year(ctx, 2025),
    }
