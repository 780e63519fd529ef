"""The context a date is read in: the document date, earlier dates, headings and tense.

``Context`` holds what resolving one date may look at besides its own words: the
reference (the document's date), the dates already read (anchors for year-less
dates and for narrative steps like "the following day"), a chronology's year
headings, the order numeric dates are written in, and whether the text tells of the
time around its own date (``tells_of_now``). ``implicit_year`` gives a year-less date
its year; ``clause_tense`` says which way the clause around a date points.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from chronicle.ingest.dates import provenance
from chronicle.ingest.dates.names import MONTH_ABBREVIATIONS
from chronicle.ingest.dates.own_time import own_time_words
from chronicle.ingest.dates.spans import Span, safe_date, year_span

_ABBREVIATED_MONTHS = "".join(
    rf"(?<!\b(?:{'|'.join(a for a in MONTH_ABBREVIATIONS if len(a) == n)}))"
    for n in sorted({len(a) for a in MONTH_ABBREVIATIONS})
)  # a look-behind has one width: one per length of abbreviation
SENTENCE_END = re.compile(
    rf"(?<![A-Z]){_ABBREVIATED_MONTHS}(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|vs))(?<!Mrs)[.!?](?=\s+[A-Z\"'“])|\n"
)
"""A sentence's end: a full stop not after an abbreviation, or a line break."""

FUTURE_CUE = re.compile(
    r"\b(?:will|won't|would|'ll|shall|scheduled|expected|expects|due|as\s+soon\s+as"
    r"|as\s+early\s+as|is\s+to|are\s+to|going\s+to|set\s+to|plans?|planned|planning|upcoming"
    r"|next|coming|tomorrow)\b",
    re.IGNORECASE,
)
"""Cues that a bare weekday or month near them points forward."""

EVENT_PAST = frozenset(
    "was were had did met went came held took made began left spoke won lost gave got saw "
    "became struck fell broke ended expired".split()
)
"""Past forms that tell what happened (not "said", and not every "-ed" word: "extended to
Nov. 20" sets a deadline ahead)."""

PAST_CUE = re.compile(
    rf"\b(?:{'|'.join(sorted(EVENT_PAST))}|said|says|told|ago|last|yesterday|\w{{2,}}ed)\b",
    re.IGNORECASE,
)
"""Cues that a bare weekday or month near them points back (the default)."""


TENSE_SLACK_DAYS = 120
"""How far the nearest reading may be on the wrong side of the reference before tense flips it."""


_EVENT_SLACK_DAYS = 1
"""The same when the clause's verb tells a past event ("took office on 1 January"): a
writer tells such an event only once it has happened, so at most a day's slip (time
zones, a dateline written overnight) puts it after the document's date."""

_ON_OR_IN = re.compile(r"\b(?:on|in)\s+\Z", re.IGNORECASE)

_FUTURE_SLACK_DAYS = 30
"""The same for a future cue ("will be held in November"): past cues ("said") are often
about the reporting, not the event, but a future one rarely points at the past."""


@dataclass(slots=True, frozen=True)
class Anchor:
    """An earlier match with an explicit year, for resolving year-less dates after it."""

    start: int
    end: int
    when: date
    dated: bool
    """True for month- or day-level expressions ("December 2017"), False for bare years."""
    frames: bool = False
    """A bare year that sets the time of the story told after it ("By 1975 the rebels had
    been pushed back"): it lends its year over its paragraph, as a dated anchor does."""
    span: Span | None = None
    """The days the earlier match covers, for saying which date lent a year."""


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
    """The date last narrated: narrative steps ("three days later") count from it."""
    last_end: int = -1
    """Where the expression of the date last narrated ends."""
    last_entry: tuple[int, date] | None = None
    """(offset, date) of the last chronology entry that starts with its date."""
    last_quarter: Span | None = None
    last_quarter_end: int = -1
    fiscal_start: int | None = None
    """The month the text's fiscal years start in (see ``fiscal``), once read."""
    fiscal_read: bool = False
    about_now: bool | None = None
    """The text tells of the time around its own date (a news story), so a year-less date in
    a later sentence is near that date, not in an older year named for background; read
    from the whole text on first need (see ``is_about_now``)."""
    basis: str = ""
    """What the date being resolved counted from (``provenance.anchor``); "" while it
    counts from nothing. The finder clears it before each date."""

    def from_reference(self) -> date | None:
        """The document's date, noted as what the date being resolved counts from."""
        if self.reference is not None:
            self.basis = provenance.anchor("document", self.reference)
        return self.reference

    def from_narrated(self) -> Span | None:
        """The date last narrated, noted as what the date being resolved counts from."""
        if self.last_span is not None:
            self.basis = provenance.anchor("narrative", self.last_span)
        return self.last_span

    def is_about_now(self) -> bool:
        """Whether the text tells of the time around its own date (``tells_of_now``)."""
        if self.about_now is None:
            self.about_now = tells_of_now(self.text, self.reference)
        return self.about_now

    def paragraph(self, pos: int) -> int:
        """The number of the paragraph ``pos`` lies in."""
        return bisect.bisect_right(self.paragraph_starts, pos)


@dataclass(slots=True)
class Resolution:
    """A resolved candidate, before it becomes a DateMatch."""

    span: Span | None
    precision: str
    modifier: str = ""
    explicit_year: int | None = None
    counted: str = ""
    """ "forward", "back" or "same" when counted from the date last narrated ("three days
    later", "the previous year", "later that month"), else empty."""


def has_group(m: re.Match[str], group: str) -> bool:
    """Whether the match has ``group`` and the group took part in it."""
    return group in m.re.groupindex and m.group(group) is not None


_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·][ \t]+)?[*_]{0,2}\Z")
_ENTRY_AFTER = re.compile(r"[*_]{0,2}[ \t]*(?::|–|—|-[ \t])[ \t]*\S")


PLAIN_HEADING = re.compile(
    r"\n[ \t]*\n[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}[A-Z][^\n.!?\d]{0,60}\n(?=[ \t]*\S)"
)
"""A heading line after a blank line ("Upcoming:", "## Recent events"): no date, no sentence
stop, text right under it. It ends a chronology's run of entries."""


def heads_entry(text: str, start: int, end: int) -> bool:
    """A date opening a line of a chronology: "1947: Pakistan is created", "- 14 July - ..."."""
    return bool(
        _LINE_START.search(text, max(0, start - 8), start) and _ENTRY_AFTER.match(text, end)
    )


def implicit_year(
    ctx: Context, start: int, end: int, month: int, day: int, weekday: int | None = None
) -> int | None:
    """Year for a year-less date: the year putting it nearest a local anchor or the reference.

    The local anchor is the last explicit-year match before ``start`` when it is in the
    same sentence, or in the same paragraph and itself month- or day-level ("in December
    2017 ... on December 19") or a year that frames the story ("By 1975 ..."), unless the
    paragraph named a later year before it (a list of milestones, not a story). In a text
    about the time of its own date, an anchor more than a year older lends nothing to a
    later sentence whose tense the document's date fits ("The camp opened in October 2021.
    Arrivals rose in late January" is last January). A clause that looks back from the
    time of writing ("since January", "last met in March") is read from the reference.
    Without a reference, any earlier explicit year will do. A chronology's entries run
    forward under one year: a year-less entry ("September 1:") takes the year of the
    entry before it ("January 23, 2011:"), unless a year heading came between them.
    """
    pos = start
    base = ctx.reference
    at = bisect.bisect_left(ctx.year_headings, (pos, -1)) - 1
    heading = ctx.year_headings[at] if at >= 0 and ctx.year_headings[at][1] else None
    section = ctx.year_headings[at][0] if at >= 0 else -1
    entry = ctx.last_entry
    if (
        entry is not None
        and entry[0] > section
        and heads_entry(ctx.text, start, end)
        and not PLAIN_HEADING.search(ctx.text, entry[0], start)
    ):
        ctx.basis = provenance.anchor("entry", entry[1])
        return entry[1].year
    if heading is None and ctx.reference is not None and _looks_back_from_now(ctx, start):
        return latest_by(ctx.from_reference(), month, day)
    lent = "" if base is None else provenance.anchor("document", base)
    if heading is not None:
        base = date(heading[1], 7, 1)  # "## 2019" then "- 14 February: ...": 2019
        lent = provenance.anchor("heading", year_span(heading[1]))
    if ctx.anchors:
        last = ctx.anchors[-1]
        same_sentence = not SENTENCE_END.search(ctx.text, last.end, pos)
        same_paragraph = ctx.paragraph(last.start) == ctx.paragraph(pos)
        after_heading = heading is None or last.start > heading[0]
        carries = same_sentence or (
            same_paragraph and (last.dated or last.frames) and not _told_out_of_order(ctx)
        )
        if carries and not same_sentence and heading is None and _background(ctx, last):
            year = _read_by_tense(ctx, ctx.reference, pos, end, month, day, weekday)
            if _fits_tense(ctx, pos, end, weekday, year, month, day):
                ctx.from_reference()
                return year  # the old year was background to a story about now
        if after_heading and (carries or base is None):
            base = last.when
            lent = provenance.anchor("earlier", last.span or (last.when, last.when))
            told = ctx.reference is None or (ctx.reference - base).days > _TELLING_DAYS
            stop = SENTENCE_END.search(ctx.text, end)
            back = _PLUPERFECT.search(ctx.text, last.end, stop.start() if stop else end + 80)
            if told and weekday is None and not back:
                ctx.basis = lent
                if same_sentence and _RELATIVE.search(ctx.text, last.end, pos):
                    return base.year  # "met Hassan II, who came to the throne in February"
                if last.frames:
                    return base.year  # "By 1975 ... in October": October 1975
                if last.dated:
                    return _year_ahead(base, month, day)
    if base is None:
        return None
    ctx.basis = lent
    return _read_by_tense(ctx, base, pos, end, month, day, weekday)


def tells_history(ctx: Context, pos: int) -> bool:
    """Whether a year-less date at ``pos`` continues a story told long before the time of
    writing: the last anchor, more than a year old, lends its year here (same sentence, or
    same paragraph as a dated or framing anchor) and is no background to a story about now."""
    if not ctx.anchors or ctx.year_headings:
        return False
    last = ctx.anchors[-1]
    if ctx.reference is not None and (ctx.reference - last.when).days <= _TELLING_DAYS:
        return False
    if not SENTENCE_END.search(ctx.text, last.end, pos):
        return True
    return (
        ctx.paragraph(last.start) == ctx.paragraph(pos)
        and (last.dated or last.frames)
        and not _told_out_of_order(ctx)
        and not _background(ctx, last)
    )


def _read_by_tense(
    ctx: Context, base: date, pos: int, end: int, month: int, day: int, weekday: int | None
) -> int:
    """The year putting month/day nearest ``base``, moved a year when the clause's tense
    says the date lies on the other side of the time of writing."""
    ref = ctx.reference
    cue = tense = None
    if ref is not None:
        # with a weekday the clause's verb follows the whole "Thursday, January 4"
        cue = clause_cue(ctx.text, pos, end if weekday is not None else pos + 1)
        tense = None if cue is None else cue[0]
    year, settled = _implicit_year_nearest(base, month, day, weekday, tense)
    if tense is not None and not settled:
        # Tense is about the time of writing: "... on 27 July 2023. The minister will
        # attend on 8 March" (written in 2024) is the March after the document date.
        d = safe_date(year, month, day) or date(year, month, 28)
        slack = TENSE_SLACK_DAYS
        if cue[1].lower() in EVENT_PAST and _ON_OR_IN.search(ctx.text, max(0, pos - 4), pos):
            slack = _EVENT_SLACK_DAYS  # "the earthquake struck on February 6": it was before
        if (d - ref).days > slack and tense is False:
            flipped = year - 1
        elif (ref - d).days > _FUTURE_SLACK_DAYS and tense is True:
            flipped = year + 1
        else:
            return year
        # only when a year's move puts it on the side the tense says ("In March 2010 he
        # said he would visit on 8 April" stays 2010 in a 2024 document)
        moved = safe_date(flipped, month, day) or date(flipped, month, 28)
        right_side = moved >= ref - timedelta(_FUTURE_SLACK_DAYS) if tense else moved <= ref
        if right_side or base is ref:
            return flipped
        if cue[1].lower() in _FUTURE_OF_WRITING and not ctx.year_headings:
            # "Under the 1993 accord the sides will meet in March": no March of 1993 (a
            # chronology's year heading, though, dates its entries whatever their tense)
            return _read_by_tense(ctx, ctx.from_reference(), pos, end, month, day, weekday)
        return year
    return year


_FUTURE_OF_WRITING = frozenset({"will", "won't", "'ll", "shall"})
"""Future cues that count from the time of writing ("would" and "planned" may tell a
future seen from a narrated past: "In March 2010 he said he would visit on 8 April")."""


def _background(ctx: Context, anchor: Anchor) -> bool:
    """Whether an anchor is an older time a story about now names for background: the text
    tells of the time around its date, and the anchor lies more than a year before it."""
    ref = ctx.reference
    if ref is None or not ctx.is_about_now():
        return False
    if anchor.dated:
        return (ref - anchor.when).days > _TELLING_DAYS
    return anchor.when.year < ref.year


def _fits_tense(
    ctx: Context, pos: int, end: int, weekday: int | None, year: int, month: int, day: int
) -> bool:
    """Whether a date read from the document's date lies on the side its clause's tense
    says: a past clause at or before the time of writing, a future one not long before it.
    ("By March the troops had reached the city", written in February, is no March ahead.)"""
    cue = clause_cue(ctx.text, pos, end if weekday is not None else pos + 1)
    if cue is None:  # "By April, the troops had withdrawn": the verb follows the comma
        cue = sentence_cue(ctx.text, end)
    if cue is None:
        return True
    when = safe_date(year, month, day) or date(year, month, 28)
    if cue[0]:
        return when >= ctx.reference - timedelta(_FUTURE_SLACK_DAYS)
    return when <= ctx.reference


_SENTENCE_REST = re.compile(r"[^.;!?\n]{0,160}")
_CUES = ((FUTURE_CUE, True), (PAST_CUE, False))


def sentence_cue(text: str, end: int) -> tuple[bool, str] | None:
    """The first tense cue in the rest of the sentence after ``end`` (True for future, the
    cue as written): "Two days later, the ministers met" has its verb after the comma."""
    rest = _SENTENCE_REST.match(text, end).group(0)
    cues = [(m.start(), f, m.group()) for c, f in _CUES for m in [c.search(rest)] if m]
    return min(cues)[1:] if cues else None


_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:(?:early|mid|late)[\s-]+)?\Z")
_LAST_DONE = re.compile(
    rf"\b(?<!had )(?<!at )(?:was\s+|were\s+)?last\s+"
    rf"(?:{'|'.join(sorted(EVENT_PAST))}|\w{{2,}}ed)\b",
    re.IGNORECASE,
)
"""A happening told as the latest of its kind ("the commission last met", "was last seen");
"at last signed" is a story's step, not the latest of its kind."""
_PLUPERFECT_BEFORE = re.compile(r"\bhad\b", re.IGNORECASE)


def _looks_back_from_now(ctx: Context, start: int) -> bool:
    """Whether a year-less date's clause measures back from the time of writing: "has
    blocked sampling since January", "the commission last met in March". A pluperfect
    ("had held the town since January") measures from a narrated time instead, and so
    does "since" in a story told long after."""
    lead = re.split(r"[.;!?\n]", ctx.text[max(0, start - 120) : start])[-1]
    if _PLUPERFECT_BEFORE.search(lead):
        return False
    if _LAST_DONE.search(lead):
        return True
    if not _SINCE_BEFORE.search(lead):
        return False
    return not ctx.anchors or bool(_PRESENT_PERFECT.search(lead)) or ctx.is_about_now()


_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have|'s|’s|'ve)\s+(?:not\s+|never\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|de|lt|ught)\b"
)
"""A present perfect ("has blocked", "have been held"): a time that runs up to now."""


def latest_by(ref: date, month: int, day: int) -> int:
    """The year of the last such month at or before ``ref`` (its own month included: "since
    May", written on 3 May, is this May)."""
    return ref.year if month <= ref.month else ref.year - 1


_YEAR_TOKEN = re.compile(r"(?<![\w.,/-])(?:1[6-9]|20)\d\d(?![\w%]|[.,]\d)")


def tells_of_now(text: str, reference: date | None) -> bool:
    """Whether a text tells of the time around its own date (a news story, a readout), not
    of a past it looks back on (a history essay): its years and day words are mostly the
    document's own year or the one before, or words for the days around it ("on Tuesday",
    "this week"), each of which counts twice, as a writer names the present more sparingly."""
    if reference is None:
        return False
    near = old = 0
    for m in _YEAR_TOKEN.finditer(text):
        if int(m.group()) >= reference.year - 1:
            near += 1
        else:
            old += 1
    return near + 2 * own_time_words(text) >= old


_PARAGRAPH_ANCHORS = 12
"""How many dates back a paragraph is read for a later year (a paragraph rarely names more)."""


def _told_out_of_order(ctx: Context) -> bool:
    """Whether the paragraph named a later year before its last dated anchor: a fact sheet's
    list of milestones ("Biden's 2023 visit ... in May 2016 ... on September 19"), not a
    story told in order, so a year-less date in a later sentence is the document's year."""
    last = ctx.anchors[-1]
    para = ctx.paragraph(last.start)
    for anchor in reversed(ctx.anchors[-_PARAGRAPH_ANCHORS:-1]):
        if ctx.paragraph(anchor.start) != para:
            return False
        if anchor.when.year > last.when.year:
            return True
    return False


_PLUPERFECT = re.compile(
    r"\bhad\s+(?:already\s+|just\s+|been\s+)?"
    r"(?:\w+(?:ed|en|wn|ne|de|lt)|come|become|begun|run|met|left|won|held|fought|sent|led|"
    r"made|set|put|kept|lost|brought|thought|sought|taught|bought|struck|swum|sworn)\b",
    re.I,
)
"""A step back in a narrative ("had signed", "had been held"): the nearest year, not the
next one."""
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)
"""A relative clause after a narrated date tells background: its year-less date keeps
the narrated year rather than running on into the next."""
_TELLING_DAYS = 366
"""A narrated date this long before the document's date is history being told: the dates
after it run forward from it. Nearer the time of writing, the nearest year wins."""
_STEP_BACK_DAYS = 31
"""How far before the narrated date a year-less date may still lie in its year."""


def _year_ahead(base: date, month: int, day: int) -> int:
    """A narrative runs forward: after "25 January 1978", "by December" is December 1978;
    a date a few weeks before the narrated one ("in mid-January") stays in its year."""
    when = safe_date(base.year, month, day) or date(base.year, month, 28)
    return base.year if when >= base - timedelta(_STEP_BACK_DAYS) else base.year + 1


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
            slack = timedelta(TENSE_SLACK_DAYS)
            if tense is False:
                wide = [y for y in wide if date(y, month, day) <= base + slack] or wide
            elif tense is True:
                wide = [y for y in wide if date(y, month, day) >= base - slack] or wide
            fitting, settled = wide, bool(wide)
        years = fitting or years
    year = min(
        years, key=lambda y: abs(((safe_date(y, month, day) or date(y, month, 28)) - base).days)
    )
    return year, settled


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    d = safe_date(year, month, day)
    return d is not None and d.weekday() == weekday


_PASSIVE = re.compile(r"\b(be|been|being)\s+\w+(?:ed|en|ld|wn|ne)\b", re.IGNORECASE)
"""A participle after "be": its tense is the auxiliary's ("will be held" is future)."""


def clause_tense(text: str, start: int, end: int) -> bool | None:
    """Which way the nearest tense cue around an expression points: True = future.

    None when the clause has no cue. A possessive ("Wednesday's ruling") reads as past.
    """
    cue = clause_cue(text, start, end)
    return None if cue is None else cue[0]


def clause_cue(text: str, start: int, end: int) -> tuple[bool, str] | None:
    """The nearest tense cue around an expression: (True for future, the cue as written)."""
    if text.startswith(("'s", "’s"), end):
        return False, "'s"
    left = _PASSIVE.sub(r"\1", re.split(r"[.;!?\n]", text[max(0, start - 120) : start])[-1])
    right = _PASSIVE.sub(r"\1", re.split(r"[.;,!?\n]", text[end : end + 50])[0])
    best: tuple[int, bool, str] | None = None
    for cue, future in ((FUTURE_CUE, True), (PAST_CUE, False)):
        for m in cue.finditer(left):
            dist = len(left) - m.end()
            if best is None or dist < best[0] or (dist == best[0] and future):
                best = (dist, future, m.group())
        m = cue.search(right)
        if m and (best is None or m.start() + 5 < best[0]):
            best = (m.start() + 5, future, m.group())
    return None if best is None else (best[1], best[2])
