"""A Word document's footnotes and endnotes: their text, and the number each is shown as.

python-docx has no notes API, so the `footnotes.xml` and `endnotes.xml` parts are found
through the main part's relationships and read as XML. Notes are numbered in the order
their references stand in the body, as Word shows them: footnotes first, then endnotes
after the last footnote (Word gives endnotes roman numerals, which no cleaner reads as
a marker), so each number links one mention to one note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml.etree import _Element

from chronicle.ingest.formats.docx_runs import custom_mark, shown_paragraphs
from chronicle.ingest.formats.docx_styles import Styles

KINDS = {"footnote": RT.FOOTNOTES, "endnote": RT.ENDNOTES}
"""Note kind -> the relationship from the main part to the part that holds its notes."""

_REFERENCE = {"footnote": qn("w:footnoteReference"), "endnote": qn("w:endnoteReference")}
_NOTE_NUMBER = {"footnote": qn("w:footnoteRef"), "endnote": qn("w:endnoteRef")}
_LEADING_MARK = re.compile(r"^[^\w\s(\[“\"']{1,3}\s*")
_GONE = frozenset({qn("w:del"), qn("w:moveFrom")})
"""A reference inside these was deleted under tracked changes."""


def note_parts(main: Part) -> dict[str, _Element]:
    """The root element of each notes part the main part relates to, by note kind."""
    found: dict[str, _Element] = {}
    for rel in main.rels.values():
        for kind, reltype in KINDS.items():
            if rel.reltype == reltype and not rel.is_external and kind not in found:
                found[kind] = parse_xml(rel.target_part.blob)
    return found


def note_bodies(root: _Element, kind: str) -> dict[str, _Element]:
    """Each real note of a notes part by id (the separators Word keeps there left out)."""
    return {
        note.get(qn("w:id"), ""): note
        for note in root.iterfind(qn(f"w:{kind}"))
        if note.get(qn("w:type"), "normal") == "normal"
    }


def number_notes(
    body: _Element, notes: dict[str, dict[str, _Element]], styles: Styles
) -> dict[tuple[str, str], str]:
    """The number each note is shown as, by (kind, id): in the order of the references
    that still stand in the body (not deleted, not hidden), footnotes before endnotes.
    A note Word marks with a symbol of the writer's ("*" on an author's name) takes no
    number in Word's count; it is numbered after all the others."""
    numbers: dict[tuple[str, str], str] = {}
    for custom in (False, True):
        for kind in KINDS:
            for reference in body.iter(_REFERENCE[kind]):
                key = (kind, reference.get(qn("w:id"), ""))
                if (
                    key[1] in notes.get(kind, {})
                    and key not in numbers
                    and custom_mark(reference) == custom
                    and _stands(reference, styles)
                ):
                    numbers[key] = str(len(numbers) + 1)
    return numbers


def _stands(reference: _Element, styles: Styles) -> bool:
    run = reference.getparent()
    if run is not None and styles.is_hidden(run.find(qn("w:rPr"))):
        return False
    return not any(ancestor.tag in _GONE for ancestor in reference.iterancestors())


def note_lines(
    notes: dict[str, dict[str, _Element]],
    numbers: dict[tuple[str, str], str],
    paragraph_text: Callable[[_Element], str],
) -> list[tuple[str, str]]:
    """(number, text) of each numbered note, in number order; a note of several
    paragraphs on one line."""
    lines = []
    for (kind, note_id), number in sorted(numbers.items(), key=lambda item: int(item[1])):
        note = notes[kind][note_id]
        text = " ".join(t for p in shown_paragraphs(note) if (t := paragraph_text(p)))
        if note.find(f".//{_NOTE_NUMBER[kind]}") is None:
            text = _LEADING_MARK.sub("", text)  # the writer's mark stands where the number would
        if text:
            lines.append((number, text))
    return lines
