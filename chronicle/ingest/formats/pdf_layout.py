"""Put a PDF page's rows in reading order, the columns of a page one after the other.

A page set in two columns has a gutter: a band down the middle of the page that the
rows of both columns leave empty while holding words on either side of it. Rows that
cross the gutter (a title, an introduction set full width) cut the page into bands,
and each band is read left column first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from chronicle.ingest.formats.pdf_rows import Row, Word, rows_of

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


def gutter(rows: Sequence[Row], left: float, right: float) -> float | None:
    """The x of the gutter between `left` and `right` (a page's edges, or a column's),
    or None: the place in the middle that most rows leave empty while holding at least
    three words on either side of it, when at least five rows do so and no fewer rows
    cross it."""
    lo, hi = (int(left + (right - left) * share) for share in _CENTRE)
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
    return _read(words, page, 0.0, width, 0)


_DEPTH = 2
"""Gutters looked for within a column found: three or four columns to a page."""


def _read(
    words: Sequence[Word],
    page: int,
    left: float,
    right: float,
    depth: int,
    edges: tuple[float, float] | None = None,
) -> list[Segment]:
    """The words between `left` and `right` as segments: one, or the bands between the
    rows that cross the gutter, each read left side first (a side may have a gutter of
    its own). `edges` are those of the column the words belong to, over all its bands:
    where its lines start and end."""
    rows = rows_of(words, page)
    if not rows:
        return []
    split = gutter(rows, left, right) if depth < _DEPTH else None
    if split is None:
        return [Segment(rows, *(edges or _edges_of(rows)))]
    full = [r for r in rows if _crosses(r, split)]
    rest = [w for r in rows if not _crosses(r, split) for w in r.words]
    sides = (
        ([w for w in rest if w.x1 <= split], left, split),
        ([w for w in rest if w.x0 >= split], split, right),
    )
    segments: list[Segment] = []
    above = float("-inf")
    for row in [*sorted(full, key=lambda r: r.top), None]:
        below = row.top if row is not None else float("inf")
        for side, a, b in sides:
            band = [w for w in side if above <= w.top < below]
            extent = (min(w.x0 for w in side), max(w.x1 for w in side)) if side else None
            segments += _read(band, page, a, b, depth + 1, extent)
        if row is not None:
            segments.append(Segment([row], *_edges_of(rows)))
            above = row.top
    return _merge_full(segments)


def _edges_of(rows: Sequence[Row]) -> tuple[float, float]:
    return min(r.x0 for r in rows), max(r.x1 for r in rows)


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
