"""Check that incremental merging gives the events of exact global merging, and score it.

    python3 benchmarks/make_corpus.py --docs 2000 --out benchmarks/out/c2k
    chronicle ingest --db benchmarks/out/c2k.db benchmarks/out/c2k/docs
    python3 benchmarks/merge_equivalence.py --corpus benchmarks/out/c2k --db benchmarks/out/c2k.db

Two questions about the chronicle `chronicle ingest` built:

* Equivalence: are its events (each a set of mention keys) exactly the clusters
  that merging every stored mention at once gives (`merge.draft_events` over
  `merge.cluster`, the global reference the store keeps up incrementally)? Any
  difference is listed with examples, and the exit code is 1.
* Quality: against the merge gold of the generated corpus (`merge_gold.jsonl`,
  which documents retell which happening), pairwise precision and recall of
  "reported together", for the stored events and for the reference. A gold report
  is matched to the stored mention whose date overlaps it in the cleaned text;
  reports no mention carries count as misses in "recall of all reports" only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first

from chronicle import merge
from chronicle.model import Mention
from chronicle.store import Store
from chronicle.store.writer import load_mentions

Clusters = set[frozenset[str]]


@dataclass(frozen=True)
class Report:
    """One gold report of a shared happening, as planted by make_corpus."""

    happening: int
    doc: str
    start: int
    end: int
    text: str
    precision: str


# Reading the chronicle ---------------------------------------------------------


def stored_events(store: Store) -> tuple[Clusters, int]:
    """The stored events as sets of mention keys, and how many mentions have no event."""
    by_event: dict[int, set[str]] = defaultdict(set)
    orphans = 0
    for key, event_id in store.execute("SELECT key, event_id FROM mentions"):
        if event_id is None:
            orphans += 1
        else:
            by_event[event_id].add(key)
    return {frozenset(keys) for keys in by_event.values()}, orphans


def stored_mentions(store: Store) -> list[Mention]:
    """Every stored mention, rebuilt as the merge rules see it."""
    keys = sorted(key for (key,) in store.execute("SELECT key FROM mentions"))
    return load_mentions(store.db, keys)


def reference_events(mentions: Sequence[Mention]) -> Clusters:
    """Exact global merging of all mentions at once."""
    drafts = merge.draft_events(merge.cluster(mentions))
    return {frozenset(m.key for m in d.mentions) for d in drafts}


# Comparing clusterings ------------------------------------------------------------


def compare(stored: Clusters, reference: Clusters) -> dict[str, int]:
    """Counts of identical clusters and of clusters only one side has."""
    same = stored & reference
    only_stored, only_reference = stored - reference, reference - stored
    return {
        "stored_events": len(stored),
        "reference_events": len(reference),
        "identical": len(same),
        "only_stored": len(only_stored),
        "only_reference": len(only_reference),
        "mentions_in_differences": len({k for c in only_stored | only_reference for k in c}),
    }


def differences(stored: Clusters, reference: Clusters, limit: int) -> list[tuple[list, list]]:
    """Up to `limit` examples: a stored event and the reference clusters of its mentions."""
    home = {k: c for c in reference for k in c}
    examples = []
    for event in sorted(stored - reference, key=lambda c: (-len(c), min(c))):
        seen: dict[frozenset[str], None] = {}
        for key in sorted(event):
            seen.setdefault(home.get(key, frozenset({key})), None)
        examples.append((sorted(event), [sorted(c) for c in seen]))
        if len(examples) >= limit:
            break
    return examples


# Scoring against the merge gold ------------------------------------------------------


def read_gold(corpus: Path) -> list[Report]:
    """Every report in `merge_gold.jsonl`, in file order."""
    reports = []
    with open(corpus / "merge_gold.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for r in record["reports"]:
                reports.append(
                    Report(
                        record["happening"],
                        r["doc"],
                        r["start"],
                        r["end"],
                        r["text"],
                        r["precision"],
                    )
                )
    return reports


def clean_offset(raw: str, clean: str, report: Report) -> int | None:
    """Where the report's date text stands in the cleaned text (its same-numbered occurrence).

    Cleaning drops chrome and markup, so offsets shift; the n-th occurrence of the
    date text in the file is the n-th in the cleaned text when cleaning kept it.
    """
    nth = raw.count(report.text, 0, report.start)
    pos = -1
    for _ in range(nth + 1):
        pos = clean.find(report.text, pos + 1)
        if pos < 0:
            return None
    return pos


def match_reports(store: Store, corpus: Path, reports: Iterable[Report]) -> dict[Report, str]:
    """The stored mention key of each gold report of a stored document (unmatched left out)."""
    by_doc: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_doc[r.doc].append(r)
    docs = {
        path: (doc_id, text)
        for doc_id, path, text in store.execute("SELECT id, path, text FROM documents")
    }
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for doc_id, start, end, key in store.execute(
        "SELECT document_id, char_start, char_end, key FROM mentions"
    ):
        spans[doc_id].append((start, end, key))
    found: dict[Report, str] = {}
    taken: set[str] = set()
    for rel, doc_reports in by_doc.items():
        path = corpus / rel
        stored = docs.get(str(path.resolve()))
        if stored is None:
            continue
        doc_id, clean = stored
        raw = path.read_text(encoding="utf-8")
        for report in doc_reports:
            pos = clean_offset(raw, clean, report)
            if pos is None:
                continue
            end = pos + len(report.text)
            overlapping = [
                (min(e, end) - max(s, pos), key)
                for s, e, key in spans[doc_id]
                if s < end and pos < e and key not in taken
            ]
            if overlapping:
                key = max(overlapping)[1]
                found[report] = key
                taken.add(key)
    return found


def pairs(groups: Iterable[int]) -> int:
    """Pairs within groups of these sizes."""
    return sum(n * (n - 1) // 2 for n in groups)


def pairwise(
    reports: Sequence[Report], found: dict[Report, str], clusters: Clusters
) -> dict[str, float | int]:
    """Pairwise precision and recall of "reported together" over the gold reports.

    Args:
        reports: Gold reports of the stored documents (found or not).
        found: The mention key of each report a stored mention carries.
        clusters: Events as sets of mention keys.
    """
    event_of = {k: i for i, c in enumerate(clusters) for k in c}
    matched = [r for r in reports if r in found]
    gold_all = pairs(Counter(r.happening for r in reports).values())
    gold = pairs(Counter(r.happening for r in matched).values())
    predicted = pairs(Counter(event_of[found[r]] for r in matched).values())
    both = pairs(Counter((r.happening, event_of[found[r]]) for r in matched).values())
    return {
        "gold_pairs": gold,
        "predicted_pairs": predicted,
        "correct_pairs": both,
        "precision": both / predicted if predicted else 1.0,
        "recall": both / gold if gold else 1.0,
        "recall_all_reports": both / gold_all if gold_all else 1.0,
    }


def recall_by_precision(
    reports: Sequence[Report], found: dict[Report, str], clusters: Clusters
) -> dict[str, tuple[int, int]]:
    """(pairs merged, gold pairs) by the two reports' precisions, e.g. 'day+month'."""
    event_of = {k: i for i, c in enumerate(clusters) for k in c}
    by_happening: dict[int, list[Report]] = defaultdict(list)
    for r in reports:
        if r in found:
            by_happening[r.happening].append(r)
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for told in by_happening.values():
        for i, a in enumerate(told):
            for b in told[i + 1 :]:
                kinds = "+".join(sorted((a.precision, b.precision)))
                tally[kinds][1] += 1
                tally[kinds][0] += event_of[found[a]] == event_of[found[b]]
    return {k: (v[0], v[1]) for k, v in sorted(tally.items())}


# Running ------------------------------------------------------------------------


def describe(store: Store, keys: Sequence[str], width: int = 90) -> list[str]:
    """One line per mention: its document, date as written and sentence."""
    rows = []
    for m in sorted(load_mentions(store.db, list(keys)), key=lambda m: m.key):
        sentence = " ".join(m.sentence.split())
        rows.append(f"{Path(m.document).name[:40]:40}  {m.date.text!r:24} {sentence[:width]}")
    return rows


def run(corpus: Path | None, db: Path, examples: int = 3) -> dict:
    """Everything the script reports, as a dict (printed by `main`)."""
    with Store(db, readonly=True) as store:
        t0 = time.perf_counter()
        stored, orphans = stored_events(store)
        mentions = stored_mentions(store)
        t1 = time.perf_counter()
        reference = reference_events(mentions)
        t2 = time.perf_counter()
        result: dict = {
            "documents": store.execute("SELECT count(*) FROM documents")[0][0],
            "mentions": len(mentions),
            "mentions_without_event": orphans,
            "load_seconds": round(t1 - t0, 2),
            "reference_seconds": round(t2 - t1, 2),
            **compare(stored, reference),
            "largest": largest(stored),
            "examples": [
                {"stored": describe(store, ev), "reference": [describe(store, c) for c in ref]}
                for ev, ref in differences(stored, reference, examples)
            ],
        }
        if corpus is not None and (corpus / "merge_gold.jsonl").exists():
            result["gold"] = score_gold(store, corpus, stored, reference)
    return result


def largest(events: Clusters, n: int = 5) -> list[int]:
    """The sizes of the `n` largest events, in mentions: the gold pairs count only the
    planted reports, so a chain of other mentions into one event shows here instead."""
    return sorted((len(e) for e in events), reverse=True)[:n]


def score_gold(store: Store, corpus: Path, stored: Clusters, reference: Clusters) -> dict:
    """Pairwise scores of the stored events and of the reference against the merge gold."""
    stored_docs = {p for (p,) in store.execute("SELECT path FROM documents")}
    reports = [r for r in read_gold(corpus) if str((corpus / r.doc).resolve()) in stored_docs]
    found = match_reports(store, corpus, reports)
    told = Counter(r.happening for r in reports)
    return {
        "reports": len(reports),
        "reports_found": len(found),
        "happenings": len(told),
        "happenings_told_twice_or_more": sum(n > 1 for n in told.values()),
        "stored": pairwise(reports, found, stored),
        "reference": pairwise(reports, found, reference),
        "stored_recall_by_precision": recall_by_precision(reports, found, stored),
    }


def print_result(r: dict) -> None:
    verdict = "IDENTICAL" if r["only_stored"] == r["only_reference"] == 0 else "DIFFERENT"
    print(
        f"{r['documents']:,} documents, {r['mentions']:,} mentions "
        f"({r['mentions_without_event']} without an event); loaded in {r['load_seconds']} s, "
        f"reference merge in {r['reference_seconds']} s"
    )
    print(
        f"events: stored {r['stored_events']:,}, reference {r['reference_events']:,}, "
        f"identical {r['identical']:,}; only stored {r['only_stored']:,}, only reference "
        f"{r['only_reference']:,} ({r['mentions_in_differences']:,} mentions) -> {verdict}"
    )
    print(f"largest events: {', '.join(f'{n:,}' for n in r['largest'])} mentions")
    for n, ex in enumerate(r["examples"], 1):
        print(f"\nexample {n}: stored event")
        print("\n".join("  " + line for line in ex["stored"]))
        for c in ex["reference"]:
            print("  reference cluster:")
            print("\n".join("    " + line for line in c))
    gold = r.get("gold")
    if not gold:
        return
    print(
        f"\nmerge gold: {gold['reports']:,} reports of {gold['happenings']:,} happenings "
        f"({gold['happenings_told_twice_or_more']:,} told twice or more); "
        f"{gold['reports_found']:,} reports carried by a mention"
    )
    for side in ("stored", "reference"):
        s = gold[side]
        print(
            f"  {side:9} precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"(of all reports {s['recall_all_reports']:.3f}; {s['correct_pairs']:,} of "
            f"{s['gold_pairs']:,} gold pairs, {s['predicted_pairs']:,} predicted)"
        )
    print("  stored recall by the two reports' precisions:")
    for kinds, (merged, total) in gold["stored_recall_by_precision"].items():
        print(f"    {kinds:14} {merged:6,} / {total:6,}  {merged / total:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="directory written by make_corpus.py")
    parser.add_argument("--db", type=Path, required=True, help="chronicle built by ingest")
    parser.add_argument("--examples", type=int, default=3, help="differences to show")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no such database: {args.db}")
    result = run(args.corpus, args.db, args.examples)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_result(result)
    return 0 if result["only_stored"] == result["only_reference"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
