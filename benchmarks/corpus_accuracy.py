"""Score `chronicle.find_dates` against the gold file of a generated corpus.

    python3 benchmarks/make_corpus.py --docs 2000 --out benchmarks/out/c2k
    python3 benchmarks/corpus_accuracy.py benchmarks/out/c2k [--limit N] [--errors 20]

Each document file is searched whole, with the document's own date (recorded in
gold.jsonl) as the reference for relative and year-less expressions. Reported:

* extent precision / recall / F1, exact (same start and end) and overlapping;
  gold dates marked ``optional`` (bare years in tables) count neither way;
* value accuracy: of the exactly-found gold dates, how many have the expected
  date_start, date_end and precision;
* a breakdown by form (``day_mdy``, ``range_dmy_comma``, ``this_year``, ...);
* false positives on planted distractors (``may``, phone numbers, money, ...).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first

from chronicle import find_dates


def _value(m) -> tuple:
    return (
        m.date_start.isoformat() if m.date_start else None,
        m.date_end.isoformat() if m.date_end else None,
        m.precision,
    )


def score(corpus: Path, limit: int | None = None, show_errors: int = 0) -> dict:
    tp = fp = fn = overlap_tp = overlap_fp = 0
    value_ok = 0
    by_form: dict[str, Counter] = defaultdict(Counter)
    distractor_hits: Counter = Counter()
    distractor_total: Counter = Counter()
    errors: list[str] = []
    documents = 0
    chars = 0
    seconds = 0.0
    with open(corpus / "gold.jsonl", encoding="utf-8") as gold_file:
        for line in gold_file:
            if limit is not None and documents >= limit:
                break
            gold = json.loads(line)
            text = (corpus / gold["doc"]).read_text(encoding="utf-8")
            ref = date.fromisoformat(gold["doc_date"]) if gold["doc_date"] else None
            t0 = time.perf_counter()
            found = find_dates(text, ref)
            seconds += time.perf_counter() - t0
            documents += 1
            chars += len(text)
            by_span = {(m.start, m.end): m for m in found}
            golds = gold["dates"]
            gold_spans = {(g["start"], g["end"]) for g in golds}
            optional = [(g["start"], g["end"]) for g in golds if g.get("optional")]

            def overlaps(a, b):
                return a[0] < b[1] and b[0] < a[1]

            for g in golds:
                if g.get("optional"):
                    continue
                form = by_form[g["form"]]
                form["gold"] += 1
                m = by_span.get((g["start"], g["end"]))
                if m is not None:
                    tp += 1
                    form["found"] += 1
                    expected = (g["date_start"], g["date_end"], g["precision"])
                    if _value(m) == expected:
                        value_ok += 1
                        form["value_ok"] += 1
                    elif len(errors) < show_errors:
                        errors.append(
                            f"value  {gold['doc']} [{g['form']}] {g['text']!r}: "
                            f"got {_value(m)} want {expected}"
                        )
                else:
                    fn += 1
                    near = [m for m in found if overlaps((m.start, m.end), (g["start"], g["end"]))]
                    if near:
                        form["overlap"] += 1
                    if len(errors) < show_errors:
                        got = ", ".join(repr(m.text) for m in near) or "nothing"
                        errors.append(
                            f"miss   {gold['doc']} [{g['form']}] {g['text']!r} (ref {ref}): {got}"
                        )
            for m in found:
                span = (m.start, m.end)
                if span in gold_spans:
                    continue
                if any(overlaps(span, o) for o in optional):
                    continue
                if any(overlaps(span, (g["start"], g["end"])) for g in golds):
                    overlap_tp += 1
                    continue
                fp += 1
                overlap_fp += 1
                kinds = [
                    d["kind"] for d in gold["distractors"] if overlaps(span, (d["start"], d["end"]))
                ]
                for k in kinds:
                    distractor_hits[k] += 1
                if len(errors) < show_errors:
                    where = f" (distractor {kinds[0]})" if kinds else ""
                    ctx = text[max(0, m.start - 30) : m.end + 30].replace("\n", " ")
                    errors.append(f"extra  {gold['doc']} {m.text!r}{where}: …{ctx}…")
            for d in gold["distractors"]:
                distractor_total[d["kind"]] += 1
    # Overlapping credit: a found span that overlaps a gold date counts as right.
    gold_n = tp + fn
    overlap_found = tp + sum(c["overlap"] for c in by_form.values())
    return {
        "documents": documents,
        "characters": chars,
        "seconds": seconds,
        "exact": _prf(tp, fp + overlap_tp, fn),
        "overlap": _prf(overlap_found, overlap_fp, gold_n - overlap_found),
        "value_accuracy": value_ok / tp if tp else 0.0,
        "value_ok": value_ok,
        "gold": gold_n,
        "by_form": by_form,
        "distractors": (distractor_hits, distractor_total),
        "errors": errors,
    }


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


def report(s: dict) -> str:
    lines = [
        f"{s['documents']:,} documents, {s['gold']:,} gold dates, "
        f"{s['characters'] / 1e6:.1f} M characters; find_dates took {s['seconds']:.1f} s "
        f"({s['characters'] / 1e6 / s['seconds']:.2f} M chars/s)"
        if s["seconds"]
        else "",
        "",
        "| extent | P | R | F1 | TP | FP | FN |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("exact", "overlap"):
        m = s[name]
        lines.append(
            f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['tp']:,} "
            f"| {m['fp']:,} | {m['fn']:,} |"
        )
    lines += [
        "",
        f"value accuracy (start, end, precision) on exact matches: "
        f"{s['value_accuracy']:.3f} ({s['value_ok']:,}/{s['exact']['tp']:,})",
        "",
        "| form | gold | exact recall | value accuracy |",
        "|---|---|---|---|",
    ]
    for form, c in sorted(s["by_form"].items()):
        recall = c["found"] / c["gold"] if c["gold"] else 0
        value = c["value_ok"] / c["found"] if c["found"] else 0
        lines.append(f"| {form} | {c['gold']:,} | {recall:.3f} | {value:.3f} |")
    hits, total = s["distractors"]
    lines += ["", "| distractor | planted | became a date |", "|---|---|---|"]
    for kind in sorted(total):
        lines.append(f"| {kind} | {total[kind]:,} | {hits[kind]:,} |")
    if s["errors"]:
        lines += ["", "First errors:", *("  " + e for e in s["errors"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="directory written by make_corpus.py")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N docs")
    parser.add_argument("--errors", type=int, default=20, help="show the first N errors")
    args = parser.parse_args(argv)
    if not (args.corpus / "gold.jsonl").exists():
        print(f"no gold.jsonl in {args.corpus}; run make_corpus.py first", file=sys.stderr)
        return 2
    print(report(score(args.corpus, args.limit, args.errors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
