"""The search bar: what the user types becomes a query after a short pause.

The bar only reports what was typed (debounced) and how the screen understood
it; running the search is the screen's job. It opens with the query selected, so
typing replaces it, and Up/Down walk the queries searched before (see
`chronicle.tui.history`), kept on submit and when a settled query is left. Ctrl+s
keeps the query under a name (`chronicle.tui.saved`), for the command palette. Esc
leaves the bar as `less` and vim cancel a search: the query shown when the bar
was entered comes back (Esc in the timeline clears it).
"""

from __future__ import annotations

from functools import partial

from textual import work
from textual.binding import Binding
from textual.events import Blur, Focus
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from chronicle.store import StoreError
from chronicle.tui.history import History, history_path
from chronicle.tui.plain_input import PlainInput
from chronicle.tui.saved import SaveSearchScreen
from chronicle.visible import visible

DEBOUNCE_SECONDS = 0.15
"""Pause after the last keystroke before a search starts."""


def walk_list(draft: str, entries: list[str]) -> list[str]:
    """What Up steps through from `draft`: the draft, then the history without it."""
    return [draft, *(text for text in entries if text != draft)]


class SearchBar(PlainInput):
    """An Input that posts `QueryChanged` after typing stops, and on Enter."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Back to the query before, and the results"),
        Binding("up", "older", "Older query", show=False),
        Binding("down", "newer_or_leave", "Newer query, or the results", show=False),
        Binding("ctrl+s", "save_search", "Save search", tooltip="Keep this query under a name"),
    ]

    class QueryChanged(Message):
        """The query text settled (typing paused, or Enter)."""

        def __init__(self, text: str, submitted: bool = False) -> None:
            self.text = text
            self.submitted = submitted
            super().__init__()

    class Left(Message):
        """The user asked to leave the search bar for the results."""

    def __init__(self, *, id: str | None = None, history: History | None = None) -> None:
        super().__init__(
            placeholder='/ search: words "phrase" prefix* -not country:pk type:visit after:2010 …',
            id=id,
            select_on_focus=True,
        )
        self.history = history if history is not None else History(history_path())
        self._timer: Timer | None = None
        self._walk: list[str] = []
        """The draft and the history, while Up/Down walk them (empty otherwise)."""
        self._step = 0
        self._settled = ""
        """The last text reported as a query."""
        self._kept = ""
        """The last text added to the history."""
        self._entered = ""
        """The text when the bar took focus: what Esc goes back to."""

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value not in self._walk:
            self._walk = []  # typing: the next Up starts from what was typed
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._settle)

    def _settle(self) -> None:
        self._settled = self.value
        self.post_message(self.QueryChanged(self.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._settled = self.value
        self._keep(self.value)
        self.post_message(self.QueryChanged(self.value, submitted=True))

    def on_focus(self, event: Focus) -> None:
        self._entered = self.value

    def on_blur(self, event: Blur) -> None:
        if self.value == self._settled:
            self._keep(self.value)

    def _keep(self, text: str) -> None:
        if text.strip() and text != self._kept:
            self._kept = text
            self.history.add(text)

    def action_cancel(self) -> None:
        """Leave the bar with the query it was entered with (a settled one typed since
        is kept in the history)."""
        if self.value == self._settled:
            self._keep(self.value)
        if self.value != self._entered:
            if self._timer is not None:
                self._timer.stop()
            self.value = self._entered
            self._walk = []
            self._settled = self._kept = self._entered  # going back adds nothing
            self.post_message(self.QueryChanged(self._entered))
        self.post_message(self.Left())

    def action_older(self) -> None:
        if not self._walk:
            self._walk, self._step = walk_list(self.value, self.history.load()), 0
        if self._step + 1 < len(self._walk):
            self._step += 1
            self._show(self._walk[self._step])

    def action_newer_or_leave(self) -> None:
        if not self._walk or self._step == 0:
            self._walk = []
            self.post_message(self.Left())
            return
        self._step -= 1
        self._show(self._walk[self._step])

    def _show(self, text: str) -> None:
        self.value = text
        self.cursor_position = len(text)

    def action_save_search(self) -> None:
        """Ask for a name and keep the query under it (the palette lists it)."""
        query = self.value.strip()
        if not query:
            self.notify("Type a query first: ctrl+s keeps it under a name", severity="warning")
            return
        self.app.push_screen(SaveSearchScreen(query), partial(self._saved_as, query))

    def _saved_as(self, query: str, name: str | None) -> None:
        if name:
            self._save_worker(name, query)

    @work(thread=True, group="save-search", description="save a search")
    def _save_worker(self, name: str, query: str) -> None:
        store = getattr(self.app, "store", None)
        if store is None:
            return
        try:
            before = dict(store.saved_searches()).get(name)
            store.save_search(name, query)
        except StoreError as error:
            message, severity = str(error), "error"
        else:
            message, severity = f"Saved as {name!r}: ctrl+p lists it", "information"
            if before is not None and before != query:
                message = f"Replaced {name!r} (it was: {before}): ctrl+p lists it"
        self.app.call_from_thread(
            self.notify, visible(message), title="Saved search", severity=severity, markup=False
        )
