"""The add-event form (`A`): an event the documents do not hold, added by hand.

The analyst gives a date (as the app writes dates, ISO, or as the go-to-date prompt
reads them), a headline, a type and a note saying where it comes from. Saving
builds the event's tiny document (`chronicle.manual.manual_event`), stores it in a
thread worker and dismisses with the new event's id, for the caller to show.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, TextArea

from chronicle.manual import manual_event
from chronicle.model import EVENT_TYPES, CleanDocument, Mention
from chronicle.store import Store, StoreError
from chronicle.tui.choice import Choice
from chronicle.tui.date_entry import Span, parse_span
from chronicle.tui.form_screen import FormScreen
from chronicle.tui.plain_input import PlainInput
from chronicle.visible import visible

DEFAULT_TYPE = "statement"
"""The type a new event starts with (what `manual_event` assumes)."""

HINT = "Enter (not in the note) or ctrl+s saves · Esc cancels · Tab next field"
"""The form's last line."""


def read_date(text: str) -> Span:
    """The span typed for a new event.

    Raises:
        ValueError: Nothing typed, not a date, or "undated" (an event added by hand
            is added to be placed on the timeline).
    """
    span = parse_span(text) if text.strip() else None
    if span is None or span.start is None:
        shown = " ".join(text.split())
        raise ValueError(f"Not a date I understand: {shown!r} (try 2018-01-04, 2019-04, c. 2009)")
    return span


class ManualEventScreen(FormScreen[int | None]):
    """Ask for a new event; store it and dismiss with its id (None on Esc)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without adding"),
        Binding("ctrl+s", "save", "Save", tooltip="Add the event"),
    ]

    DEFAULT_CSS = """
    #manual-note { height: 6; margin-top: 1; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with Vertical(id="manual-box", classes="form-box") as box:
            box.border_title = "Add an event the documents do not hold"
            with Horizontal(classes="row"):
                yield Label("Date", classes="name")
                yield PlainInput(id="manual-date", placeholder="2018-01-04", compact=True)
            with Horizontal(classes="row"):
                yield Label("Headline", classes="name")
                yield PlainInput(id="manual-headline", placeholder="What happened", compact=True)
            with Horizontal(classes="row -choice"):
                yield Label("Type", classes="name")
                options = [name for name in EVENT_TYPES if name != "citation"]
                yield Choice(options, DEFAULT_TYPE, id="manual-type")
            note = TextArea(id="manual-note", compact=True, placeholder="Note: where it is from")
            yield note
            yield Label("", id="manual-message", classes="form-message", markup=False)
            yield Label(HINT, id="manual-hint", classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#manual-date", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_choice_submitted(self, event: Choice.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check the fields, then store the event (or say in one line what is wrong)."""
        try:
            doc, content_hash, mentions = self._built()
        except ValueError as error:
            self.say(str(error))
            return
        self.say("adding…")
        self._store_worker(doc, content_hash, mentions)

    def _built(self) -> tuple[CleanDocument, str, list[Mention]]:
        """The event's document, hash and mention, from the fields (ValueError if wrong)."""
        headline = self.query_one("#manual-headline", Input).value
        span = read_date(self.query_one("#manual-date", Input).value)
        if not headline.strip():
            raise ValueError("A headline is needed: what happened, in a line")
        assert span.start is not None  # read_date refuses an undated span
        return manual_event(
            span.start,
            span.end,
            span.precision,
            headline,
            self.query_one("#manual-note", TextArea).text,
            self.query_one("#manual-type", Choice).value,
        )

    @work(thread=True, exclusive=True, group="manual-event", description="add an event")
    def _store_worker(self, doc: CleanDocument, content_hash: str, mentions: list[Mention]) -> None:
        try:
            self.store.add_document(doc, content_hash, mentions)
            event_id = self.store.event_holding([mentions[0].key])
        except StoreError as error:
            self.app.call_from_thread(self.say, str(error))  # the form stays open
            return
        self.app.call_from_thread(self._added, event_id)

    def _added(self, event_id: int | None) -> None:
        if self.is_current:  # Esc may have closed the form while it was stored
            self.dismiss(event_id)
        else:
            self.notify("The event was added", title="Add event")

    def say(self, message: str) -> None:
        """Show one line under the fields."""
        self.query_one("#manual-message", Label).update(Text(visible(message)))

    def action_cancel(self) -> None:
        self.dismiss(None)
