"""Run searches: parse, compile, execute through the store, return events.

The TUI and the CLI both search through `Searcher`, so a query means the same
thing everywhere. Counts are cached per query text, so typing stays fast: whatever
changes the database (an ingest, an annotation in the browser) makes a new Searcher.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chronicle.model import Event, StoredSeries
from chronicle.search.compile import (
    EVENTS_ESTIMATE_SQL,
    HIGHLIGHT_COLUMNS,
    HIGHLIGHT_START,
    CompiledQuery,
    compile_query,
    count_sql,
    country_size_sql,
    highlights_sql,
    ids_sql,
    kept_count_sql,
    page_sql,
    split_highlights,
)
from chronicle.search.histogram import YearCounts, year_counts
from chronicle.search.query import Query, describe, parse_query, with_stored_tags
from chronicle.search.series import applicable_filters, ignored_filters, series_sql
from chronicle.store import Store

PAGE_SIZE = 500
"""Rows fetched per keyset page."""

_HIDE_CITATIONS = "e.type != 'citation'"

RARE_SHARE = 0.02
"""A country filter matching under this share of all events counts as rare."""

FEW_SHARE = 0.001
"""A page of a query without search words matching under this share of all events is
found through its filters, then sorted (`CompiledQuery.few`; a whole result, under
`RARE_SHARE`). Walking the events in date
order finds a page after about (events / matches) probes of a covering index, which on
a million merged events beat fetching first for every query matching 0.2% or more
(`country:pk type:visit`, 1.2%: 0.1 ms against 74 ms); fetching first wins when a page
would need the whole table walked (`sources:>60`, 0.04%: 0.2 ms against 14 ms)."""


@dataclass(frozen=True)
class Results:
    """One page of search results and how the query was understood.

    Attributes:
        text: The query as typed.
        description: Plain-English reading of the query.
        hints: Notes about anything ignored or reinterpreted.
        events: The events of this page, in order.
        total: How many events match in all.
        cursor: Pass back as `after` for the next page (None when this was the last).
        highlights: Event id -> (headline runs, snippet runs) for matched terms.
    """

    text: str
    description: str
    hints: tuple[str, ...]
    events: list[Event]
    total: int
    cursor: tuple | None
    highlights: dict[int, tuple[list[tuple[str, bool]], list[tuple[str, bool]]]]


@dataclass(frozen=True)
class SeriesResults:
    """The series a query matches and how it was understood (see `Results`)."""

    text: str
    description: str
    hints: tuple[str, ...]
    series: list[StoredSeries]


def _has_type_filter(query: Query) -> bool:
    return any(f.name == "type" for f in query.filters)


def _has_country_filter(query: Query) -> bool:
    return any(f.name == "country" and not f.negated for f in query.filters)


def _shows_all(query: Query) -> bool:
    """True when the query matches every event (but citations): its counts are kept."""
    return not query.terms and not query.filters


class Searcher:
    """Searches one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._counts: dict[str, int] = {}
        self._country_sizes: dict[tuple[str, ...], int] = {}
        self._events: int | None = None

    def understand(self, text: str, whole: bool = False) -> tuple[Query, CompiledQuery]:
        """Parse and compile `text`; citations are hidden unless a type: filter asks.

        Args:
            text: The query as typed.
            whole: The SQL will read every match (a count, all ids, a histogram)
                rather than one page; it changes how the SQL runs, not what it finds.
        """
        query = parse_query(text)
        asked = query
        if any(f.name == "tag" for f in query.filters):
            # SQLite folds only A-Z; the analyst's tags are few, so spell them out here.
            asked = with_stored_tags(query, [t for t, _ in self.store.tags()])
        compiled = compile_query(asked, self._fetch_first(query, whole))
        if not _has_type_filter(query):
            compiled = replace(compiled, where=(*compiled.where, _HIDE_CITATIONS))
        return query, compiled

    def _fetch_first(self, query: Query, whole: bool) -> set[str]:
        """Country codes whose events the SQL should fetch first, then order.

        A page of a common country is best found by probing events in date order
        (a few probes give a hundred rows); a rare one would make that walk cross
        the whole table. Reading every match without search words, fetching the
        country's events first is always cheaper.
        """
        filters = [f for f in query.filters if f.name == "country" and not f.negated and f.values]
        if whole and not any(not clause.negated for clause in query.terms):
            return {code for f in filters for code in f.values}
        rare: set[str] = set()
        for flt in filters:
            codes = tuple(sorted(flt.values))
            if codes not in self._country_sizes:
                self._country_sizes[codes] = self.store.execute(*country_size_sql(codes))[0][0]
            if self._country_sizes[codes] < RARE_SHARE * self._event_estimate():
                rare.update(codes)
        return rare

    def _event_estimate(self) -> int:
        if self._events is None:
            self._events = self.store.execute(EVENTS_ESTIMATE_SQL)[0][0] or 0
        return self._events

    def planned(self, text: str) -> tuple[Query, CompiledQuery]:
        """`understand`, tuned for a page with what the searcher knows of the result size."""
        query, compiled = self.understand(text)
        if compiled.fts is None and not _has_country_filter(query):
            compiled = self._size_aware(compiled, self.count(text))
        return query, compiled

    def _size_aware(
        self, compiled: CompiledQuery, total: int, share: float = FEW_SHARE
    ) -> CompiledQuery:
        """Mark a query without search words that matches under `share` of the events
        (see CompiledQuery.few). A page's query with a country filter is left as it is
        (`planned`): the country has its own way (`_fetch_first`), and fetching first
        would read every event of a common one."""
        if compiled.fts is None and total < share * self._event_estimate():
            return replace(compiled, few=True)
        return compiled

    def search(
        self,
        text: str,
        limit: int | None = 100,
        after: tuple | None = None,
        details: bool = False,
        highlight: bool = False,
    ) -> Results:
        """The first `limit` matches (all when None) after the keyset cursor `after`.

        Args:
            text: The query as typed.
            limit: Most events to return; None for all.
            after: Cursor from a previous page's Results.
            details: Load every event's sources (for JSON export and the detail view).
            highlight: Mark matched terms (FTS5 highlight/snippet); it costs per row,
                so only callers that show the marks ask for it.
        """
        query, compiled = self.planned(text)
        total = self.count(text)
        rows: list[tuple] = []
        cursor = after
        while limit is None or len(rows) < limit:
            want = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - len(rows))
            sql, params = page_sql(compiled, cursor, want)
            page = self.store.execute(sql, params)
            rows.extend(page)
            cursor = tuple(page[-1]) if page else cursor
            if len(page) < want:
                cursor = None
                break
        ids = [r[0] for r in rows]
        events = (
            [e for i in ids if (e := self.store.event(i)) is not None]
            if details
            else self.store.events_by_ids(ids)
        )
        return Results(
            text=text,
            description=describe(query),
            hints=query.hints,
            events=events,
            total=total,
            cursor=cursor,
            highlights=self.highlights(compiled, ids) if highlight else {},
        )

    def first_ids(self, text: str, limit: int) -> tuple[list[int], Query]:
        """The first `limit` matching ids in result order: what a screen shows first,
        before `ids` has walked every match."""
        query, compiled = self.planned(text)
        sql, params = page_sql(compiled, None, limit)
        return [r[0] for r in self.store.execute(sql, params)], query

    def ids(self, text: str) -> tuple[list[int], Query]:
        """Every matching event id, in result order (ids only: cheap even for large results)."""
        query, compiled = self.understand(text, whole=True)
        if compiled.fts is None:  # every match is read: fetching first pays far sooner
            compiled = self._size_aware(compiled, self.count(text), RARE_SHARE)
        return [r[0] for r in self.store.execute(*ids_sql(compiled))], query

    def count(self, text: str) -> int:
        """How many events match `text` (cached)."""
        if text not in self._counts:
            query, compiled = self.understand(text, whole=True)
            if _shows_all(query):
                sql, params = kept_count_sql(hide_citations=True), {}
            else:
                sql, params = count_sql(compiled)
            self._counts[text] = self.store.execute(sql, params)[0][0]
        return self._counts[text]

    def histogram(self, text: str) -> YearCounts:
        """Matches per year, precision-aware (of every event: from the counts the store keeps)."""
        query, compiled = self.understand(text, whole=True)
        return year_counts(self.store, compiled, _shows_all(query))

    def highlights(
        self, compiled: CompiledQuery, ids: list[int]
    ) -> dict[int, tuple[list[tuple[str, bool]], list[tuple[str, bool]]]]:
        """Highlighted headline and snippet runs for the given result ids."""
        out = {}
        for start in range(0, len(ids), 500):
            built = highlights_sql(compiled, ids[start : start + 500])
            if built is None:
                return {}
            for event_id, headline, text, sources in self.store.execute(*built):
                snippet = split_highlights(text)
                if not any(hit for _, hit in snippet):
                    # the match is in another source's sentence (a merged event)
                    snippet = split_highlights(sources) if HIGHLIGHT_START in sources else snippet
                out[event_id] = (split_highlights(headline), snippet)
        return out

    def headline_highlights(self, text: str, ids: list[int]) -> dict[int, list[tuple[str, bool]]]:
        """Headline runs with the terms of `text` marked, for the given event ids.

        Only the headline is decorated: the snippets (the largest columns) are not needed
        for a timeline row.
        """
        _, compiled = self.understand(text)
        out: dict[int, list[tuple[str, bool]]] = {}
        for start in range(0, len(ids), 500):
            built = highlights_sql(compiled, ids[start : start + 500], HIGHLIGHT_COLUMNS[:1])
            if built is None:
                return {}
            out.update((i, split_highlights(h)) for i, h in self.store.execute(*built))
        return out

    def series(self, text: str, limit: int | None = None) -> SeriesResults:
        """The series (tables read over time) whose name, caption, label, unit or note
        match `text`, best first; see `chronicle.search.series` for the filters."""
        query = parse_query(text)
        sql, params = series_sql(query, limit)
        ids = [r[0] for r in self.store.execute(sql, params)]
        hints = query.hints + ignored_filters(query)
        applied = replace(query, filters=applicable_filters(query))
        order = "best match first" if query.has_text else "by document"
        description = describe(applied, "series", order)
        return SeriesResults(text, description, hints, self.store.series(ids))

    def explain_sql(self, text: str) -> str:
        """The compiled first-page SQL and its parameters, for `--sql`."""
        _, compiled = self.planned(text)
        sql, params = page_sql(compiled, None, 100)
        return f"{sql}\n-- params: {params}"
