"""Regroup a store an older merge rule built, in steps that each commit.

A new merge rule (`blocks.MERGE_RULE`) makes every stored event suspect, so the
store is regrouped from its mentions: every event goes, then each document's
mentions are merged again as if it had just been added (`merging.merge_new`), one
document after another. The events come out the rule's whatever the order, and
memory holds one document's neighbourhood, not every mention at once.

At 100,000 documents that takes about an hour. Done in one transaction it would
grow the write-ahead log towards the size of the database and start over if
interrupted; so the store remembers in `meta` the last document regrouped
(`REGROUPED_THROUGH`), `regroup_step` regroups for a while from there, and its
caller commits each step. Until the last step the rule is not marked current, so
any other write first finishes the regroup inside its own transaction: a new
document's (`merging.merge_new`) goes on from there, a removal's or a decision's
starts over (they change mentions the steps have regrouped).
"""

from __future__ import annotations

import math
import time

import sqlite_utils

from chronicle.store import blocks, merging
from chronicle.store.writer import delete_events, load_mentions

REGROUPED_THROUGH = "regrouped_through"
"""`meta` key: the regroup under way has merged every document up to this id."""

STEP_SECONDS = 30.0
"""About how long one committed step of `Store.regroup` runs: long enough that the
commits' page writes are shared by many documents, short enough that an interrupted
regroup loses little."""


def stale_mentions(db: sqlite_utils.Database) -> int:
    """How many stored mentions still wait to be regrouped under this merge rule
    (0 when this rule grouped them all)."""
    if blocks.rule_is_current(db):
        return 0
    done = _regrouped_through(db)
    return db.execute(
        "SELECT count(*) FROM mentions WHERE document_id > ?", [-1 if done is None else done]
    ).fetchone()[0]


def regroup_step(db: sqlite_utils.Database, seconds: float = STEP_SECONDS) -> bool:
    """Regroup documents in id order for about `seconds` (at least one), from where
    the regroup under way stopped; True once the store follows this rule.

    Run inside the caller's transaction; committing it keeps what the step did.
    """
    done = _regrouped_through(db)
    if done is None:
        if blocks.rule_is_current(db):
            return True
        done = _start(db)
    deadline = time.monotonic() + seconds
    document_id = _next_document(db, done)
    while document_id is not None:
        keys = db.execute(
            "SELECT key FROM mentions WHERE document_id = ? ORDER BY key", [document_id]
        ).fetchall()
        merging.fold_in(db, load_mentions(db, [k for (k,) in keys]))
        done, document_id = document_id, _next_document(db, document_id)
        if document_id is not None and time.monotonic() >= deadline:
            _set_regrouped_through(db, done)
            return False
    db.execute("DELETE FROM meta WHERE key = ?", [REGROUPED_THROUGH])
    blocks.mark_rule(db)
    return True


def finish(db: sqlite_utils.Database) -> None:
    """Regroup whatever is left to regroup, in the caller's transaction."""
    regroup_step(db, math.inf)


def rebuild(db: sqlite_utils.Database) -> None:
    """Regroup every stored mention from the first document, in the caller's transaction."""
    _start(db)
    finish(db)


def _start(db: sqlite_utils.Database) -> int:
    """Forget every event and what the old rule listed; returns the id before the first
    document, where the regroup starts."""
    delete_events(db, [r[0] for r in db.execute("SELECT id FROM events")])
    db.execute("DELETE FROM mention_blocks")
    db.execute("DELETE FROM event_blocks")
    db.execute("UPDATE mentions SET fit_key = NULL, review = 0, review_witness = NULL")
    _set_regrouped_through(db, -1)
    return -1


def _next_document(db: sqlite_utils.Database, after: int) -> int | None:
    row = db.execute(
        "SELECT min(document_id) FROM mentions WHERE document_id > ?", [after]
    ).fetchone()
    return row[0]


def _regrouped_through(db: sqlite_utils.Database) -> int | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [REGROUPED_THROUGH]).fetchone()
    return None if row is None else int(row[0])


def _set_regrouped_through(db: sqlite_utils.Database, document_id: int) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [REGROUPED_THROUGH, str(document_id)],
    )
