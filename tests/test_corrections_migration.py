"""A store corrected before migration 022 (a corrected date in the row, the machine's in
the annotation, headline and countries only shown) opens with every correction where
it is read, and undoing one gives the documents' values back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from chronicle.search.engine import Searcher
from chronicle.store import Store, connection

_UNDO_022 = """
DROP TRIGGER corrections_follow_moved;
DROP TRIGGER corrections_follow_removed;
DROP TRIGGER corrected_events_fts_bi;
DROP TRIGGER corrected_events_fts_bu;
DROP TRIGGER corrected_events_fts_bd;
DROP VIEW event_search;
DROP VIEW event_text;
DROP TABLE corrections_pending;
DROP TABLE corrections_applied;
DROP TABLE corrected_events;
"""


def _views_of_012() -> str:
    """The index's views as migration 012 made them (what a store before 022 holds)."""
    sql = dict((v, text) for v, _, text in connection.migrations())[12]
    return re.search(r"CREATE VIEW event_text AS.*?WHERE indexed;", sql, re.S).group(0)


def _as_before_022(store: Store, event_id: int) -> dict[str, object]:
    """Make the store what version 21 kept of a correction of this event's date,
    headline and countries; returns the machine's values."""
    conn = store.db.conn
    [(start, end, precision, keys)] = store.execute(
        "SELECT date_start, date_end, precision, "
        "(SELECT json_group_array(key) FROM mentions WHERE event_id = e.id) "
        "FROM events e WHERE id = ?",
        [event_id],
    )
    event = store.event(event_id)
    machine = {
        "date_start": start,
        "date_end": end,
        "precision": precision,
        "headline": event.headline,
        "countries": list(event.countries),
    }
    correction = {
        "date_start": "1999-01-02",
        "date_end": "1999-01-02",
        "precision": "day",
        "headline": "Zanzibar clove accord",
        "countries": ["FR"],
    }
    conn.executescript(_UNDO_022 + _views_of_012() + "\n")
    conn.execute(
        "UPDATE events SET date_start = '1999-01-02', date_end = '1999-01-02', "
        "precision = 'day' WHERE id = ?",
        [event_id],
    )
    conn.execute(
        "INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations, "
        "sources_text, publishers) SELECT sort_key, headline, text, actors, countries, "
        "organisations, sources_text, publishers FROM event_text WHERE indexed = 0"
    )
    conn.execute("UPDATE events SET indexed = 1 WHERE indexed = 0")
    annotation_id = conn.execute(
        "INSERT INTO annotations (correction, machine, created_at, updated_at) "
        "VALUES (?, ?, '2026-01-01', '2026-01-01')",
        [json.dumps(correction), json.dumps(machine)],
    ).lastrowid
    conn.executemany(
        "INSERT INTO annotation_anchors (annotation_id, rank, mention_key) VALUES (?, ?, ?)",
        [(annotation_id, rank, key) for rank, key in enumerate(sorted(json.loads(keys)))],
    )
    conn.execute("UPDATE meta SET value = '21' WHERE key = 'schema_version'")
    return machine


def test_a_store_corrected_before_022_opens_with_its_corrections_searched(
    fixture_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "v21.db"
    shutil.copy(fixture_db, copy)
    with Store(copy) as store:
        [(event_id,)] = store.execute(
            "SELECT id FROM events WHERE countries != '' AND type != 'citation' ORDER BY id LIMIT 1"
        )
        machine = _as_before_022(store, event_id)
    upto_22 = tuple(m for m in connection.migrations() if m[0] <= 22)
    monkeypatch.setattr(connection, "migrations", lambda: upto_22)
    with Store(copy) as store:
        assert store.check() == []
        searcher = Searcher(store)
        assert searcher.ids("zanzibar")[0] == [event_id]
        assert searcher.ids("country:fr")[0] == [event_id]
        assert event_id in searcher.ids("in:1999")[0]
        shown = store.event(event_id)
        assert (shown.date_start, shown.countries) == ("1999-01-02", ("FR",))
        assert shown.annotation.machine == machine
        store.annotate(event_id, correction={})
        again = store.event(event_id)
        assert again.date_start == machine["date_start"]
        assert list(again.countries) == machine["countries"]
        assert Searcher(store).ids("zanzibar")[0] == []
        assert store.check() == []
