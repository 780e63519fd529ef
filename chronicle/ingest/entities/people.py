"""The people of one sentence: names with their roles, honorifics and role countries.

``find_people`` tries, at each token, a role first, an honorific first, a cue noun
("counterpart"), then a bare name that its context makes a person ("Kono told"); names
joined by "and" or a list comma to a found person are people too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from chronicle.ingest.entities.name_words import is_caps_surname, parse_name, skip_honorifics
from chronicle.ingest.entities.roles import appositive_role, parse_role, role_word
from chronicle.ingest.entities.scan import SPACE_RE, SUPERSCRIPTS
from chronicle.ingest.entities.sentence import Sentence, lex
from chronicle.ingest.memo import this_document
from chronicle.model import Actor
from chronicle.names import name_key

_COMMON_NOUN_RE = re.compile(r"(?:tions?|ments?|ness|ities|ity|ings?|ances?|ences?|isms?|ists?)$")
"""English noun endings: a lone capitalised word ending so is not a surname ("Opening")."""

_QUOTE_ENDS = frozenset({",", '"', "”", "'", "’"})
"""What ends reported words before an inverted attribution (", said Kono")."""

_AFTER_SPEAKER = frozenset({"", ",", ".", ";", ":", "(", "of", "at", "in", "on", "from", "with"})
"""What follows the speaker's name in an inverted attribution; a verb there ("..., says
Du Pont still holds an edge") makes the name the subject of the reported clause instead."""


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One person found in a sentence.

    Attributes:
        actor: The normalised person.
        start: Offset of the whole mention (country prefix, role, honorifics, name, appositive).
        end: Offset one past the whole mention.
        name_start: Offset of the name itself.
        name_end: Offset one past the name.
    """

    actor: Actor
    start: int
    end: int
    name_start: int
    name_end: int


def _make_mention(
    s: Sentence, start_tok: int, end_tok: int, name: tuple[int, int], role: str, country: str
) -> PersonMention:
    first, last = s.toks[name[0]], s.toks[name[1] - 1]
    display = SPACE_RE.sub(" ", s.text[first.start : last.end])
    display = " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in display.split())
    actor = Actor(name=display, key=name_key(display), role=role, country=country)
    return PersonMention(
        actor=actor,
        start=s.toks[start_tok].start,
        end=s.toks[end_tok - 1].end,
        name_start=first.start,
        name_end=last.end,
    )


def _bare_ok(s: Sentence, i: int, j: int) -> bool:
    """Whether a name without role or honorific (tokens i..j) is a person by its context."""
    nxt = s.word(j)
    single = j - i == 1
    if s.word(i - 1) in lex().determiners:
        return False  # "the Southern Patagonian Ice Field was": no article before a person
    if single and (s.word(i) in lex().not_bare_name or _COMMON_NOUN_RE.search(s.word(i))):
        return False
    if nxt in ("'s", "’s") or nxt in lex().reporting_verbs or s.headline_verb(j):
        return True
    if nxt == "," and s.word(j + 1) == "who":
        return True
    before = s.word(i - 1)
    if before in lex().object_cues or (before == "with" and s.word(i - 2) in lex().with_cues):
        return True  # "met Kagame", "held talks with Ishaq Dar"
    if before.lower() in lex().object_cues and s.headline_verb(i - 1):
        return True  # "Ramaphosa Hosts Lula"
    inverted = s.word(i - 2) in _QUOTE_ENDS or (i == 1 and before.istitle())
    if before.lower() in lex().reporting_verbs and inverted and nxt in _AFTER_SPEAKER:
        return True  # the speaker: "..., said Chad Smith, a researcher"; "Says Ana Ortiz:"
    return not single and before in lex().byline_cues


@cache
def _starters() -> frozenset[str]:
    """Words that may open a role, an honorific or a cue-noun mention whatever their case
    ("minister", "ministers", "counterpart"): with the capitalised words, what the rules of
    ``find_people`` look at."""
    words = lex()
    return frozenset(
        words.role_words_lower | set(words.plural_heads) | words.honorifics | words.name_cues
    )


def _may_start_name(word: str) -> bool:
    """Whether a word outside `_starters` can open a mention: capitalised, or a lower-case
    particle joined by a hyphen ("al-Sisi"); the same first test as ``is_name_word``."""
    first = word[:1]
    return first.isalpha() and not (first.islower() and "-" not in word[1:4])


@this_document
def find_people(sentence: str) -> tuple[PersonMention, ...]:
    """Find the people named in a sentence, with their roles and role countries.

    Rules, tried at each token in this order:
      1. role first: "[Japanese|Pakistan's] Prime Minister [,] [H.E. Mr.] Kishida Fumio",
         "President of Pakistan H.E. Dr.Arif Alvi", "Ambassador to Pakistan, Wada Mitsuhiro";
      2. honorific first, optional appositive role:
         "H.E. Mr. Khawaja Muhammad Asif, Federal Minister for Foreign Affairs of Pakistan";
      3. after "counterpart": "his counterpart Khawaja Muhammad Asif";
      4. bare name with context: "Eiji Yamamoto, who", "Kono told", "Trump's policy",
         "Edited by Najam Rafique", or a bare name followed by an appositive role.

    Args:
        sentence: One sentence (footnote superscripts are tolerated).

    Returns:
        Mentions in text order; the same person may appear more than once.
    """
    s = Sentence(sentence.translate(SUPERSCRIPTS))
    found: list[PersonMention] = []
    shared_role: dict[int, tuple[str, str]] = {}  # mention index -> role its list shares
    i = 0
    n = len(s.toks)
    starters = _starters()
    words = s.words
    while i < n:
        word = words[i]
        if not _may_start_name(word) and word not in starters and word.lower() not in starters:
            i += 1  # most words of a sentence start nothing: no rule below takes them
            continue
        # 1. role first
        if role_word(s, i) or word.lower() in lex().plural_heads:
            role = parse_role(s, i)
            if role is not None:
                k = role.end
                if s.word(k) == ",":
                    k += 1
                k = skip_honorifics(s, k)
                end = parse_name(s, k)
                if end > k:
                    prefix = s.country_before(i)
                    country = role.country or (prefix[1] if prefix else "")
                    start = prefix[0] if prefix else i
                    found.append(_make_mention(s, start, end, (k, end), role.text, country))
                    if role.plural:
                        shared_role[len(found) - 1] = (role.text, country)
                    i = end
                    continue
                i = role.end
                continue
        # 2. honorific first
        k = skip_honorifics(s, i)
        if k > i:
            end = parse_name(s, k)
            if end == k and is_caps_surname(s, k, alone=True):
                end = k + 1  # "Mr. KISHIDA said"
            if end > k:
                appositive = appositive_role(s, end)
                role_text, country, stop = "", "", end
                if appositive is not None:
                    role_text, country, stop = appositive.text, appositive.country, appositive.end
                found.append(_make_mention(s, i, stop, (k, end), role_text, country))
                i = stop
                continue
            i = k
            continue
        # 3. cue noun
        if word in lex().name_cues:
            end = parse_name(s, i + 1)
            if end > i + 1:
                prefix = s.country_before(i)  # "his Bolivian counterpart Franklin Molina"
                country = prefix[1] if prefix else ""
                found.append(_make_mention(s, i + 1, end, (i + 1, end), "", country))
                i = end
                continue
        # 4. bare name
        cross = s.word(i - 1) in lex().byline_cues
        end = parse_name(s, i, cross_newline=cross)
        if end > i:
            appositive = appositive_role(s, end)
            if appositive is not None and (end - i > 1 or s.word(i - 1) not in lex().determiners):
                found.append(
                    _make_mention(
                        s, i, appositive.end, (i, end), appositive.text, appositive.country
                    )
                )
                i = appositive.end
                continue
            lone_ambiguous = end - i == 1 and s.word(i) in lex().given_name_countries
            if (_bare_ok(s, i, end) or _pair_ok(s, i, end)) and not lone_ambiguous:
                found.append(_make_mention(s, i, end, (i, end), "", ""))
            i = end
            continue
        i += 1
    return tuple(_with_conjuncts(s, found, shared_role))


def _pair_ok(s: Sentence, i: int, j: int) -> bool:
    """Two bare names joined by "and" are people when the second is one by its context
    ("Vucic and Kurti accept"), or when both have two words or more and the pair is
    followed by prose ("Abiy Ahmed and Isaias Afwerki in Asmara"); never before a verb
    that agrees with one subject ("Peace and Friendship was signed")."""
    if s.word(j) != "and":
        return False
    k = j + 1
    end = parse_name(s, k)
    if end == k:
        return False
    after = s.word(end)
    if after in ("is", "was", "has") or re.fullmatch(r"[a-z]+[^s]s", after):
        return False  # a verb for one: "Peace and Friendship was signed" is one thing
    if _bare_ok(s, k, end) or after in lex().plural_verbs:
        return True
    prose = after in (",", "(", "") or after[:1].islower()
    return j - i > 1 and end - k > 1 and prose


def _with_conjuncts(
    s: Sentence, found: list[PersonMention], shared_role: Mapping[int, tuple[str, str]]
) -> list[PersonMention]:
    """Add the names joined to a found person by "and" or a list comma ("Presidents Lech
    Walesa and Leonid Kravchuk", "Kono and Asif"); a plural role is each one's role."""
    by_name = {m.name_start: m for m in found}
    index = {tok.start: n for n, tok in enumerate(s.toks)}
    for n, mention in enumerate(found):
        role, country = shared_role.get(n, ("", ""))
        j = index[mention.name_start]
        while j < len(s.toks) and s.toks[j].end <= mention.name_end:
            j += 1
        while s.word(j) in (",", "and") and (s.word(j) == "and" or role):
            k = skip_honorifics(s, j + 1 + (s.word(j + 1) == "and"))
            end = parse_name(s, k)
            if end == k:
                break
            seen = by_name.get(s.toks[k].start)
            if seen is None or (role and not seen.actor.role):
                by_name[s.toks[k].start] = _make_mention(s, k, end, (k, end), role, country)
            j = end
    return sorted(by_name.values(), key=lambda m: m.start)
