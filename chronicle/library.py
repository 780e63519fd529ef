"""Build a chronicle: run ingest over files and write the results to a store.

The one place where the two layers meet, so that the CLI, the TUI and the
default-database bootstrap all ingest the same way: parse outside any
transaction (on every core, `chronicle.pipeline`), then write documents in
batches, each document atomic, skipping unchanged files and reporting bad ones
without stopping.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path

from chronicle.ingest.text.read import iter_paths
from chronicle.locations import DB_ENV, default_db_path  # noqa: F401 (re-exported)
from chronicle.pipeline import Parsed, parse_all, parse_file, store_lookup
from chronicle.store import Store, StoreError

BATCH_DOCUMENTS = 200
"""Most documents written in one transaction."""

BATCH_SECONDS = 1.0
"""Longest a batch stays open, so a slow stream still commits often."""


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    """Paths among `failed` only because another path holds the same text (kept once)."""
    mentions: int = 0
    interrupted: bool = False

    def extend(self, other: IngestReport) -> None:
        """Add what `other` did (a batch's files, once the batch is saved)."""
        self.added += other.added
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.duplicates += other.duplicates
        self.mentions += other.mentions


def fixtures_dir() -> Path:
    """The bundled sample documents."""
    return Path(str(resources.files("chronicle.fixtures")))


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    on_progress: Callable[[int, int, str], None] | None = None,
    *,
    jobs: int = 1,
) -> IngestReport:
    """Ingest files and folders into `store`.

    Files are parsed by `jobs` processes (`chronicle.pipeline`) and stored here, in
    the order they are parsed, in batches: one transaction per batch, each document
    atomic inside it. A Ctrl+C keeps every document stored whole so far and marks
    the report interrupted.

    Args:
        store: Where to write.
        paths: Files and folders (folders are walked for supported files).
        on_progress: Called as (done, total, path) after each file.
        jobs: Processes that parse; 1 parses here, with no pool.
    """
    report = IngestReport()
    # Resolved paths (no "..", no symlinks): one identity whatever folder it is ingested from.
    # A dangling link stays as named, so the error names what the user gave.
    files = [p.resolve() if p.exists() else p for p in iter_paths(Path(p) for p in paths)]
    done = iter(range(1, len(files) + 1))

    def tick(path: str) -> None:
        if on_progress:
            on_progress(next(done), len(files), path)

    try:
        with closing(parse_all(files, jobs, store)) as parsed:
            while _write_batch(store, parsed, report, tick):
                pass
    except KeyboardInterrupt:
        report.interrupted = True
    return report


def _write_batch(
    store: Store, parsed: Iterator[Parsed], report: IngestReport, tick: Callable[[str], None]
) -> bool:
    """Store parsed files in one transaction until it holds a batch or a second has passed.

    Files count in `report` only once their batch is committed.

    Returns:
        False once `parsed` is exhausted.
    """
    first = next(parsed, None)  # taken before the write lock, which waits on no worker
    if first is None:
        return False
    pending = IngestReport()
    deadline = time.monotonic() + BATCH_SECONDS
    batch = None
    try:
        with store.batch() as batch:
            for n, item in enumerate(chain([first], parsed), 1):
                store_parsed(store, item, pending)
                tick(item.path)
                if n >= BATCH_DOCUMENTS or time.monotonic() > deadline:
                    return True
            return False
    finally:
        if batch is not None and batch.committed:
            report.extend(pending)


def ingest_file(store: Store, path: Path, report: IngestReport) -> None:
    """Parse one file here and store it unless its contents are already stored."""
    store_parsed(store, parse_file(path, store_lookup(store)), report)


def store_parsed(store: Store, item: Parsed, report: IngestReport) -> None:
    """Store one parsed file unless its contents are already stored, and say what happened.

    A file is unchanged when its path already holds these contents, read by these
    rules (a file an older chronicle read is read again, so an upgrade improves it). The
    same text under another path is not stored twice (the text is the identity), but
    an older version stored under this path is dropped, so nothing stale stays.
    """
    path = item.path
    if item.error:
        report.failed.append((path, item.error))
        return
    if item.unchanged:
        report.unchanged.append(path)
        return
    doc = item.doc
    try:
        holder = store.path_for_hash(item.content_hash)
        if holder == path and store.extractor_for_hash(item.content_hash) == doc.extractor:
            report.unchanged.append(path)  # parsed twice: given twice, or stored meanwhile
            return
        if holder is not None and holder != path:
            store.remove_document(path)
            report.failed.append((path, f"{path}: same text as {holder}; kept once"))
            report.duplicates.append(path)
            return
        store.add_document(doc, item.content_hash, item.mentions)
    except StoreError:
        raise  # a database problem stops the run: the next file would meet it too
    except Exception as error:  # one odd document must not stop the others
        report.failed.append((path, f"{path}: could not be stored ({type(error).__name__})"))
        return
    report.added.append(path)
    report.mentions += len(item.mentions)


def open_default(path: Path | None = None) -> Store:
    """Open the database, building it from the bundled fixtures when it is new."""
    target = path or default_db_path()
    is_new = not target.exists()
    store = Store(target)
    if is_new:
        ingest_paths(store, [fixtures_dir()])
    return store
