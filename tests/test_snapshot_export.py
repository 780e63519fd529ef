"""An export reads one snapshot: another connection ingesting and removing documents
while it runs leaves it the store as it was when it began, never a mix.

The export is paged (`cli_output.PAGE`), each event read on its own, so without a
snapshot the pages read after the other connection commits would show its new
events and miss the ones it removed. The page is made tiny here, and the other
connection writes right after the export's first output, so the race is not left
to chance.
"""

from __future__ import annotations

import io
import json
import shutil
import threading
from pathlib import Path

import pytest

from chronicle import cli_output
from chronicle.cli_analyst import _export
from chronicle.library import ingest_paths
from chronicle.store import Store

LATER = (
    "Foreign Minister Taro Kono of Japan met Foreign Minister Khawaja Asif of Pakistan "
    "in Tokyo on 5 May 2031 to sign a new partnership.\n"
)
"""A report that makes an event later than every fixture event (so on a last page)."""


class WritesOnFirstOutput(io.StringIO):
    """An output stream that runs `change` (and waits for it) at its first write."""

    def __init__(self, change) -> None:
        super().__init__()
        self._change = change

    def write(self, text: str) -> int:
        if self._change is not None:
            change, self._change = self._change, None
            worker = threading.Thread(target=change)
            worker.start()
            worker.join()
        return super().write(text)


def exported_ids(store: Store, out: io.StringIO | None = None) -> list[int]:
    out = out if out is not None else io.StringIO()
    _export(store, "", "jsonl", out)
    return [json.loads(line)["id"] for line in out.getvalue().splitlines()]


@pytest.fixture
def db(fixture_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "c.db"
    shutil.copy(fixture_db, copy)
    return copy


def test_an_export_during_an_ingest_is_the_store_before_it(db, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_output, "PAGE", 3)
    later = tmp_path / "later.txt"
    later.write_text(LATER, encoding="utf-8")
    written: list[bool] = []

    def ingest_and_remove() -> None:
        with Store(db) as other:
            ingest_paths(other, [later])
            written.append(other.remove_document(gone))

    with Store(db) as store:
        [gone] = [d["path"] for d in store.documents() if "2018-01-04-" in str(d["path"])]
        before = exported_ids(store)
        assert len(before) > 3 * 3  # several pages
        during = exported_ids(store, WritesOnFirstOutput(ingest_and_remove))
        assert written == [True]
        after = exported_ids(store)
    assert during == before
    assert set(after) != set(before)
    assert set(after) - set(before) and set(before) - set(after)  # added and removed


def test_a_snapshot_inside_a_transaction_joins_it(store):
    """A snapshot taken where a transaction is open already neither begins nor ends one."""
    conn = store._conn
    conn.execute("BEGIN")
    with store.snapshot():
        assert conn.in_transaction
    assert conn.in_transaction
    conn.execute("COMMIT")
    with store.snapshot():
        assert conn.in_transaction
    assert not conn.in_transaction
