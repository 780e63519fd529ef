"""The real app, driven by Textual's Pilot on a temporary copy of the fixture database."""

from __future__ import annotations

from chronicle.store import Store
from chronicle.tui import EventDetail, SearchBar, Timeline, make_app
from chronicle.tui.help_screen import HELP_TEXT, HelpScreen
from chronicle.tui.main_screen import MainScreen
from tests.pilot import settle, typing_paused

SIZE = (100, 30)


class TestBrowsing:
    async def test_opens_on_every_event_in_date_order(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            assert (
                len(timeline.ids)
                == app_store.execute("SELECT count(*) FROM events WHERE type != 'citation'")[0][0]
            )
            first = app_store.events_by_ids(timeline.ids[:1])[0]
            assert first.date_start == min(
                r[0]
                for r in app_store.execute(
                    "SELECT date_start FROM events WHERE date_start IS NOT NULL"
                )
            )

    async def test_search_then_move_shows_the_selected_event(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"Kono", "enter")
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            assert timeline.has_focus
            assert len(timeline.ids) >= 2
            marked = [t for runs in timeline._marks.values() for t, hit in runs if hit]
            assert marked and {t.lower() for t in marked} == {"kono"}
            detail = app.screen.query_one(EventDetail)
            first = app_store.event(timeline.ids[0])
            assert first.headline in detail.text
            await pilot.press("j")
            await settle(pilot)
            second = app_store.event(timeline.ids[1])
            assert timeline.cursor == 1
            assert second.headline in detail.text and "Kono" in detail.text
            await pilot.press("G")
            await settle(pilot)
            assert timeline.cursor == len(timeline.ids) - 1
            await pilot.press("g")
            await settle(pilot)
            assert timeline.cursor == 0

    async def test_query_hints_show_while_typing(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            hints = app.screen.query_one("#hints")
            assert not hints.display
            await pilot.press("slash", *"before:2019-13 kono")
            await typing_paused(pilot)  # the debounce, without pressing Enter
            assert hints.display
            assert "not a date" in str(hints.render())
            await pilot.press("escape")
            await settle(pilot)
            assert not hints.display

    async def test_escape_clears_the_search(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            everything = len(app.screen.query_one(Timeline).ids)
            await pilot.press("slash", *"Zardari")
            await typing_paused(pilot)
            assert len(app.screen.query_one(Timeline).ids) < everything
            await pilot.press("escape")
            await typing_paused(pilot)
            assert app.screen.query_one(SearchBar).value == ""
            assert len(app.screen.query_one(Timeline).ids) == everything

    async def test_detail_lists_every_source_of_a_merged_event(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *'"diplomatic relations" in:1952', "enter")
            await settle(pilot)
            text = app.screen.query_one(EventDetail).text
            assert "Sources (2)" in text
            assert "28 April 1952" in text and "28th April 1952" in text

    async def test_detail_keeps_the_time_of_day_the_source_gave(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"kono asif in:2018-01-04", "enter")
            await settle(pilot)
            text = app.screen.query_one(EventDetail).text
            assert "time: from 11:38 a.m. (local time)" in text

    async def test_document_text_is_never_markup(self, tmp_path):
        doc = tmp_path / "evil.txt"
        doc.write_text(
            "Evil\n\nOn 4 January 2018 [bold red]Kono[/] met \x1b[31mAsif\x1b[0m in Islamabad.\n"
        )
        from chronicle.library import ingest_paths

        with Store(tmp_path / "e.db") as store:
            ingest_paths(store, [doc])
            app = make_app(store)
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                text = app.screen.query_one(EventDetail).text
                assert "[bold red]Kono[/]" in text
                assert "\x1b" not in text


class TestKeys:
    async def test_help_scrolls_with_the_timelines_movement_keys(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
            body = app.screen.query_one("#help-body")
            await pilot.press("j", "j", "j")
            await settle(pilot)
            assert body.scroll_y == 3
            await pilot.press("k")
            await settle(pilot)
            assert body.scroll_y == 2
            await pilot.press("G")
            await settle(pilot)
            assert body.scroll_y == body.max_scroll_y > 3
            await pilot.press("g")
            await settle(pilot)
            assert body.scroll_y == 0

    async def test_help_lists_the_bindings_and_closes(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            shown = HELP_TEXT.lower()
            spelled = {"slash": "/", "colon": ":", "question_mark": "?", "pagedown": "pgdn"}
            spelled |= {"pageup": "pgup", "down": "↓", "up": "↑", "escape": "esc"}
            spelled |= {"equals_sign": "="}
            declared = [
                key
                for widget in (type(app), MainScreen, Timeline, SearchBar)
                for binding in widget.BINDINGS
                for key in binding.key.split(",")
            ]
            for key in declared:
                assert f"`{spelled.get(key, key)}`".lower() in shown, key
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, HelpScreen)

    async def test_tab_moves_between_panes_and_q_quits(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.screen.query_one(Timeline).has_focus
            await pilot.press("tab")
            assert app.screen.query_one(EventDetail).has_focus
            await pilot.press("q")
        assert app.return_code == 0

    async def test_colon_goes_to_the_first_event_on_or_after_a_date(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("colon", *"2011", "enter")
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            current = app_store.event(timeline.current_id)
            before = app_store.events_by_ids(timeline.ids[: timeline.cursor])
            assert current.date_start >= "2011-01-01"
            assert all(e.date_start < "2011-01-01" for e in before)


class TestEdges:
    async def test_going_past_the_last_date_stays_put_and_says_so(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            await pilot.press("j", "j")
            await settle(pilot)
            await pilot.press("colon", *"2090", "enter")
            await settle(pilot)
            assert timeline.cursor == 2
            assert any("No dated event" in n.message for n in app._notifications)

    async def test_an_empty_chronicle_explains_how_to_add_documents(self, tmp_path):
        with Store(tmp_path / "empty.db") as store:
            app = make_app(store)
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                assert "chronicle ingest" in app.screen.query_one(EventDetail).text

    async def test_at_80_columns_the_footer_still_shows_quit_and_help(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            strips = app.screen._compositor.render_strips()
            footer = "".join(segment.text for segment in strips[-1])
            for key in ("/ Search", "c Context", "o Source", "= Compare", "q Quit", "? Help"):
                assert key in footer, footer

    async def test_at_80_columns_headlines_keep_room(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            line = "".join(seg.text for seg in timeline.render_line(2))  # under the header
            event = timeline.row(1)
            assert event.headline[:16] in line

    async def test_the_command_palette_offers_chronicles_actions(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+p", *"show citations")
            await settle(pilot)  # the palette's search for commands
            await pilot.press("enter")
            await typing_paused(pilot)  # the command puts the query in the search bar
            timeline = app.screen.query_one(Timeline)
            cited = app_store.events_by_ids(timeline.ids)
            assert cited and all(e.type == "citation" for e in cited)

    async def test_rows_loaded_for_an_older_result_are_dropped(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            stale = timeline.generation
            await pilot.press("slash", *"pakistan", "enter")
            await settle(pilot)
            first = timeline.ids[0]
            fake = [("STALE", True)]
            timeline.add_rows(app_store.events_by_ids([first]), {first: fake}, stale)
            assert timeline._marks.get(first) != fake

    async def test_go_to_date_refuses_results_not_in_date_order(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"sort:-date", "enter")
            await settle(pilot)
            before = app.screen.query_one(Timeline).cursor
            await pilot.press("colon", *"2011", "enter")
            await settle(pilot)
            assert app.screen.query_one(Timeline).cursor == before
            assert any("date order" in n.message for n in app._notifications)


def test_detail_marks_every_form_of_a_stemmed_term():
    from chronicle.tui.detail import highlighted

    text = highlighted("Kono visited Islamabad. Revisit the visit. [bold]x[/]", ["visits", "bold"])
    assert [text.plain[s.start : s.end] for s in text.spans] == ["visited", "visit", "bold"]
    assert "[bold]x[/]" in text.plain  # document text stays text


def test_detail_says_each_sources_document_date_and_how_it_was_found():
    from chronicle.model import Event, Source
    from chronicle.tui.detail import describe_event

    source = Source(
        document="/briefs/oslo.txt",
        title="Talks in Oslo",
        publisher="",
        date_text="14 March 2019",
        text="The ministers met in Oslo on 14 March 2019.",
        document_date="2019-03-15",
        document_date_source="byline",
    )
    undated = Source(
        document="/briefs/notes.txt", title="Notes", publisher="", date_text="", text="x"
    )
    event = Event(
        1,
        "k",
        "2019-03-14",
        "2019-03-14",
        "day",
        "meeting",
        "Talks",
        "t",
        sources=(source, undated),
    )
    plain = describe_event(event).plain
    assert "document dated: 2019-03-15 (byline)" in plain
    assert plain.count("document dated:") == 1  # an undated document says nothing
