"""The analyst's annotations stay with their happening as events are rebuilt around them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.search.engine import Searcher
from chronicle.store import Store, StoreError


def fixture_files() -> list[Path]:
    return sorted(p for p in fixtures_dir().glob("*.txt"))


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    """The bundled documents copied to a folder the test may change."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in fixture_files():
        shutil.copy(path, folder / path.name)
    return folder


def joined_event(store: Store) -> tuple[int, list[str]]:
    """An event told by two documents, with the paths of its sources (first source first)."""
    for (event_id,) in store.execute("SELECT id FROM events WHERE source_count > 1 ORDER BY key"):
        event = store.event(event_id)
        paths = list(dict.fromkeys(s.document for s in event.sources))
        if len(paths) == 2:
            return event_id, paths
    raise AssertionError("the fixtures hold no event told by two documents")


def event_with_key(store: Store, key: str) -> int:
    [(event_id,)] = store.execute("SELECT id FROM events WHERE key = ?", [key])
    return event_id


def test_an_annotation_is_kept_through_removal_and_re_ingest_in_another_order(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "a.db") as store:
        ingest_paths(store, [copies])
        event_id, _ = joined_event(store)
        key = store.event(event_id).key
        store.annotate(event_id, starred=True, tags=["visit", "summit"], note="line one\nline two")
        for path in sorted(copies.iterdir()):
            store.remove_document(str(path))
        assert store.counts()["events"] == 0
        [lost] = store.unattached_annotations()
        assert lost.note == "line one\nline two" and lost.event_id is None
        for path in sorted(copies.iterdir(), reverse=True):
            ingest_paths(store, [path])
        back = store.event(event_with_key(store, key))
        assert back.annotation is not None
        assert back.annotation.starred and back.annotation.tags == ("summit", "visit")
        assert back.annotation.note == "line one\nline two"
        assert store.unattached_annotations() == []
        assert store.check() == []


def test_an_annotation_follows_its_event_when_another_report_joins_and_the_first_leaves(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "whole.db") as whole:
        ingest_paths(whole, [copies])
        _, (first, second) = joined_event(whole)
    with Store(tmp_path / "grow.db") as store:
        ingest_paths(store, [first])
        for (event_id,) in store.execute("SELECT id FROM events ORDER BY id"):
            store.annotate(event_id, note=f"event {event_id}")
        ingest_paths(store, [second])
        events = [store.event(i) for (i,) in store.execute("SELECT id FROM events")]
        joined = [e for e in events if len({s.document for s in e.sources}) == 2]
        assert joined, "the second document joined none of the first's events"
        for event in joined:
            assert event.annotation is not None and event.annotation.note.startswith("event ")
        store.remove_document(first)
        for event in joined:
            still = store.event_holding([s.key for s in event.sources if s.document == second])
            assert still is not None
            assert store.event(still).annotation.note == event.annotation.note
        assert store.check() == []


def test_two_annotated_events_that_merge_show_both_and_combine_when_edited(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "whole.db") as whole:
        ingest_paths(whole, [copies])
        event_id, (first, second) = joined_event(whole)
        sources = whole.event(event_id).sources
    with Store(tmp_path / "one.db") as store:
        ingest_paths(store, [first])
        mine = store.event_holding([s.key for s in sources if s.document == first])
        store.annotate(mine, tags=["mine"], note="mine")
        theirs = {
            "starred": True,
            "tags": ["theirs"],
            "note": "theirs",
            "anchors": [s.key for s in sources if s.document == second],
        }
        assert store.import_annotations([theirs]) == (0, 1)
        assert len(store.unattached_annotations()) == 1
        ingest_paths(store, [second])
        merged = store.event(store.event_holding([sources[0].key]))
        assert merged.annotation.starred
        assert merged.annotation.tags == ("mine", "theirs")
        assert merged.annotation.note == "mine\n\ntheirs"
        store.annotate(merged.id, starred=False)
        assert len(store.all_annotations()) == 1
        again = store.event(merged.id).annotation
        assert not again.starred and again.tags == ("mine", "theirs")


def test_a_corrected_date_moves_the_event_and_survives_a_merge_that_rewrites_it(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "whole.db") as whole:
        ingest_paths(whole, [copies])
        event_id, (first, second) = joined_event(whole)
        sources = whole.event(event_id).sources
        machine_start = whole.event(event_id).date_start
    with Store(tmp_path / "fix.db") as store:
        ingest_paths(store, [first])
        target = store.event_holding([s.key for s in sources if s.document == first])
        store.annotate(
            target,
            correction={
                "date_start": "1999-12-31",
                "date_end": "1999-12-31",
                "precision": "day",
                "headline": "The analyst's headline",
            },
        )
        assert store.execute("SELECT date_start FROM events WHERE id = ?", [target]) == [
            ("1999-12-31",)
        ]
        ingest_paths(store, [second])
        now = store.event(store.event_holding([sources[0].key]))
        assert now.source_count == 2
        assert (now.date_start, now.precision, now.headline) == (
            "1999-12-31",
            "day",
            "The analyst's headline",
        )
        # The machine's value beside the correction is what the documents now give.
        assert now.annotation.machine["date_start"] == machine_start
        assert store.check() == []
        store.annotate(now.id, correction={})
        restored = store.event(now.id)
        assert restored.date_start == machine_start
        assert restored.annotation is None
        assert store.check() == []


def test_an_annotation_left_empty_is_deleted_and_a_vanished_event_is_a_store_error(
    app_store: Store,
) -> None:
    [(event_id,)] = app_store.execute("SELECT id FROM events ORDER BY id LIMIT 1")
    assert app_store.annotate(event_id, starred=True).starred
    assert app_store.annotate(event_id, starred=False) is None
    assert app_store.all_annotations() == []
    with pytest.raises(StoreError, match="no longer"):
        app_store.annotate(10**9, starred=True)


def test_tags_are_counted_for_completion(app_store: Store) -> None:
    ids = [r[0] for r in app_store.execute("SELECT id FROM events ORDER BY id LIMIT 3")]
    app_store.annotate(ids[0], tags=["visit", "trade"])
    app_store.annotate(ids[1], tags=["visit"])
    app_store.annotate(ids[2], tags=[" ", "visit "])
    assert app_store.tags() == [("visit", 3), ("trade", 1)]


def test_saved_searches_are_kept_by_name(app_store: Store) -> None:
    app_store.save_search("Pakistan visits", "country:pk type:visit")
    app_store.save_search("all", "")
    app_store.save_search("Pakistan visits", "country:pk type:visit after:2010")
    assert app_store.saved_searches() == [
        ("all", ""),
        ("Pakistan visits", "country:pk type:visit after:2010"),
    ]
    assert app_store.delete_search("all")
    assert not app_store.delete_search("all")


def test_a_tag_is_found_whatever_its_case_and_accents(app_store: Store) -> None:
    from chronicle.search.engine import Searcher

    [(event_id,)] = app_store.execute(
        "SELECT id FROM events WHERE type != 'citation' ORDER BY id LIMIT 1"
    )
    app_store.annotate(event_id, tags=["Élan"])
    for spelling in ("tag:Élan", "tag:elan", "tag:ELAN", 'tag:"élan"'):
        assert Searcher(app_store).ids(spelling)[0] == [event_id], spelling
    assert event_id not in Searcher(app_store).ids("-tag:elan")[0]


def test_an_edited_document_keeps_the_annotations_of_its_sentences(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "edit.db") as store:
        ingest_paths(store, [copies])
        event_id, _ = joined_event(store)
        store.annotate(event_id, starred=True, note="kept")
        for (single,) in store.execute("SELECT id FROM events WHERE source_count = 1 LIMIT 1"):
            store.annotate(single, tags=["solo"])
        for path in (Path(p) for p in {s.document for s in store.event(event_id).sources}):
            path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        for path in sorted(copies.iterdir()):
            path.write_text(path.read_text(encoding="utf-8") + "\nAgain.\n", encoding="utf-8")
        ingest_paths(store, [copies])
        assert store.unattached_annotations() == []
        starred = [a for a in store.all_annotations() if a.starred]
        assert [a.note for a in starred] == ["kept"]
        assert store.event(starred[0].event_id).source_count == 2
        assert [a.tags for a in store.all_annotations() if a.tags] == [("solo",)]
        assert store.check() == []


def test_two_corrections_that_come_to_one_event_keep_the_documents_date_beside(
    tmp_path: Path, copies: Path
) -> None:
    with Store(tmp_path / "two.db") as store:
        ingest_paths(store, [copies])
        first, second = (
            r[0]
            for r in store.execute(
                "SELECT id FROM events WHERE type != 'citation' AND precision = 'day' "
                "ORDER BY date_start LIMIT 2"
            )
        )
        documents_dates = {store.event(first).date_start, store.event(second).date_start}
        store.annotate(first, correction={"date_start": "2001-01-01", "date_end": "2001-01-01"})
        store.annotate(second, correction={"date_start": "2002-02-02", "date_end": "2002-02-02"})
        joined = store.join_events(first, second)
        shown = store.event(joined)
        for (path,) in store.execute("SELECT path FROM documents ORDER BY path LIMIT 1"):
            Path(path).write_text(Path(path).read_text(encoding="utf-8") + "\nMore.\n")
        ingest_paths(store, [copies])
        again = store.event(store.event_holding([shown.key]))
        assert again.date_start == shown.date_start
        assert again.date_start in ("2001-01-01", "2002-02-02")
        assert again.annotation.machine["date_start"] in documents_dates
        in_year = Searcher(store).ids(f"in:{again.date_start[:4]}")[0]
        assert again.id in in_year
        assert store.check() == []


@pytest.mark.parametrize(
    "record",
    [
        {"correction": {"date_start": 5}},
        {"correction": {"date_start": "2019-02-30"}},
        {"correction": {"date_start": "2019-03-02", "date_end": "2019-03-01"}},
        {"correction": {"actors": 7}},
        {"correction": {"countries": ["fr"]}},
        {"correction": {"countries": ["Atlantis"]}},
        {"correction": {"type": ["x"]}},
        {"correction": {"precision": "week"}},
        {"correction": {"colour": "red"}},
        {"correction": [1]},
        {"tags": 5},
        {"anchors": "abc"},
        "not an object",
    ],
)
def test_an_import_with_a_bad_record_imports_nothing_and_says_which(
    app_store: Store, record: object
) -> None:
    [(key,)] = app_store.execute("SELECT key FROM events ORDER BY id LIMIT 1")
    good = {"starred": True, "anchors": [key]}
    bad = {"note": "x", "anchors": [key], **record} if isinstance(record, dict) else record
    with pytest.raises(StoreError, match="nothing imported: annotation 2: "):
        app_store.import_annotations([good, bad])
    assert app_store.all_annotations() == []
    assert Searcher(app_store).search("").total > 0
    assert app_store.check() == []


def test_an_unattached_import_made_twice_is_kept_once_and_keeps_its_own_anchors(
    app_store: Store,
) -> None:
    gone = {"note": "from a colleague", "anchors": ["0000000000000000:000001"]}
    assert app_store.import_annotations([gone]) == (0, 1)
    assert app_store.import_annotations([gone]) == (0, 1)
    assert len(app_store.unattached_annotations()) == 1
    [(event_id, key)] = app_store.execute("SELECT id, key FROM events ORDER BY id LIMIT 1")
    app_store.annotate(event_id, note="mine")
    theirs = {"note": "theirs", "anchors": [key, "ffffffffffffffff:000009"]}
    assert app_store.import_annotations([theirs]) == (1, 0)
    now = app_store.annotation(event_id)
    assert now.note == "mine\n\ntheirs"
    assert "ffffffffffffffff:000009" in now.anchors
