"""Which days a mention's date covers, and how two such spans relate.

Every merge rule starts from the dates: two mentions can be one happening only
when their spans are equal, one contains the other, or two precise dates lie a
few days apart (`NEAR_DAYS`, a conflict the timeline flags). Two periods (both
longer than `LONG_DAYS`, such as fiscal years) must share at least half of the
shorter one; a few days between them make consecutive periods, not near ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from chronicle.model import Mention

PRECISE = frozenset({"day", "range"})
"""Precisions that pin a happening to named days."""

NEAR_DAYS = 3
"""Precise dates this close may still be one event reported inconsistently (flagged)."""

LONG_DAYS = 31
"""Spans longer than this are periods (a fiscal year, a season), not a happening's days."""


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar (no overflow at year 1 or 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


@dataclass(frozen=True, slots=True)
class Span:
    """The days a mention's date covers."""

    start: date
    end: date
    precise: bool


def span_of(mention: Mention) -> Span | None:
    """The interval a mention's date covers, or None when it is unresolved."""
    d = mention.date
    if d.date_start is None or d.date_end is None:
        return None
    return Span(d.date_start, d.date_end, d.precision in PRECISE)


def date_relation(a: Span, b: Span) -> str:
    """How two date spans relate: 'equal', 'contains', 'nested', 'near' or 'apart'.

    'contains' means a coarse date (a year, a month) covers the other date, which is
    how a vague and an exact report of one happening look. 'nested' means both are
    precise and one lies strictly inside the other (a meeting inside a visit).
    """
    if a.start == b.start and a.end == b.end:
        return "equal"
    overlap = a.start <= b.end and b.start <= a.end
    a_in_b = b.start <= a.start and a.end <= b.end
    b_in_a = a.start <= b.start and b.end <= a.end
    if a_in_b or b_in_a:
        outer = b if a_in_b else a
        return "nested" if outer.precise else "contains"
    if periods_apart(a, b):
        return "apart"
    if overlap:
        return "near" if a.precise and b.precise else "contains"
    if a.precise and b.precise and _gap(a, b) <= NEAR_DAYS:
        return "near"
    return "apart"


def _days(span: Span) -> int:
    return (span.end - span.start).days + 1


def _gap(a: Span, b: Span) -> int:
    """Days from the end of the earlier span to the start of the later (they do not meet)."""
    return (b.start - a.end).days if a.end < b.start else (a.start - b.end).days


def _shared_days(a: Span, b: Span) -> int:
    return (min(a.end, b.end) - max(a.start, b.start)).days + 1


def periods(a: Span, b: Span) -> bool:
    """True when both spans are periods (`LONG_DAYS`), not a happening's few days."""
    return min(_days(a), _days(b)) > LONG_DAYS


def periods_apart(a: Span, b: Span) -> str | None:
    """Why two periods whose days meet, or nearly do, are still two: 'overlap' when they
    share less than half of the shorter one (consecutive fiscal years read under two
    conventions, April-March and July-June, share a quarter; two readings of one fiscal
    year three quarters), 'consecutive' when precise ones lie a few days apart (which
    days of a happening would be, "near"); None otherwise."""
    if not periods(a, b):
        return None
    if a.start <= b.end and b.start <= a.end:
        return "overlap" if 2 * _shared_days(a, b) < min(_days(a), _days(b)) else None
    return "consecutive" if a.precise and b.precise and _gap(a, b) <= NEAR_DAYS else None
