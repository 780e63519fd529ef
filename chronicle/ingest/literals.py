"""Skip a regex scan that cannot match: the words every match of a pattern must contain.

Many taggers run a list of patterns over each sentence ("signed", "met", "summit") and
most find nothing there. A pattern's *required words* are read off its own syntax once:
a set of lower-case strings one of which is in the text wherever the pattern matches.
When none of them is in the lower-cased text, the scan is skipped; the answer is the
same, as a scan would have found nothing. Nothing is written by hand, so a pattern and
its required words cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as c  # the parser's opcodes; stable across 3.11-3.13
from re import _parser

Needs = frozenset[str] | None
"""Strings one of which every match holds, or None when the pattern needs none we can tell."""

_CASE_FELLOWS = frozenset("İıſK")
"""Letters that IGNORECASE matches with an ASCII letter although lower() does not give
that letter ("ſ" matches "s", the Kelvin sign "k"): a text holding one is always scanned."""

_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


def required_words(pattern: re.Pattern[str]) -> Needs:
    """Lower-case ASCII strings one of which is in any text `pattern` matches in.

    Args:
        pattern: A compiled str pattern.

    Returns:
        The strings, or None when the pattern requires no literal text (then every text
        must be scanned).
    """
    return _needs(_parser.parse(pattern.pattern, pattern.flags))


def _needs(items: _parser.SubPattern | list) -> Needs:
    """What a sequence of pattern items requires: the best of its literal runs and of
    what its groups, alternations and repeats require."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        _keep(candidates, run)
        run = []
        needs = _item_needs(op, av)
        if needs:
            candidates.append(needs)
    _keep(candidates, run)
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _item_needs(op: object, av: object) -> Needs:
    """What one non-literal item requires (None for classes, anchors and lookarounds)."""
    if op is c.SUBPATTERN:
        return _needs(av[-1])
    if op is c.ATOMIC_GROUP:
        return _needs(av)
    if op in _REPEATS:
        low, _high, body = av
        return _needs(body) if low >= 1 else None
    if op is c.BRANCH:
        branches = [_needs(branch) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)
    return None


def _keep(candidates: list[frozenset[str]], run: list[str]) -> None:
    """Add a run of literal characters as a requirement (only ASCII: see `_CASE_FELLOWS`)."""
    text = "".join(run)
    if text and text.isascii():
        candidates.append(frozenset({text.lower()}))


_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_CATEGORIES = {
    c.CATEGORY_DIGIT: r"\d",
    c.CATEGORY_NOT_DIGIT: r"\D",
    c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S",
    c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W",
}
First = tuple[frozenset[str], bool] | None
"""The character-class pieces a match's first character is one of, and whether the items
read so far may match nothing; None when that cannot be told."""


def first_characters(pattern: re.Pattern[str] | str, flags: int = 0) -> str | None:
    """A character class (its inside) that holds the first character of every match.

    Args:
        pattern: A compiled str pattern, or its source (then with `flags`).
        flags: The flags of a source.

    Returns:
        The inside of a class ("\\d" or "MTWFS\\d"), or None when it cannot be told
        (case-insensitive letters, a negated class, a pattern that can match nothing).
    """
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if flags & re.IGNORECASE:
        return None
    first = _first(_parser.parse(pattern, flags))
    if first is None or first[1] or not first[0]:
        return None
    return "".join(sorted(first[0]))


def _first(items: _parser.SubPattern | list) -> First:
    """The first characters of a sequence: those of its items up to the first that must
    consume a character."""
    pieces: set[str] = set()
    for op, av in items:
        item = _first_of(op, av)
        if item is None:
            return None
        pieces |= item[0]
        if not item[1]:
            return frozenset(pieces), False
    return frozenset(pieces), True


def _first_of(op: object, av: object) -> First:
    """The first characters of one item (None for what this does not read)."""
    if op in _ZERO_WIDTH:
        return frozenset(), True
    if op is c.LITERAL:
        return frozenset({f"\\U{av:08x}"}), False
    if op is c.IN:
        return _class(av)
    if op is c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _first(av[-1])
    if op in _REPEATS:
        low, _high, body = av
        inner = _first(body)
        return None if inner is None else (inner[0], inner[1] or low == 0)
    if op is c.BRANCH:
        return _union([_first(branch) for branch in av[1]])
    if op is c.GROUPREF_EXISTS:
        _group, yes, no = av
        return _union([_first(yes), _first(no) if no is not None else (frozenset(), True)])
    return None


def _class(av: list) -> First:
    """The characters of a class, as the pieces of another."""
    pieces = set()
    for op, value in av:
        if op is c.LITERAL:
            pieces.add(f"\\U{value:08x}")
        elif op is c.RANGE:
            pieces.add(f"\\U{value[0]:08x}-\\U{value[1]:08x}")
        elif op is c.CATEGORY and value in _CATEGORIES:
            pieces.add(_CATEGORIES[value])
        else:
            return None  # a negated class, or one this does not read
    return frozenset(pieces), False


def _union(alternatives: list[First]) -> First:
    """What any of several alternatives may start with."""
    if any(a is None for a in alternatives):
        return None
    return frozenset().union(*(a[0] for a in alternatives)), any(a[1] for a in alternatives)


def starting_with_first_characters(source: str, flags: int = 0) -> re.Pattern[str]:
    """`source` compiled, told first which characters a match can start at: the regex
    engine then skips every other position at once instead of trying the whole pattern
    there (patterns that open with optional groups get no such help from it)."""
    first = first_characters(source, flags)
    if first is None:
        return re.compile(source, flags)
    return re.compile(f"(?=[{first}])(?:{source})", flags)


class Gated:
    """A pattern that is only scanned over texts holding one of its required words."""

    __slots__ = ("needs", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needs = required_words(pattern)

    def may_match(self, lowered: str) -> bool:
        """Whether the text whose ``lowered_for_gates`` is `lowered` can hold a match."""
        return self.needs is None or any(map(lowered.__contains__, self.needs))

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """``pattern.search(text)``, or None at once when the text cannot hold a match."""
        return self.pattern.search(text) if self.may_match(lowered) else None

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, or nothing when the text cannot hold a match."""
        return self.pattern.finditer(text) if self.may_match(lowered) else iter(())


def lowered_for_gates(text: str) -> str:
    """The text as `Gated` compares it: lower-cased, or "" -> every gate open when it holds
    a letter that IGNORECASE matches to ASCII in a way lower() does not."""
    if not text.isascii() and not _CASE_FELLOWS.isdisjoint(text):
        return _OPEN
    return text.lower()


class _Open(str):
    """A lowered text that every gate lets through."""

    def __contains__(self, word: object) -> bool:
        return True


_OPEN = _Open("")
