"""Which caption, unit line and note belong to a table? Read from the paragraphs around it.

Reports print a table under its caption ("Pakistan's Trade with Japan", "Table 2: ..."),
often with a unit line between ("(US$ Million)"), and a source or note line under it
("Source: State Bank of Pakistan", or a bare citation with its year). A caption set
under the table starts with "Table" and a number. With no caption at all, the nearest
heading above names the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.series.units import unit_line
from chronicle.ingest.text.segment import ends_sentence

_TABLE_LABEL = re.compile(r"^(?:Table|Exhibit)\s+[\dIVX]+[.:]?\d*\s*[.:–—-]?\s*", re.I)
""""Table 2:", "Table 3.1 –", "Exhibit IV." before a caption's words."""
_NOTE_LEAD = re.compile(r"^(?:Sources?|Notes?|Data|Compiled\s+from)\s*:", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MAX_CAPTION_WORDS = 20
_MAX_NOTE_WORDS = 40


@dataclass(frozen=True, slots=True)
class TableContext:
    """What the text around a table says about it."""

    caption: str = ""
    unit: str = ""
    note: str = ""


def caption_name(caption: str) -> str:
    """A caption without its "Table 2:" label, for naming the table's series."""
    return _TABLE_LABEL.sub("", caption).strip() or caption


def table_context(paragraphs: Sequence[str], kinds: Sequence[str], index: int) -> TableContext:
    """The caption, unit and note of the table at `paragraphs[index]`.

    Args:
        paragraphs: A document's paragraphs.
        kinds: Each paragraph's kind ("heading", "sentence", "table_row", "footnote"...).
        index: The table's paragraph.
    """
    unit = ""
    above = index - 1
    while above >= 0 and kinds[above] != "table_row" and (found := unit_line(paragraphs[above])):
        unit, above = unit or found, above - 1
    below = index + 1
    while below < len(paragraphs) and (found := unit_line(paragraphs[below])):
        unit, below = unit or found, below + 1
    caption = _caption_above(paragraphs, kinds, above)
    after = paragraphs[below] if below < len(paragraphs) and kinds[below] != "footnote" else ""
    if not caption and _TABLE_LABEL.match(after):
        caption, below = after, below + 1
        after = paragraphs[below] if below < len(paragraphs) and kinds[below] != "footnote" else ""
    if not caption:
        headings = (p for i, p in enumerate(paragraphs[: above + 1]) if kinds[i] == "heading")
        caption = next((h for h in reversed(list(headings)) if not is_date_line(h)), "")
    note = after if after and _is_note(after, kinds[below]) else ""
    return TableContext(caption, unit, note)


def is_date_line(text: str) -> bool:
    """A heading that is a date and nothing else ("November 8, 2013"): no table's name."""
    found = find_dates(text)
    return len(found) == 1 and found[0].start == 0 and found[0].end >= len(text.rstrip(". "))


def _caption_above(paragraphs: Sequence[str], kinds: Sequence[str], above: int) -> str:
    """The line right above a table when it reads as a caption: a heading, a "Table 2:"
    line, or a short line that is no sentence."""
    if above < 0 or kinds[above] in ("table_row", "footnote"):
        return ""
    text = paragraphs[above].strip()
    if kinds[above] == "heading" or _TABLE_LABEL.match(text):
        return text
    if len(text.split()) <= _MAX_CAPTION_WORDS and not ends_sentence(text):
        return text
    return ""


def _is_note(text: str, kind: str) -> bool:
    """A source or note line under a table: "Source: ...", or a short citation with its
    year ("IMF: Direction of Trade Statistics, 2017.", '"FDI Inflows", Board of
    Investment, 2017.')."""
    if _NOTE_LEAD.match(text):
        return True
    if kind == "heading" or len(text.split()) > _MAX_NOTE_WORDS or not _YEAR.search(text):
        return False
    return ":" in text or text[:1] in "\"“'‘"
