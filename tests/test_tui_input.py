"""Bytes that are not UTF-8 typed into the TUI, and the code the app ends with.

A latin-1 terminal sends "é" as the single byte 0xE9. The driver tests feed such
bytes through the real input loop on a pipe; the terminal tests run the real app
in a pseudo-terminal and type them.
"""

from __future__ import annotations

import asyncio
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
from textual.keys import _character_to_key

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


KEY_NAMES = {"\r": "enter", "\x13": "ctrl+s", "\x1b": "escape"}


def send_burst(app, typed: str) -> None:
    """Queue `typed` as the terminal's driver sends one read of a burst of typing."""
    for char in typed:
        name = KEY_NAMES.get(char) or _character_to_key(char)  # "?" is question_mark
        key = events.Key(name, None if char == "\x1b" else char)
        key.set_sender(app)
        app._driver.send_message(key)


def send_paste(app, text: str) -> None:
    paste = events.Paste(text)
    paste.set_sender(app)
    app._driver.send_message(paste)


async def typed_ahead(app_store, typed: str):
    """The highlighted event's annotation after `typed` arrived in one burst, and the
    screen the app ended on; the hold is over and polls no more."""
    app = make_app(app_store)
    async with app.run_test() as pilot:
        await settle(pilot)
        event_id = highlighted_id(app)
        send_burst(app, typed)
        await settle(pilot)
        await pilot.pause(0.1)  # a poll left running would fire here
        await settle(pilot)
        assert not app.holding_keys and not app._polling
        return app_store.annotation(event_id), type(app.screen).__name__


def highlighted_id(app) -> int:
    from chronicle.tui.timeline import Timeline

    event_id = app.screen.query_one(Timeline).current_id
    assert event_id is not None
    return event_id


class TestTypeAhead:
    async def test_keys_read_in_one_piece_after_the_slash_fill_the_search_bar(self, app_store):
        from chronicle.tui.search_bar import SearchBar

        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            send_burst(app, "/visit")
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "visit"
            assert app_store.execute("SELECT count(*) FROM annotations") == [(0,)]

    async def test_a_date_typed_in_one_piece_after_the_colon_is_gone_to(self, app_store):
        from chronicle.tui.main_screen import MainScreen
        from chronicle.tui.timeline import Timeline

        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            send_burst(app, ":2018\r")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            landed = app_store.events_by_ids([highlighted_id(app)])[0]
            ids = list(app.screen.query_one(Timeline).ids)
            dates = [e.date_start for e in app_store.events_by_ids(ids) if e.date_start]
            assert landed.date_start == min(d for d in dates if d >= "2018")
            assert app_store.execute("SELECT count(*) FROM annotations") == [(0,)]

    async def test_tags_typed_in_one_piece_after_t_are_the_events(self, app_store):
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            event_id = highlighted_id(app)
            send_burst(app, "tsummit, east\r")  # s and e would star and correct out there
            await settle(pilot)
            annotation = app_store.annotation(event_id)
            assert annotation.tags == ("east", "summit")
            assert not annotation.starred
            assert app.screen.__class__.__name__ == "MainScreen"

    async def test_a_note_typed_in_one_piece_after_a_is_saved(self, app_store):
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            event_id = highlighted_id(app)
            send_burst(app, "aseen\x13")  # ctrl+s saves, as in the open dialog
            await settle(pilot)
            assert app_store.annotation(event_id).note == "seen"
            assert not app_store.annotation(event_id).starred

    @pytest.mark.parametrize(
        ("typed", "starred", "tags"),
        [
            ("tfoo\rs", True, ("foo",)),  # the s after Enter stars: the dialog closed first
            ("stag\r", True, ("ag",)),  # the s before t is the timeline's
            ("\x1btfoo\r", False, ("foo",)),
            ("t\x1bs", True, ()),  # Esc closes the empty dialog, then s stars
            ("tx\rty\r", False, ("xy",)),  # the second dialog shows x; y is typed after it
        ],
    )
    async def test_keys_around_a_dialog_in_one_burst_act_as_typed_one_by_one(
        self, app_store, typed, starred, tags
    ):
        annotation, screen = await typed_ahead(app_store, typed)
        assert screen == "MainScreen"
        assert annotation is not None
        assert (annotation.starred, annotation.tags) == (starred, tags)

    async def test_a_star_typed_before_the_colon_is_the_timelines(self, app_store):
        annotation, screen = await typed_ahead(app_store, "s:2019\r")
        assert screen == "MainScreen"
        assert annotation.starred

    async def test_a_dialog_opened_by_a_held_key_gets_the_keys_after_it(
        self, app_store, monkeypatch
    ):
        from chronicle.tui import main_screen

        looked_up = main_screen.first_on_or_after

        def slow(*args):  # a large chronicle: the t comes before the cursor has moved
            time.sleep(0.3)
            return looked_up(*args)

        monkeypatch.setattr(main_screen, "first_on_or_after", slow)
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            send_burst(app, ":2018\rtabc\r")
            await settle(pilot)
            landed = highlighted_id(app)
            assert app_store.events_by_ids([landed])[0].date_start >= "2018"
            assert app_store.tags() == [("abc", 1)]
            assert app_store.annotation(landed).tags == ("abc",)
            assert app_store.execute("SELECT count(*) FROM annotations WHERE note != ''") == [(0,)]

    async def test_keys_read_while_held_keys_are_handed_over_keep_their_place(
        self, app_store, monkeypatch
    ):
        from chronicle.tui.typeahead import TypeAhead

        follow = TypeAhead._follow
        late = ["def\r"]

        def follow_then_type(app, step):
            if late:
                send_burst(app, late.pop())  # read after the first held key went out
            follow(app, step)

        monkeypatch.setattr(TypeAhead, "_follow", follow_then_type)
        annotation, _ = await typed_ahead(app_store, "tabc")
        assert annotation.tags == ("abcdef",)

    async def test_a_paste_after_t_goes_to_the_tag_dialog(self, app_store):
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            event_id = highlighted_id(app)
            send_burst(app, "t")
            send_paste(app, "summit")
            send_burst(app, "\r")
            await settle(pilot)
            assert app_store.annotation(event_id).tags == ("summit",)

    async def test_keys_typed_for_a_dialog_that_fails_to_open_are_dropped(
        self, app_store, monkeypatch
    ):
        from chronicle.store import Store, StoreError

        def broken(self, event_id):
            raise StoreError("database is locked")

        monkeypatch.setattr(Store, "annotation", broken)
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            send_burst(app, "tsummit")
            await settle(pilot)
            await pilot.pause(0.1)
            await settle(pilot)
            assert not app.holding_keys
            assert type(app.screen).__name__ == "MainScreen"
        assert app_store.execute("SELECT count(*) FROM annotations") == [(0,)]

    async def test_a_burst_through_the_command_palette_reaches_the_dialog_it_opens(self, app_store):
        # Before, the keys after the palette's Enter went into the closing palette and
        # the second Enter closed a screen already gone: the app died.
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            event_id = highlighted_id(app)
            await pilot.press("ctrl+p")
            await settle(pilot)
            send_burst(app, "Tag\rsummit\r")
            await settle(pilot)
            assert app_store.annotation(event_id).tags == ("summit",)
            assert type(app.screen).__name__ == "MainScreen"

    async def test_keys_after_the_source_view_key_move_in_the_source_view(self, app_store):
        from chronicle.tui.source_view import SourceScreen

        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            before = highlighted_id(app)
            send_burst(app, "ojj")
            await settle(pilot)
            assert isinstance(app.screen, SourceScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert highlighted_id(app) == before  # j moved in the source, not the timeline

    async def test_keys_after_x_wait_for_the_split_dialog_however_slow_its_read(
        self, app_store, monkeypatch
    ):
        from chronicle.store import Store

        read = Store.event

        def slow(self, *args):  # a large chronicle shared with a search
            time.sleep(0.05)
            return read(self, *args)

        monkeypatch.setattr(Store, "event", slow)
        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            with_sources = [
                i
                for i in app.screen.query_one("Timeline").ids
                if len(read(app_store, i).sources) > 1
            ]
            await pilot.press(*"j" * app.screen.query_one("Timeline").ids.index(with_sources[0]))
            await settle(pilot)
            send_burst(app, "xf")  # f opened the facets over the timeline before the dialog
            await settle(pilot)
            assert [type(s).__name__ for s in app.screen_stack] == ["MainScreen", "SplitScreen"]

    async def test_keys_after_t_wait_for_a_read_longer_than_the_dialogs_own_wait(
        self, app_store, monkeypatch
    ):
        from chronicle.store import Store
        from chronicle.tui import typeahead

        read = Store.annotation
        monkeypatch.setattr(typeahead, "HOLD_SECONDS", 0.1)

        def slow(self, *args):
            time.sleep(0.4)
            return read(self, *args)

        monkeypatch.setattr(Store, "annotation", slow)
        annotation, screen = await typed_ahead(app_store, "tsummit\r")
        assert screen == "MainScreen"
        assert (annotation.starred, annotation.tags) == (False, ("summit",))

    async def test_a_burst_of_j_reads_the_detail_of_the_row_it_stops_on_once(
        self, app_store, monkeypatch
    ):
        from chronicle.tui.main_screen import MainScreen

        app = make_app(app_store)
        async with app.run_test() as pilot:
            await settle(pilot)
            reads = []
            load = MainScreen._detail_worker
            monkeypatch.setattr(
                MainScreen, "_detail_worker", lambda screen, i: (reads.append(i), load(screen, i))
            )
            send_burst(app, "jjjjj")
            await settle(pilot)
            landed = highlighted_id(app)
            assert reads[-1] == landed and len(reads) <= 2
            assert app.screen.current.id == landed  # the detail pane shows it

    async def test_the_dialog_keys_typed_into_the_search_bar_are_the_querys(self, store):
        from chronicle.tui.search_bar import SearchBar

        app = make_app(store)
        async with app.run_test() as pilot:
            await pilot.press("slash", *"at:eA")
            await settle(pilot)
            assert app.screen.query_one(SearchBar).value == "at:eA"

    async def test_keys_held_for_a_dialog_that_never_opens_go_where_the_focus_is(
        self, store, monkeypatch
    ):
        from chronicle.tui import typeahead
        from chronicle.tui.search_bar import SearchBar

        monkeypatch.setattr(typeahead, "HOLD_SECONDS", 0.05)
        app = make_app(store)
        async with app.run_test() as pilot:
            await pilot.press("slash")
            app.hold_keys()
            send_burst(app, "kept")
            for _ in range(20):
                await asyncio.sleep(0)  # the keys are read, and wait
            assert app.holding_keys
            assert app.screen.query_one(SearchBar).value == ""
            await settle(pilot)  # past HOLD_SECONDS
            assert not app.holding_keys
            assert app.screen.query_one(SearchBar).value == "kept"

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

    def test_tags_typed_in_one_piece_after_t_go_to_the_tag_dialog(self, app_store):
        terminal = Terminal(Path(app_store.path), "forgiving")
        assert terminal.read_until(b"palette", 60)
        terminal.type(b"tsummit\r", 3)  # s would star the event, e correct it
        terminal.type(b"\x11", 0.2)  # ctrl+q
        assert terminal.exit_code() == 0
        assert app_store.tags() == [("summit", 1)]
        assert app_store.execute("SELECT count(*) FROM annotations WHERE starred") == [(0,)]

    def test_textuals_own_driver_dies_on_the_byte_and_the_app_returns_1(self, store):
        terminal = Terminal(Path(store.path), "strict")
        assert terminal.read_until(b"palette", 60)
        terminal.type(b"/")
        terminal.type(LATIN1_TYPING, 0)  # what it shows is waited for below
        assert terminal.exit_code() == 1
        assert b"UnicodeDecodeError" in terminal.screen
