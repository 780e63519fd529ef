"""`:` lands on the first dated event on or after the date typed, in date-ordered results."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.search.engine import Searcher
from chronicle.store import Store
from chronicle.tui.goto_date import first_on_or_after
from tests.test_merge import mention
from tests.test_store import document

REPORTS = [
    ("2018-01-04", "The foreign ministers of Japan and Pakistan met in Tokyo."),
    ("2018-01-04", "The two ministers signed a note on trade in Tokyo."),
    ("2019-03-14", "The trade delegation of Japan arrived in Karachi."),
    ("2021-11-30", "Japan and Pakistan reviewed the yen loan in Islamabad."),
]


@pytest.fixture
def ids(store: Store) -> list[int]:
    """Four dated reports and one undated, as the timeline lists them (undated last)."""
    mentions = [
        mention(
            f"brief:{offset:06d}",
            date.fromisoformat(day),
            document="brief.txt",
            types=("meeting",),
            actors=(f"Minister {offset}",),
            sentence=sentence,
        )
        for offset, (day, sentence) in enumerate(REPORTS)
    ]
    undated = mention(
        "brief:000900",
        None,
        precision="unresolved",
        document="brief.txt",
        types=("statement",),
        sentence="Both sides said the talks would go on.",
    )
    store.add_document(document("brief.txt"), "brief", [*mentions, undated])
    found, _ = Searcher(store).ids("")
    return found


@pytest.mark.parametrize(
    ("typed", "index"),
    [
        ("1990-01-01", 0),
        ("2018-01-04", 0),
        ("2018-01-05", 2),
        ("2019-03-14", 2),
        ("2021-11-30", 3),
        ("2021-12-01", -1),  # only the undated event is left: no dated event there
    ],
)
def test_the_first_event_on_or_after_the_date(store: Store, ids: list[int], typed, index):
    assert len(ids) == 5
    assert first_on_or_after(store, typed, ids) == index


def test_no_results_means_nowhere_to_go(store: Store):
    assert first_on_or_after(store, "2018-01-04", []) == -1
