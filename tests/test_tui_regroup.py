"""A chronicle an older merge rule grouped is regrouped in the background when the
browser opens it: the analyst is told, searches still answer, the events come out
as this rule makes them, and a read-only chronicle is left as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from tests.pilot import settle

SIZE = (100, 30)
GROUPS = "SELECT group_concat(key) FROM mentions GROUP BY event_id ORDER BY 1"


def as_an_older_rule_left_it(db: Path) -> tuple[list, int]:
    """The fixture store with two events grouped as one and an older rule's mark;
    returns the groups this rule makes and how many events there are."""
    with Store(db) as store:
        groups, events = store.execute(GROUPS), store.counts()["events"]
        (first, second) = store.execute("SELECT id FROM events ORDER BY id LIMIT 2")
        store.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [first[0], second[0]])
        store.execute("DELETE FROM events WHERE id = ?", [second[0]])
        store.execute("UPDATE meta SET value = '2' WHERE key = 'merge_rule'")
    return groups, events


async def test_the_browser_regroups_an_older_rules_chronicle_and_shows_it_anew(
    fixture_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old-rule.db"
    shutil.copy(fixture_db, db)
    groups, events = as_an_older_rule_left_it(db)
    with Store(db) as store:
        stale = store.mentions_to_regroup()
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            said = [n.message for n in app._notifications]
            assert any(f"regrouping the {stale:,} stored dates" in m for m in said)
            assert any(m.startswith("Regrouped:") for m in said)
            assert store.mentions_to_regroup() == 0
            assert store.execute(GROUPS) == groups
            shown, _ = Searcher(store).ids("")
            assert list(app.screen.query_one(Timeline).ids) == shown
            assert store.counts()["events"] == events


async def test_a_read_only_chronicle_is_not_regrouped(fixture_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "old-rule.db"
    shutil.copy(fixture_db, db)
    as_an_older_rule_left_it(db)
    with Store(db) as store:
        stale = store.mentions_to_regroup()
        merged = store.execute(GROUPS)
    with Store(db, readonly=True) as store:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert not any("regroup" in n.message for n in app._notifications)
            assert store.mentions_to_regroup() == stale
            assert store.execute(GROUPS) == merged
