"""The search bar: what the user types becomes a query after a short pause.

The bar only reports what was typed (debounced) and how the screen understood
it; running the search is the screen's job.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from chronicle.tui.plain_input import PlainInput

DEBOUNCE_SECONDS = 0.15
"""Pause after the last keystroke before a search starts."""


class SearchBar(PlainInput):
    """An Input that posts `QueryChanged` after typing stops, and on Enter."""

    BINDINGS = [
        Binding("escape", "clear_or_leave", "Clear", tooltip="Clear the search, or leave the bar"),
        Binding("down", "leave", "To results", show=False),
    ]

    class QueryChanged(Message):
        """The query text settled (typing paused, or Enter)."""

        def __init__(self, text: str, submitted: bool = False) -> None:
            self.text = text
            self.submitted = submitted
            super().__init__()

    class Left(Message):
        """The user asked to leave the search bar for the results."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='/ search: words "phrase" prefix* -not country:pk type:visit after:2010 …',
            id=id,
            select_on_focus=False,
        )
        self._timer: Timer | None = None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(
            DEBOUNCE_SECONDS, lambda: self.post_message(self.QueryChanged(self.value))
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self.post_message(self.QueryChanged(self.value, submitted=True))

    def action_clear_or_leave(self) -> None:
        if self.value:
            self.value = ""
        else:
            self.post_message(self.Left())

    def action_leave(self) -> None:
        self.post_message(self.Left())
