"""One sentence as the person parser sees it, and the lexicon's word classes it compares with.

``Sentence`` holds the tokens and the countries and organisations found in them (a word
inside a place is no name); ``lex()`` gives the role words, honorifics and cue words of
``chronicle.lexicon`` in the forms the parser compares them in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from chronicle import lexicon
from chronicle.ingest.entities.places import country_matches
from chronicle.ingest.entities.scan import (
    Token,
    gaz_words,
    organisation_forms,
    region_lookup,
    scan,
    tokens,
)


@dataclass(frozen=True, slots=True)
class Words:
    """The lexicon's word classes in the forms the person parser compares them in."""

    role_words_lower: frozenset[str]
    heads_lower: frozenset[str]
    role_domain: frozenset[str]
    honorifics: frozenset[str]  # without inner spaces: "H. E." is "H.E."
    name_cues: frozenset[str]
    byline_cues: frozenset[str]
    reporting_verbs: frozenset[str]
    determiners: frozenset[str]
    name_particles: frozenset[str]
    given_name_countries: frozenset[str]
    not_bare_name: frozenset[str]
    not_a_name: frozenset[str]
    plural_verbs: frozenset[str]
    object_cues: frozenset[str]
    with_cues: frozenset[str]
    verbs: frozenset[str]  # every verb form the cue lists know, lower case ("hosts")
    plural_heads: Mapping[str, str]  # lower-case plural -> the head as written


def _plurals(head: str) -> tuple[str, ...]:
    """'Presidents', 'Secretaries': how a role head is written for several people."""
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return (head[:-1] + "ies",)
    return (head + "s",)


@cache
def lex() -> Words:
    heads = lexicon.role_words("head")
    words = lexicon.person_words
    return Words(
        role_words_lower=frozenset(w.lower() for w in heads | lexicon.role_words("modifier")),
        heads_lower=frozenset(w.lower() for w in heads),
        plural_heads={p.lower(): h for h in heads for p in _plurals(h)},
        plural_verbs=words("plural_verb"),
        object_cues=words("object_cue"),
        with_cues=words("with_cue"),
        role_domain=lexicon.role_words("domain"),
        honorifics=frozenset(h.replace(" ", "") for h in words("honorific")),
        name_cues=words("name_cue"),
        byline_cues=words("byline_cue"),
        reporting_verbs=words("reporting_verb"),
        determiners=words("determiner"),
        name_particles=words("name_particle"),
        given_name_countries=words("given_name_country"),
        not_bare_name=words("not_bare_name"),
        not_a_name=words("not_a_name"),
        verbs=frozenset(
            words("reporting_verb")
            | words("object_cue")
            | words("with_cue")
            | {v + "s" for v in words("plural_verb")}
        ),
    )


_WORD_RE = re.compile(r"[^\W\d_]+")
_VERB_S_RE = re.compile(r"[A-Z][a-z]+[^\W\dsaiou_]s")
"""The shape of a verb's third person in headline case: "Arrives", "Hosts", "Says"; not
"Santos", "Tsipras", "Marcus", "Paris" or "Congress" (no English verb ends so)."""


def _headline_case_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines written in headline case: every word of four letters or more
    capitalised, at least two of them ("Modi Arrives In Washington For State Visit")."""
    spans = []
    start = 0
    for line in text.split("\n"):
        long = [w for w in _WORD_RE.findall(line) if len(w) >= 4]
        if len(long) >= 2 and all(w[0].isupper() and not w.isupper() for w in long):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


class Sentence:
    """Working state for the person parser over one sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text)
        self.words = tuple(tok.text for tok in self.toks)
        """The tokens' texts (``word`` gives "" past either end)."""
        self.countries = country_matches(text)
        words = gaz_words(text)
        self.orgs = organisation_forms(text)
        self.regions = scan(text, region_lookup(), words)
        self._country_at = {m.start: m for m in self.countries}
        self._headline_lines: list[tuple[int, int]] | None = None  # read when first needed

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        if i <= 0 or i >= len(self.toks):
            return ""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def headline_verb(self, i: int) -> bool:
        """Whether token i is the verb of a headline-case line: a capitalised word with a
        verb's -s between a capitalised word and the rest of the line ("Modi Arrives In
        Washington", "Ramaphosa Hosts Lula"). A verb the cue lists know always is one; a
        noun they know never is ("Andean Affairs Unit"); of two candidates in a row the
        second is the verb ("Morales Visits Havana"); one that ends its line is a surname
        ("Trade Representative Carla Hills")."""
        word = self.word(i)
        if not (_VERB_S_RE.fullmatch(word) and self._in_headline_line(i)):
            return False
        before = self.word(i - 1)
        if not (before[:1].isupper() and not before.isupper() and self._spaced(i)):
            return False
        if word.lower() in lex().verbs:
            return True
        if word in lex().not_a_name or not (self._spaced(i + 1) and self.word(i + 1).isalpha()):
            return False
        return not _VERB_S_RE.fullmatch(self.word(i + 1))

    def _spaced(self, i: int) -> bool:
        """Whether token i follows token i-1 on the same line after spaces only."""
        return 0 < i < len(self.toks) and self.gap(i).strip(" ") == ""

    def _in_headline_line(self, i: int) -> bool:
        if self._headline_lines is None:  # most sentences never ask: no word like "Arrives"
            self._headline_lines = _headline_case_lines(self.text)
        start = self.toks[i].start
        return any(a <= start < b for a, b in self._headline_lines)

    def in_place(self, tok: Token) -> bool:
        """True when the token overlaps a country (except given-name-like ones), a region or
        an organisation."""
        for m in self.countries:
            if m.start < tok.end and tok.start < m.end and m.text not in lex().given_name_countries:
                return True
        return any(m.start < tok.end and tok.start < m.end for m in (*self.regions, *self.orgs))

    def country_at(self, i: int) -> tuple[int, str] | None:
        """If a country mention starts at token i, return (index after it, code)."""
        if i >= len(self.toks):
            return None
        m = self._country_at.get(self.toks[i].start)
        if m is None:
            return None
        j = i
        while j < len(self.toks) and self.toks[j].start < m.end:
            j += 1
        return j, m.value

    def country_before(self, i: int) -> tuple[int, str] | None:
        """Country naming the role that starts at token i: "Japanese", "Pakistan's". A city
        is no nationality: "Santiago Mayor" is the city's mayor, "Beijing's envoy" an
        envoy sent there or from there."""
        if i <= 0:
            return None
        start = self.toks[i].start
        prev = self.toks[i - 1]
        if prev.text in ("'s", "’s") and i >= 2:
            end = self.toks[i - 2].end
            target = i - 2
        else:
            end = prev.end
            target = i - 1
        if self.text[end:start].strip() and target == i - 1:
            return None
        for m in self.countries:
            if m.end == end and m.text not in lexicon.capitals():
                j = target
                while j > 0 and self.toks[j].start > m.start:
                    j -= 1
                return j, m.value
        return None
