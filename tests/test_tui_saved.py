"""Saved searches (ctrl+s in the search bar, the palette runs them) and "Export results…"
from the palette, on the real app over a copy of the fixture database."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Label

from chronicle.model import Series, SeriesPoint
from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import SearchBar, Timeline, make_app
from chronicle.tui.choice import Choice
from chronicle.tui.export_form import ExportCancelled, ExportScreen, export_query
from chronicle.tui.saved import SaveSearchScreen, palette_title
from tests.pilot import settle
from tests.test_store import document

SIZE = (80, 24)


async def search_for(pilot, text: str) -> None:
    await settle(pilot)
    await pilot.press("slash", *text, "enter")
    await settle(pilot)


async def palette(pilot, typed: str) -> list[str]:
    """Open the command palette, type, and return the commands it offers (their first
    line: the second is their help)."""
    await pilot.press("ctrl+p", *typed)
    await settle(pilot)  # the palette's search of its providers is a worker
    assert isinstance(pilot.app.screen, CommandPalette)
    listing = pilot.app.screen.query_one(CommandList)
    prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return [prompt.splitlines()[0] for prompt in prompts]


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


class TestSavingASearch:
    async def test_ctrl_s_in_the_search_bar_keeps_the_query_under_a_name(self, app_store: Store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"kono")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, SaveSearchScreen)
            name = app.screen.query_one(Input)
            assert name.value == "kono"  # the name starts as the query, selected
            await pilot.press(*"Kono's trips", "enter")
            await settle(pilot)
            assert not isinstance(app.screen, SaveSearchScreen)
            assert app.screen.query_one(SearchBar).value == "kono"
            assert app_store.saved_searches() == [("Kono's trips", "kono")]
            assert 'Saved as "Kono\'s trips": ctrl+p lists it' in notices(app)

    async def test_a_name_taken_again_replaces_that_search(self, app_store: Store):
        app_store.save_search("trips", "kono")
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"asif", "ctrl+s")
            await settle(pilot)
            await pilot.press(*"trips", "enter")
            await settle(pilot)
            assert "Replaced 'trips' (it was: kono): ctrl+p lists it" in notices(app)
        assert app_store.saved_searches() == [("trips", "asif")]

    async def test_nothing_typed_saves_nothing(self, app_store: Store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", "ctrl+s")
            await settle(pilot)
            assert not isinstance(app.screen, SaveSearchScreen)
            assert "Type a query first: ctrl+s keeps it under a name" in notices(app)
            await pilot.press(*"kono", "ctrl+s")
            await settle(pilot)
            app.screen.query_one(Input).value = "  "
            await pilot.press("enter")  # an empty name
            assert str(app.screen.query_one(Label).render()).startswith("A name is needed")
            await pilot.press("escape")
            await settle(pilot)
        assert app_store.saved_searches() == []


class TestThePaletteRunsThem:
    async def test_the_palette_lists_saved_searches_and_runs_one(self, app_store: Store):
        app_store.save_search("Pakistan visits", "country:pk type:visit")
        app_store.save_search("Kono", "kono")
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            offered = await palette(pilot, "saved search")
            assert "Saved search: Kono — kono" in offered
            assert "Saved search: Pakistan visits — country:pk type:visit" in offered
            await pilot.press("escape")
            await settle(pilot)
            assert await palette(pilot, "pakistan visits") == [
                "Saved search: Pakistan visits — country:pk type:visit"
            ]
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "country:pk type:visit"
            wanted, _ = Searcher(app_store).ids("country:pk type:visit")
            assert wanted and list(app.screen.query_one(Timeline).ids) == wanted

    async def test_names_and_queries_show_as_typed_never_as_markup(self, app_store: Store):
        app_store.save_search("[b]bold[/b] \x1b[31m", "kono")
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            offered = await palette(pilot, "saved")
        shown = palette_title("[b]bold[/b] \x1b[31m", "kono")
        assert shown == "Saved search: [b]bold[/b] \\x1b[31m — kono"
        assert shown in offered


class TestExportingFromThePalette:
    async def open_export(self, pilot, query: str) -> ExportScreen:
        await search_for(pilot, query)
        await palette(pilot, "export results")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        return pilot.app.screen

    async def test_export_writes_the_searchs_events_to_a_file_that_parses(
        self, app_store: Store, tmp_path: Path
    ):
        target = tmp_path / "kono.json"
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await self.open_export(pilot, "kono")
            screen.query_one("#export-format", Choice).value = "json"
            await settle(pilot)
            path = screen.query_one("#export-path", Input)
            assert path.value == str(Path.cwd() / "chronicle-export.json")  # follows the format
            path.value = str(target)
            await pilot.press("enter")
            await settle(pilot)
            assert not isinstance(app.screen, ExportScreen)
            wanted, _ = Searcher(app_store).ids("kono")
            written = json.loads(target.read_text(encoding="utf-8"))
            assert [e["id"] for e in written] == wanted
            assert f"{len(wanted)} events written to {target}" in notices(app)
        assert not list(tmp_path.glob(".*.part"))

    async def test_csv_of_every_event_when_nothing_is_searched(
        self, app_store: Store, tmp_path: Path
    ):
        target = tmp_path / "all.csv"
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await palette(pilot, "export results")
            await pilot.press("enter")
            await settle(pilot)
            screen = app.screen
            screen.query_one("#export-format", Choice).value = "csv"
            screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("ctrl+s")
            await settle(pilot)
        rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
        assert len(rows) == len(Searcher(app_store).ids("")[0])

    async def test_a_file_that_cannot_be_written_is_one_line_in_the_form(
        self, app_store: Store, tmp_path: Path
    ):
        target = tmp_path / "no such folder" / "out.md"
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await self.open_export(pilot, "kono")
            screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is screen
            said = str(screen.query_one("#export-message", Label).render())
            assert said.startswith(f"Could not write {target}: ") and "\n" not in said
        assert not target.parent.exists()

    async def test_an_existing_file_is_replaced_only_when_named_twice(
        self, app_store: Store, tmp_path: Path
    ):
        target = tmp_path / "kept.md"
        target.write_text("mine", encoding="utf-8")
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await self.open_export(pilot, "kono")
            screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is screen and target.read_text(encoding="utf-8") == "mine"
            said = str(screen.query_one("#export-message", Label).render())
            assert said == f"{target} exists: Enter again replaces it"
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is not screen
        assert "Kono" in target.read_text(encoding="utf-8")


def test_an_export_left_before_it_is_written_leaves_no_file(app_store: Store, tmp_path: Path):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "left.md"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # Esc after three events

    with pytest.raises(ExportCancelled):
        export_query(Searcher(app_store), "", "md", target, cancelled)
    assert len(asked) == 4
    assert list(target.parent.iterdir()) == []  # neither the file nor its .part
    assert export_query(Searcher(app_store), "kono", "md", target) == 4
    assert target.read_text(encoding="utf-8").startswith("# chronicle — kono\n\nQuery: kono\n")


class TestPaletteTitlesAreText:
    async def test_a_series_named_like_markup_is_offered_as_written(self, store: Store):
        name = "Exports [/] [b]US$[/b] \x1b[31m"
        point = SeriesPoint("2019", "year", date(2019, 1, 1), date(2019, 12, 31), 1.0, "1")
        table = Series(name, "", "", "", "", "", 0, (point,))
        store.add_document(replace(document("t.md"), series=(table,)), "t", [])
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            offered = await palette(pilot, "series")
        assert "Series: Exports [/] [b]US$[/b] \\x1b[31m" in offered
