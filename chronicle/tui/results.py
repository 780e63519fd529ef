"""What the browser already knows about recent queries, so it never asks twice.

A result is kept with the database version it was read at: clearing the query
returns to the all-events list at once, and so does going back to the query
before. Ids are kept in an `array` (8 bytes each), so a million-event result
costs 8 MB, not the 36 MB of a list of ints.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from chronicle.search.histogram import YearCounts

KEPT_RESULTS = 6
"""Results remembered; the all-events one is among them whenever it was shown."""


@dataclass
class Result:
    """One query's answer as the screen shows it.

    Attributes:
        ids: Every matching event id in result order.
        status: The status line ("1,204 events · …").
        hints: How the query was reinterpreted ("" when it was not).
        terms: The search words to mark in the detail pane.
        version: The database's `data_version` the ids were read at.
        histogram: Matches per year, once computed (None until then).
    """

    ids: array
    status: str
    hints: str
    terms: list[str]
    version: int
    histogram: YearCounts | None = None
    _members: frozenset[int] | None = field(default=None, repr=False)

    @property
    def members(self) -> frozenset[int]:
        """The ids as a set (built once, for the context view's hit marks)."""
        if self._members is None:
            self._members = frozenset(self.ids)
        return self._members


def id_array(ids: Sequence[int]) -> array:
    """`ids` packed as signed 64-bit integers."""
    return array("q", ids)


class ResultCache:
    """The last few results by query text, dropped when the database changes."""

    def __init__(self, size: int = KEPT_RESULTS) -> None:
        self._size = size
        self._results: OrderedDict[str, Result] = OrderedDict()

    def get(self, text: str, version: int) -> Result | None:
        """The result of `text` read at `version`, if kept."""
        result = self._results.get(text)
        if result is None or result.version != version:
            return None
        self._results.move_to_end(text)
        return result

    def put(self, text: str, result: Result) -> None:
        """Remember `result`; results of older versions are forgotten."""
        stale = [t for t, r in self._results.items() if r.version != result.version]
        for old in stale:
            del self._results[old]
        self._results[text] = result
        self._results.move_to_end(text)
        while len(self._results) > self._size:
            self._results.popitem(last=False)
