"""The search language's filters on the analyst's work (is:, has:, tag:) and the review
queue (review:), on real stores, against answers computed from the annotations."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.manual import is_manual, manual_event
from chronicle.model import Annotation, Event
from chronicle.search.compile import compile_query, count_sql, ids_sql, page_sql
from chronicle.search.engine import Searcher
from chronicle.search.facets import facet_counts
from chronicle.search.query import parse_query, with_stored_tags
from chronicle.store import Store
from tests.dialogue_documents import write_documents

MANUAL_DOCUMENT = "2017-05-01-mofa-japan-kazakhstan-foreign-ministers-meeting.txt"
"""A document the analyst store pretends was added by hand (path and format made
manual), so that several events, merged from other reports too, have a manual source."""


CORRECTED = {"countries": ["FR"], "actors": ["Jane Quorum"], "headline": "Zanzibar clove accord"}
"""A correction of people, countries and headline, to values no document gives."""


def _add_by_hand(store: Store) -> None:
    """Two events the analyst wrote (`A`), as the add-event form stores them."""
    for day, headline in [
        (date(1990, 5, 2), "Envoys met in Geneva, the embassy says"),
        (date(2018, 1, 4), "Kono and Asif met in Islamabad, by phone notes"),
    ]:
        doc, content_hash, mentions = manual_event(day, None, "day", headline, type="meeting")
        store.add_document(doc, content_hash, mentions)


def _visible(store: Store) -> list[Event]:
    """Every event a search without type: can show (not citations), by date."""
    ids = [r[0] for r in store.execute("SELECT id FROM events WHERE type != 'citation'")]
    events = [store.event(i) for i in ids]
    return sorted(events, key=lambda e: (e.date_start is None, e.date_start or "", e.id))


def _annotate(store: Store) -> None:
    """Stars, tags in several cases, notes and a correction on visible events, one
    citation starred, and one annotation whose documents are gone."""
    events = _visible(store)
    cited = store.execute("SELECT min(id) FROM events WHERE type = 'citation'")[0][0]
    store.annotate(events[0].id, starred=True, tags=["Trade", "big deal"])
    store.annotate(events[1].id, starred=True)
    store.annotate(events[2].id, tags=["trade"], note="ask the embassy")
    store.annotate(events[3].id, note=" \u3000\n ", tags=["later"])  # a blank note is no note
    store.annotate(events[4].id, tags=["urgent"], correction={"type": "meeting"})
    store.annotate(events[5].id, starred=True, note="see the annex", tags=["Élan"])
    store.annotate(events[6].id, tags=["trade"], correction=CORRECTED)
    store.annotate(events[-1].id, tags=["TRADE"], starred=False)
    busiest = [e for e in events if (e.date_start or "").startswith("2017")]
    store.annotate(busiest[1].id, starred=True, tags=["trade"])
    store.annotate(cited, starred=True)
    applied, kept = store.import_annotations(
        [{"starred": True, "tags": ["trade"], "note": "gone", "anchors": ["feed:000001"]}]
    )
    assert (applied, kept) == (0, 1)


@pytest.fixture(scope="module")
def analyst_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures, the three dialogue documents (one event whose sources disagree on
    the date) and the analyst's work on some events; one document made a hand-added one."""
    folder = tmp_path_factory.mktemp("analyst")
    path = folder / "chronicle.db"
    with Store(path) as store:
        report = ingest_paths(store, [fixtures_dir(), write_documents(folder / "dialogue")])
        assert not report.failed
        _add_by_hand(store)
        _annotate(store)
    with sqlite3.connect(path) as db:
        changed = db.execute(
            "UPDATE documents SET path = 'manual:' || name, format = 'manual' WHERE name = ?",
            [MANUAL_DOCUMENT],
        ).rowcount
    assert changed == 1
    return path


@pytest.fixture
def analyst(analyst_db: Path) -> Iterator[Store]:
    with Store(analyst_db) as store:
        yield store


def _by_event(store: Store) -> dict[int, list[Annotation]]:
    """The annotations of each event, from `Store.all_annotations` (unattached left out)."""
    found: dict[int, list[Annotation]] = {}
    for a in store.all_annotations():
        if a.event_id is not None:
            found.setdefault(a.event_id, []).append(a)
    return found


Check = Callable[[Event, list[Annotation]], bool]


def _starred(e: Event, a: list[Annotation | None]) -> bool:
    return any(x.starred for x in a if x is not None)


def _corrected(e: Event, a: list[Annotation]) -> bool:
    return any(x.correction for x in a)


def _noted(e: Event, a: list[Annotation]) -> bool:
    return any(x.note.strip() for x in a)


def _manual(e: Event, a: list[Annotation]) -> bool:
    return any(is_manual(s.document) for s in e.sources)


def _tagged(*names: str) -> Check:
    return lambda e, a: any(t.lower() in names for x in a for t in x.tags)


def _year(e: Event, first: str, last: str) -> bool:
    return e.date_start is not None and e.date_start <= last and (e.date_end or "") >= first


CASES: list[tuple[str, Check]] = [
    ("is:starred", _starred),
    ("-is:starred", lambda e, a: not _starred(e, a)),
    ("is:corrected", _corrected),
    ("is:manual", _manual),
    ("-is:manual", lambda e, a: not _manual(e, a)),
    ("is:starred,corrected", lambda e, a: _starred(e, a) or _corrected(e, a)),
    ("-is:starred,corrected", lambda e, a: not (_starred(e, a) or _corrected(e, a))),
    ("is:starred,manual", lambda e, a: _starred(e, a) or _manual(e, a)),
    ("NOT is:manual,starred", lambda e, a: not (_starred(e, a) or _manual(e, a))),
    ("has:note", _noted),
    ("-has:note", lambda e, a: not _noted(e, a)),
    ("has:tag", lambda e, a: any(x.tags for x in a)),
    ("tag:trade", _tagged("trade")),
    ("tag:TrAdE", _tagged("trade")),
    ('tag:"big deal"', _tagged("big deal")),
    ('tag:"BIG DEAL",urgent', _tagged("big deal", "urgent")),
    ("tag:Élan", _tagged("élan")),
    ("-tag:trade", lambda e, a: not _tagged("trade")(e, a)),
    ("tag:nothing", lambda e, a: False),
    ("-tag:nothing", lambda e, a: True),
    ("is:starred tag:trade", lambda e, a: _starred(e, a) and _tagged("trade")(e, a)),
    ("is:starred -tag:trade", lambda e, a: _starred(e, a) and not _tagged("trade")(e, a)),
    ("review:", lambda e, a: e.conflict),
    ("review:dates", lambda e, a: e.conflict),
    ("-review:dates", lambda e, a: not e.conflict),
    ("review: is:starred", lambda e, a: e.conflict and _starred(e, a)),
    ("country:fr", lambda e, a: "FR" in e.countries),
    ("-country:fr tag:trade", lambda e, a: "FR" not in e.countries and _tagged("trade")(e, a)),
    ("actor:quorum", lambda e, a: any("Quorum" in name for name in e.actors)),
    ("zanzibar is:corrected", lambda e, a: "Zanzibar" in e.headline and _corrected(e, a)),
]


def _with_words_and_year(store: Store) -> list[tuple[str, Check]]:
    """Combinations with search words and in:YEAR, picked from the annotated events so
    that each finds something. What the words alone find is the plain search's answer
    (tested on its own elsewhere); the filters must narrow exactly that."""
    visible = _visible(store)
    starred = {e.date_start[:4] for e in visible if e.date_start and _starred(e, [e.annotation])}
    # The starred year with the most events, so in:YEAR holds starred and unstarred ones.
    year = max(sorted(starred), key=lambda y: sum((e.date_start or "")[:4] == y for e in visible))
    span = (f"{year}-01-01", f"{year}-12-31")
    word = "japan"
    found = set(Searcher(store).ids(word)[0])
    kono = set(Searcher(store).ids("kono")[0])
    return [
        (f"is:starred in:{year}", lambda e, a: _starred(e, a) and _year(e, *span)),
        (f"-is:starred in:{year}", lambda e, a: not _starred(e, a) and _year(e, *span)),
        (f"{word} has:tag", lambda e, a: e.id in found and any(x.tags for x in a)),
        (f"{word} -is:starred", lambda e, a: e.id in found and not _starred(e, a)),
        ("-kono tag:trade", lambda e, a: e.id not in kono and _tagged("trade")(e, a)),
        (
            f"{word} is:starred,corrected in:{year}",
            lambda e, a: e.id in found and (_starred(e, a) or _corrected(e, a)) and _year(e, *span),
        ),
    ]


def _expected(store: Store, check: Check) -> list[int]:
    annotations = _by_event(store)
    return [e.id for e in _visible(store) if check(e, annotations.get(e.id, []))]


def test_the_store_holds_what_the_cases_need(analyst: Store) -> None:
    """Each kind of work is there, so no case passes for want of it."""
    for check in (_starred, _corrected, _noted, _manual, _tagged("trade")):
        assert _expected(analyst, check)
    for text, check in CASES[-4:]:  # the corrected people, countries and headline
        assert _expected(analyst, check), text
    by_hand = [e for e in _visible(analyst) if _manual(e, [])]
    assert len(by_hand) > 3 and any(len(e.sources) == 1 for e in by_hand)
    assert _expected(analyst, lambda e, a: e.conflict)
    assert analyst.unattached_annotations()
    blank = [a for a in analyst.all_annotations() if a.note and not a.note.strip()]
    assert blank, "the blank note was not kept"


@pytest.mark.parametrize(("text", "check"), CASES, ids=[c[0] for c in CASES])
def test_each_filter_finds_exactly_the_annotated_events(
    analyst: Store, text: str, check: Check
) -> None:
    searcher = Searcher(analyst)
    results = searcher.search(text, limit=None)
    assert [e.id for e in results.events] == _expected(analyst, check)
    assert results.total == len(results.events)
    assert results.hints == ()


def test_combined_with_words_and_years(analyst: Store) -> None:
    searcher = Searcher(analyst)
    for text, check in _with_words_and_year(analyst):
        expected = _expected(analyst, check)
        assert expected, text
        results = searcher.search(text, limit=None)
        assert [e.id for e in results.events] == expected, text
        assert results.total == len(expected), text


@pytest.mark.parametrize("text", [c[0] for c in CASES] + ["japan is:starred"])
def test_counts_ids_histogram_and_facets_agree_with_the_list(analyst: Store, text: str) -> None:
    searcher = Searcher(analyst)
    listed = [e.id for e in searcher.search(text, limit=None).events]
    assert searcher.count(text) == len(listed)
    assert searcher.ids(text)[0] == listed
    assert searcher.first_ids(text, 3)[0] == listed[:3]
    years = searcher.histogram(text)
    assert sum(n for _, _, n in years.spans) + years.approximate + years.undated == len(listed)
    _, compiled = searcher.understand(text, whole=True)
    facets = facet_counts(analyst, compiled, shows_all=False)
    assert facets.total == len(listed)
    assert sum(v.count for v in facets["type"].values) == len(listed)


def test_newest_first_pages_the_same_events(analyst: Store) -> None:
    searcher = Searcher(analyst)
    oldest = [e.id for e in searcher.search("-is:starred", limit=None).events]
    newest = searcher.search("-is:starred sort:-date", limit=None).events
    assert sorted(e.id for e in newest) == sorted(oldest)
    first = searcher.search("-is:starred", limit=5)
    second = searcher.search("-is:starred", limit=5, after=first.cursor)
    assert [e.id for e in first.events + second.events] == oldest[:10]


def test_a_starred_citation_shows_only_when_citations_are_asked_for(analyst: Store) -> None:
    cited = [
        e.id
        for e in map(analyst.event, [r[0] for r in analyst.execute("SELECT id FROM events")])
        if e.type == "citation" and e.annotation and e.annotation.starred
    ]
    assert cited
    searcher = Searcher(analyst)
    assert not set(cited) & {e.id for e in searcher.search("is:starred", limit=None).events}
    assert [e.id for e in searcher.search("is:starred type:citation", limit=None).events] == cited


def test_a_store_with_no_annotations(fixture_store: Store) -> None:
    assert fixture_store.all_annotations() == []
    searcher = Searcher(fixture_store)
    every = searcher.count("")
    assert every > 0
    for text in ("is:starred", "is:corrected", "is:manual", "has:note", "tag:trade", "has:tag"):
        assert searcher.search(text, limit=None).events == []
        assert searcher.count(text) == 0
        assert searcher.count("-" + text) == every
    assert searcher.count("review:") == 0
    assert searcher.count("-review:") == every


def test_a_corrected_date_moves_the_event_in_date_filters(app_store: Store) -> None:
    event = next(e for e in _visible(app_store) if e.date_start and e.date_start[:4] != "1999")
    year = event.date_start[:4]
    searcher = Searcher(app_store)
    assert event.id in searcher.ids(f"in:{year}")[0]
    assert event.id not in searcher.ids("in:1999")[0]
    app_store.annotate(
        event.id,
        correction={"date_start": "1999-03-04", "date_end": "1999-03-04", "precision": "day"},
    )
    searcher = Searcher(app_store)  # counts are cached per searcher
    assert event.id not in searcher.ids(f"in:{year}")[0]
    assert searcher.ids("is:corrected in:1999")[0] == [event.id]
    assert event.id in searcher.ids("after:1998 before:2000")[0]
    assert event.id in searcher.ids("year:1999")[0]
    assert event.id not in searcher.ids("after:1999")[0]
    assert searcher.count("is:corrected in:1999") == 1
    app_store.annotate(event.id, correction={})
    searcher = Searcher(app_store)
    assert event.id in searcher.ids(f"in:{year}")[0]
    assert searcher.count("is:corrected") == 0


def test_unknown_values_are_hints(analyst: Store) -> None:
    searcher = Searcher(analyst)
    results = searcher.search("is:sleepy", limit=None)
    assert results.hints == ('is: "sleepy" is not known — try starred, corrected, manual',)
    assert results.total == searcher.count("")


def test_the_cli_searches_the_same(analyst_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(analyst_db, copy)
    result = CliRunner().invoke(cli, ["--db", str(copy), "search", "is:starred", "--json"])
    assert result.exit_code == 0, result.output
    with Store(copy) as store:
        expected = _expected(store, _starred)
    assert [e["id"] for e in json.loads(result.stdout)] == expected


@pytest.mark.parametrize(
    "text", ["is:starred", "tag:trade in:2018", "japan is:starred", "has:note"]
)
def test_the_few_annotated_events_are_looked_up_not_searched_for(analyst: Store, text: str) -> None:
    """No plan walks every event (or every match of the words) to find the annotated
    ones: the events table is only searched by id or sort key."""
    searcher = Searcher(analyst)
    _, compiled = searcher.planned(text)
    _, whole = searcher.understand(text, whole=True)
    for sql, params in (page_sql(compiled, None, 100), ids_sql(whole), count_sql(whole)):
        plan = [row[3] for row in analyst.execute("EXPLAIN QUERY PLAN " + sql, params)]
        scans = [step.split()[1] for step in plan if step.startswith("SCAN ")]
        assert "e" not in scans and "events" not in scans, plan
        if compiled.fts is not None:
            # FTS5's plan names its constraints after "INDEX n:"; "=" is a rowid lookup.
            [fts] = [step for step in plan if step.startswith("SCAN events_fts")]
            assert "=" in fts.rsplit(":", 1)[1], plan


async def test_the_browser_searches_the_same(app_store: Store) -> None:
    from chronicle.tui import Timeline, make_app
    from tests.pilot import settle

    events = _visible(app_store)
    for event in events[2:5]:
        app_store.annotate(event.id, starred=True, tags=["Later"])
    app = make_app(app_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for text, check in [
            ("is:starred", _starred),
            ("-tag:later", lambda e, a: not _tagged("later")(e, a)),
        ]:
            await pilot.press("slash", *text, "enter")
            await settle(pilot)
            assert list(app.screen.query_one(Timeline).ids) == _expected(app_store, check), text


def test_stored_tags_find_a_tag_whatever_its_case_or_accents(analyst: Store) -> None:
    """What the searcher can do with `with_stored_tags`: SQLite alone ignores case for
    A-Z only, so ``tag:elan`` does not find "Élan" without it."""
    stored = [tag for tag, _ in analyst.tags()]
    elan = sorted(
        event_id
        for event_id, annotations in _by_event(analyst).items()
        if any(t.casefold() == "élan" for a in annotations for t in a.tags)
    )
    assert elan
    for typed in ("élan", "ÉLAN", "Élan", "elan"):
        query = with_stored_tags(parse_query(f"tag:{typed}"), stored)
        found = analyst.execute(*ids_sql(compile_query(query)))
        assert sorted(r[0] for r in found) == elan, typed
    assert analyst.execute(*ids_sql(compile_query(parse_query("tag:elan")))) == []
