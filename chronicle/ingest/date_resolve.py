"""Resolve spotted date candidates to calendar dates: pure date arithmetic plus context.

Used by ``dates.find_dates``: each candidate (a regex match of a ``date_rules`` rule) is
turned into a span of dates and a precision. Year-less dates take their year from a local
anchor (an earlier explicit year in the same sentence, or a month/day-level one in the
same paragraph), else from the reference date, choosing the nearest year unless the tense
of the clause clearly points the other way; deictic words need the reference.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from chronicle.ingest import date_rules as R

Span = tuple[date, date]
_TENSE_SLACK_DAYS = 120
"""How far the nearest reading may be on the wrong side of the reference before tense flips it."""
_FUTURE_SLACK_DAYS = 30
"""The same for a future cue ("will be held in November"): past cues ("said") are often
about the reporting, not the event, but a future one rarely points at the past."""


@dataclass(slots=True)
class Cand:
    """A spotted candidate: the rule that found it and its regex match."""

    start: int
    end: int
    rule: str
    order: int
    m: re.Match[str]


@dataclass(slots=True, frozen=True)
class Anchor:
    """An earlier match with an explicit year, for resolving year-less dates after it."""

    start: int
    end: int
    when: date
    dated: bool
    """True for month- or day-level expressions ("December 2017"), False for bare years."""


@dataclass(slots=True)
class Context:
    """What resolution may look at besides the candidate itself."""

    text: str
    reference: date | None
    paragraph_starts: list[int]
    anchors: list[Anchor] = field(default_factory=list)
    """Earlier matches that wrote their year out, in text order."""
    year_headings: list[tuple[int, int]] = field(default_factory=list)
    """(offset, year) of a chronology's section headings, in text order; year 0 for another
    heading, which ends the section before it."""
    day_first: bool = False
    """Numeric dates are day/month/year here (the document writes "26 July 2022" or "26/07")."""
    last_span: Span | None = None
    last_quarter: Span | None = None
    last_quarter_end: int = -1

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos)


@dataclass(slots=True)
class Resolution:
    """A resolved candidate, before it becomes a DateMatch."""

    span: Span | None
    precision: str
    modifier: str = ""
    explicit_year: int | None = None


def has_group(m: re.Match[str], group: str) -> bool:
    return group in m.re.groupindex and m.group(group) is not None


# --- day-level fields -------------------------------------------------------------------------


def _month(word: str) -> int:
    return R.MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy <= 40 else 1900 + yy


def day_fields(c: Cand) -> tuple[int, int, int | None, int, int, int | None, int | None] | None:
    """(month, day, year, end month, end day, end year, weekday) of a day-level candidate.

    Years are None when the text gives none (the caller infers them). A range whose
    end month comes before its start month crosses a year end ("December 30 - January
    3, 1979": the start year is the one before). None when the fields make no date.
    """
    m = c.m
    wd = None
    y0: int | None = None
    if c.rule == "iso":
        mo, d, y = int(m.group("mo")), int(m.group("d")), int(m.group("y"))
        fields = (mo, d, y, mo, d)
    elif c.rule == "numeric":
        a, b, y = (
            m.group("a") or m.group("a2"),
            m.group("b") or m.group("b2"),
            m.group("y") or m.group("y2"),
        )
        a, b, yv = int(a), int(b), int(y)
        yv = _two_digit_year(yv) if len(y) == 2 else yv
        if m.group("sep2") == "." or a > 12:
            a, b = b, a  # day first
        fields = (a, b, yv, a, b)
    elif c.rule == "dmy_dash":
        y = m.group("y")
        yv = _two_digit_year(int(y)) if len(y) == 2 else int(y)
        mo, d = _month(m.group("m")), _day(m.group("d"))
        fields = (mo, d, yv, mo, d)
    elif c.rule == "mdy":
        mo, d = _month(m.group("m")), _day(m.group("d"))
        second = m.group("m2") or m.group("m2b")
        mo2 = _month(second) if second else mo
        d2 = _day(m.group("d2")) if m.group("d2") else d
        fields = (mo, d, int(m.group("y")) if m.group("y") else None, mo2, d2)
        y0 = int(m.group("y0")) if m.group("y0") else None
    else:  # dmy
        mo2, d2 = _month(m.group("m2")), _day(m.group("d2"))
        mo = _month(m.group("m")) if m.group("m") else mo2
        d = _day(m.group("d")) if m.group("d") else d2
        fields = (mo, d, int(m.group("y")) if m.group("y") else None, mo2, d2)
        y0 = int(m.group("y0")) if m.group("y0") else None
    if has_group(m, "wd"):
        wd = R.WEEKDAYS[_weekday_name(m.group("wd"))]
    mo, d, y, mo2, d2 = fields
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


def _month_first(c: Cand) -> bool:
    """True when a numeric candidate was read month first (nothing forced day first)."""
    m = c.m
    first = int(m.group("a") or m.group("a2"))
    return m.group("sep2") != "." and first <= 12


def numeric_order_evidence(c: Cand) -> int:
    """+1 when a candidate shows its document writes day before month, -1 for month first.

    "26/07/2022" and "26 July 2022" are day first; "07/26/2022" and "July 26, 2022" are
    month first; "04/01/2018" says nothing.
    """
    m = c.m
    if c.rule == "dmy" or c.rule == "dmy_dash":
        return 1
    if c.rule == "mdy":
        return -1
    if c.rule == "numeric":
        a, b = int(m.group("a") or m.group("a2")), int(m.group("b") or m.group("b2"))
        return 1 if a > 12 or m.group("sep2") == "." else (-1 if b > 12 else 0)
    return 0


def _range_years(first: int | None, last: int | None, wraps: bool) -> tuple[int | None, int | None]:
    """Start and end year from the years written after the first and the last day."""
    if first is None and last is None:
        return None, None
    if first is None:
        return (last - 1 if wraps else last), last
    if last is None:
        return first, (first + 1 if wraps else first)
    return first, last


def _weekday_name(word: str) -> str:
    word = word.lower().rstrip(".")
    return next(name for name in R.WEEKDAYS if name.startswith(word[:3]))


# --- resolution -------------------------------------------------------------------------------


def resolve(c: Cand, ctx: Context) -> Resolution | None:
    handler = _HANDLERS[c.rule]
    return handler(c, ctx)


_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")


_DAY_YEAR = re.compile(rf"{R.DAY}(?:,\s*|\s+)(?P<y>{R.YEAR})")
"""The last of a list of days in one month, with the year ("May 3 and 5, 2012")."""


def _listed_year(c: Cand, ctx: Context, month: int) -> int | None:
    """The year of a list's last date ("May 3 and June 5, 2012" -> 2012 for May 3).

    The year written after a list's last date belongs to all of them; going back
    through the list, a month after the next one's (December, then January) is in
    the year before.
    """
    months, pos = [month], c.end
    for _ in range(8):
        joiner = _LIST_NEXT.match(ctx.text, pos)
        if joiner and c.rule == "mdy" and (day := _DAY_YEAR.match(ctx.text, joiner.end())):
            return int(day.group("y")) - sum(1 for a, b in itertools.pairwise(months) if a > b)
        nxt = joiner and R.RULES[c.rule].match(ctx.text, joiner.end())
        if not nxt:
            return None
        second = (nxt.group("m2") if "m2" in nxt.re.groupindex else None) or (
            nxt.group("m2b") if c.rule == "mdy" else None
        )
        months.append(_month(second or nxt.group("m")))
        if nxt.group("y"):
            year = int(nxt.group("y"))
            return year - sum(1 for a, b in itertools.pairwise(months) if a > b)
        pos = nxt.end()
    return None


def _implicit_year(
    ctx: Context, pos: int, month: int, day: int, weekday: int | None, end: int | None = None
) -> int | None:
    """Year for a year-less date: the year putting it nearest a local anchor or the reference.

    The local anchor is the last explicit-year match before ``pos`` when it is in the same
    sentence, or in the same paragraph and itself month- or day-level ("in December 2017
    ... on December 19"). Without a reference, any earlier explicit year will do.
    """
    base, tense = ctx.reference, None
    at = bisect.bisect_left(ctx.year_headings, (pos, -1)) - 1
    heading = ctx.year_headings[at] if at >= 0 and ctx.year_headings[at][1] else None
    if heading is not None:
        base = date(heading[1], 7, 1)  # "## 2019" then "- 14 February: ...": 2019
    if ctx.anchors:
        last = ctx.anchors[-1]
        same_sentence = not R.SENTENCE_END.search(ctx.text, last.end, pos)
        same_paragraph = ctx.paragraph(last.start) == ctx.paragraph(pos)
        after_heading = heading is None or last.start > heading[0]
        if after_heading and (same_sentence or (same_paragraph and last.dated) or base is None):
            base = last.when
    if base is None:
        return None
    ref = ctx.reference
    if ref is not None:
        # with a weekday the clause's verb follows the whole "Thursday, January 4"
        tense = clause_tense(ctx.text, pos, end if end and weekday is not None else pos + 1)
    year, settled = _implicit_year_nearest(base, month, day, weekday, tense)
    if tense is not None and not settled:
        # Tense is about the time of writing: "... on 27 July 2023. The minister will
        # attend on 8 March" (written in 2024) is the March after the document date.
        d = _safe_date(year, month, day) or date(year, month, 28)
        if (d - ref).days > _TENSE_SLACK_DAYS and tense is False:
            flipped = year - 1
        elif (ref - d).days > _FUTURE_SLACK_DAYS and tense is True:
            flipped = year + 1
        else:
            return year
        # only when a year's move puts it on the side the tense says ("In March 2010 he
        # said he would visit on 8 April" stays 2010 in a 2024 document)
        moved = _safe_date(flipped, month, day) or date(flipped, month, 28)
        right_side = moved >= ref - timedelta(_FUTURE_SLACK_DAYS) if tense else moved <= ref
        return flipped if right_side or base is ref else year
    return year


def _implicit_year_nearest(
    base: date, month: int, day: int, weekday: int | None, tense: bool | None = None
) -> tuple[int, bool]:
    """The year putting month/day nearest ``base`` (weekday-consistent when possible).

    Returns:
        (year, settled): settled when only a weekday found further out fixed the year,
        which the clause's tense then must not move.
    """
    years = [base.year - 1, base.year, base.year + 1]
    settled = False
    if weekday is not None:
        fitting = [y for y in years if _falls_on(y, month, day, weekday)]
        if not fitting:
            # The weekday a writer puts beside a date is the best evidence of its year:
            # every weekday/date pair recurs within six years either side.
            wide = [
                y for y in range(base.year - 6, base.year + 7) if _falls_on(y, month, day, weekday)
            ]
            slack = timedelta(_TENSE_SLACK_DAYS)
            if tense is False:
                wide = [y for y in wide if date(y, month, day) <= base + slack] or wide
            elif tense is True:
                wide = [y for y in wide if date(y, month, day) >= base - slack] or wide
            fitting, settled = wide, bool(wide)
        years = fitting or years
    year = min(
        years, key=lambda y: abs(((_safe_date(y, month, day) or date(y, month, 28)) - base).days)
    )
    return year, settled


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    d = _safe_date(year, month, day)
    return d is not None and d.weekday() == weekday


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _res_day(c: Cand, ctx: Context) -> Resolution | None:
    mo, d, y, mo2, d2, y2, wd = day_fields(c)
    if c.rule == "numeric" and ctx.day_first and mo != d and d <= 12 and _month_first(c):
        mo, d, mo2, d2 = d, mo, d, mo  # "04/01/2018" in a day-first document: 4 January
    explicit = y2
    if y is None:
        y = _listed_year(c, ctx, mo2) or _implicit_year(ctx, c.start, mo, d, wd, c.end)
        if y is None:
            return Resolution(None, "unresolved")
        y2 = y + 1 if mo2 < mo else y
    start, end = _safe_date(y, mo, d), _safe_date(y2, mo2, d2)
    if start is None or end is None:
        return None
    return Resolution((start, end), "day" if start == end else "range", explicit_year=explicit)


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
    if a.month == 1 and a.day == 1 and (b.month, b.day) == (12, 31) and b.year > a.year:
        return _sub_units(a.year, b.year - a.year + 1, key, _year_unit_span), key  # decades
    if (
        a.day == 1
        and b == _month_span(b.year, b.month)[1]
        and (a.year, a.month) != (b.year, b.month)
    ):
        first = a.year * 12 + a.month - 1
        count = b.year * 12 + b.month - first
        return _sub_units(first, count, key, _month_unit_span), key  # years, seasons
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


def _year_unit_span(first: int, last: int) -> Span:
    return date(first, 1, 1), date(last, 12, 31)


def _month_unit_span(first: int, last: int) -> Span:
    return date(first // 12, first % 12 + 1, 1), _month_span(last // 12, last % 12 + 1)[1]


def _sub_units(first: int, count: int, key: str, to_span) -> Span:
    """early/mid/late/end/beginning of ``count`` whole units starting at unit ``first``."""
    third, quarter = max(1, count // 3), max(1, count // 4)
    last = first + count - 1
    bounds = {
        "early": (first, first + third - 1),
        "mid": (first + third, last - third) if count > 2 else (first, last),
        "late": (last - third + 1, last),
        "end": (last - quarter + 1, last),
        "beginning": (first, first + quarter - 1),
    }[key]
    return to_span(*bounds)


def _res_month(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    month = _month(m.group("m"))
    explicit = int(m.group("y")) if m.group("y") else None
    if explicit:
        y = explicit
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
        y = _listed_year(c, ctx, month) or _implicit_year(ctx, c.start, month, 15, None)
        if y is None:
            return Resolution(None, "unresolved")
    span = _month_span(y, month)
    if m.group("mod"):
        span, mod = _sub_span(span, m.group("mod"))
        return Resolution(span, "approximate", mod, explicit)
    return Resolution(span, "month", explicit_year=explicit)


def year_range_end(y: int, y2: str) -> int | None:
    v = int(y2)
    if len(y2) == 2:
        v += y // 100 * 100
        if v <= y:
            v += 100
        return v if v - y <= 10 else None
    return v if 0 < v - y <= 200 else None


def _res_year(c: Cand, ctx: Context) -> Resolution | None:
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
        span, mod = _sub_span(_year_span(y), m.group("mod"))
        return Resolution(span, "approximate", mod, y)
    return Resolution(_year_span(y), "year", explicit_year=y)


def _res_decade(c: Cand, ctx: Context) -> Resolution | None:
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
    return Resolution(span, "approximate", mod)


def _res_century(c: Cand, ctx: Context) -> Resolution | None:
    n = int(c.m.group("c"))
    span: Span = (date((n - 1) * 100 + 1, 1, 1), date(n * 100, 12, 31))
    mod = ""
    if c.m.group("mod"):
        span, mod = _sub_span(span, c.m.group("mod"))
    return Resolution(span, "approximate", mod)


def _quarter_span(y: int, q: int) -> Span:
    a = date(y, 3 * q - 2, 1)
    return a, _month_span(y, 3 * q)[1]


def _res_quarter(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    if m.group("qrel"):
        rel = m.group("qrel").lower().split()[-1]
        if rel == "the" and ctx.last_quarter is not None:
            return Resolution(ctx.last_quarter, "range")
        if ref is None:
            return Resolution(None, "unresolved")
        n = {"this": 0, "current": 0, "next": 1}.get(rel, -1)
        return Resolution(_unit_span("quarter", ref, n)[0], "range")
    q = int(m.group("qn")) if m.group("qn") else R.ORDINALS[m.group("q").lower()]
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
        if clause_tense(ctx.text, c.start, c.end) and _quarter_span(y, q)[1] < ref:
            y += 1
    return Resolution(_quarter_span(y, q), "range", explicit_year=explicit)


def _res_spoken_year(c: Cand, ctx: Context) -> Resolution | None:
    words = re.findall(r"[a-z]+", c.m.group("sy").lower())
    if words[:2] == ["two", "thousand"]:
        y = 2000 + sum(R.SPOKEN_NUMBERS[w] for w in words[2:])
    else:
        y = R.SPOKEN_NUMBERS[words[0]] * 100 + sum(R.SPOKEN_NUMBERS[w] for w in words[1:])
    return Resolution(_year_span(y), "year", explicit_year=y)


def _res_vague(c: Cand, ctx: Context) -> Resolution | None:
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


def _res_half(c: Cand, ctx: Context) -> Resolution | None:
    m = c.m
    h = int(m.group("hn")) if m.group("hn") else (1 if m.group("h").lower() == "first" else 2)
    y = int(m.group("y") or m.group("y2"))
    a = date(y, 1, 1) if h == 1 else date(y, 7, 1)
    return Resolution((a, date(y, 6, 30) if h == 1 else date(y, 12, 31)), "range", explicit_year=y)


def _season_span(y: int, season: str) -> Span:
    sm = R.SEASONS[season]
    ey, em = _shift_month(y, sm, 2)
    return date(y, sm, 1), _month_span(ey, em)[1]


def _res_season(c: Cand, ctx: Context) -> Resolution | None:
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
            start, end = _season_span(y, season)
            if tense is True and end < ref:
                y += 1
            elif tense is False and start > ref:
                y -= 1
        if rel in ("last", "past"):
            y = y if _season_span(y, season)[1] < ref else y - 1
        elif rel in ("next", "coming"):
            y = y if _season_span(y, season)[0] > ref else y + 1
    span = _season_span(y, season)
    mod = ""
    if m.group("mod"):
        span, mod = _sub_span(span, m.group("mod"))
    return Resolution(span, "approximate", mod, explicit)


def _res_deictic(c: Cand, ctx: Context) -> Resolution | None:
    if ctx.reference is None:
        return Resolution(None, "unresolved")
    word = " ".join(c.m.group("deic").lower().split())
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)  # "this evening": 0
    d = ctx.reference + timedelta(offset)
    return Resolution((d, d), "day")


def _res_listed_day(c: Cand, ctx: Context) -> Resolution | None:
    """A day of a list naming its month once: "12 and 13 November", "March 3 and 4, 2019"."""
    m = c.m
    if c.rule == "day_head":
        month = _month(m.group("m"))
    else:
        head = R.LIST_HEAD_BEFORE.search(ctx.text, max(0, c.start - 60), c.start)
        if head is None:
            return None
        month = _month(head.group("m"))
    day = _day(m.group("d"))
    explicit = int(m.group("y")) if m.group("y") else None
    year = explicit or _implicit_year(ctx, c.start, month, day, None)
    if year is None:
        return Resolution(None, "unresolved")
    when = _safe_date(year, month, day)
    if when is None:
        return None
    return Resolution((when, when), "day", explicit_year=explicit)


_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _res_week_of(c: Cand, ctx: Context) -> Resolution | None:
    """The first/last week of a month (its days 1-7, or its last seven), or the week
    (Monday to Sunday) of a day: "the last week of December", "the week of 19 February"."""
    m = c.m
    month = _month(m.group("m") or m.group("m2") or m.group("m3"))
    day_text = m.group("d") or m.group("d2")
    nth = (m.group("nth") or "").lower()
    explicit = int(m.group("y")) if m.group("y") else None
    day = _day(day_text) if day_text else 15
    year = explicit or _implicit_year(ctx, c.start, month, day, None)
    if year is None:
        return Resolution(None, "unresolved")
    if day_text:
        when = _safe_date(year, month, day)
        if when is None:
            return None
        monday = when - timedelta(when.weekday())
        return Resolution((monday, monday + timedelta(6)), "approximate", explicit_year=explicit)
    first, last = _month_span(year, month)
    if nth in ("last", "final"):
        span = (last - timedelta(6), last)
    else:
        start = first + timedelta(7 * _NTH_WEEK[nth])
        span = (start, start + timedelta(6))
    return Resolution(span, "approximate", explicit_year=explicit)


def _res_month_range(c: Cand, ctx: Context) -> Resolution | None:
    """March to May 2019 ; December 2018 - February 2019 ; January-March (year from context)."""
    m = c.m
    first, last = _month(m.group("m")), _month(m.group("m2"))
    y0 = int(m.group("y0")) if m.group("y0") else None
    y = int(m.group("y")) if m.group("y") else None
    wraps = first > last
    if y is None and y0 is None:
        y0 = _implicit_year(ctx, c.start, first, 15, None)
        if y0 is None:
            return Resolution(None, "unresolved")
    start_year = y0 if y0 is not None else y - wraps
    end_year = y if y is not None else start_year + wraps
    if end_year < start_year or (end_year == start_year and wraps):
        return None
    span = (_month_span(start_year, first)[0], _month_span(end_year, last)[1])
    explicit = y if y is not None else (int(m.group("y0")) if m.group("y0") else None)
    return Resolution(span, "range", explicit_year=explicit)


def _res_weekday(c: Cand, ctx: Context) -> Resolution | None:
    ref = ctx.reference
    if ref is None:
        return Resolution(None, "unresolved")
    wd = R.WEEKDAYS[c.m.group("wd").lower()]
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


_PASSIVE = re.compile(r"\b(be|been|being)\s+\w+(?:ed|en|ld|wn|ne)\b", re.IGNORECASE)
"""A participle after "be": its tense is the auxiliary's ("will be held" is future)."""


def clause_tense(text: str, start: int, end: int) -> bool | None:
    """Which way the nearest tense cue around an expression points: True = future.

    None when the clause has no cue. A possessive ("Wednesday's ruling") reads as past.
    """
    if text.startswith(("'s", "’s"), end):
        return False
    left = _PASSIVE.sub(r"\1", re.split(r"[.;!?\n]", text[max(0, start - 120) : start])[-1])
    right = _PASSIVE.sub(r"\1", re.split(r"[.;,!?\n]", text[end : end + 50])[0])
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


def _res_unit_rel(c: Cand, ctx: Context) -> Resolution | None:
    m = c.m
    if m.group("the_weekend"):
        if ctx.reference is None:
            return Resolution(None, "unresolved")
        ahead = clause_tense(ctx.text, c.start, c.end) and ctx.reference.weekday() < 5
        return Resolution(
            _unit_span(
                "weekend", ctx.reference, 0 if ahead or ctx.reference.weekday() >= 5 else -1
            )[0],
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
    span, precision = _unit_span(unit, ref, n.get(rel, 0))
    mod = (m.group("mod2") or "").lower()
    if mod in ("earlier", "later"):
        return Resolution(span, "approximate", mod)
    if mod == "sometime":
        return Resolution(span, precision, "about")
    if mod:
        span, mod = _sub_span(span, mod)
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
    return int(word) if word.isdigit() else R.NUMBER_WORDS[word.lower()]


def _res_ago(c: Cand, ctx: Context) -> Resolution | None:
    if " ".join(c.m.group("num").lower().split()) in _FEW:
        return _res_vague_ago(c, ctx)
    return _res_ago_counted(c, ctx)


def _res_vague_ago(c: Cand, ctx: Context) -> Resolution | None:
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


def _res_ago_counted(c: Cand, ctx: Context) -> Resolution | None:
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
        span, _ = _unit_span("week", ref, sign * n)
        return Resolution(span, "approximate", modifier)
    if unit == "month":
        return Resolution(
            _month_span(*_shift_month(ref.year, ref.month, sign * n)), "month", modifier
        )
    years = n * (10 if unit == "decade" else 1)
    return Resolution(_year_span(ref.year + sign * years), "year", modifier)


def _res_span(c: Cand, ctx: Context) -> Resolution | None:
    m, ref = c.m, ctx.reference
    if ref is None:
        return Resolution(None, "unresolved")
    n = _count(m.group("num"))
    unit = m.group("unit").lower()
    days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}[unit] * n
    if m.group("rel").lower() in ("next", "coming"):
        return Resolution((ref, ref + timedelta(round(days))), "approximate", "next")
    return Resolution((ref - timedelta(round(days)), ref), "approximate", "past")


_HANDLERS = {
    "iso": _res_day,
    "numeric": _res_day,
    "mdy": _res_day,
    "dmy": _res_day,
    "dmy_dash": _res_day,
    "day_head": _res_listed_day,
    "day_tail": _res_listed_day,
    "week_of": _res_week_of,
    "month_range": _res_month_range,
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
