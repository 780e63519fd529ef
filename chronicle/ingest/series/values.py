"""What number does a table cell hold? Thousands separators, percentages, negatives in
parentheses or with a minus sign, and the marks tables print for a missing value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronicle.ingest.text.inline import SUPERSCRIPTS


@dataclass(frozen=True, slots=True)
class Cell:
    """A value cell read: the number (None when missing) and whether it is a percentage."""

    value: float | None
    percent: bool = False


MISSING = Cell(None)

_MISSING_MARKS = frozenset(["n/a", "n.a.", "n.a", "na", "-", "–", "—", "..", "...", "…", ""])
"""What statistical tables print where they have no figure."""

_NUMBER = re.compile(
    r"^(?P<open>\()?(?P<sign>[-+−–])?\s*(?:US\$|[$€£¥₹]|Rs\.?\s?)?\s*"
    r"(?P<digits>\d{1,3}(?:[,\u202f\u2009\u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"\s*(?P<percent>%|per\s?cent)?(?P<close>\))?$",
    re.I,
)
"""A figure: "1,860", "1,961.4", "(4.2)", "-3.5", "−0.8", "12.5%", "$45.2", "1 860" (thin
space). A parenthesis on both sides makes it negative, as accounts print losses."""

_MARKS = re.compile(rf"[*†‡{SUPERSCRIPTS}]+$|\s*\((?:p|e|r|est\.?|prov\.?)\)$", re.I)
"""Marks after a figure: a note's star or superscript, "(p)" provisional, "(e)" estimate."""


def read_value(cell: str) -> Cell | None:
    """The number in `cell`, `MISSING` for a missing-value mark, None for anything else
    (words, dates, a figure with words around it).

    Args:
        cell: One cleaned table cell.
    """
    text = cell.strip()
    if text.lower() in _MISSING_MARKS:
        return MISSING
    text = _MARKS.sub("", text).strip()
    match = _NUMBER.match(text)
    if match is None or bool(match["open"]) != bool(match["close"]):
        return None
    digits = re.sub(r"[,\u202f\u2009\u00a0]", "", match["digits"])
    value = float(digits)
    if match["open"] or (match["sign"] and match["sign"] != "+"):
        value = -value
    return Cell(value, percent=bool(match["percent"]))
