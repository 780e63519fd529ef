"""The detail pane at a narrow width: a source's fields wrap under themselves."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from chronicle.tui.detail import hanging

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
