"""The machine form of an exported event, shared by the JSON and JSON Lines exports.

It is `Event.to_json()` (sources, and the annotation with its anchors, which is what
`chronicle import` reads back) plus `manual`: whether the analyst added the event by
hand, whose one source then also has its `paragraph` (the note with its paragraphs,
which the single-spaced sentence loses: the import makes the same event again from
it). An export from the store adds `decisions`: the analyst's joins and splits naming
a source of the event, in their versioned shared form, which the import makes again.
Written in ASCII (``ensure_ascii``), so every control character is an escape.
"""

from __future__ import annotations

import json

from chronicle.export import analyst
from chronicle.export.base import Heading
from chronicle.model import Event


def record(event: Event, heading: Heading | None = None) -> dict[str, object]:
    """The event's JSON object, with `manual` added (and a hand-added source's
    paragraph), and its `decisions` when the heading looks them up."""
    found = {**event.to_json(), "manual": analyst.manual(event)}
    if found["manual"]:
        [source] = event.sources
        [shown] = found["sources"]  # type: ignore[misc]
        shown["paragraph"] = source.paragraph or source.text
    if heading is not None and heading.decisions is not None:
        found["decisions"] = heading.decisions(event)
    return found


def dumps(event: Event, heading: Heading | None = None, indent: int | None = None) -> str:
    """The event's JSON text, ASCII only."""
    return json.dumps(record(event, heading), ensure_ascii=True, indent=indent)
