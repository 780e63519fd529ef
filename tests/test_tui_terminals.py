"""The installed `chronicle` starts, paints and quits in the terminals analysts use.

Each run is a real process in a detached tmux session of 80×24 (on a tmux server of
the test's own), with `TERM` set as xterm, xterm-256color, tmux-256color, screen or
the Linux console would set it. `capture-pane -e` returns the screen with its SGR
codes, which tell which colour the focused search bar's border was drawn in, that
`TEXTUAL_THEME=chronicle-light` paints light backgrounds from the start, and that
under NO_COLOR no colour is written at all.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

TERMS = ["xterm", "xterm-256color", "tmux-256color", "screen", "linux"]
PAINTED = "Koizumi"
"""A headline on the first page of the fixture chronicle at 80×24."""
WAIT = 30.0
"""Seconds a slow, shared machine may take to start the app or end it."""


class Tmux:
    """A tmux server on a socket in a temporary folder, killed at the end.

    Args:
        socket: The server's socket.
        status: The file the session's program writes its exit status to.
    """

    def __init__(self, socket: Path, status: Path) -> None:
        self.socket = socket
        self.status = status

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            timeout=WAIT,
            check=True,
        )
        return done.stdout

    def start(self, command: str) -> None:
        """Run `command` in a session of 80×24, by a shell that writes its exit status to
        `status`: tmux 3.3a can mark a pane dead before it has read the status, and then
        never shows it in #{pane_dead_status}."""
        recorded = f"{command}; echo $? > {shlex.quote(str(self.status))}"
        shell = f"sh -c {shlex.quote(recorded)}"
        self("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", shell)
        self("set-option", "-t", "app", "remain-on-exit", "on")

    def screen(self, escapes: bool = False) -> str:
        return self("capture-pane", "-p", "-t", "app", *(["-e"] if escapes else []))

    def wait_for(self, ready: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not ready():
            if time.monotonic() > deadline:
                pytest.fail(f"{what} not seen in {WAIT:.0f} s; the screen:\n{self.screen()}")
            time.sleep(0.1)  # another process: there is no event to wait on

    def exit_status(self) -> int | None:
        """The program's exit status once it has ended and the shell has written it
        whole, else None."""
        written = self.status.read_text() if self.status.exists() else ""
        return int(written) if written.endswith("\n") else None


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path / "tmux.sock", tmp_path / "exit-status")
    yield server
    subprocess.run(["tmux", "-S", str(server.socket), "kill-server"], capture_output=True)


@pytest.fixture
def db(fixture_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "chronicle.db"
    shutil.copy(fixture_db, copy)
    return copy


def command(term: str, program: str, no_color: bool = False, theme: str | None = None) -> str:
    """The shell command a session runs: only `TERM` tells the colours (Rich reads
    COLORTERM first), and NO_COLOR and TEXTUAL_THEME only when asked."""
    clean = "env -u COLORTERM -u NO_COLOR -u TEXTUAL_COLOR_SYSTEM -u TEXTUAL_THEME"
    asked = ("NO_COLOR=1 " if no_color else "") + (f"TEXTUAL_THEME={theme} " if theme else "")
    return f"{clean} {asked}TERM={term} {program}"


def installed(db: Path) -> str:
    return f"{Path(sys.executable).parent / 'chronicle'} --db {db}"


@pytest.mark.parametrize("term", TERMS)
def test_starts_paints_and_quits(tmux, db, term):
    tmux.start(command(term, installed(db)))
    tmux.wait_for(lambda: PAINTED in tmux.screen(), "the first page of events")
    lines = tmux.screen().splitlines()
    assert len(lines) == 24
    assert "Traceback" not in tmux.screen()
    quits(tmux)


def quits(tmux: Tmux) -> None:
    """`q` ends the app, with status 0."""
    tmux("send-keys", "-t", "app", "q")
    tmux.wait_for(lambda: tmux.exit_status() is not None, "the app ending")
    assert tmux.exit_status() == 0


SGR = re.compile(r"\x1b\[([0-9;]*)m")
RED_16 = {1, 9}
RED_256 = {1, 9, 52, 88, 124, 160, 196, 197, 202, 203, 209}
"""The 256-colour palette's reds and orange-reds (xterm numbering)."""


class Cell(NamedTuple):
    char: str
    colour: tuple | None
    """("16", n), ("256", n), ("rgb", r, g, b), or None for the terminal's default."""
    reverse: bool
    ground: tuple | None = None
    """The colour behind it (the foreground when reversed), as `colour` says colours."""


def rows(capture: str) -> list[list[Cell]]:
    """The cells of a `capture-pane -e` screen, each with the colour it is drawn in
    (the background when reversed, as the terminal does). tmux writes only what changes
    from one cell to the next, so the state carries over from one line to the next."""
    fg = bg = None
    reverse = False
    screen: list[list[Cell]] = [[]]
    position = 0
    for match in [*SGR.finditer(capture), None]:
        end = match.start() if match else len(capture)
        for char in capture[position:end]:
            if char == "\n":
                screen.append([])
            else:
                screen[-1].append(Cell(char, bg if reverse else fg, reverse, fg if reverse else bg))
        if match is None:
            return screen
        position = match.end()
        codes = [int(c) for c in match.group(1).split(";") if c] or [0]
        while codes:
            code = codes.pop(0)
            if code == 0:
                fg = bg = None
                reverse = False
            elif code in (7, 27):
                reverse = code == 7
            elif code in (38, 48):
                kind = codes.pop(0)
                colour = ("256", codes.pop(0)) if kind == 5 else ("rgb", *codes[:3])
                if kind == 2:
                    del codes[:3]
                fg, bg = (colour, bg) if code == 38 else (fg, colour)
            elif 30 <= code <= 37 or 90 <= code <= 97:
                fg = ("16", code - 30 if code < 90 else code - 82)
            elif 40 <= code <= 47 or 100 <= code <= 107:
                bg = ("16", code - 40 if code < 100 else code - 92)
            elif code in (39, 49):
                fg, bg = (None, bg) if code == 39 else (fg, None)
    return screen


def is_red(colour: tuple | None) -> bool:
    if colour is None:
        return False
    if colour[0] == "16":
        return colour[1] in RED_16
    if colour[0] == "256":
        return colour[1] in RED_256
    _, red, green, blue = colour
    return red > 1.5 * max(green, blue)


def test_the_sgr_reader_follows_colours_and_reverse_across_lines():
    capture = "\x1b[7m\x1b[96m\x1b[40m▊\x1b[0m\x1b[96m▔\x1b[38;5;196m!\x1b[7m\nx\x1b[0;1mb"
    assert rows(capture) == [
        [
            Cell("▊", ("16", 0), True, ("16", 14)),
            Cell("▔", ("16", 14), False),
            Cell("!", ("256", 196), False),
        ],
        # reversed: the default background, on the red the line before left
        [Cell("x", None, True, ("256", 196)), Cell("b", None, False)],
    ]
    assert [is_red(c.colour) for c in rows(capture)[0]] == [False, False, True]


def top_border(tmux: Tmux) -> set[tuple | None]:
    """The colours of the search bar's top border (row 0)."""
    return {cell.colour for cell in rows(tmux.screen(escapes=True))[0] if cell.char == "▔"}


def focused_border(tmux: Tmux) -> set[tuple | None]:
    """The colours of the search bar's top border while `/` has it focused; Esc then
    leaves the bar, so that `q` quits."""
    blurred = top_border(tmux)
    tmux("send-keys", "-t", "app", "/")
    tmux.wait_for(lambda: top_border(tmux) != blurred, "the search bar's focus")
    focused = top_border(tmux)
    tmux("send-keys", "-t", "app", "Escape")
    tmux.wait_for(lambda: top_border(tmux) == blurred, "the search bar left")
    return focused


def test_focus_is_cyan_not_red_under_xterm(tmux, db):
    tmux.start(command("xterm", installed(db)))
    tmux.wait_for(lambda: PAINTED in tmux.screen(), "the first page of events")
    assert focused_border(tmux) == {("16", 6)}  # cyan
    quits(tmux)


def test_no_color_writes_no_colour_and_reverses_the_cursor_row(tmux, db):
    """tmux 3.3a's capture writes only what changed since the cell before, even across
    lines: the cursor row's reverse may be set at the end of the header row above it
    (its reversed scrollbar cell), so the row's own codes say only bold."""
    tmux.start(command("xterm-256color", installed(db), no_color=True))
    tmux.wait_for(lambda: PAINTED in tmux.screen(), "the first page of events")
    screen = rows(tmux.screen(escapes=True))
    assert {cell.colour for row in screen for cell in row} == {None}
    header = next(n for n, row in enumerate(screen) if "headline" in "".join(c.char for c in row))
    cursor_row = screen[header + 1][:-1]  # the last column is the scrollbar
    assert len(cursor_row) > 70 and all(cell.reverse for cell in cursor_row)
    assert not any(cell.reverse for cell in screen[header + 2][:-1])
    quits(tmux)


LIGHT_256 = {"background": ("256", 255), "header": ("256", 253), "cursor": ("256", 25)}
"""The light theme's #f5f5f5, #e4e4e4 and #1144aa as an xterm-256color terminal gets them."""
DARK_256 = {("256", 233), ("256", 234), ("256", 16)}
"""#121212, #1e1e1e and #000000, the dark backgrounds it must never start on."""


def test_textual_theme_light_paints_light_from_the_first_frame(tmux, db):
    """`TEXTUAL_THEME=chronicle-light chronicle` at 80×24 in 256 colours: every cell of
    the timeline, its header and its cursor row on the light theme's own backgrounds."""
    tmux.start(command("xterm-256color", installed(db), theme="chronicle-light"))
    tmux.wait_for(lambda: PAINTED in tmux.screen(), "the first page of events")
    screen = rows(tmux.screen(escapes=True))
    header = next(n for n, row in enumerate(screen) if "headline" in "".join(c.char for c in row))
    timeline = [row[:-1] for row in screen[header : header + 8]]  # the last column: scrollbar
    assert {cell.ground for cell in timeline[0]} == {LIGHT_256["header"]}
    assert {cell.ground for cell in timeline[1]} == {LIGHT_256["cursor"]}
    assert {cell.ground for row in timeline[2:] for cell in row} == {LIGHT_256["background"]}
    assert not DARK_256 & {cell.ground for row in screen for cell in row}
    quits(tmux)
