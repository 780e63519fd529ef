"""The database is private, is read where it cannot be written, and is never made up.

A chronicle holds whole documents and the paths they came from: the file and the
folders chronicle creates are its owner's only. A chronicle on a read-only medium
(a mounted archive, a shared folder) is read, not refused. A database the user
names but that is not there is a typo, not a reason to build one from the samples.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.store import Store

COMMAND = [sys.executable, "-m", "chronicle.cli"]
NOTE = "Rail corridor talks\n\nOn 4 May 2021 Zambia and Tanzania agreed to reopen the corridor.\n"


def chronicle(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
        preexec_fn=lambda: os.umask(0o022),  # the common default, which would give 0644
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class TestPermissions:
    def test_a_new_database_and_the_folders_made_for_it_are_private(self, tmp_path):
        (tmp_path / "note.txt").write_text(NOTE)
        database = tmp_path / "desk" / "archive" / "c.db"
        result = chronicle("ingest", str(tmp_path / "note.txt"), "--db", str(database))
        assert result.returncode == 0, result.stderr
        assert [mode(p) for p in (database.parent.parent, database.parent, database)] == [
            0o700,
            0o700,
            0o600,
        ]
        with Store(database) as store:
            assert store.counts()["documents"] == 1
            wal = [mode(Path(f"{database}{suffix}")) for suffix in ("-wal", "-shm")]
        assert wal == [0o600, 0o600]

    def test_an_existing_files_mode_is_kept(self, tmp_path):
        (tmp_path / "note.txt").write_text(NOTE)
        database = tmp_path / "shared.db"
        database.touch(mode=0o640)
        database.chmod(0o640)
        result = chronicle("ingest", str(tmp_path / "note.txt"), "--db", str(database))
        assert result.returncode == 0, result.stderr
        assert mode(database) == 0o640


def read_only_run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `chronicle ARGS` with `folder` read-only: a read-only bind mount in a mount
    namespace of its own when we are root (root writes through file modes), else the
    folder's mode."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=180)
        finally:
            folder.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("no unshare to mount a read-only folder")
    script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
    result = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, "sh", str(folder), *COMMAND, *args],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if "mount:" in result.stderr or "unshare:" in result.stderr:
        pytest.skip(f"cannot mount a read-only folder here: {result.stderr.strip()}")
    return result


class TestReadOnly:
    @pytest.fixture
    def archive(self, tmp_path: Path) -> Path:
        """A chronicle of one note in a folder of its own, closed (no WAL files)."""
        (tmp_path / "note.txt").write_text(NOTE)
        folder = tmp_path / "archive"
        database = folder / "c.db"
        assert (
            chronicle("ingest", str(tmp_path / "note.txt"), "--db", str(database)).returncode == 0
        )
        return database

    def test_read_commands_read_a_chronicle_in_a_read_only_folder(self, archive):
        stats = read_only_run(archive.parent, "stats", "--json", "--db", str(archive))
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["counts"] == {"documents": 1, "mentions": 1, "events": 1}
        search = read_only_run(archive.parent, "search", "corridor", "--json", "--db", str(archive))
        assert [e["date_start"] for e in json.loads(search.stdout)] == ["2021-05-04"]
        documents = read_only_run(archive.parent, "documents", "--json", "--db", str(archive))
        assert [Path(d["path"]).name for d in json.loads(documents.stdout)] == ["note.txt"]
        assert sorted(p.name for p in archive.parent.iterdir()) == ["c.db"]

    def test_ingest_into_a_read_only_folder_says_so_in_one_line(self, archive, tmp_path):
        result = read_only_run(
            archive.parent, "ingest", str(tmp_path / "note.txt"), "--db", str(archive)
        )
        assert result.returncode == 1
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
        assert "read-only" in result.stderr.lower()


class TestNamedDatabases:
    def test_a_mistyped_chronicle_db_is_an_error(self, tmp_path):
        typo = tmp_path / "chronilce.db"
        result = chronicle("stats", env={"CHRONICLE_DB": str(typo)})
        assert result.returncode == 1
        assert result.stderr == (
            f"Error: no database at {typo}; run `chronicle ingest PATH --db {typo}` first\n"
        )
        assert not typo.exists()

    def test_the_browser_on_a_mistyped_db_is_an_error(self, tmp_path):
        typo = tmp_path / "typo.db"
        result = chronicle("--db", str(typo))
        assert result.returncode == 1 and result.stderr.startswith("Error: no database at ")
        assert not typo.exists()
