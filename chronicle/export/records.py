"""The machine form of an exported event, shared by the JSON and JSON Lines exports.

It is `Event.to_json()` (sources, and the annotation with its anchors, which is what
`chronicle import` reads back) plus `manual`: whether the analyst added the event by
hand, whose one source then also has its `paragraph` (the note with its paragraphs,
which the single-spaced sentence loses: the import makes the same event again from
it). Written in ASCII (``ensure_ascii``), so every control character is an escape.
"""

from __future__ import annotations

import json

from chronicle.export import analyst
from chronicle.model import Event


def record(event: Event) -> dict[str, object]:
    """The event's JSON object, with `manual` added (and a hand-added source's paragraph)."""
    found = {**event.to_json(), "manual": analyst.manual(event)}
    if found["manual"]:
        [source] = event.sources
        [shown] = found["sources"]  # type: ignore[misc]
        shown["paragraph"] = source.paragraph or source.text
    return found


def dumps(event: Event, indent: int | None = None) -> str:
    """The event's JSON text, ASCII only."""
    return json.dumps(record(event), ensure_ascii=True, indent=indent)
