"""Commands that only read start fast: they never import the writing side or Rich's tables.

`chronicle stats` at a million events answers in a few milliseconds; what a user
waits for is the interpreter importing modules. sqlite_utils (with numpy) costs a
third of a second, the merge and the ingest pipeline more, Rich and Textual tens of
milliseconds: none of them is needed to read counts or print JSON.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlite_utils", "numpy", "rich", "textual", "chronicle.merge", "chronicle.ingest")

PROBE = """
import sys
sys.argv = ["chronicle", *sys.argv[1:]]
from chronicle.cli import main
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(heavy, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["stats"], ["stats", "--json"], ["search", "kono", "--json"], ["documents", "--json"]],
)
def test_a_read_command_imports_nothing_heavy(fixture_db, args):
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args, "--db", str(fixture_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "[]"


REMOVE_PROBE = """
import sys
sys.argv = ["chronicle", *sys.argv[1:]]
from chronicle.cli import main
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code
loaded = sorted(
    m for m in sys.modules
    if m.startswith(("chronicle.pipeline", "chronicle.library", "chronicle.ingest."))
)
print(loaded, file=sys.stderr)
"""


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
