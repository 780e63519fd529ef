"""The analyst's merge decisions as extra and removed edges of the same-event graph.

Events are components of a graph whose edges are `rules.same_event` pairs (and
vague mentions attached to their best fit). A decision only changes that edge set,
so events still depend on the set of mentions and decisions, never on the order
they arrive in:

- a join (must-link) of two mentions is an extra edge, whatever their dates;
- a split (cannot-link) of two mentions removes their direct edge: `same_event`
  is False for them, and neither attaches to the other as a vague fit. A split is
  a cut of direct links, not a wall: a third mention that fits both still makes
  them one event (the store flags it, `Store.bridged_splits`).

Decisions are kept by mention keys (content hash and offset), so they hold in every
database that reads the same documents; one whose mentions are gone is inactive.
"""

from __future__ import annotations

from collections.abc import Iterable


def pair(a: str, b: str) -> tuple[str, str]:
    """The two keys in order: a decision on (a, b) is one on (b, a)."""
    return (a, b) if a < b else (b, a)


class Decisions:
    """Joined and split pairs of mention keys, looked up by key.

    Args:
        joined: Pairs that are one event (must-link).
        split: Pairs that are not one event by direct link (cannot-link).
        A pair in both counts as joined only if given once; callers keep the
        latest decision on a pair (the store replaces the earlier one).
    """

    def __init__(
        self,
        joined: Iterable[tuple[str, str]] = (),
        split: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.joined = frozenset(pair(a, b) for a, b in joined)
        self.split = frozenset(pair(a, b) for a, b in split) - self.joined
        self._partners: dict[str, set[str]] = {}
        for a, b in self.joined:
            self._partners.setdefault(a, set()).add(b)
            self._partners.setdefault(b, set()).add(a)

    def __bool__(self) -> bool:
        return bool(self.joined or self.split)

    def apart(self, a: str, b: str) -> bool:
        """True when the analyst split these two mentions apart."""
        return pair(a, b) in self.split

    def partners(self, key: str) -> list[str]:
        """The mentions the analyst joined this one with, in key order."""
        return sorted(self._partners.get(key, ()))


NONE = Decisions()
"""No decision: the rule alone."""
