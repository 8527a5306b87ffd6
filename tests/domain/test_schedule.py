import datetime as dt

import pytest

from eldercare_desktop.domain.schedule import DUE_SOON, NEVER, OVERDUE, REQUESTED, add_months, due_state

D = dt.date


@pytest.mark.parametrize(
    "start, months, due",
    [
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # leap year
        (D(2023, 8, 29), 6, D(2024, 2, 29)),
        (D(2024, 2, 29), 6, D(2024, 8, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 7, 15), 6, D(2027, 1, 15)),  # across a year end
    ],
)
def test_add_months(start, months, due):
    assert add_months(start, months) == due


def test_overdue_and_due_soon_across_month_end():
    # last assessed 2025-08-31: due 2026-02-28
    assert due_state(D(2026, 2, 28), D(2025, 8, 31), None, 6).state == DUE_SOON  # due today
    s = due_state(D(2026, 3, 1), D(2025, 8, 31), None, 6)
    assert (s.state, s.days_left) == (OVERDUE, -1)
    s = due_state(D(2026, 1, 29), D(2025, 8, 31), None, 6)
    assert (s.state, s.days_left) == (DUE_SOON, 30)
    assert due_state(D(2026, 1, 28), D(2025, 8, 31), None, 6).state == ""  # 31 days left


def test_leap_day():
    # assessed 2023-08-31 → due 2024-02-29: on the leap day due, the day after overdue
    assert due_state(D(2024, 2, 29), D(2023, 8, 31), None, 6).days_left == 0
    assert due_state(D(2024, 3, 1), D(2023, 8, 31), None, 6).state == OVERDUE
    assert due_state(D(2024, 1, 30), D(2023, 8, 31), None, 6).state == DUE_SOON  # 30 days incl. the 29th


def test_never_assessed_and_requested():
    s = due_state(D(2026, 11, 25), None, D(2026, 11, 1), 6)
    assert (s.state, s.reason, s.due_date) == (OVERDUE, NEVER, D(2026, 11, 1))
    s = due_state(D(2026, 11, 25), D(2026, 10, 1), D(2026, 1, 1), 6, requested_on=D(2026, 11, 20))
    assert (s.state, s.reason, s.days_left) == (OVERDUE, REQUESTED, -5)
    # a request older than the last assessment is already answered
    assert due_state(D(2026, 11, 25), D(2026, 11, 21), None, 6, requested_on=D(2026, 11, 20)).state == ""
