"""Counts kept on write (migration 008) equal the GROUP BY over the tables they summarise.

Every test ends with `assert_counts_hold`: each kept table against the same numbers
counted afresh from documents, mentions, events and country tags, and `stats`,
`counts` and the histogram of all events against the scans they replace.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.search.compile import count_sql
from chronicle.search.engine import Searcher
from chronicle.search.histogram import year_counts
from chronicle.store import Store, reader
from chronicle.store.connection import latest_version
from tests.test_store_integrity import copy_into_version

SOURCE = "coalesce(nullif(d.publisher, ''), d.name)"

GROUPED = {
    "count_totals": "SELECT 'documents', count(*) FROM documents "
    "UNION ALL SELECT 'events', count(*) FROM events "
    "UNION ALL SELECT 'mentions', count(*) FROM mentions",
    "count_years_types": "SELECT coalesce(substr(date_start, 1, 4), 'undated') AS y, type, "
    "count(*) FROM events GROUP BY y, type",
    "count_countries": "SELECT code, count(*) FROM event_countries GROUP BY code",
    "event_sources": f"SELECT m.event_id, {SOURCE} AS s, count(*) FROM mentions m "
    "JOIN documents d ON d.id = m.document_id WHERE m.event_id IS NOT NULL "
    "GROUP BY m.event_id, s",
    "count_sources": f"SELECT {SOURCE} AS s, count(DISTINCT m.event_id) FROM mentions m "
    "JOIN documents d ON d.id = m.document_id WHERE m.event_id IS NOT NULL GROUP BY s",
}
"""Each kept table's rows, counted from the base tables."""

SCANNED_STATS = {
    "year": "SELECT coalesce(substr(date_start, 1, 4), 'undated') AS k, count(*) "
    "FROM events GROUP BY k ORDER BY k",
    "type": "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type",
    "country": "SELECT code, count(*) FROM event_countries GROUP BY code "
    "ORDER BY count(*) DESC, code",
    "source": f"SELECT {SOURCE} AS k, count(DISTINCT m.event_id) FROM mentions m "
    "JOIN documents d ON d.id = m.document_id GROUP BY k ORDER BY count(DISTINCT m.event_id) "
    "DESC, k",
}
"""The queries `chronicle stats` ran before migration 008: its numbers must not change."""

FIXTURE_NAMES = sorted(p.name for p in fixtures_dir().glob("*.txt"))

ADDED_PARAGRAPH = (
    "\n\nOn 12 March 2018 the two foreign ministers spoke again by telephone and agreed "
    "to open talks on a new visa regime for business travellers.\n"
)
"""Our own sentence, appended to a fixture to make it a changed file."""


def assert_counts_hold(store: Store) -> None:
    """Every kept count equals its GROUP BY, and every reader gives the scanned numbers."""
    for table, sql in GROUPED.items():
        kept = sorted(store.execute(f"SELECT * FROM {table}"))
        assert kept == sorted(store.execute(sql)), table
    assert store.stats() == {
        name: [(str(k), n) for k, n in store.execute(sql)] for name, sql in SCANNED_STATS.items()
    }
    assert store.counts() == {
        t: store.execute(f"SELECT count(*) FROM {t}")[0][0]
        for t in ("documents", "mentions", "events")
    }
    searcher = Searcher(store)
    _, compiled = searcher.understand("", whole=True)
    assert searcher.histogram("") == year_counts(store, compiled, shows_all=False)
    assert searcher.count("") == store.execute(*count_sql(compiled))[0][0]


def copy_fixtures(folder: Path) -> list[Path]:
    """The bundled documents copied into `folder`, so a test may change them."""
    folder.mkdir()
    return [Path(shutil.copy(fixtures_dir() / name, folder / name)) for name in FIXTURE_NAMES]


def ingest_one_by_one(store: Store, files: list[Path]) -> None:
    for file in files:
        report = ingest_paths(store, [file])
        assert not report.failed, report.failed


def copy_database(source: Path, target: Path) -> Path:
    """A private copy of a database file (its WAL included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture
def fixtures_copy(fixture_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture database that a test may write to."""
    return copy_database(fixture_db, tmp_path / "copy.db")


class TestFixtures:
    def test_the_five_bundled_documents_are_counted_exactly(self, fixture_store):
        assert_counts_hold(fixture_store)
        assert fixture_store.counts() == {"documents": 5, "mentions": 46, "events": 43}
        stats = fixture_store.stats()
        assert stats["year"][-3:] == [("2020", 1), ("2022", 3), ("undated", 1)]
        assert stats["type"][:3] == [("citation", 12), ("visit", 8), ("other", 5)]
        assert stats["country"][:3] == [("JP", 42), ("PK", 38), ("KZ", 4)]
        assert stats["source"][:2] == [("Institute of Strategic Studies Islamabad", 27), ("TDI", 6)]

    def test_stats_read_only_the_largest_rows_asked_for(self, fixture_store):
        assert reader.stats(fixture_store.db, limit=2) == {
            "year": [("1947", 2), ("1952", 1)],
            "type": [("citation", 12), ("visit", 8)],
            "country": [("JP", 42), ("PK", 38)],
            "source": [("Institute of Strategic Studies Islamabad", 27), ("TDI", 6)],
        }

    def test_all_events_leave_out_citations_and_the_histogram_undated_events_too(
        self, fixture_store
    ):
        searcher = Searcher(fixture_store)
        counts = searcher.histogram("")
        assert counts.years[-6:] == [
            (2017, 7),
            (2018, 3),
            (2019, 2),
            (2020, 1),
            (2021, 1),
            (2022, 2),
        ]
        dated = sum(n for _, _, n in counts.spans)
        assert (dated, counts.approximate, counts.undated) == (24, 6, 1)
        assert searcher.count("") == 43 - 12 == dated + counts.approximate + counts.undated
        assert searcher.histogram("sort:-date") == searcher.histogram("")

    def test_a_query_with_words_or_filters_still_counts_its_own_matches(self, fixture_store):
        searcher = Searcher(fixture_store)
        citations = searcher.histogram("type:citation")
        assert citations.years == [(2015, 1), (2016, 1), (2017, 8), (2018, 2)]
        assert citations.approximate == 1
        assert searcher.histogram("country:kz").years == [(2016, 1), (2017, 3)]


class TestWriting:
    def test_a_changed_file_read_again_replaces_its_counts(self, tmp_path):
        files = copy_fixtures(tmp_path / "docs")
        with Store(tmp_path / "c.db") as store:
            ingest_one_by_one(store, files)
            changed = next(f for f in files if f.name.startswith("2018-01-04"))
            changed.write_text(changed.read_text(encoding="utf-8") + ADDED_PARAGRAPH, "utf-8")
            ingest_one_by_one(store, [changed])
            assert_counts_hold(store)
            assert store.counts() == {"documents": 5, "mentions": 47, "events": 44}
            assert ("2018", 6) in store.stats()["year"]

    def test_removing_a_document_re_merges_and_recounts(self, tmp_path):
        files = copy_fixtures(tmp_path / "docs")
        with Store(tmp_path / "c.db") as store:
            ingest_one_by_one(store, files)
            issi = next(f for f in files if "issi" in f.name)
            assert store.remove_document(str(issi))
            assert_counts_hold(store)
            assert store.counts() == {"documents": 4, "mentions": 18, "events": 17}
            assert "Institute of Strategic Studies Islamabad" not in dict(store.stats()["source"])

    def test_another_order_gives_the_same_counts(self, tmp_path, fixture_store):
        files = copy_fixtures(tmp_path / "docs")
        with Store(tmp_path / "c.db") as store:
            ingest_one_by_one(store, files[::-1])
            assert_counts_hold(store)
            assert store.counts() == fixture_store.counts()
            assert store.stats() == fixture_store.stats()

    def test_a_batch_counts_as_ingest_does(self, tmp_path, fixture_store):
        with Store(tmp_path / "c.db") as store, store.batch():
            for doc, doc_hash, mentions in _parsed():
                store.add_document(doc, doc_hash, mentions)
        with Store(tmp_path / "c.db") as store:
            assert_counts_hold(store)
            assert store.stats() == fixture_store.stats()
            assert store.counts() == fixture_store.counts()


class TestMigration:
    def test_an_existing_chronicle_gets_its_counts_filled(
        self, tmp_path, fixture_db, fixture_store
    ):
        old = tmp_path / "v7.db"
        copy_into_version(fixture_db, old, 7)
        with Store(old) as store:
            assert store.execute("SELECT value FROM meta WHERE key = 'schema_version'") == [
                (str(latest_version()),)
            ]
            assert_counts_hold(store)
            assert store.stats() == fixture_store.stats()


class TestAnyWrite:
    """Writes the writer does not make today keep the counts too."""

    def test_a_new_publisher_moves_a_documents_events(self, fixtures_copy):
        with Store(fixtures_copy) as store:
            store.db.execute(
                "UPDATE documents SET publisher = 'Ministry of Foreign Affairs of Japan' "
                "WHERE name LIKE '2017-05-01%' OR name LIKE '2018-01-04%'"
            )
            assert_counts_hold(store)
            assert ("Ministry of Foreign Affairs of Japan", 7) in store.stats()["source"]

    def test_a_redated_and_retyped_event_moves_between_years_and_types(self, fixtures_copy):
        with Store(fixtures_copy) as store:
            store.db.execute(
                "UPDATE events SET date_start = '2021-09-14', date_end = '2021-09-14', "
                "type = 'dialogue' WHERE date_start IS NULL"
            )
            assert_counts_hold(store)
            assert ("2021", 1) in store.stats()["year"]
            assert ("dialogue", 2) in store.stats()["type"]

    def test_a_deleted_event_takes_its_country_tags_and_sources_along(self, fixtures_copy):
        with Store(fixtures_copy) as store:
            store.db.execute(
                "DELETE FROM events WHERE id IN "
                "(SELECT event_id FROM event_countries WHERE code = 'IN')"
            )
            assert_counts_hold(store)
            assert store.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL") == [(3,)]
            assert "IN" not in dict(store.stats()["country"])

    def test_a_deleted_document_takes_its_mentions_along(self, fixtures_copy):
        with Store(fixtures_copy) as store:
            store.db.execute("DELETE FROM documents WHERE publisher = 'TDI'")
            assert_counts_hold(store)
            assert store.counts()["mentions"] == 46 - 6

    def test_a_retagged_country_is_counted_under_its_new_code(self, fixtures_copy):
        with Store(fixtures_copy) as store:
            store.db.execute("UPDATE event_countries SET code = 'UZ' WHERE code = 'TM'")
            assert_counts_hold(store)
            assert ("UZ", 2) in store.stats()["country"]


def _parsed() -> list[tuple]:
    """The bundled documents parsed, as the ingest pool hands them to the writer."""
    out = []
    for name in FIXTURE_NAMES:
        doc = load_document(fixtures_dir() / name)
        doc_hash = content_hash(doc.text)
        out.append((doc, doc_hash, extract_mentions(doc, doc_hash)))
    return out
