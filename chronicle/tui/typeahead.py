"""Keys typed ahead of a dialog go to the dialog.

Over a slow SSH link a burst of typing reaches the app in one read: ":2019" and Enter
arrive before the go-to-date dialog exists, and the keys read with the colon went to
the timeline, where digits and letters are commands (`e` opened a correction, `s`
starred). A key that opens a dialog is therefore a priority binding, taken when it is
read; its action calls `hold_keys`, and the keys read after it wait until another
screen has the focus, then are handled in order, as if typed there. Keys held longer
than `HOLD_SECONDS` (the dialog never came) go where the focus is, as they would have.
"""

from __future__ import annotations

import asyncio
import contextlib
from time import monotonic

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer

HOLD_SECONDS = 2.0
"""How long keys wait for the dialog: a prompt that reads the store first opens in far
less, and past this a key is better handled where the focus is than kept."""

HANDLED_SECONDS = 0.5
"""How long a released key may take to be handled before the next is sent anyway."""

POLL_SECONDS = 0.02
"""How often a hold looks whether the dialog has the focus (only while keys are held)."""


class TypeAhead(App):
    """An app whose dialogs receive the keys typed before they opened."""

    _held: list[events.Key] | None = None
    _held_from: Screen | None = None
    _held_since = 0.0
    _hold_timer: Timer | None = None

    def hold_keys(self) -> None:
        """Keep the keys read from now on until a screen other than this one has the focus."""
        if self._held is not None:
            return
        self._held, self._held_from, self._held_since = [], self.screen, monotonic()
        self._hold_timer = self.set_interval(POLL_SECONDS, self._release_when_ready)

    @property
    def holding_keys(self) -> bool:
        """Whether keys read now are kept for a dialog about to open."""
        return self._held is not None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._held is not None:
            self._held.append(event)
            return
        await super().on_event(event)

    async def _release_when_ready(self) -> None:
        moved = self.screen is not self._held_from and self.focused is not None
        if moved or monotonic() - self._held_since > HOLD_SECONDS:
            await self._release()

    async def _release(self) -> None:
        held, self._held, self._held_from = self._held or [], None, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for key in held:
            if self._held is not None:  # a key that opened another dialog holds the rest
                self._held.append(key)
                continue
            target = self.focused or self.screen
            await self.on_event(key)
            await _handled(target)


async def _handled(target: MessagePump) -> None:
    """Wait until `target` has handled what it was sent so far: a key bound with
    priority (ctrl+s) runs at once, and must not overtake the letters before it."""
    done = asyncio.Event()
    target.call_later(done.set)
    with contextlib.suppress(TimeoutError):  # a dialog the key closed handles no more
        await asyncio.wait_for(done.wait(), HANDLED_SECONDS)


def hold_keys(app: App) -> None:
    """Keep the keys read from now on for the dialog `app` is about to open."""
    if isinstance(app, TypeAhead):
        app.hold_keys()
