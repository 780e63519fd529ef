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


def test_random_decisions_removals_and_returns_keep_the_rules_events(tmp_path):
    """After every step of a random mix of splits, joins, undos, removals and
    re-ingests, the store's events are those of the pure rule with the decisions."""
    files = fixture_files()
    for seed in (1, 2, 3, 4):
        rng = random.Random(seed)
        with Store(tmp_path / f"random{seed}.db") as store:
            ingest_paths(store, files)
            gone: list[Path] = []
            for _ in range(15):
                step = rng.choice(["split", "join", "undo", "remove", "return"])
                if step == "split" and (events := big_events(store)):
                    event_id = rng.choice(events)
                    store.split_source(event_id, rng.choice(store.member_keys(event_id)))
                elif step == "join":
                    ids = [r[0] for r in store.execute("SELECT id FROM events ORDER BY id")]
                    if len(ids) > 1:
                        store.join_events(*rng.sample(ids, 2))
                elif step == "undo" and (made := store.decisions()):
                    store.undo_decision(rng.choice(made).id)
                elif step == "remove" and len(gone) < len(files) - 1:
                    path = rng.choice([f for f in files if f not in gone])
                    assert store.remove_document(str(path))
                    gone.append(path)
                elif step == "return" and gone:
                    ingest_paths(store, [gone.pop(rng.randrange(len(gone)))])
                sound(store)
