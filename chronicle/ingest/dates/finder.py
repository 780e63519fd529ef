"""Find the date expressions in an English text and resolve each to calendar dates.

One job: ``find_dates(text, reference)`` -> ``list[DateMatch]``. Each rule of
``date_rules`` is run around its trigger words, a candidate must pass its rule's
context check, overlapping candidates are reduced to the longest, and each survivor
is resolved by its rule in text order, so that it can lean on the dates before it:
year-less expressions take their year from document context (a chronology's year
heading or entry, the nearest preceding explicit year in the same paragraph, else
the reference date) and narrative steps ("three days later") count from the date
last narrated. Deictic expressions ("yesterday", "last year") need the reference;
without one they come back with precision "unresolved" and no dates. dateparser is
not needed: the rules cover every form they spot, which keeps a 10 KB document at a
few milliseconds.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime
from functools import lru_cache

from chronicle.ingest.dates.checks import DETERMINERS, is_citation, prev_word
from chronicle.ingest.dates.context import (
    PLAIN_HEADING,
    SENTENCE_END,
    Anchor,
    Context,
    Resolution,
    heads_entry,
)
from chronicle.ingest.dates.names import NUMBER
from chronicle.ingest.dates.narrative import grain
from chronicle.ingest.dates.rule import Cand, Spotting
from chronicle.ingest.dates.rules import RULES
from chronicle.model import DateMatch

__all__ = ["find_dates"]

YEAR_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(?P<y>(?:1[6-9]|20)\d\d)[*_]{0,2}:?[ \t]*$", re.MULTILINE
)
"""A line that is only a year ("2019", "## 2019", "**2019**"): the entries under it are in it."""

MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE)
"""Any Markdown heading: it closes the section a year heading opened."""

NUMBER_LINE = re.compile(r"\s*[\d.,%$ \t-]+(?:\n|\Z)")
"""A line of nothing but figures (the next row of a table)."""

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

MODIFIER_WORDS: dict[str, str] = {
    "since": "since", "before": "before", "after": "after", "until": "until",
    "till": "until", "by": "by", "around": "about", "about": "about", "circa": "about",
    "approximately": "about", "from": "from", "through": "until", "throughout": "during",
}  # fmt: skip
"""Preceding word -> DateMatch.modifier."""

_TIME = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)"
    r"|\d{1,2}:\d\d(?:\s*(?:hrs|hours|h)\b)?|noon\b|midnight\b)"
)
_ZONE = (
    r"(?:\s*\((?:local\s+time|[A-Z]{2,5}(?:[+-]\d+)?|[^()]{1,25}\s+time)\)"
    r"|\s+(?:local\s+time|[A-Z]{3,4}\b))?"
)
_DUR = (
    rf"(?:{NUMBER}|half\s+an?)\s+(?:hours?|minutes?)(?:\s+and\s+(?:a\s+half|{NUMBER}\s+minutes?))?"
)
TIME_AFTER = re.compile(
    r"\A\s*,?\s*(?:(?:from|at|commencing\s+at|starting\s+at|beginning\s+at|between|around|about)\s+)?"
    rf"{_TIME}{_ZONE}(?:\s*(?:-|–|to|until|and)\s*{_TIME}{_ZONE})?"
    rf"(?:,?\s+for\s+(?:approximately\s+|about\s+|around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?{_DUR})?",
    re.IGNORECASE,
)
"""A clock time right after a day expression, kept as the match's ``detail``."""

TIME_BEFORE = re.compile(
    rf"(?:(?:at|from)\s+)?{_TIME}{_ZONE}\s*(?:,\s*|\s+)(?:on\s+)?\Z", re.IGNORECASE
)
"""A clock time right before a day expression (``at 10 a.m. on Monday``)."""


def find_dates(text: str, reference: date | None = None) -> list[DateMatch]:
    """Find every date expression in ``text``.

    Args:
        text: Plain text of a document (or any part of one).
        reference: The document's own date; relative and year-less expressions are
            resolved against it. Without it, deictic expressions are "unresolved".

    Returns:
        Matches in text order, non-overlapping, with ``text[m.start:m.end] == m.text``.
    """
    if isinstance(reference, datetime):
        reference = reference.date()  # a datetime is a date subclass, but compares with neither
    if len(text) <= LINE_LENGTH:
        return list(_find_in_line(text, reference))
    return _find(text, reference)


LINE_LENGTH = 400
"""Texts up to this long (a title, a date line, a table cell) have their dates remembered:
the cleaner, the metadata and the document-date strategies each read the same lines."""


@lru_cache(maxsize=4096)
def _find_in_line(text: str, reference: date | None) -> tuple[DateMatch, ...]:
    return tuple(_find(text, reference))


def _find(text: str, reference: date | None) -> list[DateMatch]:
    ctx = Context(text, reference, [p.end() for p in PARAGRAPH_BREAK.finditer(text)])
    ctx.year_headings = _year_headings(text)
    cands = _select(_spot(text))
    ctx.day_first = sum(c.rule.day_order(c.m) for c in cands) > 0
    matches = []
    for cand in cands:
        ctx.basis = ""
        try:
            res = cand.rule.resolve(cand, ctx)
        except (OverflowError, ValueError):
            continue  # "9999999999 days ago": no calendar date, so no match
        if res is None:
            continue
        _remember(cand, res, ctx)
        matches.append(_to_match(cand, res, text, ctx.basis))
    return matches


def _year_headings(text: str) -> list[tuple[int, int]]:
    """(offset, year) of a chronology's year headings; (offset, 0) for its other headings."""
    years = [
        (h.start(), int(h.group("y")))
        for h in YEAR_HEADING.finditer(text)
        if not NUMBER_LINE.match(text, h.end() + 1)  # a column of years is a table
    ]
    if not years:
        return []
    others = [(h.start(), 0) for h in MARKDOWN_HEADING.finditer(text)]
    others += [(h.start() + 1, 0) for h in PLAIN_HEADING.finditer(text)]  # "Upcoming:"
    return sorted(dict(others + years).items())  # any other heading ends a year's section


_VAGUE = frozenset({"past", "present", "future"})
_STEPS = frozenset({"day", "month", "year"})
"""Precisions of a narrative step that lends its year to the year-less dates after it."""


def _remember(cand: Cand, res: Resolution, ctx: Context) -> None:
    """Note what a resolved date lends the dates after it."""
    lends = cand.rule.lends
    if is_citation(ctx.text, cand.start, cand.end):
        return  # "(Source: Reuters, 12 March 2019.)": when a source appeared, not the story
    if res.explicit_year is not None and res.span is not None:
        dated = lends != "year"
        when = res.span[0] if dated else date(res.explicit_year, 7, 1)
        frames = not dated and res.precision == "year" and _frames_the_story(ctx.text, cand)
        ctx.anchors.append(Anchor(cand.start, cand.end, when, dated, frames, res.span))
    elif lends == "relative" and res.precision in ("day", "month") and not res.counted:
        # "Last month, the two sides renewed the accord, on October 22": that October
        ctx.anchors.append(Anchor(cand.start, cand.end, res.span[0], True, span=res.span))
    elif res.counted == "forward" and res.span is not None and res.precision in _STEPS:
        # "In 2012 ... The following year, they signed a pact. In March, ...": March 2013
        yearly = res.precision == "year"
        ctx.anchors.append(Anchor(cand.start, cand.end, res.span[0], not yearly, yearly, res.span))
    if res.span is None or res.modifier in _VAGUE or res.counted in ("back", "same"):
        return  # "recently", "a year earlier", "later that month": the story stays put
    if lends == "year" and _names_a_thing(ctx.text, cand.start, cand.end):
        return  # "under the 2006 Lombok Treaty": the year dates the treaty, not the story
    if lends == "year" and _background(ctx, cand.start):
        return  # "on 2 August 1990 ... accepting the 1975 terms": the sentence's date is August's
    if prev_word(ctx.text, cand.start) == "since" and not _WHEN_AFTER.match(ctx.text, cand.end):
        return  # "its first hike since 2007": the date compared with, not one the story tells
    ctx.last_span, ctx.last_end = res.span, cand.end
    if res.span[0].year == res.span[1].year and heads_entry(ctx.text, cand.start, cand.end):
        ctx.last_entry = (cand.start, res.span[0])  # "January 23, 2011: ..." dates "May 2: ..."
    if lends == "quarter":
        ctx.last_quarter = res.span
        ctx.last_quarter_end = cand.end


_WHEN_AFTER = re.compile(r"\s*,?\s*when\b")

_FRAME_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)(?:[Bb]y|[Ii]n|[Dd]uring|[Tt]hroughout)\s+\Z")
_FRAME_AFTER = re.compile(r"\s*(?:,|\s+(?:the|a|an|its|his|her|their|[A-Z]\w*)\b)")


def _frames_the_story(text: str, cand: Cand) -> bool:
    """A bare year opening its sentence as the time of what follows ("By 1975 the rebels
    had been pushed back", "In 1975, Omani aircraft ..."): the year-less dates after it in
    its paragraph are in that year. "In 1975 elections" or a year deep in a sentence
    frames nothing beyond it."""
    lead = text[max(0, cand.start - 20) : cand.start]
    return bool(_FRAME_BEFORE.search(lead) and _FRAME_AFTER.match(text, cand.end))


def _background(ctx: Context, start: int) -> bool:
    """A bare year in a sentence that already told a day or month of its story: a time the
    sentence mentions ("the 1994 genocide", "since 2007"), not the time it tells of."""
    told = ctx.last_span
    return (
        told is not None
        and grain(told) in ("day", "month")
        and not SENTENCE_END.search(ctx.text, ctx.last_end, start)
    )


_DETERMINER_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(DETERMINERS))})\s+\Z")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
_AUTHOR_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*|\bal\.)[ \t]*\Z")


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """A year that is part of a name, so dates nothing the story tells: between an article
    and a proper name ("the 2006 Lombok Treaty") or an author's year in brackets ("Smith
    (2015) argued"). "The 2011 census" and "the 1967 war" are happenings in that year, and
    "resolution 1701 (2006)" gives the year the resolution was adopted: they date the story."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return bool(_AUTHOR_BEFORE.search(text, max(0, start - 30), start - 1))
    return bool(
        _DETERMINER_BEFORE.search(text, max(0, start - 8), start) and _NAME_AFTER.match(text, end)
    )


# --- spotting ---------------------------------------------------------------------------------


def _spot(text: str) -> list[Cand]:
    """Run every rule around its triggers and keep the candidates that pass its check."""
    cands = []
    windows = RULES.windows(text)
    for order, rule in enumerate(RULES.rules):
        for w_start, w_end in windows.get(rule.name, ()):
            for m in rule.pattern.finditer(text, w_start, w_end):
                if m.end() > m.start():
                    start = rule.start(m) if rule.start else m.start()
                    cands.append(Cand(start, m.end(), rule, order, m))
    spot = Spotting(
        text, {c.m.end("y") for c in cands if c.rule.lends != "year" and _has(c.m, "y")}
    )
    kept = []
    for c in sorted(cands, key=lambda c: c.start):
        if not c.rule.check(c, spot):
            continue
        if c.rule.lends == "year" and _has(c.m, "y"):
            spot.year_ends.add(c.m.end("y"))
        kept.append(c)
    return kept


def _has(m: re.Match[str], group: str) -> bool:
    return group in m.re.groupindex and m.group(group) is not None


def _select(cands: list[Cand]) -> list[Cand]:
    """Keep the longest of overlapping candidates (rule order breaks ties).

    The candidates taken never overlap, so, kept in text order, only the two neighbours
    of a new candidate can overlap it.
    """
    starts: list[int] = []
    taken: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.order, c.start)):
        i = bisect.bisect_right(starts, c.start)
        if i and taken[i - 1].end > c.start:
            continue
        if i < len(taken) and taken[i].start < c.end:
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken


# --- output -----------------------------------------------------------------------------------


def _to_match(c: Cand, res: Resolution, text: str, anchor: str = "") -> DateMatch:
    """Build the DateMatch, with a modifier from the preceding word, a time detail and
    what the date counted from (``provenance``; "" for an unresolved one)."""
    modifier = res.modifier
    if not modifier:
        modifier = MODIFIER_WORDS.get(prev_word(text, c.start), "")
        modifier = "" if modifier in ("from", "during") else modifier
    detail = _time_detail(text, c.start, c.end) if res.precision in ("day", "unresolved") else ""
    start, end = res.span if res.span else (None, None)
    precision = res.precision if res.span else "unresolved"
    return DateMatch(
        c.start,
        c.end,
        start,
        end,
        precision,
        text[c.start : c.end],
        modifier,
        detail,
        anchor if res.span else "",
    )


def _time_detail(text: str, start: int, end: int) -> str:
    """A clock time written right after (or before) a day expression, as written."""
    after = TIME_AFTER.match(text[end : end + 200])
    if after:
        return after.group(0).strip(" ,")
    before = TIME_BEFORE.search(text[max(0, start - 60) : start])
    return before.group(0).strip(" ,") if before else ""
