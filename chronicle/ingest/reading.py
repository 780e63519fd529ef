"""How far the reading of the current document has got, for a progress bar.

Reading a large document takes minutes; the stages that walk it (`find_dates`, the
entities of each sentence, the mentions of each sentence) say what share of the
whole they have done through `advance`, and whoever watches (the ingest pipeline)
installs a `Reporter` with `watch`. Nothing is reported unless someone watches, and
a reporter is told at most every REPORT_SECONDS, so a small document pays nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Reporter = Callable[[float], None]
"""Told the share of the current document read so far (0 to 1)."""

REPORT_SECONDS = 0.25

STAGES = {"dates": (0.1, 0.3), "entities": (0.3, 0.65), "mentions": (0.65, 1.0)}
"""The share of a document's reading each stage spans (loading and cleaning it come
first, up to 0.1); measured on the generated corpus, where entities take about a third."""

_state: dict[str, object] = {"reporter": None, "last": 0.0}


def watch(reporter: Reporter | None) -> None:
    """Send this process's reading progress to `reporter` (None: to nobody)."""
    _state["reporter"] = reporter
    _state["last"] = 0.0


def advance(stage: str, done: int, total: int) -> None:
    """Say that `done` of `total` steps of `stage` are finished."""
    reporter = _state["reporter"]
    if reporter is None or total <= 0:
        return
    now = time.monotonic()
    if now - _state["last"] < REPORT_SECONDS and done < total:
        return
    _state["last"] = now
    low, high = STAGES[stage]
    reporter(low + (high - low) * min(done / total, 1.0))  # type: ignore[operator]
