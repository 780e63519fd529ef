"""Lift footnotes out of a PDF's body: small print at the foot of a column, numbered.

A note stands at the foot of the page or column that cites it, set smaller than the
body, and opens on its number (raised or not); the notes of a page follow one another
in order, each number the one after the last. Small print at a foot that opens on no
number continues the last note when a short rule stands over it or that note was cut
mid-sentence; otherwise it is body text (a table's source line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chronicle.ingest.formats.pdf_rows import Row
from chronicle.ingest.text.inline import FROM_SUPERSCRIPT, SUPERSCRIPTS
from chronicle.ingest.text.segment import ends_sentence

_SMALL = 0.92
"""Print set at most this share of the body's size is small print."""
_NUMBER = re.compile(
    rf"^(?:(?P<sup>[{SUPERSCRIPTS}]{{1,3}})|(?P<plain>\d{{1,3}})(?![\d,])\.?)\s*(?P<text>\S.*)$"
)
"""A note's opening: its number, raised ("³") or not ("3", "3."), then its text."""


@dataclass(slots=True)
class Notes:
    """The notes found so far, by number, in the order they were met."""

    text: dict[str, str] = field(default_factory=dict)
    last: str = ""

    def lines(self) -> list[str]:
        """Each note as the cleaner reads one: "³ Dawn, January 5, 2018."."""
        return [f"{n.translate(_TO_SUPER)} {t}" for n, t in self.text.items()]


_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPTS)


def foot_notes(
    rows: Sequence[Row], body: float, notes: Notes, ruled: bool, join: Callable[[str, str], str]
) -> int:
    """Take the notes at the foot of one segment's rows into `notes`.

    Args:
        rows: The segment's rows, top to bottom.
        body: The body's size.
        notes: The notes so far (a note may go on at the next page's foot).
        ruled: Whether a short rule stands over the segment's small print.
        join: How two rows of one note join (hyphenation).

    Returns:
        How many rows of the segment are body: the rest were notes.
    """
    start = len(rows)
    while start and rows[start - 1].table is None and rows[start - 1].size < _SMALL * body:
        start -= 1
    if start == len(rows):
        return start
    first = _note_start(rows[start].text, notes)
    cut = bool(notes.last) and not ends_sentence(notes.text[notes.last])
    if first is None and not (notes.last and (ruled or cut)):
        return len(rows)
    for row in rows[start:]:
        opened = _note_start(row.text, notes)
        if opened is not None:
            notes.last = opened[0]
            notes.text[opened[0]] = opened[1]
        elif notes.last:
            notes.text[notes.last] = join(notes.text[notes.last], row.text)
    return start


def _note_start(text: str, notes: Notes) -> tuple[str, str] | None:
    """(number, text) when a row opens a note: a raised number, or a plain one that is
    the first note's or the one after the last note's (a row of a note may open on a
    number, "12 March 2018.", that is none)."""
    match = _NUMBER.match(text)
    if not match:
        return None
    if match.group("sup"):
        return match.group("sup").translate(FROM_SUPERSCRIPT), match.group("text")
    number = match.group("plain")
    expected = str(int(notes.last) + 1) if notes.last.isdigit() else None
    if number == expected or (not notes.text and len(number) <= 2):
        return number, match.group("text")
    return None
