"""The `chronicle` command: a bare call opens the browser; subcommands ingest and query.

Stdout carries data only (tables, JSON); messages go to stderr. Every expected
failure becomes a one-line error and a non-zero exit code; `--debug` shows the
traceback instead.

Exit codes: 0 success, 1 error, 2 usage error, 130 interrupted.

Paths and document text are data: every message, table and line this module
prints passes them through `chronicle.visible` (tables through `chronicle.render`),
and JSON is written with every non-ASCII character escaped, so nothing read from
a file name or a document can act on the terminal.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from chronicle import __version__
from chronicle.cli_analyst import annotations, decisions, export, import_, searches, show
from chronicle.cli_output import EXPORT_FORMATS
from chronicle.series_cli import series
from chronicle.visible import visible, visible_lines

if TYPE_CHECKING:
    from rich.console import Console
    from textual.app import App

    from chronicle.search.engine import Searcher
    from chronicle.store import Store

DEBUG = {"on": False}
"""Set by --debug; read by `main` to decide whether to show tracebacks."""


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--db PATH, accepted by the group and by every subcommand."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $CHRONICLE_DB, else the user data directory).",
    )(fn)


def limit_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--limit N (0 for all)."""
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=100,
        show_default=True,
        help="Most results to show; 0 for all.",
    )(fn)


def say(message: str) -> None:
    """Write a one-line message to stderr, every control character in it made visible."""
    click.echo(visible(message), err=True)


def _say_regrouping(mentions: int) -> None:
    from chronicle.regroup_words import regrouping

    say(
        f"{regrouping(mentions)}, before adding (a large chronicle takes minutes; stopped, "
        "it goes on from where it was at the next ingest)"
    )


def to_json(value: object, indent: int | None = 2) -> str:
    """`value` as JSON for the terminal: the real strings, written in ASCII escapes."""
    return json.dumps(value, indent=indent, ensure_ascii=True)


def _resolve_db(ctx: click.Context, db_path: Path | None) -> Path | None:
    return db_path or (ctx.obj or {}).get("db_path")


def _open(ctx: click.Context, db_path: Path | None, mode: str = "read") -> Store:
    """Open the database for a command.

    Args:
        mode: "write" (ingest: a new file is created empty) or "read" (the other
            commands and the browser: a database that --db or CHRONICLE_DB names must
            exist, which catches typos; the user's own default database is built from
            the samples on first use). A database in a folder or on a medium that
            cannot be written is opened read-only for reading.
    """
    from chronicle.locations import named_db_path, user_db_path
    from chronicle.store import Store, StoreError
    from chronicle.store.connection import outdated, writable

    named = _resolve_db(ctx, db_path) or named_db_path()
    path = Path(named or user_db_path()).expanduser()
    if outdated(path) and writable(path):
        say(f"upgrading {path} for this version of chronicle, once…")
    try:
        if mode == "write":
            return Store(path)
        if path.exists():
            return _said_if_half_regrouped(Store(path, readonly=not writable(path)))
        if named is not None:
            raise click.ClickException(
                f"no database at {named}; run `chronicle ingest PATH --db {named}` first"
            )
        return _first_run(path)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def _said_if_half_regrouped(store: Store) -> Store:
    """Warn that a regroup under a new merge rule was stopped midway: until the next
    ingest finishes it, some stored dates are in no event."""
    from chronicle.regroup_words import half_regrouped

    if waiting := store.regroup_waiting():
        say(f"{half_regrouped(waiting)} (a split or join before then regroups it all at once)")
    return store


def _first_run(path: Path) -> Store:
    """Build the default database from the bundled samples, all or nothing, and open it."""
    from chronicle.library import build_samples
    from chronicle.store import Store

    build_samples(path)
    return Store(path)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(__version__, prog_name="chronicle")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, debug: bool) -> None:
    """Browse a chronology built from your documents.

    Run with no command to open the browser. With no database yet, chronicle
    builds one from its bundled sample documents, so there is something to see.
    """
    DEBUG["on"] = debug
    ctx.obj = {"db_path": db_path}
    if ctx.invoked_subcommand is None:
        store = _open(ctx, db_path, "read")
        from chronicle.tui import make_app

        ctx.exit(run_app(make_app(store)))


def run_app(app: App, **options: Any) -> int:
    """Run the browser until it ends and return its exit code (1 when it failed).

    Args:
        options: Passed to `App.run` (the tests run it headless with an autopilot).
    """
    app.run(**options)
    return app.return_code or 0


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--urls",
    "urls_file",
    type=click.File("r", encoding="utf-8", errors="replace"),
    default=None,
    metavar="FILE",
    help="Also fetch the web addresses in FILE, one a line (blank lines and # comments skipped).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Longest wait for a web server (default 30, or CHRONICLE_FETCH_TIMEOUT).",
)
@db_option
@click.option(
    "--jobs",
    "-j",
    type=int,
    default=None,
    metavar="N",
    help="Processes that read documents at once (default: one per core).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Also forget stored documents under the folders given whose files are gone.",
)
@click.option(
    "--follow-links",
    is_flag=True,
    help="Follow symbolic links that lead out of the folders given.",
)
@click.option(
    "--max-size",
    "max_mb",
    type=click.FloatRange(min=0),
    default=None,
    metavar="MB",
    help="Refuse larger files (default 100 MB, or CHRONICLE_MAX_FILE_MB; 0: no limit).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    urls_file: TextIO | None,
    timeout: float | None,
    db_path: Path | None,
    jobs: int | None,
    prune: bool,
    follow_links: bool,
    max_mb: float | None,
) -> None:
    """Read documents (.txt, .md, .html, .pdf, .docx files, folders, or web addresses)
    into the chronicle.

    A web address (https://...) is fetched, and stored under that address: ingesting it
    again fetches it again and updates the document when the page changed.

    A file already stored is skipped unless its text changed or a newer chronicle
    reads documents differently; then it is read again and its events replaced.
    Documents are read on every core (--jobs) and saved in batches, each document
    whole: after Ctrl+C, run the same command again to add the rest. On a terminal
    a progress bar shows documents/s and the time left. Stored documents under a
    folder given whose files no longer exist are counted; --prune forgets them.
    Folders are read without leaving them by symbolic links (--follow-links does);
    what was left out and why is summed up at the end.
    """
    from chronicle.ingest.fetch import TIMEOUT_ENV, is_url

    if jobs is not None and jobs < 1:
        usage = click.ClickException(f"--jobs must be 1 or more, not {jobs}")
        usage.exit_code = 2
        raise usage
    sources: list[Path | str] = [p if is_url(p) else Path(p) for p in paths]
    if urls_file is not None:
        sources += read_url_list(urls_file)
    if not sources:
        raise click.UsageError("give files, folders or web addresses to ingest (or --urls FILE)")
    missing = [p for p in sources if isinstance(p, Path) and not p.exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {missing[0]}")
    with _environment(TIMEOUT_ENV, None if timeout is None else str(timeout)):
        _ingest(ctx, sources, db_path, jobs, prune, follow_links, max_mb)


@contextmanager
def _environment(name: str, value: str | None) -> Iterator[None]:
    """`name` set to `value` (None: left as it is) for the block: the workers read it, forked
    from this process."""
    before = os.environ.get(name)
    if value is not None:
        os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _ingest(
    ctx: click.Context,
    sources: list[Path | str],
    db_path: Path | None,
    jobs: int | None,
    prune: bool,
    follow_links: bool,
    max_mb: float | None,
) -> None:
    """`chronicle ingest` once its arguments are checked."""
    from rich.console import Console

    from chronicle.ingest.fetch import is_url
    from chronicle.library import ingest_paths
    from chronicle.progress import IngestProgress, RegroupProgress

    store = _open(ctx, db_path, "write")
    unattached = len(store.unattached_annotations())
    err = Console(stderr=True, highlight=False)
    with IngestProgress(err) as progress, RegroupProgress(err, _say_regrouping) as regroup:
        report = ingest_paths(
            store,
            sources,
            on_progress=progress,
            on_wait=progress.waiting,
            on_store=progress.before_storing,
            on_regroup=regroup,
            jobs=jobs or _cores(),
            prune=prune,
            follow_links=follow_links,
            max_bytes=None if max_mb is None else int(max_mb * 2**20),
        )
    for _path, reason in report.failed:
        say(f"skipped {reason}")
    for line in report.failed_summary():
        say(line)
    for old, new in report.moved:
        say(f"moved {old} to {new}")
    for path in report.pruned:
        say(f"pruned {path} (its file no longer exists)")
    for folder, stale in report.stale.items():
        if stale:
            say(
                f"{len(stale)} stored documents under {folder} no longer exist; "
                f"`chronicle ingest --prune {folder}` forgets them"
            )
    found = report.added or report.unchanged or report.failed or report.moved
    if not (found or report.interrupted):
        say("no .txt, .md, .html, .pdf or .docx files found in " + ", ".join(map(str, sources)))
    for line in report.skipped_summary():
        say(line)  # a suffix is part of a file name, so it is shown through `visible` too
    report_unattached(store, unattached)
    counts = store.counts()
    moved = f"{len(report.moved)} moved, " if report.moved else ""
    click.echo(
        f"added {len(report.added)} document(s) with {report.mentions} dated mention(s); "
        f"{len(report.unchanged)} unchanged, {moved}{len(report.failed)} skipped. "
        f"The chronicle holds {counts['events']} events from {counts['documents']} documents.",
        err=True,
    )
    if report.interrupted:
        click.echo(
            f"interrupted: {len(report.added)} document(s) were saved whole; "
            "run the same command again to add the rest",
            err=True,
        )
        sys.exit(130)
    if len(report.failed) > len(report.duplicates) and not (
        report.added or report.unchanged or report.duplicates
    ):
        sys.exit(1)  # nothing given could be read: a script should notice
    if any(is_url(path) and path not in report.duplicates for path, _reason in report.failed):
        sys.exit(1)  # a page that could not be fetched may come back: a script should retry it


def read_url_list(lines: Iterable[str]) -> list[str]:
    """The web addresses of a --urls file: one a line, blank lines and # comments skipped.

    Raises:
        click.UsageError: A line that is not an http(s) address (a typo should not pass).
    """
    from chronicle.ingest.fetch import is_url

    urls = []
    for number, line in enumerate(lines, 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry):
            raise click.UsageError(f"--urls line {number} is not a web address: {entry}")
        urls.append(entry)
    return urls


def format_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--format FMT: one of the export formats (`chronicle.export.FORMATS`)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
        default=None,
        help="Write the events in this format: " + ", ".join(EXPORT_FORMATS) + ".",
    )(fn)


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@db_option
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of events.")
@format_option
@click.option("--sql", "show_sql", is_flag=True, help="Print the compiled SQL and exit.")
@click.pass_context
def search(
    ctx: click.Context,
    query: tuple[str, ...],
    db_path: Path | None,
    limit: int,
    as_json: bool,
    fmt: str | None,
    show_sql: bool,
) -> None:
    """Search events; with no QUERY, list everything in date order.

    QUERY uses the search language: words, "phrases", prefix*, OR, -word and
    filters such as country:pk actor:kono type:visit after:2010 sources:>1.
    See docs/search.md.

    On a terminal the events are a table. On a pipe each event is one plain line
    of tab-separated columns: date, type, headline, sources, id; the rows are
    written as they are read, so `chronicle search --limit 0 | head` answers at
    once. --json (a JSON list) or --format writes the events with their sources
    and annotations instead. Hints and the count go to stderr.
    """
    from chronicle.search.engine import Searcher

    if as_json and fmt:
        raise click.UsageError("--json and --format cannot be used together")
    text = " ".join(query)
    store = _open(ctx, db_path, "read")
    searcher = Searcher(store)
    if show_sql:
        click.echo(visible_lines(searcher.explain_sql(text)))
        return
    if as_json or fmt or not sys.stdout.isatty():
        _stream_search(store, searcher, text, limit or None, fmt or ("" if as_json else None))
        return
    results = searcher.search(text, limit=limit or None, highlight=True)
    for hint in results.hints:
        say(f"hint: {hint}")
    from chronicle.render import events_table

    if results.events:
        _console().print(events_table(results.events, results.highlights))
    _search_summary(searcher, text, results.description, len(results.events), results.total)


def _stream_search(
    store: Store, searcher: Searcher, text: str, limit: int | None, fmt: str | None
) -> None:
    """`chronicle search` off a terminal, written page by page.

    Args:
        fmt: An export format; "" for --json (today's list, whatever --format json
            writes); None for pipe rows.
    """
    from chronicle.cli_output import Tally, detailed, result_pages, write_json_list, write_rows

    query, _ = searcher.understand(text)
    for hint in query.hints:
        say(f"hint: {hint}")
    pages = Tally(result_pages(searcher, text, limit))
    if fmt == "":
        write_json_list(detailed(store, pages), sys.stdout)
        return  # --json says nothing more on stderr, as it always has
    if fmt is None:
        write_rows(pages, sys.stdout)
    else:
        from chronicle.export import write_events
        from chronicle.search.query import describe
        from chronicle.store.decisions import naming_sources

        decisions = naming_sources(store.decisions())
        title = describe(query)
        write_events(
            detailed(store, pages), fmt, sys.stdout, title=title, query=text, decisions=decisions
        )
    if pages.first is not None:
        _search_summary(searcher, text, pages.first.description, pages.shown, pages.first.total)


def _search_summary(
    searcher: Searcher, text: str, description: str, shown: int, total: int
) -> None:
    """The one line on stderr after the results: what was understood and how many."""
    typed = any(f.name == "type" for f in searcher.understand(text)[0].filters)
    hidden = "" if typed else " (citations hidden; add type:citation to list them)"
    say(f"{description} — {shown} shown of {total}{hidden}")


@cli.command()
@db_option
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def stats(ctx: click.Context, db_path: Path | None, limit: int, as_json: bool) -> None:
    """Count events by year, type, country and source (--limit rows per facet)."""
    from chronicle.render import stats_lines

    store = _open(ctx, db_path, "read")
    facets = store.stats(limit or None)
    if as_json:
        click.echo(
            to_json({"counts": store.counts(), **{k: dict(v) for k, v in facets.items()}}, None)
        )
        return
    click.echo("\n".join(stats_lines(facets, store.counts())))


@cli.command()
@db_option
@click.pass_context
def check(ctx: click.Context, db_path: Path | None) -> None:
    """Check that the tables, the search index and the kept counts agree (exit 1 if not)."""
    problems = _open(ctx, db_path, "read").check()
    for problem in problems:
        click.echo(visible(problem))
    if problems:
        count = f"{len(problems)} problem(s), listed above"
        raise click.ClickException(f"the database is inconsistent: {count}")
    say("ok: tables, search index and counts agree")


def document_json(doc: dict[str, Any]) -> dict[str, Any]:
    """The stable machine form of a stored document (`chronicle documents --json`)."""
    return {
        "id": doc["id"],
        "path": doc["path"],
        "title": doc["title"],
        "publisher": doc["publisher"],
        "author": doc["author"],
        "document_date": doc["doc_date"],
        "document_date_text": doc["doc_date_text"] or None,
        "document_date_source": doc["doc_date_source"] or None,
        "mentions": doc["mentions"],
        "format": doc["format"] or None,
        "url": doc["url"] or None,
    }


@cli.command()
@db_option
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of documents.")
@click.pass_context
def documents(ctx: click.Context, db_path: Path | None, limit: int, as_json: bool) -> None:
    """List the documents in the chronicle, with their dates and how they were found.

    A narrow terminal shows fewer columns and cuts long titles and paths with "…";
    --json (or a pipe) has every field whole.
    """
    from chronicle.render import documents_lines

    docs = _open(ctx, db_path, "read").documents(limit or None)
    if as_json:
        click.echo(to_json([document_json(d) for d in docs]))
        return
    for line in documents_lines(docs, _terminal_width(), os.getcwd()):
        click.echo(line)


def _terminal_width() -> int | None:
    """Columns to fit output in: $COLUMNS, else the terminal's; None for a pipe (whole)."""
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


cli.add_command(series)
for _command in (export, show, import_, searches, annotations, decisions):
    cli.add_command(_command)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--yes", "-y", is_flag=True, help="Do not ask, even for a folder or many documents.")
@click.option("--dry-run", is_flag=True, help="List the documents that would go; remove nothing.")
@click.pass_context
def remove(
    ctx: click.Context, paths: tuple[str, ...], db_path: Path | None, yes: bool, dry_run: bool
) -> None:
    """Forget documents (by the path they were ingested from) and re-merge their events.

    A folder names every document ingested from inside it. Removing a folder or
    more than a few documents asks first (--yes does not); a path that names no
    stored document stops the command before anything is removed.
    """
    from chronicle.removal import plan_removal, remove_planned

    store = _open(ctx, db_path, "read")
    plan = plan_removal(store, paths)
    if plan.unmatched:
        raise click.ClickException(
            f"no document was ingested from {plan.unmatched[0]}; nothing removed "
            "(see `chronicle documents`)"
        )
    if dry_run:
        for path in plan.documents:
            click.echo(visible(path))
        return
    if plan.needs_confirmation and not yes:
        _confirm_removal(len(plan.documents), plan.folders)
    unattached = len(store.unattached_annotations())
    remove_planned(store, plan, on_removed=lambda path: say(f"removed {path}"))
    report_unattached(store, unattached)


def report_unattached(store: Store, before: int) -> None:
    """One line when annotations lost their events (or found them again) since `before`."""
    now = len(store.unattached_annotations())
    if now > before:
        say(
            f"{now - before} annotation(s) no longer have an event (their documents are gone); "
            "they are kept: `chronicle annotations` lists them"
        )
    elif now < before:
        say(f"{before - now} kept annotation(s) found their events again")


def _confirm_removal(count: int, folders: Sequence[str]) -> None:
    """Ask on a terminal; elsewhere (a script) refuse, since nobody can answer."""
    under = f" under {', '.join(folders)}" if folders else ""
    what = f"{count} document(s){under}"
    if not sys.stdin.isatty():
        raise click.ClickException(
            f"this would remove {what}; add --yes to remove them or --dry-run to list them"
        )
    if not click.confirm(visible(f"Remove {what} and re-merge their events?"), err=True):
        raise click.ClickException("nothing removed")


def _cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _console() -> Console:
    """A Rich console on stdout that leaves a closed pipe to `main`, as the rest of the CLI does."""
    from rich.console import Console

    console = Console(
        highlight=False,
        no_color=bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty(),
    )
    console.on_broken_pipe = _pipe_closed  # Rich's own ends the process with exit code 1
    return console


def _pipe_closed() -> None:
    raise BrokenPipeError


def main() -> None:
    """Console-script entry point: run the CLI, turning errors into one line.

    Click's own `main` is not used: it ends a closed pipe with exit code 1.
    """
    try:
        with cli.make_context("chronicle", sys.argv[1:]) as ctx:
            cli.invoke(ctx)
    except BrokenPipeError:
        # The reader went away (`chronicle stats | head -2`): a normal end. Output still
        # buffered goes nowhere, so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except click.exceptions.Exit as stop:
        sys.exit(stop.exit_code)
    except (click.Abort, EOFError):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        if DEBUG["on"]:
            raise
        error.message = visible(error.message)  # it may quote a path or an argument
        error.show()
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: no traceback for users
        if DEBUG["on"] or "--debug" in sys.argv:
            raise
        from chronicle.store import StoreError

        if isinstance(error, StoreError):  # locked, foreign or newer database: one line already
            say(f"Error: {error}")
            sys.exit(1)
        say(f"error: {type(error).__name__}: {error} (run with --debug for details)")
        sys.exit(1)


if __name__ == "__main__":
    main()
