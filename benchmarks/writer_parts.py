"""Where the writer's time goes as it adds documents to a built store, and what the
merge's block lookups read there.

    python3 benchmarks/writer_parts.py --db store.db --fresh new/
    python3 benchmarks/writer_parts.py --db small.db --db big.db --fresh new/   # side by side

Parses the documents under ``--fresh`` (not timed), then adds them to each store in
one transaction that is rolled back, so every store is left as it was and none needs
copying. Each store is written twice:

- timed: the CPU of each part of the writer (a function of `PARTS`) without the parts
  it calls, in ms a document, and of the whole `Store.add_document`;
- counted: the rows the block lookups read a document (in the ranges they seek,
  passing the tests of the row itself, returned; a mention returned under two anchors
  counts twice there, once among the mentions found), which runs extra queries, so it
  is not timed.

It also prints the size of the event a stored mention is in (the mean over mentions,
and the largest). The commit is not measured: `ingest_scale.py` times whole commands,
`writer_statements.py` statement by statement.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first

from chronicle import merge
from chronicle.pipeline import parse_file
from chronicle.store import Store, blocks, connection, documents, merging, review_flags, writer

PARTS: tuple[tuple[object, str, str], ...] = (
    (blocks, "_lookup", "block lookups"),
    (writer, "load_mentions", "reading candidate mentions"),
    (writer, "point_mentions", "pointing mentions at events"),
    (writer, "index_pending", "putting events back in the search index"),
    (writer, "write_event", "writing new events"),
    (writer, "update_event", "rewriting grown events"),
    (merging, "link", "part-of links"),
    (review_flags, "refresh", "review marks"),
    (blocks, "index_mentions", "block rows and traits of new mentions"),
    (merge, "same_event", "judging pairs (same_event)"),
    (merging, "fold_in", "the merge's own work (fold_in)"),
    (documents, "add_document", "storing rows (add_document)"),
)
"""(module, function, label): the parts timed. A function is replaced wherever a module of
chronicle holds it, so calls through `from ... import` names are timed too."""

LOOKUP_HEAD = "WITH q(anchor, kind, cls, lo, hi, end_lo, end_hi) AS (VALUES "
LOOKUP_SELECT = "SELECT m.key, m.event_id, m.fit_key FROM q"
COUNT_SELECT = "SELECT count(*) FROM q"
ROW_TESTS = (
    "WHERE b.end_day BETWEEN q.end_lo AND q.end_hi "
    "AND (b.anchor_bits IS NULL OR b.anchor_bits & ? != 0)"
)
"""How `blocks._lookup` spells its statement, its result and its tests on a block row
alone; the counting pass stops with an error if they change."""


@contextmanager
def replaced(original: Callable, wrapper: Callable) -> Iterator[None]:
    """`wrapper` in place of `original` in every chronicle module that holds it."""
    holders = [
        (module, name)
        for module_name, module in list(sys.modules.items())
        if module_name.startswith("chronicle") and module is not None
        for name, value in list(vars(module).items())
        if value is original
    ]
    for module, name in holders:
        setattr(module, name, wrapper)
    try:
        yield
    finally:
        for module, name in holders:
            setattr(module, name, original)


class PartClock:
    """The CPU of each part, less that of the parts it calls."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self._inner: list[float] = []

    def wrap(self, original: Callable, label: str) -> Callable:
        def timed(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            self._inner.append(0.0)
            try:
                return original(*args, **kwargs)
            finally:
                inner = self._inner.pop()
                spent = time.process_time() - start
                self.spent[label] += spent - inner
                if self._inner:
                    self._inner[-1] += spent

        return timed


@contextmanager
def rolled_back(store: Store) -> Iterator[None]:
    """A transaction on the store's connection that is rolled back however the block ends;
    an error if something ended it before (a commit would have changed the store)."""
    conn = store.db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        still_open = conn.in_transaction
        if still_open:
            conn.execute("ROLLBACK")
    if not still_open:
        raise RuntimeError("the transaction ended before its rollback: the store may have changed")


def add_all(store: Store, parsed: list) -> float:
    """Add the parsed documents; the CPU it took."""
    start = time.process_time()
    for item in parsed:
        store.add_document(item.doc, item.content_hash, item.mentions)
    return time.process_time() - start


def timed_parts(store: Store, parsed: list) -> tuple[float, Counter[str]]:
    """(CPU of adding every document, CPU by part), rolled back."""
    clock = PartClock()
    with rolled_back(store), ExitStack() as stack:
        for module, name, label in PARTS:
            original = getattr(module, name)
            stack.enter_context(replaced(original, clock.wrap(original, label)))
        total = add_all(store, parsed)
    return total, clock.spent


class CountingDb:
    """A database wrapper that counts what each block lookup reads, then runs it."""

    def __init__(self, db: object, counts: Counter[str]) -> None:
        self._db, self._counts = db, counts

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)

    def execute(self, sql: str, params: list | tuple = ()) -> object:
        ranges = sql.split(" JOIN mention_traits")[0].replace(LOOKUP_SELECT, COUNT_SELECT, 1)
        bound = list(params[: ranges.count("?")])
        tests_bits = params[sql[: sql.find(ROW_TESTS)].count("?")] if ROW_TESTS in sql else None
        if (
            not sql.startswith(LOOKUP_HEAD)
            or COUNT_SELECT not in ranges
            or tests_bits is None
            or len(bound) != 7 * sql.count("(?, ?, ?, ?, ?, ?, ?)")
        ):
            raise SystemExit("blocks._lookup changed: update writer_parts' reading of it")
        self._counts["seeks"] += len(bound) // 7
        self._counts["in the ranges"] += self._db.execute(ranges, bound).fetchone()[0]
        tested = f"{ranges} {ROW_TESTS}"
        passing = self._db.execute(tested, [*bound, tests_bits]).fetchone()[0]
        self._counts["passing the row's tests"] += passing
        rows = self._db.execute(sql, params).fetchall()
        self._counts["rows kept"] += len(rows)
        return iter(rows)


def counted_rows(store: Store, parsed: list) -> Counter[str]:
    """Rows the lookups read while the documents are added, rolled back."""
    counts: Counter[str] = Counter()
    original = blocks._lookup

    def counting(db: object, *args: object, **kwargs: object) -> list:
        found = original(CountingDb(db, counts), *args, **kwargs)
        counts["lookups"] += 1
        counts["mentions found"] += len(found)  # a mention kept under two anchors, once
        return found

    with rolled_back(store), replaced(original, counting):
        add_all(store, parsed)
    return counts


def event_sizes(store: Store) -> tuple[int, int, float, int]:
    """(documents, mentions, mean size of a mention's event, largest event)."""
    db = store.db
    docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    mentions, mean, largest = db.execute(
        "SELECT sum(n), sum(n * n) * 1.0 / sum(n), max(n) FROM "
        "(SELECT count(*) AS n FROM mentions WHERE event_id IS NOT NULL GROUP BY event_id)"
    ).fetchone()
    return docs, mentions or 0, mean or 0.0, largest or 0


def measure(db: Path, parsed: list) -> dict:
    """Every figure for one store."""
    if not db.is_file():
        raise SystemExit(f"no store at {db}")
    if connection.outdated(db):
        raise SystemExit(f"{db} is at an older schema: opening it would upgrade it first")
    with Store(db) as store:
        store.counts()  # opened and migrated before any clock starts
        docs, mentions, mean, largest = event_sizes(store)
        total, parts = timed_parts(store, parsed)
        rows = counted_rows(store, parsed)
        after = event_sizes(store)[0]
    if after != docs:
        raise RuntimeError(f"{db}: the rolled-back writes changed the store")
    n = len(parsed)
    return {
        "store": str(db),
        "documents": docs,
        "mentions": mentions,
        "mean_event": round(mean, 1),
        "largest_event": largest,
        "total_ms": round(total * 1000 / n, 1),
        "parts_ms": {k: round(v * 1000 / n, 2) for k, v in parts.items()},
        "rows": {k: round(v / n, 1) for k, v in rows.items()},
    }


def report(results: list[dict]) -> str:
    """The figures of every store side by side."""
    width = max(len(label) for *_, label in PARTS) + 2
    head = "".join(f"{r['documents']:>12,}" for r in results)
    lines = [f"{'documents stored':<{width}}{head}"]

    def row(label: str, values: list[object]) -> None:
        lines.append(f"{label:<{width}}" + "".join(f"{v:>12}" for v in values))

    row("mentions", [f"{r['mentions']:,}" for r in results])
    row("mean event (mentions)", [r["mean_event"] for r in results])
    row("largest event", [r["largest_event"] for r in results])
    lines.append("CPU, ms a document")
    ranked = sorted(
        {k for r in results for k in r["parts_ms"]},
        key=lambda k: -results[-1]["parts_ms"].get(k, 0),
    )
    for label in ranked:
        row("  " + label, [f"{r['parts_ms'].get(label, 0):.2f}" for r in results])
    row("  in all", [f"{r['total_ms']:.1f}" for r in results])
    lines.append("block lookups, a document")
    keys = ("lookups", "seeks", "in the ranges", "passing the row's tests", "rows kept")
    for key in (*keys, "mentions found"):
        row("  " + key, [r["rows"].get(key, 0) for r in results])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, action="append", required=True, help="a built store")
    parser.add_argument("--fresh", type=Path, required=True, help="folder of documents to add")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.fresh.rglob("*") if p.is_file())
    if not files:
        raise SystemExit(f"no documents under {args.fresh}")
    parsed = [parse_file(path) for path in files]
    failed = [item for item in parsed if item.error or item.doc is None]
    if failed:
        raise SystemExit(f"{failed[0].path}: {failed[0].error or 'not a new document'}")
    print(report([measure(db, parsed) for db in args.db]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
