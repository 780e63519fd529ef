"""Tell a date that dates a happening from a date that names a thing or a period.

Writers put years into names and descriptions that state no happening of their
own: "the 2006 Lombok Treaty", "the 2023 Pacific Games", "its 2011 Protocol",
"a 1937 treaty", "resolution 598 (1987)", the validity of a plan or programme
("the 2014-2016 Joint Action Plan", "the Dakar Action Plan (2022-2024)", "the
programme for 2019-2023") or an era set off as a description ("through the
decades of Pahlavi rule, from 1925 to 1979, ..."). The signing or adoption of
such a thing is an event only where the text dates it ("signed on 4 December"),
so these dates are dropped before mentions are made. A year before a happening
noun ("Erdogan's 2018 visit", "the 2022 elections") is kept: it dates that
happening. A heading that labels its section with a period ("High-level visits
(since 2014)", "Agreements signed, 2010–2020") dates no happening either, nor does the
end of a thing's validity ("which runs until 2061", "valid until 31 December 2030").
A clause dated only by a narrative step that describes a state with a copula ("Two
decades later the mood was different") tells how things stood, not what happened.
"""

from __future__ import annotations

import re
from datetime import timedelta

from chronicle.ingest.dates.names import MONTH_NAME
from chronicle.ingest.literals import Gated, lowered_for_gates
from chronicle.model import DateMatch

_THING = (
    r"(?:treat(?:y|ies)|protocols?|agreements?|accords?|conventions?|declarations?|charters?"
    r"|constitutions?|resolutions?|plans?|programmes?|programs?|strateg(?:y|ies)|frameworks?"
    r"|road\s?maps?|agendas?|visions?|acts?|laws?|terms|deals?|pacts?|communiqu[ée]s?"
    r"|memorand(?:um|a)|MoUs?|budgets?|envelopes?|packages?|guidelines|statutes?"
    r"|awards?|rulings?|verdicts?|judg(?:e)?ments?"
    r"|appeals?|reports?|editions?|white\s+papers?|polic(?:y|ies)|manifestos?"
    r"|allocations?|appropriations?|quotas?|estimates?|figures|statistics|yearbooks?|mandates?)"
)
"""Nouns naming a document, an instrument or a programme, not a happening: a year before
one gives its edition or validity ("UNHCR's 2023 appeal", "the bank's 2021 annual report",
"the ministry's 2024 budget"), where before an event noun ("the 2011 census", "the 1967
war") it dates the happening."""

_SPAN_THING = (
    r"(?:" + _THING + r"|statements?\s+of|partnerships?|periods?|phases?|phase-?outs?|build-?ups?"
    r"|cycles?|terms?|regimes?|timeframes?|schedules?|reforms?|targets?|estimates?|forecasts?)"
)
"""Nouns a span of years may give the validity of, beyond named things ("the 2021-2024
statement of partnership", "the FY2023-2027 defence build-up", "the 2019-2023 period")."""

_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those)|['’]s)\s+$", re.I
)
"""A year used as a premodifier follows a determiner or a possessive ("the 1995 ...")."""

_COORDINATED_YEARS = re.compile(r"(?:\s*(?:,|and|or|&)\s*\d{4}(?:\s*[-–]\s*\d{2,4})?)*")
"""Further years or spans premodifying the same noun ("the 2014-2020 and 2021-2027 envelopes")."""

_MODIFIERS = (
    r"(?:\s+(?!(?:of|on|in|at|to|by|for|with|from|was|were|is|are|has|had|have|will|and)\b)"
    r"[\w’'-]+){0,4}?\s+"
)
_THING_AFTER = re.compile(_MODIFIERS + _THING + r"\b", re.I)
"""Up to four modifiers, then the thing the year is part of ("2006 Lombok Treaty")."""

_NAME_AFTER = re.compile(rf"\s+(?!{MONTH_NAME})[A-Z][\w’'-]+")
"""A year before a proper name belongs to the name ("the 2023 Pacific Games", "the 2016
Rio Olympics"); before a month it is not a premodifier at all."""

_SPAN_THING_AFTER = re.compile(_MODIFIERS + _SPAN_THING + r"\b", re.I)
"""Up to four modifiers, then what a span of years is the validity of ("2024-2026 action plan")."""

_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?(?:period\s+|years?\s+)?(?:from\s+)?$", re.I)
"""A span of years after "for" is a validity ("the automotive regime for 2000-2005")."""

_GROUP_BEFORE = re.compile(
    r"\b(?:born|living|resident|residing|employed|serving|aged)\s+(?:between|from|in)\s+$", re.I
)
"""A span of years that picks out a group of people ("Samoans born between 1924 and 1948")
describes them; it dates nothing that happened."""

_APPOSITION = (re.compile(r",\s*(?:from|between)?\s*$"), re.compile(r"^\s*[,;]"))
"""A span of years set off by commas describes an era ("Suharto's New Order, from 1966
to 1998, gave ..."; "for a century, from the 1890s to the 1990s, the mines ...")."""

_THING_BEFORE = re.compile(
    _THING + r"(?:\s+(?:No\.?\s*)?\d+)?\s*(?:\(|for\s+(?:the\s+)?(?:period|years?\s+)?)\s*$", re.I
)
"""A date in brackets or after "for" following the thing: "resolution 598 (1987)",
"the Action Plan (2022-2024)", "the budget for 2024"."""

_ERA_BEFORE = re.compile(
    r"\b(?:era|period|decades?|years|reign|rule|tenure|presidency|premiership|administration"
    r"|regime|occupation|mandate|dynasty)\b(?:\s+of\s+[\w\s’'-]{1,30})?\s*[,(]\s*"
    r"(?:from|between)?\s*$",
    re.I,
)
"""An era described in apposition: "the decades of Pahlavi rule, from 1925 to 1979"."""

_APPOSED_FROM_TO = re.compile(
    r",\s*(?:from|between)\s+(?:the\s+)?\d{3}0s\s+(?:to|and|until)\s+(?:the\s+)?\d{3}0s\s*,"
)
"""Two decades spanning an era in apposition ("for a century, from the 1890s to the
1990s, the mines ..."): each decade alone is read as a date of its own."""

_VALIDITY_BEFORE = re.compile(
    r"\b(?:(?:runs?|running|ran|lasts?|lasting|valid|effective|in\s+force|in\s+effect)"
    r"\s+(?:(?:from|since)\s+[\w\s,]{1,25}?\s+)?(?:until|till|to|through|thru)"
    r"|(?:expires?|expiring|lapses?|lapsing)\s+(?:in|on|at\s+the\s+end\s+of)"
    r"|(?:valid|effective|in\s+force|in\s+effect)\s+(?:from|between|for))"
    r"\s+(?:(?:the\s+)?end\s+of\s+|mid-?\s*)?$",
    re.I,
)
"""The end of a thing's validity ("the agreement, which runs until 2061", "valid until 31
December 2030", "the lease expires in 2047", "in force until 2035", "valid from 2020 to
2025") is when it stops
holding, not a happening: the writer describes the thing, its signing is dated elsewhere."""

_VALIDITY_GATE = Gated(_VALIDITY_BEFORE)
"""Most text before a date says none of "valid", "runs", "force"...: no search then."""

_SPAN_PRECISIONS = frozenset({"range", "year", "approximate"})
"""Only whole years and spans of years name things; "on 4 December" never does."""

_WINDOW = 80
"""How far around the date the rules look, in characters."""


def names_no_happening(match: DateMatch, text: str) -> bool:
    """True when a date is part of a name or describes a validity period or an era.

    Args:
        match: A date found in `text` (its offsets index `text`).
        text: The text it was found in.
    """
    before = text[max(0, match.start - _WINDOW) : match.start]
    if _VALIDITY_GATE.search(before, lowered_for_gates(before)):
        return True
    if match.precision not in _SPAN_PRECISIONS or not re.search(r"\d{4}", match.text):
        return False
    after = text[match.end : match.end + _WINDOW]
    years = _spans_years(match)
    if _DETERMINER_BEFORE.search(before):
        rest = after[_COORDINATED_YEARS.match(after).end() :]
        if (_SPAN_THING_AFTER if years else _THING_AFTER).match(rest):
            return True
        if match.precision == "year" and _NAME_AFTER.match(rest):
            return True
    if _THING_BEFORE.search(before):
        return True
    window = before + text[match.start : match.end] + after
    at, to = len(before), len(window) - len(after)
    if any(m.start() <= at and to <= m.end() for m in _APPOSED_FROM_TO.finditer(window)):
        return True
    if not years:
        return False
    if _ERA_BEFORE.search(before) or _FOR_BEFORE.search(before) or _GROUP_BEFORE.search(before):
        return True
    return bool(_APPOSITION[0].search(before) and _APPOSITION[1].match(after))


def _spans_years(match: DateMatch) -> bool:
    """True for a span of two or more whole years ("2014-2016", "from the 1890s to the 1990s")."""
    start, end = match.date_start, match.date_end
    if start is None or end is None or match.precision == "year":
        return False
    whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    fiscal = start.day == 1 and (end - start).days >= 700  # FY2023-2027: April to March
    return end.year > start.year and (whole or fiscal)


_LABEL_BEFORE = re.compile(
    r"(?:[(,:–—]\s*(?:(?:since|from|between|after|until|before)\s+)?|\b(?:since|from)\s+)$", re.I
)
_LABEL_AFTER = re.compile(r"^\s*\)?[\s.]*$")
"""A heading's period stands at its end, set off by a bracket, comma or colon ("High-level
visits (since 2014)", "Oman and South Yemen, 1967–1992") or after "since"."""


def labels_a_period(match: DateMatch, text: str, heading: tuple[int, int]) -> bool:
    """True when a heading's closing date is the period its section covers, not a happening.

    "Trade (India's fiscal year, April–March)", "Agreements signed, 2010–2020", "Relations
    since independence (1991–2021)": the happenings are in the text under it. A day or a
    single month ("Visit to Japan (12–14 March 2019)") dates what the heading reports.

    Args:
        match: A date found in `text`.
        text: The document text its offsets index.
        heading: The (start, end) offsets of the heading holding it.
    """
    if not _is_period(match):
        return False
    before = text[heading[0] : match.start].rstrip(" ")
    return bool(
        _LABEL_BEFORE.search(before + " ") and _LABEL_AFTER.match(text[match.end : heading[1]])
    )


def _is_period(match: DateMatch) -> bool:
    """True for a year or longer, or a span of whole months."""
    start, end = match.date_start, match.date_end
    if start is None or end is None or match.precision == "day":
        return False
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
    return whole_months and (end.year, end.month) != (start.year, start.month)


_STEP = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\w+\s+and\s+a\s+half|a\s+few"
    r"|several|some)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:later|afterwards)"
    r"|(?:the\s+)?(?:following|next)\s+(?:day|week|month|year|decade))$",
    re.I,
)
"""A narrative step counted from the date last narrated ("Two decades later", "the next year")."""

_STATE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|remained|remains|seemed|seems|looked|felt)\b"
    r"(?:\s+(?:hardly|barely|still|far|much|even|quite|very|no|not|more|less|so|rather))*"
    r"\s+(?P<next>[\w’'-]+)",
    re.I,
)
"""A copula and the word after it: an adjective there describes a state ("the mood was calmer"),
a participle or "-ing" form makes the clause a happening ("was signed", "were visiting")."""

_HAPPENING_WORD = re.compile(
    r"\b\w{3,}(?:ed|en|ing)\b|\b(?:built|made|held|sent|won|lost|begun|began|done|set|put"
    r"|cut|split|shut|hit|led|met|sold|told|paid|laid|brought|bought|fought|kept|left|struck"
    r"|sworn|drawn|shown|grown|went|came|gave|took|rose|fell|saw|became|broke|ran|wrote|spoke)\b",
    re.I,
)
"""A past or passive participle, an "-ing" form or an irregular past: a verb of happening."""


def steps_to_a_state(date_text: str, clause: str) -> bool:
    """True when a clause dated only by a narrative step describes a state with a copula
    ("Two decades later the mood could hardly have been more different."): it tells how
    things stood then, no happening. "Two decades later the dam was finished" is one."""
    if not _STEP.match(date_text.strip()):
        return False
    rest = clause.replace(date_text, " ", 1)
    state = _STATE_VERB.search(rest)
    if state is None or _HAPPENING_WORD.match(state.group("next")):
        return False
    return not _HAPPENING_WORD.search(rest)
