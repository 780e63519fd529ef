"""Is one document's parse linear in its size? Big documents against small ones.

    python3 benchmarks/big_documents.py [--sizes 1 8 50] [--small 300] [--ingest] [--json]

Each big document is the generated corpus's documents (``make_corpus.py``, seed 7)
written one after another, blank lines between, until it holds ``--sizes`` MB: realistic
prose, all different (a 50 MB document holds about 19,000 of them), made once under
``benchmarks/out/big-N-mb.txt``. Each is parsed (``load_document`` and
``extract_mentions``, what a worker of ``chronicle ingest`` does) in a child process of
its own, so its peak memory is its own, and its CPU seconds and KB/s are set against
the rate of the first ``--small`` generated documents parsed one by one.
Issue 15 asks that a 50 MB document parse at no less than half the per-KB rate of a
small one.

With ``--ingest`` each big document also goes through ``chronicle ingest --jobs 1``
into a fresh database, which adds storing and merging its mentions (the writer's part,
in ``chronicle.store``), and the wall seconds of that are printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent))  # this checkout first
sys.path.insert(0, str(HERE))

HALF = 0.5
"""The least share of the small documents' per-KB rate a big document must keep."""


def big_document(megabytes: float, seed: int = 7) -> Path:
    """A document of generated prose of at least `megabytes` MB (made once)."""
    path = OUT / f"big-{megabytes:g}-mb.txt"
    if path.exists():
        return path
    import make_corpus

    world = make_corpus.build_world(seed)
    target = int(megabytes * 2**20)
    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    size = 0
    with partial.open("w", encoding="utf-8") as out:
        for i in range(10**7):
            text = make_corpus.make_document(world, seed, i)[1]
            out.write(text.rstrip("\n") + "\n\n")
            size += len(text.encode("utf-8")) + 2
            if size >= target:
                break
    partial.rename(path)
    return path


def parse_once(path: Path) -> dict:
    """Parse one file here: CPU seconds, mentions, peak memory."""
    from chronicle.ingest.events.mentions import content_hash, extract_mentions
    from chronicle.ingest.text.document import load_document

    start = time.process_time()
    doc = load_document(path, max_bytes=0)
    loaded = time.process_time()
    mentions = extract_mentions(doc, content_hash(doc.text))
    done = time.process_time()
    return {
        "kb": path.stat().st_size / 1024,
        "load_s": loaded - start,
        "extract_s": done - loaded,
        "cpu_s": done - start,
        "mentions": len(mentions),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def small_rate(count: int) -> dict:
    """KB/s of parsing the first `count` generated documents one by one (after a warm-up)."""
    from ingest_throughput import corpus_for
    from parse_speed import documents_of, parse_timed, warm_up

    paths = documents_of(corpus_for(max(count, 500)) / "docs", count)
    warm_up(paths)
    timing = parse_timed("small", paths)
    seconds = timing.load_s + timing.extract_s
    return {"documents": timing.documents, "kb": timing.kilobytes, "cpu_s": seconds}


def in_child(path: Path) -> dict:
    """`parse_once(path)` in a fresh process, so peak memory is this document's alone."""
    command = [sys.executable, __file__, "--one", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def ingest_wall(path: Path) -> float:
    """Wall seconds of `chronicle ingest --jobs 1` of one file into a new database."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "big.db"
        command = [sys.executable, "-m", "chronicle.cli", "ingest", str(path), "--db", str(db)]
        env = dict(os.environ, CHRONICLE_MAX_FILE_MB="0")
        start = time.perf_counter()
        subprocess.run([*command, "--jobs", "1"], capture_output=True, check=True, env=env)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 8, 50], help="MB")
    parser.add_argument("--small", type=int, default=300, help="small documents to time")
    parser.add_argument("--ingest", action="store_true", help="also time chronicle ingest")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(parse_once(args.one)))
        return 0
    small = small_rate(args.small)
    rate = small["kb"] / small["cpu_s"]
    rows = [{"size": "small", "kb_s": round(rate, 1), **small}]
    if not args.json:
        print(f"small: {small['documents']} documents, {rate:.1f} KB/s of CPU")
    for megabytes in args.sizes:
        figures = in_child(big_document(megabytes))
        figures["kb_s"] = round(figures["kb"] / figures["cpu_s"], 1)
        figures["share_of_small"] = round(figures["kb_s"] / rate, 2)
        if args.ingest:
            figures["ingest_wall_s"] = round(ingest_wall(big_document(megabytes)), 1)
        rows.append({"size": f"{megabytes:g} MB", **figures})
        if not args.json:
            mark = "ok" if figures["share_of_small"] >= HALF else "below half"
            print(
                f"{megabytes:g} MB: {figures['cpu_s']:.1f} s CPU (load {figures['load_s']:.1f},"
                f" extract {figures['extract_s']:.1f}), {figures['kb_s']} KB/s,"
                f" {figures['share_of_small']:.2f} of the small rate ({mark}),"
                f" {figures['mentions']} mentions, peak {figures['peak_rss_mb']:.0f} MB"
                + (f", ingest {figures['ingest_wall_s']} s wall" if args.ingest else ""),
                flush=True,
            )
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
