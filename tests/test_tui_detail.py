"""The detail pane: a source's fields wrap under themselves; an empty result says why; a
relative date says what it was counted from."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from chronicle.library import ingest_paths
from chronicle.model import Source
from chronicle.store import Store
from chronicle.tui import EventDetail, make_app
from chronicle.tui.detail import describe_event, hanging, resolution_note
from chronicle.tui.main_screen import NO_MATCH
from tests.dialogue_documents import write_documents
from tests.pilot import settle

SOURCE = (
    "1. Norway and Sri Lanka\n"
    "   date as written: 14 March 2019\n"
    "   On 14 March 2019 the foreign ministers met in Oslo.\n"
    "\n"
    "   /briefs/[blink]x[/blink].txt"
)


def rendered(text: Text, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(hanging(text))
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_wrapped_lines_keep_their_lines_indent():
    assert rendered(Text(SOURCE), 28) == [
        "1. Norway and Sri Lanka",
        "   date as written: 14 March",
        "   2019",
        "   On 14 March 2019 the",
        "   foreign ministers met in",
        "   Oslo.",
        "",
        "   /briefs/[blink]x[/blink].",
        "   txt",
    ]


def test_a_search_terms_mark_stays_on_its_word():
    text = Text(SOURCE)
    at = SOURCE.index("Oslo.")
    text.stylize("bold reverse", at, at + 4)
    group = hanging(text)
    marked = [
        line.plain[span.start : span.end]
        for row in group.renderables
        for line in [getattr(row, "renderable", row)]
        for span in line.spans
    ]
    assert marked == ["Oslo"]


async def test_a_search_without_matches_says_so_not_how_to_fill_an_empty_chronicle(
    fixture_db: Path, tmp_path: Path
):
    shutil.copy(fixture_db, tmp_path / "c.db")
    with Store(tmp_path / "c.db") as store:
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.screen.set_query("kono zzzqqq")
            await settle(pilot)
            detail = app.screen.query_one(EventDetail)
            assert detail.text == NO_MATCH

            await pilot.press("escape")
            await settle(pilot)
            assert detail.text.splitlines()[0] == (
                "Nuclear issues imbedded in strong historical links since the Gandhara times…"
            )


LAST_MAY = (
    '   resolved: "last May" → 2018-05, counted from the document\'s date 2019-03-02 '
    "(date under title)"
)


def test_a_relative_date_says_what_it_was_counted_from(tmp_path: Path):
    with Store(tmp_path / "c.db") as store:
        assert not ingest_paths(store, [write_documents(tmp_path / "docs")]).failed
        [(event_id,)] = store.execute("SELECT event_id FROM mentions WHERE date_text = 'last May'")
        lines = describe_event(store.event(event_id)).plain.splitlines()
    assert [line for line in lines if line.startswith("   resolved:")] == [LAST_MAY]
    at = lines.index(LAST_MAY)
    assert lines[at - 1 : at + 2] == [
        "   date as written: last May",
        LAST_MAY,
        "   document dated: 2019-03-02 (date under title)",
    ]
    assert "Sources (3)  ·  = sets them side by side" in lines


@pytest.mark.parametrize(
    ("written", "start", "end", "precision", "anchor", "note"),
    [
        (
            "Three days later",
            "2019-05-07",
            "2019-05-07",
            "day",
            "narrative:2019-05-04",
            '"Three days later" → 2019-05-07, counted from 2019-05-04, the date the text '
            "told before it",
        ),
        (
            "December 19",
            "2017-12-19",
            "2017-12-19",
            "day",
            "earlier:2017-12",
            '"December 19" → 2017-12-19, its year taken from 2017-12, a date the text told '
            "before it",
        ),
        (
            "14 February",
            "2019-02-14",
            "2019-02-14",
            "day",
            "heading:2019",
            '"14 February" → 2019-02-14, its year taken from the heading 2019 above it',
        ),
        (
            "May 2",
            "2011-05-02",
            "2011-05-02",
            "day",
            "entry:2011-01-23",
            '"May 2" → 2011-05-02, its year taken from the entry before it, 2011-01-23',
        ),
        ("4 January 2018", "2018-01-04", "2018-01-04", "day", "", ""),
        ("last May", None, None, "unresolved", "", ""),
    ],
)
def test_each_kind_of_anchor_is_told_in_words(written, start, end, precision, anchor, note):
    source = Source(
        document="brief.txt",
        title="Brief",
        publisher="",
        date_text=written,
        text=f"The talks resumed {written}.",
        date_start=start,
        date_end=end,
        precision=precision,
        anchor=anchor,
    )
    assert resolution_note(source) == note


async def test_the_detail_pane_of_the_app_shows_how_last_may_was_read(tmp_path: Path):
    with Store(tmp_path / "c.db") as store:
        assert not ingest_paths(store, [write_documents(tmp_path / "docs")]).failed
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.screen.set_query("strategic dialogue")
            await settle(pilot)
            assert LAST_MAY in app.screen.query_one(EventDetail).text.splitlines()


def test_a_hand_added_note_of_several_paragraphs_is_shown_once(tmp_path: Path):
    """The note is the source's sentence single-spaced and its paragraph as typed: the
    same words, so the pane does not repeat it under 'in paragraph:'."""
    from datetime import date

    from chronicle.manual import manual_event

    note = "Told by the desk officer.\n\nConfirmed later by the embassy."
    with Store(tmp_path / "c.db") as store:
        store.add_document(*manual_event(date(2021, 5, 3), None, "day", "Talks in Tokyo", note))
        [(event_id,)] = store.execute("SELECT id FROM events")
        text = describe_event(store.event(event_id)).plain
    assert "Told by the desk officer. Confirmed later by the embassy." in text
    assert "in paragraph:" not in text
