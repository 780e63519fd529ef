"""Split cleaned paragraphs into sentences, and tell headings from prose.

Sentence ends are found by rule, not by model: a full stop, question or
exclamation mark (plus any closing quotes or brackets) followed by a capital,
digit, opening quote or the end of the text. Abbreviations (titles such as
"Mr." and "H.E.", "e.g.", "No. 5", "a.m.", initials), decimals and web
addresses do not end a sentence; a missing space ("issues.In the") does.
"""

from __future__ import annotations

import re

TITLES = frozenset(
    "mr mrs ms messrs mme dr prof gen lt col maj capt cmdr adm sgt cpl gov sen rep hon rev "
    "fr st amb pres supt insp brig h.e h.h h.r.h e.g i.e cf viz vs approx ca esp incl "
    "dept govt assn est".split()
)
"""Abbreviations that never end a sentence (compared lower-cased, without the final dot)."""

BEFORE_NUMBER = frozenset(
    "no nos vol vols p pp art arts sec ch chap fig figs para paras op ed eds rs nr "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
"""Abbreviations that do not end a sentence when a number follows ("No. 5", "Jan. 4")."""

AMBIGUOUS = frozenset("etc inc ltd corp co jr sr a.m p.m".split())
"""Abbreviations that end a sentence only when a typical sentence opener follows."""

SENTENCE_STARTERS = frozenset(
    "the a an this that these those it its he she they we i you there here his her their our "
    "in on at for as after before during while when since but however meanwhile also both "
    "later earlier then today yesterday tomorrow moreover furthermore additionally "
    "according mr ms mrs dr".split()
)
"""Words that, capitalised after an ambiguous abbreviation, start a new sentence."""

_CANDIDATE = re.compile(r"(?:[.!?…]+)[\"'”’)\]]*(?=\s|$)|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_TOKEN_BEFORE = re.compile(r"(\S+?)[\"'”’)\]]*$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD = re.compile(r"[A-Za-z]+")
_MAX_TOKEN = 40
"""Longest token looked at before a full stop (keeps pathological input linear)."""
_OPENERS = "\"'“‘([{«"
_TERMINAL_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_TRAILING_NOISE = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^[^\]]+\]|[*_]+)$")
_NOISE_ENDS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹]*_")
"""The last characters `_TRAILING_NOISE` can end with."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph.

    Args:
        text: One paragraph of cleaned text.

    Returns:
        (start, end) offsets into `text`, in order, each trimmed of whitespace;
        together they cover every non-space character.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start or not _is_boundary(text, match.start(), end):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_boundary(text: str, punct: int, end: int) -> bool:
    """Whether the punctuation at `punct` (ending at `end`) closes a sentence."""
    nxt = end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt == len(text):
        return True
    following = text[nxt]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if punct == end:  # zero-width: missing space after "word."
        return _word_before(text, punct - 1).lower() not in TITLES | BEFORE_NUMBER | AMBIGUOUS
    if text[punct] != "." or text.startswith("...", punct) or text[punct - 1 : punct] == ".":
        return True
    word = _word_before(text, punct)
    lower = word.lower()
    if not word:
        return True
    if lower in TITLES:
        return False
    next_word = _next_word(text, nxt)
    if lower in BEFORE_NUMBER and following.isdigit():
        return False
    if lower in AMBIGUOUS or _DOTTED.match(word) or (len(word) == 1 and word.isupper()):
        return next_word.lower() in SENTENCE_STARTERS
    return True


def _word_before(text: str, dot: int) -> str:
    """The token ending just before the dot at `dot`, without quotes or brackets."""
    begin = dot
    limit = max(0, dot - _MAX_TOKEN)
    while begin > limit and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:dot].lstrip(_OPENERS)
    match = _TOKEN_BEFORE.search(token)
    return match.group(1) if match else ""


def _next_word(text: str, start: int) -> str:
    match = _WORD.match(text, start)
    return match.group(0) if match else ""


def ends_sentence(text: str) -> bool:
    """True when `text` ends with sentence punctuation (ignoring footnote markers)."""
    return bool(_TERMINAL_END.search(_strip_trailing_noise(text)))


def _strip_trailing_noise(text: str) -> str:
    text = text.rstrip()
    while True:
        if text[-1:] not in _NOISE_ENDS:
            return text  # the noise ends the text: no scan of a long paragraph for it
        stripped = _TRAILING_NOISE.sub("", text).rstrip()
        if stripped == text:
            return text
        text = stripped


def looks_like_heading(text: str) -> bool:
    """A short line without final punctuation that does not start in lower case.

    Args:
        text: One line or paragraph.

    Returns:
        True for lines such as "Trade Relations" or "PAKISTAN-JAPAN TIES: ...".
    """
    text = _strip_trailing_noise(text.strip())
    if not text or len(text) > 120 or len(text.split()) > 14:
        return False
    if text[0].islower() or not any(c.isalpha() for c in text):
        return False
    return text[-1] not in ".!?;,:…"
