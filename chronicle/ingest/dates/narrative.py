"""Narrative anchors: the dates a story counts from the date it last told.

"Talks opened on 4 May 2019. Three days later the ministers signed" is 7 May 2019,
not three days after the article was written; "in March 2011 ... the following
year" is 2012; "on 7 December that year" is the year just narrated. Writers count
forward from the end of what they last narrated and back from its start, and a step
is as precise as the coarser of the two: "four years later" after a day is a year,
"three days later" after a day a day. Without a narrated date, a step in a clause
about the past is unresolved; one about the future counts from the document's date.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from chronicle.ingest.dates.context import Context, Resolution
from chronicle.ingest.dates.spans import Span, month_span, year_span

NARRATIVE_WORDS = frozenset({"later", "earlier", "after", "before"})
"""Words after a count ("three days later") that count from the narrated date."""


def grain(span: Span) -> str:
    """How precise a narrated date is: "day" (a day or a few), "month", "year" or "span"."""
    a, b = span
    if (b - a).days <= 7:
        return "day"
    if (a, b) == month_span(a.year, a.month):
        return "month"
    if (a, b) == year_span(a.year):
        return "year"
    return "span"


_FINER = {"week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def tells(ctx: Context, unit: str) -> bool:
    """Whether the date last narrated lies inside one such unit ("that month" needs a
    narrated day or month; after "in 2013" it names no month)."""
    return ctx.last_span is not None and grain(ctx.last_span) in _FINER.get(unit, ())


def narrated_year(ctx: Context) -> int | None:
    """The year of the date last narrated ("on 7 December that year")."""
    told = ctx.from_narrated()
    if told is None:
        return None
    a, b = told
    return a.year if a.year == b.year else b.year


def anchor_day(ctx: Context, forward: bool) -> date | None:
    """The day to count from: the end of the narrated date going forward, its start going
    back; the document date when nothing was narrated."""
    told = ctx.from_narrated()
    if told is not None:
        return told[1] if forward else told[0]
    return ctx.from_reference()


_UNIT_GRAIN = {"hour": "day", "day": "day", "week": "day", "month": "month", "year": "year"}
_UNIT_GRAIN["decade"] = "year"
_RANK = {"day": 0, "month": 1, "year": 2}
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 28, "year": 365, "decade": 3652}


def end_grain(span: Span) -> str:
    """The precision of a narrated date's ends: "from 1998 to 2003" ends on a year, "March to
    May 2019" on a month, "3-12 May" on a day."""
    kind = grain(span)
    if kind != "span":
        return kind
    a, b = span
    if a.month == 1 and a.day == 1 and (b.month, b.day) == (12, 31):
        return "year"
    if a.day == 1 and b == month_span(b.year, b.month)[1]:
        return "month"
    return "day"


def step(ctx: Context, n: int, unit: str, modifier: str = "") -> Resolution | None:
    """The date ``n`` units after (before, when negative) the date last narrated, counted
    from its end going forward and from its start going back, at the coarser of its grain
    and the step's: "a month later" after 24 May 1982 is June 1982, "four years later"
    after 11 February 1990 is 1994, "a year later" after "from 1998 to 2003" is 2004.

    Looking back keeps the narrated grain: "compared with C$18 million a year earlier"
    after 12 August 1989 is 12 August 1988. A stretch shorter than the step moves whole
    ("a year earlier" after the third quarter of 1989 is that quarter of 1988). A step
    finer than the narrated date shifts it ("two weeks later" after March 2011), but a
    step of days after a bare year names no day: unresolved. Returns None when
    nothing was narrated.
    """
    if ctx.from_narrated() is None:
        return None
    a, b = ctx.last_span
    shift = delta(n, unit)
    kind, by = end_grain(ctx.last_span), _UNIT_GRAIN[unit]
    if n < 0 and _RANK[kind] < _RANK[by]:
        by = kind  # looking back compares like with like: "a year earlier" is that day
    moved = (b if n >= 0 else a) + shift
    if grain(ctx.last_span) == "span" and (b - a).days < _UNIT_DAYS[unit]:
        res = Resolution((a + shift, b + shift), "approximate", modifier)  # a quarter a year on
    elif _RANK[by] < _RANK[kind]:
        if kind == "year" and by == "day":
            res = Resolution(None, "unresolved", modifier)  # "in 1967 ... three days later"
        else:
            res = Resolution((a + shift, b + shift), "approximate", modifier)
    elif by == "day":
        res = Resolution((moved, moved), "day", modifier)
    elif by == "month":
        res = Resolution(month_span(moved.year, moved.month), "month", modifier)
    else:
        res = Resolution(year_span(moved.year), "year", modifier)
    res.counted = "forward" if n >= 0 else "back"
    return res


def delta(n: int, unit: str) -> relativedelta:
    """``n`` units of time ("hour" steps stay on the same day)."""
    if unit == "decade":
        return relativedelta(years=10 * n)
    if unit == "hour":
        return relativedelta()  # "a few hours later": the same day
    return relativedelta(**{unit + "s": n})


def month_after(ctx: Context, month: int, forward: bool) -> int | None:
    """The year of the named month next after (or before) the date last narrated: "the
    following August", "the previous December"."""
    base = anchor_day(ctx, forward)
    if base is None:
        return None
    if forward:
        return base.year if month > base.month else base.year + 1
    return base.year if month < base.month else base.year - 1


def year_by_word(word: str, ctx: Context) -> int | None:
    """The year a word names before "year": "this", "last", "next" from the document's
    date; "that" (or "that same") the year last narrated."""
    word = word.lower()
    if word == "that":
        return narrated_year(ctx)
    ref = ctx.from_reference()
    if ref is None:
        return None
    return ref.year + {"last": -1, "next": 1}.get(word, 0)
