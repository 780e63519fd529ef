"""The browser stays true while another process writes the database.

The app is open on a real file; a second `chronicle` process ingests or removes a
document. The app notices (PRAGMA data_version), searches again, keeps the cursor
on the same happening although it moved and may have a new id, shows that
happening's detail, and `y` copies it.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.store import Store
from chronicle.tui import EventDetail, Timeline, make_app
from chronicle.tui.main_screen import GONE, MainScreen
from tests.pilot import settle

SIZE = (120, 40)

OSLO = """Norway and Sri Lanka

On 10 January 2019 Norway reopened its embassy in Colombo.

On 14 March 2019 the foreign ministers of Norway and Sri Lanka met in Oslo to discuss the ceasefire.

On 2 May 2019 the delegations of Norway and Sri Lanka signed a memorandum in Colombo.
"""
REPORT = """Ceasefire talks

On 3 February 2019 the Norwegian envoy arrived in Colombo for talks with Sri Lanka.

The foreign ministers of Norway and Sri Lanka met in Oslo on 14 March 2019 to discuss the ceasefire.

The talks resumed in Geneva on 20 June 2019.
"""
OSLO_MEETING = (
    "On 14 March 2019 the foreign ministers of Norway and Sri Lanka met in Oslo"
    " to discuss the ceasefire."
)
REPORT_MEETING = (
    "The foreign ministers of Norway and Sri Lanka met in Oslo on 14 March 2019"
    " to discuss the ceasefire."
)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """`first/oslo.txt` and `second/report.txt`: both tell of the Oslo meeting."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "oslo.txt").write_text(OSLO, encoding="utf-8")
    (second / "report.txt").write_text(REPORT, encoding="utf-8")
    return first, second


async def chronicle(*args: str) -> None:
    """Run the `chronicle` command in a second process while the app goes on."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "chronicle.cli",
        *args,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await process.communicate()
    assert process.returncode == 0, err.decode()


async def wait_for_rows(pilot, count: int, seconds: float = 30) -> None:
    """Let the app poll until its timeline holds `count` rows, then settle."""
    timeline = pilot.app.screen.query_one(Timeline)
    deadline = time.monotonic() + seconds
    while len(timeline.ids) != count and time.monotonic() < deadline:
        await pilot.pause(0.05)  # the app polls the file every POLL_SECONDS
    await settle(pilot)
    assert len(timeline.ids) == count


async def highlight(pilot, date: str) -> int:
    """Put the cursor on the event of `date`; its id."""
    screen = pilot.app.screen
    timeline = screen.query_one(Timeline)
    for index in range(len(timeline.ids)):
        if screen.searcher.store.events_by_ids([timeline.ids[index]])[0].date_start == date:
            timeline.cursor = index
            await settle(pilot)
            return timeline.ids[index]
    raise AssertionError(f"no event on {date}")


def dates(app) -> list[str]:
    timeline = app.screen.query_one(Timeline)
    return [e.date_start for e in app.screen.searcher.store.events_by_ids(timeline.ids)]


def shown(app) -> tuple[int | None, int | None, str]:
    """The highlighted id, the id of the event in the detail pane, and the pane's text."""
    screen: MainScreen = app.screen
    current = screen.current.id if screen.current else None
    return screen.query_one(Timeline).current_id, current, screen.query_one(EventDetail).text


async def test_an_ingest_elsewhere_shows_up_with_the_cursor_on_the_same_happening(folders):
    first, second = folders
    db = first.parent / "live.db"
    with Store(db) as store:
        ingest_paths(store, [first])
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            meeting = await highlight(pilot, "2019-03-14")
            assert app.screen.query_one(Timeline).cursor == 1

            await chronicle("ingest", "--db", str(db), str(second))
            await wait_for_rows(pilot, 5)

            assert dates(app) == [
                "2019-01-10",
                "2019-02-03",
                "2019-03-14",
                "2019-05-02",
                "2019-06-20",
            ]
            timeline = app.screen.query_one(Timeline)
            assert timeline.cursor == 2
            highlighted, in_detail, text = shown(app)
            assert highlighted == in_detail == meeting
            assert "Sources (2)" in text
            assert OSLO_MEETING in text and REPORT_MEETING in text
            assert str(app.screen.query_one("#status").content).startswith("5 events · ")

            await pilot.press("y")
            await settle(pilot)
            copied = app.clipboard  # the event with its first source's citation
            assert copied.startswith("2019-03-14: The foreign ministers of Norway and Sri")
            cited = [str(first / "oslo.txt") in copied, str(second / "report.txt") in copied]
            assert sorted(cited) == [False, True]


async def test_an_event_rebuilt_under_a_new_id_is_followed_and_copied(folders):
    first, second = folders
    db = first.parent / "live.db"
    with Store(db) as store:
        ingest_paths(store, [first, second])
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            meeting = await highlight(pilot, "2019-03-14")
            assert app.screen.query_one(Timeline).cursor == 2
            # Remove the document that holds the event's key (its smallest mention's):
            # the merge rebuilds the event from the other document's mention alone.
            [(key,)] = store.execute("SELECT key FROM events WHERE id = ?", [meeting])
            [(path,)] = store.execute(
                "SELECT path FROM documents WHERE content_hash LIKE ?", [key.split(":")[0] + "%"]
            )
            if path == str(first / "oslo.txt"):
                kept, sentence, title = second / "report.txt", REPORT_MEETING, "Ceasefire talks"
                left = ["2019-02-03", "2019-03-14", "2019-06-20"]
            else:
                kept, sentence, title = first / "oslo.txt", OSLO_MEETING, "Norway and Sri Lanka"
                left = ["2019-01-10", "2019-03-14", "2019-05-02"]

            await chronicle("remove", "--db", str(db), path)
            await wait_for_rows(pilot, 3)

            assert dates(app) == left
            assert app.screen.query_one(Timeline).cursor == 1
            [(holder,)] = store.execute(
                "SELECT m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id"
                " WHERE d.path = ? AND m.date_start = '2019-03-14'",
                [str(kept)],
            )
            highlighted, in_detail, text = shown(app)
            assert highlighted == in_detail == holder  # found by a mention, whatever its id
            assert "Sources (1)" in text and sentence in text
            assert str(kept) in text and path not in text

            await pilot.press("y")
            await settle(pilot)
            assert f'"{title}," {kept}.' in app.clipboard and path not in app.clipboard


async def test_a_highlighted_event_that_vanished_shows_no_detail(folders):
    first, _ = folders
    db = first.parent / "live.db"
    with Store(db) as store:
        ingest_paths(store, [first])
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen: MainScreen = app.screen
            gone = await highlight(pilot, "2019-05-02")
            seen, screen.version = screen.version, None  # hold the polling back
            await chronicle("remove", "--db", str(db), str(first / "oslo.txt"))
            # The row is still listed; moving onto it again reads an event no longer stored.
            screen.query_one(Timeline).post_message(Timeline.EventHighlighted(gone))
            await settle(pilot)
            assert shown(app) == (gone, None, GONE)

            screen.version = seen  # the next poll sees the change
            await wait_for_rows(pilot, 0)
            assert shown(app)[:2] == (None, None)
            assert "No event to show" in screen.query_one(EventDetail).text


async def test_rows_read_before_a_change_never_show_another_events_detail(folders):
    first, second = folders
    db = first.parent / "live.db"
    with Store(db) as store:
        ingest_paths(store, [first, second])
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen: MainScreen = app.screen
            timeline = screen.query_one(Timeline)
            rows = store.events_by_ids(timeline.ids)
            seen, screen.version = screen.version, None  # hold the polling back
            await chronicle("remove", "--db", str(db), str(second / "report.txt"))
            now = {e.id: e for e in store.events_by_ids(timeline.ids)}
            # The merge rebuilt the meeting under an id a removed event had: that row's
            # id now names another happening.
            assert any(r.id in now and now[r.id].key != r.key for r in rows)

            details = {}
            for index in reversed(range(len(rows))):
                timeline.cursor = index
                await settle(pilot)
                details[index] = screen.query_one(EventDetail).text.splitlines()[0]
            assert details == {
                index: now[r.id].headline if r.id in now and now[r.id].key == r.key else GONE
                for index, r in enumerate(rows)
            }

            rebuilt = next(i for i, r in enumerate(rows) if r.id in now and now[r.id].key != r.key)
            timeline.cursor = rebuilt
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            assert app.clipboard == ""
            assert list(app._notifications)[-1].message == "The results changed; press y again"

            screen.version = seen
            await wait_for_rows(pilot, 3)
            assert dates(app) == ["2019-01-10", "2019-03-14", "2019-05-02"]
            await pilot.press("y")
            await settle(pilot)
            assert app.clipboard.startswith(
                "2019-03-14: The foreign ministers of Norway and Sri Lanka met in Oslo to discuss…"
            )


async def test_the_reader_keeps_their_place_in_the_detail_while_another_process_ingests(folders):
    first, second = folders
    db = first.parent / "live.db"
    with Store(db) as store:
        ingest_paths(store, [first, second])
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await highlight(pilot, "2019-03-14")
            detail = app.screen.query_one(EventDetail)
            detail.scroll_end(animate=False)
            await settle(pilot)
            end = detail.scroll_y
            assert end == detail.max_scroll_y > 0

            third = first.parent / "third"
            third.mkdir()
            (third / "geneva.txt").write_text(
                "Geneva round\n\nOn 21 June 2019 the envoys of Norway and Sri Lanka met again"
                " in Geneva.\n",
                encoding="utf-8",
            )
            await chronicle("ingest", "--db", str(db), str(third))
            await wait_for_rows(pilot, 6)

            assert "Sources (2)" in detail.text
            assert detail.scroll_y == end  # read again, not sent back to the top

            await pilot.press("down")
            await settle(pilot)
            assert detail.scroll_y == 0  # another event starts at its top
