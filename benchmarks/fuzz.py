"""Fuzz with a large budget: the properties of `tests/test_fuzz.py`, thousands of examples.

    python3 benchmarks/fuzz.py [--examples 3000] [--seed 0] [--repeat 400] [--minutes M]
                               [--only reader|dates|ingest ...]

Runs each property (the reader on any bytes, the date finder on any text, one
document's whole ingest into two SQLite stores) with ``--examples`` examples from
``--seed``, and prints for each: how many inputs were tried, how long it took, the
slowest inputs (CPU seconds and KB), and every failure Hypothesis found, shrunk to
its smallest input, with the last lines of its traceback. The slowest inputs are
written whole to ``benchmarks/out/fuzz/``. ``--repeat`` is the most
times a long line repeats one piece (a line of dates costs a scan of its sentence
per date, so large values make single examples take minutes). ``--minutes`` stops
checking a property after that long (the inputs tested are reported). Exits 1 when a
property failed. After a failure the search goes on from the next seed, letting inputs
that meet a bug already found pass, so one run lists every distinct bug it meets
(a bug is its exception type and the innermost function of chronicle's code).

``--big`` instead times the inputs that once made one document cost more than its
size: the long runs `tests/test_clean.py` reads (`fuzz_inputs.LONG_RUNS`, cleaned at
their copies and twice as many) and one sentence of 100 to 800 dates
(`fuzz_inputs.dated_sentence`, its mentions extracted), each with the CPU time's
growth per doubling (2x is linear, 4x quadratic).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout first

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import document_from_text
from tests.fuzz_inputs import (
    LONG_RUNS,
    dated_sentence,
    file_bytes,
    references,
    suffixes,
    texts,
)
from tests.fuzz_properties import check_dates, check_ingest, check_reader

SLOWEST = 5
OUT = Path(__file__).resolve().parent / "out" / "fuzz"
"""Where the slowest inputs are written in full."""


@dataclass
class Run:
    """What fuzzing one property found: one shrunk failure per distinct bug."""

    name: str
    stop_at: float = float("inf")
    """`time.perf_counter()` after which inputs are no longer checked (``--minutes``)."""
    calls: int = 0
    unchecked: int = 0
    seconds: float = 0.0
    slowest: list[tuple[float, int, str, str | bytes]] = field(default_factory=list)
    """(CPU seconds, size, input shortened, input) of the slowest inputs checked."""
    failures: dict[str, str] = field(default_factory=dict)
    """Bug signature -> its shrunk input and traceback."""
    repeats: Counter[str] = field(default_factory=Counter)
    """Bug signature -> inputs that met it again after it was reported."""

    def timed(self, size: int, example: str | bytes, check: Callable[[], None]) -> None:
        """Run one example, remembering it when it is among the slowest; an input that
        meets a bug already reported passes, so the search goes on to other bugs."""
        if time.perf_counter() > self.stop_at:
            self.unchecked += 1  # out of time: let Hypothesis run out its examples
            return
        started = time.process_time()
        try:
            check()
        except Exception as error:
            if signature(error) not in self.failures:
                raise
            self.repeats[signature(error)] += 1
        finally:
            spent = time.process_time() - started
            self.calls += 1
            entry = (spent, size, repr(example)[:160], example)
            self.slowest = sorted([*self.slowest, entry], key=lambda e: e[:3])[-SLOWEST:]


def signature(error: BaseException) -> str:
    """A bug's identity: the exception's type and the innermost function of our code."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/chronicle/" in f.filename or "fuzz_" in f.filename]
    frame = (ours or frames or [None])[-1]
    # Not by line: a parser that fails in feed() and in close() is one bug.
    where = f"{Path(frame.filename).name} in {frame.name}" if frame else "?"
    return f"{type(error).__name__} at {where}"


def properties(repeat: int) -> dict[str, tuple[Callable[[Run], Callable[..., None]], tuple]]:
    """Each property's name -> (a test body given its `Run`, its strategies)."""
    return {
        "reader": (
            lambda run: (
                lambda data, suffix: run.timed(len(data), data, lambda: check_reader(data, suffix))
            ),
            (file_bytes(), suffixes),
        ),
        "dates": (
            lambda run: (
                lambda text, other, ref: run.timed(
                    len(text), text, lambda: check_dates(text, other, ref)
                )
            ),
            (texts(repeat=repeat), texts(max_pieces=10), references),
        ),
        "ingest": (
            lambda run: (
                lambda text, suffix: run.timed(len(text), text, lambda: check_ingest(text, suffix))
            ),
            (texts(repeat=repeat), suffixes),
        ),
    }


def fuzz(name: str, body: Callable[[Run], Callable[..., None]], strategies: tuple, args) -> Run:
    """Run one property until `args.examples` inputs are spent. Hypothesis stops at the
    first bugs it finds and shrinks them; each is kept and the search restarts from the
    next seed with those bugs let through."""
    started = time.perf_counter()
    run = Run(name, stop_at=started + 60 * args.minutes)
    for round_ in itertools.count():
        left = args.examples - run.calls
        if left <= 0 or run.unchecked:
            break
        test = given(*strategies)(body(run))
        test = settings(
            max_examples=left,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(test)
        try:
            seed(args.seed + round_)(test)()
            break
        except Exception as error:  # a group when Hypothesis found several bugs at once
            found = error.exceptions if isinstance(error, ExceptionGroup) else [error]
            new = {signature(bug): _describe(bug) for bug in found}
            if not new.keys() - run.failures.keys():
                break  # nothing new: the same bug through another door
            run.failures = new | run.failures
    run.seconds = time.perf_counter() - started
    return run


def _describe(error: BaseException) -> str:
    """The shrunk input (Hypothesis's note) and the last frames of the traceback."""
    notes = "\n".join(getattr(error, "__notes__", []))
    frames = traceback.extract_tb(error.__traceback__)[-4:]
    where = "".join(traceback.format_list(frames))
    return f"{notes}\n{where}{type(error).__name__}: {str(error)[:400]}"


def save_slowest(run: Run, folder: Path) -> None:
    """Write the slowest inputs whole (`<property>-slowest-<rank>.bin`), to time them again."""
    folder.mkdir(parents=True, exist_ok=True)
    for rank, (*_, example) in enumerate(run.slowest[::-1], 1):
        data = example if isinstance(example, bytes) else example.encode("utf-8", "surrogatepass")
        (folder / f"{run.name}-slowest-{rank}.bin").write_bytes(data)


def report(run: Run) -> str:
    """One property's result, as printed."""
    lines = [
        f"== {run.name}: {run.calls} inputs in {run.seconds:.0f} s, {len(run.failures)} failure(s)"
        + (f"; out of time, {run.unchecked} inputs left unchecked" if run.unchecked else ""),
        "slowest (CPU s, size, input):",
    ]
    lines += [f"  {spent:7.2f} s {size:7d}  {shown}" for spent, size, shown, _ in run.slowest[::-1]]
    for number, (bug, failure) in enumerate(run.failures.items(), 1):
        again = f" (met again by {run.repeats[bug]} later inputs)" if run.repeats[bug] else ""
        lines += [f"-- failure {number}: {bug}{again}", failure.strip()]
    return "\n".join(lines)


def _cpu(work: Callable[[], object]) -> tuple[float, object]:
    started = time.process_time()
    result = work()
    return time.process_time() - started, result


def big() -> str:
    """CPU seconds of the big inputs, each size and its double, as printed."""
    lines = ["== big inputs (CPU s; growth per doubling: 2x is linear, 4x quadratic)"]
    for name, (piece, copies) in LONG_RUNS.items():
        spent = [
            _cpu(lambda text=piece * n: document_from_text(text))[0] for n in (copies, 2 * copies)
        ]
        lines.append(
            f"  clean {name:<13} {copies:>6} / {2 * copies:>6} copies: "
            f"{spent[0]:6.2f} / {spent[1]:6.2f} s  {spent[1] / max(spent[0], 1e-9):4.1f}x"
        )
    before = None
    for dates in (100, 200, 400, 800):
        doc = document_from_text(dated_sentence(dates))
        spent, mentions = _cpu(lambda doc=doc: extract_mentions(doc, content_hash(doc.text)))
        growth = f"  {spent / max(before, 1e-9):4.1f}x" if before else ""
        lines.append(
            f"  mentions of one sentence of {dates:>3} dates: {len(mentions):>3} in {spent:6.2f} s"
            + growth
        )
        before = spent
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Fuzz the chosen properties and print what each found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=400)
    parser.add_argument("--minutes", type=float, default=float("inf"), help="per property")
    parser.add_argument("--only", nargs="*", choices=("reader", "dates", "ingest"))
    parser.add_argument("--big", action="store_true", help="time the big inputs instead")
    args = parser.parse_args(argv)
    if args.big:
        print(big(), flush=True)
        return 0
    failed = False
    for name, (body, strategies) in properties(args.repeat).items():
        if args.only and name not in args.only:
            continue
        run = fuzz(name, body, strategies, args)
        print(report(run), flush=True)
        save_slowest(run, OUT)
        failed = failed or bool(run.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
