"""The tables of a document stored as named series (migration 011): written inside the
document's transaction, read back whole, and checked for consistency.

Series go with their document: a trigger removes them when it is deleted, so a
re-ingest (which replaces the document) replaces them too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from chronicle.model import CleanDocument, Series, SeriesPoint, StoredSeries

if TYPE_CHECKING:
    import sqlite_utils

_SERIES_COLUMNS = (
    "s.id, d.path, d.title, s.name, s.caption, s.label, s.unit, s.convention, s.note, s.paragraph"
)
_FROM = "series s JOIN documents d ON d.id = s.document_id"
ORDER = "d.path, s.position"
"""How series are listed when nothing ranks them: by document, in the document's order."""


def write_series(db: sqlite_utils.Database, document_id: int, doc: CleanDocument) -> None:
    """Store the series of a document just inserted, inside its transaction."""
    for position, series in enumerate(doc.series):
        series_id = db.conn.execute(
            "INSERT INTO series (document_id, position, name, caption, label, unit, convention,"
            " note, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                document_id,
                position,
                series.name,
                series.caption,
                series.label,
                series.unit,
                series.convention,
                series.note,
                series.paragraph,
            ],
        ).lastrowid
        db.conn.executemany(
            "INSERT INTO series_points (series_id, position, period, precision, date_start,"
            " date_end, value, value_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (series_id, n, p.period, p.precision, *_days(p), p.value, p.text)
                for n, p in enumerate(series.points)
            ],
        )


def _days(point: SeriesPoint) -> tuple[str, str]:
    return point.start.isoformat(), point.end.isoformat()


def series_by_ids(conn: sqlite3.Connection, ids: Sequence[int]) -> list[StoredSeries]:
    """The series with these ids, in the order given, with their points (missing ids skipped)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    sql = f"SELECT {_SERIES_COLUMNS} FROM {_FROM} WHERE s.id IN ({marks})"
    heads = {row[0]: row for row in conn.execute(sql, ids)}
    points: dict[int, list[SeriesPoint]] = {i: [] for i in heads}
    rows = conn.execute(
        "SELECT series_id, period, precision, date_start, date_end, value, value_text"
        f" FROM series_points WHERE series_id IN ({marks}) ORDER BY series_id, position",
        ids,
    )
    for series_id, period, precision, start, end, value, text in rows:
        points[series_id].append(
            SeriesPoint(
                period, precision, date.fromisoformat(start), date.fromisoformat(end), value, text
            )
        )
    return [_stored(heads[i], points[i]) for i in ids if i in heads]


def _stored(row: tuple, points: list[SeriesPoint]) -> StoredSeries:
    series_id, path, title, name, caption, label, unit, convention, note, paragraph = row
    series = Series(name, caption, label, unit, convention, note, paragraph, tuple(points))
    return StoredSeries(series_id, path, title, series)


def all_series_ids(conn: sqlite3.Connection, limit: int | None = None) -> list[int]:
    """Every series id, by document and in each document's order (the first `limit`)."""
    sql = f"SELECT s.id FROM {_FROM} ORDER BY {ORDER}" + (" LIMIT ?" if limit else "")
    return [r[0] for r in conn.execute(sql, [limit] if limit else [])]


def series_ids_of_documents(conn: sqlite3.Connection, paths: Sequence[str]) -> list[int]:
    """The ids of the series of the documents stored under these paths, in `ORDER`."""
    if not paths:
        return []
    marks = ", ".join("?" * len(paths))
    sql = f"SELECT s.id FROM {_FROM} WHERE d.path IN ({marks}) ORDER BY {ORDER}"
    return [r[0] for r in conn.execute(sql, list(paths))]


def series_names(conn: sqlite3.Connection, limit: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of every series in `ORDER` (the first `limit`), for pickers."""
    sql = f"SELECT s.id, s.name FROM {_FROM} ORDER BY {ORDER}" + (" LIMIT ?" if limit else "")
    return [(r[0], r[1]) for r in conn.execute(sql, [limit] if limit else [])]


INVARIANTS: dict[str, str] = {
    "series of a removed document": "SELECT id FROM series "
    "WHERE document_id NOT IN (SELECT id FROM documents)",
    "series point of a removed series": "SELECT series_id, position FROM series_points "
    "WHERE series_id NOT IN (SELECT id FROM series)",
    "series without a point": "SELECT id FROM series s "
    "WHERE NOT EXISTS (SELECT 1 FROM series_points p WHERE p.series_id = s.id)",
    "series point ending before it starts": "SELECT series_id, position FROM series_points "
    "WHERE date_end < date_start",
    "series search entry without its series": "SELECT id FROM series_fts_docsize "
    "WHERE id NOT IN (SELECT id FROM series)",
    "series missing from the search index": "SELECT id FROM series "
    "WHERE id NOT IN (SELECT id FROM series_fts_docsize)",
}
"""Each a query listing the rows that break one rule (none when the tables agree)."""


def check_series(conn: sqlite3.Connection) -> list[str]:
    """One line per broken rule of `INVARIANTS`, with the offending rows (empty when none)."""
    problems = []
    for rule, sql in INVARIANTS.items():
        rows = conn.execute(sql).fetchmany(3)
        if rows:
            problems.append(f"{rule}: {rows}")
    integrity = "INSERT INTO series_fts (series_fts) VALUES ('integrity-check')"
    try:
        conn.execute(integrity)
    except sqlite3.DatabaseError as error:
        problems.append(f"series search index: {error}")
    return problems
