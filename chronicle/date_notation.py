"""How chronicle writes an event's date, everywhere (timeline, detail pane, comparison,
commands, copies): its span as precisely as its sources give it.

A day is `2011-02-21`, a span within a month `2011-02-21–23`, within a year
`2011-02-21–03-02`; a month `2019-04`, a year `2018`, whole years `2011–2013`; a
fiscal year (twelve whole months from a month other than January, as the date
finder stores "FY2016-17") `2016–17 FY`. An approximate date ("early March",
"the past five years") is rounded out to whole months or years and marked `c.`.
Days into a later year show that year as the end (`2011-12-30–2012`).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

WIDTH = 16
"""Cells the longest label takes ("2011-02-21–03-02"); the timeline's column is this wide."""

UNDATED = "undated"
APPROXIMATE = "c. "
_ROUGH_MODIFIERS = frozenset({"about", "around", "circa", "approximately", "roughly"})
"""Modifiers that make any date approximate ("about three years ago")."""


def date_label(start: str | None, end: str | None, precision: str, modifier: str = "") -> str:
    """The date cell for a span given as ISO days, its precision and modifier (if any)."""
    if start is None:
        return UNDATED
    first = date.fromisoformat(start)
    last = date.fromisoformat(end) if end else first
    last = max(last, first)
    if precision == "approximate" or modifier in _ROUGH_MODIFIERS:
        return APPROXIMATE + _rough(first, last)
    return _exact(first, last)


def _exact(first: date, last: date) -> str:
    if _month_start(first) and _month_end(last):
        return _months(first, last)
    if first == last:
        return first.isoformat()
    head = first.isoformat()
    if first.year != last.year:
        return f"{head}–{last.year}"
    if first.month == last.month:
        return f"{head}–{last.day:02d}"
    return f"{head}–{last.month:02d}-{last.day:02d}"


def _months(first: date, last: date) -> str:
    """A span of whole months: one month, a year, years, a fiscal year or months."""
    if (first.month, last.month) == (1, 12):
        return _years(first.year, last.year)
    if fiscal_year(first, last):
        return _fiscal(first.year)
    if first.year == last.year:
        head = f"{first.year}-{first.month:02d}"
        return head if first.month == last.month else f"{head}–{last.month:02d}"
    return f"{first.year}-{first.month:02d}–{last.year}-{last.month:02d}"


def _rough(first: date, last: date) -> str:
    """An approximate span: whole months within a year, else whole years."""
    if fiscal_year(date(first.year, first.month, 1), _last_of_month(last)):
        return _fiscal(first.year)
    if first.year != last.year:
        return _years(first.year, last.year)
    if (first.month, last.month) == (1, 12):
        return str(first.year)
    head = f"{first.year}-{first.month:02d}"
    return head if first.month == last.month else f"{head}–{last.month:02d}"


def fiscal_year(first: date, last: date) -> bool:
    """Whether whole months from `first` to `last` are a fiscal year: they start on the
    first of a month other than January and end in the next year twelve to fifteen months
    later (fifteen when the text's convention is unknown: April to the June after)."""
    if first.month == 1 or first.day != 1 or not _month_end(last):
        return False
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year == first.year + 1 and 12 <= months <= 15


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _fiscal(year: int) -> str:
    return f"{year}–{(year + 1) % 100:02d} FY"


def _month_start(day: date) -> bool:
    return day.day == 1


def _month_end(day: date) -> bool:
    return day.day == monthrange(day.year, day.month)[1]


def _last_of_month(day: date) -> date:
    return date(day.year, day.month, monthrange(day.year, day.month)[1])
