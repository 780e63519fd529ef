"""Read a date the analyst types into a form as a span: first day, last day, precision.

A form shows an event's date as the app writes it everywhere
(`chronicle.date_notation`: `2011-02-21–23`, `2019-04`, `c. 2009`, `2016–17 FY`), so
that notation must read back as the span it came from; ISO dates and ranges with
`..` read too. Anything else is what the go-to-date prompt understands ("March 4,
2019", "early March 2019", "4/1/2018"): the date rules first, for a span, then
`goto_date.parse_target` for one day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from typing import NamedTuple

from chronicle.date_notation import UNDATED
from chronicle.tui.goto_date import parse_target

_SEPARATOR = re.compile(r"\s*(?:–|—|\.\.)\s*|\s+(?:to|-)\s+")
"""Between a span's ends: an en or em dash, `..`, or a spaced hyphen or "to"."""

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_FISCAL = re.compile(r"(\d{4})\s*[–—-]\s*(\d{2})\s+FY", re.IGNORECASE)
"""`2016–17 FY`: the notation's fiscal year."""

_ROUGH = re.compile(r"(?:c\.|ca\.|circa|~)\s*", re.IGNORECASE)
"""An approximate date's mark (the notation writes `c. `)."""


class Span(NamedTuple):
    """A date as an event holds it (None and "unresolved" for an undated one)."""

    start: date | None
    end: date | None
    precision: str


def parse_span(text: str) -> Span | None:
    """The span `text` names, or None when it names none.

    Args:
        text: "2018-01-04", "2011-02-21–23", "2019-04", "2018", "2011–2013",
            "c. 2009", "2016–17 FY", "undated", "2018-01-04..2018-01-06",
            "March 4, 2019", "early March 2019".

    Returns:
        The span; a whole fiscal year `2016–17 FY` runs from July to June (marked
        `c.`, the date rules' April to the June after, when no one knows which).
    """
    text = " ".join(text.split())
    if text.lower() == UNDATED:
        return Span(None, None, "unresolved")
    rough = _ROUGH.match(text)
    body = text[rough.end() :] if rough else text
    try:
        span = _notation(body, rough is not None)
    except ValueError:  # "2019-02-30": the shape of a date, no calendar day
        return None
    if span is None and not rough:
        span = _written(text)
    if span is None or span.end < span.start:  # type: ignore[operator]
        return None
    return span


def _notation(text: str, rough: bool) -> Span | None:
    fiscal = _FISCAL.fullmatch(text)
    if fiscal:
        return _fiscal(int(fiscal[1]), int(fiscal[2]), rough)
    parts = _SEPARATOR.split(text)
    if len(parts) > 2:
        return None
    first = _whole(parts[0])
    if first is None:
        return None
    start, end, precision = first
    if len(parts) == 2:
        end = _end_of(parts[1], start, precision)
        if end is None:
            return None
        precision = "range"
    return Span(start, end, "approximate" if rough else precision)


def _whole(text: str) -> tuple[date, date, str] | None:
    """A day, a month or a year written in full: its first and last day, precision."""
    if m := _DAY.fullmatch(text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := _MONTH.fullmatch(text):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), _month_end(year, month), "month"
    if _YEAR.fullmatch(text):
        return date(int(text), 1, 1), date(int(text), 12, 31), "year"
    return None


def _end_of(text: str, start: date, precision: str) -> date | None:
    """The last day of a span's second half, which leaves out what it shares with the
    first: `23` after a day, `03-02` after a day, `06` after a month, a year."""
    whole = _whole(text)
    if whole is not None:
        return whole[1]
    if precision == "day" and re.fullmatch(r"\d{2}", text):
        return date(start.year, start.month, int(text))
    if precision == "day" and (m := re.fullmatch(r"(\d{2})-(\d{2})", text)):
        return date(start.year, int(m[1]), int(m[2]))
    if precision == "month" and re.fullmatch(r"\d{2}", text):
        return _month_end(start.year, int(text))
    return None


def _fiscal(year: int, next_year: int, rough: bool) -> Span | None:
    if next_year != (year + 1) % 100:
        return None
    if rough:
        return Span(date(year, 4, 1), date(year + 1, 6, 30), "approximate")
    return Span(date(year, 7, 1), date(year + 1, 6, 30), "range")


def _written(text: str) -> Span | None:
    """What the go-to-date prompt reads: a span the date rules find in the whole text,
    else the one day `parse_target` names."""
    from chronicle.ingest.dates.finder import find_dates

    for match in find_dates(text, date.today()):
        whole = len(match.text) >= len(text.strip(" .,")) - 1
        if match.date_start and match.date_end and whole:
            return Span(match.date_start, match.date_end, match.precision)
    day = parse_target(text)
    return Span(day, day, "day") if day else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])
