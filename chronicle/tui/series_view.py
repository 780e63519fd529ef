"""The series screen: one table's row or column drawn as labelled horizontal bars.

Each period gets a line: its label as the table writes it, a bar as long as its
value's share of the largest, and the value as the table writes it, so every label
and figure is on screen at 80 columns. Above the bars: the series' name, its unit
(or that the table states none), the fiscal-year convention, the table's caption,
the source line under it and the document it came from. `n`/`p` step through the
series the screen was opened with (a document's tables); Esc or `q` closes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.style import StyleType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from chronicle.model import StoredSeries
from chronicle.store import Store, StoreError
from chronicle.visible import visible

_EIGHTHS = " ▏▎▍▌▋▊▉"
"""Partial blocks, so a bar's length is drawn to an eighth of a cell."""
_GAP = 2
_MAX_LABEL = 20
_MIN_WIDTH = 20
_SCROLLBAR = 2
"""Columns kept free for the scroll bar a long series brings."""
GONE = "This series is no longer in the chronicle (its document was read again or removed)."


def bar(share: float, width: int) -> str:
    """A bar `share` (0 to 1) of `width` cells long, to the eighth of a cell."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def chart(
    stored: StoredSeries,
    width: int,
    muted: StyleType = "dim",
    rise: StyleType = "cyan",
    fall: StyleType = "red",
) -> Text:
    """The series as text `width` columns wide: its facts, then one bar per period.

    Args:
        muted: The style of the caption, source line and document (the screen passes
            its theme's).
        rise: The style of a bar for a value of zero or more.
        fall: The style of a bar for a negative value.
    """
    s = stored.series
    out = Text()
    out.append(visible(s.name), style="bold")
    unit = f"Unit: {visible(s.unit)}" if s.unit else "Unit: not stated in the table"
    if s.convention:
        unit += f"  ·  fiscal years {visible(s.convention)}"
    out.append(f"\n{unit}")
    if s.caption and s.caption != s.name:
        out.append(f"\nTable: {visible(s.caption)}", style=muted)
    out.append(f"\nFrom: {visible(stored.title or Path(stored.document).name)}", style=muted)
    if s.note:
        out.append(f"\nSource line: {visible(s.note)}", style=muted)
    out.append("\n\n")
    out.append(_bars(s.points, width, rise, fall))
    return out


def _bars(points: Sequence, width: int, rise: StyleType, fall: StyleType) -> Text:
    labels = [visible(p.period)[:_MAX_LABEL] for p in points]
    values = [visible(p.text) for p in points]
    label_width = max((len(label) for label in labels), default=0)
    value_width = max((len(v) for v in values), default=0)
    room = max(1, width - label_width - value_width - 2 * _GAP)
    largest = max((abs(p.value) for p in points if p.value is not None), default=0.0)
    out = Text()
    for point, label, value in zip(points, labels, values, strict=True):
        out.append(label.ljust(label_width + _GAP))
        if point.value is None:
            drawn, style = "", ""
        else:
            drawn = bar(abs(point.value) / largest if largest else 0.0, room)
            style = fall if point.value < 0 else rise
        out.append(drawn.ljust(room + _GAP), style=style)
        out.append(value.rjust(value_width))
        out.append("\n")
    out.rstrip()
    return out


class SeriesScreen(Screen[None]):
    """One series as a bar chart; `n`/`p` move through the series it was opened with."""

    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("n,right", "step(1)", "Next series"),
        Binding("N,left", "step(-1)", "Previous series"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    COMPONENT_CLASSES = {"series--muted", "series--rise", "series--fall"}

    DEFAULT_CSS = """
    SeriesScreen > .series--muted { color: $text-muted; }
    SeriesScreen > .series--rise { color: $primary; }
    SeriesScreen > .series--fall { color: $error; }
    #series-body {
        border: round $accent;
        padding: 0 1;
    }
    """

    def __init__(self, store: Store, ids: Sequence[int], index: int = 0) -> None:
        super().__init__()
        self.store = store
        self.ids = list(ids)
        self.index = index
        self.shown: StoredSeries | None = None
        self._text = Text()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="series-body"):
            yield Static(id="series-chart", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._load(self.ids[self.index])

    def _theme_changed(self, _theme: object) -> None:
        """Draw the chart again in the new theme's colours (they are resolved per draw)."""
        if self.shown is not None:
            self._draw(self.shown)

    def on_resize(self) -> None:
        if self.shown is not None:
            self._draw(self.shown)

    @work(thread=True, exclusive=True, group="series", description="load a series")
    def _load(self, series_id: int) -> None:
        try:
            found = self.store.series([series_id])
        except StoreError as error:
            self.app.call_from_thread(self.notify, visible(str(error)), severity="error")
            return
        self.app.call_from_thread(self._show, series_id, found[0] if found else None)

    def _show(self, series_id: int, stored: StoredSeries | None) -> None:
        if self.ids[self.index] != series_id:
            return  # the reader stepped on while it loaded
        self.shown = stored
        if stored is None:
            self._update(Text(GONE))
            return
        self._draw(stored)

    def _draw(self, stored: StoredSeries) -> None:
        body = self.query_one("#series-body", VerticalScroll)
        room = body.content_region.width or self.app.size.width - 4
        styles = (
            self.get_component_rich_style(f"series--{name}", partial=True)
            for name in ("muted", "rise", "fall")
        )
        self._update(chart(stored, max(_MIN_WIDTH, room - _SCROLLBAR), *styles))
        if len(self.ids) > 1:
            body.border_subtitle = f"{self.index + 1} of {len(self.ids)} · n/N next, previous"

    def _update(self, text: Text) -> None:
        self._text = text
        self.query_one("#series-chart", Static).update(text)

    @property
    def text(self) -> str:
        """The plain text on screen (for tests)."""
        return self._text.plain

    def action_step(self, by: int) -> None:
        if len(self.ids) > 1:
            self.index = (self.index + by) % len(self.ids)
            self._load(self.ids[self.index])

    def action_scroll(self, where: str) -> None:
        getattr(self.query_one("#series-body", VerticalScroll), f"scroll_{where}")(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
