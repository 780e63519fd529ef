"""A sentence of hundreds of dates: every date is read as it would be in a short
sentence of the same shape (each once cost a scan of the whole sentence, issue 15;
`benchmarks/fuzz.py --big` times it)."""

from __future__ import annotations

from datetime import date, timedelta

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import document_from_text
from chronicle.model import Mention
from tests.fuzz_inputs import dated_sentence


def _mentions(text: str) -> list[Mention]:
    doc = document_from_text(text)
    return extract_mentions(doc, content_hash(doc.text))


def test_a_sentence_of_400_dates_gives_400_mentions_read_as_in_a_short_one() -> None:
    long, short = _mentions(dated_sentence(400)), _mentions(dated_sentence(4))
    assert [m.date.date_start for m in long] == [
        date(2020, 1, 6) + timedelta(weeks=week) for week in range(400)
    ]
    assert long[0].types == ("dialogue", "meeting")
    assert len({(m.types, m.headline) for m in short[1:]}) == 1
    read = [(m.types, m.headline) for m in long]
    assert (
        read == [(short[0].types, short[0].headline)] + [(short[1].types, short[1].headline)] * 399
    )


def test_the_same_long_sentence_twice_gives_the_same_mentions() -> None:
    text = dated_sentence(120)
    assert _mentions(text) == _mentions(text)
