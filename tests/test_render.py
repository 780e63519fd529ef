"""How events and document text are rendered for the terminal."""

from __future__ import annotations

import pytest
from rich.console import Console

from chronicle.model import Event
from chronicle.render import format_date, plain, safe_text, stats_lines


def event(start: str | None, end: str | None, precision: str) -> Event:
    return Event(
        id=1,
        key="k",
        date_start=start,
        date_end=end,
        precision=precision,
        type="other",
        headline="h",
        text="t",
        actors=(),
        countries=(),
        organisations=(),
        source_count=1,
    )


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ("2018-01-04", "2018-01-04", "day", "2018-01-04"),
        ("2018-01-03", "2018-01-04", "range", "2018-01-03–04"),
        ("2018-12-30", "2019-01-02", "range", "2018-12-30–2019"),
        ("2018-11-28", "2018-12-02", "range", "2018-11-28–12-02"),
        ("2012-01-01", "2017-12-31", "range", "2012–2017"),
        ("2019-01-01", "2019-12-31", "range", "2019"),
        ("2019-04-01", "2019-04-30", "month", "2019-04"),
        ("2011-01-01", "2011-12-31", "year", "2011"),
        ("2013-01-01", "2018-12-31", "approximate", "c. 2013–2018"),
        (None, None, "approximate", "undated"),
    ],
)
def test_format_date(start, end, precision, shown):
    assert format_date(event(start, end, precision)) == shown


def test_document_text_is_never_markup_or_escapes():
    console = Console(record=True, width=80, force_terminal=True, color_system="truecolor")
    console.print(safe_text("[bold red]x[/] \x1b[31mred\x1b[0m"))
    out = console.export_text()
    assert "[bold red]x[/]" in out
    assert "\x1b[31m" not in console.export_text(styles=True)


def test_stats_lines_align_wide_letters_and_escape_controls():
    lines = stats_lines(
        {"source": [("共同通信", 12), ("Dawn\x1b]0;x\x07", 3)]},
        {"documents": 2, "mentions": 15, "events": 15},
    )
    assert lines == [
        "documents  mentions  events",
        "        2        15      15",
        "",
        "events by source",
        "source            events",
        "共同通信              12",
        "Dawn\\x1b]0;x\\x07       3",
    ]


def test_plain_keeps_lines_and_tabs_but_shows_every_other_control():
    assert plain("Kono met Asif.\n\tIslamabad\x1b[2J \u202e\x9b") == (
        "Kono met Asif.\n\tIslamabad\\x1b[2J \\u202e\\x9b"
    )
