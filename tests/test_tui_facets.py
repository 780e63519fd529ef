"""The facets panel on the real app over a copy of the fixture database, driven by Pilot."""

from __future__ import annotations

import pytest
from textual.widgets import Label, OptionList

from chronicle.search import facets as facets_module
from chronicle.search.engine import Searcher
from chronicle.search.query import Filter, parse_query
from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from chronicle.tui import facets as panel_module
from chronicle.tui.facets import FacetsScreen, with_filter
from tests.pilot import settle

SIZE = (80, 24)


async def open_panel(pilot, store: Store, text: str, chosen: list) -> FacetsScreen:
    await settle(pilot)
    screen = FacetsScreen(store, text)
    pilot.app.push_screen(screen, chosen.append)
    await settle(pilot)
    return screen


def highlighted(screen: FacetsScreen) -> str | None:
    option = screen.query_one(OptionList).highlighted_option
    return option.id if option else None


async def test_shows_every_section_with_its_counts(app_store: Store) -> None:
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_panel(pilot, app_store, "kono", [])
        status = str(screen.query_one("#facets-status", Label).render())
        assert status == 'Facets of "kono" — 4 events'
        listing = screen.query_one(OptionList)
        lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert lines[:4] == ["Type — 3 values", "         2  visit", *lines[2:4]]
        assert "Country — 2 values" in lines and "         4  Japan" in lines
        assert "         4  Taro Kono" in lines
        assert "Year — 2 values" in lines and "         3  2018" in lines
        box = screen.query_one("#facets-box").region
        assert box.right <= SIZE[0] and box.bottom <= SIZE[1]


async def test_keys_move_through_values_and_sections(app_store: Store) -> None:
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_panel(pilot, app_store, "kono", [])
        assert highlighted(screen) == "type:visit"
        await pilot.press("j")
        assert highlighted(screen) == "type:election"
        await pilot.press("k")
        assert highlighted(screen) == "type:visit"
        await pilot.press("tab")
        assert highlighted(screen) == "country:JP"
        await pilot.press("tab")
        assert highlighted(screen) == "actor:kono taro"
        await pilot.press("shift+tab")
        assert highlighted(screen) == "country:JP"
        await pilot.press("G")
        assert highlighted(screen) == "year:2019"
        await pilot.press("g")
        assert highlighted(screen) == "type:visit"
        await pilot.press("down", "down", "down")  # the Country header is skipped
        assert highlighted(screen) == "country:JP"


async def test_enter_gives_the_filter_and_the_search_finds_its_count(app_store: Store) -> None:
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        chosen: list = []
        screen = await open_panel(pilot, app_store, "kono", chosen)
        await pilot.press("tab", "tab", "j", "enter")
        await settle(pilot)
        assert chosen == ['actor:"Khawaja Muhammad Asif"']
        assert app.screen is not screen
        # What the main screen's callback does: the filter joins the query.
        app.screen.set_query(with_filter("kono", chosen[0]))
        await settle(pilot)
        assert len(app.screen.query_one(Timeline).ids) == 1


async def test_escape_and_f_close_without_a_filter(app_store: Store) -> None:
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        chosen: list = []
        screen = await open_panel(pilot, app_store, "", chosen)
        assert str(screen.query_one("#facets-status", Label).render()) == (
            "Facets of every event — 31 events"
        )
        await pilot.press("escape")
        await settle(pilot)
        await open_panel(pilot, app_store, "japan", chosen)
        await pilot.press("f")
        await settle(pilot)
        assert chosen == [None, None]
        assert app.screen.query_one(Timeline)


async def test_a_large_result_shows_an_estimate_then_the_exact_counts(
    app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facets_module, "SAMPLE_EVENTS", 8)  # a sample of one event in 8
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        shown = []
        screen = FacetsScreen(app_store, "japan")
        show = screen.show_facets
        monkeypatch.setattr(screen, "show_facets", lambda f: (shown.append(f), show(f)))
        await settle(pilot)
        app.push_screen(screen)
        await settle(pilot)
        assert [f.estimated for f in shown] == [True, False]
        assert shown[1].total == Searcher(app_store).count("japan")
        status = str(screen.query_one("#facets-status", Label).render())
        assert status == f'Facets of "japan" — {shown[1].total} events'


async def test_past_the_exact_limit_the_estimate_stays(
    app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facets_module, "SAMPLE_EVENTS", 8)
    monkeypatch.setattr(panel_module, "EXACT_MAX", 1)
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_panel(pilot, app_store, "japan", [])
        assert screen.facets is not None and screen.facets.estimated
        status = str(screen.query_one("#facets-status", Label).render())
        total = screen.facets.total
        assert status == f'Facets of "japan" — about {total} events (from a sample)'
        first = screen.query_one(OptionList).get_option_at_index(1)
        assert str(first.prompt).lstrip().startswith("≈")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "country:JP"),
        ("kono ", "kono country:JP"),
        ('"prime minister', '"prime minister" country:JP'),
        ("kono NOT", "kono country:JP"),
        ("kono OR", "kono country:JP"),
        ("visit -", "visit country:JP"),
        ("NOT", "country:JP"),
        ("kono -country:pk", "kono -country:pk country:JP"),
    ],
)
def test_a_filter_is_added_to_the_query_as_itself(text: str, expected: str) -> None:
    added = with_filter(text, "country:JP")
    assert added == expected
    assert Filter("country", ("JP",), False, "JP") in parse_query(added).filters
