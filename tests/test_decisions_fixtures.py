"""Decisions on the bundled documents: the store's events stay the pure rule's with the
analyst's edges, and come out the same in other ingest orders.

The bundled briefs hold many events told by several documents and vague dates
attached to precise ones, so splits here cut real links (and vague attachments),
unlike the one-line reports of `test_decisions`.
"""

from __future__ import annotations

import random
from pathlib import Path

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.store import Store
from tests.test_decisions import events_of, sound


def fixture_files() -> list[Path]:
    return sorted(fixtures_dir().glob("*.txt"))


def big_events(store: Store) -> list[int]:
    """Events with several mentions, most first."""
    rows = store.execute(
        "SELECT event_id FROM mentions GROUP BY event_id HAVING count(*) > 1 "
        "ORDER BY count(*) DESC, event_id"
    )
    return [r[0] for r in rows]


def test_splits_and_joins_on_the_bundled_documents_hold_in_other_orders(tmp_path):
    files = fixture_files()
    with Store(tmp_path / "ref.db") as store:
        ingest_paths(store, files)
        before = sound(store)
        events = big_events(store)
        assert len(events) >= 3
        # A vague date attached to a precise one is split off first: it must not attach
        # again to what it was split from.
        [(vague, fit, event_id)] = store.execute(
            "SELECT key, fit_key, event_id FROM mentions WHERE fit_key IS NOT NULL "
            "ORDER BY key LIMIT 1"
        )
        store.split_source(event_id, vague)
        sound(store)
        [(now_fit, now_event)] = store.execute(
            "SELECT fit_key, event_id FROM mentions WHERE key = ?", [vague]
        )
        assert now_fit != fit
        assert (
            now_event != store.execute("SELECT event_id FROM mentions WHERE key = ?", [fit])[0][0]
        )
        for event_id in big_events(store)[:2]:
            keys = store.member_keys(event_id)
            store.split_source(event_id, keys[-1])
            sound(store)
        far = [r[0] for r in store.execute("SELECT id FROM events ORDER BY date_start LIMIT 2")]
        store.join_events(*far)
        expected = sound(store)
        assert expected != before
        decisions = store.decisions()
        assert [d.kind for d in decisions] == ["split", "split", "split", "join"]
    orders = [list(reversed(files)), random.Random(18).sample(files, len(files))]
    for n, order in enumerate(orders):
        with Store(tmp_path / f"order{n}.db") as store:
            if n == 0:
                store.import_decisions(decisions)
            for path in order:
                ingest_paths(store, [path])
            if n == 1:
                store.import_decisions(decisions)
            assert sound(store) == expected
            # Undoing every decision gives back the rule's own events.
            for decision in store.decisions():
                store.undo_decision(decision.id)
                sound(store)
            assert events_of(store) == before
