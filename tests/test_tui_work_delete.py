"""Deleting an event added by hand from the browser (palette "Delete event added by hand"):
offered only on such an event, asked first by name, removed through the store as
`chronicle remove manual:<id>` is; its annotation kept unattached and the user told; an
event other sources report too keeps them and only loses the hand-made one."""

from __future__ import annotations

from datetime import date

from chronicle.manual import manual_event
from chronicle.store import Store
from chronicle.tui import Timeline, make_app
from chronicle.tui.delete_by_hand import ConfirmDeleteScreen
from tests.pilot import settle

SIZE = (80, 24)
DELETE = "Delete event added by hand"


def add_by_hand(store: Store, headline: str) -> tuple[int, str]:
    """Store an event added by hand; its id and its document's path."""
    doc, content_hash, mentions = manual_event(date(2018, 1, 5), None, "day", headline)
    store.add_document(doc, content_hash, mentions)
    event_id = store.event_holding([mentions[0].key])
    assert event_id is not None
    return event_id, doc.path


def palette_titles(app) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_an_event_added_by_hand_is_deleted_after_a_confirmation_naming_it(app_store):
    event_id, path = add_by_hand(app_store, "Envoys [b]meet[/b] in Oslo")
    app_store.annotate(event_id, starred=True, note="from the Oslo desk")
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main, timeline = app.screen, app.screen.query_one(Timeline)
        assert DELETE not in palette_titles(app)  # the first event is the documents'
        assert timeline.move_to_id(event_id)
        await settle(pilot)
        assert DELETE in palette_titles(app)
        rows = len(timeline.ids)

        main.delete_by_hand()  # what the palette's command calls
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDeleteScreen)
        question = str(app.screen.query_one("#delete-question").render())
        assert "2018-01-05 “Envoys [b]meet[/b] in Oslo”" in question  # named, as text
        await pilot.press("n")  # keeps it
        await settle(pilot)
        assert app.screen is main and app_store.hash_for_path(path)

        main.delete_by_hand()
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is main
        assert app_store.hash_for_path(path) is None and app_store.event(event_id) is None
        assert len(timeline.ids) == rows - 1 and event_id not in timeline.ids
        [kept] = app_store.unattached_annotations()
        assert kept.starred and kept.note == "from the Oslo desk"
        assert any("chronicle annotations" in n for n in notices(app))


async def test_a_documents_event_is_never_deleted_and_a_joined_one_keeps_its_sources(
    app_store,
):
    other = app_store.event(app_store.events_by_ids(range(1, 400))[3].id)
    event_id, path = add_by_hand(app_store, "Envoys meet in Oslo")
    joined = app_store.join_events(other.id, event_id)
    app = make_app(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main, timeline = app.screen, app.screen.query_one(Timeline)
        main.delete_by_hand()  # on the first event, the documents' own
        await settle(pilot)
        assert app.screen is main and any("chronicle remove" in n for n in notices(app))

        assert timeline.move_to_id(joined)
        await settle(pilot)
        assert DELETE in palette_titles(app)
        main.delete_by_hand()
        await settle(pilot)
        question = str(app.screen.query_one("#delete-question").render())
        assert "only your hand-made one goes, the event stays" in question
        await pilot.press("y")
        await settle(pilot)
        assert app_store.hash_for_path(path) is None
        kept = app_store.event(timeline.current_id)
        assert [s.document for s in kept.sources] == [s.document for s in other.sources]
        assert DELETE not in palette_titles(app)  # no + on it any more


async def test_the_hand_mark_follows_a_join_and_its_undo(app_store):
    """A decision rebuilds events (new ids) by our own write, which leaves SQLite's
    data_version as it was: the marks are listed again after each decision."""
    other = app_store.event(app_store.events_by_ids(range(1, 400))[3].id)
    event_id, path = add_by_hand(app_store, "Envoys meet in Oslo")
    app = make_app(app_store)

    [(key,)] = app_store.execute(
        "SELECT m.key FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.path = ?",
        [path],
    )

    def holding_it() -> int:
        held = app_store.event_holding([key])
        assert held is not None and held in timeline.ids
        return held

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main, timeline = app.screen, app.screen.query_one(Timeline)
        assert timeline.move_to_id(other.id)
        main.mark_for_joining()
        assert timeline.move_to_id(event_id)
        await settle(pilot)
        main.join_with_marked()
        await settle(pilot)
        assert timeline.is_by_hand(holding_it())
        main.undo_last_decision()
        await settle(pilot)
        alone = holding_it()
        assert timeline.is_by_hand(alone) and not timeline.is_by_hand(other.id)
        assert timeline.move_to_id(alone)
        await settle(pilot)
        assert DELETE in palette_titles(app)
