"""What an event's row is made of, kept as totals that merge without the mentions.

An event's row (its date, type, people, countries, words for search, sources) is a
function of its mentions. Every part of it is kept here as an aggregate that two
events (or an event and new mentions) combine in constant time per part: the best
mention by `best_mention`'s order, the type votes, the latest start and earliest
end (two spans are all pairwise overlapping exactly when the latest start is not
after the earliest end, so that is the date conflict), the set of people, countries,
organisations and publishers, and every source sentence. So an event that a new
report joins is updated from its stored totals, whatever its size, and the row
equals the one written from all its mentions at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from chronicle.merge.drafts import (
    EventDraft,
    best_mention,
    conflicting,
    date_bounds,
    type_votes,
    voted_type,
)
from chronicle.model import Mention


@dataclass(frozen=True)
class EventState:
    """The totals an event's row is computed from."""

    key: str
    """The smallest mention key: the event's identity across rebuilds."""
    best: Mention
    count: int
    votes: dict[str, int]
    latest_start: date | None
    earliest_end: date | None
    names: dict[str, str]
    """Each person's key, with the smallest of the names sources give them."""
    countries: frozenset[str]
    organisations: frozenset[str]
    sentences: tuple[str, ...]
    """Every member's sentence (the best one's included), sorted."""
    publishers: frozenset[str] = field(default_factory=frozenset)

    @property
    def conflict(self) -> bool:
        """True when some source's days lie wholly outside another's."""
        return conflicting(self.latest_start, self.earliest_end)

    @property
    def type(self) -> str:
        """What the sources together call the event (`merge.event_type`)."""
        return voted_type(self.best.type, self.count, self.votes)

    @property
    def actor_keys(self) -> frozenset[str]:
        """Every person named by any source."""
        return frozenset(self.names)


def state_of(mentions: Sequence[Mention], publishers: Iterable[str] = ()) -> EventState:
    """The totals of an event made of `mentions` (at least one)."""
    latest_start, earliest_end = date_bounds(mentions)
    names: dict[str, str] = {}
    for m in mentions:
        for a in m.entities.actors:
            names[a.key] = min(names.get(a.key, a.name), a.name)
    return EventState(
        key=min(m.key for m in mentions),
        best=best_mention(mentions),
        count=len(mentions),
        votes=type_votes(mentions),
        latest_start=latest_start,
        earliest_end=earliest_end,
        names=names,
        countries=frozenset(c for m in mentions for c in m.entities.countries),
        organisations=frozenset(o for m in mentions for o in m.entities.organisations),
        sentences=tuple(sorted(one_line(m.sentence) for m in mentions)),
        publishers=frozenset(publishers),
    )


def combined(states: Sequence[EventState]) -> EventState:
    """The totals of one event made of the members of all `states`."""
    if len(states) == 1:
        return states[0]
    votes: dict[str, int] = {}
    names: dict[str, str] = {}
    for s in states:
        for kind, n in s.votes.items():
            votes[kind] = votes.get(kind, 0) + n
        for key, name in s.names.items():
            names[key] = min(names.get(key, name), name)
    return EventState(
        key=min(s.key for s in states),
        best=best_mention([s.best for s in states]),
        count=sum(s.count for s in states),
        votes=votes,
        latest_start=max((s.latest_start for s in states if s.latest_start), default=None),
        earliest_end=min((s.earliest_end for s in states if s.earliest_end), default=None),
        names=names,
        countries=frozenset().union(*(s.countries for s in states)),
        organisations=frozenset().union(*(s.organisations for s in states)),
        sentences=tuple(sorted(x for s in states for x in s.sentences)),
        publishers=frozenset().union(*(s.publishers for s in states)),
    )


def one_line(sentence: str) -> str:
    """A sentence as one line of the sources column (which is split on newlines)."""
    return " ".join(sentence.splitlines())


def best_first(best_items: Iterable[str], all_items: Iterable[str]) -> list[str]:
    """The best mention's items in its own order, then the rest sorted."""
    head = list(dict.fromkeys(best_items))
    seen = set(head)
    return head + sorted(x for x in set(all_items) if x not in seen)


def sources_text(state: EventState) -> str:
    """Every source sentence but the best mention's (which is the event's text), sorted."""
    rest = list(state.sentences)
    rest.remove(one_line(state.best.sentence))
    return "\n".join(rest)


def stand_in(state: EventState) -> EventDraft:
    """A draft carrying what indexes and links read (date, type, people), not every member."""
    return EventDraft(
        key=state.key,
        best=state.best,
        mentions=(state.best,),
        conflict=state.conflict,
        type=state.type,
        people=state.actor_keys,
    )
