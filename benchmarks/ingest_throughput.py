"""Full `chronicle ingest` of a generated corpus into an empty database: speed, cores, memory, size.

    python3 benchmarks/ingest_throughput.py --docs 10000 [--jobs 2] [--json]

Generates (or reuses) ``benchmarks/out/corpus-N`` with `make_corpus.py`, then runs
``chronicle ingest --db benchmarks/out/throughput-N.db CORPUS/docs`` as a child
process of this one, on an empty database, and reports:

* wall time, KB/s of prose (bytes of the files read) and documents/s;
* CPU: user+sys seconds of the command and every process it started (from
  ``getrusage(RUSAGE_CHILDREN)``), utilisation = CPU / wall / cores, and the
  split between the main process (storing and merging) and its workers (parsing);
* peak memory: the highest resident set of the main process and of the largest
  worker (VmHWM from /proc, sampled every 0.1 s) and the highest sum over the
  whole process tree at one sample;
* database size (with its WAL) and its ratio to the prose.

A corpus too large for one sitting is ingested in legs with ``--onto``: each leg adds
a folder of documents the store does not hold yet (``chronicle ingest`` of the rest
of the corpus) to the store the previous leg left, and reports that leg's figures;
the database's ratio is then to all the prose it holds (the files of its documents).

The targets of issue 14 are printed beside the figures. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

TARGET_KB_S = 400
TARGET_BUSY = 0.9
"""Utilisation counted as "every core busy" (parsing never quite keeps pace at the ends)."""
TARGET_RSS_MB = 500
TARGET_DB_RATIO = 4.0


def chronicle_command(*args: str) -> list[str]:
    """`chronicle ARGS` run by this Python on this checkout, whatever copy is installed.

    `-P`: the working folder is not put first on the import path, so a run started inside
    another checkout still runs this one (`child_env` puts it first instead).
    """
    code = "import sys; from chronicle.cli import main; sys.argv[0] = 'chronicle'; main()"
    return [sys.executable, "-P", "-c", code, *args]


def child_env() -> dict[str, str]:
    """The environment for a chronicle child: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


# Watching a process tree --------------------------------------------------------


@dataclass
class Peak:
    """The most one process was seen to use."""

    hwm_kb: int = 0
    cpu_s: float = 0.0


@dataclass
class Watch:
    """What sampling a process tree saw: per-process peaks and the peak of the sum."""

    root: int
    processes: dict[int, Peak] = field(default_factory=dict)
    tree_rss_kb: int = 0
    tree_anon_kb: int = 0
    private_every_s: float = 1.0
    _private: dict[int, tuple[float, int]] = field(default_factory=dict)

    def sample(self) -> None:
        """Read /proc once for the root and every descendant alive now."""
        total = anon = 0
        for pid in descendants(self.root):
            seen = read_process(pid)
            if seen is None:
                continue
            rss_kb, hwm_kb, cpu_s = seen
            anon_kb = self.private_kb(pid)
            peak = self.processes.setdefault(pid, Peak())
            peak.hwm_kb = max(peak.hwm_kb, hwm_kb)
            peak.cpu_s = max(peak.cpu_s, cpu_s)
            total += rss_kb
            anon += anon_kb
        self.tree_rss_kb = max(self.tree_rss_kb, total)
        self.tree_anon_kb = max(self.tree_anon_kb, anon)

    def private_kb(self, pid: int) -> int:
        """A process's private memory, read again only every `private_every_s` seconds:
        `smaps_rollup` walks every page the process maps (27 ms for a writer mapping
        1.9 GB of database), so reading it at every sample took a quarter of a core
        from the run it measures. Private memory moves slowly; the last reading stands."""
        now = time.monotonic()
        read_at, kb = self._private.get(pid, (float("-inf"), 0))
        if now - read_at >= self.private_every_s:
            kb = read_private_kb(pid)
            self._private[pid] = (now, kb)
        return kb

    def main(self) -> Peak:
        return self.processes.get(self.root, Peak())

    def workers(self) -> list[Peak]:
        return [p for pid, p in self.processes.items() if pid != self.root]


def descendants(root: int) -> list[int]:
    """`root` and every process below it, from the parent ids in /proc."""
    parent_of: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            stat = _read(f"/proc/{entry.name}/stat")
            if stat:
                parent_of[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parent_of.items() if parent in frontier]
        tree += frontier
    return tree


def read_process(pid: int) -> tuple[int, int, float] | None:
    """(resident KB, peak resident KB, user+sys CPU seconds) of a live process.
    Resident counts the pages of the database file the store reads through memory
    mapping (the system's file cache); `read_private_kb` leaves them out."""
    status, stat = _read(f"/proc/{pid}/status"), _read(f"/proc/{pid}/stat")
    if not status or not stat:
        return None
    fields = _fields(status)
    after_name = stat.rsplit(")", 1)[1].split()
    cpu = (int(after_name[11]) + int(after_name[12])) / TICKS  # utime, stime
    return _kb(fields, "VmRSS"), _kb(fields, "VmHWM"), cpu


def read_private_kb(pid: int) -> int:
    """A live process's private resident KB: a page a forked worker still shares with
    its parent counts in proportion (`Pss_Anon`), so that the sum over the processes
    counts it once (`RssAnon` where the kernel lacks smaps_rollup; 0 once it ended)."""
    rollup = _fields(_read(f"/proc/{pid}/smaps_rollup"))
    return _kb(rollup, "Pss_Anon", _kb(_fields(_read(f"/proc/{pid}/status")), "RssAnon"))


def _fields(text: str) -> dict[str, str]:
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def _kb(fields: dict[str, str], name: str, default: int = 0) -> int:
    value = fields.get(name)
    return int(value.split()[0]) if value else default


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:  # the process ended between listing and reading
        return ""


@dataclass(frozen=True)
class Run:
    """One finished command: its exit, times and what the watch saw."""

    returncode: int
    wall_s: float
    cpu_s: float
    stderr: str
    watch: Watch


def run_watched(command: list[str], interval: float = 0.1) -> Run:
    """Run a command to its end, sampling its process tree every `interval` seconds."""
    # stderr goes to a file: a pipe nobody reads until the end could fill and stall the run.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=child_env())
        watch = Watch(proc.pid)
        while proc.poll() is None:
            watch.sample()
            time.sleep(interval)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        err.seek(0)
        stderr = err.read()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(proc.returncode, wall, cpu, stderr, watch)


# The benchmark -----------------------------------------------------------------


def corpus_for(docs: int, seed: int = 7) -> Path:
    """A generated corpus of exactly `docs` documents under benchmarks/out (made once)."""
    sys.path.insert(0, str(HERE))
    import make_corpus

    corpus = OUT / f"corpus-{docs}" if seed == 7 else OUT / f"corpus-{docs}-s{seed}"
    info = corpus / "corpus.json"
    if info.exists():
        made = json.loads(info.read_text(encoding="utf-8"))
        if made.get("documents") == docs and made.get("seed") == seed:
            return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    make_corpus.generate(docs, corpus, seed)
    return corpus


def prose_bytes(folder: Path) -> tuple[int, int]:
    """(files, bytes) of the .txt documents under `folder`."""
    sizes = [p.stat().st_size for p in folder.rglob("*.txt")]
    return len(sizes), sum(sizes)


def stored_prose(db: Path) -> int:
    """Bytes of the files of every document a store holds (its prose, however many legs)."""
    with closing(sqlite3.connect(db)) as conn:
        paths = [Path(row[0]) for row in conn.execute("SELECT path FROM documents")]
    return sum(p.stat().st_size for p in paths)


def db_bytes(db: Path) -> int:
    """The database file with its WAL and shared-memory files."""
    return sum(p.stat().st_size for p in (db, *_sidecars(db)) if p.exists())


def _sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def measure(docs_dir: Path, db: Path, jobs: int | None = None, onto: bool = False) -> dict:
    """Ingest `docs_dir` into a fresh `db` (or, `onto`, the store `db` already is) and
    return the figures."""
    if not onto:
        for path in (db, *_sidecars(db)):
            path.unlink(missing_ok=True)
    files, prose = prose_bytes(docs_dir)
    args = ["ingest", "--db", str(db), str(docs_dir), "--follow-links"]
    if jobs:
        args += ["--jobs", str(jobs)]
    run = run_watched(chronicle_command(*args))
    if run.returncode != 0:
        raise RuntimeError(f"chronicle ingest exited {run.returncode}: {run.stderr.strip()}")
    cores = os.cpu_count() or 1
    workers = run.watch.workers()
    size = db_bytes(db)
    held = stored_prose(db) if onto else prose
    return {
        "documents": files,
        "prose_bytes": prose,
        "wall_s": round(run.wall_s, 2),
        "kb_per_s": round(prose / 1024 / run.wall_s, 1),
        "docs_per_s": round(files / run.wall_s, 2),
        "cpu_s": round(run.cpu_s, 2),
        "cores": cores,
        "utilisation": round(run.cpu_s / run.wall_s / cores, 3),
        "main_cpu_s": round(run.watch.main().cpu_s, 2),
        "workers_cpu_s": round(sum(p.cpu_s for p in workers), 2),
        "workers": len(workers),
        "main_peak_mb": round(run.watch.main().hwm_kb / 1024, 1),
        "largest_worker_peak_mb": round(max((p.hwm_kb for p in workers), default=0) / 1024, 1),
        "tree_peak_mb": round(run.watch.tree_rss_kb / 1024, 1),
        "tree_peak_private_mb": round(run.watch.tree_anon_kb / 1024, 1),
        "db_bytes": size,
        "db_to_prose": round(size / held, 2) if held else 0.0,
        "onto": onto,
        "summary": run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "",
    }


def verdicts(r: dict) -> dict[str, bool]:
    """Whether each target of issue 14 is met."""
    return {
        "kb_per_s": r["kb_per_s"] >= TARGET_KB_S,
        "utilisation": r["utilisation"] >= TARGET_BUSY,
        "tree_peak_mb": r["tree_peak_mb"] <= TARGET_RSS_MB,
        "db_to_prose": r["db_to_prose"] <= TARGET_DB_RATIO,
    }


def print_result(r: dict) -> None:
    ok = verdicts(r)

    def mark(name: str) -> str:
        return "ok" if ok[name] else "MISSED"

    leg = " onto a store" if r.get("onto") else ""
    print(
        f"chronicle ingest of {r['documents']:,} documents ({r['prose_bytes'] / 1e6:.1f} MB){leg}"
    )
    print(f"  {r['summary']}")
    rows = [
        ("wall", f"{r['wall_s']:,.1f} s", ""),
        ("throughput", f"{r['kb_per_s']:,.0f} KB/s", f">= {TARGET_KB_S} KB/s  {mark('kb_per_s')}"),
        ("documents/s", f"{r['docs_per_s']:,.1f}", ""),
        (
            "CPU utilisation",
            f"{r['utilisation']:.0%} of {r['cores']} cores ({r['cpu_s']:,.1f} s)",
            f">= {TARGET_BUSY:.0%} (every core busy)  {mark('utilisation')}",
        ),
        ("  main process", f"{r['main_cpu_s']:,.1f} s CPU", "storing and merging"),
        ("  workers", f"{r['workers_cpu_s']:,.1f} s CPU in {r['workers']}", "parsing"),
        (
            "peak RSS, all processes",
            f"{r['tree_peak_mb']:,.0f} MB",
            f"<= {TARGET_RSS_MB} MB  {mark('tree_peak_mb')}",
        ),
        ("  of it private", f"{r['tree_peak_private_mb']:,.0f} MB", "not the mapped file"),
        ("  main process", f"{r['main_peak_mb']:,.0f} MB", ""),
        ("  largest worker", f"{r['largest_worker_peak_mb']:,.0f} MB", ""),
        (
            "database",
            f"{r['db_bytes'] / 1e6:,.1f} MB = {r['db_to_prose']:.2f} x prose",
            f"<= {TARGET_DB_RATIO:.0f} x  {mark('db_to_prose')}",
        ),
    ]
    for name, value, target in rows:
        print(f"  {name:24} {value:34} {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate")
    parser.add_argument("--corpus", type=Path, help="ingest this make_corpus.py output instead")
    parser.add_argument("--db", type=Path, help="database to (re)create (default under out/)")
    parser.add_argument("--jobs", type=int, help="passed to chronicle ingest --jobs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--onto", action="store_true", help="add to the store --db holds (a leg of a long run)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    corpus = args.corpus or corpus_for(args.docs, args.seed)
    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or OUT / f"throughput-{args.docs}.db"
    result = measure(corpus / "docs", db, args.jobs, args.onto)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_result(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
