"""The analyst's work on an event in the words and values every export uses.

Each format writes the same facts: starred, tags, note, each correction with the
machine's value beside it, and whether the event was added by hand. They are worked
out here once, so a CSV column and a Markdown line cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.date_notation import date_label
from chronicle.model import CORRECTABLE, Event, is_manual

DATE_FIELDS = ("date_start", "date_end", "precision")
"""Corrected fields that together make the date (shown as one "date corrected")."""

LIST_SEPARATOR = "; "
"""How a list (people, countries, tags) is written in one text field."""

_LABELS = {"type": "type", "headline": "headline", "actors": "people", "countries": "countries"}
"""What a correction of each field other than the date is called in words."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One corrected part of an event: what it is called and the machine's value."""

    label: str
    """"date", "type", "headline", "people" or "countries"."""
    machine: str
    """The value the documents gave, written as the app shows it."""


def starred(event: Event) -> bool:
    """Whether the analyst starred the event."""
    return bool(event.annotation and event.annotation.starred)


def tags(event: Event) -> tuple[str, ...]:
    """The event's tags, sorted (empty when none)."""
    return event.annotation.tags if event.annotation else ()


def note(event: Event) -> str:
    """The analyst's note ("" when none)."""
    return event.annotation.note if event.annotation else ""


def manual(event: Event) -> bool:
    """Whether the event was added by hand: its only source is the analyst's own."""
    return len(event.sources) == 1 and is_manual(event.sources[0].document)


def corrected_fields(event: Event) -> tuple[str, ...]:
    """The corrected fields (of CORRECTABLE), in CORRECTABLE's order."""
    correction = event.annotation.correction if event.annotation else {}
    return tuple(f for f in CORRECTABLE if f in correction)


def machine_value(event: Event, name: str) -> object:
    """What the documents gave for a corrected field (None when it is not corrected)."""
    if event.annotation is None or name not in event.annotation.correction:
        return None
    return event.annotation.machine.get(name)


def text_of(value: object) -> str:
    """A field's value as one text: lists joined with LIST_SEPARATOR, None as ""."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def corrections(event: Event) -> list[Correction]:
    """Each corrected part of the event with the machine's value, the date first."""
    fields = corrected_fields(event)
    found: list[Correction] = []
    if any(f in DATE_FIELDS for f in fields):
        found.append(Correction("date", _machine_date(event)))
    for name in fields:
        if name in _LABELS:
            value = machine_value(event, name)
            shown = ", ".join(map(str, value)) if isinstance(value, list | tuple) else value
            found.append(Correction(_LABELS[name], "" if shown is None else str(shown)))
    return found


def _machine_date(event: Event) -> str:
    """The machine's date in the app's notation (the event's own for fields not corrected)."""
    machine = event.annotation.machine if event.annotation else {}
    correction = event.annotation.correction if event.annotation else {}

    def value(name: str) -> object:
        return machine.get(name) if name in correction else getattr(event, name)

    start, end, precision = value("date_start"), value("date_end"), value("precision")
    return date_label(
        str(start) if start else None, str(end) if end else None, str(precision or "day")
    )


def correction_sentences(event: Event) -> list[str]:
    """Each correction in words: "date corrected (machine: 2011-02-20)"."""
    return [f"{c.label} corrected (machine: {c.machine})" for c in corrections(event)]


def event_date(event: Event) -> str:
    """The event's date as the app shows it (`2011-02-21–23`, `c. 2009`, `undated`)."""
    return date_label(event.date_start, event.date_end, event.precision)
