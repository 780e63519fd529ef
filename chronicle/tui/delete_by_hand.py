"""Deleting an event the analyst added by hand (`A`), from the browser's command palette.

An event added by hand is a one-sentence `manual:<id>` document, so deleting it is
removing that document through the store, as `chronicle remove manual:<id>` does
(`chronicle.removal.remove_documents`): the events re-merge, and an event that other
sources report too only loses the hand-made one. A confirmation names the event
first; its star, tags and note are kept as unattached annotations like after any
removal (`chronicle annotations` lists them), and the notice says so.

A mixin of `MainScreen`: the palette offers "Delete event added by hand" only on an
event the timeline marks `+`, and the worker checks again from the event's sources.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from chronicle.date_notation import date_label
from chronicle.model import Event, is_manual
from chronicle.search.engine import Searcher
from chronicle.store import StoreError
from chronicle.tui.results import ResultCache
from chronicle.tui.timeline import Timeline
from chronicle.tui.typeahead import answer_then, drop_held_keys, hold_keys
from chronicle.visible import visible

NOT_BY_HAND = (
    "Only an event you added by hand (marked +) can be deleted here; "
    "a document's events go with the document: chronicle remove PATH"
)
KEPT = "its star, tags or note are kept unattached: chronicle annotations lists them"


def by_hand_paths(event: Event) -> list[str]:
    """The `manual:` documents among the event's sources (none for a documents' event)."""
    return list(dict.fromkeys(s.document for s in event.sources if is_manual(s.document)))


def confirmation(event: Event, paths: list[str]) -> str:
    """What the confirmation asks: the event by its date and headline, and what stays."""
    when = date_label(event.date_start, event.date_end, event.precision)
    text = f"Delete the event you added by hand: {when} “{visible(event.headline)}”?"
    others = len({s.document for s in event.sources}) - len(paths)
    if others:
        noun = "source" if others == 1 else "sources"
        text += f"\nIt has {others} other {noun}: only your hand-made one goes, the event stays."
    return text


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Ask before deleting; dismiss with True (Delete, `y`) or False (Cancel, `n`, Esc)."""

    DEFAULT_CSS = """
    ConfirmDeleteScreen { align: center middle; }
    ConfirmDeleteScreen > Vertical {
        width: 78; max-width: 100%; height: auto;
        border: round $error; background: $surface; padding: 0 1;
    }
    ConfirmDeleteScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmDeleteScreen Button { margin-left: 1; }
    ConfirmDeleteScreen Label { width: 100%; }
    """
    BINDINGS = [
        Binding("escape,n", "cancel", "Cancel", tooltip="Keep the event"),
        Binding("y", "delete", "Delete", tooltip="Delete the event"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Delete event added by hand"
            yield Label(Text(self.question), id="delete-question", markup=False)
            with Horizontal():
                yield Button("Cancel (n)", id="delete-cancel")
                yield Button("Delete (y)", id="delete-confirm", variant="error")

    def on_mount(self) -> None:
        self.query_one("#delete-cancel", Button).focus()  # Enter alone deletes nothing

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "delete-confirm")

    def action_delete(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class DeleteByHand:
    """The palette's "Delete event added by hand": a mixin of `MainScreen`, whose
    searcher, workers, `_highlighted_id` and `run_search` it uses."""

    def offers_delete_by_hand(self) -> bool:
        """Whether the highlighted event is marked as added by hand (for the palette)."""
        timeline = self.query_one(Timeline)
        event_id = timeline.current_id
        return event_id is not None and timeline.is_by_hand(event_id)

    def delete_by_hand(self) -> None:
        """Ask, then delete the highlighted event added by hand (its hand-made source)."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self._delete_prompt_worker(event_id, hold_keys(self.app, for_work=True))

    @work(thread=True, exclusive=True, group="delete-prompt", description="read the event")
    def _delete_prompt_worker(self, event_id: int, answered: Callable[[], None]) -> None:
        answer_then(self.app, answered, self._delete_prompt, event_id)

    def _delete_prompt(self, event_id: int) -> None:
        try:
            event = self.searcher.store.event(event_id)
        except StoreError as error:
            self.app.call_from_thread(drop_held_keys, self.app)
            self.app.call_from_thread(self.report_error, error)
            return
        paths = by_hand_paths(event) if event is not None else []
        if not paths:
            self.app.call_from_thread(drop_held_keys, self.app)  # no question to answer
        if event is None:
            self.app.call_from_thread(self.notify, "That event is no longer in the chronicle")
        elif not paths:
            self.app.call_from_thread(self.notify, NOT_BY_HAND, severity="warning")
        else:
            self.app.call_from_thread(self._ask_delete, event, paths)

    def _ask_delete(self, event: Event, paths: list[str]) -> None:
        def answered(delete: bool | None) -> None:
            if delete:
                self._delete_worker(event.headline, paths)

        self.app.push_screen(ConfirmDeleteScreen(confirmation(event, paths)), answered)

    @work(thread=True, exclusive=True, group="delete", description="delete an event")
    def _delete_worker(self, headline: str, paths: list[str]) -> None:
        from chronicle.removal import remove_documents

        store = self.searcher.store
        try:
            before = len(store.unattached_annotations())
            removed = remove_documents(store, paths)
            unattached = len(store.unattached_annotations()) - before
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._deleted, headline, bool(removed), unattached)

    def _deleted(self, headline: str, removed: bool, unattached: int) -> None:
        if not removed:
            self.notify("That event was already deleted", severity="warning")
        else:
            message = f"Deleted “{visible(headline)}”"
            if unattached > 0:
                message += f"; {KEPT}"
            self.notify(message, title="Delete event", markup=False, timeout=8)
        self.results = ResultCache()
        self.searcher = Searcher(self.searcher.store)
        self.run_search(self.query_text, refresh=True)  # the cursor stays on its row
        self.by_hand_worker()
