"""The matches-per-year sparkline beside the status line, on the bundled documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.histogram import YearHistogram, yearly_series


async def settle(pilot) -> None:
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def test_years_without_matches_are_zeros_and_undated_is_left_out():
    counts = [("2016", 1), ("2018", 4), ("undated", 2)]
    assert yearly_series(counts) == [1.0, 0.0, 4.0]
    assert yearly_series([("undated", 2)]) == []


async def test_one_year_of_matches_leaves_the_whole_row_to_the_status(
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
            assert histogram.data == [1.0, 3.0]
            assert histogram.display is True

            screen.set_query("country:kz in:2017")
            await settle(pilot)
            assert histogram.data == [3.0]
            assert histogram.display is False
            status = screen.query_one("#status")
            assert str(status.content) == (
                "3 event(s) — events in Kazakhstan, during 2017, by date (citations hidden)"
            )
            assert status.outer_size.width == 80
