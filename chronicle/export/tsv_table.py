"""TSV export: the CSV's columns, one line per event, tab-separated.

A value cannot hold a tab or a line break in TSV, so they are escaped as `\\t`,
`\\n` and `\\r`, a backslash as `\\\\`, and every other control character as its
visible escape (``\\x1b``, its backslash escaped too): each event is one line, and
read back each value is the text as the CSV and the terminal show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from chronicle.export.base import Format, Heading
from chronicle.export.columns import NAMES, row
from chronicle.model import Event
from chronicle.visible import visible

ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
"""Characters TSV cannot carry in a value and what is written instead."""


_TRANSLATION = str.maketrans(ESCAPES)


def escape(value: str) -> str:
    """A value with tabs, line breaks and backslashes escaped and controls made visible."""
    escaped = value.translate(_TRANSLATION)
    if escaped.isprintable():  # no other control to make visible
        return escaped
    return "".join(ESCAPES.get(c) or visible(c).replace("\\", "\\\\") for c in value)


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write the header and one line per event; returns the number of lines."""
    out.write("\t".join(NAMES) + "\n")
    count = 0
    for event in events:
        out.write("\t".join(escape(v) for v in row(event)) + "\n")
        count += 1
    return count


FORMAT = Format(
    name="tsv",
    extension="tsv",
    media_type="text/tab-separated-values",
    description="the CSV's columns, one line per event, tabs and line breaks escaped",
    write=write,
)
