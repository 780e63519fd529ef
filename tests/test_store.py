"""The store on real SQLite files: migrations, refusals, atomic writes, incremental merging."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from chronicle.model import CleanDocument, Segment
from chronicle.search.engine import Searcher
from chronicle.store import Store, StoreError
from chronicle.store.connection import latest_version, migrations
from tests.test_merge import mention


def document(path: str, text: str = "text") -> CleanDocument:
    return CleanDocument(
        path=path, text=text, paragraphs=(text,), segments=(Segment(text, 0, len(text), 0),)
    )


class TestOpening:
    def test_new_database_is_migrated_to_the_latest_version_in_wal_mode(self, tmp_path):
        with Store(tmp_path / "c.db") as store:
            meta = dict(store.execute("SELECT key, value FROM meta"))
            assert meta == {"app": "chronicle", "schema_version": str(latest_version())}
            assert store.execute("PRAGMA journal_mode")[0][0] == "wal"

    def test_a_version_2_database_keeps_its_events_and_search_after_migrating(self, tmp_path):
        path = tmp_path / "v2.db"
        conn = sqlite3.connect(path, isolation_level=None)
        for version, _name, sql in migrations():
            if version <= 2:
                conn.executescript(sql)
        conn.executescript(
            "INSERT INTO meta VALUES ('app', 'chronicle'), ('schema_version', '2');"
            "INSERT INTO events (id, key, date_start, date_end, precision, type, headline, text)"
            " VALUES (7, 'k7', '2018-01-04', '2018-01-04', 'day', 'meeting',"
            " 'Kono meets Asif', 'Foreign ministers met'),"
            " (8, 'k8', NULL, NULL, 'unresolved', 'statement', 'Undated', 'Ministers spoke');"
            "INSERT INTO event_actors VALUES (7, 'kono taro', 'Taro Kono');"
            "INSERT INTO documents (id, path, name, content_hash, text, ingested_at) VALUES"
            " (1, '/n.txt', 'n.txt', 'h', 'Foreign ministers met\n\nMinisters spoke', '');"
            "INSERT INTO mentions (key, document_id, event_id, sentence, paragraph, char_start,"
            " char_end, date_text, date_start, date_end, precision, type, types, actors,"
            " countries, organisations, headline) VALUES"
            " ('k7', 1, 7, 'Foreign ministers met', 'Foreign ministers met', 0, 3, '4 Jan',"
            " '2018-01-04', '2018-01-04', 'day', 'meeting', '[]', '[]', '[]', '[]',"
            " 'Kono meets Asif'),"
            " ('k8', 1, 8, 'Ministers spoke', 'Ministers spoke', 0, 3, 'then', NULL, NULL,"
            " 'unresolved', 'statement', '[]', '[]', '[]', '[]', 'Undated');"
        )
        conn.close()
        with Store(path) as store:
            searcher = Searcher(store)
            assert [e.id for e in searcher.search("ministers").events] == [7, 8]
            assert [(e.headline, e.text) for e in searcher.search("ministers").events] == [
                ("Kono meets Asif", "Foreign ministers met"),
                ("Undated", "Ministers spoke"),
            ]
            assert [e.id for e in searcher.search("ministers sort:-date").events] == [7, 8]
            assert [e.id for e in searcher.search("actor:kono").events] == [7]
            assert store.execute("SELECT value FROM meta WHERE key = 'schema_version'") == [
                (str(latest_version()),)
            ]

    def test_a_version_3_database_gains_an_empty_date_source_for_its_documents(self, tmp_path):
        path = tmp_path / "v3.db"
        conn = sqlite3.connect(path, isolation_level=None)
        for version, _name, sql in migrations():
            if version <= 3:
                conn.executescript(sql)
        conn.executescript(
            "INSERT INTO meta VALUES ('app', 'chronicle'), ('schema_version', '3');"
            "INSERT INTO documents (path, name, content_hash, title, doc_date, text, ingested_at)"
            " VALUES ('/n.txt', 'n.txt', 'h', 'Note', '2021-05-12', 'x', '2026-01-01');"
        )
        conn.close()
        with Store(path) as store:
            [doc] = store.documents()
            assert (doc["doc_date"], doc["doc_date_source"]) == ("2021-05-12", "")

    def test_reopening_applies_nothing_twice(self, tmp_path):
        Store(tmp_path / "c.db").close()
        with Store(tmp_path / "c.db") as store:
            assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}

    def test_a_foreign_database_is_refused_and_left_untouched(self, tmp_path):
        path = tmp_path / "other.db"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
        with pytest.raises(StoreError, match="not a chronicle database"):
            Store(path)
        tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
        assert tables == [("notes",)]

    def test_a_newer_schema_is_refused(self, tmp_path):
        path = tmp_path / "c.db"
        Store(path).close()
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
        with pytest.raises(StoreError, match="newer"):
            Store(path)

    def test_a_file_that_is_not_sqlite_is_refused(self, tmp_path):
        path = tmp_path / "c.db"
        path.write_text("hello " * 500)
        with pytest.raises(StoreError, match="not an SQLite database"):
            Store(path)

    def test_a_locked_database_gives_a_clear_error(self, tmp_path):
        path = tmp_path / "c.db"
        Store(path).close()
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            store = Store(path)
            with pytest.raises(StoreError, match="locked"):
                store.add_document(document(str(tmp_path / "a.txt")), "h1", [])
        finally:
            holder.execute("ROLLBACK")

    def test_a_writer_waits_for_another_writer_to_finish(self, tmp_path):
        import threading

        path = tmp_path / "c.db"
        Store(path).close()
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
        release.start()
        try:
            with Store(path) as store:
                store.add_document(document(str(tmp_path / "a.txt")), "h1", [])
                assert store.counts()["documents"] == 1
        finally:
            release.join()


class TestWriting:
    def test_a_failed_write_leaves_nothing_behind(self, store: Store, tmp_path: Path):
        bad = mention("same-key", date(2011, 2, 21))
        with pytest.raises(StoreError):
            store.add_document(document("a.txt"), "h1", [bad, bad])  # duplicate key
        assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}

    def test_merging_is_incremental_and_removal_splits(self, store: Store):
        a = mention(
            "a:1",
            date(2011, 1, 1),
            date(2011, 12, 31),
            "year",
            document="a.txt",
            actors=("Zardari",),
        )
        b = mention(
            "b:1",
            date(2011, 2, 21),
            date(2011, 2, 23),
            "range",
            document="b.txt",
            actors=("Asif Ali Zardari",),
        )
        other = mention("b:2", date(1990, 1, 1), document="b.txt", actors=("Someone Else",))
        store.add_document(document("a.txt"), "ha", [a])
        store.add_document(document("b.txt"), "hb", [b, other])
        assert store.counts()["events"] == 2
        [merged] = [
            e
            for e in map(store.event, [r[0] for r in store.execute("SELECT id FROM events")])
            if e.source_count == 2
        ]
        assert (merged.date_start, merged.date_end, merged.precision) == (
            "2011-02-21",
            "2011-02-23",
            "range",
        )
        untouched = store.execute("SELECT id, key FROM events WHERE key = 'b:2'")
        assert store.remove_document("a.txt")
        assert store.counts() == {"documents": 1, "mentions": 2, "events": 2}
        assert store.execute("SELECT id, key FROM events WHERE key = 'b:2'") == untouched

    def test_replacing_a_document_at_the_same_path_keeps_one_copy(self, store: Store):
        store.add_document(
            document("a.txt", "v1"), "h1", [mention("h1:1", date(2000, 1, 1), document="a.txt")]
        )
        store.add_document(
            document("a.txt", "v2"), "h2", [mention("h2:1", date(2001, 1, 1), document="a.txt")]
        )
        assert store.counts() == {"documents": 1, "mentions": 1, "events": 1}
        assert store.has_hash("h2") and not store.has_hash("h1")
