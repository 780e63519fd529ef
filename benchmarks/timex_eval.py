"""Score ``chronicle.find_dates`` against TimeML (TempEval-3) DATE annotations.

Usage::

    python3 benchmarks/timex_eval.py [DIR] [--verbose] [--baseline-docs N]

DIR defaults to ``$CHRONICLE_TIMEX_DIR`` or ``../shared/data/tempeval3/dev`` relative to the
repository root; every ``*.tml`` below it is read. For each file the TEXT element is turned
into plain text (tags removed, entities unescaped) and ``find_dates`` runs on it with the
document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") as reference.

Scoring, per TempEval-3 but for DATE only:

* Gold: TIMEX3 of type DATE inside TEXT.
* System: every DateMatch, except those that overlap a gold TIMEX3 of another type
  (DURATION, TIME, SET). Those are neither hits nor false positives, as TempEval scores
  each type separately and chronicle has no such types.
* Strict extent: same start and end. Relaxed extent: any overlap (one-to-one, greedy).
* Value accuracy: among relaxed pairs, share whose value equals the gold value.
* Value F1: a true positive needs overlap and the right value (TempEval-3 "value F1").

DateMatch -> TIMEX value: a single day -> YYYY-MM-DD; an exact calendar month, quarter,
half, season, ISO week, weekend, year, decade or century -> YYYY-MM, YYYY-Qn, YYYY-Hn,
YYYY-SU, YYYY-Www, YYYY-Www-WE, YYYY, 199, 19 (not for early/mid/late/end/beginning
matches: "the end of 2019" is Oct-Dec but stands for 2019); any other span -> the smallest of
month/year/decade containing it (so "early 2019" -> 2019); a range spanning several of
those -> its start at the start's granularity. Gold decade/century values "199X"/"19XX" are
compared as "199"/"19", and week "W7" as "W07". An approximate match with modifier "present",
"past" or "future" ("now", "recently", "the future") stands for PRESENT_REF, PAST_REF or
FUTURE_REF. Unresolved matches have no value.

Throughput is find_dates over all texts (each alone, then all joined into one document, which
shows a step that grows faster than the text), and ``dateparser.search.search_dates`` on every
naively split sentence of the first N documents (default 40), both in KB/s.
"""

from __future__ import annotations

import argparse
import calendar
import html
import os
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from chronicle.ingest.dates.finder import find_dates  # noqa: E402
from chronicle.model import DateMatch  # noqa: E402

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    name: str
    text: str
    dct: date
    timexes: list[Timex]


def parse_tml(path: Path) -> Doc:
    """Plain TEXT, its TIMEX3 spans, and the creation date of one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    dct_value = dict(ATTR.findall(dct_tag.group(0)))["value"]
    dct = date.fromisoformat(dct_value[:10])
    inner = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    parts: list[str] = []
    pos = length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    for m in TAG.finditer(inner):
        chunk = html.unescape(inner[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (length, dict(ATTR.findall(m.group(3))))
        elif open_timex is not None:
            begin, attrs = open_timex
            text = "".join(parts)[begin:length]
            timexes.append(
                Timex(begin, length, attrs.get("type", ""), attrs.get("value", ""), text)
            )
            open_timex = None
    parts.append(html.unescape(inner[pos:]))
    return Doc(path.name, "".join(parts), dct, timexes)


# --- DateMatch -> TIMEX value ------------------------------------------------------------------


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def timex_value(m: DateMatch) -> str | None:
    """The TIMEX3 value a DateMatch stands for (see the module docstring)."""
    a, b = m.date_start, m.date_end
    if a is None or b is None:
        return None
    if m.precision == "approximate" and m.modifier in ("present", "past", "future"):
        return f"{m.modifier.upper()}_REF"
    if a == b:
        return a.isoformat()
    # "the end of 2019" is Oct-Dec, but its TIMEX value is 2019 (with a mod): no exact unit
    narrowed = m.modifier in ("early", "mid", "late", "end", "beginning")
    exact = None if narrowed else _exact_unit(a, b)
    if exact:
        return exact
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}"
    if a.year == b.year:
        return f"{a.year:04d}"
    if a.year // 10 == b.year // 10:
        return f"{a.year // 10:03d}"
    # A range over several units: its start, at the start's own granularity.
    if a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31:
        return f"{a.year:04d}"
    if a.day == 1 and b == _month_end(b):
        return f"{a.year:04d}-{a.month:02d}"
    return a.isoformat()


def _exact_unit(a: date, b: date) -> str | None:
    """Name the calendar unit [a, b] is exactly, if any."""
    if a.day == 1 and b == _month_end(b):
        months = (b.year - a.year) * 12 + b.month - a.month + 1
        if months == 1:
            return f"{a.year:04d}-{a.month:02d}"
        if months == 3 and a.month in (1, 4, 7, 10):
            return f"{a.year:04d}-Q{(a.month + 2) // 3}"
        if months == 3 and a.month in (3, 6, 9, 12):
            return f"{a.year:04d}-" + {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[a.month]
        if months == 6 and a.month in (1, 7):
            return f"{a.year:04d}-H{1 if a.month == 1 else 2}"
        if months == 12 and a.month == 1:
            return f"{a.year:04d}"
        if months == 120 and a.month == 1 and a.year % 10 == 0:
            return f"{a.year // 10:03d}"
        if months == 1200 and a.month == 1 and a.year % 100 == 1:
            return f"{a.year // 100:02d}"
    if (b - a).days == 6 and a.weekday() == 0:
        y, w, _ = a.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if (b - a).days == 1 and a.weekday() == 5:
        y, w, _ = a.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    return None


def norm_gold(value: str) -> str:
    """Compare decades and centuries the same way however they are written."""
    value = re.sub(r"-W(\d)\b", r"-W0\1", value)
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc: Doc, matches: list[DateMatch], tally: Tally, verbose: bool) -> None:
    """Add one document's counts to ``tally``; print its misses when verbose."""
    gold = [t for t in doc.timexes if t.type == "DATE"]
    other = [t for t in doc.timexes if t.type != "DATE"]
    system = [
        m for m in matches if not any(_overlaps((m.start, m.end), (o.start, o.end)) for o in other)
    ]
    tally.gold += len(gold)
    tally.system += len(system)
    used: set[int] = set()
    for g in gold:
        pair = next(
            (
                i
                for i, m in enumerate(system)
                if i not in used and _overlaps((m.start, m.end), (g.start, g.end))
            ),
            None,
        )
        if pair is None:
            if verbose:
                print(f"MISS  {doc.name}: {g.text!r} = {g.value}   ...{_around(doc.text, g)}...")
            continue
        used.add(pair)
        m = system[pair]
        tally.relaxed += 1
        strict = (m.start, m.end) == (g.start, g.end)
        tally.strict += strict
        value = timex_value(m)
        good = value is not None and value == norm_gold(g.value)
        tally.value += good
        if verbose and not strict:
            print(f"SPAN  {doc.name}: gold {g.text!r} vs {m.text!r}")
        if verbose and not good:
            print(f"VALUE {doc.name}: {g.text!r} gold {g.value} vs {value} (dct {doc.dct})")
    if verbose:
        for i, m in enumerate(system):
            if i not in used:
                ctx = doc.text[max(0, m.start - 40) : m.end + 30].replace("\n", " ")
                print(f"FP    {doc.name}: {m.text!r} ({m.precision})   ...{ctx}...")


def _around(text: str, t: Timex) -> str:
    return text[max(0, t.start - 50) : t.end + 30].replace("\n", " ")


RUNS = 3
"""Timed passes; the best is reported, for both find_dates and the baseline."""


def baseline_kbps(docs: list[Doc]) -> tuple[float, int]:
    """dateparser's search_dates over every naively split sentence, in KB/s."""
    from dateparser.search import search_dates

    search_dates("warm up on January 4, 2018", languages=["en"])
    size = sum(len(doc.text.encode("utf-8")) for doc in docs)
    elapsed = float("inf")
    for _ in range(RUNS):
        t0 = time.perf_counter()
        for doc in docs:
            base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", doc.text):
                if sentence.strip():
                    search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": base})
        elapsed = min(elapsed, time.perf_counter() - t0)
    return size / 1024 / elapsed, len(docs)


def one_document_kbps(docs: list[Doc]) -> tuple[float, int]:
    """find_dates over every text joined into one document, in KB/s: a long, date-dense
    document must cost no more per KB than many short ones (no step may be quadratic)."""
    text = "\n\n".join(doc.text for doc in docs)
    elapsed, found = float("inf"), 0
    for _ in range(RUNS):
        t0 = time.perf_counter()
        found = len(find_dates(text, docs[0].dct))
        elapsed = min(elapsed, time.perf_counter() - t0)
    return len(text.encode("utf-8")) / 1024 / elapsed, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("CHRONICLE_TIMEX_DIR", str(REPO.parent / "shared/data/tempeval3/dev"))
    parser.add_argument("dir", nargs="?", default=default)
    parser.add_argument("--verbose", "-v", action="store_true", help="print every miss")
    parser.add_argument("--baseline-docs", type=int, default=40, help="docs for search_dates")
    args = parser.parse_args(argv)
    docs = [parse_tml(p) for p in sorted(Path(args.dir).rglob("*.tml"))]
    if not docs:
        print(f"no .tml files under {args.dir}", file=sys.stderr)
        return 1
    tally = Tally()
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    elapsed = float("inf")
    for _ in range(RUNS):  # best of a few: a busy 2-core machine is noisy
        t0 = time.perf_counter()
        results = [find_dates(d.text, d.dct) for d in docs]
        elapsed = min(elapsed, time.perf_counter() - t0)
    for doc, matches in zip(docs, results, strict=True):
        score_doc(doc, matches, tally, args.verbose)
    refs = sum(1 for d in docs for t in d.timexes if t.type == "DATE" and not t.value[:1].isdigit())
    print(f"{len(docs)} documents, {size / 1024:.0f} KB, {tally.gold} gold DATE timexes")
    print(f"  ({refs} of them have no calendar value: PRESENT_REF, PAST_REF, FUTURE_REF, ...)")
    print(f"{tally.system} system matches (after dropping those on gold DURATION/TIME/SET)")
    for label, hits in (("strict extent", tally.strict), ("relaxed extent", tally.relaxed)):
        p, r, f = tally.prf(hits)
        print(f"{label:15} P={p:.3f} R={r:.3f} F1={f:.3f}")
    acc = tally.value / tally.relaxed if tally.relaxed else 0.0
    p, r, f = tally.prf(tally.value)
    print(f"value accuracy  {acc:.3f} (of {tally.relaxed} relaxed matches)")
    print(f"value           P={p:.3f} R={r:.3f} F1={f:.3f}")
    ours = size / 1024 / elapsed
    print(f"find_dates      {ours:,.0f} KB/s ({elapsed * 1000:.0f} ms for {size / 1024:.0f} KB)")
    whole, taken = one_document_kbps(docs)
    print(f"one document    {whole:,.0f} KB/s (all texts as one, {taken:,} dates: scaling)")
    if args.baseline_docs > 0:
        theirs, n = baseline_kbps(docs[: args.baseline_docs])
        print(f"search_dates    {theirs:,.1f} KB/s (per sentence, {n} documents)")
        print(f"speed-up        {ours / theirs:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
