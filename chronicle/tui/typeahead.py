"""Keys are handled one at a time, each in the state the one before left.

Over a slow SSH link a burst of typing reaches the app in one read: ":2019" and Enter,
or "tsummit". Textual hands each key to the focused widget's queue as it reads it, so
every key of the burst went where the focus was when it was read: the digits after
`:` to the timeline (where they are commands) instead of the dialog the colon opens,
a key after the Enter that closes a dialog into the closing dialog (in the command
palette, a second Enter then closed a screen that was already gone, and the app died).

So the app hands a key (or a paste) on only once the one before has settled: the widget
it went to, its parents and the app have no message left (an Enter takes three or four
rounds: the app's binding submits, the field's Submitted bubbles up, the screen
closes). Keys read meanwhile wait in order. The action of a key that opens a dialog
calls `hold_keys`, and the keys wait until a new screen has the focus; for a dialog a
worker opens after reading the store (`t`, `a`, `e`, `x`), first until the worker has
answered. If the dialog does not open they are dropped (`drop_held_keys`), and after
`HOLD_SECONDS` without it they go where the focus is. Work whose answer the next keys
act on (the jump to a date moves the cursor the `t` after it tags from) holds them the
same way until it is done (`hold_keys_until_done`). While keys wait, work for each of
them that only the last one needs (the detail pane's read for every row a burst of `j`
passes) can wait for `CaughtUp`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from time import monotonic

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump

HOLD_SECONDS = 2.0
"""How long keys wait for a dialog: a prompt that reads the store first opens in far
less, and past this a key is better handled where the focus is than kept."""

WORK_SECONDS = 10.0
"""How long keys wait for a worker whose answer they act on: a read of a large store
shared with a search can take seconds, but keys (ctrl+q too) must not wait forever on
a worker that never ran."""

STEP_SECONDS = 0.5
"""How long one key may take to settle before the next goes anyway (a widget closed
with its dialog never reports back)."""

SETTLE_PASSES = 10
"""Rounds of messages a key may set off among a widget, its parents and the app before
the next key goes anyway (an Enter that closes a dialog takes three or four)."""

POLL_SECONDS = 0.02
"""How often waiting keys look whether they can go on (only while a key is under way)."""

Typed = events.Key | events.Paste


class CaughtUp(Message):
    """Posted to the screen on top when the keys read ahead have all been handled: work
    skipped while they waited (`keys_waiting`), such as a detail pane's read for every
    row a burst of `j` passes, can be done once now."""


class TypeAhead(App):
    """An app that handles the keys of a burst of typing as if typed one by one."""

    _waiting: deque[Typed] | None = None  # read while another was under way
    _under_way = False  # a key was handed on and has not settled yet
    _released: Typed | None = None  # a waiting key posted back to be handled now
    _target: MessagePump | None = None  # where the key under way went
    _awaited: frozenset[int] | None = None  # a dialog is awaited: the screens before it
    _awaited_since = 0.0
    _work = 0  # work the keys wait for (`hold_keys_until_done`), not yet done
    _work_since = 0.0
    _step = 0  # counts keys handed on: a late report of an earlier one is ignored
    _stepped_at = 0.0
    _polling = False

    def hold_keys(self, for_work: bool = False) -> Callable[[], None]:
        """Keep the keys read from now on until a screen opened after now has the focus
        (at most `HOLD_SECONDS`). With `for_work`, the dialog is opened by a worker that
        reads the store first: the keys also wait until it calls the function returned
        (from the app's thread), however long the read, up to `WORK_SECONDS`."""
        self._awaited = frozenset(id(screen) for screen in self.screen_stack)
        self._awaited_since = monotonic()
        self._under_way = True
        self._poll()
        return self.hold_keys_until_done() if for_work else _nothing

    def hold_keys_until_done(self) -> Callable[[], None]:
        """Keep the keys read from now on until the function returned is called (from
        the app's thread): a worker whose answer the next keys act on, such as the jump
        to a date, whose event a `t` typed after it tags."""
        self._work += 1
        self._work_since = monotonic()
        self._under_way = True
        self._poll()
        called = False

        def done() -> None:
            nonlocal called
            if not called:
                called = True
                self._work = max(0, self._work - 1)
                self._awaited_since = monotonic()  # the dialog's time starts now

        return done

    def drop_held_keys(self) -> None:
        """Forget the waiting keys: the dialog they were typed for will not open."""
        self._caught_up()
        self._awaited = None
        self._work = 0
        self._under_way = False
        self._step += 1

    @property
    def keys_waiting(self) -> bool:
        """Whether keys read ahead are waiting to be handled (a `CaughtUp` follows)."""
        return bool(self._waiting)

    @property
    def holding_keys(self) -> bool:
        """Whether a key read now would wait for another to settle."""
        return self._under_way

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, Typed) or event.is_forwarded:
            await super().on_event(event)
            return
        if event is self._released:
            self._released = None
        elif self._under_way:
            if self._waiting is None:
                self._waiting = deque()
            self._waiting.append(event)
            return
        else:
            self._begin()
        self._target = self.focused or self.screen
        await super().on_event(event)
        self.call_later(self._follow, self._step)

    def _caught_up(self) -> None:
        """No key waits any more: tell the screen on top, if any waited."""
        if self._waiting is not None:
            self._waiting = None
            if self.screen_stack:
                self.screen_stack[-1].post_message(CaughtUp())

    def _begin(self) -> None:
        self._under_way = True
        self._step += 1
        self._stepped_at = monotonic()
        self._poll()

    def _poll(self) -> None:
        if not self._polling:
            self._polling = True
            self.set_timer(POLL_SECONDS, self._check)

    def _check(self) -> None:
        self._polling = False
        if not self._under_way:
            return
        if not self.is_running or not self.screen_stack:  # the app is closing
            self.drop_held_keys()
            return
        waiting = self._awaited is not None or self._work
        if waiting or monotonic() - self._stepped_at > STEP_SECONDS:
            self._next()
        if self._under_way:
            self._poll()

    def _follow(self, step: int) -> None:
        """Once the app has handed the key on: wait for where it went to settle."""
        if step == self._step:
            target = self._target or self.screen
            after_settled(target.ancestors_with_self, lambda: self._settled(step))

    def _settled(self, step: int) -> None:
        if step == self._step:
            self._next()

    def _still_waiting(self) -> bool:
        """True while the keys wait for work or a dialog that may still come."""
        if self._work and monotonic() - self._work_since <= WORK_SECONDS:
            return True
        self._work = 0
        if self._awaited is None:
            return False
        stack = self.screen_stack
        opened = bool(stack) and id(stack[-1]) not in self._awaited
        if opened and stack[-1].focused is not None:
            return False
        return monotonic() - self._awaited_since <= HOLD_SECONDS

    def _next(self) -> None:
        """Hand on the next waiting key, unless an awaited dialog has not opened yet."""
        if self._released is not None:
            return  # the key handed on last is still on its way to the app
        self._step += 1
        if self._still_waiting():
            return
        self._awaited = None
        if not self._waiting:
            self._under_way = False
            self._caught_up()
            return
        self._begin()
        self._released = self._waiting.popleft()
        self.post_message(self._released)


def after_settled(pumps: Sequence[MessagePump], then: Callable[[], object]) -> None:
    """Call `then` once `pumps` have handled what they were sent, and what handling it
    sent on: to one another (an Enter bubbles up to the app, whose binding sends the field
    a Submitted, which bubbles up to the screen that closes) or to other widgets of the
    screen on top (the command palette's list selects after its field's Enter). Passes
    go through `pumps` in turn until one ends with none of them, and no widget of that
    screen, holding a message (at most `SETTLE_PASSES`); a closed one is passed over."""

    def step(at: int, passes: int) -> None:
        while at < len(pumps):
            pump, at = pumps[at], at + 1
            if pump.call_later(step, at, passes):
                return
        if passes > 1 and any(p.is_running and p.message_queue_size for p in _watched(pumps)):
            step(0, passes - 1)
        else:
            then()

    step(0, SETTLE_PASSES)


def _watched(pumps: Sequence[MessagePump]) -> list[MessagePump]:
    """`pumps` and every widget of the screen now on top."""
    app = pumps[-1].app if pumps else None
    stack = app.screen_stack if app is not None else []
    return [*pumps, *(stack[-1].walk_children(with_self=True) if stack else [])]


def _nothing() -> None:
    pass


def hold_keys(app: App, for_work: bool = False) -> Callable[[], None]:
    """Keep the keys read from now on for the dialog `app` is about to open
    (`TypeAhead.hold_keys`)."""
    return app.hold_keys(for_work) if isinstance(app, TypeAhead) else _nothing


def keys_waiting(app: App) -> bool:
    """Whether keys read ahead are waiting to be handled in `app`."""
    return isinstance(app, TypeAhead) and app.keys_waiting


def hold_keys_until_done(app: App) -> Callable[[], None]:
    """Keep the keys read from now on until the function returned is called."""
    return app.hold_keys_until_done() if isinstance(app, TypeAhead) else _nothing


def answer_then(
    app: App, answered: Callable[[], None], prompt: Callable[..., None], *args: object
) -> None:
    """Run `prompt` (in a worker's thread: it reads the store, then opens its dialog or
    drops the held keys), then let the keys typed after its key go on, however it ends."""
    try:
        prompt(*args)
    finally:
        app.call_from_thread(answered)


def drop_held_keys(app: App) -> None:
    """Forget the keys held for a dialog that will not open."""
    if isinstance(app, TypeAhead):
        app.drop_held_keys()
