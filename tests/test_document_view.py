"""A document read back at an event's sentence: the offsets of its dated sentences, whether
the store keeps them as offsets or (a large document) as text, and a document gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.library import ingest_paths
from chronicle.store import Store, writer
from chronicle.store.document_view import sentence_span

RELEASE = """\
Ministry of Foreign Affairs
Government of Pakistan

Press Release

Pakistan and Japan Hold Seventh Round of Political Consultations

Islamabad, 2 March 2019

Foreign Secretary Tehmina Janjua and Japan's Deputy Foreign Minister Takeo Mori held \
the seventh round of Pakistan–Japan political consultations in Islamabad on 1 March 2019. \
The two sides reviewed the full range of bilateral relations, including trade, investment \
and people-to-people exchanges.

The Foreign Secretary recalled that Foreign Minister Taro Kono had visited Islamabad last \
May and said that the visit had given new momentum to the relationship. She thanked Japan \
for its support to the education and health sectors.

Both sides agreed to mark the 70th anniversary of diplomatic relations on 28 April 2022 \
with cultural events in Tokyo and Islamabad.

The next round of consultations will be held in Tokyo.
"""
"""A ministry's readout: three dated sentences, one of them dated relative to the
release ("last May", written on 2 March 2019)."""

SENTENCES = [
    (
        "Foreign Secretary Tehmina Janjua and Japan's Deputy Foreign Minister Takeo Mori "
        "held the seventh round of Pakistan–Japan political consultations in Islamabad on "
        "1 March 2019.",
        "1 March 2019",
    ),
    (
        "The Foreign Secretary recalled that Foreign Minister Taro Kono had visited "
        "Islamabad last May and said that the visit had given new momentum to the "
        "relationship.",
        "last May",
    ),
    (
        "Both sides agreed to mark the 70th anniversary of diplomatic relations on "
        "28 April 2022 with cultural events in Tokyo and Islamabad.",
        "28 April 2022",
    ),
]


def release_store(folder: Path) -> tuple[Store, Path]:
    """A chronicle holding the release alone."""
    folder.mkdir()
    path = folder / "2019-03-02-mofa-pakistan-japan-consultations.txt"
    path.write_text(RELEASE, encoding="utf-8")
    store = Store(folder / "chronicle.db")
    assert not ingest_paths(store, [path]).failed
    return store, path


def read_back(store: Store, event_id: int) -> list[tuple[str, str, int]]:
    """(sentence, date as written, event) of every dated sentence of the event's document."""
    source = store.source_document(event_id)
    assert source is not None
    return [
        (source.text[s.start : s.end], source.text[s.date_start : s.date_end], s.event_id)
        for s in store.dated_sentences(source.id, source.text)
    ]


def event_of(store: Store, date_text: str) -> int:
    return store.execute("SELECT event_id FROM mentions WHERE date_text = ?", [date_text])[0][0]


def test_the_release_opens_at_the_relative_dates_sentence_with_its_facts(tmp_path):
    store, path = release_store(tmp_path / "release")
    with store:
        source = store.source_document(event_of(store, "last May"))
        assert (source.path, source.title, source.publisher, source.date, source.url) == (
            str(path),
            "Pakistan and Japan Hold Seventh Round of Political Consultations",
            "Ministry of Foreign Affairs",
            "2019-03-02",
            "",
        )
        focus = source.focus
        assert source.text[focus.start : focus.end] == SENTENCES[1][0]
        assert (focus.date_text, source.text[focus.date_start : focus.date_end]) == (
            "last May",
            "last May",
        )
        ids = [event_of(store, date) for _, date in SENTENCES]
        assert read_back(store, ids[1]) == [
            (sentence, date, event_id)
            for (sentence, date), event_id in zip(SENTENCES, ids, strict=True)
        ]
        assert len(set(ids)) == 3


def test_a_large_documents_sentences_kept_as_text_are_found_at_the_same_places(
    tmp_path, monkeypatch
):
    small, _ = release_store(tmp_path / "offsets")
    monkeypatch.setattr(writer, "INLINE_ABOVE", 100)  # the release counts as large
    large, _ = release_store(tmp_path / "inline")
    with small, large:
        assert large.execute("SELECT count(*) FROM inline_documents") == [(1,)]
        assert large.execute("SELECT count(*) FROM mentions WHERE sentence IS NULL") == [(0,)]
        assert small.execute("SELECT count(*) FROM mentions WHERE sentence IS NULL") == [(3,)]
        event = event_of(large, "28 April 2022")
        assert read_back(large, event) == read_back(small, event_of(small, "28 April 2022"))
        assert large.source_document(event).focus.date_text == "28 April 2022"


def test_a_sentence_the_text_does_not_hold_is_shown_as_its_dates_words():
    text = "On 4 May 2021 the talks resumed."
    assert sentence_span(text, "On 4 May 2021 the talks resumed.", None, None, 3, 13) == (
        0,
        32,
        3,
        13,
    )
    assert sentence_span(text, "Talks were held on 4 May 2021.", None, None, 3, 13) == (
        3,
        13,
        3,
        13,
    )
    assert sentence_span(text, None, 0, 32, 3, 13) == (0, 32, 3, 13)


def test_an_events_second_source_is_opened_by_its_path(fixture_store):
    (event_id,) = fixture_store.execute(
        "SELECT event_id FROM mentions WHERE date_text = '28th April 1952'"
    )[0]
    sources = fixture_store.event(event_id).sources
    assert [Path(s.document).name for s in sources] == [
        "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt",
        "undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt",
    ]
    first = fixture_store.source_document(event_id)
    second = fixture_store.source_document(event_id, sources[1].document)
    assert first.path == sources[0].document
    assert second.path == sources[1].document
    assert first.text[first.focus.start : first.focus.end] == sources[0].text
    assert second.text[second.focus.start : second.focus.end] == sources[1].text
    assert (first.focus.date_text, second.focus.date_text) == ("28 April 1952", "28th April 1952")
    assert fixture_store.source_document(event_id, "/briefs/not-a-source.txt") is None


@pytest.mark.parametrize("gone", ["document", "event"])
def test_a_removed_document_or_event_reads_back_as_none(tmp_path, gone):
    store, path = release_store(tmp_path / "release")
    with store:
        event = event_of(store, "1 March 2019")
        if gone == "document":
            assert store.remove_document(str(path))
            assert store.source_document(event) is None
        assert store.source_document(event + 1000) is None
