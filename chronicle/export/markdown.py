"""Markdown export: a chronology grouped by year, each source a footnote.

One paragraph per event: the date as the app writes it, the headline, ★ when
starred, then a line with its type, tags, "added by hand" and its corrections
("date corrected (machine: …)"), the note as a quoted block. Each source is a
footnote `[^n]`, numbered through the whole document (so labels are unique), and
defined at the end of its year's section with its citation (`chronicle.citation`);
events citing the same document in one section share its footnote.

Document text is data: every character Markdown could read as markup is
backslash-escaped, a line that could open a block (`#`, `>`, `-`, `1.`, an indent)
is defused, and control characters are written as visible escapes, so a headline
can neither format, link nor hide anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from chronicle.citation import cite_source
from chronicle.export import analyst
from chronicle.export.base import Format, Heading
from chronicle.model import Event
from chronicle.visible import visible

STAR = "★"
"""Marks a starred event after its headline, as the timeline does."""

UNDATED_SECTION = "Undated"
"""The heading of the section for events with no date."""

_MARKUP = re.compile(r"([\\`*_\[\]<>&!|~{}#^$])")
"""Characters that can begin inline markup anywhere in a line (all ASCII punctuation
may be backslash-escaped in CommonMark, so escaping them never shows a backslash)."""

_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=*_>#:|])")
"""What a line may begin with to open a list, heading, quote, rule or table."""


def escape(text: str) -> str:
    """One line of document text as Markdown that renders exactly as that text."""
    return _MARKUP.sub(r"\\\1", visible(text))


def escape_line(text: str) -> str:
    """A line of a note: escaped, and unable to open a block of its own."""
    line = escape(text)
    line = _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", line, count=1)
    stripped = line.lstrip(" ")
    return "&#32;" * (len(line) - len(stripped)) + stripped


def _year(event: Event) -> str:
    return event.date_start[:4] if event.date_start else UNDATED_SECTION


class _Document:
    """The export being written: footnote numbers and the current year's sources.

    A citation given twice in a year's section keeps its first footnote, so what is
    held until the section ends is one line per document cited, not per event.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.next_label = 1
        self.pending: dict[str, int] = {}
        self.section: str | None = None

    def start_section(self, year: str) -> None:
        if year == self.section:
            return
        self.end_section()
        self.section = year
        self.out.write(f"## {year}\n\n")

    def end_section(self) -> None:
        """Define the footnotes the section referred to."""
        for citation, label in self.pending.items():
            self.out.write(f"[^{label}]: {citation}\n")
        if self.pending:
            self.out.write("\n")
        self.pending = {}

    def cite(self, citation: str) -> str:
        """The footnote reference for a citation (a new label unless the section has it)."""
        if citation not in self.pending:
            self.pending[citation] = self.next_label
            self.next_label += 1
        return f"[^{self.pending[citation]}]"


def _entry(event: Event, doc: _Document) -> str:
    """The event's paragraph and, when it has a note, the note as a quoted block."""
    star = f" {STAR}" if analyst.starred(event) else ""
    cited = (doc.cite(escape(cite_source(s)) or "(no citation)") for s in event.sources)
    refs = "".join(dict.fromkeys(cited))  # two sentences of one document: one footnote
    lines = [f"**{escape(analyst.event_date(event))}** {escape(event.headline)}{star}{refs}"]
    facts = [f"*{escape(event.type)}*"] if event.type else []
    tags = analyst.tags(event)
    if tags:
        facts.append("tags: " + ", ".join(escape(t) for t in tags))
    if analyst.manual(event):
        facts.append("added by hand")
    facts.extend(escape(sentence) for sentence in analyst.correction_sentences(event))
    if facts:
        lines.append(" · ".join(facts))
    text = "  \n".join(lines) + "\n"  # two spaces: a line break within the paragraph
    note = analyst.note(event).strip().replace("\r\n", "\n")
    if note:
        text += "\n" + _quoted(note.split("\n")) + "\n"
    return text + "\n"


def _quoted(lines: list[str]) -> str:
    """The note's lines as a quoted block, each line break kept (a backslash at the end)."""
    quoted = [f"> {escape_line(line)}" if line.strip() else ">" for line in lines]
    for i in range(len(quoted) - 1):
        if lines[i].strip() and lines[i + 1].strip():
            quoted[i] += "\\"
    return "\n".join(quoted)


def write(events: Iterable[Event], out: TextIO, heading: Heading) -> int:
    """Write the chronology; returns how many events it holds."""
    if heading.title:
        out.write(f"# {escape(heading.title)}\n\n")
    if heading.query:
        out.write(f"Query: {escape(heading.query)}\n\n")
    doc = _Document(out)
    count = 0
    for event in events:
        doc.start_section(_year(event))
        out.write(_entry(event, doc))
        count += 1
    doc.end_section()
    return count


FORMAT = Format(
    name="md",
    extension="md",
    media_type="text/markdown",
    description="a chronology by year, sources as footnotes with citations",
    write=write,
)
