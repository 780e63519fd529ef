"""Put a PDF page's rows in reading order: page furniture out, columns one after the other.

Running heads and feet are the lines a document repeats at the same place on most of
its pages, whatever page number they carry; a page number is a margin line that is
only a number ("3", "Page 3 of 12", "- 3 -"). A page set in two columns has a gutter:
a band down the middle of the page that the rows of both columns leave empty while
holding words on either side of it. Rows that cross the gutter (a title, an
introduction set full width) cut the page into bands, and each band is read left
column first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from chronicle.ingest.formats.pdf_rows import Row, Word, rows_of

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—|]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—|]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)
_NUMBERED_LINE = re.compile(r"^(?:\d{1,4}\s*[|•·]\s*\S.*|.*\S\s*[|•·]\s*\d{1,4})$")
"""A page number set beside a line of the margin: "3 | Institute of ...", "... | 3"."""
_NUMBERED_WORDS = 8
_MARGIN_ROWS = 2
"""Rows at the head and at the foot of a page where running heads and numbers stand."""
_PLACE = 6.0
"""Points within which a repeated line stands "at the same place"."""
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_IN = re.compile(
    r"(?:^|\s)(?:page\s+)?[-–—|]?\s*\d{1,4}\s*[-–—|]?(?:\s*(?:of|/)\s*\d{1,4})?(?=\s|$)"
)


def _key(row: Row) -> str:
    """A margin line as it repeats from page to page: its page number left out, or
    where it is not a page number of its own, its digits made alike."""
    text = _PAGE_NUMBER_IN.sub(" ", row.text.lower())
    return _DIGITS.sub("#", " ".join(text.split()))


def furniture(
    pages: Sequence[Sequence[Row]], rules: Sequence[Sequence[float]], body: float
) -> list[set[int]]:
    """For each page, the indexes of its rows that are running heads, feet or page
    numbers: at the head or foot of the page, a page number alone, a line repeated
    (digits aside) at the same height on at least half the pages, two at least, or a
    line that carries the page's own number (`numbered_heads`); and from the second
    page on, a head in small print set apart from the text by a rule or a blank line
    (a two-page brief repeats its head once).

    Args:
        pages: Each page's rows, top to bottom.
        rules: The heights of each page's horizontal rules.
        body: The body's size.
    """
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    margins = []
    for number, rows in enumerate(pages):
        edge = _edges(rows)
        margins.append(edge)
        for index in edge:
            seen[(_key(rows[index]), round(rows[index].top / _PLACE))].add(number)
    needed = max(2, (len(pages) + 1) // 2)
    numbered = numbered_heads(pages, margins, body)
    out = []
    for number, rows in enumerate(pages):
        found = set(numbered[number])
        for index in margins[number]:
            place = round(rows[index].top / _PLACE)
            repeats = {p for shift in (-1, 0, 1) for p in seen[(_key(rows[index]), place + shift)]}
            if len(repeats) >= needed or is_page_number(rows[index].text):
                found.add(index)
        if number and _set_apart(rows, rules[number], body):
            found.add(0)
        out.append(found)
    return out


_SMALL_PRINT = 0.92
_APART = 1.5
"""A blank line: a gap of this many times the next row's size."""


def _set_apart(rows: Sequence[Row], rules: Sequence[float], body: float) -> bool:
    """Whether a page's first row is small print ruled off, or spaced off, from the text."""
    if len(rows) < 2 or rows[0].size >= _SMALL_PRINT * body:
        return False
    head, below = rows[0], rows[1]
    ruled = any(head.bottom <= y <= below.top for y in rules)
    return ruled or below.top - head.bottom > _APART * below.size


_HEAD_NUMBER = re.compile(r"^(\d{1,4})\s+\S")
_TAIL_NUMBER = re.compile(r"\S\s+(\d{1,4})$")
_BODY_SIZED = 1.05
_NUMBERED_SHARE = 3
"""A page's own number must be found on a third of the pages, three at least."""


def numbered_heads(
    pages: Sequence[Sequence[Row]], margins: Sequence[Sequence[int]], body: float
) -> list[set[int]]:
    """The margin lines that carry the page's own number, whatever else they say as the
    chapter changes ("Chapter 2: Structures  3", "4  Libtasn1"): a number that ends a
    margin line, or opens the first line of the page (at the foot, a number that
    opens a line opens a note), set no larger than the body (a chapter's heading,
    "1 Introduction", is larger), and that runs with the pages: the page's index plus
    the same amount on at least a third of them."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)  # offset: (page, row)
    for number, (rows, edge) in enumerate(zip(pages, margins, strict=True)):
        for index in edge:
            text = rows[index].text.strip()
            if rows[index].size > _BODY_SIZED * body:
                continue
            match = _TAIL_NUMBER.search(text) or (
                index == 0 < len(rows) - _MARGIN_ROWS and _HEAD_NUMBER.match(text)
            )
            if match:
                found[int(match.group(1)) - number].append((number, index))
    out: list[set[int]] = [set() for _ in pages]
    for places in found.values():
        if len({page for page, _ in places}) >= max(3, len(pages) // _NUMBERED_SHARE):
            for page, index in places:
                out[page].add(index)
    return out


def is_page_number(text: str) -> bool:
    """A margin line that is a page number, alone or beside a short line of its own."""
    text = text.strip()
    if _PAGE_NUMBER.match(text):
        return True
    return bool(_NUMBERED_LINE.match(text)) and len(text.split()) <= _NUMBERED_WORDS


def _edges(rows: Sequence[Row]) -> list[int]:
    count = min(_MARGIN_ROWS, len(rows))
    return sorted(set(range(count)) | set(range(len(rows) - count, len(rows))))


_CENTRE = (0.3, 0.7)
"""Where on the page's width a gutter is looked for."""
_BAND = 4.0
"""Half the width of the empty band a gutter needs, in points."""
_WORD_SPACE = 1.2
"""Words of one row closer than this many times its size are one line, not two columns."""
_SIDE_WORDS = 3
_SPLIT_ROWS = 5


def _crosses(row: Row, x: float) -> bool:
    """Whether a row is one line across `x`: a word covers it, or words stand on both
    sides of it no further apart than a wide word space."""
    if any(w.x0 - _BAND < x < w.x1 + _BAND for w in row.words):
        return True
    left = [w.x1 for w in row.words if w.x1 <= x]
    right = [w.x0 for w in row.words if w.x0 >= x]
    return bool(left and right) and min(right) - max(left) < _WORD_SPACE * row.size


def gutter(rows: Sequence[Row], width: float) -> float | None:
    """The x of the gutter of a page set in columns, or None: the place in the middle
    of the page that most rows leave empty while holding at least three words on
    either side of it, when at least five rows do so and no fewer rows cross it."""
    lo, hi = (int(width * share) for share in _CENTRE)
    crossing = [0] * (hi - lo + 2)  # counts by difference: +1 where a run starts, -1 after
    split = [0] * (hi - lo + 2)
    for row in rows:
        runs = _runs(row)
        for start, end, _ in runs:
            _add(crossing, start - lo, end - lo)
        before = 0
        for (_, end, count), (start, _, _) in pairwise(runs):
            before += count
            if before >= _SIDE_WORDS and len(row.words) - before >= _SIDE_WORDS:
                _add(split, end - lo, start - lo)
    best, best_score, crossed, parted = None, 0, 0, 0
    for offset in range(hi - lo + 1):
        crossed += crossing[offset]
        parted += split[offset]
        if parted >= _SPLIT_ROWS and parted >= crossed and parted - crossed > best_score:
            best, best_score = float(lo + offset), parted - crossed
    return best


def _runs(row: Row) -> list[tuple[float, float, int]]:
    """The stretches of a row that read as one line (words no further apart than a wide
    word space), widened by the band a gutter keeps clear: (start, end, words)."""
    runs: list[tuple[float, float, int]] = []
    for word in row.words:
        if runs and word.x0 - (runs[-1][1] - _BAND) < _WORD_SPACE * row.size:
            start, _, count = runs[-1]
            runs[-1] = (start, word.x1 + _BAND, count + 1)
        else:
            runs.append((word.x0 - _BAND, word.x1 + _BAND, 1))
    return runs


def _add(counts: list[int], start: float, end: float) -> None:
    """Count one more over the whole points from `start` to `end` (clipped to the list)."""
    first, last = max(0, int(start) + 1), min(len(counts) - 1, int(end) + 1)
    if first < last:
        counts[first] += 1
        counts[last] -= 1


@dataclass(slots=True)
class Segment:
    """Rows read one after another: a column of one band of a page, or a full-width
    band; `left` and `right` are the edges of that column's print on the page."""

    rows: list[Row]
    left: float
    right: float


def reading_order(words: Sequence[Word], page: int, width: float) -> list[Segment]:
    """A page's words as segments in reading order."""
    rows = rows_of(words, page)
    if not rows:
        return []
    split = gutter(rows, width)
    if split is None:
        return [Segment(rows, *_edges_of(rows))]
    full = [r for r in rows if _crosses(r, split)]
    rest = [w for r in rows if not _crosses(r, split) for w in r.words]
    left = rows_of([w for w in rest if w.x1 <= split], page)
    right = rows_of([w for w in rest if w.x0 >= split], page)
    return _bands(full, left, right)


def _edges_of(rows: Sequence[Row]) -> tuple[float, float]:
    return min(r.x0 for r in rows), max(r.x1 for r in rows)


def _bands(full: list[Row], left: list[Row], right: list[Row]) -> list[Segment]:
    segments: list[Segment] = []
    edges = {id(side): _edges_of(side) for side in (left, right) if side}
    above = float("-inf")
    for row in [*sorted(full, key=lambda r: r.top), None]:
        below = row.top if row is not None else float("inf")
        for side in (left, right):
            band = [r for r in side if above <= r.top < below]
            if band:
                segments.append(Segment(band, *edges[id(side)]))
        if row is not None:
            segments.append(Segment([row], *_edges_of([*full, *left, *right])))
            above = row.top
    return _merge_full(segments)


def _merge_full(segments: list[Segment]) -> list[Segment]:
    """Consecutive full-width rows read as one segment."""
    out: list[Segment] = []
    for segment in segments:
        last = out[-1] if out else None
        if last is not None and (last.left, last.right) == (segment.left, segment.right):
            last.rows.extend(segment.rows)
        else:
            out.append(segment)
    return out
