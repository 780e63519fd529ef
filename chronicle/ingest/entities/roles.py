"""A person's role as written: "Federal Minister for Foreign Affairs of Pakistan", "Presidents".

A role is modifiers and a head ("Foreign Minister", "Environment Minister"), then
complements after "for", "of", "to", "on", "at" (a country after "of" is the role's
country); two offices joined by "and" are one person's. ``appositive_role`` reads the
role after a name and a comma.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle import lexicon
from chronicle.ingest.entities.scan import SPACE_RE
from chronicle.ingest.entities.sentence import Sentence, lex

_CONNECTORS = frozenset({"for", "of", "to", "on", "at"})


@dataclass(frozen=True, slots=True)
class Role:
    start: int  # token index
    end: int  # token index one past the role (complements included)
    text: str
    country: str
    plural: bool = False  # "Presidents X and Y": the role of each of the names that follow


def role_word(s: Sentence, j: int, *, before_head: bool = True) -> bool:
    """Whether token j is a word of a role: a role modifier or head, or, before the head, a
    capitalised portfolio ("Environment Minister", "Trade Representative") that is no
    place's or organisation's word ("United Nations Secretary-General" is the UN's)."""
    word = s.word(j)
    if word.lower() in lex().role_words_lower:
        return True
    portfolio = before_head and word[:1].isupper() and word in lex().role_domain
    return portfolio and not s.in_place(s.toks[j])


def parse_role(s: Sentence, i: int) -> Role | None:
    """Parse "Federal Minister for Foreign Affairs of Pakistan" starting at token i."""
    j = i
    last_head = -1
    plural = ""
    while j < len(s.toks) and role_word(s, j, before_head=last_head < 0):
        if j > i and not s.gap(j).isspace():
            break
        if s.word(j).lower() in lex().heads_lower and not s.word(j + 1).startswith(("'", "’")):
            last_head = j
        j += 1
    heads = lex().plural_heads
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
            s.word(end) in lex().role_domain
            or (s.word(end) in ("and", "&") and s.word(end + 1) in lex().role_domain and end > k)
        ):
            end += 1
        if end == k:
            break
        pieces.append(s.text[s.toks[j].start : s.toks[end - 1].end])
        j = end
    text = SPACE_RE.sub(" ", " ".join(pieces))
    country = country or lexicon.role_country(text)
    if not plural and s.word(j) == "and" and s.word(j + 1).lower() in lex().role_words_lower:
        # two offices held by one person: "State Councilor and Foreign Minister Wang Yi"
        second = parse_role(s, j + 1)
        if second is not None and not second.plural:
            both = f"{text} and {second.text}"
            return Role(i, second.end, both, country or second.country)
    return Role(i, j, text, country, bool(plural))


def appositive_role(s: Sentence, j: int) -> Role | None:
    """A role after a name: ", Minister for Foreign Affairs of Pakistan"."""
    if s.word(j) != ",":
        return None
    k = j + 1
    if s.word(k) == "the":
        k += 1
    return parse_role(s, k)
