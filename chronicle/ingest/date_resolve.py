"""Resolve the absolute date forms: days, lists of days, weeks and months of a year,
years, decades, centuries, quarters, halves, seasons, and years said aloud.

Each resolver turns one candidate (a regex match of a rule in ``date_rules``) into a
span of dates and a precision. A form that leaves its year out takes it from
``date_context.implicit_year``; the day forms share one validation, ``day_fields``.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable
from datetime import date, timedelta

from chronicle.ingest.date_context import (
    Context,
    Resolution,
    clause_tense,
    has_group,
    implicit_year,
)
from chronicle.ingest.date_names import (
    DAY,
    DECADE_WORDS,
    MONTH_NAME,
    ORDINALS,
    SPOKEN_NUMBERS,
    YEAR,
    month_number,
    weekday_number,
)
from chronicle.ingest.date_narrative import month_after, year_by_word
from chronicle.ingest.date_rule import Cand, Spotting
from chronicle.ingest.date_spans import (
    Span,
    month_span,
    quarter_span,
    safe_date,
    season_span,
    sub_span,
    unit_span,
    year_span,
)

Fields = tuple[int, int, int | None, int, int, int | None]
"""(month, day, year, end month, end day, year written after the first day) as written."""
DayFields = tuple[int, int, int | None, int, int, int | None, int | None]
"""(month, day, year, end month, end day, end year, weekday), years None when unwritten."""
FieldReader = Callable[[re.Match[str]], Fields]


def month_of(word: str) -> int:
    """The month a (known) month name in a match stands for."""
    return month_number(word) or 0


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def _two_digit_year(yy: int) -> int:
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
    year = _two_digit_year(int(written)) if len(written) == 2 else int(written)
    if m.group("sep2") == "." or a > 12:
        a, b = b, a  # day first
    return a, b, year, a, b, None


def dmy_dash_fields(m: re.Match[str]) -> Fields:
    """4-Jan-2018 ; 04-JAN-18."""
    y = m.group("y")
    year = _two_digit_year(int(y)) if len(y) == 2 else int(y)
    mo, d = month_of(m.group("m")), _day(m.group("d"))
    return mo, d, year, mo, d, None


def mdy_fields(m: re.Match[str]) -> Fields:
    """January 4, 2018 ; Jan. 3-4 ; May 24 - June 2, 2012 ; December 30, 1978 - January 3, 1979."""
    mo, d = month_of(m.group("m")), _day(m.group("d"))
    second = m.group("m2") or m.group("m2b")
    mo2 = month_of(second) if second else mo
    d2 = _day(m.group("d2")) if m.group("d2") else d
    return mo, d, _year(m.group("y")), mo2, d2, _year(m.group("y0"))


def dmy_fields(m: re.Match[str]) -> Fields:
    """26 July 2022 ; 20-24 October ; 30 December 2018 - 2 January 2019."""
    mo2, d2 = month_of(m.group("m2")), _day(m.group("d2"))
    mo = month_of(m.group("m")) if m.group("m") else mo2
    d = _day(m.group("d")) if m.group("d") else d2
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
            y = _listed_year(c, ctx, mo2, listed_days) or implicit_year(
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


def _listed_year(c: Cand, ctx: Context, month: int, listed_days: bool = False) -> int | None:
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
    return _listed_day(c, ctx, month_of(c.m.group("m")))


def resolve_day_tail(c: Cand, ctx: Context) -> Resolution | None:
    """The last day of a list that named its month first: the 4 of "March 3 and 4, 2019"."""
    head = list_head_before(ctx.text, c.start)
    return None if head is None else _listed_day(c, ctx, month_of(head.group("m")))


def _listed_day(c: Cand, ctx: Context, month: int) -> Resolution | None:
    day = _day(c.m.group("d"))
    explicit = _year(c.m.group("y"))
    year = explicit or implicit_year(ctx, c.start, c.end, month, day)
    if year is None:
        return Resolution(None, "unresolved")
    when = safe_date(year, month, day)
    if when is None:
        return None
    return Resolution((when, when), "day", explicit_year=explicit)


_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def resolve_week_of(c: Cand, ctx: Context) -> Resolution | None:
    """The first/last week of a month (its days 1-7, or its last seven), or the week
    (Monday to Sunday) of a day: "the last week of December", "the week of 19 February"."""
    m = c.m
    month = month_of(m.group("m") or m.group("m2") or m.group("m3"))
    day_text = m.group("d") or m.group("d2")
    nth = (m.group("nth") or "").lower()
    explicit = int(m.group("y")) if m.group("y") else None
    day = _day(day_text) if day_text else 15
    year = explicit or implicit_year(ctx, c.start, c.end, month, day)
    if year is None:
        return Resolution(None, "unresolved")
    if day_text:
        when = safe_date(year, month, day)
        if when is None:
            return None
        monday = when - timedelta(when.weekday())
        return Resolution((monday, monday + timedelta(6)), "approximate", explicit_year=explicit)
    first, last = month_span(year, month)
    if nth in ("last", "final"):
        span = (last - timedelta(6), last)
    else:
        start = first + timedelta(7 * _NTH_WEEK[nth])
        span = (start, start + timedelta(6))
    return Resolution(span, "approximate", explicit_year=explicit)


def resolve_month_range(c: Cand, ctx: Context) -> Resolution | None:
    """March to May 2019 ; December 2018 - February 2019 ; January-March (year from context)."""
    m = c.m
    first, last = month_of(m.group("m")), month_of(m.group("m2"))
    y0 = int(m.group("y0")) if m.group("y0") else None
    y = int(m.group("y")) if m.group("y") else None
    wraps = first > last
    if y is None and y0 is None:
        y0 = implicit_year(ctx, c.start, c.end, first, 15)
        if y0 is None:
            return Resolution(None, "unresolved")
    start_year = y0 if y0 is not None else y - wraps
    end_year = y if y is not None else start_year + wraps
    if end_year < start_year or (end_year == start_year and wraps):
        return None
    span = (month_span(start_year, first)[0], month_span(end_year, last)[1])
    explicit = y if y is not None else (int(m.group("y0")) if m.group("y0") else None)
    return Resolution(span, "range", explicit_year=explicit)


def resolve_month(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    month = month_of(m.group("m"))
    explicit = int(m.group("y")) if m.group("y") else None
    rel = m.group("rel").lower().split()[-1] if m.group("rel") else ""
    if explicit:
        y = explicit
    elif rel in ("following", "previous", "preceding"):
        # "signed in Bali the following August": the August after the date last narrated
        y = month_after(ctx, month, forward=rel == "following")
        if y is None:
            return Resolution(None, "unresolved")
    elif m.group("ry") and (y := year_by_word(m.group("ry"), ctx)) is not None:
        pass  # "June this year", "August of that year"
    elif m.group("ry") or m.group("rel"):
        if ref is None:
            return Resolution(None, "unresolved")
        rel = (m.group("ry") or m.group("rel")).lower().split()[0]
        y = ref.year + {"last": -1, "next": 1}.get(rel, 0)
        if m.group("rel") and rel in ("last", "past"):
            y = ref.year if month < ref.month else ref.year - 1
        elif m.group("rel") and rel in ("next", "coming"):
            y = ref.year if month > ref.month else ref.year + 1
    else:
        # "in January and February 2020": the list's year is January's too
        y = _listed_year(c, ctx, month) or implicit_year(ctx, c.start, c.end, month, 15)
        if y is None:
            return Resolution(None, "unresolved")
    span = month_span(y, month)
    counted = "forward" if rel == "following" else "back" if rel in _BACK else ""
    if m.group("mod"):
        span, mod = sub_span(span, m.group("mod"))
        return Resolution(span, "approximate", mod, explicit, counted)
    return Resolution(span, "month", explicit_year=explicit, counted=counted)


_BACK = frozenset({"previous", "preceding"})


def year_range_end(y: int, y2: str) -> int | None:
    v = int(y2)
    if len(y2) == 2:
        v += y // 100 * 100
        if v <= y:
            v += 100
        return v if v - y <= 10 else None
    return v if 0 < v - y <= 200 else None


def resolve_year(c: Cand, ctx: Context) -> Resolution | None:
    m = c.m
    y = int(m.group("y"))
    if m.group("y2"):
        end = year_range_end(y, m.group("y2"))
        if end == y + 1 and (m.group("fy") or len(m.group("y2")) == 2):
            # "FY2016-17", "the 2016-17 budget": a fiscal (or academic) year. Pakistan's
            # runs July-June, Japan's and India's April-March; this span holds either.
            return Resolution((date(y, 4, 1), date(end, 6, 30)), "approximate", explicit_year=y)
        return Resolution((date(y, 1, 1), date(end, 12, 31)), "range", explicit_year=y)
    if m.group("mod"):
        span, mod = sub_span(year_span(y), m.group("mod"))
        return Resolution(span, "approximate", mod, y)
    return Resolution(year_span(y), "year", explicit_year=y)


def resolve_decade(c: Cand, ctx: Context) -> Resolution | None:
    m = c.m
    if m.group("dec"):
        start = int(m.group("dec"))
    else:
        n = int(m.group("dec2")) if m.group("dec2") else DECADE_WORDS[m.group("decw").lower()] * 1
        ref_year = ctx.reference.year if ctx.reference else 2000
        start = 2000 + n if 2000 + n + 5 <= ref_year else 1900 + n
    span: Span = (date(start, 1, 1), date(start + 9, 12, 31))
    mod = ""
    if m.group("mod"):
        span, mod = sub_span(span, m.group("mod"))
    return Resolution(span, "approximate", mod)


def resolve_century(c: Cand, ctx: Context) -> Resolution | None:
    n = int(c.m.group("c"))
    span: Span = (date((n - 1) * 100 + 1, 1, 1), date(n * 100, 12, 31))
    mod = ""
    if c.m.group("mod"):
        span, mod = sub_span(span, c.m.group("mod"))
    return Resolution(span, "approximate", mod)


def resolve_quarter(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    if m.group("qrel"):
        rel = m.group("qrel").lower().split()[-1]
        if rel == "the" and ctx.last_quarter is not None:
            return Resolution(ctx.last_quarter, "range")
        if ref is None:
            return Resolution(None, "unresolved")
        n = {"this": 0, "current": 0, "next": 1}.get(rel, -1)
        return Resolution(unit_span("quarter", ref, n)[0], "range")
    q = int(m.group("qn")) if m.group("qn") else ORDINALS[m.group("q").lower()]
    ys = [m.group(g) for g in ("y", "y2", "y3", "y4") if m.group(g)]
    y = int(ys[0]) if ys else (_two_digit_year(int(m.group("yy"))) if m.group("yy") else None)
    explicit = y
    if y is None and m.group("the") and "year's" in m.group("the").lower():
        if ref is None:
            return Resolution(None, "unresolved")
        y = ref.year + {"this": 0, "last": -1, "next": 1}[m.group("the").lower().split()[0]]
    if y is None:
        if ref is None:
            return Resolution(None, "unresolved")
        y = ref.year if 3 * q - 2 <= ref.month else ref.year - 1
        if clause_tense(ctx.text, c.start, c.end) and quarter_span(y, q)[1] < ref:
            y += 1
    return Resolution(quarter_span(y, q), "range", explicit_year=explicit)


def resolve_half(c: Cand, ctx: Context) -> Resolution | None:
    m = c.m
    h = int(m.group("hn")) if m.group("hn") else (1 if m.group("h").lower() == "first" else 2)
    y = int(m.group("y") or m.group("y2"))
    a = date(y, 1, 1) if h == 1 else date(y, 7, 1)
    return Resolution((a, date(y, 6, 30) if h == 1 else date(y, 12, 31)), "range", explicit_year=y)


def resolve_season(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    season = m.group("s").lower()
    explicit = int(m.group("y")) if m.group("y") else None
    if explicit:
        y = explicit
    else:
        if ref is None:
            return Resolution(None, "unresolved")
        rel = (m.group("rel") or "").lower().split()[-1:]
        rel = rel[0] if rel else ""
        y = ref.year - (1 if season == "winter" and ref.month <= 2 else 0)
        if not rel:
            # "in the fall": the one ahead when the clause looks forward, else this year's
            # (or the last one, when it has not begun yet and the clause looks back)
            tense = clause_tense(ctx.text, c.start, c.end)
            start, end = season_span(y, season)
            if tense is True and end < ref:
                y += 1
            elif tense is False and start > ref:
                y -= 1
        if rel in ("last", "past"):
            y = y if season_span(y, season)[1] < ref else y - 1
        elif rel in ("next", "coming"):
            y = y if season_span(y, season)[0] > ref else y + 1
    span = season_span(y, season)
    mod = ""
    if m.group("mod"):
        span, mod = sub_span(span, m.group("mod"))
    return Resolution(span, "approximate", mod, explicit)


def resolve_spoken_year(c: Cand, ctx: Context) -> Resolution | None:
    words = re.findall(r"[a-z]+", c.m.group("sy").lower())
    if words[:2] == ["two", "thousand"]:
        y = 2000 + sum(SPOKEN_NUMBERS[w] for w in words[2:])
    else:
        y = SPOKEN_NUMBERS[words[0]] * 100 + sum(SPOKEN_NUMBERS[w] for w in words[1:])
    return Resolution(year_span(y), "year", explicit_year=y)
