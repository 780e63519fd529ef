"""Join two rows of print into one line, a word broken at the first row's end made whole.

The document's own spelling decides: a word broken over two lines is joined as the
document writes it inside a line elsewhere, with its hyphen ("counter-terrorism") or
without ("Semipalatinsk"). Failing that, the hyphen goes when both halves are plain
lower case ("bilat-" + "eral": a typesetter's break) and stays otherwise ("Indo-" +
"Pacific", "Tokyo-" + "based", "2016-" + "17"). The price: a lower-case compound
written nowhere else whole ("long-" + "term") loses its hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

_WORD = re.compile(r"\b[a-z]+(?:-[a-z]+)?\b")
_TAIL = re.compile(r"([A-Za-z]+)-$")
_HEAD = re.compile(r"^([A-Za-z]+)")


def join(text: str, row: str, words: Collection[str] = frozenset()) -> str:
    """Two rows of one paragraph as one line, a word broken over them made whole.

    Args:
        text: The paragraph so far.
        row: The next row's text.
        words: The lower-case words the document writes inside its lines
            (`written_words`), hyphenated ones with their hyphens.
    """
    tail, head = _TAIL.search(text), _HEAD.match(row)
    if tail and head:
        broken = f"{tail.group(1)}-{head.group(1)}".lower()
        if broken in words:
            return text + row
        plain = tail.group(1).islower() and head.group(1).islower()
        if plain or broken.replace("-", "") in words:
            return text[:-1] + row
        return text + row
    if text.endswith("-") and text[-2:-1].isalnum() and row[:1].isalnum():
        return text + row  # "2016-" + "17"
    return f"{text} {row}"


def written_words(lines: Iterable[str]) -> set[str]:
    """The words a document writes inside its lines, lower-cased, hyphens kept: how it
    spells a word that a line's end breaks elsewhere."""
    return {m.group(0) for line in lines for m in _WORD.finditer(line.lower().rstrip("-"))}
