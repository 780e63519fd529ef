"""Facet counts of a search's matches: how many by type, country, actor, source and year.

Each value comes with the filter text that selects it (``country:JP``), and its count is
what searching with that filter added finds. For every event but citations (a query
with no words and no filters) the counts come from the tables the store keeps on write
(db/008_counts.sql), less the citations. Otherwise the matching ids are read once and
counted in chunks against the events and their country, actor and source tables, so a
large result never holds the store's lock for long. A result too large to count at
once can be estimated first from a sample: the events whose id is a multiple of a
power of two (ids follow the order documents came in, so it spreads over all of them).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from chronicle.search.compile import (
    EVENTS_ESTIMATE_SQL,
    CompiledQuery,
    actor_names_sql,
    source_documents_sql,
)
from chronicle.search.query import country_name, parse_query
from chronicle.store import Store

__all__ = [
    "FACETS",
    "LIMIT",
    "Facet",
    "FacetValue",
    "Facets",
    "facet_counts",
    "sample_stride",
]

FACETS = ("type", "country", "actor", "source", "year")
"""The facets, in the order the panel shows them."""

LIMIT = 20
"""Values kept per facet, largest first."""

CHUNK = 50_000
"""Matching ids counted per statement (each holds the store's lock for a fraction of a second)."""

SAMPLE_EVENTS = 16_384
"""About how many events a sample looks at, at most (see `sample_stride`)."""

_IDS = "json_each(:ids) j"

_GROUP_SQL = {
    "type": f"SELECT e.type, count(*) FROM {_IDS} JOIN events e ON e.id = j.value GROUP BY 1",
    "year": (
        f"SELECT substr(e.date_start, 1, 4), count(*) FROM {_IDS}"
        " JOIN events e ON e.id = j.value WHERE e.date_start IS NOT NULL GROUP BY 1"
    ),
    "country": (
        f"SELECT x.code, count(*) FROM {_IDS}"
        " JOIN event_countries x ON x.event_id = j.value GROUP BY 1"
    ),
    "actor": (
        f"SELECT x.actor_key, count(*) FROM {_IDS}"
        " JOIN event_actors x ON x.event_id = j.value GROUP BY 1"
    ),
    "source": (
        f"SELECT x.source, count(*) FROM {_IDS}"
        " JOIN event_sources x ON x.event_id = j.value GROUP BY 1"
    ),
}
"""Rows ``(value, events)`` among the ids of one chunk (`:ids`, a JSON list)."""

_KEPT_SQL = {
    "type": "SELECT type, sum(n) FROM count_years_types WHERE type != 'citation' GROUP BY 1",
    "year": (
        "SELECT year, sum(n) FROM count_years_types"
        " WHERE type != 'citation' AND year != 'undated' GROUP BY 1"
    ),
    "country": "SELECT code, n FROM count_countries",
    # No table keeps actors' counts: the key orders the table, so no sort is needed.
    "actor": "SELECT actor_key, count(*) FROM event_actors GROUP BY 1",
    "source": "SELECT source, n FROM count_sources",
}
"""The same rows for every event, citations included where a table keeps them."""

_CITED_SQL = {
    facet: (
        f"SELECT x.{column}, count(*) FROM events e JOIN {table} x ON x.event_id = e.id"
        " WHERE e.type = 'citation' GROUP BY 1"
    )
    for facet, table, column in (
        ("country", "event_countries", "code"),
        ("actor", "event_actors", "actor_key"),
        ("source", "event_sources", "source"),
    )
}
"""What the citations add to `_KEPT_SQL`'s rows, to take away."""

_SPELLING_SQL = (
    "SELECT name FROM event_actors WHERE actor_key = ? GROUP BY name ORDER BY count(*) DESC, name"
    " LIMIT 1"
)
"""An actor's most frequent spelling."""

_IN_CHUNK = "x.event_id IN (SELECT value FROM json_each(:ids))"
_NOT_CITED = "EXISTS (SELECT 1 FROM events e WHERE e.id = x.event_id AND e.type != 'citation')"

_CHECKS: dict[str, tuple[Callable[..., tuple[str, dict]], str, str]] = {
    # filter: (what it matches, 0 when that is the value's own and nothing else,
    #          how many events in {scope} it finds)
    "actor": (
        actor_names_sql,
        "SELECT count(*) FROM actor_names"
        " WHERE (actor_key = :facet_value) != ((actor_key, name) IN ({names}))",
        "SELECT count(DISTINCT x.event_id) FROM event_actors x"
        " WHERE (x.actor_key, x.name) IN ({names}) AND {scope}",
    ),
    "source": (
        source_documents_sql,
        "SELECT count(*) FROM count_sources"
        " WHERE (source = :facet_value) != (source LIKE :facet_source_0 ESCAPE '\\')",
        "SELECT count(DISTINCT x.event_id) FROM mentions x"
        " WHERE x.document_id IN ({names}) AND {scope}",
    ),
    "publisher": (
        lambda values, tag: ("SELECT source FROM count_sources WHERE source = :facet_value", {}),
        "SELECT count(*) FROM count_sources"
        " WHERE source = :facet_value COLLATE NOCASE AND source != :facet_value",
        "SELECT count(DISTINCT x.event_id) FROM event_sources x"
        " WHERE x.source = :facet_value COLLATE NOCASE AND {scope}",
    ),
}
"""How to check that a value's filter finds exactly the value's events, and recount if not
(``actor:Kono`` also finds "Taro Kono"; ``source:TDI`` a file named tdi-brief.txt). The
source: check sees publishers and the names of files without one."""


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet.

    Attributes:
        value: What the events hold: a type, an ISO code, an actor key, a source, a year.
        label: How the panel names it ("Japan", "Taro Kono").
        count: Events among the matches with it (an estimate when `Facets.estimated`).
        filter: Query text selecting it, in the search language (``actor:"Taro Kono"``).
    """

    value: str
    label: str
    count: int
    filter: str


@dataclass(frozen=True, slots=True)
class Facet:
    """The largest values of one facet, and how many values it has in all."""

    name: str
    values: tuple[FacetValue, ...]
    distinct: int


@dataclass(frozen=True, slots=True)
class Facets:
    """Every facet of one result.

    Attributes:
        facets: One per name of FACETS, in that order.
        total: Events counted (the matches, or their estimate).
        estimated: Counts scaled up from a sample (see `sample_stride`).
    """

    facets: tuple[Facet, ...]
    total: int
    estimated: bool = False

    def __getitem__(self, name: str) -> Facet:
        return next(f for f in self.facets if f.name == name)


# ---------------------------------------------------------------------------
# Filter text for a value


def _quoted(text: str) -> str:
    """A filter value as the query language reads it: bare if one word, else quoted
    (the language splits values at commas and cannot quote a quote: they become spaces)."""
    text = " ".join(text.replace('"', " ").replace(",", " ").split())
    return f'"{text}"' if " " in text else text


def _source_filter(source: str) -> str:
    """``publisher:`` when it can say the source exactly; else ``source:`` with the
    longest part of it without a comma or a quote (it matches parts)."""
    if " ".join(source.split()) == source and not any(c in source for c in '",'):
        return f"publisher:{_quoted(source)}"
    parts = [" ".join(p.split()) for p in source.replace('"', ",").split(",")]
    return f"source:{_quoted(max(parts, key=len))}"


def _filter_text(facet: str, value: str, label: str) -> str:
    if facet == "actor":
        named = parse_query(f"actor:{_quoted(label)}").filters
        return f"actor:{_quoted(label if named else value)}"
    if facet == "source":
        return _source_filter(value)
    return f"{facet}:{value}"


def _label(store: Store, facet: str, value: str) -> str:
    if facet == "country":
        return country_name(value)
    if facet == "actor":
        spelled = store.execute(_SPELLING_SQL, [value])
        return spelled[0][0] if spelled else value
    return value


# ---------------------------------------------------------------------------
# Counting


def sample_stride(store: Store) -> int:
    """The power of two such that one event in it is about SAMPLE_EVENTS of every event
    (1 for a chronicle that small: counting it whole is as cheap as a sample)."""
    events = store.execute(EVENTS_ESTIMATE_SQL)[0][0] or 0
    stride = 1
    while events / stride > SAMPLE_EVENTS:
        stride *= 2
    return stride


def _match_ids(store: Store, compiled: CompiledQuery, stride: int) -> list[int]:
    """The matching ids (those that are a multiple of `stride`), in no particular order."""
    source, key, conditions = compiled.source()
    if stride > 1:
        # The sort key's low 32 bits are the id; the key is in every index a search uses.
        conditions.insert(0, f"({key} & {int(stride) - 1}) = 0")  # first: the cheapest
    sql = f"SELECT e.id FROM {source} WHERE " + (" AND ".join(conditions) or "1")
    return [row[0] for row in store.execute(sql, compiled.params)]


def _chunks(ids: Sequence[int]) -> Iterable[dict[str, str]]:
    for start in range(0, len(ids), CHUNK):
        yield {"ids": json.dumps(ids[start : start + CHUNK])}


def _matched_rows(store: Store, facet: str, ids: Sequence[int]) -> Counter[str]:
    rows: Counter[str] = Counter()
    for params in _chunks(ids):
        for value, n in store.execute(_GROUP_SQL[facet], params):
            rows[value] += n
    return rows


def _kept_rows(store: Store, facet: str) -> Counter[str]:
    counts: Counter[str] = Counter(dict(store.execute(_KEPT_SQL[facet])))
    if facet in _CITED_SQL:
        counts.subtract(dict(store.execute(_CITED_SQL[facet])))
    return +counts  # drops the values only citations have


def _facet(store: Store, name: str, rows: Counter[str], scale: int, limit: int) -> Facet:
    """The `limit` largest values of `rows`."""
    top = sorted(rows.items(), key=lambda item: (-item[1], item[0]))[:limit]
    values = []
    for value, n in top:
        label = _label(store, name, value)
        values.append(FacetValue(value, label, n * scale, _filter_text(name, value, label)))
    return Facet(name, tuple(values), len(rows))


_CASE_VARIANTS_SQL = "SELECT count(*) > count(DISTINCT lower(source)) FROM count_sources"
"""Whether two sources differ only in case (publisher: finds both), in one pass."""


def _exact(store: Store, value: FacetValue, scope: str, ids: Sequence[int], variants: bool) -> int:
    """The count of `value`'s filter, which may find more than the value's own events."""
    filters = parse_query(value.filter).filters
    if not filters or filters[0].name not in _CHECKS:
        return value.count
    if filters[0].name == "publisher" and not variants:
        return value.count
    build, only_sql, recount_sql = _CHECKS[filters[0].name]
    names, params = build(filters[0].values, "facet_")
    params = {**params, "facet_value": value.value}
    if store.execute(only_sql.format(names=names), params)[0][0] == 0:
        return value.count
    sql = recount_sql.format(names=names, scope=scope)
    if scope != _IN_CHUNK:
        return store.execute(sql, params)[0][0]
    return sum(store.execute(sql, {**params, **chunk})[0][0] for chunk in _chunks(ids))


def _exact_facet(store: Store, facet: Facet, scope: str, ids: Sequence[int]) -> Facet:
    if facet.name not in ("actor", "source") or not facet.values:
        return facet
    variants = facet.name == "source" and bool(store.execute(_CASE_VARIANTS_SQL)[0][0])
    values = [
        FacetValue(v.value, v.label, _exact(store, v, scope, ids, variants), v.filter)
        for v in facet.values
    ]
    values.sort(key=lambda v: (-v.count, v.value))
    return Facet(facet.name, tuple(values), facet.distinct)


def facet_counts(
    store: Store,
    compiled: CompiledQuery,
    shows_all: bool,
    limit: int = LIMIT,
    sample: int = 1,
    cancelled: Callable[[], bool] = lambda: False,
) -> Facets:
    """Counts by type, country, actor, source and year of the events `compiled` matches.

    Args:
        store: Where to count.
        compiled: The query, as `Searcher.understand(text, whole=True)` compiles it
            (citations hidden unless it has a type: filter).
        shows_all: The query has no words and no filters: count from the kept tables.
        limit: Values kept per facet, largest first.
        sample: Count the events whose id is a multiple of `sample` (a power of two, see
            `sample_stride`) and scale up: an estimate, quickly. Not when `shows_all`:
            the kept tables are exact and cheaper.
        cancelled: Asked between statements; once True the facets not yet counted
            come back empty.

    Returns:
        The facets; a value's count is what searching with its filter added finds
        (for an estimate, about that).
    """
    if shows_all:
        return _kept_facets(store, limit, cancelled)
    ids = _match_ids(store, compiled, sample)
    rows = {name: _matched_rows(store, name, ids) for name in FACETS if not cancelled()}
    return _facets(store, rows, sample, limit, _IN_CHUNK, ids, cancelled)


_KEPT: dict[tuple[str, int], tuple[tuple, Facets]] = {}
"""The facets of every event by database file and limit, with what they were read at:
taking the citations away means reading theirs, a second at a million events."""


def _kept_facets(store: Store, limit: int, cancelled: Callable[[], bool]) -> Facets:
    stamp = (store.data_version(), tuple(store.counts().values()))
    kept = _KEPT.get((store.path, limit))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    rows = {name: _kept_rows(store, name) for name in FACETS if not cancelled()}
    facets = _facets(store, rows, 1, limit, _NOT_CITED, [], cancelled)
    if store.path != ":memory:" and not cancelled():
        _KEPT[(store.path, limit)] = (stamp, facets)
    return facets


def _facets(
    store: Store,
    rows: dict[str, Counter[str]],
    scale: int,
    limit: int,
    scope: str,
    ids: Sequence[int],
    cancelled: Callable[[], bool],
) -> Facets:
    facets = []
    for name in FACETS:
        if cancelled() or name not in rows:
            facets.append(Facet(name, (), 0))
            continue
        facet = _facet(store, name, rows[name], scale, limit)
        facets.append(_exact_facet(store, facet, scope, ids) if scale == 1 else facet)
    total = sum(rows.get("type", Counter()).values()) * scale
    return Facets(tuple(facets), total, estimated=scale > 1)
