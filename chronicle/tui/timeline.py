"""The timeline pane: every event of the current result, one line each, in order.

Built on Textual's Line API so a million results cost the same as ten: the
widget holds only the ordered event ids, asks its screen for the rows of a page
when they come into view (off the UI thread), draws a placeholder meanwhile,
and caches rendered lines. The year is shown once, on the first event of each
year, so the list reads as grouped by year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from chronicle.model import TYPE_LABELS, Event
from chronicle.visible import visible

PAGE = 200
"""Rows fetched per request."""


class Timeline(ScrollView, can_focus=True):
    """A lazily loaded, keyboard-driven list of events."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("n", "cursor_down", "Next match", show=False),
        Binding("N", "cursor_up", "Previous match", show=False),
        Binding("enter", "open", "Open", tooltip="Show the event's sources in the detail pane"),
    ]

    COMPONENT_CLASSES = {
        "timeline--cursor",
        "timeline--year",
        "timeline--date",
        "timeline--type",
        "timeline--multi",
        "timeline--placeholder",
        "timeline--match",
    }

    DEFAULT_CSS = """
    Timeline { overflow-x: hidden; }
    Timeline > .timeline--cursor { background: $accent 40%; }
    Timeline:focus > .timeline--cursor { background: $accent; color: $text; }
    Timeline > .timeline--year { color: $warning; text-style: bold; }
    Timeline > .timeline--date { color: $text-muted; }
    Timeline > .timeline--type { color: $secondary; }
    Timeline > .timeline--multi { color: $success; text-style: bold; }
    Timeline > .timeline--placeholder { color: $text-disabled; }
    Timeline > .timeline--match { text-style: bold underline; color: $warning; }
    """

    cursor: reactive[int] = reactive(0)
    """Index of the highlighted row in the current result."""

    class EventHighlighted(Message):
        """The cursor moved onto an event."""

        def __init__(self, event_id: int | None) -> None:
            self.event_id = event_id
            super().__init__()

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, Timeline.EventHighlighted)

    class EventOpened(Message):
        """Enter was pressed on an event."""

        def __init__(self, event_id: int) -> None:
            self.event_id = event_id
            super().__init__()

    class RowsWanted(Message, bubble=True):
        """Rows in `ids` of result `generation` are needed and not loaded yet."""

        def __init__(self, ids: list[int], generation: int) -> None:
            self.ids = ids
            self.generation = generation
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ids: list[int] = []
        self.generation = 0
        """Counts results shown; rows loaded for an older result are dropped."""
        self._rows: dict[int, Event] = {}
        self._marks: dict[int, list[tuple[str, bool]]] = {}
        self._pending: set[int] = set()
        self._lines: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(2000)

    # Data ------------------------------------------------------------------

    def show(self, ids: Sequence[int], keep: int | None = None, at: int = 0) -> None:
        """Replace the result with `ids`, the cursor on event `keep` if present, else at `at`."""
        self.generation += 1
        self.ids = list(ids)
        self._rows.clear()  # reloaded with this query's matches marked
        self._marks.clear()
        self._pending.clear()
        self._lines.clear()
        self.virtual_size = Size(self.size.width, len(self.ids))
        index = self.ids.index(keep) if keep is not None and keep in self.ids else at
        self.cursor = index
        # The new virtual size applies at the next refresh; scroll after it.
        self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()
        self.post_message(self.EventHighlighted(self.current_id))

    def add_rows(
        self,
        rows: Sequence[Event],
        marks: dict[int, list[tuple[str, bool]]] | None = None,
        generation: int | None = None,
    ) -> None:
        """Cache loaded events (and their headlines with matched terms marked) and redraw.

        Rows loaded for an older result (`generation`) are dropped: their marks
        belong to another query.
        """
        if generation is not None and generation != self.generation:
            return
        self._marks.update(marks or {})
        for event in rows:
            self._rows[event.id] = event
            self._pending.discard(event.id)
        if len(self._rows) > 20_000:
            keep = set(self.ids[max(0, self.cursor - PAGE * 2) : self.cursor + PAGE * 2])
            self._rows = {k: v for k, v in self._rows.items() if k in keep}
        self._lines.clear()
        self.refresh()

    def row(self, index: int) -> Event | None:
        """The loaded event at `index`, if any."""
        if 0 <= index < len(self.ids):
            return self._rows.get(self.ids[index])
        return None

    @property
    def current_id(self) -> int | None:
        """Id of the event under the cursor."""
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None

    def move_to_id(self, event_id: int) -> bool:
        """Put the cursor on `event_id` if it is in the result."""
        if event_id in self.ids:
            self.cursor = self.ids.index(event_id)
            return True
        return False

    # Rendering ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width or self.size.width
        if index >= len(self.ids):
            return Strip.blank(width, self.rich_style)
        event = self._rows.get(self.ids[index])
        if event is None:
            self._request(index)
            style = self.get_component_rich_style("timeline--placeholder")
            return Strip([Segment("  …".ljust(width), style)], width)
        key = (index, width, index == self.cursor, self.has_focus)
        cached = self._lines.get(key)
        if cached is None:
            cached = self._render_row(index, event, width)
            self._lines[key] = cached
        return cached

    def _render_row(self, index: int, event: Event, width: int) -> Strip:
        previous = self.row(index - 1)
        year = (event.date_start or "undated")[:4] if event.date_start else "—"
        prev_year = ((previous.date_start or "")[:4] or "—") if previous else None
        show_year = previous is None or prev_year != year
        base = self.rich_style
        parts = [
            (
                f"{year:>4} " if show_year else "     ",
                self.get_component_rich_style("timeline--year"),
            ),
            (f"{_short_date(event)[:11]:<12}", self.get_component_rich_style("timeline--date")),
            (
                f"{TYPE_LABELS.get(event.type, event.type[:5]):<6}",
                self.get_component_rich_style("timeline--type"),
            ),
            (
                _sources_mark(event),
                self.get_component_rich_style("timeline--multi"),
            ),
        ]
        match = self.get_component_rich_style("timeline--match")
        runs = self._marks.get(event.id) or [(event.headline, False)]
        parts += [(visible(text), match if hit else Style()) for text, hit in runs]
        segments = [Segment(text, style) for text, style in parts]
        strip = Strip(segments).crop(0, width).extend_cell_length(width)
        if index == self.cursor:
            strip = strip.apply_style(self.get_component_rich_style("timeline--cursor"))
        return strip.apply_style(base)

    def _request(self, index: int) -> None:
        start = max(0, index - PAGE // 2)
        wanted = [i for i in self.ids[start : start + PAGE] if i not in self._rows]
        wanted = [i for i in wanted if i not in self._pending]
        if wanted:
            self._pending.update(wanted)
            self.post_message(self.RowsWanted(wanted, self.generation))

    # Cursor ------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.EventHighlighted(self.current_id))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.ids) - 1)) if self.ids else 0

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.ids))
        self._lines.clear()

    def on_focus(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        self.cursor = event.y + self.scroll_offset.y

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.ids) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.EventOpened(self.current_id))


def _sources_mark(event: Event) -> str:
    """'2×' for an event two sources report, '2!' when they disagree on the date."""
    if event.source_count < 2:
        return "   "
    return f"{event.source_count}{'!' if event.conflict else '×'} "


def _short_date(event: Event) -> str:
    """The date within its year ("Jan 04", "Oct 20–24", "Apr"): the year column shows the year."""
    start, end = event.date_start, event.date_end
    if start is None:
        return "undated"
    first = date.fromisoformat(start)
    if event.precision == "year":
        return "(year)"
    if event.precision == "month":
        return first.strftime("%b")
    if event.precision == "approximate":
        if end and end[:4] != start[:4]:
            return f"≈{start[:4]}–{end[:4]}"
        last = date.fromisoformat(end) if end else first
        if last.month == first.month:
            return "≈" + first.strftime("%b")
        return f"≈{first.strftime('%b')}–{last.strftime('%b')}"
    text = first.strftime("%b %d")
    if end and end != start:
        last = date.fromisoformat(end)
        if last.year != first.year:
            return f"–{last.year}" if (first.month, first.day) == (1, 1) else f"{text}–{last.year}"
        text += "–" + (last.strftime("%d") if last.month == first.month else last.strftime("%b %d"))
    return text
