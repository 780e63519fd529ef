"""An event the analyst adds by hand, as a tiny document of its own.

The documents do not hold every event an analyst knows of. One added by hand
becomes a document whose path is `manual:<id>` (never a file, so `ingest --prune`
and the stale-document count, which only look under folders, never touch it),
published by "Analyst", with one mention. From there it is stored, merged,
searched, annotated and removed (`chronicle remove manual:<id>`) like any other
document's event. Pure: building it reads and writes nothing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from chronicle.date_notation import date_label
from chronicle.ingest.entities import find_entities
from chronicle.ingest.events.mentions import content_hash
from chronicle.ingest.text.inline import sanitize
from chronicle.model import (
    EVENT_TYPES,
    MANUAL_SCHEME,
    PRECISIONS,
    Actor,
    CleanDocument,
    DateMatch,
    Entities,
    Mention,
    Segment,
    is_manual,
)

SCHEME = MANUAL_SCHEME
"""The prefix of every hand-added document's path."""

FORMAT = "manual"
"""The format `chronicle documents` shows for a hand-added document."""

_BLANK_LINE = re.compile(r"\n\s*\n")
"""What ends a paragraph of the note."""

PUBLISHER = "Analyst"
"""Who a hand-added document is published by."""


def manual_event(
    date_start: date,
    date_end: date | None,
    precision: str,
    headline: str,
    note: str = "",
    type: str = "statement",
    *,
    id: str | None = None,
) -> tuple[CleanDocument, str, list[Mention]]:
    """The document, content hash and mention of an event added by hand.

    Args:
        date_start: First day of the event.
        date_end: Last day (None: the same day).
        precision: One of `model.PRECISIONS` but "unresolved".
        headline: What happened, in a line; the document's title.
        note: Where the analyst has it from (several lines, blank lines between
            paragraphs); single-spaced, it is the event's source sentence, and
            with its paragraphs the mention's paragraph (what an export carries,
            so `from_export` makes the same document again).
        type: One of `model.EVENT_TYPES`.
        id: The short id after `manual:` (a fresh random one when None).

    Returns:
        What `Store.add_document(doc, content_hash, mentions)` takes. The hash is
        taken over the path and the text, so two events written alike stay two
        documents and no file on disk ever holds the same text.

    Text is cleaned as a document's is (no control characters or escape sequences).

    Raises:
        ValueError: an empty headline, an unknown type or precision, or an end
            before the start.
    """
    headline = " ".join(sanitize(headline).split())
    paragraphs = [" ".join(p.split()) for p in _BLANK_LINE.split(sanitize(note)) if p.strip()]
    note = " ".join(paragraphs)
    end = date_end or date_start
    _check(headline, type, precision, date_start, end)
    path = SCHEME + (id or uuid.uuid4().hex[:12])
    doc = _document(path, [headline, *paragraphs])
    digest = content_hash(f"{path}\n{doc.text}")
    found = DateMatch(
        start=0,
        end=0,
        date_start=date_start,
        date_end=end,
        precision=precision,
        text=date_label(date_start.isoformat(), end.isoformat(), precision),
    )
    mention = Mention(
        key=f"{digest[:16]}:{0:06d}",
        document=path,
        sentence=note or headline,
        paragraph="\n\n".join(paragraphs) or headline,
        date=found,
        type=type,
        types=(type,),
        entities=_entities(headline, note),
        headline=headline,
    )
    return doc, digest, [mention]


def _check(headline: str, type: str, precision: str, start: date, end: date) -> None:
    if not headline:
        raise ValueError("an event needs a headline")
    if type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {type!r}")
    if precision not in PRECISIONS or precision == "unresolved":
        raise ValueError(f"unknown precision {precision!r}")
    if end < start:
        raise ValueError("the event ends before it starts")


def _document(path: str, paragraphs: list[str]) -> CleanDocument:
    """The headline as its heading, then the note's paragraphs, each one segment."""
    segments, at = [], 0
    for index, paragraph in enumerate(paragraphs):
        kind = "heading" if index == 0 else "sentence"
        segments.append(Segment(paragraph, at, at + len(paragraph), index, kind=kind))
        at += len(paragraph) + 2
    return CleanDocument(
        path=path,
        text="\n\n".join(paragraphs),
        paragraphs=tuple(paragraphs),
        segments=tuple(segments),
        title=paragraphs[0],
        publisher=PUBLISHER,
        extractor=FORMAT,
        format=FORMAT,
    )


def _entities(headline: str, note: str) -> Entities:
    """The people, countries and organisations the headline and the note name,
    found by the extractor's own sentence tagger, in order of first appearance."""
    found = [find_entities(part) for part in (headline, note) if part]
    actors: dict[str, Actor] = {}
    for entities in found:
        for actor in entities.actors:
            actors.setdefault(actor.key, actor)
    return Entities(
        actors=tuple(actors.values()),
        countries=tuple(dict.fromkeys(c for e in found for c in e.countries)),
        organisations=tuple(dict.fromkeys(o for e in found for o in e.organisations)),
    )


def from_export(record: Mapping[str, Any]) -> tuple[CleanDocument, str, list[Mention]] | None:
    """An exported event that was added by hand, made again under its own `manual:` path.

    `record` is an event of a JSON export (`export.records.record`): one source whose
    document is a `manual:` path. The note is the source's `paragraph` (its paragraphs
    kept; an export made before it was written has only the single-spaced `text`).
    The documents' values are taken where the analyst corrected them
    (`annotation.machine`). None for an event read from documents.

    Raises:
        ValueError: the record's date, type or headline cannot make an event.
    """
    sources = record.get("sources") or []
    if len(sources) != 1 or not is_manual(str(sources[0].get("document", ""))):
        return None
    source = sources[0]
    machine = (record.get("annotation") or {}).get("machine") or {}
    start = machine.get("date_start", record.get("date_start"))
    if not isinstance(start, str):
        raise ValueError("an event added by hand has a date")
    end = machine.get("date_end", record.get("date_end"))
    return manual_event(
        date.fromisoformat(start),
        date.fromisoformat(end) if isinstance(end, str) else None,
        str(machine.get("precision", record.get("precision", "day"))),
        str(machine.get("headline", record.get("headline", ""))),
        note=str(source.get("paragraph") or source.get("text") or ""),
        type=str(machine.get("type", record.get("type", "statement"))),
        id=str(source["document"]).removeprefix(SCHEME),
    )
