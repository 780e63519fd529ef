"""The page the date strategies read, the candidates they propose, and what it narrates."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.own_time import dates_from_own_day
from chronicle.ingest.literals import Gated, lowered_for_gates


@dataclass(frozen=True, slots=True)
class Page:
    """What the strategies look at: a document's clean lines and its known landmarks.

    Attributes:
        texts: Clean lines ("" for blank lines, chrome and front matter).
        top: Indexes of the masthead lines (every non-blank line before the first prose).
        first_prose: Index of the first line of running prose, or None.
        title: Index of the headline, or None.
        byline: Indexes of the byline's lines.
        front: Front-matter keys (and the page's meta tags, passed on by the HTML reader).
        chrome: Indexes of the site's chrome lines (menus, login and language links),
            blanked in `texts`: where they stand tells the site's header from the article.
    """

    texts: Sequence[str]
    top: Sequence[int] = ()
    first_prose: int | None = None
    title: int | None = None
    byline: frozenset[int] = frozenset()
    front: Mapping[str, str] = field(default_factory=dict)
    chrome: frozenset[int] = frozenset()

    def footer(self, count: int) -> list[int]:
        """Indexes of the last `count` non-blank lines."""
        return [i for i, t in enumerate(self.texts) if t][-count:]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date a strategy proposes for the document.

    Attributes:
        date: The proposed date.
        text: The date as written.
        strategy: The name of the strategy that found it.
        line: Index of the line it stands on (None for front matter).
        only_date: True when the line carries nothing but the date (and labels): such a
            line is metadata and never reaches the body, chosen or not.
    """

    date: date
    text: str
    strategy: str
    line: int | None = None
    only_date: bool = False


Strategy = Callable[[Page], list[Candidate]]


_FOOT_LINES = 12


_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|is scheduled|are scheduled|is expected to|"
    r"are expected to|upcoming|forthcoming|next (?:week|month|year))\b",
    re.I,
)

_FUTURE_GATE = Gated(_FUTURE)
"""Most lines hold none of the future's words: they are not searched."""

_BODY_CHARACTERS = 20000


def narrated_dates(page: Page) -> tuple[list[date], list[date]]:
    """(every date the body narrates, those a future-tense sentence speaks of).

    The body is every line after the masthead (its first 20,000 characters); only
    dates that state their year count (a year-less "October" would borrow its year
    from a background date the body mentions).
    """
    told = _narrated(_body_lines(page))
    return [t.day for t in told], [t.day for t in told if t.future]


def narrated_days(page: Page) -> list[date]:
    """The days and months (not bare years) the body narrates in the past: what a
    story's own date must come after. "signed an accord in 2015" is background, not a
    day the story reports."""
    return [t.day for t in _narrated(_body_lines(page)) if t.precise and not t.future]


def speaks_of_future(page: Page) -> bool:
    """Whether any line of the body is in the future tense (a cheap test first)."""
    return any(_FUTURE_GATE.search(line, lowered_for_gates(line)) for line in _body_lines(page))


def _body_lines(page: Page) -> tuple[str, ...]:
    start = page.first_prose if page.first_prose is not None else len(page.texts)
    return tuple(page.texts[start:])


@dataclass(frozen=True, slots=True)
class _Told:
    day: date
    precise: bool
    future: bool


_STATED_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|'\d\d\b")


@functools.lru_cache(maxsize=8)
def _narrated(lines: tuple[str, ...]) -> tuple[_Told, ...]:
    body = "\n".join(line for line in lines if line)[:_BODY_CHARACTERS]
    told: list[_Told] = []
    for match in find_dates(body):
        if match.date_start is None or not _STATED_YEAR.search(match.text):
            continue
        begin = max(body.rfind(stop, 0, match.start) for stop in _STOPS)
        ends = [i for stop in _STOPS if (i := body.find(stop, match.end)) >= 0]
        future = bool(_FUTURE.search(body, begin + 1, min(ends) if ends else len(body)))
        told.append(_Told(match.date_start, match.precision in ("day", "month", "range"), future))
    return tuple(told)


_STOPS = (". ", "? ", "! ", "\n")
"""What ends the sentence around a date, closely enough to read its tense."""


def counts_from_own_time(page: Page) -> bool:
    """Whether the body dates something from the day it was written ("trade rose last
    year", "the terminal opened in January"): then it was written within a year or so of
    what it narrates."""
    start = page.first_prose if page.first_prose is not None else len(page.texts)
    return any(dates_from_own_day(line) for line in page.texts[start:])


def lines_after(page: Page, index: int, count: int) -> list[int]:
    """The next `count` non-blank lines after `index`, within the masthead."""
    tops = [i for i in page.top if i > index]
    return tops[:count]


def lines_below(page: Page, index: int, count: int) -> list[int]:
    """The next `count` non-blank lines after `index`, masthead or not: an agency's
    author line often stands under the headline's standfirst, a sentence."""
    return [i for i in range(index + 1, len(page.texts)) if page.texts[i]][:count]


def head_and_foot(page: Page) -> list[int]:
    return sorted(set(page.top) | set(page.footer(_FOOT_LINES)))
