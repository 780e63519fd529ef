"""A row in a shape this version does not read (JSON another version wrote) is one line
of error in the store, the commands and the browser, never a traceback or a crash."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.store import Store, StoreError
from chronicle.tui import EventDetail, Timeline, make_app
from tests.pilot import settle

OBJECT_ACTORS = """UPDATE mentions SET actors = '[{"name": "Taro Kono", "key": "taro kono"}]'
WHERE actors != '[]'"""
"""Actors as objects, the form before migration 007 (the readers expect lists)."""


@pytest.fixture
def unreadable(fixture_db: Path, tmp_path: Path) -> Path:
    db = Path(shutil.copy(fixture_db, tmp_path / "old-shape.db"))
    with sqlite3.connect(db) as conn:
        conn.execute(OBJECT_ACTORS)
    return db


def an_event_with_actors(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        (event_id,) = conn.execute(
            "SELECT e.id FROM events e JOIN mentions m ON m.event_id = e.id "
            "WHERE m.actors != '[]' ORDER BY e.id LIMIT 1"
        ).fetchone()
    return event_id


def test_the_store_says_which_file_and_what_failed(unreadable: Path):
    with Store(unreadable) as store, pytest.raises(StoreError) as raised:
        store.event(an_event_with_actors(unreadable))
    assert str(raised.value) == f"{unreadable} holds a row this version cannot read (KeyError: 0)"


async def test_the_browser_reports_it_and_keeps_running(unreadable: Path):
    with Store(unreadable) as store:
        app = make_app(store)
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            assert timeline.move_to_id(an_event_with_actors(unreadable))
            await settle(pilot)
            assert app.is_running
            said = [n.message for n in app._notifications]
            assert f"{unreadable} holds a row this version cannot read (KeyError: 0)" in said
            await pilot.press("j")  # the next event is read as usual
            await settle(pilot)
            assert app.screen.query_one(EventDetail).text


def test_a_command_ends_with_one_line(unreadable: Path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "chronicle.cli",
            "search",
            "Kono",
            "--json",
            "--db",
            str(unreadable),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"Error: {unreadable} holds a row this version cannot read (KeyError: 0)"
    ]
