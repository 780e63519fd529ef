"""The analyst overrules the merge in the real app: `x` splits a source off, the palette
joins two events and undoes the newest decision; the store keeps each decision."""

from __future__ import annotations

from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from chronicle.tui.decision_actions import ONE_SOURCE, SplitScreen
from tests.pilot import settle

SIZE = (100, 30)


def event_of_two_documents(store: Store) -> int:
    for (event_id,) in store.execute("SELECT id FROM events WHERE source_count > 1 ORDER BY id"):
        if len({s.document for s in store.event(event_id).sources}) == 2:
            return event_id
    raise AssertionError("the fixtures hold no event told by two documents")


async def go_to(app, pilot, event_id: int) -> None:
    assert app.screen.query_one(Timeline).move_to_id(event_id)
    await settle(pilot)


async def test_x_splits_the_chosen_source_off_and_undo_merges_it_back(app_store: Store) -> None:
    event_id = event_of_two_documents(app_store)
    before = app_store.event(event_id)
    events_before = app_store.counts()["events"]
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(app, pilot, event_id)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, SplitScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        split_key = before.sources[1].key
        apart = app_store.event_holding([split_key])
        kept = app_store.event_holding([before.sources[0].key])
        assert apart != kept
        assert app_store.counts()["events"] == events_before + 1
        [decision] = app_store.decisions()
        assert decision.kind == "split" and decision.mention_key == split_key

        await pilot.press("ctrl+p", *"undo last split", "enter")
        await settle(pilot)
        assert app_store.decisions() == []
        assert app_store.event_holding([split_key]) == app_store.event_holding(
            [before.sources[0].key]
        )
        assert app_store.counts()["events"] == events_before
        assert app_store.check() == []


async def test_x_on_an_event_of_one_source_says_there_is_nothing_to_split(
    app_store: Store,
) -> None:
    [(event_id,)] = app_store.execute(
        "SELECT id FROM events WHERE source_count = 1 AND type != 'citation' ORDER BY id LIMIT 1"
    )
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(app, pilot, event_id)
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, SplitScreen)
        assert any(ONE_SOURCE in str(n.message) for n in app._notifications)
        assert app_store.decisions() == []


async def test_the_palette_joins_the_marked_event_with_the_highlighted_one(
    app_store: Store,
) -> None:
    first, second = (
        r[0]
        for r in app_store.execute(
            "SELECT id FROM events WHERE type != 'citation' AND date_start IS NOT NULL "
            "ORDER BY date_start, id LIMIT 2"
        )
    )
    keys = [app_store.event(first).key, app_store.event(second).key]
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to(app, pilot, first)
        await pilot.press("ctrl+p", *"mark for joining", "enter")
        await settle(pilot)
        await go_to(app, pilot, second)
        await pilot.press("ctrl+p", *"join with marked", "enter")
        await settle(pilot)
        joined = app_store.event_holding([keys[0]])
        assert joined == app_store.event_holding([keys[1]])
        assert app.screen.query_one(Timeline).current_id == joined
        [decision] = app_store.decisions()
        assert decision.kind == "join"
        assert app_store.check() == []


async def test_a_source_sentence_with_markup_is_listed_as_text(tmp_path) -> None:
    from chronicle.library import ingest_paths

    folder = tmp_path / "docs"
    folder.mkdir()
    for name, paper in (("a.txt", "The Daily [/] Record"), ("b.txt", "The [bold red]Post")):
        (folder / name).write_text(
            f"{paper}\n\nMarch 3, 2019\n\nOn 2 March 2019 Foreign Minister Taro Kono met "
            "Shah Mahmood Qureshi [/] in Tokyo [bold red]to discuss trade.\n",
            encoding="utf-8",
        )
    with Store(tmp_path / "hostile.db") as store:
        ingest_paths(store, [folder])
        event_id = event_of_two_documents(store)
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await go_to(app, pilot, event_id)
            await pilot.press("x")
            await settle(pilot)
            assert isinstance(app.screen, SplitScreen)
            from textual.widgets import OptionList

            options = app.screen.query_one(OptionList)
            shown = [str(options.get_option_at_index(i).prompt) for i in range(2)]
            assert all("[/]" in line and "[bold red]" in line for line in shown)
