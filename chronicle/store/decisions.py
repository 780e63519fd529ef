"""Keep the analyst's joins and splits of events, and re-merge what each one changes.

A decision is stored by mention keys (`db/020_decisions.sql`), never by event id:
a join is every pair of an anchor of one event with an anchor of the other (the
event's own key and a mention of each other document it holds, `join_anchors`), so
it holds while any report of each side is stored, as an annotation does; a split
of a mention is the pair of it with every other member its event had then. The
merge reads them as edges added or cut (`chronicle.merge.decisions`); making or
undoing one regroups only the events holding the mentions it names
(`merging.remerge`).

A split cuts direct links, it is not a wall: a later report that fits both sides
makes them one event again, and `bridged_splits` lists such events for review.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from chronicle.merge.decisions import Decisions, pair
from chronicle.model import CleanDocument, Event, Mention
from chronicle.store.reader import rows_in

if TYPE_CHECKING:
    import sqlite_utils

KINDS = ("join", "split")


class Decision(NamedTuple):
    """One decision of the analyst, as stored.

    Attributes:
        id: Its id (for `undo`).
        kind: 'join' or 'split'.
        mention_key: The mention split off, or the kept event's own key for a join.
        made_at: When it was made (ISO 8601, UTC).
        pairs: The mention pairs it joins or keeps apart, each in key order.
        active: Whether both mentions of some pair are stored (else it waits).
    """

    id: int
    kind: str
    mention_key: str
    made_at: str
    pairs: tuple[tuple[str, str], ...]
    active: bool


class Bridged(NamedTuple):
    """An event holding both sides of a split: a later report linked them again.

    Attributes:
        event_id: The event now holding both sides.
        decision_id: The split.
        mention_key: The mention that was split off.
        newcomers: Members the split did not know (those that came later), which
            is where the bridge is.
    """

    event_id: int
    decision_id: int
    mention_key: str
    newcomers: tuple[str, ...]


def decide(
    db: sqlite_utils.Database,
    kind: str,
    mention_key: str,
    pairs: Iterable[tuple[str, str]],
    made_at: str | None = None,
) -> int:
    """Store a decision (replacing earlier ones on the same pairs) and re-merge.

    Returns:
        The new decision's id.
    """
    if kind not in KINDS:
        raise ValueError(f"a decision is a join or a split, not {kind!r}")
    ordered = sorted({pair(a, b) for a, b in pairs if a != b})
    if not ordered:
        raise ValueError("a decision needs two different mentions")
    _forget_pairs(db, ordered)
    made_at = made_at or datetime.now(UTC).isoformat(timespec="seconds")
    decision_id = db.conn.execute(
        "INSERT INTO decisions (kind, mention_key, made_at) VALUES (?, ?, ?)",
        [kind, mention_key, made_at],
    ).lastrowid
    db.conn.executemany(
        "INSERT INTO decision_pairs (a_key, b_key, decision_id) VALUES (?, ?, ?)",
        [(a, b, decision_id) for a, b in ordered],
    )
    _remerge(db, {k for p in ordered for k in p})
    return decision_id


def _forget_pairs(db: sqlite_utils.Database, pairs: Sequence[tuple[str, str]]) -> None:
    """Drop earlier decisions on these pairs, and decisions left with no pair."""
    db.conn.executemany("DELETE FROM decision_pairs WHERE a_key = ? AND b_key = ?", pairs)
    db.execute(
        "DELETE FROM decisions WHERE id NOT IN (SELECT DISTINCT decision_id FROM decision_pairs)"
    )


def _remerge(db: sqlite_utils.Database, keys: Iterable[str]) -> None:
    """Regroup the events of these mentions and put the analyst's corrections back."""
    from chronicle.store.annotating import reapply_corrections
    from chronicle.store.merging import remerge

    remerge(db, keys)
    reapply_corrections(db)


JOIN_ANCHORS = 4
"""Most mentions (documents) a join anchors on each side, so at most 4 x 4 pairs: the
merge reads every pair at each change (`decided`), about 10 us a pair, so 100 joins of
large events cost some 17 ms an added document (16 a side: 380 ms)."""


def join_events(db: sqlite_utils.Database, keep_id: int, other_id: int) -> int:
    """Join two events (a must-link of each anchor of one with each of the other);
    returns the event holding both."""
    keep, other = join_anchors(db, keep_id), join_anchors(db, other_id)
    if keep_id == other_id:
        raise ValueError("an event is already one with itself")
    decide(db, "join", keep[0], [(a, b) for a in keep for b in other])
    return _event_of(db, keep[0])


def join_anchors(db: sqlite_utils.Database | sqlite3.Connection, event_id: int) -> list[str]:
    """What a join holds an event by: its own key, then the first mention of each other
    document it has (a removed document takes all its mentions), at most JOIN_ANCHORS.

    So the join stays while any of those reports is stored, whichever document goes.
    """
    own = _own_key(db, event_id)
    rows = db.execute(
        "SELECT min(key) FROM mentions WHERE event_id = ? AND document_id != "
        "(SELECT document_id FROM mentions WHERE key = ?) "
        "GROUP BY document_id ORDER BY min(key) LIMIT ?",
        [event_id, own, JOIN_ANCHORS - 1],
    )
    return [own, *(key for (key,) in rows)]


def follow_new_mentions(db: sqlite_utils.Database, keys: Sequence[str]) -> int:
    """Anchor each join also on the new mentions that came into its event, as an
    annotation follows them (`annotating.follow_new_mentions`), so a join holds while
    any report of the event is stored, even one that came after it.

    Meant to run where a document's mentions were just merged (`documents.add_document`):
    they are in the joined event already, so no event changes. A mention of a document
    the join is anchored in already is not added, nor one beyond JOIN_ANCHORS stored a
    side. Costs what the new mentions' events hold. Returns how many pairs were added.
    """
    conn = db.conn
    if not keys or not _kept(conn):
        return 0
    new: dict[int, list[str]] = {}
    for key, event_id in rows_in(conn, _EVENTS_OF, list(keys)):
        if event_id is not None:
            new.setdefault(event_id, []).append(key)
    joins = {
        decision_id: event_id
        for column in ("a_key", "b_key")
        for decision_id, event_id in rows_in(conn, _JOINS_IN.format(column=column), list(new))
    }
    added = 0
    for decision_id, event_id in sorted(joins.items()):
        added += _follow(conn, decision_id, sorted(new[event_id]))
    return added


_EVENTS_OF = "SELECT key, event_id FROM mentions WHERE key IN ({marks})"
_JOINS_IN = (
    "SELECT DISTINCT p.decision_id, m.event_id FROM mentions m "
    "JOIN decision_pairs p ON p.{column} = m.key "
    "JOIN decisions d ON d.id = p.decision_id AND d.kind = 'join' "
    "WHERE m.event_id IN ({{marks}})"
)
"""The joins naming a member of these events, by one column of their pairs."""


def _follow(conn: sqlite3.Connection, decision_id: int, keys: Sequence[str]) -> int:
    """Add each of `keys` to the side of the join with fewer stored anchors (pairs with
    every anchor of the other side); returns how many pairs were added."""
    [(own,)] = conn.execute("SELECT mention_key FROM decisions WHERE id = ?", [decision_id])
    pairs = conn.execute(
        "SELECT a_key, b_key FROM decision_pairs WHERE decision_id = ?", [decision_id]
    ).fetchall()
    other = {b if a == own else a for a, b in pairs if own in (a, b)}
    if not other:  # a later split took the kept event's key out of the join
        return 0
    sides = ({k for p in pairs for k in p} - other, other)
    documents = dict(
        rows_in(
            conn,
            "SELECT key, document_id FROM mentions WHERE key IN ({marks})",
            sorted({*sides[0], *sides[1], *keys}),
        )
    )
    added = 0
    for key in keys:
        held = {documents[k] for side in sides for k in side if k in documents}
        if key in sides[0] | sides[1] or documents.get(key) in held:
            continue
        stored = [len([k for k in side if k in documents]) for side in sides]
        mine = 0 if stored[0] <= stored[1] else 1
        if stored[mine] >= JOIN_ANCHORS:
            continue
        rows = [(*pair(key, k), decision_id) for k in sorted(sides[1 - mine])]
        added += conn.executemany(
            "INSERT OR IGNORE INTO decision_pairs (a_key, b_key, decision_id) VALUES (?, ?, ?)",
            rows,
        ).rowcount
        sides[mine].add(key)
    return added


def split_source(db: sqlite_utils.Database, event_id: int, mention_key: str) -> int:
    """Split a mention out of its event (cut its link with every other member);
    returns the event now holding the mention."""
    members = [r[0] for r in db.execute("SELECT key FROM mentions WHERE event_id = ?", [event_id])]
    if mention_key not in members:
        raise KeyError(f"mention {mention_key} is not in event {event_id}")
    if len(members) < 2:
        raise ValueError(f"event {event_id} has no other source to split {mention_key} from")
    _annotations_stay(db, mention_key, members)
    decide(db, "split", mention_key, [(mention_key, k) for k in members if k != mention_key])
    return _event_of(db, mention_key)


def _annotations_stay(db: sqlite_utils.Database, mention_key: str, members: list[str]) -> None:
    """Anchor last the mention split off, for annotations anchored to other members too:
    a star or note belongs to the event the analyst split a source from, not to the
    source (an annotation follows its first anchor still stored, 018)."""
    marks = ",".join("?" * len(members))
    rows = db.execute(
        "SELECT aa.annotation_id, max(all_.rank) FROM annotation_anchors aa "
        "JOIN annotation_anchors all_ ON all_.annotation_id = aa.annotation_id "
        "WHERE aa.mention_key = ? AND EXISTS (SELECT 1 FROM annotation_anchors o "
        f"WHERE o.annotation_id = aa.annotation_id AND o.mention_key IN ({marks}) "
        "AND o.mention_key != aa.mention_key) GROUP BY aa.annotation_id",
        [mention_key, *members],
    ).fetchall()
    db.conn.executemany(
        "UPDATE annotation_anchors SET rank = ? WHERE annotation_id = ? AND mention_key = ?",
        [(last + 1, annotation_id, mention_key) for annotation_id, last in rows],
    )


def undo(db: sqlite_utils.Database, decision_id: int) -> None:
    """Forget a decision and re-merge what it affected."""
    keys = {
        k
        for row in db.execute(
            "SELECT a_key, b_key FROM decision_pairs WHERE decision_id = ?", [decision_id]
        )
        for k in row
    }
    if db.execute("SELECT 1 FROM decisions WHERE id = ?", [decision_id]).fetchone() is None:
        raise KeyError(f"no decision {decision_id}")
    db.execute("DELETE FROM decision_pairs WHERE decision_id = ?", [decision_id])
    db.execute("DELETE FROM decisions WHERE id = ?", [decision_id])
    _remerge(db, keys)


DECISION_VERSION = 1
"""The version of a decision's shared form (`shared`), as an export carries it."""


def shared(decision: Decision) -> dict[str, object]:
    """A decision as it travels to another store (an export's `decisions`): its mention
    keys, which the same documents give everywhere, without this store's id and state."""
    return {
        "version": DECISION_VERSION,
        "kind": decision.kind,
        "mention_key": decision.mention_key,
        "made_at": decision.made_at,
        "pairs": [list(p) for p in decision.pairs],
    }


def read_decision(record: object) -> Decision:
    """A decision from its shared form or its fields as a mapping (`Decision._asdict()`).

    Raises:
        ValueError: Saying what is wrong with the record, in a few words.
    """
    if not isinstance(record, Mapping):
        raise ValueError("not an object")
    version = record.get("version", DECISION_VERSION)
    if version != DECISION_VERSION:
        raise ValueError(f"version {version!r} is not one this chronicle reads")
    kind = record.get("kind")
    if kind not in KINDS:
        raise ValueError(f"a decision is a join or a split, not {kind!r}")
    pairs = record.get("pairs")
    if not isinstance(pairs, list | tuple) or not pairs or not all(map(_is_pair, pairs)):
        raise ValueError("pairs must be a list of two different mention keys each")
    key = record.get("mention_key")
    if key not in {k for p in pairs for k in p}:
        raise ValueError(f"mention_key {key!r} is in none of its pairs")
    made_at, id_ = record.get("made_at") or "", record.get("id") or 0
    if not isinstance(made_at, str):
        raise ValueError("made_at must be a time (ISO 8601)")
    return Decision(
        id=id_ if isinstance(id_, int) else 0,
        kind=str(kind),
        mention_key=str(key),
        made_at=made_at,
        pairs=tuple((a, b) for a, b in pairs),
        active=bool(record.get("active", False)),
    )


def naming_sources(decisions: Sequence[Decision]) -> Callable[[Event], list[dict[str, object]]]:
    """For an export: a function giving the decisions that name a source of an event
    (by its sources' keys), in their shared form, oldest first. Looks up only the
    event's own keys, so an export costs what its events hold, not every decision
    once per event."""
    by_key: dict[str, list[Decision]] = {}
    for decision in decisions:
        for key in dict.fromkeys(k for p in decision.pairs for k in p):
            by_key.setdefault(key, []).append(decision)

    def naming(event: Event) -> list[dict[str, object]]:
        found = {d.id: d for s in event.sources for d in by_key.get(s.key, ())}
        return [shared(found[i]) for i in sorted(found)]

    return naming


def _is_pair(value: object) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(k, str) and k for k in value)
        and value[0] != value[1]
    )


def import_decisions(
    db: sqlite_utils.Database, records: Iterable[Decision | Mapping[str, object]]
) -> int:
    """Make again decisions read from another store (by their keys); returns how many
    were made (a decision held here already is not made twice).

    Every record is checked first (`read_decision`): a bad one is a ValueError naming
    it, and nothing is made. Applied in the order they were made, so a later one on a
    pair wins as it did there. One whose mentions are not stored here is kept, waiting
    (inactive), and acts when its documents are ingested.
    """
    decisions = [_numbered(r, n) for n, r in enumerate(records, 1)]
    held = {identity(d) for d in all_decisions(db)}
    count = 0
    for record in sorted(decisions, key=lambda r: (r.made_at, r.id)):
        if identity(record) in held:
            continue
        decide(db, record.kind, record.mention_key, record.pairs, record.made_at)
        held.add(identity(record))
        count += 1
    return count


class Imported(NamedTuple):
    """What an import of a colleague's work made here.

    Attributes:
        added: Events added by hand made again (their documents were not here).
        decided: Joins and splits made (those held already are not counted).
        applied: Annotations that landed on an event.
        unattached: Annotations kept unattached (their documents are not here).
    """

    added: int
    decided: int
    applied: int
    unattached: int


def import_work(
    db: sqlite_utils.Database,
    manual: Sequence[tuple[CleanDocument, str, Sequence[Mention]]],
    decisions: Sequence[Decision | Mapping[str, object]],
    annotations: Sequence[object],
) -> Imported:
    """Make here what a colleague exported, in the caller's one transaction: first the
    events they added by hand (each document once), then their joins and splits, then
    their annotations (so those land on the events as the decisions shape them).

    A bad decision or annotation raises ValueError after something was written: run it
    in one transaction (`Store.import_work`), so nothing is kept.
    """
    from chronicle.store.annotating import import_annotations
    from chronicle.store.documents import add_document, hash_for_path

    added = 0
    for doc, digest, mentions in manual:
        if hash_for_path(db, doc.path) is None:
            add_document(db, doc, digest, mentions)
            added += 1
    made = import_decisions(db, decisions)
    applied, unattached = import_annotations(db, annotations)
    return Imported(added, made, applied, unattached)


def _numbered(record: Decision | Mapping[str, object], number: int) -> Decision:
    if isinstance(record, Decision):
        return record
    try:
        return read_decision(record)
    except ValueError as error:
        raise ValueError(f"decision {number}: {error}") from None


def identity(decision: Decision) -> tuple[str, str, frozenset[tuple[str, str]]]:
    """What makes two decisions the same one: kind, key and pairs (not when made or
    where: an import made twice, or the same split made in two stores, is one)."""
    return (decision.kind, decision.mention_key, frozenset(pair(*p) for p in decision.pairs))


def all_decisions(db: sqlite_utils.Database | sqlite3.Connection) -> list[Decision]:
    """Every decision, oldest first, each saying whether its mentions are stored (none
    in a store laid out before decisions were kept, opened read-only)."""
    if not _kept(db):
        return []
    pairs: dict[int, list[tuple[str, str, bool]]] = {}
    for decision_id, a, b, active in db.execute(
        "SELECT p.decision_id, p.a_key, p.b_key, "
        "EXISTS (SELECT 1 FROM mentions WHERE key = p.a_key) "
        "AND EXISTS (SELECT 1 FROM mentions WHERE key = p.b_key) "
        "FROM decision_pairs p ORDER BY p.decision_id, p.a_key, p.b_key"
    ):
        pairs.setdefault(decision_id, []).append((a, b, bool(active)))
    rows = db.execute("SELECT id, kind, mention_key, made_at FROM decisions ORDER BY id")
    return [
        Decision(
            id=decision_id,
            kind=kind,
            mention_key=key,
            made_at=made_at,
            pairs=tuple((a, b) for a, b, _ in pairs.get(decision_id, [])),
            active=any(on for _, _, on in pairs.get(decision_id, [])),
        )
        for decision_id, kind, key, made_at in rows
    ]


def bridged_splits(db: sqlite_utils.Database | sqlite3.Connection) -> list[Bridged]:
    """Events that hold both sides of a split of the analyst's, by event then decision."""
    rows = db.execute(
        "SELECT DISTINCT ma.event_id, d.id, d.mention_key FROM decision_pairs p "
        "JOIN decisions d ON d.id = p.decision_id AND d.kind = 'split' "
        "JOIN mentions ma ON ma.key = p.a_key JOIN mentions mb ON mb.key = p.b_key "
        "WHERE ma.event_id = mb.event_id ORDER BY ma.event_id, d.id"
    ).fetchall()
    found = []
    for event_id, decision_id, key in rows:
        known = {
            k
            for row in db.execute(
                "SELECT a_key, b_key FROM decision_pairs WHERE decision_id = ?", [decision_id]
            )
            for k in row
        }
        members = db.execute(
            "SELECT key FROM mentions WHERE event_id = ? ORDER BY key", [event_id]
        ).fetchall()
        newcomers = tuple(k for (k,) in members if k not in known)
        found.append(Bridged(event_id, decision_id, key, newcomers))
    return found


def decided(db: sqlite_utils.Database | sqlite3.Connection) -> Decisions:
    """Every decision of the analyst, for the rule (a pair's latest decision only);
    none in a store laid out before decisions were kept (v20). Reads on a plain
    connection too, so the explaining and review code can hand them to the rule."""
    if not _kept(db):
        return Decisions()
    rows = db.execute(
        "SELECT p.a_key, p.b_key, d.kind FROM decision_pairs p "
        "JOIN decisions d ON d.id = p.decision_id"
    ).fetchall()
    return Decisions(
        joined=[(a, b) for a, b, kind in rows if kind == "join"],
        split=[(a, b) for a, b, kind in rows if kind == "split"],
    )


def _kept(db: sqlite_utils.Database | sqlite3.Connection) -> bool:
    """Whether the store has the decisions' tables (v20)."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'decision_pairs'").fetchone()
    return found is not None


def _own_key(db: sqlite_utils.Database | sqlite3.Connection, event_id: int) -> str:
    row = db.execute("SELECT key FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        raise KeyError(f"no event {event_id}")
    return row[0]


def _event_of(db: sqlite_utils.Database, key: str) -> int:
    return db.execute("SELECT event_id FROM mentions WHERE key = ?", [key]).fetchone()[0]
