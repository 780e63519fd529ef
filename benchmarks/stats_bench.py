"""Time `chronicle stats` and the all-events histogram on a given chronicle, warm and cold.

    python3 benchmarks/stats_bench.py --db benchmarks/out/bench-1000000.db
    python3 benchmarks/stats_bench.py --build 50000     # a small one first, then time it
    python3 benchmarks/stats_bench.py --db PATH --against c80f4b2   # before and after

Times, each as the median of `--runs` runs:

* ``chronicle stats --db PATH`` as a process (what a user waits for, interpreter
  start and imports included), beside ``python3 -c pass`` (the interpreter alone)
  and ``chronicle --version`` (the interpreter, click and the CLI module); the
  ``chronicle`` script next to this interpreter is run, not a version manager's
  shim in front of it (pyenv's adds a shell and ~50-100 ms that are not chronicle's);
* with ``--against REV``, the same process run with the package as it was at git
  revision REV (extracted to a temporary folder), for a before/after figure; REV
  must understand the database's schema;
* ``Store.stats()`` (every row) and ``Store.counts()`` in this process, and the
  stats of 100 rows a facet that ``chronicle stats`` shows (``reader.stats(limit=100)``),
  each on a store opened for the run;
* ``Searcher.histogram("")``, the TUI's histogram of every event;
* with ``--scan``, the GROUP BY queries these replaced, on the same database.

For a process, ``cpu ms`` is the median CPU time (user + system) it used: on a
machine busy with other work the wall time grows with the load, its CPU time much less.

Warm: the database file is in the OS page cache (one untimed run first). Cold: its
pages are dropped from the page cache before every run (``posix_fadvise``
DONTNEED on the database and its WAL, so no root and no other file is touched),
and every run opens a new store. It builds nothing itself beyond the optional
small database of ``--build`` (search_bench.py's build path: generated corpus,
`chronicle ingest`).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chronicle.search.compile import year_histogram_sql
from chronicle.search.engine import Searcher
from chronicle.store import Store

OUT = Path(__file__).resolve().parent / "out"

SCANS = {
    "stats (GROUP BY scans)": [
        "SELECT coalesce(substr(date_start, 1, 4), 'undated') AS k, count(*) "
        "FROM events GROUP BY k ORDER BY k",
        "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type",
        "SELECT code, count(*) FROM event_countries GROUP BY code ORDER BY count(*) DESC, code",
        "SELECT coalesce(nullif(d.publisher, ''), d.name) AS k, count(DISTINCT m.event_id) "
        "FROM mentions m JOIN documents d ON d.id = m.document_id GROUP BY k "
        "ORDER BY count(DISTINCT m.event_id) DESC, k",
    ],
    "counts (count(*) scans)": [
        f"SELECT count(*) FROM {t}" for t in ("documents", "mentions", "events")
    ],
}
"""What `stats` and `counts` ran before migration 008 kept the counts on write."""


def drop_cache(db: Path) -> None:
    """Evict the database's pages from the OS page cache."""
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(db) + suffix)
        if not path.exists():
            continue
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def median_ms(
    fn: Callable[[], object], runs: int, before: Callable[[], None] | None
) -> tuple[float, float]:
    """Median wall time of `fn` and median CPU time of the processes it ran, in ms.

    The CPU time (user + system of the children, 0 for work done in this process)
    is what a process costs whatever else the machine is running; the wall time is
    what a user waits for on an idle machine. `before` runs untimed ahead of each run.
    """
    walls, cpus = [], []
    for _ in range(runs):
        if before:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        fn()
        walls.append((time.perf_counter() - t) * 1000)
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def command(*args: str) -> list[str]:
    """The `chronicle` command line: the script installed beside this interpreter, else
    the one on PATH, else this checkout through the interpreter."""
    beside = Path(sys.executable).with_name("chronicle")
    script = str(beside) if beside.exists() else shutil.which("chronicle")
    if script:
        return [script, *args]
    return [sys.executable, "-c", "from chronicle.cli import main; main()", *args]


def command_at(revision: str, folder: Path, *args: str) -> list[str]:
    """The `chronicle` command line with the package as it was at git `revision`."""
    repo = Path(__file__).resolve().parent.parent
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", revision, "chronicle", "db"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "db").rename(folder / "chronicle" / "db")  # where the package finds it
    code = (
        f"import sys; sys.path.insert(0, {str(folder)!r}); from chronicle.cli import main; main()"
    )
    return [sys.executable, "-c", code, *args]


def run_process(args: list[str]) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def in_store(db: Path, work: Callable[[Store], object]) -> Callable[[], object]:
    """`work` on a store opened for this one run (a cold run must pay for opening too)."""

    def run() -> object:
        with Store(db) as store:
            return work(store)

    return run


def all_years_scan(store: Store) -> list[tuple]:
    _, compiled = Searcher(store).understand("", whole=True)
    return store.execute(*year_histogram_sql(compiled))


def scans(sqls: list[str]) -> Callable[[Store], object]:
    return lambda store: [store.execute(sql) for sql in sqls]


def cases(db: Path, scan: bool, against: list[str] | None) -> dict[str, Callable[[], object]]:
    """Name -> one run of it (`against`: the command line of an older revision)."""
    out: dict[str, Callable[[], object]] = {
        "python3 -c pass (interpreter start)": lambda: run_process([sys.executable, "-c", "pass"]),
    }
    if against:  # first: this revision's code may migrate the database past REV's schema
        out["chronicle stats at --against REV (process)"] = lambda: run_process(against)
    out |= {
        "chronicle --version (process start)": lambda: run_process(command("--version")),
        "chronicle stats --db PATH (process)": lambda: run_process(
            command("stats", "--db", str(db))
        ),
        "Store.stats() (every row of every facet)": in_store(db, lambda s: s.stats()),
        "stats, 100 rows a facet (chronicle stats)": in_store(db, lambda s: s.stats(limit=100)),
        "Store.counts()": in_store(db, lambda s: s.counts()),
        'Searcher.histogram("")': in_store(db, lambda s: Searcher(s).histogram("")),
    }
    if scan:
        out.update({name: in_store(db, scans(sqls)) for name, sqls in SCANS.items()})
        out["histogram of all events (GROUP BY scan)"] = in_store(db, all_years_scan)
    return out


def describe(db: Path) -> str:
    # Plain sqlite3: a Store would refuse (read-only) or migrate (writable) an older
    # schema, and --against needs the database as that revision left it.
    with closing(sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)) as conn:
        counts = dict(conn.execute("SELECT name, n FROM count_totals").fetchall())
    size = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())
    return (
        f"{db}: {counts['events']:,} events, {counts['mentions']:,} mentions, "
        f"{counts['documents']:,} documents, {size / 1e6:,.0f} MB"
    )


def build(events: int) -> Path:
    """A database of about `events` events (search_bench.py's build: `chronicle ingest`)."""
    import search_bench

    db = OUT / f"stats-{events}.db"
    OUT.mkdir(parents=True, exist_ok=True)
    info = search_bench.build(db, events, seed=7, jobs=os.cpu_count() or 1)
    print(f"built {db} in {info['load_s']:.0f} s (parse {info['parse_s']:.0f} s)", flush=True)
    return db


COPIED = {
    "documents": {
        "id": "id + :k * :documents",
        "path": "path || '#' || :k",
        "name": "'copy' || :k || '-' || name",
        "content_hash": "content_hash || '#' || :k",
    },
    "events": {
        "id": "id + :k * :events",
        "key": "key || '#' || :k",
        "part_of": "part_of + :k * :events",
    },
    "mentions": {
        "id": "id + :k * :mentions",
        "key": "key || '#' || :k",
        "document_id": "document_id + :k * :documents",
        "event_id": "event_id + :k * :events",
    },
    "event_countries": {"event_id": "event_id + :k * :events"},
    "event_actors": {"event_id": "event_id + :k * :events"},
}
"""How each table's rows are copied: columns whose values must differ from the original's."""

ORIGINALS = {
    "documents": "id <= :documents",
    "events": "id <= :events",
    "mentions": "id <= :mentions",
    "event_countries": "event_id <= :events",
    "event_actors": "event_id <= :events",
}
"""Which rows of each table are the small chronicle's own (each copy copies only those)."""


def grow(small: Path, copies: int) -> Path:
    """A chronicle `copies` times the size of `small`: its rows copied with new ids and keys.

    Building a million events from documents takes hours on a busy 2-core machine; a
    copy has the same shape (years, types, countries, publishers; a file name is a
    new source in every copy, as it would be for new files) at a fraction of the
    cost, and every row still goes in through the triggers that keep the counts.
    """
    big = small.with_name(f"{small.stem}-x{copies}.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(big) + suffix).unlink(missing_ok=True)
    with Store(small) as source, Store(big) as target:
        source.db.conn.backup(target.db.conn)
    with Store(big) as store:
        conn = store.db.conn
        sizes = {
            t: conn.execute(f"SELECT max(id) FROM {t}").fetchone()[0]
            for t in ("documents", "events", "mentions")
        }
        conn.execute("BEGIN IMMEDIATE")
        for k in range(1, copies):
            for table, changed in COPIED.items():
                columns = [r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})") if r[6] == 0]
                values = ", ".join(changed.get(c, c) for c in columns)
                conn.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"SELECT {values} FROM {table} WHERE {ORIGINALS[table]}",
                    {"k": k, **sizes},
                )
            print(f"  copy {k + 1} of {copies}", flush=True)
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return big


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="The chronicle to time.")
    parser.add_argument("--build", type=int, metavar="EVENTS", help="Build a small one first.")
    parser.add_argument(
        "--copies", type=int, metavar="N", help="Time a chronicle N times its size (see grow)."
    )
    parser.add_argument("--runs", type=int, default=7, help="Runs per figure (median).")
    parser.add_argument("--scan", action="store_true", help="Also time the scans replaced.")
    parser.add_argument("--against", metavar="REV", help="Also time stats at git revision REV.")
    args = parser.parse_args()
    if (args.db is None) == (args.build is None):
        parser.error("give exactly one of --db PATH and --build EVENTS")
    db = build(args.build) if args.build else args.db
    if not db.exists():
        parser.error(f"no database at {db}")
    if args.copies and args.copies > 1:
        t = time.perf_counter()
        db = grow(db, args.copies)
        print(f"grew {db} in {time.perf_counter() - t:.0f} s", flush=True)
    print(describe(db), flush=True)
    with tempfile.TemporaryDirectory() as folder:
        against = None
        if args.against:
            against = command_at(args.against, Path(folder), "stats", "--db", str(db))
        print(f"{'':48} {'warm ms':>9} {'cpu ms':>9} {'cold ms':>9}")
        for name, run in cases(db, args.scan, against).items():
            run()  # opens and migrates once, and warms the cache for the warm runs
            warm, cpu = median_ms(run, args.runs, None)
            cold, _ = median_ms(run, args.runs, lambda: drop_cache(db))
            shown = f"{cpu:9.1f}" if cpu > 0.5 else f"{'-':>9}"
            print(f"{name:48} {warm:9.1f} {shown} {cold:9.1f}", flush=True)


if __name__ == "__main__":
    main()
