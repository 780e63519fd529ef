"""Write a query's events as they are read: pipe rows, JSON and the export formats.

`chronicle search` on a pipe and `chronicle export` walk the result one keyset page
at a time (`Searcher.search` with `after=`) and write each page before reading the
next, so `chronicle search --limit 0 | head -5` answers at once whatever the
chronicle holds, and memory stays one page whatever the result. A pipe row is one
line per event under stable, tab-separated columns (`ROW_COLUMNS`); every text in
it passes through `chronicle.visible`, which also writes any tab or newline a
headline holds as an escape, so a row is always exactly one line of five fields.
Only click-free, Rich-free modules are imported here: a script's pipe does not pay
for Rich's tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from chronicle.date_notation import date_label
from chronicle.visible import visible

if TYPE_CHECKING:
    from chronicle.model import Event
    from chronicle.search.engine import Results, Searcher
    from chronicle.store import Store

EXPORT_FORMATS = ("md", "csv", "tsv", "json", "jsonl", "timelinejs", "ics")
"""`chronicle.export.FORMATS`, named here so the commands' options are built without
importing the writers (a test checks the two agree)."""

ROW_COLUMNS = ("date", "type", "headline", "sources", "id")
"""The tab-separated columns of a pipe row, in order: the date in chronicle's one
notation ("2018-01-04", "2016–17 FY", "undated"), the event type, the whole
headline, how many source sentences back the event, and the event's id (for
`chronicle show ID`)."""

PAGE = 500
"""Events read and written per page."""


def result_pages(searcher: Searcher, text: str, limit: int | None) -> Iterator[Results]:
    """The query's results one keyset page at a time, at most `limit` events in all.

    Args:
        searcher: The searcher of the store.
        text: The query as typed.
        limit: Most events in all; None for every match.

    Returns:
        Pages in result order; the first always comes (it carries the description
        and hints), even when it is empty.
    """
    cursor: tuple | None = None
    left = limit
    while True:
        want = PAGE if left is None else min(PAGE, left)
        page = searcher.search(text, limit=max(want, 1), after=cursor)
        yield page
        if left is not None:
            left -= len(page.events)
        cursor = page.cursor
        if cursor is None or (left is not None and left <= 0):
            return


def row(event: Event) -> str:
    """The event as one pipe row under `ROW_COLUMNS` (no newline)."""
    return "\t".join(
        (
            date_label(event.date_start, event.date_end, event.precision),
            visible(event.type),
            visible(event.headline),
            str(event.source_count),
            str(event.id),
        )
    )


def detailed(store: Store, pages: Iterable[Results]) -> Iterator[Event]:
    """Each event of the pages as `Store.event` reads it: with sources and annotation."""
    for page in pages:
        for listed in page.events:
            event = store.event(listed.id)
            if event is not None:
                yield event


class Tally:
    """What the pages walked so far held: the first page's reading and the events seen."""

    def __init__(self, pages: Iterable[Results]) -> None:
        self._pages = pages
        self.first: Results | None = None
        self.shown = 0

    def __iter__(self) -> Iterator[Results]:
        for page in self._pages:
            if self.first is None:
                self.first = page
            self.shown += len(page.events)
            yield page


def write_rows(pages: Iterable[Results], out: TextIO) -> None:
    """One pipe row per event, each page written and flushed before the next is read."""
    for page in pages:
        if page.events:
            out.write("".join(row(e) + "\n" for e in page.events))
            out.flush()


def write_json_list(events: Iterable[Event], out: TextIO) -> int:
    """The events as one indented JSON list (`Event.to_json`, non-ASCII escaped), streamed.

    The text is exactly what `json.dumps(list, indent=2, ensure_ascii=True)` gives for
    the whole list, written one event at a time. Returns how many were written.
    """
    count = 0
    for event in events:
        item = json.dumps(event.to_json(), indent=2, ensure_ascii=True)
        out.write(("[\n" if count == 0 else ",\n") + "  " + item.replace("\n", "\n  "))
        count += 1
        if count % PAGE == 0:
            out.flush()
    out.write("[]\n" if count == 0 else "\n]\n")
    out.flush()
    return count
