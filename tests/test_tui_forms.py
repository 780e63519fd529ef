"""The correction form (`e`) on the real app over a copy of the fixture database.

The form is pushed as the main screen pushes it, its answer given to
`Store.annotate(event_id, correction=...)` as the main screen gives it, and what
the store then returns is checked: the analyst's values shown, the documents'
kept beside them.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from textual.widgets import Input, Label

from chronicle.date_notation import date_label
from chronicle.model import Annotation, Event
from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.choice import Choice
from chronicle.tui.correct_form import CorrectionScreen, machine_values, read_correction
from chronicle.tui.date_entry import Span, parse_span
from tests.pilot import settle

SIZE = (80, 24)


def kono_meeting(store: Store) -> Event:
    """The fixtures' 2018-01-04 meeting of Kono and Asif (a day, two actors, PK and JP)."""
    ids, _ = Searcher(store).ids("kono asif type:meeting year:2018")
    [event_id] = ids
    event = store.event(event_id)
    assert event is not None and event.precision == "day"
    return event


async def open_form(pilot, event: Event, answers: list) -> CorrectionScreen:
    """Push the form as the main screen does, answers going to `answers`."""
    await settle(pilot)
    screen = CorrectionScreen(event)
    pilot.app.push_screen(screen, answers.append)
    await settle(pilot)
    return screen


async def retype(pilot, screen: CorrectionScreen, field: str, text: str) -> None:
    """Focus a field and replace its text (focus selects it all, as in the search bar)."""
    screen.query_one(f"#correct-{field}", Input).focus()
    await pilot.pause()
    if text:
        await pilot.press(*text)
    else:
        await pilot.press("backspace")


def message(screen) -> str:
    return str(screen.query_one("#correct-message", Label).render())


class TestDatesAsTheAppWritesThem:
    @pytest.mark.parametrize(
        ("start", "end", "precision"),
        [
            ("2011-02-21", "2011-02-21", "day"),
            ("2011-02-21", "2011-02-23", "range"),
            ("2011-02-21", "2011-03-02", "range"),
            ("2019-04-01", "2019-04-30", "month"),
            ("2019-04-01", "2019-06-30", "range"),
            ("2018-01-01", "2018-12-31", "year"),
            ("2011-01-01", "2013-12-31", "range"),
            ("2009-01-01", "2009-12-31", "approximate"),
            ("2016-07-01", "2017-06-30", "range"),  # 2016–17 FY
            ("2016-04-01", "2017-06-30", "approximate"),  # c. 2016–17 FY, months unknown
        ],
    )
    def test_every_label_reads_back_as_the_span_it_was_written_from(self, start, end, precision):
        label = date_label(start, end, precision)
        span = parse_span(label)
        assert span == Span(date.fromisoformat(start), date.fromisoformat(end), precision)

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [
            ("2018-01-04..2018-01-06", ("2018-01-04", "2018-01-06", "range")),
            ("  2018-01-04  ", ("2018-01-04", "2018-01-04", "day")),
            ("March 4, 2019", ("2019-03-04", "2019-03-04", "day")),
            ("January 2018", ("2018-01-01", "2018-01-31", "month")),
            ("4-6 March 2019", ("2019-03-04", "2019-03-06", "range")),
            ("undated", (None, None, "unresolved")),
        ],
    )
    def test_iso_and_what_the_go_to_date_prompt_reads(self, typed, expected):
        span = parse_span(typed)
        assert span is not None
        shown = (span.start and span.start.isoformat(), span.end and span.end.isoformat())
        assert (*shown, span.precision) == expected

    @pytest.mark.parametrize(
        "typed",
        [
            "",
            "soon",
            "2019-02-30",  # the shape of a date, no calendar day
            "2019-13",
            "2012–2011",  # ends before it starts
            "2018-01-04..2018-01-02",
            "2016–18 FY",
        ],
    )
    def test_what_names_no_span_is_refused(self, typed):
        assert parse_span(typed) is None


class TestReadingTheFields:
    EVENT = Event(
        id=7,
        key="k:000001",
        date_start="2018-01-04",
        date_end="2018-01-04",
        precision="day",
        type="meeting",
        headline="Kono meets Asif",
        text="Kono met Asif.",
        actors=("Taro Kono", "Khawaja Muhammad Asif"),
        countries=("PK", "JP"),
    )
    AS_SHOWN = {
        "date": "2018-01-04",
        "type": "meeting",
        "headline": "Kono meets Asif",
        "actors": "Taro Kono, Khawaja Muhammad Asif",
        "countries": "PK, JP",
    }

    def test_nothing_changed_is_no_correction(self):
        assert read_correction(self.EVENT, self.AS_SHOWN) == {}

    def test_only_the_changed_fields_go_in_and_the_date_goes_whole(self):
        typed = {**self.AS_SHOWN, "date": "2018-01-04..2018-01-05", "type": "visit"}
        assert read_correction(self.EVENT, typed) == {
            "date_start": "2018-01-04",
            "date_end": "2018-01-05",
            "precision": "range",
            "type": "visit",
        }

    def test_countries_read_as_codes_or_names(self):
        typed = {**self.AS_SHOWN, "countries": "Pakistan, jp, United States"}
        assert read_correction(self.EVENT, typed) == {"countries": ["PK", "JP", "US"]}

    def test_emptied_actors_are_a_correction_but_an_emptied_headline_is_not(self):
        typed = {**self.AS_SHOWN, "actors": " ", "headline": "  "}
        assert read_correction(self.EVENT, typed) == {"actors": []}

    def test_a_value_left_as_shown_is_no_correction_though_the_form_escaped_it(self):
        odd = dataclasses.replace(
            self.EVENT, headline="Kono\u200f meets Asif", actors=("A\u200fB",)
        )
        typed = {**self.AS_SHOWN, "headline": "Kono\\u200f meets Asif", "actors": "A\\u200fB"}
        assert read_correction(odd, typed) == {}

    @pytest.mark.parametrize(
        ("field", "text", "said"),
        [
            ("date", "whenever", "Not a date I understand: whenever"),
            ("countries", "PK, Atlantis", "Not a country I know: Atlantis"),
            ("type", "party", "Not an event type: party"),
        ],
    )
    def test_what_cannot_be_read_is_one_line(self, field, text, said):
        with pytest.raises(ValueError) as caught:
            read_correction(self.EVENT, {**self.AS_SHOWN, field: text})
        assert str(caught.value).startswith(said)
        assert "\n" not in str(caught.value)

    def test_a_corrected_event_compares_with_the_documents_values(self):
        corrected = dataclasses.replace(
            self.EVENT,
            date_start="2018-01-05",
            date_end="2018-01-05",
            annotation=Annotation(
                id=1,
                correction={"date_start": "2018-01-05", "date_end": "2018-01-05"},
                machine={"date_start": "2018-01-04", "date_end": "2018-01-04"},
            ),
        )
        assert machine_values(corrected)["date_start"] == "2018-01-04"
        # the shown date left as it is keeps its correction
        typed = {**self.AS_SHOWN, "date": "2018-01-05"}
        assert read_correction(corrected, typed) == {
            "date_start": "2018-01-05",
            "date_end": "2018-01-05",
        }
        # typed back to the documents' date, or emptied: that correction goes
        assert read_correction(corrected, {**typed, "date": "2018-01-04"}) == {}
        assert read_correction(corrected, {**typed, "date": ""}) == {}


class TestTheCorrectionForm:
    async def test_a_saved_correction_shows_in_the_store_with_the_documents_value_kept(
        self, app_store: Store
    ):
        event = kono_meeting(app_store)
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            answers: list = []
            screen = await open_form(pilot, event, answers)
            assert screen.query_one("#correct-date", Input).value == "2018-01-04"
            assert screen.query_one("#correct-countries", Input).value == "PK, JP"
            await retype(pilot, screen, "headline", "Kono and Asif meet in Tokyo")
            await retype(pilot, screen, "date", "2018-01-04..2018-01-05")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is not screen
            assert answers == [
                {
                    "date_start": "2018-01-04",
                    "date_end": "2018-01-05",
                    "precision": "range",
                    "headline": "Kono and Asif meet in Tokyo",
                }
            ]
            app_store.annotate(event.id, correction=answers[0])
        after = app_store.event(event.id)
        assert after is not None and after.annotation is not None
        assert (after.headline, after.date_end, after.precision) == (
            "Kono and Asif meet in Tokyo",
            "2018-01-05",
            "range",
        )
        assert after.annotation.machine["headline"] == event.headline
        assert after.annotation.machine["precision"] == "day"
        assert after.type == event.type and after.actors == event.actors

    async def test_the_form_shows_the_documents_value_beside_a_corrected_field(
        self, app_store: Store
    ):
        event = kono_meeting(app_store)
        app_store.annotate(event.id, correction={"headline": "Kono and Asif meet"})
        corrected = app_store.event(event.id)
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_form(pilot, corrected, [])
            assert screen.query_one("#correct-headline", Input).value == "Kono and Asif meet"
            beside = [str(label.render()) for label in screen.query(".machine")]
            assert beside == [f"documents: {event.headline}"]
            box = screen.query_one("#correct-box").region
            assert box.right <= SIZE[0] and box.bottom <= SIZE[1]

    async def test_typing_the_documents_value_back_removes_the_correction(self, app_store: Store):
        event = kono_meeting(app_store)
        app_store.annotate(event.id, correction={"headline": "Kono and Asif meet", "type": "visit"})
        corrected = app_store.event(event.id)
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            answers: list = []
            screen = await open_form(pilot, corrected, answers)
            await retype(pilot, screen, "headline", event.headline)
            await pilot.press("enter")
            await settle(pilot)
            assert answers == [{"type": "visit"}]
            app_store.annotate(event.id, correction=answers[0])
        after = app_store.event(event.id)
        assert after.headline == event.headline and after.type == "visit"
        assert after.annotation.correction == {"type": "visit"}

    async def test_the_type_is_chosen_from_the_event_types(self, app_store: Store):
        event = kono_meeting(app_store)
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            answers: list = []
            screen = await open_form(pilot, event, answers)
            screen.query_one("#correct-type", Choice).focus()  # on "meeting"
            await pilot.press("right")  # the next type: visit
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert answers == [{"type": "visit"}]

    async def test_an_invalid_date_is_refused_in_one_line_and_nothing_is_saved(
        self, app_store: Store
    ):
        event = kono_meeting(app_store)
        app = make_app(app_store)
        async with app.run_test(size=SIZE) as pilot:
            answers: list = []
            screen = await open_form(pilot, event, answers)
            await retype(pilot, screen, "date", "2018-02-30")
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is screen and answers == []
            assert message(screen).startswith("Not a date I understand: 2018-02-30")
            await retype(pilot, screen, "countries", "Narnia")
            await pilot.press("ctrl+s")
            assert message(screen).startswith("Not a date")  # the first problem is said
            await pilot.press("escape")
            await settle(pilot)
            assert answers == [None]
        assert app_store.annotation(event.id) is None
        assert app_store.event(event.id).date_start == "2018-01-04"
