"""Lay out briefs as real PDFs at test time, the way think tanks and ministries set them.

A `Brief` is a masthead, a title and blocks of text (paragraphs, headings, list items,
ruled tables, tables of aligned figures) with footnotes; `make_pdf` sets it with
reportlab in one, two or three columns, hyphenating long words at their soft hyphens, raising
footnote markers, putting each note at the foot of the column that cites it under a
short rule, and printing a running head and a page number on every page after the first
and a running foot on every page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

BODY_FONT, BODY_BOLD, BODY_SIZE, LEADING = "Times-Roman", "Times-Bold", 11.5, 15.0
NOTE_SIZE, NOTE_LEADING = 8.0, 9.8
SUPER_SIZE, SUPER_RISE = 6.0, 3.8
MARGIN, GUTTER, PARAGRAPH_GAP = 72.0, 22.0, 6.0
SOFT_HYPHEN = "\u00ad"
_MARKER = re.compile(r"\[\^(\d+)\]")


@dataclass
class Block:
    """One block of the body: kind is "para", "heading", "item", "ruled" or "figures"."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    source: str = ""


def para(text: str) -> Block:
    """A paragraph; "[^3]" marks where note 3 is cited, a soft hyphen where a word may break."""
    return Block("para", text)


def heading(text: str) -> Block:
    return Block("heading", text)


def item(text: str) -> Block:
    """A bulleted list item."""
    return Block("item", text)


def ruled_table(caption: str, rows: list[list[str]], source: str = "") -> Block:
    """A table with a grid of rules, its caption above and its source below."""
    return Block("ruled", caption, rows, source)


def figures_table(caption: str, rows: list[list[str]], source: str = "") -> Block:
    """A table of figures set in aligned columns without rules."""
    return Block("figures", caption, rows, source)


@dataclass
class Brief:
    """What a brief holds and how it is set."""

    title: str
    masthead: list[str]
    blocks: list[Block]
    notes: dict[str, str] = field(default_factory=dict)
    byline: list[str] = field(default_factory=list)
    columns: int = 1
    running_head: str = ""
    head_on_first: bool = False
    running_foot: str = ""
    page_number: str = "{n}"
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass
class _Token:
    text: str
    markers: list[str]
    bold: bool = False


def _tokens(text: str, bold: bool = False) -> list[_Token]:
    tokens = []
    for word in text.split():
        markers = _MARKER.findall(word)
        tokens.append(_Token(_MARKER.sub("", word), markers, bold))
    return tokens


def _width(token: _Token, size: float) -> float:
    font = BODY_BOLD if token.bold else BODY_FONT
    plain = stringWidth(token.text.replace(SOFT_HYPHEN, ""), font, size)
    return plain + sum(stringWidth(m, BODY_FONT, SUPER_SIZE) for m in token.markers)


def _split(token: _Token, room: float, size: float) -> tuple[_Token, _Token] | None:
    """The longest head of a word that fits `room` with its hyphen, broken at a soft or
    real hyphen, and the rest of the word; None when no break fits."""
    breaks = [i for i, c in enumerate(token.text) if c in (SOFT_HYPHEN, "-")]
    for i in reversed(breaks):
        head = token.text[:i].replace(SOFT_HYPHEN, "") + "-"
        if stringWidth(head, BODY_FONT, size) <= room:
            rest = token.text[i + 1 :]
            return _Token(head, [], token.bold), _Token(rest, token.markers, token.bold)
    return None


def _lines(tokens: list[_Token], width: float, size: float) -> list[list[_Token]]:
    """Greedy line breaking, hyphenating a word that straddles the edge where it can."""
    lines: list[list[_Token]] = [[]]
    used = 0.0
    space = stringWidth(" ", BODY_FONT, size)
    queue = list(tokens)
    while queue:
        token = queue.pop(0)
        need = _width(token, size) + (space if lines[-1] else 0)
        if used + need <= width:
            lines[-1].append(token)
            used += need
            continue
        room = width - used - (space if lines[-1] else 0)
        parts = _split(token, room, size) if lines[-1] else None
        if parts:
            lines[-1].append(parts[0])
            queue.insert(0, parts[1])
        else:
            queue.insert(0, token)
        lines.append([])
        used = 0.0
    return [line for line in lines if line]


class _Setter:
    """Sets blocks into columns page by page, notes at the foot of their column."""

    def __init__(self, canvas: Canvas, brief: Brief, total: int) -> None:
        self.canvas, self.brief, self.total = canvas, brief, total
        self.page_width, self.page_height = A4
        self.page = 1
        self.top = self.page_height - MARGIN
        self.bottom = MARGIN + 20
        self.column = 0
        self.y = self.top
        self.notes: list[str] = []  # notes cited in the current column
        self.note_lines: list[list[_Token]] = []

    @property
    def column_width(self) -> float:
        columns = self.brief.columns
        return (self.page_width - 2 * MARGIN - (columns - 1) * GUTTER) / columns

    @property
    def x(self) -> float:
        return MARGIN + self.column * (self.column_width + GUTTER)

    def _notes_height(self, notes: list[str]) -> float:
        if not notes:
            return 0.0
        lines = sum(len(self._note_lines(n)) for n in notes)
        return lines * NOTE_LEADING + 10

    def _note_lines(self, marker: str) -> list[list[_Token]]:
        text = self.brief.notes[marker]
        return _lines([_Token(marker, []), *_tokens(text)], self.column_width, NOTE_SIZE)

    def _room(self, extra_notes: list[str], height: float) -> bool:
        floor = self.bottom + self._notes_height(self.notes + extra_notes)
        return self.y - height >= floor

    def next_column(self) -> None:
        self._set_notes()
        if self.column < self.brief.columns - 1:
            self.column += 1
            self.y = self.column_top
            return
        self._finish_page()
        self.canvas.showPage()
        self.page += 1
        self.column = 0
        self.top = self.page_height - MARGIN - 14
        self.column_top = self.top
        self.y = self.top

    def _finish_page(self) -> None:
        c = self.canvas
        if (self.page > 1 or self.brief.head_on_first) and self.brief.running_head:
            c.setFont("Helvetica-Oblique", 8)
            c.drawString(MARGIN, self.page_height - MARGIN + 12, self.brief.running_head)
            c.line(
                MARGIN,
                self.page_height - MARGIN + 8,
                self.page_width - MARGIN,
                self.page_height - MARGIN + 8,
            )
        if self.brief.running_foot:  # on every page, the first too
            c.setFont("Helvetica", 8)
            c.drawString(MARGIN, MARGIN - 10, self.brief.running_foot)
        if self.page > 1 and self.brief.page_number:
            c.setFont("Helvetica", 8)
            label = self.brief.page_number.format(n=self.page, total=self.total)
            c.drawCentredString(self.page_width / 2, MARGIN - 10, label)

    def _set_notes(self) -> None:
        if not self.notes:
            return
        c = self.canvas
        y = self.bottom + self._notes_height(self.notes) - 4
        c.line(self.x, y, self.x + 60, y)
        y -= 10
        for marker in self.notes:
            for number, line in enumerate(self._note_lines(marker)):
                self._draw(line, self.x, y, NOTE_SIZE, note=number == 0)
                y -= NOTE_LEADING
        self.notes = []

    def _draw(
        self, line: list[_Token], x: float, y: float, size: float, note: bool = False
    ) -> None:
        c = self.canvas
        space = stringWidth(" ", BODY_FONT, size)
        for index, token in enumerate(line):
            if note and index == 0:  # the note's own number, raised
                c.setFont(BODY_FONT, SUPER_SIZE)
                c.drawString(x, y + SUPER_RISE * 0.8, token.text)
                x += stringWidth(token.text, BODY_FONT, SUPER_SIZE) + 1.5
                continue
            font = BODY_BOLD if token.bold else BODY_FONT
            text = token.text.replace(SOFT_HYPHEN, "")
            c.setFont(font, size)
            c.drawString(x, y, text)
            x += stringWidth(text, font, size)
            for marker in token.markers:
                c.setFont(BODY_FONT, SUPER_SIZE)
                c.drawString(x, y + SUPER_RISE, marker)
                x += stringWidth(marker, BODY_FONT, SUPER_SIZE)
            x += space

    def paragraph(self, tokens: list[_Token], indent: float = 0.0, bullet: str = "") -> None:
        lines = _lines(tokens, self.column_width - indent, BODY_SIZE)
        for number, line in enumerate(lines):
            cited = [m for t in line for m in t.markers]
            if not self._room(cited, LEADING):
                self.next_column()
            self.y -= LEADING
            if bullet and number == 0:
                self.canvas.setFont("Symbol", BODY_SIZE)  # as word processors set bullets
                self.canvas.drawString(self.x + 4, self.y, bullet)
            self._draw(line, self.x + indent, self.y, BODY_SIZE)
            self.notes.extend(cited)
        self.y -= PARAGRAPH_GAP

    def heading(self, text: str) -> None:
        if not self._room([], 3 * LEADING):
            self.next_column()
        self.y -= 4
        self.paragraph(_tokens(text, bold=True))

    def table(self, block: Block) -> None:
        widths = [self.column_width / len(block.rows[0])] * len(block.rows[0])
        height = (len(block.rows) + 3) * LEADING
        if not self._room([], height):
            self.next_column()
        self.paragraph(_tokens(block.text, bold=True))
        c = self.canvas
        top = self.y
        for row in block.rows:
            self.y -= LEADING
            x = self.x
            for cell, width in zip(row, widths, strict=True):
                c.setFont(BODY_FONT, BODY_SIZE)
                if block.kind == "ruled":
                    c.drawString(x + 3, self.y + 3, cell)
                else:
                    c.drawRightString(x + width - 6, self.y, cell)
                x += width
        if block.kind == "ruled":
            xs = [self.x + sum(widths[:i]) for i in range(len(widths) + 1)]
            ys = [top - i * LEADING for i in range(len(block.rows) + 1)]
            c.grid(xs, ys)
        self.y -= PARAGRAPH_GAP
        if block.source:
            self.y -= NOTE_LEADING
            c.setFont(BODY_FONT, NOTE_SIZE)
            c.drawString(self.x, self.y, block.source)
            self.y -= PARAGRAPH_GAP

    def masthead(self) -> None:
        c, brief = self.canvas, self.brief
        y = self.top
        for line in brief.masthead:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(MARGIN, y, line)
            y -= 12
        y -= 18
        c.setFont("Helvetica-Bold", 17)
        for line in _lines(_tokens(brief.title), self.page_width - 2 * MARGIN, 17):
            c.drawString(MARGIN, y, " ".join(t.text for t in line))
            y -= 21
        y -= 4
        for line in brief.byline:
            c.setFont("Helvetica", 10)
            c.drawString(MARGIN, y, line)
            y -= 13
        self.y = self.column_top = y - 10

    def finish(self) -> None:
        self._set_notes()
        self._finish_page()


def make_pdf(brief: Brief) -> bytes:
    """The brief set as a PDF, its metadata (title, author, creation date) as given
    (reportlab writes "untitled" and "anonymous" where none is)."""
    pages = _set(brief, total=0)[1]
    return _set(brief, total=pages)[0]


def _set(brief: Brief, total: int) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    meta = brief.metadata
    if "title" in meta:
        canvas.setTitle(meta["title"])
    if "author" in meta:
        canvas.setAuthor(meta["author"])
    if "created" in meta:  # a PDF date, "D:20190305101500+05'00'"
        canvas._doc.info._dateFormatter = lambda *_: meta["created"]
    setter = _Setter(canvas, brief, total)
    setter.masthead()
    for block in brief.blocks:
        if block.kind == "para":
            setter.paragraph(_tokens(block.text))
        elif block.kind == "heading":
            setter.heading(block.text)
        elif block.kind == "item":
            setter.paragraph(_tokens(block.text), indent=14, bullet="•")
        else:
            setter.table(block)
    setter.finish()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), setter.page


def plain_text(brief: Brief) -> str:
    """The brief as an analyst would save it as a .txt: the same lines, the notes at the end."""
    supers = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

    def marked(text: str) -> str:
        text = text.replace(SOFT_HYPHEN, "")
        return _MARKER.sub(lambda m: m.group(1).translate(supers), text)

    blocks = ["\n".join(brief.masthead), brief.title, "\n".join(brief.byline)]
    for block in brief.blocks:
        if block.kind in ("para", "heading"):
            blocks.append(marked(block.text))
        elif block.kind == "item":
            blocks.append(f"• {marked(block.text)}")
        else:
            blocks += [block.text, "\n".join("\t".join(row) for row in block.rows)]
            blocks += [block.source] if block.source else []
    blocks += [f"{n.translate(supers)} {marked(text)}" for n, text in brief.notes.items()]
    return "\n\n".join(b for b in blocks if b) + "\n"
