"""How the command ends: a closed pipe, the browser's return code, Ctrl+C on the first run.

Real `chronicle` processes on real files, except the browser's return code, which
is read from the real app run headless through the CLI's own `run_app`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle.cli import run_app
from chronicle.store import Store
from chronicle.tui import make_app

COMMAND = [sys.executable, "-m", "chronicle.cli"]


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["stats", "--json"],
        ["search", "--limit", "0"],
        ["search", "kono", "--json"],
        ["documents"],
        ["documents", "--json"],
        ["--help"],
    ],
)
def test_a_reader_that_went_away_is_a_normal_end(fixture_db, args):
    """`chronicle stats | true`: the pipe is closed before the first line is written."""
    process = subprocess.Popen(
        [*COMMAND, *args, *([] if args == ["--help"] else ["--db", str(fixture_db)])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert (process.wait(timeout=120), stderr) == (0, "")


def test_reading_the_first_lines_only_is_a_normal_end(fixture_db):
    """`chronicle search | head -1` on an output larger than the pipe's buffer."""
    process = subprocess.Popen(
        [*COMMAND, "search", "--limit", "0", "--json", "--db", str(fixture_db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert (process.wait(timeout=120), stderr) == (0, "")


class TestBrowserExitCode:
    async def quit(self, pilot) -> None:
        await pilot.press("q")

    async def fail_with_3(self, pilot) -> None:
        await pilot.pause()
        pilot.app.exit(return_code=3)

    async def crash(self, pilot) -> None:
        await pilot.pause()
        pilot.app.call_later(lambda: [][1])

    @pytest.mark.parametrize(("pilot", "code"), [("quit", 0), ("fail_with_3", 3), ("crash", 1)])
    def test_the_browsers_return_code_becomes_the_exit_code(self, fixture_db, pilot, code):
        with Store(fixture_db) as store:
            app = make_app(store)
            assert run_app(app, headless=True, auto_pilot=getattr(self, pilot)) == code


class TestFirstRun:
    def env(self, home: Path) -> dict[str, str]:
        env = {**os.environ, "XDG_DATA_HOME": str(home)}
        env.pop("CHRONICLE_DB", None)
        return env

    def test_ctrl_c_during_the_first_build_leaves_no_half_built_database(self, tmp_path):
        database = tmp_path / "chronicle" / "chronicle.db"
        building = tmp_path / "chronicle" / ".chronicle.db.building"
        process = subprocess.Popen(
            [*COMMAND, "stats", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env(tmp_path),
        )
        deadline = time.monotonic() + 60
        while not building.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        assert (process.returncode, stderr) == (130, "interrupted\n")
        assert not database.exists() and not building.exists()

        again = subprocess.run(
            [*COMMAND, "stats", "--json"],
            capture_output=True,
            text=True,
            timeout=120,
            env=self.env(tmp_path),
        )
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["counts"] == {
            "documents": 5,
            "mentions": 46,
            "events": 43,
        }
        assert sorted(p.name for p in database.parent.iterdir()) == ["chronicle.db"]
