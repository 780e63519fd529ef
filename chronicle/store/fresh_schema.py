"""Give a new, empty database file the latest schema in one short transaction.

Running the migrations one by one costs about 0.2 s of SQLite's own work (tables
rebuilt, views and triggers redefined as the schema grew), and a process that creates
many stores (the test suite, a script making one chronicle per desk) paid it for each.
The migrations stay the one statement of the schema: the first new file a process
makes is migrated as always; from the second on, the schema a `:memory:` database has
after every migration (its definitions and the few rows they seed, the search index's
own tables included) is copied into the new file, which then holds exactly what
migrating it would have written.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

_KIND_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}
"""Definitions are replayed tables first: an index or a trigger needs its table."""


@dataclass(frozen=True)
class Schema:
    """What a database holds once every migration has run on it empty."""

    definitions: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple, ...]], ...]


_made_fresh = False
"""Whether this process has migrated a new file yet (the first one pays as before)."""


def create(conn: sqlite3.Connection, build: Callable[[], sqlite3.Connection]) -> bool:
    """Give `conn`'s empty database the latest schema, if this process has made one before.

    Args:
        conn: A connection in autocommit mode to a database with no tables.
        build: Opens a `:memory:` database and migrates it (only called once a process).

    Returns:
        True when the schema was copied in; False when the caller should migrate (the
        process's first new file, or another process created tables meanwhile).
    """
    global _made_fresh
    if not _made_fresh:
        _made_fresh = True
        return False
    schema = _latest(build)
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM sqlite_master").fetchone() is not None:
            conn.execute("ROLLBACK")
            return False
        for sql in schema.definitions:
            conn.execute(sql)
        for table, rows in schema.rows:
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                conn.executemany(f'INSERT OR REPLACE INTO "{table}" VALUES ({marks})', rows)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


@functools.cache
def _latest(build: Callable[[], sqlite3.Connection]) -> Schema:
    conn = build()
    try:
        return read(conn)
    finally:
        conn.close()


def read(conn: sqlite3.Connection) -> Schema:
    """The definitions and every row of the database `conn` opens, in replayable order."""
    kinds = {name: kind for _, name, kind, *_ in conn.execute("PRAGMA table_list")}
    listed = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    definitions = [
        (_KIND_ORDER[kind], index, sql)
        for index, (kind, name, sql) in enumerate(listed)
        if not name.startswith("sqlite_") and kinds.get(name) != "shadow"
    ]
    tables = [name for name, kind in kinds.items() if kind in ("table", "shadow")]
    rows = tuple(
        (name, tuple(conn.execute(f'SELECT * FROM "{name}"').fetchall()))
        for name in sorted(tables)
        if not name.startswith("sqlite_")
    )
    return Schema(tuple(sql for *_, sql in sorted(definitions)), rows)
