"""Find a PDF's page furniture: running heads and feet, and page numbers.

Running heads and feet are the lines a document repeats at the same place on most of
its pages, whatever page number they carry; a page number is a margin line that is
only a number ("3", "Page 3 of 12", "- 3 -") or one set beside a short line ("3 |
Institute ..."); a head may change with each chapter and still carry the page's own
number ("Chapter 2: ... 3"). None of it is the document's text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from chronicle.ingest.formats.pdf_rows import Row

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—|]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—|]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)
_NUMBERED_LINE = re.compile(r"^(?:\d{1,4}\s*[|•·]\s*\S.*|.*\S\s*[|•·]\s*\d{1,4})$")
"""A page number set beside a line of the margin: "3 | Institute of ...", "... | 3"."""
_NUMBERED_WORDS = 8
_MARGIN_ROWS = 2
"""Rows at the head and at the foot of a page where running heads and numbers stand."""
_REPEATED_SHARE = 3
"""A running head stands on at least one page in this many."""
_PLACE = 6.0
"""Points within which a repeated line stands "at the same place"."""
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_IN = re.compile(
    r"(?:^|\s)(?:page\s+)?[-–—|]?\s*\d{1,4}\s*[-–—|]?(?:\s*(?:of|/)\s*\d{1,4})?(?=\s|$)"
)


def _key(row: Row) -> str:
    """A margin line as it repeats from page to page: its page number left out, or
    where it is not a page number of its own, its digits made alike."""
    text = _PAGE_NUMBER_IN.sub(" ", row.text.lower())
    return _DIGITS.sub("#", " ".join(text.split()))


def furniture(
    pages: Sequence[Sequence[Row]], rules: Sequence[Sequence[float]], body: float
) -> list[set[int]]:
    """For each page, the indexes of its rows that are running heads, feet or page
    numbers: at the head or foot of the page, a page number alone, a line repeated
    (digits aside) at the same height on a third of the pages, two at least (a book's
    left and right pages carry different heads), or a line that carries the page's
    own number (`numbered_heads`); and from the second page on, a head in small print
    set apart from the text by a rule or a blank line (a two-page brief repeats its
    head once). The first page keeps its head: once, it is the masthead that names
    the publisher.

    Args:
        pages: Each page's rows, top to bottom.
        rules: The heights of each page's horizontal rules.
        body: The body's size.
    """
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    margins = []
    for number, rows in enumerate(pages):
        edge = _edges(rows)
        margins.append(edge)
        for index in edge:
            seen[(_key(rows[index]), round(rows[index].top / _PLACE))].add(number)
    needed = max(2, -(-len(pages) // _REPEATED_SHARE))
    numbered = numbered_heads(pages, margins, body)
    out = []
    for number, rows in enumerate(pages):
        found = set(numbered[number])
        for index in margins[number]:
            place = round(rows[index].top / _PLACE)
            repeats = {p for shift in (-1, 0, 1) for p in seen[(_key(rows[index]), place + shift)]}
            masthead = number == 0 and index < min(_MARGIN_ROWS, len(rows) - _MARGIN_ROWS)
            if (len(repeats) >= needed and not masthead) or is_page_number(rows[index].text):
                found.add(index)
        if number and _set_apart(rows, rules[number], body):
            found.add(0)
        out.append(found)
    return out


_SMALL_PRINT = 0.92
_APART = 1.5
"""A blank line: a gap of this many times the next row's size."""


def _set_apart(rows: Sequence[Row], rules: Sequence[float], body: float) -> bool:
    """Whether a page's first row is small print ruled off, or spaced off, from the text."""
    if len(rows) < 2 or rows[0].size >= _SMALL_PRINT * body:
        return False
    head, below = rows[0], rows[1]
    ruled = any(head.bottom <= y <= below.top for y in rules)
    return ruled or below.top - head.bottom > _APART * below.size


_HEAD_NUMBER = re.compile(r"^(\d{1,4})\s+\S")
_TAIL_NUMBER = re.compile(r"\S\s+(\d{1,4})$")
_BODY_SIZED = 1.05
_NUMBERED_SHARE = 3
"""A page's own number must be found on a third of the pages, three at least."""


def numbered_heads(
    pages: Sequence[Sequence[Row]], margins: Sequence[Sequence[int]], body: float
) -> list[set[int]]:
    """The margin lines that carry the page's own number, whatever else they say as the
    chapter changes ("Chapter 2: Structures  3", "4  Libtasn1"): a number that ends a
    margin line, or opens the first line of the page (at the foot, a number that
    opens a line opens a note), set no larger than the body (a chapter's heading,
    "1 Introduction", is larger), and that runs with the pages: the page's index plus
    the same amount on at least a third of them."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)  # offset: (page, row)
    for number, (rows, edge) in enumerate(zip(pages, margins, strict=True)):
        for index in edge:
            text = rows[index].text.strip()
            if rows[index].size > _BODY_SIZED * body:
                continue
            match = _TAIL_NUMBER.search(text) or (
                index == 0 < len(rows) - _MARGIN_ROWS and _HEAD_NUMBER.match(text)
            )
            if match:
                found[int(match.group(1)) - number].append((number, index))
    out: list[set[int]] = [set() for _ in pages]
    for places in found.values():
        if len({page for page, _ in places}) >= max(3, len(pages) // _NUMBERED_SHARE):
            for page, index in places:
                out[page].add(index)
    return out


def is_page_number(text: str) -> bool:
    """A margin line that is a page number, alone or beside a short line of its own."""
    text = text.strip()
    if _PAGE_NUMBER.match(text):
        return True
    return bool(_NUMBERED_LINE.match(text)) and len(text.split()) <= _NUMBERED_WORDS


def _edges(rows: Sequence[Row]) -> list[int]:
    count = min(_MARGIN_ROWS, len(rows))
    return sorted(set(range(count)) | set(range(len(rows) - count, len(rows))))
