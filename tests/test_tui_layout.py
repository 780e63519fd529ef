"""The real app over the fixture database at terminal sizes from 60x20 to 250x50:
where the panes are, which columns the timeline shows, cut headlines, and resizing."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from chronicle.tui import EventDetail, Timeline, make_app
from chronicle.tui.columns import ELLIPSIS, GAP
from tests.pilot import settle

BASE = ["date", "type", "src", "headline"]
SIZES = [
    # size, narrow, detail width (wide) or height (narrow), header titles
    ((60, 20), True, 6, BASE),
    ((80, 24), True, 7, [*BASE, "countries"]),
    ((110, 30), False, 44, [*BASE, "countries"]),
    ((160, 45), False, 64, [*BASE, "countries", "actors"]),
    ((250, 50), False, 100, [*BASE, "countries", "actors", "publisher"]),
]


@pytest.mark.parametrize(("size", "narrow", "detail_size", "titles"), SIZES)
async def test_panes_and_columns_fit_the_terminal(app_store, size, narrow, detail_size, titles):
    width, height = size
    app = make_app(app_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        detail = app.screen.query_one(EventDetail).region
        panes = timeline.region
        assert app.screen.has_class("-narrow") is narrow
        if narrow:  # the detail pane under the timeline, both the full width
            assert (panes.x, panes.width, detail.x, detail.width) == (0, width, 0, width)
            assert detail.y == panes.bottom and detail.height == detail_size
            assert panes.height > detail.height
        else:  # beside it, the two together the full width
            assert (panes.x, detail.x, detail.width) == (0, panes.right, detail_size)
            assert panes.right + detail.width == width and detail.y == panes.y
            assert detail.height == panes.height == height - 5

        inner = timeline.scrollable_content_region.width
        assert timeline.render_line(0).text.split() == titles
        for y in range(1, panes.height):
            assert timeline.render_line(y).cell_length == inner


@pytest.mark.parametrize("size", [(60, 20), (160, 45)])
async def test_a_cut_headline_ends_with_an_ellipsis_in_its_column(app_store, size):
    app = make_app(app_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        columns = timeline.columns
        start = sum(c.width + GAP for c in columns[:3])
        width = columns[3].width
        cut = 0
        for y in range(1, min(timeline.region.height, len(timeline.ids) + 1)):
            event = timeline.row(y - 1)
            cell = timeline.render_line(y).text[start : start + width]
            if cell_len(event.headline) > width:
                cut += 1
                assert cell == event.headline[: width - 1] + ELLIPSIS
            else:
                assert cell.rstrip() == event.headline
        assert cut >= 3


async def test_rows_read_as_the_fixtures_say_at_80_columns(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        lines = [timeline.render_line(y).text.rstrip() for y in range(5)]
        assert lines == [
            "date             type  src headline                                  countries",
            "1947                       Nuclear issues imbedded in strong histor… PK JP",
            "1947                       Pakistan and Japan have enjoyed cordial … PK JP",
            "1952-04-28       anniv 2×  Diplomatic relations started, and Pakita… JP PK",
            "2005             visit     Junichiro Koizumi visits Islamabad        PK JP",
        ]


async def test_resizing_keeps_the_cursor_on_its_event_and_in_view(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        await pilot.press(*"j" * 20)
        await settle(pilot)
        chosen = timeline.current_id
        assert timeline.cursor == 20
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert timeline.current_id == chosen and timeline.cursor == 20
        rows = timeline.scrollable_content_region.height - 1
        top = timeline.scroll_offset.y
        assert 0 < top <= 20 < top + rows
        assert timeline.render_line(0).text.split() == ["date", "type", "src", "headline"]
        cursor = timeline.get_component_rich_style("timeline--cursor").bgcolor
        assert {s.style.bgcolor for s in timeline.render_line(20 - top + 1)} == {cursor}
        await pilot.resize_terminal(250, 50)
        await settle(pilot)
        assert timeline.current_id == chosen and app.screen.has_class("-wide")


async def test_n_moves_a_row_and_among_hits_jumps_to_the_next(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        await pilot.press("n", "n", "N")
        assert timeline.cursor == 1
        ids = list(timeline.ids)
        timeline.show(ids, keep=ids[1], hits={ids[4], ids[9]})
        await settle(pilot)
        await pilot.press("n")
        assert timeline.cursor == 4
        await pilot.press("n")
        assert timeline.cursor == 9
        await pilot.press("n")
        assert timeline.cursor == 9
        await pilot.press("N", "N")
        assert timeline.cursor == 4
        assert timeline.render_line(5).text.startswith("» ")
        assert timeline.render_line(6).text.startswith("  ")


async def test_a_click_selects_the_event_and_its_detail(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        await pilot.click(Timeline, offset=(20, 4))
        await settle(pilot)
        assert timeline.cursor == 3
        event = app_store.event(timeline.current_id)
        assert event.headline in app.screen.query_one(EventDetail).text
