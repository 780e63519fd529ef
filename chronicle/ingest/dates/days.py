"""The day forms of dates: reading a written day ("26 July 2022", "July 26", "2022-07-26",
"26/07/2022") into its fields, checking they make a date, and resolving it, with the
lists that name a month or a year once ("12 and 13 November", "May 3 and June 5, 2012").

Each day rule of ``date_rules`` names its field reader; ``day_check`` and
``day_resolver`` build the rule's check and resolver from it, so every day form is
validated and resolved the same way.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable

from chronicle.ingest.dates.context import Context, Resolution, has_group, implicit_year
from chronicle.ingest.dates.names import (
    DAY,
    MONTH_NAME,
    YEAR,
    holiday_day,
    month_number,
    weekday_number,
)
from chronicle.ingest.dates.narrative import year_by_word
from chronicle.ingest.dates.rule import Cand, Spotting
from chronicle.ingest.dates.spans import safe_date

Fields = tuple[int, int, int | None, int, int, int | None]
"""(month, day, year, end month, end day, year written after the first day) as written."""
DayFields = tuple[int, int, int | None, int, int, int | None, int | None]
"""(month, day, year, end month, end day, end year, weekday), years None when unwritten."""
FieldReader = Callable[[re.Match[str]], Fields]


def month_of(word: str) -> int:
    """The month a (known) month name in a match stands for."""
    return month_number(word) or 0


_DIGITS = re.compile(r"\d+")


def day_of(word: str) -> int:
    """The day number of a written day ("4th" -> 4)."""
    return int(_DIGITS.match(word).group(0))


def two_digit_year(yy: int) -> int:
    """The year a two-digit year stands for ("98" -> 1998, "18" -> 2018)."""
    return 2000 + yy if yy <= 40 else 1900 + yy


def _year(text: str | None) -> int | None:
    return int(text) if text else None


# --- reading the fields of each day form ------------------------------------------------------


def iso_fields(m: re.Match[str]) -> Fields:
    """2019-10-20 ; 19980303."""
    mo, d = int(m.group("mo")), int(m.group("d"))
    return mo, d, int(m.group("y")), mo, d, None


def numeric_fields(m: re.Match[str]) -> Fields:
    """08/07/1998 is month first unless the first number cannot be a month, or dots
    separate the numbers (8.7.1998 is European)."""
    a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
    written = m.group("y") or m.group("y2")
    year = two_digit_year(int(written)) if len(written) == 2 else int(written)
    if m.group("sep2") == "." or a > 12:
        a, b = b, a  # day first
    return a, b, year, a, b, None


def dmy_dash_fields(m: re.Match[str]) -> Fields:
    """4-Jan-2018 ; 04-JAN-18."""
    y = m.group("y")
    year = two_digit_year(int(y)) if len(y) == 2 else int(y)
    mo, d = month_of(m.group("m")), day_of(m.group("d"))
    return mo, d, year, mo, d, None


def mdy_fields(m: re.Match[str]) -> Fields:
    """January 4, 2018 ; Jan. 3-4 ; May 24 - June 2, 2012 ; December 30, 1978 - January 3, 1979."""
    mo, d = month_of(m.group("m")), day_of(m.group("d"))
    second = m.group("m2") or m.group("m2b")
    mo2 = month_of(second) if second else mo
    d2 = day_of(m.group("d2")) if m.group("d2") else d
    return mo, d, _year(m.group("y")), mo2, d2, _year(m.group("y0"))


def dmy_fields(m: re.Match[str]) -> Fields:
    """26 July 2022 ; 20-24 October ; 30 December 2018 - 2 January 2019."""
    mo2, d2 = month_of(m.group("m2")), day_of(m.group("d2"))
    mo = month_of(m.group("m")) if m.group("m") else mo2
    d = day_of(m.group("d")) if m.group("d") else d2
    return mo, d, _year(m.group("y")), mo2, d2, _year(m.group("y0"))


def day_fields(m: re.Match[str], read: FieldReader) -> DayFields | None:
    """(month, day, year, end month, end day, end year, weekday) of a day-level match.

    Years are None when the text gives none (the caller infers them). A range whose
    end month comes before its start month crosses a year end ("December 30 - January
    3, 1979": the start year is the one before). None when the fields make no date.
    """
    mo, d, y, mo2, d2, y0 = read(m)
    wd = weekday_number(m.group("wd")) if has_group(m, "wd") else None
    wraps = mo2 < mo
    if (mo2, d2) < (mo, d) and not wraps:
        return None
    start_year, end_year = _range_years(y0, y, wraps)
    if not (1 <= mo <= 12 and 1 <= mo2 <= 12):
        return None
    for year in (start_year, end_year):
        if year is not None and not 1800 <= year <= 2100:
            return None
    if d > calendar.monthrange(start_year or 2000, mo)[1]:
        return None
    if d2 > calendar.monthrange(end_year or 2000, mo2)[1]:
        return None
    if (
        start_year is not None
        and end_year is not None
        and ((end_year, mo2, d2) < (start_year, mo, d) or end_year - start_year > 10)
    ):
        return None
    return mo, d, start_year, mo2, d2, end_year, wd


def _range_years(first: int | None, last: int | None, wraps: bool) -> tuple[int | None, int | None]:
    """Start and end year from the years written after the first and the last day."""
    if first is None and last is None:
        return None, None
    if first is None:
        return (last - 1 if wraps else last), last
    if last is None:
        return first, (first + 1 if wraps else first)
    return first, last


def numeric_day_order(m: re.Match[str]) -> int:
    """+1 when a numeric date shows its document writes the day first, -1 for the month
    first: "26/07/2022" is day first, "07/26/2022" month first, "04/01/2018" says nothing."""
    a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
    return 1 if a > 12 or m.group("sep2") == "." else (-1 if b > 12 else 0)


def _month_first(m: re.Match[str]) -> bool:
    """True when a numeric match was read month first (nothing forced day first)."""
    return m.group("sep2") != "." and int(m.group("a") or m.group("a2")) <= 12


# --- resolving the day forms ------------------------------------------------------------------


def day_check(read: FieldReader) -> Callable[[Cand, Spotting], bool]:
    """A context check that only asks the fields to make a real date (no 31 April)."""

    def check(c: Cand, spot: Spotting) -> bool:
        return day_fields(c.m, read) is not None

    return check


def day_resolver(
    read: FieldReader, *, order_open: bool = False, listed_days: bool = False
) -> Callable[[Cand, Context], Resolution | None]:
    """The resolver of a day form.

    Args:
        read: The form's field reader.
        order_open: The form may be day or month first (04/01/2018); the document decides.
        listed_days: The form can end a list of days in one month ("May 3 and 5, 2012").
    """

    def resolve(c: Cand, ctx: Context) -> Resolution | None:
        mo, d, y, mo2, d2, y2, wd = day_fields(c.m, read)
        if order_open and ctx.day_first and mo != d and d <= 12 and _month_first(c.m):
            mo, d, mo2, d2 = d, mo, d, mo  # "04/01/2018" in a day-first document: 4 January
        explicit = y2
        if y is None and has_group(c.m, "ry"):
            y = year_by_word(c.m.group("ry"), ctx)  # "23 June this year", "7 December that year"
            if y is not None:
                y2 = y + 1 if mo2 < mo else y
        if y is None:
            y = listed_year(c, ctx, mo2, listed_days) or implicit_year(
                ctx, c.start, c.end, mo, d, wd
            )
            if y is None:
                return Resolution(None, "unresolved")
            y2 = y + 1 if mo2 < mo else y
        start, end = safe_date(y, mo, d), safe_date(y2, mo2, d2)
        if start is None or end is None:
            return None
        return Resolution((start, end), "day" if start == end else "range", explicit_year=explicit)

    return resolve


_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")

_DAY_YEAR = re.compile(rf"{DAY}(?:,\s*|\s+)(?P<y>{YEAR})")
"""The last of a list of days in one month, with the year ("May 3 and 5, 2012")."""


def listed_year(c: Cand, ctx: Context, month: int, listed_days: bool = False) -> int | None:
    """The year of a list's last date ("May 3 and June 5, 2012" -> 2012 for May 3).

    The year written after a list's last date belongs to all of them; going back
    through the list, a month after the next one's (December, then January) is in
    the year before.
    """
    months, pos = [month], c.end
    for _ in range(8):
        joiner = _LIST_NEXT.match(ctx.text, pos)
        if joiner and listed_days and (day := _DAY_YEAR.match(ctx.text, joiner.end())):
            return int(day.group("y")) - sum(1 for a, b in itertools.pairwise(months) if a > b)
        nxt = joiner and c.m.re.match(ctx.text, joiner.end())
        if not nxt:
            return None
        second = next((nxt.group(g) for g in ("m2", "m2b") if has_group(nxt, g)), None)
        months.append(month_of(second or nxt.group("m")))
        if nxt.group("y"):
            year = int(nxt.group("y"))
            return year - sum(1 for a, b in itertools.pairwise(months) if a > b)
        pos = nxt.end()
    return None


LIST_HEAD_BEFORE = re.compile(
    rf"(?P<m>{MONTH_NAME})\s*{DAY}(?:\s*,\s*{DAY})*\s*,?\s*(?:and|&)\s*\Z"
)
"""What comes before the last day of a list in one month ("March 3 and ", "May 3, 5 and ")."""


def list_head_before(text: str, pos: int) -> re.Match[str] | None:
    """The start of a list of days in one month that the day at ``pos`` ends, if any."""
    return LIST_HEAD_BEFORE.search(text, max(0, pos - 60), pos)


def resolve_day_head(c: Cand, ctx: Context) -> Resolution | None:
    """A day heading a list that names its month once: the 12 of "12 and 13 November"."""
    return _listedday_of(c, ctx, month_of(c.m.group("m")))


def resolve_day_tail(c: Cand, ctx: Context) -> Resolution | None:
    """The last day of a list that named its month first: the 4 of "March 3 and 4, 2019"."""
    head = list_head_before(ctx.text, c.start)
    if head is None:
        return None
    # Without a year, the last day's year is read where the list begins, as its head's is.
    return _listedday_of(c, ctx, month_of(head.group("m")), head.start())


def _listedday_of(c: Cand, ctx: Context, month: int, at: int | None = None) -> Resolution | None:
    day = day_of(c.m.group("d"))
    explicit = _year(c.m.group("y"))
    start = c.start if at is None else at
    year = explicit or implicit_year(ctx, start, c.end, month, day)
    if year is None:
        return Resolution(None, "unresolved")
    when = safe_date(year, month, day)
    if when is None:
        return None
    return Resolution((when, when), "day", explicit_year=explicit)


def resolve_holiday(c: Cand, ctx: Context) -> Resolution | None:
    """A fixed-date holiday ("on New Year's Day", "Christmas Eve 2019"): a day whose year,
    when unwritten, is read as for any year-less day (context, then the reference and tense)."""
    month, day = holiday_day(c.m.group("h"))
    explicit = _year(c.m.group("y"))
    year = explicit or implicit_year(ctx, c.start, c.end, month, day)
    if year is None:
        return Resolution(None, "unresolved")
    when = safe_date(year, month, day)
    return Resolution((when, when), "day", explicit_year=explicit)
