"""The one-way data flow is enforced, not remembered: each layer imports only those before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "chronicle"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_in(layer: str) -> list[Path]:
    target = PACKAGE / layer
    return sorted(target.rglob("*.py")) if target.is_dir() else [target.with_suffix(".py")]


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        (
            "ingest",
            (
                "textual",
                "sqlite3",
                "sqlite_utils",
                "chronicle.store",
                "chronicle.search",
                "chronicle.tui",
            ),
        ),
        (
            "merge",
            (
                "textual",
                "sqlite3",
                "sqlite_utils",
                "chronicle.store",
                "chronicle.search",
                "chronicle.tui",
                "chronicle.cli",
                "chronicle.library",
            ),
        ),
        ("store", ("textual", "chronicle.search", "chronicle.tui", "chronicle.cli")),
        ("search", ("textual", "sqlite3", "sqlite_utils", "chronicle.tui", "chronicle.cli")),
        ("tui", ("sqlite3", "sqlite_utils", "chronicle.cli")),
        (
            "export",
            (
                "textual",
                "sqlite3",
                "sqlite_utils",
                "chronicle.store",
                "chronicle.search",
                "chronicle.tui",
                "chronicle.cli",
            ),
        ),
        ("model", ("textual", "sqlite3", "sqlite_utils", "chronicle.")),
    ],
)
def test_layer_does_not_import(layer, forbidden):
    for path in modules_in(layer):
        for name in imported_modules(path):
            assert not name.startswith(forbidden), f"{path.name} imports {name}"


MERGE_READS_FROM_INGEST = {"chronicle.ingest.dates.names"}
"""Merge compares mentions, not texts: of ingest it reads only the month and weekday
names (stop words when comparing sentences), the calendar's one table of names."""


def test_the_merge_layer_is_the_whole_merge_package():
    assert [p.name for p in modules_in("merge")] == [
        "__init__.py",
        "candidates.py",
        "clusters.py",
        "decisions.py",
        "drafts.py",
        "evidence.py",
        "explain.py",
        "in_document.py",
        "links.py",
        "review.py",
        "rules.py",
        "spans.py",
        "state.py",
    ]


def test_merge_reads_nothing_of_ingest_but_the_calendar_names():
    for path in modules_in("merge"):
        for name in imported_modules(path):
            if name.startswith("chronicle.ingest"):
                assert name in MERGE_READS_FROM_INGEST, f"{path.name} imports {name}"
    for module in MERGE_READS_FROM_INGEST:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        assert not {n for n in imported_modules(path) if n.startswith("chronicle")}, module


def test_merge_does_no_input_or_output():
    """The store feeds merge its mentions and writes the answer: merge opens nothing."""
    for path in modules_in("merge"):
        assert not {"os", "io", "pathlib", "shutil", "tempfile"} & imported_modules(path), path
        calls = {
            node.func.id
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert "open" not in calls, path


@pytest.mark.parametrize("module", ["lexicon", "names"])
def test_shared_knowledge_imports_no_layer_but_the_model(module):
    """Ingest, merge and search all read the lexicon and the name rule, so these import
    nothing of chronicle except the model (and never a front end or the database)."""
    for name in imported_modules(PACKAGE / f"{module}.py"):
        if name.startswith("chronicle"):
            assert name == "chronicle.model", f"{module}.py imports {name}"
        assert not name.startswith(("textual", "sqlite3", "sqlite_utils", "pycountry")), name


def test_only_the_store_speaks_sql():
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.parts:
            continue
        names = imported_modules(path)
        assert not {"sqlite3", "sqlite_utils"} & names, path
