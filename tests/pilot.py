"""Driving the real app in tests: wait until its workers are done and the screen caught up.

Waits here are on conditions, never on the clock: Textual's own waits (`Pilot.pause()`
without a delay, and the pause after each key `Pilot.press` sends) sleep at least
20 ms each and until the process looks idle, which across the suite's few thousand
keys and settles came to minutes of sleeping.
"""

from __future__ import annotations

import asyncio

from textual._context import active_app
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

QUIET_ROUNDS = 2
"""Rounds in a row with nothing left to do before the app counts as caught up: a round
can end just as a handler posts the next message."""

HELD_KEYS_WAIT = 0.01
"""A round's sleep while the app holds typed keys back (`chronicle.tui.typeahead`): they
go on from a timer, so only time passing lets them."""

MAX_ROUNDS = 500
"""A bound, so an app that never stops posting fails the test instead of hanging it."""


async def settle(pilot: Pilot) -> None:
    """Wait until every worker has ended and the screen has caught up with their answers.

    Each worker is waited on to its end: one that a newer one replaced ends cancelled,
    which `wait_for_complete` raises at once, before the others are done. A worker
    that failed raises its error here. A timer still counting (the search bar's
    debounce) is not waited for: a test that means to wait for one says so
    (`pilot.pause(seconds)`).
    """
    await caught_up(pilot.app, raise_failures=True)


async def caught_up(app: App, raise_failures: bool = False) -> None:
    """Wait until `app` has no worker running and nothing queued, then paint its screen.

    Each round waits for the workers to end and, while a message or a callback is
    waiting, for every widget of the screen to handle the messages queued so far; then
    it paints the screen. It returns after two rounds in a row found nothing to do.
    """
    pilot = Pilot(app)
    quiet = 0
    for _ in range(MAX_ROUNDS):
        if not app.is_running:
            return
        if getattr(app, "holding_keys", False):  # typed keys wait for the one before
            quiet = 0
            await asyncio.sleep(HELD_KEYS_WAIT)
            continue
        if await _workers_ended(app, raise_failures) or _busy(app):
            quiet = 0
            await pilot._wait_for_screen()
        else:
            quiet += 1
            if quiet == QUIET_ROUNDS:
                return
        await asyncio.sleep(0)
        if not app.is_running:
            return
        app.screen._on_timer_update()
        await asyncio.sleep(0)
    raise AssertionError(f"the app was still busy after {MAX_ROUNDS} rounds")


async def between_keys(*_: float) -> None:
    """What `Pilot.press` waits for after each key it sends (it calls Textual's
    `wait_for_idle`; conftest puts this in its place): the running app has handled the
    key and whatever it started. The key reaches the app a few loop turns after it is
    sent (the driver posts it with `run_coroutine_threadsafe`)."""
    for _ in range(3):
        await asyncio.sleep(0)
    app = active_app.get(None)
    if app is not None:
        await caught_up(app)


async def _workers_ended(app: App, raise_failures: bool) -> bool:
    """Wait for every started worker to end; whether any was still running."""
    started = [w for w in app.workers if w.state != WorkerState.PENDING]
    running = any(not w.is_finished for w in started)
    ends = await asyncio.gather(*(w.wait() for w in started), return_exceptions=True)
    for end in ends if raise_failures else ():
        if isinstance(end, BaseException) and not isinstance(end, WorkerCancelled):
            raise end
    return running


def _busy(app: App) -> bool:
    """Whether a message, a callback or a repaint is still waiting in the app."""
    try:
        screen = app.screen
    except Exception:  # no screen left: the app is ending
        return False
    if (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    ):
        return True
    pumps = [app, *app.screen_stack, *screen.walk_children(with_self=False)]
    return any(not pump._message_queue.empty() or pump._next_callbacks for pump in pumps)


async def typing_paused(pilot: Pilot) -> None:
    """Wait as a user who stops typing in the search bar: until its pause after the last
    key (the debounce) has run out, and the search it starts has settled."""
    from chronicle.tui import SearchBar

    await settle(pilot)  # a key or a paste still queued starts the pause
    timer = pilot.app.screen.query_one(SearchBar)._timer
    if timer is not None and timer._task is not None:
        await asyncio.wait([timer._task])
    await settle(pilot)
