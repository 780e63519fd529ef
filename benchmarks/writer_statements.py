"""What the writer spends storing documents, statement by statement.

    python3 benchmarks/writer_statements.py                       # 2,500 generated documents
    python3 benchmarks/writer_statements.py --docs 1000 --top 30
    python3 benchmarks/writer_statements.py --corpus /tmp/c10k --docs 2500
    python3 benchmarks/writer_statements.py --corpus /tmp/c10k --after 7500 --docs 2500

Parses the first ``--docs`` documents of a `make_corpus.py` corpus here (not timed),
then stores them with ``Store.add_document`` into a fresh file, ``--batch`` documents a
transaction (as ``chronicle ingest`` batches them), on a connection whose ``execute``
and ``executemany`` time every statement, the rows read from its cursor afterwards
included (before 5 December 2026 they were not, and a lookup returning many rows looked
cheap; a row read through the timed cursor costs about 0.3 µs more). Statements are
grouped by their first 100 characters with value lists folded, so the merge's block
lookups (a text for each length of their range list and each set of tests) are one
line. Prints the writer's CPU a document, the wall time inside those calls (SQLite's,
with the Python binding's own: a `COMMIT` waits on the disk too, so the sum can pass
the CPU), and the statements that take the most, in milliseconds a document and calls
a document. What triggers run is inside the statement that fired them. With ``--after N``
the first N documents of the corpus are stored first, untimed, and the ``--docs`` after
them are timed: what the writer spends once the store holds N.

No parse workers share the machine: the figures are the writer's own, the serial stage
of ``chronicle ingest`` (`ingest_throughput.py` times the whole command).
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling scripts

from ingest_scale import corpus_files
from ingest_throughput import corpus_for

from chronicle.pipeline import parse_file
from chronicle.store import Store, connection

VALUE_LISTS = re.compile(r"\(\?[?, ()]*\)")
"""A statement's bound value lists, `(?, ?), (?, ?)` or `(?,?,?)`, folded to `(..)`."""

SPENT: defaultdict[str, list[float]] = defaultdict(lambda: [0, 0.0])
"""Statement text -> [calls, seconds]."""


GROUPED_CHARS = 100
"""Statements whose first this many characters agree are one line: the merge's block
lookups differ only in their last clauses (which tests each kind of lookup adds)."""


def shape(sql: str) -> str:
    """A statement's text with its value lists folded and its spaces squeezed, cut to
    `GROUPED_CHARS`."""
    return " ".join(VALUE_LISTS.sub("(..)", sql).split())[:GROUPED_CHARS]


class TimedCursor(sqlite3.Cursor):
    """A cursor whose rows, read after `execute` returned, count for its statement: a
    query's first step runs in `execute`, every later row as it is fetched, so timing
    `execute` alone missed most of a lookup that returns many rows."""

    key = ""

    def __next__(self) -> object:
        with spending(self.key, calls=0):
            return super().__next__()

    def fetchone(self) -> object:
        with spending(self.key, calls=0):
            return super().fetchone()

    def fetchall(self) -> list:
        with spending(self.key, calls=0):
            return super().fetchall()

    def fetchmany(self, size: int = 1) -> list:
        with spending(self.key, calls=0):
            return super().fetchmany(size)


class TimedConnection(sqlite3.Connection):
    """A connection that adds each statement's time, its rows' included, to `SPENT`."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        cursor = self.cursor(TimedCursor)
        cursor.key = shape(sql)
        with spending(cursor.key):
            return cursor.execute(sql, *args)

    def executemany(self, sql: str, *args: object) -> sqlite3.Cursor:
        with spending(shape("(many) " + sql)):
            return super().executemany(sql, *args)


@contextmanager
def spending(key: str, calls: int = 1) -> Iterator[None]:
    """Add the time of the block, and `calls` calls, to the statement `key` in `SPENT`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        spent = SPENT[key]
        spent[0] += calls
        spent[1] += time.perf_counter() - start


def store_all(db: Path, parsed: list, batch: int, after: int = 0) -> float:
    """Store the parsed documents, `batch` a transaction; the process CPU the ones after
    the first `after` took."""
    plain = connection._open
    connection._open = partial(plain, factory=TimedConnection)  # the store's connection is timed
    try:
        with Store(db) as store:
            store.counts()  # opened and migrated before the clock starts
            _store(store, parsed[:after], batch)
            SPENT.clear()
            start = time.process_time()
            _store(store, parsed[after:], batch)
            return time.process_time() - start
    finally:
        connection._open = plain


def _store(store: Store, parsed: list, batch: int) -> None:
    for at in range(0, len(parsed), batch):
        with store.batch():
            for item in parsed[at : at + batch]:
                store.add_document(item.doc, item.content_hash, item.mentions)


def report(cpu: float, docs: int, top: int) -> None:
    in_sql = sum(seconds for _, seconds in SPENT.values())
    print(f"{docs:,} documents: {cpu * 1000 / docs:.2f} ms of CPU a document, ", end="")
    print(f"{in_sql * 1000 / docs:.2f} of it in statements")
    print(f"{'ms/doc':>7} {'calls/doc':>9}  statement")
    ranked = sorted(SPENT.items(), key=lambda item: -item[1][1])
    for sql, (calls, seconds) in ranked[:top]:
        print(f"{seconds * 1000 / docs:7.3f} {calls / docs:9.1f}  {sql}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2500, help="documents to store")
    parser.add_argument("--corpus", type=Path, help="a make_corpus.py output (default: made)")
    parser.add_argument("--batch", type=int, default=250, help="documents a transaction")
    parser.add_argument("--after", type=int, default=0, help="documents stored first, untimed")
    parser.add_argument("--top", type=int, default=20, help="statements listed")
    args = parser.parse_args(argv)
    total = args.after + args.docs
    corpus = args.corpus or corpus_for(total)
    parsed = [parse_file(path) for path in corpus_files(corpus, total)]
    with tempfile.TemporaryDirectory() as folder:
        cpu = store_all(Path(folder) / "writer.db", parsed, args.batch, args.after)
    report(cpu, len(parsed) - args.after, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
