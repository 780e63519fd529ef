"""Read a PDF as the plain text the cleaner reads: body in reading order, notes at the end.

Built on pdfplumber, which gives every character with its position, size and font
(what columns, headings, footnotes and raised note markers are told by) and finds
ruled tables. Page by page: running heads, feet and page numbers go
(`pdf_furniture`), ruled tables are taken out whole, the rest is read column
by column (`pdf_layout.reading_order`), the small print at each column's foot is
lifted out as notes (`pdf_notes`), and the body's rows are re-flowed into paragraphs,
headings, list items and tables (`pdf_flow`) that run on across page breaks. The
notes follow the body as "¹ ..." lines, and the file's metadata (title, author,
creation date) heads the text as front matter.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from chronicle.ingest.formats.pdf_flow import (
    Flow,
    flow,
    line_pitch,
    title_size,
)
from chronicle.ingest.formats.pdf_furniture import furniture
from chronicle.ingest.formats.pdf_hyphens import join, written_words
from chronicle.ingest.formats.pdf_layout import Segment, reading_order
from chronicle.ingest.formats.pdf_notes import Notes, foot_notes
from chronicle.ingest.formats.pdf_rows import Row, Word, body_size, finish, rows_of, words_of
from chronicle.ingest.text.read import DocumentError

_SPACE_RATIO = 0.15
"""Characters further apart than this share of their size are two words."""
_END_MARKER = b"%%EOF"
_TAIL_BYTES = 4096


@dataclass(slots=True)
class _Page:
    """What is read off one page: its words outside ruled tables, those tables (box and
    cells), its width, and the heights of its horizontal rules."""

    words: list[Word]
    tables: list[tuple[tuple[float, float, float, float], list[list[str]]]]
    width: float
    rules: list[tuple[float, float, float]]


def to_text(data: bytes, name: str) -> str:
    """The text of a PDF file, under a front-matter block of what its metadata says.

    Raises:
        DocumentError: Not a PDF, truncated or damaged, locked by a password, or without
            a text layer (a scan).
    """
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(f"{name}: not a PDF (no %PDF header)")
    if _END_MARKER not in data[-_TAIL_BYTES:]:
        raise DocumentError(f"{name}: truncated PDF (it ends before its end-of-file marker)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_read_page(page) for page in pdf.pages]
            meta = dict(pdf.metadata)
    except PdfminerException as error:
        raise DocumentError(_opening_error(name, error.args[0] if error.args else error)) from None
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise DocumentError(_opening_error(name, error)) from None
    except Exception:  # pdfminer raises anything (KeyError, struct.error...) on bad bytes
        raise DocumentError(f"{name}: damaged PDF (it cannot be parsed)") from None
    if not any(page.words for page in pages):
        raise DocumentError(f"{name}: no text layer; OCR is not supported")
    body = _body(pages)
    return _front_matter(meta, body) + body


def _opening_error(name: str, error: object) -> str:
    if isinstance(error, PDFPasswordIncorrect):
        return f"{name}: encrypted PDF (a password is needed to open it)"
    if isinstance(error, PDFEncryptionError):
        return f"{name}: encrypted PDF (its encryption is not supported)"
    return f"{name}: damaged PDF (it cannot be parsed)"


def _read_page(page: Any) -> _Page:
    """One pdfplumber page's words, ruled tables and rules; its parsed objects let go."""
    raw = page.extract_words(
        x_tolerance_ratio=_SPACE_RATIO, extra_attrs=["size", "fontname"], keep_blank_chars=False
    )
    words = words_of(raw)
    tables = []
    for table in page.find_tables() if page.lines or page.rects else []:
        cells = [[c or "" for c in row] for row in table.extract()]
        if len(cells) >= 2 and len(cells[0]) >= 2:
            tables.append((table.bbox, cells))
            words = [w for w in words if not _inside(w, table.bbox)]
    rules = [(e["x0"], e["x1"], e["top"]) for e in page.edges if e["orientation"] == "h"]
    read = _Page(words, tables, page.width, rules)
    page.close()
    return read


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 <= word.x0 and word.x1 <= x1 and top <= word.top <= bottom


def _segments(pages: list[_Page], page_rows: list[list[Row]], size: float) -> list[list[Segment]]:
    """Each page's segments in reading order, its furniture gone, its tables in place."""
    margins = furniture(page_rows, [[y for _, _, y in page.rules] for page in pages], size)
    out = []
    for number, page in enumerate(pages):
        drop = {id(w) for i in margins[number] for w in page_rows[number][i].words}
        kept = [w for w in page.words if id(w) not in drop]
        segments = reading_order(kept, number, page.width)
        _place_tables(segments, page.tables, number)
        out.append(segments)
    return out


def _body(pages: list[_Page]) -> str:
    """The body's blocks and the notes, as text."""
    page_rows = [rows_of(page.words, n) for n, page in enumerate(pages)]
    size = body_size(r for rows in page_rows for r in rows)
    by_page = _segments(pages, page_rows, size)
    every_row = [r for segments in by_page for s in segments for r in s.rows if r.table is None]
    words = written_words(r.text for r in every_row)
    first = [r for s in by_page[0] for r in s.rows] if by_page else []
    state = Flow(size, line_pitch([s for p in by_page for s in p]), title_size(first, size), words)
    notes = Notes()
    for page, segments in zip(pages, by_page, strict=True):
        for segment in segments:
            ruled = _ruled(segment, page.rules, size)
            keep = foot_notes(segment.rows, size, notes, ruled, lambda a, b: join(a, b, words))
            segment.rows = segment.rows[:keep]
        flow(segments, state)
    state.flush()
    blocks = ["\n".join(lines) for lines in state.blocks]
    return "\n\n".join([*blocks, *notes.lines()]) + "\n"


_HEAD_BLOCKS = 8
"""The blocks a text's own title and byline stand among."""
_HEADING = re.compile(r"^#{1,6} ", re.M)
_BYLINE = re.compile(r"^(?:by|written by|author:?)\s+[A-Z]", re.I | re.M)
_RULE_WIDTH = 0.5
"""A rule over footnotes is at most this share of the column's width."""
_SMALL = 0.92
"""Print set at most this share of the body's size is small print."""


def _ruled(segment: Segment, rules: list[tuple[float, float, float]], body: float) -> bool:
    """Whether a short rule stands over the small print at the segment's foot."""
    rows = segment.rows
    start = len(rows)
    while start and rows[start - 1].table is None and rows[start - 1].size < _SMALL * body:
        start -= 1
    if start in (0, len(rows)):
        return False
    above, below = rows[start - 1].bottom, rows[start].top
    width = segment.right - segment.left
    return any(
        x1 - x0 < _RULE_WIDTH * width and above <= y <= below and segment.left - 5 <= x0
        for x0, x1, y in rules
    )


def _place_tables(segments: list[Segment], tables: list, page: int) -> None:
    """Stand each ruled table, as one row, in the nearest segment that shares half its
    width (a column's, or the page's); alone where none does."""
    for (x0, top, x1, bottom), cells in tables:
        row = finish(Row([Word("", x0, x1, top, bottom, 0.0, False)], page))
        row.table = cells
        wide = [s for s in segments if min(s.right, x1) - max(s.left, x0) >= (x1 - x0) / 2]
        if not wide:
            segments.append(Segment([row], x0, x1))
            continue
        target = min(wide, key=lambda s: _distance(s, top, bottom))
        target.rows.append(row)
        target.rows.sort(key=lambda r: r.top)


def _distance(segment: Segment, top: float, bottom: float) -> float:
    """How far a segment's rows stand above or below a box (0: beside it)."""
    first, last = min(r.top for r in segment.rows), max(r.bottom for r in segment.rows)
    return max(0.0, first - bottom, top - last)


_JUNK_TITLE = re.compile(
    r"^(?:untitled|microsoft \w+ - .*|.*\.(?:docx?|pdf|rtf|indd|odt|txt))$", re.I
)
"""What a PDF's Title holds when nobody set one: a placeholder, the source file's name."""
_JUNK_AUTHOR = frozenset(
    {"anonymous", "admin", "administrator", "user", "owner", "unknown", "author"}
    | {"windows user", "microsoft office user", "dell", "hp"}
)
"""What a PDF's Author holds when nobody set one: a placeholder, the computer's account."""
_PDF_DATE = re.compile(r"^(?:D:)?(?P<y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?")


def _front_matter(meta: dict[str, Any], body: str) -> str:
    """The metadata worth passing on: a title and an author the text's head lacks (a
    file's Author is often whoever typed it, not who signs it), when they name something
    (not "untitled", a file name, "anonymous" or a computer's user), and the creation
    date."""
    head = "\n\n".join(body.split("\n\n")[:_HEAD_BLOCKS])
    fields = {}
    title = _string(meta.get("Title"))
    if title and not _HEADING.search(head) and not _JUNK_TITLE.match(title):
        fields["title"] = title
    author = _string(meta.get("Author"))
    named = author.lower() not in _JUNK_AUTHOR and any(c.isalpha() for c in author)
    if named and not _BYLINE.search(head):
        fields["author"] = author
    if created := pdf_date(_string(meta.get("CreationDate"))):
        fields["date-created"] = created.isoformat()
    if not fields:
        return ""
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n\n"


def _string(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    return " ".join(value.split())[:200] if isinstance(value, str) else ""


def pdf_date(text: str) -> date | None:
    """The day of a PDF date string ("D:20190305101500+05'00'"), or None."""
    match = _PDF_DATE.match(text.strip())
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"] or 1), int(match["d"] or 1))
    except ValueError:
        return None
