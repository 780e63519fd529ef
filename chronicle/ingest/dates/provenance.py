"""What a relative date was counted from, written compactly as ``kind:when``.

A date written out in full ("4 January 2018") counts from nothing: its anchor is "".
Any other date took something from its context, and the resolver that used it says
which, through ``anchor``:

- ``document:2019-03-02``: the document's own date ("last May", "yesterday", "on
  Tuesday", and a year-less "in March" read by tense from the time of writing);
- ``narrative:2019-02-20``: the date the text last told ("three days later", "the
  following year", "later that month"); a stretch is written ``1998/2003``;
- ``earlier:2017-12``: an earlier date of the sentence or paragraph lent its year
  ("in December 2017 ... on December 19");
- ``heading:2019``: a chronology's year heading lent its year;
- ``entry:2011-01-23``: the chronology entry before lent its year.

``when`` is as precise as the date it names: a day, ``YYYY-MM``, ``YYYY``, or two of
them joined by ``/`` for a stretch.
"""

from __future__ import annotations

import calendar
from datetime import date

from chronicle.ingest.dates.spans import Span

KINDS = ("document", "narrative", "earlier", "heading", "entry")
"""Every kind of anchor, in the order a reader is told about them."""


def anchor(kind: str, when: date | Span) -> str:
    """The stored form of an anchor: ``anchor("document", date(2019, 3, 2))`` is
    "document:2019-03-02"."""
    if kind not in KINDS:
        raise ValueError(f"no anchor kind {kind!r}")
    return f"{kind}:{span_label(when if isinstance(when, tuple) else (when, when))}"


def span_label(span: Span) -> str:
    """A span as precisely as it is: "2019-03-02", "2019-03", "2019", "1998/2003",
    "2019-07/2019-09", "2019-02-20/2019-02-22"."""
    a, b = span
    if a == b:
        return a.isoformat()
    whole_months = a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]
    if whole_months and (a.month, b.month) == (1, 12):
        return str(a.year) if a.year == b.year else f"{a.year}/{b.year}"
    if whole_months:
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.year}-{a.month:02d}"
        return f"{a.year}-{a.month:02d}/{b.year}-{b.month:02d}"
    return f"{a.isoformat()}/{b.isoformat()}"
