"""Load one file as a `CleanDocument`: read, take metadata, clean, segment.

The cleaned text is the paragraphs joined by blank lines (body first, then the
footnotes), so every segment's offsets index it directly:
``doc.text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from chronicle.ingest.formats import binary_format
from chronicle.ingest.memo import after_document
from chronicle.ingest.metadata.extract import dateline_length, extract_metadata
from chronicle.ingest.series import find_series
from chronicle.ingest.text.clean import CleanText, Paragraph, clean_lines, prepare_lines
from chronicle.ingest.text.read import HTML_EXTENSIONS, DocumentError, read_document
from chronicle.ingest.text.segment import split_sentences
from chronicle.ingest.version import extractor_version
from chronicle.model import CleanDocument, Segment

PARAGRAPH_SEPARATOR = "\n\n"

_SEGMENT_KIND = {
    "prose": "sentence",
    "list_item": "list_item",
    "heading": "heading",
    "footnote": "footnote",
    "table": "table_row",
}


def fallback_title(segments: Sequence[Segment]) -> str:
    """For a document without a heading (a wire story): its lede, without the dateline."""
    first = next((s.text for s in segments if s.kind in ("sentence", "list_item")), "")
    lede = first[dateline_length(first) :].strip()
    if len(lede) <= TITLE_LENGTH:
        return lede.rstrip(".")
    cut = lede[: TITLE_LENGTH - 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…" if " " in cut else cut + "…"


TITLE_LENGTH = 90
"""Longest fallback title, cut at a word boundary."""


def load_document(path: Path, max_bytes: int | None = None) -> CleanDocument:
    """Read and clean one document file.

    Args:
        path: A supported text, Markdown or HTML file.
        max_bytes: Refuse a larger file (0: any size); None: `read.max_file_bytes()`.

    Returns:
        The cleaned document with paragraphs, segments, footnotes and metadata.

    Raises:
        DocumentError: The file cannot be read or holds no usable text.
    """
    text, encoding = read_document(path, max_bytes)
    doc = document_from_text(text, str(path), encoding, format_of(Path(path)))
    if not doc.paragraphs:
        raise DocumentError(f"{path}: no usable text after cleaning")
    return doc


def format_of(path: Path) -> str:
    """What a file is read as, by its name: "pdf", "docx", "html", "markdown" or "text"."""
    suffix = path.suffix.lower()
    if format_name := binary_format(path):
        return format_name
    if suffix in HTML_EXTENSIONS:
        return "html"
    return "markdown" if suffix in (".md", ".markdown") else "text"


def document_from_text(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    format: str = "text",
    url: str = "",
) -> CleanDocument:
    """Build a `CleanDocument` from text already in memory (a file's decoded text, a test's).

    Args:
        text: The decoded text (HTML, PDF and Word already flattened).
        path: Where it came from.
        encoding: The encoding its bytes were decoded with.
        format: What it was read as (`format_of`).
        url: The web address it was fetched from ("" for a file).
    """
    lines = prepare_lines(text)
    meta = extract_metadata(lines)
    cleaned: CleanText = clean_lines(lines, skip=meta.consumed)
    after_document()
    full_text, segments = assemble(cleaned.paragraphs)
    doc = CleanDocument(
        path=path,
        text=full_text,
        paragraphs=tuple(p.text for p in cleaned.paragraphs),
        segments=tuple(segments),
        footnotes=dict(cleaned.footnotes),
        title=meta.title or fallback_title(segments),
        date=meta.date,
        date_text=meta.date_text,
        date_source=meta.date_source,
        publisher=meta.publisher,
        author=meta.author,
        encoding=encoding,
        extractor=extractor_version(),
        format=format,
        url=url or meta.url,
    )
    return replace(doc, series=find_series(doc))


def assemble(paragraphs: Sequence[Paragraph]) -> tuple[str, list[Segment]]:
    """Join paragraphs into one text and segment each of them.

    Args:
        paragraphs: Clean paragraphs in document order.

    Returns:
        (full text, segments with offsets into it).
    """
    segments: list[Segment] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        for start, end, markers in _spans(paragraph):
            segments.append(
                Segment(
                    text=paragraph.text[start:end],
                    start=offset + start,
                    end=offset + end,
                    paragraph=index,
                    kind=_SEGMENT_KIND[paragraph.kind],
                    footnotes=markers,
                )
            )
        offset += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs), segments


def _spans(paragraph: Paragraph) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, footnote markers) of each segment of one paragraph."""
    text = paragraph.text
    if paragraph.kind == "footnote":
        return [(0, len(text), (paragraph.marker,))]
    if paragraph.kind == "heading":
        spans = [(0, len(text))]
    elif paragraph.kind == "table":
        spans = _line_spans(text)
    else:
        spans = split_sentences(text)
    linked: list[list[str]] = [[] for _ in spans]
    for position, marker in paragraph.markers:
        index = next((i for i, (_, end) in enumerate(spans) if position <= end), len(spans) - 1)
        if marker not in linked[index]:
            linked[index].append(marker)
    return [(s, e, tuple(m)) for (s, e), m in zip(spans, linked, strict=True)]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        if line:
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
