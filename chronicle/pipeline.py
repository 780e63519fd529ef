"""Parse files on every core: a stream of parsed documents, at most a few per worker in flight.

Parsing (read, hash, extract mentions) is a pure function of a file, so it runs in
a process pool while the caller stores what comes back, in the order the workers
finish. A file whose path already holds its text, read by these rules, is not
parsed again: each worker asks a read-only connection to the database (WAL lets
it read while the writer writes). Workers ignore Ctrl+C; the caller stops them.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from chronicle.ingest import reading
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.fetch import is_url, load_url
from chronicle.ingest.text.document import load_document
from chronicle.ingest.text.read import HTML_EXTENSIONS, DocumentError
from chronicle.model import CleanDocument, Mention
from chronicle.store import Store, StoreError

Source = Path | str
"""A file, or a web address (kept as a string: a Path would fold its "//")."""

Lookup = Callable[[str], tuple[str | None, str | None]]
"""Content hash -> (path of the stored document with that text, fingerprint that read it)."""

IN_FLIGHT_PER_WORKER = 4
"""Files handed to each worker ahead of the writer: enough to keep it busy, few enough
that memory is bounded by this window, not by the corpus."""

FETCH_WORKERS = 8
"""Most workers for a run with web addresses: a fetch waits on the network, not on a core,
so more addresses are fetched at once than there are cores."""

POOL_MIN_BYTES = 16 * 1024
"""Less text than this is parsed in-process: starting workers (about 0.3 s, each loading
the lexicon) costs more than a second core saves on it (reading runs at 10-50 KB/s a core)."""


class Inside:
    """How far each parser is inside the file it reads: shared memory the workers write
    (a slot each: the file's size and the share read) and the progress bar reads."""

    def __init__(self, slots: int, context: multiprocessing.context.BaseContext) -> None:
        self.values = context.Array("d", [0.0] * (2 * slots), lock=False)
        self.claimed = context.Value("i", 0)

    def claim(self) -> int:
        """A slot of its own for the calling parser."""
        with self.claimed.get_lock():
            slot = self.claimed.value
            self.claimed.value += 1
        return slot % (len(self.values) // 2)

    def reading(self, slot: int, size: int, share: float) -> None:
        """Say that the parser of `slot` has read `share` of a file of `size` bytes
        (size 0: it reads nothing now)."""
        self.values[2 * slot], self.values[2 * slot + 1] = float(size), share

    def largest(self) -> tuple[int, float] | None:
        """(size, share read) of the largest file being read, or None."""
        pairs = [(self.values[i], self.values[i + 1]) for i in range(0, len(self.values), 2)]
        size, share = max(pairs)
        return (int(size), share) if size else None


Wait = Callable[[Inside], None]
"""Called while the caller waits on the parsers, with where they are."""

WAIT_SECONDS = 0.5
"""How often the caller hears from `parse_all` while no file is done."""

WATCHED_BYTES = 256 * 1024
"""Files from this size on report how far their reading has got."""


@dataclass(frozen=True)
class Parsed:
    """What parsing one file gave: a document with its mentions, "unchanged", or an error."""

    path: str
    doc: CleanDocument | None = None
    content_hash: str = ""
    mentions: tuple[Mention, ...] = ()
    unchanged: bool = False
    error: str = ""
    held_by: str = ""
    """The stored path that held this text, read by these rules, when parsing found it: a
    copy or a moved file, whose mentions were not extracted again (`mentions` is empty)."""


def parse_file(path: Source, lookup: Lookup | None = None, max_bytes: int | None = None) -> Parsed:
    """Read (or fetch), hash and extract one file or web address; skip the extraction when
    `lookup` says it is stored.

    A file over `max_bytes` (0: no limit; None: `read.max_file_bytes()`, which
    `CHRONICLE_MAX_FILE_MB` sets) is refused unread.

    A file that cannot be read, or that trips an unexpected error, gives a `Parsed`
    with a one-line `error` instead of raising, so one odd file never stops a run.

    Raises:
        StoreError: The lookup could not read the database.
    """
    try:
        doc = load_url(path, max_bytes) if is_web(path) else load_document(Path(path), max_bytes)
        doc_hash = content_hash(doc.text)
        if lookup is not None:
            holder, extractor = lookup(doc_hash)
            if holder == str(path) and extractor == doc.extractor:
                return Parsed(str(path), content_hash=doc_hash, unchanged=True)
            if holder is not None and extractor == doc.extractor:
                return Parsed(str(path), doc, doc_hash, held_by=holder)
        with _watched(_size_of(path, doc)):
            mentions = tuple(extract_mentions(doc, doc_hash))
        return Parsed(str(path), doc, doc_hash, mentions)
    except DocumentError as error:
        return Parsed(str(path), error=str(error))
    except StoreError:
        raise
    except Exception as error:  # one odd file must not stop the others
        return Parsed(str(path), error=f"{path}: could not be read ({type(error).__name__})")


_READER: dict[str, object] = {"inside": None, "slot": 0}
"""Where this process says how far it has read (`Inside`, and its slot there)."""


def _size_of(source: Source, doc: CleanDocument) -> int:
    """The size a user knows a source by: its file's, else its text's, in bytes."""
    if not is_web(source):
        try:
            return Path(source).stat().st_size
        except OSError:
            pass
    return len(doc.text.encode("utf-8", "replace"))


@contextmanager
def _watched(size: int) -> Iterator[None]:
    """Report the reading of a large document to this process's `Inside` slot."""
    inside: Inside | None = _READER["inside"]  # type: ignore[assignment]
    if inside is None or size < WATCHED_BYTES:
        yield
        return
    slot: int = _READER["slot"]  # type: ignore[assignment]
    reading.watch(lambda share: inside.reading(slot, size, share))
    inside.reading(slot, size, 0.1)  # loaded and cleaned
    try:
        yield
    finally:
        reading.watch(None)
        inside.reading(slot, 0, 0.0)


def is_web(source: Source) -> bool:
    """Whether a source is a web address rather than a file."""
    return isinstance(source, str) and is_url(source)


def store_lookup(store: Store) -> Lookup:
    """A lookup answered by `store`."""
    return lambda doc_hash: (store.path_for_hash(doc_hash), store.extractor_for_hash(doc_hash))


def parse_all(
    paths: Sequence[Source],
    jobs: int,
    store: Store,
    max_bytes: int | None = None,
    on_wait: Wait | None = None,
) -> Iterator[Parsed]:
    """Parse `paths` with `jobs` processes, yielding each file as soon as it is parsed.

    Files over `max_bytes` are refused unread (see `parse_file`). `on_wait` hears
    where the parsers are inside their files: once before parsing here, or every
    WAIT_SECONDS while no worker has finished a file (never before the workers are
    forked, so a progress bar's thread never exists at the fork).

    With one job, or only a little text, files are parsed here, in order. Close the
    iterator (or let it finish) to stop the workers; those still parsing finish
    their file first, the rest of the queue is dropped.
    """
    context = _context()
    if jobs <= 1 or not _worth_a_pool(paths):
        inside = Inside(1, context)
        _READER.update(inside=inside, slot=0)
        if on_wait:
            on_wait(inside)
        lookup = store_lookup(store)
        try:
            yield from (parse_file(path, lookup, max_bytes) for path in paths)
        finally:
            _READER.update(inside=None)
        return
    database = None if store.path == ":memory:" else store.path
    workers = min(max(jobs, min(FETCH_WORKERS, sum(map(is_web, paths)))), len(paths))
    inside = Inside(workers, context)
    _load_page_reader(paths)
    pool = ProcessPoolExecutor(
        max_workers=workers,  # no idle worker for a short list
        mp_context=context,
        initializer=_start_worker,
        initargs=(database, inside),
    )
    waiting = (lambda: on_wait(inside)) if on_wait else None
    try:
        yield from _stream(pool, paths, workers * IN_FLIGHT_PER_WORKER, max_bytes, waiting)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _load_page_reader(paths: Sequence[Source]) -> None:
    """Import the web-page reader here, before the workers fork, when the run has pages:
    each worker would otherwise import trafilatura (0.6 s) on its first page."""
    if any(is_web(p) or Path(p).suffix.lower() in HTML_EXTENSIONS for p in paths):
        importlib.import_module("chronicle.ingest.formats.html")


def _worth_a_pool(paths: Sequence[Source]) -> bool:
    """Whether the files hold enough text, or a web address must be waited for: workers
    fetch addresses at the same time."""
    total = 0
    for path in paths:
        if is_web(path):
            return True
        try:
            total += Path(path).stat().st_size
        except OSError:
            continue  # parsing will report it
        if total >= POOL_MIN_BYTES:
            return True
    return False


def _stream(
    pool: ProcessPoolExecutor,
    paths: Sequence[Source],
    window: int,
    max_bytes: int | None,
    waiting: Callable[[], None] | None = None,
) -> Iterator[Parsed]:
    queue = iter(paths)
    running: set[Future[Parsed]] = set()
    for path in queue:
        running.add(pool.submit(_parse_in_worker, path, max_bytes))
        if len(running) >= window:
            break
    while running:
        finished, running = wait(running, WAIT_SECONDS, return_when=FIRST_COMPLETED)
        if not finished and waiting:
            waiting()
        for future in finished:
            next_path = next(queue, None)
            if next_path is not None:
                running.add(pool.submit(_parse_in_worker, next_path, max_bytes))
            yield future.result()


def _context() -> multiprocessing.context.BaseContext:
    # Forked workers start at once with every module already imported (spawning
    # re-imports chronicle in each, about 0.6 s). The pool forks all its workers on
    # the first submit, before any thread of ours or of the pool exists.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


_WORKER: dict[str, Lookup | None] = {"lookup": None}
"""The read-only lookup of this worker process, opened once by `_start_worker`."""


WORKER_NICENESS = 10
"""How much lower a parser's scheduling priority is than the writer's. The one writer is
the pipeline's narrow stage and the parsers run ahead of it; at the same priority three
busy processes shared two cores, so the writer waited its turn while parsers filled a
window it could not take from yet, and a core stood idle when they had."""


def _start_worker(database: str | None, inside: Inside | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    if hasattr(os, "nice"):  # not on Windows
        with suppress(OSError):  # a sandbox may refuse it: parse all the same
            os.nice(WORKER_NICENESS)
    if inside is not None:
        _READER.update(inside=inside, slot=inside.claim())
    if database is not None:
        _WORKER["lookup"] = store_lookup(Store(database, readonly=True))


def _parse_in_worker(path: Source, max_bytes: int | None) -> Parsed:
    return parse_file(path, _WORKER["lookup"], max_bytes)
