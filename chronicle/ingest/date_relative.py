"""Resolve the relative date forms: weekdays, "yesterday", "last month", "the following
day", "three days later", "the past five years", "recently".

Deictic forms count from the reference (the document's date). Narrative forms
("the following year", "three days later", "the same day") count from the date the
text last narrated when there is one (``Context.last_span``), else from the reference.
"""

from __future__ import annotations

from datetime import timedelta

from chronicle.ingest.date_context import Context, Resolution, clause_tense
from chronicle.ingest.date_names import NUMBER_WORDS, WEEKDAYS
from chronicle.ingest.date_rule import Cand
from chronicle.ingest.date_spans import month_span, shift_month, sub_span, unit_span, year_span


def resolve_vague(c: Cand, ctx: Context) -> Resolution | None:
    """now / recently / the future: the reference day, a modifier saying which way."""
    ref = ctx.reference
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
    if ctx.reference is None:
        return Resolution(None, "unresolved")
    word = " ".join(c.m.group("deic").lower().split())
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)  # "this evening": 0
    d = ctx.reference + timedelta(offset)
    return Resolution((d, d), "day")


def resolve_weekday(c: Cand, ctx: Context) -> Resolution | None:
    ref = ctx.reference
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
    m = c.m
    if m.group("the_weekend"):
        if ctx.reference is None:
            return Resolution(None, "unresolved")
        ahead = clause_tense(ctx.text, c.start, c.end) and ctx.reference.weekday() < 5
        return Resolution(
            unit_span("weekend", ctx.reference, 0 if ahead or ctx.reference.weekday() >= 5 else -1)[
                0
            ],
            "approximate",
        )
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    if unit == "day":
        return _relative_day(rel, ctx)
    ref = ctx.reference
    if rel in ("following", "previous", "preceding", "same") and ctx.last_span is not None:
        ref = ctx.last_span[0]
    if ref is None:
        return Resolution(None, "unresolved")
    n = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "preceding": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
    }
    span, precision = unit_span(unit, ref, n.get(rel, 0))
    mod = (m.group("mod2") or "").lower()
    if mod in ("earlier", "later"):
        return Resolution(span, "approximate", mod)
    if mod == "sometime":
        return Resolution(span, precision, "about")
    if mod:
        span, mod = sub_span(span, mod)
        return Resolution(span, "approximate", mod)
    return Resolution(span, precision)


def _relative_day(rel: str, ctx: Context) -> Resolution | None:
    """The next/following/previous/same day: counted from the last date written, else the
    document date ("talks on 3 May ... the following day" is 4 May)."""
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}.get(rel)
    if step is None:
        return None  # "the last day of the talks", "this day": no date
    if ctx.last_span is not None:
        first, last = ctx.last_span
        if (last - first).days > 7:
            return None  # "in October ... that same day": the day was never written
        base = last if step > 0 else first
    elif ctx.reference is not None:
        base = ctx.reference
    else:
        return Resolution(None, "unresolved")
    d = base + timedelta(step)
    return Resolution((d, d), "day")


_FEW = {"several": 3, "a few": 3, "a couple of": 2}
"""Vague counts, read as their usual size (the match is then approximate)."""


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def resolve_ago(c: Cand, ctx: Context) -> Resolution | None:
    if " ".join(c.m.group("num").lower().split()) in _FEW:
        return resolve_vague_ago(c, ctx)
    return resolve_ago_counted(c, ctx)


def resolve_vague_ago(c: Cand, ctx: Context) -> Resolution | None:
    """ "several years ago", "a few weeks later": a vague stretch of the past or future.

    Spans two to five units back (or ahead) of the reference, and carries the
    modifier "past" or "future" like "recently": a state of things, not an event.
    """
    ref = ctx.reference
    if ref is None:
        return Resolution(None, "unresolved")
    future = c.m.group("dir").lower().split()[0] in ("later", "from", "hence", "after")
    unit_days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
    days = unit_days[c.m.group("unit").lower()]
    near, far = timedelta(2 * days), timedelta(5 * days)
    span = (ref + near, ref + far) if future else (ref - far, ref - near)
    return Resolution(span, "approximate", "future" if future else "past")


def resolve_ago_counted(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    if ref is None:
        return Resolution(None, "unresolved")
    n = _count(m.group("num"))
    sign = 1 if m.group("dir").lower().split()[0] in ("later", "from", "hence", "after") else -1
    unit = m.group("unit").lower()
    modifier = "about" if m.group("approx") else ""
    if unit == "year" and ctx.last_quarter and 0 <= c.start - ctx.last_quarter_end < 300:
        # "third-quarter profit rose from $5 million a year earlier": the same quarter
        a, b = ctx.last_quarter
        years = sign * n
        return Resolution(
            (a.replace(year=a.year + years), b.replace(year=b.year + years)), "range", modifier
        )
    if unit == "day":
        d = ref + timedelta(sign * n)
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
    m, ref = c.m, ctx.reference
    if ref is None:
        return Resolution(None, "unresolved")
    n = _count(m.group("num"))
    unit = m.group("unit").lower()
    days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}[unit] * n
    if m.group("rel").lower() in ("next", "coming"):
        return Resolution((ref, ref + timedelta(round(days))), "approximate", "next")
    return Resolution((ref - timedelta(round(days)), ref), "approximate", "past")
