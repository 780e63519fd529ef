"""The store's incremental merge gives exactly the events of the global rule.

`chronicle.store.merging` regroups only the neighbourhood of a change, found through
the blocking index; `chronicle.merge.cluster` groups every mention at once. On the
development corpus (45 documents of four genres) and the fixtures, ingested in
several orders with documents removed and added back, both must give the same
events, and the stored attachments of vague mentions must be the global ones.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.library import IngestReport, fixtures_dir, ingest_file
from chronicle.store import Store
from chronicle.store.writer import load_mentions

CORPUS = Path(__file__).parent.parent / "benchmarks" / "devcorpus"
MAKE_CORPUS = Path(__file__).parent.parent / "benchmarks" / "make_corpus.py"


def _files() -> list[Path]:
    found = [p for p in CORPUS.rglob("*") if p.suffix in {".txt", ".md", ".html"}]
    return sorted(found + sorted(fixtures_dir().glob("*.txt")))


def _stored_events(store: Store) -> list[tuple[str, ...]]:
    rows = store.execute("SELECT event_id, key FROM mentions ORDER BY key")
    events: dict[int, list[str]] = {}
    for event_id, key in rows:
        events.setdefault(event_id, []).append(key)
    return sorted(tuple(keys) for keys in events.values())


def _global_events(store: Store) -> list[tuple[str, ...]]:
    keys = [r[0] for r in store.execute("SELECT key FROM mentions")]
    mentions = load_mentions(store.db, keys)
    return sorted(tuple(m.key for m in g) for g in merge.cluster(mentions))


def _stored_fits(store: Store) -> dict[str, str | None]:
    precise = ",".join(f"'{p}'" for p in merge.PRECISE)
    rows = store.execute(
        f"SELECT key, fit_key FROM mentions WHERE date_start IS NOT NULL "
        f"AND precision NOT IN ({precise})"
    )
    return dict(rows)


def _ingest(store: Store, paths: list[Path]) -> None:
    report = IngestReport()
    for path in paths:
        ingest_file(store, path, report)
    assert not [f for f in report.failed if f[0] not in report.duplicates]


@pytest.mark.parametrize("seed", [1, 2])
def test_any_order_with_removals_gives_the_events_of_the_global_rule(tmp_path, seed):
    files = _files()
    assert len(files) > 40
    order = files[:]
    random.Random(seed).shuffle(order)
    with Store(tmp_path / "c.db") as store:
        _ingest(store, order)
        assert _stored_events(store) == _global_events(store)
        keys = [r[0] for r in store.execute("SELECT key FROM mentions")]
        assert _stored_fits(store) == {
            k: v for k, v in merge.attachments(load_mentions(store.db, keys)).items()
        }
        gone = order[::7]
        for path in gone:
            assert store.remove_document(str(path.resolve()))
        assert _stored_events(store) == _global_events(store)
        _ingest(store, gone[::-1])
        assert _stored_events(store) == _global_events(store)


def test_a_generated_corpus_with_retold_happenings_merges_as_the_global_rule(tmp_path):
    """make_corpus plants happenings told by several documents at different precisions,
    which exercises every lookup of the blocking index across documents."""
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "--docs", "160", "--out", str(corpus), "--seed", "3"],
        check=True,
        capture_output=True,
    )
    files = sorted((corpus / "docs").glob("*/*.txt"))
    random.Random(5).shuffle(files)
    with Store(tmp_path / "g.db") as store:
        _ingest(store, files)
        stored = _stored_events(store)
        assert stored == _global_events(store)
        assert len(stored) < store.execute("SELECT count(*) FROM mentions")[0][0]
        for path in files[::5]:
            assert store.remove_document(str(path.resolve()))
        assert _stored_events(store) == _global_events(store)
