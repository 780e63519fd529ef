"""Keep events up to date as mentions arrive or leave, touching only what changes.

Events are the connected components of `chronicle.merge.same_event`, cut
where a vague mention bridged two happenings (`merge.split_bridged`). A new
document's mentions are compared with each other and with the stored mentions
that share an anchor (a country or a name) and whose dates could meet theirs;
the events they join, and any stored event compatible with those (a sibling cut
from the same component), are rebuilt together. Every other event is left
alone. Removing a document rebuilds only the events it was part of and their
siblings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

import sqlite_utils

from chronicle import merge
from chronicle.model import Actor, DateMatch, Entities, Mention
from chronicle.store.writer import (
    delete_events,
    keys_of_events,
    load_mentions,
    write_event,
)


def merge_new(db: sqlite_utils.Database, mentions: Sequence[Mention]) -> None:
    """Fold freshly stored mentions (with no event yet) into the events."""
    new = sorted(mentions, key=lambda m: m.key)
    if not new:
        return
    written = []
    orphans: list[int] = []
    for group, old_ids in _join_overlapping(
        _with_split_siblings(db, load_mentions(db, sorted(keys_of_events(db, ids))), ids, fresh)
        for fresh, ids in merge.join_stored(new, _stored_candidates(db, new))
    ):
        orphans += children_of(db, old_ids)
        delete_events(db, old_ids)
        written += [(write_event(db, draft), draft) for draft in merge.draft_events([group])]
    link(db, written, orphans)


def _with_split_siblings(
    db: sqlite_utils.Database,
    mentions: list[Mention],
    event_ids: Iterable[int],
    compared: Sequence[Mention] = (),
) -> tuple[list[Mention], set[int]]:
    """Grow a group by every stored event compatible with it, until none is left.

    A stored event is a whole cluster or a part that `merge.split_bridged` cut off
    one, so a group that gains or loses mentions takes in its former siblings
    before it is split again; otherwise the result would depend on ingest order.

    Args:
        mentions: Group members not yet compared with the stored mentions.
        event_ids: Stored events already in the group.
        compared: Group members already compared (a new document's mentions).
    """
    events = set(event_ids)
    group = {m.key: m for m in [*compared, *mentions]}
    frontier = list(mentions)
    while frontier:
        grown: list[Mention] = []
        # Precise mentions of two stored events never fit each other (split_bridged would
        # have kept them together), so a sibling is found through a vague mention on one
        # side: precise frontier mentions need only be compared with vague stored ones.
        vague = [m for m in frontier if not _precise(m)]
        precise = [m for m in frontier if _precise(m)]
        found = _stored_candidates(db, vague, exclude=group.keys()) + _stored_candidates(
            db, precise, exclude=group.keys(), vague_only=True
        )
        for other, event_id in found:
            if event_id in events:
                continue
            pool = frontier if not _precise(other) else vague
            if not any(merge.same_event(other, m) for m in pool):
                continue
            events.add(event_id)
            for m in load_mentions(db, sorted(keys_of_events(db, [event_id]))):
                if m.key not in group:
                    group[m.key] = m
                    grown.append(m)
        frontier = grown
    return sorted(group.values(), key=lambda m: m.key), events


def _join_overlapping(
    groups: Iterable[tuple[list[Mention], set[int]]],
) -> list[tuple[list[Mention], list[int]]]:
    """Unite groups that took in the same stored event."""
    joined: list[tuple[dict[str, Mention], set[int]]] = []
    for mentions, events in groups:
        merged = {m.key: m for m in mentions}
        for other in [j for j in joined if j[1] & events]:
            joined.remove(other)
            merged |= other[0]
            events |= other[1]
        joined.append((merged, events))
    return [
        (sorted(group.values(), key=lambda m: m.key), sorted(events)) for group, events in joined
    ]


def _precise(mention: Mention) -> bool:
    span = merge.span_of(mention)
    return span is not None and span.precise


def _stored_candidates(
    db: sqlite_utils.Database,
    new: Sequence[Mention],
    exclude: Iterable[str] = (),
    vague_only: bool = False,
) -> list[tuple[Mention, int]]:
    """Stored mentions (with their event) that could merge with any new mention.

    Args:
        vague_only: Only stored mentions whose date is not pinned to days.
    """
    vague_sql = " AND m.precision NOT IN ('day', 'range')" if vague_only else ""
    wanted: dict[str, int] = {}
    new_keys = {m.key for m in new} | set(exclude)
    for mention in new:
        mine = merge.anchors(mention)
        span = merge.span_of(mention)
        if span is None:
            rows = db.execute(
                _CANDIDATE_SQL + "WHERE m.date_start IS NULL AND m.event_id IS NOT NULL" + vague_sql
            )
        else:
            rows = db.execute(
                _CANDIDATE_SQL + "WHERE m.date_start <= ? AND m.date_end >= ? "
                "AND m.event_id IS NOT NULL" + vague_sql,
                [
                    merge.shift(span.end, merge.NEAR_DAYS).isoformat(),
                    merge.shift(span.start, -merge.NEAR_DAYS).isoformat(),
                ],
            )
        for key, event_id, countries, actors, path in rows:
            if key in wanted or key in new_keys:
                continue
            if mine & _row_anchors(countries, actors, path):
                wanted[key] = event_id
    found = load_mentions(db, sorted(wanted))
    return [(m, wanted[m.key]) for m in found]


_CANDIDATE_SQL = (
    "SELECT m.key, m.event_id, m.countries, m.actors, d.path FROM mentions m "
    "JOIN documents d ON d.id = m.document_id "
)
"""What `_row_anchors` needs of a stored mention, without loading it whole."""


def _row_anchors(countries: str, actors: str, document: str) -> frozenset[str]:
    """`merge.anchors` computed from a mentions row's columns, without building a Mention."""
    codes = {f"c:{c}" for c in json.loads(countries)}
    names = {f"p:{token}" for a in json.loads(actors) for token in a["key"].split()}
    return frozenset(codes | names | {f"d:{document}"})


def recluster(db: sqlite_utils.Database, keys: Iterable[str], orphans: Iterable[int] = ()) -> None:
    """Recompute from scratch the events made of the mentions with these keys.

    Args:
        keys: Mentions whose events are rebuilt.
        orphans: Events that lost their container already; they look for a new one.
    """
    keys = sorted(set(keys))
    orphans = list(orphans)
    if not keys:
        link(db, [], orphans)
        return
    marks = ",".join("?" * len(keys))
    old_events = {
        r[0]
        for r in db.execute(f"SELECT DISTINCT event_id FROM mentions WHERE key IN ({marks})", keys)
        if r[0] is not None
    }
    mentions, old_events = _with_split_siblings(db, load_mentions(db, keys), old_events)
    drafts = merge.draft_events(merge.cluster(mentions))
    orphans += children_of(db, old_events)
    delete_events(db, old_events)
    link(db, [(write_event(db, draft), draft) for draft in drafts], orphans)


def link(
    db: sqlite_utils.Database,
    written: list[tuple[int, merge.EventDraft]],
    orphans: Iterable[int] = (),
) -> None:
    """Set part-of and related links for rewritten events and their neighbours.

    Args:
        written: The events just written, with their drafts.
        orphans: Events whose container was just deleted; they look for a new one.
    """
    children = set(orphans)
    for event_id, draft in written:
        children.add(event_id)
        for other_id, other in _events_sharing_a_person(db, draft):
            if other_id == event_id:
                continue
            if merge.is_part_of(other, draft):
                children.add(other_id)
            elif not merge.is_part_of(draft, other) and merge.is_related(draft, other):
                for a, b in ((event_id, other_id), (other_id, event_id)):
                    db.execute(
                        "INSERT OR IGNORE INTO event_links (event_id, other_id, kind) "
                        "VALUES (?, ?, 'related')",
                        [a, b],
                    )
    for child in sorted(children):
        _set_container(db, child)


def _set_container(db: sqlite_utils.Database, event_id: int) -> None:
    """Point an event at the tightest event it is part of (or at none)."""
    child = _summary_of(db, event_id)
    containers = [
        (merge.container_rank(parent), parent_id)
        for parent_id, parent in (_events_sharing_a_person(db, child) if child else ())
        if parent_id != event_id and merge.is_part_of(child, parent)
    ]
    best = min(containers)[1] if containers else None
    db.execute("UPDATE events SET part_of = ? WHERE id = ?", [best, event_id])


def children_of(db: sqlite_utils.Database, event_ids: Iterable[int]) -> list[int]:
    """Events that are part of any of these events."""
    ids = list(event_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [r[0] for r in db.execute(f"SELECT id FROM events WHERE part_of IN ({marks})", ids)]


def _events_sharing_a_person(
    db: sqlite_utils.Database, draft: merge.EventDraft
) -> list[tuple[int, merge.EventDraft]]:
    """Dated events within RELATED_DAYS of `draft` naming someone it names.

    Both links need a person in common, so only events whose people share a
    name token with the draft's are read, and only as much of each as the link
    rules look at (its date, type and people), not its every source.
    """
    span = merge.span_of(draft.best)
    tokens = sorted({t for key in draft.actor_keys for t in key.split()})
    if span is None or not tokens:
        return []
    likes = " OR ".join("(' ' || a.actor_key || ' ') LIKE ?" for _ in tokens)
    rows = db.execute(
        "SELECT e.id, e.key, e.date_start, e.date_end, e.precision, e.type, "
        "group_concat(all_actors.actor_key, '|') FROM events e "
        "JOIN event_actors all_actors ON all_actors.event_id = e.id "
        "WHERE e.id IN (SELECT a.event_id FROM event_actors a JOIN events e ON e.id = a.event_id "
        f"WHERE e.date_start <= ? AND e.date_end >= ? AND e.type != 'citation' AND ({likes})) "
        "GROUP BY e.id",
        [
            merge.shift(span.end, merge.RELATED_DAYS).isoformat(),
            merge.shift(span.start, -merge.RELATED_DAYS).isoformat(),
            *(f"% {t} %" for t in tokens),
        ],
    ).fetchall()
    return [(row[0], _summary_draft(*row[1:])) for row in rows]


def _summary_of(db: sqlite_utils.Database, event_id: int) -> merge.EventDraft | None:
    """The date, type and people of a stored event, as a stand-in draft."""
    row = db.execute(
        "SELECT e.key, e.date_start, e.date_end, e.precision, e.type, "
        "group_concat(a.actor_key, '|') FROM events e "
        "JOIN event_actors a ON a.event_id = e.id WHERE e.id = ? AND e.date_start IS NOT NULL "
        "GROUP BY e.id",
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
