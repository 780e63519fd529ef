"""`Store.check()` finds a corrected event whose rows drifted from its correction or from
what its documents give (db/022_corrected_search.sql), each named in one line."""

from __future__ import annotations

import pytest

from chronicle.store import Store

CORRECTION = {"headline": "Zanzibar clove accord", "countries": ["FR"], "actors": ["Jane Quorum"]}


@pytest.fixture
def corrected(app_store: Store) -> tuple[Store, int]:
    """The fixture store with one event (naming people and countries) corrected."""
    [(event_id,)] = app_store.execute(
        "SELECT id FROM events WHERE actors != '' AND countries != '' ORDER BY id LIMIT 1"
    )
    app_store.annotate(event_id, correction=CORRECTION)
    assert app_store.check() == []
    return app_store, event_id


def _problems(store: Store, sql: str, params: list[object]) -> list[str]:
    store.db.conn.execute(sql, params)
    return store.check()


def test_a_corrected_country_lost_behind_the_stores_back(corrected: tuple[Store, int]) -> None:
    store, event_id = corrected
    [problem] = _problems(store, "DELETE FROM event_countries WHERE event_id = ?", [event_id])
    assert problem == (
        f"correction not shown as its annotations make it: event {event_id} countries "
        "is not the correction"
    )


def test_a_kept_machine_country_that_no_document_gives(corrected: tuple[Store, int]) -> None:
    store, event_id = corrected
    problems = _problems(
        store,
        "UPDATE corrected_events SET machine = json_set(machine, '$.countries.tags', "
        "json('[\"ZZ\"]')) WHERE event_id = ?",
        [event_id],
    )
    assert problems and all(p.startswith("event_countries not its mentions'") for p in problems)
    assert f"({event_id}, 'ZZ')" in problems[0]


def test_a_person_of_the_documents_written_over_a_corrected_event(
    corrected: tuple[Store, int],
) -> None:
    store, event_id = corrected
    [problem] = _problems(
        store,
        "INSERT INTO event_actors (event_id, actor_key, name) VALUES (?, 'x y', 'Y X')",
        [event_id],
    )
    assert problem.endswith(f"event {event_id} actors is not the correction")


def test_a_correction_waiting_and_one_shown_for_no_annotation(
    corrected: tuple[Store, int],
) -> None:
    store, event_id = corrected
    [(annotation_id,)] = store.execute("SELECT id FROM annotations")
    problems = _problems(
        store, "INSERT INTO corrections_pending (annotation_id) VALUES (?)", [annotation_id]
    )
    assert problems == [f"correction waiting to be applied: {annotation_id}"]
    store.db.conn.execute("DELETE FROM corrections_pending")
    [problem] = _problems(store, "DELETE FROM corrections_applied", [])
    assert problem.startswith(f"correction not shown as its annotations make it: event {event_id}")


def test_a_headline_changed_without_its_trigger_leaves_the_index_out_of_step(
    corrected: tuple[Store, int],
) -> None:
    store, event_id = corrected
    store.db.conn.execute("DROP TRIGGER corrected_events_fts_bu")
    problems = _problems(
        store,
        "UPDATE corrected_events SET correction = json_set(correction, '$.headline', 'Other') "
        "WHERE event_id = ?",
        [event_id],
    )
    assert any(p.startswith("events_fts does not match events") for p in problems)
