"""The machine form of an exported event, shared by the JSON and JSON Lines exports.

It is `Event.to_json()` (sources, and the annotation with its anchors, which is what
`chronicle import` reads back) plus `manual`: whether the analyst added the event by
hand. Written in ASCII (``ensure_ascii``), so every control character is an escape.
"""

from __future__ import annotations

import json

from chronicle.export import analyst
from chronicle.model import Event


def record(event: Event) -> dict[str, object]:
    """The event's JSON object, with `manual` added."""
    return {**event.to_json(), "manual": analyst.manual(event)}


def dumps(event: Event, indent: int | None = None) -> str:
    """The event's JSON text, ASCII only."""
    return json.dumps(record(event), ensure_ascii=True, indent=indent)
