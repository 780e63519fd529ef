"""Read what `chronicle.merge.explain` needs to say why an event's sources are one.

An event's members with where each vague one is attached (`mentions.fit_key`), and
its near neighbours: the closest stored events, a few days either side, that share a
country or a person with it. The neighbours come from one bounded date-window query
on the events' sort key (`events_by_sort_key`), so the cost is what those days hold,
not what the store holds; of each neighbour only a few mentions are read.

The analyst's decisions go with them (`store.decisions.decided`): the events holding
a mention split off one of the members come first among the neighbours (with that
mention), and the splits this event holds both sides of again (`bridged_splits`)
with the members that bridged them.

The events holding a report that a vague member fits too (`review_flags.elsewhere`,
weighed afresh through the blocking index, not read from the review marks) are among
the neighbours with that report, so "Why merged" says so without repeating the queue.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date

from chronicle.merge import PRECISION_RANK, explain, shift
from chronicle.merge.decisions import Decisions
from chronicle.model import Mention
from chronicle.store.decisions import bridged_splits, decided
from chronicle.store.merging import fitting
from chronicle.store.reader import member_keys, rows_in
from chronicle.store.review_flags import elsewhere
from chronicle.store.writer import load_mentions

NEIGHBOUR_DAYS = 7
"""Days either side of an event's dates in which its neighbours are looked for: past
the few days (`merge.NEAR_DAYS`) within which two reports can still be one."""

NEIGHBOURS = 5
"""How many neighbouring events are explained."""

SCANNED = 2000
"""Most events of the date window weighed as neighbours (a dense window is cut, nearest
days first in index order)."""


Inputs = tuple[
    list[Mention],
    dict[str, str | None],
    list[tuple[int, list[Mention]]],
    Decisions,
    list[tuple[str, tuple[str, ...]]],
]
"""What `merge.explain.explain` weighs: the members, their fits, the neighbours, the
analyst's decisions and, for each split of theirs this event holds both sides of, the
mention split off and the members that bridged it."""


def merge_reasons(conn: sqlite3.Connection, event_id: int) -> explain.MergeReasons | None:
    """Why the event's sources are one event and its neighbours are not; None when
    there is no such event."""
    found = merge_inputs(conn, event_id)
    return None if found is None else explain.explain(*found)


def merge_inputs(conn: sqlite3.Connection, event_id: int) -> Inputs | None:
    """The event's members, where its vague ones are attached, and its neighbours with
    a few of their mentions each; None when there is no such event. (Read apart from
    the explaining, so a store shared between threads is held only for the reading.)"""
    keys = member_keys(conn, event_id)
    if not keys:
        return None
    members = load_mentions(conn, keys)
    fits = dict(rows_in(conn, "SELECT key, fit_key FROM mentions WHERE key IN ({marks})", keys))
    choices = decided(conn)
    split = split_events(conn, keys, choices)
    fitted = elsewhere(conn, members, event_id, choices, fitting)
    named = split | {e: [*split.get(e, ()), *found] for e, found in fitted.items()}
    near = [other for other in near_events(conn, event_id) if other not in named]
    neighbours = [
        (
            other,
            load_mentions(
                conn, list(dict.fromkeys([*named.get(other, ()), *_some_keys(conn, other)]))
            ),
        )
        for other in [*named, *near]
    ]
    bridges = (
        [(b.mention_key, b.newcomers) for b in bridged_splits(conn) if b.event_id == event_id]
        if choices.split
        else []
    )
    return members, fits, neighbours, choices, bridges


def split_events(
    conn: sqlite3.Connection, keys: Sequence[str], choices: Decisions
) -> dict[int, list[str]]:
    """The other events holding a mention the analyst split apart from one of `keys`,
    each with those mentions' keys (at most NEIGHBOURS events)."""
    mine = set(keys)
    apart = sorted(
        {b for a, b in choices.split if a in mine} | {a for a, b in choices.split if b in mine}
    )
    found: dict[int, list[str]] = {}
    if not apart:
        return found
    for key, other in rows_in(
        conn, "SELECT key, event_id FROM mentions WHERE key IN ({marks}) ORDER BY key", apart
    ):
        if key not in mine and (other in found or len(found) < NEIGHBOURS):
            found.setdefault(other, []).append(key)
    return found


def near_events(conn: sqlite3.Connection, event_id: int) -> list[int]:
    """The closest events (first day nearest the event's) starting within
    NEIGHBOUR_DAYS of its dates that share a country or a person with it."""
    row = conn.execute(
        "SELECT date_start, date_end FROM events WHERE id = ? AND date_start IS NOT NULL",
        [event_id],
    ).fetchone()
    if row is None:
        return []
    start, end = date.fromisoformat(row[0]), date.fromisoformat(row[1] or row[0])
    lo, hi = shift(start, -NEIGHBOUR_DAYS), shift(end, NEIGHBOUR_DAYS)
    rows = conn.execute(
        "SELECT e.id, e.date_start FROM events e "
        "WHERE e.sort_key BETWEEN (CAST(julianday(?) AS INTEGER) << 32) "
        "AND ((CAST(julianday(?) AS INTEGER) + 1) << 32) - 1 AND e.id != ? "
        "AND (EXISTS (SELECT 1 FROM event_countries c JOIN event_countries o "
        "ON o.code = c.code AND o.event_id = ? WHERE c.event_id = e.id) "
        "OR EXISTS (SELECT 1 FROM event_actors a JOIN event_actors o "
        "ON o.actor_key = a.actor_key AND o.event_id = ? WHERE a.event_id = e.id)) "
        "LIMIT ?",
        [lo.isoformat(), hi.isoformat(), event_id, event_id, event_id, SCANNED],
    ).fetchall()
    nearest = sorted(rows, key=lambda r: (abs((date.fromisoformat(r[1]) - start).days), r[0]))
    return [r[0] for r in nearest[:NEIGHBOURS]]


def _some_keys(conn: sqlite3.Connection, event_id: int) -> Sequence[str]:
    """The keys of the mentions that speak for an event, at most `explain.NEAR_SAMPLE`:
    its most exact dates first."""
    ranks = sorted(PRECISION_RANK.items())
    when = " ".join("WHEN ? THEN ?" for _ in ranks)
    rows = conn.execute(
        f"SELECT key FROM mentions WHERE event_id = ? ORDER BY CASE precision {when} "
        "ELSE 9 END, key LIMIT ?",
        [event_id, *(x for rank in ranks for x in rank), explain.NEAR_SAMPLE],
    )
    return [key for (key,) in rows]
