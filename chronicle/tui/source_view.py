"""The source screen: the document an event was read from, opened at the event's sentence.

The document's title, publisher, date and path (or address) head the screen; its
cleaned text follows as stored, wrapped to the width, the event's sentence in view
and highlighted, every other dated sentence marked by style and by a gutter mark
(so it reads without colour). `n`/`N` move between the dated sentences, Enter
leaves with the highlighted one's event id, Esc or `q` leaves with None.

A document of megabytes opens at once: the text is drawn on the Line API, one row
at a time as it scrolls into view, from a list of row offsets made by a wrap that
works on whole lines with `str.rfind` (a line of one-cell characters, nearly all of
them) and goes character by character only through lines holding a tab, a wide
character or a control. The event's own sentence comes with the text; the other
dated sentences are read after the text is shown.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style, StyleType
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Label, Static

from chronicle.store import Store, StoreError
from chronicle.store.document_view import DatedSentence, SourceDocument
from chronicle.visible import visible

GONE = "This document is no longer in the chronicle (it was removed or read again)."
TAB = 8
"""Columns between tab stops (tables are stored tab-separated)."""
GUTTER = 2
"""Columns left of the text for the marks of dated sentences."""
MARKS = {"current": ("▶", "┃"), "dated": ("•", "│")}
"""Gutter marks of a sentence's first row and of the rows it continues on."""
_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
        "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    }
)
"""Spaces Python calls unprintable although a terminal shows them as spaces."""


class Row(NamedTuple):
    """One row of the text: `text[start:end]`, drawn as is when `plain`."""

    start: int
    end: int
    plain: bool


class Layout(NamedTuple):
    """The rows of a text at one width: row i is `text[starts[i]:ends[i]]`.

    Lists of numbers rather than a row object each: a document of 2 MB has tens of
    thousands of rows, made every time the width changes.
    """

    width: int
    starts: list[int]
    ends: list[int]
    drawn: set[int]
    """Rows holding a tab or a control, drawn through `shown`; the others as they are."""


def wrap(text: str, width: int) -> Layout:
    """The rows of `text` at `width` columns, broken at spaces (the space dropped)."""
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    drawn: set[int] = set()
    at = 0
    for line in text.split("\n"):
        n = len(line)
        if n <= width and line.isascii() and line.isprintable():
            starts.append(at)
            ends.append(at + n)
        else:
            plain = line.isprintable() or line.translate(_SPACES).isprintable()
            if plain and (line.isascii() or _narrow(line)):
                breaks = _breaks(line, width)
            else:
                breaks = _cell_breaks(line, width)
            if not plain:
                drawn.update(range(len(starts), len(starts) + len(breaks)))
            starts.extend(at + a for a, _ in breaks)
            ends.extend(at + b for _, b in breaks)
        at += n + 1
    return Layout(width, starts, ends, drawn)


_NARROW: set[str] = {chr(c) for c in range(0x20, 0x7F)}
"""Characters known to take one cell, growing as lines are measured."""


def _narrow(line: str) -> bool:
    """Whether every character of `line` takes one cell (each new one measured once)."""
    new = set(line).difference(_NARROW)
    if all(_width(c) == 1 for c in new):
        _NARROW.update(new)
        return True
    return False


def _breaks(line: str, width: int) -> list[tuple[int, int]]:
    """Where a line of one-cell characters breaks: the last space that fits, else anywhere."""
    breaks = []
    start, n = 0, len(line)
    while n - start > width:
        space = line.rfind(" ", start, start + width + 1)
        if space > start:
            breaks.append((start, space))
            start = space + 1
        else:
            breaks.append((start, start + width))
            start += width
    breaks.append((start, n))
    return breaks


def _cell_breaks(line: str, width: int) -> list[tuple[int, int]]:
    """Where a line breaks, each character as wide as it is drawn (`shown`); a tab,
    like a space, is where a row may end."""
    breaks = []
    start, col, space = 0, 0, -1
    for i, char in enumerate(line):
        cells = _cells(char, col)
        if col + cells > width and i > start:
            if char in " \t":  # the row ends here and the blank goes with the break
                breaks.append((start, i))
                start, col, space = i + 1, 0, -1
                continue
            if space > start:
                breaks.append((start, space))
                start = space + 1
                col = _cells_of(line[start:i])
            else:
                breaks.append((start, i))
                start, col = i, 0
            space = -1
            cells = _cells(char, col)
        if char in " \t":
            space = i
        col += cells
    breaks.append((start, len(line)))
    return breaks


def _cells(char: str, col: int) -> int:
    return TAB - col % TAB if char == "\t" else _width(char)


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    drawn = visible(char)
    return len(drawn) if drawn != char else get_character_cell_size(char)


def shown(part: str) -> tuple[str, list[int]]:
    """`part` as drawn (controls as escapes, tabs to the next stop) and where each of
    its characters (and its end) starts in the drawing."""
    pieces: list[str] = []
    where: list[int] = []
    at = col = 0
    for char in part:
        where.append(at)
        cells = _cells(char, col)
        piece = " " * cells if char == "\t" else visible(char)
        pieces.append(piece)
        at += len(piece)
        col += cells
    where.append(at)
    return "".join(pieces), where


def _cells_of(part: str) -> int:
    """Columns `part` takes at the start of a row."""
    col = 0
    for char in part:
        col += _cells(char, col)
    return col


class DocumentText(ScrollView, can_focus=True):
    """A document's text, drawn row by row, with its dated sentences marked."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
    ]

    COMPONENT_CLASSES = {"source--dated", "source--current", "source--date", "source--gutter"}

    DEFAULT_CSS = """
    DocumentText { overflow-x: hidden; overflow-y: scroll; }
    DocumentText > .source--dated { text-style: underline; }
    DocumentText > .source--current { text-style: reverse; }
    DocumentText > .source--date { text-style: reverse bold; }
    DocumentText > .source--gutter { color: $accent; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.sentences: tuple[DatedSentence, ...] = ()
        self.current = 0
        """Index in `sentences` of the highlighted one."""
        self._rows = Layout(0, [], [], set())
        self._starts: list[int] = []
        self._longest = 0
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1000)

    # Content ---------------------------------------------------------------

    def show_text(self, text: str, focus: DatedSentence, layout: Layout | None = None) -> None:
        """Show `text` with `focus` highlighted and in view.

        Args:
            layout: `text` wrapped already (off the UI thread) to `text_width`; made
                here when it is missing or was made for another width.
        """
        self.text = text
        self._rows = layout or Layout(0, [], [], set())
        self.mark((focus,), focus)

    def mark(self, sentences: Sequence[DatedSentence], focus: DatedSentence) -> None:
        """Mark `sentences` (by position), `focus` among them highlighted and in view."""
        self.sentences = tuple(sentences)
        self._starts = [s.start for s in self.sentences]
        self._longest = max((s.end - s.start for s in self.sentences), default=0)
        self.current = self.sentences.index(focus) if focus in self.sentences else 0
        self._layout()
        self._bring_into_view()

    @property
    def sentence(self) -> DatedSentence | None:
        """The highlighted dated sentence."""
        return self.sentences[self.current] if self.sentences else None

    def step(self, by: int) -> None:
        """Highlight the dated sentence `by` places on (stopping at the first and last)."""
        if self.sentences:
            self.current = max(0, min(len(self.sentences) - 1, self.current + by))
            self._strips.clear()
            self.refresh()
            self._bring_into_view()

    @property
    def row_count(self) -> int:
        """How many rows the text takes at the current width."""
        return len(self._rows.starts)

    def row(self, index: int) -> Row:
        """Row `index` of the text at the current width."""
        rows = self._rows
        return Row(rows.starts[index], rows.ends[index], index not in rows.drawn)

    def row_text(self, index: int) -> str:
        """Row `index` as drawn, without its gutter (for tests)."""
        row = self.row(index)
        part = self.text[row.start : row.end]
        return part if row.plain else shown(part)[0]

    def row_of(self, offset: int) -> int:
        """The row holding character `offset` of the text."""
        return max(0, bisect_right(self._rows.starts, offset) - 1)

    # Layout ----------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Columns the text is wrapped to (the widget's, less the gutter)."""
        return (self.scrollable_content_region.width or self.app.size.width) - GUTTER

    def _layout(self) -> None:
        width = self.text_width
        if width != self._rows.width:
            self._rows = wrap(self.text, width)
        self.virtual_size = Size(width + GUTTER, self.row_count)
        self._strips.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.text:
            self._layout()
            self.call_after_refresh(self._bring_into_view)

    def _bring_into_view(self) -> None:
        """Scroll the highlighted sentence a third down when it is out of view or in the
        last quarter of it (a sentence on the last rows shows nothing of what follows)."""
        sentence = self.sentence
        if sentence is None:
            return
        first, last = (
            self.row_of(sentence.start),
            self.row_of(max(sentence.start, sentence.end - 1)),
        )
        height = self.scrollable_content_region.height or self.app.size.height
        top = self.scroll_offset.y
        if first < top or last >= top + height - height // 4:
            target = first - height // 3 if last - first < height else first
            # The virtual size set just now applies at the next refresh.
            self.call_after_refresh(self.scroll_to, y=max(0, target), animate=False)

    # Drawing ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self._rows.width + GUTTER
        if index >= self.row_count:
            return Strip.blank(width, self.rich_style)
        key = (index, self.current)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._draw(self.row(index), width)
            self._strips[key] = strip
        return strip

    def _draw(self, row: Row, width: int) -> Strip:
        part = self.text[row.start : row.end]
        drawn, where = (part, None) if row.plain else shown(part)
        marks = self._marks(row)
        cuts = sorted(
            {0, len(drawn), *(self._at(where, row, o) for a, b, _ in marks for o in (a, b))}
        )
        segments = [
            Segment(self._gutter(row, marks), self.get_component_rich_style("source--gutter"))
        ]
        for a, b in pairwise(cuts):
            if a < b:
                segments.append(Segment(drawn[a:b], self._style(where, row, marks, a)))
        strip = Strip(segments).crop(0, width).extend_cell_length(width)
        return strip.apply_style(self.rich_style)

    def _meeting(self, row: Row) -> list[int]:
        """Indexes of the dated sentences with a part in `row`."""
        end = max(row.end, row.start + 1)
        lo = bisect_left(self._starts, row.start - self._longest)
        hi = bisect_left(self._starts, end)
        return [i for i in range(lo, hi) if self.sentences[i].end > row.start]

    def _marks(self, row: Row) -> list[tuple[int, int, str]]:
        """(start, end, kind) of the marked spans meeting `row`, in text offsets."""
        marks = []
        for i in self._meeting(row):
            s = self.sentences[i]
            if i == self.current:
                marks += [(s.start, s.end, "current"), (s.date_start, s.date_end, "date")]
            else:
                marks.append((s.start, s.end, "dated"))
        return marks

    @staticmethod
    def _at(where: list[int] | None, row: Row, offset: int) -> int:
        """Where text offset `offset` falls in the row as drawn."""
        inside = max(0, min(row.end, offset) - row.start)
        return inside if where is None else where[inside]

    def _style(self, where: list[int] | None, row: Row, marks: list, at: int) -> Style:
        kinds = {k for a, b, k in marks if self._at(where, row, a) <= at < self._at(where, row, b)}
        for kind in ("date", "current", "dated"):
            if kind in kinds:
                return self.get_component_rich_style(f"source--{kind}")
        return Style()

    def _gutter(self, row: Row, marks: list[tuple[int, int, str]]) -> str:
        for kind in ("current", "dated"):
            begins = [a >= row.start for a, _, k in marks if k == kind]
            if begins:
                first, more = MARKS[kind]
                return (first if any(begins) else more).ljust(GUTTER)
        return " " * GUTTER

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        meeting = self._meeting(self.row(index)) if 0 <= index < self.row_count else []
        if meeting:
            self.step(meeting[0] - self.current)
            self.post_message(DocumentText.Stepped())

    class Stepped(Message):
        """The highlighted sentence changed by a click."""


class SourceScreen(Screen[int | None]):
    """One event's source document; dismissed with the event id Enter chose, else None.

    Args:
        store: The chronicle.
        event_id: The event whose source to open.
        document: The path of the source document to open; None for the event's
            first source (as its detail lists them).
    """

    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("n", "step(1)", "Next date"),
        Binding("N", "step(-1)", "Previous date"),
        Binding("enter", "choose", "Go to its event"),
    ]

    COMPONENT_CLASSES = {"source-head--muted"}

    DEFAULT_CSS = """
    SourceScreen > .source-head--muted { color: $text-muted; }
    #source-head { padding: 0 1; border-bottom: solid $accent; height: auto; }
    #source-text { height: 1fr; }
    #source-status { padding: 0 1; width: 100%; }
    """

    def __init__(self, store: Store, event_id: int, document: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.event_id = event_id
        self.document = document
        self.source: SourceDocument | None = None
        self.marked = False
        """Whether the document's other dated sentences have been read."""

    def compose(self) -> ComposeResult:
        yield Static("Reading the document…", id="source-head", markup=False)
        yield DocumentText(id="source-text")
        yield Label("", id="source-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.query_one(DocumentText).focus()
        self._open()

    def _theme_changed(self, _theme: object) -> None:
        """Draw the heading again in the new theme's colours (they are resolved per draw)."""
        self._head()

    @work(thread=True, exclusive=True, group="source", description="open a source document")
    def _open(self) -> None:
        try:
            source = self.store.source_document(self.event_id, self.document)
        except StoreError as error:
            self.app.call_from_thread(self._fail, str(error))
            return
        if source is None:
            self.app.call_from_thread(self._fail, GONE)
            return
        layout = wrap(source.text, self.query_one(DocumentText).text_width)
        self.app.call_from_thread(self._show, source, layout)

    @work(thread=True, exclusive=True, group="source-marks", description="mark dated sentences")
    def _mark(self, source: SourceDocument) -> None:
        """Read the document's other dated sentences, once its text is on screen."""
        try:
            sentences = self.store.dated_sentences(source.id, source.text)
        except StoreError as error:
            self.app.call_from_thread(self.notify, visible(str(error)), severity="error")
            return
        self.app.call_from_thread(self._marked, sentences)

    def _fail(self, message: str) -> None:
        self.query_one("#source-head", Static).update(Text(visible(message)))
        self.query_one(DocumentText).display = False

    def _show(self, source: SourceDocument, layout: Layout) -> None:
        self.source = source
        self._head()
        self.query_one(DocumentText).show_text(source.text, source.focus, layout)
        self._status()
        self.call_after_refresh(self._mark, source)

    def _head(self) -> None:
        if self.source is not None:
            head = self.query_one("#source-head", Static)
            room = head.content_region.width or self.app.size.width - 2
            muted = self.get_component_rich_style("source-head--muted", partial=True)
            head.update(heading(self.source, room, muted))

    def on_resize(self) -> None:
        self._head()

    def _marked(self, sentences: tuple[DatedSentence, ...]) -> None:
        if self.source is not None:
            self.query_one(DocumentText).mark(sentences, self.source.focus)
            self.marked = True
            self._status()

    def _status(self) -> None:
        text = self.query_one(DocumentText)
        sentence = text.sentence
        if sentence is None:
            return
        date = visible(sentence.date_text)
        if self.marked:
            line = f"Dated sentence {text.current + 1} of {len(text.sentences)}: {date}"
        else:
            line = f"Dated sentence: {date} (finding the document's other dates…)"
        self.query_one("#source-status", Label).update(Text(line))

    def on_document_text_stepped(self) -> None:
        self._status()

    def action_step(self, by: int) -> None:
        self.query_one(DocumentText).step(by)
        self._status()

    def action_choose(self) -> None:
        sentence = self.query_one(DocumentText).sentence
        if sentence is not None:
            self.dismiss(sentence.event_id)

    def action_close(self) -> None:
        self.dismiss(None)


def heading(source: SourceDocument, width: int, muted: StyleType = "dim") -> Text:
    """The three lines above the text, each within `width`: the title, the publisher
    and date, and the path or address (its start cut, so the file's name stays), in
    `muted` (the screen passes its theme's)."""
    title = visible(source.title or Path(source.path).name)
    facts = "  ·  ".join(visible(f) for f in (source.publisher, source.date or "undated") if f)
    where = visible(source.url or source.path)
    if len(where) > width:
        where = "…" + where[len(where) - width + 1 :]
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(title, style="bold")
    out.append(f"\n{facts}\n")
    out.append(where, style=muted)
    return out
