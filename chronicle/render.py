"""Rich renderables for the CLI and shared text helpers for the TUI.

Document text is data: every string from a document goes into a `rich.text.Text`
built from plain strings after control characters are stripped, so nothing a
document contains is ever read as markup or reaches the terminal as an escape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text

from chronicle.model import Event

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text with control characters (escape sequences included) removed."""
    return _CONTROL.sub("", text)


def safe_text(text: str, style: str = "") -> Text:
    """A Text holding `text` literally (never parsed as markup)."""
    return Text(plain(text), style=style)


def format_date(event: Event) -> str:
    """The event's date as a reader expects it: 2018-01-04, 2018-01-03..04, 2019-04, 2011."""
    start, end, precision = event.date_start, event.date_end, event.precision
    if start is None:
        return "undated"
    if precision == "year":
        return start[:4]
    if precision == "month":
        return start[:7]
    if precision == "approximate":
        if end and end[:4] != start[:4]:
            return f"≈{start[:4]}–{end[:4]}"
        return f"≈{start[:4]}"
    if end and end != start:
        if start[5:] == "01-01" and end[5:] == "12-31":
            if start[:4] == end[:4]:
                return start[:4]  # "January to December 2019"
            return f"{start[:4]}–{end[:4]}"  # whole years: not 2012-01-01..2017-12-31
        if end[:7] == start[:7]:
            return f"{start}..{end[8:]}"
        if end[:4] == start[:4]:
            return f"{start}..{end[5:]}"
        return f"{start}..{end}"
    return start


def marked_text(runs: Sequence[tuple[str, bool]], style: str = "bold underline") -> Text:
    """Text from (text, is_match) runs, matches styled: highlights without markup."""
    text = Text()
    for chunk, hit in runs:
        text.append(plain(chunk), style=style if hit else "")
    return text


def events_table(
    events: Sequence[Event],
    highlights: dict[int, tuple[list[tuple[str, bool]], list[tuple[str, bool]]]] | None = None,
) -> Table:
    """A table of events: date, type, headline (matches marked), countries, sources."""
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
            e.type,
            _headline_cell(e, highlights.get(e.id)),
            " ".join(e.countries),
            f"{e.source_count}{'!' if e.conflict else ''}",
        )
    return table


def _headline_cell(
    event: Event, marks: tuple[list[tuple[str, bool]], list[tuple[str, bool]]] | None
) -> Text:
    """The headline with matches marked; when they are elsewhere, the snippet that has them."""
    if marks is None:
        return safe_text(event.headline)
    headline, snippet = marks
    cell = marked_text(headline)
    if not any(hit for _, hit in headline) and any(hit for _, hit in snippet):
        start = len(cell) + 1
        cell.append("\n")
        cell.append_text(marked_text(snippet))
        cell.stylize("dim", start)
    return cell


def _count_table(title: str, rows: Iterable[tuple[str, int]]) -> Table:
    table = Table(title=title, header_style="bold", title_justify="left")
    table.add_column(title.split()[-1])
    table.add_column("events", justify="right")
    for key, count in rows:
        table.add_row(safe_text(key), str(count))
    return table


def stats_tables(stats: dict[str, list[tuple[str, int]]], counts: dict[str, int]) -> list[Table]:
    """One table per facet of `Store.stats`, headed by the overall counts."""
    summary = Table(title="chronicle", header_style="bold", title_justify="left")
    for name in counts:
        summary.add_column(name, justify="right")
    summary.add_row(*(str(n) for n in counts.values()))
    return [summary] + [_count_table(f"events by {name}", rows) for name, rows in stats.items()]


def documents_table(docs: Sequence[dict[str, object]]) -> Table:
    """The stored documents."""
    table = Table(header_style="bold")
    for column in ("id", "date", "date from", "title", "publisher", "mentions"):
        table.add_column(column)
    table.add_column("path", overflow="fold")  # whole, so it can be copied for `remove`
    for d in docs:
        table.add_row(
            str(d["id"]),
            str(d["doc_date"] or "—"),
            str(d.get("doc_date_source") or "—").replace("_", " "),
            safe_text(str(d["title"])),
            safe_text(str(d["publisher"])),
            str(d["mentions"]),
            safe_text(str(d["path"])),
        )
    return table
