"""Facet counts of a search's matches: how many by type, country, actor, source and year.

Each value comes with the filter text that selects it (``country:JP``), and its count is
what searching with that filter added finds. For every event but citations (a query
with no words and no filters) the counts come from the tables the store keeps on write
(db/008_counts.sql), less the citations. Otherwise the matching ids are read once and
counted in chunks, against the events and their country, actor and source tables, so a
large result never holds the store's lock for long. A result too large to count at
once can be estimated first from a sample: the events whose id is a multiple of a
power of two, about one in `sample_stride` of every event (ids follow the order
documents came in, so the sample spreads over every document).
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
from chronicle.search.query import Filter, country_name, parse_query
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
"""About how many events a sample reads at most (see `sample_stride`)."""

_HIDDEN = "citation"
"""The type a query without a type: filter hides (as `Searcher.understand` does)."""

_IDS = "json_each(:ids) j"

_GROUP_SQL = {
    "type": f"SELECT e.type, '', count(*) FROM {_IDS} JOIN events e ON e.id = j.value GROUP BY 1",
    "year": (
        f"SELECT substr(e.date_start, 1, 4), '', count(*) FROM {_IDS}"
        " JOIN events e ON e.id = j.value WHERE e.date_start IS NOT NULL GROUP BY 1"
    ),
    "country": (
        f"SELECT x.code, '', count(*) FROM {_IDS}"
        " JOIN event_countries x ON x.event_id = j.value GROUP BY 1"
    ),
    # An event names an actor once (the table's key), under one of its spellings.
    "actor": (
        f"SELECT x.actor_key, x.name, count(*) FROM {_IDS}"
        " JOIN event_actors x ON x.event_id = j.value GROUP BY 1, 2"
    ),
    "source": (
        f"SELECT x.source, '', count(*) FROM {_IDS}"
        " JOIN event_sources x ON x.event_id = j.value GROUP BY 1"
    ),
}
"""Rows ``(value, spelling, events)`` among the ids of one chunk (`:ids`, a JSON list)."""

_KEPT_SQL = {
    "type": "SELECT type, '', sum(n) FROM count_years_types WHERE type != 'citation' GROUP BY 1",
    "year": (
        "SELECT year, '', sum(n) FROM count_years_types"
        " WHERE type != 'citation' AND year != 'undated' GROUP BY 1"
    ),
    "country": "SELECT code, '', n FROM count_countries",
    "actor": "SELECT actor_key, name, count(*) FROM event_actors GROUP BY 1, 2",
    "source": "SELECT source, '', n FROM count_sources",
}
"""The same rows for every event, citations included (no table keeps actors' counts)."""

_CITED_SQL = {
    "country": (
        "SELECT x.code, '', count(*) FROM events e JOIN event_countries x ON x.event_id = e.id"
        " WHERE e.type = 'citation' GROUP BY 1"
    ),
    "actor": (
        "SELECT x.actor_key, x.name, count(*) FROM events e"
        " JOIN event_actors x ON x.event_id = e.id WHERE e.type = 'citation' GROUP BY 1, 2"
    ),
    "source": (
        "SELECT x.source, '', count(*) FROM events e JOIN event_sources x ON x.event_id = e.id"
        " WHERE e.type = 'citation' GROUP BY 1"
    ),
}
"""What the citations add to `_KEPT_SQL`'s rows, to take away."""

_ONLY_SQL = {
    "actor": (
        "SELECT count(*) FROM actor_names"
        " WHERE (actor_key = :facet_value) != ((actor_key, name) IN ({names}))"
    ),
    "source": (
        "SELECT count(*) FROM count_sources"
        " WHERE (source = :facet_value) != (source LIKE :facet_source_0 ESCAPE '\\')"
    ),
}
"""0 when a value's filter matches that value and no other (source: by the sources the
store keeps, publishers and the file names of documents without one)."""

_RECOUNT_SQL = {
    "actor": (
        "SELECT count(DISTINCT x.event_id) FROM event_actors x"
        " WHERE (x.actor_key, x.name) IN ({names}) AND {scope}"
    ),
    "source": (
        "SELECT count(DISTINCT x.event_id) FROM mentions x"
        " WHERE x.document_id IN ({names}) AND {scope}"
    ),
}
"""How many events in scope an actor: or source: filter finds (``{names}``: what it matches)."""

_IN_CHUNK = "x.event_id IN (SELECT value FROM json_each(:ids))"
_NOT_CITED = "EXISTS (SELECT 1 FROM events e WHERE e.id = x.event_id AND e.type != 'citation')"


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
    return text if " " not in text else f'"{text}"'


def _source_value(source: str) -> str:
    """The part of a source a source: filter can carry: it splits values at commas and
    cannot quote a quote, so the longest run without either (the filter matches parts)."""
    parts = [" ".join(p.split()) for p in source.replace('"', ",").split(",")]
    return max(parts, key=len)


def _filter_text(facet: str, value: str, label: str) -> str:
    if facet == "actor":
        named = parse_query(f"actor:{_quoted(label)}").filters
        return f"actor:{_quoted(label if named else value)}"
    if facet == "source":
        return f"source:{_quoted(_source_value(value))}"
    return f"{facet}:{value}"


def _label(facet: str, value: str, spelling: str) -> str:
    if facet == "country":
        return country_name(value)
    return spelling if facet == "actor" else value


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
        conditions.append(f"({key} & {int(stride) - 1}) = 0")
    sql = f"SELECT e.id FROM {source} WHERE " + (" AND ".join(conditions) or "1")
    return [row[0] for row in store.execute(sql, compiled.params)]


def _chunks(ids: Sequence[int]) -> Iterable[dict[str, str]]:
    for start in range(0, len(ids), CHUNK):
        yield {"ids": json.dumps(ids[start : start + CHUNK])}


Rows = Counter[tuple[str, str]]
"""Events by (value, spelling)."""


def _matched_rows(store: Store, facet: str, ids: Sequence[int]) -> Rows:
    rows: Rows = Counter()
    for params in _chunks(ids):
        for value, spelling, n in store.execute(_GROUP_SQL[facet], params):
            rows[(value, spelling)] += n
    return rows


def _kept_rows(store: Store, facet: str) -> Rows:
    rows: Rows = Counter()
    for value, spelling, n in store.execute(_KEPT_SQL[facet]):
        rows[(value, spelling)] += n
    for value, spelling, n in store.execute(_CITED_SQL[facet]) if facet in _CITED_SQL else ():
        rows[(value, spelling)] -= n
    return +rows  # drops the values only citations have


def _facet(name: str, rows: Rows, scale: int, limit: int) -> Facet:
    """The `limit` largest values of `rows`, each under its most frequent spelling."""
    counts: Counter[str] = Counter()
    spelled: dict[str, tuple[int, str]] = {}
    for (value, spelling), n in rows.items():
        counts[value] += n
        best = spelled.get(value)
        if best is None or (-n, spelling) < (-best[0], best[1]):
            spelled[value] = (n, spelling)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    values = []
    for value, n in top:
        label = _label(name, value, spelled[value][1])
        values.append(FacetValue(value, label, n * scale, _filter_text(name, value, label)))
    return Facet(name, tuple(values), len(counts))


def _exact(store: Store, name: str, value: FacetValue, scope: str, ids: Sequence[int]) -> int:
    """The count of `value`'s filter, when it finds more than the value's own events
    (``actor:Kono`` also finds "Taro Kono"; ``source:TDI`` a publisher "TDI Weekly")."""
    filters = parse_query(value.filter).filters
    if not filters:
        return value.count
    flt: Filter = filters[0]
    build = actor_names_sql if name == "actor" else source_documents_sql
    names, params = build(flt.values, "facet_")
    params = {**params, "facet_value": value.value}
    if store.execute(_ONLY_SQL[name].format(names=names), params)[0][0] == 0:
        return value.count
    sql = _RECOUNT_SQL[name].format(names=names, scope=scope)
    if scope != _IN_CHUNK:
        return store.execute(sql, params)[0][0]
    return sum(store.execute(sql, {**params, **chunk})[0][0] for chunk in _chunks(ids))


def _exact_facet(store: Store, facet: Facet, scope: str, ids: Sequence[int]) -> Facet:
    if facet.name not in _ONLY_SQL:
        return facet
    values = [
        FacetValue(v.value, v.label, _exact(store, facet.name, v, scope, ids), v.filter)
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
        sample: Count one event in `sample` (a power of two, see `sample_stride`) and
            scale up: an estimate, quickly. Ignored when `shows_all`.
        cancelled: Asked between statements; True stops counting (what was
            counted so far comes back).

    Returns:
        The facets; a value's count is what searching with its filter added finds
        (for an estimate, about that).
    """
    if shows_all:
        ids: list[int] = []
        rows = {name: _kept_rows(store, name) for name in FACETS if not cancelled()}
        scale, scope = 1, _NOT_CITED
    else:
        ids = _match_ids(store, compiled, sample)
        rows = {name: _matched_rows(store, name, ids) for name in FACETS if not cancelled()}
        scale, scope = sample, _IN_CHUNK
    facets = []
    for name in FACETS:
        facet = _facet(name, rows.get(name, Counter()), scale, limit)
        if scale == 1 and not cancelled():
            facet = _exact_facet(store, facet, scope, ids)
        facets.append(facet)
    total = sum(rows.get("type", Counter()).values()) * scale
    return Facets(tuple(facets), total, estimated=scale > 1)
