"""The sample database is built whole or not at all, whoever asks for it (the CLI, open_default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle import library
from chronicle.library import IngestReport, open_default


def test_an_interrupted_build_leaves_no_database(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "chronicle.db"

    def interrupted(store, paths, *args, **kwargs) -> IngestReport:
        return IngestReport(added=["/samples/one.txt"], interrupted=True)

    monkeypatch.setattr(library, "ingest_paths", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_default(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_build_a_killed_run_left_is_started_again(tmp_path: Path) -> None:
    target = tmp_path / "chronicle.db"
    (tmp_path / ".chronicle.db.building").write_bytes(b"half a database")
    with open_default(target) as store:
        assert store.counts()["documents"] == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chronicle.db"]
