"""The detail pane: a source's fields wrap under themselves; an empty result says why."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from rich.console import Console
from rich.text import Text

from chronicle.store import Store
from chronicle.tui import EventDetail, make_app
from chronicle.tui.detail import hanging
from chronicle.tui.main_screen import NO_MATCH

SOURCE = (
    "1. Norway and Sri Lanka\n"
    "   date as written: 14 March 2019\n"
    "   On 14 March 2019 the foreign ministers met in Oslo.\n"
    "\n"
    "   /briefs/[blink]x[/blink].txt"
)


async def settle(pilot) -> None:
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


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
