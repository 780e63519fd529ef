"""Group a PDF page's words into rows of print, each knowing its size, weight and text.

A row is the words that share a line of print on one side of a page's gutter. Its
size is the size most of its characters are set in; a word set smaller and raised
above the row's baseline is a superscript, and a superscript number becomes
superscript digits ("measures.³"), the form the cleaner reads as a footnote marker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median

from chronicle.ingest.text.inline import SUPERSCRIPTS

_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_MARKER = re.compile(r"^\d{1,3}(?:,\d{1,3})*$")
_UNMAPPED = re.compile(r"\(cid:\d+\)")
"""A glyph whose font maps it to no character: no text to keep."""
_SMALLER = 0.8
"""A superscript is set at most this share of its row's size ..."""
_RAISED = 0.12
"""... with its foot at least this share of the row's size above the row's baseline."""
_SPACE = 0.1
"""A gap wider than this share of the size between two words of a row is a space."""
CELL_GAP = 1.2
"""A gap this many times the size between two words of a row parts two table cells."""


@dataclass(frozen=True, slots=True)
class Word:
    """One word of print: its text, box (points from the page's top left), size, weight."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class Row:
    """Words sharing a line of print, left to right, and what they add up to."""

    words: list[Word]
    page: int = 0
    size: float = 0.0
    bold: bool = False
    text: str = ""
    cells: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None  # a ruled table standing in the flow as one row

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


def words_of(raw: Iterable[dict]) -> list[Word]:
    """`Word`s from pdfplumber's word dictionaries (with ``size`` and ``fontname``)."""
    return [
        Word(
            _UNMAPPED.sub("", w["text"]),
            w["x0"],
            w["x1"],
            w["top"],
            w["bottom"],
            round(w["size"], 1),
            bool(_BOLD.search(w["fontname"])),
        )
        for w in raw
        if w["upright"] and _UNMAPPED.sub("", w["text"]).strip()
    ]


def rows_of(words: Sequence[Word], page: int = 0) -> list[Row]:
    """The rows of a set of words, top to bottom: a word joins the row whose band of
    print it overlaps by half its height (a raised note number overlaps its line)."""
    rows: list[Row] = []
    band: tuple[float, float] | None = None
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if band is not None and _overlap(band, (word.top, word.bottom)):
            rows[-1].words.append(word)
            band = (min(band[0], word.top), max(band[1], word.bottom))
        else:
            rows.append(Row([word], page))
            band = (word.top, word.bottom)
    for row in rows:
        finish(row)
    return rows


def _overlap(band: tuple[float, float], span: tuple[float, float]) -> bool:
    shared = min(band[1], span[1]) - max(band[0], span[0])
    return shared >= 0.5 * min(band[1] - band[0], span[1] - span[0])


def finish(row: Row) -> Row:
    """Sort a row's words and fill in its size, weight, text and cells."""
    row.words.sort(key=lambda w: w.x0)
    sizes = Counter[float]()
    for word in row.words:
        sizes[word.size] += len(word.text)
    row.size = sizes.most_common(1)[0][0]
    main = [w for w in row.words if w.size == row.size]
    row.bold = all(w.bold for w in main)
    baseline = median(w.bottom for w in main)
    parts: list[str] = []
    cells: list[list[str]] = [[]]
    previous: Word | None = None
    for word in row.words:
        text = word.text
        if _is_superscript(word, row.size, baseline):
            text = text.translate(_TO_SUPERSCRIPT)
        if previous is not None:
            gap = word.x0 - previous.x1
            if gap > CELL_GAP * row.size:
                cells.append([])
            if gap > _SPACE * min(word.size, previous.size):
                parts.append(" ")
                cells[-1].append(" ")
        parts.append(text)
        cells[-1].append(text)
        previous = word
    row.text = "".join(parts)
    row.cells = ["".join(cell).strip() for cell in cells]
    return row


def _is_superscript(word: Word, size: float, baseline: float) -> bool:
    small = word.size <= _SMALLER * size
    raised = word.bottom < baseline - _RAISED * size
    return small and raised and bool(_MARKER.match(word.text))


def body_size(rows: Iterable[Row]) -> float:
    """The size most of a document's characters are set in."""
    sizes = Counter[float]()
    for row in rows:
        sizes[row.size] += len(row.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0
