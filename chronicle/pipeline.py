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
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Parsed:
    """What parsing one file gave: a document with its mentions, "unchanged", or an error."""

    path: str
    doc: CleanDocument | None = None
    content_hash: str = ""
    mentions: tuple[Mention, ...] = ()
    unchanged: bool = False
    error: str = ""


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
        return Parsed(str(path), doc, doc_hash, tuple(extract_mentions(doc, doc_hash)))
    except DocumentError as error:
        return Parsed(str(path), error=str(error))
    except StoreError:
        raise
    except Exception as error:  # one odd file must not stop the others
        return Parsed(str(path), error=f"{path}: could not be read ({type(error).__name__})")


def is_web(source: Source) -> bool:
    """Whether a source is a web address rather than a file."""
    return isinstance(source, str) and is_url(source)


def store_lookup(store: Store) -> Lookup:
    """A lookup answered by `store`."""
    return lambda doc_hash: (store.path_for_hash(doc_hash), store.extractor_for_hash(doc_hash))


def parse_all(
    paths: Sequence[Source], jobs: int, store: Store, max_bytes: int | None = None
) -> Iterator[Parsed]:
    """Parse `paths` with `jobs` processes, yielding each file as soon as it is parsed.

    Files over `max_bytes` are refused unread (see `parse_file`).

    With one job, or only a little text, files are parsed here, in order. Close the
    iterator (or let it finish) to stop the workers; those still parsing finish
    their file first, the rest of the queue is dropped.
    """
    if jobs <= 1 or not _worth_a_pool(paths):
        lookup = store_lookup(store)
        yield from (parse_file(path, lookup, max_bytes) for path in paths)
        return
    database = None if store.path == ":memory:" else store.path
    workers = max(jobs, min(FETCH_WORKERS, sum(map(is_web, paths))))
    _load_page_reader(paths)
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(paths)),  # no idle worker for a short list
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(database,),
    )
    try:
        yield from _stream(pool, paths, workers * IN_FLIGHT_PER_WORKER, max_bytes)
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
    pool: ProcessPoolExecutor, paths: Sequence[Source], window: int, max_bytes: int | None
) -> Iterator[Parsed]:
    queue = iter(paths)
    running: set[Future[Parsed]] = set()
    for path in queue:
        running.add(pool.submit(_parse_in_worker, path, max_bytes))
        if len(running) >= window:
            break
    while running:
        finished, running = wait(running, return_when=FIRST_COMPLETED)
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


def _start_worker(database: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    if database is not None:
        _WORKER["lookup"] = store_lookup(Store(database, readonly=True))


def _parse_in_worker(path: Source, max_bytes: int | None) -> Parsed:
    return parse_file(path, _WORKER["lookup"], max_bytes)
