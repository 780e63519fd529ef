"""How chronicle cites a source and an event: one short note style for every export,
the help and copies.

The style is a short Chicago-like note: Publisher, "Title," the document's own date
(an ISO day, as chronicle writes a day everywhere), the web address or else the file
it was read from. A part the source lacks is left out with its comma, so a file with
no publisher or date still reads as one clean note. The strings are plain text: each
export escapes them for its own format.
"""

from __future__ import annotations

from chronicle.date_notation import date_label
from chronicle.model import Event, Source, is_manual

CITATION_STYLE = (
    'Short Chicago-like note: Publisher, "Title," document date (YYYY-MM-DD), '
    "URL or file path; missing parts are left out."
)
"""One line naming the citation style, for the help and the docs."""

MANUAL_LOCATION = "added by hand"
"""What a citation gives instead of a path for a source the analyst wrote."""


def _location(source: Source) -> str:
    if source.url:
        return source.url
    return MANUAL_LOCATION if is_manual(source.document) else source.document


def _one_line(text: str) -> str:
    return " ".join(text.split())


def cite_source(source: Source) -> str:
    """One source as a note: publisher, title, the document's date, URL or path.

    Args:
        source: The source sentence's document as the store gives it.

    Returns:
        The citation, ending with a full stop, with missing parts left out.
    """
    parts = [
        (_one_line(source.publisher), False),
        (_one_line(source.title), True),
        (source.document_date or "", False),
        (_one_line(_location(source)), False),
    ]
    kept = [(text, quoted) for text, quoted in parts if text]
    pieces = [
        _piece(text, quoted, last=i == len(kept) - 1) for i, (text, quoted) in enumerate(kept)
    ]
    return " ".join(pieces)


def _piece(text: str, quoted: bool, *, last: bool) -> str:
    """One part with the punctuation after it: a comma, or the closing full stop.

    A quoted title takes the punctuation inside its quotes, as Chicago does, and
    none when it ends with its own.
    """
    mark = "." if last else ","
    if quoted:
        return f'"{text}"' if text.endswith(_ENDS) else f'"{text}{mark}"'
    return text if last and text.endswith(_ENDS) else text + mark


_ENDS = (".", "?", "!")


def cite_event(event: Event) -> str:
    """The event's date and headline, then the citation of its best (first) source.

    Args:
        event: An event with its sources loaded (``Store.event``).

    Returns:
        ``2011-02-21–23: Headline. Publisher, "Title," 2018-01-10, URL.``
    """
    when = date_label(event.date_start, event.date_end, event.precision)
    headline = _one_line(event.headline)
    head = f"{when}: {headline}" if headline else when
    if not head.endswith(_ENDS):
        head += "."
    if not event.sources:
        return head
    source = cite_source(event.sources[0])
    return f"{head} {source}" if source else head
