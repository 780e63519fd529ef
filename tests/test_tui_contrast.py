"""Every character the app draws is readable: 4.5:1 (WCAG AA) against its background.

The real app runs on the fixture database at 80×24 and 160×45 with each chronicle
theme; with the timeline focused, the detail pane focused, the search bar open, a
search's matches shown, the help, the go-to-date prompt and the command palette open
and a warning shown, every drawn cell that is not blank is judged as a terminal shows
it: in truecolor, in 256 colours and in 16 (as xterm's default palette and as the
Linux console's VGA one). Under
`NO_COLOR` no colour may be written at all, and the emphasis colour gave must come
from text styles instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import pytest
from rich.color import Color, ColorType
from rich.style import Style
from textual.app import App
from textual.widgets import Input

import chronicle.tui.timeline as timeline_module
from chronicle.store import Store
from chronicle.tui import Timeline
from chronicle.tui.app import ChronicleApp
from chronicle.tui.contrast import AA, RGB, VGA_16, XTERM_16, contrast, shown, standard_index
from chronicle.tui.theme import (
    CHRONICLE_DARK,
    CHRONICLE_LIGHT,
    DARK,
    LIGHT,
    MONO,
    choose_theme,
    register_themes,
)
from tests.pilot import settle

SIZES = [(80, 24), (160, 45)]
WAYS = [("truecolor", XTERM_16), ("256", XTERM_16), ("16", XTERM_16), ("16", VGA_16)]
"""How a terminal may show a colour: its colour system and its first 16 colours."""


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    char: str
    style: Style
    widget: str


def drawn(app: App[None]) -> list[Cell]:
    """Every non-blank cell of the screen as the compositor hands it to the terminal
    (after Textual's line filters). Cells of the screen under a modal are left out:
    Textual fades them on purpose, and they cannot be used until the modal closes."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    cells = []
    for y, line in enumerate(update.strips):
        x = 0
        for strip in line:
            for segment in strip:
                if segment.control:
                    continue
                for char in segment.text:
                    if not char.isspace():
                        widget, _ = app.screen.get_widget_at(x, y)
                        if widget is not app.screen:
                            cells.append(Cell(x, y, char, segment.style, _name(widget)))
                    x += 1
    return cells


def _name(widget) -> str:
    return type(widget).__name__ + (f"#{widget.id}" if widget.id else "")


async def views(app: App[None], pilot) -> AsyncIterator[tuple[str, list[Cell]]]:
    """(what is on screen, its cells) for each state an analyst meets."""
    await settle(pilot)
    yield "timeline focused", drawn(app)
    await pilot.press("tab")
    await settle(pilot)
    yield "detail focused", drawn(app)
    await pilot.press("slash", *"Kono")
    await settle(pilot)
    yield "search bar", drawn(app)
    await pilot.press("enter")
    await settle(pilot)
    yield "matches", drawn(app)
    await pilot.press("question_mark")
    await settle(pilot)
    yield "help", drawn(app)
    await pilot.press("escape", "colon")
    await settle(pilot)
    yield "go to date", drawn(app)
    await pilot.press("escape", "ctrl+p", *"go")
    await settle(pilot)
    yield "command palette", drawn(app)
    await pilot.press("escape")
    app.notify("The search language has no operator NEAR", severity="warning", timeout=60)
    await settle(pilot)
    cells = drawn(app)
    assert any(cell.widget == "Toast" for cell in cells)
    yield "a warning", cells


def colours(style: Style) -> tuple[Color | None, Color | None]:
    """(text, background) as the terminal paints them (reverse swaps them)."""
    fg, bg = style.color, style.bgcolor
    return (bg, fg) if style.reverse else (fg, bg)


def low(cells: Sequence[Cell], system: str, palette: Sequence[RGB]) -> set[tuple]:
    """(ratio, text rgb, background rgb, widget, its characters) of every pair under 4.5:1."""
    found: dict[tuple, set[str]] = {}
    judged: dict[Style, tuple | None] = {}  # a screen holds few styles: each is judged once
    for cell in cells:
        if cell.style not in judged:
            judged[cell.style] = judge(cell.style, system, palette)
        if (colours_read := judged[cell.style]) is not None:
            found.setdefault((*colours_read, cell.widget), set()).add(cell.char)
    return {(*pair, "".join(sorted(chars))) for pair, chars in found.items()}


def judge(style: Style, system: str, palette: Sequence[RGB]) -> tuple | None:
    """(ratio, text, background) of a style under 4.5:1 as the terminal shows it, else None."""
    fg, bg = colours(style)
    text = shown(fg, system, palette) if fg is not None else None
    back = shown(bg, system, palette) if bg is not None else None
    if text is None or back is None:
        return (0.0, str(fg), str(bg))  # a default colour: unknown
    if (ratio := contrast(text, back)) < AA:
        return (round(ratio, 2), text, back)
    return None


def themed(store: Store, theme: str) -> ChronicleApp:
    app = ChronicleApp(store)
    register_themes(app, theme)
    return app


class TestContrast:
    """The WCAG arithmetic and Rich's downgrades the app tests rest on."""

    def test_ratios_of_known_pairs(self):
        assert contrast((0, 0, 0), (255, 255, 255)) == 21.0
        assert round(contrast((0x76,) * 3, (255, 255, 255)), 3) == 4.542  # the AA grey
        # Textual's default NO_COLOR: #004578 (the type column) becomes grey 58 on 18
        assert round(contrast((58, 58, 58), (18, 18, 18)), 2) == 1.65

    def test_a_colour_as_each_terminal_shows_it(self):
        teal = Color.parse("#00afaf")
        assert shown(teal, "truecolor") == (0, 175, 175)
        assert shown(teal, "256") == (0, 175, 175)  # cube colour 37
        assert shown(teal, "16") == (0, 205, 205)  # cyan in xterm
        assert shown(teal, "16", VGA_16) == (0, 170, 170)  # cyan on the Linux console
        assert shown(Color.parse("#121212"), "256") == (18, 18, 18)  # grey 233
        assert shown(Color.default(), "16") is None

    def test_textual_dark_focus_turns_bright_red_in_16_colours(self):
        assert standard_index((0xFF, 0xA6, 0x2B)) == 9  # textual-dark's $accent


class TestChoosingTheTheme:
    @pytest.mark.parametrize(
        ("environment", "chosen"),
        [
            ({}, DARK),
            ({"NO_COLOR": ""}, MONO),  # set, even empty, means no colour (no-color.org)
            ({"TEXTUAL_THEME": "chronicle-light"}, LIGHT),
            ({"TEXTUAL_THEME": "chronicle-light", "NO_COLOR": "1"}, MONO),
            ({"TEXTUAL_THEME": "solarised-ish"}, DARK),  # no such theme
            ({"TEXTUAL_THEME": "nord"}, DARK),  # Textual's: no contrast is promised for it
            ({"TEXTUAL_THEME": MONO}, MONO),
        ],
    )
    def test_from_the_environment(self, app_store, monkeypatch, environment, chosen):
        for variable in ("NO_COLOR", "TEXTUAL_THEME"):
            monkeypatch.delenv(variable, raising=False)
        for variable, value in environment.items():
            monkeypatch.setenv(variable, value)
        assert choose_theme() == chosen
        app = ChronicleApp(app_store)
        register_themes(app)
        assert app.theme == chosen
        assert app.current_theme.name == chosen

    def test_only_chronicles_themes_are_offered(self, app_store):
        app = ChronicleApp(app_store)
        assert sorted(app.available_themes) == [DARK, LIGHT, MONO]

    def test_the_css_variables_are_the_chosen_themes_before_the_app_runs(self, app_store):
        """Textual reads them when it first parses the CSS, before the first frame."""
        app = themed(app_store, LIGHT)
        variables = app.stylesheet._variables
        assert (variables["background"], variables["block-cursor-background"]) == (
            "#F5F5F5",
            "#1144aa",
        )
        assert "-light-mode" in app.classes and "-dark-mode" not in app.classes

    def test_a_name_given_wins(self, app_store, monkeypatch):
        monkeypatch.setenv("NO_COLOR", "1")
        app = ChronicleApp(app_store)
        register_themes(app, LIGHT)
        assert app.theme == LIGHT


class TestThemeTable:
    """The themes' own pairs, before any widget draws them."""

    ROLES = ("primary", "secondary", "accent", "warning", "error", "success")

    @pytest.mark.parametrize("theme", [CHRONICLE_DARK, CHRONICLE_LIGHT], ids=[DARK, LIGHT])
    def test_every_text_colour_reads_on_every_background(self, theme):
        v = theme.variables
        texts = [getattr(theme, role) for role in self.ROLES]
        texts += [v["text"], v["text-muted"], v["text-disabled"], v["border-blurred"]]
        grounds = [theme.background, theme.surface, theme.panel]
        pairs = [(t, g) for t in texts for g in grounds]
        pairs += [
            (v["block-cursor-foreground"], v["block-cursor-background"]),
            (v["block-cursor-blurred-foreground"], v["block-cursor-blurred-background"]),
            (v["footer-key-foreground"], v["footer-background"]),
            (v["footer-description-foreground"], v["footer-background"]),
            (v["input-selection-foreground"], v["input-selection-background"]),
            (v["input-cursor-foreground"], v["input-cursor-background"]),
        ]
        worst = min(
            (contrast(shown(Color.parse(t), s, p), shown(Color.parse(g), s, p)), t, g, s)
            for t, g in pairs
            for s, p in WAYS
        )
        assert worst[0] >= AA, worst

    @pytest.mark.parametrize("theme", [CHRONICLE_DARK, CHRONICLE_LIGHT], ids=[DARK, LIGHT])
    def test_focus_is_never_red_even_in_16_colours(self, theme):
        rgb = Color.parse(theme.accent).get_truecolor()
        assert standard_index(tuple(rgb)) not in (1, 3, 9)  # red, brown, bright red
        assert rgb.red < max(rgb.green, rgb.blue)


_measured: dict[tuple[str, tuple[int, int]], dict[tuple, set[str]]] = {}


async def measured(store: Store, theme: str, size: tuple[int, int]) -> dict[tuple, set[str]]:
    """Every pair under 4.5:1 the app draws in `theme` at `size` -> where it was seen
    (run once per theme and size: both tests below read it)."""
    key = (theme, size)
    if key not in _measured:
        app = themed(store, theme)
        failures: dict[tuple, set[str]] = {}
        async with app.run_test(size=size, notifications=True) as pilot:
            async for view, cells in views(app, pilot):
                assert len(cells) > 100, view  # the screen was drawn
                for system, palette in WAYS:
                    for pair in low(cells, system, palette):
                        failures.setdefault(pair, set()).add(f"{view}, {system} colours")
        _measured[key] = failures
    return _measured[key]


def listing(failures: dict[tuple, set[str]]) -> str:
    return "\n".join(f"{pair}: {sorted(where)}" for pair, where in sorted(failures.items())[:12])


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x45"])
@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_every_drawn_character_reads_against_its_background(app_store, theme, size):
    failures = await measured(app_store, theme, size)
    assert not failures, listing(failures)


SCREENS = {
    "source": ("o",),
    "comparison": ("equals_sign",),
    "facets": ("f",),
    "context": ("c",),
    "series": ("ctrl+p", *"Series: Japan's FDI", "enter"),
}
"""The keys that open each view beyond the main screen, from the results of a search."""


_other_views: dict[str, dict[str, dict[tuple, set[str]] | str]] = {}


async def other_views(store: Store, theme: str) -> dict[str, dict[tuple, set[str]] | str]:
    """For each of SCREENS: every pair under 4.5:1 its view draws in `theme` (or why it
    could not be judged). One app opens them all in turn from the results of a search,
    and Esc brings it back to those same results before the next (run once per theme:
    each view's test below reads its own)."""
    if theme not in _other_views:
        app = themed(store, theme)
        found: dict[str, dict[tuple, set[str]] | str] = {}
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"Kono", "enter")
            await settle(pilot)
            results = (app.screen, list(app.screen.query_one(Timeline).ids))
            for view, keys in SCREENS.items():
                if (app.screen, list(results[0].query_one(Timeline).ids)) != results:
                    found[view] = "the app did not come back to the search's results"
                    break
                await pilot.press(*keys)
                await settle(pilot)
                cells = drawn(app)
                failures: dict[tuple, set[str]] = {}
                for system, palette in WAYS:
                    for pair in low(cells, system, palette):
                        failures.setdefault(pair, set()).add(f"{system} colours")
                found[view] = failures if len(cells) > 100 else "the view was not drawn"
                await pilot.press("escape")
                await settle(pilot)
        _other_views[theme] = found
    return _other_views[theme]


@pytest.mark.slow
@pytest.mark.parametrize("view", list(SCREENS))
@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_every_other_view_reads_against_its_background(app_store, theme, view):
    failures = (await other_views(app_store, theme)).get(view, "not reached")
    assert not isinstance(failures, str), failures
    assert not failures, listing(failures)


@pytest.fixture
def no_color_app(app_store, monkeypatch) -> ChronicleApp:
    """The app as `NO_COLOR=1 chronicle` starts it: with `ansi_color=True` (Textual then
    strips colours with `NoColor`, not `Monochrome`, which turns them grey)."""
    monkeypatch.setenv("NO_COLOR", "1")
    return ChronicleApp(app_store)


class TestNoColor:
    async def test_without_ansi_color_the_greys_textual_writes_still_read(
        self, app_store, monkeypatch
    ):
        """Textual's other NO_COLOR path (`Monochrome`, the app built without
        `ansi_color=True`) turns each colour grey: the mono theme's are all black or white."""
        monkeypatch.setenv("NO_COLOR", "1")
        built = App.__init__

        def init(self, *args, **kwargs):
            built(self, *args, **{**kwargs, "ansi_color": False})

        monkeypatch.setattr(App, "__init__", init)
        app = ChronicleApp(app_store)
        failures: dict[tuple, set[str]] = {}
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            async for view, cells in views(app, pilot):
                for system, palette in WAYS:
                    for pair in low(cells, system, palette):
                        failures.setdefault(pair, set()).add(f"{view}, {system} colours")
        assert not failures, listing(failures)

    async def test_no_colour_is_written_anywhere(self, no_color_app):
        app = no_color_app
        assert app.theme == MONO
        written = set()
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            async for view, cells in views(app, pilot):
                assert len(cells) > 100, view
                for cell in cells:
                    for color in colours(cell.style):
                        if color is not None and color.type != ColorType.DEFAULT:
                            written.add((view, cell.widget, str(color)))
        assert written == set()

    async def test_cursor_row_focus_and_matches_are_marked_by_text_style(self, no_color_app):
        app = no_color_app
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            detail = app.screen.query_one("#detail")
            assert cursor_row(app, timeline) == {"reverse"}
            assert detail.styles.border_top[0] != "heavy"
            await pilot.press("tab")
            await settle(pilot)
            assert cursor_row(app, timeline) == {"underline"}
            assert detail.styles.border_top[0] == "heavy"
            await pilot.press("slash")
            await settle(pilot)
            assert app.screen.query_one("#search", Input).styles.border_top[0] == "heavy"
            await pilot.press(*"Kono", "enter")
            await settle(pilot)
            matched = [
                c
                for c in drawn(app)
                if c.widget == "Timeline#timeline" and c.style.bold and c.style.underline
            ]
            assert "".join(c.char for c in matched[:4]) == "Kono"


def cursor_row(app: App[None], timeline: Timeline) -> set[str]:
    """The styles every drawn cell of the timeline's cursor row has in common."""
    header = getattr(timeline_module, "HEADER", 0)  # rows above the first event
    y = timeline.content_region.y + header + timeline.cursor - int(timeline.scroll_offset.y)
    row = [c.style for c in drawn(app) if c.y == y and c.widget == "Timeline#timeline"]
    assert len(row) > 20
    names = ("reverse", "underline")
    return {name for name in names if all(getattr(style, name) for style in row)}
