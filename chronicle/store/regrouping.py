"""Regroup a store an older merge rule built, in steps that each commit.

A new merge rule (`blocks.MERGE_RULE`) makes every stored event suspect, so the
store is regrouped from its mentions: every event goes, then each document's
mentions are merged again as if it had just been added (`merging.fold_in`), one
document after another. The events come out the rule's whatever the order, and
memory holds one document's neighbourhood, not every mention at once.

At 100,000 documents that takes about an hour. Done in one transaction it would
grow the write-ahead log towards the size of the database and start over if
interrupted; so `meta` holds the rule being regrouped to and the last document done
(`reader.REGROUP_PROGRESS`), `regroup_step` regroups for a while from there, and its
caller commits each step. The rule's own mark is taken away when the regroup starts
and put back by its last step, so until then any other write first finishes the
regroup inside its own transaction: a new document's (`merging.merge_new`) goes on
from the last step, a removal's or a decision's starts over (they change mentions the
steps regrouped); `Store` regroups in steps first where it can (`_regrouped_first`).
Meanwhile the mentions of the documents not reached yet are in no event: readers say
so (`reader.regroup_waiting`).
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from chronicle.store import blocks, merging
from chronicle.store.annotating import reapply_corrections
from chronicle.store.reader import REGROUP_PROGRESS, mentions_after, regroup_progress
from chronicle.store.writer import delete_events, load_mentions

if TYPE_CHECKING:
    import sqlite_utils

STEP_SECONDS = 30.0
"""About how long one committed step of `Store.regroup` runs: long enough that the
commits' page writes are shared by many documents, short enough that an interrupted
regroup loses little."""


def stale_mentions(db: sqlite_utils.Database) -> int:
    """How many stored mentions still wait to be regrouped under this merge rule
    (0 when this rule grouped them all)."""
    if blocks.rule_is_current(db):
        return 0
    done = _done_through(db)
    return mentions_after(db.conn, -1 if done is None else done)


def regroup_step(db: sqlite_utils.Database, seconds: float = STEP_SECONDS) -> bool:
    """Regroup documents in id order for about `seconds` (at least one), from where
    the regroup under way stopped; True once the store follows this rule.

    Run inside the caller's transaction; committing it keeps what the step did.
    """
    if blocks.rule_is_current(db):
        forget_progress(db)  # left by a version that finished it without this mark
        return True
    done = _done_through(db)
    if done is None:
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
            _set_progress(db, done)
            return False
    forget_progress(db)
    blocks.mark_rule(db)
    reapply_corrections(db)
    return True


def finish(db: sqlite_utils.Database) -> None:
    """Regroup whatever is left to regroup, in the caller's transaction."""
    regroup_step(db, math.inf)


def rebuild(db: sqlite_utils.Database) -> None:
    """Regroup every stored mention from the first document, in the caller's transaction."""
    _start(db)
    finish(db)


def forget_progress(db: sqlite_utils.Database) -> None:
    """Drop the mark of a regroup that is done."""
    db.execute("DELETE FROM meta WHERE key = ?", [REGROUP_PROGRESS])


def start_over_if_under_way(db: sqlite_utils.Database) -> None:
    """Take a regroup under way back to its first document (the blocks it listed are
    out of date)."""
    if regroup_progress(db.conn) is not None:
        _start(db)


def _start(db: sqlite_utils.Database) -> int:
    """Forget every event and what the old rule listed; returns the id before the first
    document, where the regroup starts."""
    delete_events(db, [r[0] for r in db.execute("SELECT id FROM events")])
    db.execute("DELETE FROM mention_blocks")
    db.execute("DELETE FROM event_blocks")
    db.execute("UPDATE mentions SET fit_key = NULL, review = 0, review_witness = NULL")
    blocks.unmark_rule(db)
    _set_progress(db, -1)
    return -1


def _next_document(db: sqlite_utils.Database, after: int) -> int | None:
    row = db.execute(
        "SELECT min(document_id) FROM mentions WHERE document_id > ?", [after]
    ).fetchone()
    return row[0]


def _done_through(db: sqlite_utils.Database) -> int | None:
    """The last document the regroup under way to this rule has merged, if one is."""
    progress = regroup_progress(db.conn)
    return progress[1] if progress is not None and progress[0] == blocks.MERGE_RULE else None


def _set_progress(db: sqlite_utils.Database, document_id: int) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [REGROUP_PROGRESS, f"{blocks.MERGE_RULE}:{document_id}"],
    )
