"""JSON export: one array of events, streamed an element at a time.

The array is opened, each event written as it comes, then closed, so a large export
never holds every event in memory. Each element is `records.record`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from chronicle.export.base import Format, Heading
from chronicle.export.records import dumps
from chronicle.model import Event


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write `[`, the events separated by commas, `]`; returns how many."""
    count = 0
    out.write("[")
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(dumps(event, heading))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


FORMAT = Format(
    name="json",
    extension="json",
    media_type="application/json",
    description="an array of events as `chronicle search --json` gives them, with annotations",
    write=write,
)
