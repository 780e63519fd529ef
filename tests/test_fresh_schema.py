"""A new file given the latest schema in one step holds what migrating it would have."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.store import Store, fresh_schema
from chronicle.store.connection import connect, latest_version, schema_version


def made(path: Path, *, copied: bool, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    """A new database at `path`, migrated step by step or given the schema in one copy."""
    monkeypatch.setattr(fresh_schema, "_made_fresh", copied)
    calls = []
    monkeypatch.setattr(fresh_schema, "_latest", record(fresh_schema._latest, calls))
    conn = connect(path)
    assert bool(calls) == copied
    return conn


def record(function, calls: list):
    def recorded(*args):
        calls.append(args)
        return function(*args)

    return recorded


def test_a_copied_schema_is_the_migrated_one_definitions_and_rows(tmp_path, monkeypatch):
    migrated = made(tmp_path / "migrated.db", copied=False, monkeypatch=monkeypatch)
    copied = made(tmp_path / "copied.db", copied=True, monkeypatch=monkeypatch)
    assert fresh_schema.read(copied) == fresh_schema.read(migrated)
    assert schema_version(copied) == latest_version()
    for pragma in ("page_size", "journal_mode"):
        assert copied.execute(f"PRAGMA {pragma}").fetchone() == (
            migrated.execute(f"PRAGMA {pragma}").fetchone()
        )


def test_a_copied_schema_takes_the_bundled_documents_and_checks_clean(tmp_path, monkeypatch):
    made(tmp_path / "c.db", copied=True, monkeypatch=monkeypatch).close()
    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [fixtures_dir()])
        assert not report.failed and report.added
        assert store.check() == []
        assert store.counts()["events"] > 0


def test_a_file_another_process_gave_tables_meanwhile_is_migrated_not_overwritten(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(fresh_schema, "_made_fresh", True)
    conn = sqlite3.connect(tmp_path / "raced.db", isolation_level=None)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    assert not fresh_schema.create(conn, lambda: connect(":memory:"))
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == [
        "meta",
        "sqlite_autoindex_meta_1",
    ]
