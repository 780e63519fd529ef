"""Score chronicle's events on the hand-written development corpus (benchmarks/devcorpus/).

    python3 benchmarks/devcorpus_score.py [GROUP ...] [--verbose] [--json]
    python3 benchmarks/devcorpus_score.py --corpus benchmarks/holdout   # never tuned on

Each document is ingested alone into a fresh chronicle (the real path: read, clean,
extract, merge, store), and its events are compared with the gold events of its
group's ``manifest.json`` (format in benchmarks/devcorpus/README.md):

* an extracted event *matches* a gold event when one of its source sentences contains
  one of the gold evidence phrases (case and spacing ignored);
* *exact*: the same first and last day (or, for gold marked ``approximate``, any
  overlap); *overlap*: the two spans share a day;
* each gold event and each extracted event is matched at most once (maximum
  matching), so a happening extracted twice costs precision and two happenings
  merged into one cost recall;
* recall counts required gold events only; an extracted event matched to an
  ``optional`` gold event is right, not required;
* citation events (dates of cited sources, hidden from the timeline) are not scored;
  an event with no resolved date is extracted and wrong.

Also reported: the document's own date, found right or not (``null`` gold means the
document gives none, and nothing should be found).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first

from chronicle.library import ingest_paths
from chronicle.search.engine import Searcher
from chronicle.store import Store

CORPUS = Path(__file__).resolve().parent / "devcorpus"


def normalise(text: str) -> str:
    """Lower case, typographic quotes and dashes folded, runs of spacing as one space."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[‐-―−]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class Gold:
    start: str
    end: str
    evidence: list[str]
    optional: bool = False
    approximate: bool = False


@dataclass
class Extracted:
    start: str | None
    end: str | None
    headline: str
    sentences: list[str]
    type: str


@dataclass
class DocScore:
    file: str
    gold_date: str | None
    found_date: str | None
    date_source: str
    gold: list[Gold]
    extracted: list[Extracted]
    exact: dict[int, int] = field(default_factory=dict)  # extracted index -> gold index
    overlap: dict[int, int] = field(default_factory=dict)
    error: str = ""

    @property
    def required(self) -> int:
        return sum(not g.optional for g in self.gold)

    def recall(self, pairs: dict[int, int]) -> int:
        return sum(not self.gold[g].optional for g in pairs.values())


def overlaps(a_start: str, a_end: str, b_start: str, b_end: str) -> bool:
    return a_start <= b_end and b_start <= a_end


def is_exact(e: Extracted, g: Gold) -> bool:
    if e.start is None or e.end is None:
        return False
    if g.approximate:
        return overlaps(e.start, e.end, g.start, g.end)
    return (e.start, e.end) == (g.start, g.end)


def is_overlap(e: Extracted, g: Gold) -> bool:
    return e.start is not None and e.end is not None and overlaps(e.start, e.end, g.start, g.end)


def says(e: Extracted, g: Gold) -> bool:
    return any(phrase in sentence for phrase in g.evidence for sentence in e.sentences)


def match(extracted: list[Extracted], gold: list[Gold], fits) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths), required gold events first."""
    edges = {
        gi: [ei for ei, e in enumerate(extracted) if says(e, g) and fits(e, g)]
        for gi, g in enumerate(gold)
    }
    owner: dict[int, int] = {}  # extracted -> gold

    def augment(gi: int, seen: set[int]) -> bool:
        for ei in edges[gi]:
            if ei in seen:
                continue
            seen.add(ei)
            if ei not in owner or augment(owner[ei], seen):
                owner[ei] = gi
                return True
        return False

    for required in (True, False):
        for gi, g in enumerate(gold):
            if g.optional != required:
                augment(gi, set())
    return owner


def extract(path: Path) -> tuple[list[Extracted], str | None, str, str]:
    """Ingest one document into a fresh chronicle; its events and its own date."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "dev.db") as store:
        report = ingest_paths(store, [path])
        if report.failed:
            return [], None, "", report.failed[0][1]
        ids = Searcher(store).ids("")[0]
        events = [e for i in ids if (e := store.event(i)) is not None and e.type != "citation"]
        docs = store.documents()
        doc = docs[0] if docs else {}
        found = doc.get("doc_date") or None
        source = str(doc.get("doc_date_source") or "")
    return (
        [
            Extracted(
                e.date_start,
                e.date_end,
                e.headline,
                [normalise(s.text) for s in e.sources] or [normalise(e.text)],
                e.type,
            )
            for e in events
        ],
        found,
        source,
        "",
    )


def score_document(folder: Path, entry: dict) -> DocScore:
    gold = [
        Gold(
            g["start"],
            g["end"],
            [
                normalise(p)
                for p in (g["evidence"] if isinstance(g["evidence"], list) else [g["evidence"]])
            ],
            bool(g.get("optional")),
            bool(g.get("approximate")),
        )
        for g in entry["events"]
    ]
    extracted, found, source, error = extract(folder / entry["file"])
    doc = DocScore(entry["file"], entry.get("document_date"), found, source, gold, extracted)
    doc.error = error
    doc.exact = match(extracted, gold, is_exact)
    doc.overlap = match(extracted, gold, is_overlap)
    return doc


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def groups(corpus: Path, names: list[str]) -> list[Path]:
    folders = sorted(p.parent for p in corpus.glob("*/manifest.json"))
    return [f for f in folders if not names or f.name in names]


def report_misses(doc: DocScore) -> list[str]:
    lines = []
    for gi, g in enumerate(doc.gold):
        if gi in doc.exact.values():
            continue
        near = [e for e in doc.extracted if says(e, g)]
        had = "; ".join(f"{e.start}..{e.end}" for e in near) or "nothing"
        tag = " (optional)" if g.optional else ""
        if not g.optional or near:
            lines.append(f"    MISS{tag} {g.start}..{g.end} «{g.evidence[0]}» — extracted: {had}")
    for ei, e in enumerate(doc.extracted):
        if ei not in doc.exact:
            lines.append(
                f"    WRONG {e.start}..{e.end} [{e.type}] {e.headline} «{e.sentences[0][:90]}»"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help="corpus folders to score (default: all)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and wrong events")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder")
    args = parser.parse_args(argv)

    docs: list[DocScore] = []
    for folder in groups(args.corpus, args.groups):
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for entry in manifest["documents"]:
            doc = score_document(folder, entry)
            doc.file = f"{folder.name}/{doc.file}"
            docs.append(doc)

    totals = {
        "documents": len(docs),
        "required": sum(d.required for d in docs),
        "extracted": sum(len(d.extracted) for d in docs),
        "exact_recall": ratio(sum(d.recall(d.exact) for d in docs), sum(d.required for d in docs)),
        "exact_precision": ratio(
            sum(len(d.exact) for d in docs), sum(len(d.extracted) for d in docs)
        ),
        "overlap_recall": ratio(
            sum(d.recall(d.overlap) for d in docs), sum(d.required for d in docs)
        ),
        "overlap_precision": ratio(
            sum(len(d.overlap) for d in docs), sum(len(d.extracted) for d in docs)
        ),
        "document_date_accuracy": ratio(sum(d.gold_date == d.found_date for d in docs), len(docs)),
    }
    if args.json:
        print(json.dumps(totals, indent=2))
        return 0
    print(
        f"{'document':<58} {'date':>4} {'gold':>4} {'ext':>4} {'R':>5} {'P':>5} {'Ro':>5} {'Po':>5}"
    )
    for d in docs:
        date_mark = "ok" if d.gold_date == d.found_date else "BAD"
        print(
            f"{d.file[:58]:<58} {date_mark:>4} {d.required:>4} {len(d.extracted):>4} "
            f"{ratio(d.recall(d.exact), d.required):>5.2f} {ratio(len(d.exact), len(d.extracted)):>5.2f} "
            f"{ratio(d.recall(d.overlap), d.required):>5.2f} {ratio(len(d.overlap), len(d.extracted)):>5.2f}"
        )
        if args.verbose:
            if d.error:
                print(f"    ERROR {d.error}")
            if d.gold_date != d.found_date:
                print(f"    DATE gold {d.gold_date}, found {d.found_date} ({d.date_source or '-'})")
            for line in report_misses(d):
                print(line)
    print()
    print(
        f"{totals['documents']} documents, {totals['required']} required gold events, "
        f"{totals['extracted']} extracted"
    )
    print(
        f"exact dates:       recall {totals['exact_recall']:.3f}  precision {totals['exact_precision']:.3f}"
    )
    print(
        f"overlapping dates: recall {totals['overlap_recall']:.3f}  precision {totals['overlap_precision']:.3f}"
    )
    print(f"document dates right: {totals['document_date_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
