"""Compile a parsed Query into SQL text fragments with named parameters.

The one job of this module is turning a ``Query`` into SQL *text*: it never opens
a database (only ``chronicle.store`` executes SQL). Every identifier, operator
and ORDER BY clause that reaches SQL comes from a fixed whitelist in this module;
every value the user typed travels as a named parameter (``:country_0``, ``:fts``).

Events are always aliased ``e``. The FTS5 table is ``events_fts``.

Pagination is keyset-based (no OFFSET). ``page_sql`` selects ``id`` followed by the
sort key columns; to get the next page pass the *last row of the previous page,
as a tuple*, as ``after``:

* date sorts select ``id, k_undated, k_date`` (``k_undated`` is 1 for events
  without a date, which sort last; ``k_date`` is ``date_start`` or '').
* rank sort selects ``id, k_rank`` (bm25 score, lower is better). FTS5 has to
  score every match before it can order by rank, so keyset paging on
  ``(k_rank, id)`` costs the same as OFFSET would, but stays stable and needs no
  special case in the store. Scores depend on index statistics, so a cursor is
  only meaningful while the database is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chronicle.search.query import Clause, Filter, Query, Term

__all__ = [
    "HIGHLIGHT_COLUMNS",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "MAX_LIMIT",
    "ORDER_BY",
    "PAGE_COLUMNS",
    "CompiledQuery",
    "compile_query",
    "count_sql",
    "fts_string",
    "highlights_sql",
    "ids_sql",
    "page_sql",
    "split_highlights",
    "year_histogram_sql",
]

HIGHLIGHT_START = "\x02"
"""Marks the start of a matched run in highlight()/snippet() output (SQL ``char(2)``)."""

HIGHLIGHT_END = "\x03"
"""Marks the end of a matched run (SQL ``char(3)``)."""

ORDER_BY = {
    "date": "e.date_start IS NULL, e.date_start, e.id",
    "-date": "e.date_start IS NULL, e.date_start DESC, e.id DESC",
    "rank": "events_fts.rank, e.id",
}
"""The only ORDER BY clauses ever emitted, by sort name. Undated events sort last."""

PAGE_COLUMNS = {
    "date": ("id", "k_undated", "k_date"),
    "-date": ("id", "k_undated", "k_date"),
    "rank": ("id", "k_rank"),
}
"""Columns page_sql selects, by effective sort; a page's last row is the next cursor."""

_DATE_KEYS = "e.id AS id, e.date_start IS NULL AS k_undated, COALESCE(e.date_start, '') AS k_date"
_DATE_KEYSET = {
    "date": (
        "(e.date_start IS NULL, COALESCE(e.date_start, ''), e.id) > (:k_undated, :k_date, :k_id)"
    ),
    "-date": (
        "((e.date_start IS NULL) > :k_undated OR ((e.date_start IS NULL) = :k_undated"
        " AND (COALESCE(e.date_start, '') < :k_date"
        " OR (COALESCE(e.date_start, '') = :k_date AND e.id < :k_id))))"
    ),
}
_RANK_KEYSET = "(k_rank, id) > (:k_rank, :k_id)"

_FTS_IN = "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)"
_FTS_NOT_IN = "e.id NOT IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts_exclude)"

_SOURCE_OPS = {"=": "=", ">": ">", ">=": ">=", "<": "<", "<=": "<="}
"""sources: operators, mapped to the SQL text emitted (a whitelist)."""

_LIKE_SPECIAL_RE = re.compile(r"([\\%_])")
_ACTOR_TEXT = "replace(' ' || actor_key || ' ' || name, '-', ' ')"

MAX_LIMIT = 1000
"""Largest page size page_sql emits."""

HIGHLIGHT_COLUMNS = (
    "highlight(events_fts, 0, char(2), char(3)) AS headline_hl",
    "snippet(events_fts, 1, char(2), char(3), '…', 24) AS text_snippet",
)
"""Result decorations highlights_sql selects; only valid in a query that has MATCH."""


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """SQL fragments for one Query.

    Attributes:
        fts: FTS5 MATCH expression (bound as ``:fts``), or None when nothing must match.
        where: Filter conditions over alias ``e``, ANDed; excludes the ``:fts`` match
            itself (see ``conditions``), includes excluded-words conditions.
        params: Named parameters for ``fts`` and ``where`` (no leading colon).
        order_by: One of ORDER_BY's values.
        sort: The effective sort ("rank" only when ``fts`` is set).
    """

    fts: str | None
    where: tuple[str, ...]
    params: dict[str, object] = field(default_factory=dict)
    order_by: str = ORDER_BY["date"]
    sort: str = "date"

    @property
    def conditions(self) -> tuple[str, ...]:
        """Every condition over ``e``, FTS match included (as ``e.id IN (...)``)."""
        return ((_FTS_IN,) if self.fts is not None else ()) + self.where


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
    """Hands out parameter names ``<prefix>_<n>`` and collects their values."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self._counts: dict[str, int] = {}

    def add(self, prefix: str, value: object) -> str:
        n = self._counts.get(prefix, 0)
        self._counts[prefix] = n + 1
        name = f"{prefix}_{n}"
        self.values[name] = value
        return ":" + name


def _like_contains(text: str) -> str:
    return "%" + _LIKE_SPECIAL_RE.sub(r"\\\1", text) + "%"


def _like_word_prefix(word: str) -> str:
    return "% " + _LIKE_SPECIAL_RE.sub(r"\\\1", word) + "%"


def _in_list(column: str, name: str, values: Sequence[str], params: _Params, negated: bool) -> str:
    placeholders = ", ".join(params.add(name, v) for v in values)
    return f"{column} {'NOT IN' if negated else 'IN'} ({placeholders})"


def _filter_sql(flt: Filter, params: _Params) -> str | None:
    """One SQL condition for one filter (None for a filter with no values)."""
    if not flt.values:
        return None
    name = flt.name
    if name == "country":
        inner = _in_list("code", "country", flt.values, params, False)
        op = "NOT IN" if flt.negated else "IN"
        return f"e.id {op} (SELECT event_id FROM event_countries WHERE {inner})"
    if name == "actor":
        alternatives = []
        for value in flt.values:
            words = [
                f"{_ACTOR_TEXT} LIKE {params.add('actor', _like_word_prefix(w))} ESCAPE '\\'"
                for w in value.split()
            ]
            alternatives.append(" AND ".join(words))
        if not alternatives:
            return None
        if len(alternatives) == 1:
            inner = alternatives[0]
        else:
            inner = " OR ".join(f"({a})" for a in alternatives)
        op = "NOT IN" if flt.negated else "IN"
        return f"e.id {op} (SELECT event_id FROM event_actors WHERE {inner})"
    if name in ("type", "precision"):
        return _in_list(f"e.{name}", name, flt.values, params, flt.negated)
    if name == "source":
        likes = [
            f"e.publishers LIKE {params.add('source', _like_contains(v))} ESCAPE '\\'"
            for v in flt.values
        ]
        inner = likes[0] if len(likes) == 1 else "(" + " OR ".join(likes) + ")"
        return f"NOT {inner}" if flt.negated else inner
    if name == "after":
        return f"e.date_start > {params.add('after', flt.values[1])}"
    if name == "before":
        return f"COALESCE(e.date_end, e.date_start) < {params.add('before', flt.values[0])}"
    if name == "in":
        last = params.add("in_end", flt.values[1])
        first = params.add("in_start", flt.values[0])
        return f"(e.date_start <= {last} AND COALESCE(e.date_end, e.date_start) >= {first})"
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


def compile_query(query: Query) -> CompiledQuery:
    """Compile a parsed query to an FTS5 expression, WHERE fragments and ORDER BY.

    Args:
        query: The result of ``parse_query``.

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
    for flt in query.filters:
        condition = _filter_sql(flt, params)
        if condition is not None:
            where.append(condition)
    sort = query.sort if query.sort in ORDER_BY else "date"
    if sort == "rank" and fts is None:
        sort = "date"
    return CompiledQuery(fts, tuple(where), params.values, ORDER_BY[sort], sort)


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
        ``(sql, params)``. Rows are ``(id, k_undated, k_date)`` for date sorts and
        ``(id, k_rank)`` for rank.
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    params: dict[str, object] = {**compiled.params, "limit": limit}
    if compiled.sort == "rank" and compiled.fts is not None:
        conditions = ["events_fts MATCH :fts", *compiled.where]
        inner = (
            "SELECT e.id AS id, events_fts.rank AS k_rank"
            " FROM events_fts JOIN events e ON e.id = events_fts.rowid" + _where_clause(conditions)
        )
        outer = ""
        if after is not None:
            params["k_id"], params["k_rank"] = after[0], after[1]
            outer = " WHERE " + _RANK_KEYSET
        sql = f"SELECT id, k_rank FROM ({inner}){outer} ORDER BY k_rank, id LIMIT :limit"
        return sql, params
    sort = compiled.sort if compiled.sort in _DATE_KEYSET else "date"
    conditions = list(compiled.conditions)
    if after is not None:
        params["k_id"], params["k_undated"], params["k_date"] = after[0], after[1], after[2]
        conditions.append(_DATE_KEYSET[sort])
    sql = (
        f"SELECT {_DATE_KEYS} FROM events e"
        + _where_clause(conditions)
        + f" ORDER BY {ORDER_BY[sort]} LIMIT :limit"
    )
    return sql, params


def ids_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL for every matching id in result order, in one statement (one column, ``id``).

    For a front end that keeps the ordered ids of a whole result (a few MB even
    for a million events) and loads rows lazily; paging through keyset pages of
    MAX_LIMIT would cost one round trip per thousand ids.
    """
    if compiled.sort == "rank" and compiled.fts is not None:
        conditions = ["events_fts MATCH :fts", *compiled.where]
        sql = (
            "SELECT e.id FROM events_fts JOIN events e ON e.id = events_fts.rowid"
            + _where_clause(conditions)
            + f" ORDER BY {ORDER_BY['rank']}"
        )
        return sql, dict(compiled.params)
    sort = compiled.sort if compiled.sort in _DATE_KEYSET else "date"
    sql = (
        "SELECT e.id FROM events e"
        + _where_clause(compiled.conditions)
        + f" ORDER BY {ORDER_BY[sort]}"
    )
    return sql, dict(compiled.params)


def count_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL counting every match: one row, one column (``n``)."""
    return (
        "SELECT count(*) AS n FROM events e" + _where_clause(compiled.conditions),
        dict(compiled.params),
    )


def year_histogram_sql(compiled: CompiledQuery) -> tuple[str, dict]:
    """SQL counting dated matches per year: rows ``(year, n)`` ordered by year.

    Undated events are left out (``count_sql`` minus the sum gives their number).
    """
    conditions = [*compiled.conditions, "e.date_start IS NOT NULL"]
    sql = (
        "SELECT substr(e.date_start, 1, 4) AS year, count(*) AS n FROM events e"
        + _where_clause(conditions)
        + " GROUP BY year ORDER BY year"
    )
    return sql, dict(compiled.params)


def highlights_sql(compiled: CompiledQuery, ids: Sequence[int]) -> tuple[str, dict] | None:
    """SQL for the highlighted headline and text snippet of some result rows.

    FTS5's highlight() and snippet() only work in a query that runs the MATCH,
    so the store runs this once per page with that page's ids. Matched runs are
    wrapped in HIGHLIGHT_START / HIGHLIGHT_END; see split_highlights().

    Args:
        compiled: The compiled query.
        ids: Event ids of the rows shown.

    Returns:
        ``(sql, params)`` selecting ``(id, headline_hl, text_snippet)``, or None when
        the query has no FTS match (nothing to highlight).
    """
    if compiled.fts is None:
        return None
    ids_json = "[" + ",".join(str(int(i)) for i in ids) + "]"
    sql = (
        "SELECT rowid AS id, "
        + ", ".join(HIGHLIGHT_COLUMNS)
        + " FROM events_fts WHERE events_fts MATCH :fts"
        " AND rowid IN (SELECT value FROM json_each(:ids))"
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
