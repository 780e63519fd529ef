"""What the analyst's corrections cost each added document, with 0, 1,000 and 10,000 of them.

    python3 benchmarks/corrections_cost.py [--events 11000] [--docs 30] [--out DIR]

Builds one store of `--events` separate events (generated reports, one dated
sentence each about people and places of their own, so no two merge), then, for each
number of corrections, a copy of it with that many events corrected (headline, people,
countries and type, by `Store.annotate`) and `--docs` more reports added one by one
with `Store.add_document`, timed. Two in three of those reports join no stored event;
every third retells a corrected event (it joins it), so its correction is applied
again. Printed side by side, in milliseconds: the median per added document (wall and
CPU: on a busy machine the wall time follows the load), the ratio of its CPU time to
the store's without corrections, the median and the largest time of its re-applying
of corrections (`annotating.reapply_corrections`), and one re-applying of every
correction (what a rebuild of every event, or opening a store corrected before
migration 022, adds). Each store's `check()` must be clean at the end.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from chronicle.pipeline import parse_file
from chronicle.store import Store, annotating, documents

COUNTRIES = ["France", "Chile", "Kenya", "Norway", "Peru", "Ghana", "Japan", "Egypt"]
SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tu", "vo", "zel", "dan", "po", "qui", "bex"]


def _name(n: int) -> str:
    """An invented two-word name of its own for each number."""
    first = SYLLABLES[n % 12] + SYLLABLES[n // 12 % 12]
    last = SYLLABLES[n // 144 % 12] + SYLLABLES[n // 1728 % 12] + SYLLABLES[n // 20736 % 12]
    return f"{first.title()} {last.title()}"


def _report(n: int) -> str:
    """Report `n`: one meeting on a day of its own (a week apart from the next)."""
    day = date(1950, 1, 2) + timedelta(days=7 * n)
    country = COUNTRIES[n % len(COUNTRIES)]
    return (
        f"Report {n}\n\nOn {day.day} {day:%B %Y}, Minister {_name(n)} met "
        f"Ambassador {_name(n + 50000)} in the capital of {country} to discuss "
        f"fisheries.\n"
    )


def _write(folder: Path, numbers: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"report-{n:06d}.txt"
        path.write_text(_report(n), encoding="utf-8")
        paths.append(path)
    return paths


def _parsed(paths: list[Path]) -> list:
    found = [parse_file(p) for p in paths]
    bad = [p for p in found if p.error or p.doc is None]
    if bad:
        raise SystemExit(f"could not read {bad[0].path}: {bad[0].error}")
    return found


def _build(db: Path, parsed: list) -> None:
    with Store(db) as store, store.batch():
        for p in parsed:
            store.add_document(p.doc, p.content_hash, p.mentions)


def _correct(store: Store, how_many: int) -> list[int]:
    """Correct the first `how_many` events by date; returns the report numbers corrected."""
    sql = "SELECT id FROM events ORDER BY sort_key LIMIT ?"
    ids = [r[0] for r in store.execute(sql, [how_many])]
    with store.batch():
        for event_id in ids:
            store.annotate(
                event_id,
                correction={
                    "headline": f"Corrected meeting {event_id}",
                    "countries": ["FR"],
                    "actors": ["Ana Lysed"],
                    "type": "visit",
                },
            )
    return list(range(how_many))


def _retold(n: int, folder: Path) -> Path:
    """Another report of the meeting report `n` told: it joins that event."""
    day = date(1950, 1, 2) + timedelta(days=7 * n)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"retold-{n:06d}.txt"
    country = COUNTRIES[n % len(COUNTRIES)]
    path.write_text(
        f"Wire {n}\n\nAmbassador {_name(n + 50000)} met Minister {_name(n)} in "
        f"{country} on {day.day} {day:%B %Y}, their office said.\n",
        encoding="utf-8",
    )
    return path


def _timed_adds(store: Store, parsed: list) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds of each add_document (wall, CPU), and of its re-applying of corrections."""
    spent: list[float] = []
    original = documents.reapply_corrections

    def timed(db: object) -> object:
        start = time.perf_counter()
        try:
            return original(db)
        finally:
            spent.append((time.perf_counter() - start) * 1000)

    documents.reapply_corrections = timed
    try:
        totals, cpu = [], []
        for p in parsed:
            start, used = time.perf_counter(), time.process_time()
            store.add_document(p.doc, p.content_hash, p.mentions)
            totals.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - used) * 1000)
    finally:
        documents.reapply_corrections = original
    return totals, cpu, spent


def _everything_once(store: Store) -> float:
    """Milliseconds to re-apply every correction once (in a transaction rolled back)."""
    db = store.db
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "INSERT INTO corrections_pending SELECT id FROM annotations WHERE correction != '{}'"
        )
        start = time.perf_counter()
        annotating.reapply_corrections(db)
        return (time.perf_counter() - start) * 1000
    finally:
        db.execute("ROLLBACK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=11000)
    parser.add_argument("--docs", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--counts", default="0,1000,10000")
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    if max(counts) > args.events:
        raise SystemExit("--events must be at least the largest number of corrections")
    work = args.out or Path(tempfile.mkdtemp(prefix="corrections-"))
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base.db"
    start = time.perf_counter()
    if not base.exists():
        _build(base, _parsed(_write(work / "reports", range(args.events))))
    print(f"base store: {args.events} events in {time.perf_counter() - start:.0f} s ({base})")
    fresh = range(args.events + 100, args.events + 100 + args.docs)
    added_paths = []
    for i, n in enumerate(fresh):
        if i % 3 == 2:  # every third retells one of the first 900 (corrected in each run but 0)
            added_paths.append(_retold((i * 37) % min(900, args.events), work / "added"))
        else:
            added_paths.extend(_write(work / "added", range(n, n + 1)))
    added = _parsed(added_paths)
    rows = []
    for how_many in counts:
        db = work / f"corrected-{how_many}.db"
        shutil.copy(base, db)
        with Store(db) as store:
            _correct(store, how_many)
            totals, cpu, spent = _timed_adds(store, added)
            everything = _everything_once(store) if how_many else 0.0
            problems = store.check()
            if problems:
                raise SystemExit(f"{db}: {problems[0]}")
        median = statistics.median
        rows.append((how_many, median(totals), median(cpu), median(spent), max(spent), everything))
        db.unlink()
    zero = rows[0][2]
    print(f"{args.docs} documents added one by one to {args.events} events; medians in ms")
    heads = ("corrections", "per doc", "CPU", "ratio", "reapply", "max reapply", "all once")
    widths = (11, 8, 7, 6, 8, 11, 9)
    print(" ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    for how_many, total, cpu, reapply, most, everything in rows:
        print(
            f"{how_many:>11,} {total:>8.1f} {cpu:>7.1f} {cpu / zero:>6.2f} {reapply:>8.2f} "
            f"{most:>11.2f} {everything:>9.1f}"
        )


if __name__ == "__main__":
    main()
