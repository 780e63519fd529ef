"""Related events (close in time, naming the same person) are read when a detail is
shown, from the events as they stand: in both directions, never a container or a part,
and no longer once a correction or a removal parts the two."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.store import Store

TALKS = (
    "Talks in Tokyo\n\nMonday 10 May 2021\n\n"
    "Foreign Minister Taro Kono met Indian Foreign Minister Subrahmanyam Jaishankar "
    "in Tokyo on 3 May 2021 to discuss maritime security.\n"
)
SIGNING = (
    "A loan signed\n\nFriday 21 May 2021\n\n"
    "On 20 May 2021 Foreign Minister Taro Kono signed a yen loan agreement for a metro "
    "line in Dhaka.\n"
)
LATER = (
    "Autumn talks\n\nFriday 10 September 2021\n\n"
    "Foreign Minister Taro Kono opened a trade fair in Osaka on 9 September 2021.\n"
)
OTHER_PERSON = (
    "Elsewhere\n\nFriday 7 May 2021\n\n"
    "Prime Minister Sheikh Hasina inaugurated a bridge in Dhaka on 6 May 2021.\n"
)

VISIT = (
    "A state visit\n\nFriday 14 May 2021\n\n"
    "Prime Minister Narendra Modi paid a state visit to Japan from 10 to 14 May 2021.\n"
)
MEETING = (
    "Summit talks\n\nWednesday 12 May 2021\n\n"
    "Prime Minister Narendra Modi met Prime Minister Yoshihide Suga in Tokyo on 12 May 2021.\n"
)


def chronicle(tmp_path: Path, texts: dict[str, str]) -> Store:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(tmp_path / "chronicle.db")
    ingest_paths(store, sorted(tmp_path.glob("*.txt")))
    return store


def event_on(store: Store, day: str) -> int:
    [(event_id,)] = store.execute("SELECT id FROM events WHERE date_start = ?", [day])
    return event_id


def move_to_day(store: Store, event_id: int, day: str) -> None:
    """The analyst's correction of an event's date to one day."""
    store.annotate(event_id, correction={"date_start": day, "date_end": day, "precision": "day"})


def test_events_naming_one_person_within_a_month_are_related_both_ways(tmp_path):
    store = chronicle(
        tmp_path, {"a.txt": TALKS, "b.txt": SIGNING, "c.txt": LATER, "d.txt": OTHER_PERSON}
    )
    talks, signing = event_on(store, "2021-05-03"), event_on(store, "2021-05-20")
    later, other = event_on(store, "2021-09-09"), event_on(store, "2021-05-06")
    assert store.event(talks).related == (signing,)
    assert store.event(signing).related == (talks,)
    assert store.event(later).related == ()  # the same person, four months on
    assert store.event(other).related == ()  # the same weeks, nobody in common


def test_a_corrected_date_parts_two_related_events(tmp_path):
    store = chronicle(tmp_path, {"a.txt": TALKS, "b.txt": SIGNING})
    talks, signing = event_on(store, "2021-05-03"), event_on(store, "2021-05-20")
    move_to_day(store, signing, "2021-11-20")
    assert store.event(talks).related == ()
    assert store.event(signing).related == ()


def test_a_removed_document_takes_its_event_out_of_the_related(tmp_path):
    store = chronicle(tmp_path, {"a.txt": TALKS, "b.txt": SIGNING})
    talks = event_on(store, "2021-05-03")
    assert store.remove_document(str((tmp_path / "b.txt").resolve()))
    assert store.event(talks).related == ()


def test_a_meeting_during_a_visit_is_a_part_not_a_related_event(tmp_path):
    store = chronicle(tmp_path, {"visit.txt": VISIT, "meeting.txt": MEETING})
    visit, meeting = event_on(store, "2021-05-10"), event_on(store, "2021-05-12")
    assert store.event(visit).parts == (meeting,)
    assert store.event(meeting).part_of == visit
    assert store.event(visit).related == ()
    assert store.event(meeting).related == ()


def test_a_visit_corrected_to_a_meeting_holds_no_parts_and_is_related_instead(tmp_path):
    store = chronicle(tmp_path, {"visit.txt": VISIT, "meeting.txt": MEETING})
    visit, meeting = event_on(store, "2021-05-10"), event_on(store, "2021-05-12")
    store.annotate(visit, correction={"type": "meeting"})
    assert store.event(visit).parts == ()
    assert store.event(meeting).part_of is None
    assert store.event(meeting).related == (visit,)
    store.annotate(visit, correction={})
    assert store.event(visit).parts == (meeting,)
    assert store.event(meeting).part_of == visit
    assert store.event(meeting).related == ()


def test_a_correction_bringing_two_events_together_relates_them_both_ways(tmp_path):
    store = chronicle(tmp_path, {"a.txt": TALKS, "c.txt": LATER})
    talks, later = event_on(store, "2021-05-03"), event_on(store, "2021-09-09")
    assert store.event(talks).related == ()
    move_to_day(store, later, "2021-05-10")
    assert store.event(talks).related == (later,)
    assert store.event(later).related == (talks,)


@pytest.mark.parametrize(
    "correction",
    [
        {"date_start": None, "date_end": None, "precision": "unresolved"},
        {"date_end": None},
    ],
)
def test_an_event_corrected_to_no_date_is_related_to_nothing(tmp_path, correction):
    store = chronicle(tmp_path, {"a.txt": TALKS, "b.txt": SIGNING})
    talks, signing = event_on(store, "2021-05-03"), event_on(store, "2021-05-20")
    store.annotate(signing, correction=correction)
    assert store.event(talks).related == ()
    assert store.event(signing).related == ()


def test_a_corrected_event_keeps_its_place_when_a_report_joins_it(tmp_path):
    store = chronicle(tmp_path, {"a.txt": TALKS, "c.txt": LATER})
    talks, later = event_on(store, "2021-05-03"), event_on(store, "2021-09-09")
    move_to_day(store, later, "2021-05-10")
    (tmp_path / "again.txt").write_text(LATER.replace("Autumn talks", "The fair"), "utf-8")
    ingest_paths(store, [tmp_path / "again.txt"])
    assert store.execute("SELECT source_count FROM events WHERE id = ?", [later]) == [(2,)]
    assert store.event(talks).related == (later,)
    assert store.event(later).related == (talks,)
