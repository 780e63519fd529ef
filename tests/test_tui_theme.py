"""The theme is in force from the first frame, and the palette offers only what chronicle
stands behind: its own three themes, and no Textual command that duplicates a key.

`TEXTUAL_THEME` is read by Textual when it is imported, so the app that starts in the
light theme runs in a process of its own, as `TEXTUAL_THEME=chronicle-light chronicle`
does; it reports the style of every drawn cell and the colours are judged here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.style import Style
from textual.command import CommandList

from chronicle.tui import Timeline
from chronicle.tui.app import ChronicleApp
from chronicle.tui.contrast import XTERM_16
from chronicle.tui.theme import DARK, LIGHT, MONO
from chronicle.tui.timeline import HEADER
from tests.pilot import settle
from tests.test_tui_contrast import WAYS, Cell, drawn, low

ROOT = Path(__file__).resolve().parent.parent

FRAMES = """\
import asyncio, json, sys

from chronicle.store import Store
from chronicle.tui.app import ChronicleApp
from chronicle.tui.timeline import HEADER
from tests.pilot import settle
from tests.test_tui_contrast import drawn


def cells(app):
    return [[c.x, c.y, c.char, str(c.style), c.widget] for c in drawn(app)]


async def main():
    with Store(sys.argv[1]) as store:
        app = ChronicleApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            first = cells(app)
            await settle(pilot)
            timeline = app.screen.query_one("#timeline")
            y = timeline.content_region.y + HEADER + timeline.cursor
            y -= int(timeline.scroll_offset.y)
            print(json.dumps({"theme": app.theme, "first": first, "settled": cells(app),
                              "cursor_y": y}))


asyncio.run(main())
"""
"""Starts the real app on the database given, reports its theme and the cells of its
first frame and of the frame once the first page of events is in (the cursor row is
found as tests/test_tui_contrast.py finds it)."""


def started_with(db: Path, environment: dict[str, str]) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL_THEME")}
    done = subprocess.run(
        [sys.executable, "-c", FRAMES, str(db)],
        env={**env, **environment},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def as_cells(rows: list[list]) -> list[Cell]:
    return [Cell(x, y, char, Style.parse(style), widget) for x, y, char, style, widget in rows]


def backgrounds(cells: list[Cell], widget: str, y: int | None = None) -> set[str]:
    return {
        str(c.style.bgcolor.name)
        for c in cells
        if c.widget == widget and (y is None or c.y == y) and c.style.bgcolor
    }


async def test_textual_theme_light_draws_the_first_frame_in_the_light_theme(fixture_db):
    shown = started_with(fixture_db, {"TEXTUAL_THEME": LIGHT})
    assert shown["theme"] == LIGHT
    first, settled = as_cells(shown["first"]), as_cells(shown["settled"])
    assert len(first) > 100 and len(settled) > 100
    y = shown["cursor_y"]
    assert backgrounds(settled, "Timeline#timeline", y - 1) == {"#e4e4e4"}  # the header
    assert backgrounds(settled, "Timeline#timeline", y) == {"#1144aa"}  # the cursor row
    for below in range(y + 1, y + 8):
        assert backgrounds(settled, "Timeline#timeline", below) == {"#f5f5f5"}
    # the dark theme's near-black backgrounds, with which light text was unreadable
    for cells in (first, settled):
        assert not {"#121212", "#1e1e1e", "#000000"} & backgrounds(cells, "Timeline#timeline")
        for system, palette in WAYS:
            assert low(cells, system, palette) == set(), system


async def test_an_unknown_or_textual_theme_name_starts_the_dark_theme(fixture_db):
    shown = started_with(fixture_db, {"TEXTUAL_THEME": "nord"})
    assert shown["theme"] == DARK
    settled = as_cells(shown["settled"])
    assert backgrounds(settled, "Timeline#timeline", shown["cursor_y"]) == {"#00afaf"}
    assert low(settled, "256", XTERM_16) == set()


async def test_no_color_reverses_the_cursor_row_in_the_first_frame(fixture_db):
    shown = started_with(fixture_db, {"NO_COLOR": "1"})
    assert shown["theme"] == MONO
    for frame in ("first", "settled"):
        row = [
            c.style
            for c in as_cells(shown[frame])
            if c.widget == "Timeline#timeline" and c.y == shown["cursor_y"]
        ]
        assert len(row) > 20, frame
        assert all(style.reverse and style.bold for style in row), frame


def palette_entries(app: ChronicleApp) -> list[str]:
    commands = app.screen.query_one(CommandList)
    return [commands.get_option_at_index(i).hit.text for i in range(commands.option_count)]


SERIES = [
    "Series: Japan's FDI in Pakistan during 2012-2017",
    "Series: Pakistan's Trade with Japan: Exports",
    "Series: Pakistan's Trade with Japan: Imports",
    "Series: Pakistan's Trade with Japan: Total",
]


@pytest.mark.parametrize("focus", [[], ["tab"], ["enter"]], ids=["timeline", "detail", "full"])
async def test_the_palette_offers_chronicles_commands_and_no_maximize(app_store, focus):
    """Wherever the focus is, even on the detail pane made full-screen by Enter, the
    palette holds chronicle's actions, Textual's Theme, Keys and Quit, and one
    Screenshot; never Maximize or Minimize, which Enter and Esc already do."""
    app = ChronicleApp(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*focus, "ctrl+p")
        await settle(pilot)
        entries = palette_entries(app)
    assert entries == [
        *("Add event", "Clear search", "Compare sources", "Context", "Copy citation"),
        *("Correct event", "Export results…", "Facets", "Go to date", "Help"),
        *("Join with marked event", "Keys", "Mark for joining", "Note", "Open source"),
        *("Quit", "Review queue", "Screenshot", "Search"),
        *SERIES,
        *("Show citations", "Split source", "Star", "Tag", "Theme", "Undo last split or join"),
    ]


async def test_the_theme_picker_offers_chronicles_three_themes_only(app_store):
    app = ChronicleApp(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"theme")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert palette_entries(app) == [DARK, LIGHT, MONO]


async def test_switching_to_the_light_theme_redraws_every_row_in_it(app_store):
    """The timeline keeps drawn rows; a switch must not leave the dark theme's behind."""
    app = ChronicleApp(app_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "ctrl+p", *"theme")
        await settle(pilot)
        await pilot.press("enter", "down", "enter")  # the picker, then its second theme
        await settle(pilot)
        assert app.theme == LIGHT
        cells = drawn(app)
        timeline = app.screen.query_one(Timeline)
        y = timeline.content_region.y + HEADER + timeline.cursor
    assert backgrounds(cells, "Timeline#timeline", y - 2) == {"#e4e4e4"}  # the header
    assert backgrounds(cells, "Timeline#timeline", y - 1) == {"#f5f5f5"}  # the row left
    assert backgrounds(cells, "Timeline#timeline", y) == {"#1144aa"}
    for below in range(y + 1, y + 7):
        assert backgrounds(cells, "Timeline#timeline", below) == {"#f5f5f5"}
    for system, palette in WAYS:
        assert low(cells, system, palette) == set(), system


async def test_switching_theme_redraws_the_detail_pane_in_it(app_store):
    app = ChronicleApp(app_store)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.theme = LIGHT
        await settle(pilot)
        cells = [c for c in drawn(app) if c.widget == "Static#detail-body"]
    assert len(cells) > 100
    for system, palette in WAYS:
        assert low(cells, system, palette) == set(), system


async def test_screenshot_saves_an_svg_in_the_working_folder(app_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ChronicleApp(app_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.save_screenshot()
        for _ in range(100):  # the file is written by a thread, which then tells the app
            if any("Saved screenshot" in n.message for n in app._notifications):
                break
            await pilot.pause()
    (saved,) = tmp_path.glob("chronicle_*.svg")
    assert saved.read_text(encoding="utf-8").startswith("<svg")
    assert "Koizumi" in saved.read_text(encoding="utf-8")
    (notice,) = [n.message for n in app._notifications if "Saved screenshot" in n.message]
    assert str(saved) in notice
