"""The results-per-year histogram: drawn with its axis, readable with few results, focusable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from chronicle.library import ingest_paths
from chronicle.search.engine import Searcher
from chronicle.search.histogram import YearCounts, year_counts
from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from chronicle.tui.histogram import YearHistogram, as_year_counts, histogram_line
from tests.pilot import settle
from tests.test_year_histogram import BRIEF, NOTE

CHRONOLOGY = """\
# Japan–Pakistan: Key Dates in Development Cooperation

Ministry of Economic Affairs, Government of Pakistan — Press Release

Islamabad, 3 June 2020

On 12 March 2009, Japan pledged USD 1 billion at the Friends of Democratic Pakistan \
donors conference in Tokyo.

In 2012, JICA opened a field office in Peshawar.

On 7 February 2013, the Economic Affairs Division signed a loan agreement for the \
Indus Highway in Islamabad.

On 22 May 2013, Prime Minister Nawaz Sharif welcomed the Japanese Ambassador Hiroshi \
Oe in Lahore.

On 30 October 2013, the Senate Standing Committee on Finance reviewed Japanese grant \
aid in Islamabad.
"""


@pytest.fixture(scope="module")
def chronicle_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for name, text in (("brief.md", BRIEF), ("note.txt", NOTE), ("chronology.md", CHRONOLOGY)):
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "chronicle.db"
    with Store(path) as store:
        assert not ingest_paths(store, [folder]).failed
    return path


def counts_of(path: Path, text: str) -> YearCounts:
    with Store(path) as store:
        searcher = Searcher(store)
        query, compiled = searcher.understand(text, whole=True)
        return year_counts(store, compiled, not query.terms and not query.filters)


class HistogramApp(App[None]):
    """The histogram alone, as wide as the status row leaves it at 80 columns."""

    CSS = "YearHistogram { width: 34; }"
    AUTO_FOCUS = None

    def __init__(self, counts: YearCounts) -> None:
        super().__init__()
        self.counts = counts
        self.narrowed: list[str] = []

    def compose(self) -> ComposeResult:
        yield YearHistogram()

    def on_mount(self) -> None:
        self.query_one(YearHistogram).counts = self.counts

    def on_year_histogram_narrowed(self, message: YearHistogram.Narrowed) -> None:
        self.narrowed.append(message.filter_text)


def shown(app: App) -> tuple[str, list[tuple[int, int]]]:
    """The histogram's line and the cells drawn reversed (the picked year)."""
    line = app.query_one(YearHistogram).render()
    return line.plain, [(span.start, span.end) for span in line.spans if span.style == "reverse"]


def test_the_line_has_first_and_last_year_maximum_and_approximate_count(chronicle_db: Path):
    counts = counts_of(chronicle_db, "")
    assert counts.years == [(2009, 1), (2012, 1), (2013, 3), (2016, 1), (2018, 2), (2019, 2)]
    assert histogram_line(counts, 34).plain == "2009 ▃  ▃█  ▃ ▆▆ 2019  max 3 ≈1"
    # narrower: the approximate count gives way, then the label; a bar of three years
    # is as tall as the busiest of them, so `max` still reads on its scale
    assert histogram_line(counts, 24).plain == "2009 ▃█▃▆ 2019  max 3"
    assert histogram_line(counts, 18).plain == "2009 ▃▃█▃▆▆ 2019"


def test_a_few_results_are_written_out_not_drawn_as_one_solid_bar(chronicle_db: Path):
    assert histogram_line(counts_of(chronicle_db, "kono"), 34).plain == "2018: 1"
    assert histogram_line(counts_of(chronicle_db, "in:2013"), 34).plain == "2013: 3"
    islamabad = counts_of(chronicle_db, "islamabad")
    assert histogram_line(islamabad, 34).plain == "2013: 2  2018: 2  2019: 1"
    assert histogram_line(islamabad, 20).plain == "2013:2 2018:2 2019:1"
    energy = counts_of(chronicle_db, "energy")
    assert histogram_line(energy, 34).plain == "2018: 1  2019: 1"
    assert energy.undated == 1


async def test_left_right_pick_a_year_and_enter_narrows_to_it(chronicle_db: Path):
    app = HistogramApp(counts_of(chronicle_db, ""))
    async with app.run_test(size=(40, 3)) as pilot:
        histogram = app.query_one(YearHistogram)
        assert shown(app) == ("2009 ▃  ▃█  ▃ ▆▆ 2019  max 3 ≈1", [])
        await pilot.press("tab")
        assert histogram.has_focus
        assert shown(app) == ("2009 ▃  ▃█  ▃ ▆▆ 2019  2013: 3 ≈1", [(9, 10)])
        await pilot.press("left")
        assert shown(app) == ("2009 ▃  ▃█  ▃ ▆▆ 2019  2012: 1 ≈1", [(8, 9)])
        await pilot.press("left")  # over the empty 2010 and 2011
        assert shown(app) == ("2009 ▃  ▃█  ▃ ▆▆ 2019  2009: 1 ≈1", [(5, 6)])
        await pilot.press("left")
        assert histogram.selected == 2009
        await pilot.press("right", "right", "right")  # 2012, 2013, then over 2014-15
        assert shown(app) == ("2009 ▃  ▃█  ▃ ▆▆ 2019  2016: 1 ≈1", [(12, 13)])
        await pilot.press("G")
        assert histogram.selected == 2019
        await pilot.press("left", "enter")
        await settle(pilot)
        assert app.narrowed == ["in:2018"]


async def test_written_out_years_step_from_one_to_the_next(chronicle_db: Path):
    app = HistogramApp(counts_of(chronicle_db, "islamabad"))
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.press("tab")
        assert shown(app) == ("2013: 2  2018: 2  2019: 1", [(0, 7)])
        await pilot.press("left")
        assert shown(app) == ("2013: 2  2018: 2  2019: 1", [(0, 7)])
        await pilot.press("right")
        assert shown(app) == ("2013: 2  2018: 2  2019: 1", [(9, 16)])
        await pilot.press("right", "enter")
        await settle(pilot)
        assert app.narrowed == ["in:2019"]


async def test_no_dated_result_hides_it_and_the_tooltip_says_what_stands_apart(
    chronicle_db: Path,
):
    app = HistogramApp(counts_of(chronicle_db, "transmission"))
    async with app.run_test(size=(40, 3)):
        histogram = app.query_one(YearHistogram)
        assert shown(app)[0] == "≈1"
        assert histogram.tooltip == "≈1 with an approximate date; 1 undated"
        histogram.counts = counts_of(chronicle_db, "typhoon")
        assert histogram.display is False
        histogram.counts = counts_of(chronicle_db, "")
        assert histogram.display is True
        assert histogram.tooltip == (
            "results per year, 2009–2019 (a range counts in each year it spans); most in "
            "2013: 3; ≈1 with an approximate date; 1 undated. Left/Right pick a year, "
            "Enter narrows to it"
        )


def test_pairs_of_year_and_count_are_read_as_one_year_each():
    assert as_year_counts([("2016", 1), ("2018", 4), ("undated", 2)]) == YearCounts(
        ((2016, 2016, 1), (2018, 2018, 4)), 0, 2
    )


async def test_in_the_app_it_fits_the_status_row_at_80_columns_and_takes_focus(
    fixture_db: Path, tmp_path: Path
):
    shutil.copy(fixture_db, tmp_path / "c.db")
    with Store(tmp_path / "c.db") as store:
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = app.screen
            screen.set_query("country:kz")
            await settle(pilot)
            histogram = screen.query_one(YearHistogram)
            wide = histogram.content_size.width >= len("2016: 1  2017: 3")
            assert histogram.render().plain == ("2016: 1  2017: 3" if wide else "2016:1 2017:3")
            assert histogram.display is True
            status = screen.query_one("#status")
            assert histogram.outer_size.width <= 34
            assert status.outer_size.width + histogram.outer_size.width == 80
            assert screen.query_one(Timeline).has_focus
            await pilot.press("shift+tab")
            assert histogram.has_focus
            assert histogram.selected == 2017
            await pilot.press("left", "enter")
            await settle(pilot)
            assert screen.query_text == "country:kz in:2016"
            assert screen.query_one(Timeline).has_focus
            assert histogram.render().plain.replace(" ", "") == "2016:1"


async def test_narrowing_closes_an_open_phrase_before_adding_the_year(app_store):
    app = make_app(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.set_query('country:kz "foreign')
        await settle(pilot)
        screen.query_one(YearHistogram).focus()
        await pilot.press("end", "enter")
        await settle(pilot)
        assert screen.query_text.endswith('"foreign" in:2017')
