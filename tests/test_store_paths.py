"""The Store's questions about stored paths: which are under a folder, which text one holds, moving one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.store import Store

NOTES = {
    "briefs/oslo.txt": "Oslo talks\n\nNorway and Japan signed a fisheries agreement in Oslo "
    "on 14 March 2019.\n",
    "briefs/lima.txt": "Lima forum\n\nPeru hosted the Pacific trade forum in Lima on 9 May 2016.\n",
    "briefs-old/abe.txt": "Abe in Ankara\n\nShinzo Abe visited Ankara on 28 October 2013.\n",
}


def written(folder: Path, notes: dict[str, str]) -> Path:
    """Write each note at its relative path under `folder`; returns the folder, resolved."""
    for name, text in notes.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder.resolve()


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """The notes written under `tmp_path` and ingested: the open store and the folder."""
    root = written(tmp_path, NOTES)
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [root / "briefs", root / "briefs-old"])
        yield store, root


def test_paths_under_a_folder_hashes_and_a_move(stored: tuple[Store, Path]) -> None:
    store, root = stored
    assert store.paths_under(str(root / "briefs")) == [
        str(root / "briefs" / "lima.txt"),
        str(root / "briefs" / "oslo.txt"),
    ]
    oslo = str(root / "briefs" / "oslo.txt")
    held = store.hash_for_path(oslo)
    assert len(held) == 64 and store.hash_for_path(str(root / "briefs" / "x.txt")) is None
    assert store.move_document(oslo, str(root / "briefs" / "oslo-2019.txt")) is True
    assert store.hash_for_path(str(root / "briefs" / "oslo-2019.txt")) == held
    assert store.paths_under(str(root / "briefs")) == [
        str(root / "briefs" / "lima.txt"),
        str(root / "briefs" / "oslo-2019.txt"),
    ]
    assert store.move_document(oslo, str(root / "elsewhere.txt")) is False


def test_a_file_moved_under_its_own_name_keeps_its_events_and_index_rows(
    stored: tuple[Store, Path],
) -> None:
    """Nothing an event or the search index holds names a document's folder, so a move
    writes the path alone: the events keep their ids and rows, no event leaves the index."""
    store, root = stored
    events = store.execute("SELECT * FROM events ORDER BY id")
    index = store.execute("SELECT rowid, * FROM events_fts ORDER BY rowid")
    store.execute("CREATE TEMP TABLE touched (id INTEGER)")
    store.execute(
        "CREATE TEMP TRIGGER note_touched AFTER UPDATE ON events "
        "BEGIN INSERT INTO touched VALUES (new.id); END"
    )
    moved = str(root / "briefs-old" / "oslo.txt")
    assert store.move_document(str(root / "briefs" / "oslo.txt"), moved) is True
    assert store.execute("SELECT id FROM touched") == []
    assert store.execute("SELECT * FROM events ORDER BY id") == events
    assert store.execute("SELECT rowid, * FROM events_fts ORDER BY rowid") == index
    assert store.paths_under(str(root / "briefs-old")) == [
        str(root / "briefs-old" / "abe.txt"),
        moved,
    ]
    assert store.check() == []


def test_a_move_onto_a_stored_file_of_that_name_keeps_corrections_applied(tmp_path: Path) -> None:
    """The file the move replaces is dropped and its events regrouped, so the analyst's
    corrections of those events are applied again even though the moved file's own
    events need nothing."""
    notes = {
        "a/oslo.txt": NOTES["briefs/oslo.txt"],
        "b/oslo.txt": NOTES["briefs/lima.txt"],
        "b/lima-again.txt": NOTES["briefs/lima.txt"].replace("Lima forum", "Forum in Lima"),
    }
    root = written(tmp_path, notes)
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [root / "a", root / "b"])
        [(event_id,)] = store.execute("SELECT id FROM events WHERE source_count = 2")
        store.annotate(event_id, correction={"type": "anniversary"})
        assert store.move_document(str(root / "a" / "oslo.txt"), str(root / "b" / "oslo.txt"))
        [(kind,)] = store.execute("SELECT type FROM events WHERE date_start = '2016-05-09'")
        assert kind == "anniversary"
        assert store.check() == []
