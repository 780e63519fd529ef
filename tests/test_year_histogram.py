"""Results per year, by what their dates say: counted on real stores built from our documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.search.engine import Searcher
from chronicle.search.histogram import YearCounts, from_groups, per_year, year_counts
from chronicle.store import Store
from chronicle.store.year_spans import check_year_spans

BRIEF = """\
# Pakistan–Japan Relations: A Chronology of Engagement

Islamabad Policy Institute — Issue Brief

Published 12 March 2020

In 2016, Pakistan and Japan marked the resumption of their bilateral investment \
dialogue in Tokyo.

From November 2018 to February 2019, a joint working group on energy cooperation \
held consultations in Islamabad and Karachi.

In the early 2010s, Japanese development assistance to Pakistan shifted towards \
power transmission projects.

On 4 January 2018, Foreign Minister Taro Kono met Foreign Minister Khawaja Asif in \
Islamabad.

On 19 September 2019, the two sides signed an exchange of notes on a grant for \
flood forecasting in Lahore.
"""

NOTE = """\
Energy cooperation note

The Ministry of Energy recently concluded a review of the Japanese grant for \
transmission lines in Sindh.
"""


@pytest.fixture
def brief_store(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "brief.md").write_text(BRIEF, encoding="utf-8")
    (folder / "note.txt").write_text(NOTE, encoding="utf-8")
    with Store(tmp_path / "brief.db") as store:
        report = ingest_paths(store, [folder])
        assert not report.failed
        yield store


def counts(store: Store, text: str, kept: bool = False) -> YearCounts:
    _, compiled = Searcher(store).understand(text, whole=True)
    return year_counts(store, compiled, kept)


def test_a_range_counts_in_both_years_and_a_year_once_approximate_and_undated_apart(brief_store):
    found = counts(brief_store, "")
    assert found == YearCounts(
        spans=((2016, 2016, 1), (2018, 2018, 1), (2018, 2019, 1), (2019, 2019, 1)),
        approximate=1,
        undated=1,
    )
    assert found.years == [(2016, 1), (2018, 2), (2019, 2)]
    assert (found.first, found.last) == (2016, 2019)


def test_every_event_read_from_the_kept_counts_is_the_same(brief_store):
    assert counts(brief_store, "", kept=True) == counts(brief_store, "")
    assert brief_store.execute(
        "SELECT kind, first_year, last_year, n FROM count_year_spans ORDER BY 1, 2, 3"
    ) == [
        ("approximate", "2010", "2012", 1),
        ("dated", "2016", "2016", 1),
        ("dated", "2018", "2018", 1),
        ("dated", "2018", "2019", 1),
        ("dated", "2019", "2019", 1),
        ("undated", "", "", 1),
    ]


def test_a_filtered_query_counts_only_its_matches(brief_store):
    assert counts(brief_store, "in:2019") == YearCounts(((2018, 2019, 1), (2019, 2019, 1)), 0, 0)
    assert counts(brief_store, "consultations").years == [(2018, 1), (2019, 1)]
    assert counts(brief_store, "transmission") == YearCounts((), approximate=1, undated=1)
    assert counts(brief_store, "typhoon") == YearCounts()


def test_the_kept_counts_follow_removal_and_ingest_again(brief_store, tmp_path: Path):
    brief_store.remove_document(str(tmp_path / "docs" / "note.txt"))
    assert counts(brief_store, "", kept=True).undated == 0
    ingest_paths(brief_store, [fixtures_dir()])
    assert check_year_spans(brief_store._conn) == []
    assert counts(brief_store, "", kept=True) == counts(brief_store, "")
    brief_store.remove_document(str(tmp_path / "docs" / "brief.md"))
    assert check_year_spans(brief_store._conn) == []


def test_the_fixture_chronicle_counted_two_ways_and_by_brute_force(fixture_db: Path, tmp_path):
    shutil.copy(fixture_db, tmp_path / "f.db")
    with Store(tmp_path / "f.db") as store:
        searcher = Searcher(store)
        assert counts(store, "", kept=True) == counts(store, "")
        for text in ("", "kono", "country:pk type:visit", "-country:jp", "in:2018"):
            ids, _ = searcher.ids(text)
            events = store.events_by_ids(ids)
            expected: dict[int, int] = {}
            for event in events:
                if event.date_start and event.precision != "approximate":
                    end = event.date_end or event.date_start
                    for year in range(int(event.date_start[:4]), int(end[:4]) + 1):
                        expected[year] = expected.get(year, 0) + 1
            found = counts(store, text)
            assert found.years == sorted(expected.items()), text
            assert found.approximate == sum(e.precision == "approximate" for e in events)
            assert found.undated == sum(e.date_start is None for e in events)


def test_groups_become_years_counting_a_span_in_each_year():
    spans = [(2014, 2014, 2), (2018, 2019, 3), (2019, 2019, 1)]
    assert per_year(spans) == [(2014, 2), (2018, 3), (2019, 4)]
    rows = [
        ("dated", "2019", "2018", 2),
        ("approximate", "2010", "2012", 4),
        ("undated", None, None, 3),
    ]
    assert from_groups(rows) == YearCounts(((2019, 2019, 2),), 4, 3)
