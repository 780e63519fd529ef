"""Which tokens make up a person's name: name words, capitalised surnames, honorifics.

A name is up to six capitalised words on one line (particles such as "bin" or "van"
between them), not role words, honorifics, months, weekdays, cue words or places; a
surname in capitals before a given name ("KISHIDA Fumio") counts too.
"""

from __future__ import annotations

import re

from chronicle import lexicon
from chronicle.ingest.dates.names import MONTHS, WEEKDAYS
from chronicle.ingest.entities.sentence import Sentence, lex

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_CAP_WORD_RE = re.compile(
    rf"(?:[a-z]{{1,3}}-)?[{_UP}][^\W\d_]*[{_LOW}][^\W\d_]*(?:['’-][^\W\d_]+)*$"
)
_INITIAL_RE = re.compile(r"[A-Z]\.$")
_NAME_PARTS_RE = re.compile(r"[-'’]")
_BRAND_CASE_RE = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|Fitz|O'|Di|De|Da|Du|La|Le|Van|Von)[A-Z]")
"""Capitals inside a word belong to brands unless a surname prefix explains them."""


def is_name_word(s: Sentence, i: int, first: bool) -> bool:
    if i >= len(s.toks):
        return False
    tok = s.toks[i]
    word = tok.text
    first_char = word[:1]
    if not first_char.isalpha() or (first_char.islower() and "-" not in word[1:4]):
        return False  # what no test below takes: most words of a sentence, decided at once
    if _INITIAL_RE.match(word):
        return True
    if is_caps_surname(s, i):
        return True
    if not _CAP_WORD_RE.match(word):
        return False
    words, lower = lex(), word.lower()
    if lower in words.role_words_lower:
        return False
    if s.headline_verb(i) or (word.endswith("s") and lower in words.verbs):
        return False  # "Modi Arrives In Washington"; "Says Michael Hirsch, ..."
    if word.replace(".", "") in words.honorifics and (first or f"{word}." in words.honorifics):
        return False  # "Sheikh Hasina", "Mr. Kono"; but "Atif Mian": a full word ends a name
    if lower in MONTHS:
        nxt = s.word(i + 1)
        if first or nxt[:1].isdigit():
            return False
    if lower in WEEKDAYS:
        return False
    if any(part in words.not_a_name for part in _NAME_PARTS_RE.split(word)):
        return False
    if word.endswith("s") and word[:-1] in words.not_a_name:
        return False  # the plural of a word that is no name ("Summits")
    if _BRAND_CASE_RE.search(word) and not _NAME_PREFIX_RE.match(word):
        return False  # "PaperVault", "WeChat"; but "McDevitt", "DiMaio"
    return not s.in_place(tok)


def is_caps_surname(s: Sentence, i: int, *, alone: bool = False) -> bool:
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
        title = word.title()
        return (
            word not in lexicon.term_acronyms()
            and title not in lex().not_a_name
            and title not in lexicon.regions()
        )
    nxt = s.word(i + 1)
    return (
        bool(_CAP_WORD_RE.match(nxt))
        and nxt.lower() not in lex().role_words_lower
        and (nxt.replace(".", "") not in lex().honorifics)
    )


def parse_name(s: Sentence, i: int, *, cross_newline: bool = False) -> int:
    """Index one past the name that starts at token i (i itself when there is none)."""
    j = i
    while j < len(s.toks) and j - i < 6:
        if j > i and not cross_newline and "\n" in s.gap(j):
            break
        if j > i and not (s.gap(j).isspace() and "\n" not in s.gap(j)):
            break
        if is_name_word(s, j, first=j == i):
            j += 1
            continue
        if j > i and s.word(j) in lex().name_particles and is_name_word(s, j + 1, first=False):
            j += 2
            continue
        break
    while j > i and _INITIAL_RE.match(s.word(j - 1)):
        j -= 1
    return j


def skip_honorifics(s: Sentence, i: int) -> int:
    j = i
    while j < len(s.toks):
        word = s.toks[j].text.replace(" ", "")
        if word in lex().honorifics:
            j += 1
        elif word in ("His", "Her") and s.word(j + 1) == "Excellency":
            j += 2
        else:
            break
    return j
