"""The main screen's keys for the analyst's own work: star, tag, note, correct, add.

A mixin of `MainScreen` (kept apart so the screen stays readable): each key reads
what the prompt needs in a thread worker, opens the prompt, and writes its answer
in another, under one lock so two quick presses toggle a star twice rather than
once. After a write the event is read again: its timeline row and the detail pane
show the change at once and the cursor stays where it was. An event that another
process removed meanwhile is a one-line notice (the store raises StoreError).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from textual import work

from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.search.query import parse_query
from chronicle.store import StoreError
from chronicle.tui.annotate import NoteScreen, TagScreen
from chronicle.tui.detail import EventDetail
from chronicle.tui.results import ResultCache
from chronicle.tui.timeline import Timeline
from chronicle.tui.typeahead import answer_then, drop_held_keys, hold_keys

GONE = "That event is no longer in the chronicle"
BY_HAND_QUERY = "is:manual"
"""The search that lists the events the analyst added by hand (marked + in the timeline)."""


class AnnotationActions:
    """`s` star, `t` tags, `a` note, `e` correct, `A` add an event: a mixin of
    `MainScreen`, whose searcher, results, workers and bindings it uses."""

    _write_lock = threading.Lock()
    """Held from reading an annotation to writing it again."""

    # Keys ------------------------------------------------------------------------

    def action_star(self) -> None:
        """Star the highlighted event, or take its star away."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self._write_worker(event_id, {}, toggle_star=True)

    def action_tag(self) -> None:
        """Ask for the highlighted event's tags, completing from the tags in use."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self._prompt_worker(event_id, "tag", hold_keys(self.app, for_work=True))

    def action_annotate(self) -> None:
        """Edit the highlighted event's note."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self._prompt_worker(event_id, "note", hold_keys(self.app, for_work=True))

    def action_correct(self) -> None:
        """Correct the highlighted event's date, type, headline, people or countries."""
        event_id = self._highlighted_id()
        if event_id is not None:
            self._prompt_worker(event_id, "correct", hold_keys(self.app, for_work=True))

    def action_add_event(self) -> None:
        """Add an event the documents do not hold; the cursor goes to it."""
        from chronicle.tui.manual_form import ManualEventScreen

        hold_keys(self.app)
        self.app.push_screen(ManualEventScreen(self.searcher.store), self._event_added)

    # Prompts -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="annotate-prompt", description="read for a prompt")
    def _prompt_worker(self, event_id: int, kind: str, answered: Callable[[], None]) -> None:
        answer_then(self.app, answered, self._prompt, event_id, kind)

    def _prompt(self, event_id: int, kind: str) -> None:
        store = self.searcher.store
        try:
            if kind == "correct":
                event = store.event(event_id)
                if event is None:
                    self.app.call_from_thread(drop_held_keys, self.app)
                    self.app.call_from_thread(self.notify, GONE, severity="warning")
                    return
                self.app.call_from_thread(self._ask_correction, event)
                return
            annotation = store.annotation(event_id)
            in_use = [tag for tag, _ in store.tags()] if kind == "tag" else []
        except StoreError as error:
            self.app.call_from_thread(drop_held_keys, self.app)
            self.app.call_from_thread(self.report_error, error)
            return
        if kind == "tag":
            current = list(annotation.tags) if annotation else []
            screen: Any = TagScreen(current, in_use)
            changes = "tags"
        else:
            screen = NoteScreen(annotation.note if annotation else "")
            changes = "note"
        self.app.call_from_thread(self._ask, screen, event_id, changes)

    def _ask(self, screen: Any, event_id: int, field: str) -> None:
        def answered(value: object) -> None:
            if value is not None:
                self._write_worker(event_id, {field: value})

        self.app.push_screen(screen, answered)

    def _ask_correction(self, event: Event) -> None:
        from chronicle.tui.correct_form import CorrectionScreen

        def answered(correction: dict[str, object] | None) -> None:
            if correction is not None:
                self._write_worker(event.id, {"correction": correction})

        self.app.push_screen(CorrectionScreen(event), answered)

    # Writing -------------------------------------------------------------------------

    @work(thread=True, group="annotate", description="write an annotation")
    def _write_worker(
        self, event_id: int, changes: dict[str, Any], toggle_star: bool = False
    ) -> None:
        store = self.searcher.store
        try:
            with self._write_lock:
                if toggle_star:
                    current = store.annotation(event_id)
                    changes = {"starred": not (current is not None and current.starred)}
                store.annotate(event_id, **changes)
            rows = store.events_by_ids([event_id])
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        if rows:
            self.app.call_from_thread(self._annotated, rows[0])

    def _annotated(self, event: Event) -> None:
        """Show the event as written in its row and, if highlighted, in the detail pane."""
        timeline = self.query_one(Timeline)
        timeline.update_row(event)
        # counts, facets and cached results may have changed with it (a type corrected)
        self.results = ResultCache()
        self.searcher = Searcher(self.searcher.store)
        if timeline.current_id == event.id:
            self._detail_worker(event.id)

    def _event_added(self, event_id: int | None) -> None:
        """Read the results again and put the cursor on the new event (every event is
        shown if the search leaves it out)."""
        if event_id is None:
            return
        self.results = ResultCache()
        self.searcher = Searcher(self.searcher.store)
        self.pending_event = event_id
        self.widen_for_pending = True
        self.run_search(self.query_text)
        self.by_hand_worker()

    # Events added by hand ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="by-hand", description="list events added by hand")
    def by_hand_worker(self) -> None:
        """Tell the timeline which events were added by hand (a search: they are few)."""
        if not any(f.name == "is" for f in parse_query(BY_HAND_QUERY).filters):
            return  # a search without `is:manual`
        try:
            ids, _ = self.searcher.ids(BY_HAND_QUERY)
        except StoreError:
            return  # the marks are an aid; the search reports a lasting problem
        self.app.call_from_thread(self._by_hand_listed, frozenset(ids))

    def _by_hand_listed(self, ids: frozenset[int]) -> None:
        """Mark the events added by hand in the timeline and, if shown, the detail pane."""
        self.query_one(Timeline).mark_by_hand(ids)
        if self.current is not None:
            self.query_one(EventDetail).set_by_hand(self.current.id in ids)
