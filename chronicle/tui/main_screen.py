"""The main screen: search bar on top, timeline and detail panes below.

It owns the searching: each settled query starts an exclusive thread worker,
and an answer is shown only if its query is still the current one. Panes never
touch each other; they post messages here and the screen sets the other pane.
When another process changes the database, the results are searched again with
the cursor kept on the same happening (see `chronicle.tui.live`). The analyst's
keys (star, tag, note, correct, add) are `chronicle.tui.annotation_actions`;
deleting an event added by hand is `chronicle.tui.delete_by_hand`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Label
from textual.worker import get_current_worker

from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.search.histogram import YearCounts
from chronicle.search.query import Query, describe, parse_query
from chronicle.store import StoreError
from chronicle.tui.annotation_actions import AnnotationActions
from chronicle.tui.clipboard import CHANGED, NOTHING, copy_event
from chronicle.tui.compare_view import CompareScreen
from chronicle.tui.context import Context, nearest_hit
from chronicle.tui.decision_actions import DecisionActions
from chronicle.tui.delete_by_hand import DeleteByHand
from chronicle.tui.detail import EventDetail
from chronicle.tui.facets import FacetsScreen, with_filter
from chronicle.tui.goto_date import GotoDateScreen, first_on_or_after
from chronicle.tui.histogram import YearHistogram
from chronicle.tui.live import POLL_SECONDS, data_version, event_holding, member_keys
from chronicle.tui.regroup_on_open import RegroupOnOpen
from chronicle.tui.results import Result, ResultCache, id_array
from chronicle.tui.search_bar import SearchBar
from chronicle.tui.series_view import SeriesScreen
from chronicle.tui.source_view import SourceScreen
from chronicle.tui.timeline import Timeline
from chronicle.tui.typeahead import CaughtUp, hold_keys, hold_keys_until_done, keys_waiting
from chronicle.visible import visible

NO_MATCH = "No event matches this search. Esc clears it and shows every event."
NO_EVENT = "No event is highlighted"
READING = "Reading the chronicle…"
GONE = "This event changed in the database; the results are being read again."
PALETTE_SERIES = 500
"""Series offered by the command palette (the first by document)."""


class Page(NamedTuple):
    """Rows read for the timeline."""

    rows: list[Event]
    marks: dict[int, list[tuple[str, bool]]]
    publishers: dict[int, str]


FIRST_PAGE = 100
"""Ids fetched first, so rows paint before every match has been listed."""


class MainScreen(AnnotationActions, DecisionActions, DeleteByHand, RegroupOnOpen, Screen[None]):
    """Search, browse, read, annotate."""

    BINDINGS = [
        # Priority: taken when the key is read, so it focuses the search bar before the
        # keys after it are handed on (`typeahead`): over a slow SSH link "/visit"
        # arrives in one piece, and its letters were commands (s starred, t tagged).
        Binding("slash", "focus_search", "Search", tooltip="Type a query", priority=True),
        Binding("escape", "back", "Back", show=False),
        # `:` and `y` are left out of the footer, so 80 columns still show `q` and `?`
        Binding("colon", "goto_date", "Go to date", show=False),
        Binding("y", "copy", "Copy citation", show=False),
        # the analyst's keys: in the help, not the footer, for the same reason
        Binding("s", "star", "Star", show=False, tooltip="Star the event, or unstar it"),
        Binding("t", "tag", "Tag", show=False, tooltip="Tag the event"),
        Binding("a", "annotate", "Note", show=False, tooltip="Write a note on the event"),
        Binding("e", "correct", "Correct", show=False, tooltip="Correct the event"),
        Binding("A", "add_event", "Add event", show=False, tooltip="Add an event by hand"),
        Binding("x", "split", "Split", show=False, tooltip="Split a source off the event"),
        Binding("c", "context", "Context", tooltip="Every event around this hit (c again: back)"),
        Binding("f", "facets", "Facets", tooltip="Counts by type, country, actor, source, year"),
        Binding("o", "open_source", "Source", tooltip="Read the event's source document"),
        Binding("equals_sign", "compare", "Compare", tooltip="The event's sources side by side"),
    ]

    ESCAPE_TO_MINIMIZE = False
    """Esc goes through `action_back`, which also gives the timeline its focus back."""

    def __init__(self, searcher: Searcher) -> None:
        super().__init__()
        self.searcher = searcher
        self.query_text = ""
        """The query whose results are on screen (or being fetched)."""
        self.terms: list[str] = []
        self.current: Event | None = None
        """The event in the detail pane (None while it loads or when there is none)."""
        self._detail_deferred = False
        """A row was highlighted while typed keys waited: its detail is read after them."""
        self.current_keys: list[str] = []
        """The keys of the current event's mentions: how to find it again after a change."""
        self.version: int | None = None
        """The database's `data_version` the results on screen were read at."""
        self.current_series: list[int] = []
        """The ids of the series in the current event's documents (Enter in the detail pane)."""
        self.series_names: list[tuple[int, str]] = []
        """(id, name) of the chronicle's series, for the command palette."""
        self.results = ResultCache()
        """Recent results, so going back to a query (or clearing it) asks nothing."""
        self.context: Context | None = None
        """The context view, while it is open."""
        self._first_page: tuple[str, list[int]] | None = None
        """(query, ids) of the first page painted before the whole result was listed."""
        self.pending_event: int | None = None
        """An event to put the cursor on once the results being read are shown."""
        self.widen_for_pending = False
        """Whether the search is cleared when it leaves out `pending_event` (a new event)."""
        self.by_hand_version: int | None = None
        """The `data_version` the events added by hand were listed at."""

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
        self._series_names_worker()
        self.set_interval(POLL_SECONDS, self._watch_database)

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

    def run_search(self, text: str, refresh: bool = False) -> None:
        """Start searching for `text`; older searches still running are cancelled.

        A result kept from before (same text, database unchanged) is shown at once.
        A `refresh` searches again after the database changed: the cursor stays on
        the happening it was on (found by its key), else at the same row.
        """
        self.query_text = text
        self.context = None
        self._first_page = None
        kept = None if refresh or self.version is None else self.results.get(text, self.version)
        if kept is not None:
            self.workers.cancel_group(self, "search")
            self._show_result(text, kept)
            return
        if not refresh:
            self.query_one("#status", Label).update("searching…")
        self._search_worker(text, self._highlighted_keys() if refresh else [], refresh)

    @work(thread=True, exclusive=True, group="search", description="search")
    def _search_worker(self, text: str, follow: list[str], refresh: bool) -> None:
        store = self.searcher.store
        try:
            version = data_version(store)  # read first: a later commit is seen by the next poll
            if not refresh:
                first, _ = self.searcher.first_ids(text, FIRST_PAGE)
                if get_current_worker().is_cancelled:
                    return
                # its rows too: a rows worker would wait for the store behind this one
                page = self._page(text, first)
                self.app.call_from_thread(self._show_first_page, text, first, page)
            ids, query = self.searcher.ids(text)
            keep = event_holding(store, follow) if follow else None
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        if get_current_worker().is_cancelled:
            return
        result = make_result(ids, query, version)
        self.app.call_from_thread(self._show_result, text, result, keep, refresh)

    def _page(self, text: str, ids: list[int]) -> Page:
        """The rows of `ids`: events, headlines with the query's words marked, publishers."""
        store = self.searcher.store
        marks = self.searcher.headline_highlights(text, ids)
        return Page(store.events_by_ids(ids), marks, store.publishers_of_events(ids))

    def _show_first_page(self, text: str, first: list[int], page: Page) -> None:
        """Paint the first rows while the whole result is still being listed."""
        if text != self.query_text:
            return
        self._first_page = (text, first)
        timeline = self.query_one(Timeline)
        timeline.show(first, keep=self.current.id if self.current else None)
        timeline.add_rows(page.rows, page.marks, timeline.generation, page.publishers)

    def _show_result(
        self, text: str, result: Result, keep: int | None = None, refresh: bool = False
    ) -> None:
        if text != self.query_text:
            return
        self.results.put(text, result)
        first_answer, self.version = self.version is None, result.version
        self.terms = result.terms
        self.query_one("#status", Label).update(Text(visible(result.status)))
        hint_line = self.query_one("#hints", Label)
        hint_line.update(Text(visible(result.hints)))
        hint_line.display = bool(result.hints)  # shown while typing, not only on Enter
        timeline = self.query_one(Timeline)
        if refresh:
            timeline.show(result.ids, keep=keep, at=timeline.cursor)
        elif self._first_page is None or self._first_page[0] != text:
            timeline.show(result.ids, keep=timeline.current_id)
        elif list(result.ids[: len(self._first_page[1])]) != self._first_page[1]:
            timeline.show(result.ids, keep=timeline.current_id)  # changed in between
        elif len(result.ids) > len(self._first_page[1]):
            timeline.extend(result.ids)
        self._first_page = None
        if first_answer and timeline.current_id is None:
            self._show_no_event()  # READING gives way to what there is to say
        if first_answer:
            self.regroup_worker()  # once the chronicle is on the screen as it is
        if self.pending_event is not None:
            self._move_to_pending()
        if self.by_hand_version != result.version:  # after the rows: the marks can wait
            self.by_hand_version = result.version
            self.by_hand_worker()
        if result.histogram is None:
            self._histogram_worker(text, result)
        else:
            self._set_histogram(result.histogram)

    @work(thread=True, exclusive=True, group="histogram", description="year histogram")
    def _histogram_worker(self, text: str, result: Result) -> None:
        try:
            counts = self.searcher.histogram(text)
        except StoreError:
            return  # the histogram is an aid; the search reports a lasting problem
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_histogram, text, result, counts)

    def _show_histogram(self, text: str, result: Result, counts: YearCounts) -> None:
        result.histogram = counts
        if text == self.query_text:
            self._set_histogram(counts)

    def _set_histogram(self, counts: YearCounts) -> None:
        # A search's answer can land while the app is closing and the histogram is
        # already gone (an error ending it): then there is nothing to show it in.
        for histogram in self.query(YearHistogram):
            histogram.counts = counts

    @on(YearHistogram.Narrowed)
    def narrow_to_year(self, message: YearHistogram.Narrowed) -> None:
        self.set_query(with_filter(self.query_text, message.filter_text))

    @on(YearHistogram.Left)
    def leave_histogram(self) -> None:
        self.query_one(Timeline).focus()

    # Another process writing -------------------------------------------------

    def _watch_database(self) -> None:
        if self.version is not None:
            self._version_worker()

    @work(thread=True, exclusive=True, group="watch", description="watch the database")
    def _version_worker(self) -> None:
        try:
            version = data_version(self.searcher.store)
        except StoreError:
            return  # asked again in a second; a lasting problem is reported by the search
        self.app.call_from_thread(self._database_at, version)

    def _database_at(self, version: int) -> None:
        searching = any(w.group == "search" and w.is_running for w in self.app.workers)
        if version == self.version or searching:
            return  # a running search is left to finish; the next poll sees the change
        self.version = version
        self.searcher = Searcher(self.searcher.store)  # its cached counts are out of date
        self.run_search(self.query_text, refresh=True)
        self._series_names_worker()

    def _highlighted_keys(self) -> list[str]:
        """Keys of the highlighted event's mentions, as far as they are loaded."""
        timeline = self.query_one(Timeline)
        if self.current is not None and self.current.id == timeline.current_id:
            return self.current_keys
        row = timeline.row(timeline.cursor)
        return [row.key] if row is not None else []

    # Rows and details ----------------------------------------------------------

    @on(Timeline.RowsWanted)
    def load_rows(self, message: Timeline.RowsWanted) -> None:
        self._rows_worker(message.ids, self.query_text, message.generation)

    @work(thread=True, group="rows", description="load timeline rows")
    def _rows_worker(self, ids: list[int], text: str, generation: int) -> None:
        try:
            page = self._page(text, ids)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        timeline = self.query_one(Timeline)
        self.app.call_from_thread(
            timeline.add_rows, page.rows, page.marks, generation, page.publishers
        )

    def report_error(self, error: Exception) -> None:
        """Show a database problem in one line instead of stopping the app."""
        self.notify(
            visible(str(error)), title="Database", severity="error", markup=False, timeout=10
        )

    @on(Timeline.EventHighlighted)
    def show_highlighted_event(self, message: Timeline.EventHighlighted) -> None:
        if message.event_id is None:
            self._show_no_event()
        elif keys_waiting(self.app):
            self._detail_deferred = True  # a burst of j: read the row it stops on
        else:
            self._detail_worker(message.event_id)

    @on(CaughtUp)
    def show_deferred_event(self) -> None:
        event_id = self.query_one(Timeline).current_id
        if self._detail_deferred and event_id is not None:
            self._detail_deferred = False
            self._detail_worker(event_id)

    def _show_no_event(self) -> None:
        """Say why no event is shown: still reading, no match, or an empty chronicle."""
        self.current = None
        detail = self.query_one(EventDetail)
        if self.version is None:  # the first answer is not in: not "an empty chronicle?"
            detail.show_note(READING)
        elif self.query_text.strip():
            detail.show_note(NO_MATCH)
        else:
            detail.show_event(None)  # says how to add documents

    @on(Timeline.EventOpened)
    def open_event(self, message: Timeline.EventOpened) -> None:
        detail = self.query_one(EventDetail)
        detail.focus()
        if self.has_class("-narrow"):  # under the timeline it has too few rows to read
            self.maximized = detail  # not maximize(): a scroll container refuses it

    @work(thread=True, exclusive=True, group="detail", description="load event detail")
    def _detail_worker(self, event_id: int) -> None:
        try:
            event = self.searcher.store.event(event_id)
            if get_current_worker().is_cancelled:
                return
            if event is None:  # another process rebuilt or removed it
                self.app.call_from_thread(self._show_gone, event_id)
                return
            linked = [i for i in (event.part_of, *event.parts, *event.related) if i is not None]
            neighbours = {e.id: e for e in self.searcher.store.events_by_ids(linked)}
            keys = member_keys(self.searcher.store, event_id)
            series = self._series_of(event)
            merged = self._merge_reasons(event_id)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._show_detail, event, neighbours, keys, series, merged)

    def _merge_reasons(self, event_id: int) -> list[str]:
        """Why the event's reports were merged, in lines (none from a store that cannot say)."""
        store = self.searcher.store
        if not hasattr(store, "merge_reasons"):
            return []
        reasons = store.merge_reasons(event_id)
        return list(reasons.lines()) if reasons is not None else []

    def _series_of(self, event: Event) -> list[tuple[int, str]]:
        """(id, name) of the series in the tables of the event's documents."""
        store = self.searcher.store
        paths = list(dict.fromkeys(source.document for source in event.sources))
        return [(s.id, s.series.name) for s in store.series(store.series_ids_of_documents(paths))]

    def _show_detail(
        self,
        event: Event,
        neighbours: dict[int, Event],
        keys: list[str],
        series: list[tuple[int, str]],
        merged: Sequence[str] = (),
    ) -> None:
        if self.query_one(Timeline).current_id != event.id:
            return
        if not self._row_shows(event):
            self._show_gone(event.id)
            return
        self.current = event
        self.current_keys = keys
        self.current_series = [series_id for series_id, _ in series]
        names = [name for _, name in series]
        by_hand = self.query_one(Timeline).is_by_hand(event.id)
        detail = self.query_one(EventDetail)
        detail.show_event(event, self.terms, neighbours, names, merged, by_hand)

    def _row_shows(self, event: Event) -> bool:
        """False when the highlighted row was read before another process rebuilt its
        event and its id now names another one (until the results are read again)."""
        timeline = self.query_one(Timeline)
        row = timeline.row(timeline.cursor)
        return row is None or row.key == event.key

    def _show_gone(self, event_id: int) -> None:
        if self.query_one(Timeline).current_id != event_id:
            return
        self.current = None
        self.current_series = []
        self.query_one(EventDetail).show_note(GONE)

    # Actions -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A slash typed into a text field is the field's.
        return not (action == "focus_search" and isinstance(self.focused, Input))

    def action_focus_search(self) -> None:
        self.set_focus(self.query_one(SearchBar))  # at once: the next keys are the query's

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
            self.query_one(Timeline).focus()
        elif self.query_one(EventDetail).has_focus_within:
            self.query_one(Timeline).focus()
        elif self.context is not None:
            self._leave_context()
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
        hold_keys(self.app)
        self.app.push_screen(GotoDateScreen(), self._goto)

    def _goto(self, target: date | None) -> None:
        if target is None:
            return
        timeline = self.query_one(Timeline)
        if self.context is None and parse_query(self.query_text).sort != "date":
            self.notify("Go to date works on results in date order (sort:date)", severity="warning")
            return
        # the ids themselves, not a copy: a new result replaces them, never changes them
        moved = hold_keys_until_done(self.app)  # a key typed after the date acts there
        self._goto_worker(target.isoformat(), timeline.ids, timeline.generation, moved)

    @work(thread=True, exclusive=True, group="goto", description="go to date")
    def _goto_worker(
        self, iso: str, ids: Sequence[int], generation: int, moved: Callable[[], None]
    ) -> None:
        try:
            index = first_on_or_after(self.searcher.store, iso, ids)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
        else:
            self.app.call_from_thread(self._move_cursor, index, iso, generation)
        finally:
            self.app.call_from_thread(moved)

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
        event_id = self.query_one(Timeline).current_id
        if event_id is None:
            self.notify(NOTHING, severity="warning")
        elif self.current is not None and self.current.id == event_id:
            copy_event(self.app, self.current)
        else:
            self._copy_worker(event_id)  # the detail is still loading

    @work(thread=True, exclusive=True, group="copy", description="load the event to copy")
    def _copy_worker(self, event_id: int) -> None:
        try:
            event = self.searcher.store.event(event_id)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._copy_if_highlighted, event_id, event)

    def _copy_if_highlighted(self, event_id: int, event: Event | None) -> None:
        highlighted = self.query_one(Timeline).current_id == event_id
        if event is None or not highlighted or not self._row_shows(event):
            self.notify(CHANGED, severity="warning")
            return
        copy_event(self.app, event)

    # Context view ----------------------------------------------------------------

    def action_context(self) -> None:
        """Show every event around the highlighted hit, or go back to the results."""
        if self.context is not None:
            self._leave_context()
            return
        if not self.query_text.strip():
            self.notify("Search first: the context view shows every event around a hit")
            return
        result = self.results.get(self.query_text, self.version or 0)
        if result is None:
            self.notify("The results are still being read", severity="warning")
            return
        everything = self.results.get("", result.version)
        if everything is None:
            self._context_worker(self.query_text, result)
        else:
            self._enter_context(self.query_text, result, everything)

    @work(thread=True, exclusive=True, group="context", description="list every event")
    def _context_worker(self, text: str, result: Result) -> None:
        try:
            ids, query = self.searcher.ids("")
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        everything = make_result(ids, query, result.version)
        self.app.call_from_thread(self._context_ready, text, result, everything)

    def _context_ready(self, text: str, result: Result, everything: Result) -> None:
        self.results.put("", everything)
        if text == self.query_text and self.context is None:
            self._enter_context(text, result, everything)

    def _enter_context(self, text: str, result: Result, everything: Result) -> None:
        timeline = self.query_one(Timeline)
        self.context = Context(text, result.members)
        timeline.show(everything.ids, keep=timeline.current_id, hits=self.context.hits)
        self.query_one("#status", Label).update(Text(self.context.status()))
        timeline.focus()

    def _leave_context(self) -> None:
        """Back to the filtered results, on the hit nearest the cursor."""
        context, self.context = self.context, None
        if context is None:
            return
        timeline = self.query_one(Timeline)
        at = nearest_hit(timeline.ids, context.hits, timeline.cursor)
        result = self.results.get(context.query, self.version or 0)
        if result is None:  # the database changed meanwhile
            self.run_search(context.query)
            return
        timeline.show(result.ids, keep=timeline.ids[at] if at is not None else None)
        self.query_one("#status", Label).update(Text(visible(result.status)))
        timeline.focus()

    @on(Timeline.NoMoreHits)
    def say_no_more_hits(self, message: Timeline.NoMoreHits) -> None:
        where = "after" if message.forward else "before"
        self.notify(f"No hit {where} this one", severity="warning", timeout=3)

    # Screens opened from an event ----------------------------------------------

    def _highlighted_id(self) -> int | None:
        event_id = self.query_one(Timeline).current_id
        if event_id is None:
            self.notify(NO_EVENT, severity="warning")
        return event_id

    def action_open_source(self) -> None:
        """Read the highlighted event's source document, at its sentence."""
        event_id = self._highlighted_id()
        if event_id is not None:
            screen = SourceScreen(self.searcher.store, event_id)
            self.app.push_screen(screen, self._source_chosen)

    def _source_chosen(self, event_id: int | None) -> None:
        """Put the cursor on the event Enter chose in the source (showing every event
        if the current results leave it out, or the citations if it is one)."""
        if event_id is None or self.query_one(Timeline).move_to_id(event_id):
            return
        try:
            found = self.searcher.store.events_by_ids([event_id])
        except StoreError as error:
            self.report_error(error)
            return
        self.pending_event = event_id
        if found and found[0].type == "citation":  # hidden unless a type: filter asks
            self.notify("That sentence is a citation: the citations are shown", timeout=4)
            self.set_query("type:citation")
        elif self.context is not None or self.query_text:
            self.notify("The search left that event out: every event is shown", timeout=4)
            self.clear_search()
        else:
            self._move_to_pending()

    def _move_to_pending(self) -> None:
        event_id, self.pending_event = self.pending_event, None
        widen, self.widen_for_pending = self.widen_for_pending, False
        if event_id is None or self.query_one(Timeline).move_to_id(event_id):
            return
        if widen and (self.context is not None or self.query_text):
            self.notify("The search leaves the new event out: every event is shown", timeout=4)
            self.pending_event = event_id
            self.clear_search()
            return
        self.notify("That event is not in the chronicle any more", severity="warning")

    def action_compare(self) -> None:
        """The highlighted event's sources side by side, disagreements marked."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self.app.push_screen(CompareScreen(self.searcher.store, event_id))

    def action_facets(self) -> None:
        """Counts of the current results by facet; Enter adds a filter to the query."""
        self.app.push_screen(FacetsScreen(self.searcher.store, self.query_text), self._add_filter)

    def _add_filter(self, filter_text: str | None) -> None:
        if filter_text:
            self.set_query(with_filter(self.query_text, filter_text))

    # Series --------------------------------------------------------------------

    @on(EventDetail.SeriesWanted)
    def action_series(self) -> None:
        """Chart the tables of the highlighted event's documents (Enter in the detail pane)."""
        shown = self.current is not None and self.current.id == self.query_one(Timeline).current_id
        if not shown or not self.current_series:
            self.notify("No table in this event's documents", severity="warning")
            return
        self.app.push_screen(SeriesScreen(self.searcher.store, self.current_series))

    def open_series(self, series_id: int) -> None:
        """Chart one series (the command palette's "Series: <name>")."""
        self.app.push_screen(SeriesScreen(self.searcher.store, [series_id]))

    @work(thread=True, exclusive=True, group="series-names", description="list series")
    def _series_names_worker(self) -> None:
        try:
            names = self.searcher.store.series_names(PALETTE_SERIES)
        except StoreError:
            return  # a lasting problem is reported by the search
        self.app.call_from_thread(setattr, self, "series_names", names)


def make_result(ids: list[int], query: Query, version: int) -> Result:
    """The screen's form of a search's answer: ids, status line, hints, words to mark."""
    status = f"{len(ids):,} event{'' if len(ids) == 1 else 's'} · {describe(query)}"
    if not any(f.name == "type" for f in query.filters):
        status += " (citations hidden)"
    terms = [t.text for clause in query.terms if not clause.negated for t in clause.alternatives]
    return Result(id_array(ids), status, "  ·  ".join(query.hints), terms, version)
