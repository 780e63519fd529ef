"""What adding a document costs as the chronicle grows, with `chronicle ingest` itself.

    python3 benchmarks/ingest_scale.py                        # 500 ... 200,000 documents
    python3 benchmarks/ingest_scale.py --sizes 500,2000 --repeat 3
    python3 benchmarks/ingest_scale.py --stores a.db,b.db --fresh-dir new/ --repeat 3

One store is grown step by step with ``chronicle ingest`` (documents 0..499, then
500..1,999, ...) from a corpus `make_corpus.py` generates; each step's build time
is recorded. After each step, on a copy of the store (so the base never changes),
``chronicle ingest --jobs 1`` adds the same 20 fresh documents, which no base
holds (they come after the largest size in the corpus). The command's fixed cost
(start-up, opening the store, the closing counts) is measured on the same copy by
ingesting an empty folder first (the median of three runs) and subtracted, so the
figure is what one more document costs:

    net CPU per document = (CPU of adding 20 - CPU of adding none) / 20

CPU is user+sys of the command and anything it starts (getrusage). The medians
over ``--repeat`` copies are printed, with the ratio of the largest store's net
cost to the smallest's (issue 14's target: at most 2). Every step is appended to
``OUT/steps.jsonl`` as it finishes; run again with the same ``--out`` to resume
a long run from the last store built (a step cut off mid-build is finished then,
and its build time covers only the part done on resume).

With ``--stores``, stores already built are measured the same way but in turn (each
round adds the fresh documents to a copy of every store), which is what a machine
shared with other work needs; ``--code`` runs another checkout's chronicle, so the
code before and after a change can be measured in the same rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling script below

import ingest_throughput
from ingest_throughput import (
    OUT,
    ROOT,
    chronicle_command,
    corpus_for,
    db_bytes,
    run_watched,
)

SIZES = (500, 2_000, 10_000, 50_000, 200_000)
TARGET_RATIO = 2.0
ADDED = re.compile(r"added (\d+) document")


def corpus_files(corpus: Path, n: int) -> list[Path]:
    """The first `n` documents of a generated corpus, in index order."""
    files = sorted((corpus / "docs").glob("*/*.txt"), key=lambda p: p.name)
    if len(files) < n:
        raise SystemExit(f"{corpus} holds {len(files):,} documents; {n:,} are needed")
    return files[:n]


def link_folder(folder: Path, files: list[Path]) -> Path:
    """A folder of links to `files`, ingested with --follow-links (ingest resolves them, so
    the store keeps the real paths)."""
    shutil.rmtree(folder, ignore_errors=True)
    for f in files:
        target = folder / f.parent.name / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(f.resolve())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stored_documents(db: Path) -> int:
    """How many documents a chronicle holds (0 when there is none yet)."""
    if not db.exists():
        return 0
    # Not mode=ro: a read-only connection opened while the ingest that just ended is
    # still taking its WAL down was seen to read the file as malformed.
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def copy_db(source: Path, target: Path) -> None:
    """Copy a closed chronicle with its WAL, replacing `target`, and wait until the copy
    is on disk: otherwise the system writes gigabytes of a fresh copy back while the
    next run is timed."""
    remove_db(target)
    for suffix in ("", "-wal", "-shm"):
        src = source.with_name(source.name + suffix)
        if src.exists():
            shutil.copyfile(src, target.with_name(target.name + suffix))
    os.sync()


FIXED_RUNS = 3
"""Runs of the command on an empty folder whose median is its fixed cost: one run's
noise (a tenth of a second) is 5 ms a document of 20."""


def fixed_cost(db: Path, empty: Path, jobs: int | None) -> tuple[float, float]:
    """(wall s, CPU s) of `chronicle ingest` adding nothing to `db`: the median of a few runs."""
    runs = [ingest(db, empty, jobs)[:2] for _ in range(FIXED_RUNS)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def remove_db(db: Path) -> None:
    """Delete a chronicle file with its WAL and shared-memory files."""
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def supports_jobs() -> bool:
    """Whether this checkout's `chronicle ingest` takes --jobs."""
    sys.path.insert(0, str(ROOT))
    from chronicle.cli import ingest as command

    return any(option.name == "jobs" for option in command.params)


def ingest(db: Path, folder: Path, jobs: int | None) -> tuple[float, float, int]:
    """(wall s, CPU s, documents added) of one `chronicle ingest` run."""
    args = ["ingest", "--db", str(db), str(folder), "--follow-links"]
    if jobs:
        args += ["--jobs", str(jobs)]
    run = run_watched(chronicle_command(*args), interval=0.5)
    if run.returncode != 0:
        raise RuntimeError(f"chronicle ingest exited {run.returncode}: {run.stderr.strip()}")
    added = ADDED.search(run.stderr)
    return run.wall_s, run.cpu_s, int(added.group(1)) if added else 0


def build_step(base: Path, folder: Path, jobs: int | None) -> dict:
    """Grow the base store by the documents linked in `folder`."""
    wall, cpu, added = ingest(base, folder, jobs)
    return {
        "build_docs": added,
        "build_wall_s": round(wall, 2),
        "build_cpu_s": round(cpu, 2),
        "build_docs_per_s": round(added / wall, 2) if wall else 0.0,
        "db_mb": round(db_bytes(base) / 1e6, 1),
    }


def measure_step(base: Path, scratch: Path, empty: Path, fresh: Path, repeat: int, jobs) -> dict:
    """Median costs of adding the fresh documents to copies of the base store."""
    net_cpu, net_wall, raw_cpu, fixed_cpu = [], [], [], []
    count = sum(1 for _ in fresh.rglob("*.txt"))
    for _ in range(repeat):
        copy_db(base, scratch)
        wall0, cpu0 = fixed_cost(scratch, empty, jobs)
        wall, cpu, added = ingest(scratch, fresh, jobs)
        if added != count:
            raise RuntimeError(f"added {added} of {count} fresh documents to a copy of {base}")
        raw_cpu.append(cpu / count)
        fixed_cpu.append(cpu0)
        net_cpu.append((cpu - cpu0) / count)
        net_wall.append((wall - wall0) / count)
    remove_db(scratch)
    return {
        "fresh": count,
        "repeat": repeat,
        "net_cpu_ms_per_doc": round(statistics.median(net_cpu) * 1000, 1),
        "net_cpu_ms_spread": [round(min(net_cpu) * 1000, 1), round(max(net_cpu) * 1000, 1)],
        "net_wall_ms_per_doc": round(statistics.median(net_wall) * 1000, 1),
        "raw_cpu_ms_per_doc": round(statistics.median(raw_cpu) * 1000, 1),
        "fixed_cpu_s": round(statistics.median(fixed_cpu), 2),
    }


def run(corpus: Path, out: Path, sizes: list[int], fresh_n: int, repeat: int, jobs) -> list[dict]:
    """Grow, measure and log every step; steps already in OUT/steps.jsonl are kept."""
    out.mkdir(parents=True, exist_ok=True)
    files = corpus_files(corpus, max(sizes) + fresh_n)
    base, log = out / "base.db", out / "steps.jsonl"
    done = _logged(log) if base.exists() else {}
    if not done:
        log.unlink(missing_ok=True)
        remove_db(base)
    fresh = link_folder(out / "fresh", files[max(sizes) : max(sizes) + fresh_n])
    empty = link_folder(out / "empty", [])
    measure_jobs = 1 if supports_jobs() else None
    results = []
    previous = 0
    for size in sizes:
        if size in done and stored_documents(base) >= size:
            results.append(done[size])
            previous = size
            continue
        step = {"size": size}
        folder = link_folder(out / "step", files[previous:size])
        step |= build_step(base, folder, jobs)
        step["stored"] = stored_documents(base)
        step |= measure_step(base, out / "measure.db", empty, fresh, repeat, measure_jobs)
        with open(log, "a", encoding="utf-8") as f:
            f.write(json.dumps(step) + "\n")
        results.append(step)
        previous = size
        shutil.rmtree(folder)
    return results


def measure_stores(stores: list[Path], fresh: Path, rounds: int, work: Path) -> list[dict]:
    """Net CPU per added document for stores already built, measured in turn.

    Each round adds the fresh documents to a copy of every store, one store after the
    other, so a machine busy with other work weighs on every store alike; the median
    over rounds is kept, with each round's figure.
    """
    work.mkdir(parents=True, exist_ok=True)
    empty = link_folder(work / "empty", [])
    scratch = work / "measure.db"
    count = sum(1 for _ in fresh.rglob("*.txt"))
    net: dict[Path, list[float]] = {store: [] for store in stores}
    for _ in range(rounds):
        for store in stores:
            copy_db(store, scratch)
            _, cpu0 = fixed_cost(scratch, empty, 1)
            _, cpu, added = ingest(scratch, fresh, 1)
            if added != count:
                raise RuntimeError(f"added {added} of {count} fresh documents to {store}")
            net[store].append((cpu - cpu0) / count * 1000)
    remove_db(scratch)
    return [
        {
            "store": str(store),
            "stored": stored_documents(store),
            "rounds_ms": [round(x, 1) for x in figures],
            "net_cpu_ms_per_doc": round(statistics.median(figures), 1),
        }
        for store, figures in net.items()
    ]


def print_stores(results: list[dict]) -> None:
    print(f"{'stored':>8} {'net CPU ms/doc':>14} {'ratio':>6}  rounds")
    first = results[0]["net_cpu_ms_per_doc"]
    for r in results:
        x = r["net_cpu_ms_per_doc"] / first if first > 0 else float("inf")
        rounds = ", ".join(f"{v:.1f}" for v in r["rounds_ms"])
        print(f"{r['stored']:>8,} {r['net_cpu_ms_per_doc']:>14.1f} {x:>6.2f}  {rounds}")


def _logged(log: Path) -> dict[int, dict]:
    if not log.exists():
        return {}
    steps = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]
    return {s["size"]: s for s in steps}


def ratio(results: list[dict]) -> float:
    """Net CPU per document of the largest store over that of the smallest."""
    first, last = results[0]["net_cpu_ms_per_doc"], results[-1]["net_cpu_ms_per_doc"]
    return last / first if first > 0 else float("inf")


def print_table(results: list[dict]) -> None:
    head = (
        f"{'stored':>8} {'build s':>9} {'build CPU s':>11} {'docs/s':>7} {'DB MB':>8}  "
        f"{'net CPU ms/doc':>14} {'(min-max)':>15} {'net wall ms/doc':>15} {'raw CPU ms/doc':>14}"
    )
    print(head)
    for r in results:
        spread = f"({r['net_cpu_ms_spread'][0]:.0f}-{r['net_cpu_ms_spread'][1]:.0f})"
        print(
            f"{r['stored']:>8,} {r['build_wall_s']:>9,.1f} {r['build_cpu_s']:>11,.1f} "
            f"{r['build_docs_per_s']:>7,.1f} {r['db_mb']:>8,.1f}  "
            f"{r['net_cpu_ms_per_doc']:>14,.1f} {spread:>15} {r['net_wall_ms_per_doc']:>15,.1f} "
            f"{r['raw_cpu_ms_per_doc']:>14,.1f}"
        )
    if len(results) > 1:
        x = ratio(results)
        verdict = "ok" if x <= TARGET_RATIO else "MISSED"
        print(
            f"net CPU per document at {results[-1]['stored']:,} / at {results[0]['stored']:,}: "
            f"{x:.2f} (target <= {TARGET_RATIO:.0f})  {verdict}"
        )
    fresh = results[0]
    print(
        f"each figure: median of {fresh['repeat']} copies, {fresh['fresh']} fresh documents "
        f"added with --jobs 1, minus the command's fixed cost (~{fresh['fixed_cpu_s']} s CPU)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="e.g. 500,2000")
    parser.add_argument("--fresh", type=int, default=20, help="documents added to each store")
    parser.add_argument("--repeat", type=int, default=3, help="copies measured per size")
    parser.add_argument("--jobs", type=int, help="--jobs for the build steps")
    parser.add_argument("--corpus", type=Path, help="a make_corpus.py output large enough")
    parser.add_argument("--out", type=Path, default=OUT / "scale", help="work folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--stores", help="measure these built stores in turn instead (paths, comma-separated)"
    )
    parser.add_argument("--fresh-dir", type=Path, help="with --stores: the documents to add")
    parser.add_argument(
        "--code",
        type=Path,
        help="the checkout whose chronicle runs (default: this); its migrations are still "
        "those of the installed checkout, so compare code of one schema",
    )
    args = parser.parse_args(argv)
    if args.code:
        ingest_throughput.ROOT = args.code.resolve()
    if args.stores:
        if not args.fresh_dir:
            parser.error("--stores needs --fresh-dir")
        stores = [Path(p) for p in args.stores.split(",") if p.strip()]
        found = measure_stores(stores, args.fresh_dir, args.repeat, args.out)
        if args.json:
            print(json.dumps(found, indent=2))
        else:
            print_stores(found)
        return 0
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    corpus = args.corpus or corpus_for(max(sizes) + args.fresh)
    results = run(corpus, args.out, sizes, args.fresh, args.repeat, args.jobs)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
