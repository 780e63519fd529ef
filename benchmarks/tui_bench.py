"""Time the browser (the real `ChronicleApp`, driven by Textual's Pilot) on a chronicle.

    python3 benchmarks/tui_bench.py --db /tmp/tuibench/bench.db          # 1M events
    python3 benchmarks/tui_bench.py --db /tmp/fixtures.db --build-fixtures --query japan

`--build-fixtures` first builds `--db` from the five bundled documents when it does not
exist, so the script also runs in a few seconds on a small database. The database is
opened with `Store`, which migrates an older file: give it a copy you may write.

Each run opens the store afresh, starts the app at 80x24 with `App.run_test` and
drives it with `Pilot`; figures are medians over `--runs` runs (each key of a series
counted alone), in milliseconds of wall time and of the process's CPU time (every
thread, SQLite included: on a machine shared with other work the CPU time is the cost,
the wall time grows with the load).
What is measured, for every step, is the time from the first key pressed until the
screen has *settled*: every worker has completed and `pilot.pause()` has returned, and
once more if that started new workers (rows to load, the event's detail, a histogram).
Pilot waits for the process to be idle for 20 ms twice after each key it sends, and
`pilot.pause()` once more, so a step costs at least about 60 ms of waiting: the *floor*
line times a key nothing binds (`x`) the same way, and *net* is a figure minus that
floor (what the key itself cost, to the nearest few ms). Where the screen paints rows before
its workers are done (start, a search), *first rows* is the time until the timeline
holds a loaded row under its cursor for the new result, polled every 5 ms.

Steps, in each run's order:

* ``start``: from opening the store and building the app (then `run_test`: its CSS
  read, the main screen mounted) to the first rows, then to settled. The interpreter's start and imports are
  the *imports* line: `python3 -c "import chronicle.tui.app"` in a child process.
* ``j``, ``k``, ``PgDn``: each press of `--moves` (100 `j`, then 100 `k`) and
  `--pages` (50 PgDn) timed alone; median, 95th percentile, and the whole series.
* ``G``, ``g``: bottom and top of every event.
* ``/ query ⏎``: `/`, the query typed, Enter (which skips the search bar's 150 ms
  pause after typing); first rows and settled from Enter.
* ``typing``: the keystrokes of the query in the bar, each alone (no search runs
  while typing; the bar waits for a pause).
* ``c`` enter, ``c`` leave: the context view of the query's result and back.
* ``f``: the facets panel until its first counts are shown; Esc closes it.
* ``: date ⏎``: go to a date in the query's result (`:` and the date typed, then
  Enter timed).
* ``Esc`` clear: back to every event (a kept result).

Peak RSS is `resource.getrusage(RUSAGE_SELF).ru_maxrss` of this process after all runs,
beside the RSS before the first app (interpreter, imports, the store open).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.worker import WorkerCancelled

from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from chronicle.tui.facets import FacetsScreen
from chronicle.tui.main_screen import MainScreen

SIZE = (80, 24)
POLL = 0.005
"""Seconds between looks at the timeline while waiting for first rows."""
UNBOUND = "x"
"""A key nothing binds: timing it measures what Pilot's waiting costs by itself."""
SETTLE_ROUNDS = 20
"""At most this many rounds of waiting on workers for one step."""

Figures = dict[str, list[tuple[float, float]]]
"""Step name -> (wall ms, CPU ms) of each time it was measured."""


class Clock:
    """Wall and CPU time since it was made (CPU of the whole process: every thread, so
    SQLite in the workers too; this process's share of a busy machine does not count)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return (time.perf_counter() - self.wall) * 1000, (time.process_time() - self.cpu) * 1000


async def settle(pilot) -> None:
    """Wait until no worker runs and the screen is idle (new workers: wait again)."""
    app = pilot.app
    for _ in range(SETTLE_ROUNDS):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # a search replaced by a newer one: wait on the rest
            continue
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            return


def rows_shown(pilot, generation: int) -> Callable[[], bool]:
    """Whether the timeline shows a result newer than `generation` with the row under its
    cursor loaded (or an empty result)."""
    timeline = pilot.app.screen.query_one(Timeline)

    def shown() -> bool:
        loaded = timeline.row(timeline.cursor) is not None or not timeline.ids
        return timeline.generation > generation and loaded

    return shown


async def until(pilot, ready: Callable[[], bool], clock: Clock) -> tuple[float, float]:
    """The clock's reading once `ready()` holds, looked at every POLL seconds."""
    while not ready():
        await pilot.pause(POLL)
    return clock.read()


async def press_until(pilot, ready: Callable[[], bool], *keys: str) -> tuple[float, float]:
    """Wall and CPU ms from pressing `keys` until `ready()` holds. Pilot's press waits for
    the process to go idle, which is after the workers; it runs beside the looking."""
    clock = Clock()
    pressing = asyncio.create_task(pilot.press(*keys))
    found = await until(pilot, ready, clock)
    await pressing
    return found


async def timed(pilot, *keys: str) -> tuple[float, float]:
    """Wall and CPU ms from pressing `keys` until the screen settled."""
    clock = Clock()
    await pilot.press(*keys)
    await settle(pilot)
    return clock.read()


async def timed_search(pilot, query: str, add: Callable[[str, tuple[float, float]], None]) -> None:
    """`/`, the query typed key by key, Enter: first rows and settled, from Enter."""
    timeline = pilot.app.screen.query_one(Timeline)
    await pilot.press("slash")
    for char in query:  # Pilot names " " and "-" itself
        clock = Clock()
        await pilot.press(char)
        add("typing, each key", clock.read())
    clock = Clock()
    add(
        f"/{query}⏎ first rows",
        await press_until(pilot, rows_shown(pilot, timeline.generation), "enter"),
    )
    await settle(pilot)
    add(f"/{query}⏎ settled", clock.read())


async def timed_facets(pilot) -> tuple[float, float]:
    """Wall and CPU ms from `f` until the panel shows counts; then Esc closes it."""

    def counted() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, FacetsScreen) and screen.facets is not None

    elapsed = await press_until(pilot, counted, "f")
    await pilot.press("escape")
    await settle(pilot)
    return elapsed


async def one_run(
    db: Path, query: str, date: str, moves: int, pages: int, progress: bool
) -> Figures:
    figures: Figures = {}

    def add(name: str, value: tuple[float, float]) -> None:
        figures.setdefault(name, []).append(value)
        if progress:
            print(f"  {name}: {value[0]:.1f} ms wall, {value[1]:.1f} ms cpu", file=sys.stderr)

    async def each(name: str, key: str, times: int) -> None:
        clock = Clock()
        for _ in range(times):
            add(name, await timed(pilot, key))
        add(f"{name} ×{times}, whole", clock.read())

    clock = Clock()
    with Store(db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            add("start: first rows", await until(pilot, rows_shown(pilot, 0), clock))
            await settle(pilot)
            add("start: settled", clock.read())
            assert isinstance(app.screen, MainScreen)
            for _ in range(10):
                add("floor (unbound key)", await timed(pilot, UNBOUND))
            await each("j", "j", moves)
            await each("k", "k", moves)
            await each("PgDn", "pagedown", pages)
            add("G", await timed(pilot, "G"))
            add("g", await timed(pilot, "g"))
            await timed_search(pilot, query, add)
            add("c enter", await timed(pilot, "c"))
            add("c leave", await timed(pilot, "c"))
            add("f first counts", await timed_facets(pilot))
            await pilot.press("colon", *date)
            add(": date ⏎", await timed(pilot, "enter"))
            add("Esc (every event)", await timed(pilot, "escape"))
    return figures


def import_ms(runs: int) -> list[tuple[float, float]]:
    """Wall and CPU ms of a fresh interpreter importing the app."""
    found = []
    for _ in range(runs):
        clock = Clock()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "import chronicle.tui.app"], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
        found.append((clock.read()[0], cpu))
    return found


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(figures: Figures, runs: list[Figures]) -> None:
    """One line a step: wall median, p95 and net of the floor; CPU median; first run."""
    floor = statistics.median(wall for wall, _ in figures["floor (unbound key)"])
    floor_cpu = statistics.median(cpu for _, cpu in figures["floor (unbound key)"])
    print(f"{'step':<28} {'wall':>7} {'p95':>7} {'net':>7} {'cpu':>7} {'net':>7} {'n':>4}  run 1")
    for name, values in figures.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        alone = not any(word in name for word in ("whole", "floor", "imports", "start", "first"))
        net = f"{wall - floor:7.1f}" if alone else ""
        net_cpu = f"{cpu - floor_cpu:7.1f}" if alone else ""
        first = [w for w, _ in runs[0].get(name, [])]
        first_text = f"{statistics.median(first):.1f}" if first else ""
        print(
            f"{name:<28} {wall:7.1f} {_p95(walls):7.1f} {net:>7} {cpu:7.1f} {net_cpu:>7} "
            f"{len(values):4d}  {first_text}"
        )


def build_fixtures(db: Path) -> None:
    from chronicle.library import fixtures_dir, ingest_paths

    with Store(db) as store:
        ingest_paths(store, [fixtures_dir()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a database you may migrate")
    parser.add_argument("--query", default="minister", help="the large result (default: minister)")
    parser.add_argument("--date", default="2015-06-01", help="the date for `:`")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=100, help="j presses, then k presses")
    parser.add_argument("--pages", type=int, default=50, help="PgDn presses")
    parser.add_argument("--progress", action="store_true", help="each step on stderr as timed")
    parser.add_argument(
        "--build-fixtures", action="store_true", help="build --db from the fixtures if missing"
    )
    args = parser.parse_args()
    if args.build_fixtures and not args.db.exists():
        build_fixtures(args.db)
    if not args.db.exists():
        sys.exit(f"{args.db}: no such database")
    # Search history goes to a file of its own, not the user's.
    os.environ["CHRONICLE_HISTORY"] = str(Path(tempfile.mkdtemp()) / "history")
    with Store(args.db) as store:
        searcher = Searcher(store)
        events, matches = searcher.count(""), searcher.count(args.query)
    print(f"{args.db}: {events:,} events; {args.query!r}: {matches:,} matches", flush=True)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    imports = import_ms(args.runs)
    runs = []
    for n in range(args.runs):
        run = one_run(args.db, args.query, args.date, args.moves, args.pages, args.progress)
        runs.append(asyncio.run(run))
        print(f"run {n + 1} done", flush=True)
    merged: Figures = {"imports (child process)": imports}
    for run in runs:
        for name, values in run.items():
            merged.setdefault(name, []).extend(values)
    report(merged, runs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RSS before the first app {rss_before:.0f} MB; peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
