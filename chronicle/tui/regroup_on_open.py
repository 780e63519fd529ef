"""Regroup, in the background, a chronicle an older merge rule grouped, once the browser opens it.

A mixin of `MainScreen`. A new version's merge rule (`Store.mentions_to_regroup`)
would otherwise regroup the whole chronicle inside the analyst's first join, split
or removal, with nothing on the screen for minutes. The browser says so, regroups
in short committed steps (the store is shared with the searches, which get in
between them) and searches again when it is done. A chronicle opened read-only
keeps its events until `chronicle ingest` regroups it.
"""

from __future__ import annotations

from textual import work

from chronicle.search.engine import Searcher
from chronicle.store import StoreError
from chronicle.tui.results import ResultCache

STEP_SECONDS = 0.25
"""How long the regroup holds the store at a time: a search waits at most this long."""


class RegroupOnOpen:
    """What `MainScreen` needs: `searcher`, `query_text`, `run_search`, `report_error`."""

    @work(thread=True, exclusive=True, group="regroup", description="regroup by the new rule")
    def regroup_worker(self) -> None:
        store = self.searcher.store
        try:
            if store.readonly or not (stale := store.mentions_to_regroup()):
                return
            self.app.call_from_thread(
                self.notify,
                f"This version merges reports by a new rule: regrouping the {stale:,} stored "
                "dates. Until it is done, a search shows the events regrouped so far",
                timeout=10,
            )
            store.regroup(step_seconds=STEP_SECONDS)
        except StoreError as error:
            self.app.call_from_thread(self.report_error, error)
            return
        self.app.call_from_thread(self._regrouped)

    def _regrouped(self) -> None:
        self.notify("Regrouped: the events follow this version's merge rule", timeout=6)
        self.results = ResultCache()
        self.searcher = Searcher(self.searcher.store)
        self.run_search(self.query_text, refresh=True)
