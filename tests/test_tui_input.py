"""Bytes that are not UTF-8 typed into the TUI, and the code the app ends with.

A latin-1 terminal sends "é" as the single byte 0xE9. The driver tests feed such
bytes through the real input loop on a pipe; the terminal tests run the real app
in a pseudo-terminal and type them.
"""

from __future__ import annotations

import os
import pty
import select
import sys
import threading
import time
from pathlib import Path

import pytest
from textual import events
from textual.drivers.linux_driver import LinuxDriver

from chronicle.tui import make_app
from chronicle.tui.driver import ForgivingDriver
from tests.pilot import settle

LATIN1_TYPING = "café!".encode("latin-1")
"""What a latin-1 terminal sends when "café!" is typed: é is the lone byte 0xE9."""


def run_input_loop(driver_class: type[LinuxDriver], app, data: bytes) -> tuple[list[str], object]:
    """Feed `data` through `driver_class`'s input thread; return the keys and what it raised."""
    driver = driver_class(app)
    read_end, write_end = os.pipe()
    driver.fileno = read_end
    keys: list[str] = []

    def record(message: object) -> None:
        if isinstance(message, events.Key):
            keys.append(message.character)

    driver.process_message = record
    raised: list[BaseException] = []

    def loop() -> None:
        try:
            driver.run_input_thread()
        except BaseException as error:  # the upstream bug is what this records
            raised.append(error)

    thread = threading.Thread(target=loop)
    thread.start()
    os.write(write_end, data)
    deadline = time.monotonic() + 10
    while len(keys) < len(data) and not raised and time.monotonic() < deadline:
        time.sleep(0.02)
    driver.exit_event.set()
    thread.join(10)
    os.close(read_end)
    os.close(write_end)
    return keys, raised[0] if raised else None


class TestDriver:
    async def test_textual_still_decodes_input_strictly(self, store):
        # When this fails, Textual decodes with replacement itself: drop ForgivingDriver.
        keys, raised = run_input_loop(LinuxDriver, make_app(store), LATIN1_TYPING)
        assert isinstance(raised, UnicodeDecodeError)
        assert keys == []  # the whole read is lost with the byte, then the app

    async def test_a_latin1_byte_becomes_a_replacement_character(self, store):
        keys, raised = run_input_loop(ForgivingDriver, make_app(store), LATIN1_TYPING)
        assert raised is None
        assert keys == ["c", "a", "f", "\ufffd", "!"]

    async def test_a_pasted_run_of_bad_bytes_keeps_the_good_ones(self, store):
        keys, raised = run_input_loop(ForgivingDriver, make_app(store), b"Z\xfc\xffrich")
        assert raised is None
        assert keys == ["Z", "\ufffd", "\ufffd", "r", "i", "c", "h"]

    def test_the_app_reads_its_terminal_through_the_forgiving_driver(self, store):
        assert make_app(store).driver_class is ForgivingDriver


class TestReturnCode:
    async def test_quitting_returns_0(self, store):
        app = make_app(store)
        async with app.run_test() as pilot:
            await pilot.press("q")
        assert app.return_code == 0

    async def test_ending_on_an_error_returns_1(self, store):
        # The driver's input thread ends the app this way when it raises.
        app = make_app(store)
        async with app.run_test() as pilot:
            app.call_later(app.panic, "the input thread stopped")
            await settle(pilot)
        assert app.return_code == 1


class TestTypeAhead:
    async def test_keys_read_in_one_piece_after_the_slash_fill_the_search_bar(self, app_store):
        from chronicle.tui.search_bar import SearchBar

        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            for char in "/visit":  # queued together, as one read of a burst of typing
                key = events.Key("slash" if char == "/" else char, char)
                key.set_sender(app)
                app._driver.send_message(key)  # as the terminal's driver sends them
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "visit"
            assert app_store.execute("SELECT count(*) FROM annotations") == [(0,)]

    async def test_a_slash_typed_in_the_search_bar_is_the_querys(self, store):
        from chronicle.tui.search_bar import SearchBar

        app = make_app(store)
        async with app.run_test() as pilot:
            await pilot.press("slash", "a", "slash", "b")
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "a/b"


CHILD = """
import sys
from chronicle.store import Store
from chronicle.tui import make_app

app = make_app(Store(sys.argv[1]))
if sys.argv[2] == "strict":
    from textual.drivers.linux_driver import LinuxDriver

    app.driver_class = LinuxDriver
app.run()
sys.exit(app.return_code or 0)
"""


class Terminal:
    """The app running in a pseudo-terminal, as a person at a latin-1 terminal sees it."""

    def __init__(self, db: Path, driver: str) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the real app on a real terminal
            os.environ["TERM"] = "xterm-256color"
            os.execv(sys.executable, [sys.executable, "-c", CHILD, str(db), driver])
        self.screen = b""

    def read_until(self, wanted: bytes | None, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if wanted is not None and wanted in self.screen:
                return True
            if select.select([self.fd], [], [], 0.1)[0]:
                try:
                    self.screen += os.read(self.fd, 65536)
                except OSError:  # the app ended and closed the terminal
                    return False
        return False

    def type(self, data: bytes, settle: float = 1.0) -> None:
        os.write(self.fd, data)
        self.read_until(None, settle)

    def exit_code(self, seconds: float = 60) -> int | None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            self.read_until(None, 0.1)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        return None


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs a POSIX system")
class TestTerminal:
    def test_typing_latin1_in_the_search_bar_shows_a_replacement_and_exits_0(self, store):
        terminal = Terminal(Path(store.path), "forgiving")
        assert terminal.read_until(b"palette", 60)  # the footer is drawn: the app is up
        terminal.type(b"/")
        terminal.type(LATIN1_TYPING, 0)  # what it shows is waited for below
        assert terminal.read_until("caf\ufffd!".encode(), 10)
        terminal.type(b"\x11", 0.2)  # ctrl+q
        assert terminal.exit_code() == 0
        assert b"Traceback" not in terminal.screen

    def test_a_query_typed_in_one_piece_after_the_slash_goes_to_the_search_bar(self, app_store):
        # Over a slow SSH link a burst of typing reaches the app in one read.
        terminal = Terminal(Path(app_store.path), "forgiving")
        assert terminal.read_until(b"palette", 60)
        terminal.type(b"/visit", 3)
        terminal.type(b"\x11", 0.2)  # ctrl+q
        assert terminal.exit_code() == 0
        # Not one letter was taken as a command: nothing starred, tagged or noted.
        assert app_store.execute("SELECT count(*) FROM annotations") == [(0,)]

    def test_textuals_own_driver_dies_on_the_byte_and_the_app_returns_1(self, store):
        terminal = Terminal(Path(store.path), "strict")
        assert terminal.read_until(b"palette", 60)
        terminal.type(b"/")
        terminal.type(LATIN1_TYPING, 0)  # what it shows is waited for below
        assert terminal.exit_code() == 1
        assert b"UnicodeDecodeError" in terminal.screen
