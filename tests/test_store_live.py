"""What the store tells a browser while another process writes: has the file changed
(`data_version`), which mentions an event holds, and which event holds them now."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from chronicle.store import Store
from tests.test_merge import mention
from tests.test_store import document

MEETING = date(2019, 3, 14)
MINISTERS = ("Ine Eriksen Soreide", "Tilak Marapana")


def oslo(store: Store) -> None:
    """A ministry's note: the Oslo meeting and the memorandum signed after it."""
    store.add_document(
        document("oslo.txt"),
        "oslo",
        [
            mention(
                "oslo:000040",
                MEETING,
                document="oslo.txt",
                types=("meeting",),
                actors=MINISTERS,
                countries=("NO", "LK"),
                sentence="On 14 March 2019 the foreign ministers of Norway and Sri Lanka met in Oslo.",
            ),
            mention(
                "oslo:000160",
                date(2019, 5, 2),
                document="oslo.txt",
                types=("agreement",),
                countries=("NO", "LK"),
                sentence="On 2 May 2019 the delegations signed a memorandum in Colombo.",
            ),
        ],
    )


def report(store: Store) -> None:
    """A news report of the same meeting."""
    store.add_document(
        document("report.txt"),
        "report",
        [
            mention(
                "report:000075",
                MEETING,
                document="report.txt",
                types=("meeting",),
                actors=MINISTERS,
                countries=("NO", "LK"),
                sentence="The two foreign ministers met in Oslo on 14 March 2019.",
            )
        ],
    )


def event_keyed(store: Store, key: str) -> int:
    [(event_id,)] = store.execute("SELECT id FROM events WHERE key = ?", [key])
    return event_id


def test_data_version_moves_once_per_commit_of_another_connection_only(tmp_path: Path):
    with Store(tmp_path / "c.db") as browser, Store(tmp_path / "c.db") as ingest:
        seen = browser.data_version()
        oslo(ingest)
        assert browser.data_version() == seen + 1
        report(ingest)
        assert browser.data_version() == seen + 2
        mine = ingest.data_version()
        ingest.remove_document("report.txt")
        assert ingest.data_version() == mine  # its own commits do not count
        assert browser.data_version() == seen + 3


def test_member_keys_are_an_events_mentions_its_own_key_first(store: Store):
    oslo(store)
    report(store)
    meeting = event_keyed(store, "oslo:000040")
    assert store.member_keys(meeting) == ["oslo:000040", "report:000075"]
    assert store.member_keys(event_keyed(store, "oslo:000160")) == ["oslo:000160"]
    assert store.member_keys(meeting + 100) == []


def test_the_event_holding_a_happening_is_found_by_its_first_mention_still_stored(store: Store):
    oslo(store)
    report(store)
    keys = store.member_keys(event_keyed(store, "oslo:000040"))
    assert store.event_holding(keys) == event_keyed(store, "oslo:000040")

    store.remove_document("oslo.txt")  # the event is rebuilt from the report alone
    rebuilt = event_keyed(store, "report:000075")
    assert store.event_holding(keys) == rebuilt
    assert store.event_holding(["oslo:000160", "report:000075"]) == rebuilt

    store.remove_document("report.txt")
    assert store.event_holding(keys) is None
    assert store.event_holding([]) is None


def test_the_first_key_given_wins_not_the_first_stored(store: Store):
    oslo(store)
    memorandum = event_keyed(store, "oslo:000160")
    assert store.event_holding(["oslo:000160", "oslo:000040"]) == memorandum
    assert store.event_holding(["oslo:000040", "oslo:000160"]) == event_keyed(store, "oslo:000040")


def test_keys_beyond_the_first_chunk_of_500_are_looked_up(store: Store):
    oslo(store)
    report(store)
    gone = [f"removed:{offset:06d}" for offset in range(1200)]
    assert store.event_holding([*gone, "report:000075"]) == event_keyed(store, "oslo:000040")
    assert store.event_holding(gone) is None
