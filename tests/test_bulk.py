"""bulk_load builds the same events as ingesting documents one by one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.store import Store, StoreError
from chronicle.store.bulk import bulk_load

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def parse(paths: list[Path]) -> list:
    out = []
    for path in paths:
        doc = load_document(path)
        doc_hash = content_hash(doc.text)
        out.append((doc, doc_hash, extract_mentions(doc, doc_hash)))
    return out


def signature(store: Store) -> tuple:
    """Everything about the events that does not depend on row ids."""
    rows = store.execute(
        "SELECT e.key, e.date_start, e.date_end, e.precision, e.type, e.headline, e.text, "
        "e.actors, e.countries, e.organisations, e.sources_text, e.publishers, e.source_count, "
        "e.conflict, p.key FROM events e LEFT JOIN events p ON p.id = e.part_of"
    )
    mentions = store.execute(
        "SELECT m.key, e.key FROM mentions m JOIN events e ON e.id = m.event_id"
    )
    facets = store.execute(
        "SELECT e.key, c.code FROM event_countries c JOIN events e ON e.id = c.event_id"
    ) + store.execute(
        "SELECT e.key, a.actor_key FROM event_actors a JOIN events e ON e.id = a.event_id"
    )
    links = store.execute(
        "SELECT a.key, b.key FROM event_links l JOIN events a ON a.id = l.event_id "
        "JOIN events b ON b.id = l.other_id"
    )
    return sorted(rows, key=repr), sorted(mentions), sorted(facets), sorted(links)


def compare(tmp_path: Path, files: list[Path]) -> None:
    with Store(tmp_path / "one.db") as one:
        ingest_paths(one, files)
        expected = signature(one)
    with Store(tmp_path / "bulk.db") as bulk:
        counts = bulk_load(bulk, parse(files))
        got = signature(bulk)
    assert counts["events"] == len(expected[0])
    assert got[0] == expected[0]
    assert got[1:] == expected[1:]


def test_fixtures_give_the_same_events_as_incremental_ingest(tmp_path):
    compare(tmp_path, sorted(fixtures_dir().glob("*.txt")))


def test_a_generated_corpus_gives_the_same_events(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    make_corpus.generate(25, tmp_path / "corpus", seed=3, quiet=True)
    files = sorted((tmp_path / "corpus" / "docs").rglob("*.txt"))
    compare(tmp_path, files)


def test_bulk_load_refuses_a_store_with_documents(tmp_path):
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [fixtures_dir()])
        with pytest.raises(StoreError):
            bulk_load(store, parse(sorted(fixtures_dir().glob("*.txt"))[:1]))


def test_window_zero_makes_every_mention_its_own_event(tmp_path):
    parsed = parse(sorted(fixtures_dir().glob("*.txt")))
    with Store(tmp_path / "c.db") as store:
        counts = bulk_load(store, parsed, window_days=0)
        assert counts["events"] == counts["mentions"] == sum(len(m) for _, _, m in parsed)
        per_event = store.execute("SELECT count(*) FROM mentions GROUP BY event_id")
        assert {n for (n,) in per_event} == {1}
