"""What a date rule is: one object holding everything about one written form of date.

A ``DateRule`` carries its name, the words that trigger it, its regex, the context
check a match must pass, the resolver that turns a match into dates, and what the
resolved date lends the dates after it. ``RuleBook`` is the registry: it refuses
two rules of one name and a rule nothing can trigger, and finds, for a text, the
stretches each rule needs to scan (around its trigger words), so one tokenising
pass replaces a full-text scan per rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from chronicle.ingest.dates.context import Context, Resolution

Lends = Literal["date", "year", "relative", "quarter"]
"""What a resolved match lends the year-less dates after it: "date" (a month or day with
its year written out), "year" (a bare year, decade or century: only a weak anchor),
"relative" (a relative date resolved to a day or month), "quarter" (the quarter itself,
for "a year earlier")."""


@dataclass(slots=True)
class Cand:
    """A spotted candidate: the rule that found it and its regex match."""

    start: int
    end: int
    rule: DateRule
    order: int
    m: re.Match[str]


@dataclass(slots=True)
class Spotting:
    """What the context checks may look at: the text and the year groups seen so far."""

    text: str
    year_ends: set[int]
    """Ends of the year groups of accepted candidates ("in 2005 and 2011" joins a list)."""


def _always(c: Cand, spot: Spotting) -> bool:
    return True


def _no_evidence(m: re.Match[str]) -> int:
    return 0


@dataclass(frozen=True, slots=True)
class DateRule:
    """One written form of date, from spotting to resolution."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[Cand, Context], Resolution | None]
    names: tuple[str, ...] = ()
    """Case-sensitive trigger tokens ("March", "MARCH", "Q")."""
    words: tuple[str, ...] = ()
    """Trigger words in lower case, matched in lower, Title or UPPER case."""
    digits: re.Pattern[str] | None = None
    """Matched at the start of a run of digits: where the rule's numeric forms can be."""
    check: Callable[[Cand, Spotting], bool] = _always
    """Context a match must have to be a date ("the March was peaceful" is none)."""
    lends: Lends = "date"
    day_order: Callable[[re.Match[str]], int] = _no_evidence
    """+1 when a match shows its text writes the day before the month, -1 for after."""
    start: Callable[[re.Match[str]], int] | None = None
    """Where the expression starts when the match takes in a word before it."""
    reach: tuple[int, int] = (80, 80)
    """How far (characters) a match may extend before and after a trigger: the stretch
    scanned around it."""


_DIGITS = re.compile(r"\d+")


class RuleBook:
    """The registry of date rules, in priority order (earlier wins a tie of equal spans)."""

    def __init__(self, rules: Iterable[DateRule]) -> None:
        self.rules = tuple(rules)
        self.by_name: dict[str, DateRule] = {}
        for rule in self.rules:
            if rule.name in self.by_name:
                raise ValueError(f"two date rules are named {rule.name!r}")
            if not (rule.names or rule.words or rule.digits):
                raise ValueError(f"date rule {rule.name!r} has no trigger, so it never runs")
            if rule.lends not in get_args(Lends):
                raise ValueError(f"date rule {rule.name!r} lends {rule.lends!r}")
            self.by_name[rule.name] = rule
        self._index = {rule.name: i for i, rule in enumerate(self.rules)}
        self._exact: dict[str, list[DateRule]] = {}
        for rule in self.rules:
            forms = [*rule.names]
            for word in rule.words:
                forms += [word, word.title(), word.upper()]
            for form in dict.fromkeys(forms):
                self._exact.setdefault(form, []).append(rule)
        self._digit_rules = [rule for rule in self.rules if rule.digits is not None]
        self._token = re.compile(
            rf"(?<![A-Za-z]){_trie(self._exact)}(?![A-Za-z])|{_DIGITS.pattern}"
        )

    def __getitem__(self, name: str) -> DateRule:
        return self.by_name[name]

    def order(self, rule: DateRule) -> int:
        """The rule's place in the priority order."""
        return self._index[rule.name]

    def windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Rule name -> merged stretches of text around its triggers: where its dates can be."""
        windows: dict[str, list[list[int]]] = {}
        size, exact = len(text), self._exact
        for m in self._token.finditer(text):
            token = m.group()
            if token[0].isdigit():
                rules = [r for r in self._digit_rules if r.digits.match(text, m.start())]
            else:
                rules = exact[token]
            for rule in rules:
                before, after = rule.reach
                start, end = max(0, m.start() - before), min(size, m.end() + after)
                spans = windows.setdefault(rule.name, [])
                if spans and start <= spans[-1][1]:
                    spans[-1][1] = end
                else:
                    spans.append([start, end])
        return {name: [(a, b) for a, b in spans] for name, spans in windows.items()}


def _trie(words: Iterable[str]) -> str:
    """One regex alternation for many words, shared prefixes factored out (much faster to
    scan than a flat alternation)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return emit(root)
