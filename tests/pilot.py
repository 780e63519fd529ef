"""Driving the real app in tests: wait until its workers are done and the screen caught up."""

from __future__ import annotations

import contextlib

from textual.pilot import Pilot
from textual.worker import WorkerCancelled


async def settle(pilot: Pilot, rounds: int = 5) -> None:
    """Wait until every worker is done and the screen has caught up with their answers
    (a worker the screen replaced by a newer one ends cancelled: that is part of settling)."""
    for _ in range(rounds):
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
