"""What `y` puts on the clipboard: the event's date and headline with its source's citation."""

from __future__ import annotations

from chronicle.model import Event, Source
from chronicle.tui.clipboard import event_text

VISIT = Event(
    id=12,
    key="9f1c2e7a5b3d4c60:000214",
    date_start="2019-05-13",
    date_end="2019-05-15",
    precision="range",
    type="visit",
    headline="Prime Minister of Norway visits Colombo",
    text="The Prime Minister of Norway visited Colombo from 13 to 15 May 2019.",
    sources=(
        Source(
            document="/briefs/norway/visit.txt",
            title="Prime Minister's visit to Sri Lanka",
            publisher="Ministry of Foreign Affairs",
            date_text="13 to 15 May 2019",
            text="The Prime Minister of Norway visited Colombo from 13 to 15 May 2019.",
        ),
        Source(
            document="/briefs/press/daily.html",
            title="Norwegian leader in Colombo",
            publisher="",
            date_text="Monday",
            text="The Norwegian leader arrived on Monday\tfor three days of talks.",
        ),
    ),
)


def test_an_event_is_copied_with_its_date_headline_and_its_first_sources_citation():
    assert event_text(VISIT) == (
        "2019-05-13–15: Prime Minister of Norway visits Colombo. Ministry of Foreign Affairs,"
        ' "Prime Minister\'s visit to Sri Lanka," /briefs/norway/visit.txt.'
    )


def test_controls_from_a_document_are_copied_as_escapes():
    hostile = Source(
        document="/briefs/x\x1b]52;c;cm0gLXJmIH4K\x07.txt",
        title="Talks\u202eresumed",
        publisher="",
        date_text="20 June 2019",
        text="The talks resumed in Geneva on 20 June 2019.\x9b2J",
    )
    copied = event_text(
        Event(
            id=3,
            key="k",
            date_start=None,
            date_end=None,
            precision="unresolved",
            type="meeting",
            headline="Talks resume\x1b[2J",
            text="The talks resumed.",
            sources=(hostile,),
        )
    )
    assert copied == (
        r'undated: Talks resume\x1b[2J. "Talks\u202eresumed,"'
        r" /briefs/x\x1b]52;c;cm0gLXJmIH4K\x07.txt."
    )
