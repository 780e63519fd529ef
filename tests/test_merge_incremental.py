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
from chronicle.store.writer import event_row, load_mentions, publishers_of

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


_ROW = (
    "key, date_start, date_end, precision, type, actors, countries, organisations, "
    "source_count, conflict, best_key, votes, latest_start, earliest_end"
)


def _rows_are_their_members(store: Store, where: str = "1") -> int:
    """Check every stored event row against the row its mentions give at once.

    Events a report joined are updated from stored totals, not rewritten from their
    mentions; the row must be the same either way. Returns how many were checked.
    """
    members: dict[int, list[str]] = {}
    for event_id, key in store.execute(
        f"SELECT m.event_id, m.key FROM mentions m JOIN events e ON e.id = m.event_id WHERE {where}"
    ):
        members.setdefault(event_id, []).append(key)
    for event_id, keys in members.items():
        mentions = load_mentions(store.db, sorted(keys))
        state = merge.state_of(mentions, publishers_of(store.db, (m.document for m in mentions)))
        [stored] = store.execute(f"SELECT {_ROW} FROM events WHERE id = ?", [event_id])
        assert dict(zip(_ROW.split(", "), stored, strict=True)) == event_row(state), event_id
    names = [
        row
        for row in store.execute("SELECT event_id, actor_key, name FROM event_actors ORDER BY 1, 2")
        if row[0] in members
    ]
    expected = sorted(
        (event_id, key, name)
        for event_id, keys in members.items()
        for key, name in merge.state_of(load_mentions(store.db, keys)).names.items()
    )
    assert names == expected
    return len(members)


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
        assert _rows_are_their_members(store) > 100
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
        _rows_are_their_members(store)


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
        _rows_are_their_members(store)
        for path in files[::5]:
            assert store.remove_document(str(path.resolve()))
        assert _stored_events(store) == _global_events(store)


def test_events_stored_before_their_totals_were_kept_are_totalled_once(tmp_path):
    """A store from before migration 009 has events without totals (best_key NULL):
    a report joining one of them totals its mentions, and the row comes out right."""
    files = _files()
    random.Random(3).shuffle(files)
    with Store(tmp_path / "old.db") as store:
        _ingest(store, files[: len(files) // 2])
        store.db.execute(
            "UPDATE events SET best_key = NULL, votes = '{}', latest_start = NULL, "
            "earliest_end = NULL"
        )
        _ingest(store, files[len(files) // 2 :])
        assert _stored_events(store) == _global_events(store)
        touched = store.execute("SELECT count(*) FROM events WHERE best_key IS NOT NULL")[0][0]
        assert touched > 0
        rows = store.execute(
            "SELECT id FROM events WHERE best_key IS NOT NULL AND source_count > 1"
        )
        assert rows


def test_a_newcomer_attached_to_a_report_is_not_joined_as_free(tmp_path):
    """A document giving two countries' elections "in 1969", one of which a stored report
    dates to the day: that one attaches to the report, the other stays free. Free is what
    the merge decided, not the store's fit column (written at the end of the write), so
    the free one must not join the attached one through their shared document."""
    report = tmp_path / "report.txt"
    report.write_text(
        "Election observers\n\nMarch 2, 1970\n\n"
        "General elections were held in Cambodia on Saturday, August 23, 1969.\n",
        encoding="utf-8",
    )
    history = tmp_path / "history.txt"
    history.write_text(
        "A short history\n\nJune 1, 2007\n\n"
        "General elections were held in Cambodia in 1969.\n\n"
        "General elections were held in United Kingdom in 1969.\n",
        encoding="utf-8",
    )
    for order in ([report, history], [history, report]):
        with Store(tmp_path / f"{order[0].stem}.db") as store:
            _ingest(store, order)
            stored = _stored_events(store)
            assert stored == _global_events(store)
            assert len(stored) == 2, order
