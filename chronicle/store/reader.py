"""Read events back: result pages, event details with their sources, statistics.

Queries arrive already compiled by `chronicle.search`; this module only runs them
and turns rows into `chronicle.model` objects. It also answers the questions a
browser asks to stay true while another process writes: has the database changed,
and which event now holds a happening's mentions; and it reads many queries as one
snapshot (`snapshot`), so an export made during an ingest is the store before or
after it, never a mix.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from chronicle.model import Event, Source


def stored_text(column: str) -> str:
    """SQL for a mention's `sentence` or `paragraph` over `mentions m JOIN documents d`.

    Migration 007 keeps either the text itself or, when the document holds it, where
    it stands in the document's text (`<column>_start`, `<column>_end`).
    """
    return (
        f"coalesce(m.{column}, substr(d.text, m.{column}_start + 1, "
        f"m.{column}_end - m.{column}_start))"
    )


_EVENT_COLUMNS = (
    "e.id, e.key, e.date_start, e.date_end, e.precision, e.type, m.headline, "
    f"{stored_text('sentence')}, e.actors, e.countries, e.organisations, e.source_count, "
    "e.conflict, e.part_of"
)
_EVENT_SOURCE = (
    "events e JOIN mentions m ON m.key = e.best_key JOIN documents d ON d.id = m.document_id"
)
"""An event's headline and sentence are its best mention's (migration 012)."""


def row_actors(text: str) -> tuple[str, ...]:
    """The people of an events row's `actors` text ('; '-joined display names)."""
    return tuple(a for a in text.split("; ") if a)


def row_countries(text: str) -> tuple[str, ...]:
    """The ISO codes of an events row's `countries` text (codes and names, ' '-joined)."""
    return tuple(c for c in text.split() if len(c) == 2 and c.isupper())


def event_from_row(row: Sequence) -> Event:
    """Build an Event (without sources) from a row selected with `_EVENT_COLUMNS`."""
    (
        id_,
        key,
        ds,
        de,
        precision,
        type_,
        headline,
        text,
        actors,
        countries,
        orgs,
        source_count,
        conflict,
        part_of,
    ) = row[:14]
    return Event(
        id=id_,
        key=key,
        date_start=ds,
        date_end=de,
        precision=precision,
        type=type_,
        headline=headline,
        text=text,
        actors=row_actors(actors),
        countries=row_countries(countries),
        organisations=tuple(orgs.split()),
        source_count=source_count,
        conflict=bool(conflict),
        part_of=part_of,
    )


def rows_in(db: sqlite3.Connection, sql: str, values: Sequence[object]) -> Iterator[tuple]:
    """The rows of `sql` for every value, its `{marks}` standing for a chunk of them
    (`IN ({marks})`): a statement takes a bounded number of parameters."""
    for start in range(0, len(values), 500):
        chunk = list(values[start : start + 500])
        yield from db.execute(sql.replace("{marks}", ",".join("?" * len(chunk))), chunk)


def events_by_ids(db: sqlite3.Connection, ids: Sequence[int]) -> list[Event]:
    """Events (without sources) in the order of `ids`; missing ids are skipped."""
    sql = f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_SOURCE} WHERE e.id IN ({{marks}})"
    found = {row[0]: event_from_row(row) for row in rows_in(db, sql, ids)}
    return [found[i] for i in ids if i in found]


def publishers_of_events(db: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    """The publisher (else the file name) of each event's best source, by event id."""
    sql = (
        f"SELECT e.id, coalesce(nullif(d.publisher, ''), d.name) FROM {_EVENT_SOURCE} "
        "WHERE e.id IN ({marks})"
    )
    return dict(rows_in(db, sql, ids))


def event_detail(db: sqlite3.Connection, event_id: int) -> Event | None:
    """One event with every source and its parts (`Store.event` adds the related ones)."""
    rows = events_by_ids(db, [event_id])
    if not rows:
        return None
    event = rows[0]
    sources = tuple(
        Source(
            document=path,
            title=title,
            publisher=publisher,
            date_text=date_text,
            text=sentence,
            paragraph=paragraph,
            date_start=ds,
            date_end=de,
            precision=precision,
            footnotes=tuple(json.loads(footnotes)),
            detail=detail,
            document_date=doc_date,
            document_date_source=doc_date_source,
            url=url,
            anchor=anchor,
            type=type_,
            actors=tuple(a[0] for a in json.loads(actors)),
            key=mention_key,
        )
        for (
            path,
            title,
            publisher,
            date_text,
            sentence,
            paragraph,
            ds,
            de,
            precision,
            footnotes,
            detail,
            doc_date,
            doc_date_source,
            url,
            anchor,
            type_,
            actors,
            mention_key,
        ) in db.execute(
            "SELECT d.path, d.title, d.publisher, m.date_text, "
            f"{stored_text('sentence')}, {stored_text('paragraph')}, "
            "m.date_start, m.date_end, m.precision, m.footnotes, m.detail, "
            "d.doc_date, d.doc_date_source, d.url, m.anchor, m.type, m.actors, m.key "
            "FROM mentions m "
            "JOIN documents d ON d.id = m.document_id WHERE m.event_id = ? "
            "ORDER BY m.precision = 'day' DESC, m.precision = 'range' DESC, d.path, m.char_start",
            [event_id],
        )
    )
    parts = tuple(
        r[0]
        for r in db.execute(
            "SELECT id FROM events WHERE part_of = ? ORDER BY date_start, id", [event_id]
        )
    )
    return replace(event, sources=sources, parts=parts)


def counts(db: sqlite3.Connection) -> dict[str, int]:
    """How many documents, mentions and events the database holds (kept by migration 008)."""
    totals = dict(db.execute("SELECT name, n FROM count_totals").fetchall())
    return {table: int(totals.get(table, 0)) for table in ("documents", "mentions", "events")}


_STATS_SQL = {
    "year": "SELECT year, sum(n) FROM count_years_types GROUP BY year ORDER BY year",
    "type": "SELECT type, sum(n) AS t FROM count_years_types GROUP BY type ORDER BY t DESC, type",
    "country": "SELECT code, n FROM count_countries ORDER BY n DESC, code",
    "source": "SELECT source, n FROM count_sources ORDER BY n DESC, source",
}
"""Each facet from the counts triggers keep (migration 008), not from the event tables."""


def stats(db: sqlite3.Connection, limit: int | None = None) -> dict[str, list[tuple[str, int]]]:
    """Event counts by year ('undated' last), type, country and source, largest first.

    Args:
        limit: Most rows per facet (None for all). Sources are one per file without a
            publisher, so a large chronicle has tens of thousands; an index hands the
            largest over without reading the rest.
    """
    return {
        name: [
            (str(k), int(n))
            for k, n in db.execute(f"{sql} LIMIT ?", [-1 if limit is None else limit])
        ]
        for name, sql in _STATS_SQL.items()
    }


def documents(db: sqlite3.Connection, limit: int | None = None) -> list[dict[str, object]]:
    """Stored documents in path order (the first `limit`, or all) with their mention counts."""
    cursor = db.execute(
        "SELECT d.id, d.path, d.title, d.publisher, d.author, d.doc_date, d.doc_date_text, "
        "d.doc_date_source, d.format, d.url, "
        "(SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentions "
        "FROM documents d ORDER BY d.path LIMIT ?",
        [-1 if limit is None else limit],
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


REGROUP_PROGRESS = "regroup_progress"
"""`meta` key of a regroup under a new merge rule under way (`store.regrouping`):
"RULE:ID", the rule it regroups to and the last document id it has merged."""


def regroup_progress(db: sqlite3.Connection) -> tuple[str, int] | None:
    """(the rule it regroups to, the last document id it merged) of a regroup under way.

    One is under way only while no rule is marked (`regrouping` takes the mark away as
    it starts): a version that regrouped all at once may have left the progress behind.
    """
    row = db.execute(
        "SELECT value FROM meta WHERE key = ? "
        "AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'merge_rule')",
        [REGROUP_PROGRESS],
    ).fetchone()
    if row is None:
        return None
    rule, _, document_id = row[0].rpartition(":")
    return rule, int(document_id)


def regroup_waiting(db: sqlite3.Connection) -> int:
    """How many stored mentions a regroup under way has not reached yet, and so are in
    no event (0 when none is under way: the events then follow some rule whole)."""
    progress = regroup_progress(db)
    return 0 if progress is None else mentions_after(db, progress[1])


def mentions_after(db: sqlite3.Connection, document_id: int) -> int:
    """How many stored mentions belong to documents after `document_id`."""
    sql = "SELECT count(*) FROM mentions WHERE document_id > ?"
    return db.execute(sql, [document_id]).fetchone()[0]


def data_version(db: sqlite3.Connection) -> int:
    """A number that changes when another connection commits (not this one's own commits)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def member_keys(db: sqlite3.Connection, event_id: int) -> list[str]:
    """The keys of an event's mentions in order, its own key (the smallest) first."""
    rows = db.execute("SELECT key FROM mentions WHERE event_id = ? ORDER BY key", [event_id])
    return [key for (key,) in rows]


def event_holding(db: sqlite3.Connection, keys: Sequence[str]) -> int | None:
    """The event holding the first of `keys` still stored with an event, or None."""
    sql = "SELECT key, event_id FROM mentions WHERE key IN ({marks}) AND event_id IS NOT NULL"
    holders = dict(rows_in(db, sql, keys))
    return next((holders[key] for key in keys if key in holders), None)


@contextmanager
def snapshot(db: sqlite3.Connection) -> Iterator[None]:
    """Read every query of the block from one read transaction (WAL: a snapshot).

    The snapshot is taken on entering (a first read right after BEGIN), so what
    another connection commits meanwhile is not seen until the block ends. Inside a
    transaction already (a writer's, or an outer snapshot) the block simply joins it.
    """
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield
    finally:
        if db.in_transaction:
            db.execute("COMMIT")
