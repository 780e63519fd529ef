"""The fuzzed properties as plain functions: the reader on bytes, the date finder on
text, one document's whole ingest into a store. `tests/test_fuzz.py` runs them with a
small budget and `benchmarks/fuzz.py` with a large one."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from chronicle.ingest.dates import finder
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.ingest.text.read import DocumentError, read_document
from chronicle.model import PRECISIONS, DateMatch
from chronicle.pipeline import Parsed, parse_file
from chronicle.store import Store

UNEXPECTED = "could not be read ("
"""What `parse_file` says when an exception other than `DocumentError` escaped parsing."""


def check_reader(data: bytes, suffix: str) -> None:
    """A file of any bytes reads as non-blank text, the same twice, or raises a one-line
    `DocumentError` naming the file; never anything else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            text, encoding = read_document(path)
        except DocumentError as error:
            message = str(error)
            assert message.startswith(str(path)), message
            assert "\n" not in message and "\r" not in message, message
            return
        assert isinstance(text, str) and text.strip()
        assert isinstance(encoding, str) and encoding
        assert read_document(path) == (text, encoding)


def check_dates(text: str, other: str, reference: date | None) -> None:
    """`find_dates` keeps its contract on any text, and gives the same matches again after
    another text was searched and its line cache emptied."""
    first = finder.find_dates(text, reference)
    _check_matches(text, first)
    finder.find_dates(other, reference)
    finder._find_in_line.cache_clear()  # a cached answer would hide a leak between calls
    assert finder.find_dates(text, reference) == first


def _check_matches(text: str, matches: list[DateMatch]) -> None:
    end = 0
    for match in matches:
        assert end <= match.start < match.end <= len(text), (end, match)
        assert text[match.start : match.end] == match.text
        assert match.precision in PRECISIONS
        assert (match.date_start is None) == (match.date_end is None), match
        if match.date_start is not None:
            assert match.date_start <= match.date_end, match
        end = match.end


def check_ingest(text: str, suffix: str) -> None:
    """One document parsed twice gives equal mentions, and stored into two fresh SQLite
    stores gives the same events, each store consistent; an unreadable text is refused
    with a `DocumentError`, never an unexpected exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_text(text, encoding="utf-8")
        first, second = _parse(path), _parse(path)
        assert first == second
        if first.error:
            return
        assert first.doc is not None
        signatures = []
        for name in ("one.db", "two.db"):
            parsed = first if name == "one.db" else second
            with Store(Path(folder) / name) as store:
                store.add_document(parsed.doc, parsed.content_hash, parsed.mentions)
                assert store.check() == []
                signatures.append(_signature(store))
        assert signatures[0] == signatures[1]
        assert len(signatures[0][1]) == len(first.mentions)


def _parse(path: Path) -> Parsed:
    parsed = parse_file(path)
    if UNEXPECTED in parsed.error:
        try:  # again, unguarded, where the traceback shows the bug
            doc = load_document(path)
            extract_mentions(doc, content_hash(doc.text))
        except DocumentError:
            pass
        raise AssertionError(parsed.error)  # the bug did not show again (a deeper stack?)
    return parsed


def _signature(store: Store) -> tuple[list[tuple], list[tuple]]:
    """The events (key, dates, precision, type, headline, source count) and which event
    each mention went to, independent of row ids."""
    events = store.execute(
        "SELECT key, date_start, date_end, precision, type, headline, source_count, conflict "
        "FROM events JOIN event_text ON event_id = id ORDER BY key"
    )
    for _, start, end, *_rest in events:
        assert (start is None) == (end is None) and (start is None or start <= end)
    mentions = store.execute(
        "SELECT m.key, m.date_start, m.date_end, e.key FROM mentions m "
        "LEFT JOIN events e ON e.id = m.event_id ORDER BY m.key"
    )
    return events, mentions
