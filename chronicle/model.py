"""Plain data passed between layers: the one module every layer may import.

Nothing here does I/O or knows about SQL or Textual; the classes are frozen so a
value handed from ingest to store to the UI cannot change on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PRECISIONS = ("day", "month", "year", "range", "approximate", "unresolved")
"""Every precision a date can have, from most to least exact ('unresolved' has no date)."""

EVENT_TYPES = (
    "meeting",
    "visit",
    "agreement",
    "statement",
    "anniversary",
    "dialogue",
    "election",
    "economic",
    "citation",
    "other",
)
"""Every event type the classifier may assign, in priority order."""


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text.

    Attributes:
        start: Character offset of the match in the searched text.
        end: Offset one past the match.
        date_start: First day the expression covers (None when unresolved).
        date_end: Last day the expression covers (None when unresolved).
        precision: One of PRECISIONS.
        text: The matched span, exactly as written (``text[start:end]``).
        modifier: Qualifier such as "since", "before", "early", "about" ("" if none).
        detail: Extra timing kept as detail, e.g. "from 11:38 a.m. (local time)".
    """

    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: str
    text: str
    modifier: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence, list item or footnote of a cleaned document.

    Attributes:
        text: The segment text (cleaned, single-spaced).
        start: Offset of the segment in ``CleanDocument.text``.
        end: Offset one past the segment.
        paragraph: Index of the paragraph the segment belongs to.
        kind: "sentence", "list_item", "heading", "footnote" or "table_row".
        footnotes: Footnote markers referenced from this segment (e.g. ("1", "2")).
    """

    text: str
    start: int
    end: int
    paragraph: int
    kind: str = "sentence"
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A source document after reading and cleaning, before event extraction.

    Attributes:
        path: Where the document was read from.
        text: The cleaned full text; segment offsets index into it.
        paragraphs: The cleaned paragraphs, in order (``Segment.paragraph`` indexes this).
        segments: Sentences, list items, footnotes, in order.
        footnotes: Footnote marker -> footnote text.
        title: First heading line ("" if none).
        date: The document's own date (dateline, date under title), or None.
        date_text: That date as written ("" if none).
        publisher: Publisher or source when stated ("" if none).
        author: Author when stated ("" if none).
        encoding: The encoding the bytes were decoded with.
    """

    path: str
    text: str
    paragraphs: tuple[str, ...]
    segments: tuple[Segment, ...]
    footnotes: dict[str, str] = field(default_factory=dict)
    title: str = ""
    date: date | None = None
    date_text: str = ""
    publisher: str = ""
    author: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Actor:
    """A person named in a text, normalised without honorifics.

    Attributes:
        name: Display name, e.g. "Taro Kono" (given name first when known).
        key: Identity key shared by every spelling of the same person, e.g. "kono taro".
        role: Role as stated, e.g. "Minister for Foreign Affairs" ("" if none).
        country: ISO 3166 alpha-2 code of the country the role belongs to ("" if unknown).
    """

    name: str
    key: str
    role: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Entities:
    """Who and where a sentence is about."""

    actors: tuple[Actor, ...] = ()
    countries: tuple[str, ...] = ()
    """ISO 3166 alpha-2 codes, in order of first appearance."""
    organisations: tuple[str, ...] = ()
    """Short names such as "UNSC", "JICA"."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One dated statement in one document: the unit that events are merged from.

    Attributes:
        key: Stable identity: "<document content hash>:<offset of the date>".
        document: Path of the source document.
        sentence: The sentence the date was found in.
        paragraph: The paragraph around it.
        date: The date as this source gives it.
        type: Primary event type (one of EVENT_TYPES).
        types: Every type the sentence fits, primary first.
        entities: People, countries, organisations of the sentence.
        headline: A short generated title.
        footnotes: Footnote texts the sentence links to.
    """

    key: str
    document: str
    sentence: str
    paragraph: str
    date: DateMatch
    type: str
    types: tuple[str, ...]
    entities: Entities
    headline: str
    footnotes: tuple[str, ...] = ()
