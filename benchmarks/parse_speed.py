"""How fast one process parses: `load_document` and `extract_mentions`, per stage.

    python3 benchmarks/parse_speed.py [--docs 500] [--corpus DIR] [--profile] [--json]
    python3 benchmarks/parse_speed.py --jobs 2 [--docs N] [--corpus DIR] [--json]

Parses the first ``--docs`` documents of a generated corpus (``make_corpus.py``
output, made once under ``benchmarks/out/corpus-N`` unless ``--corpus`` names one)
and every document of ``benchmarks/devcorpus``, ``benchmarks/holdout`` and the
bundled samples, in this process, nothing stored.
For each corpus it reports the CPU time (``time.process_time``, so a busy machine
slows the figures less than wall time would) of each stage per document and the
throughput in KB/s of the files' bytes. Issue 14 asks for 400 KB/s on two cores,
so one core must parse at least 200 KB/s. Each corpus is parsed once untimed
first, so lazy tables and caches filled by the first document are not counted.

With ``--profile`` the timed pass runs under cProfile and the functions with the
most time of their own are printed after the figures. A speed-up must not change what
is extracted: ``--save FILE`` writes the figures and a digest of every document's output
(the cleaned document and its mentions, the extractor fingerprint left out), and
``--check FILE`` prints the ms per document then and now and compares this run's
output with the saved one, naming the documents that differ (exit 1).

With ``--jobs N`` it parses the generated documents on N processes instead, like the
workers of ``chronicle ingest --jobs N`` (without their already-stored check), storing
nothing, and prints the throughput of parsing alone (wall clock): the ceiling it sets on
a full ingest's KB/s. It also prints the most CPU a document storing could take for the
whole ingest to reach 400 KB/s on N cores, given what parsing took: an upper bound, with
every core busy all the time (the one writer must also fit in the wall clock on one
core). Issue 14; docs/performance.md, "What issue 14's remaining targets would take".
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import hashlib
import io
import json
import pstats
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # this checkout first

from chronicle.ingest.events.mentions import content_hash, extract_mentions  # noqa: E402
from chronicle.ingest.text.document import load_document  # noqa: E402
from chronicle.model import CleanDocument, Mention  # noqa: E402

DEVCORPUS = HERE / "devcorpus"
HOLDOUT = HERE / "holdout"
FIXTURES = HERE.parent / "fixtures"
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
TARGET_KB_S_PER_CORE = 200
"""Issue 14's 400 KB/s on the 2-core machine, for one core."""


@dataclass
class Timing:
    """CPU seconds spent in each stage over a corpus."""

    name: str
    documents: int = 0
    kilobytes: float = 0.0
    load_s: float = 0.0
    extract_s: float = 0.0
    mentions: int = 0
    digests: dict[str, str] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict:
        """The figures, per document and per second."""
        total = self.load_s + self.extract_s
        per_doc = 1000 / max(self.documents, 1)
        return {
            "corpus": self.name,
            "documents": self.documents,
            "kb": round(self.kilobytes, 1),
            "mentions": self.mentions,
            "load_ms_per_doc": round(self.load_s * per_doc, 2),
            "extract_ms_per_doc": round(self.extract_s * per_doc, 2),
            "parse_ms_per_doc": round(total * per_doc, 2),
            "load_kb_s": round(self.kilobytes / max(self.load_s, 1e-9), 1),
            "extract_kb_s": round(self.kilobytes / max(self.extract_s, 1e-9), 1),
            "parse_kb_s": round(self.kilobytes / max(total, 1e-9), 1),
        }


def documents_of(folder: Path, limit: int | None = None) -> list[Path]:
    """The readable documents under `folder`, in a stable order (the first `limit`)."""
    paths = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.name != "README.md")
    return paths[:limit] if limit else paths


def generated_corpus(docs: int) -> Path:
    """The documents folder of a generated corpus of at least `docs` documents."""
    sys.path.insert(0, str(HERE))
    from ingest_throughput import corpus_for

    return corpus_for(docs) / "docs"


def parse_timed(name: str, paths: list[Path]) -> Timing:
    """Parse every path, timing each stage apart."""
    timing = Timing(name)
    for path in paths:
        start = time.process_time()
        doc = load_document(path)
        loaded = time.process_time()
        mentions = extract_mentions(doc, content_hash(doc.text))
        timing.load_s += loaded - start
        timing.extract_s += time.process_time() - loaded
        timing.documents += 1
        timing.kilobytes += path.stat().st_size / 1024
        timing.mentions += len(mentions)
        timing.digests[str(path)] = output_digest(doc, mentions)
    return timing


def output_digest(doc: CleanDocument, mentions: list[Mention]) -> str:
    """A digest of what parsing gave, blind to the fingerprint of the code that gave it."""
    same_code = dataclasses.replace(doc, extractor="")
    return hashlib.sha1(repr((same_code, mentions)).encode()).hexdigest()


def compare_figures(figures: list[dict], before: list[dict]) -> list[str]:
    """ "before -> now" ms per document of each corpus timed in both runs."""
    earlier = {t["corpus"]: t for t in before}
    return [
        f"{t['corpus']}: {earlier[t['corpus']]['parse_ms_per_doc']:.2f} -> "
        f"{t['parse_ms_per_doc']:.2f} ms/doc (load {earlier[t['corpus']]['load_ms_per_doc']:.2f}"
        f" -> {t['load_ms_per_doc']:.2f}, extract {earlier[t['corpus']]['extract_ms_per_doc']:.2f}"
        f" -> {t['extract_ms_per_doc']:.2f})"
        for t in figures
        if t["corpus"] in earlier and t["documents"] == earlier[t["corpus"]]["documents"]
    ]


def compare_digests(digests: dict[str, str], reference: dict[str, str]) -> list[str]:
    """The documents whose output differs from `reference` (or that it lacks)."""
    return sorted(path for path, digest in digests.items() if reference.get(path) != digest)


def warm_up(paths: list[Path]) -> None:
    """Parse a few documents untimed, so first-use costs are not counted."""
    for path in paths[:20]:
        parse_one(path)


def run(corpora: list[tuple[str, list[Path]]], profile: bool) -> tuple[list[Timing], str]:
    """Time each corpus; with `profile`, also the profile of the timed passes."""
    for _, paths in corpora:
        warm_up(paths)
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    timings = [parse_timed(name, paths) for name, paths in corpora]
    if not profiler:
        return timings, ""
    profiler.disable()
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(30)
    return timings, report.getvalue()


TARGET_KB_S = 400
"""Issue 14's throughput for a full ingest on two cores."""


def parse_one(path: Path) -> int:
    """Parse one file as a worker of `chronicle ingest` does (nothing stored); its mentions."""
    doc = load_document(path)
    return len(extract_mentions(doc, content_hash(doc.text)))


def parse_on_cores(paths: list[Path], jobs: int) -> dict:
    """Parse `paths` on `jobs` fresh processes: the wall clock and the workers' CPU (what
    `RUSAGE_CHILDREN` gained once the pool's workers have ended)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with ProcessPoolExecutor(jobs) as pool:
        mentions = sum(pool.map(parse_one, paths, chunksize=16))
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return ceiling(paths, jobs, wall, cpu, mentions)


def ceiling(paths: list[Path], jobs: int, wall_s: float, cpu_s: float, mentions: int) -> dict:
    """What parsing `paths` on `jobs` processes in `wall_s` (`cpu_s` of CPU) leaves storing.

    `store_budget_ms_per_doc` is the most CPU a document storing could take for the
    whole ingest to reach TARGET_KB_S on `jobs` cores: the CPU the target's wall clock
    gives all the cores, less what parsing took (negative: none is left). It is an
    upper bound: the one writer must also fit in that wall clock on one core."""
    kb = sum(p.stat().st_size for p in paths) / 1024
    budget_s = jobs * kb / TARGET_KB_S - cpu_s
    return {
        "documents": len(paths),
        "kb": round(kb, 1),
        "mentions": mentions,
        "jobs": jobs,
        "wall_s": round(wall_s, 2),
        "parse_kb_s": round(kb / max(wall_s, 1e-9), 1),
        "parse_cpu_ms_per_doc": round(1000 * cpu_s / max(len(paths), 1), 2),
        "store_budget_ms_per_doc": round(1000 * budget_s / max(len(paths), 1), 2),
    }


def print_ceiling(c: dict) -> None:
    """The figures of `ceiling` as a few lines."""
    print(
        f"{c['documents']} documents, {c['kb']} KB, {c['mentions']} mentions, {c['jobs']} processes"
    )
    print(f"  parsing alone     {c['parse_kb_s']:9.1f} KB/s  ({c['wall_s']} s wall)")
    print(f"  parsing's CPU     {c['parse_cpu_ms_per_doc']:9.2f} ms/doc")
    print(
        f"  left to storing   {c['store_budget_ms_per_doc']:9.2f} ms/doc of CPU "
        f"for {TARGET_KB_S} KB/s on {c['jobs']} cores"
    )


def print_timing(t: dict) -> None:
    """One corpus's figures as a short table."""
    mark = "ok" if t["parse_kb_s"] >= TARGET_KB_S_PER_CORE else "below"
    print(f"{t['corpus']}: {t['documents']} documents, {t['kb']} KB, {t['mentions']} mentions")
    print(f"  load_document     {t['load_ms_per_doc']:8.2f} ms/doc {t['load_kb_s']:9.1f} KB/s")
    print(
        f"  extract_mentions  {t['extract_ms_per_doc']:8.2f} ms/doc {t['extract_kb_s']:9.1f} KB/s"
    )
    print(
        f"  both              {t['parse_ms_per_doc']:8.2f} ms/doc {t['parse_kb_s']:9.1f} KB/s"
        f"  (one core's share of 400 KB/s on two: {TARGET_KB_S_PER_CORE} KB/s, {mark})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="generated documents to parse")
    parser.add_argument("--corpus", type=Path, help="a make_corpus.py output to use instead")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--save", type=Path, help="write a digest of every document's output")
    parser.add_argument("--check", type=Path, help="compare the output with a --save digest")
    parser.add_argument(
        "--jobs", type=int, help="parse the generated documents on this many processes instead"
    )
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    generated = args.corpus / "docs" if args.corpus else generated_corpus(args.docs)
    if args.jobs:
        figures = parse_on_cores(documents_of(generated, args.docs), args.jobs)
        if args.json:
            print(json.dumps(figures, indent=2))
        else:
            print_ceiling(figures)
        return 0
    corpora = [
        ("generated", documents_of(generated, args.docs)),
        ("devcorpus", documents_of(DEVCORPUS)),
        ("holdout", documents_of(HOLDOUT)),
        ("fixtures", documents_of(FIXTURES)),
    ]
    timings, profile = run(corpora, args.profile)
    figures = [t.as_dict() for t in timings]
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for t in figures:
            print_timing(t)
    if profile:
        print(profile)
    digests = {path: d for t in timings for path, d in t.digests.items()}
    if args.save:
        saved = {"figures": figures, "digests": digests}
        args.save.write_text(json.dumps(saved, indent=0, sort_keys=True), encoding="utf-8")
    if args.check:
        before = json.loads(args.check.read_text(encoding="utf-8"))
        for line in compare_figures(figures, before.get("figures", [])):
            print(line)
        differ = compare_digests(digests, before.get("digests", before))
        print(f"output: {len(digests) - len(differ)} of {len(digests)} documents identical")
        for path in differ[:20]:
            print(f"  differs: {path}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
