"""What the CLI prints and the text helpers the TUI shares: every string shown as data.

Document text and file names are data: every such string passes through
`chronicle.visible` (controls written as escapes) and reaches Rich only as a
`rich.text.Text`, never as markup, so nothing a document or a file name holds can
steer the terminal. Rich is imported only by the functions that build its tables:
`stats` prints plain aligned columns, so that command starts without it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from chronicle.date_notation import date_label
from chronicle.model import Event, Source
from chronicle.visible import visible, visible_lines

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def plain(text: str) -> str:
    """`text` with every control character written as an escape; newlines and tabs kept."""
    return visible_lines(text)


def safe_text(text: str, style: str = "") -> Text:
    """A Text holding `text` literally (never parsed as markup), newlines and tabs kept."""
    from rich.text import Text

    return Text(visible_lines(text), style=style)


def cell(text: object, style: str = "") -> Text:
    """A one-line table cell holding `text` literally, every control (newline too) escaped."""
    from rich.text import Text

    return Text(visible(str(text)), style=style)


def format_date(event: Event | Source) -> str:
    """The event's (or a source's) date in chronicle's one notation (`date_notation`):
    2018-01-04, 2018-01-03–04, 2019-04, 2011, 2016–17 FY, c. 2013–2018."""
    return date_label(event.date_start, event.date_end, event.precision)


def marked_text(runs: Sequence[tuple[str, bool]], style: str = "bold underline") -> Text:
    """Text from (text, is_match) runs, matches styled: highlights without markup."""
    from rich.text import Text

    text = Text()
    for chunk, hit in runs:
        text.append(visible(chunk), style=style if hit else "")
    return text


def events_table(
    events: Sequence[Event],
    highlights: dict[int, tuple[list[tuple[str, bool]], list[tuple[str, bool]]]] | None = None,
) -> Table:
    """A table of events: date, type, headline (matches marked), countries, sources."""
    from rich.table import Table

    highlights = highlights or {}
    table = Table(show_lines=False, header_style="bold", expand=True)
    table.add_column("id", justify="right", style="dim")
    table.add_column("date", no_wrap=True)
    table.add_column("type", style="cyan", no_wrap=True)
    table.add_column("headline", ratio=1, min_width=24)
    table.add_column("countries", no_wrap=True)
    table.add_column("src", justify="right")
    for e in events:
        table.add_row(
            str(e.id),
            format_date(e),
            cell(e.type),
            _headline_cell(e, highlights.get(e.id)),
            cell(" ".join(e.countries)),
            f"{e.source_count}{'!' if e.conflict else ''}",
        )
    return table


def _headline_cell(
    event: Event, marks: tuple[list[tuple[str, bool]], list[tuple[str, bool]]] | None
) -> Text:
    """The headline with matches marked; when they are elsewhere, the snippet that has them."""
    if marks is None:
        return cell(event.headline)
    headline, snippet = marks
    shown = marked_text(headline)
    if not any(hit for _, hit in headline) and any(hit for _, hit in snippet):
        start = len(shown) + 1
        shown.append("\n")
        shown.append_text(marked_text(snippet))
        shown.stylize("dim", start)
    return shown


def width(text: str) -> int:
    """Columns `text` takes on a terminal (East Asian wide and full-width letters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def columns(header: Sequence[str], rows: Iterable[Sequence[str]], right: int = 1) -> list[str]:
    """Lines of aligned columns: the first `right` columns left-aligned, the rest right."""
    table = [list(header)] + [[visible(str(v)) for v in row] for row in rows]
    widths = [max(width(row[i]) for row in table) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [
            v + " " * (w - width(v)) if i < right else " " * (w - width(v)) + v
            for i, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return [line(row) for row in table]


def stats_lines(stats: dict[str, list[tuple[str, int]]], counts: dict[str, int]) -> list[str]:
    """`chronicle stats` as text: the overall counts, then one block of lines per facet."""
    lines = columns(list(counts), [[str(n) for n in counts.values()]], right=0)
    for name, rows in stats.items():
        lines += ["", f"events by {name}"]
        lines += columns([name, "events"], ((key, str(n)) for key, n in rows))
    return lines


def documents_table(docs: Sequence[dict[str, object]]) -> Table:
    """The stored documents, each with its format and its source (file path or URL)."""
    from rich.table import Table

    table = Table(header_style="bold")
    for column in ("id", "date", "date from", "title", "publisher", "format", "mentions"):
        table.add_column(column, no_wrap=column not in ("title", "publisher"))
    table.add_column("source", overflow="fold")  # whole, so it can be copied for `remove`
    for d in docs:
        table.add_row(
            str(d["id"]),
            cell(d["doc_date"] or "—"),
            cell(str(d.get("doc_date_source") or "—").replace("_", " ")),
            cell(d["title"]),
            cell(d["publisher"]),
            cell(d.get("format") or "—"),
            str(d["mentions"]),
            cell(d["path"]),  # the file, or the URL a page was fetched from
        )
    return table
