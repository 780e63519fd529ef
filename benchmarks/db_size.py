"""How big a chronicle database is, table by table, in multiples of the prose it holds.

    python3 benchmarks/db_size.py --db benchmarks/out/c2k.db --corpus /tmp/c2k/docs
    python3 benchmarks/db_size.py --db c.db --vacuum     # also the size after VACUUM (a copy)
    python3 benchmarks/db_size.py --db c.db --compact    # also after `connection.compact` (a copy)

Reads SQLite's `dbstat` table: every table, index and FTS5 shadow table with the
bytes of its pages (payload, headers and free space alike), so the rows add up to
the file. Indexes are listed under the table they index; FTS5's shadow tables
under the index (`events_fts`). The prose is the bytes of the files read (`*.txt`
under `--corpus`, as `ingest_throughput.py` counts it), else of the stored
documents' text.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first

from chronicle.store.connection import compact

FTS_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")


def owners(conn: sqlite3.Connection) -> dict[str, str]:
    """Each b-tree's name -> the table it belongs to (an FTS5 shadow -> its index)."""
    out = {"sqlite_schema": "(schema)", "sqlite_master": "(schema)"}
    for kind, name, table in conn.execute("SELECT type, name, tbl_name FROM sqlite_master"):
        if kind in ("table", "index"):
            out[name] = table
    for name in list(out):
        for suffix in FTS_SHADOWS:
            if name.endswith(suffix) and name[: -len(suffix)] in out:
                out[name] = name[: -len(suffix)]
    return out


def sizes(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Bytes of pages by table: {'table': ..., 'indexes': ...}, plus free pages."""
    owner = owners(conn)
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"table": 0, "indexes": 0})
    for name, pages in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        part = "indexes" if kinds.get(name) == "index" else "table"
        out[owner.get(name, name)][part] += pages
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    out["(free pages)"]["table"] += free * page_size
    return dict(out)


def prose_bytes(conn: sqlite3.Connection, corpus: Path | None) -> int:
    """Bytes of the files read, or of the stored documents' text when no corpus is given."""
    if corpus is not None:
        return sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    row = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()
    return row[0] or 0


def report(db: Path, corpus: Path | None) -> dict:
    """The size of `db` by table, in bytes and in multiples of the prose."""
    conn = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
    try:
        by_table = sizes(conn)
        prose = prose_bytes(conn, corpus)
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "mentions", "events")
        }
    finally:
        conn.close()
    total = sum(p["table"] + p["indexes"] for p in by_table.values())
    # A migration that rebuilds a table (017) leaves the old one's pages free until
    # later writes reuse them or VACUUM drops them.
    free = by_table.get("(free pages)", {"table": 0})["table"]
    rows = sorted(by_table.items(), key=lambda kv: -(kv[1]["table"] + kv[1]["indexes"]))
    return {
        "db": str(db),
        "file_bytes": db.stat().st_size,
        "pages_bytes": total,
        "prose_bytes": prose,
        "ratio": round(total / prose, 2) if prose else 0.0,
        "ratio_in_use": round((total - free) / prose, 2) if prose else 0.0,
        **counts,
        "tables": [
            {
                "name": name,
                "table": round(p["table"] / prose, 2),
                "indexes": round(p["indexes"] / prose, 2),
                "bytes": p["table"] + p["indexes"],
            }
            for name, p in rows
        ],
    }


def vacuumed(db: Path, corpus: Path | None, compacted: bool = False) -> dict:
    """`report` of a VACUUMed copy of `db` (the original is left as it is); with
    `compacted`, of a copy rewritten as an ingest does (`connection.compact`: the search
    index optimized first)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.db"
        source = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(copy, isolation_level=None)
        source.backup(target)
        source.close()
        if compacted:
            if not compact(target):
                raise SystemExit(f"could not compact a copy of {db}")
        else:
            target.execute("VACUUM")
        target.close()
        return report(copy, corpus)


def show(r: dict) -> None:
    prose = r["prose_bytes"]
    print(
        f"{r['db']}: {r['pages_bytes'] / 1e6:.1f} MB = {r['ratio']:.2f} x the prose "
        f"({prose / 1e6:.1f} MB), {r['ratio_in_use']:.2f} x without free pages; "
        f"{r['documents']:,} documents, {r['mentions']:,} mentions, {r['events']:,} events"
    )
    print(f"{'table':<24}{'rows+pages':>12}{'indexes':>10}{'both':>8}")
    for t in r["tables"]:
        both = t["bytes"] / prose if prose else 0
        if both >= 0.005:
            print(f"{t['name']:<24}{t['table']:>12.2f}{t['indexes']:>10.2f}{both:>8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the chronicle to measure")
    parser.add_argument("--corpus", type=Path, help="the folder it was ingested from")
    parser.add_argument("--vacuum", action="store_true", help="also measure a VACUUMed copy")
    parser.add_argument(
        "--compact", action="store_true", help="also measure a copy after connection.compact"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 1
    results = [report(args.db, args.corpus)]
    copies = [(False, "VACUUM")] * args.vacuum + [(True, "compact")] * args.compact
    if copies and shutil.disk_usage(args.db.parent).free < 3 * args.db.stat().st_size:
        print("not enough free disk for a rewritten copy", file=sys.stderr)
        copies = []
    for compacted, name in copies:
        results.append({**vacuumed(args.db, args.corpus, compacted), "db": f"{args.db} ({name})"})
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            show(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
