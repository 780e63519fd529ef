"""The search bar in the real app: `/` selects the query, Up/Down walk the history, Esc leaves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicle.store import Store
from chronicle.tui import SearchBar, Timeline, make_app
from chronicle.tui.history import HISTORY_ENV
from tests.pilot import settle, typing_paused

SIZE = (100, 30)


@pytest.fixture
def app_store(fixture_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(HISTORY_ENV, str(tmp_path / "search-history"))
    shutil.copy(fixture_db, tmp_path / "copy.db")
    with Store(tmp_path / "copy.db") as store:
        yield store


async def search(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_slash_selects_the_query_so_typing_replaces_it(app_store, tmp_path: Path):
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "slash", *"tokyo", "enter")
        await search(pilot, "slash", *"kono", "enter")
        screen = app.screen
        assert screen.query_one(SearchBar).value == "kono"
        assert screen.query_text == "kono"
        assert screen.query_one(Timeline).has_focus
        kono = app.searcher.ids("kono")[0]
        assert list(screen.query_one(Timeline).ids) == kono
        assert len(kono) == 4
        assert app.searcher.ids("tokyokono")[0] == []
    assert (tmp_path / "search-history").read_text() == "kono\ntokyo\n"


async def test_up_recalls_earlier_queries_and_down_comes_back_to_the_draft(app_store):
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "slash", *"tokyo", "enter")
        await search(pilot, "slash", *"kono", "enter")
        await search(pilot, "slash", "up")
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "tokyo"
        assert bar.cursor_position == 5
        await typing_paused(pilot)  # the recalled query is searched after the pause
        assert app.screen.query_text == "tokyo"
        await pilot.press("up")
        assert bar.value == "tokyo"  # nothing older
        await pilot.press("down")
        assert bar.value == "kono"  # the draft
        assert bar.has_focus
        await pilot.press("down")
        await settle(pilot)
        assert app.screen.query_one(Timeline).has_focus


async def test_typing_after_a_recall_starts_the_walk_again_from_what_was_typed(app_store):
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query in ("tokyo", "kono", "asif"):
            await search(pilot, "slash", *query, "enter")
        await search(pilot, "slash", "up", "up")
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "tokyo"
        await pilot.press(*" in:2018")
        await settle(pilot)
        await pilot.press("up")
        assert bar.value == "asif"
        await pilot.press("down")
        assert bar.value == "tokyo in:2018"


async def test_a_new_app_on_the_same_history_recalls_the_last_session(app_store):
    first = make_app(app_store)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "slash", *"tokyo", "enter")
    second = make_app(app_store)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "slash", "up")
        assert second.screen.query_one(SearchBar).value == "tokyo"


async def test_esc_goes_back_to_the_query_before_and_keeps_a_settled_one(app_store, tmp_path: Path):
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        await pilot.press("slash", *"country:kz")
        await typing_paused(pilot)
        await search(pilot, "down")
        assert timeline.has_focus
        kz = list(timeline.ids)
        await pilot.press("slash", *"zardari")
        await typing_paused(pilot)
        assert list(timeline.ids) != kz  # the results followed the typing
        await search(pilot, "escape")
        bar = app.screen.query_one(SearchBar)
        assert (bar.value, app.screen.query_text) == ("country:kz", "country:kz")
        assert timeline.has_focus and list(timeline.ids) == kz
        await pilot.press("slash", *"unfinish")
        await search(pilot, "escape")  # left before it settled: not kept
        assert bar.value == "country:kz" and timeline.has_focus
        await search(pilot, "escape")  # Esc in the timeline clears the search
        assert (bar.value, app.screen.query_text) == ("", "")
    assert (tmp_path / "search-history").read_text() == "zardari\ncountry:kz\n"


async def test_a_corrupt_history_file_leaves_the_app_working(app_store, tmp_path: Path):
    (tmp_path / "search-history").write_bytes(b"\x00\x01kono\xff\n")
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "slash", *"tokyo", "enter")
        await search(pilot, "slash", *"kono", "enter")
        await search(pilot, "slash", "up")
        assert app.screen.query_one(SearchBar).value == "tokyo"
    assert (tmp_path / "search-history").read_bytes() == b"\x00\x01kono\xff\n"
