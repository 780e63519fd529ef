"""Words that count from the writer's own day, written once for every reader of a text.

"Yesterday", "on Tuesday", "last year", "this January" (with no year after it) each
date something from the day the text was written; "in January" or "by December" does not,
as a history says it of the year it narrates. The date finder weighs them to tell a news
story from a history essay; the document-date chooser reads them to tell that a page was
written near what it narrates. Both ask the same question, so both read this one list.
"""

from __future__ import annotations

import re

from chronicle.ingest.dates.names import MONTH_FULL, WEEKDAY

OWN_TIME = re.compile(
    r"\b(?:(?i:yesterday|today|tonight|tomorrow"
    r"|(?:last|this|next|past)\s+(?:year|month|week|spring|summer|autumn|fall|winter))\b"
    rf"|(?i:on|last|next|this)\s+{WEEKDAY}"
    rf"|(?i:last|this)\s+{MONTH_FULL}(?!\s*,?\s*\d))"
)
"""A date counted from the writer's own day: "yesterday", "last year", "on Tuesday",
"last January". Weekday and month names are capitalised ("this may" is not a month)."""


def own_time_words(text: str) -> int:
    """How many times a text dates something from its writer's own day."""
    return len(OWN_TIME.findall(text))


def dates_from_own_day(text: str) -> bool:
    """Whether a text dates anything from its writer's own day ("trade rose last year")."""
    return OWN_TIME.search(text) is not None
