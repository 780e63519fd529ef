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

from chronicle.model import Mention

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
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday year years""".split()
)


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


def words(text: str) -> frozenset[str]:
    """Content words (crudely stemmed to 5 letters) for text similarity."""
    return frozenset(w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP)


def similarity(a: Mention, b: Mention) -> float:
    """Jaccard overlap of the two sentences' content words."""
    wa, wb = words(a.sentence), words(b.sentence)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def same_person(a: str, b: str) -> bool:
    """True when two actor keys name the same person.

    A one-word key (a surname seen alone) matches any longer key containing it.
    """
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    if len(ta) == 1 or len(tb) == 1:
        return set(ta) <= set(tb) or set(tb) <= set(ta)
    return False


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


def same_event(a: Mention, b: Mention) -> bool:
    """The symmetric rule deciding whether two mentions report one happening."""
    if a.document == b.document:
        return False
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None:
        return False
    relation = date_relation(sa, sb)
    if relation in ("apart", "nested"):
        return False
    if "citation" in (a.type, b.type):
        return False
    common_types = (set(a.types) & set(b.types)) - {"other", "statement"}
    if not common_types and a.type != b.type:
        return False
    actors = shared_actors(a, b)
    both_have_actors = bool(a.entities.actors and b.entities.actors)
    countries = len(set(a.entities.countries) & set(b.entities.countries))
    sim = similarity(a, b)
    if relation == "near":
        return actors and sim >= 0.15
    if both_have_actors and not actors:
        return sim >= 0.6
    if actors:
        return True
    if len(a.entities.countries) >= 2 and len(b.entities.countries) >= 2 and countries < 2:
        return False  # two different bilateral relationships
    if relation == "equal":
        return countries >= 1 or sim >= 0.3
    return (countries >= 2 and sim >= 0.25) or sim >= 0.5


def cluster(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Group mentions into events: connected components of `same_event`.

    Returns:
        Clusters, each sorted by mention key, ordered by their first key.
    """
    ordered = sorted(mentions, key=lambda m: m.key)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidate_pairs(ordered):
        ri, rj = find(i), find(j)
        if ri != rj and same_event(ordered[i], ordered[j]):
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(ordered):
        groups.setdefault(find(i), []).append(m)
    return sorted(groups.values(), key=lambda g: g[0].key)


def candidate_pairs(mentions: Sequence[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs whose dates could be compatible, found by a sweep over start dates."""
    dated = [(span, i) for i, m in enumerate(mentions) if (span := span_of(m)) is not None]
    dated.sort(key=lambda t: (t[0].start, t[1]))
    active: list[tuple[date, int]] = []
    slack = timedelta(days=NEAR_DAYS)
    for span, i in dated:
        active = [(end, j) for end, j in active if end + slack >= span.start]
        for _, j in active:
            yield (min(i, j), max(i, j))
        active.append((span.end, i))


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

    @property
    def actor_keys(self) -> frozenset[str]:
        """Every person named by any source."""
        return frozenset(a.key for m in self.mentions for a in m.entities.actors)


def draft_events(clusters: Iterable[Sequence[Mention]]) -> list[EventDraft]:
    """Turn clusters into event drafts keyed by their smallest mention key."""
    return [
        EventDraft(
            key=min(m.key for m in group),
            best=best_mention(group),
            mentions=tuple(sorted(group, key=lambda m: m.key)),
            conflict=has_conflict(group),
        )
        for group in clusters
    ]


def is_part_of(child: EventDraft, parent: EventDraft) -> bool:
    """True when `child` happened during `parent` (a meeting during a visit).

    Both must be pinned to days, the child strictly inside the parent's range,
    the parent a visit-like event, and a person in common.
    """
    cs, ps = span_of(child.best), span_of(parent.best)
    if cs is None or ps is None or not (cs.precise and ps.precise):
        return False
    if parent.best.type not in CONTAINER_TYPES and not set(parent.best.types) & CONTAINER_TYPES:
        return False
    if (cs.start, cs.end) == (ps.start, ps.end):
        return False
    if not (ps.start <= cs.start and cs.end <= ps.end):
        return False
    return any(same_person(a, b) for a in child.actor_keys for b in parent.actor_keys)


def is_related(a: EventDraft, b: EventDraft) -> bool:
    """True when two distinct events share a person and happened close together."""
    sa, sb = span_of(a.best), span_of(b.best)
    if sa is None or sb is None or "citation" in (a.best.type, b.best.type):
        return False
    gap = max((sb.start - sa.end).days, (sa.start - sb.end).days, 0)
    if gap > RELATED_DAYS:
        return False
    return any(same_person(x, y) for x in a.actor_keys for y in b.actor_keys)
