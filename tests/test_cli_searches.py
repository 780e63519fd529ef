"""`chronicle searches` and `chronicle annotations`: what the analyst kept, listed and never lost.

Real stores (copies of the fixture chronicle, and one built by `chronicle ingest`),
real `chronicle` processes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.store import Store

NOTE = """Note on talks

On 4 January 2018 Kono met Asif in Islamabad to discuss the rail corridor.
"""


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def db(fixture_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "c.db"
    shutil.copy(fixture_db, copy)
    return copy


class TestSearches:
    def test_lists_each_saved_search_as_name_tab_query_by_name(self, db):
        with Store(db) as store:
            store.save_search("visits", "type:visit country:pk")
            store.save_search("Kono", '"Taro Kono" after:2017')
        result = chronicle("searches", "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            'Kono\t"Taro Kono" after:2017',
            "visits\ttype:visit country:pk",
        ]
        assert result.stderr == "2 saved search(es)\n"
        listed = json.loads(chronicle("searches", "--json", "--db", str(db)).stdout)
        assert listed == [
            {"name": "Kono", "query": '"Taro Kono" after:2017'},
            {"name": "visits", "query": "type:visit country:pk"},
        ]

    def test_delete_forgets_one_and_an_unknown_name_is_an_error(self, db):
        with Store(db) as store:
            store.save_search("visits", "type:visit")
            store.save_search("talks", "type:meeting")
        deleted = chronicle("searches", "--delete", "visits", "--db", str(db))
        assert deleted.returncode == 0 and deleted.stdout == ""
        assert chronicle("searches", "--db", str(db)).stdout == "talks\ttype:meeting\n"
        again = chronicle("searches", "--delete", "visits", "--db", str(db))
        assert again.returncode == 1
        assert again.stderr.splitlines() == [
            "Error: no saved search named 'visits' (see `chronicle searches`)"
        ]
        with Store(db) as store:
            assert store.saved_searches() == [("talks", "type:meeting")]

    def test_none_saved_prints_no_rows(self, db):
        result = chronicle("searches", "--db", str(db))
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "0 saved search(es)\n")

    def test_a_hostile_name_is_shown_escaped(self, db):
        with Store(db) as store:
            store.save_search("\x1b]0;owned\x07", "kono\tasif")
        out = chronicle("searches", "--db", str(db)).stdout
        assert out == "\\x1b]0;owned\\x07\tkono\\x09asif\n"


class TestAnnotations:
    @pytest.fixture
    def built(self, tmp_path: Path) -> tuple[Path, Path]:
        doc = tmp_path / "docs" / "note.txt"
        doc.parent.mkdir()
        doc.write_text(NOTE, encoding="utf-8")
        db = tmp_path / "n.db"
        assert chronicle("ingest", str(doc), "--db", str(db)).returncode == 0
        return db, doc

    def test_an_annotation_whose_document_is_removed_is_reported_and_listed(self, built):
        db, doc = built
        with Store(db) as store:
            [event_id] = [r[0] for r in store.execute("SELECT id FROM events")]
            store.annotate(event_id, starred=True, tags=["rail"], note="Ask JICA.\nAgain.")
            event = store.event(event_id)
            kept_label = store.annotation(event_id).label
        assert event.headline in kept_label
        assert chronicle("annotations", "--db", str(db)).stdout == ""
        removed = chronicle("remove", str(doc), "--db", str(db))
        assert removed.returncode == 0, removed.stderr
        assert removed.stderr.splitlines()[-1] == (
            "1 annotation(s) no longer have an event (their documents are gone); "
            "they are kept: `chronicle annotations` lists them"
        )
        listed = chronicle("annotations", "--db", str(db))
        [row] = [line.split("\t") for line in listed.stdout.splitlines()]
        assert row[1:5] == ["unattached", "★", "rail", "Ask JICA. / Again."]
        assert row[5] == kept_label  # what names the event once its document is gone
        assert listed.stderr == "1 unattached annotation(s)\n"
        [kept] = json.loads(chronicle("annotations", "--json", "--db", str(db)).stdout)
        assert (kept["event"], kept["note"], kept["tags"]) == (None, "Ask JICA.\nAgain.", ["rail"])

    def test_ingesting_the_document_again_brings_it_back(self, built):
        db, doc = built
        with Store(db) as store:
            [event_id] = [r[0] for r in store.execute("SELECT id FROM events")]
            store.annotate(event_id, tags=["rail"])
        chronicle("remove", str(doc), "--db", str(db))
        again = chronicle("ingest", str(doc), "--db", str(db))
        assert "1 kept annotation(s) found their events again" in again.stderr.splitlines()
        assert chronicle("annotations", "--db", str(db)).stdout == ""
        [row] = chronicle("annotations", "--all", "--db", str(db)).stdout.splitlines()
        with Store(db) as store:
            [event_id] = [r[0] for r in store.execute("SELECT id FROM events")]
        assert row.split("\t")[1:4] == [str(event_id), "", "rail"]

    def test_ingest_and_remove_say_nothing_when_no_annotation_moved(self, built):
        db, doc = built
        removed = chronicle("remove", str(doc), "--db", str(db))
        assert "annotation" not in removed.stderr
