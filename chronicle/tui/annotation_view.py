"""What the detail pane says of the analyst's own work on an event, and why it was merged.

The analyst's lines (shown under the event's date) give the star, whether it was
added by hand, the tags, the note and each correction beside the value the
documents gave ("date: 2011-02-23 (yours) · machine: 2011-02-21–23"), so a
corrected event never hides what the machine read. "Why merged" shows the lines
the store's explanation gives. Notes and tags are typed by the analyst but still
data: they are assembled as `rich.text.Text` through `chronicle.visible`, never as
markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import StyleType
from rich.text import Text

from chronicle.date_notation import date_label
from chronicle.model import Event
from chronicle.visible import visible, visible_lines

INDENT = "      "
"""A note's further lines start under its first (after "note: ")."""

DATE_FIELDS = ("date_start", "date_end", "precision")
"""Corrected together and shown as one date."""

OTHER_FIELDS = (
    ("type", "type"),
    ("headline", "headline"),
    ("actors", "people"),
    ("countries", "countries"),
)
"""(field, label) of the other correctable fields, in the order they are shown."""


def _date(values: Mapping[str, object]) -> str:
    start, end = values.get("date_start"), values.get("date_end")
    precision = str(values.get("precision") or "day")
    try:
        return date_label(
            start if isinstance(start, str) else None,
            end if isinstance(end, str) else None,
            precision,
        )
    except ValueError:  # a value this version cannot read: shown as stored
        return f"{start}–{end}"


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def correction_lines(event: Event) -> list[str]:
    """One line per corrected field: its label, the analyst's value and the machine's.

    The event carries the correction applied (``Store.event``), so its own fields
    are the analyst's values; the machine's are in ``event.annotation.machine``.
    """
    note = event.annotation
    if note is None or not note.correction:
        return []
    lines = []
    if any(k in note.correction for k in DATE_FIELDS):
        yours = {k: getattr(event, k) for k in DATE_FIELDS}
        machine = {k: note.machine.get(k, yours[k]) for k in DATE_FIELDS}
        lines.append(f"date: {_date(yours)} (yours) · machine: {_date(machine)}")
    for field, label in OTHER_FIELDS:
        if field in note.correction:
            yours_text = _value(getattr(event, field))
            machine_text = _value(note.machine.get(field))
            lines.append(f"{label}: {yours_text} (yours) · machine: {machine_text}")
    return lines


def describe_annotation(event: Event, muted: StyleType = "dim", by_hand: bool = False) -> Text:
    """The analyst's work on `event`, as lines to show right under its date (empty when
    there is none): the marks that apply, the note, then each correction.

    They come first, not after the sources, so that the detail pane's few rows under
    the timeline at 80x24 show the analyst's note without opening the pane.

    Args:
        event: The event as the store gives it, correction applied.
        muted: The style of the labels (the pane passes its theme's).
        by_hand: The event holds an event the analyst added by hand.
    """
    note = event.annotation
    out = Text()
    marks = []
    if note is not None and note.starred:
        marks.append(Text("★ starred"))
    if by_hand:
        marks.append(Text("+ added by hand"))
    if note is not None and note.tags:
        marks.append(Text.assemble(("tags: ", muted), visible(", ".join(note.tags))))
    if marks:
        out.append("\n")
        out.append(Text("  ·  ").join(marks))
    if note is not None and note.note.strip():
        out.append("\nnote: ", style=muted)
        for number, line in enumerate(visible_lines(note.note.strip("\n")).split("\n")):
            out.append(f"\n{INDENT}{line}" if number else line)
    for line in correction_lines(event):
        label, _, rest = line.partition(": ")
        out.append(f"\n{label}: ", style=muted)
        out.append(visible(rest))
    return out


def describe_merge(lines: Sequence[str], muted: StyleType = "dim") -> Text:
    """The "Why merged" section: the explanation's lines (empty when there are none)."""
    out = Text()
    if not lines:
        return out
    out.append("\n\nWhy merged", style="bold underline")
    for line in lines:
        out.append("\n   ")
        out.append(visible(line))
    return out
