"""Say whether a chronicle database is consistent: every derived row agrees with its source.

Events are rebuilt, mentions re-pointed and documents removed all the time; each
invariant here is one query that lists the rows breaking it, so a problem names
what is wrong and where. Used by the tests after every kind of write and by the
benchmarks after a large ingest.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import TYPE_CHECKING

from chronicle.store.blocks import under_words
from chronicle.store.reader import regroup_waiting
from chronicle.store.series import check_series
from chronicle.store.year_spans import check_year_spans

if TYPE_CHECKING:
    import sqlite_utils

_EXAMPLES = 3
"""Offending rows quoted per problem."""

_BOTH_WAYS = (
    "SELECT * FROM (SELECT * FROM ({a}) EXCEPT SELECT * FROM ({b})) "
    "UNION ALL SELECT * FROM (SELECT * FROM ({b}) EXCEPT SELECT * FROM ({a}))"
)
"""Rows in one query's result and not the other's, either way."""

_MENTION_COUNTRIES = (
    "SELECT m.event_id, j.value FROM mentions m, json_each(m.countries) j "
    "WHERE m.event_id IS NOT NULL"
)
_MENTION_ACTORS = (
    "SELECT m.event_id, json_extract(j.value, '$[1]') FROM mentions m, json_each(m.actors) j "
    "WHERE m.event_id IS NOT NULL"
)
_CORRECTED = "SELECT event_id FROM corrected_events WHERE machine -> '$.{field}' IS NOT NULL"
"""The events whose `field` (actors, countries) the analyst corrected (db/022)."""


def _tags_problems(table: str, column: str, of_mentions: str, field: str, key: str) -> str:
    """Tag rows that are not the mentions' (the analyst's where corrected: checked by
    `_correction_problems`), or kept machine tags of a corrected event that are not."""
    corrected = _CORRECTED.format(field=field)
    return _BOTH_WAYS.format(
        a=f"SELECT event_id, {column} FROM {table} WHERE event_id NOT IN ({corrected}) "
        f"UNION ALL SELECT c.event_id, j.value{key} FROM corrected_events c, "
        f"json_each(c.machine, '$.{field}.tags') j WHERE c.machine -> '$.{field}' IS NOT NULL",
        b=of_mentions,
    )


def _slice_problems(column: str) -> str:
    """Mentions whose `column` is neither its own text nor a slice of the document's."""
    return (
        f"SELECT m.key FROM mentions m JOIN documents d ON d.id = m.document_id "
        f"WHERE (m.{column} IS NULL) = (m.{column}_start IS NULL) "
        f"OR m.{column}_start < 0 OR m.{column}_end < m.{column}_start "
        f"OR m.{column}_end > length(d.text)"
    )


INVARIANTS: dict[str, str] = {
    "mention in no event": "SELECT key FROM mentions WHERE event_id IS NULL "
    "OR event_id NOT IN (SELECT id FROM events)",
    "event without a mention": "SELECT id FROM events e "
    "WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
    "event left out of the search index": "SELECT id FROM events WHERE indexed = 0",
    "event whose best mention is not one of its mentions": "SELECT e.id FROM events e "
    "WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.key = e.best_key AND m.event_id = e.id)",
    "event whose source count is not its number of mentions": "SELECT e.id FROM events e "
    "WHERE e.source_count != (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)",
    "event_countries not its mentions' countries": _tags_problems(
        "event_countries", "code", _MENTION_COUNTRIES, "countries", ""
    ),
    "event_actors not its mentions' people": _tags_problems(
        "event_actors", "actor_key", _MENTION_ACTORS, "actors", " ->> '$[0]'"
    ),
    "correction waiting to be applied": "SELECT annotation_id FROM corrections_pending",
    "mention sentence neither stored nor in its document": _slice_problems("sentence"),
    "mention paragraph neither stored nor in its document": _slice_problems("paragraph"),
    "mention of a large document sliced from its text": "SELECT m.key FROM mentions m "
    "JOIN inline_documents i ON i.document_id = m.document_id "
    "WHERE m.sentence_start IS NOT NULL OR m.paragraph_start IS NOT NULL",
    "merge block of a removed mention": "SELECT mention_id FROM mention_blocks "
    "WHERE mention_id NOT IN (SELECT id FROM mentions)",
    "merge traits of a removed mention": "SELECT mention_id FROM mention_traits "
    "WHERE mention_id NOT IN (SELECT id FROM mentions)",
    "merge block without its mention's traits": "SELECT DISTINCT mention_id FROM mention_blocks "
    "WHERE mention_id NOT IN (SELECT mention_id FROM mention_traits)",
    "merge block whose anchor bits are not its mention's": "SELECT DISTINCT b.mention_id "
    "FROM mention_blocks b JOIN mention_traits t ON t.mention_id = b.mention_id "
    f"WHERE b.anchor_bits IS NOT (CASE WHEN {under_words('b.anchor')} "
    "THEN t.anchor_bits END) ORDER BY 1",
    "merge traits of another document than their mention's": "SELECT t.mention_id "
    "FROM mention_traits t JOIN mentions m ON m.id = t.mention_id "
    "WHERE t.document_id IS NOT m.document_id ORDER BY 1",
    "merge blocks of a kind and class the lookups skip": "SELECT DISTINCT b.kind, b.span_class "
    "FROM mention_blocks b LEFT JOIN mention_block_kinds k "
    "ON k.kind = b.kind AND k.span_class = b.span_class WHERE k.kind IS NULL ORDER BY 1, 2",
    "link block of a removed event": "SELECT event_id FROM event_blocks "
    "WHERE event_id NOT IN (SELECT id FROM events)",
    "count_totals not the row counts": _BOTH_WAYS.format(
        a="SELECT name, n FROM count_totals",
        b="SELECT 'documents', count(*) FROM documents UNION ALL "
        "SELECT 'mentions', count(*) FROM mentions UNION ALL SELECT 'events', count(*) FROM events",
    ),
    "count_years_types not the events by year and type": _BOTH_WAYS.format(
        a="SELECT year, type, n FROM count_years_types",
        b="SELECT coalesce(substr(date_start, 1, 4), 'undated'), type, count(*) FROM events "
        "GROUP BY 1, 2",
    ),
    "count_countries not event_countries by code": _BOTH_WAYS.format(
        a="SELECT code, n FROM count_countries",
        b="SELECT code, count(*) FROM event_countries GROUP BY code",
    ),
    "event_sources not the mentions by event and source": _BOTH_WAYS.format(
        a="SELECT event_id, source, n FROM event_sources",
        b="SELECT m.event_id, coalesce(nullif(d.publisher, ''), d.name), count(*) "
        "FROM mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE m.event_id IS NOT NULL GROUP BY 1, 2",
    ),
    "count_sources not event_sources by source": _BOTH_WAYS.format(
        a="SELECT source, n FROM count_sources",
        b="SELECT source, count(*) FROM event_sources GROUP BY source",
    ),
}
"""Each invariant's name and the query listing the rows that break it."""


def check(db: sqlite_utils.Database) -> list[str]:
    """Every inconsistency found in the database, one line each; empty when there is none.

    Runs SQLite's own integrity and foreign-key checks, FTS5's check of the search
    index against the events it indexes, then `INVARIANTS`, then the series'
    (`series.check_series`) and the kept year counts (`year_spans.check_year_spans`).
    """
    problems = [f"integrity_check: {r}" for r in _integrity_reports(db)]
    if waiting := regroup_waiting(db.conn):
        problems.append(
            f"regroup under a new merge rule stopped midway: {waiting:,} stored dates are in "
            "no event until `chronicle ingest` finishes it"
        )
    problems += [
        f"foreign key: {table} row {rowid} points at no {parent}"
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check")
    ]
    problems += _fts_problems(db)
    for name, sql in INVARIANTS.items():
        rows = db.execute(f"SELECT * FROM ({sql}) LIMIT {_EXAMPLES + 1}").fetchall()
        if rows:
            shown = ", ".join(_row_text(r) for r in rows[:_EXAMPLES])
            more = ", ..." if len(rows) > _EXAMPLES else ""
            problems.append(f"{name}: {shown}{more}")
    return problems + _correction_problems(db) + check_series(db.conn) + check_year_spans(db.conn)


def _correction_problems(db: sqlite_utils.Database) -> list[str]:
    """Events whose rows do not show what their annotations correct, combined, or show
    a correction no annotation of theirs makes (db/022_corrected_search.sql)."""
    from chronicle.store.annotating import all_annotations, combine
    from chronicle.store.writer import row_form, row_value

    by_event: dict[int, list] = {}
    for a in all_annotations(db.conn):
        if a.correction and a.event_id is not None:
            by_event.setdefault(a.event_id, []).append(a)
    held = {
        e: (json.loads(c), {a for (a,) in db.execute(_APPLIED, [e])})
        for e, c in db.execute("SELECT event_id, correction FROM corrected_events")
    }
    wrong = []
    for event_id in sorted(by_event.keys() | held.keys()):
        group = by_event.get(event_id, [])
        correction, applied = held.get(event_id, ({}, set()))
        if correction != (combine(group).correction if group else {}) or applied != {
            a.id for a in group
        }:
            wrong.append(f"event {event_id} shows {correction} of {sorted(applied)}")
            continue
        wrong += [
            f"event {event_id} {field} is not the correction"
            for field, value in correction.items()
            if field != "headline" and row_value(db, event_id, field) != row_form(field, value)
        ]
    if not wrong:
        return []
    more = ", ..." if len(wrong) > _EXAMPLES else ""
    shown = ", ".join(wrong[:_EXAMPLES])
    return [f"correction not shown as its annotations make it: {shown}{more}"]


_APPLIED = "SELECT annotation_id FROM corrections_applied WHERE event_id = ?"


def _integrity_reports(db: sqlite_utils.Database) -> list[str]:
    """`PRAGMA integrity_check`'s reports, each once, without SQLite 3.40's false ones.

    SQLite 3.40 reports "NULL value in T.C" for a NOT NULL column of a WITHOUT
    ROWID table that stands before a primary-key column (event_blocks.end_day) even
    when no row holds a NULL; such a report stands only when a query finds one.
    """
    reports = list(dict.fromkeys(r[0] for r in db.execute("PRAGMA integrity_check")))
    return [r for r in reports if r != "ok" and not _false_null_report(db, r)]


def _false_null_report(db: sqlite_utils.Database, report: str) -> bool:
    match = _NULL_REPORT.fullmatch(report)
    if match is None:
        return False
    table, column = match.groups()
    return (
        db.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" IS NULL LIMIT 1').fetchone() is None
    )


_NULL_REPORT = re.compile(r"NULL value in (\w+)\.(\w+)")


def _fts_problems(db: sqlite_utils.Database) -> list[str]:
    """FTS5's own check, rank 1: the index must also hold what `event_search` shows.

    That view computes each indexed event's text from its row, its best mention and
    its members' documents (db/012_compact.sql), so a row changed behind the
    triggers' back, in any of those tables, shows here.
    """
    try:
        db.execute("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        return [f"events_fts does not match events: {error}"]
    return []


def _row_text(row: tuple) -> str:
    return str(row[0]) if len(row) == 1 else repr(tuple(row))
