"""A store an older merge rule grouped is regrouped in committed steps
(`store/regrouping.py`): a stopped regroup goes on from its last step and only under
the rule it was regrouping to, writes on a half-regrouped store come out as on a fresh
one, the analyst's corrections are applied again, and readers are told when dates
wait in no event."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.store import Store, blocks, merging, regrouping

GROUPS = (
    "SELECT group_concat(key) FROM (SELECT key, event_id FROM mentions ORDER BY key) "
    "GROUP BY event_id ORDER BY 1"
)
OLDER_RULE = "UPDATE meta SET value = '2' WHERE key = 'merge_rule'"


@pytest.fixture
def db(fixture_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "steps.db"
    shutil.copy(fixture_db, path)
    return path


def per_document(store: Store) -> list[int]:
    sql = "SELECT count(*) FROM mentions GROUP BY document_id ORDER BY document_id"
    return [n for (n,) in store.execute(sql)]


def test_a_regroup_commits_in_steps_and_goes_on_where_it_stopped(db, monkeypatch):
    with Store(db) as store:
        groups, mentions, counts = (
            store.execute(GROUPS),
            store.counts()["mentions"],
            per_document(store),
        )
        store.execute(OLDER_RULE)
        # Steps of no time regroup one document each, and commit.
        assert not store.regroup_step(0) and not store.regroup_step(0)
    left = mentions - sum(counts[:2])
    with Store(db) as store:  # as after a killed process
        assert store.mentions_to_regroup() == store.regroup_waiting() == left
        assert store.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL") == [(left,)]
        # Ctrl+C inside the next step loses that step only.
        real = merging.fold_in

        def interrupted(*args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(merging, "fold_in", interrupted)
        with pytest.raises(KeyboardInterrupt):
            store.regroup(step_seconds=0)
        assert store.regroup_waiting() == left
        monkeypatch.setattr(merging, "fold_in", real)
        steps: list[tuple[int, int]] = []
        assert store.regroup(step_seconds=0, on_step=lambda *step: steps.append(step))
        assert steps == [(sum(counts[2:i]), left) for i in range(2, len(counts))] + [(left, left)]
        assert store.mentions_to_regroup() == store.regroup_waiting() == 0
        assert not store.regroup()
        assert store.execute(GROUPS) == groups and store.check() == []


@pytest.mark.parametrize("first", [True, False])
def test_a_removal_during_a_regroup_gives_what_a_fresh_store_gives(db, tmp_path, first):
    fresh = tmp_path / "fresh.db"
    shutil.copy(db, fresh)
    order = "ASC" if first else "DESC"  # a document the steps regrouped, or not yet
    with Store(fresh) as store:
        [(path,)] = store.execute(f"SELECT path FROM documents ORDER BY id {order} LIMIT 1")
        assert store.remove_document(path)
        expected = store.execute(GROUPS)
    with Store(db) as store:
        store.execute(OLDER_RULE)
        for _ in range(3):
            assert not store.regroup_step(0)
        assert store.remove_document(path)
        assert store.mentions_to_regroup() == store.regroup_waiting() == 0
        assert store.execute(GROUPS) == expected and store.check() == []


def test_a_regroup_to_another_rule_starts_over(db, monkeypatch):
    with Store(db) as store:
        groups = store.execute(GROUPS)
        store.execute(OLDER_RULE)
        assert not store.regroup_step(0)  # half regrouped to rule "3"
    monkeypatch.setattr(blocks, "MERGE_RULE", "4")  # the next version's rule
    with Store(db) as store:
        assert store.mentions_to_regroup() == store.counts()["mentions"]  # all of them
        assert store.regroup(step_seconds=0)
        assert store.execute(GROUPS) == groups and store.check() == []
        assert store.execute("SELECT value FROM meta WHERE key = 'merge_rule'") == [("4",)]


def test_a_mark_left_behind_is_never_gone_on_from(db):
    with Store(db) as store:
        groups = store.execute(GROUPS)
        store.execute(OLDER_RULE)
        assert not store.regroup_step(0)
        [(mark,)] = store.execute("SELECT value FROM meta WHERE key = 'regroup_progress'")
        # A version that knows no steps finishes the regroup at once, the mark left behind.
        with store.db.conn:
            regrouping.rebuild(store.db)
        store.execute("INSERT INTO meta (key, value) VALUES ('regroup_progress', ?)", [mark])
        assert store.regroup_waiting() == 0 and store.check() == []
        store.execute(OLDER_RULE)  # then the events are stale again
        assert store.regroup()  # from the first document, not from the mark
        assert store.execute(GROUPS) == groups and store.check() == []


def test_the_analysts_corrections_hold_after_a_regroup(db):
    with Store(db) as store:
        [(event_id,)] = store.execute("SELECT id FROM events ORDER BY id LIMIT 1")
        store.annotate(event_id, correction={"headline": "Zyxwv corrected headline"})
        hits = "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'zyxwv'"
        assert store.execute(hits) == [(1,)]
        store.execute(OLDER_RULE)
        assert store.regroup(step_seconds=0)
        assert store.execute(hits) == [(1,)] and store.check() == []


def test_readers_are_told_of_a_regroup_stopped_midway(db):
    with Store(db) as store:
        store.execute(OLDER_RULE)
        assert not store.regroup_step(0)
        waiting = store.regroup_waiting()
        [problem] = [p for p in store.check() if p.startswith("regroup")]
    assert f"{waiting:,} stored dates are in no event" in problem
    result = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert result.exit_code == 0
    assert f"half regrouped under a new merge rule: {waiting:,} stored dates" in result.stderr
    with Store(db) as store:
        assert store.regroup()
    result = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert "regroup" not in result.stderr


def test_relisting_the_blocks_midway_takes_the_regroup_back_to_its_start(db):
    with Store(db) as store:
        groups = store.execute(GROUPS)
        store.execute(OLDER_RULE)
        assert not store.regroup_step(0)
        with store.db.conn:
            blocks.relist(store.db)  # as a migration changing the blocks' layout does
        assert store.regroup_waiting() == store.counts()["mentions"]  # said, not silent
        assert store.regroup()
        assert store.execute(GROUPS) == groups and store.check() == []


@pytest.mark.parametrize("half", [False, True])
def test_a_removal_on_an_older_rules_store_regroups_it_in_steps_first(
    db, tmp_path, monkeypatch, half
):
    fresh = tmp_path / "fresh.db"
    shutil.copy(db, fresh)
    with Store(fresh) as store:
        [(path,)] = store.execute("SELECT path FROM documents ORDER BY id LIMIT 1")
        assert store.remove_document(path)
        expected = store.execute(GROUPS)
    stepped: list[int] = []
    real = Store.regroup_step

    def step(store: Store, seconds: float) -> bool:
        stepped.append(store.regroup_waiting())
        return real(store, seconds)

    monkeypatch.setattr(Store, "regroup_step", step)
    with Store(db) as store:
        store.execute(OLDER_RULE)
        if half:
            assert not store.regroup_step(0)
        stepped.clear()
        assert store.remove_document(path)
        assert stepped  # by committed steps, not inside the removal's transaction
        assert store.mentions_to_regroup() == store.regroup_waiting() == 0
        assert store.execute(GROUPS) == expected and store.check() == []


def test_an_undo_on_an_older_rules_store_regroups_it_in_steps_first(db, monkeypatch):
    with Store(db) as store:
        groups = store.execute(GROUPS)
        [(event_id, key)] = store.execute(
            "SELECT event_id, max(key) FROM mentions GROUP BY event_id HAVING count(*) > 1 "
            "ORDER BY event_id LIMIT 1"
        )
        store.split_source(event_id, key)
        [decision] = store.decisions()
        store.execute(OLDER_RULE)
        stepped: list[float] = []
        real = Store.regroup_step
        monkeypatch.setattr(
            Store, "regroup_step", lambda s, seconds: stepped.append(seconds) or real(s, seconds)
        )
        store.undo_decision(decision.id)
        assert stepped and store.mentions_to_regroup() == 0
        assert store.execute(GROUPS) == groups and store.check() == []
