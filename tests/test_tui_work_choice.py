"""The forms' inline choice (event type, export format) at 80x24: every option drawn in the
form's own rows, nothing over its border, and the screen exactly as before once the form
closes: no stray text (the `Select` overlay it replaces was seen leaving some in tmux)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from rich.cells import cell_len

from chronicle.export import FORMATS
from chronicle.model import EVENT_TYPES
from chronicle.tui import make_app
from chronicle.tui.choice import Choice, layout
from chronicle.tui.correct_form import CorrectionScreen
from chronicle.tui.export_form import ExportScreen
from tests.pilot import settle

SIZE = (80, 24)


def screen_lines(app) -> list[str]:
    """The text of every row of the screen as the terminal would show it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def box_rows(lines: list[str]) -> list[str]:
    """The rows of the form's box, from its top border to its bottom one."""
    top = next(i for i, line in enumerate(lines) if "╭" in line)
    bottom = next(i for i, line in enumerate(lines) if "╰" in line)
    return lines[top : bottom + 1]


def assert_drawn_inside(lines: list[str], options: list[str], chosen: str) -> None:
    rows = box_rows(lines)
    left, right = rows[0].index("╭"), rows[0].index("╮")
    for row in rows[1:-1]:
        assert (row[left], row[right]) == ("│", "│"), row  # nothing over the border
    inside = "\n".join(row[left + 1 : right] for row in rows)
    assert all(f"○ {o}" in inside or f"● {o}" in inside for o in options)
    assert f"● {chosen}" in inside and inside.count("●") == 1
    outside = [line for line in lines if line not in rows]
    assert not any(f"○ {o}" in line for line in outside for o in options)


async def test_the_type_choice_is_drawn_in_the_form_and_leaves_nothing_behind(app_store):
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = screen_lines(app)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CorrectionScreen)
        choice = screen.query_one("#correct-type", Choice)
        choice.focus()
        shown = choice.value
        await pilot.press("right", "left", "e")  # a letter jumps to the next "e…" type
        await settle(pilot)
        assert choice.value == "election" != shown
        await pilot.press("e")
        assert choice.value == "economic"
        await settle(pilot)
        assert_drawn_inside(screen_lines(app), list(EVENT_TYPES), "economic")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not screen
        assert screen_lines(app) == before  # no stray text


async def test_the_format_choice_renames_the_file_and_leaves_nothing_behind(app_store):
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = screen_lines(app)
        app.export_results(app.screen)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.press("tab", "right")
        await settle(pilot)
        assert screen.query_one("#export-format", Choice).value == FORMATS[1]
        path = screen.query_one("#export-path").value
        assert path.endswith(f"chronicle-export.{FORMATS[1]}")
        assert_drawn_inside(screen_lines(app), list(FORMATS), FORMATS[1])
        await pilot.press("escape")
        await settle(pilot)
        assert screen_lines(app) == before


@pytest.mark.parametrize("width", [12, 30, 64, 200])
def test_options_are_laid_out_whole_and_within_the_width(width):
    lines = layout(EVENT_TYPES, width)
    assert [i for line in lines for i, _, _ in line] == list(range(len(EVENT_TYPES)))
    for line in lines:
        assert line[0][1] == 0
        assert len(line) == 1 or line[-1][2] <= width  # a lone option may be too wide
        for (_, _, end), (_, start, _) in pairwise(line):
            assert start == end + 2
    assert len(layout(EVENT_TYPES, 64)) == 2  # the ten types in two rows at 80 columns
    assert all(cell_len(f"● {t}") == 2 + len(t) for t in EVENT_TYPES)


async def test_a_value_not_among_the_options_is_shown_not_replaced():
    from textual.app import App

    class One(App[None]):
        def compose(self):
            yield Choice(["md", "csv"], "odd", id="c")

    app = One()
    async with app.run_test(size=(40, 5)) as pilot:
        choice = app.query_one(Choice)
        assert choice.value == "odd" and "● odd" in str(choice.render())
        choice.focus()
        await pilot.press("right")
        assert choice.value == "md"
