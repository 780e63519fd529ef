"""Pictures of the browser over the bundled documents: the main screen, the context view,
the source screen, the comparison of sources and the facets, at 80x24 and 160x45 and
under NO_COLOR. A layout change shows as an SVG diff in snapshot_report.html; once it is
looked at and wanted, `pytest tests/test_tui_snapshots.py --snapshot-update` keeps it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension
from textual.pilot import Pilot

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from tests.pilot import settle

# pytest-textual-snapshot 1.0.0 (the release that allows pytest 9) names its extension the
# way syrupy 4 read it; syrupy 5 and later read `file_extension`, else the files end in .raw.
SVGImageExtension.file_extension = "svg"

DOCUMENTS = Path("/tmp/chronicle-snapshots/fixtures")
"""Where the documents are read from: the detail pane, source screen and comparison show a
document's path, so it must be the same in every checkout and every run."""

SMALL = (80, 24)
LARGE = (160, 45)

Snap = Callable[..., bool]


def copy_documents(target: Path) -> None:
    """Put the bundled documents in `target`, each written whole under its final name, so
    two test runs at once read the same files and no run sees half of one."""
    target.mkdir(parents=True, exist_ok=True)
    bundled = {path.name: path for path in fixtures_dir().glob("*.txt")}
    for stale in target.glob("*.txt"):  # not another run's hidden part files
        if stale.name not in bundled:
            stale.unlink(missing_ok=True)
    for name, path in bundled.items():
        part = target / f".{name}.{os.getpid()}"
        shutil.copyfile(path, part)
        part.replace(target / name)


@pytest.fixture(scope="module")
def pictured_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chronicle of the bundled documents, read from the fixed folder."""
    copy_documents(DOCUMENTS)
    path = tmp_path_factory.mktemp("snapshot-db") / "chronicle.db"
    with Store(path) as store:
        report = ingest_paths(store, [DOCUMENTS])
    assert not report.failed, report.failed
    return path


@pytest.fixture
def pictured_store(
    pictured_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """A copy of the pictured chronicle, opened, with no colour or theme chosen by the
    environment the tests happen to run in."""
    for name in ("NO_COLOR", "TEXTUAL_THEME"):
        monkeypatch.delenv(name, raising=False)
    copy = tmp_path / "chronicle.db"
    shutil.copy(pictured_db, copy)
    with Store(copy) as store:
        yield store


def pressing(*keys: str, on_event: int | None = None) -> Callable[[Pilot], Awaitable[None]]:
    """What to do before the picture: settle, put the cursor on `on_event` if given, then
    press each key and settle after it."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        if on_event is not None:
            assert pilot.app.screen.query_one(Timeline).move_to_id(on_event)
            await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def first_with_sources(store: Store, count: int) -> int:
    """The id of the earliest event reported by at least `count` sources."""
    ids, _ = Searcher(store).ids("")
    return next(e.id for e in store.events_by_ids(ids) if e.source_count >= count)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x45"])
def test_main_screen(snap_compare: Snap, pictured_store: Store, size: tuple[int, int]) -> None:
    """Every event: the timeline, the first event's detail, the status line and histogram."""
    assert snap_compare(make_app(pictured_store), terminal_size=size, run_before=pressing())


def test_main_screen_without_colour(
    snap_compare: Snap, pictured_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: black and white, the cursor row reversed, no grey text."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(pictured_store), terminal_size=SMALL, run_before=pressing())


def test_context_around_a_hit(snap_compare: Snap, pictured_store: Store) -> None:
    """After searching for Kono, `c`: every event, Kono's marked, the rest dimmed."""
    keys = ("slash", *"Kono", "enter", "j", "c")
    assert snap_compare(make_app(pictured_store), terminal_size=SMALL, run_before=pressing(*keys))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x45"])
def test_source_screen(snap_compare: Snap, pictured_store: Store, size: tuple[int, int]) -> None:
    """`o` on the earliest event two documents report: the first one's text, at its sentence."""
    event = first_with_sources(pictured_store, 2)
    run_before = pressing("o", on_event=event)
    assert snap_compare(make_app(pictured_store), terminal_size=size, run_before=run_before)


def test_comparison_of_sources(snap_compare: Snap, pictured_store: Store) -> None:
    """`=` on an event two documents report: their dates, actors and sentences side by side."""
    run_before = pressing("equals_sign", on_event=first_with_sources(pictured_store, 2))
    assert snap_compare(make_app(pictured_store), terminal_size=LARGE, run_before=run_before)


def test_facets(snap_compare: Snap, pictured_store: Store) -> None:
    """`f` on every event: counts by type, country, actor, source and year."""
    assert snap_compare(make_app(pictured_store), terminal_size=SMALL, run_before=pressing("f"))
