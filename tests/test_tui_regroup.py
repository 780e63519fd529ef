"""A chronicle an older merge rule grouped is regrouped when the browser opens it: a
screen over it shows how far, `q` quits keeping the steps done, the events come out as
this rule makes them and are shown anew; a read-only chronicle is left as it is, and
one half regrouped says so."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path

import pytest

from chronicle.search.engine import Searcher
from chronicle.store import Store, StoreError
from chronicle.tui import Timeline, make_app, regroup_on_open
from chronicle.tui.main_screen import MainScreen
from chronicle.tui.regroup_on_open import RegroupScreen, regroup_in_steps
from tests.pilot import settle

SIZE = (100, 30)
GROUPS = "SELECT group_concat(key) FROM mentions GROUP BY event_id ORDER BY 1"


def as_an_older_rule_left_it(db: Path) -> tuple[list, int]:
    """The fixture store with two events grouped as one (the second's row gone) and an
    older rule's mark; returns the groups this rule makes and how many events."""
    with Store(db) as store:
        groups, events = store.execute(GROUPS), store.counts()["events"]
        (first, second) = store.execute("SELECT id FROM events ORDER BY id LIMIT 2")
        store.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [first[0], second[0]])
        store.execute("DELETE FROM events WHERE id = ?", [second[0]])
        store.execute("UPDATE meta SET value = '2' WHERE key = 'merge_rule'")
    return groups, events


@pytest.fixture
def old_rule_db(fixture_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "old-rule.db"
    shutil.copy(fixture_db, db)
    return db


async def test_the_browser_regroups_an_older_rules_chronicle_and_shows_it_anew(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups, events = as_an_older_rule_left_it(old_rule_db)
    monkeypatch.setattr(regroup_on_open, "STEP_SECONDS", 0)  # a step per document
    shown: list[int] = []
    monkeypatch.setattr(RegroupScreen, "advance", lambda screen, done: shown.append(done))
    with Store(old_rule_db) as store:
        stale = store.mentions_to_regroup()
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert not isinstance(app.screen, RegroupScreen)
            assert shown == sorted(shown) and shown[0] > 0 and shown[-1] < stale
            said = [n.message for n in app._notifications]
            assert any(m.startswith("Regrouped:") for m in said)
            assert store.mentions_to_regroup() == 0
            assert store.execute(GROUPS) == groups
            ids, _ = Searcher(store).ids("")
            assert list(app.screen.query_one(Timeline).ids) == ids
            assert store.counts()["events"] == events


async def test_q_while_regrouping_quits_and_keeps_the_steps_done(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_older_rule_left_it(old_rule_db)
    monkeypatch.setattr(regroup_on_open, "STEP_SECONDS", 0)
    stepped = threading.Event()
    real = Store.regroup_step

    def slow_step(store: Store, seconds: float) -> bool:
        done = real(store, seconds)
        stepped.set()
        time.sleep(0.2)  # a step of a large chronicle
        return done

    monkeypatch.setattr(Store, "regroup_step", slow_step)
    with Store(old_rule_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            while not stepped.is_set():
                await asyncio.sleep(0.01)
            assert isinstance(app.screen, RegroupScreen)
            await pilot.press("q")
            assert app._exit  # quitting, not waiting for the regroup
        assert store.regroup_waiting() > 0


def test_a_stopped_regroup_keeps_its_steps_and_goes_on_from_them(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups, _ = as_an_older_rule_left_it(old_rule_db)
    monkeypatch.setattr(regroup_on_open, "STEP_SECONDS", 0)
    with Store(old_rule_db) as store:
        stale = store.mentions_to_regroup()
        shown: list[int] = []
        assert not regroup_in_steps(store, lambda: True, shown.append)  # stopped after one
        assert shown == [] and 0 < store.regroup_waiting() < stale
        assert regroup_in_steps(store, lambda: False, shown.append)
        assert shown == sorted(shown) and store.regroup_waiting() == 0
        assert store.execute(GROUPS) == groups and store.check() == []


async def test_a_read_only_chronicle_is_not_regrouped_but_a_half_done_one_says_so(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_older_rule_left_it(old_rule_db)
    with Store(old_rule_db) as store:
        stale = store.mentions_to_regroup()
        merged = store.execute(GROUPS)
    with Store(old_rule_db, readonly=True) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert not any("regroup" in n.message for n in app._notifications)
            assert store.mentions_to_regroup() == stale
            assert store.execute(GROUPS) == merged
    with Store(old_rule_db) as store:
        assert not store.regroup_step(0)  # stopped after one document
        waiting = store.regroup_waiting()
    with Store(old_rule_db, readonly=True) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            said = [n.message for n in app._notifications]
            assert f"half regrouped under a new merge rule: {waiting:,} stored dates" in said[-1]


def gated_regroup(monkeypatch: pytest.MonkeyPatch, method: str) -> threading.Event:
    """Hold `Store.method` back, in the regroup's worker, until the returned event is
    set; a step regroups one document."""
    monkeypatch.setattr(regroup_on_open, "STEP_SECONDS", 0)
    go = threading.Event()
    real = getattr(Store, method)

    def held(store: Store, *args: object) -> object:
        assert go.wait(timeout=30)
        return real(store, *args)

    monkeypatch.setattr(Store, method, held)
    return go


async def test_a_prompt_open_when_the_regroup_begins_is_closed_unanswered(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_older_rule_left_it(old_rule_db)
    go = gated_regroup(monkeypatch, "mentions_to_regroup")  # the regroup has not begun
    with Store(old_rule_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            while app.screen.query_one(Timeline).current_id is None:
                await asyncio.sleep(0.01)
            # The key's action (a key would wait for every worker, the held regroup too).
            app.screen.action_tag()  # `t`: a prompt over the chronicle
            while isinstance(app.screen, MainScreen):
                await asyncio.sleep(0.01)
            prompt = app.screen
            go.set()
            await settle(pilot)
            assert isinstance(app.screen, MainScreen) and prompt not in app.screen_stack
        assert store.execute("SELECT count(*) FROM annotations") == [(0,)]
        assert store.mentions_to_regroup() == 0


async def test_the_regroup_screen_goes_whatever_was_opened_over_it(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_an_older_rule_left_it(old_rule_db)
    go = gated_regroup(monkeypatch, "regroup_step")  # its screen is up, no step done yet
    with Store(old_rule_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            while not isinstance(app.screen, RegroupScreen):
                await asyncio.sleep(0.01)
            app.action_command_palette()  # ctrl+p's action (a key waits for the held worker)
            while isinstance(app.screen, RegroupScreen):
                await asyncio.sleep(0.01)
            go.set()
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert store.mentions_to_regroup() == 0


@pytest.mark.parametrize("failure", [StoreError("database is locked"), ValueError("bad JSON")])
async def test_a_regroup_that_fails_is_said_and_the_results_are_read_again(
    old_rule_db: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    as_an_older_rule_left_it(old_rule_db)
    monkeypatch.setattr(regroup_on_open, "STEP_SECONDS", 0)
    real = Store.regroup_step
    steps = iter(range(100))

    def failing(store: Store, seconds: float) -> bool:
        if next(steps) == 2:
            raise failure
        return real(store, seconds)

    monkeypatch.setattr(Store, "regroup_step", failing)
    with Store(old_rule_db) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert str(failure) in list(app._notifications)[-1].message
            assert store.regroup_waiting() > 0  # two steps kept
            ids, _ = Searcher(store).ids("")
            assert list(app.screen.query_one(Timeline).ids) == ids
