"""Choose the document's date among the strategies' candidates.

The strongest candidate wins unless the text contradicts it: a date over a year after
everything the body narrates, over a body that speaks in the future tense of its own
latest dates, is a crawl date, not the date the text was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from chronicle.ingest.document_date.page import Candidate, Page, narrated_dates, speaks_of_future
from chronicle.ingest.document_date.strategies import candidates

_LATE = timedelta(days=365)


def contradicted(candidate: Candidate, narrated: Sequence[date], future: Sequence[date]) -> bool:
    """Whether the text says it was not written on `candidate`'s date: the candidate is
    over a year after every date the body narrates, and the body speaks in the future
    tense of its own latest dates ("will be visiting on 3 January 2017" under a 2024
    crawl date)."""
    if not narrated or candidate.strategy in _DECLARED:
        return False
    latest = max(narrated)
    # the story's own latest dates are still to come: it was written before them
    ahead = any(latest - _LATE <= d < candidate.date - _LATE for d in future)
    return latest < candidate.date - _LATE and ahead


_DECLARED = frozenset({"front_matter", "html_meta", "html_modified"})
"""Dates a page declares for machines: the text cannot contradict them."""


def choose(found: Sequence[Candidate], page: Page) -> Candidate | None:
    """The strongest candidate the text does not contradict, or None.

    Args:
        found: Candidates, strongest first (`candidates`).
        page: The page they come from.
    """
    if not found or found[0].strategy in _DECLARED or not speaks_of_future(page):
        return found[0] if found else None  # nothing in the text can contradict it
    narrated, future = narrated_dates(page)
    for candidate in found:
        if not contradicted(candidate, narrated, future):
            return candidate
    return None


def document_date(page: Page) -> tuple[Candidate | None, list[Candidate]]:
    """The document's date and every candidate considered (their date-only lines are
    metadata whether chosen or not)."""
    found = candidates(page)
    return choose(found, page), found
