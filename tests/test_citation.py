"""The citation style: publisher, "title," document date, URL or path, missing parts left out."""

from __future__ import annotations

import dataclasses

import pytest

from chronicle.citation import CITATION_STYLE, cite_event, cite_source
from chronicle.model import Event, Source

FULL = Source(
    document="/briefs/ties.txt",
    title="Pakistan-Japan Ties",
    publisher="Institute of Strategic Studies Islamabad",
    date_text="May 24-26, 2012",
    text="Khar visited Tokyo on May 24-26, 2012.",
    document_date="2018-01-10",
)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # everything there: the comma after the title goes inside its quotes
        (
            {},
            'Institute of Strategic Studies Islamabad, "Pakistan-Japan Ties," 2018-01-10, /briefs/ties.txt.',
        ),
        # a web page: its address instead of the path
        (
            {"url": "https://issi.org.pk/ties"},
            'Institute of Strategic Studies Islamabad, "Pakistan-Japan Ties," 2018-01-10, https://issi.org.pk/ties.',
        ),
        # no publisher: the note starts at the title
        ({"publisher": ""}, '"Pakistan-Japan Ties," 2018-01-10, /briefs/ties.txt.'),
        # no title: no empty quotes
        ({"title": ""}, "Institute of Strategic Studies Islamabad, 2018-01-10, /briefs/ties.txt."),
        # an undated document: no date and no doubled comma
        (
            {"document_date": None},
            'Institute of Strategic Studies Islamabad, "Pakistan-Japan Ties," /briefs/ties.txt.',
        ),
        # the title last: it takes the full stop inside its quotes
        (
            {"document": "", "document_date": None},
            'Institute of Strategic Studies Islamabad, "Pakistan-Japan Ties."',
        ),
        # a title with its own question mark takes no comma
        (
            {"title": "Why Japan?"},
            'Institute of Strategic Studies Islamabad, "Why Japan?" 2018-01-10, /briefs/ties.txt.',
        ),
        # a title on two lines is one line in a note
        (
            {"title": "Pakistan-Japan\n  Ties"},
            'Institute of Strategic Studies Islamabad, "Pakistan-Japan Ties," 2018-01-10, /briefs/ties.txt.',
        ),
        # a source the analyst added: no path, said so
        ({"document": "manual:7", "title": "", "publisher": ""}, "2018-01-10, added by hand."),
        # nothing known at all: nothing written
        ({"document": "", "title": "", "publisher": "", "document_date": None}, ""),
    ],
)
def test_cite_source(changes, expected):
    assert cite_source(dataclasses.replace(FULL, **changes)) == expected


def _event(**changes: object) -> Event:
    event = Event(
        id=1,
        key="abc:000001",
        date_start="2012-05-24",
        date_end="2012-05-26",
        precision="range",
        type="visit",
        headline="Hina Rabbani Khar visits Tokyo",
        text="Khar visited Tokyo on May 24-26, 2012.",
        sources=(FULL, dataclasses.replace(FULL, publisher="Dawn", title="Second")),
    )
    return dataclasses.replace(event, **changes)


class TestCiteEvent:
    def test_gives_the_date_as_the_app_writes_it_the_headline_and_the_first_source(self):
        assert cite_event(_event()) == (
            "2012-05-24–26: Hina Rabbani Khar visits Tokyo. "
            'Institute of Strategic Studies Islamabad, "Pakistan-Japan Ties," 2018-01-10, /briefs/ties.txt.'
        )

    def test_an_event_without_sources_is_its_date_and_headline(self):
        assert cite_event(_event(sources=())) == "2012-05-24–26: Hina Rabbani Khar visits Tokyo."

    def test_an_undated_event_says_so(self):
        cited = cite_event(_event(date_start=None, date_end=None, precision="unresolved"))
        assert cited.startswith("undated: Hina Rabbani Khar visits Tokyo. Institute")

    def test_a_headline_ending_in_a_question_mark_gets_no_full_stop(self):
        assert cite_event(_event(headline="Talks?", sources=())) == "2012-05-24–26: Talks?"


def test_the_style_is_named_in_one_line():
    assert "\n" not in CITATION_STYLE
    assert "Publisher" in CITATION_STYLE and "Title" in CITATION_STYLE
