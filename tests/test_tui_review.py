"""The review queue in the palette lists the events whose sources disagree on the date."""

from __future__ import annotations

from pathlib import Path

from chronicle.library import ingest_paths
from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import Timeline
from chronicle.tui.app import ChronicleApp
from chronicle.tui.search_bar import SearchBar
from tests.dialogue_documents import write_documents
from tests.pilot import settle


async def test_the_review_queue_command_shows_the_disputed_dates(tmp_path: Path) -> None:
    with Store(tmp_path / "review.db") as store:
        ingest_paths(store, [write_documents(tmp_path / "docs")])
        disputed = Searcher(store).ids("review:")[0]
        assert disputed, "the three reports of the dialogue disagree on its date"
        app = ChronicleApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            everything = list(app.screen.query_one(Timeline).ids)
            await pilot.press("ctrl+p", *"review queue", "enter")
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "review:"
            assert list(app.screen.query_one(Timeline).ids) == disputed
            assert len(everything) > len(disputed)
