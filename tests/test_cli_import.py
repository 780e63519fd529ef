"""`chronicle import FILE`: the analyst's work exported from one chronicle lands on the same
events of another built from the same documents; a bad file is one line of error.

Store A is a copy of the fixture chronicle; store B is built again from the fixtures
by `chronicle ingest`, documents in another order, so its event ids need not match A's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.library import fixtures_dir
from chronicle.store import Store

COMMAND = [sys.executable, "-m", "chronicle.cli"]


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=300)


def events_of(db: Path, query: str = "") -> list[dict]:
    result = chronicle(
        "search", *([query] if query else []), "--json", "--limit", "0", "--db", str(db)
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def work(events: list[dict]) -> dict[str, tuple]:
    """The analyst's work by the event's own key (its sources' keys), comparable across stores."""
    return {
        min(s["key"] for s in e["sources"]): (
            e["headline"],
            e["annotation"]["starred"],
            e["annotation"]["tags"],
            e["annotation"]["note"],
            e["annotation"]["correction"],
        )
        for e in events
        if e["annotation"]
    }


@pytest.fixture(scope="module")
def store_b(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures ingested again, newest document first, one at a time."""
    db = tmp_path_factory.mktemp("b") / "b.db"
    for doc in sorted(fixtures_dir().glob("*.txt"), reverse=True):
        done = chronicle("ingest", str(doc), "--db", str(db))
        assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def store_a(fixture_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture chronicle with work on three events."""
    copy = tmp_path / "a.db"
    shutil.copy(fixture_db, copy)
    kono, zardari, embassy = (events_of(copy, q)[0]["id"] for q in ("kono", "zardari", "embassy"))
    assert len({kono, zardari, embassy}) == 3
    with Store(copy) as store:
        store.annotate(kono, starred=True, tags=["talks"], note="First visit in years.")
        store.annotate(zardari, tags=["summit", "review"], correction={"type": "agreement"})
        store.annotate(embassy, correction={"headline": "Embassy opens in Tokyo"}, note="1952?")
    return copy


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_an_export_imported_into_a_chronicle_of_the_same_documents_carries_the_same_work(
    store_a, store_b, tmp_path, fmt
):
    b = tmp_path / "b.db"
    shutil.copy(store_b, b)
    exported = tmp_path / f"a.{fmt}"
    assert chronicle("export", "-o", str(exported), "--db", str(store_a)).returncode == 0
    result = chronicle("import", str(exported), "--db", str(b))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "applied 3, kept 0 unattached (their documents are not in this chronicle)"
    ]
    expected = work(events_of(store_a))
    assert len(expected) == 3
    assert work(events_of(b)) == expected


def test_search_json_is_read_back_too(store_a, store_b, tmp_path):
    b = tmp_path / "b.db"
    shutil.copy(store_b, b)
    exported = tmp_path / "search.json"
    exported.write_text(chronicle("search", "--json", "--limit", "0", "--db", str(store_a)).stdout)
    assert chronicle("import", str(exported), "--db", str(b)).returncode == 0
    assert work(events_of(b)) == work(events_of(store_a))


def test_work_on_documents_this_chronicle_lacks_is_kept_unattached(store_a, tmp_path):
    """Into a chronicle of one other document: kept, listed, and back when its document comes."""
    only = tmp_path / "only.db"
    docs = sorted(fixtures_dir().glob("*.txt"))
    kazakhstan = next(d for d in docs if "kazakhstan" in d.name)
    assert chronicle("ingest", str(kazakhstan), "--db", str(only)).returncode == 0
    exported = tmp_path / "a.jsonl"
    chronicle("export", "-o", str(exported), "--db", str(store_a))
    result = chronicle("import", str(exported), "--db", str(only))
    assert result.stderr.splitlines() == [
        "applied 0, kept 3 unattached (their documents are not in this chronicle)"
    ]
    listed = chronicle("annotations", "--db", str(only))
    assert len(listed.stdout.splitlines()) == 3
    assert all(line.split("\t")[1] == "unattached" for line in listed.stdout.splitlines())
    again = chronicle("ingest", str(fixtures_dir()), "--db", str(only))
    assert "3 kept annotation(s) found their events again" in again.stderr.splitlines()
    assert work(events_of(only)) == work(events_of(store_a))


def test_importing_twice_keeps_one_of_each(store_a, store_b, tmp_path):
    b = tmp_path / "b.db"
    shutil.copy(store_b, b)
    exported = tmp_path / "a.json"
    chronicle("export", "-o", str(exported), "--db", str(store_a))
    chronicle("import", str(exported), "--db", str(b))
    chronicle("import", str(exported), "--db", str(b))
    assert work(events_of(b)) == work(events_of(store_a))


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "is not a JSON or JSONL export (line 1: "),
        ('{"id": 1, "headline": "x"}\n{oops\n', "is not a JSON or JSONL export (line 2: "),
        ("[1, 2, 3]", "holds no exported events"),
        ('{"title": "a timeline", "events": []}', "holds no exported events"),
        ("", "holds no exported events"),
    ],
)
def test_a_bad_file_is_one_line_of_error(store_b, tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = chronicle("import", str(bad), "--db", str(store_b))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {bad} ") and says in line


def test_a_missing_or_binary_file_is_one_line_of_error(store_b, tmp_path):
    missing = chronicle("import", str(tmp_path / "nowhere.json"), "--db", str(store_b))
    assert missing.stderr.splitlines() == [
        f"Error: cannot read {tmp_path / 'nowhere.json'}: No such file or directory"
    ]
    binary = tmp_path / "b.json"
    binary.write_bytes(b"\xff\xfe\x00junk")
    result = chronicle("import", str(binary), "--db", str(store_b))
    assert result.stderr.splitlines() == [f"Error: cannot read {binary}: not UTF-8 text"]
