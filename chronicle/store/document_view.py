"""Read one source document back for reading: its text and where its dated sentences stand.

The source screen shows a document whole, with each dated sentence marked and the
event it belongs to. A mention keeps its sentence as offsets into the document's
text (migration 007) or, in a document over `writer.INLINE_ABOVE` characters, as
text (migration 014); both come back here as offsets, the inline ones found again
near their date, as the writer placed them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import NamedTuple


class DatedSentence(NamedTuple):
    """One dated statement of a document, as offsets into its text (a tuple: a large
    document has thousands, read at once)."""

    start: int
    """Where the sentence starts in the document's text."""
    end: int
    """One past its end."""
    date_start: int
    """Where the date's words start."""
    date_end: int
    """One past their end."""
    date_text: str
    """The date as written."""
    event_id: int
    """The event the statement belongs to."""


@dataclass(frozen=True)
class SourceDocument:
    """A stored document, opened at one event's sentence.

    Attributes:
        id: Its row, to ask for its other dated sentences (`dated_sentences`).
        path: Where it was read from.
        title: Its title ("" if none was found).
        publisher: Its publisher ("" if not stated).
        date: Its own date (ISO), or None.
        url: Its web address ("" for a file).
        text: The cleaned text, as stored.
        focus: The event's own sentence.
    """

    id: int
    path: str
    title: str
    publisher: str
    date: str | None
    url: str
    text: str
    focus: DatedSentence


_SOURCE_ORDER = "m.precision = 'day' DESC, m.precision = 'range' DESC, d.path, m.char_start"
"""The order of an event's sources in its detail (`reader.event_detail`): the first is its
first source."""

_SENTENCE = "m.sentence, m.sentence_start, m.sentence_end, m.char_start, m.char_end"


def source_document(
    db: sqlite3.Connection, event_id: int, path: str | None = None
) -> SourceDocument | None:
    """The document an event was read from, with the event's sentence in it.

    Args:
        event_id: The event.
        path: Which of its source documents; None for its first source.

    Returns:
        None when the event or that document is no longer stored.
    """
    where = "m.event_id = ?" + (" AND d.path = ?" if path is not None else "")
    found = db.execute(
        f"SELECT m.document_id, {_SENTENCE}, m.date_text FROM mentions m "
        f"JOIN documents d ON d.id = m.document_id WHERE {where} ORDER BY {_SOURCE_ORDER} LIMIT 1",
        [event_id] if path is None else [event_id, path],
    ).fetchone()
    if found is None:
        return None
    document_id, *placed, date_text = found
    row = db.execute(
        "SELECT path, title, publisher, doc_date, coalesce(url, ''), text "
        "FROM documents WHERE id = ?",
        [document_id],
    ).fetchone()
    focus = DatedSentence(*sentence_span(row[5], *placed), date_text, event_id)
    return SourceDocument(document_id, *row, focus=focus)


def dated_sentences(
    db: sqlite3.Connection, document_id: int, text: str
) -> tuple[DatedSentence, ...]:
    """Every dated sentence of a document that belongs to an event, by position.

    Args:
        text: The document's text (`SourceDocument.text`), where the sentences of a
            large document are found again.
    """
    rows = db.execute(
        f"SELECT {_SENTENCE}, m.date_text, m.event_id "
        "FROM mentions m WHERE m.document_id = ? AND m.event_id IS NOT NULL",
        [document_id],
    )
    found = [
        DatedSentence(*sentence_span(text, sentence, start, end, d_start, d_end), *rest)
        for sentence, start, end, d_start, d_end, *rest in rows
    ]
    return tuple(sorted(found))


def sentence_span(
    text: str,
    sentence: str | None,
    start: int | None,
    end: int | None,
    date_start: int,
    date_end: int,
) -> tuple[int, int, int, int]:
    """(start, end, date_start, date_end) of a mention in its document's text.

    A sentence kept as text is looked for where an occurrence holding the date
    would stand (as `writer._placed` placed the others); one the text does not hold
    there is shown as its date's words alone.
    """
    if start is None or end is None:
        at = -1
        if sentence:
            at = text.find(sentence, max(0, date_end - len(sentence)), date_end + len(sentence))
        start, end = (at, at + len(sentence)) if at >= 0 else (date_start, date_end)
    return start, end, date_start, date_end
