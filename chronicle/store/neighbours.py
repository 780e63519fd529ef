"""Stored events close in time that name the same person: what the link rules read.

The writer reads them to keep each event's part-of link (a meeting during a visit);
a detail reads them to list the events related to the one shown (`related_to`).
Related events are found when asked rather than stored: a stored pair would be
written, in both directions, for every event a document rewrites, and would stay
after either event changed its date or its people.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

    Connection = sqlite_utils.Database | sqlite3.Connection

from chronicle import merge
from chronicle.model import Actor, DateMatch, Entities, Mention
from chronicle.names import same_person
from chronicle.store import blocks


def related_to(db: Connection, event_id: int) -> tuple[int, ...]:
    """Ids of the events related to this one (`merge.is_related`), in id order.

    An event one of them is part of, or which is part of one of them, is not
    listed: the detail shows those as its container and its parts.
    """
    event = summary_of(db, event_id)
    if event is None:
        return ()
    tokens = _by_token(event.actor_keys)
    return tuple(
        sorted(
            other_id
            for other_id, other in sharing_a_person(db, event)
            if other_id != event_id
            and not merge.is_part_of(other, event)
            and not merge.is_part_of(event, other)
            and merge.is_related(*_narrowed(event, other, tokens))
        )
    )


def relist(db: sqlite_utils.Database, event_id: int) -> None:
    """List a stored event under its people and days as its row shows them now.

    The writer lists an event from what its sources say; an analyst's correction of
    its date, type or people changes the row, and its links must follow the row on
    both sides (an event corrected to the weeks of another, or to no date at all).
    """
    summary = summary_of(db, event_id)
    if summary is None:  # undated, or naming nobody: listed nowhere
        db.conn.execute("DELETE FROM event_blocks WHERE event_id = ?", [event_id])
    else:
        blocks.reindex_event(db, event_id, summary)


def sharing_a_person(db: Connection, draft: merge.EventDraft) -> list[tuple[int, merge.EventDraft]]:
    """Dated events within RELATED_DAYS of `draft` naming someone it names.

    Both links need a person in common, so only events whose people share a
    name token with the draft's are read, and only as much of each as the link
    rules look at (its date, type and people), not its every source.
    """
    span = merge.span_of(draft.best)
    tokens = {t for key in draft.actor_keys for t in key.split()}
    if span is None or not tokens:
        return []
    ids = blocks.events_near(
        db,
        tokens,
        merge.shift(span.start, -merge.RELATED_DAYS),
        merge.shift(span.end, merge.RELATED_DAYS),
    )
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        "SELECT e.id, e.key, e.date_start, e.date_end, e.precision, e.type, "
        "group_concat(a.actor_key, '|') FROM events e "
        f"JOIN event_actors a ON a.event_id = e.id WHERE e.id IN ({marks}) "
        "AND e.date_start IS NOT NULL AND e.date_end IS NOT NULL GROUP BY e.id",
        ids,
    ).fetchall()
    return [(row[0], _summary_draft(*row[1:])) for row in rows]


def summary_of(db: Connection, event_id: int) -> merge.EventDraft | None:
    """The date, type and people of a stored dated event naming someone, as a stand-in draft."""
    row = db.execute(
        "SELECT e.key, e.date_start, e.date_end, e.precision, e.type, "
        "group_concat(a.actor_key, '|') FROM events e "
        "JOIN event_actors a ON a.event_id = e.id WHERE e.id = ? AND e.date_start IS NOT NULL "
        "AND e.date_end IS NOT NULL GROUP BY e.id",
        [event_id],
    ).fetchone()
    return _summary_draft(*row) if row else None


def _summary_draft(
    key: str, start: str, end: str, precision: str, type_: str, actor_keys: str
) -> merge.EventDraft:
    """A stand-in draft carrying what the link rules read: date, type and people."""
    best = Mention(
        key=key,
        document="",
        sentence="",
        paragraph="",
        date=DateMatch(0, 0, date.fromisoformat(start), date.fromisoformat(end), precision, ""),
        type=type_,
        types=(type_,),
        entities=Entities(actors=tuple(Actor(k, k) for k in actor_keys.split("|"))),
        headline="",
    )
    return merge.EventDraft(key=key, best=best, mentions=(best,), conflict=False, type=type_)


def _by_token(people: Iterable[str]) -> dict[str, list[str]]:
    """People's keys listed under each of their name tokens."""
    found: dict[str, list[str]] = {}
    for key in people:
        for token in set(key.split()):
            found.setdefault(token, []).append(key)
    return found


def _narrowed(
    draft: merge.EventDraft, other: merge.EventDraft, tokens: dict[str, list[str]]
) -> tuple[merge.EventDraft, merge.EventDraft]:
    """The two events naming only the people each shares with the other.

    The link rules look for a person both name (`names.same_person`) among every pair
    of their people, and a big event names dozens. Two keys of one person share a name
    token (`tokens`: the draft's people by token), so only those pairs are compared;
    some pair is the same person exactly when some pair of the narrowed events is.
    """
    mine: set[str] = set()
    theirs: set[str] = set()
    for key in other.actor_keys:
        for token in set(key.split()):
            for k in tokens.get(token, ()):
                if same_person(key, k):
                    mine.add(k)
                    theirs.add(key)
    return (
        dataclasses.replace(draft, people=frozenset(mine)),
        dataclasses.replace(other, people=frozenset(theirs)),
    )
