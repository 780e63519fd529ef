"""Which period does a table cell name? A year, a fiscal year, a quarter, a month, a day or
a span of years, with its first and last day.

Tables write periods tersely ("2016", "2012-13", "FY2019-20", "Q3 2019", "Jan-19",
"2019-01"); forms with month words ("January 2019", "Jul–Sep 2019", "30 June 2019") are
left to the date finder, which already reads them. Which months a fiscal year such as
"2012-13" covers is `chronicle.ingest.dates.fiscal`'s answer, asked once per table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.fiscal import fiscal_span
from chronicle.ingest.dates.names import MONTH_NAMES, month_number
from chronicle.ingest.dates.resolve import year_range_end
from chronicle.ingest.dates.spans import month_span, quarter_span, shift_month, year_span


@dataclass(frozen=True, slots=True)
class Period:
    """A period a cell names: its precision (see `chronicle.model.SERIES_PRECISIONS`) and days."""

    precision: str
    start: date
    end: date


_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*[-–—/]\s*"
_BARE_YEAR = re.compile(rf"^(?P<y>{_YEAR})$")
_TWO_YEARS = re.compile(
    rf"^(?P<fy>(?i:FY|fiscal(?:\s+year)?)\s*)?(?P<y>{_YEAR}){_DASH}(?P<y2>\d{{2}}|{_YEAR})$"
)
""""2012-13", "2012/13", "FY2019-20", "2012–2016" (a span of years)."""
_QUARTER = re.compile(
    rf"^(?:Q(?P<q>[1-4])\s*[-–]?\s*(?P<fy>FY\s*)?(?P<y>{_YEAR})(?:{_DASH}(?P<y2>\d{{2}}))?"
    rf"|(?P<y3>{_YEAR})\s*[-–]?\s*Q(?P<q2>[1-4])|(?P<q3>[1-4])Q\s*(?P<y4>{_YEAR}))$",
    re.I,
)
""""Q1 2019", "Q1-2019", "2019 Q1", "2019-Q1", "1Q2019", "Q2 FY2019-20", "Q2 2019-20"."""
_NUMERIC_MONTH = re.compile(rf"^(?P<y>{_YEAR})[-/.](?P<m>0[1-9]|1[0-2])$")
"""ISO-like months: "2019-01", "2019/01"."""
_MONTH_YY = re.compile(r"^(?P<m>[A-Za-z]{3,9})\.?[-\s'’](?P<yy>\d{2})$")
"""A spreadsheet's month: "Jan-19", "Sep 19", "Mar'20"."""
_MONTH_WORDS = re.compile(
    "|".join(name[:3] for name in MONTH_NAMES), re.I
)  # a cell with a month in it goes to the date finder


def parse_period(cell: str, fiscal_start: int | None) -> Period | None:
    """The period `cell` names and nothing else, or None.

    Args:
        cell: One table cell, as cleaned ("2012-13", "Q3 2019", "January 2019").
        fiscal_start: The month the table's fiscal years start in (None: not known).
    """
    text = cell.strip().rstrip("*†‡").strip()
    if not text:
        return None
    if match := _BARE_YEAR.match(text):
        return Period("year", *year_span(int(match["y"])))
    if (match := _TWO_YEARS.match(text)) and (years := _two_years(match, fiscal_start)):
        return years  # "2011-12" is a fiscal year before it is a month
    if match := _QUARTER.match(text):
        return _quarter(match, fiscal_start)
    if match := _NUMERIC_MONTH.match(text):
        return Period("month", *month_span(int(match["y"]), int(match["m"])))
    if (match := _MONTH_YY.match(text)) and (month := month_number(match["m"])):
        return Period("month", *month_span(2000 + int(match["yy"]), month))
    if _MONTH_WORDS.search(text):
        return _named(text)
    return None


def _two_years(match: re.Match[str], fiscal_start: int | None) -> Period | None:
    """A fiscal year ("2012-13", "FY2019-20", "2012/13") or a span of years ("2012–2016").

    As the date finder reads them: two consecutive years written with two digits for the
    second, or after "FY", are a budget year; two four-digit years are the years between.
    """
    first = int(match["y"])
    last = year_range_end(first, match["y2"])
    if last is None:
        return None
    if last == first + 1 and (match["fy"] or len(match["y2"]) == 2 or "/" in match.group()):
        return fiscal_year(first, fiscal_start)
    return Period("range", year_span(first)[0], year_span(last)[1])


def fiscal_year(first: int, fiscal_start: int | None) -> Period:
    """The fiscal year that starts in `first`, by the convention the table follows; when
    none is known, the span the date finder gives a budget year of unknown convention."""
    span = fiscal_span(first, first + 1, fiscal_start)
    if span is None:
        found = find_dates(f"FY {first}-{(first + 1) % 100:02d}")
        span = (found[0].date_start, found[0].date_end)
    return Period("fiscal_year", *span)


def _quarter(match: re.Match[str], fiscal_start: int | None) -> Period | None:
    number = int(match["q"] or match["q2"] or match["q3"])
    year = int(match["y"] or match["y3"] or match["y4"])
    if not (match["fy"] or match["y2"]):
        return Period("quarter", *quarter_span(year, number))
    if fiscal_start is None or fiscal_start == 1:
        return None  # a fiscal quarter of an unknown convention names no months
    first_year, first_month = shift_month(year, fiscal_start, 3 * (number - 1))
    last_year, last_month = shift_month(first_year, first_month, 2)
    return Period(
        "quarter", month_span(first_year, first_month)[0], month_span(last_year, last_month)[1]
    )


def _named(text: str) -> Period | None:
    """A period written with month words, read by the date finder: one date, whole cell."""
    found = find_dates(text)
    if len(found) != 1 or found[0].start != 0 or found[0].end < len(text.rstrip(".")):
        return None
    match = found[0]
    if match.date_start is None or match.date_end is None:
        return None
    if match.precision in ("day", "month"):
        return Period(match.precision, match.date_start, match.date_end)
    if match.precision != "range":
        return None
    start, end = match.date_start, match.date_end
    if start.day == 1 and end == month_span(end.year, end.month)[1]:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        calendar_quarter = months == 3 and start.month % 3 == 1
        return Period("quarter" if calendar_quarter else "range", start, end)
    return None
