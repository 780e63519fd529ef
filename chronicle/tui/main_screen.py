"""The main screen: search bar on top, timeline and detail panes below.

It owns the searching: each settled query starts an exclusive thread worker,
and an answer is shown only if its query is still the current one. Panes never
touch each other; they post messages here and the screen sets the other pane.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import get_current_worker

from chronicle.model import Event
from chronicle.render import format_date
from chronicle.search.engine import Searcher
from chronicle.search.query import parse_query
from chronicle.store import StoreError
from chronicle.tui.detail import EventDetail
from chronicle.tui.goto_date import GotoDateScreen
from chronicle.tui.histogram import YearHistogram
from chronicle.tui.search_bar import SearchBar
from chronicle.tui.timeline import Timeline
from chronicle.visible import visible, visible_lines


class MainScreen(Screen[None]):
    """Search, browse, read."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", tooltip="Type a query"),
        Binding("escape", "back", "Back", show=False),
        Binding("colon", "goto_date", "Go to date", tooltip="Jump to the first event on a date"),
        Binding("y", "copy", "Copy", tooltip="Copy the event and its sources (OSC 52)"),
    ]

    def __init__(self, searcher: Searcher) -> None:
        super().__init__()
        self.searcher = searcher
        self.query_text = ""
        """The query whose results are on screen (or being fetched)."""
        self.terms: list[str] = []
        self.current: Event | None = None

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="status-row"):
            yield Label("", id="status", markup=False)
            yield YearHistogram(id="histogram")
        yield Label("", id="hints", markup=False)
        with Horizontal(id="panes"):
            yield Timeline(id="timeline")
            yield EventDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Timeline).focus()
        self.run_search("")

    # Searching ---------------------------------------------------------------

    @on(SearchBar.QueryChanged)
    def search_for_typed_query(self, message: SearchBar.QueryChanged) -> None:
        if message.text != self.query_text:
            self.run_search(message.text)
        if message.submitted:
            self.query_one(Timeline).focus()
            for hint in parse_query(message.text).hints:
                self.notify(
                    visible(hint), title="Search", severity="warning", timeout=8, markup=False
                )

    @on(SearchBar.Left)
    def leave_search_bar(self) -> None:
        self.query_one(Timeline).focus()

    def run_search(self, text: str) -> None:
        """Start searching for `text`; older searches still running are cancelled."""
        self.query_text = text
        self.query_one("#status", Label).update("searching…")
        self._search_worker(text)

    @work(thread=True, exclusive=True, group="search", description="search")
    def _search_worker(self, text: str) -> None:
        try:
            ids, query = self.searcher.ids(text)
            histogram = self.searcher.histogram(text)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        if get_current_worker().is_cancelled:
            return
        from chronicle.search.query import describe

        status = f"{len(ids)} event(s) — {describe(query)}"
        if not any(f.name == "type" for f in query.filters):
            status += " (citations hidden)"
        hints = "  ·  ".join(query.hints)
        terms = [
            t.text for clause in query.terms if not clause.negated for t in clause.alternatives
        ]
        self.app.call_from_thread(self._show_results, text, ids, status, hints, terms, histogram)

    def _show_results(
        self,
        text: str,
        ids: list[int],
        status: str,
        hints: str,
        terms: list[str],
        histogram: list[tuple[str, int]],
    ) -> None:
        if text != self.query_text:
            return
        self.terms = terms
        self.query_one(YearHistogram).counts = histogram
        self.query_one("#status", Label).update(Text(visible(status)))
        hint_line = self.query_one("#hints", Label)
        hint_line.update(Text(visible(hints)))
        hint_line.display = bool(hints)  # shown while typing, not only on Enter
        keep = self.current.id if self.current else None
        self.query_one(Timeline).show(ids, keep=keep)

    # Rows and details ----------------------------------------------------------

    @on(Timeline.RowsWanted)
    def load_rows(self, message: Timeline.RowsWanted) -> None:
        self._rows_worker(message.ids, self.query_text, message.generation)

    @work(thread=True, group="rows", description="load timeline rows")
    def _rows_worker(self, ids: list[int], text: str, generation: int) -> None:
        try:
            rows = self.searcher.store.events_by_ids(ids)
            marks = self.searcher.headline_highlights(text, ids)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self.query_one(Timeline).add_rows, rows, marks, generation)

    def report_error(self, error: Exception) -> None:
        """Show a database problem in one line instead of stopping the app."""
        self.notify(
            visible(str(error)), title="Database", severity="error", markup=False, timeout=10
        )

    @on(Timeline.EventHighlighted)
    def show_highlighted_event(self, message: Timeline.EventHighlighted) -> None:
        if message.event_id is None:
            self.current = None
            self.query_one(EventDetail).show_event(None)
            return
        self._detail_worker(message.event_id)

    @on(Timeline.EventOpened)
    def open_event(self, message: Timeline.EventOpened) -> None:
        self.query_one(EventDetail).focus()

    @work(thread=True, exclusive=True, group="detail", description="load event detail")
    def _detail_worker(self, event_id: int) -> None:
        try:
            event = self.searcher.store.event(event_id)
            if event is None or get_current_worker().is_cancelled:
                return
            linked = [i for i in (event.part_of, *event.parts, *event.related) if i is not None]
            neighbours = {e.id: e for e in self.searcher.store.events_by_ids(linked)}
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._show_detail, event, neighbours)

    def _show_detail(self, event: Event, neighbours: dict[int, Event]) -> None:
        if self.query_one(Timeline).current_id != event.id:
            return
        self.current = event
        self.query_one(EventDetail).show_event(event, self.terms, neighbours)

    # Actions -------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).focus()

    def action_back(self) -> None:
        if self.query_one(EventDetail).has_focus_within:
            self.query_one(Timeline).focus()
        elif self.query_text:
            self.clear_search()

    def clear_search(self) -> None:
        """Empty the search bar and show every event."""
        self.set_query("")

    def show_citations(self) -> None:
        """List the works the documents cite (hidden from the timeline by default)."""
        self.set_query("type:citation")

    def set_query(self, text: str) -> None:
        """Put `text` in the search bar and search for it now."""
        self.query_one(SearchBar).value = text
        self.run_search(text)
        self.query_one(Timeline).focus()

    def action_goto_date(self) -> None:
        self.app.push_screen(GotoDateScreen(), self._goto)

    def _goto(self, target: date | None) -> None:
        if target is None:
            return
        timeline = self.query_one(Timeline)
        if parse_query(self.query_text).sort != "date":
            self.notify("Go to date works on results in date order (sort:date)", severity="warning")
            return
        self._goto_worker(target.isoformat(), list(timeline.ids), timeline.generation)

    @work(thread=True, exclusive=True, group="goto", description="go to date")
    def _goto_worker(self, iso: str, ids: list[int], generation: int) -> None:
        try:
            index = self._first_on_or_after(iso, ids)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._move_cursor, index, iso, generation)

    def _first_on_or_after(self, iso: str, ids: list[int]) -> int:
        """Index of the first dated event starting on or after `iso` in date-ordered `ids`
        (undated events sort last), or -1 when there is none."""
        lo, hi = 0, len(ids)
        while lo < hi:
            mid = (lo + hi) // 2
            event = self.searcher.store.events_by_ids([ids[mid]])
            start = event[0].date_start if event else None
            if start is not None and start < iso:
                lo = mid + 1
            else:
                hi = mid
        landed = self.searcher.store.events_by_ids(ids[lo : lo + 1])
        return lo if landed and landed[0].date_start is not None else -1

    def _move_cursor(self, index: int, iso: str, generation: int) -> None:
        timeline = self.query_one(Timeline)
        if generation != timeline.generation:
            return  # the results changed while we looked
        if index < 0:
            self.notify(f"No dated event on or after {iso}", severity="warning")
            return
        timeline.cursor = index
        timeline.focus()

    def action_copy(self) -> None:
        event = self.current
        if event is None or event.id != self.query_one(Timeline).current_id:
            self.notify("Nothing to copy yet", severity="warning")
            return
        lines = [f"{format_date(event)} — {visible(event.headline)}", visible_lines(event.text)]
        lines += [
            f"[{visible(s.publisher or s.title)}] {visible_lines(s.text)} ({visible(s.document)})"
            for s in event.sources
        ]
        self.app.copy_to_clipboard("\n".join(lines))
        self.notify("Copied the event and its sources")
