"""Screen logic of the residents list: columns, cell text, filtering, sorting
and which actions a resident's status allows. Pure Python (no Qt): the Qt
model in ui/pages/residents.py only reads ``ResidentsList.visible``.

Filtering is a substring test over one precomputed lower-case key per row
(name, full pinyin, initials, ID number, bed code, phone), so a keystroke over
10,000 rows costs a few milliseconds; a query that extends the previous one
only re-filters the previous result."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Sequence

from ..domain.identity import age_on
from ..domain.records import ResidentRow
from ..domain.residents import ResidentStatus

# -- columns ----------------------------------------------------------------

NAME, GENDER, AGE, STATUS, BED, ADMISSION, LEFT_DATE, ID_NUMBER, HUKOU, CATEGORIES, PHONE = range(11)

#: column keys in display order (the Qt model supplies translated headers)
COLUMN_KEYS = ("name", "gender", "age", "status", "bed", "admission", "left_date", "id_number", "hukou",
               "categories", "phone")

#: the default order of the list: bed code (natural order), then name; residents without a bed last
DEFAULT_SORT_COLUMN = 4

# -- status filter ----------------------------------------------------------

ALL = "all"
IN_RESIDENCE = "in"
ON_LEAVE = "leave"
LEFT = "left"  # 已离院 = 退住 + 去世

STATUS_FILTERS: dict[str, frozenset[str] | None] = {
    ALL: None,
    IN_RESIDENCE: frozenset({ResidentStatus.IN_RESIDENCE.value}),
    ON_LEAVE: frozenset({ResidentStatus.ON_LEAVE.value}),
    LEFT: frozenset({ResidentStatus.DISCHARGED.value, ResidentStatus.DECEASED.value}),
}

# -- actions ----------------------------------------------------------------

EDIT, MOVE_BED, LEAVE, RETURN, DISCHARGE, DEATH, READMIT = (
    "edit", "move_bed", "leave", "return", "discharge", "death", "readmit",
)

_ACTIVE = {ResidentStatus.IN_RESIDENCE.value, ResidentStatus.ON_LEAVE.value}

_ALLOWED: dict[str, frozenset[str]] = {
    ResidentStatus.IN_RESIDENCE.value: frozenset({EDIT, MOVE_BED, LEAVE, DISCHARGE, DEATH}),
    ResidentStatus.ON_LEAVE.value: frozenset({EDIT, MOVE_BED, RETURN, DISCHARGE, DEATH}),
    ResidentStatus.DISCHARGED.value: frozenset({EDIT, READMIT}),
    ResidentStatus.DECEASED.value: frozenset({EDIT}),
}


def allowed_actions(status: str | None) -> frozenset[str]:
    """Actions on an existing resident that the status allows (the service
    checks again; this only decides which buttons are enabled)."""
    if status is None:
        return frozenset()
    return _ALLOWED.get(status, frozenset({EDIT}))


def is_active(status: str) -> bool:
    return status in _ACTIVE


# -- formatting -------------------------------------------------------------

def fmt_date(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def row_key(r: ResidentRow) -> str:
    """The lower-case text a search query is matched against."""
    return r.search_key


def normalise_query(text: str) -> str:
    return "".join((text or "").split()).lower()


@dataclass
class _Sort:
    column: int = -1  # -1: the order the service returned (by id)
    descending: bool = False


class ResidentsList:
    """The residents shown on the page: all rows, the filter, the sort.

    ``visible`` is the list the table shows, in order."""

    def __init__(self, today: Callable[[], dt.date] | dt.date):
        self._today = today if callable(today) else (lambda: today)
        self._rows: list[ResidentRow] = []
        self._keys: list[str] = []
        self._query = ""
        self._status = ALL
        self._sort = _Sort()
        # (query, status) -> indices into _rows, for incremental filtering
        self._last: tuple[str, str, list[int]] | None = None
        self._indices: list[int] = []
        self.visible: list[ResidentRow] = []
        #: resident id -> (start, end) of the last stay, for residents who have left
        #: (ResidentRow carries the admission date of a current stay only)
        self.last_stays: dict[int, tuple[dt.date | None, dt.date | None]] = {}

    # -- inputs ---------------------------------------------------------------
    @property
    def today(self) -> dt.date:
        return self._today()

    @property
    def query(self) -> str:
        return self._query

    @property
    def status_filter(self) -> str:
        return self._status

    @property
    def total(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Sequence[ResidentRow]) -> None:
        self._rows = list(rows)
        self._keys = [row_key(r) for r in self._rows]
        self._last = None
        self._refresh()

    def set_query(self, text: str) -> bool:
        """Returns True when the visible rows may have changed."""
        q = normalise_query(text)
        if q == self._query:
            return False
        self._query = q
        self._refresh()
        return True

    def set_status_filter(self, key: str) -> bool:
        if key not in STATUS_FILTERS:
            raise ValueError(key)
        if key == self._status:
            return False
        self._status = key
        self._refresh()
        return True

    def sort(self, column: int, descending: bool = False) -> None:
        self._sort = _Sort(column, descending)
        self._apply_sort()

    @property
    def sort_column(self) -> int:
        return self._sort.column

    @property
    def sort_descending(self) -> bool:
        return self._sort.descending

    # -- lookups --------------------------------------------------------------
    def row_of(self, resident_id: int) -> int | None:
        for i, r in enumerate(self.visible):
            if r.id == resident_id:
                return i
        return None

    def find(self, resident_id: int) -> ResidentRow | None:
        return next((r for r in self._rows if r.id == resident_id), None)

    def set_last_stays(self, stays: dict[int, tuple[dt.date | None, dt.date | None]]) -> None:
        """The last stay of residents who have left (loaded after the list)."""
        self.last_stays = dict(stays)
        if self._sort.column in (ADMISSION, LEFT_DATE, AGE):
            self._apply_sort()

    def admission(self, r: ResidentRow) -> dt.date | None:
        if r.admission_date is not None or is_active(r.status):
            return r.admission_date
        return self.last_stays.get(r.id, (None, None))[0]

    def left_on(self, r: ResidentRow) -> dt.date | None:
        """The last day of the last stay of a resident who has left (None while in residence)."""
        if is_active(r.status):
            return None
        return self.last_stays.get(r.id, (None, None))[1]

    def age(self, r: ResidentRow) -> int:
        """Age today; a deceased resident's age is frozen at the date of death
        (the last day of the last stay) once that is known."""
        if r.status == ResidentStatus.DECEASED.value:
            end = self.left_on(r)
            if end is not None:
                return age_on(r.birth_date, end)
        return age_on(r.birth_date, self.today)

    def cell(self, r: ResidentRow, column: int) -> str:
        if column == NAME:
            return r.name
        if column == GENDER:
            return r.gender
        if column == AGE:
            return str(self.age(r))
        if column == STATUS:
            return r.status
        if column == BED:
            return r.bed_code
        if column == ADMISSION:
            return fmt_date(self.admission(r))
        if column == LEFT_DATE:
            return fmt_date(self.left_on(r))
        if column == ID_NUMBER:
            return r.id_number
        if column == HUKOU:
            return r.hukou
        if column == CATEGORIES:
            return r.categories.replace(",", "、")
        if column == PHONE:
            return r.phone
        return ""

    def counts(self) -> dict[str, int]:
        """Residents per status filter, for the filter's labels."""
        out = {k: 0 for k in STATUS_FILTERS}
        out[ALL] = len(self._rows)
        for r in self._rows:
            for k, statuses in STATUS_FILTERS.items():
                if statuses is not None and r.status in statuses:
                    out[k] += 1
        return out

    # -- work -----------------------------------------------------------------
    def _refresh(self) -> None:
        q, status = self._query, self._status
        statuses = STATUS_FILTERS[status]
        last = self._last
        if last is not None and last[1] == status and q.startswith(last[0]):
            candidates = last[2]  # narrowing the previous query: re-filter its result
        else:
            candidates = range(len(self._rows))
        rows, keys = self._rows, self._keys
        if statuses is None:
            if q:
                idx = [i for i in candidates if q in keys[i]]
            else:
                idx = list(candidates)
        elif q:
            idx = [i for i in candidates if q in keys[i] and rows[i].status in statuses]
        else:
            idx = [i for i in candidates if rows[i].status in statuses]
        self._last = (q, status, idx)
        self._indices = idx
        self._apply_sort()

    def _apply_sort(self) -> None:
        rows = self._rows
        idx = self._indices
        col = self._sort.column
        if col >= 0:
            key = _sort_key(col, self)
            descending = self._sort.descending
            if col == AGE:  # ascending age = latest birth date first
                descending = not descending
            idx = sorted(idx, key=lambda i: key(rows[i]), reverse=descending)
        self.visible = [rows[i] for i in idx]


def _none_last(value):
    return (value is None or value == "", value if value is not None else "")


def _sort_key(column: int, lst: "ResidentsList | None" = None) -> Callable[[ResidentRow], object]:
    if column == NAME:
        return lambda r: (r.name_pinyin, r.name)
    if column == GENDER:
        return lambda r: r.gender
    if column == AGE:
        if lst is not None:  # the deceased's age is frozen: sort by the age shown
            return lambda r: (-lst.age(r), r.birth_date)
        return lambda r: r.birth_date
    if column == STATUS:
        order = {s.value: i for i, s in enumerate(ResidentStatus)}
        return lambda r: (order.get(r.status, 99), r.name_pinyin)
    if column == BED:
        return lambda r: (r.bed_code == "", _natural(r.bed_code), r.name_pinyin, r.name)
    if column == ADMISSION:
        if lst is not None:
            return lambda r: (lst.admission(r) is None, lst.admission(r) or dt.date.min)
        return lambda r: (r.admission_date is None, r.admission_date or dt.date.min)
    if column == LEFT_DATE:
        if lst is not None:
            return lambda r: (lst.left_on(r) is None, lst.left_on(r) or dt.date.min)
        return lambda r: r.id
    if column == ID_NUMBER:
        return lambda r: r.id_number
    if column == HUKOU:
        return lambda r: _none_last(r.hukou)
    if column == CATEGORIES:
        return lambda r: _none_last(r.categories)
    if column == PHONE:
        return lambda r: _none_last(r.phone)
    return lambda r: r.id


def _natural(text: str) -> tuple:
    """A101-2 < A101-10: digits compare as numbers."""
    out: list[object] = []
    num = ""
    for ch in text:
        if ch.isdigit():
            num += ch
        else:
            if num:
                out.append((1, int(num), ""))
                num = ""
            out.append((0, 0, ch))
    if num:
        out.append((1, int(num), ""))
    return tuple(out)
