"""The days of a visit: its stated length, and the arrival and return days that belong to it.

Writers give a visit's length and date one day of it: "14 July - Isaias begins a
three-day visit", "arrived on 3 May for a two-day official visit", "returned to Dili
on Wednesday at the end of a four-day state visit". The visit is the stated number of
days starting or ending on that day. A sentence that only tells the arrival or the
return ("He returned to Dili on Wednesday") tells a day of that visit, not a new event.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from chronicle.ingest.dates.names import NUMBER_WORDS, count_of
from chronicle.model import DateMatch, Mention

_COUNT = "|".join(w for w, n in NUMBER_WORDS.items() if 1 < n <= 20)
_LENGTH = (
    rf"(?:a|an|his|her|their|its)\s+(?P<n>{_COUNT}|[2-9]|1\d|20)"
    r"-(?P<unit>day|week)\b(?:\s+[\w-]+){0,3}?\s+(?:visit|trip|tour|stay)\b"
)
"""A stated length: "a three-day visit", "a ten-day tour", "her two-week official trip"."""
_STARTS = re.compile(
    r"\b(?:begins?|began|starts?|started|arrives?|arrived|opens?|opened|for)\s+" + _LENGTH, re.I
)
"""A visit whose first day is dated: "14 July - Isaias begins a three-day visit",
"arrived on 3 May for a two-day official visit"."""

_ENDS = re.compile(
    r"\b(?:(?:at|by)\s+the\s+(?:end|close)\s+of|on\s+the\s+last\s+day\s+of|ends?|ended"
    r"|conclud(?:es?|ed|ing)|wrap(?:s|ped|ping)\s+up|clos(?:es?|ed|ing))\s+" + _LENGTH,
    re.I,
)
"""A visit whose last day is dated: "signed ... on Monday at the end of a four-day state
visit", "concluded a two-day visit on 9 May"."""

_RETURN = re.compile(
    r"\b(?:return(?:s|ed|ing)?\s+(?:home|to\s+[A-Z]|from\s+[A-Z])"
    r"|(?:fl(?:ew|ies|y)|head(?:s|ed)|went|left\s+for)\s+(?:back\s+)?home)"
)
"""A clause telling a traveller's return ("returned to Dili", "flew home")."""

_ARRIVAL = re.compile(
    r"\b(?:arriv(?:es?|ed|ing)\s+(?:in|at)\s+[A-Z]|land(?:s|ed)\s+in\s+[A-Z]"
    r"|depart(?:s|ed)\s+(?:for|from)\s+[A-Z]|left\s+[A-Z])"
)
"""A clause telling an arrival or a departure ("landed in Jakarta"): a day of a visit only
inside its days; after them it is someone's or something else's journey."""

_LONGEST_VISIT = timedelta(days=14)
"""A range of days longer than this is not one visit's stay."""

_JOURNEY_HOME = timedelta(days=2)
"""A return this soon after a visit's last day is the end of that visit."""


def with_stated_length(match: DateMatch, clause: str) -> DateMatch:
    """A single day that begins or ends a visit of stated length becomes the visit's days."""
    if match.precision != "day" or match.date_start is None or match.date_start != match.date_end:
        return match
    starts, ends = _STARTS.search(clause), _ENDS.search(clause)
    stated = starts or ends
    if stated is None:
        return match
    days = timedelta(days=_days(stated) - 1)
    if starts:
        return replace(match, date_end=match.date_start + days, precision="range")
    return replace(match, date_start=match.date_start - days, precision="range")


def _days(stated: re.Match[str]) -> int:
    """The number of days a stated length spans ("ten-day" 10, "two-week" 14)."""
    count = count_of(stated.group("n"))
    return count * 7 if stated.group("unit").lower() == "week" else count


def states_visit_length(clause: str) -> bool:
    """True when a clause states the length of a visit it dates one day of."""
    return bool(_STARTS.search(clause) or _ENDS.search(clause))


def within_visits(mentions: Sequence[Mention], clauses: Sequence[str]) -> list[Mention]:
    """The mentions without the arrivals and returns that are days of a stated visit.

    Args:
        mentions: One document's mentions.
        clauses: The clause each mention was read from, in the same order.
    """
    visits = [m for m in mentions if _is_stay(m)]
    kept = []
    for m, clause in zip(mentions, clauses, strict=True):
        after = _days_after_a_stay(clause)
        if after is None or not any(_day_of(m, v, after) for v in visits):
            kept.append(m)
    return kept


@functools.lru_cache(maxsize=256)
def _days_after_a_stay(clause: str) -> timedelta | None:
    """How long after a stay a clause's day may fall and still be part of it: a return
    (the journey home) or an arrival; None for any other clause. Read once per clause,
    which every date of a long sentence may share."""
    if _RETURN.search(clause):
        return _JOURNEY_HOME
    return timedelta(0) if _ARRIVAL.search(clause) else None


def _is_stay(mention: Mention) -> bool:
    """A visit dated by a range of days (its stay)."""
    start, end = mention.date.date_start, mention.date.date_end
    if mention.type != "visit" or start is None or end is None:
        return False
    return mention.date.precision == "range" and start < end <= start + _LONGEST_VISIT


def _day_of(mention: Mention, visit: Mention, after: timedelta) -> bool:
    """True when a single day falls within the visit (or up to `after` past its end: the
    journey home) and no one else travels in it."""
    day = mention.date.date_start
    if mention is visit or mention.date.precision != "day" or day is None:
        return False
    if not visit.date.date_start <= day <= visit.date.date_end + after:
        return False
    travellers = {a.key for a in mention.entities.actors}
    return not travellers or bool(travellers & {a.key for a in visit.entities.actors})
