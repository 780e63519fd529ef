"""The comparison screen: one meeting told three ways, side by side or stacked, with the
sources' disagreements marked so they read without colour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.model import Source
from chronicle.store import Store
from chronicle.tui import make_app
from chronicle.tui.compare_view import (
    GONE,
    CompareScreen,
    blocks,
    columns_that_fit,
    disagreements,
    plain,
    source_values,
    summary,
)
from chronicle.tui.main_screen import MainScreen
from tests.dialogue_documents import write_documents
from tests.pilot import settle


def screen_lines(app) -> list[str]:
    """What the terminal shows, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.fixture
def dialogue(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "c.db") as store:
        assert not ingest_paths(store, [write_documents(tmp_path / "docs")]).failed
        yield store


def dialogue_id(store: Store) -> int:
    [(event_id,)] = store.execute("SELECT event_id FROM mentions WHERE date_text = 'last May'")
    return event_id


class TestWhatIsCompared:
    def test_each_source_gives_its_dates_anchor_type_and_people(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        values = [source_values(s) for s in event.sources]
        assert [(v["written"], v["resolved"], v["anchor"]) for v in values] == [
            ("14 May 2018", "2018-05-14", "written out in full"),
            ("May 16, 2018", "2018-05-16", "written out in full"),
            ("last May", "2018-05", "the document's date 2019-03-02 (date under title)"),
        ]
        assert [(v["dated"], v["type"], v["people"]) for v in values] == [
            ("2019-01-10 (date under title)", "dialogue", "Tehmina Janjua, Takeo Akiba"),
            ("2018-05-17 (published line)", "dialogue", "Tehmina Janjua, Takeo Akiba"),
            ("2019-03-02 (date under title)", "dialogue", "Takeo Akiba"),
        ]

    def test_an_unresolved_date_counts_from_nothing(self):
        undated = Source(
            document="brief.txt",
            title="Brief",
            publisher="",
            date_text="last May",
            text="The talks resumed last May.",
            date_start=None,
            date_end=None,
            precision="unresolved",
        )
        values = source_values(undated)
        assert (values["dated"], values["resolved"], values["anchor"]) == ("—", "undated", "—")

    def test_the_dates_and_people_that_differ_from_the_events_are_marked(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        assert disagreements(event) == {"resolved": {1, 2}, "people": {2}}

    def test_sources_that_agree_mark_nothing(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        same = replace(event, sources=event.sources[:1] * 2)
        assert disagreements(same) == {}
        assert summary(same, {}).plain.splitlines()[-1] == (
            "The sources agree on the date, the type and the people."
        )

    def test_one_source_has_nothing_to_compare(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        alone = replace(event, sources=event.sources[2:])
        assert summary(alone, disagreements(alone)).plain.splitlines()[1:] == [
            "2018-05-14  ·  dialogue  ·  1 source",
            "Only one source tells this event: nothing to compare.",
        ]

    def test_an_event_told_many_times_lays_out_the_first_sixty(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        retold = replace(event, sources=event.sources * 30)
        assert len(blocks(retold, 78)) == 60
        assert len(blocks(retold, 156)) == 20
        assert summary(retold, disagreements(retold)).plain.splitlines()[1:3] == [
            "2018-05-14  ·  dialogue  ·  90 sources",
            "The first 60 are shown here; the detail pane lists every one.",
        ]

    def test_the_summary_says_what_they_disagree_on(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        assert summary(event, disagreements(event)).plain.splitlines() == [
            "The Japan-Pakistan Strategic Dialogue was held in Islamabad, co-chaired…",
            "2018-05-14  ·  dialogue  ·  3 sources",
            "≠ Sources disagree on: resolved date, people",
            "≠ marks a value that differs from the one the event keeps.",
        ]


class TestLayout:
    @pytest.mark.parametrize(
        ("width", "sources", "side_by_side"),
        [(78, 3, 1), (80, 2, 1), (120, 3, 2), (156, 3, 3), (156, 8, 3), (246, 2, 2)],
    )
    def test_columns_go_side_by_side_as_width_allows(self, width, sources, side_by_side):
        assert columns_that_fit(width, sources) == side_by_side

    def test_at_80_columns_each_source_is_a_block(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        shown = plain(blocks(event, 78), 78).splitlines()
        readout = shown[shown.index("document dated  2019-03-02 (date under title)") - 2 :]
        assert readout[:9] == [
            "3. Japan-Pakistan Foreign Ministers' Telephone Talk — Ministry of Foreign",
            "Affairs of Japan",
            "document dated  2019-03-02 (date under title)",
            "as written      last May",
            "resolved date   ≠ 2018-05",
            "counted from    the document's date 2019-03-02 (date under title)",
            "type            dialogue",
            "people          ≠ Takeo Akiba",
            "sentence        The two ministers welcomed the outcome of the Japan-Pakistan",
        ]

    def test_at_160_columns_the_sources_stand_side_by_side(self, dialogue):
        event = dialogue.event(dialogue_id(dialogue))
        shown = plain(blocks(event, 156), 156).splitlines()
        [resolved] = [line for line in shown if "resolved date" in line]
        assert resolved.split() == [
            "resolved",
            "date",
            "2018-05-14",
            "≠",
            "2018-05-16",
            "≠",
            "2018-05",
        ]
        [people] = [line for line in shown if line.strip().startswith("people")]
        assert re.split(r"\s{2,}", people.strip()) == [
            "people",
            "Tehmina Janjua, Takeo Akiba",
            "Tehmina Janjua, Takeo Akiba",
            "≠ Takeo Akiba",
        ]


class TestOnTheApp:
    async def test_80x24_shows_the_first_source_and_scrolls_to_the_others(self, dialogue):
        app = make_app(dialogue)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.push_screen(CompareScreen(dialogue, dialogue_id(dialogue)))
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, CompareScreen)
            lines = screen_lines(app)
            assert len(lines) == 24 and all(len(line) <= 80 for line in lines)
            shown = "\n".join(lines)
            assert "≠ Sources disagree on: resolved date, people" in shown
            assert "1. Pakistan and Japan: A Steady Partnership" in shown
            assert "resolved date   2018-05-14" in shown

            await pilot.press("n", "n")
            await settle(pilot)
            shown = "\n".join(screen_lines(app))
            assert "3. Japan-Pakistan Foreign Ministers' Telephone Talk" in shown
            assert "resolved date   ≠ 2018-05" in shown
            assert "counted from    the document's date 2019-03-02 (date under" in shown

            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            await pilot.press("equals_sign")
            await settle(pilot)
            assert isinstance(app.screen, CompareScreen)
            await pilot.press("q")  # backs out, as in the source screen: it does not quit
            await settle(pilot)
            assert isinstance(app.screen, MainScreen) and app.is_running

    async def test_160x45_puts_the_three_sources_side_by_side(self, dialogue):
        app = make_app(dialogue)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            app.push_screen(CompareScreen(dialogue, dialogue_id(dialogue)))
            await settle(pilot)
            rows = [
                line for line in screen_lines(app) if line.strip("│ ").startswith("resolved date")
            ]
            assert [row.strip("│ ").split() for row in rows] == [
                ["resolved", "date", "2018-05-14", "≠", "2018-05-16", "≠", "2018-05"]
            ]
            await pilot.press("equals_sign")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)

    async def test_an_event_that_is_gone_says_so(self, dialogue):
        app = make_app(dialogue)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.push_screen(CompareScreen(dialogue, 999_999))
            await settle(pilot)
            assert " ".join(app.screen.text.split()) == GONE
