"""Parse what a user types into the search box into a structured, always-valid Query.

The one job of this module is understanding: it never builds SQL (see
``chronicle.search.compile``) and never raises, whatever the input. Anything it
cannot understand becomes a *hint* (shown to the user) and, where that makes
sense, is searched as plain text instead.

Syntax (see docs/search.md for the user reference):

* ``kono`` word, ``"prime minister"`` phrase, ``diplom*`` prefix; words are ANDed.
* ``a OR b`` either term (OR binds tighter than the implicit AND).
* ``-word``, ``NOT word`` exclude; ``-country:pk`` excludes a filter value.
* ``country:pk,jp`` (ISO code, name or demonym; commas mean "either"),
  ``actor:kono``, ``type:visit`` (a type's name or its timeline label, ``type:said``),
  ``source:issi``, ``publisher:"Press Information Department"``, ``precision:day``,
  ``sources:>1``, ``after:2010``, ``before:2019-06``, ``in:2018``, ``year:2018``,
  ``sort:date|-date|rank``.
* The analyst's own work: ``is:starred``, ``is:corrected``, ``is:manual`` (commas mean
  "either": ``is:starred,corrected``), ``has:note``, ``tag:"trade talks",urgent``
  (case-insensitive) and ``review:dates,words,vague,bridged`` (the merges chronicle
  was least sure of, `REVIEW_KINDS`; a bare ``review:`` is every kind), each excluded
  by a leading ``-``.

Date filters read the value as a whole period (a year, month or day) and mean:

* ``after:X``  - the event starts after X is over (``after:2010`` = from 2011-01-01).
* ``before:X`` - the event is over before X begins (``before:2019-06`` = ends by 2019-05-31).
* ``in:X``     - the event overlaps X (``in:2018`` = any day in 2018).
* ``year:X``   - the event starts in year X: the year it is counted in by
  ``chronicle stats`` and the facets, so each event has one.

Undated events never match a date filter.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from chronicle import lexicon
from chronicle.model import EVENT_TYPES, PRECISIONS, TYPE_LABELS

__all__ = [
    "FILTER_NAMES",
    "IS_VALUES",
    "MAX_INPUT",
    "MAX_TERMS",
    "REVIEW_KINDS",
    "SORTS",
    "TYPE_SPELLINGS",
    "Clause",
    "Filter",
    "Query",
    "Term",
    "country_name",
    "describe",
    "has_token",
    "parse_query",
    "resolve_country",
    "with_stored_tags",
]

FILTER_NAMES = (
    "country",
    "actor",
    "type",
    "source",
    "publisher",
    "after",
    "before",
    "in",
    "year",
    "precision",
    "sources",
    "is",
    "has",
    "tag",
    "review",
    "sort",
)
"""Every filter name the parser understands, in the order hints list them."""

IS_VALUES: Mapping[str, str] = MappingProxyType(
    {"starred": "starred", "corrected": "corrected", "manual": "added by hand"}
)
"""What ``is:`` accepts, each with how describe() says it."""

HAS_VALUES: Mapping[str, str] = MappingProxyType({"note": "a note", "tag": "a tag"})
"""What ``has:`` accepts, each with how describe() says it."""

REVIEW_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "dates": "sources disagree on the date",
        "words": "a source linked to the rest only by similar words",
        "vague": "a vague date that fits another event too",
        "bridged": "a split of yours that later sources joined again",
    }
)
"""The review queue's kinds (``review:KIND``; a bare ``review:`` is all of them), each
with what puts an event in it. ``chronicle.search.compile`` has the SQL of each."""

SORTS = ("date", "-date", "rank")
"""Every sort order: oldest first (default), newest first, best match first (bm25)."""

MAX_INPUT = 1000
"""Characters of input considered; the rest is dropped with a hint."""

MAX_TERMS = 32
"""Search terms kept; more are dropped with a hint (keeps FTS5 expressions small)."""

NEGATABLE = frozenset(
    {"country", "actor", "type", "source", "publisher", "precision", "is", "has", "tag", "review"}
)
"""Filters that accept a leading ``-`` (or ``NOT``) to exclude their values."""

_SORT_ALIASES = {
    "date": "date",
    "+date": "date",
    "oldest": "date",
    "-date": "-date",
    "newest": "-date",
    "rank": "rank",
    "relevance": "rank",
    "best": "rank",
}

_UNKNOWN_FILTER_HINT = 'unknown filter "{name}" — try ' + ", ".join(f"{n}:" for n in FILTER_NAMES)


def _empty_term_hint(token: _Token) -> str:
    """Why a term with no letters or digits in it was dropped."""
    if token.phrase:
        return "nothing to search in quotes"
    if token.prefix and not token.text:
        return "* ends a word to match its beginning (diplom*); a lone * was ignored"
    return f'"{token.text}" has no letters or digits; ignored it'


_FILTER_RE = re.compile(r"([A-Za-z]+):")
_DATE_RE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_YEAR_RE = re.compile(r"\d{4}")
_SOURCES_RE = re.compile(r"(>=|<=|>|<|=)?(\d{1,6})")
_SPLIT_VALUES_RE = re.compile(r"\s*,\s*")
_NAME_WORD_RE = re.compile(r"[^\W_]+")
_SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Term:
    """One free-text search item.

    Attributes:
        text: The text as typed, without quotes or the trailing ``*``.
        phrase: True when typed in double quotes.
        prefix: True when typed with a trailing ``*`` (matches words starting with it).
    """

    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """Terms joined by OR; a Query's clauses are joined by AND.

    Attributes:
        alternatives: One or more terms, any of which may match.
        negated: True for excluded terms (``-word`` / ``NOT word``); then
            ``alternatives`` has exactly one term.
    """

    alternatives: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Filter:
    """One structured filter, already validated and normalised.

    Attributes:
        name: One of FILTER_NAMES except "sort".
        values: Normalised values. country: ISO alpha-2 codes (upper case);
            actor: folded lower-case names; type, precision: members of
            EVENT_TYPES / PRECISIONS; source, publisher: the text as typed,
            whitespace normalised; after, before,
            in, year: ``(first_day, last_day)`` ISO dates of the period; sources:
            ``(operator, count)`` with operator in ``= > >= < <=``; is, has: keys of
            IS_VALUES / HAS_VALUES; tag: tag names as typed, whitespace trimmed (matched
            ignoring case); review: keys of REVIEW_KINDS.
            For the multi-valued filters the values are alternatives (OR).
        negated: True to exclude the values (only filters in NEGATABLE).
        raw: The value as typed (for describe()).
    """

    name: str
    values: tuple[str, ...]
    negated: bool = False
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search: free-text clauses AND filters, plus a sort order.

    Attributes:
        text: The input as given (after truncation to MAX_INPUT).
        terms: Free-text clauses, ANDed; each clause ORs its alternatives.
        filters: Filters, ANDed.
        sort: One of SORTS. "rank" is only kept when there are positive terms.
        hints: Messages for the user about what was ignored or reinterpreted.
    """

    text: str = ""
    terms: tuple[Clause, ...] = ()
    filters: tuple[Filter, ...] = ()
    sort: str = "date"
    hints: tuple[str, ...] = ()

    @property
    def has_text(self) -> bool:
        """True when some clause must match (so there is an FTS MATCH and a rank)."""
        return any(not c.negated for c in self.terms)


# ---------------------------------------------------------------------------
# Small helpers


def _clean(text: str) -> str:
    """Replace control characters and lone surrogates with spaces; fold compatibility
    forms (fullwidth "Ｋｏｎｏ" from a Japanese keyboard is "Kono")."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)
    return unicodedata.normalize("NFKC", text)


def _fold(text: str) -> str:
    """Lower-case and strip diacritics ("Kōno" -> "kono")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def has_token(text: str) -> bool:
    """True when FTS5's unicode61 tokenizer would find a word in ``text``."""
    return any(_is_token_char(ch) for ch in text)


# ---------------------------------------------------------------------------
# Countries


def _country_key(text: str) -> str:
    """Normalise a country name for lookup: folded, separators as single spaces."""
    return " ".join(_NAME_WORD_RE.findall(_fold(text).replace("'", "").replace("’", "")))


@functools.cache
def _country_index() -> dict[str, str]:
    """Every form the lexicon knows a country by (so every form ingest tags), its ISO
    alpha-2 and alpha-3 codes and the combining forms ("sino") -> alpha-2, built once."""
    index: dict[str, str] = {}
    for code in lexicon.country_codes():
        index[code.lower()] = code
    for alpha_3, code in lexicon.alpha_3_codes().items():
        index.setdefault(alpha_3.lower(), code)
    for table in (lexicon.country_forms(), lexicon.country_prefixes()):
        for form, code in table.items():
            if code:
                index.setdefault(_country_key(form), code)
    return index


def resolve_country(value: str) -> str | None:
    """Map an ISO code (alpha-2/3), a country name or a demonym to ISO alpha-2.

    Args:
        value: What the user typed, e.g. "pk", "Pakistan", "pakistani", "united-kingdom".

    Returns:
        The upper-case alpha-2 code, or None when the value is not a known country.
    """
    key = _country_key(value)
    if not key:
        return None
    index = _country_index()
    return index.get(key) or (index.get(key[:-1]) if key.endswith("s") else None)


country_name = lexicon.country_name
"""Display name of an ISO alpha-2 code ("PK" -> "Pakistan"); the code itself if unknown."""


# ---------------------------------------------------------------------------
# Tokenising


@dataclass(frozen=True, slots=True)
class _Token:
    """A lexical token: an operator, a term or a filter."""

    kind: str  # "op", "term", "filter"
    text: str = ""  # operator name, term text or filter value
    name: str = ""  # filter name (lower case)
    negated: bool = False
    phrase: bool = False
    prefix: bool = False
    unclosed: bool = False  # a phrase whose closing quote is missing


def _read_quoted(text: str, i: int) -> tuple[str, int]:
    """Read a double-quoted string starting at ``text[i] == '"'``; unclosed runs to the end."""
    end = text.find('"', i + 1)
    if end == -1:
        return text[i + 1 :], len(text)
    return text[i + 1 : end], end + 1


def _read_value(text: str, i: int) -> tuple[str, int]:
    """Read a filter value: comma-separated parts, each quoted or bare."""
    parts: list[str] = []
    n = len(text)
    while True:
        if i < n and text[i] == '"':
            part, i = _read_quoted(text, i)
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in '",':
                i += 1
            part = text[start:i]
        parts.append(part)
        if i < n and text[i] == ",":
            i += 1
            continue
        return ",".join(parts), i


def _tokenise(text: str) -> list[_Token]:
    """Split cleaned input into operators, terms and filters (never fails)."""
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-":
            negated = True
            i += 1
            if i >= n or text[i].isspace():
                continue  # a lone "-"
        if text[i] == '"':
            unclosed = text.find('"', i + 1) == -1
            body, i = _read_quoted(text, i)
            prefix = i < n and text[i] == "*"
            while i < n and text[i] == "*":
                i += 1
            tokens.append(
                _Token("term", body, negated=negated, phrase=True, prefix=prefix, unclosed=unclosed)
            )
            continue
        match = _FILTER_RE.match(text, i)
        if match:
            name = match.group(1).lower()
            i = match.end()
            value, i = _read_value(text, i)
            tokens.append(_Token("filter", value.strip(), name=name, negated=negated))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        if not negated and word in ("AND", "OR", "NOT"):
            tokens.append(_Token("op", word))
            continue
        body = word.rstrip("*")
        tokens.append(_Token("term", body, negated=negated, prefix=body != word))
    return tokens


# ---------------------------------------------------------------------------
# Filters


def _period(value: str) -> tuple[str, str] | None:
    """Read "2010", "2010-05" or "2010-05-03" as (first_day, last_day) ISO strings."""
    match = _DATE_RE.fullmatch(value.strip())
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            first, last = date(year, 1, 1), date(year, 12, 31)
        elif day is None:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first = last = date(year, month, day)
    except ValueError:
        return None
    return first.isoformat(), last.isoformat()


def _pick(value: str, spellings: Mapping[str, str]) -> str | None:
    """The choice a value spells: exactly, as a plural, or by a beginning only one
    choice's spellings share. ``spellings`` maps each accepted spelling to its choice."""
    value = value.lower()
    if value in spellings:
        return spellings[value]
    if value.endswith("s") and value[:-1] in spellings:
        return spellings[value[:-1]]
    found = {choice for spelled, choice in spellings.items() if value and spelled.startswith(value)}
    return found.pop() if len(found) == 1 else None


TYPE_SPELLINGS: Mapping[str, str] = MappingProxyType(
    {label: name for name, label in TYPE_LABELS.items() if label}
    | {name: name for name in EVENT_TYPES}
)
"""What ``type:`` accepts: each type's name and the label the timeline shows ("said" is
statement, "talks" dialogue, "vote" election)."""

_TYPE_CHOICES = ", ".join(
    f"{name} ({TYPE_LABELS[name]})" if TYPE_LABELS.get(name, name) not in ("", name) else name
    for name in EVENT_TYPES
)


def _actor_value(value: str) -> str:
    """Fold an actor name to lower-case ASCII-ish words joined by single spaces."""
    return " ".join(_NAME_WORD_RE.findall(_fold(value)))


@dataclass(frozen=True, slots=True)
class _FilterResult:
    """What reading one filter token produced."""

    filter: Filter | None = None
    sort: str | None = None
    text: tuple[str, ...] = ()  # values to search as text instead
    hints: tuple[str, ...] = ()


def _multi(
    name: str,
    raw: str,
    negated: bool,
    resolve: Callable[[str], str | None],
    label: str,
    as_text: bool,
) -> _FilterResult:
    """Read a comma-separated filter whose values each resolve (or not) on their own."""
    values: list[str] = []
    leftovers: list[str] = []
    hints: list[str] = []
    for part in _SPLIT_VALUES_RE.split(raw):
        if not part:
            continue
        resolved = resolve(part)
        if resolved is None:
            hints.append(label.format(value=part))
            leftovers.append(part)
        elif resolved not in values:
            values.append(resolved)
    flt = Filter(name, tuple(values), negated, raw) if values else None
    return _FilterResult(flt, text=tuple(leftovers) if as_text else (), hints=tuple(hints))


def _source_value(value: str) -> str | None:
    """Whitespace-normalise a source value (LIKE already ignores ASCII case)."""
    return " ".join(value.split()) or None


_MULTI_FILTERS: dict[str, tuple[Callable[[str], str | None], str, bool]] = {
    # name: (resolve one value, hint for a value that does not resolve, search it as text?)
    "country": (resolve_country, 'unknown country "{value}", searched as text', True),
    "actor": (lambda v: _actor_value(v) or None, 'actor: "{value}" has no name', False),
    "type": (
        lambda v: _pick(v, TYPE_SPELLINGS),
        'unknown type "{value}", searched as text — try ' + _TYPE_CHOICES,
        True,
    ),
    "precision": (
        lambda v: _pick(v, {p: p for p in PRECISIONS}),
        'unknown precision "{value}" — try ' + ", ".join(PRECISIONS),
        False,
    ),
    "source": (_source_value, 'source: "{value}" is empty', False),
    "publisher": (_source_value, 'publisher: "{value}" is empty', False),
    "tag": (lambda v: v.strip() or None, 'tag: "{value}" is empty', False),
}


@dataclass(frozen=True, slots=True)
class _Choice:
    """A filter whose values are a few fixed words (``is:``, ``has:``, ``review:``).

    Attributes:
        spellings: Each accepted spelling -> the value it stands for (a unique
            beginning or a plural is enough, as for ``type:``).
        everything: When set, a bare ``name:`` means all of these values.
    """

    spellings: Mapping[str, str]
    everything: tuple[str, ...] = ()

    def read(self, name: str, raw: str, negated: bool) -> _FilterResult:
        """The filter `raw` spells, with a hint for each value that is not a choice."""
        if not raw and self.everything:
            return _FilterResult(Filter(name, self.everything, negated, raw))
        choices = ", ".join(dict.fromkeys(self.spellings.values()))
        if not raw:
            return _FilterResult(hints=(f"{name}: needs a value — try {choices}",))
        hint = f'{name}: "{{value}}" is not known — try {choices}'
        return _multi(name, raw, negated, lambda v: _pick(v, self.spellings), hint, False)


_CHOICE_FILTERS: dict[str, _Choice] = {
    "is": _Choice(
        {"starred": "starred", "star": "starred", "corrected": "corrected"}
        | {"correction": "corrected", "manual": "manual"}
    ),
    "has": _Choice({"note": "note", "tag": "tag"}),
    "review": _Choice({k: k for k in REVIEW_KINDS}, tuple(REVIEW_KINDS)),
}


def _read_filter(name: str, raw: str, negated: bool) -> _FilterResult:
    """Validate and normalise one ``name:value`` filter."""
    if name in _CHOICE_FILTERS:
        return _CHOICE_FILTERS[name].read(name, raw, negated)
    if not raw:
        return _FilterResult(hints=(f"{name}: needs a value",))
    hints: tuple[str, ...] = ()
    if negated and name not in NEGATABLE:
        # Applying the filter would show the opposite of what was asked for.
        hint = {"after": "before:", "before": "after:", "in": "after: and before:"}.get(name)
        better = f" — use {hint}" if hint else ""
        return _FilterResult(hints=(f"{name}: cannot be excluded; ignored it{better}",))
    result: _FilterResult
    if name in _MULTI_FILTERS:
        resolve, label, as_text = _MULTI_FILTERS[name]
        result = _multi(name, raw, negated, resolve, label, as_text)
    elif name in ("after", "before", "in"):
        period = _period(raw)
        if period is None:
            result = _FilterResult(
                hints=(f'{name}: "{raw}" is not a date — use YYYY, YYYY-MM or YYYY-MM-DD',)
            )
        else:
            result = _FilterResult(Filter(name, period, False, raw))
    elif name == "year":
        if _YEAR_RE.fullmatch(raw.strip()) is None:
            result = _FilterResult(hints=(f'year: "{raw}" is not a year — use YYYY',))
        else:
            year = raw.strip()
            result = _FilterResult(Filter(name, (f"{year}-01-01", f"{year}-12-31"), False, raw))
    elif name == "sources":
        match = _SOURCES_RE.fullmatch(raw.replace(" ", ""))
        if match is None:
            result = _FilterResult(hints=(f'sources: "{raw}" — use a number such as 2, >1 or >=2',))
        else:
            op = match.group(1) or "="
            result = _FilterResult(Filter(name, (op, str(int(match.group(2)))), False, raw))
    else:  # sort
        sort = _SORT_ALIASES.get(raw.lower())
        if sort is None:
            result = _FilterResult(hints=(f'unknown sort "{raw}" — try date, -date, rank',))
        else:
            result = _FilterResult(sort=sort)
    return _FilterResult(result.filter, result.sort, result.text, hints + result.hints)


def with_stored_tags(query: Query, stored: Iterable[str]) -> Query:
    """The query with each ``tag:`` value joined by the stored tags it spells, case and
    accents aside (``tag:elan`` also asks for a stored "Élan").

    SQLite ignores case only for A-Z (``COLLATE NOCASE``); the analyst's tags are few,
    so a caller that has them (``Store.tags()``) can widen the values here instead.

    Args:
        query: A parsed query.
        stored: The tags in use.

    Returns:
        The same query when it has no ``tag:`` filter, else one whose ``tag:`` filters
        also hold those stored tags (``raw`` keeps what was typed: describe the query
        as parsed, compile this one).
    """
    if not any(f.name == "tag" for f in query.filters):
        return query
    by_key: dict[str, list[str]] = {}
    for tag in stored:
        by_key.setdefault(_fold(tag), []).append(tag)

    def widened(flt: Filter) -> Filter:
        if flt.name != "tag":
            return flt
        values = [w for v in flt.values for w in (v, *by_key.get(_fold(v), ()))]
        return Filter(flt.name, tuple(dict.fromkeys(values)), flt.negated, flt.raw)

    return replace(query, filters=tuple(widened(f) for f in query.filters))


# ---------------------------------------------------------------------------
# Parsing


class _Builder:
    """Accumulates clauses from tokens, applying OR / NOT and the MAX_TERMS cap."""

    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.hints: list[str] = []
        self.pending_or = False
        self.dropped = 0

    def hint(self, message: str) -> None:
        if message not in self.hints:
            self.hints.append(message)

    def add(self, term: Term, negated: bool) -> None:
        """Add a term, joining it to the previous clause if an OR is pending."""
        if not has_token(term.text):
            return
        if self.pending_or and not negated and self.clauses:
            self.pending_or = False
            last = self.clauses[-1]
            if len(last.alternatives) < MAX_TERMS:
                self.clauses[-1] = Clause((*last.alternatives, term))
            return
        if self.pending_or:
            self.hint("OR needs a search word on each side; ignored it")
            self.pending_or = False
        if len(self.clauses) >= MAX_TERMS:
            self.dropped += 1
            return
        self.clauses.append(Clause((term,), negated))

    def operator_or(self) -> None:
        if self.clauses and not self.clauses[-1].negated and not self.pending_or:
            self.pending_or = True
        else:
            self.hint("OR needs a search word on each side; ignored it")

    def finish(self) -> None:
        if self.pending_or:
            self.hint("OR needs a search word on each side; ignored it")
        if self.dropped:
            self.hint(f"only the first {MAX_TERMS} search terms are used")


def parse_query(text: str) -> Query:
    """Parse a search string into a Query. Never raises.

    Args:
        text: Whatever the user typed (any string, including control characters).

    Returns:
        The parsed query; ``hints`` explains anything ignored or reinterpreted.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    build = _Builder()
    if len(text) > MAX_INPUT:
        text = text[:MAX_INPUT]
        build.hint(f"only the first {MAX_INPUT} characters are searched")
    filters: list[Filter] = []
    sort = "date"
    pending_not = and_pending = False
    for token in _tokenise(_clean(text)):
        if token.kind == "op":
            if token.text == "AND":
                and_pending = True
                if not build.clauses and not filters:  # "type:visit AND kono" is fine
                    build.hint("AND needs a search word on each side; ignored it")
            elif token.text == "OR":
                if pending_not:
                    build.hint("OR cannot follow NOT; ignored it")
                else:
                    build.operator_or()
            elif token.text == "NOT":
                pending_not = True
            continue
        negated = token.negated or pending_not
        pending_not = and_pending = False
        if token.kind == "term":
            if token.unclosed:
                build.hint('closed the unmatched " at the end of the query')
            if not has_token(token.text):
                build.hint(_empty_term_hint(token))
            build.add(Term(token.text, token.phrase, token.prefix), negated)
            continue
        if token.name not in FILTER_NAMES:
            build.hint(_UNKNOWN_FILTER_HINT.format(name=token.name))
            build.add(Term(f"{token.name}:{token.text}"), negated)
            continue
        result = _read_filter(token.name, token.text, negated)
        for message in result.hints:
            build.hint(message)
        if build.pending_or and (result.filter or result.sort):
            build.hint("OR only joins search words, not filters; ignored it")
            build.pending_or = False
        if result.filter:
            filters.append(result.filter)
        if result.sort:
            sort = result.sort
        for leftover in result.text:
            build.add(Term(leftover), negated)
    if pending_not:
        build.hint("NOT needs a search word after it; ignored it")
    if and_pending and (build.clauses or filters):
        build.hint("AND needs a search word on each side; ignored it")
    build.finish()
    query = Query(text, tuple(build.clauses), tuple(filters), sort, ())
    if sort == "rank" and not query.has_text:
        sort = "date"
        build.hint("sort:rank needs search words; sorted by date")
    return Query(text, query.terms, query.filters, sort, tuple(build.hints))


# ---------------------------------------------------------------------------
# Describing

_OP_WORDS = {"=": "exactly", ">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most"}
_SORT_WORDS = {"date": "by date", "-date": "newest first", "rank": "best match first"}


def _term_text(term: Term) -> str:
    return f'"{term.text}{"*" if term.prefix else ""}"'


def _clause_text(clause: Clause) -> str:
    if len(clause.alternatives) == 1:
        return _term_text(clause.alternatives[0])
    return "(" + " or ".join(_term_text(t) for t in clause.alternatives) + ")"


def _period_text(flt: Filter) -> str:
    """The period of a date filter as written canonically: 2010, 2010-05 or 2010-05-03."""
    first, last = flt.values
    if first == last:
        return first
    if first[5:] == "01-01" and last[5:] == "12-31":
        return first[:4]
    return first[:7]


def _either(words: Sequence[str], negated: bool) -> str:
    """ "a or b", or when excluded "not a" / "neither a nor b"."""
    if not negated:
        return " or ".join(words)
    if len(words) == 1:
        return "not " + words[0]
    return "neither " + " nor ".join(words)


_ANALYST_TEXT: dict[str, Callable[[Filter], str]] = {
    "is": lambda f: _either([IS_VALUES.get(v, v) for v in f.values], f.negated),
    "has": lambda f: (
        ("without " if f.negated else "with ") + " or ".join(HAS_VALUES.get(v, v) for v in f.values)
    ),
    "tag": lambda f: _either(["tagged " + " or ".join(f'"{v}"' for v in f.values)], f.negated),
    "review": lambda f: (
        ("not " if f.negated else "")
        + "to review ("
        + (
            "any kind"
            if len(f.values) > 1 and set(f.values) == set(REVIEW_KINDS)
            else "; ".join(REVIEW_KINDS.get(v, v) for v in f.values)
        )
        + ")"
    ),
}
"""Plain English for the filters on the analyst's work, by filter name."""


def _filter_text(flt: Filter) -> str:
    """Plain English for one filter, e.g. "in Pakistan or Japan"."""
    values = flt.values
    if flt.name in _ANALYST_TEXT:
        return _ANALYST_TEXT[flt.name](flt)
    if flt.name == "country":
        text = "in " + " or ".join(country_name(c) for c in values)
        return "not " + text if flt.negated else text
    if flt.name == "actor":
        text = "with " + " or ".join(f'"{v}"' for v in values)
        return "not " + text if flt.negated else text
    if flt.name == "type":
        return ("not of type " if flt.negated else "of type ") + " or ".join(values)
    if flt.name == "precision":
        return ("precision not " if flt.negated else "precision ") + " or ".join(values)
    if flt.name in ("source", "publisher"):
        text = "from " + " or ".join(f'"{v}"' for v in values)
        return "not " + text if flt.negated else text
    if flt.name == "after":
        return f"after {_period_text(flt)}"
    if flt.name == "before":
        return f"before {_period_text(flt)}"
    if flt.name == "in":
        return f"during {_period_text(flt)}"
    if flt.name == "year":
        return f"starting in {_period_text(flt)}"
    op, count = values
    return f"with {_OP_WORDS.get(op, op)} {count} source{'' if count == '1' else 's'}"


def describe(query: Query, noun: str = "events", order: str = "") -> str:
    """Describe in plain English how a query was understood.

    Args:
        query: A parsed query.
        noun: What it finds ("events", "series").
        order: How the results are ordered, when not by the query's sort.

    Returns:
        E.g. ``events matching "kono" in Pakistan, type visit, after 2010, by date``.
    """
    positive = [c for c in query.terms if not c.negated]
    negative = [c for c in query.terms if c.negated]
    head = noun
    if positive:
        head += " matching " + " and ".join(_clause_text(c) for c in positive)
    if negative:
        head += (" but not " if positive else " not matching ") + " or ".join(
            _clause_text(c) for c in negative
        )
    if not query.terms and not query.filters:
        head = f"all {noun}"
    parts = [head]
    filters = [_filter_text(f) for f in query.filters]
    if filters:
        parts = [f"{head} {filters[0]}", *filters[1:]]
    parts.append(order or _SORT_WORDS.get(query.sort, "by date"))
    return ", ".join(parts)
