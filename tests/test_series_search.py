"""A query that matches a series' name, caption, label, unit or note finds it; source: and
the date filters narrow series as they narrow events."""

from __future__ import annotations

import pytest

from chronicle.search.engine import Searcher

EXPORTS, IMPORTS, TOTAL, FDI = (
    "Pakistan's Trade with Japan: Exports",
    "Pakistan's Trade with Japan: Imports",
    "Pakistan's Trade with Japan: Total",
    "Japan's FDI in Pakistan during 2012-2017",
)


@pytest.fixture
def searcher(fixture_store) -> Searcher:
    return Searcher(fixture_store)


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", [EXPORTS, IMPORTS, TOTAL, FDI]),
        ("fdi", [FDI]),
        ("exports", [EXPORTS]),  # the column's label
        ("export*", [EXPORTS]),
        ('"trade with japan"', [EXPORTS, IMPORTS, TOTAL]),
        ("japan -fdi", [EXPORTS, IMPORTS, TOTAL]),
        ("imports OR exports", [EXPORTS, IMPORTS]),
        ("million", [FDI]),  # the unit
        ('"board of investment"', [FDI]),  # the note under the table
        ("source:issi", [EXPORTS, IMPORTS, TOTAL, FDI]),
        ("source:mofa", []),
        ("trade -source:issi", []),
        ("in:2014", [EXPORTS, IMPORTS, TOTAL, FDI]),
        ("in:2017-03", [FDI]),  # Pakistan's fiscal 2016-17 runs to June 2017
        ("after:2016-06", [FDI]),
        ("before:2013", [EXPORTS, IMPORTS, TOTAL]),  # 2012 is over; 2012-13 is not
        ("kazakhstan", []),
    ],
)
def test_queries_find_series(searcher, query, names):
    assert [s.series.name for s in searcher.series(query).series] == names


def test_filters_that_say_nothing_about_a_table_are_ignored_with_a_hint(searcher):
    found = searcher.series("investment country:pk type:visit")
    assert [s.series.name for s in found.series] == [FDI]
    assert found.hints == (
        "country: does not apply to series; ignored",
        "type: does not apply to series; ignored",
    )
    assert found.description == 'series matching "investment", best match first'


def test_the_description_speaks_of_series(searcher):
    assert searcher.series("").description == "all series, by document"
    assert searcher.series("in:2014").description == "series during 2014, by document"


def test_limit(searcher):
    assert [s.series.name for s in searcher.series("", limit=2).series] == [EXPORTS, IMPORTS]
