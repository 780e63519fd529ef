"""The go-to-date prompt (`:`): jump to the first event on or after a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from chronicle.store import Store
from chronicle.tui.plain_input import PlainInput

_FORMATS = (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4))


def parse_target(text: str) -> date | None:
    """The first day `text` names: "2018", "2018-01", "2018-01-04", "January 2018"."""
    try:
        return _parse_target(text.strip())
    except (OverflowError, ValueError):
        return None  # "9999999999 days ago" names no calendar day


def _parse_target(text: str) -> date | None:
    for fmt, size in _FORMATS:
        if len(text) == size:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                pass
    from chronicle.ingest.dates.finder import find_dates

    # An approximate match ("3 weeks ago" is a whole ISO week) names no one day,
    # so it goes to dateparser, which counts back from today exactly.
    found = [
        m for m in find_dates(text, date.today()) if m.date_start and m.precision != "approximate"
    ]
    if found:
        return found[0].date_start
    # Anything else a person might type ("4/1/2018", "3 weeks ago"): dateparser
    # is slow to import, so it is only loaded when the rules give up.
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def first_on_or_after(store: Store, iso: str, ids: Sequence[int]) -> int:
    """Index of the first dated event starting on or after `iso` in date-ordered `ids`
    (undated events sort last), or -1 when there is none.

    A binary search reading one event per step: the results may hold a million ids
    of which only the rows on screen are loaded.
    """
    lo, hi = 0, len(ids)
    while lo < hi:
        mid = (lo + hi) // 2
        event = store.events_by_ids([ids[mid]])
        start = event[0].date_start if event else None
        if start is not None and start < iso:
            lo = mid + 1
        else:
            hi = mid
    landed = store.events_by_ids(ids[lo : lo + 1])
    return lo if landed and landed[0].date_start is not None else -1


class GotoDateScreen(ModalScreen[date | None]):
    """Ask for a date; dismiss with it (or None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        yield Label("Go to date (2018, 2018-01, 2018-01-04, January 2018):")
        yield PlainInput(id="goto-input", placeholder="YYYY[-MM[-DD]]")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        target = parse_target(event.value)
        if target is None:
            self.query_one(Label).update("Not a date I understand — try 2018-01-04. Esc to cancel.")
            return
        self.dismiss(target)

    def action_cancel(self) -> None:
        self.dismiss(None)
