"""The text a reader sees in a Word paragraph, run by run.

Kept: a run's text, text inserted under tracked changes, hyperlinks, content controls
and fields as the text they show (a date, a page number). Dropped: text deleted under
tracked changes, hidden text, a field's instruction, comments (their text lives in
another part) and drawings. A line break becomes a space, unless the paragraph's
breaks set out lines of their own (a letterhead, an address: `sets_lines`); a tab
becomes a wide gap (see `TAB`); a footnote or endnote reference becomes the note's
number in superscript digits, which the cleaner links to the note of that number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from docx.oxml.ns import qn
from lxml.etree import _Element

from chronicle.ingest.formats.docx_styles import Styles, val
from chronicle.ingest.metadata.title import is_headline
from chronicle.ingest.text.inline import SUPERSCRIPTS
from chronicle.ingest.text.segment import ends_sentence

TAB = "   "
"""A tab in running text is layout: the gap before a right-aligned date on a release's
number line ("No. 214/2024<TAB>16 June 2024"), after a typed list number. Written as a
wide gap, which the masthead reader takes as two parts and the table-row test as a
cell gap only between figures, rather than as a tab, which would make any such line a
table row."""

NoteMarker = Callable[[str, str], str]
"""Given a note's kind ("footnote" or "endnote") and id, the number it is shown as."""

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", SUPERSCRIPTS)
_SPACES = re.compile(r"[ \u00a0]+")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_TABS = re.compile(r" ?\t[\t ]*")

_CONTAINERS = frozenset(
    qn(tag)
    for tag in (
        "w:ins",
        "w:moveTo",
        "w:hyperlink",
        "w:smartTag",
        "w:customXml",
        "w:fldSimple",
        "w:dir",
        "w:bdo",
        "w:sdtContent",
        "w:sdt",
    )
)
"""Elements whose runs are the paragraph's text: insertions, links, controls, fields."""

_RUN_TEXT = {
    qn("w:t"): None,
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}
_R, _T, _RPR, _VERT_ALIGN, _ID, _SDT, _CUSTOM_MARK = (
    qn(tag)
    for tag in ("w:r", "w:t", "w:rPr", "w:vertAlign", "w:id", "w:sdt", "w:customMarkFollows")
)
_NOTE_REFERENCES = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}


def sets_lines(lines: list[str]) -> bool:
    """Whether a paragraph's line breaks set out lines of their own, as Shift+Enter sets
    out a letterhead, an address or a signature block ("Ministry of Foreign Affairs",
    "Government of Pakistan"): every line before a break ends a sentence, reads as a
    name or heading in title case, or holds no word in lower case, and the line after
    it does not carry on in lower case. In running prose a break only wraps a
    sentence, and the lines are one."""
    if len(lines) < 2:
        return False
    return all(
        _is_set_line(line) and not following[:1].islower() for line, following in pairwise(lines)
    )


def _is_set_line(line: str) -> bool:
    words = _WORDS.findall(line)
    return ends_sentence(line) or is_headline(line) or not any(w[0].islower() for w in words)


_P = qn("w:p")
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
"""Where Word writes the second copy of a text box, for readers that cannot draw it."""


def shown_paragraphs(element: _Element) -> Iterator[_Element]:
    """Every paragraph inside `element` (a cell, a note), those of its text boxes
    included once: the copy Word writes for older readers is left out."""
    for paragraph in element.iter(_P):
        if not any(a.tag == FALLBACK for a in paragraph.iterancestors()):
            yield paragraph


def custom_mark(reference: _Element) -> bool:
    """Whether a note reference is followed by a mark of the writer's ("*") instead of
    its number (`w:customMarkFollows`)."""
    return reference.get(_CUSTOM_MARK, "0").lower() in ("1", "true", "on")


def is_placeholder(element: _Element) -> bool:
    """A content control still showing its prompt ("Click or tap to enter a date."): a
    template's blank, not the document's text."""
    if element.tag != _SDT:
        return False
    properties = element.find(qn("w:sdtPr"))
    return properties is not None and properties.find(qn("w:showingPlcHdr")) is not None


class RunReader:
    """Reads the shown text of paragraphs, given the styles and how notes are numbered."""

    def __init__(self, styles: Styles, note_number: NoteMarker) -> None:
        self.styles = styles
        self.note_number = note_number

    def text(self, paragraph: _Element) -> str:
        """A paragraph's shown text on one line: line breaks as spaces, spaces collapsed,
        tabs (one or several) one `TAB` gap, ends trimmed."""
        return " ".join(self.lines(paragraph))

    def lines(self, paragraph: _Element) -> list[str]:
        """A paragraph's shown text cut at its line breaks, each line as in `text`."""
        lines = _SPACES.sub(" ", "".join(self._pieces(paragraph))).split("\n")
        return [_TABS.sub(TAB, line) for raw in lines if (line := raw.strip(" \t"))]

    def _pieces(self, element: _Element) -> Iterator[str]:
        for child in element:
            if child.tag == _R:
                yield from self._run(child)
            elif child.tag in _CONTAINERS and not is_placeholder(child):
                yield from self._pieces(child)

    def _run(self, run: _Element) -> Iterator[str]:
        rpr = run.find(_RPR)
        if self.styles.is_hidden(rpr):
            return
        superscript = rpr is not None and val(rpr.find(_VERT_ALIGN)) == "superscript"
        marked = False  # a note's own mark follows its reference, in place of the number
        for child in run:
            if marked and child.tag == _T:
                marked = False
                continue
            if child.tag in _RUN_TEXT:
                text = _RUN_TEXT[child.tag] or (child.text or "")
                # a number typed in superscript is a note marker, as an HTML <sup> is
                if superscript and text.strip().isdigit():
                    text = text.strip().translate(_SUPERSCRIPT_DIGITS)
                yield text
            elif child.tag in _NOTE_REFERENCES:
                number = self.note_number(_NOTE_REFERENCES[child.tag], child.get(_ID, ""))
                yield number.translate(_SUPERSCRIPT_DIGITS)
                marked = custom_mark(child)
