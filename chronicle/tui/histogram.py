"""Matches per year as a sparkline beside the status line, so a query's shape in time shows."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Sparkline


def yearly_series(counts: list[tuple[str, int]]) -> list[float]:
    """Counts for every year from the first to the last, gaps filled with zeros."""
    by_year = {int(y): n for y, n in counts if y.isdigit()}
    if not by_year:
        return []
    return [float(by_year.get(y, 0)) for y in range(min(by_year), max(by_year) + 1)]


class YearHistogram(Sparkline):
    """A sparkline of matches per year; its tooltip names the span of years."""

    counts: reactive[list[tuple[str, int]]] = reactive(list, always_update=True)
    """(year, matches) pairs from the search layer."""

    def watch_counts(self, counts: list[tuple[str, int]]) -> None:
        self.data = yearly_series(counts)
        # One year has no shape in time: its bar would fill the row and cut the
        # status line short, so the status gets the whole row instead.
        self.display = len(self.data) > 1
        years = [y for y, _ in counts]
        self.tooltip = f"matches per year, {years[0]}–{years[-1]}" if years else None
