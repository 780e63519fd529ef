"""The add-event form (`A`) on the real app over a copy of the fixture database: typed
in, stored by its worker, found by search."""

from __future__ import annotations

from textual.widgets import Input, Label, TextArea

from chronicle.manual import PUBLISHER, is_manual
from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.choice import Choice
from chronicle.tui.manual_form import ManualEventScreen
from tests.pilot import settle

SIZE = (80, 24)


async def open_form(pilot, store: Store, answers: list) -> ManualEventScreen:
    await settle(pilot)
    screen = ManualEventScreen(store)
    pilot.app.push_screen(screen, answers.append)
    await settle(pilot)
    return screen


def message(screen: ManualEventScreen) -> str:
    return str(screen.query_one("#manual-message", Label).render())


async def test_an_event_typed_in_is_stored_and_found_by_search(app_store: Store) -> None:
    before = app_store.counts()
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        answers: list = []
        screen = await open_form(pilot, app_store, answers)
        box = screen.query_one("#manual-box").region
        assert box.right <= SIZE[0] and box.bottom <= SIZE[1]
        await pilot.press(*"2019-03-04..2019-03-06", "tab")
        await pilot.press(*"Kono phoned Qureshi about flood relief", "tab")
        await pilot.press("left")  # the type before "statement": agreement
        await settle(pilot)
        assert screen.query_one("#manual-type", Choice).value == "agreement"
        screen.query_one("#manual-note", TextArea).focus()
        await pilot.press(*"Heard from the embassy.", "enter", *"Second line.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not screen
        [event_id] = answers
    assert isinstance(event_id, int)
    event = app_store.event(event_id)
    assert (event.headline, event.type) == ("Kono phoned Qureshi about flood relief", "agreement")
    assert (event.date_start, event.date_end, event.precision) == (
        "2019-03-04",
        "2019-03-06",
        "range",
    )
    [source] = event.sources
    assert is_manual(source.document) and source.publisher == PUBLISHER
    assert source.text == "Heard from the embassy. Second line."
    assert Searcher(app_store).ids("qureshi flood")[0] == [event_id]
    assert app_store.counts()["documents"] == before["documents"] + 1


async def test_a_missing_date_or_headline_is_one_line_and_nothing_is_stored(
    app_store: Store,
) -> None:
    before = app_store.counts()
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        answers: list = []
        screen = await open_form(pilot, app_store, answers)
        await pilot.press(*"someday", "enter")
        assert message(screen).startswith("Not a date I understand: 'someday'")
        screen.query_one("#manual-date", Input).value = "undated"
        await pilot.press("ctrl+s")
        assert message(screen).startswith("Not a date I understand: 'undated'")
        screen.query_one("#manual-date", Input).value = "2019"
        await pilot.press("ctrl+s")
        assert message(screen) == "A headline is needed: what happened, in a line"
        await pilot.press("escape")
        await settle(pilot)
        assert answers == [None]
    assert app_store.counts() == before
