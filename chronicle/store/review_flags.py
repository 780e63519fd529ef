"""Keep the review queue's marks (`chronicle.merge.review`) as the merge writes events.

A member's mark (`mentions.review`, with `review_witness`: the report of another
event a vague date also fits) and its event's (`events.review`: its members' marks
with BRIDGED) are weighed again only for what a change can alter, after it is written:

- every member of an event written from its members (regrouped, or one a vague
  mention left): its members are in hand, so WORDS is `review.isolated` on them;
- in an event that grew, the members new to it, the members it had marked WORDS (a
  newcomer may be the strong link they lacked) and the member of an event of one
  (it has company now): each looks for a strong partner through the blocking index;
- a vague mention attached or moved, one marked VAGUE whose witness is now in its own
  event (events merged), or whose witness was removed (`review_recheck`, filled by a
  trigger, db/021), and one a new report fits from another event;
- BRIDGED: the events holding both sides of a split, from the analyst's few splits.

So a change costs what its neighbourhood holds; the marks are those a weighing from
scratch gives (tests/test_review_flags.py checks it over ingest orders).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chronicle import merge
from chronicle.merge import review
from chronicle.merge.decisions import Decisions
from chronicle.model import Mention
from chronicle.store import blocks
from chronicle.store.reader import rows_in
from chronicle.store.wrapping import wrap
from chronicle.store.writer import load_mentions

if TYPE_CHECKING:
    import sqlite_utils

Found = list[tuple[str, int | None, str | None]]
"""Stored mentions a lookup found: (key, event id, fit key)."""

Fitting = Callable[["sqlite_utils.Database", Mention, str, bool], Found]
"""`merging.fitting`: stored mentions of a kind a coarse date could be one happening with."""

MATES_AT_ONCE = 8
"""Members read at a time while looking for a strong partner: one is usually among the
first, and a retold happening's event can hold hundreds."""

_MARKS = (
    "SELECT key, event_id, fit_key, review, review_witness FROM mentions WHERE key IN ({marks})"
)
_EVENT_OF = "SELECT key, event_id FROM mentions WHERE key IN ({marks})"
"""The event of each mention named (`reader.rows_in` fills in the marks)."""


@dataclass
class Pending:
    """What a change asks to be weighed again once it is written.

    Attributes:
        members: Mentions of written events, in hand, each event's all together
            (their WORDS marks are weighed from them alone), with their fits.
        words: Keys whose WORDS mark is weighed through the index.
        vague: Keys of vague mentions whose VAGUE mark is weighed through the index.
        fitted: (vague key, precise key) pairs a new report fits (`_take_vague`).
        reports: For a vague mention just attached, every report it fits (found by the
            attaching already: only their events are read again).
        events: Events whose marks may change (written, grown).
        grown: Events that took in newcomers without being read whole: the members
            they had marked WORDS are weighed again (a newcomer may be their partner).
        newcomers: For an event that grew, the new mentions it took in: a member it had
            marked WORDS (precise, or vague and free) had no strong link among its other
            members, so only these and the members of the events that joined it (`moved`)
            can give it one.
        moved: For an event that grew, the keys of the members of the other stored events
            that joined it (their own WORDS marks are weighed through the index).
        refit: Vague mentions whose fit changed: their link is their fit, so they are
            weighed again whatever else changed.
        linked: For a new mention, the stored mentions the merge found to be one
            happening with it: a new precise report's strong partner is most often the
            one that brought it into its event, so these are tried before a lookup.
    """

    members: list[list[Mention]] = field(default_factory=list)
    fits: dict[str, str | None] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)
    vague: set[str] = field(default_factory=set)
    fitted: set[tuple[str, str]] = field(default_factory=set)
    reports: dict[str, list[str]] = field(default_factory=dict)
    events: set[int] = field(default_factory=set)
    grown: set[int] = field(default_factory=set)
    newcomers: dict[int, list[Mention]] = field(default_factory=dict)
    moved: dict[int, list[str]] = field(default_factory=dict)
    refit: set[str] = field(default_factory=set)
    linked: dict[str, list[str]] = field(default_factory=dict)

    def whole(
        self,
        members: Sequence[Mention],
        fits: dict[str, str | None],
        news: Sequence[Mention] | None = None,
    ) -> None:
        """An event written from all its members; with `news`, one whose precise members
        were together before: only these newcomers' VAGUE marks are looked up again."""
        self.members.append(list(members))
        self.fits.update({m.key: fits.get(m.key) for m in members})
        looked_up = members if news is None else news
        self.vague.update(m.key for m in looked_up if merge.kind_of(m) == "vague")

    def grew(
        self,
        event_id: int,
        news: Sequence[Mention],
        fits: dict[str, str | None],
        moved: Iterable[str],
    ) -> None:
        """A stored event that took in `news` and the members `moved` of other stored events."""
        self.newcomers.setdefault(event_id, []).extend(news)
        self.moved.setdefault(event_id, []).extend(moved)
        self.fits.update({m.key: fits.get(m.key) for m in news})


def refresh(
    db: sqlite_utils.Database, pending: Pending, decided: Decisions, fitting: Fitting
) -> None:
    """Weigh again what `pending` names and write the marks that changed."""
    if pending_fill(db):
        fill(db, decided, fitting)
        return
    marks: dict[str, tuple[int, str | None]] = {}
    for group in pending.members:
        lone = review.isolated(group, pending.fits, decided)
        marks.update({m.key: (review.WORDS if m.key in lone else 0, None) for m in group})
    pending.vague |= _stale_witnesses(db, pending.events)
    marked = _marked(db, pending.grown, review.WORDS)
    pending.words |= marked.keys() | pending.refit
    rows = {r[0]: r[1:] for r in rows_in(db.conn, _MARKS, sorted(_keys(pending, marks)))}
    loaded = {m.key: m for group in pending.members for m in group}
    needed = (pending.words | (pending.vague - pending.reports.keys())) - loaded.keys()
    loaded |= {m.key: m for m in load_mentions(db, sorted(needed & rows.keys()))}
    news = {m.key for group in pending.newcomers.values() for m in group}
    news.update(k for keys in pending.moved.values() for k in keys)
    quick = {
        key
        for key in pending.words & loaded.keys() & rows.keys()
        if _only_newcomers_count(loaded[key], marked, rows[key][0], rows[key][1], pending, news)
    }
    newcomers, fits = _newcomers(db, pending, {rows[k][0] for k in quick})
    for key, (event_id, fit, old, witness) in rows.items():
        bits, _ = marks.get(key, (old & review.WORDS, None))
        if key in pending.words and key in loaded and event_id is not None:
            if key in quick:
                alone = not _strong_newcomer(loaded[key], newcomers[event_id], fits, decided)
            else:
                linked = pending.linked.get(key, ())
                alone = not _partnered(db, loaded[key], event_id, fit, decided, linked)
            bits = review.WORDS if alone and _members(db, event_id) > 1 else 0
        seen = witness if old & review.VAGUE else None
        if key in pending.vague and key in pending.reports:
            seen = _first_elsewhere(db, pending.reports[key], event_id)
        elif key in pending.vague and key in loaded:
            seen = _witness(db, loaded[key], event_id, decided, fitting)
        marks[key] = (bits | (review.VAGUE if seen else 0), seen)
    _fitted(db, pending.fitted, rows, marks)
    changed = [
        (bits, seen, key)
        for key, (bits, seen) in marks.items()
        if key in rows and (rows[key][2], rows[key][3]) != (bits, seen)
    ]
    db.conn.executemany("UPDATE mentions SET review = ?, review_witness = ? WHERE key = ?", changed)
    events = pending.events | {rows[k][0] for _, _, k in changed if rows[k][0] is not None}
    write_events(db, events, decided)


def _newcomers(
    db: sqlite_utils.Database, pending: Pending, event_ids: set[int]
) -> tuple[dict[int, list[Mention]], dict[str, str | None]]:
    """Each of these grown events' newcomers (new mentions and those moved in from the
    events that joined it, read now), with the fits of all of them."""
    moved = sorted({k for e in event_ids for k in pending.moved.get(e, ())})
    held = {m.key: m for m in load_mentions(db, moved)}
    fits = dict(pending.fits)
    fits.update(rows_in(db.conn, "SELECT key, fit_key FROM mentions WHERE key IN ({marks})", moved))
    newcomers = {
        e: [*pending.newcomers.get(e, ()), *(held[k] for k in pending.moved.get(e, ()))]
        for e in event_ids
    }
    return newcomers, fits


def _keys(pending: Pending, marks: dict[str, tuple[int, str | None]]) -> set[str]:
    return {*marks, *pending.words, *pending.vague, *(v for v, _ in pending.fitted)}


def _fitted(
    db: sqlite_utils.Database,
    fitted: Iterable[tuple[str, str]],
    rows: dict[str, tuple],
    marks: dict[str, tuple[int, str | None]],
) -> None:
    """A vague mention a new report of another event fits is marked, that report its witness."""
    reports = sorted({p for _, p in fitted})
    events = dict(rows_in(db.conn, _EVENT_OF, reports))
    for vague, report in sorted(fitted):
        if vague not in marks:
            continue
        bits, seen = marks[vague]
        own = rows[vague][0]
        if seen is None and events.get(report) not in (None, own):
            marks[vague] = (bits | review.VAGUE, report)


def _stale_witnesses(db: sqlite_utils.Database, event_ids: Iterable[int]) -> set[str]:
    """Vague mentions marked for a witness now in their own event, or removed."""
    ids = sorted(event_ids)
    merged = {
        key
        for (key,) in rows_in(
            db.conn,
            "SELECT m.key FROM mentions m JOIN mentions w ON w.key = m.review_witness "
            "WHERE m.review != 0 AND m.event_id IN ({marks}) AND w.event_id = m.event_id",
            ids,
        )
    }
    gone = {key for (key,) in db.execute("SELECT key FROM review_recheck")}
    db.execute("DELETE FROM review_recheck")
    return merged | gone


def _marked(db: sqlite_utils.Database, event_ids: Iterable[int], bit: int) -> dict[str, int]:
    """Members of these events marked with `bit`, with their event."""
    sql = "SELECT key, review, event_id FROM mentions WHERE review != 0 AND event_id IN ({marks})"
    return {key: e for key, bits, e in rows_in(db.conn, sql, sorted(event_ids)) if bits & bit}


def _only_newcomers_count(
    m: Mention,
    marked: dict[str, int],
    event_id: int,
    fit: str | None,
    pending: Pending,
    news: set[str],
) -> bool:
    """Whether a member's WORDS mark can only be lifted by its event's newcomers: one the
    event had marked before it grew, neither new to it nor moved in with another event,
    dated, attached to no precise one (a vague member's link is its fit) and not refitted."""
    return (
        event_id in pending.newcomers
        and marked.get(m.key) == event_id
        and m.key not in news
        and fit is None
        and m.key not in pending.refit
        and merge.kind_of(m) != "undated"
    )


def _strong_newcomer(
    m: Mention, newcomers: Sequence[Mention], fits: dict[str, str | None], decided: Decisions
) -> bool:
    """True when a newcomer is linked to the member `m` on more than words
    (`review.isolated`'s links): for a precise member, a precise newcomer or a vague one
    attached to it; for a free vague member, a free vague newcomer."""
    kind = merge.kind_of(m)
    for n in newcomers:
        if (m.key, n.key) in decided.joined or (n.key, m.key) in decided.joined:
            return True
        other = merge.kind_of(n)
        attached = other == "vague" and fits.get(n.key) == m.key and kind == "precise"
        free = other == "vague" and fits.get(n.key) is None
        if kind == "precise" and (other == "precise" or attached):
            if review.strong(m, n, attached, decided):
                return True
        elif kind == "vague" and free and review.strong(m, n, False, decided):
            return True
    return False


def _members(db: sqlite_utils.Database, event_id: int) -> int:
    row = db.execute("SELECT source_count FROM events WHERE id = ?", [event_id]).fetchone()
    return row[0] if row else 0


def _partnered(
    db: sqlite_utils.Database,
    m: Mention,
    event_id: int,
    fit: str | None,
    decided: Decisions,
    linked: Sequence[str] = (),
) -> bool:
    """True when a member of its event is linked to `m` on more than words
    (`review.strong`): for a precise member, among the precise ones the blocking index
    finds near it (as the merge's do) and the vague ones attached to it, the mentions
    the merge `linked` it to first; for a free vague one, among its event's other free
    vague members."""
    kind = merge.kind_of(m)
    if kind == "undated":
        return True  # an undated member is linked only to undated ones told again, or joined
    joined = decided.partners(m.key)
    if joined and _of_event(db, joined, event_id):
        return True
    if fit is not None:
        return review.strong(m, load_mentions(db, [fit])[0], True, decided)
    if kind == "precise" and _strong_among(db, m, _of_event(db, linked, event_id), decided):
        return True  # a precise mention the lookup below would find
    if kind == "precise":
        found = blocks.near_precise(db, m)
        found += blocks.same_document(db, m, "precise")
        attached = _attached(db, m.key, event_id)
        near = {k for k, e, _ in found if e == event_id and k != m.key} - attached
        mates = sorted({*_could_tie(db, m, sorted(near)), *attached})
    else:
        mates, attached = _free_vague_members(db, m, event_id), set()
    return any(
        review.strong(m, other, other.key in attached, decided)
        for at in range(0, len(mates), MATES_AT_ONCE)
        for other in load_mentions(db, mates[at : at + MATES_AT_ONCE])
        if other.key in attached or merge.kind_of(other) == kind
    )


def _strong_among(
    db: sqlite_utils.Database, m: Mention, keys: Sequence[str], decided: Decisions
) -> bool:
    """True when one of these stored precise mentions is linked to the precise `m` on
    more than words."""
    return any(
        merge.kind_of(other) == "precise" and review.strong(m, other, False, decided)
        for other in load_mentions(db, sorted(keys))
    )


def _free_vague_members(db: sqlite_utils.Database, m: Mention, event_id: int) -> list[str]:
    """The event's other dated, coarse members attached to no precise one that could be
    linked to the free vague member `m` on more than words (`blocks.strong_ties`): read
    off its event as a weighing from scratch takes them (`review.isolated`), not looked up
    again among every vague mention of its year (a retold happening's event can hold
    hundreds, most of them linked by words alone)."""
    ties, params = blocks.strong_ties(m)
    sql = (
        "SELECT m.key FROM mentions m LEFT JOIN mention_traits t ON t.mention_id = m.id "
        "WHERE m.event_id = ? AND m.key != ? AND m.fit_key IS NULL "
        f"AND m.date_start IS NOT NULL AND m.precision NOT IN ({blocks.PRECISE_SQL}) AND {ties}"
    )
    return sorted(k for (k,) in db.execute(sql, [event_id, m.key, *params]))


def _could_tie(db: sqlite_utils.Database, m: Mention, keys: Sequence[str]) -> list[str]:
    """Those of these stored mentions that could be linked to `m` on more than words
    (`blocks.strong_ties`): the others need not be read to be weighed."""
    ties, params = blocks.strong_ties(m)
    found: list[str] = []
    for at in range(0, len(keys), 500):
        chunk = list(keys[at : at + 500])
        sql = (
            "SELECT m.key FROM mentions m LEFT JOIN mention_traits t ON t.mention_id = m.id "
            f"WHERE m.key IN ({','.join('?' * len(chunk))}) AND {ties}"
        )
        found += [k for (k,) in db.execute(sql, [*chunk, *params])]
    return sorted(found)


def _attached(db: sqlite_utils.Database, key: str, event_id: int) -> set[str]:
    """The vague members of the event attached to its precise member `key`: read off their
    fits, as a weighing from scratch does (`review.isolated`), not looked up again."""
    sql = "SELECT key FROM mentions WHERE event_id = ? AND fit_key = ?"
    return {k for (k,) in db.execute(sql, [event_id, key])}


def _of_event(db: sqlite_utils.Database, keys: Sequence[str], event_id: int) -> list[str]:
    return [k for k, e in rows_in(db.conn, _EVENT_OF, keys) if e == event_id]


def _first_elsewhere(
    db: sqlite_utils.Database, reports: Sequence[str], event_id: int | None
) -> str | None:
    """The first of these reports (by key) held by another event than `event_id`."""
    held = dict(rows_in(db.conn, _EVENT_OF, reports))
    return next((k for k in reports if held.get(k) not in (None, event_id)), None)


def _witness(
    db: sqlite_utils.Database,
    v: Mention,
    event_id: int | None,
    decided: Decisions,
    fitting: Fitting,
) -> str | None:
    """A report of another event the vague mention `v` fits (`review.fits_elsewhere`)."""
    if merge.kind_of(v) != "vague" or event_id is None:
        return None
    found = [(k, e) for k, e, _ in fitting(db, v, "precise", False) if e not in (None, event_id)]
    reports = {m.key: m for m in load_mentions(db, sorted(k for k, _ in found))}
    return review.fits_elsewhere(v, [(reports[k], e) for k, e in found], event_id, decided)


def elsewhere(
    conn: sqlite3.Connection,
    members: Sequence[Mention],
    event_id: int,
    decided: Decisions,
    fitting: Fitting,
) -> dict[int, list[str]]:
    """The other events holding a precise report one of these vague members fits too,
    each with those reports' keys, weighed afresh through the index (for "Why merged")."""
    db = wrap(conn)
    witnesses = [
        found
        for m in members
        if merge.kind_of(m) == "vague"
        and (found := _witness(db, m, event_id, decided, fitting)) is not None
    ]
    held: dict[int, list[str]] = {}
    for key, other in rows_in(conn, _EVENT_OF, sorted(set(witnesses))):
        held.setdefault(other, []).append(key)
    return held


def write_events(db: sqlite_utils.Database, event_ids: Iterable[int], decided: Decisions) -> None:
    """Set `events.review` of these events (and of every bridged one) from their members'
    marks and the analyst's splits."""
    ids = sorted(event_ids)
    bits = dict.fromkeys(ids, 0)
    sql = (
        "SELECT event_id, MAX(review & 1) | MAX(review & 2) FROM mentions "
        "WHERE review != 0 AND event_id IN ({marks}) GROUP BY event_id"
    )
    for event_id, found in rows_in(db.conn, sql, ids):
        bits[event_id] = found
    for event_id in bridged(db, decided):
        bits[event_id] = bits.get(event_id, _stored_bits(db, event_id)) | review.BRIDGED
    db.conn.executemany(
        "UPDATE events SET review = ? WHERE id = ? AND review != ?",
        [(b, e, b) for e, b in bits.items()],
    )


def _stored_bits(db: sqlite_utils.Database, event_id: int) -> int:
    row = db.execute("SELECT review FROM events WHERE id = ?", [event_id]).fetchone()
    return (row[0] & ~review.BRIDGED) if row else 0


def bridged(db: sqlite_utils.Database, decided: Decisions) -> set[int]:
    """Events holding both mentions of a pair the analyst split apart."""
    keys = sorted({k for pair in decided.split for k in pair})
    events = dict(rows_in(db.conn, _EVENT_OF, keys))
    return {
        events[a]
        for a, b in decided.split
        if events.get(a) is not None and events.get(a) == events.get(b)
    }


FILLS = {
    "pending": "SELECT id FROM events ORDER BY id",
    "refitted": "SELECT DISTINCT event_id FROM mentions "
    "WHERE fit_key IS NOT NULL AND event_id IS NOT NULL ORDER BY event_id",
}
"""The events a store asks to have weighed from their members (meta `review_flags`):
every one (a store migrated to v21, whose events were merged before the marks were
kept), or those holding a vague mention attached to a precise one (v25: before it, a
vague mention refitted inside its own event kept its old WORDS mark)."""


def pending_fill(db: sqlite_utils.Database) -> bool:
    """True when the store asks for some of its events to be weighed (`FILLS`)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'review_flags'").fetchone()
    return row is not None and row[0] in FILLS


def fill(db: sqlite_utils.Database, decided: Decisions, fitting: Fitting) -> None:
    """Weigh the events the store asks for (`FILLS`; all of them when it asks for none, as
    after a rebuild) from their members."""
    row = db.execute("SELECT value FROM meta WHERE key = 'review_flags'").fetchone()
    ids = [r[0] for r in db.execute(FILLS.get(row[0] if row else "", FILLS["pending"]))]
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        pending = Pending(events=set(chunk))
        sql = "SELECT event_id, key, fit_key FROM mentions WHERE event_id IN ({marks})"
        held: dict[int, list[str]] = {}
        for event_id, key, fit in rows_in(db.conn, sql, chunk):
            held.setdefault(event_id, []).append(key)
            pending.fits[key] = fit
        loaded = {m.key: m for m in load_mentions(db, [k for keys in held.values() for k in keys])}
        for keys in held.values():
            pending.whole([loaded[k] for k in keys], pending.fits)
        db.execute("DELETE FROM meta WHERE key = 'review_flags'")
        refresh(db, pending, decided, fitting)
