"""Issue acceptance: every event the five bundled documents state, with date, type and people."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.store import Store


@pytest.fixture(scope="module")
def events(fixture_db: Path) -> list[Event]:
    with Store(fixture_db) as store:
        searcher = Searcher(store)
        ids = searcher.ids("")[0] + searcher.ids("type:citation")[0]
        return [e for i in ids if (e := store.event(i)) is not None]


def matching(events, start, end, words):
    return [
        e
        for e in events
        if e.date_start == start
        and e.date_end == end
        and all(w.lower() in " ".join(s.text for s in e.sources).lower() for w in words)
    ]


# (first day, last day, precision, primary type or None, words in a source, people, countries)
EXPECTED = [
    ("2018-01-04", "2018-01-04", "day", "meeting", ["Kono", "Asif"], ["Taro Kono", "Khawaja Muhammad Asif"], ["JP", "PK"]),
    ("2018-01-03", "2018-01-04", "range", "visit", ["Kono", "Islamabad"], ["Taro Kono"], ["JP", "PK"]),
    ("2022-07-26", "2022-07-26", "day", "meeting", ["Bilawal Bhutto", "Wada Mitsuhiro"], ["Bilawal Bhutto", "Wada Mitsuhiro"], ["PK", "JP"]),
    ("1952-04-28", "1952-04-28", "day", "anniversary", ["diplomatic relations"], [], ["PK", "JP"]),
    ("1947-01-01", "1947-12-31", "year", None, ["creation of Pakistan"], [], ["PK"]),
    ("2011-02-21", "2011-02-23", "range", None, ["Zardari", "Joint Statement"], ["Asif Ali Zardari"], ["PK", "JP"]),
    ("2022-01-01", "2022-12-31", "year", "anniversary", ["70th anniversary"], [], ["PK", "JP"]),
    ("2019-10-20", "2019-10-24", "range", "visit", ["Arif Alvi", "Tokyo"], ["Arif Alvi"], ["PK", "JP"]),
    ("2019-04-01", "2019-04-30", "month", "visit", ["Qureshi"], ["Shah Mahmood Qureshi"], ["PK", "JP"]),
    # "in 2020 and 2021": consecutive years read as one period
    ("2020-01-01", "2021-12-31", "range", None, ["Covid-19"], [], ["PK", "JP"]),
    ("2017-05-01", "2017-05-01", "day", "meeting", ["Kishida", "Abdrakhmanov"], ["Fumio Kishida", "Kairat Abdrakhmanov"], ["JP", "KZ"]),
    ("2017-01-01", "2017-12-31", "year", "anniversary", ["25th anniversary"], [], ["JP", "KZ"]),
    ("2016-11-01", "2016-11-30", "month", "visit", ["Nazarbayev"], ["Nazarbayev"], ["JP", "KZ"]),
    ("2017-01-01", "2017-12-31", "year", None, ["Expo Astana"], [], ["KZ"]),
    ("2009-10-12", "2009-10-12", "day", "visit", ["Okada"], ["Katsuya Okada"], ["JP", "PK"]),
    ("2012-05-24", "2012-05-26", "range", "visit", ["Hina Rabbani Khar"], ["Hina Rabbani Khar"], ["PK", "JP"]),
    ("2005-01-01", "2005-12-31", "year", "visit", ["Koizumi"], ["Junichiro Koizumi"], ["JP", "PK"]),
    ("2017-12-19", "2017-12-19", "day", "dialogue", ["Consultations"], [], ["JP", "PK"]),
    ("2016-11-11", "2016-11-11", "day", "agreement", ["nuclear deal"], [], ["JP", "IN"]),
    ("2017-01-01", "2017-12-31", "year", "anniversary", ["65th anniversary"], [], ["PK", "JP"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "precision", "type_", "words", "people", "countries"),
    EXPECTED,
    ids=[f"{e[0]}-{e[4][0]}" for e in EXPECTED],
)
def test_the_fixtures_state_this_event(
    events, start, end, precision, type_, words, people, countries
):
    found = matching(events, start, end, words)
    assert len(found) == 1, [e.headline for e in found]
    event = found[0]
    assert event.precision == precision
    if type_:
        assert event.type == type_
    assert set(people) <= set(event.actors), event.actors
    assert set(countries) <= set(event.countries), event.countries


def test_the_2005_and_2011_visits_are_two_events_each_with_its_own_visitor(events):
    [koizumi] = matching(events, "2005-01-01", "2005-12-31", ["Koizumi"])
    assert "Asif Ali Zardari" not in koizumi.actors
    assert koizumi.headline == "Junichiro Koizumi visits Islamabad"


@pytest.mark.parametrize(
    "day", ["2017-12-30", "2018-01-05", "2017-12-22", "2018-12-04", "2017-09-14", "2017-11-22"]
)
def test_footnote_dates_are_citations_not_events(events, day):
    cited = [e for e in events if e.date_start == day]
    assert cited and all(e.type == "citation" for e in cited)


def test_no_event_from_may_the_verb_phone_numbers_or_table_figures(events):
    texts = [s.date_text for e in events for s in e.sources]
    assert not any(t.lower() == "may" for t in texts)
    assert not any(t.startswith(("+92", "920", "4423", "4658")) for t in texts)
    assert not any(
        s.text.startswith(("2012 |", "2013 |", "Year |")) for e in events for s in e.sources
    )


def test_the_undated_brief_leaves_relative_dates_unresolved(events):
    undated = [e for e in events if e.date_start is None]
    assert undated and all(e.precision == "unresolved" for e in undated)
    assert all(
        s.document.endswith("undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt")
        for e in undated
        for s in e.sources
    )


def test_times_are_kept_as_detail_not_as_events(events):
    assert not any("11:38" in s.date_text for e in events for s in e.sources)
