"""Resolve the date forms above the day: weeks and months of a year, month ranges, years,
decades, centuries, quarters, halves, seasons, and years said aloud.

Each resolver turns one candidate (a regex match of a rule in ``date_rules``) into a
span of dates and a precision. A form that leaves its year out takes it from
``date_context.implicit_year``. The day forms are in ``date_days``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from chronicle.ingest.dates.context import (
    Context,
    Resolution,
    clause_tense,
    implicit_year,
    tells_history,
)
from chronicle.ingest.dates.days import day_of, listed_year, month_of, two_digit_year
from chronicle.ingest.dates.fiscal import fiscal_span, fiscal_year_start
from chronicle.ingest.dates.names import DECADE_WORDS, ORDINALS, SEASONS, SPOKEN_NUMBERS, count_of
from chronicle.ingest.dates.narrative import month_after, year_by_word
from chronicle.ingest.dates.provenance import anchor
from chronicle.ingest.dates.rule import Cand
from chronicle.ingest.dates.spans import (
    Span,
    month_span,
    quarter_span,
    safe_date,
    season_span,
    sub_span,
    unit_span,
    year_span,
)

_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def resolve_week_of(c: Cand, ctx: Context) -> Resolution | None:
    """The first/last week of a month (its days 1-7, or its last seven), or the week
    (Monday to Sunday) of a day: "the last week of December", "the week of 19 February"."""
    m = c.m
    month = month_of(m.group("m") or m.group("m2") or m.group("m3"))
    day_text = m.group("d") or m.group("d2")
    nth = (m.group("nth") or "").lower()
    explicit = int(m.group("y")) if m.group("y") else None
    day = day_of(day_text) if day_text else 15
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


_CONVENTION_BEFORE = re.compile(r"(?i:fiscal|financial|budget)\s+years?\b[^.;\n]{0,30}\Z")
_CONVENTION_AFTER = re.compile(r"\s+(?i:fiscal|financial|budget)\s+years?\b")


def resolve_month_range(c: Cand, ctx: Context) -> Resolution | None:
    """March to May 2019 ; December 2018 - February 2019 ; January-March (year from context).
    A year-less range that states a convention ("the fiscal year runs from April to March",
    "an April-March fiscal year") is no date."""
    m = c.m
    first, last = month_of(m.group("m")), month_of(m.group("m2"))
    y0 = int(m.group("y0")) if m.group("y0") else None
    y = int(m.group("y")) if m.group("y") else None
    if (
        y is None
        and y0 is None
        and (
            _CONVENTION_AFTER.match(ctx.text, c.end)
            or _CONVENTION_BEFORE.search(ctx.text, max(0, c.start - 50), c.start)
        )
    ):
        return None
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
    """ "April 2019", "mid-November", "January this year", "the following August", "May"."""
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
    elif rel == "that":
        # "In 1991 the Union dissolved. That December ...": the month of the year last told
        y = year_by_word("that", ctx)
        if y is None:
            return Resolution(None, "unresolved")
    elif m.group("ry") and (y := year_by_word(m.group("ry"), ctx)) is not None:
        pass  # "June this year", "August of that year"
    elif m.group("ry") or m.group("rel"):
        if ctx.from_reference() is None:
            return Resolution(None, "unresolved")
        rel = (m.group("ry") or m.group("rel")).lower().split()[0]
        y = ref.year + {"last": -1, "next": 1}.get(rel, 0)
        if m.group("rel") and rel in ("last", "past"):
            y = ref.year if month < ref.month else ref.year - 1
        elif m.group("rel") and rel in ("next", "coming"):
            y = ref.year if month > ref.month else ref.year + 1
    else:
        # "in January and February 2020": the list's year is January's too
        y = listed_year(c, ctx, month) or implicit_year(ctx, c.start, c.end, month, 15)
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
    """The last year of "2016-17" or "2012-2017"; None when the second number is no year
    after the first."""
    v = int(y2)
    if len(y2) == 2:
        v += y // 100 * 100
        if v <= y:
            v += 100
        return v if v - y <= 10 else None
    return v if 0 < v - y <= 200 else None


def resolve_year(c: Cand, ctx: Context) -> Resolution | None:
    """ "1947", "early 2019", "FY2016-17", "2012-2017", "between 2001 and 2005"."""
    m = c.m
    y = int(m.group("y"))
    if m.group("y2"):
        end = year_range_end(y, m.group("y2"))
        if end == y + 1 and (m.group("fy") or len(m.group("y2")) == 2):
            # "FY2016-17", "the 2016-17 budget": a fiscal (or academic) year, by the text's
            # convention when it names a budget year; else a span holding both April-March
            # (India, Japan) and July-June (Pakistan, Australia).
            known = _is_budget_year(c, ctx.text) and fiscal_span(y, end, _fiscal_start(ctx))
            if known:
                return Resolution(known, "range", explicit_year=y)
            return Resolution((date(y, 4, 1), date(end, 6, 30)), "approximate", explicit_year=y)
        return Resolution((date(y, 1, 1), date(end, 12, 31)), "range", explicit_year=y)
    if m.group("mod"):
        span, mod = sub_span(year_span(y), m.group("mod"))
        return Resolution(span, "approximate", mod, y)
    return Resolution(year_span(y), "year", explicit_year=y)


_BUDGET_AFTER = re.compile(r"\s+(?:[Bb]udget|fiscal\b|financial\s+year|FY\b)")
_BUDGET_BEFORE = re.compile(r"(?i:fiscal|financial|budget)\s+years?\s+(?:of\s+)?\Z")


_OTHER_YEAR_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:season|school|academic|term|session|campaign|crop|harvest|tour"
    r"|league|championship)\b",
    re.I,
)
"""Years that are no budget's: "the 2016-17 season", "the 2019-20 school year"."""

_MONEY = r"(?:[$€£¥₹]\s?\d|\b\d[\d,.]*\s*(?:million|billion|crore|lakh|bn|m)\b)"
_MONEY_BEFORE = re.compile(_MONEY + r"[^.;\n]{0,60}\Z", re.I)
"""An amount of money just before the year ("estimated at $637.4 million in 2023-24")."""

_BUDGET_TEXT = re.compile(
    r"\b(?:[Bb]udgets?|fiscal\s+years?|financial\s+years?|FY\s?\d)"
    rf"|(?i:{_MONEY})[^.;\n]{{0,60}}\b(?:19|20)\d\d\s*[-–]\s*\d\d\b"
)
"""A text that speaks of budgets or financial years, or puts an amount of money in a two-year
form, writes its other budget years bare too ("Since 2013-14, the program ...")."""


def _is_budget_year(c: Cand, whole: str) -> bool:
    """ "FY2016-17", "fiscal 2016-17", "the 2018-19 Budget", "the financial year 2016-17": a
    government's budget year ("the 2016-17 season" or "school year" follows no budget). A
    bare "2023-24" is one beside an amount of money or in a text about budgets or financial
    years ("aid is estimated at $637.4 million in 2023-24", "Since 2013-14, the program ...")."""
    text = c.m.string
    if (
        c.m.group("fy")
        or _BUDGET_AFTER.match(text, c.end)
        or _BUDGET_BEFORE.search(text, max(0, c.start - 30), c.start)
    ):
        return True
    if _OTHER_YEAR_AFTER.match(text, c.end):
        return False
    return bool(
        _MONEY_BEFORE.search(text, max(0, c.start - 80), c.start) or _BUDGET_TEXT.search(whole)
    )


def _fiscal_start(ctx: Context) -> int | None:
    """The text's fiscal-year start month, read from the whole text on first need."""
    if not ctx.fiscal_read:
        ctx.fiscal_start, ctx.fiscal_read = fiscal_year_start(ctx.text), True
    return ctx.fiscal_start


def resolve_decade(c: Cand, ctx: Context) -> Resolution | None:
    """ "the 1990s", "the mid-1980s", "the '90s", "the nineties"."""
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
    """ "the 20th century", "the late 19th century"."""
    n = int(c.m.group("c"))
    span: Span = (date((n - 1) * 100 + 1, 1, 1), date(n * 100, 12, 31))
    mod = ""
    if c.m.group("mod"):
        span, mod = sub_span(span, c.m.group("mod"))
    return Resolution(span, "approximate", mod)


def resolve_quarter(c: Cand, ctx: Context) -> Resolution | None:
    """ "the first quarter of 2019", "Q3 2019", "third-quarter", "the latest quarter"."""
    m, ref = c.m, ctx.reference
    if m.group("qrel"):
        rel = m.group("qrel").lower().split()[-1]
        if rel == "the" and ctx.last_quarter is not None:
            ctx.basis = anchor("narrative", ctx.last_quarter)
            return Resolution(ctx.last_quarter, "range")
        if ctx.from_reference() is None:
            return Resolution(None, "unresolved")
        n = {"this": 0, "current": 0, "next": 1}.get(rel, -1)
        return Resolution(unit_span("quarter", ref, n)[0], "range")
    q = int(m.group("qn")) if m.group("qn") else ORDINALS[m.group("q").lower()]
    ys = [m.group(g) for g in ("y", "y2", "y3", "y4") if m.group(g)]
    y = int(ys[0]) if ys else (two_digit_year(int(m.group("yy"))) if m.group("yy") else None)
    explicit = y
    if y is None and m.group("the") and "year's" in m.group("the").lower():
        if ctx.from_reference() is None:
            return Resolution(None, "unresolved")
        y = ref.year + {"this": 0, "last": -1, "next": 1}[m.group("the").lower().split()[0]]
    if y is None:
        if ctx.from_reference() is None:
            return Resolution(None, "unresolved")
        y = ref.year if 3 * q - 2 <= ref.month else ref.year - 1
        if clause_tense(ctx.text, c.start, c.end) and quarter_span(y, q)[1] < ref:
            y += 1
    return Resolution(quarter_span(y, q), "range", explicit_year=explicit)


def resolve_half(c: Cand, ctx: Context) -> Resolution | None:
    """ "the first half of 2019", "H2 2019"."""
    m = c.m
    h = int(m.group("hn")) if m.group("hn") else (1 if m.group("h").lower() == "first" else 2)
    y = int(m.group("y") or m.group("y2"))
    a = date(y, 1, 1) if h == 1 else date(y, 7, 1)
    return Resolution((a, date(y, 6, 30) if h == 1 else date(y, 12, 31)), "range", explicit_year=y)


def resolve_months_of(c: Cand, ctx: Context) -> Resolution | None:
    """ "the first nine months of 2019" (January to September), "the last three months of
    2020" (October to December), "the first nine months of the year": the span a trade or budget
    report sums over."""
    m = c.m
    n = count_of(m.group("num"))
    explicit = int(m.group("y")) if m.group("y") else None
    y = explicit or _year_named(m.group("yw"), c, ctx)
    if not 1 <= n <= 12:
        return None
    if y is None:
        return Resolution(None, "unresolved")
    first = 1 if m.group("end").lower() == "first" else 13 - n
    span = (month_span(y, first)[0], month_span(y, first + n - 1)[1])
    return Resolution(span, "range", explicit_year=explicit)


def _year_named(word: str, c: Cand, ctx: Context) -> int | None:
    """The year of "of this year", "of last year", and of "of the year": a report's year is
    the one its paragraph names, else the one it was written in."""
    if word.lower() != "the":
        return year_by_word(word, ctx)
    anchors = [a for a in ctx.anchors if ctx.paragraph(a.start) == ctx.paragraph(c.start)]
    if anchors:
        last = anchors[-1]
        ctx.basis = anchor("earlier", last.span or (last.when, last.when))
        return last.when.year
    ref = ctx.from_reference()
    return ref.year if ref else None


def resolve_season(c: Cand, ctx: Context) -> Resolution | None:
    """ "spring 2010", "last fall", "in the summer" (this year's, read by tense), "this
    autumn" (the next one in a clause about the future), "the following spring" (the next
    one after the date last narrated), "that autumn" (the narrated year's)."""
    m, ref = c.m, ctx.reference
    season = m.group("s").lower()
    explicit = int(m.group("y")) if m.group("y") else None
    rel_word = (m.group("rel") or "").lower().split()[:1]
    counted = ""
    if explicit:
        y = explicit
    elif rel_word and rel_word[0] in _NARRATED_SEASON:
        counted = _NARRATED_SEASON[rel_word[0]]
        y = _narrated_season_year(c, ctx, season, counted)
        if y is None:
            return None if counted == "same" else Resolution(None, "unresolved")
    elif not rel_word and tells_history(ctx, c.start):
        # "In 1975, ... in the autumn": the season of the story's year
        y = implicit_year(ctx, c.start, c.end, SEASONS[season], 15)
    else:
        if ctx.from_reference() is None:
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
        elif rel == "this" and season_span(y, season)[1] < ref:
            # "will open this autumn", written in December: the next one
            y += bool(clause_tense(ctx.text, c.start, c.end))
    span = season_span(y, season)
    mod = ""
    if m.group("mod"):
        span, mod = sub_span(span, m.group("mod"))
    return Resolution(span, "approximate", mod, explicit, counted)


_NARRATED_SEASON = {
    "following": "forward",
    "previous": "back",
    "preceding": "back",
    "that": "same",
    "same": "same",
}
"""Words before a season that count from the date last narrated."""


def _narrated_season_year(c: Cand, ctx: Context, season: str, counted: str) -> int | None:
    """The year a narrated season starts in: the first such season after the narrated date
    ("in December 1973 ... the following spring" is spring 1974; "in 2004 ... the following
    winter" is the one that begins that December), the last one before it,
    or the one of its year ("in March 1976 ... that autumn"; "that winter" after January
    1976 is the winter that January is in). With nothing narrated, "the following spring"
    in a clause about the future counts from the document's date."""
    told = ctx.from_narrated()
    if told is None:
        ahead = counted == "forward" and clause_tense(ctx.text, c.start, c.end)
        if not ahead or ctx.from_reference() is None:
            return None
        told = (ctx.reference, ctx.reference)
    first, last = told
    if counted == "same":
        y = last.year if first.year != last.year else first.year
        return y - 1 if season == "winter" and first.month <= 2 else y
    if counted == "forward":  # begins after the narrated date begins, ends after it ends
        y = first.year - 1
        while season_span(y, season)[0] <= first or season_span(y, season)[1] <= last:
            y += 1
        return y
    y = first.year + 1
    while season_span(y, season)[1] >= first:
        y -= 1
    return y


def resolve_spoken_year(c: Cand, ctx: Context) -> Resolution | None:
    """ "nineteen ninety-six", "the year two thousand"."""
    words = re.findall(r"[a-z]+", c.m.group("sy").lower())
    if words[:2] == ["two", "thousand"]:
        y = 2000 + sum(SPOKEN_NUMBERS[w] for w in words[2:])
    else:
        y = SPOKEN_NUMBERS[words[0]] * 100 + sum(SPOKEN_NUMBERS[w] for w in words[1:])
    return Resolution(year_span(y), "year", explicit_year=y)
