"""The analyst's keys in the real app on a real store: `s` star, `t` tags, `a` note, `y`
citation; the timeline's two mark cells, and the analyst's lines under the detail
pane's date, corrections beside the machine's values. Notes and tags are data: markup and controls show as text.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.widgets import Input

from chronicle.citation import cite_event
from chronicle.date_notation import date_label
from chronicle.model import Annotation, Event
from chronicle.store import Store
from chronicle.tui import EventDetail, Timeline, make_app
from chronicle.tui.annotate import UNSAVED, NoteArea, NoteScreen, TagScreen, parse_tags
from chronicle.tui.timeline import analyst_mark
from chronicle.visible import visible
from tests.pilot import settle

SIZE = (100, 30)


def mark(app, index: int | None = None) -> str:
    """The analyst's two mark cells of a timeline row (the cursor's by default)."""
    timeline = app.screen.query_one(Timeline)
    row = timeline.cursor if index is None else index
    return timeline.render_line(row - timeline.scroll_offset.y + 1).text[:2]


def detail_text(app) -> str:
    return app.screen.query_one(EventDetail).text


def current_id(app) -> int:
    event_id = app.screen.query_one(Timeline).current_id
    assert event_id is not None
    return event_id


def terminal_output(app) -> str:
    """Everything the app would write to the terminal to draw the current screen."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


class TestStar:
    async def test_s_stars_the_event_and_s_again_takes_the_star_away(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("j", "j")
            await settle(pilot)
            event_id, cursor = current_id(app), app.screen.query_one(Timeline).cursor
            assert mark(app) == "  " and "★ starred" not in detail_text(app)

            await pilot.press("s")
            await settle(pilot)
            assert app_store.annotation(event_id).starred is True
            assert mark(app) == "★ "
            assert detail_text(app).splitlines()[2] == "★ starred"  # under the date
            timeline = app.screen.query_one(Timeline)
            assert (timeline.current_id, timeline.cursor) == (event_id, cursor)

            await pilot.press("s")
            await settle(pilot)
            assert app_store.annotation(event_id) is None  # nothing left in it
            assert mark(app) == "  " and "★ starred" not in detail_text(app)

    async def test_two_quick_presses_toggle_twice(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            event_id = current_id(app)
            await pilot.press("s", "s", "s")
            await settle(pilot)
            assert app_store.annotation(event_id).starred is True
            assert mark(app) == "★ "

    async def test_a_star_survives_restarting_the_app_on_the_same_file(self, app_store):
        path = app_store.path
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("j", "j", "j", "s")
            await settle(pilot)
            starred = current_id(app)
        app_store.close()
        with Store(path) as reopened:
            app = make_app(reopened)
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                timeline = app.screen.query_one(Timeline)
                assert timeline.move_to_id(starred)
                await settle(pilot)
                assert mark(app) == "★ "
                assert "★ starred" in detail_text(app)
                others = [mark(app, i) for i in range(8) if timeline.ids[i] != starred]
                assert set(others) == {"  "}

    async def test_an_event_gone_from_the_store_is_a_one_line_notice(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            gone = max(app.screen.query_one(Timeline).ids) + 1000
            app.screen.query_one(Timeline).show([gone])
            await settle(pilot)
            await pilot.press("s")
            await settle(pilot)
            notices = [n.message for n in app._notifications]
            assert notices[-1] == f"event {gone} is no longer in {app_store.path}"
            assert "\n" not in notices[-1]
            assert app_store.all_annotations() == []


class TestTags:
    async def test_t_completes_from_tags_in_use_and_saves_several(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            app_store.annotate(timeline.ids[5], tags=["border talks", "trade"])
            app_store.annotate(timeline.ids[6], tags=["border talks"])
            await pilot.press("j")
            await settle(pilot)
            event_id = current_id(app)

            await pilot.press("t")
            await settle(pilot)
            assert isinstance(app.screen, TagScreen)
            field = app.screen.query_one(Input)
            assert field.value == ""
            await pilot.press("B", "o")
            await settle(pilot)
            assert field._suggestion == "Border talks"  # the most used tag, as typed so far
            await pilot.press("right", *", tr", "right", "enter")
            await settle(pilot)

            assert not isinstance(app.screen, TagScreen)
            assert app_store.annotation(event_id).tags == ("Border talks", "trade")
            assert "tags: Border talks, trade" in detail_text(app)
            assert mark(app) == "• "
            assert current_id(app) == event_id

    async def test_the_prompt_shows_the_current_tags_and_an_empty_line_removes_them(
        self, app_store
    ):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            event_id = current_id(app)
            app_store.annotate(event_id, tags=["visit", "japan"])
            await pilot.press("t")
            await settle(pilot)
            field = app.screen.query_one(Input)
            assert field.value == "japan, visit"
            await pilot.press(*", talks")  # typed after them, not over them
            assert field.value == "japan, visit, talks"
            await pilot.press("escape")  # cancels: nothing written
            await settle(pilot)
            assert app_store.annotation(event_id).tags == ("japan", "visit")

            await pilot.press("t")
            await settle(pilot)
            app.screen.query_one(Input).value = ""
            await pilot.press("enter")
            await settle(pilot)
            assert app_store.annotation(event_id) is None
            assert "tags:" not in detail_text(app)

    async def test_a_tag_already_typed_is_not_suggested_again(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            app_store.annotate(timeline.ids[3], tags=["border", "borders"])
            await pilot.press("t")
            await settle(pilot)
            await pilot.press(*"border, bor")
            await settle(pilot)
            assert app.screen.query_one(Input)._suggestion == "border, borders"


def test_tags_are_split_on_commas_without_blanks_or_repeats():
    assert parse_tags(" visit , ,japan,visit,  ") == ["visit", "japan"]
    assert parse_tags("") == []


class TestNote:
    async def test_a_saves_a_note_of_several_lines(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
            event_id = current_id(app)
            await pilot.press("a")
            await settle(pilot)
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*"Check the date", "enter", *"against the minutes")
            await pilot.press("ctrl+s")
            await settle(pilot)

            assert not isinstance(app.screen, NoteScreen)
            assert app_store.annotation(event_id).note == "Check the date\nagainst the minutes"
            lines = detail_text(app).splitlines()
            # right under the date line: the first lines of a note show under the timeline
            assert lines[2:4] == ["note: Check the date", "      against the minutes"]
            assert mark(app) == "• "

    async def test_the_editor_opens_on_the_note_and_the_save_button_keeps_the_edit(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            event_id = current_id(app)
            app_store.annotate(event_id, note="first")
            await pilot.press("a")
            await settle(pilot)
            assert app.screen.query_one(NoteArea).text == "first"
            await pilot.press(*" and second")
            await pilot.click("#note-save")
            await settle(pilot)
            assert app_store.annotation(event_id).note == "first and second"

    async def test_esc_leaves_an_unchanged_note_at_once_and_a_changed_one_on_the_second(
        self, app_store
    ):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            event_id = current_id(app)
            app_store.annotate(event_id, note="kept")
            await pilot.press("a")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, NoteScreen)

            await pilot.press("a")
            await settle(pilot)
            await pilot.press(*" lost")
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, NoteScreen)  # asked first
            assert str(app.screen.query_one("#note-prompt").content) == UNSAVED
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, NoteScreen)
            assert app_store.annotation(event_id).note == "kept"


class TestMarksAndDetail:
    async def test_each_kind_of_work_has_its_mark_in_the_timeline(self, app_store):
        ids = [e.id for e in app_store.events_by_ids(range(1, 400))][:6]
        starred, corrected, noted, tagged, both = ids[:5]
        app_store.annotate(starred, starred=True)
        app_store.annotate(corrected, correction={"type": "visit"})
        app_store.annotate(noted, note="see the annex")
        app_store.annotate(tagged, tags=["annex"])
        app_store.annotate(both, starred=True, correction={"type": "visit"})
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            marks = {}
            for event_id in ids:
                assert timeline.move_to_id(event_id)
                await settle(pilot)
                marks[event_id] = mark(app)
            assert marks == {
                starred: "★ ",
                corrected: "✎ ",
                noted: "• ",
                tagged: "• ",
                both: "★✎",
                ids[5]: "  ",
            }

    async def test_an_event_added_by_hand_is_marked_when_the_app_starts(self, app_store):
        from datetime import date

        from chronicle.manual import manual_event

        doc, content_hash, mentions = manual_event(date(2018, 1, 4), None, "day", "Envoys meet")
        app_store.add_document(doc, content_hash, mentions)
        added = app_store.event_holding([mentions[0].key])
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            assert timeline.move_to_id(added)
            await settle(pilot)
            assert mark(app) == "+ "
            assert "+ added by hand" in detail_text(app).splitlines()[2]
            app_store.annotate(added, starred=True)
            await pilot.press("s", "s")  # off and on again: the star goes before the +
            await settle(pilot)
            assert mark(app) == "★+"
            assert detail_text(app).splitlines()[2] == "★ starred  ·  + added by hand"
            assert {mark(app, i) for i in range(5) if timeline.ids[i] != added} == {"  "}

    async def test_a_correction_shows_beside_the_machines_value(self, app_store):
        event = next(e for e in app_store.events_by_ids(range(1, 400)) if e.precision == "range")
        machine = visible(event.headline)
        app_store.annotate(
            event.id,
            correction={
                "date_start": "2011-02-23",
                "date_end": "2011-02-23",
                "precision": "day",
                "headline": "Talks in Tokyo",
            },
        )
        machine_date = date_label(event.date_start, event.date_end, event.precision)
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            assert timeline.move_to_id(event.id)
            await settle(pilot)
            lines = detail_text(app).splitlines()
            assert lines[0] == "Talks in Tokyo"
            assert lines[2:4] == [  # under the date line
                f"date: 2011-02-23 (yours) · machine: {machine_date}",
                f"headline: Talks in Tokyo (yours) · machine: {machine}",
            ]
            assert mark(app) == "✎ "

    async def test_markup_and_controls_in_a_note_and_tags_show_as_text(self, app_store):
        event_id = app_store.events_by_ids(range(1, 400))[0].id
        app_store.annotate(
            event_id,
            note="[red]x[/] and [link=file:///etc]y[/link]\x1b[2J\x07 \u202eevil",
            tags=["[b]t[/b]", "ok\x1b]0;owned\x07"],
        )
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(Timeline)
            assert timeline.move_to_id(event_id)
            await settle(pilot)
            text = detail_text(app)
            lines = text.splitlines()
            assert lines[2] == "tags: [b]t[/b], ok\\x1b]0;owned\\x07"
            assert (
                lines[3]
                == "note: [red]x[/] and [link=file:///etc]y[/link]\\x1b[2J\\x07 \\u202eevil"
            )
            screen = terminal_output(app)
            for raw in ("\x1b[2J", "\x07", "\u202e", "\x1b]0;"):
                assert raw not in screen

            await pilot.press("a")
            await settle(pilot)
            shown = app.screen.query_one(NoteArea).text
            assert shown == "[red]x[/] and [link=file:///etc]y[/link]\\x1b[2J\\x07 \\u202eevil"
            for raw in ("\x1b[2J", "\x07", "\u202e"):
                assert raw not in terminal_output(app)
            await pilot.press("escape")  # unchanged: nothing written, the note keeps its bytes
            await settle(pilot)
            assert app_store.annotation(event_id).note.startswith("[red]x[/]")
            assert "\x1b[2J" in app_store.annotation(event_id).note

    async def test_a_pasted_control_never_reaches_the_note(self, app_store):
        from textual import events

        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            event_id = current_id(app)
            await pilot.press("a")
            await settle(pilot)
            # as the terminal's driver hands a paste to the app, which gives it to the focus
            app.post_message(events.Paste("line one\x1b[31m\nline\u202e two\x07"))
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app_store.annotation(event_id).note == "line one\nline two"


def test_the_marks_show_the_first_two_kinds_of_work_that_apply():
    plain = Event(
        id=1,
        key="k",
        date_start=None,
        date_end=None,
        precision="day",
        type="x",
        headline="h",
        text="",
    )

    def with_(**fields) -> Event:
        return dataclasses.replace(plain, annotation=Annotation(id=1, **fields))

    assert analyst_mark(plain) == "  "
    assert analyst_mark(plain, by_hand=True) == "+ "
    assert analyst_mark(with_(tags=("a",))) == "• "
    assert analyst_mark(with_(note="  ")) == "  "
    assert analyst_mark(with_(note="n"), by_hand=True) == "+•"
    assert analyst_mark(with_(starred=True, note="n")) == "★•"
    assert analyst_mark(with_(correction={"type": "visit"}), by_hand=True) == "✎+"
    assert analyst_mark(with_(starred=True, correction={"type": "visit"})) == "★✎"
    everything = with_(starred=True, correction={"type": "visit"}, note="n", tags=("a",))
    assert analyst_mark(everything, by_hand=True) == "★✎"  # the detail pane says the rest


class TestCopy:
    async def test_y_copies_the_event_with_its_citation(self, app_store):
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("j", "j", "j")
            await settle(pilot)
            event = app_store.event(current_id(app))
            await pilot.press("y")
            await settle(pilot)
            assert app.clipboard == visible(cite_event(event))
            assert app.clipboard.startswith(
                f"{cite_event(event).split(':')[0]}: {event.headline[:20]}"
            )
            assert event.sources[0].document in app.clipboard or event.sources[0].url


def test_the_help_names_the_keys_and_the_citation_style():
    from chronicle.citation import CITATION_STYLE

    help_text = (Path(__file__).parent.parent / "chronicle/tui/help.md").read_text()
    for key in ("`s`", "`t`", "`a`", "`e`", "`A`", "`ctrl+s` in the search bar", "`★`", "`✎`"):
        assert key in help_text
    assert "Short Chicago-like note" in CITATION_STYLE and "Chicago-like" in help_text


class TestCorrectAndAdd:
    async def test_e_corrects_the_event_and_the_detail_shows_the_machines_value(self, app_store):
        from chronicle.tui.correct_form import CorrectionScreen

        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("j", "j", "j")
            await settle(pilot)
            event_id = current_id(app)
            before = app_store.event(event_id)
            machine = date_label(before.date_start, before.date_end, before.precision)
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, CorrectionScreen)
            app.screen.query_one("#correct-date", Input).value = "2011-02-23"
            await pilot.press("ctrl+s")
            await settle(pilot)

            assert not isinstance(app.screen, CorrectionScreen)
            note = app_store.annotation(event_id)
            assert note.correction["date_start"] == "2011-02-23"
            assert note.machine["date_start"] == before.date_start
            assert f"date: 2011-02-23 (yours) · machine: {machine}" in detail_text(app).split("\n")
            assert mark(app) == "✎ " and current_id(app) == event_id

    async def test_A_adds_an_event_and_the_cursor_goes_to_it_past_the_search(self, app_store):
        from chronicle.tui import SearchBar
        from chronicle.tui.manual_form import ManualEventScreen

        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"koizumi", "enter")
            await settle(pilot)
            found = len(app.screen.query_one(Timeline).ids)
            assert found >= 1
            await pilot.press("A")
            await settle(pilot)
            assert isinstance(app.screen, ManualEventScreen)
            app.screen.query_one("#manual-date", Input).value = "2018-01-04"
            app.screen.query_one("#manual-headline", Input).value = "Envoys meet in Lahore"
            await pilot.press("ctrl+s")
            await settle(pilot)
            await settle(pilot)

            assert not isinstance(app.screen, ManualEventScreen)
            event_id = current_id(app)
            assert app_store.event(event_id).headline == "Envoys meet in Lahore"
            assert app.screen.query_one(SearchBar).value == ""  # the search left it out
            assert len(app.screen.query_one(Timeline).ids) > found
            assert mark(app) == "+ "
            assert detail_text(app).startswith("Envoys meet in Lahore")
