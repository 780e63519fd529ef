"""Walking folders: links kept inside the folder, and an account of everything skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.ingest.text import discover as discover_module
from chronicle.ingest.text.discover import (
    LINK_BROKEN,
    LINK_OUT,
    UNSUPPORTED,
    Skipped,
    discover,
    iter_paths,
)

BRIEF = "Kono met Qureshi in Islamabad on 4 January 2018.\n"


def _files(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BRIEF, encoding="utf-8")


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A desk folder with an archive beside it that links lead to."""
    _files(tmp_path / "desk", "2018/kono.txt", "2018/notes.md", "minutes.html")
    _files(tmp_path / "archive", "old/1998.txt", "secret.txt")
    return tmp_path


def test_links_out_of_the_folder_are_skipped_and_reported(desk: Path) -> None:
    (desk / "desk/secret.txt").symlink_to(desk / "archive/secret.txt")
    (desk / "desk/old").symlink_to(desk / "archive/old", target_is_directory=True)
    found = discover([desk / "desk"])
    assert _names(found.files, desk / "desk") == ["minutes.html", "2018/kono.txt", "2018/notes.md"]
    assert found.skipped == [
        Skipped(desk / "desk/old", "link", LINK_OUT),
        Skipped(desk / "desk/secret.txt", "link", LINK_OUT),
    ]
    assert found.summary() == [f"2 links skipped: {LINK_OUT}"]


def test_follow_links_reads_what_they_lead_to(desk: Path) -> None:
    (desk / "desk/secret.txt").symlink_to(desk / "archive/secret.txt")
    (desk / "desk/old").symlink_to(desk / "archive/old", target_is_directory=True)
    (desk / "archive/old/back").symlink_to(desk / "desk", target_is_directory=True)  # a loop
    found = discover([desk / "desk"], follow_links=True)
    assert _names(found.files, desk / "desk") == [
        "minutes.html",
        "secret.txt",
        "2018/kono.txt",
        "2018/notes.md",
        "old/1998.txt",
    ]
    assert found.skipped == []


def test_a_link_inside_the_folder_is_one_more_name_for_a_file_walked_once(desk: Path) -> None:
    (desk / "desk/latest.txt").symlink_to(desk / "desk/2018/kono.txt")
    (desk / "desk/this-year").symlink_to(desk / "desk/2018", target_is_directory=True)
    found = discover([desk / "desk"])
    assert _names(found.files, desk / "desk") == ["latest.txt", "minutes.html", "2018/notes.md"]
    assert found.skipped == []


def test_a_broken_link_is_reported(desk: Path) -> None:
    (desk / "desk/moved.txt").symlink_to(desk / "desk/nowhere.txt")
    found = discover([desk / "desk"])
    assert found.skipped == [Skipped(desk / "desk/moved.txt", "link", LINK_BROKEN)]


def test_unsupported_files_are_counted_by_type(tmp_path: Path) -> None:
    _files(tmp_path, "a.pptx", "b.PPTX", "sub/c.pptx", "budget.xlsx", "scan.odp", "README")
    _files(tmp_path, "brief.txt", ".DS_Store", ".git/config.txt")
    found = discover([tmp_path])
    assert _names(found.files, tmp_path) == ["brief.txt"]
    assert found.summary() == [
        f"3 .pptx skipped: {UNSUPPORTED}",
        f"1 .odp skipped: {UNSUPPORTED}",
        f"1 .xlsx skipped: {UNSUPPORTED}",
        f"1 file with no extension skipped: {UNSUPPORTED}",
    ]


def test_an_unreadable_folder_is_reported_and_the_rest_read(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run as root, chmod 000 would not stop the walk, so the listing is refused here.
    locked = desk / "desk/2018"
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(discover_module.os, "scandir", scandir)
    found = discover([desk / "desk"])
    assert _names(found.files, desk / "desk") == ["minutes.html"]
    assert found.skipped == [Skipped(locked, "folder", "permission denied")]
    assert found.summary() == ["1 folder skipped: permission denied"]


def test_files_named_outright_are_kept_as_given(desk: Path) -> None:
    named = desk / "archive/secret.txt"
    found = list(iter_paths([named, desk / "desk/minutes.html", named]))
    assert found == [named, desk / "desk/minutes.html"]
