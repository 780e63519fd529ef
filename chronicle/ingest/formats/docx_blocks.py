"""The blocks of a Word document's body in the order they stand: headings, list items,
paragraphs, table captions, tables, the text boxes anchored among them and the chunks
of HTML embedded whole.

Tables are read cell by cell from the XML, every row as wide as the table's grid. A
cell merged down rows is repeated in each row it covers, so every row keeps its label
(a year shared by its quarters); a cell merged across columns stands in its first
column and leaves the others empty, as a heading over a group of columns is written
once (the series parser then takes its labels from the row under it). A row with one
filled cell (a title or section line set across the table, a letterhead laid out in
one) is read as paragraphs, not as a row. A caption ("Caption" style, or "Table 3:
...") just below a table is moved above it, where the cleaner and the series parser
look for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import takewhile

from docx.oxml.ns import qn
from lxml.etree import _Element

from chronicle.ingest.formats.docx_lists import Numbering
from chronicle.ingest.formats.docx_runs import (
    FALLBACK,
    RunReader,
    is_placeholder,
    sets_lines,
    shown_paragraphs,
)
from chronicle.ingest.formats.docx_styles import Styles, val
from chronicle.ingest.text.segment import looks_like_heading

_CAPTION_LABEL = re.compile(r"^Table\s+\d+\b(?P<mark>\s*[.:–—-])?")
_WRAPPERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
_P, _TBL, _PPR, _TCPR = (qn(tag) for tag in ("w:p", "w:tbl", "w:pPr", "w:tcPr"))
_TEXT_BOX = qn("w:txbxContent")
_ALT_CHUNK, _RELATIONSHIP = qn("w:altChunk"), qn("r:id")
"""Content controls and custom XML that wrap body blocks or table rows and cells."""
_SPACES = re.compile(r"\s+")
_MAX_SPAN = 64
"""Most grid columns one cell is taken to cover (a damaged file may claim millions)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the body.

    Attributes:
        kind: "heading", "item", "caption", "text" or "table".
        text: Its text; a table's rows on lines, cells separated by tabs.
        level: A heading's level (0 for the title), a list item's nesting depth.
        table: The number of the body table it was read from (0: none).
    """

    kind: str
    text: str
    level: int = 0
    table: int = 0


class BodyReader:
    """Walks a body element into `Block`s."""

    def __init__(
        self,
        styles: Styles,
        numbering: Numbering,
        runs: RunReader,
        chunk: Callable[[str], str] = lambda _: "",
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.runs = runs
        self.chunk = chunk  # the text of an embedded chunk, by relationship id
        self._tables = 0

    def blocks(self, body: _Element) -> list[Block]:
        """The body's blocks in order, each table's caption above it."""
        return _captions_above(list(self._walk(body)))

    def _walk(self, container: _Element) -> Iterator[Block]:
        for child in container:
            if child.tag == _P:
                yield from self._text_boxes(child)
                if block := self._paragraph(child):
                    yield block
            elif child.tag == _TBL:
                self._tables += 1
                number = self._tables
                for block in self._table(child):
                    yield block if block.table else replace(block, table=number)
            elif child.tag in _WRAPPERS and not is_placeholder(child):
                yield from self._walk(child)
            elif child.tag == _ALT_CHUNK and (text := self.chunk(child.get(_RELATIONSHIP, ""))):
                yield Block("text", text)

    def _paragraph(self, paragraph: _Element) -> Block | None:
        ppr = paragraph.find(_PPR)
        names = self.styles.names(ppr)
        if any(name.startswith("toc ") or name == "toc heading" for name in names):
            return None  # a table of contents repeats the headings, with page numbers
        lines = self.runs.lines(paragraph)
        text = " ".join(lines)
        if not text:
            return None
        level = self.styles.heading_level(ppr)
        if level is not None:
            return Block("heading", text, level)
        if (ref := self.styles.list_ref(ppr)) is not None:
            label = self.numbering.label(ref)
            return Block("item", f"{label} {text}" if label else text, ref.level)
        if "caption" in names or is_caption(text):
            return Block("caption", text)
        return Block("text", "\n".join(lines) if sets_lines(lines) else text)

    def _text_boxes(self, paragraph: _Element) -> Iterator[Block]:
        """The blocks of the text boxes anchored in a paragraph (a banner, a box of key
        facts), before its own text. Word writes each box twice, as a drawing and as
        the VML fallback older readers use; the fallback copy is skipped."""
        for content in paragraph.iter(_TEXT_BOX):
            ancestors = takewhile(lambda a: a is not paragraph, content.iterancestors())
            if not any(a.tag in (FALLBACK, _TEXT_BOX) for a in ancestors):
                yield from self._walk(content)

    def _table(self, table: _Element) -> Iterator[Block]:
        rows: list[str] = []
        above: list[_Element] = []
        walked: set[_Element] = set()
        for row in _children(table, "w:tr"):
            if _is_deleted(row):
                continue
            cells = above = _grid_cells(row, above)
            texts = {cell: self._cell_text(cell) for cell in cells}  # once per merged cell
            filled = [cell for cell, text in texts.items() if text]
            if len(filled) >= 2:
                rows.append("\t".join(_row_texts(cells, texts)))
                continue
            if rows:
                yield Block("table", "\n".join(rows))
                rows = []
            if filled and filled[0] not in walked:
                walked.add(filled[0])
                yield from self._walk(filled[0])  # a title row, a laid-out letterhead
        if rows:
            yield Block("table", "\n".join(rows))

    def _cell_text(self, cell: _Element) -> str:
        texts = (self.runs.text(p) for p in shown_paragraphs(cell))
        return _SPACES.sub(" ", " ".join(t for t in texts if t)).strip()


def is_caption(text: str) -> bool:
    """A table's caption by its label: "Table 2: Japan's FDI ...", or "Table 2" over a
    title, not a sentence that begins "Table 2 shows ..."."""
    label = _CAPTION_LABEL.match(text)
    return bool(label and (label.group("mark") or looks_like_heading(text)))


def _children(element: _Element, tag: str) -> Iterator[_Element]:
    """Children with `tag`, looking through content controls that wrap them."""
    for child in element:
        if child.tag == qn(tag):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _is_deleted(row: _Element) -> bool:
    """A table row deleted under tracked changes."""
    trpr = row.find(qn("w:trPr"))
    return trpr is not None and trpr.find(qn("w:del")) is not None


def _grid_cells(row: _Element, above: list[_Element]) -> list[_Element]:
    """The cell element at each grid column of a row: a cell spanning columns at each of
    them, a cell continuing a vertical merge as the cell it continues."""
    cells: list[_Element] = []
    for cell in _children(row, "w:tc"):
        column = len(cells)
        tcpr = cell.find(_TCPR)
        merge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
        if merge is not None and val(merge, "continue") == "continue" and column < len(above):
            cell = above[column]
        cells.extend([cell] * _span(tcpr))
    return cells


def _row_texts(cells: list[_Element], texts: dict[_Element, str]) -> list[str]:
    """Each grid column's text: a cell merged across columns in its first one only."""
    return [
        texts[cell] if column == 0 or cell is not cells[column - 1] else ""
        for column, cell in enumerate(cells)
    ]


def _span(tcpr: _Element | None) -> int:
    """How many grid columns a cell covers."""
    span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
    try:
        return min(max(int(val(span, "1")), 1), _MAX_SPAN)
    except ValueError:
        return 1


def _captions_above(blocks: list[Block]) -> list[Block]:
    """Move a caption that stands just below a table over it, unless the table has one
    above already or another table follows (then the caption is that table's)."""
    groups: list[list[Block]] = []  # each table's blocks together, every other block alone
    for block in blocks:
        if block.table and groups and groups[-1][0].table == block.table:
            groups[-1].append(block)
        else:
            groups.append([block])
    for index in range(1, len(groups)):
        table, caption = groups[index - 1], groups[index]
        if caption[0].kind != "caption" or not table[0].table:
            continue
        has_one = index >= 2 and groups[index - 2][0].kind == "caption"
        next_table = index + 1 < len(groups) and groups[index + 1][0].table
        if not has_one and not next_table:
            groups[index - 1], groups[index] = caption, table
    return [block for group in groups for block in group]
