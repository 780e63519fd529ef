"""Calendar spans: the first and last day of a month, year, quarter, season or week, and
the early/mid/late parts of any of them.

Pure date arithmetic shared by the date resolvers; month steps use
``dateutil.relativedelta`` (it knows month lengths and year ends).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from chronicle.ingest.dates.names import SEASONS

Span = tuple[date, date]
"""First and last day, both included."""


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None when the day does not exist (30 February)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_span(y: int, m: int) -> Span:
    """The first and last day of a month."""
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def year_span(y: int) -> Span:
    """The first and last day of a year."""
    return date(y, 1, 1), date(y, 12, 31)


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after month ``m`` of year ``y`` (before, when negative)."""
    moved = date(y, m, 1) + relativedelta(months=n)
    return moved.year, moved.month


def sub_span(span: Span, mod: str) -> tuple[Span, str]:
    """Narrow a span for early/mid/late/end/beginning; returns (span, modifier)."""
    key = re.sub(r"^(the\s+)?", "", mod.lower()).split()[0]
    key = {"middle": "mid", "start": "beginning", "turn": "beginning"}.get(key, key)
    if key in ("pre", "post"):
        return span, "before" if key == "pre" else "after"
    a, b = span
    if a.month == 1 and a.day == 1 and (b.month, b.day) == (12, 31) and b.year > a.year:
        return _sub_units(a.year, b.year - a.year + 1, key, _year_unit_span), key  # decades
    if (
        a.day == 1
        and b == month_span(b.year, b.month)[1]
        and (a.year, a.month) != (b.year, b.month)
    ):
        first = a.year * 12 + a.month - 1
        count = b.year * 12 + b.month - first
        return _sub_units(first, count, key, _month_unit_span), key  # years, seasons
    n = (b - a).days + 1
    third = max(1, n // 3)
    parts = {
        "early": (a, a + timedelta(third - 1)),
        "mid": (a + timedelta(third), b - timedelta(third)),
        "late": (b - timedelta(third - 1), b),
        "end": (b - timedelta(max(1, n // 4) - 1), b),
        "beginning": (a, a + timedelta(max(1, n // 4) - 1)),
    }
    return parts[key], key


def _year_unit_span(first: int, last: int) -> Span:
    return date(first, 1, 1), date(last, 12, 31)


def _month_unit_span(first: int, last: int) -> Span:
    return date(first // 12, first % 12 + 1, 1), month_span(last // 12, last % 12 + 1)[1]


def _sub_units(first: int, count: int, key: str, to_span: Callable[[int, int], Span]) -> Span:
    """early/mid/late/end/beginning of ``count`` whole units starting at unit ``first``."""
    third, quarter = max(1, count // 3), max(1, count // 4)
    last = first + count - 1
    bounds = {
        "early": (first, first + third - 1),
        "mid": (first + third, last - third) if count > 2 else (first, last),
        "late": (last - third + 1, last),
        "end": (last - quarter + 1, last),
        "beginning": (first, first + quarter - 1),
    }[key]
    return to_span(*bounds)


def quarter_span(y: int, q: int) -> Span:
    """The first and last day of quarter ``q`` (1-4) of a year."""
    a = date(y, 3 * q - 2, 1)
    return a, month_span(y, 3 * q)[1]


def season_span(y: int, season: str) -> Span:
    """The three months of a season starting in year ``y`` (winter runs into the next)."""
    sm = SEASONS[season]
    ey, em = shift_month(y, sm, 2)
    return date(y, sm, 1), month_span(ey, em)[1]


def unit_span(unit: str, ref: date, n: int) -> tuple[Span, str]:
    """The calendar unit containing ``ref`` shifted by ``n`` units, with its precision."""
    if unit == "week":
        monday = ref - timedelta(ref.weekday()) + timedelta(7 * n)
        return (monday, monday + timedelta(6)), "approximate"
    if unit == "weekend":
        sat = ref - timedelta(ref.weekday()) + timedelta(7 * n + 5)
        return (sat, sat + timedelta(1)), "approximate"
    if unit == "month":
        return month_span(*shift_month(ref.year, ref.month, n)), "month"
    if unit == "quarter":
        qy, qm = shift_month(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * n)
        return quarter_span(qy, (qm + 2) // 3), "range"
    if unit == "year":
        return year_span(ref.year + n), "year"
    size = 10 if unit == "decade" else 100
    first = (ref.year // size + n) * size
    return (date(first, 1, 1), date(first + size - 1, 12, 31)), "approximate"
