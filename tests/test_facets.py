"""Facet counts against the events themselves, and the filters each value adds.

Every count is checked against a count made here event by event (`Searcher.ids`, then
each event's own rows), and every value's filter is searched: it finds exactly the
count shown. The documents below are ours, in the genres the chronicle reads.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.search import facets as facets_module
from chronicle.search.engine import Searcher
from chronicle.search.facets import FACETS, LIMIT, Facets, facet_counts
from chronicle.search.query import Filter, describe, parse_query
from chronicle.store import Store

QUERIES = ["", "kono", "country:kz", "japan after:2016", "type:citation", "-country:pk"]

SURNAME_ONLY = """\
Islamabad, 2 March 2019 (APP): Foreign Minister Kono arrived in Islamabad on 1 March 2019 \
for a two-day visit, the first by a Japanese foreign minister since 2011.

On 2 March 2019, Kono met Prime Minister Imran Khan and discussed trade, investment and \
the situation in Afghanistan.
"""

FULL_NAME = """\
Tokyo, 5 January 2018 (Dawn): Foreign Minister Taro Kono met Foreign Minister Khawaja \
Muhammad Asif in Tokyo on 4 January 2018 and agreed to launch a new strategic dialogue.

On 4 January 2018, the two ministers signed a memorandum on technical intern training.
"""
"""Published by Dawn in a file whose name holds "tdi": source:tdi would find it."""


def _facets(searcher: Searcher, text: str, **kwargs: object) -> Facets:
    query, compiled = searcher.understand(text, whole=True)
    return facet_counts(searcher.store, compiled, not query.terms and not query.filters, **kwargs)


def _one_by_one(store: Store, ids: list[int]) -> dict[str, Counter[str]]:
    """Each facet counted event by event, from each event's own rows."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for event in store.events_by_ids(ids):
        counts["type"][event.type] += 1
        if event.date_start:
            counts["year"][event.date_start[:4]] += 1
        counts["country"].update(set(event.countries))
        keys = store.execute("SELECT actor_key FROM event_actors WHERE event_id = ?", [event.id])
        counts["actor"].update({key for (key,) in keys})
        sources = store.execute(
            "SELECT coalesce(nullif(d.publisher, ''), d.name) FROM mentions m"
            " JOIN documents d ON d.id = m.document_id WHERE m.event_id = ?",
            [event.id],
        )
        counts["source"].update({source for (source,) in sources})
    return counts


@pytest.fixture
def ambiguous(tmp_path: Path) -> Store:
    """The fixtures, and a surname-only actor whose filter also finds the full name."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "2019-03-02-app-kono-islamabad.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    (folder / "2018-01-05-tdi-weekly-digest.txt").write_text(FULL_NAME, encoding="utf-8")
    store = Store(tmp_path / "chronicle.db")
    report = ingest_paths(store, [folder])
    assert not report.failed
    yield store
    store.close()


@pytest.mark.parametrize("text", QUERIES)
def test_counts_equal_the_events_counted_one_by_one(fixture_store: Store, text: str) -> None:
    searcher = Searcher(fixture_store)
    ids, _ = searcher.ids(text)
    expected = _one_by_one(fixture_store, ids)
    found = _facets(searcher, text)
    assert found.total == len(ids) == searcher.count(text)
    assert not found.estimated
    for name in FACETS:
        facet = found[name]
        largest = sorted(expected[name].items(), key=lambda kv: (-kv[1], kv[0]))[:LIMIT]
        assert [(v.value, v.count) for v in facet.values] == largest, name
        assert facet.distinct == len(expected[name]), name


@pytest.mark.parametrize("text", QUERIES)
def test_each_filter_finds_exactly_its_count(fixture_store: Store, text: str) -> None:
    searcher = Searcher(fixture_store)
    for facet in _facets(searcher, text).facets:
        for value in facet.values:
            parsed = parse_query(value.filter)
            assert not parsed.hints and not parsed.terms and len(parsed.filters) == 1
            assert searcher.count(f"{text} {value.filter}".strip()) == value.count, value


def test_the_fixtures_facets_of_every_event(fixture_store: Store) -> None:
    found = _facets(Searcher(fixture_store), "")
    assert [(v.label, v.count, v.filter) for v in found["country"].values] == [
        ("Japan", 31, "country:JP"),
        ("Pakistan", 27, "country:PK"),
        ("Kazakhstan", 4, "country:KZ"),
        ("Turkmenistan", 2, "country:TM"),
        ("India", 1, "country:IN"),
    ]
    assert found["type"].values[0].filter == "type:visit"
    assert found["type"].values[0].count == 8
    assert ("Taro Kono", 4, 'actor:"Taro Kono"') in [
        (v.label, v.count, v.filter) for v in found["actor"].values
    ]
    assert [(v.count, v.filter) for v in found["source"].values[:2]] == [
        (15, 'publisher:"Institute of Strategic Studies Islamabad"'),
        (6, "publisher:TDI"),
    ]
    assert (found["year"].values[0].filter, found["year"].values[0].count) == ("year:2017", 8)


def test_citations_are_counted_only_when_asked_for(fixture_store: Store) -> None:
    searcher = Searcher(fixture_store)
    every = _facets(searcher, "")
    cited = _facets(searcher, "type:citation")
    assert "citation" not in [v.value for v in every["type"].values]
    assert [(v.value, v.count) for v in cited["type"].values] == [("citation", 12)]
    # The kept table counts citations' countries too; the facet takes them away.
    kept = dict(fixture_store.execute("SELECT code, n FROM count_countries"))
    shown = {v.value: v.count for v in every["country"].values}
    assert shown["JP"] == searcher.count("country:jp") < kept["JP"]


def test_a_filter_that_finds_more_than_its_value_shows_what_it_finds(ambiguous: Store) -> None:
    searcher = Searcher(ambiguous)
    for text in ("", "kono"):
        actors = {v.label: v for v in _facets(searcher, text)["actor"].values}
        own = ambiguous.execute("SELECT count(*) FROM event_actors WHERE actor_key = 'kono'")
        assert own == [(2,)]
        # actor:Kono also finds "Taro Kono": the count is the filter's, three events.
        assert (actors["Kono"].count, actors["Kono"].filter) == (3, "actor:Kono")
        assert (actors["Taro Kono"].count, actors["Taro Kono"].filter) == (1, 'actor:"Taro Kono"')
        for value in actors.values():
            assert searcher.count(f"{text} {value.filter}".strip()) == value.count


def test_a_source_is_selected_by_its_publisher_exactly(ambiguous: Store) -> None:
    searcher = Searcher(ambiguous)
    sources = [(v.label, v.count, v.filter) for v in _facets(searcher, "")["source"].values]
    assert sources == [("APP", 3, "publisher:APP"), ("Dawn", 2, "publisher:Dawn")]
    # source: matches parts of file names too: the Dawn digest's file is named tdi-…
    assert searcher.count("source:tdi") == 2 and searcher.count("publisher:tdi") == 0


def test_a_sample_estimates_from_the_ids_it_takes(fixture_store: Store) -> None:
    searcher = Searcher(fixture_store)
    ids, _ = searcher.ids("japan")
    taken = [i for i in ids if i % 4 == 0]
    found = _facets(searcher, "japan", sample=4)
    assert found.estimated and found.total == 4 * len(taken)
    expected = _one_by_one(fixture_store, taken)
    assert {v.value: v.count for v in found["country"].values} == {
        code: 4 * n for code, n in expected["country"].items()
    }


def test_the_facets_of_every_event_follow_another_process_writing(
    fixture_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(fixture_db, copy)
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "2019-03-02-app-kono-islamabad.txt").write_text(SURNAME_ONLY, encoding="utf-8")
    with Store(copy) as reading, Store(copy) as writing:
        searcher = Searcher(reading)
        before = _facets(searcher, "")
        assert _facets(searcher, "") is before  # kept for the same database version
        ingest_paths(writing, [folder])
        fresh = Searcher(reading)
        after = _facets(fresh, "")
        assert after.total == fresh.count("") > before.total
        app = {v.value: v.count for v in after["source"].values}["APP"]
        assert app == fresh.count("publisher:APP") > 0
        assert "APP" not in {v.value for v in before["source"].values}


def test_every_event_is_counted_from_the_kept_tables_even_when_sampling_is_asked(
    fixture_store: Store,
) -> None:
    searcher = Searcher(fixture_store)
    assert _facets(searcher, "", sample=4) == _facets(searcher, "")


def test_counting_stops_when_cancelled(fixture_store: Store) -> None:
    found = _facets(Searcher(fixture_store), "kono", cancelled=lambda: True)
    assert [f.values for f in found.facets] == [()] * len(FACETS)


def test_sample_stride_is_a_power_of_two_over_the_events(
    fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = fixture_store.execute("SELECT max(id) FROM events")[0][0]
    assert facets_module.sample_stride(fixture_store) == 1
    monkeypatch.setattr(facets_module, "SAMPLE_EVENTS", 10)
    stride = facets_module.sample_stride(fixture_store)
    assert events / stride <= 10 < events / (stride // 2)


class TestYearFilter:
    def test_reads_a_year(self) -> None:
        query = parse_query("year:2018 kono")
        assert query.filters == (Filter("year", ("2018-01-01", "2018-12-31"), False, "2018"),)
        assert describe(query) == 'events matching "kono" starting in 2018, by date'

    def test_refuses_anything_but_a_year(self) -> None:
        assert parse_query("year:2018-05").hints == ('year: "2018-05" is not a year — use YYYY',)
        assert parse_query("-year:2018").hints == ("year: cannot be excluded; ignored it",)

    def test_finds_the_events_that_start_in_the_year(self, fixture_store: Store) -> None:
        searcher = Searcher(fixture_store)
        for text in ("year:2018", "year:2018 kono", "year:2018 sort:-date"):
            ids, _ = searcher.ids(text)
            base, _ = searcher.ids(text.replace("year:2018", "").strip())
            starting = [
                e.id
                for e in fixture_store.events_by_ids(base)
                if (e.date_start or "")[:4] == "2018"
            ]
            assert sorted(ids) == sorted(starting) and ids


class TestPublisherFilter:
    def test_reads_publishers_as_alternatives(self) -> None:
        query = parse_query('publisher:"Institute of Strategic Studies Islamabad",TDI')
        assert query.filters[0].values == ("Institute of Strategic Studies Islamabad", "TDI")
        assert describe(query).startswith('events from "Institute of Strategic Studies')

    def test_matches_whole_sources_in_any_case(self, fixture_store: Store) -> None:
        searcher = Searcher(fixture_store)
        assert searcher.count("publisher:tdi") == searcher.count("publisher:TDI") == 6
        assert searcher.count("publisher:TD") == 0
        assert searcher.count("-publisher:tdi") == searcher.count("") - 6
