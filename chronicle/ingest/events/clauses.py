"""Find the clause each date of a sentence governs.

A sentence often tells several happenings, each with its own date: "The treaty
was signed in Astana on 29 May 2014 and entered into force on 1 January 2015";
"Candidate status, granted in December 1999, led to talks that opened on
3 October 2005". Each date takes the headline, type, people and places of its
own clause, not of the whole sentence. Writers separate such clauses with a
semicolon, a comma and a conjunction (", and", ", when"), a bare conjunction
before the next verb phrase ("... and were frozen on ..."), or a comma; between
two dates the strongest such boundary is where one clause ends and the next
begins. Dates with no boundary between them ("from 2012 to 2018", "in 2005 and
2011") share one clause.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

_BOUNDARIES = (
    re.compile(r"\s*;\s*"),
    re.compile(
        r",\s*(?:and|but|while|whereas|when|where|after|before|until|then|so|which)\b\s*", re.I
    ),
    re.compile(
        r"\s+(?:and|but|while|whereas|then)\s+(?=[a-z])"
        # a gapped verb: "took office on 1 January and Kirchner on 25 May"
        r"|\s+and\s+(?=(?:[A-Z][\w’'.-]*\s+){1,4}(?:on|in)\s*$)"
    ),
    re.compile(r",\s+"),
)
"""Clause boundaries between two dates, strongest first."""

_INDEPENDENT = re.compile(r";|,\s*(?:and|but|while|whereas)\s", re.I)
"""A boundary after which a new main clause starts ("...; it reopens", ", and Albanese ...")."""


def independent(gap: str) -> bool:
    """True when the text between two dates starts a new main clause, so neither
    date merely anchors the other ("later this year, and ... in May")."""
    return bool(_INDEPENDENT.search(gap))


_LEADING_LINK = re.compile(
    r"^[\s,;:–—-]*(?:(?:and|but|while|whereas|when|where|then|so|which|that)\b[\s,]*)*", re.I
)
"""What a clause after the first starts with and a headline does without (", and when")."""

_OPENS_RELATIVE = re.compile(r"[\s,;:–—-]*(?:which|who|whom|whose|that)\b", re.I)
"""A clause opening on a relative pronoun has the noun before it as its subject."""

_LEAD_IN = re.compile(
    r"[\s,;]*(?:(?:and|but|then|so)\s+)?"
    r"(?:(?:in|on|at|by|from|since|during|after|before|until|following|throughout|over|"
    r"within|early|late|later|earlier)\b[^,;]*)?$",
    re.I,
)
"""What may stand before a date that opens its clause: nothing, or an adverbial phrase
("In 2012, ...", "During the talks on 23 June, ..."). The comma after such a date
does not end the clause."""


def clause_bounds(text: str, dates: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of the clause each date governs, in the order of `dates`.

    Args:
        text: The sentence.
        dates: Offsets (start, end) of its dates in `text`, in text order.

    Returns:
        One span per date; dates with no boundary between them share a span.
    """
    quoted = [m.span() for m in _QUOTATION.finditer(text)]
    quote_starts = [a for a, _ in quoted]
    cuts: list[int] = []
    start = 0
    for (date_start, end), (next_start, _) in itertools.pairwise(dates):
        opens = bool(_LEAD_IN.fullmatch(text, start, date_start))
        cut = _boundary(text, (end, next_start), quoted, quote_starts, opens)
        cuts.append(cut if cut is not None else -1)
        if cut is not None:
            start = cut
    # each date's clause ends at the first cut after it: found from the right, in one pass
    ends, end = [], len(text)
    for cut in reversed(cuts):
        end = cut if cut >= 0 else end
        ends.append(end)
    ends = [*ends[::-1], len(text)]
    spans: list[tuple[int, int]] = []
    start = 0
    for index in range(len(dates)):
        spans.append((start, ends[index]))
        if index < len(cuts) and cuts[index] >= 0:
            start = cuts[index]
    return spans


_QUOTATION = re.compile(r'"[^"]*"|“[^”]*”')
"""A quotation is one piece of what was said: no clause boundary inside it."""


def _boundary(
    text: str,
    between: tuple[int, int],
    quoted: Sequence[tuple[int, int]],
    quote_starts: Sequence[int],
    skip_first_comma: bool,
) -> int | None:
    """Offset of the strongest clause boundary in text between two offsets, outside the
    `quoted` spans (as `_QUOTATION` finds them, with their starts), or None."""
    start, end = between
    for pattern in _BOUNDARIES:
        for m in pattern.finditer(text, start, end):
            if skip_first_comma and pattern is _BOUNDARIES[-1] and m.start() == start:
                continue
            if _inside(m.start(), quoted, quote_starts):
                continue
            return m.start()
    return None


def _inside(at: int, quoted: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """Whether `at` lies strictly inside one of the disjoint, ordered `quoted` spans."""
    index = bisect.bisect_left(starts, at) - 1  # the last quotation opening before `at`
    return index >= 0 and at < quoted[index][1]


def clause_text(text: str, span: tuple[int, int]) -> str:
    """A clause as a headline and the classifier read it, without its linking word."""
    clause = text[span[0] : span[1]]
    return clause[_LEADING_LINK.match(clause).end() :].strip() or text


_VERB = (
    r"(?:was|were|is|are|has|have|had|will|would|did|does|led|took|met|began|became|won|went"
    r"|made|held|left|fell|rose|broke|gave|saw|came|ran|fought|sent|lost|struck|built|sold"
    r"|bought|spent|kept|set|paid|sought|brought|drew|grew|wrote|spoke|chose|froze|stood"
    r"|withdrew|undertook|overtook|swore|bore|[a-z]+ed)\b"
)
_VERB_START = re.compile("^" + _VERB)
"""A clause opening on a verb has lost its subject to the clause before ("... and were frozen")."""
_A_VERB = re.compile(rf"\s{_VERB}\s")
"""A verb standing as a word of its own somewhere in a clause."""

_SUBJECT = re.compile(
    r"^(?!(?:In|On|At|By|From|Since|During|After|Before|Until|Following|When|While|As|For)\b)"
    rf"[A-Z][\w’'-]*(?:\s+(?!{_VERB}|(?:that|which|who)\b)[\w’'-]+){{0,7}}?(?=,|\s+{_VERB})"
)
"""The subject a sentence opens with: the words before its first verb or comma."""

_RELATIVE = re.compile(r"\b(?:that|which|who)\b")
"""After a relative clause a verb phrase may belong to the relative's noun ("talks that
opened ... and were frozen"), so the sentence's subject is not carried past it."""


_PARTICIPLE_OPENING = re.compile(r"^(?:[A-Z][a-z]+ed|Held|Built|Made|Set\s+up|Begun|Signed)\b")
"""A sentence opening on a participle ("Signed at Mataram on 13 November 2006, the
Agreement ... came into force ...") names its subject in the next clause."""


def with_subjects(texts: Sequence[str], relative: Sequence[bool]) -> list[str]:
    """Clauses that lost their subject to another clause, given it back.

    "The treaty creating the EAEU was signed on 29 May 2014 and entered into force
    on 1 January 2015": the second date's clause reads "The treaty creating the
    EAEU entered into force on 1 January 2015". The subject carries along a chain
    of such clauses ("left ... in 1999, rejoined in 2006 and suspended ..."), but
    not into a relative clause (", which created ABACC": its subject is the noun
    before it). An opening participle takes the next clause's subject ("Signed at
    Mataram" becomes "the Agreement ... signed at Mataram").

    Args:
        texts: The clauses, in order, without their linking words.
        relative: For each clause, True when it opened with "which", "who" or "that".
    """
    if len(texts) > 1 and _PARTICIPLE_OPENING.match(texts[0]):
        following = _SUBJECT.match(texts[1][:1].upper() + texts[1][1:])
        if following:
            named = texts[1][: following.end()]
            texts = [f"{named} {texts[0][:1].lower()}{texts[0][1:]}", *texts[1:]]
    subject = _SUBJECT.match(texts[0]) if texts else None
    if subject is None:
        return _with_appositive_nouns(texts, relative)
    out = [texts[0]]
    carry = not _RELATIVE.search(texts[0][subject.end() :])
    for text, opened_relative in zip(texts[1:], relative[1:], strict=True):
        if not (carry and not opened_relative and _VERB_START.match(text)):
            carry = False
            out.append(text)
            continue
        out.append(f"{subject.group(0)} {text}")
        carry = not _RELATIVE.search(text)
    return out


_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|en)\b")
_NOUN_PHRASE_END = re.compile(
    r"^.*\b(?P<np>(?:the|a|an|its|their|his|her|our)\s+(?:[\w’'–-]+\s+){0,5}[\w’'–-]+)\s*$",
    re.I | re.S,
)
"""The noun phrase a clause ends with, from its last determiner."""


_OBJECT_RELATIVE = re.compile(
    r"^(?P<doer>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+"
    r"(?P<verb>(?:(?:will|would|shall|has|have|had|is|was|were|did|does|may|can)\s+){1,2}"
    r"(?:be\s+|been\s+)?[a-z]+|[a-z]+ed)\b"
)
"""A relative clause whose subject is a name: its noun is the verb's object ("the third
session, which Togo will host in 2025")."""


_ADVERBIAL_TAIL = re.compile(r"\s+(?:in|on|at|since|from|by|during|until|before|after)\s")


def with_objects(texts: Sequence[str], relative: Sequence[bool]) -> list[str]:
    """Relative clauses with a subject of their own, given their noun as object.

    "..., to prepare the third session, which Togo will host in 2025" reads
    "Togo will host the third session in 2025".
    """
    out = list(texts[:1])
    for before, text, opened_relative in zip(texts, texts[1:], relative[1:], strict=False):
        noun = _NOUN_PHRASE_END.search(before)
        found = _OBJECT_RELATIVE.match(text)
        if opened_relative and noun and found:
            thing = _ADVERBIAL_TAIL.split(noun.group("np"), maxsplit=1)[0]
            text = f"{text[: found.end()]} {thing}{text[found.end() :]}"
        out.append(text)
    return out


def _with_appositive_nouns(texts: Sequence[str], relative: Sequence[bool]) -> list[str]:
    """A clause that is a participle set after a noun ("... reviewed the Strategic
    Partnership, upgraded in December 2022, ...") is about that noun."""
    out = [texts[0]] if texts else []
    for before, text, opened_relative in zip(texts, texts[1:], relative[1:], strict=False):
        noun = _NOUN_PHRASE_END.search(before)
        if noun and not opened_relative and _PARTICIPLE.match(text):
            text = f"{noun.group('np')} {text}"
        out.append(text)
    return out


def clauses_of(text: str, date_texts: Sequence[str]) -> list[str]:
    """The clause text governed by each date, found by its text in `text` in order.

    Returns the whole text for every date when the sentence has one date, or when
    a date cannot be found as written.
    """
    if len(date_texts) == 1:
        return [own_verb_phrase(text, date_texts[0])]
    if not date_texts:
        return []
    spans, pos = [], 0
    for written in date_texts:
        # as a whole phrase: "May" is not the start of "Mayor"
        found = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)").search(text, pos)
        if found is None:
            return [text] * len(date_texts)
        spans.append(found.span())
        pos = found.end()
    bounds = clause_bounds(text, spans)
    distinct = list(dict.fromkeys(bounds))
    relative = [bool(_OPENS_RELATIVE.match(text, b[0], b[1])) for b in distinct]
    read = with_subjects([clause_text(text, b) for b in distinct], relative)
    read = with_objects(read, relative)
    texts = dict(zip(distinct, read, strict=True))
    return [
        texts[b] if _says_something(texts[b], written) else text
        for b, written in zip(bounds, date_texts, strict=True)
    ]


_MIN_WORDS = 3
"""A clause needs this many words besides its date to stand for an event on its own."""


def _says_something(clause: str, date_text: str) -> bool:
    """False for a clause that is little more than its date ("2009, and ..."): the
    sentence then speaks for it."""
    return len(clause.replace(date_text, " ").split()) >= _MIN_WORDS


_SETS_A_TIME = re.compile(
    r"\b(?:from|by|until|till|as\s+of|starting|effective|with\s+effect\s+from)\s*$", re.I
)
"""What before a date makes it the start or deadline of an action ("reopen ... from 1 June")."""

_INFINITIVE = re.compile(r"^[a-z]+\s+to\s+[a-z]+\b")
"""A verb with an infinitive ("agreed to meet again in May") dates the infinitive's action."""

_AND_VERB = re.compile(rf"\s+and\s+(?={_VERB})")


def find_phrase(text: str, phrase: str) -> int:
    """Offset of the first `phrase` in `text` that stands as whole words ("May", not the
    start of "Mayor"), or -1. A string search: a pattern per date would be compiled anew."""
    at = text.find(phrase)
    while at >= 0:
        if not (_is_word_char(text, at - 1) or _is_word_char(text, at + len(phrase))):
            return at
        at = text.find(phrase, at + 1)
    return -1


def _is_word_char(text: str, i: int) -> bool:
    """Whether text[i] exists and is what a regex's \\w matches."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def own_verb_phrase(text: str, date_text: str) -> str:
    """The part of a one-date sentence its date governs.

    "The ministers signed a memorandum on security and agreed to reopen the border
    post from 1 June": a start date, a deadline or a date inside "agreed to <do>"
    belongs to its own coordinated verb phrase, not to the signing before it; the
    phrase takes the sentence's subject. Any other sentence is read whole ("met in
    Accra and signed the accord on 5 May" were one day's doings).
    """
    found = find_phrase(text, date_text)
    if found < 0:
        return text
    joins = list(_AND_VERB.finditer(text, 0, found))
    if not joins:
        return text
    join = joins[-1]
    first, second = text[: join.start()], text[join.end() : found]
    if not (_SETS_A_TIME.search(second) or _INFINITIVE.match(second)) or not _A_VERB.search(first):
        return text
    own = with_subjects([first.strip(), text[join.end() :]], [False, False])[1]
    return own if own != text[join.end() :] else text
