"""The compact store: merge blocks without per-row copies (024), 8 KB pages, `compact`.

A store migrated to 024 holds the same block rows, less what each row repeated of its
mention, and every lookup of the merge finds in it what it finds in a store written
at 024; a removed mention's traits go with it. New files get 8 KB pages and vacuum
incrementally; `compact` shrinks a file without changing what search finds or packing
its tables' pages, and gives up when it cannot run.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.removal import remove_documents
from chronicle.search.engine import Searcher
from chronicle.store import Store, blocks, connection, merging, regrouping
from chronicle.store.connection import compact, migrations, worth_compacting
from chronicle.store.writer import load_mentions
from tests.test_blocks_filter import _found_for
from tests.test_store_compact import found
from tests.test_store_integrity import copy_into_version
from tests.test_store_layout import copy_indexed

TRAITS = "SELECT mention_id, kinds, type_bit, anchor_bits, word_bits, shape FROM mention_traits"
ROWS = "SELECT * FROM mention_blocks ORDER BY anchor, kind, span_class, start_day, mention_id"


def before_024() -> int:
    """The schema just before the compact blocks."""
    return max(v for v, _name, _sql in migrations() if v < 24)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory, fixture_db: Path) -> Path:
    """The fixture store copied into the schema before 024, then opened (migrated)."""
    old = tmp_path_factory.mktemp("old") / "old.db"
    copy_indexed(fixture_db, old, before_024())
    conn = sqlite3.connect(old)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(mention_blocks)")}
    conn.close()
    assert {"kinds", "anchor_bits", "word_bits", "shape", "type_bit"} <= columns
    Store(old).close()
    return old


def lookups(store: Store) -> dict[str, set[str]]:
    """Every stored mention's key -> the keys each lookup of the merge finds for it."""
    keys = [r[0] for r in store.execute("SELECT key FROM mentions ORDER BY key")]
    change = merging._Change(store.db)
    out = {}
    for m in load_mentions(store.db, keys):
        if merge.kind_of(m) == "undated":
            rows = blocks.nearby(store.db, m, "undated", blocks.mention_anchors(m))
            out[m.key] = {key for key, _, _ in rows}
        else:
            out[m.key] = _found_for(change, m)
    return out


class TestMigrating:
    def test_the_rows_and_traits_are_those_written_at_024(self, migrated, fixture_store):
        with Store(migrated) as store:
            assert store.execute(ROWS) == fixture_store.execute(ROWS)
            assert sorted(store.execute(TRAITS)) == sorted(fixture_store.execute(TRAITS))
            assert len(store.execute(TRAITS)) == len(
                store.execute("SELECT DISTINCT mention_id FROM mention_blocks")
            )
            assert store.check() == []

    def test_every_lookup_finds_what_it_finds_in_a_store_written_at_024(
        self, migrated, fixture_store
    ):
        with Store(migrated) as store:
            found_there = lookups(store)
        found_here = lookups(fixture_store)
        assert found_there == found_here
        assert sum(len(keys) for keys in found_here.values()) > 50

    def test_searches_are_unchanged(self, migrated, fixture_store):
        with Store(migrated) as store:
            assert found(store) == found(fixture_store)

    def test_the_blocks_hold_about_half_their_bytes(self, migrated, tmp_path, fixture_db):
        """024 took the traits out of every row (less than half the bytes); 030 put the
        anchor bits back on the rows under words, which their keys do not imply."""
        old = tmp_path / "old.db"
        copy_into_version(fixture_db, old, before_024())
        payload = "SELECT sum(payload) FROM dbstat WHERE name = ?"
        conn = sqlite3.connect(old)
        before = conn.execute(payload, ["mention_blocks"]).fetchone()[0]
        conn.close()
        conn = sqlite3.connect(migrated)
        after = sum(
            conn.execute(payload, [t]).fetchone()[0] for t in ("mention_blocks", "mention_traits")
        )
        conn.close()
        assert after < before * 0.55


class TestTraitsFollowTheirMentions:
    def test_a_removed_documents_traits_go_and_a_rebuild_lists_them_again(self, tmp_path):
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [fixtures_dir()])
            [(path, held)] = store.execute(
                "SELECT d.path, count(*) FROM documents d JOIN mentions m ON m.document_id = d.id "
                "JOIN mention_traits t ON t.mention_id = m.id GROUP BY d.id ORDER BY 2 DESC LIMIT 1"
            )
            total = len(store.execute(TRAITS))
            assert store.remove_document(path)
            assert len(store.execute(TRAITS)) == total - held
            assert store.execute(
                "SELECT count(*) FROM mention_traits WHERE mention_id NOT IN (SELECT id FROM mentions)"
            ) == [(0,)]
            traits, rows = sorted(store.execute(TRAITS)), store.execute(ROWS)
            with store.db.conn:
                regrouping.rebuild(store.db)
            assert (sorted(store.execute(TRAITS)), store.execute(ROWS)) == (traits, rows)
            assert store.check() == []


class TestTheFile:
    def test_a_new_file_has_8_kb_pages_and_an_old_one_keeps_its_own(self, tmp_path, monkeypatch):
        with Store(tmp_path / "new.db") as store:
            assert store.execute("PRAGMA page_size") == [(connection.PAGE_SIZE,)]
        with monkeypatch.context() as before:
            before.setattr(connection, "PAGE_SIZE", 4096)
            Store(tmp_path / "old.db").close()
        with Store(tmp_path / "old.db") as store:
            assert store.execute("PRAGMA page_size") == [(4096,)]
            assert store.check() == []

    @pytest.mark.parametrize(
        ("before", "after", "worth"),
        [
            (0, 0, False),  # nothing stored
            (0, 5, False),  # a small new chronicle: little to reclaim
            (0, 200, True),  # a new chronicle of some size
            (1000, 1249, False),
            (1000, 1250, True),
            (10_000, 10_020, False),  # a few documents added to a large store
        ],
    )
    def test_worth_compacting_after_growing_by_a_quarter(self, before, after, worth):
        assert worth_compacting(before, after) is worth

    def test_compact_shrinks_the_file_and_search_finds_the_same(self, tmp_path, fixture_db):
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        with Store(copy) as store:
            for path in [r[0] for r in store.execute("SELECT path FROM documents")][:2]:
                store.remove_document(path)
            before, pages = found(store), store.execute("PRAGMA page_count")[0][0]
            assert compact(store.db.conn)
            assert store.execute("PRAGMA page_count")[0][0] < pages
            assert store.execute("PRAGMA freelist_count") == [(0,)]
            assert found(store) == before
            assert store.check() == []

    def test_compact_gives_free_pages_back_and_leaves_the_tables_pages_as_they_are(
        self, tmp_path, fixture_db
    ):
        """A rewrite would pack every page full, and the next rows written in random key
        order (the merge blocks) would each split a full page."""
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        leaves = (
            "SELECT name, count(*), sum(unused) FROM dbstat WHERE pagetype = 'leaf' "
            "AND name NOT LIKE 'events_fts%' GROUP BY name ORDER BY name"
        )
        with Store(copy) as store:
            assert store.execute("PRAGMA auto_vacuum") == [(connection.AUTO_VACUUM_INCREMENTAL,)]
            for path in [r[0] for r in store.execute("SELECT path FROM documents")][:2]:
                store.remove_document(path)
            before, pages = store.execute(leaves), store.execute("PRAGMA page_count")[0][0]
            assert store.execute("PRAGMA freelist_count")[0][0] > 0
            assert compact(store.db.conn)
            assert store.execute("PRAGMA freelist_count") == [(0,)]
            assert store.execute("PRAGMA page_count")[0][0] < pages
            assert store.execute(leaves) == before
            assert store.check() == []

    def test_a_file_made_before_incremental_vacuum_is_switched_over_once(
        self, tmp_path, fixture_db
    ):
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        conn = sqlite3.connect(copy, isolation_level=None)
        conn.execute("PRAGMA auto_vacuum = NONE")
        conn.execute("VACUUM")
        conn.close()
        with Store(copy) as store:
            assert store.execute("PRAGMA auto_vacuum") == [(0,)]
            before = found(store)
            assert compact(store.db.conn)
            assert store.execute("PRAGMA auto_vacuum") == [(connection.AUTO_VACUUM_INCREMENTAL,)]
            assert store.execute("PRAGMA freelist_count") == [(0,)]
            assert found(store) == before
            assert store.check() == []

    def test_a_reader_keeps_what_it_read_while_the_file_is_compacted(self, tmp_path, fixture_db):
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        with Store(copy) as store, Store(copy, readonly=True) as reader:
            before = found(reader)
            reader.db.conn.execute("BEGIN")
            events = reader.execute("SELECT * FROM events ORDER BY id")
            store.db.conn.execute("PRAGMA busy_timeout = 50")  # the WAL is not truncated
            assert compact(store.db.conn)
            assert reader.execute("SELECT * FROM events ORDER BY id") == events
            reader.db.conn.execute("COMMIT")
            assert found(reader) == before
            assert store.check() == []

    def test_compact_gives_up_while_another_connection_writes(self, tmp_path, fixture_db):
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        with Store(copy) as store, Store(copy) as writer:
            writer.db.conn.execute("BEGIN IMMEDIATE")
            pages = store.execute("PRAGMA page_count")
            store.db.conn.execute("PRAGMA busy_timeout = 50")
            assert compact(store.db.conn) is False
            writer.db.conn.execute("ROLLBACK")
            assert store.execute("PRAGMA page_count") == pages
            assert Searcher(store).search("kono").total > 0
            assert store.check() == []

    def test_compact_gives_up_inside_a_transaction(self, tmp_path, fixture_db):
        copy = tmp_path / "c.db"
        copy.write_bytes(fixture_db.read_bytes())
        with Store(copy) as store:
            store.db.conn.execute("BEGIN")
            assert compact(store.db.conn) is False
            store.db.conn.execute("ROLLBACK")


def test_db_size_measures_a_compacted_copy_and_leaves_the_file(fixture_db):
    bench = Path(__file__).parent.parent / "benchmarks" / "db_size.py"
    before = fixture_db.read_bytes()
    out = subprocess.run(
        [sys.executable, str(bench), "--db", str(fixture_db), "--compact", "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    measured, compacted = json.loads(out.stdout)
    assert compacted["db"].endswith("(compact)")
    assert 0 < compacted["pages_bytes"] <= measured["pages_bytes"]
    assert compacted["events"] == measured["events"] > 0
    assert fixture_db.read_bytes() == before


def test_an_ingest_that_grows_the_store_by_a_quarter_leaves_no_free_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ingest_paths` compacts after growth (amortised: a rewrite at each quarter)."""
    monkeypatch.setattr(connection, "COMPACT_MIN_DOCUMENTS", 1)  # the samples are few
    path = tmp_path / "c.db"
    store = Store(path)
    ingest_paths(store, [fixtures_dir()])
    stored = [d["path"] for d in store.documents()]
    remove_documents(store, stored)
    freed = sqlite3.connect(path).execute("PRAGMA freelist_count").fetchone()[0]
    assert freed > 0
    one = tmp_path / "one.txt"
    one.write_text("On 3 May 2021 the two ministers met in Tokyo to sign a trade pact.\n")
    ingest_paths(store, [one])
    assert store.counts()["documents"] == 1
    assert sqlite3.connect(path).execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert store.check() == []
