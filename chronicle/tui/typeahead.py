"""Keys typed ahead of a dialog go to the dialog.

Over a slow SSH link a burst of typing reaches the app in one read: ":2019" and Enter
arrive before the go-to-date dialog exists. Textual hands each key to the focused
widget's queue as it reads it, so the keys read with the colon went to the timeline,
where digits and letters are commands (`e` opened a correction, `s` starred).

A key that opens a dialog is therefore a priority binding, taken when it is read, and
its action calls `hold_keys`: the keys (and pastes) read from then on are kept. Once
another screen has the focus they are handled one at a time, each only after the
widget it went to and every parent up to the app have handled what it set off, so an
Enter that closes the dialog closes it before the next key is read, and a key that
opens another dialog holds the rest for that one. The dialog itself opens only after
the keys typed before its key were handled (`after_pending`). Keys held for a dialog
that never opens are dropped when its action fails (`drop_held_keys`), or after
`HOLD_SECONDS` handled where the focus is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from time import monotonic

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen

HOLD_SECONDS = 2.0
"""How long held keys wait for a dialog: a prompt that reads the store first opens in far
less, and past this a key is better handled where the focus is than kept."""

STEP_SECONDS = 0.5
"""How long one released key may take to be handled before the next goes anyway (a
widget closed with the dialog never reports back)."""

SETTLE_PASSES = 10
"""Rounds of messages a key may set off among a widget, its parents and the app before
the next key goes anyway (an Enter that closes a dialog takes three or four)."""

POLL_SECONDS = 0.02
"""How often held keys look whether they can go on (only while keys are held)."""

Typed = events.Key | events.Paste


class TypeAhead(App):
    """An app whose dialogs receive the keys typed before they opened."""

    _held: deque[Typed] | None = None
    _awaited_from: Screen | None = None  # a dialog is awaited while this screen is on top
    _waiting_since: float | None = None  # when the held keys last began to wait
    _released: Typed | None = None  # the held key now on its way through the app
    _target: MessagePump | None = None  # where that key went
    _step = 0  # counts released keys: a late report of an earlier one is ignored
    _stepped_at = 0.0
    _polling = False

    def hold_keys(self) -> None:
        """Keep the keys read from now on until a screen other than this one has the focus."""
        self._awaited_from = self.screen
        self._waiting_since = monotonic()
        if self._held is None:
            self._held = deque()
        self._poll()

    def drop_held_keys(self) -> None:
        """Forget the held keys: the dialog they were typed for will not open."""
        self._held = None
        self._awaited_from = self._waiting_since = None
        self._step += 1

    @property
    def holding_keys(self) -> bool:
        """Whether keys read now are kept for a dialog about to open."""
        return self._held is not None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, Typed) and not event.is_forwarded:
            if event is self._released:
                self._released = None
                self._target = self.focused or self.screen
            elif self._held is not None:
                self._held.append(event)
                return
        await super().on_event(event)

    def _poll(self) -> None:
        if not self._polling:
            self._polling = True
            self.set_timer(POLL_SECONDS, self._check)

    def _check(self) -> None:
        self._polling = False
        if self._held is None:
            return
        if not self.is_running or not self.screen_stack:  # the app is closing
            self.drop_held_keys()
            return
        if self._waiting_since is not None or monotonic() - self._stepped_at > STEP_SECONDS:
            self._next()
        if self._held is not None:
            self._poll()

    def _can_go_on(self) -> bool:
        stack = self.screen_stack  # empty while the app closes
        if not stack or stack[-1] is self._awaited_from:
            return False
        return stack[-1].focused is not None

    def _next(self) -> None:
        """Release the next held key, or wait while no dialog has the focus yet."""
        self._step += 1
        if not self._can_go_on():
            if self._waiting_since is None:
                self._waiting_since = monotonic()
            if monotonic() - self._waiting_since <= HOLD_SECONDS:
                return  # keys typed while the dialog opens are still held
        if not self._held:
            self.drop_held_keys()
            return
        self._awaited_from = self._waiting_since = None
        self._released = self._held.popleft()
        self._stepped_at = monotonic()
        self.post_message(self._released)
        self.call_later(self._follow, self._step)

    def _follow(self, step: int) -> None:
        """Once the app has handed the released key on: wait for where it went."""
        if step == self._step:
            target = self._target or self.screen
            after_settled(target.ancestors_with_self, lambda: self._done(step))

    def _done(self, step: int) -> None:
        if step == self._step:
            self._next()


def after_settled(pumps: Sequence[MessagePump], then: Callable[[], object]) -> None:
    """Call `then` once `pumps` have handled what they were sent, and what handling it
    sent on to one another: an Enter bubbles from a field up to the app, whose binding
    sends the field a Submitted, which bubbles up to the screen that closes. Passes go
    through them in turn until one ends with none of them holding a message (at most
    `SETTLE_PASSES`); a closed one is passed over."""

    def step(at: int, passes: int) -> None:
        while at < len(pumps):
            pump, at = pumps[at], at + 1
            if pump.call_later(step, at, passes):
                return
        if passes > 1 and any(p.is_running and p.message_queue_size for p in pumps):
            step(0, passes - 1)
        else:
            then()

    step(0, SETTLE_PASSES)


def after_pending(screen: Screen, then: Callable[[], object]) -> None:
    """Call `then` once the keys already sent to `screen`'s focused widget were handled
    there, in its parents and by the app: a key typed before the one that opens a
    dialog is theirs."""
    after_settled((screen.focused or screen).ancestors_with_self, then)


def hold_keys(app: App) -> None:
    """Keep the keys read from now on for the dialog `app` is about to open."""
    if isinstance(app, TypeAhead):
        app.hold_keys()


def drop_held_keys(app: App) -> None:
    """Forget the keys held for a dialog that will not open."""
    if isinstance(app, TypeAhead):
        app.drop_held_keys()
