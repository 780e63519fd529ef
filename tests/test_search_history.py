"""The query history file: newest first, each query once, kept across sessions, never in the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.tui.history import HISTORY_ENV, History, history_path, merged, parse


def test_a_query_searched_again_moves_to_the_front_and_blanks_are_left_out():
    assert merged(["country:pk"], ["kono", "country:pk ", "", "tokyo"]) == [
        "country:pk",
        "kono",
        "tokyo",
    ]
    assert merged(["a", "b", "c"], ["d"], limit=2) == ["a", "b"]


def test_queries_are_saved_newest_first_one_a_line(tmp_path: Path):
    path = tmp_path / "state" / "search-history"
    history = History(path)
    history.add("kono asif in:2018")
    history.add("tokyo")
    history.add("kono asif in:2018")
    assert history.entries == ["kono asif in:2018", "tokyo"]
    assert path.read_text(encoding="utf-8") == "kono asif in:2018\ntokyo\n"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


def test_a_second_session_recalls_the_first_and_both_keep_their_queries(tmp_path: Path):
    path = tmp_path / "search-history"
    morning = History(path)
    morning.add('"strategic dialogue" country:pk')
    afternoon = History(path)
    assert afternoon.entries == ['"strategic dialogue" country:pk']
    afternoon.add("actor:kishida")
    morning.add("type:visit after:2015")
    assert History(path).entries == [
        "type:visit after:2015",
        "actor:kishida",
        '"strategic dialogue" country:pk',
    ]


def test_the_oldest_queries_go_past_the_limit(tmp_path: Path):
    history = History(tmp_path / "h", limit=3)
    for year in range(2015, 2020):
        history.add(f"in:{year}")
    assert history.entries == ["in:2019", "in:2018", "in:2017"]
    assert History(tmp_path / "h", limit=3).entries == ["in:2019", "in:2018", "in:2017"]


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00k\x00o\x00n\x00o", b"kono\n\x1b[31mtokyo\n", b"x" * (1 << 20) + b"y"],
    ids=["utf-16", "escape sequence", "too long"],
)
def test_a_file_that_is_no_history_is_neither_read_nor_overwritten(tmp_path: Path, data: bytes):
    path = tmp_path / "search-history"
    path.write_bytes(data)
    history = History(path)
    assert history.entries == []
    history.add("country:jp")
    assert history.entries == ["country:jp"]
    assert path.read_bytes() == data
    assert parse(data) is None


def test_a_folder_in_the_way_leaves_the_history_to_this_session(tmp_path: Path):
    (tmp_path / "search-history").mkdir()
    history = History(tmp_path / "search-history")
    history.add("kono")
    assert history.entries == ["kono"]
    assert (tmp_path / "search-history").is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only folder")
def test_an_unwritable_folder_leaves_the_history_to_this_session(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    history = History(folder / "search-history")
    history.add("kono")
    assert history.entries == ["kono"]
    assert list(folder.iterdir()) == []


def test_a_history_whose_folder_is_a_file_keeps_the_queries_in_memory(tmp_path: Path):
    (tmp_path / "state").write_text("not a folder\n")
    history = History(tmp_path / "state" / "search-history")
    history.add("kono")
    history.add("tokyo")
    assert history.entries == ["tokyo", "kono"]
    assert (tmp_path / "state").read_text() == "not a folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state"]


def test_the_history_is_in_the_state_directory_unless_named(monkeypatch, tmp_path: Path):
    monkeypatch.delenv(HISTORY_ENV, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert history_path() == tmp_path / "xdg" / "chronicle" / "search-history"
    monkeypatch.setenv(HISTORY_ENV, str(tmp_path / "mine"))
    assert history_path() == tmp_path / "mine"
