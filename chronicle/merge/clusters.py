"""Group mentions into events: candidate pairs, components, and where vague dates go.

Events depend only on the set of mentions, never on the order documents were
ingested in. Precise mentions form components of `rules.same_event`; a vague
mention attaches to the precise one it fits best (`best_fit`) and never bridges
two happenings; candidates are found by blocking on anchors and sweeping over
dates. The store keeps the same result up to date locally (`group` on the events
a change touches; `chronicle.store.merging`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from chronicle.merge.evidence import similarity
from chronicle.merge.rules import anchors, compatible, same_event
from chronicle.merge.spans import NEAR_DAYS, shift, span_of
from chronicle.model import Mention


def cluster(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Group mentions into events (the global reference that the store keeps incrementally).

    Precise mentions (pinned to days) form events as the connected components of
    `same_event` among them. Each vague mention (a month, a year, a fiscal year)
    attaches to the one precise mention it fits best (`best_fit`), so it never
    makes two happenings one; vague mentions that fit no precise one group among
    themselves, and so do undated ones. Every step is a function of the set of
    mentions, so the result never depends on the order they arrive in, and each
    step looks only at mentions sharing an anchor with dates that meet, which is
    what lets the store update it locally.

    Returns:
        Clusters, each sorted by mention key, ordered by their first key.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    return group(ordered, attachments(ordered))


def attachments(mentions: Sequence[Mention]) -> dict[str, str | None]:
    """For each vague mention's key, the key of the precise mention it fits best, or None."""
    by_anchor = _precise_by_anchor([m for m in mentions if kind_of(m) == "precise"])
    return {
        m.key: best.key if (best := best_fit(m, _overlapping(m, by_anchor))) else None
        for m in mentions
        if kind_of(m) == "vague"
    }


def kind_of(mention: Mention) -> str:
    """'precise' (pinned to days), 'vague' (a coarser date) or 'undated'."""
    span = span_of(mention)
    if span is None:
        return "undated"
    return "precise" if span.precise else "vague"


def group(mentions: Sequence[Mention], fits: Mapping[str, str | None]) -> list[list[Mention]]:
    """Events of `mentions`, given the precise mention each vague one attaches to.

    Args:
        mentions: A set closed under the rule: every precise mention `same_event`
            links to one of them, and every free vague one it links to, is among them.
        fits: For each vague mention's key, the key of the precise mention it
            attaches to (one of `mentions`), or None when it fits none.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    precise = [m for m in ordered if kind_of(m) == "precise"]
    free = [m for m in ordered if kind_of(m) == "vague" and not fits.get(m.key)]
    undated = [m for m in ordered if kind_of(m) == "undated"]
    groups = [*components(precise), *components(free), *components(undated)]
    home = {m.key: i for i, g in enumerate(groups) for m in g}
    for m in ordered:
        if kind_of(m) == "vague" and fits.get(m.key):
            groups[home[fits[m.key]]].append(m)
    return sorted((sorted(g, key=lambda m: m.key) for g in groups), key=lambda g: g[0].key)


def components(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Connected components of `same_event`, each in key order."""
    ordered = sorted(mentions, key=lambda m: m.key)
    forest = UnionFind(len(ordered))
    for i, j in candidate_pairs(ordered):
        if forest.find(i) != forest.find(j) and compatible(ordered[i], ordered[j]):
            forest.union(i, j)
    found: dict[int, list[Mention]] = {}
    for i, m in enumerate(ordered):
        found.setdefault(forest.find(i), []).append(m)
    return list(found.values())


def fit_order(vague: Mention, precise: Mention) -> tuple[bool, float, str]:
    """How well a vague mention fits a precise one it is compatible with, smallest best:
    the same kind of event first, then the most similar words, then the smaller key."""
    return (precise.type != vague.type, -similarity(vague, precise), precise.key)


def best_fit(vague: Mention, candidates: Iterable[Mention]) -> Mention | None:
    """The precise mention a vague one attaches to: the best fitting of those it
    `same_event`s with ("Kono visited Pakistan in 2018" joins the visit of 3-4 January,
    not the meeting of 4 January inside it), or None."""
    fitting = [m for m in candidates if m.key != vague.key and same_event(vague, m)]
    return min(fitting, key=lambda m: fit_order(vague, m)) if fitting else None


def _precise_by_anchor(precise: Sequence[Mention]) -> dict[str, _Starts]:
    by_anchor: dict[str, list[tuple[date, date, Mention]]] = {}
    for m in precise:
        span = span_of(m)
        for anchor in anchors(m):
            by_anchor.setdefault(anchor, []).append((span.start, span.end, m))
    out = {}
    for anchor, members in by_anchor.items():
        members.sort(key=lambda t: (t[0], t[2].key))
        longest = max(end - start for start, end, _ in members)
        out[anchor] = _Starts([start for start, _, _ in members], members, longest)
    return out


class _Starts(NamedTuple):
    """Precise mentions of one anchor in order of first day, and the longest span's length."""

    starts: list[date]
    members: list[tuple[date, date, Mention]]
    longest: timedelta


def _overlapping(vague: Mention, by_anchor: Mapping[str, _Starts]) -> list[Mention]:
    """Precise mentions sharing an anchor with `vague` whose days meet its span."""
    span = span_of(vague)
    found: dict[str, Mention] = {}
    for anchor in anchors(vague):
        block = by_anchor.get(anchor)
        if block is None:
            continue
        first = bisect_left(block.starts, _back(span.start, block.longest))
        last = bisect_right(block.starts, span.end)
        for _, end, m in block.members[first:last]:
            if end >= span.start:
                found[m.key] = m
    return list(found.values())


def _back(day: date, by: timedelta) -> date:
    try:
        return day - by
    except OverflowError:
        return date.min


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
