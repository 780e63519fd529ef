"""Commands that only read start fast: they never import the writing side or Rich's tables.

`chronicle stats` at a million events answers in a few milliseconds; what a user
waits for is the interpreter importing modules. sqlite_utils (with numpy) costs a
third of a second, the ingest pipeline more, Rich and Textual tens of milliseconds:
none of them is needed to read counts or print JSON. A command that writes events
with their details lists each one's related events, found by the merge's link rules
when asked (`chronicle.store.neighbours`): it loads the merge (tens of milliseconds,
with the ingest's lists of month and day names), nothing heavier.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

HEAVY = (
    "sqlite_utils",
    "numpy",
    "rich",
    "textual",
    "dateparser",
    "chronicle.merge",
    "chronicle.ingest",
    "chronicle.pipeline",
    "chronicle.ingest.events",
)
RELATED_EVENTS = {"chronicle.merge", "chronicle.ingest"}
"""What reading related events loads: the merge, and the ingest package for its
lists of names (`chronicle.ingest.dates.names`), not its reading of documents."""

RUN_CHRONICLE = """
import sys
sys.argv = ["chronicle", *sys.argv[1:]]
from chronicle.cli import main
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
"""
"""A script running `chronicle` with its arguments; what follows it looks at the modules."""

PROBE = (
    RUN_CHRONICLE
    + """heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(heavy, file=sys.stderr)
"""
)


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["stats"], set()),
        (["stats", "--json"], set()),
        (["documents", "--json"], set()),
        (["search", "kono", "--json"], RELATED_EVENTS),
        (["show", "1", "--json"], RELATED_EVENTS),
    ],
)
def test_a_read_command_imports_nothing_heavy(fixture_db, args, allowed):
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args, "--db", str(fixture_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(ast.literal_eval(result.stderr.splitlines()[-1]))
    assert loaded - allowed == set()


REMOVE_PROBE = (
    RUN_CHRONICLE
    + """loaded = sorted(
    m for m in sys.modules
    if m.startswith(("chronicle.pipeline", "chronicle.library", "chronicle.ingest."))
)
print(loaded, file=sys.stderr)
"""
)


@pytest.mark.parametrize("dry_run", [["--dry-run"], []])
def test_remove_imports_nothing_of_the_ingest_pipeline(fixture_db, tmp_path, dry_run):
    """Removing re-merges, so the store and merge load; of ingest only the calendar names
    merge reads (`tests/test_layers.py`)."""
    import shutil

    from chronicle.store import Store

    db = tmp_path / "c.db"
    shutil.copyfile(fixture_db, db)
    with Store(db) as store:
        document = str(store.documents()[0]["path"])
    result = subprocess.run(
        [sys.executable, "-c", REMOVE_PROBE, "remove", document, *dry_run, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stderr.splitlines()[-1]
        == "['chronicle.ingest.dates', 'chronicle.ingest.dates.names']"
    )


WRITE_PROBE = (
    RUN_CHRONICLE
    + """written = "sqlite_utils" in sys.modules
print(written, "numpy" in sys.modules, file=sys.stderr)
import numpy  # still importable by anything that needs it
"""
)


def test_a_writing_command_loads_sqlite_utils_without_numpy(tmp_path):
    """sqlite_utils would import numpy, whose OpenBLAS threads spin beside the writer
    (`chronicle.store.wrapping`); the import is hidden from it, not from the process."""
    pytest.importorskip("numpy")
    from chronicle.library import fixtures_dir

    args = ["ingest", str(fixtures_dir()), "--db", str(tmp_path / "c.db")]
    result = subprocess.run(
        [sys.executable, "-c", WRITE_PROBE, *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "True False"
