"""Which members of an event the merge was least sure of: the review queue's marks.

Pure: the store (`chronicle.store.review_flags`) keeps these marks up to date at
merge time, and `explain` says the same things in words, both from the functions
here, so the queue and "Why merged" cannot disagree.

- WORDS: a member linked to the rest of its event only by similar words. A link is
  *strong* when the rule made it on more than words (`words_only`): a shared person,
  the same day, two shared countries, a sentence one document tells again, an
  undated statement told again, or a join of the analyst's. A member of an event of
  two or more with no strong link to any other member is marked (`isolated`).
- VAGUE: a vague member (a month, a year) attached to one report whose date and
  words fit a precise report of another event too (`fits_elsewhere`).
- BRIDGED: the event holds both sides of a split of the analyst's (a later report
  linked them again); a fact about the event, not about one member.

Each mark is a function of the event's members, the stored mentions and the
analyst's decisions, never of the order documents arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from chronicle.merge.candidates import link_all
from chronicle.merge.clusters import UnionFind, kind_of
from chronicle.merge.decisions import NONE, Decisions
from chronicle.merge.evidence import Evidence, evidence, shared_actors
from chronicle.merge.in_document import REPEATED
from chronicle.merge.rules import compatible, same_event
from chronicle.merge.spans import date_relation, span_of
from chronicle.model import Mention

WORDS = 1
"""Bit of a member (and of its event) linked to the rest only by similar words."""

VAGUE = 2
"""Bit of a vague member that fits a precise report of another event too."""

BRIDGED = 4
"""Bit of an event holding both sides of a split of the analyst's."""

KINDS = {"words": WORDS, "vague": VAGUE, "bridged": BRIDGED}
"""The review queue's kinds kept as bits (``review:dates`` is `events.conflict`)."""

UNSHARED_TYPES = frozenset({"other", "statement"})
"""Types that do not make two mentions of one kind (`rules.compatible`)."""


def evidence_of(a: Mention, b: Mention) -> Evidence | None:
    """`evidence.evidence` for two mentions as `rules.compatible` builds it (None when undated)."""
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None:
        return None
    common = bool((set(a.types) & set(b.types)) - UNSHARED_TYPES)
    return evidence(a, b, date_relation(sa, sb), sa.precise and sb.precise, common)


def words_only(a: Mention, b: Mention, e: Evidence | None) -> bool:
    """True when what two linked mentions share is similar words and nothing else:
    no person, not the same day, fewer than two countries, not one document's
    sentence told again. Two undated statements (`e` None) are the same words told
    again, which the rule asks of them: not words alone."""
    if e is None:
        return False
    if e.shared_people or (e.relation == "equal" and e.precise) or e.shared_countries >= 2:
        return False
    return not (a.document == b.document and e.similarity >= REPEATED)


def may_be_strong(a: Mention, b: Mention) -> bool:
    """False when two mentions cannot share more than words whatever the rule says of them
    (`words_only`): of two documents, both dated, not the same days of two precise dates,
    fewer than two countries and no person in common. Cheaper than the rule, so a pair
    failing it is not weighed further."""
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None or a.document == b.document:
        return True
    if sa.precise and sb.precise and (sa.start, sa.end) == (sb.start, sb.end):
        return True
    if len(set(a.entities.countries) & set(b.entities.countries)) >= 2:
        return True
    return shared_actors(a, b)


def strong(a: Mention, b: Mention, attached: bool, decided: Decisions = NONE) -> bool:
    """True when a link of two members rests on more than words.

    Args:
        attached: True when one is a vague member attached to the other (its fit),
            which is its link whatever `same_event` says of the pair now.
        decided: The analyst's decisions: a join is strong, a split is no link.
    """
    if (a.key, b.key) in decided.joined or (b.key, a.key) in decided.joined:
        return True
    if not may_be_strong(a, b) or (not attached and not same_event(a, b, decided)):
        return False
    return not words_only(a, b, evidence_of(a, b))


def isolated(
    members: Sequence[Mention], fits: Mapping[str, str | None], decided: Decisions = NONE
) -> set[str]:
    """Keys of the members with no strong link to another member (none for one member).

    The strong links are found as `clusters.components` finds the rule's links
    (`candidates.link_all` over each kind: precise, free vague, undated), plus each
    vague member's link to its fit and the analyst's joins; a member left alone in
    its part is marked.
    """
    if len(members) < 2:
        return set()
    ordered = sorted(members, key=lambda m: m.key)
    index = {m.key: i for i, m in enumerate(ordered)}
    forest = UnionFind(len(ordered))
    free = [m for m in ordered if kind_of(m) == "vague" and not fits.get(m.key)]
    for group in (
        [m for m in ordered if kind_of(m) == "precise"],
        free,
        [m for m in ordered if kind_of(m) == "undated"],
    ):
        _strong_parts(group, index, forest, decided)
    for m in ordered:
        fit = fits.get(m.key)
        if kind_of(m) == "vague" and fit in index and strong(m, ordered[index[fit]], True, decided):
            forest.union(index[m.key], index[fit])
    for a, b in decided.joined:
        if a in index and b in index:
            forest.union(index[a], index[b])
    sizes: dict[int, int] = {}
    for i in range(len(ordered)):
        root = forest.find(i)
        sizes[root] = sizes.get(root, 0) + 1
    return {m.key for i, m in enumerate(ordered) if sizes[forest.find(i)] == 1}


def _strong_parts(
    group: Sequence[Mention], index: Mapping[str, int], forest: UnionFind, decided: Decisions
) -> None:
    """Union in `forest` the members of one kind that a strong link joins."""
    at = [index[m.key] for m in group]

    def link(i: int, j: int) -> bool:
        x, y = at[i], at[j]
        if forest.find(x) == forest.find(y):
            return True
        a, b = group[i], group[j]
        if not may_be_strong(a, b) or decided.apart(a.key, b.key) or not compatible(a, b):
            return False
        if words_only(a, b, evidence_of(a, b)):
            return False
        forest.union(x, y)
        return True

    link_all(group, link)


def fits_elsewhere(
    vague: Mention,
    candidates: Iterable[tuple[Mention, int | None]],
    event_id: int | None,
    decided: Decisions = NONE,
) -> str | None:
    """The first (by key) precise report of another event that a vague member fits.

    Args:
        vague: A vague member attached to a report of event `event_id` (None: the
            candidates are all of other events).
        candidates: Precise mentions its days meet, each with its event.
        decided: A report the analyst split it from does not fit it.

    Returns:
        That report's key, or None when every report it fits is in its own event.
    """
    if kind_of(vague) != "vague":
        return None
    others = sorted(
        (m for m, e in candidates if e is not None and e != event_id and m.key != vague.key),
        key=lambda m: m.key,
    )
    return next((m.key for m in others if same_event(vague, m, decided)), None)
