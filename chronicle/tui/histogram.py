"""The results per year beside the status line, with its first and last year and its maximum.

`2009 ▁▂▇█▃ 2019  max 42 ≈3`: one bar per year (or per few years when the span is
wider than the room, as tall as the busiest of them), a range counted in every
year it spans, approximate events apart (≈); `max` is the busiest year's count.
A handful of years is written out instead (`2016: 1  2018: 2`), so three
results never draw one solid bar; on a narrow row the label gives way to the bars.
Focused, Left/Right pick a year with results, shown with its count, and Enter asks
the screen to narrow the query to it (`in:2018`).
"""

from __future__ import annotations

from math import ceil

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from chronicle.search.histogram import YearCounts

BARS = "▁▂▃▄▅▆▇█"
MIN_BARS = 5
"""Fewer bars than this (for a wider span) and the label gives way to them."""
MAX_WIDTH = 34
"""Columns the histogram asks for at most: the status line keeps the rest of the row."""
FEW_YEARS = 3
"""Up to this many years with results are written out rather than drawn."""


def as_year_counts(counts: YearCounts | list[tuple[str, int]]) -> YearCounts:
    """`counts`, or (year, matches) pairs of one year each read as such."""
    if isinstance(counts, YearCounts):
        return counts
    spans = tuple((int(y), int(y), n) for y, n in counts if y.isdigit())
    undated = sum(n for y, n in counts if not y.isdigit())
    return YearCounts(spans, 0, undated)


def narrowing(year: int) -> str:
    """The query filter for the results overlapping `year`, as the language writes it."""
    return f"in:{year}"


def _level(n: int, top: int) -> str:
    return BARS[max(1, ceil(n * len(BARS) / top)) - 1] if n else " "


def _extra(counts: YearCounts) -> str:
    return f" ≈{counts.approximate}" if counts.approximate else ""


def _listed(counts: YearCounts, selected: int | None, compact: bool = False) -> Text:
    """A few years written out: `2016: 1  2018: 2`, or `2016:1 2018:2` when narrow."""
    line = Text(no_wrap=True, overflow="ellipsis")
    for index, (year, n) in enumerate(counts.years):
        if index:
            line.append(" " if compact else "  ")
        line.append(
            f"{year}:{n}" if compact else f"{year}: {n}",
            style="reverse" if year == selected else "",
        )
    line.append(_extra(counts))
    return line


def busiest_in_periods(years: dict[int, int], start: int, size: int, periods: int) -> list[int]:
    """The busiest year's count in each of `periods` periods of `size` years from `start`,
    so a bar of several years reads on the same scale as a year's (and as `max`)."""
    return [
        max(years.get(year, 0) for year in range(start + i * size, start + (i + 1) * size))
        for i in range(periods)
    ]


def _drawn(counts: YearCounts, width: int, selected: int | None) -> Text:
    """Bars between the first and last year, then the maximum (or the selected year's count).

    When the row is narrow, the label and then the approximate count give way to
    the bars (the tooltip still says them).
    """
    first, last = counts.first, counts.last
    assert first is not None and last is not None
    years = dict(counts.years)
    span = last - first + 1
    top = max(years.values())
    longest = len(f"  {last}: {top}")  # as long as "  max N" or longer
    axis = len(f"{first}  {last}")
    extra = _extra(counts)
    # A picked year keeps its count however few bars are left.
    choices = [(longest, extra), (longest, "")] + ([(0, "")] if selected is None else [])
    for label_room, shown_extra in choices:
        room = width - axis - label_room - len(shown_extra)
        if room >= min(span, MIN_BARS):
            break
    size = ceil(span / max(room, 1))
    cells = busiest_in_periods(years, first, size, ceil(span / size))
    label = f"  {selected}: {years.get(selected, 0)}" if selected is not None else f"  max {top}"
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{first} ")
    for index, n in enumerate(cells):
        chosen = selected is not None and (selected - first) // size == index
        line.append(_level(n, top), style="reverse" if chosen else "")
    line.append(f" {last}")
    if label_room:
        line.append(label + shown_extra)
    return line


def histogram_line(counts: YearCounts, width: int, selected: int | None = None) -> Text:
    """The histogram as one line of at most `width` columns (the year `selected` marked)."""
    if not counts.spans:
        return Text(_extra(counts).strip(), no_wrap=True)
    if len(counts.years) <= FEW_YEARS:
        line = _listed(counts, selected)
        if line.cell_len > width:
            line = _listed(counts, selected, compact=True)
    else:
        line = _drawn(counts, width, selected)
    line.truncate(width, overflow="ellipsis")
    return line


def describe_counts(counts: YearCounts) -> str:
    """The tooltip: what the bars count, their span and maximum, and what stands apart."""
    years = counts.years
    parts = []
    if years:
        top_year, top = max(years, key=lambda pair: pair[1])
        parts.append(
            f"results per year, {counts.first}–{counts.last} (a range counts in each year "
            f"it spans); most in {top_year}: {top}"
        )
    if counts.approximate:
        parts.append(f"≈{counts.approximate} with an approximate date")
    if counts.undated:
        parts.append(f"{counts.undated} undated")
    return "; ".join(parts) + (". Left/Right pick a year, Enter narrows to it" if years else "")


class YearHistogram(Widget, can_focus=True):
    """Results per year; focused, Left/Right pick a year and Enter narrows the query to it."""

    DEFAULT_CSS = """
    YearHistogram {
        width: auto;
        max-width: 34;
        height: 1;
    }
    YearHistogram:focus {
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Earlier year", show=False),
        Binding("right", "step(1)", "Later year", show=False),
        Binding("home,g", "end(False)", "First year", show=False),
        Binding("end,G", "end(True)", "Last year", show=False),
        Binding("enter", "narrow", "Narrow to year", tooltip="Narrow the query to this year"),
        Binding("escape", "leave", "Back", show=False),
    ]

    class Narrowed(Message):
        """The user asked to narrow the query to a year: add `filter_text` to it."""

        def __init__(self, filter_text: str, year: int) -> None:
            self.filter_text = filter_text
            self.year = year
            super().__init__()

    class Left(Message):
        """The user asked to leave the histogram for the results."""

    counts: reactive[YearCounts] = reactive(YearCounts, always_update=True, layout=True)
    """The results by year, from `chronicle.search.histogram.year_counts`."""
    selected: reactive[int | None] = reactive(None)
    """The year Left/Right picked (None until the histogram is focused)."""

    def validate_counts(self, counts: YearCounts | list[tuple[str, int]]) -> YearCounts:
        return as_year_counts(counts)

    def watch_counts(self, counts: YearCounts) -> None:
        self.display = bool(counts.spans or counts.approximate)
        self.tooltip = describe_counts(counts) or None
        first, last = counts.first, counts.last
        if self.selected is not None and (first is None or not first <= self.selected <= last):
            self.selected = None
        if self.has_focus and self.selected is None:
            self.selected = self._peak()

    def _peak(self) -> int | None:
        years = self.counts.years
        return max(years, key=lambda pair: pair[1])[0] if years else None

    def on_focus(self) -> None:
        if self.selected is None:
            self.selected = self._peak()

    def on_blur(self) -> None:
        self.selected = None

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return histogram_line(self.counts, MAX_WIDTH).cell_len

    def render(self) -> Text:
        return histogram_line(self.counts, self.content_size.width, self.selected)

    def action_step(self, step: int) -> None:
        years = [year for year, _ in self.counts.years]
        if not years:
            return
        if self.selected is None:
            self.selected = self._peak()
            return
        # to the next year with results: an empty year would narrow to nothing
        later = [year for year in years if year > self.selected]
        earlier = [year for year in years if year < self.selected]
        if step > 0 and later:
            self.selected = later[0]
        elif step < 0 and earlier:
            self.selected = earlier[-1]

    def action_end(self, last: bool) -> None:
        years = [year for year, _ in self.counts.years]
        if years:
            self.selected = years[-1] if last else years[0]

    def action_narrow(self) -> None:
        if self.selected is not None:
            self.post_message(self.Narrowed(narrowing(self.selected), self.selected))

    def action_leave(self) -> None:
        self.post_message(self.Left())
