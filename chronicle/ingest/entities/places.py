"""The places of a sentence: country mentions with their spans, and countries given as examples.

``country_matches`` finds every country form (names, adjectives, capitals, "Pak-" before a
hyphen) and drops the ones that are not a country there ("US$"); ``example_spans`` finds
the lists of countries a sentence gives only as examples ("countries such as Brazil").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from chronicle import lexicon
from chronicle.ingest.entities.scan import (
    Match,
    Token,
    country_lookup,
    gaz_words,
    is_all_caps,
    scan,
)
from chronicle.ingest.memo import this_document

_DOLLAR_AFTER_RE = re.compile(r"\\?\$")


@this_document
def country_matches(text: str) -> tuple[Match, ...]:
    """Every country mention (blocked phrases removed), with spans, in text order."""
    words = gaz_words(text)
    raw = scan(text, country_lookup(), words)
    by_start = {m.start: m for m in raw}
    prefixes = lexicon.country_prefixes()
    matches: list[Match] = []
    for idx, word in enumerate(words):
        m = by_start.get(word.start)
        if m is not None:
            if m.value and not _is_false_us(text, m, words, idx):
                matches.append(m)
            continue
        code = prefixes.get(word.text)
        if (
            code
            and not any(x.start <= word.start < x.end for x in raw)
            and text[word.end : word.end + 1] == "-"
            and text[word.end + 1 : word.end + 2].isalpha()
        ):
            matches.append(Match(word.start, word.end, code, word.text))
    return tuple(matches)


def _is_false_us(text: str, match: Match, words: Sequence[Token], idx: int) -> bool:
    """True when "US" is the currency prefix ("US$") or a word of an all-caps heading."""
    if match.text != "US":
        return False
    if _DOLLAR_AFTER_RE.match(text, match.end):
        return True
    table = lexicon.country_forms()
    for j in (idx - 1, idx + 1):
        if 0 <= j < len(words):
            other = words[j].text
            between = text[min(words[j].end, match.end) : max(words[j].start, match.start)]
            if (
                is_all_caps(other)
                and not between.strip()
                and other not in table
                and other not in lexicon.organisations()
            ):
                return True
    return False


_NAME_WORD_AFTER_RE = re.compile(r"[ \t]+([A-Z][^\W\d_]*)")


def organisation_name_spans(text: str, countries: Iterable[Match]) -> list[tuple[int, int]]:
    """Spans of the country words that begin an organisation's name.

    A country word followed, on the same line, by up to three capitalised words the last
    of which ends an organisation's name is part of that name ("Kenya Airways", "Pakistan
    International Airlines", "China Development Bank"): the sentence speaks of the
    company or body, not of the country.

    Args:
        text: One sentence.
        countries: Its country matches.

    Returns:
        (start, end) offsets of those country words.
    """
    heads = lexicon.organisation_heads()
    spans = []
    for match in countries:
        at = match.end
        for _ in range(3):
            word = _NAME_WORD_AFTER_RE.match(text, at)
            if word is None:
                break
            if word.group(1) in heads:
                spans.append((match.start, match.end))
                break
            at = word.end()
    return spans


country_name = lexicon.country_name
"""Display name of an ISO alpha-2 code ("PK" -> "Pakistan"); the code itself if unknown."""


_ALWAYS_EXAMPLES_RE = re.compile(r"\b(?:such as|e\.\s?g\.|for (?:example|instance))\s*,?\s*", re.I)
"""Cues that make what follows examples wherever they stand ("such as Brazil and Mexico")."""

_GROUP_EXAMPLES_RE = re.compile(
    r"\b([a-z]{3,}[^s\W]s),?\s+(?:like|including|notably|especially)\s+"
)
"""Cues that make what follows examples after a plural noun ("countries including Peru")."""

_LIST_GAP_RE = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)(?:the\s+)?")
_THE_RE = re.compile(r"the\s+", re.I)
_BRACKET_END_RE = re.compile(
    r"(?:,?\s*(?:for (?:example|instance)|e\.\s?g\.|etc\.?|among others))?\s*\)"
)
_PLURAL_BEFORE_RE = re.compile(r"\b([a-z]{3,}[^s\W]s)\b((?:\s+[^\s.;:()]+){0,4})\s*$")
"""A plural noun up to four words before a bracket, in the same clause."""

_EVERY_MEMBER = frozenset(
    """the both these those all their its our his her two three four five six seven eight
    nine ten eleven twelve""".split()
)
"""Determiners and numbers that make a plural noun phrase name every member ("the two
countries (Japan and Pakistan)", "three South Asian countries including Pakistan, Sri
Lanka and Maldives"), so the list after it names the parties, not examples."""


def _names_every_member(text: str, noun_start: int) -> bool:
    """Whether the plural noun at ``noun_start`` is counted or definite (three words back)."""
    before = {w.lower().strip(",") for w in text[:noun_start].split()[-3:]}
    return bool(before & _EVERY_MEMBER or any(w.isdigit() for w in before))


def _country_list(text: str, at: int, by_start: Mapping[int, Match]) -> tuple[int, int] | None:
    """The span of a list of countries starting at offset ``at`` ("Chile, Peru and Vietnam")."""
    the = _THE_RE.match(text, at)
    first = by_start.get(the.end() if the else at)
    if first is None:
        return None
    last = first
    while True:
        gap = _LIST_GAP_RE.match(text, last.end)
        following = by_start.get(gap.end()) if gap else None
        if following is None:
            return first.start, last.end
        last = following


def _bracket_lists_examples(text: str, bracket: int, inside: tuple[int, int]) -> bool:
    """Whether a bracketed list of countries gives examples of the plural noun before it
    ("a few countries outside the EU (China, India, Israel)") rather than naming them all."""
    cue = _BRACKET_END_RE.match(text, inside[1])
    if cue is None:
        return False
    if cue.group().strip(" ,)") or _ALWAYS_EXAMPLES_RE.search(text, bracket, inside[0]):
        return True
    window = max(0, bracket - 80)
    noun = _PLURAL_BEFORE_RE.search(text[window:bracket])
    if noun is None or text[bracket + 1 : inside[0]].strip():
        return False
    return not _names_every_member(text, window + noun.start())


def example_spans(text: str, countries: Iterable[Match] | None = None) -> list[tuple[int, int]]:
    """Spans of the countries a sentence lists only as examples.

    Writers give examples after "such as", "e.g.", "for example", and after a plural
    noun that is neither counted nor definite, with "like" or "including" ("several
    countries including Peru and Chile") or in brackets ("a few countries outside the
    EU (China, India)"). Those countries illustrate a class; they are not the parties of
    the sentence's event. "The two countries (Japan and Pakistan)" and "three countries
    including Nepal, Bhutan and India" name every member, so those are parties.

    Args:
        text: One sentence.
        countries: The sentence's country matches, when already found.

    Returns:
        (start, end) offsets of each example list.
    """
    found = country_matches(text) if countries is None else countries
    by_start = {m.start: m for m in found}
    if not by_start:
        return []
    cues = [*_ALWAYS_EXAMPLES_RE.finditer(text)]
    groups = _GROUP_EXAMPLES_RE.finditer(text)
    cues += [m for m in groups if not _names_every_member(text, m.start())]
    spans = [found for cue in cues if (found := _country_list(text, cue.end(), by_start))]
    bracket = text.find("(")
    while bracket >= 0:
        at = bracket + 1
        lead = _ALWAYS_EXAMPLES_RE.match(text, at)
        inside = _country_list(text, lead.end() if lead else at, by_start)
        if inside and _bracket_lists_examples(text, bracket, inside):
            spans.append(inside)
        bracket = text.find("(", at)
    return spans
