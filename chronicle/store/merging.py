"""Keep events up to date as mentions arrive or leave, touching only what changes.

Events are what `chronicle.merge.cluster` makes of every stored mention: precise
mentions joined into components, each vague mention attached to the precise one
it fits best (stored as `mentions.fit_key`), the others grouped among themselves.
A change gathers, through the blocking index (`chronicle.store.blocks`), the few
stored events it can affect, and regroups only them (`merge.group`):

- a new precise mention joins the events of the stored precise ones it fits;
- a new vague mention attaches to the best of the stored and new precise ones
  whose days meet its own, or else joins the free vague ones it fits;
- a stored vague mention moves to a new precise one only when that fits it better;
- removing mentions re-attaches the vague ones that lost their precise mention.

So adding a document costs what its neighbourhood holds, not what the store holds.

The analyst's decisions (`chronicle.merge.decisions`, table `decision_pairs`) are
read whole at each change (they are made by hand, so few) and handed to the rule:
a split pair is never linked directly nor attached as a vague fit, and a joined
pair is one more edge, so a mention's joined partners' events are taken in when it
is merged (`_join_decided`). A change of decisions regroups the events holding the
mentions it names (`remerge`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from chronicle import merge
from chronicle.model import Mention
from chronicle.store import blocks, neighbours, review_flags
from chronicle.store.decisions import decided
from chronicle.store.reader import rows_in
from chronicle.store.wrapping import wrap
from chronicle.store.writer import (
    delete_events,
    index_pending,
    keys_of_events,
    load_mentions,
    load_state,
    move_mentions,
    publishers_of,
    update_event,
    write_event,
)

if TYPE_CHECKING:
    import sqlite_utils

Unit = str | int
"""A part of a change's result: a new mention (its key) or a stored event (its id)."""


class _Change:
    """The stored events a change touches, the links it found, and where vague ones attach.

    Events are touched without reading their mentions. When every touched event ends
    up whole inside one result (the usual case: reports join events, events join
    each other), the result is written from the events' stored totals
    (`_write_grown`); when a vague mention leaves for another event, only the result
    it leaves is read whole (`_write_results`). Removals regroup every touched event
    (`_write_regrouped`).
    """

    def __init__(self, db: sqlite_utils.Database, new: Sequence[Mention] = ()) -> None:
        self.db = db
        self.new = {m.key: m for m in new}
        self.members: dict[str, Mention] = dict(self.new)
        self.fits: dict[str, str | None] = {}
        self.stored_fits: dict[str, str | None] = {}
        self.events: set[int] = set()
        self.moves: dict[str, tuple[int | None, str | None]] = {}
        self.regroup = False
        self._units = merge.UnionFind(0)
        self._index: dict[Unit, int] = {}
        self._loaded: dict[str, Mention] = dict(self.new)
        self.decided = decided(db)
        self.pending = review_flags.Pending()

    def mention(self, key: str) -> Mention:
        """A stored mention by key (loaded once)."""
        if key not in self._loaded:
            self.prefetch([key])
        return self._loaded[key]

    def prefetch(self, keys: Iterable[str]) -> None:
        """Load these stored mentions in one go."""
        missing = sorted({k for k in keys if k not in self._loaded})
        for m in load_mentions(self.db, missing):
            self._loaded[m.key] = m

    def add(self, mentions: Iterable[Mention], fits: dict[str, str | None]) -> None:
        """Make mentions members, with the precise mention each vague one attaches to."""
        for m in mentions:
            self.members[m.key] = m
            self._loaded[m.key] = m
            if merge.kind_of(m) == "vague":
                self.fits.setdefault(m.key, fits.get(m.key))

    def touch(self, event_ids: Iterable[int | None]) -> None:
        """Take in stored events: they will be written again."""
        self.events.update(e for e in event_ids if e is not None)

    def unit(self, key: str, event_id: int | None) -> Unit:
        """The part of the result a found mention belongs to."""
        if event_id is not None:
            return event_id
        if key not in self.members:
            self.regroup = True  # a stored mention without an event: regroup to be sure
        return key

    def _slot(self, unit: Unit) -> int:
        if unit not in self._index:
            self._index[unit] = len(self._units.parent)
            self._units.parent.append(self._index[unit])
        return self._index[unit]

    def joined(self, a: Unit, b: Unit) -> bool:
        """True when the two are already known to end up in one event."""
        return self._units.find(self._slot(a)) == self._units.find(self._slot(b))

    def join(self, a: Unit, b: Unit) -> None:
        """Record that the two end up in one event (touching a stored one)."""
        self.touch(u for u in (a, b) if isinstance(u, int))
        self._units.union(self._slot(a), self._slot(b))

    def move(self, key: str, event_id: int | None, fit: str, stored_fit: str | None) -> None:
        """A stored vague mention of `event_id`, attached to `stored_fit`, now attaches
        to the precise mention `fit`."""
        self.touch([event_id])
        self.fits[key] = fit
        self.moves.setdefault(key, (event_id, stored_fit))

    def fit_of(self, key: str, stored_fit: str | None) -> str | None:
        """Where a vague mention attaches now (a member's fit may have just changed)."""
        return self.fits.get(key, stored_fit)

    def results(self) -> list[tuple[int, list[int], list[Mention]]]:
        """Each resulting event as (its root, the stored events it takes in, the new
        mentions in it)."""
        found: dict[int, tuple[list[int], list[Mention]]] = {}
        for unit in [*sorted(self.events), *self.new]:  # not the units only looked at
            events, news = found.setdefault(self._units.find(self._slot(unit)), ([], []))
            if isinstance(unit, int):
                events.append(unit)
            else:
                news.append(self.new[unit])
        return [
            (root, sorted(e), sorted(n, key=lambda m: m.key))
            for root, (e, n) in found.items()
            if e or n
        ]

    def leaving(self) -> dict[str, tuple[int, str | None, int]] | None:
        """Stored vague mentions that leave their event for another result, each as
        (its event, the precise mention it attached to, the root of the result it
        goes to); None when the touched events must be regrouped whole."""
        out = {}
        for key, (event_id, stored_fit) in self.moves.items():
            target = self.unit_of_fit(self.fits[key])
            if event_id is None:
                return None
            if not self.joined(event_id, target):
                out[key] = (event_id, stored_fit, self._units.find(self._slot(target)))
        return None if self.regroup else out

    def unit_of_fit(self, key: str) -> Unit:
        """The part of the result a precise mention that vague ones attach to belongs to."""
        if key in self.new:
            return key
        row = self.db.execute("SELECT event_id FROM mentions WHERE key = ?", [key]).fetchone()
        return self.unit(key, row[0] if row else None)

    def write(self, orphans: Iterable[int] = ()) -> None:
        """Write the result and link the events written."""
        orphans = [*orphans, *children_of(self.db, self.events)]
        leaving = self.leaving()
        written = self._write_regrouped() if leaving is None else self._write_results(leaving)
        changed = [(fit, key) for key, fit in self.fits.items() if self.stored_fits.get(key) != fit]
        self.db.conn.executemany("UPDATE mentions SET fit_key = ? WHERE key = ?", changed)
        # A vague mention's link is its fit: a new fit, even in the same event, may not be a
        # strong one where the old was (or the other way round).
        self.pending.refit.update(key for _, key in changed)
        link(self.db, written, orphans)
        review_flags.refresh(self.db, self.pending, self.decided, fitting)
        index_pending(self.db)

    def _write_results(
        self, leaving: dict[str, tuple[int, str | None, int]]
    ) -> list[tuple[int, merge.EventDraft]]:
        """Write each result on its own: from its events' stored totals when none of
        them loses a mention (`_write_grown`), else from its members read whole.

        A vague mention that attached to a precise one leaves an event that is still
        one event without it (a vague mention never joins two), so only its row is
        computed again; one that attached to none leaves a group of free vague mentions
        it may have been the only link of, and only that result is regrouped.
        """
        arriving: dict[int, list[Mention]] = {}
        losing: dict[int, set[str]] = {}
        split: set[int] = set()
        for key, (event_id, stored_fit, root) in leaving.items():
            arriving.setdefault(root, []).append(self.mention(key))
            losing.setdefault(event_id, set()).add(key)
            if stored_fit is None:
                split.add(event_id)
        whole, grown = [], []
        for root, event_ids, news in self.results():
            news = sorted([*news, *arriving.get(root, [])], key=lambda m: m.key)
            if any(e in losing for e in event_ids):
                left = set().union(*(losing.get(e, set()) for e in event_ids))
                members = self._kept_members(event_ids, left, news)
                whole.append((event_ids, members, news, any(e in split for e in event_ids)))
            else:
                grown.append((event_ids, news))
        # An event's key is its smallest mention's: the events a mention leaves go first.
        delete_events(self.db, [e for event_ids, *_ in whole for e in event_ids])
        written = []
        for _, members, news, regroup in whole:
            groups = merge.group(members, self.fits, self.decided) if regroup else [members]
            groups = [g for g in groups if g]
            for draft in merge.draft_events(groups):
                event_id = write_event(self.db, draft)
                blocks.index_event(self.db, event_id, draft)
                written.append((event_id, draft))
                self._weigh_whole(event_id, draft, None if len(groups) > 1 else news)
        for event_ids, news in grown:
            event_id, draft, moved = self._write_grown(event_ids, news)
            if moved:
                written.append((event_id, draft))
        return written

    def _write_grown(
        self, event_ids: list[int], news: list[Mention]
    ) -> tuple[int, merge.EventDraft, bool]:
        """Write one result from its events' stored totals and the mentions joining them.

        Returns:
            The event's id, its draft, and whether what its links depend on changed
            (`link_terms`): a report that joins a big event rarely changes them, and
            its links, already stored, need no looking at.
        """
        if not event_ids:
            [draft] = merge.draft_events([news])
            event_id = write_event(self.db, draft)
            blocks.index_event(self.db, event_id, draft)
            self._weigh_whole(event_id, draft)
            return event_id, draft, True
        parts = {e: load_state(self.db, e) for e in event_ids}
        singles = [e for e in event_ids if parts[e].count == 1]
        # The biggest event keeps its id and its mentions stay; the others move in.
        kept = max(event_ids, key=lambda e: (parts[e].count, -e))
        others = [e for e in event_ids if e != kept]
        self._weigh_grown(kept, singles, news, sorted(keys_of_events(self.db, others)))
        states = list(parts.values())
        if news:
            paths = [m.document for m in news]
            states.append(merge.state_of(news, publishers_of(self.db, paths)))
        state = merge.combined(states)
        move_mentions(self.db, others, kept)
        delete_events(self.db, others)
        update_event(self.db, kept, state, [m.key for m in news])
        draft = merge.stand_in(state)
        moved = link_terms(draft) != link_terms(merge.stand_in(parts[kept]))
        if moved:  # its link blocks follow its days and people, which rarely change
            blocks.reindex_event(self.db, kept, draft)
        return kept, draft, moved

    def _kept_members(
        self, event_ids: list[int], left: set[str], news: list[Mention]
    ) -> list[Mention]:
        """Every member these stored events keep, with the mentions joining them."""
        keys = sorted(k for k in self._stored_members(event_ids) if k not in left)
        self.prefetch(keys)
        return [*(self._loaded[k] for k in keys), *news]

    def _read_fits(self, event_ids: Sequence[int]) -> dict[str, str | None]:
        """key -> stored fit of the mentions of these stored events (now known as stored)."""
        stored: dict[str, str | None] = {}
        for at in range(0, len(event_ids), 500):
            chunk = event_ids[at : at + 500]
            marks = ",".join("?" * len(chunk))
            stored |= dict(
                self.db.execute(
                    f"SELECT key, fit_key FROM mentions WHERE event_id IN ({marks})", chunk
                )
            )
        self.stored_fits.update(stored)
        return stored

    def _stored_members(self, event_ids: Sequence[int]) -> list[str]:
        """The keys of these stored events' mentions; their stored fits become known to
        the change, so only the fits that change are written back."""
        stored = self._read_fits(event_ids)
        for key, fit in stored.items():
            self.fits.setdefault(key, fit)
        return list(stored)

    def _write_regrouped(self) -> list[tuple[int, merge.EventDraft]]:
        """Read the touched events whole, regroup every member and write them anew."""
        events = sorted(self.events)
        stored = self._read_fits(events)
        self.prefetch(stored)
        self.add((self._loaded[k] for k in stored), stored)
        groups = merge.group(list(self.members.values()), self.fits, self.decided)
        delete_events(self.db, events)
        written = []
        for draft in merge.draft_events(groups):
            event_id = write_event(self.db, draft)
            blocks.index_event(self.db, event_id, draft)
            written.append((event_id, draft))
            self._weigh_whole(event_id, draft)
        return written

    def _weigh_whole(
        self, event_id: int, draft: merge.EventDraft, news: Sequence[Mention] | None = None
    ) -> None:
        """Have the review marks of an event written from all its members weighed again.

        `news`: when the event is what stored events became without being split (they
        lost vague members, joined, took in `news`), its precise members are still all
        together, so a stored vague member's witness can only have come into its own
        event (`review_flags` finds those) and only the newcomers' are looked up.
        """
        self.pending.whole(draft.mentions, self.fits, news)
        self.pending.events.add(event_id)

    def _weigh_grown(
        self, event_id: int, singles: Iterable[int], news: Sequence[Mention], moved: list[str]
    ) -> None:
        """Have the review marks an event's growth can change weighed again: its
        newcomers', those of the members it had marked, those of the member of an
        event of one that joined it (`review_flags`). `moved`: the members of the other
        stored events joining it, which with `news` are the only partners a member it
        had marked can have gained."""
        self.pending.events.add(event_id)
        self.pending.grown.add(event_id)
        self.pending.grew(event_id, news, self.fits, moved)
        self.pending.words.update(m.key for m in news)
        self.pending.words.update(keys_of_events(self.db, singles))
        self.pending.vague.update(m.key for m in news if merge.kind_of(m) == "vague")


def merge_new(db: sqlite_utils.Database, mentions: Sequence[Mention]) -> None:
    """Fold freshly stored mentions (with no event yet) into the events."""
    if mentions and not _regrouped_stale(db, anew=False):
        fold_in(db, mentions)


def fold_in(db: sqlite_utils.Database, mentions: Sequence[Mention]) -> None:
    """Fold mentions with no event into events grouped by this rule (`merge_new`
    without asking whether an older rule grouped the store)."""
    blocks.index_mentions(db, mentions)
    new = sorted(mentions, key=lambda m: m.key)
    change = _Change(db, new)
    for kind in ("precise", "undated"):
        of_kind = [m for m in new if merge.kind_of(m) == kind]
        for component in merge.components(of_kind, change.decided):
            for m in component[1:]:
                change.join(component[0].key, m.key)
    precise = [m for m in new if merge.kind_of(m) == "precise"]
    for p in precise:
        _join_precise(change, p)
    vague = [m for m in new if merge.kind_of(m) == "vague"]
    for v in vague:
        _attach(change, v, extra=precise)
    for p in precise:
        _take_vague(change, p)
    free = [v for v in vague if change.fits[v.key] is None]
    for component in merge.components(free, change.decided):
        for m in component[1:]:
            change.join(component[0].key, m.key)
    for v in free:
        _join_free(change, v)
    for u in (m for m in new if merge.kind_of(m) == "undated"):
        _join_undated(change, u)
    _join_decided(change, new)
    change.write()


def recluster(
    db: sqlite_utils.Database,
    keys: Iterable[str],
    orphans: Iterable[int] = (),
    refit: Iterable[str] = (),
) -> None:
    """Regroup mentions whose events were just deleted because some of their mentions left.

    Args:
        keys: The remaining mentions of those events (they have no event now).
        orphans: Events that lost their container already; they look for a new one.
        refit: Vague mentions among them to attach afresh (a decision on them changed).
    """
    keys = sorted(set(keys))
    if _regrouped_stale(db, anew=True):
        return
    change = _Change(db)
    change.regroup = True
    stored = {}
    for at in range(0, len(keys), 500):
        chunk = keys[at : at + 500]
        marks = ",".join("?" * len(chunk))
        stored |= dict(
            db.execute(f"SELECT key, fit_key FROM mentions WHERE key IN ({marks})", chunk)
        )
    change.stored_fits.update(stored)
    change.prefetch(stored)
    change.add((change.mention(k) for k in stored), stored)
    refit = set(refit)
    lost = [
        k
        for k, fit in stored.items()
        if (fit is not None and (fit not in stored or change.decided.apart(k, fit)))
        or (k in refit and merge.kind_of(change.members[k]) == "vague")
    ]
    for key in lost:
        change.fits[key] = None
        _attach(change, change.members[key])
    for key in lost:
        if change.fits[key] is None:
            _join_free(change, change.members[key])
    _join_decided(change, [change.members[k] for k in stored])
    change.write(orphans)


_EVENTS_OF_KEYS = "SELECT key, event_id FROM mentions WHERE key IN ({marks})"
"""The event of each mention named (`reader.rows_in` fills in the marks)."""


def remerge(db: sqlite_utils.Database, keys: Iterable[str]) -> None:
    """Regroup the events holding these mentions: a decision on them was made or undone.

    Decisions only add or take away edges among the mentions they name, so the
    events holding those mentions are all a change of decision can reshape; their
    vague mentions among `keys` are attached afresh.
    """
    keys = sorted(set(keys))
    if _regrouped_stale(db, anew=True):
        return
    held: dict[str, int | None] = dict(rows_in(db.conn, _EVENTS_OF_KEYS, keys))
    event_ids = sorted({e for e in held.values() if e is not None})
    members = keys_of_events(db, event_ids) | set(held)
    orphans = children_of(db, event_ids)
    delete_events(db, event_ids)
    recluster(db, members, orphans, refit=held)


def _join_decided(change: _Change, mentions: Iterable[Mention]) -> None:
    """Join each mention with the events of the stored mentions the analyst joined it to."""
    wanted = {m.key: change.decided.partners(m.key) for m in mentions}
    partners = sorted({p for found in wanted.values() for p in found} - change.members.keys())
    events: dict[str, int | None] = dict(rows_in(change.db.conn, _EVENTS_OF_KEYS, partners))
    for key, found in wanted.items():
        for partner in found:
            if partner in change.members:  # new, or regrouped here (no event now)
                change.join(key, partner)
            elif partner in events:
                change.join(key, change.unit(partner, events[partner]))


def _fitting(
    change: _Change, m: Mention, kind: str, free_only: bool = False
) -> list[tuple[str, int | None, str | None]]:
    """`fitting` in the change's store."""
    return fitting(change.db, m, kind, free_only)


def fitting(
    db: sqlite_utils.Database, m: Mention, kind: str, free_only: bool = False
) -> list[tuple[str, int | None, str | None]]:
    """Stored mentions of `kind` that a coarse date could be one happening with: in
    another document, sharing a person, two countries or many words, or a country
    over the very same span; in its own document, any whose days meet."""
    coarse = blocks.coarse_anchors(m)
    pairs = [a for a in coarse if a.startswith("cc:")]
    strong = [a for a in coarse if not a.startswith("cc:")]
    found = {
        row[0]: row
        for lookup in (
            blocks.nearby(db, m, kind, strong, free_only=free_only),
            blocks.nearby(db, m, kind, pairs, free_only=free_only, weak=True),
            blocks.equal_span(db, m, kind, free_only=free_only),
            blocks.same_document(db, m, kind, free_only=free_only),
        )
        for row in lookup
    }
    return [found[k] for k in sorted(found)]


def _join_found(
    change: _Change, m: Mention, found: Iterable[tuple[str, int | None, str | None]]
) -> None:
    """Join `m` with the result of every found mention that is one happening with it.

    A found mention whose result `m` already joined is not read: in a big event
    the first fitting member is enough. So members are read in rounds: one of each
    result first, then two, four, ... more of each result `m` has not joined yet.
    """
    members: dict[Unit, list[str]] = {}
    for key, event_id, _ in found:
        if key != m.key:
            members.setdefault(change.unit(key, event_id), []).append(key)
    done, size = 0, 1
    while members:
        batch = [(k, u) for u, keys in members.items() for k in keys[done : done + size]]
        change.prefetch(k for k, _ in batch)
        for key, unit in batch:
            if not change.joined(m.key, unit) and merge.same_event(
                m, change.mention(key), change.decided
            ):
                change.join(m.key, unit)
                change.pending.linked.setdefault(m.key, []).append(key)
        done += size
        size *= 2
        members = {
            u: keys
            for u, keys in members.items()
            if len(keys) > done and not change.joined(m.key, u)
        }


def _join_precise(change: _Change, p: Mention) -> None:
    """Join `p` with the events of the stored precise mentions that are one happening with it."""
    found = blocks.near_precise(change.db, p)
    _join_found(change, p, found)


def _attach(change: _Change, v: Mention, extra: Sequence[Mention] = ()) -> None:
    """Attach a vague mention to the precise one it fits best, stored or in `extra`."""
    found = _fitting(change, v, "precise")
    change.prefetch(k for k, _, _ in found)
    candidates = [change.mention(k) for k, _, _ in found] + list(extra)
    fitting_ones = merge.fitting_reports(v, candidates, change.decided)
    best = min(fitting_ones, key=lambda m: merge.fit_order(v, m)) if fitting_ones else None
    change.pending.reports[v.key] = sorted({m.key for m in fitting_ones})
    change.fits[v.key] = best.key if best else None
    if best is not None:
        events = {k: e for k, e, _ in found}
        change.join(v.key, change.unit(best.key, events.get(best.key)))


def _take_vague(change: _Change, p: Mention) -> None:
    """Move to `p` every stored vague mention that fits it better than where it is."""
    found = [(k, e, f) for k, e, f in _fitting(change, p, "vague") if k != p.key]
    change.prefetch(k for k, _, _ in found)
    change.prefetch(f for _, _, f in found if f)
    for key, event_id, stored_fit in found:
        s = change.mention(key)
        if not merge.same_event(s, p, change.decided):
            continue
        change.pending.fitted.add((key, p.key))
        current = change.fit_of(key, stored_fit)
        if current is None or merge.fit_order(s, p) < merge.fit_order(s, change.mention(current)):
            if key in change.new:
                change.regroup = True  # a new one attached elsewhere though `p` fits better
            change.move(key, event_id, p.key, stored_fit)


def _join_free(change: _Change, v: Mention) -> None:
    """Join `v` with the events of free vague mentions that are one happening with it.

    Free is what the change decided, not what the store still says: the fits it found
    are written only at its end, so a newcomer it attached (or a stored mention it
    moved to a new report) is still free in the index, and is left out here.
    """
    found = _fitting(change, v, "vague", free_only=True)
    _join_found(change, v, [row for row in found if change.fit_of(row[0], row[2]) is None])


def _join_undated(change: _Change, u: Mention) -> None:
    """Join `u` with the events of undated mentions told again in it."""
    found = blocks.nearby(change.db, u, "undated", blocks.mention_anchors(u))
    _join_found(change, u, found)


def _regrouped_stale(db: sqlite_utils.Database, anew: bool) -> bool:
    """Regroup the whole store if an older merge rule grouped it, which takes in
    whatever the change was about; False when this rule did.

    New mentions go on with a regroup under way (they come after every document it
    has done). A change to mentions it has regrouped (a removal, a decision)
    starts it `anew`.
    """
    if blocks.rule_is_current(db):
        return False
    from chronicle.store import regrouping  # it merges through this module

    (regrouping.rebuild if anew else regrouping.finish)(db)
    return True


def weigh_if_pending(conn: sqlite3.Connection) -> bool:
    """Give a store migrated to v21 its review marks now rather than on its next write
    (`review_flags.fill`); for a caller with the whole schema in place, since the
    blocking index is read in the latest migration's layout. Returns whether it weighed."""
    db = wrap(conn)
    if not review_flags.pending_fill(db):
        return False
    review_flags.fill(db, decided(db), fitting)
    return True


_SET_CONTAINER = "UPDATE events SET part_of = ? WHERE id = ? AND part_of IS NOT ?"
"""Most events written keep the container they had (most have none): their rows are
left alone rather than rewritten with the same value."""


def link(
    db: sqlite_utils.Database,
    written: list[tuple[int, merge.EventDraft]],
    orphans: Iterable[int] = (),
) -> None:
    """Set the part-of links of rewritten events and of their neighbours.

    Related events are not stored: a detail reads them when it is shown
    (`neighbours.related_to`).

    Args:
        written: The events just written, with their drafts.
        orphans: Events whose container was just deleted; they look for a new one.
    """
    children = set(orphans)
    homes: dict[int, int | None] = {}
    for event_id, draft in written:
        containers = []
        for other_id, other in neighbours.sharing_a_person(db, draft):
            if other_id == event_id:
                continue
            if merge.is_part_of(other, draft):
                children.add(other_id)
            elif merge.is_part_of(draft, other):
                containers.append((merge.container_rank(other), other_id))
        # Its containers are among the events just read: no second look (`_set_container`).
        homes[event_id] = min(containers)[1] if containers else None
    db.conn.executemany(_SET_CONTAINER, [(h, e, h) for e, h in homes.items()])
    for child in sorted(children - homes.keys()):
        _set_container(db, child)


def relink(db: sqlite_utils.Database, event_id: int) -> None:
    """Set the part-of links of an event and of those around it from its row as it
    stands, after an analyst's correction changed its date, type or people."""
    orphans = children_of(db, [event_id])
    summary = neighbours.summary_of(db, event_id)
    if summary is not None:
        link(db, [(event_id, summary)], orphans)
        return
    db.execute("UPDATE events SET part_of = NULL WHERE id = ?", [event_id])
    for child in orphans:
        _set_container(db, child)


def link_terms(draft: merge.EventDraft) -> tuple:
    """What an event's links are computed from (`merge.is_part_of`, `is_related`,
    `container_rank`): its key, its best mention's days, its type and its people."""
    span = merge.span_of(draft.best)
    days = (span.start, span.end, span.precise) if span else None
    return draft.key, days, draft.type, draft.actor_keys


def _set_container(db: sqlite_utils.Database, event_id: int) -> None:
    """Point an event at the tightest event it is part of (or at none)."""
    child = neighbours.summary_of(db, event_id)
    containers = [
        (merge.container_rank(parent), parent_id)
        for parent_id, parent in (neighbours.sharing_a_person(db, child) if child else ())
        if parent_id != event_id and merge.is_part_of(child, parent)
    ]
    best = min(containers)[1] if containers else None
    db.execute(_SET_CONTAINER, [best, event_id, best])


def children_of(db: sqlite_utils.Database, event_ids: Iterable[int]) -> list[int]:
    """Events that are part of any of these events."""
    ids = list(event_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [r[0] for r in db.execute(f"SELECT id FROM events WHERE part_of IN ({marks})", ids)]
