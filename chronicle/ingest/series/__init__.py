"""A document's tables read as named series over time (pure: no I/O).

`find_series(doc)` reads each table paragraph of a `CleanDocument` (rows on lines, cells
between bars, as `chronicle.ingest.text.clean` leaves every format's tables) with the
caption, unit and note around it (`context`), the periods of its header or first column
(`periods`), its figures (`values`) and units (`units`), and returns one `Series` per row
or column of figures (`tables`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from chronicle.ingest.dates.fiscal import fiscal_year_start, stated_start
from chronicle.ingest.dates.names import MONTH_NAMES
from chronicle.ingest.series.context import table_context
from chronicle.ingest.series.tables import lines_of, rows_of, series_of_line
from chronicle.model import CleanDocument, Series

__all__ = ["find_series"]


def find_series(doc: CleanDocument) -> tuple[Series, ...]:
    """Every series the tables of `doc` hold, in document order."""
    kinds = [""] * len(doc.paragraphs)
    for segment in doc.segments:
        kinds[segment.paragraph] = kinds[segment.paragraph] or segment.kind
    whole_text = cache(lambda: fiscal_year_start(doc.text))
    found: list[Series] = []
    for index, paragraph in enumerate(doc.paragraphs):
        if kinds[index] != "table_row":
            continue
        context = table_context(doc.paragraphs, kinds, index)
        rows = rows_of(paragraph)
        stated = " ".join([context.caption, context.unit, context.note, *(rows[:1] or [[]])[0]])

        def fiscal(stated: str = stated) -> int | None:
            start = stated_start(stated)
            return start if start is not None else whole_text()

        for line in lines_of(rows, fiscal):
            series = series_of_line(line, context, index)
            if series is not None:
                found.append(replace(series, convention=_convention(series, fiscal)))
    return tuple(found)


def _convention(series: Series, fiscal: Callable[[], int | None]) -> str:
    """The months a series' fiscal years run ("July–June"), "unknown", or "" for none."""
    if not any(p.precision == "fiscal_year" for p in series.points):
        return ""
    start = fiscal()
    if start is None or start == 1:
        return "unknown"
    return f"{MONTH_NAMES[start - 1]}–{MONTH_NAMES[(start - 2) % 12]}"
