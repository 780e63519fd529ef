"""CSV export: one row per event under a header row, written with the `csv` module.

RFC 4180 shape (CRLF line ends, fields with commas, quotes or line breaks quoted),
so a note's several lines stay in one field. Control characters other than line
breaks and tabs are written as visible escapes (``\\x1b``), as everywhere chronicle
writes document text, so the file cannot act on a terminal it is printed to.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from chronicle.export.base import Format, Heading
from chronicle.export.columns import NAMES, row
from chronicle.model import Event
from chronicle.visible import visible_lines


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write the header and one row per event; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(NAMES)
    count = 0
    for event in events:
        writer.writerow([visible_lines(value.replace("\r\n", "\n")) for value in row(event)])
        count += 1
    return count


FORMAT = Format(
    name="csv",
    extension="csv",
    media_type="text/csv",
    description="one row per event (RFC 4180), columns listed in docs/export.md",
    write=write,
)
