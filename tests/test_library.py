"""Ingest orchestration: skipping, replacing, and Ctrl+C losing nothing already written."""

from __future__ import annotations

import pytest

from chronicle.library import fixtures_dir, ingest_paths, open_default
from chronicle.store import Store


def test_ctrl_c_mid_ingest_keeps_whole_documents_only(tmp_path):
    def interrupt_after_two(done: int, total: int, path: str) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [fixtures_dir()], on_progress=interrupt_after_two)
        assert report.interrupted and len(report.added) == 2
        assert store.counts()["documents"] == 2
        orphans = store.execute(
            "SELECT count(*) FROM mentions WHERE event_id IS NULL OR document_id NOT IN "
            "(SELECT id FROM documents)"
        )
        assert orphans == [(0,)]
        again = ingest_paths(store, [fixtures_dir()])
        assert len(again.added) == 3 and len(again.unchanged) == 2


def test_a_changed_file_replaces_its_old_version(tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Note\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [doc])
        doc.write_text("Note\n\nOn 5 January 2018 Kono met Asif in Islamabad.\n")
        ingest_paths(store, [doc])
        assert store.counts()["documents"] == 1
        assert store.execute("SELECT date_start FROM events") == [("2018-01-05",)]


def test_the_default_database_is_built_from_the_fixtures(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_DB", str(tmp_path / "default.db"))
    from chronicle.library import default_db_path

    assert default_db_path() == tmp_path / "default.db"
    with open_default(default_db_path()) as store:
        assert store.counts()["documents"] == 5


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x00\x01\x02\x03" * 40])
def test_bad_files_are_reported_not_raised(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [bad])
    assert report.failed and report.failed[0][0] == str(bad) and report.failed[0][1]
