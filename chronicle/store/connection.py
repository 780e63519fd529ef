"""Open a chronicle database safely: check what the file is, then migrate it.

Every way a database file can be wrong (not SQLite, another program's database,
a newer schema, locked by another process, unwritable) becomes a `StoreError`
with a one-line message, so the CLI and TUI can report it without a traceback.
The file's own layout is set here too: its page size and incremental vacuum when it
is created, and `compact`, which gives back the room a large ingest left.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sqlite3
from importlib import resources
from pathlib import Path

from chronicle.store import fresh_schema

APP_NAME = "chronicle"
"""Written to the meta table; a database without it is not ours to touch."""

_MIGRATION_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")


class StoreError(Exception):
    """A database problem explained in one line."""


CACHE_KB = 32 * 1024
"""SQLite's page cache per connection, in KB. The file is read through memory mapping
(`MMAP_BYTES`), so the cache holds mostly the pages a write changes; at 64 MB the full
ingest of 10,000 documents held 71 MB more anonymous memory (328 against 257 MB over its
processes) for no speed (152 against 156 KB/s; storing 200 documents into a store of
25,000, 29.3 against 29.6 ms of CPU a document)."""

MMAP_BYTES = 1 << 31
"""How much of the file SQLite reads through memory mapping (SQLite caps it at its
build's limit, 2 GB by default)."""

PREPARED_STATEMENTS = 1024
"""How many compiled statements a connection keeps. Python's default, 128, is too few
for the writer: storing 200 documents runs about 900 different statements (200 of
them merge lookups, one per length of range list), and each one evicted is compiled
again at its next use (a fifth of the writer's CPU at 500-2,000 documents stored)."""

PAGE_SIZE = 8192
"""Bytes a page of a new database file holds (SQLite's default is 4096)."""

COMPACT_GROWTH = 1.25
"""An ingest that leaves this many times the documents it found is followed by `compact`:
the rewrites then cost a bounded multiple of the file's final size, however it was grown."""

AUTO_VACUUM_INCREMENTAL = 2
"""`PRAGMA auto_vacuum` of a file whose free pages can be given back without a rewrite."""

COMPACT_MIN_DOCUMENTS = 200
"""Below this many documents (a few MB) the slack a rewrite reclaims is not worth its
time: VACUUM of a small file still costs about 0.2 s."""


@functools.cache
def migrations() -> tuple[tuple[int, str, str], ...]:
    """The numbered migrations shipped in `db/`, in order: (version, name, sql); read once."""
    found = []
    for entry in resources.files("chronicle.db").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def latest_version() -> int:
    """The schema version this code knows."""
    return migrations()[-1][0]


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open, check and migrate the database at `path`.

    A database file this creates is readable by its owner only (0600), and so are
    the folders it creates (0700): it holds whole documents and where they were read
    from. An existing file keeps its mode; SQLite gives the WAL files the same.

    Args:
        path: The database file (created when missing unless `readonly`), or ":memory:".
        readonly: Open an existing, current database without writing to it. When even
            the WAL's shared-memory file cannot be created (a read-only folder or
            medium), the file is opened as immutable.

    Returns:
        A connection in autocommit mode with WAL, foreign keys and a busy timeout.

    Raises:
        StoreError: The file is not a chronicle database, is newer than this
            version understands, is locked, or cannot be opened.
    """
    target = str(path)
    if target == ":memory:":
        return _setup(_open(target), target, readonly=False)
    file = Path(target).expanduser()
    if file.is_dir():
        raise StoreError(f"{file} is a folder, not a database file")
    if readonly:
        return _connect_readonly(file)
    try:
        _make_folders(file.parent)
        _create_private(file)
    except OSError as error:
        raise StoreError(explain_os(error, file)) from None
    if not writable(file):
        raise StoreError(f"{file} is read-only; choose another file with --db")
    return _setup(_open(str(file)), str(file), readonly=False)


def writable(file: Path) -> bool:
    """True when the database file and its folder (for the WAL files) can both be written."""
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def _open(
    target: str, uri: bool = False, factory: type[sqlite3.Connection] = sqlite3.Connection
) -> sqlite3.Connection:
    return sqlite3.connect(
        target,
        timeout=5.0,
        isolation_level=None,
        check_same_thread=False,
        uri=uri,
        cached_statements=PREPARED_STATEMENTS,
        factory=factory,
    )


def _setup(conn: sqlite3.Connection, target: str, *, readonly: bool) -> sqlite3.Connection:
    """Check what the file is, set the connection up and (unless `readonly`) migrate it."""
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        # What sqlite_utils sets on the connections it wraps; set here so that a
        # connection behaves the same whether or not a writer has wrapped it yet.
        conn.execute("PRAGMA recursive_triggers = ON")
        _check_identity(conn, target)
        fresh = target != ":memory:" and not readonly and not _has_tables(conn)
        if target != ":memory:" and not readonly:
            if fresh:
                # Settable only before the first table (and before WAL): a 2-3 KB
                # document's row filled a 4 KB page alone, leaving a third of it empty.
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                # So that `compact` can give free pages back without rewriting the file.
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # A merge writes rows all over the blocks, the search index and the counts; with
        # SQLite's default 2 MB cache each page is read again from the file as the
        # store grows, so the cost of adding a document grew with the store.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        # Pages outside that cache are then read from the mapped file, not copied in
        # by a read() each: a merge reads a few rows from pages all over a large store
        # (storing a document into one of 25,000: 117-127 -> 88-99 ms of CPU). Mapped
        # pages are the system's file cache, shared and given back under pressure.
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        if not readonly and not (fresh and fresh_schema.create(conn, _migrated_in_memory)):
            migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(explain(error, target)) from None
    except StoreError:
        conn.close()
        raise
    return conn


def _migrated_in_memory() -> sqlite3.Connection:
    return _setup(_open(":memory:"), ":memory:", readonly=False)


def _connect_readonly(file: Path) -> sqlite3.Connection:
    """A connection that never writes: `mode=ro`, else `immutable=1` where no WAL can exist."""
    if not file.exists():
        raise StoreError(f"no database at {file}; run `chronicle ingest PATH --db {file}` first")
    uri = f"{file.absolute().as_uri()}?mode=ro"
    probe = _open(uri, uri=True)
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database needs its -shm file to be read; where it cannot be made,
        # nothing can write to the database either, so it cannot change under us.
        uri = f"{file.absolute().as_uri()}?immutable=1"
    finally:
        probe.close()
    conn = _setup(_open(uri, uri=True), str(file), readonly=True)
    version = schema_version(conn)
    if version < latest_version():
        conn.close()
        raise StoreError(
            f"{file} was written by an older chronicle (schema {version} of "
            f"{latest_version()}); open it once where it can be written, so it is upgraded"
        )
    return conn


def outdated(file: Path) -> bool:
    """Whether `file` is a chronicle holding documents at an older schema than this code's:
    opening it for writing upgrades it first, which reads every mention for some
    migrations (about a minute at 25,000 documents), so a caller can say so before."""
    if not file.is_file():
        return False
    try:
        conn = _open(f"{file.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        version = schema_version(conn)
        held = version and conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone()
        return bool(held) and version < latest_version()
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _make_folders(folder: Path) -> None:
    """Create `folder` and any missing parent, each private to its owner (0700)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)


def _create_private(file: Path) -> None:
    """Create `file` empty, readable by its owner only, unless it exists (its mode stays)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def explain_os(error: OSError, file: Path) -> str:
    """Turn an error creating a database file or its folder into a one-line message."""
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{file} cannot be created there ({error.strerror}); choose another file with --db"
    return f"cannot create {file}: {error.strerror}"


def explain(error: sqlite3.Error, target: str) -> str:
    """Turn an sqlite3 error about a database file into a one-line message."""
    text = str(error)
    if "file is not a database" in text or "file is encrypted" in text:
        return f"{target} is not an SQLite database"
    if "locked" in text or "busy" in text:
        return f"{target} is locked by another program; close it and try again"
    if "readonly" in text or "read-only" in text:
        return f"{target} is read-only; choose another file with --db"
    if "unable to open" in text:
        return f"cannot open {target}"
    return f"database error in {target}: {text}"


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone() is not None


def _check_identity(conn: sqlite3.Connection, target: str) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return
    if "meta" not in tables:
        raise StoreError(f"{target} is not a chronicle database (it has other tables)")
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("app") != APP_NAME:
        raise StoreError(f"{target} is not a chronicle database")
    version = int(meta.get("schema_version", "0"))
    if version > latest_version():
        raise StoreError(
            f"{target} has schema version {version}, newer than this chronicle "
            f"understands ({latest_version()}); upgrade chronicle"
        )


def schema_version(conn: sqlite3.Connection) -> int:
    """The version recorded in the database (0 when none is)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database, each in its own transaction.

    `executescript` commits before it runs, so each script is wrapped in an
    explicit BEGIN/COMMIT together with its version record.

    Returns:
        The schema version after migrating.
    """
    current = schema_version(conn)
    for version, _name, sql in migrations():
        if version <= current:
            continue
        try:
            _apply(conn, version, sql)
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            # Another process (a second chronicle opening the same new file) may
            # have applied it between our version check and our transaction.
            if schema_version(conn) >= version:
                current = schema_version(conn)
                continue
            raise
        current = version
    if current >= 21:
        _weigh_review_marks(conn)
    return current


def _weigh_review_marks(conn: sqlite3.Connection) -> None:
    """A store migrated to v21 (or v25) gets its review marks once every migration has run
    (`merging.weigh_if_pending`: it reads the blocking index in the latest layout)."""
    # Any value asks for a weighing (`review_flags.FILLS` says which events'); it goes after.
    pending = conn.execute("SELECT 1 FROM meta WHERE key = 'review_flags'")
    if pending.fetchone() is None:
        return
    from chronicle.store.merging import weigh_if_pending

    conn.execute("BEGIN IMMEDIATE")
    try:
        weigh_if_pending(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


REBUILDS_TABLES = "-- migrate: foreign keys off"
"""A line marking a migration that rebuilds a table other tables point at.

SQLite rebuilds a table by copying it and dropping the old one, and with foreign keys
enforced that DROP deletes every row first, cascading to the rows that point at it
(all mentions, for `documents`). Such a migration runs with enforcement off, as
SQLite's own procedure for changing a table does, and commits only when it broke no
reference that held before it (`PRAGMA foreign_key_check`)."""


def _apply(conn: sqlite3.Connection, version: int, sql: str) -> None:
    """Run one migration (its SQL, then its Python step) and record its version, atomically."""
    rebuilds = REBUILDS_TABLES in sql
    broken_before = set(conn.execute("PRAGMA foreign_key_check")) if rebuilds else set()
    if rebuilds:
        conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set first
    try:
        conn.executescript(
            "BEGIN IMMEDIATE;\n"
            f"{sql}\n"
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('app', 'chronicle');\n"
            f"INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '{version}');\n"
        )
        if version in PYTHON_STEPS:
            PYTHON_STEPS[version](conn)
        broken = set(conn.execute("PRAGMA foreign_key_check")) - broken_before if rebuilds else ()
        if broken:
            table, rowid, parent, _ = min(broken)
            raise sqlite3.IntegrityError(
                f"migration {version} left {table} row {rowid} pointing at no {parent}"
            )
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if rebuilds:
            conn.execute("PRAGMA legacy_alter_table = OFF")
            conn.execute("PRAGMA foreign_keys = ON")


def inline_sliced_texts(conn: sqlite3.Connection) -> None:
    """Migration 017's backfill: the mentions of a large document get their texts inline.

    SQL would read the whole document for each slice it cuts (db/014_inline_texts.sql):
    for 2 MB and 9,000 mentions, half a minute. Here each text is read once. The texts
    read back the same, so the search index needs no change; the events are marked
    unindexed while their mentions change so that the index's triggers (db/012) skip
    them rather than read the old slices.
    """
    documents = conn.execute(
        "SELECT DISTINCT m.document_id FROM mentions m "
        "JOIN inline_documents i ON i.document_id = m.document_id "
        "WHERE m.sentence_start IS NOT NULL OR m.paragraph_start IS NOT NULL"
    ).fetchall()
    for (document_id,) in documents:
        (text,) = conn.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
        rows = conn.execute(
            "SELECT id, sentence, sentence_start, sentence_end, paragraph, paragraph_start, "
            "paragraph_end FROM mentions WHERE document_id = ?",
            [document_id],
        ).fetchall()
        held = conn.execute(
            "SELECT DISTINCT e.id FROM events e JOIN mentions m ON m.event_id = e.id "
            "WHERE m.document_id = ? AND e.indexed",
            [document_id],
        ).fetchall()
        conn.executemany("UPDATE events SET indexed = 0 WHERE id = ?", held)
        conn.executemany(
            "UPDATE mentions SET sentence = ?, sentence_start = NULL, sentence_end = NULL, "
            "paragraph = ?, paragraph_start = NULL, paragraph_end = NULL WHERE id = ?",
            [
                (_cut(text, s, s_at, s_end), _cut(text, p, p_at, p_end), id_)
                for id_, s, s_at, s_end, p, p_at, p_end in rows
            ],
        )
        conn.executemany("UPDATE events SET indexed = 1 WHERE id = ?", held)


def _cut(text: str, stored: str | None, start: int | None, end: int | None) -> str | None:
    """A mention's text as stored, else its slice of the document's (as SQL's substr cuts it)."""
    return stored if stored is not None or start is None or end is None else text[start:end]


def corrections_anew(conn: sqlite3.Connection) -> None:
    """Migration 022's step: a store corrected before it opens with its corrections
    written where search reads them (`annotating.apply_pending_corrections`)."""
    from chronicle.store.annotating import apply_pending_corrections

    apply_pending_corrections(conn)


def relist_blocks(conn: sqlite3.Connection) -> None:
    """Migration 027's step (and 026's, which it supersedes): the merge blocks list every
    stored mention again (`blocks.relist`)."""
    from chronicle.store import blocks
    from chronicle.store.wrapping import wrap

    blocks.relist(wrap(conn))


def _add_integer_column(conn: sqlite3.Connection, table: str, column: str) -> None:
    """Add a column unless the file has it: SQLite has no ADD COLUMN IF NOT EXISTS, and a
    store told it is older than it is (as tests make them) runs a migration again."""
    if column not in {c for _, c, *_ in conn.execute(f"PRAGMA table_info({table})")}:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER")


def word_row_bits(conn: sqlite3.Connection) -> None:
    """Migration 030's step: the merge block rows under words carry their mention's
    anchor bits (`blocks.WORD_ANCHORS`)."""
    from chronicle.store.blocks import under_words

    _add_integer_column(conn, "mention_blocks", "anchor_bits")
    conn.execute(
        "UPDATE mention_blocks SET anchor_bits = (SELECT t.anchor_bits FROM mention_traits t "
        f"WHERE t.mention_id = mention_blocks.mention_id) WHERE {under_words()}"
    )


def traits_by_document(conn: sqlite3.Connection) -> None:
    """Migration 031's step: each mention's traits name its document."""
    _add_integer_column(conn, "mention_traits", "document_id")
    conn.execute(
        "UPDATE mention_traits SET document_id = "
        "(SELECT m.document_id FROM mentions m WHERE m.id = mention_traits.mention_id)"
    )


PYTHON_STEPS = {
    17: inline_sliced_texts,
    22: corrections_anew,
    27: relist_blocks,
    30: word_row_bits,
    31: traits_by_document,
}
"""Work a migration's SQL cannot do at a bearable cost (or whatever the file holds
already), run after it in its transaction."""


def worth_compacting(documents_before: int, documents_after: int) -> bool:
    """True when an ingest grew the store enough to rewrite the file (`COMPACT_GROWTH`)."""
    return (
        documents_after >= COMPACT_MIN_DOCUMENTS
        and documents_after >= documents_before * COMPACT_GROWTH
    )


def compact(conn: sqlite3.Connection) -> bool:
    """Give back the room a large ingest left; False when it could not be done now.

    FTS5's 'optimize' merges the search index's segments into one, and the pages that
    frees, with any other free page, go back to the disk (`PRAGMA incremental_vacuum`),
    while every table and index keeps its pages as they are. VACUUM, which this did
    before, writes them again full to the last byte: each row the next documents add to
    the merge blocks (written in random key order) then lands on a full leaf, and
    SQLite rebalances it with its siblings, writing about 3.5 pages a row instead of
    about 1 (docs/performance.md). A file made before it could vacuum incrementally is
    switched over by one last VACUUM. The work needs the database to itself: a reader
    holding it (the browser open on the same file) or an open transaction leave the
    file as it was, which is correct, only larger.
    """
    if conn.in_transaction:
        return False
    try:
        conn.execute("INSERT INTO events_fts (events_fts) VALUES ('optimize')")
        if conn.execute("PRAGMA auto_vacuum").fetchone()[0] == AUTO_VACUUM_INCREMENTAL:
            # Run to its end: `execute` steps it once, which frees a single page.
            conn.executescript("PRAGMA incremental_vacuum;")
        else:
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("VACUUM")
        # The rewrite went through the WAL: give its space back to the disk.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        return False
    return True
