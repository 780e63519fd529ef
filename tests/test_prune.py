"""Documents whose file was deleted are found under a folder, counted by ingest, and pruned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.removal import prune, stale_documents
from chronicle.store import Store

DAWN = (
    "Kono in Islamabad\n\nIslamabad, 4 January 2018\n\n"
    "Japanese Foreign Minister Taro Kono met Pakistani Foreign Minister Khawaja Asif "
    "in Islamabad on 4 January 2018 to discuss trade and regional security.\n"
)
MOFA = (
    "Japan and Pakistan ministers meet\n\nTokyo, 5 January 2018\n\n"
    "Foreign Minister Taro Kono met Khawaja Asif in Islamabad on 4 January 2018, "
    "the ministry said.\n"
)
LIMA = "Lima forum\n\nPeru hosted the Pacific trade forum in Lima on 9 May 2016.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = (tmp_path / "press").resolve()
    (root / "2018").mkdir(parents=True)
    (root / "2018" / "dawn.txt").write_text(DAWN, encoding="utf-8")
    (root / "2018" / "mofa.txt").write_text(MOFA, encoding="utf-8")
    (root / "lima.txt").write_text(LIMA, encoding="utf-8")
    return root


@pytest.fixture
def store(tmp_path: Path, folder: Path):
    with Store(tmp_path / "c.db") as s:
        ingest_paths(s, [folder])
        yield s


def meeting(store: Store) -> list[tuple]:
    """The Islamabad meeting: its date, how many sources report it, and which."""
    return store.execute(
        "SELECT date_start, source_count, group_concat(source, ' ') FROM "
        "(SELECT e.id, e.date_start, e.source_count, s.source FROM events e "
        "JOIN event_sources s ON s.event_id = e.id WHERE e.type = 'meeting' ORDER BY s.source) "
        "GROUP BY id"
    )


def test_a_deleted_file_is_stale_under_its_folders_only(store, folder, tmp_path):
    (folder / "2018" / "mofa.txt").unlink()
    stale = [str(folder / "2018" / "mofa.txt")]
    assert stale_documents(store, folder) == stale
    assert stale_documents(store, folder / "2018") == stale
    assert stale_documents(store, tmp_path / "elsewhere") == []


def test_a_folder_that_is_gone_finds_nothing_stale(store, folder, tmp_path):
    # An unmounted disk looks like a deleted folder: it must never empty the chronicle.
    (folder / "lima.txt").unlink()
    folder.rename(tmp_path / "moved-away")
    assert stale_documents(store, folder) == []


def test_ingest_counts_the_stale_documents_of_each_folder_it_was_given(store, folder):
    (folder / "2018" / "mofa.txt").unlink()
    (folder / "lima.txt").unlink()
    report = ingest_paths(store, [folder])
    assert report.stale == {
        str(folder): [str(folder / "2018" / "mofa.txt"), str(folder / "lima.txt")]
    }
    assert report.pruned == [] and store.counts()["documents"] == 3
    assert ingest_paths(store, [folder / "2018" / "dawn.txt"]).stale == {}


def test_prune_drops_them_and_the_merged_event_reforms(store, folder):
    assert meeting(store) == [("2018-01-04", 2, "dawn.txt mofa.txt")]
    (folder / "2018" / "mofa.txt").unlink()
    assert prune(store, folder) == [str(folder / "2018" / "mofa.txt")]
    assert meeting(store) == [("2018-01-04", 1, "dawn.txt")]
    assert store.counts()["documents"] == 2
    assert stale_documents(store, folder) == []
    assert store.check() == []


def test_ingest_with_prune_drops_them_after_reading(store, folder):
    (folder / "2018" / "dawn.txt").unlink()
    report = ingest_paths(store, [folder], prune=True)
    assert report.pruned == [str(folder / "2018" / "dawn.txt")]
    assert report.stale == {str(folder): []}
    assert meeting(store) == [("2018-01-04", 1, "mofa.txt")]


def test_a_file_that_cannot_be_looked_at_is_not_stale(store, folder, monkeypatch):
    hidden = folder / "2018"
    real_stat = os.stat

    def no_permission(path, *args, **kwargs):
        if Path(path).parent == hidden:  # a folder its owner closed to us
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", no_permission)
    (folder / "lima.txt").unlink()
    assert stale_documents(store, folder) == [str(folder / "lima.txt")]
