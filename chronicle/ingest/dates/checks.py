"""Context checks: is a spotted candidate a date here, or a number, a name, a noun?

Each date rule in ``date_rules`` names the check its matches must pass. The checks
read only the text around a match: a bare "2000" needs a word like "in" before it
and no "troops" after it, "May" alone is a month only in a date's company, "The
Sunday Times" is a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronicle.ingest.dates.context import has_group, heads_entry
from chronicle.ingest.dates.days import list_head_before
from chronicle.ingest.dates.names import MONTH_NAME, MONTH_NAMES
from chronicle.ingest.dates.resolve import year_range_end
from chronicle.ingest.dates.rule import Cand, Spotting

DETERMINERS = frozenset("the a an its their his her our this that".split())
"""Words that, before a year and a noun, make the year modify the noun ("the 2005 earthquake")."""

YEAR_CONTEXT = DETERMINERS | frozenset(
    "in since by during of from until till through throughout before after year years "
    "early late mid circa c ca between for fiscal fy spring summer autumn fall winter end "
    "beginning start middle pre post into calendar due".split()
)
"""Words that, right before a bare four-digit number, make it read as a year."""

STRONG_YEAR_CONTEXT = frozenset("in since by during from until till before after year".split())
"""Context strong enough to accept a year before 1900."""

LIST_JOINERS = frozenset({"and", "or", "&", ",", "to", "through", "nor", "-", "–"})
"""Words joining a bare year to a preceding accepted year (``in 2005 and 2011``)."""

QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|million\b|billion\b|trillion\b|thousand\b|crore\b|lakh\b"
    r"|people\b|persons\b|troops\b|soldiers\b|members\b|students\b|tons?\b|tonnes?\b|km\b"
    r"|kilomet|miles?\b|meters?\b|metres?\b|feet\b|dollars\b|units\b|votes\b|cases\b|deaths\b"
    r"|hours\b|minutes\b|[.,]\d)"
)
"""What may not follow a number for it to be a year (money, counts, units, decimals)."""

COUNTED_AFTER = re.compile(
    r"\s+(?:staff|employees|workers|personnel|officers|police|residents|inhabitants|families"
    r"|households|refugees|migrants|civilians|prisoners|patients|children|pupils|villagers"
    r"|passengers|delegates|volunteers|seats|beds|homes|houses|vehicles|km|hectares|acres)\b"
)
"""People and things a number before them counts: "the ministry's 2000 staff" are people, where
"the 2000 election" is a year (a year modifies one happening, a count a plural)."""

MONEY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:US|Rs|PKR|USD|EUR|No|no|pp?|vol|Vol|#))\.?\s*\\?\$?\s*$")

CITATION_YEAR_END = re.compile(r"\s*(?:[.;)\]]|\s*(?:&|and)\s*(?:19|20)\d\d\b|$)", re.MULTILINE)
"""What follows the year of a citation (``Press, 2017.``, ``Statistics, 2016 & 2017``)."""

CITATION_CUE = re.compile(r"\b(?:Sources?:|See\s+also\b)", re.IGNORECASE)
"""Words that open a reference to a source ("(Source: Reuters, 12 March 2019)")."""

ACCESSED_BEFORE = re.compile(
    r"(?:^|[,.;]\s*)(?:accessed|retrieved|last\s+visited)(?:\s+on)?:?\s*\Z", re.IGNORECASE
)
"""The day a web source was read, opening a citation or its bracket ("(accessed 5 June
2018)", ", retrieved on 5 June 2018"); "bodies were retrieved on 3 May" tells a happening."""

_CITATION_REACH = 240
_FUNCTION_WORDS = frozenset("of the and for on in to at de la du des al el".split())

NAME_AFTER_WEEKDAY = frozenset(
    "Times Telegraph Express Mirror Post Herald Mail Star Tribune Observer Sport Night "
    "Group Club School Island Service Paper Review".split()
)
"""Capitalised words that make a weekday part of a name ("The Sunday Times")."""

DATE_WORDS_CAPITALISED = frozenset(
    "On In By Since Until Till Before After From During Last Next This Early Late Mid "
    "Every Each Since Through Between And Or Of".split()
)
"""Capitalised words before "May" or "March" that still leave it the month."""

MONTH_CONTEXT = frozenset("last next this each every and or to on until".split())
"""Words that, besides the year words, make a lone full month name a month ("until May")."""

_FULL_MONTHS = frozenset(name.lower() for name in MONTH_NAMES)


_MONTH_THEN_COMMA = re.compile(rf"{MONTH_NAME}\s*,\s*\Z")
_LISTED_MONTH_AFTER = re.compile(rf"\s*(?:,|and|or|&)\s*{MONTH_NAME}")
"""A month name listed before and after another ("March, May and June 2019")."""


_LAST_WORD = re.compile(r"([\w.']+|[,&–-])\s*$")


@lru_cache(maxsize=1024)
def prev_word(text: str, pos: int) -> str:
    """The word (or punctuation mark) right before ``pos``, lower-cased (remembered: the
    checks and the modifier of one date each ask it)."""
    m = _LAST_WORD.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower().rstrip(".") if m else ""


def _line_of(text: str, pos: int, reach: int = 400) -> str:
    """The line around ``pos``, at most ``reach`` characters either side (a long paragraph
    without a line break would make every look-up a scan of the whole text)."""
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    return text[text.rfind("\n", lo, pos) + 1 or lo : (text.find("\n", pos, hi) + 1 or hi + 1) - 1]


def is_citation(text: str, start: int, end: int) -> bool:
    """A date that says when a source appeared: in a bracket or line that a citation cue
    opens ("(Source: Reuters, 12 March 2019.)", "See also: ...", "accessed 5 June 2018"),
    or ending a line of comma-separated names ("Ministry of Foreign Affairs, Press release,
    4 June 2018.")."""
    reach = max(0, start - _CITATION_REACH)  # a citation is short: look no further back
    line_start = text.rfind("\n", reach, start) + 1 or reach
    bracket = text.rfind("(", line_start, start)
    if bracket >= 0 and text.find(")", bracket, start) < 0:
        lead = text[bracket + 1 : start]
    else:
        lead = text[line_start:start]
    if CITATION_CUE.search(lead) or ACCESSED_BEFORE.search(lead):
        return True
    if not (lead.rstrip().endswith(",") and CITATION_YEAR_END.match(text, end)):
        return False
    rest = text[end : end + 8].split("\n")[0]
    parts = lead.rstrip().rstrip(",").split(",")
    return not rest.strip(" .;)]") and len(parts) >= 2 and all(map(_is_a_name, parts))


def _is_a_name(part: str) -> bool:
    """A publisher's, author's or title's part of a citation: capitalised, hardly a verb in it."""
    words = part.split()
    lower = [w for w in words[1:] if w[:1].islower() and w not in _FUNCTION_WORDS]
    return bool(words) and words[0][:1].isupper() and len(lower) <= 1


def year_is_date(c: Cand, spot: Spotting) -> bool:
    """Is a bare four-digit number (or year range) a year here?"""
    m, text = c.m, spot.text
    y = int(m.group("y"))
    start = m.start("y") if not (has_group(m, "mod") or has_group(m, "fy")) else m.start()
    if QUANTITY_AFTER.match(text, m.end()) or MONEY_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    if has_group(m, "y2") and year_range_end(y, m.group("y2")) is None:
        return False
    prev = prev_word(text, start)
    strong = has_group(m, "mod") or has_group(m, "fy") or prev in STRONG_YEAR_CONTEXT
    if not (1900 <= y <= 2100 or (1800 <= y < 1900 and strong)):
        return False
    if "\t" in _line_of(text, start) or "|" in _line_of(text, start):
        return False  # a table cell
    if strong or heads_entry(text, start, m.end()):
        return True
    possessive = re.search(r"\w['’]s\s+\Z", text[max(0, start - 8) : start])
    if possessive and re.match(r"\s+[a-z]", text[m.end() :]):
        return not COUNTED_AFTER.match(
            text, m.end()
        )  # "Erdogan's 2018 visit", not "its 2000 staff"
    if prev in YEAR_CONTEXT:
        if prev in DETERMINERS:  # "the 2005 earthquake"; "the 2000 staff" are people
            return bool(re.match(r"\s+[A-Za-z]", text[m.end() :])) and not COUNTED_AFTER.match(
                text, m.end()
            )
        return not (
            prev == "of" and prev_word(text, start - 3) in ("total", "number", "sum", "out", "lot")
        )
    if prev == "," and CITATION_YEAR_END.match(text, m.end()):
        return True  # "Board of Investment, 2017." (a citation's year)
    if prev in LIST_JOINERS:
        joiner = re.search(
            r"\s*(?:and|or|&|,|to|through|nor|-|–)\s*$", text[max(0, start - 12) : start]
        )
        return joiner is not None and start - len(joiner.group(0)) in spot.year_ends
    if prev == "" and text[max(0, start - 1) : start] == "(":
        return text[m.end() : m.end() + 1] == ")"
    return False


def _named_by_word_before(text: str, pos: int) -> bool:
    """True when a capitalised word that is not a sentence's first makes a name with
    what follows ("Black Friday", "the Long March")."""
    before = re.search(r"(?:^|(?<=[\s(\[\"“‘]))([A-Z][a-z]+)\s+\Z", text[max(0, pos - 30) : pos])
    if not before or before.group(1) in DATE_WORDS_CAPITALISED:
        return False
    start = max(0, pos - 30) + before.start(1)
    lead = text[max(0, start - 3) : start]
    return not (start == 0 or re.search(r"(?:[.!?:;\n]|^)[\s\"“‘(]*\Z", lead))


def month_is_date(c: Cand, spot: Spotting) -> bool:
    """A month name is a month unless it is a name ("the Long March of 1934"), a noun
    ("The March was peaceful"), or a lone abbreviation ("Jan." alone is too weak)."""
    m, text = c.m, spot.text
    if has_group(m, "rel") and m.group("rel").lower() == "that" and m.group("m").title() == "May":
        return False  # "officials said that May would step down": a name
    dated = any(has_group(m, g) for g in ("y", "ry", "mod", "rel"))
    if (
        m.group("m").title() in ("May", "March")
        and not has_group(m, "mod")
        and not has_group(m, "rel")
        and (not has_group(m, "y") or text[m.end("m") : m.start("y")].strip() == "of")
        and _named_by_word_before(text, m.start())
    ):
        return False  # "the Long March of 1934": a name ("Published March 2020" is a date)
    if dated:
        return True
    word = m.group("m")
    if word.rstrip(".").lower() not in _FULL_MONTHS:
        return False
    prev = prev_word(text, m.start())
    contexted = prev in YEAR_CONTEXT or prev in MONTH_CONTEXT
    if (
        prev == ","
        and _MONTH_THEN_COMMA.search(text[max(0, m.start() - 14) : m.start()])
        and _LISTED_MONTH_AFTER.match(text[m.end() : m.end() + 16])
    ):
        contexted = True  # "March, May and June 2019": inside a list of months
    if word.title() in ("May", "March") and (not contexted or prev == "the"):
        return False  # "The March was peaceful": a noun, unless a year follows
    return contexted or not re.match(r"\s+[A-Z][a-z]", text[m.end() :])


def weekday_is_date(c: Cand, spot: Spotting) -> bool:
    """ "The Sunday Times" is a name; "Clinton Saturday vowed" (wire style) is a date."""
    after = re.match(r"\s+([A-Z][a-z]+)", spot.text[c.m.end() : c.m.end() + 20])
    return not (after and after.group(1) in NAME_AFTER_WEEKDAY)


def season_is_date(c: Cand, spot: Spotting) -> bool:
    """ "in the summer", "by the fall": this year's, read by tense; "summer" alone is a word;
    "that autumn" is the narrated year's, but "prices that fall" no season."""
    m, text = c.m, spot.text
    the_season = text[m.start() : m.start() + 4].lower() == "the "
    dated_by = prev_word(text, m.start()) in ("in", "during", "by", "until", "over")
    if has_group(m, "rel") and m.group("rel").lower().startswith(("that", "same")):
        # "that autumn" is a season; "prices that fall" and "the same spring water" are not
        return m.group("s").lower() != "fall" and (dated_by or m.group("rel").lower() == "that")
    return has_group(m, "y") or has_group(m, "rel") or (the_season and dated_by)


def quarter_is_date(c: Cand, spot: Spotting) -> bool:
    """ "Q3" needs its year ("Q3 2019"); "the third quarter" does not."""
    m = c.m
    return not has_group(m, "qn") or any(has_group(m, g) for g in ("y3", "yy", "y4"))


def ago_is_date(c: Cand, spot: Spotting) -> bool:
    """ "two years before the war" counts from an event, not a date: no date."""
    if c.m.group("dir").lower() in ("before", "after"):
        return not re.match(r"\s*[A-Za-z]", spot.text[c.m.end() :])
    return True


def ends_a_day_list(c: Cand, spot: Spotting) -> bool:
    """The "4, 2019" of "March 3 and 4, 2019": only after a list's head."""
    return list_head_before(spot.text, c.start) is not None
