"""`chronicle series [QUERY]`: the listing, --json and --csv, on a real database file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.series_cli import CSV_COLUMNS, series

ISSI = str(
    Path(__file__).parent.parent
    / "fixtures"
    / "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"
)


def run(fixture_db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(series, [*args, "--db", str(fixture_db)])
    return result.exit_code, result.stdout, result.stderr


def test_the_listing_names_unit_periods_points_and_document(fixture_db):
    code, out, err = run(fixture_db, "trade")
    assert code == 0
    lines = out.splitlines()
    assert [c.strip() for c in lines[1].strip("┃").split("┃")] == [
        "id",
        "name",
        "unit",
        "from",
        "to",
        "points",
        "document",
    ]
    first_row = [c.strip() for c in lines[3].strip("│").split("│")]
    assert first_row[0] == "1" and first_row[2:6] == ["not stated", "2012", "2016", "5"]
    assert "Exports" in out and "Imports" in out and "Total" in out and "FDI" not in out
    assert err == 'series matching "trade", best match first — 3 shown\n'


def test_json_holds_every_point(fixture_db):
    code, out, _ = run(fixture_db, "fdi", "--json")
    assert code == 0
    (fdi,) = json.loads(out)
    assert {k: v for k, v in fdi.items() if k != "points"} == {
        "id": 4,
        "name": "Japan's FDI in Pakistan during 2012-2017",
        "caption": "Japan's FDI in Pakistan during 2012-2017",
        "label": "",
        "unit": "US$ Million",
        "convention": "July–June",
        "note": '"Country Wise FDI Inflows", Islamabad: Board of Investment, 2017.',
        "document": ISSI,
        "document_title": "Pakistan-Japan Ties: Moving Towards a Positive Trajectory",
    }
    assert fdi["points"][0] == {
        "period": "2012-13",
        "precision": "fiscal_year",
        "start": "2012-07-01",
        "end": "2013-06-30",
        "value": 30.1,
        "text": "30.1",
    }
    assert [p["value"] for p in fdi["points"]] == [30.1, 30.1, 71.1, 35.4, 45.2]
    assert out.isascii()  # "July–June" is written as an escape


def test_csv_one_row_per_point_under_stable_columns(fixture_db):
    code, out, _ = run(fixture_db, "--csv", "source:issi")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + 4 * 5
    assert rows[1] == [
        "1",
        "Pakistan's Trade with Japan: Exports",
        "",
        "2012",
        "year",
        "2012-01-01",
        "2012-12-31",
        "389.0",
        "389",
        "",
        "Pakistan's Trade with Japan",
        ISSI,
    ]
    assert [r[7] for r in rows[6:11]] == ["1860.0", "1561.0", "1773.0", "1842.0", "1961.4"]


def test_hints_go_to_stderr_and_an_unmatched_query_lists_nothing(fixture_db):
    code, out, err = run(fixture_db, "kazakhstan", "actor:kono")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        "hint: actor: does not apply to series; ignored",
        'series matching "kazakhstan", best match first — 0 shown',
    ]


def test_json_and_csv_together_is_a_usage_error(fixture_db):
    code, _, err = run(fixture_db, "--json", "--csv")
    assert code == 2
    assert "--json and --csv cannot be used together" in err


def test_a_missing_database_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(series, ["--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no database at {tmp_path / 'typo.db'}")


@pytest.mark.skipif("series" not in cli.commands, reason="registered in chronicle.cli")
def test_registered_as_a_subcommand(fixture_db):
    done = subprocess.run(
        [sys.executable, "-m", "chronicle.cli", "series", "fdi", "--csv", "--db", str(fixture_db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert len(done.stdout.splitlines()) == 6
