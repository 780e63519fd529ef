"""Terminal input that survives bytes which are not UTF-8.

Textual 8.2.8's `LinuxDriver` decodes stdin with a strict UTF-8 decoder, so one
byte from a latin-1 terminal (0xE9 for "é"), typed or pasted, raises in the input
thread and the app dies. `ForgivingDriver` is that driver with the decoder set to
replace what it cannot read by U+FFFD; everything else is Textual's own loop.
Drop it when upstream decodes with replacement (`tests/test_tui_input.py` says when).
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver


class ForgivingDriver(LinuxDriver):
    """`LinuxDriver` whose input decoder writes U+FFFD for bytes that are not UTF-8."""

    def run_input_thread(self) -> None:
        """Textual's `LinuxDriver.run_input_thread` with `errors="replace"` on the decoder."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode

        def process(ready: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            for last, (_key, mask) in loop_last(ready):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(self.fileno, 1024 * 4), final=final and last)
                    if not data:
                        break  # stdin is a pipe that ended
                    for event in parser.feed(data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
