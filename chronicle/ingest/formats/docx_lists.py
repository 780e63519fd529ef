"""The label Word shows before a list item ("1.", "b)", a bullet), counted as Word counts.

A paragraph names a list (`w:num`) and a level; the list points to an abstract
definition that gives each level its number format and start. Lists that share a
definition go on counting from one to the next unless one restarts a level
(`w:startOverride`), and an item resets the count of every level below its own.
Labels are written the way the cleaner reads list items: "-" for a bullet, "3." or
"3)" for a number, "c)" for a letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml.etree import _Element

from chronicle.ingest.formats.docx_styles import ListRef, val

_LEVELS = 9
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
"""Lower-case roman numerals the cleaner reads as list labels."""


@dataclass(frozen=True, slots=True)
class _Level:
    number_format: str = "decimal"
    start: int = 1
    close: str = "."


@dataclass(slots=True)
class Numbering:
    """The numbering definitions of a document, and the counts of its lists so far."""

    _definition: dict[str, str] = field(default_factory=dict)  # num id -> abstract id
    _restarts: dict[tuple[str, int], int] = field(default_factory=dict)
    _levels: dict[tuple[str, int], _Level] = field(default_factory=dict)
    _counts: dict[str, list[int | None]] = field(default_factory=dict)
    _restarted: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def read(cls, numbering: _Element | None) -> Numbering:
        """Read a `w:numbering` element (None when the document has no lists)."""
        found = cls()
        if numbering is None:
            return found
        for abstract in numbering.iterfind(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"), "")
            for level in abstract.iterfind(qn("w:lvl")):
                found._levels[(abstract_id, _level_index(level))] = _read_level(level)
        for num in numbering.iterfind(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            found._definition[num_id] = val(num.find(qn("w:abstractNumId")))
            for override in num.iterfind(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    found._restarts[(num_id, _level_index(override))] = _int(val(start), 1)
        return found

    def label(self, ref: ListRef) -> str:
        """The next label of list `ref` at its level ("" for a level shown without one)."""
        abstract_id = self._definition.get(ref.num_id, ref.num_id)
        level = self._levels.get((abstract_id, ref.level), _Level())
        counts = self._counts.setdefault(abstract_id, [None] * _LEVELS)
        current = counts[ref.level]
        restart = self._restarts.get((ref.num_id, ref.level))
        if restart is not None and (ref.num_id, ref.level) not in self._restarted:
            self._restarted.add((ref.num_id, ref.level))
            current = None
            level = _Level(level.number_format, restart, level.close)
        counts[ref.level] = level.start if current is None else current + 1
        for deeper in range(ref.level + 1, _LEVELS):
            counts[deeper] = None
        return _format(level, counts[ref.level] or 0)


def _level_index(element: _Element) -> int:
    return min(max(_int(element.get(qn("w:ilvl"), "0"), 0), 0), _LEVELS - 1)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _read_level(level: _Element) -> _Level:
    number_format = val(level.find(qn("w:numFmt")), "decimal")
    text = val(level.find(qn("w:lvlText")))
    close = ")" if ")" in text.split("%")[-1] else "."
    return _Level(number_format, _int(val(level.find(qn("w:start")), "1"), 1), close)


def _format(level: _Level, number: int) -> str:
    """Write a count the way the cleaner reads a list label."""
    kind = level.number_format
    if kind == "bullet":
        return "-"
    if kind == "none":
        return ""
    if kind == "lowerLetter" and 1 <= number <= 26:
        return chr(ord("a") + number - 1) + level.close
    if kind == "upperLetter" and 1 <= number <= 26:
        return f"({chr(ord('A') + number - 1)})"
    if kind == "lowerRoman" and 1 <= number <= len(_ROMAN):
        return _ROMAN[number - 1] + level.close
    return f"{number}{level.close}"
