"""Choose the document's date among the strategies' candidates.

The strongest candidate wins unless the text contradicts it: a date over a year after
everything the body narrates, over a body that speaks in the future tense of its own
latest dates, is a crawl date, not the date the text was written; so is such a date
over a body that counts from its own day ("last year", "in January") when the page
carries another date that fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from chronicle.ingest.document_date.page import (
    Candidate,
    Page,
    counts_from_own_time,
    narrated_dates,
    speaks_of_future,
)
from chronicle.ingest.document_date.strategies import candidates

_LATE = timedelta(days=365)


def contradicted(candidate: Candidate, narrated: Sequence[date], future: Sequence[date]) -> bool:
    """Whether the text says it was not written on `candidate`'s date: the candidate is
    over a year after every date the body narrates, and the body speaks in the future
    tense of its own latest dates ("will be visiting on 3 January 2017" under a 2024
    crawl date)."""
    if not narrated or candidate.strategy not in _PRINTED_BY_PAGE:
        return False
    latest = max(narrated)
    # the story's own latest dates are still to come: it was written before them
    ahead = any(latest - _LATE <= d < candidate.date - _LATE for d in future)
    return latest < candidate.date - _LATE and ahead


_DECLARED = frozenset({"front_matter", "html_meta", "html_modified"})
"""Dates a page declares for machines: the text cannot contradict them."""

_PRINTED_BY_PAGE = frozenset(
    {"date_above_title", "masthead_date", "updated_line", "foot_date_line"}
)
"""Where a site prints dates of its own (today's, the crawl's, the last edit's): only these
can be crawl dates. A byline, a date line under the title or a dateline is the story's."""


_PAGE_DATES = frozenset({"date_above_title", "masthead_date", "html_modified", "updated_line"})
"""Where a page may print its own dates (today's, the last edit's) rather than the text's."""


def choose(found: Sequence[Candidate], page: Page) -> Candidate | None:
    """The strongest candidate the text does not contradict, or None.

    Args:
        found: Candidates, strongest first (`candidates`).
        page: The page they come from.
    """
    if not found or found[0].strategy in _DECLARED:
        return found[0] if found else None  # nothing in the text can contradict it
    if speaks_of_future(page):
        narrated, future = narrated_dates(page)
        found = [c for c in found if not contradicted(c, narrated, future)]
        if not found:
            return None
    return in_own_time(found, page)


def in_own_time(found: Sequence[Candidate], page: Page) -> Candidate:
    """The strongest candidate, unless it stands where a page prints its own dates (above
    the headline, an update line) and is over a year after everything the body
    narrates while the body counts dates from its own day ("last year", "in January")
    and another candidate is not: of two dates a page carries, the text was written on
    the one its own "last year" fits.

    Args:
        found: Candidates, strongest first (at least one).
        page: The page they come from.
    """
    if found[0].strategy not in _PAGE_DATES or len({c.date for c in found}) < 2:
        return found[0]
    if not counts_from_own_time(page):
        return found[0]
    narrated, _ = narrated_dates(page)
    if not narrated:
        return found[0]
    latest = max(narrated)
    # a yearless dateline's year is inferred from those very dates: it states nothing
    timely = [c for c in found if c.date - _LATE <= latest and c.strategy != "yearless_dateline"]
    return found[0] if not timely or found[0] in timely else timely[0]


def document_date(page: Page) -> tuple[Candidate | None, list[Candidate]]:
    """The document's date and every candidate considered (their date-only lines are
    metadata whether chosen or not)."""
    found = candidates(page)
    return choose(found, page), found
