"""Driving the real app in tests: wait until its workers are done and the screen caught up."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState


async def settle(pilot: Pilot, rounds: int = 5) -> None:
    """Wait until every worker has ended and the screen has caught up with their answers.

    Each worker is waited on to its end: one that a newer one replaced ends cancelled,
    which `wait_for_complete` raises at once, before the others are done.
    """
    for _ in range(rounds):
        started = [w for w in pilot.app.workers if w.state != WorkerState.PENDING]
        ends = await asyncio.gather(*(w.wait() for w in started), return_exceptions=True)
        for end in ends:
            if isinstance(end, BaseException) and not isinstance(end, WorkerCancelled):
                raise end
        await pilot.pause()
