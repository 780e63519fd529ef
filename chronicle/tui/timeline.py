"""The timeline pane: every event of the current result, one line each, in order.

Built on Textual's Line API so a million results cost the same as ten: the
widget holds only the ordered event ids, asks its screen for the rows of a page
when they come into view (off the UI thread), draws a placeholder meanwhile,
and caches rendered lines. Line 0 is a header naming the columns, which
`chronicle.tui.columns` chooses for the width; it stays put while rows scroll
under it. The first event of each year shows its date in bold, so the list
reads as grouped by year. In the context view every event is listed and the
query's hits are marked (`»`), the rest dimmed; `n`/`N` jump between hits.
A row's first two cells carry the analyst's marks (`analyst_mark`): starred,
corrected, added by hand, noted or tagged; the first two that apply.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

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
from textual.theme import Theme

from chronicle.date_notation import date_label
from chronicle.model import TYPE_LABELS, Event
from chronicle.tui.columns import FLAG, GAP, Column, columns_for, cut, cut_runs
from chronicle.visible import visible

PAGE = 200
"""Rows fetched per request."""
HEADER = 1
"""Lines above the rows (the column names)."""
HIT_MARK = "»"
MARKER = 2
"""Cells the hit marker column takes in the context view (mark and a gap)."""
STARRED = "★"
CORRECTED = "✎"
BY_HAND = "+"
NOTED = "•"
"""The analyst's marks in a row's first two cells, in this order; the first two that
apply are shown (the detail pane's "Your notes" says all of them)."""


class Timeline(ScrollView, can_focus=True):
    """A lazily loaded, keyboard-driven list of events."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("n", "next_hit", "Next match", show=False),
        Binding("N", "previous_hit", "Previous match", show=False),
        Binding("enter", "open", "Open", tooltip="Show the event's sources in the detail pane"),
    ]

    COMPONENT_CLASSES = {
        "timeline--header",
        "timeline--cursor",
        "timeline--year",
        "timeline--date",
        "timeline--type",
        "timeline--multi",
        "timeline--placeholder",
        "timeline--match",
        "timeline--dim",
        "timeline--hit",
        "timeline--flag",
    }

    DEFAULT_CSS = """
    Timeline { overflow-x: hidden; scrollbar-size-vertical: 1; }
    Timeline > .timeline--header { color: $text; background: $panel; text-style: bold; }
    Timeline > .timeline--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    Timeline:focus > .timeline--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    Timeline > .timeline--year { color: $text; text-style: bold; }
    Timeline > .timeline--date { color: $text-muted; }
    Timeline > .timeline--type { color: $secondary; }
    Timeline > .timeline--multi { color: $success; text-style: bold; }
    Timeline > .timeline--placeholder { color: $text-muted; }
    Timeline > .timeline--match { text-style: bold underline; color: $warning; }
    Timeline > .timeline--dim { color: $text-muted; }
    Timeline > .timeline--hit { color: $accent; text-style: bold; }
    Timeline > .timeline--flag { color: $warning; text-style: bold; }
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

    class NoMoreHits(Message):
        """`n` (forward) or `N` found no hit past the cursor; the cursor stayed."""

        def __init__(self, forward: bool) -> None:
            self.forward = forward
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ids: Sequence[int] = ()
        self.generation = 0
        """Counts results shown; rows loaded for an older result are dropped."""
        self._hits: Collection[int] | None = None
        self._rows: dict[int, Event] = {}
        self._marks: dict[int, list[tuple[str, bool]]] = {}
        self._publishers: dict[int, str] = {}
        self._publishers_known = False
        """Whether the screen sends publishers (else no publisher column is drawn)."""
        self._by_hand: Collection[int] = frozenset()
        """Ids of the events the analyst added by hand (marked +)."""
        self._pending: set[int] = set()
        self._lines: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(2000)

    # Data ------------------------------------------------------------------

    def show(
        self,
        ids: Sequence[int],
        keep: int | None = None,
        at: int = 0,
        hits: Collection[int] | None = None,
    ) -> None:
        """Replace the result with `ids` (kept, not copied), the cursor on event `keep` if
        present, else at `at`. With `hits` (the context view), rows whose id is not in it
        are dimmed and the others marked; `n`/`N` jump between them."""
        self.generation += 1
        self.ids = ids
        self._hits = hits
        self._rows.clear()  # reloaded with this query's matches marked
        self._marks.clear()
        self._publishers.clear()
        self._pending.clear()
        self._lines.clear()
        self.virtual_size = Size(self.size.width, len(ids) + HEADER)
        self.cursor = _index_of(ids, keep, at)
        # The new virtual size applies at the next refresh; scroll after it.
        self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()
        self.post_message(self.EventHighlighted(self.current_id))

    def extend(self, ids: Sequence[int]) -> None:
        """Take the whole result of the query whose first rows are shown (`ids` begins
        with them): the rows loaded or loading, their marks and the cursor stay."""
        self.ids = ids
        self.virtual_size = Size(self.size.width, len(ids) + HEADER)
        self.refresh()

    @property
    def hits(self) -> Collection[int] | None:
        """The ids marked as hits (the context view), or None when every row is one."""
        return self._hits

    def add_rows(
        self,
        rows: Sequence[Event],
        marks: dict[int, list[tuple[str, bool]]] | None = None,
        generation: int | None = None,
        publishers: dict[int, str] | None = None,
    ) -> None:
        """Cache loaded events (their headlines with matched terms marked, and the
        publisher of each one's first source when known) and redraw.

        Rows loaded for an older result (`generation`) are dropped: their marks
        belong to another query.
        """
        if generation is not None and generation != self.generation:
            return
        self._marks.update(marks or {})
        if publishers is not None:
            self._publishers.update(publishers)
            self._publishers_known = True
        for event in rows:
            self._rows[event.id] = event
            self._pending.discard(event.id)
        if len(self._rows) > 20_000:
            keep = set(self.ids[max(0, self.cursor - PAGE * 2) : self.cursor + PAGE * 2])
            self._rows = {k: v for k, v in self._rows.items() if k in keep}
        self._lines.clear()
        self.refresh()

    def mark_by_hand(self, ids: Collection[int]) -> None:
        """Mark the events with these ids as added by hand (+), in any result."""
        self._by_hand = ids
        self._lines.clear()
        self.refresh()

    def is_by_hand(self, event_id: int) -> bool:
        """Whether the event was added by hand (as far as the screen has said)."""
        return event_id in self._by_hand

    def update_row(self, event: Event) -> None:
        """Show `event` read again (the analyst starred, tagged or corrected it) in its row,
        if loaded; a corrected headline drops the search's marks made on the old one."""
        old = self._rows.get(event.id)
        if old is None:
            return
        if old.headline != event.headline:
            self._marks.pop(event.id, None)
        self._rows[event.id] = event
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
        index = _index_of(self.ids, event_id, -1)
        if index >= 0:
            self.cursor = index
        return index >= 0

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns shown at the current width, in screen order."""
        marker = MARKER if self._hits is not None else 0
        return columns_for(self._width, marker, self._publishers_known)

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width or self.size.width

    @property
    def _page_rows(self) -> int:
        """Rows visible under the header."""
        return max(1, (self.scrollable_content_region.height or 1) - HEADER)

    # Rendering ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._width
        if y < HEADER:
            return self._header(width)
        index = y - HEADER + self.scroll_offset.y
        if index >= len(self.ids):
            return Strip.blank(width, self.rich_style)
        event = self._rows.get(self.ids[index])
        if event is None:
            self._request(index)
            style = self.rich_style + self.get_component_rich_style("timeline--placeholder")
            return Strip([Segment("  …".ljust(width), style)], width)
        key = (index, width, index == self.cursor, self.has_focus)
        cached = self._lines.get(key)
        if cached is None:
            cached = self._render_row(index, event, width)
            self._lines[key] = cached
        return cached

    def _header(self, width: int) -> Strip:
        style = self.get_component_rich_style("timeline--header")
        text = " " * (MARKER + FLAG) if self._hits is not None else " " * FLAG
        text += (" " * GAP).join(cut(column.title, column.width) for column in self.columns)
        return (
            Strip([Segment(text, style)]).crop_extend(0, width, style).apply_style(self.rich_style)
        )

    def _render_row(self, index: int, event: Event, width: int) -> Strip:
        dim = self._hits is not None and event.id not in self._hits
        segments: list[Segment] = []
        if self._hits is not None:
            mark = "  " if dim else f"{HIT_MARK} "
            segments.append(Segment(mark, self.get_component_rich_style("timeline--hit")))
        flag = analyst_mark(event, event.id in self._by_hand)
        segments.append(Segment(flag, self._style("timeline--flag")))
        for n, column in enumerate(self.columns):
            if n:
                segments.append(Segment(" " * GAP))
            segments += self._cell(column, index, event)
        if dim:
            segments = list(Segment.apply_style(segments, None, self._style("timeline--dim")))
        if index == self.cursor:
            cursor = self._style("timeline--cursor")
            segments = list(Segment.apply_style(segments, None, cursor))
            strip = Strip(segments).crop_extend(0, width, cursor)
        else:
            strip = Strip(segments).crop_extend(0, width, None)
        return strip.apply_style(self.rich_style)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _cell(self, column: Column, index: int, event: Event) -> list[Segment]:
        """The segments of one cell, exactly `column.width` cells wide."""
        width = column.width
        if column.key == "headline":
            match = self._style("timeline--match")
            runs = self._marks.get(event.id) or [(event.headline, False)]
            shown = cut_runs([(visible(text), hit) for text, hit in runs], width)
            return [Segment(text, match if hit else None) for text, hit in shown]
        if column.key == "date":
            label = date_label(event.date_start, event.date_end, event.precision)
            style = "timeline--year" if self._first_of_year(index, event) else "timeline--date"
            return [Segment(cut(label, width), self._style(style))]
        if column.key == "type":
            label = TYPE_LABELS.get(event.type, event.type[:5])
            return [Segment(cut(label, width), self._style("timeline--type"))]
        if column.key == "sources":
            return [Segment(cut(sources_mark(event), width), self._style("timeline--multi"))]
        if column.key == "countries":
            text = " ".join(event.countries)
        elif column.key == "actors":
            text = ", ".join(event.actors)
        else:
            text = self._publishers.get(event.id, "")
        return [Segment(cut(visible(text), width))]

    def _first_of_year(self, index: int, event: Event) -> bool:
        """Whether the row starts a year (or the undated events): its date is drawn bold."""
        previous = self.row(index - 1)
        if previous is None:
            return True
        return (previous.date_start or "")[:4] != (event.date_start or "")[:4]

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
        rows = self._page_rows
        top = self.scroll_offset.y
        if self.cursor < top:
            self._scroll_to_row(self.cursor)
        elif self.cursor >= top + rows:
            self._scroll_to_row(self.cursor - rows + 1)

    def _scroll_to_row(self, top: int) -> None:
        # forced: a result that had no scroll bar refuses to scroll until the next layout
        # shows one, which would leave a cursor moved in the same turn off screen
        self.scroll_to(y=top, animate=False, immediate=True, force=True)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: Theme) -> None:
        """Drop rows drawn in the old theme's colours (ctrl+p, Theme)."""
        self._lines.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.ids) + HEADER)
        self._lines.clear()
        self.call_after_refresh(self._scroll_to_cursor)

    def on_focus(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= HEADER:
            index = offset.y - HEADER + self.scroll_offset.y
            if index < len(self.ids):
                self.cursor = index

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.ids) - 1

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, step: int) -> None:
        """Scroll a page as `less` does, the cursor keeping its row on screen; where the
        list cannot scroll further, the cursor moves the page instead (to the end)."""
        rows = self._page_rows
        top = self.scroll_offset.y
        new_top = max(0, min(top + step * rows, len(self.ids) - rows))
        if new_top == top:
            self.cursor += step * rows
            return
        row = max(0, min(self.cursor - top, rows - 1))
        self._scroll_to_row(new_top)
        self.cursor = new_top + row

    def action_next_hit(self) -> None:
        self._to_hit(1)

    def action_previous_hit(self) -> None:
        self._to_hit(-1)

    def _to_hit(self, step: int) -> None:
        """Move to the nearest hit past the cursor, scanning only as far as it is."""
        index = self.cursor + step
        while 0 <= index < len(self.ids):
            if self._hits is None or self.ids[index] in self._hits:
                self.cursor = index
                return
            index += step
        self.post_message(self.NoMoreHits(forward=step > 0))

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.EventOpened(self.current_id))


def sources_mark(event: Event) -> str:
    """'2×' for an event two sources report, '2!' when they disagree on the date."""
    if event.source_count < 2:
        return ""
    return f"{event.source_count}{'!' if event.conflict else '×'}"


def analyst_mark(event: Event, by_hand: bool = False) -> str:
    """The two cells of the analyst's work on `event`: the first two that apply of
    ★ starred, ✎ corrected, + added by hand, • noted or tagged, padded with blanks.

    Two cells, not one: a starred event that also has a note is the usual case, and
    one cell hid the note. Four marks at once are rare; the detail pane lists them.
    """
    note = event.annotation
    marks = [
        mark
        for mark, applies in (
            (STARRED, note is not None and note.starred),
            (CORRECTED, note is not None and bool(note.correction)),
            (BY_HAND, by_hand),
            (NOTED, note is not None and bool(note.tags or note.note.strip())),
        )
        if applies
    ]
    return "".join(marks[:FLAG]).ljust(FLAG)


def _index_of(ids: Sequence[int], wanted: int | None, otherwise: int) -> int:
    """Where `wanted` is in `ids` (one scan of a large result, not two), else `otherwise`."""
    if wanted is None:
        return otherwise
    try:
        return ids.index(wanted)
    except ValueError:
        return otherwise
