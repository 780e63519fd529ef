"""Which series does one table hold? A series per row when the periods run across the
header ("Year | 2012-13 | 2013-14 ..."), a series per column when they run down a column
("2012 | 389 | 1,860 | 2,249"); only rows or columns whose every cell is a figure or a
missing-value mark, with two figures at least. A table without periods (a list of names,
a chronology) holds none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chronicle.ingest.series.context import TableContext, caption_name
from chronicle.ingest.series.periods import Period, parse_period
from chronicle.ingest.series.units import split_unit
from chronicle.ingest.series.values import Cell, read_value
from chronicle.model import Series, SeriesPoint

_CELL_BAR = re.compile(r"\s*\|\s*")
_MIN_PERIODS = 2
_MIN_VALUES = 2


@dataclass(frozen=True, slots=True)
class Line:
    """One run of values over periods, before it is named: a row or a column of a table."""

    label: str
    periods: tuple[tuple[str, Period], ...]
    cells: tuple[str, ...]


def rows_of(table: str) -> list[list[str]]:
    """A table paragraph's rows (one per line, cells between bars), aligned to the widest.

    The cleaner leaves empty cells out, so a row one cell short whose first cell is a
    figure has lost its empty label ("| 30.1 | 30.1 ..." under "Year | 2012-13 | ..."),
    and a header one cell short has lost its empty corner; other short rows cannot be
    placed and are left out rather than read into the wrong column.
    """
    rows = [_CELL_BAR.split(line.strip()) for line in table.split("\n") if line.strip()]
    width = max((len(r) for r in rows), default=0)
    aligned = []
    for number, row in enumerate(rows):
        if len(row) == width - 1 and (number == 0 or read_value(row[0]) is not None):
            row = ["", *row]
        if len(row) == width:
            aligned.append(row)
    return aligned


def lines_of(rows: Sequence[Sequence[str]], fiscal: Callable[[], int | None]) -> list[Line]:
    """The rows or columns of a table that run over periods (see the module's rule)."""
    if len(rows) < _MIN_PERIODS:
        return []
    across = _periods(rows[0][1:], fiscal)
    if across is not None:
        periods = tuple((rows[0][j + 1], p) for j, p in across)
        return [Line(row[0], periods, tuple(row[j + 1] for j, _ in across)) for row in rows[1:]]
    return _down(rows, fiscal)


def _periods(
    cells: Sequence[str], fiscal: Callable[[], int | None]
) -> list[tuple[int, Period]] | None:
    """(index, period) of the cells that name periods, when enough of them do: two or more,
    and at least half of the cells that hold anything ("Total" and "Change" may stand
    beside them)."""
    fiscal_start = fiscal() if any(re.search(r"\d\s*[-–/]\s*\d", c) for c in cells) else None
    found = [(i, p) for i, c in enumerate(cells) if (p := parse_period(c, fiscal_start))]
    filled = sum(1 for c in cells if c.strip())
    if len(found) < _MIN_PERIODS or 2 * len(found) < filled:
        return None
    return found


def _down(rows: Sequence[Sequence[str]], fiscal: Callable[[], int | None]) -> list[Line]:
    """The columns of a table whose periods run down its first column that names periods;
    the first row is the header unless it names a period too (then each column is named by
    its place, "column 2", so that its series' names differ)."""
    width = len(rows[0])
    for column in range(width - 1):
        header = not parse_period(rows[0][column], None) or len(rows) == 1
        body = rows[1:] if header else rows
        found = _periods([r[column] for r in body], fiscal)
        if found is None:
            continue
        names = rows[0] if header else [f"column {j + 1}" for j in range(width)]
        periods = tuple((body[i][column], p) for i, p in found)
        return [
            Line(names[j], periods, tuple(body[i][j] for i, _ in found))
            for j in range(column + 1, width)
        ]
    return []


def series_of_line(line: Line, context: TableContext, paragraph: int) -> Series | None:
    """`line` as a named series, or None when its cells are not all figures (or missing)."""
    cells = [read_value(c) for c in line.cells]
    if any(c is None for c in cells) or sum(c.value is not None for c in cells) < _MIN_VALUES:
        return None
    label, label_unit = split_unit(line.label)
    caption, caption_unit = split_unit(caption_name(context.caption))
    unit = label_unit or context.unit or caption_unit or _percent_unit(cells)
    name = f"{caption}: {label}" if caption and label else caption or label
    points = tuple(
        SeriesPoint(written, p.precision, p.start, p.end, cell.value, text)
        for (written, p), cell, text in zip(line.periods, cells, line.cells, strict=True)
        if cell is not None
    )
    return Series(
        name=name,
        caption=context.caption,
        label=label,
        unit=unit,
        convention="",
        note=context.note,
        paragraph=paragraph,
        points=points,
    )


def _percent_unit(cells: Sequence[Cell | None]) -> str:
    figures = [c for c in cells if c is not None and c.value is not None]
    return "%" if figures and all(c.percent for c in figures) else ""
