"""The context view: the whole chronology around a hit, the query's hits marked.

Analysts read a hit with what happened around it. The screen swaps the
timeline's filtered result for every event in date order and marks the hits;
this module holds what that view remembers and where its cursor lands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    """A context view in progress.

    Attributes:
        query: The query whose hits are marked (the filtered view to go back to).
        hits: The ids of those hits.
    """

    query: str
    hits: frozenset[int]

    def status(self) -> str:
        """The status line while the view is open."""
        count = len(self.hits)
        # short enough for 80 columns beside the histogram
        return f"context · {count:,} hit{'' if count == 1 else 's'} marked » · n/N: hits · c: back"


def nearest_hit(ids: Sequence[int], hits: frozenset[int], index: int) -> int | None:
    """The index of the hit in `ids` fewest rows from `index` (the earlier one of two
    as near), `index` itself when it is a hit.

    The walk goes outwards both ways at once, so the cost is the distance to the
    hit, not the length of `ids`.
    """
    index = max(0, min(index, len(ids) - 1))
    for distance in range(len(ids)):
        before, after = index - distance, index + distance
        if before < 0 and after >= len(ids):
            break
        if before >= 0 and ids[before] in hits:
            return before
        if after < len(ids) and ids[after] in hits:
            return after
    return None
