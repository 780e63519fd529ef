"""Timeline rows as text: columns by width, cutting with "…", the cursor, hits and n/N.

A small app mounts the real Timeline and feeds it events written for the test,
as the main screen does after a search.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from rich.cells import cell_len
from textual.app import App, ComposeResult

from chronicle.model import Event
from chronicle.tui.columns import columns_for, cut, cut_runs
from chronicle.tui.timeline import Timeline

EVENTS = [
    Event(
        id=11,
        key="a:1",
        date_start="2019-03-14",
        date_end="2019-03-14",
        precision="day",
        type="meeting",
        headline="Foreign ministers of Norway and Sri Lanka meet in Oslo on the peace talks",
        text="",
        actors=("Ine Eriksen Søreide", "Tilak Marapana"),
        countries=("NO", "LK"),
        source_count=2,
    ),
    Event(
        id=12,
        key="a:2",
        date_start="2019-04-01",
        date_end="2019-04-30",
        precision="month",
        type="agreement",
        headline="Colombo and Oslo sign a memorandum on fisheries",
        text="",
        countries=("LK", "NO"),
    ),
    Event(
        id=13,
        key="a:3",
        date_start="2020-01-01",
        date_end="2020-12-31",
        precision="year",
        type="economic",
        headline="日本とスリランカの貿易が二倍に増えた年",
        text="",
        countries=("JP", "LK"),
        source_count=3,
        conflict=True,
    ),
    Event(
        id=14,
        key="a:4",
        date_start="2016-07-01",
        date_end="2017-06-30",
        precision="range",
        type="economic",
        headline="Japan invests US$ 45.2 million",
        text="",
    ),
]
PUBLISHERS = {11: "Ministry of Foreign Affairs of Norway", 12: "Daily Mirror"}


class TimelineApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Timeline(id="timeline")

    def __init__(self) -> None:
        super().__init__()
        self.no_more_hits: list[bool] = []

    def on_timeline_no_more_hits(self, message: Timeline.NoMoreHits) -> None:
        self.no_more_hits.append(message.forward)


@asynccontextmanager
async def shown(width: int, hits: set[int] | None = None, marks=None):
    """A pilot and the timeline showing EVENTS at `width` columns."""
    app = TimelineApp()
    async with app.run_test(size=(width, 12)) as pilot:
        timeline = app.query_one(Timeline)
        timeline.show([e.id for e in EVENTS], hits=hits)
        timeline.add_rows(EVENTS, marks, timeline.generation, PUBLISHERS)
        await pilot.pause()
        yield pilot, timeline


def text(timeline: Timeline, y: int) -> str:
    return timeline.render_line(y).text


async def test_at_60_columns_the_four_columns_and_a_cut_headline():
    async with shown(60) as (_pilot, timeline):
        assert text(timeline, 0) == "  date             type  src headline" + " " * 23
        assert text(timeline, 1) == "  2019-03-14       meet  2×  Foreign ministers of Norway an…"
        assert text(timeline, 2) == "  2019-04          agree     Colombo and Oslo sign a memora…"
        assert text(timeline, 3) == "  2020             econ  3!  日本とスリランカの貿易が二倍に…"
        assert text(timeline, 4) == "  2016–17 FY       econ      Japan invests US$ 45.2 million "
        assert {cell_len(text(timeline, y)) for y in range(8)} == {60}


async def test_at_120_columns_countries_actors_and_publisher_follow_the_headline():
    async with shown(120) as (_pilot, timeline):
        assert [c.key for c in timeline.columns] == [
            "date",
            "type",
            "sources",
            "headline",
            "countries",
            "actors",
            "publisher",
        ]
        assert text(timeline, 0) == (
            "  date             type  src headline"
            + " " * 38
            + "countries actors             publisher       "
        )
        assert text(timeline, 1) == (
            "  2019-03-14       meet  2×  Foreign ministers of Norway and Sri Lanka me… "
            "NO LK     Ine Eriksen Sørei… Ministry of For…"
        )
        assert text(timeline, 2) == (
            "  2019-04          agree     Colombo and Oslo sign a memorandum on fisher… "
            "LK NO                        Daily Mirror    "
        )
        assert text(timeline, 3) == (
            "  2020             econ  3!  日本とスリランカの貿易が二倍に増えた年        "
            "JP LK" + " " * 40
        )


async def test_no_publisher_column_until_publishers_are_sent():
    app = TimelineApp()
    async with app.run_test(size=(120, 12)) as pilot:
        timeline = app.query_one(Timeline)
        timeline.show([e.id for e in EVENTS])
        timeline.add_rows(EVENTS, None, timeline.generation)
        await pilot.pause()
        assert text(timeline, 0).split() == [
            "date",
            "type",
            "src",
            "headline",
            "countries",
            "actors",
        ]
        assert [c.width for c in timeline.columns if c.key == "headline"] == [62]


async def test_the_cursor_styles_the_whole_row_and_differs_without_focus():
    async with shown(80) as (pilot, timeline):
        timeline.focus()
        await pilot.pause()
        focused = timeline.render_line(1)
        styles = {segment.style.bgcolor for segment in focused}
        assert len(styles) == 1 and focused.cell_length == 80
        other = {segment.style.bgcolor for segment in timeline.render_line(2)}
        assert styles != other
        timeline.blur()
        await pilot.pause()
        blurred = {segment.style.bgcolor for segment in timeline.render_line(1)}
        assert len(blurred) == 1 and blurred not in (styles, other)


async def test_search_hits_in_a_headline_are_marked_and_cut_with_it():
    marks = {11: [("Foreign ministers of ", False), ("Norway", True), (" and Sri Lanka", False)]}
    async with shown(60, marks=marks) as (_pilot, timeline):
        line = timeline.render_line(1)
        assert line.text == "  2019-03-14       meet  2×  Foreign ministers of Norway an…"
        underlined = [s.text for s in line if s.style.underline]
        assert underlined == ["Norway"]


async def test_in_the_context_view_hits_are_marked_and_the_rest_dimmed():
    async with shown(60, hits={11, 13}) as (_pilot, timeline):
        assert timeline.hits == {11, 13}
        assert text(timeline, 0) == "    date             type  src headline" + " " * 21
        assert text(timeline, 1) == "»   2019-03-14       meet  2×  Foreign ministers of Norway …"
        assert text(timeline, 2) == "    2019-04          agree     Colombo and Oslo sign a memo…"
        assert text(timeline, 3) == "»   2020             econ  3!  日本とスリランカの貿易が二倍…"
        dim = timeline.get_component_rich_style("timeline--dim").color
        headline = [s for s in timeline.render_line(2) if "Colombo" in s.text]
        assert headline[0].style.color == dim
        hit = [s for s in timeline.render_line(3) if "日本" in s.text]
        assert hit[0].style.color != dim


async def test_n_jumps_between_hits_and_says_when_there_is_none():
    async with shown(60, hits={11, 13}) as (pilot, timeline):
        told = pilot.app.no_more_hits
        timeline.focus()
        await pilot.press("n")
        assert timeline.current_id == 13
        await pilot.press("n")
        await pilot.pause()
        assert timeline.current_id == 13 and told == [True]
        await pilot.press("N")
        assert timeline.current_id == 11
        await pilot.press("N")
        await pilot.pause()
        assert timeline.current_id == 11 and told == [True, False]


async def test_without_hits_n_moves_one_row():
    async with shown(60) as (pilot, timeline):
        assert timeline.hits is None
        timeline.focus()
        await pilot.press("n", "n")
        assert timeline.cursor == 2
        await pilot.press("N")
        assert timeline.cursor == 1


async def test_a_click_selects_the_row_under_it_and_the_header_selects_nothing():
    async with shown(60) as (pilot, timeline):
        await pilot.click(Timeline, offset=(30, 3))
        assert timeline.current_id == 13
        await pilot.click(Timeline, offset=(30, 0))
        assert timeline.current_id == 13


def test_an_optional_column_shows_only_while_the_headline_keeps_its_80_column_room():
    # two cells of every row are the analyst's marks (★ ✎ + •)
    keys = {w: [c.key for c in columns_for(w)][4:] for w in (78, 79, 97, 98, 114, 115)}
    assert keys == {
        78: [],
        79: ["countries"],
        97: ["countries"],
        98: ["countries", "actors"],
        114: ["countries", "actors"],
        115: ["countries", "actors", "publisher"],
    }
    headlines = {w: columns_for(w)[3].width for w in (78, 79, 98, 115, 150)}
    assert headlines == {78: 49, 79: 40, 98: 40, 115: 40, 150: 75}
    assert [c.key for c in columns_for(115, publisher=False)][4:] == ["countries", "actors"]


def test_the_context_views_marker_narrows_the_headline_not_the_columns():
    plain, marked = columns_for(79), columns_for(79, marker=2)
    assert [c.key for c in marked] == [c.key for c in plain]
    assert (plain[3].width, marked[3].width) == (40, 38)


def test_cutting_counts_cells_not_characters():
    assert cut("Islamabad talks", 10) == "Islamabad…"
    assert cut("東京での会談", 7) == "東京で…"
    assert cut("東京での会談", 6) == "東京 …"
    assert cut("Oslo", 6) == "Oslo  "
    runs = [("Talks in ", False), ("Colombo", True), (" resume", False)]
    assert cut_runs(runs, 12) == [("Talks in ", False), ("Co…", True)]
    assert cut_runs(runs, 25) == [*runs, ("  ", False)]
