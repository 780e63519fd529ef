"""The real app over the fixture database at terminal sizes from 60x20 to 250x50:
where the panes are, which columns the timeline shows, cut headlines, resizing, the
full-screen detail below 110 columns, paging, a theme switch, the status line and the
footer."""

from __future__ import annotations

from itertools import pairwise

import pytest
from rich.cells import cell_len
from textual.widgets import Footer, Label
from textual.widgets._footer import FooterKey

from chronicle.tui import EventDetail, SearchBar, Timeline, make_app
from chronicle.tui.columns import ELLIPSIS, FLAG, GAP, MIN_HEADLINE
from chronicle.tui.source_view import SourceScreen
from chronicle.tui.theme import DARK, LIGHT
from tests.pilot import settle

BASE = ["date", "type", "src", "headline"]
SIZES = [
    # size, narrow, detail width (wide) or height (narrow), header titles, headline width
    ((60, 20), True, 7, BASE, 30),
    ((80, 24), True, 9, [*BASE, "countries"], 40),
    ((110, 30), False, 44, BASE, 36),
    ((130, 36), False, 52, BASE, 48),
    ((160, 45), False, 64, [*BASE, "countries"], 57),
    ((250, 50), False, 100, [*BASE, "countries", "actors", "publisher"], 75),
]
"""An optional column shows only while the headline keeps the room it has at 80x24
(40 cells beside the countries, after the two cells of the analyst's marks); the
detail pane under the timeline has 8 lines at 80x24."""


@pytest.mark.parametrize(("size", "narrow", "detail_size", "titles", "headline"), SIZES)
async def test_panes_and_columns_fit_the_terminal(
    app_store, size, narrow, detail_size, titles, headline
):
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
        assert [c.width for c in timeline.columns if c.key == "headline"] == [headline]
        assert len(titles) == 4 or headline >= MIN_HEADLINE
        for y in range(1, panes.height):
            assert timeline.render_line(y).cell_length == inner


@pytest.mark.parametrize("size", [(60, 20), (160, 45)])
async def test_a_cut_headline_ends_with_an_ellipsis_in_its_column(app_store, size):
    app = make_app(app_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        columns = timeline.columns
        start = FLAG + sum(c.width + GAP for c in columns[:3])
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
            "  date             type  src headline                                 countries",
            "  1947                       Nuclear issues imbedded in strong histo… PK JP",
            "  1947                       Pakistan and Japan have enjoyed cordial… PK JP",
            "  1952-04-28       anniv 2×  Diplomatic relations started, and Pakit… JP PK",
            "  2005             visit     Junichiro Koizumi visits Islamabad       PK JP",
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
        top = timeline.scroll_offset.y
        assert timeline.render_line(4 - top + 1).text.startswith("» ")
        assert timeline.render_line(5 - top + 1).text.startswith("  ")


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


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_enter_below_110_columns_gives_the_detail_every_row_above_the_footer(app_store, size):
    width, height = size
    app = make_app(app_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(EventDetail)
        split = detail.region
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.maximized is detail and detail.has_focus_within
        assert detail.region == (0, 0, width, height - 1)
        assert app.screen.query_one(Footer).region.y == height - 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.maximized is None
        assert detail.region == split
        assert app.screen.query_one(Timeline).has_focus


async def test_the_full_screen_detail_stays_full_screen_when_the_terminal_widens(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen.query_one(EventDetail)
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        assert app.screen.maximized is detail and detail.region == (0, 0, 130, 29)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.maximized is None and app.screen.has_class("-wide")
        assert detail.region.right == 130 and detail.region.width == 52


async def test_enter_in_the_source_on_an_event_the_search_left_out_shows_its_row(app_store):
    """The search's four rows have no scroll bar; when the source screen (o) closes on
    a late event they leave out, every event is shown and the cursor set on that one:
    its row is on screen and drawn as the cursor."""
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        timeline = main.query_one(Timeline)
        everything = list(timeline.ids)
        assert len(everything) == 31
        await pilot.press("slash", *"kono", "enter")
        await settle(pilot)
        assert len(timeline.ids) == 4  # no scroll bar
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        late = everything[27]
        assert late not in timeline.ids
        app.screen.dismiss(late)  # as Enter on a dated sentence of that event does
        await settle(pilot)
        assert app.screen is main and list(timeline.ids) == everything
        assert timeline.cursor == 27 and timeline.scroll_offset.y == 19
        cursor = timeline.get_component_rich_style("timeline--cursor").bgcolor
        line = timeline.render_line(27 - 19 + 1)
        assert {segment.style.bgcolor for segment in line} == {cursor}
        assert app_store.event(late).headline[:20] in line.text


async def test_space_and_b_page_as_less_does_the_cursor_keeping_its_row(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        assert (len(timeline.ids), timeline.scrollable_content_region.height - 1) == (31, 9)

        async def press(key: str) -> tuple[int, int]:
            await pilot.press(key)
            await settle(pilot)
            return timeline.cursor, timeline.scroll_offset.y

        assert await press("space") == (9, 9)  # a page down, still on the top row
        await pilot.press("j", "j")
        assert await press("pagedown") == (20, 18)
        assert await press("pagedown") == (24, 22)  # the last page: row 2 still
        assert await press("space") == (30, 22)  # no further to scroll: the last event
        assert await press("b") == (21, 13)
        assert await press("pageup") == (12, 4)
        assert await press("b") == (8, 0)
        assert await press("b") == (0, 0)


async def test_rows_take_the_new_themes_colours_at_once(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = DARK
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)

        def colours() -> tuple[object, object]:
            cursor = {s.style.bgcolor for s in timeline.render_line(1)}
            # 2005, not the cursor; the row's first segment is the analyst's mark
            date = list(timeline.render_line(4))[1].style.color
            return cursor, date

        dark = colours()
        app.theme = LIGHT
        await settle(pilot)
        light = colours()
        assert light != dark
        assert light == (
            {timeline.get_component_rich_style("timeline--cursor").bgcolor},
            timeline.get_component_rich_style("timeline--year").color,
        )


async def test_a_long_status_ends_with_an_ellipsis_at_80_columns(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(SearchBar).focus()
        await pilot.press(*'"foreign minister" OR tokyo -kazakhstan', "enter")
        await settle(pilot)
        status = app.screen.query_one("#status", Label)
        shown = status.render_line(0).text
        assert shown == '13 events · events matching ("foreign minister" or "t' + ELLIPSIS
        assert len(shown) == status.content_region.width == 80 - 24 - 2  # histogram, padding


async def test_footer_keys_sit_one_cell_apart_at_80_columns(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = list(app.screen.query_one(Footer).query(FooterKey))
        *shown, palette = keys
        assert (shown[0].key_display, shown[0].description) == ("⏎", "Open")
        for key in shown:  # key, a space, description: no padding around them
            assert key.region.width == cell_len(key.key_display) + 1 + len(key.description)
        for before, after in pairwise(shown):
            assert after.region.x == before.region.right + 1
        assert "-command-palette" in palette.classes and palette.region.right == 80


async def test_at_80x24_the_detail_pane_shows_the_analysts_note_without_enter(app_store):
    """Under the timeline the pane shows the headline, the date with the sources count,
    the marks and the note's first lines: read on the screen itself, not in the text."""
    event_id = app_store.events_by_ids(range(1, 400))[2].id
    app_store.annotate(event_id, starred=True, note="Check the date\nagainst the minutes")
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(Timeline)
        assert timeline.move_to_id(event_id)
        await settle(pilot)
        rows = [strip.text for strip in app.screen._compositor.render_strips()]
        detail = app.screen.query_one(EventDetail).region
        shown = [row[1:-2].rstrip() for row in rows[detail.y + 1 : detail.bottom]]  # no bar
        event = app_store.event(event_id)
        assert shown[1].startswith(f"{event.date_start[:4]}") and "·  1 source" in shown[1]
        assert shown[2:5] == ["★ starred", "note: Check the date", "      against the minutes"]
        assert timeline.scrollable_content_region.height - 1 == 9  # the timeline keeps 9 rows
