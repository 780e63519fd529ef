"""The context view (`c`), the kept results, and the detail pane at narrow widths."""

from __future__ import annotations

from chronicle.tui import EventDetail, Timeline, make_app
from chronicle.tui.context import Context, nearest_hit
from tests.pilot import settle


def test_nearest_hit_is_the_fewest_rows_away_the_earlier_of_a_tie():
    ids = [10, 11, 12, 13, 14, 15]
    assert nearest_hit(ids, frozenset({10, 14}), 3) == 4
    assert nearest_hit(ids, frozenset({11, 15}), 3) == 1
    assert nearest_hit(ids, frozenset({14}), 1) == 4
    assert nearest_hit(ids, frozenset({12}), 2) == 2
    assert nearest_hit(ids, frozenset({10}), 99) == 0
    assert nearest_hit(ids, frozenset(), 2) is None
    assert nearest_hit([], frozenset({1}), 0) is None
    assert Context("kono", frozenset({1, 2})).status() == (
        "context · 2 hits marked » · n/N: hits · c: back"
    )


async def test_context_shows_every_event_with_the_hits_marked_and_goes_back(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        every = list(timeline.ids)
        await pilot.press("slash", *"Kono", "enter")
        await settle(pilot)
        hits = list(timeline.ids)
        assert 2 <= len(hits) < len(every)
        await pilot.press("j")
        on_hit = timeline.current_id

        await pilot.press("c")
        await settle(pilot)
        assert list(timeline.ids) == every
        assert set(timeline.hits) == set(hits)
        assert timeline.current_id == on_hit
        status = str(app.screen.query_one("#status").content)
        assert status.startswith(f"context · {len(hits)} hits marked »")

        await pilot.press("N")
        assert timeline.current_id == hits[0]
        await pilot.press("n")
        assert timeline.current_id == hits[1]
        between = [i for i in every[every.index(hits[0]) + 1 : every.index(hits[1])]]
        assert all(i not in set(hits) for i in between)

        await pilot.press("k")  # off the hit, onto the event before it
        off = timeline.current_id
        await pilot.press("c")
        await settle(pilot)
        assert list(timeline.ids) == hits
        expected = nearest_hit(every, frozenset(hits), every.index(off))
        assert timeline.current_id == every[expected]
        assert timeline.hits is None


async def test_escape_leaves_the_context_before_clearing_the_query(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kono", "enter")
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        hits = list(timeline.ids)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert list(timeline.ids) == hits
        assert app.screen.query_text == "Kono"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_text == ""
        assert len(timeline.ids) > len(hits)


async def test_context_without_a_query_says_what_it_is_for(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.context is None
        assert any("Search first" in str(n.message) for n in app._notifications)


async def test_clearing_returns_to_the_kept_result_without_searching(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        every = timeline.ids
        await pilot.press("slash", *"Kono", "enter")
        await settle(pilot)
        searcher = app.screen.searcher
        asked: list[str] = []
        listing = searcher.ids
        searcher.ids = lambda text: asked.append(text) or listing(text)  # counts, still real
        await pilot.press("escape")
        await settle(pilot)
        assert list(timeline.ids) == list(every)
        assert asked == []
        await pilot.press("slash", *"Kono", "enter")
        await settle(pilot)
        assert asked == []  # the previous query is kept too


async def test_at_80_columns_enter_gives_the_detail_the_screen_and_escape_returns(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen.query_one(EventDetail)
        assert app.screen.maximized is detail
        assert detail.region.width == 80
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.maximized is None
        assert app.screen.query_one(Timeline).has_focus
