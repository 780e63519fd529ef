"""The organisations of a sentence: lexicon forms, and acronyms a document defines.

"... Agency (JICA)" defines JICA for the rest of the document; term acronyms ("GDP",
"MoU") and country acronyms are never organisations.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from chronicle import lexicon
from chronicle.ingest.entities.scan import (
    SUPERSCRIPTS,
    Match,
    dedupe,
    gaz_words,
    organisation_forms,
)

_PAREN_ACRONYM_RE = re.compile(r"([A-Za-z][\w’'-]*)\s*\(([A-Z][A-Za-z&]*[A-Z]s?)\)")


def paren_acronyms(text: str) -> Iterator[re.Match[str]]:
    """``_PAREN_ACRONYM_RE.finditer(text)``, scanned only around each bracket.

    Every match is a word, spaces, "(" and the acronym up to the first ")" after it, so
    it lies between the start of the word run before its bracket and that ")": the
    regex tries no other position of a long text (where it backtracks through every
    word), and finds there what a scan of the whole text finds.
    """
    for start, end in _bracket_stretches(text):
        yield from _PAREN_ACRONYM_RE.finditer(text, start, end)


def _bracket_stretches(text: str) -> list[tuple[int, int]]:
    """Merged stretches from the word run before each "(" to the first ")" after it."""
    stretches: list[list[int]] = []
    bracket = text.find("(")
    while bracket >= 0:
        close = text.find(")", bracket)
        if close < 0:
            break  # no acronym closes after this bracket, nor after any later one
        start = bracket
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and _WORD_CHAR.match(text[start - 1]):
            start -= 1
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], close + 1)
        else:
            stretches.append([start, close + 1])
        bracket = text.find("(", bracket + 1)
    return [(a, b) for a, b in stretches]


_WORD_CHAR = re.compile(r"[\w’'-]")
"""A character of the word `_PAREN_ACRONYM_RE` takes before the bracket."""


def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms a text defines in parentheses after a capitalised phrase ("... Agency (JICA)").

    Country acronyms and term acronyms ("FDI", "GDP") are left out.

    Args:
        text: A sentence or a whole document.

    Returns:
        The acronyms, e.g. ``frozenset({"JICA", "HLEPD"})``.
    """
    if "(" not in text:
        return frozenset()  # most sentences define nothing, and the regex tries every word
    table = lexicon.country_forms()
    found = set()
    for m in paren_acronyms(text.translate(SUPERSCRIPTS)):
        word, acronym = m.groups()
        if not word[:1].isupper() or acronym in lexicon.term_acronyms() or acronym in table:
            continue
        if sum(c.isupper() for c in acronym) >= 2:
            found.add(acronym)
    return frozenset(found)


def _org_matches(text: str, known: Collection[str]) -> list[Match]:
    words = gaz_words(text)
    matches = list(organisation_forms(text))
    taken = {(m.start, m.end) for m in matches}
    extra = set(known) | defined_acronyms(text)
    for word in words:
        if word.text in extra and not any(s <= word.start < e for s, e in taken):
            matches.append(Match(word.start, word.end, word.text, word.text))
    return sorted(matches, key=lambda m: m.start)


def find_organisations(sentence: str, known: Collection[str] = ()) -> tuple[str, ...]:
    """Short names of the organisations (and treaties) a sentence names, in order.

    Args:
        sentence: Any text.
        known: Extra acronyms to recognise, e.g. from ``defined_acronyms(document)``.

    Returns:
        Deduplicated short names such as ``("UNSC", "JICA")``.
    """
    return dedupe(m.value for m in _org_matches(sentence.translate(SUPERSCRIPTS), known))
