"""Narrative anchors: the dates a story counts from the date it last told.

"Talks opened on 4 May 2019. Three days later the ministers signed" is 7 May 2019,
not three days after the article was written; "in March 2011 ... the following
year" is 2012; "on 7 December that year" is the year just narrated. Writers count
forward from the end of what they last narrated and back from its start, and keep
its precision: a step from a day lands on a day, from a month on a month, from a
year on a year. Without a narrated date the document's own date is the anchor.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from chronicle.ingest.date_context import Context, Resolution
from chronicle.ingest.date_spans import Span, month_span, year_span

FORWARD = frozenset({"later", "after", "following", "next"})
"""Direction words that count forward from the date last narrated."""
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
    if ctx.last_span is None:
        return None
    a, b = ctx.last_span
    return a.year if a.year == b.year else b.year


def anchor_day(ctx: Context, forward: bool) -> date | None:
    """The day to count from: the end of the narrated date going forward, its start going
    back; the document date when nothing was narrated."""
    if ctx.last_span is not None:
        return ctx.last_span[1] if forward else ctx.last_span[0]
    return ctx.reference


def step(ctx: Context, n: int, unit: str, modifier: str = "") -> Resolution | None:
    """The date ``n`` units after (before, when negative) the date last narrated, at its
    precision: "a month later" after 24 May 1982 is 24 June 1982, "two years later" after
    March 2011 is March 2013, after 2011 it is 2013.

    Returns None when nothing was narrated.
    """
    if ctx.last_span is None:
        return None
    a, b = ctx.last_span
    base = b if n >= 0 else a
    shift = delta(n, unit)
    kind = grain(ctx.last_span)
    moved = base + shift
    if kind == "day":
        res = Resolution((moved, moved), "day", modifier)
    elif kind == "month" and unit not in ("day", "week"):
        res = Resolution(month_span(moved.year, moved.month), "month", modifier)
    elif kind == "year" and unit in ("year", "decade"):
        res = Resolution(year_span(moved.year), "year", modifier)
    else:
        res = Resolution((a + shift, b + shift), "approximate", modifier)
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
    if ctx.reference is None:
        return None
    return ctx.reference.year + {"last": -1, "next": 1}.get(word, 0)
