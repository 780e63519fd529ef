"""Shared fixtures: stores on real SQLite files, and one built from the bundled documents."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual.app

from chronicle.store import Store
from tests.pilot import between_keys


@pytest.fixture(scope="session", autouse=True)
def keys_wait_on_the_app() -> Iterator[None]:
    """`Pilot.press` waits after each key until the app has handled it, not for 40 ms
    of the clock and an idle-looking process (see tests.pilot.between_keys)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual.app, "wait_for_idle", between_keys)
        yield


@pytest.fixture(autouse=True)
def private_search_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps its search history in its own file, never the user's."""
    path = tmp_path / "search-history"
    monkeypatch.setenv("CHRONICLE_HISTORY", str(path))
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty chronicle database in a temporary file."""
    with Store(tmp_path / "chronicle.db") as s:
        yield s


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file built once from the five bundled documents."""
    from chronicle.library import fixtures_dir, ingest_paths

    path = tmp_path_factory.mktemp("fixture-db") / "chronicle.db"
    with Store(path) as s:
        report = ingest_paths(s, [fixtures_dir()])
    assert not report.failed, report.failed
    return path


@pytest.fixture
def fixture_store(fixture_db: Path) -> Iterator[Store]:
    """The fixture database, opened (tests must not write to it)."""
    with Store(fixture_db) as s:
        yield s


@pytest.fixture
def app_store(fixture_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the fixture database, opened, for an app that may write to it."""
    copy = tmp_path / "copy.db"
    shutil.copy(fixture_db, copy)
    with Store(copy) as s:
        yield s
