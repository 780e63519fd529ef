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

import bisect
import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from chronicle.ingest import date_rules as R
from chronicle.model import DateMatch

__all__ = ["find_dates"]

Span = tuple[date, date]
_TENSE_SLACK_DAYS = 120
"""How far the nearest reading may be on the wrong side of the reference before tense flips it."""
_FULL_MONTHS = frozenset(name for name, num in R.MONTHS.items() if len(name) > 3 or num == 5)


@dataclass(slots=True)
class _Cand:
    """A spotted candidate: the rule that found it and its regex match."""

    start: int
    end: int
    rule: str
    order: int
    m: re.Match[str]


@dataclass(slots=True, frozen=True)
class _Anchor:
    """An earlier match with an explicit year, for resolving year-less dates after it."""

    start: int
    end: int
    when: date
    dated: bool
    """True for month- or day-level expressions ("December 2017"), False for bare years."""


@dataclass(slots=True)
class _Context:
    """What resolution may look at besides the candidate itself."""

    text: str
    reference: date | None
    paragraph_starts: list[int]
    anchors: list[_Anchor] = field(default_factory=list)
    """Earlier matches that wrote their year out, in text order."""
    last_span: Span | None = None
    last_quarter: Span | None = None
    last_quarter_end: int = -1

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos)


@dataclass(slots=True)
class _Res:
    """A resolved candidate, before it becomes a DateMatch."""

    span: Span | None
    precision: str
    modifier: str = ""
    explicit_year: int | None = None


def find_dates(text: str, reference: date | None = None) -> list[DateMatch]:
    """Find every date expression in ``text``.

    Args:
        text: Plain text of a document (or any part of one).
        reference: The document's own date; relative and year-less expressions are
            resolved against it. Without it, deictic expressions are "unresolved".

    Returns:
        Matches in text order, non-overlapping, with ``text[m.start:m.end] == m.text``.
    """
    ctx = _Context(text, reference, [p.end() for p in R.PARAGRAPH_BREAK.finditer(text)])
    matches = []
    for cand in _select(_spot(text)):
        res = _resolve(cand, ctx)
        if res is None:
            continue
        if res.explicit_year is not None and res.span is not None:
            dated = cand.rule not in ("year", "spoken_year", "decade", "century")
            when = res.span[0] if dated else date(res.explicit_year, 7, 1)
            ctx.anchors.append(_Anchor(cand.start, cand.end, when, dated))
        if res.span is not None:
            ctx.last_span = res.span
            if cand.rule == "quarter":
                ctx.last_quarter = res.span
                ctx.last_quarter_end = cand.end
        matches.append(_to_match(cand, res, text))
    return matches


# --- spotting ---------------------------------------------------------------------------------


def _spot(text: str) -> list[_Cand]:
    """Run every rule over the text and keep the plausible candidates."""
    cands = []
    windows = _windows(text)
    for order, (rule, rx) in enumerate(R.RULES.items()):
        for w_start, w_end in windows.get(rule, ()):
            for m in rx.finditer(text, w_start, w_end):
                if m.end() > m.start():
                    cands.append(_Cand(_trimmed_start(rule, m), m.end(), rule, order, m))
    year_ends = {c.m.end("y") for c in cands if c.rule not in ("year",) and _has(c.m, "y")}
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
            rules = R.DIGIT_RULES
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
    if rule == "quarter" and m.group("hy") and "-" in m.group("hy") and m.group("the"):
        if m.group("the").lower() == "the":
            return m.end("the") + len(m.string[m.end("the") :]) - len(m.string[m.end("the") :].lstrip())
    return m.start()


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest of overlapping candidates (rule order breaks ties)."""
    taken: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _has(m: re.Match[str], group: str) -> bool:
    return group in m.re.groupindex and m.group(group) is not None


def _prev_word(text: str, pos: int) -> str:
    """The word (or punctuation mark) right before ``pos``, lower-cased."""
    m = re.search(r"([\w.']+|[,&–-])\s*$", text[max(0, pos - 40) : pos])
    return m.group(1).lower().rstrip(".") if m else ""


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _plausible_year(m: re.Match[str], text: str, year_ends: set[int]) -> bool:
    """Is a bare four-digit number (or year range) a year here?"""
    y = int(m.group("y"))
    start = m.start("y") if not (_has(m, "mod") or _has(m, "fy")) else m.start()
    if R.QUANTITY_AFTER.match(text, m.end()) or R.MONEY_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    if _has(m, "y2") and _year_range_end(y, m.group("y2")) is None:
        return False
    prev = _prev_word(text, start)
    strong = _has(m, "mod") or _has(m, "fy") or prev in R.STRONG_YEAR_CONTEXT
    if not (1900 <= y <= 2100 or (1800 <= y < 1900 and strong)):
        return False
    if "\t" in _line_of(text, start) or "|" in _line_of(text, start):
        return False  # a table cell
    if strong:
        return True
    if prev in R.YEAR_CONTEXT:
        if prev in ("the", "its", "their", "his", "her", "our", "this", "that"):
            return bool(re.match(r"\s+[A-Za-z]", text[m.end() :]))
        if prev == "of" and _prev_word(text, start - 3) in ("total", "number", "sum", "out", "lot"):
            return False
        return True
    if prev == "," and R.CITATION_YEAR_END.match(text, m.end()):
        return True  # "Board of Investment, 2017." (a citation's year)
    if prev in R.LIST_JOINERS:
        joiner = re.search(r"\s*(?:and|or|&|,|to|through|nor|-|–)\s*$", text[max(0, start - 12) : start])
        return joiner is not None and start - len(joiner.group(0)) in year_ends
    if prev == "" and text[max(0, start - 1) : start] == "(":
        return text[m.end() : m.end() + 1] == ")"
    return False


def _plausible(c: _Cand, text: str) -> bool:
    """Context checks for the rules other than bare years."""
    m = c.m
    if c.rule == "month" and not (_has(m, "y") or _has(m, "ry") or _has(m, "mod") or _has(m, "rel")):
        word = m.group("m")
        if word.rstrip(".").lower() not in _FULL_MONTHS:
            return False  # "Jan." alone is too weak
        prev = _prev_word(text, m.start())
        contexted = prev in R.YEAR_CONTEXT or prev in ("last", "next", "this", "each", "every", "and", "or", "to", "on", "until")
        if word.title() in ("May", "March") and not contexted:
            return False
        return contexted or not re.match(r"\s+[A-Z][a-z]", text[m.end() :])
    if c.rule == "season":
        return _has(m, "y") or _has(m, "rel")
    if c.rule == "quarter" and _has(m, "qn"):
        return any(_has(m, g) for g in ("y3", "yy", "y4"))
    if c.rule == "ago" and m.group("dir").lower() in ("before", "after"):
        return not re.match(r"\s*[A-Za-z]", text[m.end() :])
    if c.rule in ("mdy", "dmy", "numeric", "iso"):
        return _day_fields(c) is not None
    return True


# --- day-level fields -------------------------------------------------------------------------


def _month(word: str) -> int:
    return R.MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy <= 40 else 1900 + yy


def _day_fields(c: _Cand) -> tuple[int, int, int | None, int, int, int | None] | None:
    """(month, day, year, end month, end day, weekday) of a day-level candidate, if valid."""
    m = c.m
    wd = None
    if c.rule == "iso":
        mo, d, y = int(m.group("mo")), int(m.group("d")), int(m.group("y"))
        fields = (mo, d, y, mo, d)
    elif c.rule == "numeric":
        a, b, y = m.group("a") or m.group("a2"), m.group("b") or m.group("b2"), m.group("y") or m.group("y2")
        a, b, yv = int(a), int(b), int(y)
        yv = _two_digit_year(yv) if len(y) == 2 else yv
        if m.group("sep2") == "." or a > 12:
            a, b = b, a  # day first
        fields = (a, b, yv, a, b)
    elif c.rule == "mdy":
        mo, d = _month(m.group("m")), _day(m.group("d"))
        mo2 = _month(m.group("m2")) if m.group("m2") else mo
        d2 = _day(m.group("d2")) if m.group("d2") else d
        fields = (mo, d, int(m.group("y")) if m.group("y") else None, mo2, d2)
    else:  # dmy
        mo2, d2 = _month(m.group("m2")), _day(m.group("d2"))
        mo = _month(m.group("m")) if m.group("m") else mo2
        d = _day(m.group("d")) if m.group("d") else d2
        fields = (mo, d, int(m.group("y")) if m.group("y") else None, mo2, d2)
    if _has(m, "wd"):
        wd = R.WEEKDAYS[_weekday_name(m.group("wd"))]
    mo, d, y, mo2, d2 = fields
    if not (1 <= mo <= 12 and 1 <= mo2 <= 12) or (y is not None and not 1800 <= y <= 2100):
        return None
    if d > calendar.monthrange(y or 2000, mo)[1] or d2 > calendar.monthrange(y or 2000, mo2)[1]:
        return None
    if (mo2, d2) < (mo, d):
        return None
    return mo, d, y, mo2, d2, wd


def _weekday_name(word: str) -> str:
    word = word.lower().rstrip(".")
    return next(name for name in R.WEEKDAYS if name.startswith(word[:3]))


# --- resolution -------------------------------------------------------------------------------


def _resolve(c: _Cand, ctx: _Context) -> _Res | None:
    handler = _HANDLERS[c.rule]
    return handler(c, ctx)


def _implicit_year(ctx: _Context, pos: int, month: int, day: int, weekday: int | None) -> int | None:
    """Year for a year-less date: the year putting it nearest a local anchor or the reference.

    The local anchor is the last explicit-year match before ``pos`` when it is in the same
    sentence, or in the same paragraph and itself month- or day-level ("in December 2017
    ... on December 19"). Without a reference, any earlier explicit year will do.
    """
    base, tense = ctx.reference, None
    if ctx.anchors:
        last = ctx.anchors[-1]
        same_sentence = not R.SENTENCE_END.search(ctx.text, last.end, pos)
        same_paragraph = ctx.paragraph(last.start) == ctx.paragraph(pos)
        if same_sentence or (same_paragraph and last.dated) or base is None:
            base = last.when
    if base is None:
        return None
    if base is ctx.reference:
        tense = _tense(ctx.text, pos, pos + 1)
    year = _implicit_year_nearest(base, month, day, weekday)
    if tense is not None:
        d = _safe_date(year, month, day) or date(year, month, 28)
        if (d - base).days > _TENSE_SLACK_DAYS and tense is False:
            year -= 1
        elif (base - d).days > _TENSE_SLACK_DAYS and tense is True:
            year += 1
    return year


def _implicit_year_nearest(base: date, month: int, day: int, weekday: int | None) -> int:
    """The year putting month/day nearest ``base`` (weekday-consistent when possible)."""
    years = [base.year - 1, base.year, base.year + 1]
    if weekday is not None:
        fitting = [y for y in years if (d := _safe_date(y, month, day)) and d.weekday() == weekday]
        years = fitting or years
    return min(years, key=lambda y: abs(((_safe_date(y, month, day) or date(y, month, 28)) - base).days))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _res_day(c: _Cand, ctx: _Context) -> _Res | None:
    mo, d, y, mo2, d2, wd = _day_fields(c)
    explicit = y
    if y is None:
        y = _implicit_year(ctx, c.start, mo, d, wd)
        if y is None:
            return _Res(None, "unresolved")
    start, end = _safe_date(y, mo, d), _safe_date(y, mo2, d2)
    if start is None or end is None:
        return None
    return _Res((start, end), "day" if start == end else "range", explicit_year=explicit)


def _month_span(y: int, m: int) -> Span:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year_span(y: int) -> Span:
    return date(y, 1, 1), date(y, 12, 31)


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _sub_span(span: Span, mod: str) -> tuple[Span, str]:
    """Narrow a span for early/mid/late/end/beginning; returns (span, modifier)."""
    key = re.sub(r"^(the\s+)?", "", mod.lower()).split()[0]
    key = {"middle": "mid", "start": "beginning", "turn": "beginning"}.get(key, key)
    if key in ("pre", "post"):
        return span, "before" if key == "pre" else "after"
    a, b = span
    n = (b - a).days + 1
    third = max(1, n // 3)
    parts = {
        "early": (a, a + timedelta(third - 1)),
        "mid": (a + timedelta(third), b - timedelta(third)),
        "late": (b - timedelta(third - 1), b),
        "end": (b - timedelta(max(1, n // 4) - 1), b),
        "beginning": (a, a + timedelta(max(1, n // 4) - 1)),
    }
    return parts[key], key


def _res_month(c: _Cand, ctx: _Context) -> _Res | None:
    m, ref = c.m, ctx.reference
    month = _month(m.group("m"))
    explicit = int(m.group("y")) if m.group("y") else None
    if explicit:
        y = explicit
    elif m.group("ry") or m.group("rel"):
        if ref is None:
            return _Res(None, "unresolved")
        rel = (m.group("ry") or m.group("rel")).lower().split()[0]
        y = ref.year + {"last": -1, "next": 1}.get(rel, 0)
        if m.group("rel") and rel in ("last", "past"):
            y = ref.year if month < ref.month else ref.year - 1
        elif m.group("rel") and rel in ("next", "coming"):
            y = ref.year if month > ref.month else ref.year + 1
    else:
        y = _implicit_year(ctx, c.start, month, 15, None)
        if y is None:
            return _Res(None, "unresolved")
    span = _month_span(y, month)
    if m.group("mod"):
        span, mod = _sub_span(span, m.group("mod"))
        return _Res(span, "approximate", mod, explicit)
    return _Res(span, "month", explicit_year=explicit)


def _year_range_end(y: int, y2: str) -> int | None:
    v = int(y2)
    if len(y2) == 2:
        v += y // 100 * 100
        if v <= y:
            v += 100
        return v if v - y <= 10 else None
    return v if 0 < v - y <= 200 else None


def _res_year(c: _Cand, ctx: _Context) -> _Res | None:
    m = c.m
    y = int(m.group("y"))
    if m.group("y2"):
        return _Res((date(y, 1, 1), date(_year_range_end(y, m.group("y2")), 12, 31)), "range", explicit_year=y)
    if m.group("mod"):
        span, mod = _sub_span(_year_span(y), m.group("mod"))
        return _Res(span, "approximate", mod, y)
    return _Res(_year_span(y), "year", explicit_year=y)


def _res_decade(c: _Cand, ctx: _Context) -> _Res | None:
    m = c.m
    if m.group("dec"):
        start = int(m.group("dec"))
    else:
        n = int(m.group("dec2")) if m.group("dec2") else R.DECADE_WORDS[m.group("decw").lower()] * 1
        ref_year = ctx.reference.year if ctx.reference else 2000
        start = 2000 + n if 2000 + n + 5 <= ref_year else 1900 + n
    span: Span = (date(start, 1, 1), date(start + 9, 12, 31))
    mod = ""
    if m.group("mod"):
        span, mod = _sub_span(span, m.group("mod"))
    return _Res(span, "approximate", mod)


def _res_century(c: _Cand, ctx: _Context) -> _Res | None:
    n = int(c.m.group("c"))
    span: Span = (date((n - 1) * 100 + 1, 1, 1), date(n * 100, 12, 31))
    mod = ""
    if c.m.group("mod"):
        span, mod = _sub_span(span, c.m.group("mod"))
    return _Res(span, "approximate", mod)


def _quarter_span(y: int, q: int) -> Span:
    a = date(y, 3 * q - 2, 1)
    return a, _month_span(y, 3 * q)[1]


def _res_quarter(c: _Cand, ctx: _Context) -> _Res | None:
    m, ref = c.m, ctx.reference
    if m.group("qrel"):
        rel = m.group("qrel").lower().split()[-1]
        if rel == "the" and ctx.last_quarter is not None:
            return _Res(ctx.last_quarter, "range")
        if ref is None:
            return _Res(None, "unresolved")
        n = {"this": 0, "current": 0, "next": 1}.get(rel, -1)
        return _Res(_unit_span("quarter", ref, n)[0], "range")
    q = int(m.group("qn")) if m.group("qn") else R.ORDINALS[m.group("q").lower()]
    ys = [m.group(g) for g in ("y", "y2", "y3", "y4") if m.group(g)]
    y = int(ys[0]) if ys else (_two_digit_year(int(m.group("yy"))) if m.group("yy") else None)
    explicit = y
    if y is None and m.group("the") and "year's" in m.group("the").lower():
        if ref is None:
            return _Res(None, "unresolved")
        y = ref.year + {"this": 0, "last": -1, "next": 1}[m.group("the").lower().split()[0]]
    if y is None:
        if ref is None:
            return _Res(None, "unresolved")
        y = ref.year if 3 * q - 2 <= ref.month else ref.year - 1
        if _tense(ctx.text, c.start, c.end) and _quarter_span(y, q)[1] < ref:
            y += 1
    return _Res(_quarter_span(y, q), "range", explicit_year=explicit)


def _res_spoken_year(c: _Cand, ctx: _Context) -> _Res | None:
    words = re.findall(r"[a-z]+", c.m.group("sy").lower())
    if words[:2] == ["two", "thousand"]:
        y = 2000 + sum(R.SPOKEN_NUMBERS[w] for w in words[2:])
    else:
        y = R.SPOKEN_NUMBERS[words[0]] * 100 + sum(R.SPOKEN_NUMBERS[w] for w in words[1:])
    return _Res(_year_span(y), "year", explicit_year=y)


def _res_vague(c: _Cand, ctx: _Context) -> _Res | None:
    """now / recently / the future: the reference day, a modifier saying which way."""
    ref = ctx.reference
    if ref is None:
        return _Res(None, "unresolved")
    if c.m.group("present"):
        return _Res((ref, ref), "approximate", "present")
    if c.m.group("past"):
        return _Res((ref - timedelta(days=365 if "year" in c.m.group(0) else 90), ref), "approximate", "past")
    return _Res((ref, ref + timedelta(days=365)), "approximate", "future")


def _res_half(c: _Cand, ctx: _Context) -> _Res | None:
    m = c.m
    h = int(m.group("hn")) if m.group("hn") else (1 if m.group("h").lower() == "first" else 2)
    y = int(m.group("y") or m.group("y2"))
    a = date(y, 1, 1) if h == 1 else date(y, 7, 1)
    return _Res((a, date(y, 6, 30) if h == 1 else date(y, 12, 31)), "range", explicit_year=y)


def _season_span(y: int, season: str) -> Span:
    sm = R.SEASONS[season]
    ey, em = _shift_month(y, sm, 2)
    return date(y, sm, 1), _month_span(ey, em)[1]


def _res_season(c: _Cand, ctx: _Context) -> _Res | None:
    m, ref = c.m, ctx.reference
    season = m.group("s").lower()
    explicit = int(m.group("y")) if m.group("y") else None
    if explicit:
        y = explicit
    else:
        if ref is None:
            return _Res(None, "unresolved")
        rel = m.group("rel").lower().split()[-1]
        y = ref.year - (1 if season == "winter" and ref.month <= 2 else 0)
        if rel in ("last", "past"):
            y = y if _season_span(y, season)[1] < ref else y - 1
        elif rel in ("next", "coming"):
            y = y if _season_span(y, season)[0] > ref else y + 1
    span = _season_span(y, season)
    mod = ""
    if m.group("mod"):
        span, mod = _sub_span(span, m.group("mod"))
    return _Res(span, "approximate", mod, explicit)


def _res_deictic(c: _Cand, ctx: _Context) -> _Res | None:
    if ctx.reference is None:
        return _Res(None, "unresolved")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[c.m.group("deic").lower()]
    d = ctx.reference + timedelta(offset)
    return _Res((d, d), "day")


def _res_weekday(c: _Cand, ctx: _Context) -> _Res | None:
    ref = ctx.reference
    if ref is None:
        return _Res(None, "unresolved")
    wd = R.WEEKDAYS[c.m.group("wd").lower()]
    rel = (c.m.group("rel") or "").lower().split()
    back = (ref.weekday() - wd) % 7
    if rel[-1:] in (["last"], ["past"], ["previous"]):
        d = ref - timedelta(back or 7)
    elif rel[-1:] in (["next"], ["coming"], ["following"]) or (
        rel[-1:] not in (["this"],) and _tense(ctx.text, c.start, c.end)
    ):
        d = ref + timedelta((wd - ref.weekday()) % 7 or (7 if rel else 0))
    else:
        d = ref - timedelta(back)
    return _Res((d, d), "day")


def _tense(text: str, start: int, end: int) -> bool | None:
    """Which way the nearest tense cue around an expression points: True = future.

    None when the clause has no cue. A possessive ("Wednesday's ruling") reads as past.
    """
    if text.startswith(("'s", "’s"), end):
        return False
    left = re.split(r"[.;!?\n]", text[max(0, start - 80) : start])[-1]
    right = re.split(r"[.;,!?\n]", text[end : end + 50])[0]
    best: tuple[int, bool] | None = None
    for cue, future in ((R.FUTURE_CUE, True), (R.PAST_CUE, False)):
        for m in cue.finditer(left):
            dist = len(left) - m.end()
            if best is None or dist < best[0] or (dist == best[0] and future):
                best = (dist, future)
        m = cue.search(right)
        if m and (best is None or m.start() + 5 < best[0]):
            best = (m.start() + 5, future)
    return None if best is None else best[1]


def _unit_span(unit: str, ref: date, n: int) -> tuple[Span, str]:
    """The calendar unit containing ``ref`` shifted by ``n`` units, with its precision."""
    if unit == "week":
        monday = ref - timedelta(ref.weekday()) + timedelta(7 * n)
        return (monday, monday + timedelta(6)), "approximate"
    if unit == "weekend":
        sat = ref - timedelta(ref.weekday()) + timedelta(7 * n + 5)
        return (sat, sat + timedelta(1)), "approximate"
    if unit == "month":
        return _month_span(*_shift_month(ref.year, ref.month, n)), "month"
    if unit == "quarter":
        qy, qm = _shift_month(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * n)
        return _quarter_span(qy, (qm + 2) // 3), "range"
    if unit == "year":
        return _year_span(ref.year + n), "year"
    size = 10 if unit == "decade" else 100
    first = (ref.year // size + n) * size
    return (date(first, 1, 1), date(first + size - 1, 12, 31)), "approximate"


def _res_unit_rel(c: _Cand, ctx: _Context) -> _Res | None:
    m = c.m
    if m.group("the_weekend"):
        if ctx.reference is None:
            return _Res(None, "unresolved")
        ahead = _tense(ctx.text, c.start, c.end) and ctx.reference.weekday() < 5
        return _Res(_unit_span("weekend", ctx.reference, 0 if ahead or ctx.reference.weekday() >= 5 else -1)[0], "approximate")
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    ref = ctx.reference
    if rel in ("following", "previous", "preceding", "same") and ctx.last_span is not None:
        ref = ctx.last_span[0]
    if ref is None:
        return _Res(None, "unresolved")
    n = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "next": 1, "coming": 1, "following": 1}
    span, precision = _unit_span(unit, ref, n.get(rel, 0))
    mod = (m.group("mod2") or "").lower()
    if mod in ("earlier", "later"):
        return _Res(span, "approximate", mod)
    if mod == "sometime":
        return _Res(span, precision, "about")
    if mod:
        span, mod = _sub_span(span, mod)
        return _Res(span, "approximate", mod)
    return _Res(span, precision)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else R.NUMBER_WORDS[word.lower()]


def _res_ago(c: _Cand, ctx: _Context) -> _Res | None:
    m, ref = c.m, ctx.reference
    if ref is None:
        return _Res(None, "unresolved")
    n = _count(m.group("num"))
    sign = 1 if m.group("dir").lower().split()[0] in ("later", "from", "hence", "after") else -1
    unit = m.group("unit").lower()
    modifier = "about" if m.group("approx") else ""
    if unit == "year" and ctx.last_quarter and 0 <= c.start - ctx.last_quarter_end < 300:
        # "third-quarter profit rose from $5 million a year earlier": the same quarter
        a, b = ctx.last_quarter
        years = sign * n
        return _Res((a.replace(year=a.year + years), b.replace(year=b.year + years)), "range", modifier)
    if unit == "day":
        d = ref + timedelta(sign * n)
        return _Res((d, d), "day", modifier)
    if unit == "week":
        span, _ = _unit_span("week", ref, sign * n)
        return _Res(span, "approximate", modifier)
    if unit == "month":
        return _Res(_month_span(*_shift_month(ref.year, ref.month, sign * n)), "month", modifier)
    years = n * (10 if unit == "decade" else 1)
    return _Res(_year_span(ref.year + sign * years), "year", modifier)


def _res_span(c: _Cand, ctx: _Context) -> _Res | None:
    m, ref = c.m, ctx.reference
    if ref is None:
        return _Res(None, "unresolved")
    n = _count(m.group("num"))
    unit = m.group("unit").lower()
    days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}[unit] * n
    if m.group("rel").lower() in ("next", "coming"):
        return _Res((ref, ref + timedelta(round(days))), "approximate", "next")
    return _Res((ref - timedelta(round(days)), ref), "approximate", "past")


_HANDLERS = {
    "iso": _res_day,
    "numeric": _res_day,
    "mdy": _res_day,
    "dmy": _res_day,
    "month": _res_month,
    "year": _res_year,
    "decade": _res_decade,
    "century": _res_century,
    "quarter": _res_quarter,
    "half": _res_half,
    "season": _res_season,
    "deictic": _res_deictic,
    "weekday": _res_weekday,
    "unit_rel": _res_unit_rel,
    "ago": _res_ago,
    "span": _res_span,
    "spoken_year": _res_spoken_year,
    "vague": _res_vague,
}


# --- output -----------------------------------------------------------------------------------


def _to_match(c: _Cand, res: _Res, text: str) -> DateMatch:
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
