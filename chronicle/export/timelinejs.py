"""TimelineJS3 export: the JSON a Knight Lab timeline reads (`{"title", "events"}`).

Each dated event is a slide (https://timeline.knightlab.com/docs/json-format.html):
`start_date` and, for a span, `end_date` as date objects holding as much as the
date's precision gives (year; year and month; year, month and day), `display_date`
in the app's notation (`2011-02-21–23`, `c. 2009`), `text` with the headline and an
HTML body (type, star, tags, corrections, note, citations), `group` (the type) and
`unique_id` (from the event's key, stable across exports). TimelineJS cannot place
an event without a date, so undated events are left out.

TimelineJS inserts headline and text as HTML: both are HTML-escaped here, so a
document's `<script>` shows as text. The JSON is ASCII with every control escaped.
"""

from __future__ import annotations

import html
import json
from calendar import monthrange
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from chronicle.citation import cite_source
from chronicle.export import analyst
from chronicle.export.base import Format, Heading
from chronicle.model import Event


def _unit(first: date, last: date, precision: str) -> str:
    """How much of a date the slide gives: "day", "month" or "year"."""
    if precision in ("day", "month", "year"):
        return precision
    whole_months = first.day == 1 and last.day == monthrange(last.year, last.month)[1]
    if not whole_months:
        return "day"
    return "year" if (first.month, last.month) == (1, 12) else "month"


def _date_object(day: date, unit: str) -> dict[str, int]:
    parts = {"year": day.year, "month": day.month, "day": day.day}
    keep = {"year": 1, "month": 2, "day": 3}[unit]
    return dict(list(parts.items())[:keep])


def dates(event: Event) -> dict[str, object]:
    """The slide's `start_date`, `end_date` (for a span) and `display_date`."""
    assert event.date_start is not None
    first = date.fromisoformat(event.date_start)
    last = date.fromisoformat(event.date_end) if event.date_end else first
    unit = _unit(first, last, event.precision)
    start = _date_object(first, unit)
    end = _date_object(max(first, last), unit)
    found: dict[str, object] = {"start_date": start}
    if end != start:
        found["end_date"] = end
    found["display_date"] = analyst.event_date(event)
    return found


def _paragraph(text: str) -> str:
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def body(event: Event) -> str:
    """The slide's text: facts, the analyst's work and the citations, as escaped HTML."""
    facts = [event.type] if event.type else []
    if analyst.starred(event):
        facts.append("★ starred")
    if analyst.tags(event):
        facts.append("tags: " + ", ".join(analyst.tags(event)))
    if analyst.manual(event):
        facts.append("added by hand")
    facts.extend(analyst.correction_sentences(event))
    parts = [_paragraph(" · ".join(facts))] if facts else []
    note = analyst.note(event).strip()
    if note:
        parts.append("<blockquote>" + _paragraph(note) + "</blockquote>")
    citations = [cite_source(s) for s in event.sources]
    if citations:
        items = "".join(f"<li>{html.escape(c)}</li>" for c in citations if c)
        parts.append(f"<ol>{items}</ol>")
    return "".join(parts)


def slide(event: Event) -> dict[str, object]:
    """One dated event as a TimelineJS slide."""
    return {
        **dates(event),
        "text": {"headline": html.escape(event.headline), "text": body(event)},
        "group": event.type,
        "unique_id": "chronicle-" + event.key.replace(":", "-"),
    }


def _title(heading: Heading) -> dict[str, object]:
    text = _paragraph(f"Query: {heading.query}") if heading.query else ""
    return {"text": {"headline": html.escape(heading.title or "chronicle"), "text": text}}


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write the timeline object, its slides streamed; returns how many slides."""
    out.write('{"title": ' + json.dumps(_title(heading), ensure_ascii=True))
    out.write(',\n"events": [')
    count = 0
    for event in events:
        if event.date_start is None:
            continue
        out.write(",\n" if count else "\n")
        out.write(json.dumps(slide(event), ensure_ascii=True))
        count += 1
    out.write("\n]}\n")
    return count


FORMAT = Format(
    name="timelinejs",
    extension="json",
    media_type="application/json",
    description="a TimelineJS3 timeline (undated events left out)",
    write=write,
)
