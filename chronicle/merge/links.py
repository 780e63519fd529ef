"""How distinct events relate: one happened during another, or two are related.

A meeting held during a visit is part of it (`is_part_of`, the tightest visit
first by `container_rank`); events sharing a person within `RELATED_DAYS` of
each other are shown as related (`is_related`).
"""

from __future__ import annotations

from chronicle.merge.drafts import EventDraft
from chronicle.merge.spans import span_of
from chronicle.names import same_person

RELATED_DAYS = 31
"""Events sharing an actor within this many days are shown as related."""

CONTAINER_TYPES = frozenset({"visit"})
"""Types of event that other events can be part of (a meeting during a visit)."""


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
