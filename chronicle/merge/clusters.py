"""Group mentions into events: candidate pairs, union-find, and the bridge cut.

Events are the connected components of `rules.same_event`, so they depend only
on the set of mentions, never on the order documents were ingested in. Candidates
are found by blocking on anchors and sweeping over dates; a new document's
mentions join the stored events the store hands in (`join_stored`); a component
that a vague mention bridged across distinct happenings is cut apart
(`split_bridged`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from chronicle.merge.evidence import similarity
from chronicle.merge.rules import anchors, compatible, same_event
from chronicle.merge.spans import NEAR_DAYS, shift, span_of
from chronicle.model import Mention


def cluster(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Group mentions into events: connected components of `same_event`.

    Returns:
        Clusters, each sorted by mention key, ordered by their first key.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    forest = UnionFind(len(ordered))
    for i, j in candidate_pairs(ordered):
        if forest.find(i) != forest.find(j) and compatible(ordered[i], ordered[j]):
            forest.union(i, j)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(ordered):
        groups.setdefault(forest.find(i), []).append(m)
    return sorted(groups.values(), key=lambda g: g[0].key)


class UnionFind:
    """Disjoint sets over 0..n-1; the smaller index is always the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of i's set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of i and j."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def join_stored(
    new: Sequence[Mention], stored: Sequence[tuple[Mention, int]]
) -> list[tuple[list[Mention], list[int]]]:
    """Group a new document's mentions with each other and with stored events.

    The store passes in the stored mentions that could fit (each with its event's
    id); a new mention that fits one joins its whole event.

    Returns:
        One (new mentions in key order, ids of the stored events joined in
        ascending order) per group, ordered by the group's first new mention.
    """
    new = sorted(new, key=lambda m: m.key)
    event_ids = sorted({event_id for _, event_id in stored})
    node_of_event = {event_id: len(new) + i for i, event_id in enumerate(event_ids)}
    forest = UnionFind(len(new) + len(event_ids))
    for i, j in candidate_pairs(new):
        if forest.find(i) != forest.find(j) and compatible(new[i], new[j]):
            forest.union(i, j)
    by_anchor: dict[str, list[tuple[Mention, int]]] = {}
    for mention, event_id in stored:
        for anchor in anchors(mention):
            by_anchor.setdefault(anchor, []).append((mention, event_id))
    for i, mention in enumerate(new):
        seen: set[str] = set()
        for anchor in anchors(mention):
            for other, event_id in by_anchor.get(anchor, ()):
                node = node_of_event[event_id]
                if other.key in seen or forest.find(i) == forest.find(node):
                    continue
                seen.add(other.key)
                if compatible(mention, other):
                    forest.union(i, node)
    groups: dict[int, tuple[list[Mention], list[int]]] = {}
    for i, mention in enumerate(new):
        groups.setdefault(forest.find(i), ([], []))[0].append(mention)
    for event_id, node in node_of_event.items():
        root = forest.find(node)
        if root in groups:
            groups[root][1].append(event_id)
    return list(groups.values())


def candidate_pairs(mentions: Sequence[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs that share an anchor and whose dates could be compatible.

    Within each anchor's block a sweep over start dates pairs only mentions whose
    spans come within NEAR_DAYS; undated mentions pair with each other.
    """
    blocks: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        for anchor in anchors(m):
            blocks.setdefault(anchor, []).append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        for pair in _sweep(mentions, members):
            if pair not in seen:
                seen.add(pair)
                yield pair


def _sweep(mentions: Sequence[Mention], members: Sequence[int]) -> Iterable[tuple[int, int]]:
    dated, undated = [], []
    for i in members:
        span = span_of(mentions[i])
        (undated.append(i) if span is None else dated.append((span.start, span.end, i)))
    for x, i in enumerate(undated):
        for j in undated[x + 1 :]:
            yield (min(i, j), max(i, j))
    dated.sort()
    active: list[tuple[date, int]] = []
    for start, end, i in dated:
        active = [(e, j) for e, j in active if shift(e, NEAR_DAYS) >= start]
        for _, j in active:
            yield (min(i, j), max(i, j))
        active.append((end, i))


def split_bridged(group: Sequence[Mention]) -> list[list[Mention]]:
    """Split a cluster that a vague mention bridged across distinct happenings.

    "Kono visited Pakistan in 2018" is compatible both with the 3-4 January visit
    and with the 4 January meeting inside it, which are not compatible with each
    other. The precise mentions are grouped on their own; each vague mention then
    joins the one group it fits best (same type first, then most similar words),
    so it never makes two happenings one. A function of the cluster alone, so the
    result still does not depend on ingest order.

    Returns:
        The groups, each sorted by mention key, ordered by their first key.
    """
    ordered = sorted(group, key=lambda m: m.key)
    precise = [m for m in ordered if (span := span_of(m)) is not None and span.precise]
    if len(precise) < 2:
        return [ordered]
    forest = UnionFind(len(precise))
    for i, a in enumerate(precise):
        for j in range(i + 1, len(precise)):
            if forest.find(i) != forest.find(j) and same_event(a, precise[j]):
                forest.union(i, j)
    roots: dict[int, list[Mention]] = {}
    for i, m in enumerate(precise):
        roots.setdefault(forest.find(i), []).append(m)
    if len(roots) == 1:
        return [ordered]
    groups = sorted(roots.values(), key=lambda g: g[0].key)
    precise_keys = {m.key for m in precise}
    pending = [m for m in ordered if m.key not in precise_keys]
    while pending:
        left = [m for m in pending if not _join_best(m, groups)]
        if len(left) == len(pending):
            groups.append(left)  # only compatible with each other: an event of their own
            break
        pending = left
    return sorted((sorted(g, key=lambda m: m.key) for g in groups), key=lambda g: g[0].key)


def _join_best(mention: Mention, groups: list[list[Mention]]) -> bool:
    """Add `mention` to the group it fits best; False when it fits none yet."""
    best: tuple[tuple[bool, float, int], int] | None = None
    for index, members in enumerate(groups):
        fits = [
            (m.type == mention.type, similarity(m, mention))
            for m in members
            if same_event(mention, m)
        ]
        if fits:
            score = (*max(fits), -index)
            if best is None or score > best[0]:
                best = (score, index)
    if best is None:
        return False
    groups[best[1]].append(mention)
    return True
