"""Search results on the fixtures equal a brute-force Python filter over every event."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.store import Store


@pytest.fixture(scope="module")
def every_event(fixture_db: Path) -> list[Event]:
    with Store(fixture_db) as store:
        ids = [r[0] for r in store.execute("SELECT id FROM events")]
        return [store.event(i) for i in ids]


def words_of(event: Event) -> set[str]:
    """Every lower-case word FTS indexes for an event (headline, text, people, places, sources)."""
    text = " ".join(
        [event.headline, event.text, " ".join(event.actors), " ".join(event.organisations)]
        + [s.text for s in event.sources]
    )
    return set(re.findall(r"\w+", text.lower()))


def by_date(events: list[Event]) -> list[int]:
    return [
        e.id for e in sorted(events, key=lambda e: (e.date_start is None, e.date_start or "", e.id))
    ]


def visible(e: Event) -> bool:
    return e.type != "citation"


Check = Callable[[Event], bool]
CASES: list[tuple[str, Check]] = [
    ("", visible),
    ("kono", lambda e: visible(e) and "kono" in words_of(e)),
    ("zardari tokyo", lambda e: visible(e) and {"zardari", "tokyo"} <= words_of(e)),
    ("kono OR kishida", lambda e: visible(e) and bool({"kono", "kishida"} & words_of(e))),
    ("kono -islamabad", lambda e: visible(e) and "kono" in words_of(e) and "islamabad" not in words_of(e)),
    ("country:kz", lambda e: visible(e) and "KZ" in e.countries),
    ("country:kazakhstan type:meeting", lambda e: visible(e) and "KZ" in e.countries and e.type == "meeting"),
    ("type:citation", lambda e: e.type == "citation"),
    ("type:visit after:2010", lambda e: e.type == "visit" and (e.date_start or "") > "2010-12-31"),
    ("before:2012", lambda e: visible(e) and e.date_start is not None and (e.date_end or e.date_start) < "2012-01-01"),
    ("in:2017", lambda e: visible(e) and e.date_start is not None and e.date_start <= "2017-12-31" and e.date_end >= "2017-01-01"),
    ("precision:range", lambda e: visible(e) and e.precision == "range"),
    ("sources:>1", lambda e: visible(e) and e.source_count > 1),
    ("actor:kono", lambda e: visible(e) and any("kono" in a.lower().split() for a in e.actors)),
    ("source:issi", lambda e: visible(e) and any("issi" in Path(s.document).name for s in e.sources)),
]  # fmt: skip


@pytest.mark.parametrize(("query", "check"), CASES, ids=[q or "(empty)" for q, _ in CASES])
def test_search_equals_brute_force(fixture_store, every_event, query, check):
    expected = by_date([e for e in every_event if check(e)])
    got, _ = Searcher(fixture_store).ids(query)
    assert got == expected
    assert got or query in ("kono -islamabad",), "a case that matches nothing proves little"


def test_sort_minus_date_is_the_reverse_of_date(fixture_store):
    searcher = Searcher(fixture_store)
    dated = {
        r[0] for r in fixture_store.execute("SELECT id FROM events WHERE date_start IS NOT NULL")
    }
    forward = [i for i in searcher.ids("")[0] if i in dated]
    backward = [i for i in searcher.ids("sort:-date")[0] if i in dated]
    assert backward == forward[::-1]


def test_sort_rank_puts_the_best_match_first(fixture_store):
    ids, _ = Searcher(fixture_store).ids("zardari sort:rank")
    best = fixture_store.event(ids[0])
    assert "Zardari" in best.headline


def test_snippets_highlight_the_matched_terms(fixture_store):
    results = Searcher(fixture_store).search("kono", limit=10, highlight=True)
    assert results.highlights
    for headline_runs, snippet_runs in results.highlights.values():
        matched = [t.lower() for t, hit in headline_runs + snippet_runs if hit]
        assert matched and all(m == "kono" for m in matched)


def test_a_match_in_another_source_gets_its_snippet(fixture_store):
    # "established" is only in the MOFA brief's sentence of the merged 1952 event
    results = Searcher(fixture_store).search("established in:1952", limit=10, highlight=True)
    [event] = results.events
    assert event.source_count == 2 and "established" not in event.text
    _headline, snippet_runs = results.highlights[event.id]
    assert [t.lower() for t, hit in snippet_runs if hit] == ["established"]


@pytest.mark.parametrize("query", ["", "country:pk", "type:citation", "kono", "in:2017"])
def test_histogram_counts_matches_per_year(fixture_store, query):
    """Each match counts in every year its dates cover; approximate and undated apart."""
    searcher = Searcher(fixture_store)
    years: Counter[int] = Counter()
    approximate = undated = 0
    for event in fixture_store.events_by_ids(searcher.ids(query)[0]):
        if event.date_start is None:
            undated += 1
        elif event.precision == "approximate":
            approximate += 1
        else:
            end = event.date_end or event.date_start  # ISO dates: the year is the first 4
            years.update(range(int(event.date_start[:4]), int(end[:4]) + 1))
    counts = searcher.histogram(query)
    assert counts.years == sorted(years.items())
    assert (counts.approximate, counts.undated) == (approximate, undated)


@pytest.mark.parametrize(
    "query", ["", "kono", "country:pk sort:-date", "zardari OR kono sort:rank"]
)
def test_all_ids_equal_the_keyset_pages_concatenated(fixture_store, query):
    from chronicle.search.compile import page_sql

    searcher = Searcher(fixture_store)
    _, compiled = searcher.understand(query)
    paged, cursor = [], None
    while True:
        rows = fixture_store.execute(*page_sql(compiled, cursor, 3))
        paged += [r[0] for r in rows]
        if len(rows) < 3:
            break
        cursor = tuple(rows[-1])
    assert searcher.ids(query)[0] == paged


TOKENS = st.sampled_from(
    ['kono', '"diplomatic relations"', "zard*", "OR", "AND", "NOT", "-", "*", ":", '"', "(", ")",
     "country:", "country:pk", "actor:", "type:visit", "after:2010", "before:", "in:2018-13",
     "sources:>1", "sort:rank", "sort:-date", "foo:bar", "'; DROP TABLE events; --", "\x00", "\x1b[31m"]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.text(max_size=60), st.lists(TOKENS, max_size=8).map(" ".join)))
def test_anything_typed_runs_through_the_store_without_error(fixture_store, text):
    searcher = Searcher(fixture_store)
    results = searcher.search(text, limit=5)
    assert len(results.events) <= 5 and results.total >= len(results.events)
    searcher.histogram(text)
