"""Hostile file names and document text in the TUI: shown as escapes and literally, never obeyed.

A file name can hold anything but "/": an OSC 52 sequence that would write
`rm -rf ~` to the clipboard, a CSI that clears the screen, a C1 control (U+009B is
CSI in one character), a bidi override that makes "gpj.txt" read "txt.jpg", and
Rich markup. Ingest cleans a document's text but keeps its path as it is on disk;
a sentence stored by other means (an older chronicle) may still hold controls.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.pipeline import parse_file
from chronicle.store import Store
from chronicle.tui import EventDetail, Timeline, make_app
from tests.pilot import settle, typing_paused

SIZE = (160, 50)

OSLO_NAME = "[blink]Talks \x1b]52;c;cm0gLXJmIH4K\x07 \x1b[2J.txt"
OSLO_SHOWN = "[blink]Talks \\x1b]52;c;cm0gLXJmIH4K\\x07 \\x1b[2J.txt"
OSLO_TEXT = (
    "Talks in Oslo\n\nOn 14 March 2019 the [link=https://evil.example]foreign ministers[/link]"
    " of Norway and Sri Lanka met in Oslo to discuss the ceasefire.\n"
)
COLOMBO_NAME = "[link=file:evil]minutes\x9b31m \u202egpj.txt"
COLOMBO_SHOWN = "[link=file:evil]minutes\\x9b31m \\u202egpj.txt"
COLOMBO_TEXT = (
    "\n\nOn 2 May 2019 the [blink]delegations[/blink] of Norway and Sri Lanka"
    " signed a memorandum in Colombo.\n"
)
ENVOYS_TEXT = "Envoys meet\n\nOn 9 June 2019 the envoys of Norway and Sri Lanka met in Kandy.\n"
ENVOYS_SENTENCE = (
    "On 9 June 2019 the envoys \x1b]0;owned\x07of Norway \u202emet\u202c in \x9b2JKandy."
)
ENVOYS_SHOWN = (
    "On 9 June 2019 the envoys \\x1b]0;owned\\x07of Norway \\u202emet\\u202c in \\x9b2JKandy."
)


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """Two documents under hostile names, ingested; a third stored with controls in its sentence."""
    folder = tmp_path / "a[/x]"  # the folder "x]" inside the folder "a["
    folder.mkdir(parents=True)
    (folder / OSLO_NAME).write_text(OSLO_TEXT, encoding="utf-8")
    (folder / COLOMBO_NAME).write_text(COLOMBO_TEXT, encoding="utf-8")
    envoys = tmp_path / "envoys.txt"
    envoys.write_text(ENVOYS_TEXT, encoding="utf-8")
    db = tmp_path / "hostile.db"
    with Store(db) as store:
        report = ingest_paths(store, [tmp_path / "a["])
        assert sorted(Path(p).name for p in report.added) == sorted([OSLO_NAME, COLOMBO_NAME])
        parsed = parse_file(envoys)
        mentions = [
            dataclasses.replace(m, sentence=ENVOYS_SENTENCE, headline=ENVOYS_SENTENCE)
            for m in parsed.mentions
        ]
        assert len(mentions) == 1
        store.add_document(parsed.doc, parsed.content_hash, mentions)
    return db


def terminal_output(app) -> str:
    """Everything the app would write to the terminal to draw the current screen."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


async def test_hostile_names_and_markup_show_escaped_and_literal(hostile_db: Path):
    folder = f"{hostile_db.parent}/a[/x]"
    with Store(hostile_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            detail = app.screen.query_one(EventDetail)
            assert len(timeline.ids) == 3
            oslo = detail.text.splitlines()
            assert (
                oslo[0]
                == "The [link=https://evil.example]foreign ministers[/link] of Norway and Sri…"
            )
            assert oslo[3] == OSLO_TEXT.split("\n")[2].strip()
            assert oslo[-1] == f"   {folder}/{OSLO_SHOWN}"
            screen = terminal_output(app)
            assert "\x1b]52" not in screen and "\x07" not in screen and "\x1b[2J" not in screen

            await pilot.press("j")
            await settle(pilot)
            colombo = detail.text.splitlines()
            assert (
                colombo[0]
                == "The [blink]delegations[/blink] of Norway and Sri Lanka signed a memorandum…"
            )
            assert colombo[-1] == f"   {folder}/{COLOMBO_SHOWN}"
            screen = terminal_output(app)
            assert "\x9b" not in screen and "\u202e" not in screen

            await pilot.press("j")
            await settle(pilot)
            envoys = detail.text.splitlines()
            assert envoys[0] == ENVOYS_SHOWN
            assert envoys[3] == ENVOYS_SHOWN
            row = "".join(segment.text for segment in timeline.render_line(3)).rstrip()
            head, tail = "  2019-06-09       meet      ", "… NO LK"  # after the mark cells
            assert row.startswith(head) and row.endswith(tail), row
            headline = row[len(head) : -len(tail)]  # cut, with its escapes shown as text
            assert len(headline) >= 40 and ENVOYS_SHOWN.startswith(headline), headline
            screen = terminal_output(app)
            for escaped in ("\\x1b]0;owned\\x07of", "\\u202emet\\u202c", "\\x9b2JKandy."):
                assert escaped in screen  # the detail pane wraps between the words
            for raw in ("\x1b]0;", "\x07", "\u202e", "\u202c", "\x9b"):
                assert raw not in screen


async def test_copying_an_event_copies_escapes_not_controls(hostile_db: Path):
    with Store(hostile_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("G", "y")
            await settle(pilot)
            copied = app.clipboard
            assert copied.startswith(f"2019-06-09: {ENVOYS_SHOWN} ")  # then the citation
            for raw in ("\x1b", "\x07", "\u202e", "\u202c", "\x9b"):
                assert raw not in copied


async def test_a_pasted_name_reaches_the_search_bar_without_its_controls(hostile_db: Path):
    from textual import events

    from chronicle.tui import SearchBar

    with Store(hostile_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash")
            bar = app.screen.query_one(SearchBar)
            bar.post_message(events.Paste("envoys\x1b]0;owned\x07 \u202eKandy\x9b2J\nsecond line"))
            await typing_paused(pilot)
            assert bar.value == "envoys Kandy2J"  # the OSC sequence goes whole
            screen = terminal_output(app)
            for raw in ("\x1b]0;", "\x07", "\u202e", "\x9b"):
                assert raw not in screen
            await pilot.press("ctrl+a", "ctrl+k")
            bar.post_message(events.Paste("en\u200bvoys"))  # a zero-width space inside
            await pilot.press("enter")
            await settle(pilot)
            assert bar.value == "envoys"
            assert len(app.screen.query_one(Timeline).ids) == 1


async def test_a_date_pasted_with_controls_still_goes_to_its_day(hostile_db: Path):
    from textual import events

    from chronicle.tui.plain_input import PlainInput

    with Store(hostile_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("colon")
            await settle(pilot)
            prompt = app.screen.query_one(PlainInput)
            prompt.post_message(events.Paste("2019\x1b[2J-05\u202e"))
            await settle(pilot)
            assert prompt.value == "2019-05"
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.query_one(Timeline).cursor == 1
