"""The commands of the analyst's own work: export, show, import, saved searches,
annotations and merge decisions.

`export` writes a query's events (with sources and annotations) in one of the
export formats, page by page, to stdout or atomically to a file; `show` prints one
event whole; `import` makes again in this chronicle the events added by hand, the
joins and splits and the annotations of an exported JSON or JSONL file (all or
nothing); `searches` and `annotations` list what the analyst kept, so
nothing is dropped silently; `decisions` lists the analyst's joins and splits of
events and undoes one. As everywhere in the CLI, stdout carries data only,
messages go to stderr, an error is one line, and every text from a document, a
note or a tag passes through `chronicle.visible`. Only click is imported at load
time: `chronicle.cli` registers these commands and its start-up stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from chronicle.cli_output import EXPORT_FORMATS
from chronicle.model import CORRECTABLE
from chronicle.visible import visible

if TYPE_CHECKING:
    from chronicle.model import Annotation, CleanDocument, Event, Mention, Source
    from chronicle.store import Store
    from chronicle.store.decisions import Decision

DB_HELP = "Database file (default: $CHRONICLE_DB, else the user data directory)."


def _db_option(fn: Any) -> Any:
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help=DB_HELP
    )(fn)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


# export -----------------------------------------------------------------------------


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
    default=None,
    help="One of " + ", ".join(EXPORT_FORMATS) + " (default: from -o FILE's suffix).",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE (whole or not at all) instead of stdout.",
)
@click.pass_context
def export(
    ctx: click.Context,
    query: tuple[str, ...],
    db_path: Path | None,
    fmt: str | None,
    output: Path | None,
) -> None:
    """Write the events of QUERY, with their sources and annotations, in one format.

    QUERY is the search language (see `chronicle search`); with none, every event
    the timeline shows (citations hidden unless a type: filter asks). A file is
    written to FILE.tmp and renamed when whole, so a failed export loses nothing.
    A JSON or JSONL export can be read back by `chronicle import`.
    """
    from chronicle.cli import _open, say

    fmt = fmt or _format_of(output)
    text = " ".join(query)
    store = _open(ctx, db_path, "read")
    if output is None:
        count, description = _export(store, text, fmt, sys.stdout)
        where = "stdout"
    else:
        with _atomic(output) as out:
            count, description = _export(store, text, fmt, out)
        where = str(output)
    say(f"exported {count} event(s) as {fmt} to {where}: {description}")


def _format_of(output: Path | None) -> str:
    """The format whose extension the output file has (the first of FORMATS with it: .json
    is json, not timelinejs), else a usage error."""
    from chronicle.export import FORMATS, format_named

    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    for name in FORMATS:
        if suffix and format_named(name).extension == suffix:
            return name
    raise click.UsageError("give --format (" + ", ".join(EXPORT_FORMATS) + ")")


def _export(store: Store, text: str, fmt: str, out: TextIO) -> tuple[int, str]:
    """Write every event of the query to `out`, all read from one snapshot of the store;
    returns (events written, description)."""
    from chronicle.cli import say
    from chronicle.cli_output import detailed, result_pages
    from chronicle.export import write_events
    from chronicle.search.engine import Searcher
    from chronicle.search.query import describe
    from chronicle.store.decisions import naming_sources

    with store.snapshot():  # an ingest meanwhile is not half seen
        searcher = Searcher(store)
        query, _ = searcher.understand(text)
        for hint in query.hints:
            say(f"hint: {hint}")
        events = detailed(store, result_pages(searcher, text, None))
        description = describe(query)
        decisions = naming_sources(store.decisions())
        written = write_events(events, fmt, out, title=description, query=text, decisions=decisions)
        return written, description


@contextmanager
def _atomic(path: Path) -> Iterator[TextIO]:
    """`export.files.written_whole`, its OSError said in one line."""
    from chronicle.export.files import written_whole

    try:
        with written_whole(path) as out:
            yield out
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror or error}") from error


# show -------------------------------------------------------------------------------


@click.command()
@click.argument("event_id", metavar="ID", type=int)
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
@click.pass_context
def show(ctx: click.Context, event_id: int, db_path: Path | None, as_json: bool) -> None:
    """Print one event whole: every source, the analyst's star, tags, note and corrections.

    ID is the last column of `chronicle search` on a pipe (or the id of the table).
    """
    from chronicle.cli import _open, to_json

    store = _open(ctx, db_path, "read")
    event = store.event(event_id)
    if event is None:
        raise click.ClickException(f"no event {event_id} here (see `chronicle search`)")
    if as_json:
        click.echo(to_json(event.to_json()))
        return
    lines = event_lines(event, _merge_reasons(store, event_id))
    click.echo("\n".join(lines + decision_lines(store, event_id)))


def decision_lines(store: Store, event_id: int) -> list[str]:
    """The analyst's joins and splits naming a source of the event, with how to undo one."""
    if not hasattr(store, "decisions"):
        return []
    members = set(store.member_keys(event_id))
    mine = [d for d in store.decisions() if members & {k for p in d.pairs for k in p}]
    if not mine:
        return []
    named = _source_names(store, mine)
    rows = [decision_row(d, named) for d in mine]
    heading = "Your decisions (undo one with `chronicle decisions --undo ID`):"
    return ["", heading, *(visible("  " + "  ".join(row)) for row in rows)]


def _merge_reasons(store: Store, event_id: int) -> list[str]:
    """Why the event's sources are one event, as lines (none from a store that cannot say)."""
    if not hasattr(store, "merge_reasons"):
        return []
    reasons = store.merge_reasons(event_id)
    if reasons is None:
        return []
    if hasattr(reasons, "lines"):
        return [str(line) for line in reasons.lines()]
    return [str(r) for r in reasons]


def event_lines(event: Event, reasons: Sequence[str] = ()) -> list[str]:
    """`chronicle show` as text: the event, the analyst's work, its sources, why merged."""
    from chronicle.date_notation import date_label
    from chronicle.export.analyst import manual

    star = "  ★" if event.annotation and event.annotation.starred else ""
    by_hand = "  added by hand" if manual(event) else ""
    lines = [
        f"{event.id}  {date_label(event.date_start, event.date_end, event.precision)}  "
        f"{visible(event.type)}{star}{by_hand}",
        visible(event.headline),
    ]
    for label, values in (
        ("people", event.actors),
        ("countries", event.countries),
        ("organisations", event.organisations),
    ):
        if values:
            lines.append(f"{label}: {visible(', '.join(values))}")
    if event.part_of is not None:
        lines.append(f"part of: {event.part_of}")
    if event.annotation is not None:
        lines += annotation_lines(event.annotation)
    lines += ["", f"sources ({len(event.sources)}):"]
    for number, source in enumerate(event.sources, 1):
        lines += source_lines(number, source)
    if reasons:
        lines += ["", *(visible(line) for line in reasons)]
    return lines


def annotation_lines(annotation: Annotation) -> list[str]:
    """The analyst's tags, note and corrections (analyst's value, then the machine's)."""
    lines = []
    if annotation.tags:
        lines.append("tags: " + visible(", ".join(annotation.tags)))
    if annotation.note.strip():
        lines.append("note:")
        lines += ["  " + visible(line) for line in annotation.note.splitlines()]
    if annotation.correction:
        lines.append("corrected:")
    for name in (n for n in CORRECTABLE if n in annotation.correction):  # a date reads in order
        value = annotation.correction[name]
        machine = annotation.machine.get(name)
        was = "" if machine is None else f" (documents: {_value(machine)})"
        lines.append(f"  {name}: {_value(value)}{was}")
    return lines


def _value(value: object) -> str:
    """A corrected field's value on one line: a list of names joined, text made visible."""
    if isinstance(value, list | tuple):
        return visible(", ".join(str(v) for v in value)) or "(none)"
    return visible(str(value)) if value not in (None, "") else "(none)"


def source_lines(number: int, source: Source) -> list[str]:
    """One source: title, publisher and document date; where it is; its sentence."""
    about = ", ".join(
        visible(part)
        for part in (source.publisher, source.document_date or "undated document")
        if part
    )
    return [
        f"  {number}. {visible(source.title) or '(untitled)'} — {about}",
        f"     {visible(source.url or source.document)}",
        f"     {visible(source.date_text)}: {visible(source.text)}",
    ]


# import -----------------------------------------------------------------------------


@click.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_db_option
@click.pass_context
def import_(ctx: click.Context, file: Path, db_path: Path | None) -> None:
    """Apply the joins, splits, stars, tags, notes and corrections of a JSON or JSONL
    export (FILE).

    Events added by hand are made again, then the joins and splits, then each
    annotation lands on the event that holds the same report here (the same documents
    give the same events everywhere). A decision or annotation whose documents are not
    in this chronicle is kept, waiting or unattached, and acts when they are ingested.
    Importing a file again changes nothing.
    """
    from chronicle.cli import _open, say

    events = read_events(file)
    manual = manual_events(events)
    decisions = read_decisions(events)
    records = [e["annotation"] for e in events if isinstance(e.get("annotation"), dict)]
    store = _open(ctx, db_path, "read")
    done = store.import_work(manual, decisions, records)
    said = f"added {done.added} event(s) added by hand there; " if done.added else ""
    if decisions:
        waiting = _waiting(store, decisions)
        said += f"made {done.decided} of {len(decisions)} decision(s), {waiting} waiting; "
    say(
        f"{said}applied {done.applied}, kept {done.unattached} unattached "
        "(their documents are not in this chronicle)"
    )


def read_decisions(events: list[dict[str, Any]]) -> list[Decision]:
    """The joins and splits the exported events carry (`decisions`), each once, all
    checked before anything is imported.

    Raises:
        click.ClickException: A record that is not a decision, named in one line.
    """
    from chronicle.store.decisions import identity, read_decision

    found: dict[object, Decision] = {}
    for event in events:
        records = event.get("decisions") or []
        if not isinstance(records, list):
            raise click.ClickException(
                f"event {event.get('id')}: decisions must be a list; nothing imported"
            )
        for number, record in enumerate(records, 1):
            try:
                decision = read_decision(record)
            except ValueError as error:
                raise click.ClickException(
                    f"event {event.get('id')}, decision {number}: {error}; nothing imported"
                ) from error
            found.setdefault(identity(decision), decision)
    return list(found.values())


def _waiting(store: Store, decisions: Sequence[Decision]) -> int:
    """How many of these decisions wait here: none of their pairs has both mentions stored."""
    from chronicle.store.decisions import identity

    mine = {identity(d) for d in decisions}
    return sum(1 for d in store.decisions() if not d.active and identity(d) in mine)


Manual = tuple["CleanDocument", str, list["Mention"]]
"""The document, hash and mention that make an event added by hand (`manual.manual_event`)."""


def manual_events(events: list[dict[str, Any]]) -> list[Manual]:
    """What makes again each exported event that was added by hand, all read before
    anything is imported; its annotation is anchored first to the event made, so it
    lands on it.

    Raises:
        click.ClickException: An event added by hand that cannot be made, in one line.
    """
    from chronicle.manual import from_export

    found = []
    for event in events:
        try:
            made = from_export(event)
        except (TypeError, ValueError, AttributeError) as error:
            raise click.ClickException(
                f"event {event.get('id')}: {error}; nothing imported"
            ) from error
        if made is None:
            continue
        found.append(made)
        annotation = event.get("annotation")
        if isinstance(annotation, dict):
            anchors = annotation.get("anchors")
            old = list(anchors) if isinstance(anchors, list) else []
            annotation["anchors"] = [made[2][0].key, *old]
    return found


def read_events(file: Path) -> list[dict[str, Any]]:
    """The events of an exported JSON (a list) or JSONL file.

    Raises:
        click.ClickException: The file cannot be read or holds no exported events.
    """
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise click.ClickException(f"cannot read {file}: {reason}") from error
    return _events_in(file, text)


def _events_in(file: Path, text: str) -> list[dict[str, Any]]:
    """The event objects of an export: a JSON list (or an object with "events"), or JSONL."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        items = _jsonl(file, text)
    else:
        items = whole.get("events", [whole]) if isinstance(whole, dict) else whole
    events = (
        [e for e in items if isinstance(e, dict) and "id" in e and "headline" in e]
        if isinstance(items, list)
        else []
    )
    if not events:
        raise click.ClickException(
            f"{file} holds no exported events (write one with `chronicle export --format json`)"
        )
    return events


def _jsonl(file: Path, text: str) -> list[Any]:
    """One JSON value per non-blank line."""
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise click.ClickException(
                f"{file} is not a JSON or JSONL export (line {number}: {error.msg})"
            ) from error
    return items


# saved searches and annotations ------------------------------------------------------


@click.command()
@_db_option
@click.option("--delete", "delete", metavar="NAME", default=None, help="Forget the search NAME.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {name, query}.")
@click.pass_context
def searches(ctx: click.Context, db_path: Path | None, delete: str | None, as_json: bool) -> None:
    """List the saved searches (name, query); --delete NAME forgets one.

    Searches are saved in the browser (ctrl+s); on a pipe each is one line, name and
    query separated by a tab.
    """
    from chronicle.cli import _open, say, to_json

    store = _open(ctx, db_path, "read")
    if delete is not None:
        if not store.delete_search(delete):
            raise click.ClickException(
                f"no saved search named {delete!r} (see `chronicle searches`)"
            )
        say(f"deleted the saved search {delete!r}")
        return
    saved = store.saved_searches()
    if as_json:
        click.echo(to_json([{"name": n, "query": q} for n, q in saved]))
    elif saved:
        _echo_table(("name", "query"), saved)
    if not as_json:
        say(f"{len(saved)} saved search(es)")


@click.command()
@_db_option
@click.option(
    "--all", "show_all", is_flag=True, help="List every annotation, not only unattached ones."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of annotations.")
@click.pass_context
def annotations(ctx: click.Context, db_path: Path | None, show_all: bool, as_json: bool) -> None:
    """List the annotations whose documents were removed, so none is dropped silently.

    They are kept, and come back to their events when those documents are ingested
    again. --all lists every annotation with the event it belongs to. Columns:
    annotation id, event (or "unattached"), star, tags, note (its lines joined by " / "),
    and the event as it was when last edited.
    """
    from chronicle.cli import _open, say, to_json

    store = _open(ctx, db_path, "read")
    found = store.all_annotations() if show_all else store.unattached_annotations()
    if as_json:
        click.echo(to_json([{"id": a.id, "event": a.event_id, **a.to_json()} for a in found]))
        return
    if found:
        _echo_table(
            ("id", "event", "star", "tags", "note", "was"), [annotation_row(a) for a in found]
        )
    unattached = sum(a.event_id is None for a in found)
    what = (
        f"{len(found)} annotation(s), {unattached} unattached"
        if show_all
        else (f"{unattached} unattached annotation(s)")
    )
    say(what)


@click.command(name="decisions")
@_db_option
@click.option("--undo", "undo", metavar="ID", type=int, default=None, help="Undo the decision ID.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of decisions.")
@click.pass_context
def decisions(ctx: click.Context, db_path: Path | None, undo: int | None, as_json: bool) -> None:
    """List your joins and splits of events; --undo ID undoes one.

    Made in the browser (x splits a source off, the palette joins two events), they
    hold in every later merge. Columns: id, kind (join or split), active (or waiting:
    a document it names is not in this chronicle), when, and the sources it names,
    each as document name and date text (a split: the source split off, then those
    it was split from). Undo merges again by the rule what a decision changed.
    """
    from chronicle.cli import _open, say, to_json
    from chronicle.store import StoreError

    store = _open(ctx, db_path, "read")
    if undo is not None:
        try:
            store.undo_decision(undo)
        except StoreError as error:
            raise click.ClickException(f"{error} (see `chronicle decisions`)") from error
        say(f"undid decision {undo}: the rule merges its sources again")
        return
    found = store.decisions()
    named = _source_names(store, found)
    if as_json:
        click.echo(to_json([decision_json(d, named) for d in found]))
        return
    if found:
        _echo_table(
            ("id", "kind", "state", "made", "sources"), [decision_row(d, named) for d in found]
        )
    say(f"{len(found)} decision(s), {sum(d.active for d in found)} active")


SourceName = tuple[str, str, int | None]
"""A mention named by a decision: document path, date text, event holding it (or
all empty and None when it is no longer stored)."""


def _source_names(store: Store, found: Sequence[Decision]) -> dict[str, SourceName]:
    """The document and date text of every mention the decisions name, read from the
    events holding them (each event read once)."""
    events: dict[int, Event | None] = {}
    named: dict[str, SourceName] = {}
    for key in dict.fromkeys(k for d in found for k in _keys(d)):
        event_id = store.event_holding([key])
        if event_id is not None and event_id not in events:
            events[event_id] = store.event(event_id)
        event = events.get(event_id) if event_id is not None else None
        source = next((s for s in event.sources if s.key == key), None) if event else None
        named[key] = (
            ("", "", None) if source is None else (source.document, source.date_text, event_id)
        )
    return named


def _keys(decision: Decision) -> list[str]:
    """The mentions a decision names, the one it is kept by first."""
    others = [k for p in decision.pairs for k in p if k != decision.mention_key]
    return [decision.mention_key, *dict.fromkeys(others)]


def _name(key: str, named: dict[str, SourceName]) -> str:
    """'visit.txt 12 March 2019', or the key of a mention no longer stored."""
    document, date_text, _ = named.get(key, ("", "", None))
    if not document:
        return f"(gone: {key})"
    return f"{document.rstrip('/').rsplit('/', 1)[-1]} {date_text}"


def decision_row(
    decision: Decision, named: dict[str, SourceName], most: int = 5
) -> tuple[str, ...]:
    """A decision as one row: id, kind, state, when made, the sources it names."""
    first, *others = (_name(k, named) for k in _keys(decision))
    more = f", … and {len(others) - most} more" if len(others) > most else ""
    rest = ", ".join(others[:most]) + more
    sources = f"{first} from {rest}" if decision.kind == "split" else f"{first} + {rest}"
    state = "active" if decision.active else "waiting"
    return (str(decision.id), decision.kind, state, decision.made_at[:10], sources)


def decision_json(decision: Decision, named: dict[str, SourceName]) -> dict[str, object]:
    """A decision in the form an export carries it (`store.decisions.shared`), with this
    chronicle's id and state and the sources it names (the one it is kept by first)."""
    from chronicle.store.decisions import shared

    sources = []
    for key in _keys(decision):
        document, date_text, event_id = named.get(key, ("", "", None))
        sources.append(
            {
                "key": key,
                "document": document or None,
                "date_text": date_text or None,
                "event": event_id,
            }
        )
    return {"id": decision.id, **shared(decision), "active": decision.active, "sources": sources}


def annotation_row(annotation: Annotation) -> tuple[str, ...]:
    """An annotation as one row: id, event (or "unattached"), star, tags, note, and the
    event as it was when last edited (what names it once its documents are gone)."""
    note = " / ".join(line.strip() for line in annotation.note.splitlines() if line.strip())
    return (
        str(annotation.id),
        "unattached" if annotation.event_id is None else str(annotation.event_id),
        "★" if annotation.starred else "",
        ", ".join(annotation.tags),
        note,
        annotation.label,
    )


def _echo_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Aligned columns under a header on a terminal; tab-separated lines on a pipe.

    Every cell passes through `visible` (which also escapes a tab inside a cell).
    """
    if _is_terminal():
        from chronicle.render import columns

        click.echo("\n".join(columns(header, rows, right=len(header))))
        return
    click.echo("".join("\t".join(visible(str(c)) for c in row) + "\n" for row in rows), nl=False)
