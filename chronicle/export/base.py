"""What an export format is: a name, a file extension, a media type and a writer.

Each format module defines one `Format`; `chronicle.export` keeps them in a registry
and dispatches by name, so adding a format is adding a module, not a branch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TextIO

from chronicle.model import Event

DecisionsOf = Callable[[Event], list[dict[str, object]]]
"""The analyst's joins and splits naming a source of an event, each in its shared form
(`store.decisions.shared`: version, kind, mention_key, made_at, pairs)."""


@dataclass(frozen=True, slots=True)
class Heading:
    """What the export is of: a title and the query that chose its events ("" if none),
    and where the JSON formats find each event's decisions (None: not looked up, so
    not written)."""

    title: str = ""
    query: str = ""
    decisions: DecisionsOf | None = None


Writer = Callable[[Iterable[Event], TextIO, Heading], int]
"""Writes the events to the stream and returns how many it wrote."""


@dataclass(frozen=True, slots=True)
class Format:
    """One export format."""

    name: str
    """What `--format` calls it ("md", "csv", ...)."""
    extension: str
    """The file name extension, without the dot."""
    media_type: str
    """The IANA media type of what it writes."""
    description: str
    """One line for the help."""
    write: Writer
    """Streams the events out, one at a time where the format allows."""
