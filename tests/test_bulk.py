"""A batch (one transaction, a savepoint per document: what `chronicle ingest` writes
many files with) builds the same events as storing documents one at a time."""

from __future__ import annotations

import sys
from pathlib import Path

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.store import Store

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
        "SELECT e.key, e.date_start, e.date_end, e.precision, e.type, t.headline, t.text, "
        "e.actors, e.countries, e.organisations, t.sources_text, t.publishers, e.source_count, "
        "e.conflict, p.key FROM events e JOIN event_text t ON t.event_id = e.id "
        "LEFT JOIN events p ON p.id = e.part_of"
    )
    mentions = store.execute(
        "SELECT m.key, e.key FROM mentions m JOIN events e ON e.id = m.event_id"
    )
    facets = store.execute(
        "SELECT e.key, c.code FROM event_countries c JOIN events e ON e.id = c.event_id"
    ) + store.execute(
        "SELECT e.key, a.actor_key FROM event_actors a JOIN events e ON e.id = a.event_id"
    )
    keys = dict(store.execute("SELECT id, key FROM events"))
    links = [(keys[i], keys[j]) for i in keys for j in store.event(i).related]
    return sorted(rows, key=repr), sorted(mentions), sorted(facets), sorted(links)


def compare(tmp_path: Path, files: list[Path]) -> None:
    with Store(tmp_path / "one.db") as one:
        ingest_paths(one, files)
        expected = signature(one)
    with Store(tmp_path / "batch.db") as batched:
        parsed = parse(files)
        with batched.batch():
            for doc, doc_hash, mentions in parsed[::-1]:
                batched.add_document(doc, doc_hash, mentions)
        got = signature(batched)
        assert batched.counts()["events"] == len(expected[0])
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
