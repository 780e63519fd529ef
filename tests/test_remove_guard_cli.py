"""The command's side of the guards: `remove` asks first, `--dry-run` lists, ingest counts stale files.

The options are wired into `chronicle.cli` from `chronicle.removal` (plan_removal,
remove_planned) and `chronicle.library` (ingest_paths(prune=...)).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.store import Store

NOTES = {
    "oslo.txt": "Oslo talks\n\nNorway and Japan signed a fisheries agreement in Oslo on 14 March 2019.\n",
    "lima.txt": "Lima forum\n\nPeru hosted the Pacific trade forum in Lima on 9 May 2016.\n",
    "kono.txt": "Kono in Islamabad\n\nTaro Kono met Khawaja Asif in Islamabad on 4 January 2018.\n",
    "abe.txt": "Abe in Ankara\n\nShinzo Abe visited Ankara on 28 October 2013 for talks on a nuclear plant.\n",
}


@pytest.fixture
def chronicle(tmp_path: Path) -> tuple[Path, str]:
    folder = (tmp_path / "briefs").resolve()
    folder.mkdir()
    for name, text in NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", db]).exit_code == 0
    return folder, db


def stored(db: str) -> list[str]:
    with Store(db) as store:
        return sorted(Path(str(d["path"])).name for d in store.documents())


def test_a_renamed_file_is_moved_not_called_a_duplicate(chronicle):
    folder, db = chronicle
    (folder / "oslo.txt").rename(folder / "oslo-2019.txt")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert "kept once" not in result.output
    assert stored(db) == ["abe.txt", "kono.txt", "lima.txt", "oslo-2019.txt"]


def test_a_folder_is_not_removed_without_yes(chronicle):
    folder, db = chronicle
    result = CliRunner().invoke(cli, ["remove", str(folder), "--db", db])
    assert result.exit_code == 1
    assert "4 document" in result.stderr and "--yes" in result.stderr
    assert len(stored(db)) == 4


def test_dry_run_lists_and_removes_nothing(chronicle):
    folder, db = chronicle
    result = CliRunner().invoke(cli, ["remove", str(folder), "--dry-run", "--db", db])
    assert result.exit_code == 0, result.output
    assert sorted(Path(line).name for line in result.stdout.splitlines()) == sorted(NOTES)
    assert len(stored(db)) == 4


def test_yes_removes_the_folder(chronicle):
    folder, db = chronicle
    result = CliRunner().invoke(cli, ["remove", str(folder), "--yes", "--db", db])
    assert result.exit_code == 0, result.output
    assert stored(db) == []


def test_one_file_needs_no_question_and_a_typo_removes_nothing(chronicle):
    folder, db = chronicle
    typo = CliRunner().invoke(cli, ["remove", str(folder / "lima.txt"), "lma.txt", "--db", db])
    assert typo.exit_code == 1 and "lma.txt" in typo.stderr
    assert len(stored(db)) == 4
    one = CliRunner().invoke(cli, ["remove", str(folder / "lima.txt"), "--db", db])
    assert one.exit_code == 0, one.output
    assert stored(db) == ["abe.txt", "kono.txt", "oslo.txt"]


def test_ingest_counts_stale_documents_and_prune_drops_them(chronicle):
    folder, db = chronicle
    (folder / "abe.txt").unlink()
    (folder / "kono.txt").unlink()
    counted = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
    assert counted.exit_code == 0, counted.output
    assert f"2 stored documents under {folder} no longer exist" in counted.stderr
    assert "--prune" in counted.stderr and len(stored(db)) == 4
    pruned = CliRunner().invoke(cli, ["ingest", "--prune", str(folder), "--db", db])
    assert pruned.exit_code == 0, pruned.output
    assert stored(db) == ["lima.txt", "oslo.txt"]
