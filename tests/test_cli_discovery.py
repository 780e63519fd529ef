"""`chronicle ingest` on real folders says what it left out and why, and refuses big files.

Links out of the folder given are not followed unless --follow-links says so, a folder
it may not list is named as skipped, files of other types are counted by type, and
--max-size (or CHRONICLE_MAX_FILE_MB) refuses a larger file unread.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.ingest.text import discover as discover_module
from chronicle.store import Store

OSLO = "Oslo talks\n\nNorway and Japan signed a fisheries agreement in Oslo on 14 March 2019.\n"
LIMA = "Lima forum\n\nPeru hosted the Pacific trade forum in Lima on 9 May 2016.\n"
KONO = "Kono in Islamabad\n\nTaro Kono met Khawaja Asif in Islamabad on 4 January 2018.\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A folder of briefs, with an archive beside it (outside the folder ingested)."""
    root = tmp_path.resolve()
    (root / "desk" / "2019").mkdir(parents=True)
    (root / "desk" / "2019" / "oslo.txt").write_text(OSLO, encoding="utf-8")
    (root / "archive").mkdir()
    (root / "archive" / "lima.txt").write_text(LIMA, encoding="utf-8")
    return root


def ingest(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["ingest", *args])
    return result.exit_code, result.stderr.splitlines()


def stored(db: Path) -> list[str]:
    with Store(db) as store:
        return [str(d["path"]) for d in store.documents()]


def test_a_link_out_of_the_folder_is_skipped_and_reported(desk: Path) -> None:
    (desk / "desk" / "lima.txt").symlink_to(desk / "archive" / "lima.txt")
    db = desk / "c.db"
    code, lines = ingest(str(desk / "desk"), "--db", str(db))
    assert code == 0
    assert lines[-2:] == [
        "1 link skipped: symbolic link out of the folder (--follow-links follows it)",
        "added 1 document(s) with 1 dated mention(s); 0 unchanged, 0 skipped. "
        "The chronicle holds 1 events from 1 documents.",
    ]
    assert stored(db) == [str(desk / "desk" / "2019" / "oslo.txt")]


def test_follow_links_reads_the_file_and_stores_its_real_path(desk: Path) -> None:
    (desk / "desk" / "lima.txt").symlink_to(desk / "archive" / "lima.txt")
    (desk / "desk" / "old").symlink_to(desk / "archive", target_is_directory=True)
    (desk / "archive" / "kono.txt").write_text(KONO, encoding="utf-8")
    db = desk / "c.db"
    code, lines = ingest(str(desk / "desk"), "--db", str(db), "--follow-links")
    assert code == 0 and lines[-1].startswith("added 3 document(s)")
    assert sorted(stored(db)) == [
        str(desk / "archive" / "kono.txt"),
        str(desk / "archive" / "lima.txt"),
        str(desk / "desk" / "2019" / "oslo.txt"),
    ]


def test_files_of_other_types_are_counted_by_type(desk: Path) -> None:
    for name in ("budget.xlsx", "minutes.pptx", "agenda.pptx", "Visit.PPTX", "README"):
        (desk / "desk" / name).write_bytes(b"PK\x03\x04 not text")
    code, lines = ingest(str(desk / "desk"), "--db", str(desk / "c.db"))
    assert code == 0
    assert lines[:-1] == [
        "3 .pptx skipped: unsupported type",
        "1 .xlsx skipped: unsupported type",
        "1 file with no extension skipped: unsupported type",
    ]


def test_a_folder_it_may_not_list_is_reported_and_the_rest_read(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = desk / "desk" / "private"
    locked.mkdir()
    (locked / "kono.txt").write_text(KONO, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root lists a folder whatever its mode: refuse it as the OS would
        real = os.scandir

        def scandir(path: os.PathLike[str] | str) -> object:
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(discover_module.os, "scandir", scandir)
    try:
        code, lines = ingest(str(desk / "desk"), "--db", str(desk / "c.db"))
    finally:
        locked.chmod(0o700)
    assert code == 0
    assert lines[-2] == "1 folder skipped: permission denied"
    assert stored(desk / "c.db") == [str(desk / "desk" / "2019" / "oslo.txt")]


def test_a_suffix_is_shown_with_its_controls_visible(desk: Path) -> None:
    (desk / "desk" / "notes.\x1b[2J").write_text(OSLO, encoding="utf-8")
    code, lines = ingest(str(desk / "desk"), "--db", str(desk / "c.db"))
    assert code == 0 and lines[0] == "1 .\\x1b[2j skipped: unsupported type"


def test_the_database_kept_in_the_folder_is_not_called_skipped(desk: Path) -> None:
    db = desk / "desk" / "chronicle.db"
    ingest(str(desk / "desk"), "--db", str(db))
    code, lines = ingest(str(desk / "desk"), "--db", str(db))
    assert code == 0 and lines == [
        "added 0 document(s) with 0 dated mention(s); 1 unchanged, 0 skipped. "
        "The chronicle holds 1 events from 1 documents."
    ]


def test_max_size_refuses_a_larger_file_unread(desk: Path) -> None:
    long_brief = desk / "desk" / "long.txt"
    long_brief.write_text(KONO + "The talks covered trade and regional security.\n" * 30)
    db = desk / "c.db"
    code, lines = ingest(str(desk / "desk"), "--db", str(db), "--max-size", "0.001")
    assert code == 0
    assert lines[0].startswith(f"skipped {long_brief}: too big to read (")
    assert stored(db) == [str(desk / "desk" / "2019" / "oslo.txt")]


def test_max_size_zero_lifts_the_limit_the_environment_sets(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (desk / "desk" / "kono.txt").write_text(KONO * 20, encoding="utf-8")
    monkeypatch.setenv("CHRONICLE_MAX_FILE_MB", "0.001")
    code, lines = ingest(str(desk / "desk"), "--db", str(desk / "a.db"))
    assert "too big to read" in lines[0] and lines[-1].startswith("added 1 document(s)")
    code, lines = ingest(str(desk / "desk"), "--db", str(desk / "b.db"), "--max-size", "0")
    assert code == 0 and lines[-1].startswith("added 2 document(s)")


def test_max_size_must_be_a_number_of_megabytes(desk: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(desk), "--max-size", "-1"])
    assert result.exit_code == 2 and "--max-size" in result.stderr
