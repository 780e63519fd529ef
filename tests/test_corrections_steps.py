"""After every step of a random mix of corrections, undos, joins, splits, removals and
re-ingests of the bundled documents, the store is consistent (`Store.check()`, FTS5's
own check among it) and search, filters and counts find what the events show."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from chronicle.library import ingest_paths
from chronicle.store import Store
from tests.test_corrections_search import _agrees, _all_events

CORRECTIONS = [
    {"headline": "Zanzibar clove accord signed", "countries": ["FR"]},
    {"actors": ["Jane Quorum", "Bo Pell"], "type": "visit"},
    {"countries": [], "date_start": "1999-01-02", "date_end": "1999-01-02", "precision": "day"},
    {"headline": "Walrus tariff talks", "actors": []},
]


def _correct(store: Store, rng: random.Random) -> str:
    event = rng.choice(_all_events(store))
    store.annotate(event.id, correction=rng.choice(CORRECTIONS))
    return f"correct {event.id}"


def _undo(store: Store, rng: random.Random) -> str:
    corrected = [e for e in _all_events(store) if e.annotation and e.annotation.correction]
    if not corrected:
        return "undo nothing"
    event = rng.choice(corrected)
    store.annotate(event.id, correction={})
    return f"undo {event.id}"


def _join(store: Store, rng: random.Random) -> str:
    first, second = rng.sample(_all_events(store), 2)
    store.join_events(first.id, second.id)
    return f"join {first.id} {second.id}"


def _split(store: Store, rng: random.Random) -> str:
    joined = [e for e in _all_events(store) if len(e.sources) > 1]
    if not joined:
        return "split nothing"
    event = rng.choice(joined)
    store.split_source(event.id, rng.choice([s.key for s in event.sources]))
    return f"split {event.id}"


def _remove_and_return(store: Store, rng: random.Random) -> str:
    [(path,)] = rng.sample(store.execute("SELECT path FROM documents"), 1)
    store.remove_document(path)
    ingest_paths(store, [path])
    return f"re-ingest {path}"


STEPS: list[Callable[[Store, random.Random], str]] = [
    _correct,
    _correct,
    _undo,
    _join,
    _split,
    _remove_and_return,
]


@pytest.mark.parametrize("seed", [1, 2])
def test_random_corrections_and_rebuilds_keep_search_and_counts_true(
    app_store: Store, seed: int
) -> None:
    rng = random.Random(seed)
    done = []
    for _ in range(8):
        done.append(rng.choice(STEPS)(app_store, rng))
        assert app_store.check() == [], done
    _agrees(app_store)
