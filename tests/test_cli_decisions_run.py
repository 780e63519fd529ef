"""`chronicle decisions` is a command of the installed CLI, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from chronicle.store import Store


def chronicle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_decisions_lists_a_split_and_undoes_it(app_store: Store) -> None:
    for (event_id,) in app_store.execute("SELECT id FROM events WHERE source_count > 1"):
        sources = app_store.event(event_id).sources
        if len({s.document for s in sources}) == 2:
            break
    app_store.split_source(event_id, sources[1].key)
    listed = chronicle("--db", app_store.path, "decisions", "--json")
    assert listed.returncode == 0, listed.stderr
    [decision] = json.loads(listed.stdout)
    assert decision["kind"] == "split" and decision["active"] is True
    undone = chronicle("--db", app_store.path, "decisions", "--undo", str(decision["id"]))
    assert undone.returncode == 0, undone.stderr
    assert app_store.decisions() == []
    wrong = chronicle("--db", app_store.path, "decisions", "--undo", "999")
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1
