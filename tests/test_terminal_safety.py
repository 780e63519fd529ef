"""File names and document text reach the terminal as visible escapes, never as controls.

Each channel the command line writes to is driven through a real `chronicle`
process: the progress line (on a real pseudo-terminal), messages on stderr, the
tables of `documents`, `stats` and `search`, and `--json`. The hostile name carries
an OSC 52 clipboard write, Rich markup (`[link=...]`, `[blink]`), a bidi override
(U+202E) and a C1 control sequence introducer (U+009B), and sits in a folder named
`a[/x]`, which once aborted a whole ingest with a markup error.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = (
    "brief \x1b]52;c;cm0gLXJmIH4K\x07 [link=mailto:desk@example.org]here "
    "[blink]now \u202eevil\u009b2J.txt"
)
"""A file name that, shown raw, writes `rm -rf ~` to the clipboard and reads backwards."""

SHOWN = (
    "brief \\x1b]52;c;cm0gLXJmIH4K\\x07 [link=mailto:desk@example.org]here "
    "[blink]now \\u202eevil\\x9b2J.txt"
)
"""The same name as the terminal must receive it."""

RAW = ("\x1b]52", "\x07", "\u202e", "\u009b", "\x1b]8;", "\x1b[5m")
"""What must never reach the terminal: the clipboard write, BEL, the bidi override,
the C1 CSI, a Rich hyperlink and Rich blink."""

NOTE = (
    "Rail corridor talks\n\n"
    "On 4 May 2021 Zambia and Tanzania agreed to reopen the [blink]rail corridor[/blink] "
    "to freight.\n"
)


def chronicle(*args: str, columns: int = 2000) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def assert_safe(output: str) -> None:
    found = [raw for raw in RAW if raw in output]
    assert found == [], found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(database, the hostile file) after a real `chronicle ingest` of folder `a[/x]`."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "a[" / "x]"
    folder.mkdir(parents=True)
    path = folder / HOSTILE
    path.write_text(NOTE, encoding="utf-8")
    db = root / "c.db"
    result = chronicle("ingest", str(root / "a["), "--db", str(db), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "added 1 document(s)" in result.stderr
    return db, path


def run_on_terminal(args: list[str]) -> tuple[int, str]:
    """Run `chronicle ARGS` with stderr on a pseudo-terminal: (exit code, what it showed)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "2000", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "chronicle.cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=180), shown.decode("utf-8", errors="replace")


class TestProgress:
    def test_the_progress_line_shows_the_name_escaped_and_a_bracket_folder_is_read(self, tmp_path):
        folder = tmp_path / "a[" / "x]"
        folder.mkdir(parents=True)
        (folder / HOSTILE).write_text(NOTE, encoding="utf-8")
        code, shown = run_on_terminal(
            ["ingest", str(tmp_path / "a["), "--db", str(tmp_path / "c.db"), "--jobs", "1"]
        )
        assert code == 0, shown
        assert SHOWN in shown and "added 1 document(s)" in shown
        assert_safe(shown)


class TestMessages:
    def test_a_skipped_file_is_named_escaped(self, tmp_path):
        (tmp_path / HOSTILE).write_bytes(b"")
        result = chronicle("ingest", str(tmp_path), "--db", str(tmp_path / "c.db"))
        assert result.returncode == 1
        assert f"skipped {tmp_path}/{SHOWN}: empty file" in result.stderr.splitlines()
        assert_safe(result.stderr)

    def test_a_missing_path_and_a_missing_database_are_named_escaped(self, tmp_path):
        missing = chronicle("ingest", str(tmp_path / HOSTILE), "--db", str(tmp_path / "c.db"))
        assert missing.returncode == 1
        assert missing.stderr == f"Error: no such file or folder: {tmp_path}/{SHOWN}\n"
        no_db = chronicle("stats", "--db", str(tmp_path / f"{HOSTILE}.db"))
        assert no_db.returncode == 1
        assert no_db.stderr.startswith(f"Error: no database at {tmp_path}/{SHOWN}.db;")
        assert_safe(missing.stderr + no_db.stderr)

    def test_remove_names_what_it_removed_escaped(self, tmp_path):
        (tmp_path / HOSTILE).write_text(NOTE, encoding="utf-8")
        db = str(tmp_path / "c.db")
        assert chronicle("ingest", str(tmp_path / HOSTILE), "--db", db).returncode == 0
        result = chronicle("remove", str(tmp_path / HOSTILE), "--db", db)
        assert result.returncode == 0
        assert result.stderr == f"removed {tmp_path}/{SHOWN}\n"


class TestTables:
    def test_documents_shows_the_path_escaped(self, hostile):
        db, path = hostile
        result = chronicle("documents", "--db", str(db))
        assert result.returncode == 0
        assert f"{path.parent}/{SHOWN}" in result.stdout
        assert_safe(result.stdout)

    def test_stats_shows_the_source_escaped(self, hostile):
        db, _ = hostile
        result = chronicle("stats", "--db", str(db))
        assert result.returncode == 0
        header = "source".ljust(len(SHOWN)) + "  events"
        assert result.stdout.splitlines()[-2:] == [header, f"{SHOWN}       1"]
        assert_safe(result.stdout)

    def test_search_shows_markup_from_a_document_as_written(self, hostile):
        db, _ = hostile
        result = chronicle("search", "corridor", "--db", str(db))
        assert result.returncode == 0
        assert "[blink]rail corridor[/blink]" in result.stdout
        assert "2021-05-04" in result.stdout
        assert_safe(result.stdout + result.stderr)


class TestJson:
    def test_search_json_keeps_the_real_path_in_ascii_escapes(self, hostile):
        db, path = hostile
        result = chronicle("search", "--json", "--db", str(db))
        assert result.returncode == 0 and result.stdout.isascii()
        [event] = json.loads(result.stdout)
        assert [s["document"] for s in event["sources"]] == [str(path)]
        assert "\\u001b]52;c;" in result.stdout and "\\u202e" in result.stdout

    def test_documents_and_stats_json_keep_the_real_strings_in_ascii_escapes(self, hostile):
        db, path = hostile
        documents = chronicle("documents", "--json", "--db", str(db))
        stats = chronicle("stats", "--json", "--db", str(db))
        assert documents.stdout.isascii() and stats.stdout.isascii()
        assert [d["path"] for d in json.loads(documents.stdout)] == [str(path)]
        assert json.loads(stats.stdout)["source"] == {HOSTILE: 1}
