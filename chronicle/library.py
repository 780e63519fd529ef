"""Build a chronicle: run ingest over files and write the results to a store.

The one place where the two layers meet, so that the CLI, the TUI and the
default-database bootstrap all ingest the same way: walk the folders given
(`discover`, which says what it left out), parse outside any transaction (on
every core, `chronicle.pipeline`), then write documents in batches, each document
atomic, skipping unchanged files and reporting bad ones without stopping. Whether
a file is a copy of a stored one is decided against what is on disk once every
file is read, so no text held by a file is dropped.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path

from chronicle.ingest.events.mentions import content_hash
from chronicle.ingest.fetch import is_url
from chronicle.ingest.text.discover import Discovery, Skipped, discover
from chronicle.ingest.text.document import load_document
from chronicle.locations import building_path, default_db_path
from chronicle.pipeline import Parsed, Source, Wait, parse_all, parse_file, store_lookup
from chronicle.removal import remove_documents, stale_documents
from chronicle.store import Store, StoreError
from chronicle.store.connection import worth_compacting

BATCH_DOCUMENTS = 200
"""Fewest documents a batch may hold before it is committed."""

BATCH_SHARE = 4
"""A batch may also grow to a quarter of the documents already stored."""

BATCH_SECONDS = 60.0
"""Longest a batch stays open, so a slow stream still commits now and then.

Each commit writes every page the batch changed and checkpoints copy them again. The
blocking index and the search index take rows all over their B-trees, so a batch of
a fixed size dirties a share of the whole database that grows with it: 20,000 small
files in batches of 200 wrote 37 times the database. A batch that grows with the
store (`batch_limit`) makes the number of commits grow with the logarithm of the
store, not its size. Ctrl+C still saves the open batch; only a killed process loses
it, and its files are read again at the next ingest."""


def batch_limit(stored_documents: int) -> int:
    """Most documents one batch holds when `stored_documents` are stored already."""
    return max(BATCH_DOCUMENTS, stored_documents // BATCH_SHARE)


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
    skipped: list[Skipped] = field(default_factory=list)
    """What the walk of the folders given left out, and why (other types, links, locked folders)."""
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

    def failed_summary(self) -> list[str]:
        """Sources of one type that could not be read, when several: "2 .pdf files could not
        be read" (each is named with its reason first); copies kept once are not failures."""
        kinds = Counter(_kind(path) for path, _ in self.failed if path not in self.duplicates)
        ordered = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
        return [f"{n} {kind} could not be read" for kind, n in ordered if n > 1]

    def skipped_summary(self) -> list[str]:
        """What the walk left out, grouped: "3 .docx skipped: unsupported type"."""
        return Discovery(skipped=self.skipped).summary()


def _kind(path: str) -> str:
    """What a failed source is, in the plural: "web pages", ".pdf files"."""
    if is_url(path):
        return "web pages"
    suffix = Path(path).suffix.lower()
    return f"{suffix} files" if suffix else "files with no extension"


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
    paths: Iterable[Path | str],
    on_progress: Callable[[int, int, str], None] | None = None,
    *,
    on_wait: Wait | None = None,
    on_store: Callable[[Parsed], None] | None = None,
    on_regroup: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    prune: bool = False,
    follow_links: bool = False,
    max_bytes: int | None = None,
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
        paths: Files and folders (folders are walked for supported files, without
            leaving them by symbolic links; what is left out goes to `report.skipped`),
            and web addresses (strings starting http:// or https://), fetched by the
            workers; an address stored before is fetched again and updated when changed.
        on_progress: Called as (done, total, path) after each file.
        on_wait: Told where the parsers are inside their files while none is done
            (`pipeline.parse_all`).
        on_store: Told of each parsed file before it is stored (a large one takes a while).
        on_regroup: Told (mentions regrouped, of how many) when stored mentions an older
            merge rule grouped are regrouped under this one, before anything is added:
            first (0, all of them), then after each committed step.
        jobs: Processes that parse; 1 parses here, with no pool.
        prune: Remove the stale documents found under the folders given.
        follow_links: Follow symbolic links that lead out of the folders given.
        max_bytes: Refuse larger files unread (0: no limit; None: `CHRONICLE_MAX_FILE_MB`
            or 100 MB).
    """
    given = list(paths)
    urls = list(dict.fromkeys(p for p in given if isinstance(p, str) and is_url(p)))
    local = [Path(p) for p in given if not (isinstance(p, str) and is_url(p))]
    folders = [p.resolve() for p in local if p.is_dir()]
    found = discover(local, follow_links=follow_links)
    report = IngestReport(skipped=_not_the_database(store, found.skipped))
    # Resolved paths (no "..", no symlinks): one identity whatever folder it is ingested from.
    # A dangling link stays as named, so the error names what the user gave. A web address
    # is its own identity, as given.
    files: list[Source] = [p.resolve() if p.exists() else p for p in found.files]
    files += urls
    done = iter(range(1, len(files) + 1))

    def tick(path: str) -> None:
        if on_progress:
            on_progress(next(done), len(files), path)

    on_disk = OnDisk()
    stored_before = store.counts()["documents"]
    try:
        if files:
            store.regroup(on_step=on_regroup)
        with closing(parse_all(files, jobs, store, max_bytes, on_wait)) as parsed:
            while _write_batch(store, parsed, report, tick, on_disk, on_store):
                pass
        settle_copies(store, on_disk, report)
        for folder in folders:
            stale = stale_documents(store, folder)
            if prune:
                report.pruned += remove_documents(store, stale)
                stale = []
            report.stale[str(folder)] = stale
        # Growth by a quarter or more: amortised, a rewrite costs a constant per document.
        if worth_compacting(stored_before, store.counts()["documents"]):
            store.compact()
    except KeyboardInterrupt:
        report.interrupted = True
    return report


def _not_the_database(store: Store, skipped: list[Skipped]) -> list[Skipped]:
    """What the walk left out, less the chronicle's own files (kept in a folder it reads)."""
    if store.path == ":memory:":
        return skipped
    own = Path(store.path).resolve()
    ours = {own.with_name(own.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")}
    names = {path.name for path in ours}  # resolve only what may be one of them
    return [s for s in skipped if s.path.name not in names or s.path.resolve() not in ours]


def _write_batch(
    store: Store,
    parsed: Iterator[Parsed],
    report: IngestReport,
    tick: Callable[[str], None],
    on_disk: OnDisk,
    on_store: Callable[[Parsed], None] | None = None,
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
    limit = batch_limit(store.counts()["documents"])
    batch = None
    try:
        with store.batch() as batch:
            for n, item in enumerate(chain([first], parsed), 1):
                if on_store:
                    on_store(item)
                store_parsed(store, item, pending, on_disk)
                tick(item.path)
                if n >= limit or time.monotonic() > deadline:
                    return True
            return False
    finally:
        if batch is not None and batch.committed:
            report.extend(pending)


def ingest_file(store: Store, path: Source, report: IngestReport) -> None:
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
        if item.held_by and holder in (None, path):  # no longer a copy: read it whole
            store_parsed(store, parse_file(_source(path)), report, on_disk)
            return
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
    old_hash = store.hash_for_path(path)
    if old_hash in (None, new_hash):
        return
    heir = min((p for p, h in on_disk.waiting.items() if h == old_hash), default=None)
    if heir is not None:
        del on_disk.waiting[heir]
        store.move_document(path, heir)
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
                store_parsed(store, parse_file(_source(path)), report, on_disk)
            elif holder == path:
                report.unchanged.append(path)
            elif _still_holds(holder, wanted, on_disk):
                report.failed.append((path, f"{path}: same text as {holder}; kept once"))
                report.duplicates.append(path)
            else:
                store.move_document(holder, path)
                report.moved.append((holder, path))


def _source(path: str) -> Source:
    """A stored path as parsing takes it: a web address stays a string."""
    return path if is_url(path) else Path(path)


def _still_holds(holder: str, wanted: str, on_disk: OnDisk) -> bool:
    """Whether the file `holder` still holds the stored text `wanted` (read if this run did
    not). A web address this run did not fetch is taken to hold it: it is not fetched just
    to settle a copy."""
    if holder not in on_disk.agrees and is_url(holder):
        return True
    if holder not in on_disk.agrees:
        try:
            on_disk.agrees[holder] = content_hash(load_document(Path(holder)).text) == wanted
        except Exception:  # unreadable or gone: it holds no text
            on_disk.agrees[holder] = False
    return on_disk.agrees[holder]


def build_samples(path: Path) -> None:
    """Build the database `path` from the bundled samples, all or nothing.

    It is built under another name next to it and renamed when complete, so a
    Ctrl+C (or a crash) during the build leaves no half-built database behind:
    the next run starts the build again.
    """
    building = building_path(path)
    _remove_database(building)  # what a killed first run left
    try:
        with Store(building) as store:
            if ingest_paths(store, [fixtures_dir()]).interrupted:
                raise KeyboardInterrupt
    except BaseException:
        _remove_database(building)
        raise
    os.replace(building, path)  # closed before, so the WAL is checkpointed into the file


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def open_default(path: Path | None = None) -> Store:
    """Open the database, built whole from the bundled samples when it is new."""
    target = path or default_db_path()
    if not target.exists():
        build_samples(target)
    return Store(target)
