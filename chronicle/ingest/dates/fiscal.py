"""Which fiscal year a text means by "FY 2022-23": the month its fiscal years start in.

A two-year fiscal form names a government's budget year, which starts in April in
India, Japan or the United Kingdom, in July in Pakistan or Australia, in October in
the United States. The text decides: a stated convention ("the fiscal year ending 30
June", "India's April-March fiscal year") wins; else the country the text names most
(``budget_country``), by the ``fiscal_year_start`` of ``chronicle.lexicon``. Read once
per text, and only when the text has a fiscal form to resolve.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from chronicle import lexicon
from chronicle.ingest.dates.names import MONTH_NAME, month_number
from chronicle.ingest.dates.spans import Span, month_span, shift_month
from chronicle.ingest.literals import Gated, lowered_for_gates

_FISCAL = r"(?i:fiscal|financial|budget)\s+years?\b"
_DAY = r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
_DASH = r"\s*(?:-|–|—|to)\s*"

STATED = re.compile(
    rf"{_FISCAL}[^.;\n]{{0,60}}?\b(?i:end(?:s|ed|ing)?|clos(?:es|ed|ing))\s+(?:on\s+|in\s+)?{_DAY}"
    rf"(?P<end>{MONTH_NAME})"
    rf"|{_FISCAL}[^.;\n]{{0,60}}?\b(?i:start(?:s|ed|ing)?|begin(?:s|ning)?|runs?\s+from"
    rf"|running\s+from)\s+(?:on\s+|in\s+)?{_DAY}(?P<start>{MONTH_NAME})"
    rf"|(?P<first>{MONTH_NAME}){_DASH}{MONTH_NAME}\s+{_FISCAL}"
    rf"|{_FISCAL}\s*[,(:]\s*(?:(?:which\s+)?runs?\s+)?(?:from\s+)?(?P<first2>{MONTH_NAME}){_DASH}"
    rf"{MONTH_NAME}"
)
"""A text stating its fiscal year: "the fiscal year ending 30 June", "the financial year
begins on 1 April", "an April-March fiscal year", "India's fiscal year (April-March)"."""

_STATED_GATE = Gated(STATED)
"""Every stated convention says "fiscal", "financial" or "budget": a text without them is
not searched (a search of the whole text tries the month names at every word)."""

_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+|the\s+)*[A-Z][\w'’.-]*)*")
"""A run of capitalised words, with the small words inside names ("Republic of Korea")."""

_LONGEST_FORM = 4
"""Words in the longest country form worth trying ("Democratic Republic of the Congo")."""


def stated_start(text: str) -> int | None:
    """The month a text says its fiscal years start in, if it says so."""
    m = _STATED_GATE.search(text, lowered_for_gates(text))
    if m is None:
        return None
    if m.group("end"):
        return shift_month(2000, month_number(m.group("end")), 1)[1]
    return month_number(m.group("start") or m.group("first") or m.group("first2"))


def country_mentions(text: str) -> tuple[Counter[str], dict[str, int]]:
    """How often a text names each country (by name, adjective, capital or one of its own
    institutions: "Lok Sabha", "Senate Estimates"), and where it first names each."""
    forms = {**lexicon.institution_forms(), **lexicon.country_forms()}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for run in _NAME_RUN.finditer(text):
        words = [w.removesuffix("'s").removesuffix("’s") for w in run.group().split()]
        i = 0
        while i < len(words):
            for n in range(min(_LONGEST_FORM, len(words) - i), 0, -1):
                form = " ".join(words[i : i + n])
                code = forms.get(form, forms.get(form.rstrip(".")))  # "U.S." or "India."
                if code is not None:
                    if code:
                        counts[code] += 1
                        first.setdefault(code, run.start())
                    i += n
                    break
            else:
                i += 1
    return counts, first


_LEADING_SHARE = 0.75
"""A country named at least this share as often as the most named one is a main subject."""


def budget_country(text: str) -> str | None:
    """The country whose budget years a text's two-year fiscal forms count: the one it
    names most, leaving out countries whose fiscal year is the calendar year (their
    budgets name no two-year year: "FY2016-17" in a text about the Maldives and India is
    India's), and countries whose convention is unknown (a partner named often, "PNG" in
    an Australian aid report, must not hide the budget's own country). When two are named
    about as often, the one named first: a bilateral text
    names its writer's country first ("India-Bangladesh relations"). None when it names
    no such country."""
    counts, first = country_mentions(text)
    candidates = {c: n for c, n in counts.items() if lexicon.fiscal_year_start(c) not in (None, 1)}
    if not candidates:
        return None
    top = max(candidates.values())
    leading = [c for c, n in candidates.items() if n >= _LEADING_SHARE * top]
    return min(leading, key=first.__getitem__)


def fiscal_year_start(text: str) -> int | None:
    """The month a text's fiscal years start in: stated, else its main country's; None when
    neither is known."""
    stated = stated_start(text)
    if stated is not None:
        return stated
    country = budget_country(text)
    return lexicon.fiscal_year_start(country) if country else None


def fiscal_span(first_year: int, last_year: int, start_month: int | None) -> Span | None:
    """The fiscal year from ``start_month`` of ``first_year`` to the month before it in
    ``last_year`` ("FY 2022-23" in India: April 2022 to March 2023); None when the
    convention is unknown or the calendar year (a two-year form then names no budget year)."""
    if start_month is None or start_month == 1:
        return None
    end_year, end_month = shift_month(last_year, start_month, -1)
    if end_year != last_year:
        return None
    return date(first_year, start_month, 1), month_span(last_year, end_month)[1]
