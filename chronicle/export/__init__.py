"""Export exactly the events shown, with the analyst's work, in one of seven formats.

`write_events` looks the format up in `REGISTRY` (one `Format` per module here) and
streams the events through its writer. Every format carries the star, tags, note,
corrections (with the machine's values) and whether an event was added by hand;
sources are cited in the style of `chronicle.citation`. See docs/export.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from chronicle.export import (
    csv_table,
    ics,
    json_array,
    json_lines,
    markdown,
    timelinejs,
    tsv_table,
)
from chronicle.export.base import DecisionsOf, Format, Heading
from chronicle.model import Event

REGISTRY: dict[str, Format] = {
    f.name: f
    for f in (
        markdown.FORMAT,
        csv_table.FORMAT,
        tsv_table.FORMAT,
        json_array.FORMAT,
        json_lines.FORMAT,
        timelinejs.FORMAT,
        ics.FORMAT,
    )
}
"""Every export format by name."""

FORMATS: tuple[str, ...] = ("md", "csv", "tsv", "json", "jsonl", "timelinejs", "ics")
"""The names `--format` accepts, in the order the help lists them."""

__all__ = ["FORMATS", "REGISTRY", "Format", "format_named", "write_events"]


def format_named(fmt: str) -> Format:
    """The format called `fmt` (its extension, media type and writer).

    Raises:
        ValueError: For a name that is not one of FORMATS.
    """
    try:
        return REGISTRY[fmt]
    except KeyError:
        raise ValueError(
            f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})"
        ) from None


def write_events(
    events: Iterable[Event],
    fmt: str,
    out: TextIO,
    *,
    title: str = "",
    query: str = "",
    decisions: DecisionsOf | None = None,
) -> int:
    """Write events in format `fmt` to `out`, one at a time where the format allows.

    Args:
        events: Events with sources and annotations loaded (``Store.event(id)``), in
            the order shown.
        fmt: One of FORMATS.
        out: A text stream; formats that need CRLF (ics) write it themselves, so
            open files with ``newline=""``.
        title: What the export is called (the Markdown heading, the TimelineJS title
            slide, the calendar's name).
        query: The query that chose the events, written where the format has room.
        decisions: Each event's joins and splits of the analyst's, which the JSON
            formats write (`decisions`) so `chronicle import` makes them again.

    Returns:
        How many events were written (the undated ones TimelineJS and ics leave out
        are not counted).

    Raises:
        ValueError: For an unknown format.
    """
    return format_named(fmt).write(events, out, Heading(title, query, decisions))
