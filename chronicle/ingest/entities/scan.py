"""The words of a sentence, and longest-match lookup of lexicon forms among them.

Two tokenizers: the person parser's (titles with a dot, initials, hyphenated words, a
possessive 's) and the lexicon's (hyphens split words, so "Japan-Pakistan" is two
countries). ``scan`` finds the longest lexicon form starting at each capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import NamedTuple

from chronicle import lexicon
from chronicle.ingest.memo import this_document
from chronicle.ingest.text.inline import SUPERSCRIPTS as SUPERSCRIPT_DIGITS

SUPERSCRIPTS = str.maketrans({c: " " for c in SUPERSCRIPT_DIGITS})
"""Footnote markers glued to words ("Bajwa,¹Kono") become spaces; offsets are kept."""

_ABBREVIATIONS = r"H\.\s?E\.|U\.S\.(?:A\.)?|U\.K\.|U\.N\.|U\.A\.E\.|D\.P\.R\.K\."
_RANKS_WITH_DOT = ("Gen", "Lt", "Col", "Maj", "Capt", "Sen", "Amb", "Adm", "Brig")
"""Ranks written short with a dot ("Gen. Bajwa"); the honorifics ("Mr.", "Smt.") are the
lexicon's."""
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*(?:['’][^\W\d_]{2,})?"


@cache
def _token_re() -> re.Pattern[str]:
    """Person tokenizer: abbreviations, titles, initials, (hyphenated) words, possessive 's."""
    honorifics = lexicon.person_words("honorific")
    short = {h[:-1] for h in honorifics if h.endswith(".") and h.count(".") == 1}
    titles = "|".join(map(re.escape, sorted(short | set(_RANKS_WITH_DOT))))
    return re.compile(
        rf"{_ABBREVIATIONS}|(?:{titles})\.(?=\s*\w)|[A-Z]\.(?=\s?[A-Z])|{_WORD}|['’]s\b"
        r"|\d[\d,.]*|\S"
    )


_GAZ_WORD_RE = re.compile(rf"{_ABBREVIATIONS}|[^\W\d_]+(?:['’][^\W\d_]{{2,}})?|\d+")
"""Gazetteer tokenizer: hyphens split words, so "Japan-Pakistan" is two countries."""

SPACE_RE = re.compile(r"\s+")


class Token(NamedTuple):
    """A word (or punctuation mark) and its offsets in the sentence (a tuple: every word of
    every sentence is one, and a tuple is made several times faster than a dataclass)."""

    text: str
    start: int
    end: int


class Match(NamedTuple):
    """A lexicon form found in a sentence: its span, its value (a code or short name), its text."""

    start: int
    end: int
    value: str
    text: str


_NEW = tuple.__new__
"""Makes a Token without the Python-level ``__new__`` of a NamedTuple: every word of
every sentence is one, twice."""


_TOKEN_FIELDS = (re.Match.group, re.Match.start, re.Match.end)


def _tokens(pattern: re.Pattern[str], text: str) -> tuple[Token, ...]:
    found = list(pattern.finditer(text))
    # the fields are read and the tuples made by C loops (map), not a Python one
    texts, starts, ends = (map(field, found) for field in _TOKEN_FIELDS)
    fields = zip(texts, starts, ends, strict=True)
    return tuple(map(_NEW, repeat(Token), fields))


# A sentence is read by several taggers and again for its headline, so each tokenizer
# runs once per text of the document.
@this_document
def tokens(text: str) -> tuple[Token, ...]:
    """The person parser's tokens of a text."""
    return _tokens(_token_re(), text)


def norm(span: str) -> str:
    """A span as the lexicon writes it: single spaces, straight apostrophes."""
    return SPACE_RE.sub(" ", span).replace("’", "'")


@dataclass(frozen=True, slots=True)
class Lookup:
    """A lexicon table indexed for ``scan``: exact forms, all-caps forms, longest per first word."""

    exact: Mapping[str, str]
    upper: Mapping[str, str]
    max_len: Mapping[str, int]


def build_lookup(table: Mapping[str, str]) -> Lookup:
    """Index a form -> value table for ``scan``."""
    exact: dict[str, str] = {}
    upper: dict[str, str] = {}
    max_len: dict[str, int] = {}
    for key, value in table.items():
        form = norm(key)
        exact[form] = value
        if len(form) >= 4:
            upper.setdefault(form.upper(), value)
        words = _GAZ_WORD_RE.findall(form)
        if not words:
            continue
        for first in (words[0], words[0].upper()):
            max_len[first] = max(max_len.get(first, 0), len(words))
    return Lookup(exact, upper, max_len)


@cache
def country_lookup() -> Lookup:
    """The country forms of the lexicon, indexed once."""
    return build_lookup(lexicon.country_forms())


@cache
def region_lookup() -> Lookup:
    """The regions of the lexicon (places that tag no country), indexed once."""
    return build_lookup(dict.fromkeys(lexicon.regions(), ""))


@cache
def org_lookup() -> Lookup:
    """The organisation forms of the lexicon, indexed once."""
    return build_lookup(lexicon.organisations())


@this_document
def organisation_forms(text: str) -> tuple[Match, ...]:
    """The organisation forms of a text (read by the person parser and the organisation
    tagger alike)."""
    return tuple(scan(text, org_lookup(), gaz_words(text)))


def is_all_caps(word: str) -> bool:
    """Whether a word of two letters or more is written in capitals ("TOKYO", "US")."""
    return word.isupper() and len(word) >= 2


def scan(text: str, lookup: Lookup, words: Sequence[Token]) -> list[Match]:
    """Longest-match lookup of word n-grams starting at capitalised words."""
    found: list[Match] = []
    max_len = lookup.max_len
    resume = 0  # words up to here are inside the last form found
    for i in [i for i, word in enumerate(words) if word.text in max_len]:
        first = words[i].text
        if i < resume or not first[:1].isupper():
            continue
        hit = None
        for n in range(min(max_len[first], len(words) - i), 0, -1):
            span = text[words[i].start : words[i + n - 1].end]
            key = norm(span)
            value = lookup.exact.get(key)
            if value is None and all(is_all_caps(w.text) for w in words[i : i + n]):
                value = lookup.upper.get(key.upper()) if len(key) >= 4 else None
            if value is not None:
                hit = (n, value)
                break
        if hit is None:
            continue
        n, value = hit
        start, end = words[i].start, words[i + n - 1].end
        found.append(Match(start, end, value, text[start:end]))
        resume = i + n
    return found


@this_document
def gaz_words(text: str) -> tuple[Token, ...]:
    """The lexicon's words of a text (hyphens split words)."""
    return _tokens(_GAZ_WORD_RE, text)


def dedupe(values: Iterable[str]) -> tuple[str, ...]:
    """Non-empty values, first occurrence kept, in order."""
    return tuple(dict.fromkeys(v for v in values if v))
