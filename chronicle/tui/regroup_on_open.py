"""Regroup a chronicle an older merge rule grouped, once the browser has shown it.

A mixin of `MainScreen`. A new version's merge rule (`Store.mentions_to_regroup`)
would otherwise regroup the whole chronicle inside the analyst's first join, split
or removal, with nothing on the screen for minutes. Instead a screen over the
chronicle says so and shows how far the regroup is, while a worker regroups in
committed steps of a second (`Store.regroup_step`). Events get new ids as they are
regrouped, so nothing can be marked, split or joined meanwhile; `q` quits within a
step, and the next start goes on from there. Once done the results are read again.
A chronicle opened read-only is left as it is: the browser only says when a regroup
was stopped midway, which leaves some dates in no event.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from chronicle.regroup_words import half_regrouped, regrouping
from chronicle.search.engine import Searcher
from chronicle.store import Store, StoreError
from chronicle.tui.results import ResultCache

STEP_SECONDS = 1.0
"""How long one committed step runs: quitting waits about this long (a step takes one
document at least)."""

WAIT_SECONDS = 0.05
"""How often the regroup looks whether the browser's other work has ended."""


def regroup_in_steps(
    store: Store, stopped: Callable[[], bool], shown: Callable[[int], None]
) -> bool:
    """Regroup `store` a committed step at a time until done (True) or `stopped` (False),
    telling `shown` how many stored dates are regrouped after each step."""
    total = store.mentions_to_regroup()
    while not store.regroup_step(STEP_SECONDS):
        if stopped():
            return False
        shown(total - store.mentions_to_regroup())
    return True


class RegroupScreen(ModalScreen[None]):
    """How far the regroup is; `q` quits the browser (the regroup goes on next time)."""

    DEFAULT_CSS = """
    RegroupScreen { align: center middle; }
    RegroupScreen > Vertical {
        width: 90%; max-width: 76; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    RegroupScreen > Vertical > Label { width: 100%; }
    """
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                f"{regrouping(self.total).capitalize()}. q quits; the next start goes on "
                "from where it was.",
                markup=False,
            )
            yield ProgressBar(total=self.total, show_eta=True)

    def advance(self, done: int) -> None:
        """Show `done` of the stored dates regrouped."""
        self.query_one(ProgressBar).update(progress=done)


class RegroupOnOpen:
    """What `MainScreen` needs: `searcher`, `results`, `query_text`, `run_search`,
    `report_error`, and the screen's own `app` and `notify`."""

    @work(thread=True, exclusive=True, group="regroup", description="regroup by the new rule")
    def regroup_worker(self) -> None:
        store = self.searcher.store
        worker = get_current_worker()
        try:
            if store.readonly:
                if waiting := store.regroup_waiting():
                    message = f"{half_regrouped(waiting).capitalize()} (it is open read-only here)"
                    self.app.call_from_thread(
                        self.notify, message, severity="warning", markup=False, timeout=10
                    )
                return
            total = store.mentions_to_regroup()
            if not total:
                return
            screen = RegroupScreen(total)
            self.app.call_from_thread(self._begin_regroup, screen)
            # What was asked of the events as they were (a tag, a split) is written first.
            while self._others_running(worker):
                if worker.is_cancelled:
                    return
                time.sleep(WAIT_SECONDS)

            def show(done: int) -> None:
                self.app.call_from_thread(screen.advance, done)

            if not regroup_in_steps(store, lambda: worker.is_cancelled, show):
                return  # quitting: the steps done are kept
        except Exception as error:  # said in one line: the browser stays open
            self.app.call_from_thread(self._end_regroup, error)
            return
        self.app.call_from_thread(self._end_regroup, None)

    def _begin_regroup(self, screen: RegroupScreen) -> None:
        """Close what was open over the chronicle (a prompt names an event by an id the
        regroup gives to another) and show the regroup's screen instead."""
        self._close_screens_above()
        self.app.push_screen(screen)

    def _others_running(self, me: object) -> bool:
        return any(w is not me and w.is_running for w in self.app.workers)

    def _close_screens_above(self) -> None:
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()

    def _end_regroup(self, error: Exception | None) -> None:
        """Close the regroup's screen (and whatever was opened over it), say how it
        ended, and read the results again: their ids are the regroup's now."""
        self._close_screens_above()
        if error is None:
            self.notify("Regrouped: the events follow this version's merge rule", timeout=6)
        else:
            self.report_error(StoreError(f"the regroup stopped: {error}"))
        self.results = ResultCache()
        self.searcher = Searcher(self.searcher.store)
        self.run_search(self.query_text, refresh=True)
