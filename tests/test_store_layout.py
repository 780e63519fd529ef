"""Migration 017 on stores written at the schema before it: documents keep their ids,
rows, index and triggers with the text as the row's last column; large documents
stored sliced get inline texts; events get back a best mention and their totals; and
a rebuilding migration that would break a reference is refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.search.engine import Searcher
from chronicle.store import Store, StoreError, connection, writer
from tests.test_store_integrity import copy_into_version

DOCUMENT_COLUMNS = (
    "id, path, name, content_hash, title, publisher, author, doc_date, doc_date_text, "
    "doc_date_source, encoding, extractor, format, url, ingested_at, text"
)
ISSI = "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"


@contextmanager
def schema_before_017(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Stores opened in the block are migrated only as far as the schema before 017."""
    older = tuple(m for m in connection.migrations() if m[0] < 17)
    with monkeypatch.context() as patch:
        patch.setattr(connection, "migrations", lambda: older)
        yield


def store_before_017(path: Path, paths: list[Path], inline_above: int | None = None) -> None:
    """A store at the schema before 017 holding what ingesting `paths` gives.

    The writer knows only the latest merge blocks (024), so the documents are ingested
    at the latest schema and copied into the older one (`copy_indexed`).
    `inline_above`: the size above which the writer keeps a mention's texts inline
    (before v14 it never did).
    """
    latest = path.with_name(f"latest-{path.name}")
    with pytest.MonkeyPatch.context() as patch:
        if inline_above is not None:
            patch.setattr(writer, "INLINE_ABOVE", inline_above)
        with Store(latest) as store:
            ingest_paths(store, paths)
    copy_indexed(latest, path, 16)


def copy_indexed(source: Path, target: Path, version: int) -> None:
    """`copy_into_version`, then the search indexes built from the copied rows (from 12)."""
    copy_into_version(source, target, version)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("UPDATE events SET indexed = 1")  # the copied mentions' triggers unmarked them
    for index in ("events_fts", "series_fts"):
        conn.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
    conn.close()


def everything(store: Store) -> list:
    """Every event as search finds it, with its sources as the detail pane shows them."""
    results = Searcher(store).search("", limit=1000)
    return [
        (
            e.key,
            e.type,
            e.headline,
            e.text,
            [(s.document, s.text, s.paragraph, s.url) for s in d.sources],
        )
        for e in results.events
        if (d := store.event(e.id)) is not None
    ]


def schema_of_documents(store: Store) -> list[tuple]:
    return store.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') ORDER BY rowid"
    )


def test_documents_are_rebuilt_with_their_text_last_and_nothing_else_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.db"
    store_before_017(path, [fixtures_dir()])
    with schema_before_017(monkeypatch), Store(path) as old:
        rows = old.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id")
        events = everything(old)
        triggers = schema_of_documents(old)
        kono = Searcher(old).search("kono").total
        counts = old.counts()
        assert [c[1] for c in old.execute("PRAGMA table_info(documents)")][-1] == "url"

    with Store(path) as new:
        columns = [c[1] for c in new.execute("PRAGMA table_info(documents)")]
        assert columns == DOCUMENT_COLUMNS.split(", ")
        assert new.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id") == rows
        assert schema_of_documents(new) == triggers
        assert [name for _, name, _ in triggers] == [
            "sqlite_autoindex_documents_1",
            "documents_by_path",
            "counts_documents_ai",
            "counts_documents_bd",
            "counts_documents_ad",
            "counts_documents_au",
            "documents_series_bd",
            "documents_fts_bu",
            "inline_documents_gone",
        ]
        assert everything(new) == events
        assert Searcher(new).search("kono").total == kono
        assert new.counts() == counts == {"documents": 5, "mentions": 46, "events": 43}
        assert new.execute("PRAGMA foreign_key_check") == []
        assert new.execute("PRAGMA foreign_keys") == [(1,)]
        assert new.execute("PRAGMA legacy_alter_table") == [(0,)]
        assert new.check() == []

        # The foreign keys and triggers act on the rebuilt table as on the old one.
        issi = str((fixtures_dir() / ISSI).resolve())
        issi_id = new.execute("SELECT id FROM documents WHERE path = ?", [issi])[0][0]
        assert new.execute("SELECT count(*) FROM series WHERE document_id = ?", [issi_id]) == [(4,)]
        assert new.remove_document(issi)
        assert new.execute("SELECT count(*) FROM mentions WHERE document_id = ?", [issi_id]) == [
            (0,)
        ]
        assert new.execute("SELECT count(*) FROM series WHERE document_id = ?", [issi_id]) == [(0,)]
        assert new.counts()["documents"] == 4
        assert new.check() == []


DATED = (
    "Foreign Minister Taro Kono met his Pakistani counterpart Khawaja Asif in Islamabad "
    "on {day} January 2018.",
    "Prime Minister Shinzo Abe received a delegation of the Pakistan-Japan Business Forum "
    "in Tokyo on {day} February 2018.",
    "The Embassy of Japan in Islamabad signed a grant of 1.2 billion yen for the polio "
    "programme on {day} March 2018.",
)
UNDATED = (
    "The two sides reviewed trade, energy and the training of Pakistani engineers in Japan.",
    "Officials of both countries will meet again in Tokyo; no date has been fixed.",
    "The talks covered visas for students and nurses, and the circular railway of Karachi.",
)


def running_record(folder: Path) -> Path:
    """A desk's running record of one quarter, just over 256K characters (v14's limit)."""
    entries = []
    while sum(len(e) for e in entries) <= writer.INLINE_ABOVE:
        n = len(entries)
        dated = DATED[n % 3].format(day=1 + (n // 3) % 4)
        entries.append("\n\n".join([dated, *UNDATED * 6]) + "\n\n")
    path = folder / "pakistan-japan-running-record-2018-q1.md"
    path.write_text("# Pakistan and Japan: the first quarter of 2018\n\n" + "".join(entries))
    return path


DATED_ENTRIES = 161
"""Entries of the running record, each one dated statement."""

POLIO_GRANTS = 4
"""The record's grant signings: one a day on the 1st to the 4th of March."""


def test_a_large_document_stored_before_v14_keeps_its_mentions_texts_inline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        f"length(text) > {writer.INLINE_ABOVE}"
        in dict((name, sql) for _, name, sql in connection.migrations())[
            "017_documents_text_last.sql"
        ]
    )
    record = running_record(tmp_path)
    path = tmp_path / "desk.db"
    # Before v14 the writer placed every document's mentions as offsets.
    store_before_017(path, [record, fixtures_dir()], inline_above=10**9)
    with schema_before_017(monkeypatch), Store(path) as old:
        events = everything(old)
        found = Searcher(old).search("polio").total
        assert found == POLIO_GRANTS
        assert old.execute("SELECT count(*) FROM inline_documents") == [(0,)]
        assert old.execute(
            "SELECT count(*), count(sentence_start), count(paragraph_start) FROM mentions"
        ) == [(DATED_ENTRIES + 46,) * 3]

    with Store(path) as new:
        record_id = new.execute("SELECT id FROM documents WHERE name = ?", [record.name])[0][0]
        assert new.execute("SELECT document_id FROM inline_documents") == [(record_id,)]
        held = new.execute(
            "SELECT count(*), count(sentence), count(sentence_start), count(paragraph), "
            "count(paragraph_start) FROM mentions WHERE document_id = ?",
            [record_id],
        )
        assert held == [(DATED_ENTRIES, DATED_ENTRIES, 0, DATED_ENTRIES, 0)]
        assert new.execute(
            "SELECT count(*) FROM mentions WHERE document_id != ? AND sentence_start IS NULL",
            [record_id],
        ) == [(0,)]
        assert everything(new) == events
        assert Searcher(new).search("polio").total == found
        assert new.execute("SELECT count(*) FROM events WHERE indexed = 0") == [(0,)]
        assert new.check() == []


def test_an_event_whose_best_mention_was_not_found_is_given_one_and_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.db"
    store_before_017(path, [fixtures_dir()])
    with schema_before_017(monkeypatch), Store(path) as old:
        [(event_id, best)] = old.execute(
            "SELECT id, best_key FROM events WHERE source_count > 1 ORDER BY id LIMIT 1"
        )
        # What migration 012 leaves when no member of a pre-v9 event matches its row:
        # no best mention, marked indexed, in neither the index nor the view.
        old.execute("UPDATE events SET best_key = NULL WHERE id = ?", [event_id])
        old.execute("UPDATE events SET indexed = 1 WHERE id = ?", [event_id])
        # (check() reads tables of later schemas, so it is not run on this one.)
        assert old.execute("SELECT * FROM event_text WHERE event_id = ?", [event_id]) == []

    # The store the old one was copied from, with the same ids, as the latest code reads it.
    with Store(path.with_name(f"latest-{path.name}")) as latest:
        detail = latest.event(event_id)
    with Store(path) as new:
        assert new.execute("SELECT best_key FROM events WHERE id = ?", [event_id]) == [(best,)]
        assert new.event(event_id) == detail
        hits = Searcher(new).search(detail.headline.split()[0], limit=1000).events
        assert event_id in {e.id for e in hits}
        assert new.check() == []


def test_events_stored_before_v9_get_the_totals_a_join_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.db"
    totals = "SELECT id, votes, latest_start, earliest_end FROM events ORDER BY id"
    store_before_017(path, [fixtures_dir()])
    with schema_before_017(monkeypatch), Store(path) as old:
        written = old.execute(totals)
        old.execute("UPDATE events SET votes = '{}', latest_start = NULL, earliest_end = NULL")
    assert ('{"agreement":2,"visit":3}', "2011-02-21", "2011-02-23") in {r[1:] for r in written}
    assert sum(r[1] != "{}" for r in written) == 34
    assert sum(r[2] is not None for r in written) == 42

    with Store(path) as new:
        assert new.execute(totals) == written
        assert new.check() == []


def test_a_rebuild_that_would_leave_a_reference_dangling_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.db"
    with Store(path) as store:
        ingest_paths(store, [fixtures_dir()])
        before = store.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id")
    broken = (
        99,
        "099_renumber.sql",
        "-- migrate: foreign keys off\nUPDATE documents SET id = id + 1000;",
    )
    shipped = connection.migrations()
    monkeypatch.setattr(connection, "migrations", lambda: (*shipped, broken))
    with pytest.raises(
        StoreError, match="migration 99 left mentions row 1 pointing at no documents"
    ):
        Store(path)
    monkeypatch.undo()
    with Store(path) as store:
        version = str(shipped[-1][0])
        assert store.execute("SELECT value FROM meta WHERE key = 'schema_version'") == [(version,)]
        assert store.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id") == before
        assert store.execute("PRAGMA foreign_keys") == [(1,)]
        assert store.check() == []


def test_a_plain_migration_keeps_foreign_keys_enforced(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "plain.db", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    connection.migrate(conn)
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    conn.close()


def test_the_check_finds_a_large_documents_mention_sliced_from_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "INLINE_ABOVE", 4000)
    with Store(tmp_path / "desk.db") as store:
        ingest_paths(store, [fixtures_dir()])
        assert store.check() == []
        [(key, start, end)] = store.execute(
            "SELECT m.key, instr(d.text, m.sentence) - 1, instr(d.text, m.sentence) - 1 "
            "+ length(m.sentence) FROM mentions m JOIN documents d ON d.id = m.document_id "
            "WHERE d.name = ? ORDER BY m.key LIMIT 1",
            [ISSI],
        )
        store.execute(
            "UPDATE mentions SET sentence = NULL, sentence_start = ?, sentence_end = ? "
            "WHERE key = ?",
            [start, end, key],
        )
        writer.index_pending(store.db)  # the same text, so the index takes it back unchanged
        assert store.check() == [f"mention of a large document sliced from its text: {key}"]
