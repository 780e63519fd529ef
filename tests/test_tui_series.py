"""The series chart in the real app at 80×24: from the command palette and from the detail
pane of an event of the same document; every period label and value is on screen."""

from __future__ import annotations

from datetime import date

from chronicle.model import Series, SeriesPoint, StoredSeries
from chronicle.tui import EventDetail, make_app
from chronicle.tui.main_screen import MainScreen
from chronicle.tui.series_view import SeriesScreen, bar, chart
from tests.pilot import settle

FDI = "Japan's FDI in Pakistan during 2012-2017"
FDI_BARS = [
    ("2012-13", "30.1"),
    ("2013-14", "30.1"),
    ("2014-15", "71.1"),
    ("2015-16", "35.4"),
    ("2016-17", "45.2"),
]


def screen_lines(app) -> list[str]:
    """What the terminal shows, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def bar_rows(lines: list[str]) -> list[tuple[str, str]]:
    """(label, value) of each chart row on screen: a period, a bar, a figure."""
    rows = []
    for line in lines:
        cells = line.strip("│ ").split()
        if len(cells) >= 2 and cells[0][:4].isdigit():
            rows.append((cells[0], cells[-1]))
    return rows


async def test_the_palette_opens_a_series_chart_with_every_period_and_value(fixture_store):
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Series: Japan's FDI")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SeriesScreen)
        lines = screen_lines(app)
        assert bar_rows(lines) == FDI_BARS
        shown = "\n".join(lines)
        assert FDI in shown
        assert "Unit: US$ Million  ·  fiscal years July–June" in shown
        assert "From: Pakistan-Japan Ties: Moving Towards a Positive Trajectory" in shown
        assert 'Source line: "Country Wise FDI Inflows", Islamabad: Board of' in shown
        assert max(len(line) for line in lines) == 80
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_detail_pane_lists_the_documents_tables_and_enter_charts_them(fixture_store):
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_query("source:issi fdi")
        await settle(pilot)
        detail = app.screen.query_one(EventDetail)
        assert "Tables in its documents (4; Enter charts them)" in detail.text
        assert f"   {FDI}\n" in detail.text
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SeriesScreen)
        assert bar_rows(screen_lines(app)) == [
            ("2012", "389"),
            ("2013", "431"),
            ("2014", "302"),
            ("2015", "236"),
            ("2016", "171.2"),
        ]
        assert "Unit: not stated in the table" in app.screen.text
        for _ in range(3):
            await pilot.press("n")
            await settle(pilot)
        assert bar_rows(screen_lines(app)) == FDI_BARS
        assert "4 of 4 · n/N next, previous" in "\n".join(screen_lines(app))
        await pilot.press("N")
        await settle(pilot)
        assert app.screen.text.startswith("Pakistan's Trade with Japan: Total")


async def test_enter_on_an_event_whose_documents_have_no_table_says_so(fixture_store):
    """Enter in the detail pane charts its tables (Enter in the timeline opens the pane)."""
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.set_query("source:kazakhstan")
        await settle(pilot)
        assert "Tables in its documents" not in app.screen.query_one(EventDetail).text
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [n.message for n in app._notifications] == ["No table in this event's documents"]


def test_bars_are_drawn_to_the_eighth_of_a_cell():
    assert bar(1.0, 4) == "████"
    assert bar(0.5, 3) == "█▌"
    assert bar(0.0, 10) == ""


def test_missing_and_negative_values_keep_their_rows():
    series = Series(
        "Balance", "", "Balance", "US$ m", "", "", 3,
        (
            SeriesPoint("Q1 2019", "quarter", date(2019, 1, 1), date(2019, 3, 31), -350.6, "(350.6)"),
            SeriesPoint("Q2 2019", "quarter", date(2019, 4, 1), date(2019, 6, 30), None, "n/a"),
            SeriesPoint("Q3 2019", "quarter", date(2019, 7, 1), date(2019, 9, 30), 175.3, "175.3"),
        ),
    )  # fmt: skip
    text = chart(StoredSeries(1, "/briefs/trade.md", "Quarterly trade", series), 40)
    assert text.plain.splitlines() == [
        "Balance",
        "Unit: US$ m",
        "From: Quarterly trade",
        "",
        "Q1 2019  " + "█" * 22 + "  (350.6)",
        "Q2 2019  " + " " * 22 + "      n/a",
        "Q3 2019  " + "█" * 11 + " " * 13 + "  175.3",
    ]
