"""The export formats are documented as written, stay out of the store and the UI, and
keep spreadsheet formulas inert."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from chronicle.citation import CITATION_STYLE
from chronicle.export import FORMATS, REGISTRY
from chronicle.export.columns import NAMES, inert

ROOT = Path(__file__).parent.parent
DOC = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")


def test_every_format_is_in_the_docs_table_with_its_extension_and_media_type():
    for name in FORMATS:
        f = REGISTRY[name]
        row = f"| `{name}`"
        line = next(line for line in DOC.splitlines() if line.startswith(row))
        assert f"`.{f.extension}`" in line and f"`{f.media_type}`" in line


def test_every_table_column_is_documented_in_order():
    documented = re.findall(r"`([a-z_]+)`", DOC.split("## csv and tsv")[1].split("## json")[0])
    columns = [c for c in documented if c in NAMES]
    assert list(dict.fromkeys(columns)) == list(NAMES)


def test_the_citation_style_is_the_documented_one():
    assert 'Publisher, "Title," YYYY-MM-DD, URL or path.' in DOC
    assert "Chicago-like" in CITATION_STYLE


def test_the_export_modules_read_neither_the_store_nor_the_ui():
    for path in sorted((ROOT / "chronicle" / "export").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(
                    ("textual", "sqlite3", "sqlite_utils", "chronicle.store", "chronicle.tui")
                ), f"{path.name} imports {name}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("- a note's list item", "'- a note's list item"),
        ("@SUM(A1)", "'@SUM(A1)"),
        # what does not start a formula is written as it is
        ("Talks in Tokyo", "Talks in Tokyo"),
        ("2011-02-21", "2011-02-21"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_value_a_spreadsheet_would_run_is_written_after_an_apostrophe(value, expected):
    assert inert(value) == expected


def test_the_decisions_field_is_documented_key_by_key_and_reads_back():
    from chronicle.store.decisions import DECISION_VERSION, Decision, read_decision, shared

    made = Decision(
        0, "split", "a:000001", "2026-12-04T09:00:00+00:00", (("a:000001", "b:2"),), False
    )
    form = shared(made)
    section = DOC.split("`chronicle export` also writes `decisions`")[1].split("## timelinejs")[0]
    assert [k for k in form if f"- `{k}`" in section] == list(form)
    assert form["version"] == DECISION_VERSION == 1
    assert read_decision(json_round_trip(form)) == made


def json_round_trip(value: object) -> object:
    import json

    return json.loads(json.dumps(value))
