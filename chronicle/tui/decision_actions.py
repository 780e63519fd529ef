"""The analyst overruling the merge in the browser: `x` splits a source off, the palette joins.

A mixin of `MainScreen`. `x` lists the highlighted event's sources and takes the one
chosen out of it ("this is another happening"); "Mark for joining" in the palette
remembers the highlighted event and "Join with marked event" makes it one with the
highlighted one. Each is a decision the store keeps by the sources' keys, so every
later merge, in any order, respects it (`Store.split_source`, `Store.join_events`);
"Undo last split or join" forgets the newest. After each, the results are read again
and the cursor goes to the event that now holds what was decided.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from chronicle.model import Event, Source
from chronicle.search.engine import Searcher
from chronicle.store import StoreError
from chronicle.tui.results import ResultCache
from chronicle.tui.typeahead import answer_then, drop_held_keys, hold_keys
from chronicle.visible import visible

SPLIT_PROMPT = "Split off which source? It becomes an event of its own (Enter; Esc cancels)"
ONE_SOURCE = "This event has one source: there is nothing to split off"


def source_line(source: Source) -> str:
    """One line naming a source: who published it, its date as written, its sentence."""
    who = source.publisher or source.title or source.document
    return visible(f"{who} · {source.date_text or 'undated'} · {source.text}")


class SplitScreen(ModalScreen[str | None]):
    """Ask which source of an event to split off; dismiss with its mention key or None."""

    DEFAULT_CSS = """
    SplitScreen { align: center middle; }
    SplitScreen > Vertical {
        width: 90%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    SplitScreen OptionList { height: auto; max-height: 16; }
    SplitScreen Label { width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, event: Event) -> None:
        super().__init__()
        self.event = event

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(SPLIT_PROMPT, markup=False)
            yield OptionList(
                *(Option(Text(source_line(s)), id=s.key) for s in self.event.sources if s.key)
            )

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DecisionActions:
    """`x` split, and the palette's join and undo: a mixin of `MainScreen`, whose
    searcher, results, workers and `_highlighted_id` it uses."""

    join_mark: int | None = None
    """The event marked for joining (palette "Mark for joining")."""

    def action_split(self) -> None:
        """Ask which source of the highlighted event to split off."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self._split_prompt_worker(event_id, hold_keys(self.app, for_work=True))

    @work(thread=True, exclusive=True, group="decide-prompt", description="read sources")
    def _split_prompt_worker(self, event_id: int, answered: Callable[[], None]) -> None:
        answer_then(self.app, answered, self._split_prompt, event_id)

    def _split_prompt(self, event_id: int) -> None:
        try:
            event = self.searcher.store.event(event_id)
        except StoreError as error:
            self.app.call_from_thread(drop_held_keys, self.app)
            self.app.call_from_thread(self.report_error, error)
            return
        if event is not None and len([s for s in event.sources if s.key]) >= 2:
            self.app.call_from_thread(self._ask_split, event)
            return
        self.app.call_from_thread(drop_held_keys, self.app)  # no dialog to type into
        if event is None:
            self.app.call_from_thread(self.notify, "That event is no longer in the chronicle")
        else:
            self.app.call_from_thread(self.notify, ONE_SOURCE, severity="warning")

    def _ask_split(self, event: Event) -> None:
        def chosen(key: str | None) -> None:
            if key:
                self._decide_worker("split_source", event.id, key)

        self.app.push_screen(SplitScreen(event), chosen)

    def mark_for_joining(self) -> None:
        """Remember the highlighted event, to join another to it."""
        event_id = self._highlighted_id()
        if event_id is None:
            return
        self.join_mark = event_id
        self.notify(
            "Marked. Go to the event to join with it, then “Join with marked event” (ctrl+p)",
            markup=False,
        )

    def join_with_marked(self) -> None:
        """Make the highlighted event and the marked one a single event."""
        event_id = self._highlighted_id()
        if event_id is None:
            return
        if self.join_mark is None:
            self.notify("Mark an event first (“Mark for joining” in ctrl+p)", markup=False)
        elif self.join_mark == event_id:
            self.notify("That is the marked event: go to another one", markup=False)
        else:
            marked, self.join_mark = self.join_mark, None
            self._decide_worker("join_events", marked, event_id)

    def undo_last_decision(self) -> None:
        """Forget the newest split or join and merge again what it affected."""
        self._decide_worker("undo_last")

    @work(thread=True, exclusive=True, group="decide", description="keep a merge decision")
    def _decide_worker(self, what: str, *args: object) -> None:
        store = self.searcher.store
        try:
            if what == "undo_last":
                made = store.decisions()
                if not made:
                    self.app.call_from_thread(self.notify, "No split or join to undo")
                    return
                store.undo_decision(made[-1].id)
                now = self._highlighted_id()
                message = "Undone: the sources are merged as the documents say again"
            else:
                now = getattr(store, what)(*args)
                message = (
                    "Split off: that source is now an event of its own"
                    if what == "split_source"
                    else "Joined: one event now, in every later merge too"
                )
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._decided, now, message)

    def _decided(self, event_id: int | None, message: str) -> None:
        self.notify(message + " (undo: ctrl+p “Undo last split or join”)", markup=False)
        self.results = ResultCache()
        self.searcher = Searcher(self.searcher.store)
        self.pending_event = event_id
        self.widen_for_pending = True
        self.run_search(self.query_text)
        self.by_hand_worker()  # ids change, and our own write leaves data_version as it was
