"""`chronicle series [QUERY]`: list the series read from documents' tables.

A table on stdout (name, unit, first and last period, points, document), or with
`--json` one object per series with its points, or with `--csv` one row per point
under stable columns. Messages and hints go to stderr, as for every command. Only
click is imported here at load time: `chronicle.cli` registers this command and
its start-up stays fast.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from chronicle.visible import visible

if TYPE_CHECKING:
    from rich.table import Table

    from chronicle.model import StoredSeries

CSV_COLUMNS = (
    "series_id",
    "series",
    "unit",
    "period",
    "precision",
    "start",
    "end",
    "value",
    "value_text",
    "convention",
    "caption",
    "document",
)
"""The columns of `--csv`, in order: one row per point."""


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $CHRONICLE_DB, else the user data directory).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    help="Most series to show; 0 for all.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of series with points.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV, one row per point.")
@click.pass_context
def series(
    ctx: click.Context,
    query: tuple[str, ...],
    db_path: Path | None,
    limit: int,
    as_json: bool,
    as_csv: bool,
) -> None:
    """List the series read from documents' tables; QUERY narrows them.

    QUERY uses the search language on the series' names, captions, units and notes
    (words, "phrases", prefix*, OR, -word), with source:, in:, after: and before:.
    See docs/search.md.
    """
    from chronicle.cli import _open, say, to_json
    from chronicle.search.engine import Searcher

    if as_json and as_csv:
        raise click.UsageError("--json and --csv cannot be used together")
    found = Searcher(_open(ctx, db_path, "read")).series(" ".join(query), limit or None)
    for hint in found.hints:
        say(f"hint: {hint}")
    if as_json:
        click.echo(to_json([s.to_json() for s in found.series]))
        return
    if as_csv:
        write_csv(found.series)
        return
    if found.series:
        from chronicle.cli import _console

        _console().print(series_table(found.series))
    say(f"{found.description} — {len(found.series)} shown")


def write_csv(found: list[StoredSeries]) -> None:
    """One row per point under `CSV_COLUMNS`, texts with their controls made visible."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for stored in found:
        s = stored.series
        for p in s.points:
            value = "" if p.value is None else repr(p.value)
            text = (visible(s.name), visible(s.unit), visible(p.period), p.precision)
            days = (p.start.isoformat(), p.end.isoformat(), value, visible(p.text))
            about = (s.convention, visible(s.caption), visible(stored.document))
            writer.writerow((stored.id, *text, *days, *about))


def series_table(found: list[StoredSeries]) -> Table:
    """The series listed one a row: name, unit, first and last period, points, document."""
    from rich.table import Table

    from chronicle.render import cell

    table = Table(header_style="bold")
    for column in ("id", "name", "unit", "from", "to", "points"):
        table.add_column(column, justify="right" if column in ("id", "points") else "left")
    table.add_column("document", overflow="fold")
    for stored in found:
        s = stored.series
        table.add_row(
            str(stored.id),
            cell(s.name),
            cell(s.unit or "not stated"),
            cell(s.points[0].period if s.points else "—"),
            cell(s.points[-1].period if s.points else "—"),
            str(len(s.points)),
            cell(Path(stored.document).name or stored.document),
        )
    return table
