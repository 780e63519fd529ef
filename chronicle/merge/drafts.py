"""Turn clusters of mentions into event drafts: the speaking mention, the type, the conflict.

An event takes the most precise date any source gives, the type its sources agree
on, and a conflict flag when its sources' dates disagree; every source stays attached.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from chronicle.merge.spans import span_of
from chronicle.model import Mention

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "approximate": 4, "unresolved": 5}
"""Lower is more exact; used to pick an event's date from its sources."""


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event as computed from its mentions, before the store gives it an id."""

    key: str
    best: Mention
    mentions: tuple[Mention, ...]
    conflict: bool
    type: str
    """What the sources together call the event (`event_type`)."""
    people: frozenset[str] | None = None
    """The people of a stand-in draft that carries only its best mention."""

    @property
    def actor_keys(self) -> frozenset[str]:
        """Every person named by any source."""
        if self.people is not None:
            return self.people
        return frozenset(a.key for m in self.mentions for a in m.entities.actors)


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
    return conflicting(*date_bounds(mentions))


def date_bounds(mentions: Sequence[Mention]) -> tuple[date | None, date | None]:
    """The latest first day and the earliest last day of the mentions' dates."""
    spans = [s for m in mentions if (s := span_of(m)) is not None]
    if not spans:
        return None, None
    return max(s.start for s in spans), min(s.end for s in spans)


def conflicting(latest_start: date | None, earliest_end: date | None) -> bool:
    """Whether dates with these bounds disagree.

    Spans on a line meet pairwise exactly when the latest start is not after the
    earliest end, so one comparison replaces a look at every pair.
    """
    return latest_start is not None and earliest_end is not None and latest_start > earliest_end


def event_type(best: Mention, mentions: Sequence[Mention]) -> str:
    """What the sources together call an event: each source's primary type counts
    two, its other types one; a tie goes to the best mention's type.

    "Zardari visited Japan in 2011" and "during the visit ... the two sides signed
    the Joint Statement" make a visit (at which an agreement was signed).
    """
    return voted_type(best.type, len(mentions), type_votes(mentions))


def type_votes(mentions: Iterable[Mention]) -> dict[str, int]:
    """Each type's votes: two from a source whose primary type it is, one otherwise."""
    votes: dict[str, int] = {}
    for m in mentions:
        for rank, kind in enumerate(m.types):
            if kind not in ("other", "citation"):
                votes[kind] = votes.get(kind, 0) + (2 if rank == 0 else 1)
    return votes


def voted_type(primary: str, sources: int, votes: dict[str, int]) -> str:
    """The type `event_type` gives an event of `sources` sources with these votes,
    whose best mention's type is `primary`."""
    if sources == 1 or primary == "citation" or not votes:
        return primary
    best_vote = max(votes.values())
    if votes.get(primary, 0) == best_vote:
        return primary
    return min(k for k, v in votes.items() if v == best_vote)


def draft_events(clusters: Iterable[Sequence[Mention]]) -> list[EventDraft]:
    """Turn clusters (`clusters.cluster`) into event drafts keyed by their smallest mention key."""
    drafts = []
    for group in clusters:
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
