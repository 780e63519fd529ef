"""Decide which mentions describe the same happening, and how events relate.

Pure functions only: the store feeds mentions in and writes the answer out.
"Same event" is a symmetric rule on two mentions, and events are the connected
components of that relation, so the result depends only on the set of mentions,
never on the order documents were ingested in. That is what makes merging both
deterministic and incremental (see `chronicle.store.writer`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from chronicle.dedupe import GATHERING_TYPES, Evidence, same_happening_in_document
from chronicle.ingest.dates.names import MONTH_NAMES, WEEKDAY_NAMES
from chronicle.lexicon import country_forms
from chronicle.model import Entities, Mention
from chronicle.names import fold, same_person

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "approximate": 4, "unresolved": 5}
"""Lower is more exact; used to pick an event's date from its sources."""

PRECISE = frozenset({"day", "range"})
"""Precisions that pin a happening to named days."""

NEAR_DAYS = 3
"""Precise dates this close may still be one event reported inconsistently (flagged)."""

RELATED_DAYS = 31
"""Events sharing an actor within this many days are shown as related."""

CONTAINER_TYPES = frozenset({"visit"})
"""Types of event that other events can be part of (a meeting during a visit)."""

_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset(
    """the and for with from that this was were has have had its their his her which
    who also been between two both will would said into over under about after before
    during than other such more most very all any one our are not but may
    year years
    sign signs signed signing agreement agreements agreed meet meets met meeting meetings
    held hold holds visit visits visited visiting talks dialogue minister ministers
    foreign prime president sides side countries country bilateral""".split()
) | {name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES)}
"""Words too common in diplomatic reporting to say two sentences report one thing
(event types, roles and countries are compared on their own)."""


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar (no overflow at year 1 or 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


@dataclass(frozen=True, slots=True)
class Span:
    """The days a mention's date covers."""

    start: date
    end: date
    precise: bool


def span_of(mention: Mention) -> Span | None:
    """The interval a mention's date covers, or None when it is unresolved."""
    d = mention.date
    if d.date_start is None or d.date_end is None:
        return None
    return Span(d.date_start, d.date_end, d.precision in PRECISE)


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """Content words (crudely stemmed to 5 letters) for text similarity.

    Country names, demonyms and capitals are left out: countries are compared on
    their own, and "Japan and Pakistan" in two sentences says nothing about
    whether they report the same thing.
    """
    places = _place_words()
    return frozenset(w[:5] for w in _WORD.findall(fold(text)) if w not in _STOP and w not in places)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(
        fold(form) for form, code in country_forms().items() if code and form.isalpha()
    )


def similarity(a: Mention, b: Mention) -> float:
    """Jaccard overlap of the two sentences' content words."""
    wa, wb = words(a.sentence), words(b.sentence)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def shared_actors(a: Mention, b: Mention) -> bool:
    """True when the mentions name at least one common person."""
    return any(same_person(x.key, y.key) for x in a.entities.actors for y in b.entities.actors)


def date_relation(a: Span, b: Span) -> str:
    """How two date spans relate: 'equal', 'contains', 'nested', 'near' or 'apart'.

    'contains' means a coarse date (a year, a month) covers the other date, which is
    how a vague and an exact report of one happening look. 'nested' means both are
    precise and one lies strictly inside the other (a meeting inside a visit).
    """
    if a.start == b.start and a.end == b.end:
        return "equal"
    overlap = a.start <= b.end and b.start <= a.end
    a_in_b = b.start <= a.start and a.end <= b.end
    b_in_a = a.start <= b.start and b.end <= a.end
    if a_in_b or b_in_a:
        outer = b if a_in_b else a
        return "nested" if outer.precise else "contains"
    if overlap:
        return "near" if a.precise and b.precise else "contains"
    gap = (b.start - a.end).days if a.end < b.start else (a.start - b.end).days
    if a.precise and b.precise and gap <= NEAR_DAYS:
        return "near"
    return "apart"


def anchors(mention: Mention) -> frozenset[str]:
    """What two mentions of one event must have in common: a country, a name token
    or, for two mentions of one document, the document itself (a line told twice
    that names nobody and no country is still told twice).

    Every merge needs a shared anchor, which lets candidates be found by blocking
    on anchors instead of comparing every pair of mentions.
    """
    return _anchors(mention.entities, mention.document)


@lru_cache(maxsize=65536)
def _anchors(entities: Entities, document: str) -> frozenset[str]:
    countries = {f"c:{c}" for c in entities.countries}
    people = {f"p:{token}" for a in entities.actors for token in a.key.split()}
    return frozenset(countries | people | {f"d:{document}"})


def same_event(a: Mention, b: Mention) -> bool:
    """The symmetric rule deciding whether two mentions report one happening."""
    return bool(anchors(a) & anchors(b)) and compatible(a, b)


def compatible(a: Mention, b: Mention) -> bool:
    """`same_event` for two mentions already known to share an anchor.

    Two mentions of one document are judged by `dedupe.same_happening_in_document`,
    two of different documents by `across_documents`; both read the same `Evidence`.
    """
    one_document = a.document == b.document
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None:
        # Undated statements merge only when they are the same sentence reported again.
        return sa is None and sb is None and similarity(a, b) >= 0.9
    relation = date_relation(sa, sb)
    if relation in ("apart", "nested"):
        return False
    if (a.type == "citation") != (b.type == "citation"):
        return False
    if a.type == "citation":
        return relation == "equal" and similarity(a, b) >= (0.8 if one_document else 0.6)
    common_types = bool((set(a.types) & set(b.types)) - {"other", "statement"})
    # In one text a caption or an infobox line often names no kind of event at all,
    # and one day's meeting is told as "talks" too.
    kinds = {a.type, b.type}
    lenient = one_document and ("other" in kinds or kinds <= GATHERING_TYPES)
    if not common_types and a.type != b.type and not lenient:
        return False
    found = evidence(a, b, relation, sa.precise and sb.precise, common_types)
    if one_document:
        return same_happening_in_document(found)
    return across_documents(found, a, b)


def evidence(a: Mention, b: Mention, relation: str, precise: bool, common_types: bool) -> Evidence:
    """What two mentions share: the facts both merge rules weigh."""
    people_a, people_b = a.entities.actors, b.entities.actors
    countries_a, countries_b = a.entities.countries, b.entities.countries
    shared = len(set(countries_a) & set(countries_b))
    return Evidence(
        relation=relation,
        precise=precise,
        same_type=a.type == b.type,
        common_types=common_types,
        shared_people=shared_actors(a, b),
        same_subject=bool(people_a and people_b) and same_person(people_a[0].key, people_b[0].key),
        people_clash=bool(people_a and people_b)
        and not (_people_within(people_a, people_b) or _people_within(people_b, people_a)),
        shared_countries=shared,
        bilateral_clash=len(countries_a) >= 2 and len(countries_b) >= 2 and shared < 2,
        similarity=similarity(a, b),
        shared_words=len(shared_words(a, b)),
        contained=_words_within(a, b),
        # A sentence with no content words left ("Japan and Pakistan signed an agreement
        # on 5 May 2019") is no evidence against the other: only two sets of words that
        # fail to overlap are.
        unsaid=not words(a.sentence) or not words(b.sentence),
        primary=b.type if a.type == "other" else a.type,
        untyped="other" in (a.type, b.type),
        gatherings={a.type, b.type} <= GATHERING_TYPES,
        same_sentence=a.sentence == b.sentence and a.date.text != b.date.text,
    )


def shared_words(a: Mention, b: Mention) -> frozenset[str]:
    """Content words both sentences use, people's names left out (they are compared
    on their own): "the Itaipu treaty" in two sentences shares "itaip" and "treat"."""
    names = {t[:5] for m in (a, b) for actor in m.entities.actors for t in actor.key.split()}
    return (words(a.sentence) & words(b.sentence)) - names


def _words_within(a: Mention, b: Mention) -> bool:
    """True when every content word of the shorter sentence is in the other: an
    infobox line ("Treaty of Friendship: 1 August 1962") or a caption read in the text."""
    wa, wb = words(a.sentence), words(b.sentence)
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(small) and small <= large


def _people_within(inner: Iterable, outer: Iterable) -> bool:
    """True when every person of `inner` is also named in `outer`."""
    return all(any(same_person(x.key, y.key) for y in outer) for x in inner)


def across_documents(e: Evidence, a: Mention, b: Mention) -> bool:
    """Whether reports in two documents, already of compatible dates and types, are one."""
    sim, countries = e.similarity, e.shared_countries
    if e.relation == "near":
        # Precise dates a few days apart: one event reported inconsistently only
        # when the same people did the same thing in much the same words, or,
        # with nobody named on either side, the same two countries did the same
        # thing in words that agree ("relations established on 28/29 April 1952").
        if not e.same_type:
            return False
        if e.shared_people:
            return sim >= 0.5
        nobody = not a.entities.actors and not b.entities.actors
        return nobody and countries >= 2 and sim >= 0.25
    if a.entities.actors and b.entities.actors and not e.shared_people:
        return sim >= 0.6
    if e.shared_people:
        return True
    if e.bilateral_clash:
        return False  # two different bilateral relationships
    if e.relation == "equal":
        # Same date and countries but nobody named: only if the words agree too
        # ("established diplomatic relations" / "diplomatic relations started"),
        # not two different agreements Japan and Pakistan signed that year.
        return e.unsaid or sim >= 0.2
    return (countries >= 2 and (e.unsaid or sim >= 0.25)) or sim >= 0.5


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


def best_mention(mentions: Sequence[Mention]) -> Mention:
    """The mention that speaks for the event: most exact date, then most detail."""
    return min(
        mentions,
        key=lambda m: (
            PRECISION_RANK.get(m.date.precision, 9),
            m.type == "citation",
            -len(m.entities.actors),
            -len(m.entities.countries),
            m.key,
        ),
    )


def has_conflict(mentions: Sequence[Mention]) -> bool:
    """True when some source's date lies outside another source's date."""
    spans = [s for m in mentions if (s := span_of(m)) is not None]
    return any(
        a.end < b.start or b.end < a.start for i, a in enumerate(spans) for b in spans[i + 1 :]
    )


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event as computed from its mentions, before the store gives it an id."""

    key: str
    best: Mention
    mentions: tuple[Mention, ...]
    conflict: bool
    type: str
    """What the sources together call the event (`event_type`)."""

    @property
    def actor_keys(self) -> frozenset[str]:
        """Every person named by any source."""
        return frozenset(a.key for m in self.mentions for a in m.entities.actors)


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


def event_type(best: Mention, mentions: Sequence[Mention]) -> str:
    """What the sources together call an event: each source's primary type counts
    two, its other types one; a tie goes to the best mention's type.

    "Zardari visited Japan in 2011" and "during the visit ... the two sides signed
    the Joint Statement" make a visit (at which an agreement was signed).
    """
    primary = best.type
    if len(mentions) == 1 or primary == "citation":
        return primary
    votes: dict[str, int] = {}
    for m in mentions:
        for rank, kind in enumerate(m.types):
            if kind not in ("other", "citation"):
                votes[kind] = votes.get(kind, 0) + (2 if rank == 0 else 1)
    if not votes:
        return primary
    best_vote = max(votes.values())
    if votes.get(primary, 0) == best_vote:
        return primary
    return min(k for k, v in votes.items() if v == best_vote)


def draft_events(clusters: Iterable[Sequence[Mention]]) -> list[EventDraft]:
    """Turn clusters into event drafts keyed by their smallest mention key.

    A cluster bridged across distinct happenings becomes several events
    (`split_bridged`).
    """
    drafts = []
    for found in clusters:
        for group in split_bridged(found):
            best = best_mention(group)
            drafts.append(
                EventDraft(
                    key=min(m.key for m in group),
                    best=best,
                    mentions=tuple(sorted(group, key=lambda m: m.key)),
                    conflict=has_conflict(group),
                    type=event_type(best, group),
                )
            )
    return drafts


def is_part_of(child: EventDraft, parent: EventDraft) -> bool:
    """True when `child` happened during `parent` (a meeting during a visit).

    Both must be pinned to days, the child strictly inside the parent's range,
    the parent a visit-like event, and a person in common.
    """
    cs, ps = span_of(child.best), span_of(parent.best)
    if cs is None or ps is None or not (cs.precise and ps.precise):
        return False
    if parent.type not in CONTAINER_TYPES:
        return False
    if (cs.start, cs.end) == (ps.start, ps.end):
        return False
    if not (ps.start <= cs.start and cs.end <= ps.end):
        return False
    return any(same_person(a, b) for a in child.actor_keys for b in parent.actor_keys)


def container_rank(parent: EventDraft) -> tuple[int, str]:
    """Order of preference among events a child is part of: the tightest span, then key.

    A meeting inside both a five-day and a ten-day visit belongs to the five-day
    one, whichever was ingested first.
    """
    span = span_of(parent.best)
    length = (span.end - span.start).days if span else 1 << 30
    return (length, parent.key)


def is_related(a: EventDraft, b: EventDraft) -> bool:
    """True when two distinct events share a person and happened close together."""
    sa, sb = span_of(a.best), span_of(b.best)
    if sa is None or sb is None or "citation" in (a.type, b.type):
        return False
    gap = max((sb.start - sa.end).days, (sa.start - sb.end).days, 0)
    if gap > RELATED_DAYS:
        return False
    return any(same_person(x, y) for x in a.actor_keys for y in b.actor_keys)
