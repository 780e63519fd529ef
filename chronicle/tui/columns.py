"""Which columns a timeline of a given width shows, how wide each is, and cutting text to fit.

Date, type, sources and headline always show; wider timelines add countries, then
actors, then the publisher, each only while the headline keeps the room it has at
80x24 (`MIN_HEADLINE`): a headline is what a row is read by, so no optional column
ever makes it shorter than on the smallest common terminal. The headline takes what
is left. Widths are terminal cells (rich.cells), so a CJK headline or an actor's
accented name is cut where it ends on screen, with "…" where text was cut.

Every row starts with two cells for the analyst's marks (★ starred, ✎ corrected, …,
drawn by the timeline), and no gap: the countries column is 9 cells (its title's
width, three codes), so the headline still has 40 cells beside it at 80x24.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from chronicle.date_notation import WIDTH as DATE_WIDTH

ELLIPSIS = "…"
GAP = 1
"""Blank cells between two columns."""
FLAG = 2
"""Cells of the analyst's marks in front of every row (no gap after them)."""


MIN_HEADLINE = 40
"""Cells the headline keeps before an optional column may show: what it has at 80x24
with the countries beside it."""


@dataclass(frozen=True, slots=True)
class Column:
    """A timeline column: its key, header title, width in cells, and whether it sits
    right of the headline (`after_headline`)."""

    key: str
    title: str
    width: int
    after_headline: bool = False


FIXED = (
    Column("date", "date", DATE_WIDTH),
    Column("type", "type", 5),
    Column("sources", "src", 3),
)
OPTIONAL = (
    Column("countries", "countries", 9, after_headline=True),
    Column("actors", "actors", 18, after_headline=True),
    Column("publisher", "publisher", 16, after_headline=True),
)
"""In the order they are added as the timeline widens."""


def columns_for(width: int, marker: int = 0, publisher: bool = True) -> tuple[Column, ...]:
    """The columns of a timeline `width` cells wide, in screen order, the headline's width
    being what the others and the mark (`FLAG`) leave (at least one cell). `marker`
    cells are kept in front (the context view's hit marker) without changing which
    columns show, so the context view keeps the columns of the results it came from;
    without `publisher` (not known) that column is left out."""
    room = width - FLAG - sum(c.width + GAP for c in FIXED)
    extra: list[Column] = []
    for column in OPTIONAL:
        if column.key == "publisher" and not publisher:
            continue
        if room - (column.width + GAP) < MIN_HEADLINE:
            break
        extra.append(column)
        room -= column.width + GAP
    headline = Column("headline", "headline", max(1, room - marker))
    return (*FIXED, headline, *extra)


def cut(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with "…" in its last cell."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1) + ELLIPSIS


def cut_runs(runs: Sequence[tuple[str, bool]], width: int) -> list[tuple[str, bool]]:
    """Runs of text (with whether each is a search hit) cut together to exactly `width`
    cells, as `cut` cuts one string; the "…" belongs to the run it cuts."""
    if width <= 0:
        return []
    total = sum(cell_len(text) for text, _ in runs)
    if total <= width:
        return [*runs, (" " * (width - total), False)] if total < width else list(runs)
    room = width - 1
    kept: list[tuple[str, bool]] = []
    for text, hit in runs:
        size = cell_len(text)
        if size < room:
            kept.append((text, hit))
            room -= size
            continue
        kept.append((set_cell_size(text, room) + ELLIPSIS, hit))
        break
    return kept
