"""`chronicle documents` fits the terminal: fewer columns and cut text at 80, all at 200,
everything whole through a pipe and in --json (run as the real CLI, in a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.render import documents_lines, width


def documents(db: Path, columns: int | None, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", "documents", "--db", str(db), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd="/",
    )


@pytest.fixture(scope="module")
def listed(fixture_db: Path) -> list[dict[str, object]]:
    result = documents(fixture_db, None, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_at_80_columns_each_document_is_one_line_that_fits(fixture_db, listed):
    result = documents(fixture_db, 80)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + len(listed)  # a header, then one line a document: no wrapping
    assert max(width(line) for line in lines) <= 80
    assert lines[0].split() == ["id", "date", "mentions", "title", "source"]
    for doc, line in zip(listed, lines[1:], strict=True):
        name = Path(str(doc["path"])).name
        assert line.split()[0] == str(doc["id"])
        assert str(doc["title"])[:12] in line  # the title's start, cut with … when long
        assert name[:10] in line and name[-8:] in line  # the file name's start and end
    assert "…" in result.stdout


def test_at_200_columns_every_column_shows(fixture_db, listed):
    lines = documents(fixture_db, 200).stdout.splitlines()
    assert max(width(line) for line in lines) <= 200
    for column in ("format", "date from", "publisher", "source"):
        assert column in lines[0]
    assert "Institute of Strategic Studies Islamabad" in "\n".join(lines)  # whole
    assert all(str(doc["title"]) in "\n".join(lines) for doc in listed if len(doc["title"]) < 40)


def test_a_pipe_gets_every_column_and_whole_paths(fixture_db, listed):
    out = documents(fixture_db, None).stdout
    assert all(str(doc["path"]) in out and str(doc["title"]) in out for doc in listed)
    assert "date from" in out.splitlines()[0]


@pytest.mark.parametrize("cells", [40, 60, 80, 120])
def test_lines_never_pass_the_width_even_with_wide_characters(cells):
    doc = {
        "id": 12,
        "path": "/home/ana/研究/日本とパキスタンの外交関係について.txt",
        "doc_date": "2018-01-04",
        "doc_date_source": "byline",
        "title": "日本・パキスタン外相会談 — 二国間関係の新たな段階\x1b[31m",
        "publisher": "外務省",
        "format": "text",
        "mentions": 3,
    }
    lines = documents_lines([doc], cells, cwd="/home/ana")
    assert max(width(line) for line in lines) <= max(cells, 37)  # 37: the fixed columns
    assert "\x1b" not in "".join(lines)  # a title is data, its escape shown, never sent
    assert lines[1].startswith("12  2018-01-04")


def test_a_source_under_the_current_folder_is_shown_relative_to_it():
    doc = {"id": 1, "path": "/data/briefs/a.txt", "doc_date": None, "title": "A"}
    doc |= {"publisher": "", "mentions": 1}
    assert documents_lines([doc], None, cwd="/data")[1].endswith("briefs/a.txt")
    assert documents_lines([doc], None, cwd="/elsewhere")[1].endswith("/data/briefs/a.txt")
