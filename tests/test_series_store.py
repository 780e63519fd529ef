"""Series in the store (migration 011): read back as ingested, replaced when their document
is read again, removed with it however it is deleted, and every table kept consistent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicle.ingest.text.document import load_document
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.store import Store
from chronicle.store.series import check_series

ISSI = "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"


def counts(store: Store) -> tuple[int, int, int]:
    """(series, points, search entries)."""
    return tuple(
        store.execute(f"SELECT count(*) FROM {table}")[0][0]
        for table in ("series", "series_points", "series_fts_docsize")
    )


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    return Path(shutil.copy(fixtures_dir() / ISSI, folder / ISSI))


def test_every_series_reads_back_as_ingested_with_its_document(store, brief):
    ingest_paths(store, [brief])
    stored = store.series(store.all_series_ids())
    assert [s.series for s in stored] == list(load_document(brief).series)
    assert {(s.document, s.title) for s in stored} == {
        (str(brief), "Pakistan-Japan Ties: Moving Towards a Positive Trajectory")
    }
    assert counts(store) == (4, 20, 4)
    assert check_series(store._conn) == []


def test_a_changed_table_replaces_the_documents_series(store, brief):
    ingest_paths(store, [brief])
    before = store.all_series_ids()
    brief.write_text(brief.read_text().replace("2016\t171.2", "2016\t172.5"), encoding="utf-8")
    ingest_paths(store, [brief])
    after = store.series(store.all_series_ids())
    assert set(before).isdisjoint(s.id for s in after)
    assert [p.value for p in after[0].series.points] == [389.0, 431.0, 302.0, 236.0, 172.5]
    assert counts(store) == (4, 20, 4)
    assert check_series(store._conn) == []


def test_removing_the_document_removes_its_series_points_and_search_entries(store, brief):
    ingest_paths(store, [brief])
    ingest_paths(store, [fixtures_dir()])
    assert counts(store) == (4, 20, 4)  # the copy and the fixture hold one text: stored once
    store.remove_document(str(brief)) or store.remove_document(str(fixtures_dir() / ISSI))
    assert counts(store) == (0, 0, 0)
    assert store.execute("SELECT count(*) FROM series_fts WHERE series_fts MATCH 'fdi'") == [(0,)]
    assert check_series(store._conn) == []


def test_a_document_deleted_by_any_statement_takes_its_series(store, brief):
    ingest_paths(store, [brief])
    store._conn.execute("DELETE FROM mentions")
    store._conn.execute("DELETE FROM documents")
    assert counts(store) == (0, 0, 0)
    assert check_series(store._conn) == []


def test_the_check_names_what_breaks(store, brief):
    ingest_paths(store, [brief])
    store._conn.execute("PRAGMA foreign_keys = OFF")  # as another program might write
    store._conn.execute("DROP TRIGGER series_bd")
    store._conn.execute("DELETE FROM series WHERE id = 4")
    problems = check_series(store._conn)
    assert problems[0] == "series point of a removed series: [(4, 0), (4, 1), (4, 2)]"
    assert problems[1] == "series search entry without its series: [(4,)]"


def test_series_of_a_documents_path_and_names_for_pickers(store, brief):
    ingest_paths(store, [brief])
    assert store.series_ids_of_documents([str(brief)]) == [1, 2, 3, 4]
    assert store.series_ids_of_documents(["/elsewhere.txt"]) == []
    assert store.series_names(2) == [
        (1, "Pakistan's Trade with Japan: Exports"),
        (2, "Pakistan's Trade with Japan: Imports"),
    ]
    assert [s.id for s in store.series([4, 99, 2])] == [4, 2]


def test_the_fixture_chronicle_holds_the_briefs_four_series(fixture_store):
    names = [name for _, name in fixture_store.series_names()]
    assert names == [
        "Pakistan's Trade with Japan: Exports",
        "Pakistan's Trade with Japan: Imports",
        "Pakistan's Trade with Japan: Total",
        "Japan's FDI in Pakistan during 2012-2017",
    ]
    assert check_series(fixture_store._conn) == []


def test_the_stores_own_check_covers_the_series(store, brief):
    ingest_paths(store, [brief])
    assert store.check() == []
    store._conn.execute("PRAGMA foreign_keys = OFF")  # as another program might write
    store._conn.execute("DROP TRIGGER series_bd")
    store._conn.execute("DELETE FROM series WHERE id = 4")
    assert "series point of a removed series: [(4, 0), (4, 1), (4, 2)]" in store.check()
