"""What the CLI prints and the text helpers the TUI shares: every string shown as data.

Document text and file names are data: every such string passes through
`chronicle.visible` (controls written as escapes) and reaches Rich only as a
`rich.text.Text`, never as markup, so nothing a document or a file name holds can
steer the terminal. Rich is imported only by the functions that build its tables:
`stats` and `documents` print plain aligned columns (fitted to the terminal's width,
as `ls -l` does), so those commands start without it.
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


DOCUMENT_COLUMNS = ("id", "date", "mentions", "format", "date from", "title", "publisher", "source")
"""`chronicle documents`' columns, left to right."""

OPTIONAL_DOCUMENT_COLUMNS = ("format", "date from", "publisher")
"""Shown, in this order, only while the title and the source keep `DOCUMENT_ROOM` cells."""

DOCUMENT_ROOM = 56
"""Cells the title and the source share before an optional column may show (80 columns
leave them 53: a title and a file name each readable; `--json` has every field)."""


def documents_lines(
    docs: Sequence[dict[str, object]], cells: int | None = None, cwd: str = ""
) -> list[str]:
    """`chronicle documents` as aligned lines (`ls -l`'s way: no box, one line a document).

    Args:
        cells: The terminal's width; None (a pipe) prints every column whole. A narrow
            terminal drops the publisher, then how the date was found, then the format,
            and cuts a long title at its end; a long source shows its file name, cut
            in the middle if need be (its start and its extension tell files apart).
        cwd: A source under this folder is shown relative to it, as `git status`
            does (`chronicle remove` reads it so too).
    """
    rows = [_document_row(d, cwd) for d in docs]
    natural = {c: max([width(c)] + [width(r[c]) for r in rows]) for c in DOCUMENT_COLUMNS}
    shown = [c for c in DOCUMENT_COLUMNS if c not in OPTIONAL_DOCUMENT_COLUMNS]
    sizes = dict(natural)
    if cells is None:
        shown = list(DOCUMENT_COLUMNS)
    else:
        for column in OPTIONAL_DOCUMENT_COLUMNS:
            if _room(cells, [*shown, column], natural) >= DOCUMENT_ROOM:
                shown.append(column)
        room = max(_room(cells, shown, natural), 2)
        title, source = natural["title"], natural["source"]
        if title + source > room:
            sizes["source"] = min(source, max(room // 2, room - title))
            sizes["title"] = room - sizes["source"]
    shown = [c for c in DOCUMENT_COLUMNS if c in shown]
    right = {"id", "mentions"}
    header = {c: c for c in DOCUMENT_COLUMNS}

    def line(row: dict[str, str]) -> str:
        parts = []
        for c in shown:
            text = _source(row[c], sizes[c]) if c == "source" else _clip(row[c], sizes[c])
            pad = " " * (sizes[c] - width(text))
            parts.append(pad + text if c in right else text + pad)
        return "  ".join(parts).rstrip()

    return [line(header)] + [line(r) for r in rows]


def _room(cells: int, shown: Sequence[str], natural: dict[str, int]) -> int:
    """Cells the title and the source have once the other `shown` columns and the gaps."""
    fixed = sum(natural[c] for c in shown if c not in ("title", "source"))
    return cells - fixed - 2 * (len(shown) - 1)


def _document_row(doc: dict[str, object], cwd: str) -> dict[str, str]:
    path = str(doc["path"])  # the file, or the URL a page was fetched from
    folder = cwd.rstrip("/")
    if folder and path.startswith(folder + "/"):  # not under "/": every path would be
        path = path[len(folder) + 1 :]
    values = {
        "id": doc["id"],
        "date": doc["doc_date"] or "—",
        "mentions": doc["mentions"],
        "format": doc.get("format") or "—",
        "date from": str(doc.get("doc_date_source") or "—").replace("_", " "),
        "title": doc["title"] or "",
        "publisher": doc["publisher"] or "",
        "source": path,
    }
    return {k: visible(str(v)) for k, v in values.items()}


def _source(path: str, cells: int) -> str:
    """A document's source in `cells`: whole, else its file name, else that name's start
    and end around "…"."""
    if width(path) <= cells:
        return path
    name = path if "://" in path else path.rsplit("/", 1)[-1]
    if width(name) <= cells:
        return name
    end = _clip(name, (cells + 1) // 2, keep_end=True)[1:]
    return _clip(name, cells - width(end)) + end


def _clip(text: str, cells: int, keep_end: bool = False) -> str:
    """`text` in at most `cells` cells, cut with "…" at its end (or its start)."""
    if width(text) <= cells:
        return text
    kept, used = [], 1
    for char in reversed(text) if keep_end else text:
        used += width(char)
        if used > cells:
            break
        kept.append(char)
    if keep_end:
        return "…" + "".join(reversed(kept))
    return "".join(kept) + "…"
