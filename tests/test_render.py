"""How events and document text are rendered for the terminal."""

from __future__ import annotations

import pytest
from rich.console import Console

from chronicle.model import Event
from chronicle.render import format_date, safe_text


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
        ("2018-01-03", "2018-01-04", "range", "2018-01-03..04"),
        ("2018-12-30", "2019-01-02", "range", "2018-12-30..2019-01-02"),
        ("2018-11-28", "2018-12-02", "range", "2018-11-28..12-02"),
        ("2012-01-01", "2017-12-31", "range", "2012–2017"),
        ("2019-01-01", "2019-12-31", "range", "2019"),
        ("2019-04-01", "2019-04-30", "month", "2019-04"),
        ("2011-01-01", "2011-12-31", "year", "2011"),
        ("2013-01-01", "2018-12-31", "approximate", "≈2013–2018"),
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
