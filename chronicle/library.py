"""Build a chronicle: run ingest over files and write the results to a store.

The one place where the two layers meet, so that the CLI, the TUI and the
default-database bootstrap all ingest the same way: parse outside any
transaction (on every core, `chronicle.pipeline`), then write documents in
batches, each document atomic, skipping unchanged files and reporting bad ones
without stopping. Whether a file is a copy of a stored one is decided against
what is on disk once every file is read, so no text held by a file is dropped; and
removing or pruning documents is planned here before it is carried out.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import TypeVar

from chronicle.ingest.events.mentions import content_hash
from chronicle.ingest.text.document import load_document
from chronicle.ingest.text.read import iter_paths
from chronicle.locations import DB_ENV, default_db_path  # noqa: F401 (re-exported)
from chronicle.pipeline import Parsed, parse_all, parse_file, store_lookup
from chronicle.store import Store, StoreError, documents

T = TypeVar("T")

BATCH_DOCUMENTS = 200
"""Most documents written in one transaction."""

BATCH_SECONDS = 1.0
"""Longest a batch stays open, so a slow stream still commits often."""

CONFIRM_ABOVE = 3
"""`chronicle remove` asks first before removing more documents than this, or a folder."""


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    """Paths among `failed` only because another file still holds the same text (kept once)."""
    moved: list[tuple[str, str]] = field(default_factory=list)
    """(old path, new path): a stored text now found only at the new path (renamed, or
    copied before the original changed); same document, same events."""
    stale: dict[str, list[str]] = field(default_factory=dict)
    """For each folder given: stored documents under it whose file no longer exists."""
    pruned: list[str] = field(default_factory=list)
    """Stale documents removed (`ingest_paths(..., prune=True)`)."""
    mentions: int = 0
    interrupted: bool = False

    def extend(self, other: IngestReport) -> None:
        """Add what `other` did (a batch's files, once the batch is saved)."""
        self.added += other.added
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.duplicates += other.duplicates
        self.moved += other.moved
        self.mentions += other.mentions


@dataclass
class OnDisk:
    """What one ingest run found on disk, to settle duplicates once every file is read."""

    agrees: dict[str, bool] = field(default_factory=dict)
    """Path -> whether what is stored under it is the file's text now (False: the file
    is unreadable, changed or gone); filled as files are read, or looked up when needed."""
    waiting: dict[str, str] = field(default_factory=dict)
    """Path -> content hash of a file whose text another stored path holds."""


def fixtures_dir() -> Path:
    """The bundled sample documents."""
    return Path(str(resources.files("chronicle.fixtures")))


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    on_progress: Callable[[int, int, str], None] | None = None,
    *,
    jobs: int = 1,
    prune: bool = False,
) -> IngestReport:
    """Ingest files and folders into `store`.

    Files are parsed by `jobs` processes (`chronicle.pipeline`) and stored here, in
    the order they are parsed, in batches: one transaction per batch, each document
    atomic inside it. Copies of stored texts are settled once every file is read
    (`settle_copies`), then each folder given is checked for stored documents whose
    file is gone. A Ctrl+C keeps every document stored whole so far and marks the
    report interrupted.

    Args:
        store: Where to write.
        paths: Files and folders (folders are walked for supported files).
        on_progress: Called as (done, total, path) after each file.
        jobs: Processes that parse; 1 parses here, with no pool.
        prune: Remove the stale documents found under the folders given.
    """
    report = IngestReport()
    given = [Path(p) for p in paths]
    folders = [p.resolve() for p in given if p.is_dir()]
    # Resolved paths (no "..", no symlinks): one identity whatever folder it is ingested from.
    # A dangling link stays as named, so the error names what the user gave.
    files = [p.resolve() if p.exists() else p for p in iter_paths(given)]
    done = iter(range(1, len(files) + 1))

    def tick(path: str) -> None:
        if on_progress:
            on_progress(next(done), len(files), path)

    on_disk = OnDisk()
    try:
        with closing(parse_all(files, jobs, store)) as parsed:
            while _write_batch(store, parsed, report, tick, on_disk):
                pass
        settle_copies(store, on_disk, report)
        for folder in folders:
            stale = stale_documents(store, folder)
            if prune:
                report.pruned += remove_documents(store, stale)
                stale = []
            report.stale[str(folder)] = stale
    except KeyboardInterrupt:
        report.interrupted = True
    return report


def _write_batch(
    store: Store,
    parsed: Iterator[Parsed],
    report: IngestReport,
    tick: Callable[[str], None],
    on_disk: OnDisk,
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
                store_parsed(store, item, pending, on_disk)
                tick(item.path)
                if n >= BATCH_DOCUMENTS or time.monotonic() > deadline:
                    return True
            return False
    finally:
        if batch is not None and batch.committed:
            report.extend(pending)


def ingest_file(store: Store, path: Path, report: IngestReport) -> None:
    """Parse one file here and store it unless its contents are already stored."""
    on_disk = OnDisk()
    store_parsed(store, parse_file(path, store_lookup(store)), report, on_disk)
    settle_copies(store, on_disk, report)


def store_parsed(store: Store, item: Parsed, report: IngestReport, on_disk: OnDisk) -> None:
    """Store one parsed file unless its contents are already stored, and say what happened.

    A file is unchanged when its path already holds these contents, read by these
    rules (a file an older chronicle read is read again, so an upgrade improves it). The
    same text under another path is not stored twice (the text is the identity): the
    file waits in `on_disk` for `settle_copies`. An older version stored under this
    path goes to a file of this run that holds it, or else is dropped.
    """
    path = item.path
    on_disk.agrees[path] = not item.error  # what stays stored under it is read from it
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
        _hand_down(store, path, item.content_hash, on_disk, report)
        if holder is not None and holder != path:
            store.remove_document(path)
            on_disk.waiting[path] = item.content_hash
            return
        store.add_document(doc, item.content_hash, item.mentions)
    except StoreError:
        raise  # a database problem stops the run: the next file would meet it too
    except Exception as error:  # one odd document must not stop the others
        on_disk.agrees[path] = False  # its older version, if any, stays stored
        report.failed.append((path, f"{path}: could not be stored ({type(error).__name__})"))
        return
    report.added.append(path)
    report.mentions += len(item.mentions)


def _hand_down(
    store: Store, path: str, new_hash: str, on_disk: OnDisk, report: IngestReport
) -> None:
    """Before `path` takes `new_hash`, move its stored text to a waiting file that holds it."""
    old_hash = _query(store, documents.hash_for_path, path)
    if old_hash in (None, new_hash):
        return
    heir = min((p for p, h in on_disk.waiting.items() if h == old_hash), default=None)
    if heir is not None:
        del on_disk.waiting[heir]
        _query(store, documents.move_document, path, heir)
        report.moved.append((path, heir))


def settle_copies(store: Store, on_disk: OnDisk, report: IngestReport) -> None:
    """Decide, once every file is read, what each file whose text another path held is.

    A copy whose original still holds the text on disk is reported and kept once (the
    first one read). When the original changed, vanished or cannot be read, the stored
    document moves to the copy, keeping its id and events; so a renamed file is never
    called a duplicate of its old name.
    """
    if not on_disk.waiting:
        return
    with store.batch():
        while on_disk.waiting:
            path = min(on_disk.waiting)
            wanted = on_disk.waiting.pop(path)
            holder = store.path_for_hash(wanted)
            if holder is None:  # another writer removed it meanwhile: read the copy again
                store_parsed(store, parse_file(Path(path)), report, on_disk)
            elif holder == path:
                report.unchanged.append(path)
            elif _still_holds(holder, wanted, on_disk):
                report.failed.append((path, f"{path}: same text as {holder}; kept once"))
                report.duplicates.append(path)
            else:
                _query(store, documents.move_document, holder, path)
                report.moved.append((holder, path))


def _still_holds(holder: str, wanted: str, on_disk: OnDisk) -> bool:
    """Whether the file `holder` still holds the stored text `wanted` (read if this run did not)."""
    if holder not in on_disk.agrees:
        try:
            on_disk.agrees[holder] = content_hash(load_document(Path(holder)).text) == wanted
        except Exception:  # unreadable or gone: it holds no text
            on_disk.agrees[holder] = False
    return on_disk.agrees[holder]


def stale_documents(store: Store, folder: Path) -> list[str]:
    """Stored documents under `folder` whose file no longer exists, sorted.

    A folder that is itself gone finds none: an unmounted disk must not look like
    every document on it deleted. A file that exists but cannot be read is not stale.
    """
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        return []
    return [p for p in _query(store, documents.paths_under, str(folder)) if _gone(p)]


def _gone(path: str) -> bool:
    try:
        os.stat(path)  # not Path.stat: building a Path costs more than the stat itself
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False  # no permission to look is not "deleted"
    return False


def prune(store: Store, folder: Path) -> list[str]:
    """Remove the stale documents under `folder` (their events re-merge); the paths removed."""
    return remove_documents(store, stale_documents(store, folder))


@dataclass(frozen=True)
class RemovalPlan:
    """What `chronicle remove` would do with the paths typed; nothing happens until carried out."""

    documents: tuple[str, ...] = ()
    """Stored paths that would go, sorted."""
    folders: tuple[str, ...] = ()
    """Paths typed that matched as folders (every document under them)."""
    unmatched: tuple[str, ...] = ()
    """Paths typed that no stored document answers to."""

    @property
    def needs_confirmation(self) -> bool:
        """A folder, or more than `CONFIRM_ABOVE` documents: ask before carrying it out."""
        return bool(self.folders) or len(self.documents) > CONFIRM_ABOVE


def plan_removal(store: Store, typed: Sequence[str]) -> RemovalPlan:
    """Which stored documents the paths typed name.

    A path names the document stored under it, as typed or resolved from the current
    folder; a folder (`/`, `.` and `~` too) names every document under it.
    """
    found: dict[str, None] = {}
    folders, unmatched = [], []
    for path in typed:
        resolved = str(Path(path).expanduser().resolve())
        matches = _query(store, documents.paths_under, resolved)
        if path != resolved and _query(store, documents.hash_for_path, path):
            matches.append(path)  # stored as typed (a relative path an old chronicle kept)
        if not matches:
            unmatched.append(path)
        elif set(matches) - {path, resolved}:
            folders.append(path)
        found.update(dict.fromkeys(matches))
    return RemovalPlan(tuple(sorted(found)), tuple(folders), tuple(unmatched))


def remove_planned(
    store: Store, plan: RemovalPlan, on_removed: Callable[[str], None] | None = None
) -> list[str]:
    """Carry out a plan: remove its documents (their events re-merge); the paths removed."""
    return remove_documents(store, plan.documents, on_removed)


def remove_documents(
    store: Store, paths: Sequence[str], on_removed: Callable[[str], None] | None = None
) -> list[str]:
    """Remove stored documents in one transaction, each atomic; the paths that were stored.

    After Ctrl+C the documents removed so far stay removed, each whole.
    """
    removed: list[str] = []
    if not paths:
        return removed
    with store.batch():
        for path in paths:
            if store.remove_document(path):
                removed.append(path)
                if on_removed:
                    on_removed(path)
    return removed


def _query(store: Store, fn: Callable[..., T], *args: object) -> T:
    """Call a `chronicle.store.documents` function through the store's lock.

    The Store has no methods for these yet (`move_document`, `hash_for_path`,
    `paths_under`); once it has, this goes.
    """
    return store._run(fn, *args)


def open_default(path: Path | None = None) -> Store:
    """Open the database, building it from the bundled fixtures when it is new."""
    target = path or default_db_path()
    is_new = not target.exists()
    store = Store(target)
    if is_new:
        ingest_paths(store, [fixtures_dir()])
    return store
