"""The correction form (`e`): the analyst puts right an event's date, type, headline,
actors or countries.

The form opens with the event as it is shown (corrected where it was), the
documents' value beside each field the analyst changed. It returns the whole
correction, which the caller gives to `Store.annotate(event_id, correction=...)`:
only what differs from the documents goes in, so a field typed back to the
documents' value (or emptied, for the date and the headline) drops that
correction, and `{}` drops them all. Reading the fields is pure
(`read_correction`), so its rules are tested without a screen.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from chronicle.date_notation import date_label
from chronicle.model import EVENT_TYPES, Event
from chronicle.search.query import resolve_country
from chronicle.tui.choice import Choice
from chronicle.tui.date_entry import parse_span
from chronicle.tui.form_screen import FormScreen
from chronicle.tui.plain_input import PlainInput
from chronicle.visible import visible

DATE_FIELDS = ("date_start", "date_end", "precision")
"""The correctable fields the one date field sets (always together)."""

FIELDS = ("date", "type", "headline", "actors", "countries")
"""The form's fields, top to bottom."""

HINT = "Enter or ctrl+s saves · Esc cancels · typing the documents' value undoes"
"""The form's last line (a field typed back to the documents' value is not corrected)."""


def machine_values(event: Event) -> dict[str, object]:
    """What the documents give for each correctable field of `event` (its annotation
    keeps the documents' value of each field it corrects)."""
    values: dict[str, object] = {
        "date_start": event.date_start,
        "date_end": event.date_end,
        "precision": event.precision,
        "type": event.type,
        "headline": event.headline,
        "actors": list(event.actors),
        "countries": list(event.countries),
    }
    if event.annotation is not None:
        values.update({k: v for k, v in event.annotation.machine.items() if k in values})
    return values


def shown(values: Mapping[str, object], field: str) -> str:
    """A field's value as the form writes it (the date in the app's notation)."""
    if field == "date":
        start, end = values["date_start"], values["date_end"]
        return date_label(start, end, str(values["precision"]))  # type: ignore[arg-type]
    value = values[field]
    return ", ".join(value) if isinstance(value, list | tuple) else str(value)


def read_correction(event: Event, typed: Mapping[str, str]) -> dict[str, object]:
    """The correction the fields as typed make of `event`.

    Args:
        event: The event as shown (corrected where it was, with its annotation).
        typed: Field name (one of FIELDS) -> the text in it (the type's name).

    Returns:
        Correctable field -> the analyst's value, for the fields that differ from
        the documents' value.

    Raises:
        ValueError: A date or a country not understood, or a type not known; the
            message is one line for the form.
    """
    machine = machine_values(event)
    current = dict(event.annotation.correction) if event.annotation else {}
    correction: dict[str, object] = {}
    correction.update(_date(typed["date"], machine, current, event))
    headline = " ".join(typed["headline"].split())
    documents = str(machine["headline"])
    if headline and headline not in (documents, *_as_shown([documents])):
        correction["headline"] = headline
    if typed["type"] not in EVENT_TYPES:
        raise ValueError(f"Not an event type: {typed['type']}")
    if typed["type"] != machine["type"]:
        correction["type"] = typed["type"]
    actors = _listed(typed["actors"])
    if actors not in (machine["actors"], _as_shown(machine["actors"])):  # type: ignore[arg-type]
        correction["actors"] = actors
    countries = [_country(name) for name in _listed(typed["countries"])]
    countries = list(dict.fromkeys(countries))
    if countries != machine["countries"]:
        correction["countries"] = countries
    return correction


def _date(
    text: str, machine: Mapping[str, object], current: Mapping[str, object], event: Event
) -> dict[str, object]:
    """The date fields' correction: none when the documents' date is typed (or nothing);
    the one there is when the shown date is left as it is (the notation may round)."""
    text = " ".join(text.split())
    if not text or text == shown(machine, "date"):
        return {}
    if text == date_label(event.date_start, event.date_end, event.precision):
        return {k: current[k] for k in DATE_FIELDS if k in current}
    span = parse_span(text)
    if span is None:
        raise ValueError(f"Not a date I understand: {text} (try 2018-01-04, 2019-04, c. 2009)")
    typed = {
        "date_start": span.start.isoformat() if span.start else None,
        "date_end": span.end.isoformat() if span.end else None,
        "precision": span.precision,
    }
    return {} if all(typed[k] == machine[k] for k in DATE_FIELDS) else typed


def _as_shown(values: list[str]) -> list[str]:
    """Values as the form shows them (a character that could act on the terminal is
    written as its escape), so one left as it was shown is not taken for a change."""
    return [" ".join(visible(value).split()) for value in values]


def _listed(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split(",") if part.strip()]


def _country(name: str) -> str:
    code = resolve_country(name)
    if code is None:
        raise ValueError(f"Not a country I know: {name} (an ISO code or a name: pk, Japan)")
    return code


class CorrectionScreen(FormScreen[dict[str, object] | None]):
    """Edit an event's correctable fields; dismiss with the correction, or None (Esc)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the correction"),
    ]

    DEFAULT_CSS = """
    #correct-box .machine { padding-left: 11; color: $text-muted; }
    """

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event
        """The event as shown when the form opened."""
        self.machine = machine_values(event)
        """What the documents give for each field."""

    def compose(self) -> ComposeResult:
        event = self.event
        corrected = event.annotation.correction if event.annotation else {}
        current = {**self.machine, **{k: v for k, v in corrected.items() if k in self.machine}}
        with Vertical(id="correct-box", classes="form-box") as box:
            box.border_title = "Correct the event"
            for field in FIELDS:
                with Horizontal(classes="row -choice" if field == "type" else "row"):
                    yield Label(field.capitalize(), classes="name")
                    yield self._field(field, shown(current, field))
                keys = DATE_FIELDS if field == "date" else (field,)
                if any(k in corrected for k in keys):
                    was = visible(shown(self.machine, field)) or "(none)"
                    yield Label(Text(f"documents: {was}"), classes="machine", markup=False)
            yield Label("", id="correct-message", classes="form-message", markup=False)
            yield Label(HINT, id="correct-hint", classes="form-hint", markup=False)

    def _field(self, field: str, value: str) -> Input | Choice:
        if field == "type":
            return Choice(EVENT_TYPES, value, id="correct-type")
        return PlainInput(visible(value), id=f"correct-{field}", compact=True)

    def on_mount(self) -> None:
        self.query_one("#correct-date", Input).focus()

    def typed(self) -> dict[str, str]:
        """The text of every field (the type's name)."""
        found = {f: self.query_one(f"#correct-{f}", Input).value for f in FIELDS if f != "type"}
        return {**found, "type": self.query_one("#correct-type", Choice).value}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_choice_submitted(self, event: Choice.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Dismiss with the correction, or say in one line what is wrong."""
        try:
            correction = read_correction(self.event, self.typed())
        except ValueError as error:
            self.query_one("#correct-message", Label).update(Text(visible(str(error))))
            return
        self.dismiss(correction)

    def action_cancel(self) -> None:
        self.dismiss(None)
