"""Dump what parsing gives for every benchmark document, and diff two dumps.

    python3 benchmarks/parse_dump.py OUT.jsonl [--docs 500]
    python3 benchmarks/parse_dump.py --diff BEFORE.jsonl AFTER.jsonl

The first form parses the documents ``parse_speed.py`` times (the generated corpus,
``benchmarks/devcorpus``, ``benchmarks/holdout`` and the bundled samples) and writes one
JSON line per document (the checkout's folder written "<checkout>"): its path, the cleaned document (the extractor fingerprint left
out) and its mentions, every field. ``parse_speed.py --check`` says *which* documents
differ by a digest; this says *how*: ``--diff`` prints each differing document's fields
side by side (exit 1 when any differ).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # this checkout first
sys.path.insert(0, str(HERE))

from parse_speed import (  # noqa: E402
    DEVCORPUS,
    FIXTURES,
    HOLDOUT,
    documents_of,
    generated_corpus,
)

from chronicle.ingest.events.mentions import content_hash, extract_mentions  # noqa: E402
from chronicle.ingest.text.document import load_document  # noqa: E402


def parsed(path: Path) -> dict:
    """Everything parsing gives for one document, as JSON-ready values."""
    doc = load_document(path)
    mentions = extract_mentions(doc, content_hash(doc.text))
    same_code = dataclasses.replace(doc, extractor="")
    return {
        "path": str(path),
        "document": dataclasses.asdict(same_code),
        "mentions": [dataclasses.asdict(m) for m in mentions],
    }


def dump(out: Path, docs: int) -> int:
    """Write one JSON line per document."""
    paths = [
        *documents_of(generated_corpus(docs), docs),
        *documents_of(DEVCORPUS),
        *documents_of(HOLDOUT),
        *documents_of(FIXTURES),
    ]
    with out.open("w", encoding="utf-8") as file:
        for path in paths:
            line = json.dumps(parsed(path), default=str, sort_keys=True)
            # the document's own path is in it: the same in any checkout
            file.write(line.replace(str(HERE.parent), "<checkout>") + "\n")
    print(f"{len(paths)} documents written to {out}")
    return 0


def _read(path: Path) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {(record := json.loads(line))["path"]: record for line in lines}


def diff(before: Path, after: Path) -> int:
    """Print how each document's output differs between two dumps."""
    old, new = _read(before), _read(after)
    differ = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    for path in differ[:10]:
        a = json.dumps(old.get(path), indent=1, sort_keys=True, default=str).splitlines()
        b = json.dumps(new.get(path), indent=1, sort_keys=True, default=str).splitlines()
        print("\n".join(difflib.unified_diff(a, b, f"before {path}", f"after {path}", lineterm="")))
    print(f"{len(old.keys() | new.keys()) - len(differ)} documents identical, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="the JSON lines file to write")
    parser.add_argument("--docs", type=int, default=500, help="generated documents to parse")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        parser.error("name the file to write, or --diff BEFORE AFTER")
    return dump(args.out, args.docs)


if __name__ == "__main__":
    sys.exit(main())
