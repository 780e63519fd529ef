"""Group mentions into events: candidate pairs, components, and where vague dates go.

Events depend only on the set of mentions, never on the order documents were
ingested in. Precise mentions form components of `rules.same_event`; a vague
mention attaches to the precise one it fits best (`best_fit`) and never bridges
two happenings; candidates are found by blocking on anchors and sweeping over
dates. The store keeps the same result up to date locally (`group` on the events
a change touches; `chronicle.store.merging`). The analyst's decisions
(`decisions.Decisions`) only add edges (joins) or take them away (splits), so the
result is still a function of the set of mentions and decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from chronicle.merge.candidates import PreciseIndex, link_all
from chronicle.merge.decisions import NONE, Decisions
from chronicle.merge.evidence import similarity
from chronicle.merge.rules import compatible, same_event
from chronicle.merge.spans import span_of
from chronicle.model import Mention


def cluster(mentions: Sequence[Mention], decided: Decisions = NONE) -> list[list[Mention]]:
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
    return group(ordered, attachments(ordered, decided), decided)


def attachments(mentions: Sequence[Mention], decided: Decisions = NONE) -> dict[str, str | None]:
    """For each vague mention's key, the key of the precise mention it fits best, or None."""
    index = PreciseIndex(mentions)
    return {
        m.key: best.key if (best := best_fit(m, index.meeting(m), decided)) else None
        for m in mentions
        if kind_of(m) == "vague"
    }


def kind_of(mention: Mention) -> str:
    """'precise' (pinned to days), 'vague' (a coarser date) or 'undated'."""
    span = span_of(mention)
    if span is None:
        return "undated"
    return "precise" if span.precise else "vague"


def group(
    mentions: Sequence[Mention],
    fits: Mapping[str, str | None],
    decided: Decisions = NONE,
) -> list[list[Mention]]:
    """Events of `mentions`, given the precise mention each vague one attaches to.

    The analyst's splits take edges away (`components`); their joins then make one
    event of the groups holding the two mentions of each joined pair.

    Args:
        mentions: A set closed under the rule: every precise mention `same_event`
            links to one of them, and every free vague one it links to, is among them.
        fits: For each vague mention's key, the key of the precise mention it
            attaches to (one of `mentions`), or None when it fits none.
        decided: The analyst's joins and splits; a joined partner is among
            `mentions` too when its mention is stored.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    precise = [m for m in ordered if kind_of(m) == "precise"]
    free = [m for m in ordered if kind_of(m) == "vague" and not fits.get(m.key)]
    undated = [m for m in ordered if kind_of(m) == "undated"]
    groups = [
        *components(precise, decided),
        *components(free, decided),
        *components(undated, decided),
    ]
    home = {m.key: i for i, g in enumerate(groups) for m in g}
    for m in ordered:
        if kind_of(m) == "vague" and fits.get(m.key):
            groups[home[fits[m.key]]].append(m)
            home[m.key] = home[fits[m.key]]
    groups = _joined(groups, home, decided)
    return sorted((sorted(g, key=lambda m: m.key) for g in groups), key=lambda g: g[0].key)


def _joined(
    groups: list[list[Mention]], home: Mapping[str, int], decided: Decisions
) -> list[list[Mention]]:
    """The groups with those holding the two mentions of a joined pair made one."""
    if not decided.joined:
        return groups
    forest = UnionFind(len(groups))
    for a, b in sorted(decided.joined):
        if a in home and b in home:
            forest.union(home[a], home[b])
    found: dict[int, list[Mention]] = {}
    for i, g in enumerate(groups):
        found.setdefault(forest.find(i), []).extend(g)
    return list(found.values())


def components(mentions: Sequence[Mention], decided: Decisions = NONE) -> list[list[Mention]]:
    """Connected components of `same_event` among mentions of one kind (precise, vague
    or undated), each in key order, without the pairs the analyst split apart."""
    ordered = sorted(mentions, key=lambda m: m.key)
    forest = UnionFind(len(ordered))
    refused: set[tuple[int, int]] = set()

    def link(i: int, j: int) -> bool:
        if forest.find(i) == forest.find(j):
            return True
        pair = (i, j) if i < j else (j, i)
        if pair in refused:
            return False
        if not decided.apart(ordered[i].key, ordered[j].key) and compatible(ordered[i], ordered[j]):
            forest.union(i, j)
            return True
        refused.add(pair)
        return False

    link_all(ordered, link)
    found: dict[int, list[Mention]] = {}
    for i, m in enumerate(ordered):
        found.setdefault(forest.find(i), []).append(m)
    return list(found.values())


def fit_order(vague: Mention, precise: Mention) -> tuple[bool, float, str]:
    """How well a vague mention fits a precise one it is compatible with, smallest best:
    the same kind of event first, then the most similar words, then the smaller key."""
    return (precise.type != vague.type, -similarity(vague, precise), precise.key)


def best_fit(
    vague: Mention, candidates: Iterable[Mention], decided: Decisions = NONE
) -> Mention | None:
    """The precise mention a vague one attaches to: the best fitting of those it
    `same_event`s with ("Kono visited Pakistan in 2018" joins the visit of 3-4 January,
    not the meeting of 4 January inside it), or None; never one the analyst split it from."""
    fitting = fitting_reports(vague, candidates, decided)
    return min(fitting, key=lambda m: fit_order(vague, m)) if fitting else None


def fitting_reports(
    vague: Mention, candidates: Iterable[Mention], decided: Decisions = NONE
) -> list[Mention]:
    """The candidates a vague mention `same_event`s with: those it could attach to
    (`best_fit` takes the best; more than one event among them puts it in review)."""
    return [m for m in candidates if m.key != vague.key and same_event(vague, m, decided)]


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
