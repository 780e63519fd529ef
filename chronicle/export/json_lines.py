"""JSON Lines export: one event object a line, for streams and `chronicle import`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from chronicle.export.base import Format, Heading
from chronicle.export.records import dumps
from chronicle.model import Event


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write each event as one line of JSON; returns how many."""
    count = 0
    for event in events:
        out.write(dumps(event, heading) + "\n")
        count += 1
    return count


FORMAT = Format(
    name="jsonl",
    extension="jsonl",
    media_type="application/jsonl",
    description="one event a line, the JSON export's objects",
    write=write,
)
