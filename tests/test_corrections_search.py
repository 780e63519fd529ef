"""A corrected headline, people and countries are what search, the filters, the facets
and the counts see; undoing a correction gives back the machine's values exactly; and
rebuilds of events (a joining report, a removal, re-ingest, a join) keep both so.

Every step is checked against answers computed in Python from the events as the store
shows them (their annotations' corrections on top), and with `Store.check()`.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.search.facets import facet_counts
from chronicle.store import Store

HEADLINE = "Zanzibar clove accord signed"
"""The analyst's headline: its words are in no bundled document."""

CORRECTION = {"headline": HEADLINE, "countries": ["FR", "JP"], "actors": ["Jane Quorum"]}


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    """The bundled documents copied to a folder the test may change."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(fixtures_dir().glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def _all_events(store: Store) -> list[Event]:
    return [store.event(i) for (i,) in store.execute("SELECT id FROM events ORDER BY id")]


def _machine_rows(store: Store, event_id: int) -> tuple:
    """Everything the store keeps of an event that a correction changes."""
    return (
        store.execute(
            "SELECT key, date_start, date_end, precision, type, actors, countries "
            "FROM events WHERE id = ?",
            [event_id],
        ),
        store.execute("SELECT code FROM event_countries WHERE event_id = ? ORDER BY 1", [event_id]),
        store.execute(
            "SELECT actor_key, name FROM event_actors WHERE event_id = ? ORDER BY 1", [event_id]
        ),
        store.execute("SELECT code, n FROM count_countries ORDER BY 1"),
        store.execute("SELECT year, type, n FROM count_years_types ORDER BY 1, 2"),
    )


def _agrees(store: Store) -> None:
    """The filters, counts and facets find exactly what the shown events hold."""
    assert store.check() == []
    events = _all_events(store)
    visible = [e for e in events if e.type != "citation"]
    searcher = Searcher(store)
    for code in sorted({c for e in events for c in e.countries}):
        expected = {e.id for e in visible if code in e.countries}
        assert set(searcher.ids(f"country:{code.lower()}")[0]) == expected, code
        assert searcher.count(f"country:{code.lower()}") == len(expected), code
    shown = Counter(c for e in events for c in e.countries)
    assert dict(store.stats()["country"]) == dict(shown)
    for event in visible:
        if event.annotation and "headline" in event.annotation.correction:
            assert event.id in searcher.ids(event.headline.split()[0])[0]
        for name in event.actors:
            word = name.split()[-1].strip(".,'’")
            if word.isalpha():
                assert event.id in searcher.ids(f"actor:{word}")[0], name


def _pick(store: Store) -> Event:
    """A visible event with countries, people and a source sentence of its own words."""
    for event in _all_events(store):
        if event.type != "citation" and event.actors and len(event.countries) > 1:
            return event
    raise AssertionError("the fixtures hold no event naming people and two countries")


def test_a_corrected_event_is_found_by_the_analysts_values_and_undoing_restores_the_machines(
    app_store: Store,
) -> None:
    event = _pick(app_store)
    dropped = next(c for c in event.countries if c not in CORRECTION["countries"])
    person = event.actors[0].split()[-1]
    said = next(w for w in event.text.split() if len(w) > 6 and w.isalpha())
    queries = ["country:fr", f"country:{dropped.lower()}", f"actor:{person}", said, "zanzibar"]
    before = {q: Searcher(app_store).ids(q)[0] for q in queries}
    rows = _machine_rows(app_store, event.id)
    assert before["zanzibar"] == [] and event.id not in before["country:fr"]

    app_store.annotate(event.id, correction=CORRECTION)
    searcher = Searcher(app_store)
    assert searcher.ids("zanzibar")[0] == [event.id]
    assert searcher.ids('"clove accord"')[0] == [event.id]
    assert event.id in searcher.ids(said)[0], "the sources' sentences are still searched"
    assert event.id in searcher.ids("country:fr")[0]
    assert event.id not in searcher.ids(f"country:{dropped.lower()}")[0]
    assert searcher.ids("actor:quorum")[0] == [event.id]
    assert event.id not in searcher.ids(f"actor:{person}")[0]
    _, compiled = searcher.understand("zanzibar", whole=True)
    facets = facet_counts(app_store, compiled, shows_all=False)
    assert {v.value: v.count for v in facets["country"].values} == {"FR": 1, "JP": 1}
    shown = app_store.event(event.id)
    assert (shown.headline, shown.countries, shown.actors) == (
        HEADLINE,
        ("FR", "JP"),
        ("Jane Quorum",),
    )
    assert shown.annotation.machine == {
        "headline": event.headline,
        "countries": list(event.countries),
        "actors": list(event.actors),
    }
    _agrees(app_store)

    app_store.annotate(event.id, correction={})
    assert _machine_rows(app_store, event.id) == rows
    assert {q: Searcher(app_store).ids(q)[0] for q in queries} == before
    assert app_store.check() == []


def test_a_correction_changed_field_by_field_keeps_the_machines_values_once(
    app_store: Store,
) -> None:
    event = _pick(app_store)
    rows = _machine_rows(app_store, event.id)
    app_store.annotate(event.id, correction={"countries": ["FR"]})
    app_store.annotate(event.id, correction={"countries": ["DE"], "type": "meeting"})
    assert app_store.event(event.id).annotation.machine["countries"] == list(event.countries)
    assert Searcher(app_store).ids("country:de is:corrected")[0] == [event.id]
    assert Searcher(app_store).ids("country:fr")[0] == []
    _agrees(app_store)
    app_store.annotate(event.id, correction={"type": "meeting"})
    assert app_store.event(event.id).countries == event.countries
    app_store.annotate(event.id, correction={})
    assert _machine_rows(app_store, event.id) == rows
    assert app_store.check() == []


def _joined(store: Store) -> tuple[Event, list[str]]:
    """An event told by two documents, with the paths of its sources."""
    for event in _all_events(store):
        paths = list(dict.fromkeys(s.document for s in event.sources))
        if len(paths) == 2 and event.type != "citation":
            return event, paths
    raise AssertionError("the fixtures hold no event told by two documents")


def test_a_correction_follows_its_event_when_a_report_joins_it_and_one_leaves(
    tmp_path: Path, copies: Path, fixture_store: Store
) -> None:
    reference, paths = _joined(fixture_store)
    reference_rows = _machine_rows(fixture_store, reference.id)
    first, second = (str(copies / Path(p).name) for p in paths)
    reference = replace(
        reference,
        sources=tuple(
            replace(s, document=str(copies / Path(s.document).name)) for s in reference.sources
        ),
    )
    with Store(tmp_path / "grow.db") as store:
        ingest_paths(store, [first])
        target = store.event_holding([s.key for s in reference.sources if s.document == first])
        store.annotate(target, correction={**CORRECTION, "type": "meeting"})
        ingest_paths(store, [copies])  # the second joins it, the rest come around it
        now = store.event(store.event_holding([s.key for s in reference.sources]))
        assert now.source_count == 2
        assert (now.headline, now.countries, now.type) == (HEADLINE, ("FR", "JP"), "meeting")
        # The machine's values beside it are what both documents now give.
        assert now.annotation.machine["countries"] == list(reference.countries)
        assert now.annotation.machine["type"] == reference.type
        assert Searcher(store).ids("zanzibar")[0] == [now.id]
        _agrees(store)
        store.annotate(now.id, correction={})
        assert _machine_rows(store, now.id)[:3] == reference_rows[:3]
        store.annotate(now.id, correction=CORRECTION)
        store.remove_document(first)
        left = store.event_holding([s.key for s in reference.sources if s.document == second])
        assert store.event(left).headline == HEADLINE
        assert Searcher(store).ids("zanzibar")[0] == [left]
        _agrees(store)


def test_corrections_come_back_after_re_ingest_in_another_order(app_store: Store) -> None:
    store = app_store
    paths = [Path(p) for (p,) in store.execute("SELECT path FROM documents ORDER BY path")]
    event, _ = _joined(store)
    other = next(e for e in _all_events(store) if e.type != "citation" and e.key != event.key)
    store.annotate(event.id, correction=CORRECTION)
    store.annotate(other.id, correction={"actors": ["Amal Ortiz"], "countries": []})
    shown = {e.key: (e.headline, e.countries, e.actors) for e in _all_events(store)}
    for path in paths:
        store.remove_document(str(path))
        assert store.check() == []
    assert store.counts()["events"] == 0 and len(store.unattached_annotations()) == 2
    for path in reversed(paths):
        ingest_paths(store, [path])
        assert store.check() == []
    _agrees(store)
    assert {e.key: (e.headline, e.countries, e.actors) for e in _all_events(store)} == shown
    assert Searcher(store).ids("actor:ortiz")[0] == [store.event_holding([other.sources[0].key])]


def test_two_corrected_events_joined_show_one_correction_and_undoing_the_join_both(
    app_store: Store,
) -> None:
    first, second = [e for e in _all_events(app_store) if e.type != "citation" and e.date_start][:2]
    app_store.annotate(first.id, correction={"countries": ["FR"], "headline": "Alpha talks"})
    app_store.annotate(second.id, correction={"countries": ["DE"], "actors": ["Bo Pell"]})
    joined = app_store.join_events(first.id, second.id)
    shown = app_store.event(joined)
    assert shown.countries == ("DE",) and shown.actors == ("Bo Pell",)
    assert Searcher(app_store).ids("alpha")[0] == [joined]
    assert Searcher(app_store).ids("country:fr")[0] == []
    _agrees(app_store)
    [decision] = app_store.decisions()
    app_store.undo_decision(decision.id)
    apart = {app_store.event_holding([first.key]), app_store.event_holding([second.key])}
    assert len(apart) == 2
    assert set(Searcher(app_store).ids("country:fr,de")[0]) == apart
    _agrees(app_store)


def test_re_applying_costs_the_corrected_events_a_document_joins_not_every_correction(
    tmp_path: Path, copies: Path, fixture_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronicle.store import annotating, documents

    applied: list[int] = []

    def counted(db: object) -> int:
        applied.append(annotating.reapply_corrections(db))
        return applied[-1]

    monkeypatch.setattr(documents, "reapply_corrections", counted)
    first = str(copies / Path(_joined(fixture_store)[1][0]).name)
    with Store(tmp_path / "few.db") as store:
        ingest_paths(store, [first])
        keys = {}
        for event in _all_events(store):
            store.annotate(event.id, correction={"headline": f"Event {event.id} by hand"})
            keys[event.key] = event.source_count
        applied.clear()
        for path in sorted(p for p in copies.iterdir() if str(p) != first):
            ingest_paths(store, [path])
        grown = [
            e
            for e in _all_events(store)
            if e.annotation and e.source_count > keys.get(e.key, e.source_count)
        ]
        assert 0 < sum(applied) == len(grown) < len(keys)
        assert all(e.headline.startswith("Event ") for e in grown)
        assert store.execute("SELECT count(*) FROM corrections_pending") == [(0,)]
        _agrees(store)


def test_a_source_split_off_a_corrected_event_leaves_the_correction_where_it_was(
    app_store: Store,
) -> None:
    event, paths = _joined(app_store)
    app_store.annotate(event.id, correction=CORRECTION)
    leaving = next(s.key for s in event.sources if s.document == paths[1] and s.key != event.key)
    split_off = app_store.split_source(event.id, leaving)
    kept = app_store.event_holding([event.key])
    assert split_off != kept
    assert app_store.event(kept).headline == HEADLINE
    alone = app_store.event(split_off)
    assert alone.annotation is None and alone.headline != HEADLINE and "FR" not in alone.countries
    assert Searcher(app_store).ids("zanzibar")[0] == [kept]
    _agrees(app_store)
    [decision] = app_store.decisions()
    app_store.undo_decision(decision.id)
    again = app_store.event_holding([event.key, leaving])
    assert app_store.event(again).source_count == event.source_count
    assert Searcher(app_store).ids("zanzibar")[0] == [again]
    _agrees(app_store)


def test_an_edited_or_moved_file_keeps_the_correction_of_its_sentences(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "edit.db") as store:
        ingest_paths(store, [copies])
        event, paths = _joined(store)
        store.annotate(event.id, correction=CORRECTION)
        first = Path(paths[0])
        first.write_text(first.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        ingest_paths(store, [first])
        unchanged = [s.key for s in event.sources if s.document == paths[1]]
        assert Searcher(store).ids("zanzibar")[0] == [store.event_holding(unchanged)]
        _agrees(store)
        moved = first.with_name("moved.txt")
        first.rename(moved)
        assert store.move_document(str(first), str(moved))
        [found] = Searcher(store).ids("zanzibar")[0]
        assert store.event(found).countries == ("FR", "JP")
        _agrees(store)
