"""Tag the people, countries and organisations of one sentence, and merge people per document.

Rule-based and deterministic: a capitalised-word tokenizer, role and honorific cue words,
and the tables of ``chronicle.lexicon``. No models.

Public API:
    find_entities(sentence, *, known_organisations=()) -> Entities
    find_people(sentence) -> tuple[PersonMention, ...]      (with spans, for headlines)
    find_countries(sentence) -> tuple[str, ...]
    find_organisations(sentence, known=()) -> tuple[str, ...]
    defined_acronyms(text) -> frozenset[str]                (document-level "(JICA)" style)
    example_spans(sentence) -> list[tuple[int, int]]       (countries given only as examples)
    name_key(name) -> str, same_person(a_key, b_key) -> bool   (from ``chronicle.names``)
    resolve_actors(actors) -> dict[str, Actor]              (document-level resolution)
    apply_resolution(entities, resolved) -> Entities
    country_name(code) -> str

Document-level use::

    per_sentence = [find_entities(s, known_organisations=acronyms) for s in sentences]
    resolved = resolve_actors(a for e in per_sentence for a in e.actors)
    per_sentence = [apply_resolution(e, resolved) for e in per_sentence]
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from chronicle import lexicon
from chronicle.ingest.date_names import MONTHS, WEEKDAYS
from chronicle.model import Actor, Entities
from chronicle.names import name_key, same_person

# ------------------------------------------------------------------------- tokenizing

_SUPERSCRIPTS = str.maketrans({c: " " for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"})
"""Footnote markers glued to words ("Bajwa,¹Kono") become spaces; offsets are kept."""

_ABBREVIATIONS = r"H\.\s?E\.|U\.S\.(?:A\.)?|U\.K\.|U\.N\.|U\.A\.E\.|D\.P\.R\.K\."
_TITLES_WITH_DOT = (
    r"(?:Mr|Mrs|Ms|Dr|Prof|Hon|Mme|Gen|Lt|Col|Maj|Capt|Sen|Amb|Adm|Brig|Smt)\.(?=\s*\w)"
)
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*(?:['’][^\W\d_]{2,})?"

_TOKEN_RE = re.compile(
    rf"{_ABBREVIATIONS}|{_TITLES_WITH_DOT}|[A-Z]\.(?=\s?[A-Z])|{_WORD}|['’]s\b|\d[\d,.]*|\S"
)
"""Person tokenizer: abbreviations, titles, initials, (hyphenated) words, possessive 's."""

_GAZ_WORD_RE = re.compile(rf"{_ABBREVIATIONS}|[^\W\d_]+(?:['’][^\W\d_]{{2,}})?|\d+")
"""Gazetteer tokenizer: hyphens split words, so "Japan-Pakistan" is two countries."""

_SPACE_RE = re.compile(r"\s+")
_PAREN_ACRONYM_RE = re.compile(r"([A-Za-z][\w’'-]*)\s*\(([A-Z][A-Za-z&]*[A-Z]s?)\)")
_DOLLAR_AFTER_RE = re.compile(r"\\?\$")
_CONNECTORS = frozenset({"for", "of", "to", "on", "at"})


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    value: str
    text: str


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


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _norm(span: str) -> str:
    return _SPACE_RE.sub(" ", span).replace("’", "'")


# ------------------------------------------------------------------ gazetteer matching


@dataclass(frozen=True, slots=True)
class _Lookup:
    exact: Mapping[str, str]
    upper: Mapping[str, str]
    max_len: Mapping[str, int]


def _build_lookup(table: Mapping[str, str]) -> _Lookup:
    exact: dict[str, str] = {}
    upper: dict[str, str] = {}
    max_len: dict[str, int] = {}
    for key, value in table.items():
        norm = _norm(key)
        exact[norm] = value
        if len(norm) >= 4:
            upper.setdefault(norm.upper(), value)
        words = _GAZ_WORD_RE.findall(norm)
        if not words:
            continue
        for first in (words[0], words[0].upper()):
            max_len[first] = max(max_len.get(first, 0), len(words))
    return _Lookup(exact, upper, max_len)


@cache
def _country_lookup() -> _Lookup:
    return _build_lookup(lexicon.country_forms())


@cache
def _org_lookup() -> _Lookup:
    return _build_lookup(lexicon.organisations())


def _is_all_caps(word: str) -> bool:
    return word.isupper() and len(word) >= 2


def _scan(text: str, lookup: _Lookup, words: list[_Token]) -> list[_Match]:
    """Longest-match lookup of word n-grams starting at capitalised words."""
    found: list[_Match] = []
    i = 0
    while i < len(words):
        first = words[i].text
        longest = lookup.max_len.get(first, 0)
        if not longest or not first[:1].isupper():
            i += 1
            continue
        hit = None
        for n in range(min(longest, len(words) - i), 0, -1):
            span = text[words[i].start : words[i + n - 1].end]
            key = _norm(span)
            value = lookup.exact.get(key)
            if value is None and all(_is_all_caps(w.text) for w in words[i : i + n]):
                value = lookup.upper.get(key.upper()) if len(key) >= 4 else None
            if value is not None:
                hit = (n, value)
                break
        if hit is None:
            i += 1
            continue
        n, value = hit
        found.append(
            _Match(
                words[i].start,
                words[i + n - 1].end,
                value,
                text[words[i].start : words[i + n - 1].end],
            )
        )
        i += n
    return found


def _gaz_words(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _GAZ_WORD_RE.finditer(text)]


def _country_matches(text: str) -> list[_Match]:
    """Every country mention (blocked phrases removed), with spans, in text order."""
    words = _gaz_words(text)
    raw = _scan(text, _country_lookup(), words)
    by_start = {m.start: m for m in raw}
    matches: list[_Match] = []
    for idx, word in enumerate(words):
        m = by_start.get(word.start)
        if m is not None:
            if m.value and not _is_false_us(text, m, words, idx):
                matches.append(m)
            continue
        if any(x.start <= word.start < x.end for x in raw):
            continue
        code = lexicon.country_prefixes().get(word.text)
        if (
            code
            and text[word.end : word.end + 1] == "-"
            and text[word.end + 1 : word.end + 2].isalpha()
        ):
            matches.append(_Match(word.start, word.end, code, word.text))
    return matches


def _is_false_us(text: str, match: _Match, words: list[_Token], idx: int) -> bool:
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
                _is_all_caps(other)
                and not between.strip()
                and other not in table
                and other not in lexicon.organisations()
            ):
                return True
    return False


def find_countries(sentence: str) -> tuple[str, ...]:
    """ISO alpha-2 codes of the countries a sentence names, in order of first appearance.

    Args:
        sentence: Any text.

    Returns:
        Deduplicated codes, e.g. ``("JP", "PK")`` for "Japan-Pakistan relations".
    """
    return find_entities(sentence).countries


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms a text defines in parentheses after a capitalised phrase ("... Agency (JICA)").

    Country acronyms and term acronyms ("FDI", "GDP") are left out.

    Args:
        text: A sentence or a whole document.

    Returns:
        The acronyms, e.g. ``frozenset({"JICA", "HLEPD"})``.
    """
    table = lexicon.country_forms()
    found = set()
    for m in _PAREN_ACRONYM_RE.finditer(text.translate(_SUPERSCRIPTS)):
        word, acronym = m.groups()
        if not word[:1].isupper() or acronym in lexicon.term_acronyms() or acronym in table:
            continue
        if sum(c.isupper() for c in acronym) >= 2:
            found.add(acronym)
    return frozenset(found)


def _org_matches(text: str, known: Collection[str]) -> list[_Match]:
    words = _gaz_words(text)
    matches = _scan(text, _org_lookup(), words)
    taken = {(m.start, m.end) for m in matches}
    extra = set(known) | defined_acronyms(text)
    for word in words:
        if word.text in extra and not any(s <= word.start < e for s, e in taken):
            matches.append(_Match(word.start, word.end, word.text, word.text))
    return sorted(matches, key=lambda m: m.start)


def find_organisations(sentence: str, known: Collection[str] = ()) -> tuple[str, ...]:
    """Short names of the organisations (and treaties) a sentence names, in order.

    Args:
        sentence: Any text.
        known: Extra acronyms to recognise, e.g. from ``defined_acronyms(document)``.

    Returns:
        Deduplicated short names such as ``("UNSC", "JICA")``.
    """
    return _dedupe(m.value for m in _org_matches(sentence.translate(_SUPERSCRIPTS), known))


def country_name(code: str) -> str:
    """Readable English name of an ISO alpha-2 code ("PK" -> "Pakistan"); the code if unknown."""
    return lexicon.country_name(code)


# ---------------------------------------------------------------------------- people


@dataclass(frozen=True, slots=True)
class _Words:
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
    plural_heads: Mapping[str, str]  # lower-case plural -> the head as written


def _plurals(head: str) -> tuple[str, ...]:
    """'Presidents', 'Secretaries': how a role head is written for several people."""
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return (head[:-1] + "ies",)
    return (head + "s",)


@cache
def _w() -> _Words:
    heads = lexicon.role_words("head")
    words = lexicon.person_words
    return _Words(
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
    )


_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_CAP_WORD_RE = re.compile(
    rf"(?:[a-z]{{1,3}}-)?[{_UP}][^\W\d_]*[{_LOW}][^\W\d_]*(?:['’-][^\W\d_]+)*$"
)
_INITIAL_RE = re.compile(r"[A-Z]\.$")
_BRAND_CASE_RE = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|Fitz|O'|Di|De|Da|Du|La|Le|Van|Von)[A-Z]")
"""Capitals inside a word belong to brands unless a surname prefix explains them."""
_COMMON_NOUN_RE = re.compile(r"(?:tions?|ments?|ness|ities|ity|ings?|ances?|ences?|isms?|ists?)$")
"""English noun endings: a lone capitalised word ending so is not a surname ("Opening")."""


class _Sentence:
    """Working state for the person parser over one sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.countries = _country_matches(text)
        self.orgs = _scan(text, _org_lookup(), _gaz_words(text))
        self._country_at = {m.start: m for m in self.countries}

    def word(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        if i <= 0 or i >= len(self.toks):
            return ""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def in_place(self, tok: _Token) -> bool:
        """True when the token overlaps a country (except given-name-like ones) or organisation."""
        for m in self.countries:
            if m.start < tok.end and tok.start < m.end and m.text not in _w().given_name_countries:
                return True
        return any(m.start < tok.end and tok.start < m.end for m in self.orgs)

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
        """Country naming the role that starts at token i: "Japanese", "Pakistan's"."""
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
            if m.end == end:
                j = target
                while j > 0 and self.toks[j].start > m.start:
                    j -= 1
                return j, m.value
        return None


def _is_name_word(s: _Sentence, i: int, first: bool) -> bool:
    if i >= len(s.toks):
        return False
    tok = s.toks[i]
    word = tok.text
    if _INITIAL_RE.match(word):
        return True
    if _is_caps_surname(s, i):
        return True
    if not _CAP_WORD_RE.match(word):
        return False
    if word.replace(".", "") in _w().honorifics or word.lower() in _w().role_words_lower:
        return False
    if word.lower() in MONTHS:
        nxt = s.word(i + 1)
        if first or nxt[:1].isdigit():
            return False
    if word.lower() in WEEKDAYS:
        return False
    if any(part in _w().not_a_name for part in re.split(r"[-'’]", word)):
        return False
    if word.endswith("s") and word[:-1] in _w().not_a_name:
        return False  # the plural of a word that is no name ("Summits")
    if _BRAND_CASE_RE.search(word) and not _NAME_PREFIX_RE.match(word):
        return False  # "PaperVault", "WeChat"; but "McDevitt", "DiMaio"
    return not s.in_place(tok)


def _is_caps_surname(s: _Sentence, i: int, *, alone: bool = False) -> bool:
    """A surname in capitals before a given name, as Japan's MOFA writes them
    ("Mr. KISHIDA Fumio"), or ``alone`` right after an honorific ("Mr. KISHIDA said");
    not an acronym ("JICA President", "UN Secretary")."""
    if i >= len(s.toks):
        return False
    word = s.toks[i].text
    if not (word.isalpha() and word.isupper() and len(word) >= 3):
        return False
    forms = lexicon.country_forms()
    if word in lexicon.organisations() or word.title() in forms or word in forms:
        return False
    if alone:
        return word not in lexicon.term_acronyms() and word.title() not in _w().not_a_name
    nxt = s.word(i + 1)
    return (
        bool(_CAP_WORD_RE.match(nxt))
        and nxt.lower() not in _w().role_words_lower
        and (nxt.replace(".", "") not in _w().honorifics)
    )


def _parse_name(s: _Sentence, i: int, *, cross_newline: bool = False) -> int:
    """Index one past the name that starts at token i (i itself when there is none)."""
    j = i
    while j < len(s.toks) and j - i < 6:
        if j > i and not cross_newline and "\n" in s.gap(j):
            break
        if j > i and not (s.gap(j).isspace() and "\n" not in s.gap(j)):
            break
        if _is_name_word(s, j, first=j == i):
            j += 1
            continue
        if j > i and s.word(j) in _w().name_particles and _is_name_word(s, j + 1, first=False):
            j += 2
            continue
        break
    while j > i and _INITIAL_RE.match(s.word(j - 1)):
        j -= 1
    return j


def _skip_honorifics(s: _Sentence, i: int) -> int:
    j = i
    while j < len(s.toks):
        word = s.toks[j].text.replace(" ", "")
        if word in _w().honorifics:
            j += 1
        elif word in ("His", "Her") and s.word(j + 1) == "Excellency":
            j += 2
        else:
            break
    return j


@dataclass(frozen=True, slots=True)
class _Role:
    start: int  # token index
    end: int  # token index one past the role (complements included)
    text: str
    country: str
    plural: bool = False  # "Presidents X and Y": the role of each of the names that follow


def _parse_role(s: _Sentence, i: int) -> _Role | None:
    """Parse "Federal Minister for Foreign Affairs of Pakistan" starting at token i."""
    j = i
    last_head = -1
    plural = ""
    while j < len(s.toks) and s.word(j).lower() in _w().role_words_lower:
        if j > i and not s.gap(j).isspace():
            break
        if s.word(j).lower() in _w().heads_lower and not s.word(j + 1).startswith(("'", "’")):
            last_head = j
        j += 1
    heads = _w().plural_heads
    plural_next = s.word(j).lower() in heads and not s.word(j + 1).startswith(("'", "’"))
    if plural_next and (j == i or s.gap(j).isspace()):
        last_head, plural, j = j, heads[s.word(j).lower()], j + 1
    if last_head < 0:
        return None
    pieces = [s.text[s.toks[i].start : s.toks[last_head].start] + (plural or s.word(last_head))]
    country = ""
    j = last_head + 1
    while j < len(s.toks):
        connector = s.word(j)
        k = j + 1
        if connector == "in-charge" and s.word(k) == "of":
            k += 1
        elif connector not in _CONNECTORS:
            break
        if s.word(k) == "the":
            k += 1
        hit = s.country_at(k)
        if hit is not None:
            end, code = hit
            if connector == "of":
                country = country or code
            else:
                pieces.append(s.text[s.toks[j].start : s.toks[end - 1].end])
            j = end
            continue
        end = k
        while end < len(s.toks) and (
            s.word(end) in _w().role_domain
            or (s.word(end) in ("and", "&") and s.word(end + 1) in _w().role_domain and end > k)
        ):
            end += 1
        if end == k:
            break
        pieces.append(s.text[s.toks[j].start : s.toks[end - 1].end])
        j = end
    text = _SPACE_RE.sub(" ", " ".join(pieces))
    country = country or lexicon.role_country(text)
    if not plural and s.word(j) == "and" and s.word(j + 1).lower() in _w().role_words_lower:
        # two offices held by one person: "State Councilor and Foreign Minister Wang Yi"
        second = _parse_role(s, j + 1)
        if second is not None and not second.plural:
            both = f"{text} and {second.text}"
            return _Role(i, second.end, both, country or second.country)
    return _Role(i, j, text, country, bool(plural))


def _make_mention(
    s: _Sentence, start_tok: int, end_tok: int, name: tuple[int, int], role: str, country: str
) -> PersonMention:
    first, last = s.toks[name[0]], s.toks[name[1] - 1]
    display = _SPACE_RE.sub(" ", s.text[first.start : last.end])
    display = " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in display.split())
    actor = Actor(name=display, key=name_key(display), role=role, country=country)
    return PersonMention(
        actor=actor,
        start=s.toks[start_tok].start,
        end=s.toks[end_tok - 1].end,
        name_start=first.start,
        name_end=last.end,
    )


def _appositive_role(s: _Sentence, j: int) -> _Role | None:
    """A role after a name: ", Minister for Foreign Affairs of Pakistan"."""
    if s.word(j) != ",":
        return None
    k = j + 1
    if s.word(k) == "the":
        k += 1
    return _parse_role(s, k)


def _bare_ok(s: _Sentence, i: int, j: int) -> bool:
    """Whether a name without role or honorific (tokens i..j) is a person by its context."""
    nxt = s.word(j)
    single = j - i == 1
    if s.word(i - 1) in _w().determiners:
        return False  # "the Southern Patagonian Ice Field was": no article before a person
    if single and (s.word(i) in _w().not_bare_name or _COMMON_NOUN_RE.search(s.word(i))):
        return False
    if nxt in ("'s", "’s") or nxt in _w().reporting_verbs:
        return True
    if nxt == "," and s.word(j + 1) == "who":
        return True
    before = s.word(i - 1)
    if before in _w().object_cues or (before == "with" and s.word(i - 2) in _w().with_cues):
        return True  # "met Kagame", "held talks with Ishaq Dar"
    return not single and before in _w().byline_cues


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
    s = _Sentence(sentence.translate(_SUPERSCRIPTS))
    found: list[PersonMention] = []
    shared_role: dict[int, tuple[str, str]] = {}  # mention index -> role its list shares
    i = 0
    n = len(s.toks)
    while i < n:
        word = s.word(i)
        # 1. role first
        if word.lower() in _w().role_words_lower or word.lower() in _w().plural_heads:
            role = _parse_role(s, i)
            if role is not None:
                k = role.end
                if s.word(k) == ",":
                    k += 1
                k = _skip_honorifics(s, k)
                end = _parse_name(s, k)
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
        k = _skip_honorifics(s, i)
        if k > i:
            end = _parse_name(s, k)
            if end == k and _is_caps_surname(s, k, alone=True):
                end = k + 1  # "Mr. KISHIDA said"
            if end > k:
                appositive = _appositive_role(s, end)
                role_text, country, stop = "", "", end
                if appositive is not None:
                    role_text, country, stop = appositive.text, appositive.country, appositive.end
                found.append(_make_mention(s, i, stop, (k, end), role_text, country))
                i = stop
                continue
            i = k
            continue
        # 3. cue noun
        if word in _w().name_cues:
            end = _parse_name(s, i + 1)
            if end > i + 1:
                found.append(_make_mention(s, i + 1, end, (i + 1, end), "", ""))
                i = end
                continue
        # 4. bare name
        cross = s.word(i - 1) in _w().byline_cues
        end = _parse_name(s, i, cross_newline=cross)
        if end > i:
            appositive = _appositive_role(s, end)
            if appositive is not None and (end - i > 1 or s.word(i - 1) not in _w().determiners):
                found.append(
                    _make_mention(
                        s, i, appositive.end, (i, end), appositive.text, appositive.country
                    )
                )
                i = appositive.end
                continue
            lone_ambiguous = end - i == 1 and s.word(i) in _w().given_name_countries
            if (_bare_ok(s, i, end) or _pair_ok(s, i, end)) and not lone_ambiguous:
                found.append(_make_mention(s, i, end, (i, end), "", ""))
            i = end
            continue
        i += 1
    return tuple(_with_conjuncts(s, found, shared_role))


def _pair_ok(s: _Sentence, i: int, j: int) -> bool:
    """Two bare names joined by "and" are people when the second is one by its context
    ("Vucic and Kurti accept"), or when both have two words or more and the pair is
    followed by prose ("Abiy Ahmed and Isaias Afwerki in Asmara"); never before a verb
    that agrees with one subject ("Peace and Friendship was signed")."""
    if s.word(j) != "and":
        return False
    k = j + 1
    end = _parse_name(s, k)
    if end == k:
        return False
    after = s.word(end)
    if after in ("is", "was", "has") or re.fullmatch(r"[a-z]+[^s]s", after):
        return False  # a verb for one: "Peace and Friendship was signed" is one thing
    if _bare_ok(s, k, end) or after in _w().plural_verbs:
        return True
    prose = after in (",", "(", "") or after[:1].islower()
    return j - i > 1 and end - k > 1 and prose


def _with_conjuncts(
    s: _Sentence, found: list[PersonMention], shared_role: Mapping[int, tuple[str, str]]
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
            k = _skip_honorifics(s, j + 1 + (s.word(j + 1) == "and"))
            end = _parse_name(s, k)
            if end == k:
                break
            seen = by_name.get(s.toks[k].start)
            if seen is None or (role and not seen.actor.role):
                by_name[s.toks[k].start] = _make_mention(s, k, end, (k, end), role, country)
            j = end
    return sorted(by_name.values(), key=lambda m: m.start)


# -------------------------------------------------------------- one document's people


def _merge(actors: list[Actor]) -> tuple[str, str]:
    """Best role and country of a group of mentions of one person."""
    roles = [a.role for a in actors if a.role]
    role = max(roles, key=len) if roles else ""
    country = next((a.country for a in actors if a.country), "")
    return role, country


def resolve_actors(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Resolve the actors of one document: every key seen -> its canonical actor.

    Each key is mapped to the largest key in the document that contains its tokens
    ("kono" -> "kono taro"), when that largest key is unique; otherwise it stays alone.
    The canonical actor takes the fullest name, the longest role among the full-name
    mentions (else among all), and the first country stated. Names keep the order they
    are written in: "Park Jin" stays "Park Jin" beside "Park", and of "Kishida Fumio" and
    "Fumio Kishida" (one key) the form written first is shown.

    Args:
        actors: Every actor of every sentence of one document, in order.

    Returns:
        Mapping from each input key to its resolved Actor.
    """
    by_key: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.key:
            by_key.setdefault(actor.key, []).append(actor)
    keys = list(by_key)
    target: dict[str, str] = {}
    for key in keys:
        # the longer names this one can be short for ("kono" in "kono taro")
        supers = [k for k in keys if len(k.split()) > len(key.split()) and same_person(key, k)]
        maximal = [k for k in supers if not any(set(k.split()) < set(o.split()) for o in supers)]
        target[key] = maximal[0] if len(maximal) == 1 else key
    groups: dict[str, list[str]] = {}
    for key, canonical in target.items():
        groups.setdefault(canonical, []).append(key)
    resolved: dict[str, Actor] = {}
    for canonical, members in groups.items():
        full = by_key[canonical]
        everyone = [a for m in members for a in by_key[m]]
        role = _merge(full)[0] or _merge(everyone)[0]
        country = _merge(full)[1] or _merge(everyone)[1]
        name = max((a.name for a in full), key=len)
        actor = Actor(name=name, key=canonical, role=role, country=country)
        for member in members:
            resolved[member] = actor
    return resolved


def apply_resolution(entities: Entities, resolved: Mapping[str, Actor]) -> Entities:
    """Replace a sentence's actors by their resolved forms, deduplicated by key.

    Args:
        entities: Entities of one sentence.
        resolved: The mapping from ``resolve_actors``.

    Returns:
        New Entities with the same countries and organisations.
    """
    actors: dict[str, Actor] = {}
    for actor in entities.actors:
        final = resolved.get(actor.key, actor)
        actors.setdefault(final.key, final)
    return Entities(
        actors=tuple(actors.values()),
        countries=entities.countries,
        organisations=entities.organisations,
    )


# ------------------------------------------------------------------ countries as examples

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


def _country_list(text: str, at: int, by_start: Mapping[int, _Match]) -> tuple[int, int] | None:
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


def example_spans(text: str, countries: Iterable[_Match] | None = None) -> list[tuple[int, int]]:
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
    found = _country_matches(text) if countries is None else countries
    by_start = {m.start: m for m in found}
    if not by_start:
        return []
    cues = [*_ALWAYS_EXAMPLES_RE.finditer(text)]
    groups = _GROUP_EXAMPLES_RE.finditer(text)
    cues += [m for m in groups if not _names_every_member(text, m.start())]
    spans = [found for cue in cues if (found := _country_list(text, cue.end(), by_start))]
    for bracket in (i for i, ch in enumerate(text) if ch == "("):
        at = bracket + 1
        lead = _ALWAYS_EXAMPLES_RE.match(text, at)
        inside = _country_list(text, lead.end() if lead else at, by_start)
        if inside and _bracket_lists_examples(text, bracket, inside):
            spans.append(inside)
    return spans


# ------------------------------------------------------------------------- the facade


def find_entities(sentence: str, *, known_organisations: Collection[str] = ()) -> Entities:
    """People, countries and organisations of one sentence.

    Args:
        sentence: One sentence, list item or footnote.
        known_organisations: Acronyms defined elsewhere in the document
            (``defined_acronyms(document_text)``) to recognise when used alone.

    Returns:
        Entities with actors deduplicated by key and codes/names in order of appearance.
        Countries inside a person's name ("Chad Smith") or given as examples ("countries
        such as Brazil") are not counted.
    """
    text = sentence.translate(_SUPERSCRIPTS)
    people = find_people(text)
    actors: dict[str, Actor] = {}
    for mention in people:
        actors.setdefault(mention.actor.key, mention.actor)
    # countries inside a person's name ("Chad Smith") or listed as examples are no party
    matches = _country_matches(text)
    spans = [(p.name_start, p.name_end) for p in people] + example_spans(text, matches)
    named = (m.value for m in matches if not any(s <= m.start < e for s, e in spans))
    # a role only one country has ("Secretary of State Blinken") names that country too
    countries = _dedupe([*named, *(a.country for a in actors.values() if a.country)])
    return Entities(
        actors=tuple(actors.values()),
        countries=countries,
        organisations=find_organisations(text, known_organisations),
    )
