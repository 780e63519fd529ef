"""Re-flow a PDF's rows of body print into the blocks of plain text the cleaner reads.

Rows join into a paragraph until a break: a wider gap than the lines' own spacing, a
first line indented, a change of size, or a line that ends a sentence well short of
the column's edge. A short line that ends no sentence (a masthead's, a byline's)
stays a line of its own. A row set larger than the body, or bold at the body's size
and short, is a heading: the largest print of the first page is the title ("# "),
every other heading "## ". A row opening on a bullet or a number is a list item
(unless the row above cut a sentence it goes on with), and the rows indented under it
go on with it. Rows of cells parted by wide gaps, most of them figures, are a table:
tab-separated rows, their caption the line above. Rows join as `pdf_hyphens.join`
says, a word broken at a line's end made whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from chronicle.ingest.formats.pdf_hyphens import join
from chronicle.ingest.formats.pdf_layout import Segment
from chronicle.ingest.formats.pdf_rows import Row
from chronicle.ingest.text.segment import ends_sentence

_HEADING_SIZE = 1.15
_SAME_SIZE = 0.08
_HEADING_WORDS = 14
_GAP = 1.35
"""A row this many times the usual line spacing below the last starts a new block."""
_SHORT = 0.2
"""A row ending this share of the column's width short of its edge ends early."""
_INDENT = 0.8
"""A first line indented by this many times the size opens a paragraph."""
_ITEM = re.compile(
    r"^(?:[•◦▪‣●○■□►▸➢✓–—*-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\((?:i{1,3}|iv|v|vi{1,3})\))\s"
)
_FIGURE = re.compile(r"^[(\[]?[-+−]?(?:[$€£¥]|US\$|Rs\.?)?\s?\d[\d,.]*(?:[-–/]\d[\d,.]*)?%?[)\]]?$")
_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(slots=True)
class Flow:
    """Blocks of text (each a list of lines) built from the body's rows."""

    body: float
    pitch: float
    title_size: float
    words: set[str]
    blocks: list[list[str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    kind: str = ""  # of the line being built: "prose", "heading", "item", "line"
    last: Row | None = None
    last_segment: Segment | None = None
    left: float = 0.0

    def flush(self) -> None:
        if self.lines:
            self.blocks.append(self.lines)
        self.lines, self.kind = [], ""

    def start(self, text: str, kind: str, block: bool) -> None:
        if block:
            self.flush()
        self.lines.append(text)
        self.kind = kind

    def extend(self, text: str) -> None:
        self.lines[-1] = join(self.lines[-1], text, self.words)


def line_pitch(segments: Sequence[Segment]) -> float:
    """The usual distance from one row of body print to the next."""
    steps = [
        b.top - a.top
        for s in segments
        for a, b in zip(s.rows, s.rows[1:], strict=False)
        if a.table is None and b.table is None and a.size == b.size and b.top > a.top
    ]
    return median(steps) if steps else 0.0


def is_table_row(row: Row) -> bool:
    """A row of three cells or more parted by wide gaps, at least half of them figures."""
    figures = sum(1 for c in row.cells if _FIGURE.match(c))
    return len(row.cells) >= 3 and 2 * figures >= len(row.cells)


def flow(segments: Sequence[Segment], flow_state: Flow) -> None:
    """Add the body rows of `segments` (in reading order) to `flow_state`'s blocks."""
    for segment in segments:
        rows = segment.rows
        margin = usual_left(rows)
        for index, row in enumerate(rows):
            if row.table is not None:
                _table(flow_state, [r for r in row.table])
            elif _in_figures(rows, index):
                _figures(flow_state, row)
            else:
                _row(flow_state, row, segment, margin)
            flow_state.last, flow_state.last_segment = row, segment


def _in_figures(rows: Sequence[Row], index: int) -> bool:
    """A row of a table of figures, or the header row of cells right above one."""
    if is_table_row(rows[index]):
        return True
    below = rows[index + 1] if index + 1 < len(rows) else None
    return len(rows[index].cells) >= 2 and below is not None and is_table_row(below)


def _table(state: Flow, cells: list[list[str]]) -> None:
    _caption(state)
    rows = ["\t".join(" ".join(c.split()) for c in row) for row in cells]
    state.start(rows[0], "table", block=True)
    state.lines.extend(rows[1:])
    state.flush()


def _figures(state: Flow, row: Row) -> None:
    if state.kind != "table":
        _caption(state)
        state.flush()
        state.kind = "table"
    state.lines.append("\t".join(row.cells))


def _caption(state: Flow) -> None:
    """The line over a table is its caption, not a section heading."""
    if state.kind == "heading" and len(state.lines) == 1:
        state.lines[0] = state.lines[0].lstrip("#").strip()
    state.flush()


def usual_left(rows: Sequence[Row]) -> float:
    """Where most rows of a segment start: its text's left edge (a heading may stand
    further left, a first line further right)."""
    starts = Counter(round(r.x0) for r in rows if r.table is None)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def _row(state: Flow, row: Row, segment: Segment, margin: float) -> None:
    text = row.text.strip()
    if state.kind == "table":
        state.flush()
    heading = _heading_mark(state, row)
    if heading:
        if state.kind == "heading" and state.last is not None and _continues_heading(state, row):
            state.extend(text)
        else:
            state.start(f"{heading} {text}", "heading", block=True)
        return
    if _ITEM.match(text) and not _runs_on(state):
        state.start(text, "item", block=state.kind not in ("item",))
        state.left = row.x0
        return
    last = state.last
    if last is None or state.kind in ("", "heading"):
        state.start(text, "prose", block=True)
        return
    indent = row.x0 - margin > _INDENT * row.size
    if state.kind == "item":
        if row.x0 > state.left + 2 and not _gap(state, last, row):
            state.extend(text)
        else:
            state.start(text, "prose", block=True)
        return
    edges = state.last_segment or segment
    short = last.x1 < edges.right - _SHORT * (edges.right - edges.left)
    ended = short and ends_sentence(state.lines[-1])
    if _gap(state, last, row) or indent or _size_change(last, row) or ended:
        state.start(text, "prose", block=True)
    elif short and len(state.lines[-1]) == len(last.text.strip()) and not text[:1].islower():
        state.start(text, "line", block=False)  # a short line alone: a masthead's
    else:
        state.extend(text)


def _runs_on(state: Flow) -> bool:
    """Whether the paragraph being built was cut mid-sentence, so that a row opening on a
    dash or a number ("– and its observers –", "3. ...") goes on with it, not a list."""
    if state.kind != "prose" or not state.lines:
        return False
    line = state.lines[-1]
    return not ends_sentence(line) and not line.endswith(":")


def _gap(state: Flow, last: Row, row: Row) -> bool:
    """Whether a row stands further below the last than the lines' spacing (a row at
    the head of the next column or page stands above it: no gap can be told)."""
    if last.page != row.page or row.top <= last.top or not state.pitch:
        return False
    return row.top - last.top > _GAP * state.pitch * max(1.0, row.size / state.body)


def _size_change(last: Row, row: Row) -> bool:
    return abs(last.size - row.size) > _SAME_SIZE * max(last.size, row.size)


def _heading_mark(state: Flow, row: Row) -> str:
    """ "# " for the title, "##" for another heading, "" for a row of text."""
    text = row.text.strip()
    if len(text.split()) > _HEADING_WORDS or not any(c.isalpha() for c in text):
        return ""
    if row.page == 0 and state.title_size and abs(row.size - state.title_size) < 0.5:
        return "#"
    if row.size >= _HEADING_SIZE * state.body:
        return "##"
    body_sized = abs(row.size - state.body) <= _SAME_SIZE * state.body
    if row.bold and body_sized and not ends_sentence(text) and not text.endswith(":"):
        return "##"
    return ""


def _continues_heading(state: Flow, row: Row) -> bool:
    last = state.last
    assert last is not None
    same = abs(last.size - row.size) < 0.5 and last.bold == row.bold
    near = state.pitch and row.top - last.bottom < state.pitch * (row.size / state.body)
    return bool(same and near and last.page == row.page)


def title_size(first_page: Sequence[Row], body: float) -> float:
    """The size of the first page's largest line of words when it is a heading's, else 0
    (a logo's letters, "ISSI", are no title)."""
    sizes = [r.size for r in first_page if r.table is None and len(_WORDS.findall(r.text)) >= 2]
    largest = max(sizes, default=0.0)
    return largest if largest >= _HEADING_SIZE * body else 0.0
