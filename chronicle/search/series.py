"""Compile a query into SQL that finds series (a document's tables read over time).

The same language as for events (``chronicle.search.query``): words, "phrases",
prefix*, OR and -excluded words match a series' name, caption, row or column label,
unit and note (``series_fts``, stemmed like the events' index); ``source:`` matches its
document's publisher, title or file name; ``in:``, ``after:`` and ``before:`` keep
series with a period overlapping, after or before the period given. The other filters
say nothing about a table and are ignored with a hint. Matches come best first when
words are given, else by document and in each document's order.
"""

from __future__ import annotations

from chronicle.search.compile import _fts_expressions, _like_contains
from chronicle.search.query import Filter, Query

SERIES_FILTERS = ("source", "in", "after", "before")
"""The filters that apply to series."""

_SOURCE_COLUMNS = ("d.publisher", "d.title", "d.name")
_POINTS = "EXISTS (SELECT 1 FROM series_points p WHERE p.series_id = s.id AND {})"


def applicable_filters(query: Query) -> tuple[Filter, ...]:
    """The filters of `query` that apply to series."""
    return tuple(f for f in query.filters if f.name in SERIES_FILTERS)


def ignored_filters(query: Query) -> tuple[str, ...]:
    """A hint for each filter of `query` that does not apply to series."""
    return tuple(
        f"{f.name}: does not apply to series; ignored"
        for f in query.filters
        if f.name not in SERIES_FILTERS
    )


def series_sql(query: Query, limit: int | None) -> tuple[str, dict[str, object]]:
    """SQL selecting the ids of the series `query` matches, in order, and its parameters."""
    params: dict[str, object] = {}
    where = [sql for n, f in enumerate(query.filters) if (sql := _filter(f, n, params))]
    match, exclude = _fts_expressions(query.terms)
    source = "series s JOIN documents d ON d.id = s.document_id"
    order = "d.path, s.position"
    if match is not None:
        source += " JOIN series_fts ON series_fts.rowid = s.id"
        where.append("series_fts MATCH :fts")
        params["fts"] = match
        order = "series_fts.rank, " + order
    if exclude is not None:
        where.append("s.id NOT IN (SELECT rowid FROM series_fts WHERE series_fts MATCH :fts_not)")
        params["fts_not"] = exclude
    sql = f"SELECT s.id FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return sql, params


def _filter(flt: Filter, number: int, params: dict[str, object]) -> str | None:
    """One filter as an SQL condition on series `s` of document `d` (None: not for series)."""
    key = f"{flt.name}_{number}"
    if flt.name == "source":
        likes = []
        for n, value in enumerate(flt.values):
            params[f"{key}_{n}"] = _like_contains(value)
            likes += [f"{c} LIKE :{key}_{n} ESCAPE '\\'" for c in _SOURCE_COLUMNS]
        condition = "(" + " OR ".join(likes) + ")"
        return f"NOT {condition}" if flt.negated else condition
    if flt.name not in ("in", "after", "before"):
        return None
    first, last = flt.values[0], flt.values[1]
    params[f"{key}_first"], params[f"{key}_last"] = first, last
    if flt.name == "after":
        return _POINTS.format(f"p.date_start > :{key}_last")
    if flt.name == "before":
        return _POINTS.format(f"p.date_end < :{key}_first")
    return _POINTS.format(f"p.date_start <= :{key}_last AND p.date_end >= :{key}_first")
