"""Plain data passed between layers: the one module every layer may import.

Nothing here does I/O or knows about SQL or Textual; the classes are frozen so a
value handed from ingest to store to the UI cannot change on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MANUAL_SCHEME = "manual:"
"""How the path of a document the analyst wrote by hand begins (`chronicle.manual`)."""


def is_manual(path: str) -> bool:
    """Whether a stored document's path names an event added by hand, not a document read."""
    return path.startswith(MANUAL_SCHEME)


SERIES_PRECISIONS = ("day", "month", "quarter", "fiscal_year", "year", "range")
"""Every precision a series' period can have, from most to least exact."""

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

TYPE_LABELS = {
    "meeting": "meet",
    "visit": "visit",
    "agreement": "agree",
    "statement": "said",
    "anniversary": "anniv",
    "dialogue": "talks",
    "election": "vote",
    "economic": "econ",
    "citation": "cite",
    "other": "",
}
"""The short label each type shows in the timeline; `type:` accepts it as well as the name."""


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
        anchor: What a relative date counted from, as "kind:when": "document:2019-03-02"
            (the document's date), "narrative:2019-02-20" (the date the text last told),
            "earlier:2017-12", "heading:2019", "entry:2011-01-23" (what lent a year-less
            date its year); "" for a date written out in full or unresolved
            (see ``chronicle.ingest.dates.provenance``).
    """

    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: str
    text: str
    modifier: str = ""
    detail: str = ""
    anchor: str = ""


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
class SeriesPoint:
    """One period of a series and its value, as a table gives it.

    Attributes:
        period: The period as the table writes it ("2012-13", "Q3 2019").
        precision: One of SERIES_PRECISIONS.
        start: First day of the period.
        end: Last day of the period.
        value: The number (None when the table marks it missing: "n/a", "–").
        text: The cell as written ("1,860", "(4.2)", "n/a").
    """

    period: str
    precision: str
    start: date
    end: date
    value: float | None
    text: str


@dataclass(frozen=True, slots=True)
class Series:
    """A row or column of a document's table read as values over time.

    Attributes:
        name: The caption and the row or column ("Pakistan's Trade with Japan: Exports").
        caption: The table's caption as written ("" when it has none).
        label: The row or column heading the values are under ("" when unlabelled).
        unit: The unit the table states ("US$ Million", "%"); "" when it states none.
        convention: For fiscal years, the months they run ("July–June"; "unknown" when
            neither the table nor its document says); "" otherwise.
        note: The source or note line printed under the table ("" if none).
        paragraph: Index of the table's paragraph in ``CleanDocument.paragraphs``.
        points: The periods in the table's order.
    """

    name: str
    caption: str
    label: str
    unit: str
    convention: str
    note: str
    paragraph: int
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True, slots=True)
class StoredSeries:
    """A series as the store keeps it: with its id and the document it came from.

    Attributes:
        id: Row id in the store.
        document: Path (or URL) of the source document.
        title: The source document's title.
        series: The series itself.
    """

    id: int
    document: str
    title: str
    series: Series

    def to_json(self) -> dict[str, object]:
        """The stable machine form used by `chronicle series --json`."""
        s = self.series
        return {
            "id": self.id,
            "name": s.name,
            "caption": s.caption,
            "label": s.label,
            "unit": s.unit,
            "convention": s.convention,
            "note": s.note,
            "document": self.document,
            "document_title": self.title,
            "points": [
                {
                    "period": p.period,
                    "precision": p.precision,
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                    "value": p.value,
                    "text": p.text,
                }
                for p in s.points
            ],
        }


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
        date_source: How the date was found (the name of the strategy that chose it;
            "" if none).
        publisher: Publisher or source when stated ("" if none).
        author: Author when stated ("" if none).
        encoding: The encoding the bytes were decoded with.
        extractor: Fingerprint of the rules that read it ("" when unknown).
        format: What it was read as: "text", "markdown", "html", "pdf" or "docx".
        url: The web address it was fetched from, else the page's canonical URL
            ("" if none).
        series: The document's tables read as series over time.
    """

    path: str
    text: str
    paragraphs: tuple[str, ...]
    segments: tuple[Segment, ...]
    footnotes: dict[str, str] = field(default_factory=dict)
    title: str = ""
    date: date | None = None
    date_text: str = ""
    date_source: str = ""
    publisher: str = ""
    author: str = ""
    encoding: str = "utf-8"
    extractor: str = ""
    format: str = "text"
    url: str = ""
    series: tuple[Series, ...] = ()


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

    def __hash__(self) -> int:
        # Mentions key the merge's caches, each looked up many times a document: the
        # key alone is enough to hash on (equal mentions have equal keys), where the
        # generated hash walked every field, the people and countries included.
        return hash(self.key)


@dataclass(frozen=True, slots=True)
class Source:
    """One source sentence behind an event, as the reader shows it.

    Attributes:
        document: Path of the source document.
        title: The document's title.
        publisher: The document's publisher ("" if not stated).
        date_text: The date as this source wrote it.
        text: The source sentence.
        paragraph: The paragraph around the sentence.
        date_start: The date as this source gives it (ISO), or None.
        date_end: Last day as this source gives it (ISO), or None.
        precision: This source's precision.
        footnotes: Footnote texts the sentence links to.
        detail: Timing kept with the date, e.g. "from 11:38 a.m. (local time)".
        document_date: The source document's own date (ISO), or None.
        document_date_source: How that date was found (a strategy name), or "".
        url: The web address of the document ("" for a file with none).
        anchor: What this source's date counted from when it was relative
            (``DateMatch.anchor``), or "".
        type: The event type this source's sentence gives ("" when not loaded).
        actors: The people this source's sentence names.
        key: The mention's key (its document's content hash and date offset), or "".
    """

    document: str
    title: str
    publisher: str
    date_text: str
    text: str
    paragraph: str = ""
    date_start: str | None = None
    date_end: str | None = None
    precision: str = "day"
    footnotes: tuple[str, ...] = ()
    detail: str = ""
    document_date: str | None = None
    document_date_source: str = ""
    url: str = ""
    anchor: str = ""
    type: str = ""
    actors: tuple[str, ...] = ()
    key: str = ""

    def to_json(self) -> dict[str, object]:
        """The stable machine form used by `chronicle search --json`."""
        return {
            "document": self.document,
            "title": self.title,
            "publisher": self.publisher,
            "date_text": self.date_text,
            "text": self.text,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "precision": self.precision,
            "detail": self.detail,
            "document_date": self.document_date,
            "document_date_source": self.document_date_source or None,
            "footnotes": list(self.footnotes),
            "url": self.url or None,
            "anchor": self.anchor or None,
            "key": self.key or None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A happening in the chronicle: one or more mentions merged.

    Attributes:
        id: Row id in the store (stable while the database lives).
        key: Deterministic identity (the smallest mention key of the cluster).
        date_start: ISO first day, or None when no source resolves the date.
        date_end: ISO last day, or None.
        precision: The precision of the most precise source.
        type: Primary event type.
        headline: Short title from the best mention.
        text: The best mention's sentence.
        actors: Display names of the people involved.
        countries: ISO alpha-2 codes.
        organisations: Organisation short names.
        source_count: How many mentions (source sentences) back the event.
        conflict: True when sources disagree on the date.
        part_of: Id of the larger event this one is part of, if any.
        sources: Every source sentence (filled when details are loaded).
        related: Ids of related events (filled when details are loaded).
        parts: Ids of events that are part of this one (filled with details).
        annotation: The analyst's star, tags, note and correction, if any.
    """

    id: int
    key: str
    date_start: str | None
    date_end: str | None
    precision: str
    type: str
    headline: str
    text: str
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    source_count: int = 1
    conflict: bool = False
    part_of: int | None = None
    sources: tuple[Source, ...] = ()
    related: tuple[int, ...] = ()
    parts: tuple[int, ...] = ()
    annotation: Annotation | None = None

    def to_json(self) -> dict[str, object]:
        """The stable machine form used by `chronicle search --json`."""
        return {
            "id": self.id,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "precision": self.precision,
            "type": self.type,
            "headline": self.headline,
            "text": self.text,
            "actors": list(self.actors),
            "countries": list(self.countries),
            "organisations": list(self.organisations),
            "source_count": self.source_count,
            "conflict": self.conflict,
            "part_of": self.part_of,
            "parts": list(self.parts),
            "related": list(self.related),
            "sources": [s.to_json() for s in self.sources],
            "annotation": self.annotation.to_json() if self.annotation else None,
        }


CORRECTABLE = ("date_start", "date_end", "precision", "type", "headline", "actors", "countries")
"""What an analyst may correct on an event, in the order forms and exports show it."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the analyst decided about an event: kept apart from what ingest rebuilds.

    Attributes:
        id: Row id in the store.
        starred: Marked with a star.
        tags: Tag names, sorted.
        note: Free text (several lines).
        correction: Field (one of CORRECTABLE) -> the analyst's value.
        machine: The same fields -> what the documents gave, kept beside the correction.
        anchors: Keys of the mentions the annotation is anchored to, first first.
        event_id: The event it now belongs to, or None when every anchor is gone.
        updated_at: When it last changed (ISO, UTC).
        label: The event as it was when last edited (date, headline, source), to name
            it once its documents are gone.
    """

    id: int
    starred: bool = False
    tags: tuple[str, ...] = ()
    note: str = ""
    correction: dict[str, object] = field(default_factory=dict)
    machine: dict[str, object] = field(default_factory=dict)
    anchors: tuple[str, ...] = ()
    event_id: int | None = None
    updated_at: str = ""
    label: str = ""

    @property
    def empty(self) -> bool:
        """True when nothing is starred, tagged, noted or corrected."""
        return not (self.starred or self.tags or self.note.strip() or self.correction)

    def to_json(self) -> dict[str, object]:
        """The stable machine form of exports (and what `chronicle import` reads back)."""
        return {
            "starred": self.starred,
            "tags": list(self.tags),
            "note": self.note,
            "correction": dict(self.correction),
            "machine": dict(self.machine),
            "anchors": list(self.anchors),
            "updated_at": self.updated_at,
            "label": self.label,
        }
