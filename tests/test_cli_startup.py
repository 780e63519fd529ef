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
