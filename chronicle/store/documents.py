"""Add, move and remove whole documents, each atomic with the events it touches.

A document is its own transaction, or its own savepoint inside a batch (one
transaction for many documents, as a large ingest writes them). An interrupted
ingest (Ctrl+C) therefore leaves the whole document or none of it, and a changed
file replaces its previous version. A file renamed on disk moves its document
(same id, same events); the queries by path that remove and prune plan with live
here too.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.model import CleanDocument, Mention
from chronicle.store import blocks
from chronicle.store.annotating import (
    anchors_in,
    carry_anchors,
    follow_new_mentions,
    reapply_corrections,
)
from chronicle.store.decisions import follow_new_mentions as follow_joins
from chronicle.store.merging import children_of, merge_new, recluster
from chronicle.store.series import write_series
from chronicle.store.writer import (
    delete_events,
    document_id_for_path,
    keeps_texts_inline,
    keys_of_events,
    mention_row,
)

if TYPE_CHECKING:
    import sqlite_utils


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction that takes the write lock first.

    A deferred BEGIN that reads and then writes gets SQLITE_BUSY at once when
    another process holds the lock (the busy timeout cannot help it); BEGIN
    IMMEDIATE waits for the lock, up to the connection's timeout.
    """
    if db.conn.in_transaction:  # already inside the caller's transaction: a savepoint
        with db.atomic():
            yield
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:  # a failed COMMIT too leaves nothing half-open
            db.execute("ROLLBACK")
        raise


@dataclass
class Batch:
    """One open batch; `committed` says whether what was written in it was saved."""

    committed: bool = False


@contextmanager
def batch_transaction(db: sqlite_utils.Database) -> Iterator[Batch]:
    """One transaction for many documents, each written inside it as a savepoint.

    However the block ends (its end, Ctrl+C, an error) the documents completed in it
    are committed: each is whole, since a document that failed rolled back to its
    savepoint. Only when SQLite itself abandoned the transaction (a full disk) or
    the commit fails is the batch lost, and `committed` stays False.
    """
    batch = Batch()
    db.execute("BEGIN IMMEDIATE")
    try:
        yield batch
    finally:
        if db.conn.in_transaction:
            failed = False
            try:
                db.execute("COMMIT")
            except sqlite3.Error:
                failed = True
                raise
            finally:
                # Decided here, not after COMMIT returns: a Ctrl+C landing just after
                # SQLite committed must not report the saved batch as lost.
                batch.committed = not failed and not db.conn.in_transaction
                if db.conn.in_transaction:
                    db.execute("ROLLBACK")


def add_document(
    db: sqlite_utils.Database,
    doc: CleanDocument,
    content_hash: str,
    mentions: Sequence[Mention],
) -> int:
    """Store a document and its mentions and merge them into events, atomically.

    A previous version of the same path is replaced.

    Returns:
        The new document's id.
    """
    with write_transaction(db):
        old = document_id_for_path(db, doc.path)
        carried = []
        if old is not None:
            carried = anchors_in(db.conn, old)  # an edited file's annotations follow it
            _remove(db, old)
        document_id = _insert(
            db,
            "documents",
            [
                {
                    "path": doc.path,
                    "name": Path(doc.path).name,
                    "content_hash": content_hash,
                    "title": doc.title,
                    "publisher": doc.publisher,
                    "author": doc.author,
                    "doc_date": doc.date.isoformat() if doc.date else None,
                    "doc_date_text": doc.date_text,
                    "doc_date_source": doc.date_source,
                    "extractor": doc.extractor,
                    "encoding": doc.encoding,
                    "format": doc.format,
                    "url": doc.url,
                    "text": doc.text,
                    "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            ],
        )
        sliced = None if keeps_texts_inline(doc.text) else doc.text
        if sliced is None:
            db.conn.execute("INSERT INTO inline_documents (document_id) VALUES (?)", [document_id])
        _insert(db, "mentions", [mention_row(m, document_id, sliced) for m in mentions])
        write_series(db, document_id, doc)
        carry_anchors(db, carried, mentions)
        merge_new(db, mentions)
        keys = [m.key for m in mentions]
        follow_new_mentions(db, keys)
        follow_joins(db, keys)  # a join outlives the documents it was first made on
        reapply_corrections(db)
    return document_id


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict[str, object]]) -> int:
    """Insert rows that share their columns with one plain statement; the last row's id.

    Not sqlite_utils' insert, which reads the table's schema on every call: a large
    ingest makes two calls per document.
    """
    if not rows:
        return 0
    columns = list(rows[0])
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    if len(rows) > 1:
        db.conn.executemany(sql, [[row[c] for c in columns] for row in rows[:-1]])
    return db.conn.execute(sql, [rows[-1][c] for c in columns]).lastrowid


def remove_document(db: sqlite_utils.Database, path: str) -> bool:
    """Forget a document and re-merge the events it contributed to.

    Returns:
        True when a document was removed.
    """
    with write_transaction(db):
        document_id = document_id_for_path(db, path)
        if document_id is None:
            return False
        _remove(db, document_id)
        reapply_corrections(db)
    return True


def _remove(db: sqlite_utils.Database, document_id: int) -> None:
    event_ids = _events_of(db, document_id)
    blocks.unindex_document(db, document_id)
    db.execute("DELETE FROM mentions WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    _regroup(db, event_ids)


def _events_of(db: sqlite_utils.Database, document_id: int) -> list[int]:
    rows = db.execute(
        "SELECT DISTINCT event_id FROM mentions WHERE document_id = ? AND event_id IS NOT NULL",
        [document_id],
    )
    return [r[0] for r in rows]


def _regroup(db: sqlite_utils.Database, event_ids: list[int]) -> None:
    """Rewrite these events from the mentions they still have."""
    remaining = keys_of_events(db, event_ids)
    orphans = children_of(db, event_ids)
    delete_events(db, event_ids)
    recluster(db, remaining, orphans)


def move_document(db: sqlite_utils.Database, old_path: str, new_path: str) -> bool:
    """Give the document read from `old_path` the path `new_path`, keeping its id and mentions.

    What `new_path` held before (an older version of that file) is dropped first. A
    file renamed has its events regrouped from the same mentions, so they come out as
    the merge makes them, now naming the new file among their sources. A file moved to
    another folder under the same name changes nothing the events or the search index
    hold (mentions name their document by id, and the events its name), so only its
    path is written: a desk moving its archive does not wait for every event again.

    Returns:
        True when a document was moved.
    """
    with write_transaction(db):
        document_id = document_id_for_path(db, old_path)
        if document_id is None:
            return False
        older = document_id_for_path(db, new_path)
        replaced = older is not None and older != document_id
        if replaced:
            _remove(db, older)
        name = Path(new_path).name
        stored = db.execute("SELECT name FROM documents WHERE id = ?", [document_id]).fetchone()
        if name == stored[0]:
            db.execute("UPDATE documents SET path = ? WHERE id = ?", [new_path, document_id])
            if replaced:
                reapply_corrections(db)  # the events of the document dropped were regrouped
            return True
        event_ids = _events_of(db, document_id)
        db.execute(
            "UPDATE documents SET path = ?, name = ? WHERE id = ?", [new_path, name, document_id]
        )
        _regroup(db, event_ids)
        reapply_corrections(db)
    return True


def hash_for_path(db: sqlite_utils.Database, path: str) -> str | None:
    """The content hash of the document stored under `path`, if any."""
    row = db.execute("SELECT content_hash FROM documents WHERE path = ?", [path]).fetchone()
    return row[0] if row else None


def paths_under(db: sqlite_utils.Database, folder: str) -> list[str]:
    """Stored paths equal to `folder` or inside it, sorted ("/a/b" holds "/a/b/c", not "/a/bc")."""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    after = prefix[:-1] + chr(ord(os.sep) + 1)  # the first string past every "<prefix>..."
    rows = db.execute(
        "SELECT path FROM documents WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path",
        [folder, prefix, after],
    )
    return [r[0] for r in rows]
