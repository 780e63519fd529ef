"""What parsing remembers from one document to the next (chronicle.ingest.memo)."""

from __future__ import annotations

from chronicle.ingest import memo
from chronicle.ingest.entities.people import find_people
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import document_from_text

FIRST = (
    "Tokyo, 3 March 2019\n\n"
    "Foreign Minister Taro Kono met Ambassador Asad Majeed Khan on 2 March 2019.\n\n"
    "The two sides agreed to hold the next round of talks in Islamabad.\n"
)
SECOND = (
    "Islamabad, 9 May 2021\n\n"
    "Prime Minister Imran Khan received the visiting Japanese delegation on 8 May 2021.\n"
)
SENTENCE = "Foreign Minister Taro Kono met Ambassador Asad Majeed Khan on 2 March 2019."


def parse(text: str) -> None:
    doc = document_from_text(text)
    extract_mentions(doc, content_hash(doc.text))


def test_a_sentence_is_tagged_once_in_its_document_and_forgotten_after_it():
    parse(FIRST)
    misses = find_people.cache_info().misses
    find_people(SENTENCE)  # asked again while its document is the last read
    assert find_people.cache_info().misses == misses

    parse(SECOND)
    held, misses = find_people.cache_info().currsize, find_people.cache_info().misses
    assert 0 < held <= 3  # the second document's sentences only
    find_people(SENTENCE)  # the first document's: read again
    assert find_people.cache_info().misses == misses + 1
    assert find_people.cache_info().currsize == held + 1


def test_lines_many_documents_share_stay_remembered_up_to_a_bound():
    calls = []

    @memo.per_document
    def shout(line: str) -> str:
        calls.append(line)
        return line.upper()

    try:
        shout("menu")
        memo.after_document()
        shout("menu")
        assert calls == ["menu"]
        for n in range(memo.KEPT + 1):
            shout(f"line {n}")
        memo.after_document()
        shout("menu")
        assert calls[-1] == "menu" and calls.count("menu") == 2
    finally:
        memo._CACHES.remove(shout)
