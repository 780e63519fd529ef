"""`chronicle search` on a pipe: one plain line per event, streamed, and a closed pipe is a normal end.

Real `chronicle` processes on real databases: the five bundled documents, and a
generated chronicle of about 1,500 events whose rows outgrow a pipe's buffer.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.cli_output import ROW_COLUMNS, row
from chronicle.model import Event

COMMAND = [sys.executable, "-m", "chronicle.cli"]
BOX_DRAWING = re.compile("[\u2500-\u257f]")
PEOPLE = ["Taro Kono", "Khawaja Asif", "Shinzo Abe", "Imran Khan", "Fumio Kishida"]
PLACES = ["Tokyo", "Islamabad", "Osaka", "Karachi", "Lahore"]


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chronicle of about 1,500 generated meetings: its rows fill more than a pipe's buffer."""
    folder = tmp_path_factory.mktemp("big")
    rng = random.Random(7)
    for number in range(3):
        lines = [f"Briefing {number}\n\n1 March 2020\n\n"]
        for i in range(500):
            day = date(1990, 1, 1) + timedelta(days=rng.randrange(12000))
            a, b = rng.sample(PEOPLE, 2)
            lines.append(
                f"On {day.day} {day:%B %Y} {a} met {b} in {rng.choice(PLACES)} "
                f"about topic {number * 1000 + i}.\n\n"
            )
        (folder / f"briefing{number}.txt").write_text("".join(lines), encoding="utf-8")
    db = folder / "big.db"
    done = chronicle("ingest", str(folder), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


def rows_of(stdout: str) -> list[list[str]]:
    return [line.split("\t") for line in stdout.splitlines()]


class TestRows:
    def test_every_event_is_one_plain_line_of_the_stable_columns(self, fixture_db):
        result = chronicle("search", "--limit", "0", "--db", str(fixture_db))
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and not BOX_DRAWING.search(result.stdout)
        rows = rows_of(result.stdout)
        assert rows and all(len(r) == len(ROW_COLUMNS) for r in rows)
        listed = json.loads(
            chronicle("search", "--limit", "0", "--json", "--db", str(fixture_db)).stdout
        )
        assert [int(r[4]) for r in rows] == [e["id"] for e in listed]
        assert [r[2] for r in rows] == [e["headline"] for e in listed]  # whole, never cut
        assert [int(r[3]) for r in rows] == [e["source_count"] for e in listed]
        assert [r[1] for r in rows] == [e["type"] for e in listed]

    def test_the_date_is_written_in_the_one_notation(self, fixture_db):
        result = chronicle("search", "Abdrakhmanov", "--db", str(fixture_db))
        assert "2017-05-01" in [r[0] for r in rows_of(result.stdout)]

    def test_hints_and_the_count_go_to_stderr_only(self, fixture_db):
        result = chronicle("search", "kono", "AND", "--db", str(fixture_db))
        assert result.returncode == 0
        rows = rows_of(result.stdout)
        assert all(len(r) == len(ROW_COLUMNS) for r in rows)
        lines = result.stderr.splitlines()
        assert lines[0].startswith("hint:")
        assert f"— {len(rows)} shown of {len(rows)}" in lines[-1]
        assert not any(
            line.startswith("hint:") or "shown of" in line for line in result.stdout.splitlines()
        )

    def test_limit_applies_and_the_summary_counts_what_was_shown(self, big_db):
        result = chronicle("search", "--limit", "700", "--db", str(big_db))
        assert len(result.stdout.splitlines()) == 700
        total = len(chronicle("search", "--limit", "0", "--db", str(big_db)).stdout.splitlines())
        assert total > 1000
        assert f"— 700 shown of {total}" in result.stderr

    @pytest.mark.parametrize("query", ["kono", "kono sort:rank", "sort:-date", "after:2000"])
    def test_pages_follow_each_other_without_a_gap_or_a_repeat(self, big_db, query):
        """Rows are written page by page: every id once, in the order of --json."""
        result = chronicle("search", query, "--limit", "0", "--db", str(big_db))
        ids = [int(r[4]) for r in rows_of(result.stdout)]
        whole = chronicle("search", query, "--limit", "0", "--json", "--db", str(big_db))
        assert len(ids) > 500 and ids == [e["id"] for e in json.loads(whole.stdout)]

    def test_a_tab_or_newline_in_a_headline_cannot_split_the_row(self):
        event = Event(
            id=9,
            key="k",
            date_start=None,
            date_end=None,
            precision="unknown",
            type="visit",
            headline="Kono\tarrives\nin \x1b]0;Tokyo",
            text="",
            source_count=2,
        )
        assert row(event) == "undated\tvisit\tKono\\x09arrives\\x0ain \\x1b]0;Tokyo\t2\t9"

    def test_the_table_stays_for_the_terminal_and_json_is_unchanged(self, fixture_db):
        """--json is the list it always was: the same text as dumping the whole list at once."""
        result = CliRunner().invoke(cli, ["search", "kono", "--json", "--db", str(fixture_db)])
        events = json.loads(result.stdout)
        assert result.stdout == json.dumps(events, indent=2, ensure_ascii=True) + "\n"
        assert all("annotation" in e and "sources" in e and e["sources"] for e in events)
        empty = CliRunner().invoke(cli, ["search", "zzzqqq", "--json", "--db", str(fixture_db)])
        assert empty.stdout == "[]\n"


class TestClosedPipe:
    @pytest.mark.parametrize(
        ("extra", "starts"),
        [([], "1990-"), (["--json"], "[\n"), (["--format", "tsv"], "id\tkey\tdate_start\t")],
    )
    def test_reading_the_first_line_only_is_a_normal_end(self, big_db, extra, starts):
        """`chronicle search --limit 0 | head -1` when the rows outgrow the pipe's buffer."""
        process = subprocess.Popen(
            [*COMMAND, "search", "--limit", "0", *extra, "--db", str(big_db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        first = process.stdout.readline().decode()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert (process.wait(timeout=120), stderr) == (0, "")
        assert first.startswith(starts)

    def test_a_pipe_closed_before_anything_is_read_is_a_normal_end(self, big_db):
        process = subprocess.Popen(
            [*COMMAND, "search", "--limit", "0", "--db", str(big_db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert (process.wait(timeout=120), stderr) == (0, "")


def test_rows_on_a_pipe_import_nothing_heavy(fixture_db):
    """A script's `chronicle search | ...` pays for neither Rich's tables nor the writers."""
    probe = (
        "import sys\n"
        f"sys.argv = ['chronicle', 'search', 'kono', '--db', {str(fixture_db)!r}]\n"
        "from chronicle.cli import main\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code\n"
        "heavy = ('sqlite_utils', 'rich', 'textual', 'chronicle.export', 'chronicle.ingest')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout and result.stderr.splitlines()[-1] == "[]"
