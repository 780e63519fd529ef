"""How many results fall in each year, counted by what their dates say.

A day, month or range counts in every year it spans (a visit from 2018-11 to
2019-02 in both), a year-precision event in its year; approximate events ("the
early 2010s") and undated ones are counted apart, since no year bar can hold them
honestly. The SQL groups the matches by (kind, first year, last year) in one pass,
or reads the same groups from the counts the store keeps (migration 015) when the
query shows every event; spreading the groups over years is plain Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chronicle.search.compile import CompiledQuery
from chronicle.store import Store

_KIND = (
    "CASE WHEN e.date_start IS NULL THEN 'undated' "
    "WHEN e.precision = 'approximate' THEN 'approximate' ELSE 'dated' END"
)


@dataclass(frozen=True)
class YearCounts:
    """The results of a query by year.

    Attributes:
        spans: ``(first year, last year, events)`` of the dated, not approximate,
            results, by the years their dates cover, sorted.
        approximate: Results with an approximate date.
        undated: Results with no date.
    """

    spans: tuple[tuple[int, int, int], ...] = ()
    approximate: int = 0
    undated: int = 0

    @property
    def years(self) -> list[tuple[int, int]]:
        """``(year, events that year)`` for every year with events, in order."""
        return per_year(self.spans)

    @property
    def first(self) -> int | None:
        """The first year any result covers (None without dated results)."""
        return min((first for first, _, _ in self.spans), default=None)

    @property
    def last(self) -> int | None:
        """The last year any result covers (None without dated results)."""
        return max((last for _, last, _ in self.spans), default=None)


def per_year(spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Events per year: each group counted in every year from its first to its last."""
    counts: dict[int, int] = {}
    for first, last, n in spans:
        for year in range(first, last + 1):
            counts[year] = counts.get(year, 0) + n
    return sorted(counts.items())


def year_groups_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL grouping the matches of `compiled`: rows ``(kind, first year, last year, n)``.

    `kind` is 'dated', 'approximate' or 'undated' (its years NULL). The columns it
    reads are in the sort-key index, so the pass costs what counting the matches does.
    """
    source, _key, conditions = compiled.source()
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    sql = (
        f"SELECT {_KIND} AS kind, substr(e.date_start, 1, 4) AS first_year, "
        "substr(coalesce(e.date_end, e.date_start), 1, 4) AS last_year, count(*) AS n "
        f"FROM {source}{where} GROUP BY 1, 2, 3"
    )
    return sql, dict(compiled.params)


def kept_year_groups_sql(hide_citations: bool) -> str:
    """``year_groups_sql`` of every event, from the counts the store keeps (migration 015)."""
    hidden = " WHERE type != 'citation'" if hide_citations else ""
    return (
        "SELECT kind, nullif(first_year, ''), nullif(last_year, ''), sum(n) "
        f"FROM count_year_spans{hidden} GROUP BY 1, 2, 3"
    )


def from_groups(rows: Sequence[tuple]) -> YearCounts:
    """The counts of ``(kind, first year, last year, n)`` rows."""
    spans: dict[tuple[int, int], int] = {}
    approximate = undated = 0
    for kind, first, last, n in rows:
        if kind == "approximate":
            approximate += n
        elif kind == "dated" and first and last:
            key = (int(first), max(int(first), int(last)))
            spans[key] = spans.get(key, 0) + n
        else:
            undated += n
    ordered = tuple((first, last, n) for (first, last), n in sorted(spans.items()))
    return YearCounts(ordered, approximate, undated)


def year_counts(store: Store, compiled: CompiledQuery, shows_all: bool) -> YearCounts:
    """The results of `compiled` by year.

    Args:
        store: Where to count.
        compiled: The query, compiled as for a count (``Searcher.understand(text, whole=True)``).
        shows_all: The query matches every event but citations: read the kept counts
            instead of every event.
    """
    if shows_all:
        return from_groups(store.execute(kept_year_groups_sql(hide_citations=True)))
    return from_groups(store.execute(*year_groups_sql(compiled)))
