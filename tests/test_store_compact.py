"""The compact store (migration 012): the search index reads its text from the mentions.

Events keep no copy of their headline, sentences or publishers; the view `event_text`
computes them and the FTS5 index reads it. These tests check that searches, highlights
and snippets are what the copies gave, that the index follows every write, and that a
store written before the change reads the same once migrated.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import document_from_text
from chronicle.library import fixtures_dir
from chronicle.merge.state import sources_text
from chronicle.pipeline import parse_file
from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.store.connection import migrations
from chronicle.store.integrity import check
from chronicle.store.writer import load_mentions, publishers_of
from tests.test_merge import mention
from tests.test_store import document
from tests.test_store_integrity import copy_into_version

QUERIES = [
    "kono",
    "pakistan japan",
    '"foreign minister"',
    "visit*",
    "agreement -visit",
    "issi",
    "bhutto OR kishida",
    "country:pk type:visit",
    "source:issi",
    "source:mofa -kono",
    "minister sort:-date",
    "cooperation sort:rank",
    "in:2018 talks",
]
"""Words, phrases, prefixes, exclusions, publishers, filters and every sort."""

HIGHLIGHTED = (
    "SELECT e.id, highlight(events_fts, 0, '[', ']'), snippet(events_fts, 1, '[', ']', '…', 24), "
    "snippet(events_fts, 5, '[', ']', '…', 24), snippet(events_fts, 6, '[', ']', '…', 8) "
    "FROM events_fts JOIN events e ON e.sort_key = events_fts.rowid "
    "WHERE events_fts MATCH ? ORDER BY events_fts.rowid"
)
"""What FTS5 itself gives for a word: ids, headline, sentence, sources and publishers marked."""

WORDS = ["kono", "pakistan", "minister", "visit*", "issi", "mofa", '"strategic dialogue"']

COPIED = {"headline", "text", "sources_text", "publishers"}


def found(store: Store) -> dict[str, tuple]:
    """Every query's events (id, key, headline, text), total and highlights."""
    searcher = Searcher(store)
    out = {}
    for text in QUERIES:
        r = searcher.search(text, limit=None, highlight=True)
        rows = [(e.id, e.key, e.headline, e.text, e.source_count) for e in r.events]
        out[text] = (rows, r.total, r.highlights)
    return out


def marked(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {w: conn.execute(HIGHLIGHTED, [w]).fetchall() for w in WORDS}


def indexed_text(store: Store) -> dict[int, tuple[str, str, str, str]]:
    """Each event's headline, sentence, other sentences and publishers as the view gives them."""
    rows = store.execute(
        "SELECT event_id, headline, text, sources_text, publishers FROM event_text"
    )
    return {r[0]: tuple(r[1:]) for r in rows}


def computed_text(store: Store) -> dict[int, tuple[str, str, str, str]]:
    """The same, computed in Python from each event's mentions as the copies were."""
    out = {}
    for (event_id,) in store.execute("SELECT id FROM events"):
        keys = [
            r[0] for r in store.execute("SELECT key FROM mentions WHERE event_id = ?", [event_id])
        ]
        mentions = load_mentions(store.db, sorted(keys))
        [(best_key,)] = store.execute("SELECT best_key FROM events WHERE id = ?", [event_id])
        [best] = [m for m in mentions if m.key == best_key]
        state = merge.state_of(mentions, publishers_of(store.db, (m.document for m in mentions)))
        state = merge.combined([state])
        publishers = "\n".join(sorted(state.publishers))
        out[event_id] = (best.headline, best.sentence, sources_text(state), publishers)
    return out


def previous_version() -> int:
    """The schema just before the compact store."""
    return max(v for v, _name, _sql in migrations() if v < 12)


class TestTheIndexReadsWhatTheCopiesHeld:
    def test_every_fixture_event_shows_the_text_its_mentions_give(self, fixture_store):
        shown = indexed_text(fixture_store)
        assert len(shown) == fixture_store.counts()["events"]
        assert shown == computed_text(fixture_store)

    def test_line_breaks_in_a_sentence_become_spaces_as_python_splits_lines(self, store):
        told = [
            mention(
                "k1",
                date(2018, 1, 3),
                document="a.txt",
                actors=("Taro Kono",),
                sentence="Kono arrived\r\nin Islamabad.\u2028He met Asif.\n",
            ),
            mention(
                "k2",
                date(2018, 1, 3),
                document="b.txt",
                actors=("Taro Kono",),
                sentence="Kono visited Islamabad\rand Rawalpindi.",
            ),
        ]
        store.add_document(document("a.txt", "A note."), "h1", told[:1])
        store.add_document(document("b.txt", "Another note."), "h2", told[1:])
        [(event_id, sources, publishers)] = store.execute(
            "SELECT event_id, sources_text, publishers FROM event_text"
        )
        assert indexed_text(store) == computed_text(store)
        assert sources == "Kono visited Islamabad and Rawalpindi."
        assert publishers == "a.txt\nb.txt"
        assert [e.id for e in Searcher(store).search("rawalpindi").events] == [event_id]
        assert check(store.db) == []

    def test_events_keep_no_copy_of_the_text(self, fixture_store):
        columns = {r[1] for r in fixture_store.execute("PRAGMA table_info(events)")}
        assert columns & COPIED == set()
        assert "indexed" in columns
        assert fixture_store.execute("SELECT count(*) FROM events WHERE indexed = 0") == [(0,)]


KONO_ARRIVES = (
    "Kono in Islamabad\n\n"
    "Foreign Minister Taro Kono arrived in Islamabad on 3 January 2018 for talks with "
    "Foreign Minister Khawaja Asif.\n"
)
KONO_RETOLD = (
    "Japan and Pakistan review ties\n\n"
    "Foreign Minister Taro Kono visited Islamabad on 3 January 2018, the first visit by a "
    "Japanese foreign minister in six years, and raised the Karakoram highway upgrade.\n"
)


def add(store: Store, text: str, path: str) -> None:
    doc = document_from_text(text, path)
    store.add_document(doc, content_hash(doc.text), extract_mentions(doc, content_hash(doc.text)))


class TestTheIndexFollowsEveryWrite:
    def test_a_report_joining_an_event_is_found_by_its_words_until_removed(self, store):
        add(store, KONO_ARRIVES, "/briefs/mofa-kono.txt")
        searcher = Searcher(store)
        [arrival] = searcher.search("kono islamabad").events
        assert searcher.search("karakoram").events == []

        add(store, KONO_RETOLD, "/briefs/tdi-kono.txt")
        searcher = Searcher(store)
        [joined] = searcher.search("karakoram").events
        assert (joined.id, joined.source_count) == (arrival.id, 2)
        assert [e.id for e in searcher.search("source:tdi-kono").events] == [arrival.id]
        [(_headline, snippet)] = searcher.search("karakoram", highlight=True).highlights.values()
        assert ("Karakoram", True) in snippet
        assert check(store.db) == []

        assert store.remove_document("/briefs/tdi-kono.txt")
        searcher = Searcher(store)
        assert searcher.search("karakoram").events == []
        assert searcher.search("source:tdi-kono").events == []
        [alone] = searcher.search("kono islamabad").events
        assert (alone.source_count, alone.text) == (1, arrival.text)
        assert indexed_text(store) == computed_text(store)
        assert check(store.db) == []

    def test_a_document_puts_all_its_events_in_the_index_at_once_when_merged(self, store):
        brief = parse_file(fixtures_dir() / "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt")
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        try:
            store.add_document(brief.doc, brief.content_hash, brief.mentions)
        finally:
            store.db.conn.set_trace_callback(None)
        put_back = [s for s in statements if s.startswith("INSERT INTO events_fts (rowid")]
        assert store.counts()["events"] > 10
        assert len(put_back) == 1
        assert indexed_text(store) == computed_text(store)
        assert check(store.db) == []

    def test_a_moved_document_is_searched_under_its_new_name(self, store, tmp_path):
        add(store, KONO_ARRIVES, "/briefs/mofa-kono.txt")
        assert store.move_document("/briefs/mofa-kono.txt", "/briefs/2018-01-03-kono.txt")
        searcher = Searcher(store)
        assert searcher.search("mofa").events == []
        assert len(searcher.search("source:2018-01-03-kono").events) == 1
        assert check(store.db) == []


class TestCheckSeesAnIndexOutOfStep:
    @pytest.fixture
    def broken(self, tmp_path, fixture_db) -> Store:
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        with Store(copy) as store:
            yield store

    def test_a_publisher_changed_behind_the_triggers_back(self, broken):
        broken.db.execute("DROP TRIGGER documents_fts_bu")
        broken.db.execute("UPDATE documents SET publisher = 'Daily Times' WHERE id = 1")
        assert check(broken.db) == [
            "events_fts does not match events: database disk image is malformed"
        ]

    def test_an_event_marked_as_left_out_while_the_index_holds_it(self, broken):
        broken.db.execute("UPDATE events SET indexed = 0 WHERE id = 2")
        assert check(broken.db) == [
            "events_fts does not match events: database disk image is malformed",
            "event left out of the search index: 2",
        ]


class TestMigratingAStoreWrittenBefore:
    def test_searches_highlights_and_snippets_are_unchanged(self, tmp_path, fixture_db):
        old = tmp_path / "old.db"
        copy_into_version(fixture_db, old, previous_version())
        conn = sqlite3.connect(old)
        before = marked(conn)
        copied = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
        conn.close()
        assert copied >= COPIED
        assert sum(len(rows) for rows in before.values()) > 20

        with Store(old) as migrated, Store(fixture_db) as fresh:
            assert marked(migrated.db.conn) == before
            assert marked(fresh.db.conn) == before
            assert found(migrated) == found(fresh)
            assert indexed_text(migrated) == computed_text(migrated)
            assert check(migrated.db) == []

    def test_an_event_from_before_best_keys_gets_its_best_mention(self, tmp_path, fixture_db):
        old = tmp_path / "old.db"
        copy_into_version(fixture_db, old, previous_version())
        conn = sqlite3.connect(old, isolation_level=None)
        conn.execute("UPDATE events SET best_key = NULL")
        conn.close()
        with Store(old) as migrated, Store(fixture_db) as fresh:
            best = "SELECT id, best_key FROM events ORDER BY id"
            assert migrated.execute(best) == fresh.execute(best)
            assert check(migrated.db) == []


def test_the_fixture_store_is_smaller_without_the_copies(tmp_path, fixture_db):
    old = tmp_path / "old.db"
    copy_into_version(fixture_db, old, previous_version())
    size = "SELECT sum(pgsize) FROM dbstat WHERE name = 'events'"
    conn = sqlite3.connect(old)
    copied_bytes = conn.execute(
        "SELECT sum(length(CAST(headline || text || sources_text || publishers AS BLOB))) "
        "FROM events"
    ).fetchone()[0]
    before = conn.execute(size).fetchone()[0]
    conn.close()
    conn = sqlite3.connect(Path(fixture_db))
    after = conn.execute(size).fetchone()[0]
    conn.close()
    assert copied_bytes > 10_000
    assert after < before - copied_bytes // 2
