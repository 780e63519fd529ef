"""Find the date expressions in an English text and resolve each to calendar dates.

One job: ``find_dates(text, reference)`` -> ``list[DateMatch]``. Candidates are spotted
with the compiled regexes of ``date_rules`` (month names, numeric forms, weekdays,
relative words), overlapping candidates are reduced to the longest, and each survivor
is resolved with pure date arithmetic. Year-less expressions take their year from
document context: the nearest preceding explicit year in the same paragraph, else the
reference date (the year that puts the date nearest to it). Deictic expressions
("yesterday", "last year") need the reference; without one they come back with
precision "unresolved" and no dates. dateparser is not needed: the rules cover every
form they spot, which keeps a 10 KB document at a few milliseconds.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from chronicle.ingest import date_rules as R
from chronicle.ingest.date_resolve import (
    Anchor,
    Cand,
    Context,
    Resolution,
    day_fields,
    has_group,
    numeric_order_evidence,
    resolve,
    year_range_end,
)
from chronicle.model import DateMatch

__all__ = ["find_dates"]

_RELATIVE_ANCHORS = frozenset({"unit_rel", "ago", "deictic"})
"""Rules whose resolved day or month dates the year-less dates after it, like a year."""

_FULL_MONTHS = frozenset(name for name, num in R.MONTHS.items() if len(name) > 3 or num == 5)


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
    ctx = Context(text, reference, [p.end() for p in R.PARAGRAPH_BREAK.finditer(text)])
    years = [
        (h.start(), int(h.group("y")))
        for h in R.YEAR_HEADING.finditer(text)
        if not R.NUMBER_LINE.match(text, h.end() + 1)  # a column of years is a table
    ]
    if years:  # any other heading ends a year's section ("## Outlook")
        others = [(h.start(), 0) for h in R.MARKDOWN_HEADING.finditer(text)]
        ctx.year_headings = sorted(dict(others + years).items())
    cands = _select(_spot(text))
    ctx.day_first = sum(numeric_order_evidence(c) for c in cands) > 0
    matches = []
    for cand in cands:
        try:
            res = resolve(cand, ctx)
        except (OverflowError, ValueError):
            continue  # "9999999999 days ago": no calendar date, so no match
        if res is None:
            continue
        if res.explicit_year is not None and res.span is not None:
            dated = cand.rule not in ("year", "spoken_year", "decade", "century")
            when = res.span[0] if dated else date(res.explicit_year, 7, 1)
            ctx.anchors.append(Anchor(cand.start, cand.end, when, dated))
        elif cand.rule in _RELATIVE_ANCHORS and res.precision in ("day", "month"):
            # "Last month, the two sides renewed the accord, on October 22": that October
            ctx.anchors.append(Anchor(cand.start, cand.end, res.span[0], True))
        if res.span is not None:
            ctx.last_span = res.span
            if cand.rule == "quarter":
                ctx.last_quarter = res.span
                ctx.last_quarter_end = cand.end
        matches.append(_to_match(cand, res, text))
    return matches


# --- spotting ---------------------------------------------------------------------------------


def _spot(text: str) -> list[Cand]:
    """Run every rule over the text and keep the plausible candidates."""
    cands = []
    windows = _windows(text)
    for order, (rule, rx) in enumerate(R.RULES.items()):
        for w_start, w_end in windows.get(rule, ()):
            for m in rx.finditer(text, w_start, w_end):
                if m.end() > m.start():
                    cands.append(Cand(_trimmed_start(rule, m), m.end(), rule, order, m))
    year_ends = {c.m.end("y") for c in cands if c.rule not in ("year",) and has_group(c.m, "y")}
    kept = []
    for c in sorted(cands, key=lambda c: c.start):
        if c.rule == "year":
            if not _plausible_year(c.m, text, year_ends):
                continue
            year_ends.add(c.m.end("y"))
        elif not _plausible(c, text):
            continue
        kept.append(c)
    return kept


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Rule -> merged stretches of text around its trigger words: where its dates can be.

    Scanning each rule's regex only there keeps find_dates fast: one tokenising pass
    replaces eighteen full-text regex scans.
    """
    windows: dict[str, list[list[int]]] = {}
    margin, size = R.WINDOW_MARGIN, len(text)
    exact, lower = R.EXACT_TRIGGERS, R.WORD_TRIGGERS
    for m in R.TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            # only "1990s", "'90s" can start a decade: most numbers need not try that rule
            decade = token[-1] == "0" and text[m.end() : m.end() + 1] in ("s", "'", "’")
            rules = R.DIGIT_RULES_DECADE if decade else R.DIGIT_RULES
        else:
            rules = exact.get(token) or lower.get(token.lower())
            if not rules:
                continue
        start, end = max(0, m.start() - margin), min(size, m.end() + margin)
        for rule in rules:
            spans = windows.setdefault(rule, [])
            if spans and start <= spans[-1][1]:
                spans[-1][1] = end
            else:
                spans.append([start, end])
    return {rule: [(a, b) for a, b in spans] for rule, spans in windows.items()}


def _trimmed_start(rule: str, m: re.Match[str]) -> int:
    """Where the expression starts: "the" before an adjective ("the third-quarter") is not in it."""
    the = m.group("the") if rule == "quarter" else None
    if the and the.lower() == "the" and "-" in (m.group("hy") or ""):
        return m.end("the") + len(re.match(r"\s*", m.string[m.end("the") :]).group(0))
    return m.start()


def _select(cands: list[Cand]) -> list[Cand]:
    """Keep the longest of overlapping candidates (rule order breaks ties)."""
    taken: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _prev_word(text: str, pos: int) -> str:
    """The word (or punctuation mark) right before ``pos``, lower-cased."""
    m = re.search(r"([\w.']+|[,&–-])\s*$", text[max(0, pos - 40) : pos])
    return m.group(1).lower().rstrip(".") if m else ""


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _plausible_year(m: re.Match[str], text: str, year_ends: set[int]) -> bool:
    """Is a bare four-digit number (or year range) a year here?"""
    y = int(m.group("y"))
    start = m.start("y") if not (has_group(m, "mod") or has_group(m, "fy")) else m.start()
    if R.QUANTITY_AFTER.match(text, m.end()) or R.MONEY_BEFORE.search(
        text[max(0, start - 8) : start]
    ):
        return False
    if has_group(m, "y2") and year_range_end(y, m.group("y2")) is None:
        return False
    prev = _prev_word(text, start)
    strong = has_group(m, "mod") or has_group(m, "fy") or prev in R.STRONG_YEAR_CONTEXT
    if not (1900 <= y <= 2100 or (1800 <= y < 1900 and strong)):
        return False
    if "\t" in _line_of(text, start) or "|" in _line_of(text, start):
        return False  # a table cell
    if strong or _heads_a_timeline_line(text, start, m.end()):
        return True
    if prev in R.YEAR_CONTEXT:
        if prev in ("the", "a", "its", "their", "his", "her", "our", "this", "that"):
            return bool(re.match(r"\s+[A-Za-z]", text[m.end() :]))  # "the 2005 earthquake"
        return not (
            prev == "of" and _prev_word(text, start - 3) in ("total", "number", "sum", "out", "lot")
        )
    if prev == "," and R.CITATION_YEAR_END.match(text, m.end()):
        return True  # "Board of Investment, 2017." (a citation's year)
    if prev in R.LIST_JOINERS:
        joiner = re.search(
            r"\s*(?:and|or|&|,|to|through|nor|-|–)\s*$", text[max(0, start - 12) : start]
        )
        return joiner is not None and start - len(joiner.group(0)) in year_ends
    if prev == "" and text[max(0, start - 1) : start] == "(":
        return text[m.end() : m.end() + 1] == ")"
    return False


_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·][ \t]+)?\Z")
_ENTRY_AFTER = re.compile(r"[ \t]*(?::|–|—|-[ \t])[ \t]*\S")


def _heads_a_timeline_line(text: str, start: int, end: int) -> bool:
    """A year opening a line of a chronology: "1947: Pakistan is created", "- 2011 – visit"."""
    return bool(
        _LINE_START.search(text, max(0, start - 8), start) and _ENTRY_AFTER.match(text, end)
    )


def _named_by_word_before(text: str, pos: int) -> bool:
    """True when a capitalised word that is not a sentence's first makes a name with
    what follows ("Black Friday", "the Long March")."""
    before = re.search(r"(?:^|(?<=[\s(\[\"“‘]))([A-Z][a-z]+)\s+\Z", text[max(0, pos - 30) : pos])
    if not before or before.group(1) in R.DATE_WORDS_CAPITALISED:
        return False
    start = max(0, pos - 30) + before.start(1)
    lead = text[max(0, start - 3) : start]
    return not (start == 0 or re.search(r"(?:[.!?:;\n]|^)[\s\"“‘(]*\Z", lead))


def _plausible(c: Cand, text: str) -> bool:
    """Context checks for the rules other than bare years."""
    m = c.m
    if (
        c.rule == "month"
        and m.group("m").title() in ("May", "March")
        and not has_group(m, "mod")
        and not has_group(m, "rel")
        and (not has_group(m, "y") or text[m.end("m") : m.start("y")].strip() == "of")
        and _named_by_word_before(text, m.start())
    ):
        return False  # "the Long March of 1934": a name ("Published March 2020" is a date)
    if c.rule == "month" and not (
        has_group(m, "y") or has_group(m, "ry") or has_group(m, "mod") or has_group(m, "rel")
    ):
        word = m.group("m")
        if word.rstrip(".").lower() not in _FULL_MONTHS:
            return False  # "Jan." alone is too weak
        prev = _prev_word(text, m.start())
        contexted = prev in R.YEAR_CONTEXT or prev in (
            "last",
            "next",
            "this",
            "each",
            "every",
            "and",
            "or",
            "to",
            "on",
            "until",
        )
        if (
            prev == ","
            and re.search(rf"{R.MONTH_NAME}\s*,\s*\Z", text[max(0, m.start() - 14) : m.start()])
            and re.match(rf"\s*(?:,|and|or|&)\s*{R.MONTH_NAME}", text[m.end() : m.end() + 16])
        ):
            contexted = True  # "March, May and June 2019": inside a list of months
        if word.title() in ("May", "March") and (not contexted or prev == "the"):
            return False  # "The March was peaceful": a noun, unless a year follows
        return contexted or not re.match(r"\s+[A-Z][a-z]", text[m.end() :])
    if c.rule == "weekday":
        after = re.match(r"\s+([A-Z][a-z]+)", text[m.end() : m.end() + 20])
        # "The Sunday Times" is a name; "Clinton Saturday vowed" (wire style) is a date
        return not (after and after.group(1) in R.NAME_AFTER_WEEKDAY)
    if c.rule == "season":
        # "in the summer", "by the fall": this year's, read by tense; "summer" alone is a word
        the_season = text[m.start() : m.start() + 4].lower() == "the "
        return (
            has_group(m, "y")
            or has_group(m, "rel")
            or (
                the_season
                and _prev_word(text, m.start()) in ("in", "during", "by", "until", "over")
            )
        )
    if c.rule == "quarter" and has_group(m, "qn"):
        return any(has_group(m, g) for g in ("y3", "yy", "y4"))
    if c.rule == "ago" and m.group("dir").lower() in ("before", "after"):
        return not re.match(r"\s*[A-Za-z]", text[m.end() :])
    if c.rule == "day_tail":
        return R.LIST_HEAD_BEFORE.search(text, max(0, c.start - 60), c.start) is not None
    if c.rule in ("mdy", "dmy", "dmy_dash", "numeric", "iso"):
        return day_fields(c) is not None
    return True


# --- output -----------------------------------------------------------------------------------


def _to_match(c: Cand, res: Resolution, text: str) -> DateMatch:
    """Build the DateMatch, with a modifier from the preceding word and a time detail."""
    modifier = res.modifier
    if not modifier:
        modifier = R.MODIFIER_WORDS.get(_prev_word(text, c.start), "")
        modifier = "" if modifier in ("from", "during") else modifier
    detail = _time_detail(text, c.start, c.end) if res.precision in ("day", "unresolved") else ""
    start, end = res.span if res.span else (None, None)
    precision = res.precision if res.span else "unresolved"
    return DateMatch(c.start, c.end, start, end, precision, text[c.start : c.end], modifier, detail)


def _time_detail(text: str, start: int, end: int) -> str:
    """A clock time written right after (or before) a day expression, as written."""
    after = R.TIME_AFTER.match(text[end : end + 200])
    if after:
        return after.group(0).strip(" ,")
    before = R.TIME_BEFORE.search(text[max(0, start - 60) : start])
    return before.group(0).strip(" ,") if before else ""
