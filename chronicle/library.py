"""Build a chronicle: run ingest over files and write the results to a store.

The one place where the two layers meet, so that the CLI, the TUI and the
default-database bootstrap all ingest the same way: parse outside any
transaction, then write each document atomically, skipping unchanged files and
reporting bad ones without stopping.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.ingest.text.read import DocumentError, iter_paths
from chronicle.store import Store, StoreError

DB_ENV = "CHRONICLE_DB"
"""Environment variable naming the database when --db is not given."""


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


def default_db_path() -> Path:
    """The database used when neither --db nor CHRONICLE_DB says otherwise."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("chronicle") / "chronicle.db"


def fixtures_dir() -> Path:
    """The bundled sample documents."""
    return Path(str(resources.files("chronicle.fixtures")))


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`.

    Each document is written in its own transaction; a Ctrl+C between documents
    keeps what was written and marks the report interrupted.

    Args:
        store: Where to write.
        paths: Files and folders (folders are walked for supported files).
        on_progress: Called as (done, total, path) after each file.
    """
    report = IngestReport()
    # Resolved paths (no "..", no symlinks): one identity whatever folder it is ingested from.
    # A dangling link stays as named, so the error names what the user gave.
    files = [p.resolve() if p.exists() else p for p in iter_paths(Path(p) for p in paths)]
    try:
        for done, path in enumerate(files, 1):
            ingest_file(store, path, report)
            if on_progress:
                on_progress(done, len(files), str(path))
    except KeyboardInterrupt:
        report.interrupted = True
    return report


def ingest_file(store: Store, path: Path, report: IngestReport) -> None:
    """Parse one file and store it unless its contents are already stored.

    A file is unchanged when its path already holds these contents, read by these
    rules (a file an older chronicle read is read again, so an upgrade improves it). The
    same text under another path is not stored twice (the text is the identity), but
    an older version stored under this path is dropped, so nothing stale stays.
    """
    try:
        doc = load_document(path)
        doc_hash = content_hash(doc.text)
        holder = store.path_for_hash(doc_hash)
        if holder == str(path) and store.extractor_for_hash(doc_hash) == doc.extractor:
            report.unchanged.append(str(path))
            return
        if holder is not None and holder != str(path):
            store.remove_document(str(path))
            report.failed.append((str(path), f"{path}: same text as {holder}; kept once"))
            report.duplicates.append(str(path))
            return
        mentions = extract_mentions(doc, doc_hash)
        store.add_document(doc, doc_hash, mentions)
    except DocumentError as error:
        report.failed.append((str(path), str(error)))
        return
    except StoreError:
        raise  # a database problem stops the run: the next file would meet it too
    except Exception as error:  # one odd file must not stop the others
        report.failed.append((str(path), f"{path}: could not be read ({type(error).__name__})"))
        return
    report.added.append(str(path))
    report.mentions += len(mentions)


def open_default(path: Path | None = None) -> Store:
    """Open the database, building it from the bundled fixtures when it is new."""
    target = path or default_db_path()
    is_new = not target.exists()
    store = Store(target)
    if is_new:
        ingest_paths(store, [fixtures_dir()])
    return store
