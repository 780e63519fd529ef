"""Time the facets (counts by type, country, actor, source, year) on a large chronicle.

    python3 benchmarks/facets_bench.py                       # the 1M copy in /tmp
    python3 benchmarks/facets_bench.py --db /tmp/mine.db --query minister --exact

The database is a copy of benchmarks/out/stats-50000-x20.db (1.03 M events), made in
/tmp on first use and migrated by opening it with `Store` (minutes); nothing under
benchmarks/out is opened for writing. For each query it prints the matches and, as the
median of `--runs` runs, wall and CPU milliseconds of:

* ``sample``: `facet_counts` on one event in `sample_stride` (the panel's first paint;
  for every event the panel reads the kept tables instead);
* ``exact``: every match counted (the panel does it up to EXACT_MAX matches; others
  only with ``--exact``); for every event (no query) the kept tables, first read
  (``first``) then from what the module keeps (``kept``);
* ``panel``: the real app (`App.run_test`) from pushing `FacetsScreen` to its first
  counts on screen, once, after the main screen has settled.

CPU time is the process's: SQLite runs in it, so on a machine busy with other work the
CPU time is the cost and the wall time grows with the load.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chronicle.search import facets as facets_module
from chronicle.search.engine import Searcher
from chronicle.search.facets import facet_counts, sample_stride
from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.facets import EXACT_MAX, FacetsScreen

OUT = Path(__file__).resolve().parent / "out"
ORIGINAL = OUT / "stats-50000-x20.db"
COPY = Path("/tmp/facets-1m.db")
QUERIES = ("", "minister", "japan", "type:meeting,agreement", "country:pk", "talks")
"""Every event; common words (412,700 and 442,920 matches); a filter (338,920); a
country (72,880); a rarer word (46,980)."""


def _copy(db: Path) -> None:
    if db.resolve().is_relative_to(OUT.resolve()):
        sys.exit(f"{db}: a copy is needed; files under {OUT} are never written")
    if not db.exists():
        print(f"copying {ORIGINAL} to {db} and migrating it (minutes)…", flush=True)
        shutil.copy(ORIGINAL, db)
    Store(db).close()


def _timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of `runs` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def _line(label: str, wall: float, cpu: float, note: str = "") -> None:
    print(f"  {label:<7} {wall:9.0f} ms wall {cpu:9.0f} ms cpu  {note}", flush=True)


def _bench_query(store: Store, text: str, runs: int, exact: bool) -> None:
    searcher = Searcher(store)
    query, compiled = searcher.understand(text, whole=True)
    shows_all = not query.terms and not query.filters
    stride = sample_stride(store)
    print(f"{text or '(every event)'!r}: {searcher.count(text):,} matches", flush=True)
    if shows_all:
        facets_module._KEPT.clear()
        wall, cpu, _ = _timed(lambda: facet_counts(store, compiled, True), 1)
        _line("first", wall, cpu)
        wall, cpu, _ = _timed(lambda: facet_counts(store, compiled, True), runs)
        _line("kept", wall, cpu)
        return
    wall, cpu, found = _timed(lambda: facet_counts(store, compiled, False, sample=stride), runs)
    _line("sample", wall, cpu, f"1 in {stride}, about {found.total:,}")
    if exact or found.total <= EXACT_MAX:
        wall, cpu, _ = _timed(lambda: facet_counts(store, compiled, False), 1)
        _line("exact", wall, cpu)


async def _panel(store: Store, text: str) -> float:
    """Milliseconds from pushing the panel to its first counts on screen."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        screen = FacetsScreen(store, text)
        start = time.perf_counter()
        app.push_screen(screen)
        while screen.facets is None:
            await pilot.pause(0.005)
        return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=COPY)
    parser.add_argument("--query", action="append", help="query to time (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--exact", action="store_true", help="count large results whole too")
    parser.add_argument("--no-panel", action="store_true", help="skip the app measurement")
    args = parser.parse_args()
    _copy(args.db)
    queries = args.query or QUERIES
    with Store(args.db) as store:
        print(f"{args.db}: {store.counts()['events']:,} events", flush=True)
        for text in queries:
            _bench_query(store, text, args.runs, args.exact)
        if not args.no_panel:
            print("panel, first counts on screen (80x24):")
            for text in queries:
                print(
                    f"  {text or '(every event)'!r:<26} {asyncio.run(_panel(store, text)):7.0f} ms"
                )


if __name__ == "__main__":
    main()
