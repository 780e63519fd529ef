"""Compile a parsed Query into SQL text fragments with named parameters.

The one job of this module is turning a ``Query`` into SQL *text*: it never opens
a database (only ``chronicle.store`` executes SQL). Every identifier, operator
and ORDER BY clause that reaches SQL comes from a fixed whitelist in this module;
every value the user typed travels as a named parameter (``:country_0``, ``:fts``).

Events are always aliased ``e``. The FTS5 table is ``events_fts``.

Date order is ``events.sort_key`` (migration 003): the day number of
``date_start`` in the high bits (undated events last), the event id in the low
bits. It is also the FTS5 rowid, so a text query sorted by date walks the FTS
index in rowid order and stops after one page, and date filters become rowid
ranges. ``-date`` keeps undated events last: dated matches newest first, then the
undated ones.

Pagination is keyset-based (no OFFSET). ``page_sql`` selects ``id`` followed by the
sort key columns; to get the next page pass the *last row of the previous page,
as a tuple*, as ``after``:

* date sorts select ``id, k_sort`` (the event's ``sort_key``).
* rank sort selects ``id, k_rank`` (bm25 score, lower is better). FTS5 has to
  score every match before it can order by rank, so keyset paging on
  ``(k_rank, id)`` costs the same as OFFSET would, but stays stable and needs no
  special case in the store. Scores depend on index statistics, so a cursor is
  only meaningful while the database is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from chronicle.model import MANUAL_SCHEME
from chronicle.search.query import Clause, Filter, Query, Term

__all__ = [
    "EVENTS_ESTIMATE_SQL",
    "HIGHLIGHT_COLUMNS",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "MAX_LIMIT",
    "ORDER_BY",
    "PAGE_COLUMNS",
    "REVIEW_SQL",
    "CompiledQuery",
    "actor_names_sql",
    "compile_query",
    "count_sql",
    "country_size_sql",
    "fts_string",
    "highlights_sql",
    "ids_sql",
    "kept_count_sql",
    "kept_year_histogram_sql",
    "page_sql",
    "source_documents_sql",
    "split_highlights",
    "year_histogram_sql",
]

HIGHLIGHT_START = "\x02"
"""Marks the start of a matched run in highlight()/snippet() output (SQL ``char(2)``)."""

HIGHLIGHT_END = "\x03"
"""Marks the end of a matched run (SQL ``char(3)``)."""

UNDATED_KEY = 8388607 << 32
"""Smallest ``sort_key`` of an undated event (the day number migration 003 gives them)."""

ORDER_BY = {
    "date": "e.sort_key",
    "-date": f"e.sort_key >= {UNDATED_KEY}, e.sort_key DESC",
    "rank": "events_fts.rank, e.id",
}
"""What each sort means, by name: the order results come in. Undated events sort last."""

PAGE_COLUMNS = {
    "date": ("id", "k_sort"),
    "-date": ("id", "k_sort"),
    "rank": ("id", "k_rank"),
}
"""Columns page_sql selects, by effective sort; a page's last row is the next cursor."""

_RANK_KEYSET = "(k_rank, id) > (:k_rank, :k_id)"

_FTS_SOURCE = "events_fts JOIN events e ON e.sort_key = events_fts.rowid"
_FTS_MATCH = "events_fts MATCH :fts"
_FTS_NOT_IN = "e.sort_key NOT IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts_exclude)"

_DAY_KEY = "(CAST(julianday({}) AS INTEGER) << 32)"
"""SQL for the smallest sort_key of a day given as an ISO date parameter."""

_SOURCE_OPS = {"=": "=", ">": ">", ">=": ">=", "<": "<", "<=": "<="}
"""sources: operators, mapped to the SQL text emitted (a whitelist)."""

_SOURCE_TABLES = "mentions m JOIN documents d ON d.id = m.document_id"
_SOURCE_COLUMNS = ("d.publisher", "d.name")
"""What source: matches: the publisher or the file name of any of an event's documents."""

_LIKE_SPECIAL_RE = re.compile(r"([\\%_])")
_ACTOR_TEXT = "replace(' ' || actor_key || ' ' || name, '-', ' ')"

MAX_LIMIT = 1000
"""Largest page size page_sql emits."""

HIGHLIGHT_COLUMNS = (
    "highlight(events_fts, 0, char(2), char(3)) AS headline_hl",
    "snippet(events_fts, 1, char(2), char(3), '…', 24) AS text_snippet",
    "snippet(events_fts, 5, char(2), char(3), '…', 24) AS sources_snippet",
)
"""Result decorations highlights_sql selects; only valid in a query that has MATCH."""


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """SQL fragments for one Query.

    Attributes:
        fts: FTS5 MATCH expression (bound as ``:fts``), or None when nothing must match.
        where: Filter conditions over alias ``e``, ANDed; excludes the ``:fts`` match
            itself, includes excluded-words conditions. With ``fts`` set a condition
            may also name ``events_fts.rowid`` (the few events of a filter on the
            analyst's work, handed to FTS5 as rowids), so they go with ``source()``.
        params: Named parameters for ``fts``, ``where`` and ``bounds`` (no leading colon).
        order_by: One of ORDER_BY's values.
        sort: The effective sort ("rank" only when ``fts`` is set).
        bounds: Ranges of the sort key implied by date filters, each an operator and
            an expression (``">= (...)"``); redundant with ``where``, but they let
            FTS5 and the sort-key index skip straight to the dates asked for.
        few: The caller knows few events match: without search words, find them
            through their filters and sort them, rather than walk every event in
            date order looking for them (which stops early only for common ones).
    """

    fts: str | None
    where: tuple[str, ...]
    params: dict[str, object] = field(default_factory=dict)
    order_by: str = ORDER_BY["date"]
    sort: str = "date"
    bounds: tuple[str, ...] = ()
    few: bool = False

    def source(self) -> tuple[str, str, list[str]]:
        """``(FROM clause, sort-key expression, conditions)`` for a query over ``e``.

        With an FTS match, FTS5 drives: its rowid is the sort key, so ordering and
        bounding that rowid is what lets FTS5 stop early.
        """
        if self.fts is None:
            # Unary + keeps the value but hides the column from the planner's indexes.
            key = "+e.sort_key" if self.few else "e.sort_key"
            return "events e", key, [*self.where, *(f"{key} {b}" for b in self.bounds)]
        key = "events_fts.rowid"
        conditions = [_FTS_MATCH, *self.where, *(f"{key} {b}" for b in self.bounds)]
        return _FTS_SOURCE, key, conditions


# ---------------------------------------------------------------------------
# FTS5 expressions


def fts_string(text: str) -> str:
    """Quote text as an FTS5 string: wrap in double quotes, double inner quotes."""
    return '"' + text.replace('"', '""') + '"'


def _fts_term(term: Term) -> str:
    return fts_string(term.text) + ("*" if term.prefix else "")


def _fts_clause(clause: Clause) -> str:
    if len(clause.alternatives) == 1:
        return _fts_term(clause.alternatives[0])
    return "(" + " OR ".join(_fts_term(t) for t in clause.alternatives) + ")"


def _fts_expressions(terms: Sequence[Clause]) -> tuple[str | None, str | None]:
    """Build (MATCH expression, excluded-words expression) from clauses.

    With positive clauses, exclusions are folded in with FTS5's binary NOT. With
    none (FTS5 has no unary NOT) they come back separately, to be used as
    ``e.id NOT IN (... MATCH :fts_exclude)``.
    """
    positive = [_fts_clause(c) for c in terms if not c.negated]
    negative = [_fts_clause(c) for c in terms if c.negated]
    if positive:
        return " AND ".join(positive) + "".join(f" NOT {n}" for n in negative), None
    if negative:
        return None, " OR ".join(negative)
    return None, None


# ---------------------------------------------------------------------------
# Filters


class _Params:
    """Hands out parameter names ``<tag><prefix>_<n>`` and collects their values."""

    def __init__(self, tag: str = "") -> None:
        self.tag = tag
        self.values: dict[str, object] = {}
        self._counts: dict[str, int] = {}

    def add(self, prefix: str, value: object) -> str:
        n = self._counts.get(prefix, 0)
        self._counts[prefix] = n + 1
        name = f"{self.tag}{prefix}_{n}"
        self.values[name] = value
        return ":" + name

    def last(self, prefix: str) -> str:
        """The most recent name handed out for `prefix`."""
        return f":{self.tag}{prefix}_{self._counts[prefix] - 1}"


def _like_contains(text: str) -> str:
    return "%" + _LIKE_SPECIAL_RE.sub(r"\\\1", text) + "%"


def _like_word_prefix(word: str) -> str:
    return "% " + _LIKE_SPECIAL_RE.sub(r"\\\1", word) + "%"


def _in_list(column: str, name: str, values: Sequence[str], params: _Params, negated: bool) -> str:
    placeholders = ", ".join(params.add(name, v) for v in values)
    return f"{column} {'NOT IN' if negated else 'IN'} ({placeholders})"


def _key_bounds(flt: Filter, params: _Params) -> tuple[str, ...]:
    """The sort-key range a date filter implies (``"< expr"``s), reusing its parameters.

    Called right after ``_filter_sql`` added the filter's parameters, so the names
    are the last ones handed out for that prefix.
    """
    if flt.name == "after":
        return (">= ((CAST(julianday(" + params.last("after") + ") AS INTEGER) + 1) << 32)",)
    if flt.name == "before":
        return ("< " + _DAY_KEY.format(params.last("before")),)
    if flt.name == "in":
        return ("< ((CAST(julianday(" + params.last("in_end") + ") AS INTEGER) + 1) << 32)",)
    if flt.name == "year":
        first, last = params.last("year_first"), params.last("year_last")
        return (
            ">= " + _DAY_KEY.format(first),
            "< ((CAST(julianday(" + last + ") AS INTEGER) + 1) << 32)",
        )
    return ()


def _exists(table: str, condition: str, negated: bool) -> str:
    """A facet filter as a per-event probe, so a date-ordered scan can stop early.

    Right for common facets (a country): the first page comes after a few probes.

    (``e.id IN (SELECT ...)`` would make SQLite drive the query from the facet
    table and sort every match by date.)
    """
    probe = f"EXISTS (SELECT 1 FROM {table} WHERE event_id = e.id AND {condition})"
    return f"NOT {probe}" if negated else probe


def _actor_names_condition(values: Sequence[str], params: _Params) -> str | None:
    """What an actor: filter asks of an ``actor_names`` row: every word of one value
    begins a word of the actor's key or name."""
    alternatives = []
    for value in values:
        words = [
            f"{_ACTOR_TEXT} LIKE {params.add('actor', _like_word_prefix(w))} ESCAPE '\\'"
            for w in value.split()
        ]
        alternatives.append(" AND ".join(words))
    if not alternatives:
        return None
    if len(alternatives) == 1:
        return alternatives[0]
    return " OR ".join(f"({a})" for a in alternatives)


def _source_condition(values: Sequence[str], params: _Params) -> str:
    """What a source: filter asks of a document ``d``: its publisher or file name
    contains one of the values."""
    likes = []
    for value in values:
        pattern = params.add("source", _like_contains(value))
        likes += [f"{column} LIKE {pattern} ESCAPE '\\'" for column in _SOURCE_COLUMNS]
    return "(" + " OR ".join(likes) + ")"


# The analyst's work (is:, has:, tag:) and the review queue (review:). Annotations are
# made by hand, so few: their events are found first (a handful of rowid lookups) and
# ordered, rather than probed for one by one in date order; with search words, FTS5
# looks up just their rows instead of walking every match of the words. An excluded
# set keeps NULLs out of its list, since ``x NOT IN (..., NULL)`` is never true.

_ANNOTATED = (
    "SELECT ae.event_id FROM annotation_events ae JOIN annotations a ON a.id = ae.annotation_id"
    " WHERE ae.event_id IS NOT NULL AND ({})"
)
"""The events holding an annotation that meets a condition over ``a`` (annotations)."""

_MANUAL = (
    "SELECT m.event_id FROM mentions m WHERE m.event_id IS NOT NULL AND m.document_id IN"
    f" (SELECT d.id FROM documents d WHERE d.path >= '{MANUAL_SCHEME}'"
    f" AND d.path < '{MANUAL_SCHEME[:-1]}{chr(ord(MANUAL_SCHEME[-1]) + 1)}')"
)
"""The events with a source the analyst added by hand: a document whose path begins with
`MANUAL_SCHEME` (its format is 'manual' too, but only the path is indexed), read as the
range of paths from the scheme to the string just after every path it begins."""

_SPACES = (
    "char(9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, "
    + ", ".join(str(c) for c in (*range(8192, 8203), 8232, 8233, 8239, 8287, 12288))
    + ")"
)
"""Every character Python's str.strip() strips (an annotation's note counts when
``note.strip()`` is not empty: ``Annotation.empty``)."""

_ANNOTATION_CONDITIONS = {
    ("is", "starred"): "a.starred",
    ("is", "corrected"): "a.correction != '{}'",
    ("has", "note"): f"trim(a.note, {_SPACES}) != ''",
    ("has", "tag"): "EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id)",
}
"""What an ``is:``/``has:`` value asks of one of the event's annotations (an event
shows what all of its annotations hold together, so one that has it is enough)."""

REVIEW_SQL = {
    "dates": "SELECT id FROM events WHERE conflict = 1",
    "words": "SELECT id FROM events WHERE review != 0 AND (review & 1) != 0",
    "vague": "SELECT id FROM events WHERE review != 0 AND (review & 2) != 0",
    "bridged": "SELECT id FROM events WHERE review != 0 AND (review & 4) != 0",
}
"""The events in each kind of the review queue (the kinds of ``query.REVIEW_KINDS``),
each a SELECT of ids through a partial index (db/019 for the dates, db/021 for the
others: ``events.review``, whose bits are `chronicle.merge.review`'s WORDS, VAGUE and
BRIDGED, kept at merge time), so ``review:`` costs what the queue holds."""


def _event_set(flt: Filter, sets: Sequence[str], words: bool) -> str | None:
    """Events in any of `sets` (SELECTs of event ids), or not in any when `flt` is
    negated. With search words (`words`) a positive set is given to FTS5 as rowids."""
    if not sets:
        return None
    union = " UNION ".join(sets)
    if flt.negated:
        return f"e.id NOT IN ({union})"
    if words:
        return f"events_fts.rowid IN (SELECT sort_key FROM events WHERE id IN ({union}))"
    return f"e.id IN ({union})"


def _annotated(conditions: Sequence[str]) -> list[str]:
    """The SELECT of the events with an annotation meeting any of `conditions`."""
    return [_ANNOTATED.format(" OR ".join(conditions))] if conditions else []


def _is_sql(flt: Filter, params: _Params, words: bool) -> str | None:
    """``is:starred``, ``is:corrected``, ``is:manual``."""
    asked = [
        _ANNOTATION_CONDITIONS[("is", v)] for v in flt.values if ("is", v) in _ANNOTATION_CONDITIONS
    ]
    manual = [_MANUAL] if "manual" in flt.values else []
    return _event_set(flt, _annotated(asked) + manual, words)


def _has_sql(flt: Filter, params: _Params, words: bool) -> str | None:
    """``has:note``, ``has:tag``."""
    asked = [
        _ANNOTATION_CONDITIONS[("has", v)]
        for v in flt.values
        if ("has", v) in _ANNOTATION_CONDITIONS
    ]
    return _event_set(flt, _annotated(asked), words)


def _tag_sql(flt: Filter, params: _Params, words: bool) -> str | None:
    """``tag:a,b``: an annotation tagged with any of the names, case ignored (A-Z)."""
    names = ", ".join(params.add("tag", v) for v in flt.values)
    tagged = (
        "a.id IN (SELECT t.annotation_id FROM annotation_tags t"
        f" WHERE t.tag COLLATE NOCASE IN ({names}))"
    )
    return _event_set(flt, _annotated([tagged]), words)


def _review_sql(flt: Filter, params: _Params, words: bool) -> str | None:
    """``review:dates,words,vague,bridged``: the events in any of the kinds asked."""
    return _event_set(flt, [REVIEW_SQL[v] for v in flt.values if v in REVIEW_SQL], words)


_FILTER_BUILDERS: dict[str, Callable[[Filter, _Params, bool], str | None]] = {
    "is": _is_sql,
    "has": _has_sql,
    "tag": _tag_sql,
    "review": _review_sql,
}
"""The filters compiled by one function each, by name (the others: ``_filter_sql``).
Each takes the filter, the parameters and whether the query has search words."""


def _filter_sql(
    flt: Filter, params: _Params, rare: Collection[str] = (), words: bool = False
) -> str | None:
    """One SQL condition for one filter (None for a filter with no values).

    ``rare``: country codes with few events; a filter on them finds its events
    first and orders those, instead of probing events in date order. ``words``: the
    query has search words (an FTS5 match drives it).
    """
    if not flt.values:
        return None
    name = flt.name
    if name in _FILTER_BUILDERS:
        return _FILTER_BUILDERS[name](flt, params, words)
    if name == "country":
        inner = _in_list("code", "country", flt.values, params, False)
        if not flt.negated and set(flt.values) <= set(rare):
            return f"e.id IN (SELECT event_id FROM event_countries WHERE {inner})"
        return _exists("event_countries", inner, flt.negated)
    if name == "actor":
        inner = _actor_names_condition(flt.values, params)
        if inner is None:
            return None
        # Actors are selective: find their events first, then order those.
        op = "NOT IN" if flt.negated else "IN"
        return (
            f"e.id {op} (SELECT event_id FROM event_actors WHERE (actor_key, name) IN"
            f" (SELECT actor_key, name FROM actor_names WHERE {inner}))"
        )
    if name in ("type", "precision"):
        return _in_list(f"e.{name}", name, flt.values, params, flt.negated)
    if name == "source":
        return _exists(_SOURCE_TABLES, _source_condition(flt.values, params), flt.negated)
    if name == "publisher":
        # The source chronicle stats counts: a document's publisher, else its file name.
        inner = _in_list("source COLLATE NOCASE", "publisher", flt.values, params, False)
        return _exists("event_sources", inner, flt.negated)
    if name == "after":
        return f"e.date_start > {params.add('after', flt.values[1])}"
    if name == "before":
        return f"COALESCE(e.date_end, e.date_start) < {params.add('before', flt.values[0])}"
    if name == "in":
        last = params.add("in_end", flt.values[1])
        first = params.add("in_start", flt.values[0])
        return f"(e.date_start <= {last} AND COALESCE(e.date_end, e.date_start) >= {first})"
    if name == "year":
        # The year chronicle stats counts an event in (db/008_counts.sql).
        params.add("year_first", flt.values[0])
        params.add("year_last", flt.values[1])
        return f"substr(e.date_start, 1, 4) = substr({params.last('year_first')}, 1, 4)"
    if name == "sources" and len(flt.values) == 2 and flt.values[0] in _SOURCE_OPS:
        op = _SOURCE_OPS[flt.values[0]]
        try:
            count = int(flt.values[1])
        except ValueError:
            return None
        return f"e.source_count {op} {params.add('sources', count)}"
    return None


# ---------------------------------------------------------------------------
# Public API


def compile_query(query: Query, rare_countries: Collection[str] = ()) -> CompiledQuery:
    """Compile a parsed query to an FTS5 expression, WHERE fragments and ORDER BY.

    Args:
        query: The result of ``parse_query``.
        rare_countries: Codes of countries with few events (see ``country_size_sql``);
            only changes how the SQL finds the same results.

    Returns:
        The compiled fragments; ``sort`` is "rank" only when there is an FTS match.
    """
    params = _Params()
    fts, exclude = _fts_expressions(query.terms)
    where: list[str] = []
    if fts is not None:
        params.values["fts"] = fts
    if exclude is not None:
        params.values["fts_exclude"] = exclude
        where.append(_FTS_NOT_IN)
    bounds: list[str] = []
    for flt in query.filters:
        condition = _filter_sql(flt, params, rare_countries, fts is not None)
        if condition is not None:
            where.append(condition)
            bounds.extend(_key_bounds(flt, params))
    sort = query.sort if query.sort in ORDER_BY else "date"
    if sort == "rank" and fts is None:
        sort = "date"
    return CompiledQuery(fts, tuple(where), params.values, ORDER_BY[sort], sort, tuple(bounds))


EVENTS_ESTIMATE_SQL = "SELECT max(id) FROM events"
"""About how many events there are (ids are not reused much), at no cost."""


def country_size_sql(codes: Sequence[str]) -> tuple[str, list[str]]:
    """SQL counting the events tagged with any of `codes` (one row, one column)."""
    marks = ", ".join("?" for _ in codes)
    return f"SELECT count(*) FROM event_countries WHERE code IN ({marks})", list(codes)


def actor_names_sql(values: Sequence[str], tag: str = "") -> tuple[str, dict]:
    """SQL for the ``(actor_key, name)`` pairs an actor: filter with `values` matches.

    `tag` starts every parameter name, so the SQL can sit inside a compiled query's.
    """
    params = _Params(tag)
    inner = _actor_names_condition(values, params) or "0"
    return f"SELECT actor_key, name FROM actor_names WHERE {inner}", params.values


def source_documents_sql(values: Sequence[str], tag: str = "") -> tuple[str, dict]:
    """SQL for the ids of the documents a source: filter with `values` matches (`tag`:
    as in `actor_names_sql`)."""
    params = _Params(tag)
    return f"SELECT d.id FROM documents d WHERE {_source_condition(values, params)}", params.values


def _where_clause(conditions: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def page_sql(compiled: CompiledQuery, after: tuple | None, limit: int) -> tuple[str, dict]:
    """Build the SQL for one page of results, keyset-paginated.

    Args:
        compiled: The compiled query.
        after: None for the first page, else the last row of the previous page as
            a tuple (all the columns this SQL selects, in order; see PAGE_COLUMNS).
        limit: Page size (clamped to 1..MAX_LIMIT).

    Returns:
        ``(sql, params)``. Rows are ``(id, k_sort)`` for date sorts and
        ``(id, k_rank)`` for rank.
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    params: dict[str, object] = {**compiled.params, "limit": limit}
    source, key, conditions = compiled.source()
    if compiled.sort == "rank" and compiled.fts is not None:
        inner = (
            "SELECT e.id AS id, events_fts.rank AS k_rank FROM "
            + source
            + _where_clause(conditions)
        )
        outer = ""
        if after is not None:
            params["k_id"], params["k_rank"] = after[0], after[1]
            outer = " WHERE " + _RANK_KEYSET
        sql = f"SELECT id, k_rank FROM ({inner}){outer} ORDER BY k_rank, id LIMIT :limit"
        return sql, params
    select = f"SELECT e.id AS id, {key} AS k_sort FROM {source}"
    if after is not None:
        params["k_id"], params["k_sort"] = after[0], after[1]
    if compiled.sort != "-date":
        if after is not None:
            conditions.append(f"{key} > :k_sort")
        return select + _where_clause(conditions) + f" ORDER BY {key} LIMIT :limit", params
    # Newest first, undated last: the dated matches backwards, then the undated ones.
    dated = [*conditions, f"{key} < {UNDATED_KEY}"]
    undated = [*conditions, f"{key} >= {UNDATED_KEY}"]
    if after is not None:
        dated.append(f":k_sort < {UNDATED_KEY} AND {key} < :k_sort")
        undated.append(f"(:k_sort < {UNDATED_KEY} OR {key} < :k_sort)")
    parts = [
        f"SELECT * FROM ({select}{_where_clause(part)} ORDER BY {key} DESC LIMIT :limit)"
        for part in (dated, undated)
    ]
    sql = (
        "SELECT id, k_sort FROM ("
        + " UNION ALL ".join(parts)
        + f") ORDER BY k_sort >= {UNDATED_KEY}, k_sort DESC LIMIT :limit"
    )
    return sql, params


def ids_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL for every matching id in result order, in one statement (one column, ``id``).

    For a front end that keeps the ordered ids of a whole result (a few MB even
    for a million events) and loads rows lazily; paging through keyset pages of
    MAX_LIMIT would cost one round trip per thousand ids. Date sorts stream in
    index order (no sort step).
    """
    source, key, conditions = compiled.source()
    select = f"SELECT e.id FROM {source}"
    if compiled.sort == "rank" and compiled.fts is not None:
        sql = select + _where_clause(conditions) + f" ORDER BY {ORDER_BY['rank']}"
    elif compiled.sort != "-date":
        sql = select + _where_clause(conditions) + f" ORDER BY {key}"
    else:
        # SQLite returns UNION ALL arms in order; each arm is ordered by its index.
        sql = " UNION ALL ".join(
            f"SELECT * FROM ({select}{_where_clause([*conditions, extra])} ORDER BY {key} DESC)"
            for extra in (f"{key} < {UNDATED_KEY}", f"{key} >= {UNDATED_KEY}")
        )
    return sql, dict(compiled.params)


def count_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL counting every match: one row, one column (``n``)."""
    source, _key, conditions = compiled.source()
    return f"SELECT count(*) AS n FROM {source}" + _where_clause(conditions), dict(compiled.params)


def year_histogram_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL counting dated matches per year: rows ``(year, n)`` ordered by year.

    Undated events are left out (``count_sql`` minus the sum gives their number).
    """
    source, key, conditions = compiled.source()
    conditions.append(f"{key} < {UNDATED_KEY}")
    sql = (
        f"SELECT substr(e.date_start, 1, 4) AS year, count(*) AS n FROM {source}"
        + _where_clause(conditions)
        + " GROUP BY year ORDER BY year"
    )
    return sql, dict(compiled.params)


def kept_count_sql(hide_citations: bool) -> str:
    """SQL for ``count_sql`` of a query with no words and no filters: one row, ``n``.

    The store keeps event counts by year and type on write (migration 008), so
    counting every event reads a few hundred rows instead of every event.
    """
    hidden = " WHERE type != 'citation'" if hide_citations else ""
    return f"SELECT coalesce(sum(n), 0) AS n FROM count_years_types{hidden}"


def kept_year_histogram_sql(hide_citations: bool) -> str:
    """SQL for ``year_histogram_sql`` of a query with no words and no filters.

    Read from the counts the store keeps, like ``kept_count_sql``: rows ``(year, n)``
    ordered by year; undated events are left out, as above.
    """
    hidden = " AND type != 'citation'" if hide_citations else ""
    return (
        "SELECT year, sum(n) AS n FROM count_years_types "
        f"WHERE year != 'undated'{hidden} GROUP BY year ORDER BY year"
    )


def highlights_sql(
    compiled: CompiledQuery, ids: Sequence[int], columns: Sequence[str] = HIGHLIGHT_COLUMNS
) -> tuple[str, dict] | None:
    """SQL for the highlighted headline and text snippet of some result rows.

    FTS5's highlight() and snippet() only work in a query that runs the MATCH,
    so the store runs this once per page with that page's ids. Matched runs are
    wrapped in HIGHLIGHT_START / HIGHLIGHT_END; see split_highlights().

    Args:
        compiled: The compiled query.
        ids: Event ids of the rows shown.
        columns: Which decorations to select (default: all of HIGHLIGHT_COLUMNS; the
            TUI's rows need only the headline).

    Returns:
        ``(sql, params)`` selecting ``(id, headline_hl, text_snippet, sources_snippet)``
        (the best sentence's snippet, and one from every source's sentences), or None when
        the query has no FTS match (nothing to highlight).
    """
    if compiled.fts is None:
        return None
    ids_json = "[" + ",".join(str(int(i)) for i in ids) + "]"
    sql = (
        f"SELECT e.id AS id, {', '.join(columns)} FROM {_FTS_SOURCE}"
        " WHERE events_fts MATCH :fts AND events_fts.rowid IN"
        " (SELECT sort_key FROM events WHERE id IN (SELECT value FROM json_each(:ids)))"
    )
    return sql, {"fts": compiled.fts, "ids": ids_json}


def split_highlights(text: str) -> list[tuple[str, bool]]:
    """Split highlight()/snippet() output into ``(text, is_match)`` runs.

    Markers that are unbalanced or nested are tolerated; adjacent runs with the
    same flag are merged and empty runs dropped.

    Args:
        text: A string with HIGHLIGHT_START / HIGHLIGHT_END markers.

    Returns:
        The runs in order, e.g. ``[("talks on ", False), ("trade", True)]``.
    """
    runs: list[tuple[str, bool]] = []
    inside = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            chunk = "".join(buffer)
            buffer.clear()
            if runs and runs[-1][1] == inside:
                runs[-1] = (runs[-1][0] + chunk, inside)
            else:
                runs.append((chunk, inside))

    for ch in text:
        if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
            flush()
            inside = ch == HIGHLIGHT_START
        else:
            buffer.append(ch)
    flush()
    return runs
