"""The review queue in the palette lists every kind of merge to check: disputed dates,
joins on words alone, vague dates that fit another event too."""

from __future__ import annotations

from pathlib import Path

from chronicle.library import ingest_paths
from chronicle.search.engine import Searcher
from chronicle.search.query import REVIEW_KINDS
from chronicle.store import Store
from chronicle.tui import Timeline
from chronicle.tui.app import ChronicleApp
from chronicle.tui.search_bar import SearchBar
from tests.dialogue_documents import write_documents
from tests.pilot import settle
from tests.test_review_flags import TEXTS


async def test_the_review_queue_command_shows_every_kind(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    for name in ("adb_day", "adb_month", "polio", "flood", "month"):
        (mine / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
    with Store(tmp_path / "review.db") as store:
        ingest_paths(store, [write_documents(tmp_path / "docs"), mine])
        searcher = Searcher(store)
        disputed = searcher.ids("review:")[0]
        for kind in ("dates", "words", "vague"):
            assert searcher.ids(f"review:{kind}")[0], kind
        assert len(disputed) == sum(len(searcher.ids(f"review:{k}")[0]) for k in REVIEW_KINDS)
        app = ChronicleApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            everything = list(app.screen.query_one(Timeline).ids)
            await pilot.press("ctrl+p", *"review queue", "enter")
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "review:"
            assert list(app.screen.query_one(Timeline).ids) == disputed
            assert len(everything) > len(disputed)
