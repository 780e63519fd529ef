"""`chronicle export` and `chronicle search --format`: every format parsed back, files whole or untouched.

Real `chronicle` processes on a copy of the fixture chronicle that carries the
analyst's work (a star, tags, a note and a correction), so each format is checked to
hold the events the query finds and the work done on them.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.cli_output import EXPORT_FORMATS
from chronicle.store import Store

QUERY = "kono"
COMMAND = [sys.executable, "-m", "chronicle.cli"]


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
        errors="strict",
    )


@pytest.fixture
def db(fixture_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture chronicle whose first "kono" event is starred, tagged,
    noted and corrected."""
    copy = tmp_path / "c.db"
    shutil.copy(fixture_db, copy)
    with Store(copy) as store:
        first = listed(copy, QUERY)[0]["id"]
        store.annotate(
            first,
            starred=True,
            tags=["japan", "talks"],
            note="Check against the press release.",
            correction={"headline": "Kono in Islamabad"},
        )
    return copy


def json_records(text: str) -> list[dict]:
    """The events of a JSON array or of JSON lines."""
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines()]


def listed(db: Path, query: str = "") -> list[dict]:
    """The events `chronicle search --json` gives for the query, all of them."""
    result = chronicle(
        "search", *([query] if query else []), "--json", "--limit", "0", "--db", str(db)
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def export(db: Path, fmt: str, *query: str) -> str:
    result = chronicle("export", *query, "--format", fmt, "--db", str(db))
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_formats_offered_are_the_exporters():
    from chronicle.export import FORMATS

    assert EXPORT_FORMATS == FORMATS


class TestEveryFormatReadsBack:
    def test_json_and_jsonl_are_the_events_with_their_annotations(self, db):
        expected = listed(db, QUERY)
        as_json = json.loads(export(db, "json", QUERY))
        as_jsonl = [json.loads(line) for line in export(db, "jsonl", QUERY).splitlines()]
        for events in (as_json, as_jsonl):
            assert [e["id"] for e in events] == [e["id"] for e in expected]
            assert [e["sources"] for e in events] == [e["sources"] for e in expected]
            first = events[0]["annotation"]
            assert first["starred"] and first["tags"] == ["japan", "talks"]
            assert first["correction"] == {"headline": "Kono in Islamabad"}
            assert events[0]["headline"] == "Kono in Islamabad"

    @pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
    def test_csv_and_tsv_have_one_row_per_event(self, db, fmt, delimiter):
        expected = listed(db, QUERY)
        rows = list(csv.DictReader(io.StringIO(export(db, fmt, QUERY)), delimiter=delimiter))
        assert [int(r["id"]) for r in rows] == [e["id"] for e in expected]
        assert (rows[0]["starred"], rows[0]["tags"]) == ("yes", "japan; talks")
        assert rows[0]["note"] == "Check against the press release."
        assert rows[0]["machine_headline"] == expected[0]["annotation"]["machine"]["headline"]

    def test_markdown_has_one_entry_per_event_under_its_year(self, db):
        expected = listed(db, QUERY)
        text = export(db, "md", QUERY)
        entries = [line for line in text.splitlines() if line.startswith("**")]
        assert len(entries) == len(expected)
        assert "Kono in Islamabad ★" in entries[0]
        years = {line[3:] for line in text.splitlines() if line.startswith("## ")}
        assert {e["date_start"][:4] for e in expected if e["date_start"]} <= years
        assert "> Check against the press release." in text

    def test_timelinejs_has_a_slide_per_dated_event(self, db):
        expected = listed(db, QUERY)
        timeline = json.loads(export(db, "timelinejs", QUERY))
        dated = [e for e in expected if e["date_start"]]
        assert len(timeline["events"]) == len(dated)
        assert [s["start_date"]["year"] for s in timeline["events"]] == [
            int(e["date_start"][:4]) for e in dated
        ]

    def test_ics_has_an_event_per_dated_event(self, db):
        expected = listed(db, QUERY)
        raw = subprocess.run(
            [*COMMAND, "export", QUERY, "--format", "ics", "--db", str(db)],
            capture_output=True,
            timeout=120,
        ).stdout.decode("utf-8")
        assert raw.endswith("END:VCALENDAR\r\n")
        lines = raw.replace("\r\n ", "").split("\r\n")  # unfolded (RFC 5545 3.1)
        starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART")]
        dated = [e for e in expected if e["date_start"]]
        assert starts == [e["date_start"].replace("-", "") for e in dated]
        assert lines[0] == "BEGIN:VCALENDAR" and lines.count("BEGIN:VEVENT") == len(dated)

    def test_no_query_exports_everything_the_timeline_shows(self, db):
        rows = list(csv.DictReader(io.StringIO(export(db, "csv"))))
        shown = listed(db)
        assert [int(r["id"]) for r in rows] == [e["id"] for e in shown]
        assert len(shown) > 20 and all(r["type"] != "citation" for r in rows)


class TestSearchFormat:
    @pytest.mark.parametrize("fmt", EXPORT_FORMATS)
    def test_search_writes_the_same_as_export_for_the_events_it_shows(self, db, fmt):
        searched = chronicle("search", QUERY, "--format", fmt, "--db", str(db))
        assert searched.returncode == 0, searched.stderr
        exported = export(db, fmt, QUERY)
        if fmt == "ics":  # the stamp is the time of writing
            searched_text, exported_text = (
                "\n".join(x for x in t.splitlines() if not x.startswith("DTSTAMP"))
                for t in (searched.stdout, exported)
            )
            assert searched_text == exported_text
        else:
            assert searched.stdout == exported
        assert "shown of" in searched.stderr and "shown of" not in searched.stdout

    def test_limit_applies(self, db):
        out = chronicle("search", "--format", "jsonl", "--limit", "3", "--db", str(db)).stdout
        assert [json.loads(line)["id"] for line in out.splitlines()] == [
            e["id"] for e in listed(db)[:3]
        ]

    def test_json_and_format_together_is_a_usage_error(self, db):
        both = chronicle("search", "--json", "--format", "csv", "--db", str(db))
        assert both.returncode == 2 and "cannot be used together" in both.stderr


class TestOutputFile:
    def test_the_format_follows_the_files_suffix_and_a_summary_goes_to_stderr(self, db, tmp_path):
        target = tmp_path / "out" / "kono.jsonl"
        target.parent.mkdir()
        result = chronicle("export", QUERY, "-o", str(target), "--db", str(db))
        assert result.returncode == 0 and result.stdout == ""
        events = [json.loads(line) for line in target.read_text().splitlines()]
        assert [e["id"] for e in events] == [e["id"] for e in listed(db, QUERY)]
        assert result.stderr.splitlines() == [
            f'exported {len(events)} event(s) as jsonl to {target}: events matching "kono", by date'
        ]
        assert list(target.parent.iterdir()) == [target]  # no .part left

    @pytest.mark.parametrize(
        ("name", "starts"), [("a.json", "[\n{"), ("a.md", "# "), ("a.ics", "BEGIN:VCALENDAR")]
    )
    def test_json_is_the_array_not_timelinejs_and_each_suffix_its_format(
        self, db, tmp_path, name, starts
    ):
        result = chronicle("export", QUERY, "-o", str(tmp_path / name), "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)

    def test_without_format_or_known_suffix_it_asks_for_format(self, db, tmp_path):
        result = chronicle("export", "-o", str(tmp_path / "x.out"), "--db", str(db))
        assert result.returncode == 2 and "give --format" in result.stderr
        assert not (tmp_path / "x.out").exists()

    def test_a_failed_export_leaves_the_file_it_would_replace_untouched(self, db, tmp_path):
        """A row this version cannot read stops the export midway: the old file stays whole."""
        target = tmp_path / "chronology.csv"
        target.write_text("the analyst's last good export\n")
        with sqlite3.connect(db) as conn:  # actors in the shape before migration 007
            conn.execute(
                """UPDATE mentions SET actors = '[{"name": "Taro Kono"}]' WHERE actors != '[]'"""
            )
        result = chronicle("export", "-o", str(target), "--db", str(db))
        assert result.returncode == 1 and "cannot read" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert target.read_text() == "the analyst's last good export\n"
        assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]

    def test_a_folder_that_cannot_be_written_is_one_line(self, db, tmp_path):
        result = chronicle("export", "-o", str(tmp_path / "no" / "x.md"), "--db", str(db))
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            f"Error: cannot write {tmp_path / 'no' / 'x.md'}: No such file or directory"
        ]


def test_a_reader_that_went_away_is_a_normal_end(db):
    """`chronicle export --format md | true`: the pipe is closed before the first line."""
    process = subprocess.Popen(
        [*COMMAND, "export", "--format", "md", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert (process.wait(timeout=120), stderr) == (0, "")
