"""Resolve the relative date forms: weekdays, "yesterday", "last month", "the following
day", "three days later", "the past five years", "recently".

Deictic forms count from the reference (the document's date). Narrative forms
("the following year", "three days later", "the same day") count from the date the
text last narrated when there is one (``Context.last_span``), else from the reference.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from chronicle.ingest.dates.context import (
    Context,
    Resolution,
    clause_tense,
    sentence_cue,
)
from chronicle.ingest.dates.names import WEEKDAYS, count_of
from chronicle.ingest.dates.narrative import NARRATIVE_WORDS, anchor_day, delta, step, tells
from chronicle.ingest.dates.provenance import anchor
from chronicle.ingest.dates.rule import Cand
from chronicle.ingest.dates.spans import (
    Span,
    month_span,
    shift_month,
    sub_span,
    unit_span,
    year_span,
)


def resolve_vague(c: Cand, ctx: Context) -> Resolution | None:
    """now / recently / the future: the reference day, a modifier saying which way."""
    ref = ctx.from_reference()
    way = "present" if c.m.group("present") else "past" if c.m.group("past") else "future"
    if ref is None:
        return Resolution(None, "unresolved", way)
    if c.m.group("present"):
        return Resolution((ref, ref), "approximate", "present")
    if c.m.group("past"):
        return Resolution(
            (ref - timedelta(days=365 if "year" in c.m.group(0) else 90), ref),
            "approximate",
            "past",
        )
    return Resolution((ref, ref + timedelta(days=365)), "approximate", "future")


def resolve_deictic(c: Cand, ctx: Context) -> Resolution | None:
    """ "today", "yesterday afternoon", "last night": a day counted from the document's date."""
    if ctx.from_reference() is None:
        return Resolution(None, "unresolved")
    word = " ".join(c.m.group("deic").lower().split())
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)  # "this evening": 0
    d = ctx.reference + timedelta(offset)
    return Resolution((d, d), "day")


def resolve_weekday(c: Cand, ctx: Context) -> Resolution | None:
    """ "Tuesday", "last Friday", "this coming Sunday": the weekday nearest the document's
    date that the words and the tense allow."""
    ref = ctx.from_reference()
    if ref is None:
        return Resolution(None, "unresolved")
    wd = WEEKDAYS[c.m.group("wd").lower()]
    rel = (c.m.group("rel") or "").lower().split()
    back = (ref.weekday() - wd) % 7
    if rel == ["this"]:
        d = ref - timedelta(ref.weekday()) + timedelta(wd)  # the weekday of this week
        if d < ref and clause_tense(ctx.text, c.start, c.end):
            d += timedelta(7)  # "will meet this Friday", written on a Saturday
    elif rel[-1:] in (["last"], ["past"], ["previous"]):
        d = ref - timedelta(back or 7)
    elif rel[-1:] in (["next"], ["coming"], ["following"]) or (
        rel[-1:] not in (["this"],) and clause_tense(ctx.text, c.start, c.end)
    ):
        d = ref + timedelta((wd - ref.weekday()) % 7 or (7 if rel else 0))
    else:
        d = ref - timedelta(back)
    return Resolution((d, d), "day")


def resolve_unit_rel(c: Cand, ctx: Context) -> Resolution | None:
    """ "this year", "next month", "the following year", "later that month", "the year
    before", "the end of the month"."""
    m = c.m
    if m.group("the_weekend"):
        if ctx.from_reference() is None:
            return Resolution(None, "unresolved")
        ahead = clause_tense(ctx.text, c.start, c.end) and ctx.reference.weekday() < 5
        return Resolution(
            unit_span("weekend", ctx.reference, 0 if ahead or ctx.reference.weekday() >= 5 else -1)[
                0
            ],
            "approximate",
        )
    if m.group("unit3"):  # "by the end of the month": the month last narrated, else this one
        unit = m.group("unit3").lower()
        told = tells(ctx, unit) and not clause_tense(ctx.text, c.start, c.end)
        ref = anchor_day(ctx, forward=True) if told else ctx.from_reference()
        if not told and _elsewhen(ctx) and _tells_the_past(c, ctx):
            return Resolution(None, "unresolved")  # "in 2016 ... by the end of the month"
        if ref is None:
            return Resolution(None, "unresolved")
        span, mod = sub_span(unit_span(unit, ref, 0)[0], m.group("mod3"))
        return Resolution(span, "approximate", mod, counted="forward" if told else "")
    if m.group("unit2"):  # "the year before", "the day after"
        rel = "following" if m.group("dir2").lower() == "after" else "previous"
        unit = m.group("unit2").lower()
    else:
        rel, unit = m.group("rel").lower().split()[0], m.group("unit").lower()
    narrative = rel in _NARRATIVE or (rel == "next" and m.group("the") is not None)
    if unit in _DAY_UNITS:
        if ctx.last_span is None and narrative and _tells_the_past(c, ctx):
            return Resolution(None, "unresolved")  # "the following day, the talks collapsed"
        return _relative_day(rel, ctx)  # "the next morning", "that evening": a day
    n = _STEPS.get(rel, 0)
    ref, counted = ctx.reference, ""
    if narrative and ctx.last_span is not None and (n != 0 or tells(ctx, unit)):
        ref = anchor_day(ctx, forward=n > 0)  # "in March 2011 ... the following year": 2012
        counted = "back" if n < 0 else "forward" if n > 0 else "same"
    elif rel in ("that", "same"):
        return None  # "that month" with no month told before it
    elif narrative and n != 0 and _tells_the_past(c, ctx):
        return Resolution(None, "unresolved")  # "the following year, the plan was launched"
    if ref is None:
        return Resolution(None, "unresolved")
    if not counted:
        ctx.from_reference()  # "next month", "this year": from the time of writing
    res = _unit_rel(m, unit, ref, n)
    res.counted = counted
    if counted and n == 0 and res.span is not None:
        res.span = _rest_of(res.span, ctx.last_span, res.modifier)
    return res


def _tells_the_past(c: Cand, ctx: Context) -> bool:
    """Whether the clause around a narrative step tells a past happening: such a step counts
    from a date the story told, never from the day the document was written."""
    tense = clause_tense(ctx.text, c.start, c.end)
    if tense is None:  # "Two days later, the ministers met": the verb follows the comma
        cue = sentence_cue(ctx.text, c.end)
        tense = None if cue is None else cue[0]
    return tense is False


def _elsewhen(ctx: Context) -> bool:
    """Whether the story last told a time that does not hold the document's date ("In 2016,
    the UK voted to leave" in a 2024 text): "the month" is then no month it named."""
    told, ref = ctx.last_span, ctx.reference
    return told is not None and (ref is None or not told[0] <= ref <= told[1])


def _rest_of(span: Span, told: Span, modifier: str) -> Span:
    """ "later that year" after May is June to December; "earlier that month" after the
    20th is the days before it."""
    a, b = span
    if modifier == "later" and a <= told[1] < b:
        return told[1] + timedelta(1), b
    if modifier == "earlier" and a < told[0] <= b:
        return a, told[0] - timedelta(1)
    return span


def _unit_rel(m: re.Match[str], unit: str, ref: date, n: int) -> Resolution:
    """The unit ``n`` steps from the one holding ``ref``, narrowed by "early", "later" ..."""
    span, precision = unit_span(unit, ref, n)
    mod = (m.group("mod2") or "").lower()
    if mod in ("earlier", "later"):
        return Resolution(span, "approximate", mod)
    if mod == "sometime":
        return Resolution(span, precision, "about")
    if mod:
        span, mod = sub_span(span, mod)
        return Resolution(span, "approximate", mod)
    return Resolution(span, precision)


_STEPS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "preceding": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}
"""Units a relative word moves by ("this", "same", "that" move none)."""
_DAY_UNITS = frozenset({"day", "morning", "afternoon", "evening", "night"})
_NARRATIVE = frozenset({"following", "previous", "preceding", "same", "that"})
"""Words that count from the date last narrated ("the following year", "that month");
"the next" does too, while "next month" counts from the document's date."""


def _relative_day(rel: str, ctx: Context) -> Resolution | None:
    """The next/following/previous/same day: counted from the last date written, else the
    document date ("talks on 3 May ... the following day" is 4 May)."""
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}
    step = step.get(rel)
    if step is None:
        return None  # "the last day of the talks", "this day": no date
    if ctx.from_narrated() is not None:
        first, last = ctx.last_span
        if (last - first).days > 7:
            return None  # "in October ... that same day": the day was never written
        base = last if step > 0 else first
    elif ctx.from_reference() is not None:
        base = ctx.reference
    else:
        return Resolution(None, "unresolved")
    d = base + timedelta(step)
    counted = "" if ctx.last_span is None else "back" if step < 0 else "forward"
    return Resolution((d, d), "day", counted=counted)


_FEW = {"several": 3, "a few": 3, "a couple of": 2}
"""Vague counts, read as their usual size (the match is then approximate)."""


def resolve_ago(c: Cand, ctx: Context) -> Resolution | None:
    """ "two years ago", "three days later", "a few weeks earlier", "forty years ago today"."""
    if " ".join(c.m.group("num").lower().split()) in _FEW:
        if c.m.group("unit").lower() == "hour":  # "a few hours later": that same day
            return resolve_ago_counted(c, ctx, count=0)
        return resolve_vague_ago(c, ctx)
    return resolve_ago_counted(c, ctx)


def resolve_vague_ago(c: Cand, ctx: Context) -> Resolution | None:
    """ "several years ago", "a few weeks later": a vague stretch of the past or future.

    Spans two to five units back (or ahead) of the reference, and carries the
    modifier "past" or "future" like "recently": a state of things, not an event. In a
    story ("later", "earlier" after a narrated date) it counts from that date instead.
    """
    way = c.m.group("dir").lower().split()[0]
    future = way in ("later", "from", "hence", "after")
    unit_days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
    days = unit_days[c.m.group("unit").lower()]
    near, far = timedelta(2 * days), timedelta(5 * days)
    if way in NARRATIVE_WORDS and ctx.last_span is not None:
        # "several years later" in a story: a few units after the date last narrated
        base = anchor_day(ctx, forward=future)
        span = (base + near, base + far) if future else (base - far, base - near)
        return Resolution(span, "approximate", "about", counted="forward" if future else "back")
    ref = ctx.from_reference()
    if ref is None:
        return Resolution(None, "unresolved")
    span = (ref + near, ref + far) if future else (ref - far, ref - near)
    return Resolution(span, "approximate", "future" if future else "past")


_COMPARISON = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\b[^.;!?]*\Z", re.IGNORECASE
)
"""A comparison before "a year earlier" ("up 15% from 4 pence a year earlier"): its base is
a step back from the period the text reports, not from the date it last narrated."""


def resolve_ago_counted(c: Cand, ctx: Context, count: int | None = None) -> Resolution | None:
    """ "two years ago" from the document's date; "three days later", "a month earlier"
    from the date last narrated (the document's date when none was)."""
    m, ref = c.m, ctx.reference
    n = count_of(m.group("num")) if count is None else count
    way = m.group("dir").lower().split()[0]
    sign = 1 if way in ("later", "from", "hence", "after") else -1
    unit = m.group("unit").lower()
    modifier = "about" if m.group("approx") else ""
    if unit == "year" and ctx.last_quarter and 0 <= c.start - ctx.last_quarter_end < 300:
        # "third-quarter profit rose from $5 million a year earlier": the same quarter
        a, b = ctx.last_quarter
        ctx.basis = anchor("narrative", ctx.last_quarter)
        years = sign * n
        span = (a.replace(year=a.year + years), b.replace(year=b.year + years))
        return Resolution(span, "range", modifier, counted="back" if sign < 0 else "forward")
    compares = sign < 0 and _COMPARISON.search(ctx.text, max(0, c.start - 80), c.start)
    if way in NARRATIVE_WORDS and not compares:
        told = step(ctx, sign * n, unit, modifier)
        if told is not None:
            return told
        if _tells_the_past(c, ctx):
            return Resolution(None, "unresolved")  # "two years later the government collapsed"
    ctx.from_reference()
    if ref is None:
        return Resolution(None, "unresolved")
    if m.group("today"):  # "forty years ago today": that very day
        day = ref + delta(sign * n, unit)
        return Resolution((day, day), "day", modifier)
    if unit in ("day", "hour"):
        d = ref + timedelta(sign * n if unit == "day" else 0)
        return Resolution((d, d), "day", modifier)
    if unit == "week":
        span, _ = unit_span("week", ref, sign * n)
        return Resolution(span, "approximate", modifier)
    if unit == "month":
        return Resolution(
            month_span(*shift_month(ref.year, ref.month, sign * n)), "month", modifier
        )
    years = n * (10 if unit == "decade" else 1)
    return Resolution(year_span(ref.year + sign * years), "year", modifier)


def resolve_span(c: Cand, ctx: Context) -> Resolution | None:
    """ "the past five years", "the next two weeks": a stretch that ends (or starts) at
    the document's date."""
    m, ref = c.m, ctx.from_reference()
    if ref is None:
        return Resolution(None, "unresolved")
    n = count_of(m.group("num"))
    unit = m.group("unit").lower()
    days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}[unit] * n
    if m.group("rel").lower() in ("next", "coming"):
        return Resolution((ref, ref + timedelta(round(days))), "approximate", "next")
    return Resolution((ref - timedelta(round(days)), ref), "approximate", "past")
