"""The Store's questions about stored paths: which are under a folder, which text one holds, moving one."""

from __future__ import annotations

from pathlib import Path

from chronicle.library import ingest_paths
from chronicle.store import Store

NOTES = {
    "briefs/oslo.txt": "Oslo talks\n\nNorway and Japan signed a fisheries agreement in Oslo "
    "on 14 March 2019.\n",
    "briefs/lima.txt": "Lima forum\n\nPeru hosted the Pacific trade forum in Lima on 9 May 2016.\n",
    "briefs-old/abe.txt": "Abe in Ankara\n\nShinzo Abe visited Ankara on 28 October 2013.\n",
}


def test_paths_under_a_folder_hashes_and_a_move(tmp_path: Path) -> None:
    for name, text in NOTES.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    root = tmp_path.resolve()
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [root / "briefs", root / "briefs-old"])
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
