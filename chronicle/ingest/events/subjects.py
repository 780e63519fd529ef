"""Which countries a sentence is about, beyond the ones it names.

Writers name the parties once and then write "the two sides", "the treaty",
"the visit". A sentence naming no country is about its paragraph's subject (the
countries of the paragraph's first sentence that names any). A document about one
relationship ("Japan-Pakistan Relations", a readout of a minister meeting an
ambassador) makes each sentence naming one side about both sides. A title is
not a licence to add its countries everywhere: "Russia and Central Asia after
the Invasion of Ukraine" does not make every sentence about Ukraine. A sentence
whose subject is the parties ("The two countries fought ... and signed a peace
agreement in Brasilia") is about them, whatever city it names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from chronicle.ingest.entities import find_countries
from chronicle.model import Entities, Segment

_PAIR = re.compile(
    r"(?P<a>[A-Z][\w.’']+(?:\s+[A-Z][\w.’']+){0,2})\s*(?:[-–—/,]|\s+and\s+|\s*&\s*)\s*"
    r"(?P<b>[A-Z][\w.’']+(?:\s+[A-Z][\w.’']+){0,2})"
)
"""Two names joined as a relationship's name: "Japan-Kazakhstan", "Ethiopia and Eritrea",
a wire headline's "Peru, Ecuador agree"."""

_LEADING = 3
"""A title's two countries are the document's relationship when both are among the
countries its sentences name most often."""


def bilateral_pair(title: str, named: Sequence[tuple[str, ...]] = ()) -> tuple[str, ...]:
    """The two countries a document is about as a relationship, or ().

    A title joining two country names ("Japan-Pakistan Relations", "Ethiopia and
    Eritrea: a timeline") names the relationship. A title that merely names two
    countries does when its sentences name those two among the most often ("Pakistan's
    Foreign Minister meets the Japanese Ambassador"), not when one is a side remark
    ("Russia and Central Asia after the Invasion of Ukraine").

    Args:
        title: The document's title.
        named: The countries each sentence of the document names.
    """
    for m in _PAIR.finditer(title):
        a, b = find_countries(m.group("a")), find_countries(m.group("b"))
        if len(a) == 1 and len(b) == 1 and a != b:
            return (a[0], b[0])
    countries = find_countries(title) if title else ()
    if len(countries) != 2:
        return ()
    counts = Counter(code for sentence in named for code in set(sentence))
    leading = {code for code, _ in counts.most_common(_LEADING)}
    return tuple(countries) if set(countries) <= leading else ()


def with_pair(countries: tuple[str, ...], pair: tuple[str, ...]) -> tuple[str, ...]:
    """A sentence naming one side of the document's relationship is about both sides."""
    if countries and set(countries) & set(pair):
        return tuple(dict.fromkeys((*countries, *pair)))
    return countries


def paragraph_subjects(
    segments: Sequence[Segment], countries: Sequence[tuple[str, ...]]
) -> dict[int, tuple[str, ...]]:
    """The countries each paragraph is about: those of its first sentence naming any.

    Args:
        segments: The document's segments, in order.
        countries: The countries each segment names, in the same order.

    Returns:
        Paragraph index -> its subject's countries (paragraphs naming none are absent).
    """
    subjects: dict[int, tuple[str, ...]] = {}
    for segment, named in zip(segments, countries, strict=True):
        if named and segment.paragraph not in subjects:
            subjects[segment.paragraph] = named
    return subjects


def in_context(entities: Entities, subject: tuple[str, ...], pair: tuple[str, ...]) -> Entities:
    """A sentence's entities with the countries it is about (see the module docstring).

    Args:
        entities: What the sentence names.
        subject: Its paragraph's subject countries (() when the paragraph names none).
        pair: The document's relationship (() when it has none).
    """
    if entities.countries:
        return replace(entities, countries=with_pair(entities.countries, pair))
    countries = subject or pair
    return replace(entities, countries=countries) if countries else entities


_PARTIES = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|sides|governments|states|neighbou?rs"
    r"|parties|capitals|leaders|presidents|ministers|foreign\s+ministers|prime\s+ministers"
    r"|delegations|armies)\b|\bthe\s+neighbou?rs\b",
    re.I,
)
"""How writers name a relationship's two parties once they have been named."""


def with_parties(entities: Entities, text: str, parties: tuple[str, ...]) -> Entities:
    """A sentence speaking of "the two countries" is about the parties, first.

    A city it names ("signed a peace agreement in Brasilia") adds its country as
    the place, after the parties, never instead of them.

    Args:
        entities: What the sentence (or clause) names.
        text: Its text.
        parties: The two countries the context is about (() when unknown).
    """
    if len(parties) < 2 or not _PARTIES.search(text):
        return entities
    return replace(entities, countries=tuple(dict.fromkeys((*parties, *entities.countries))))


def recent_parties(
    named: Sequence[tuple[str, ...]], pair: tuple[str, ...]
) -> list[tuple[str, ...]]:
    """For each sentence, the two countries "the two countries" there refers to.

    The document's relationship when it has one, else the first two countries of
    the latest earlier sentence naming at least two.

    Args:
        named: The countries each sentence names, in text order.
        pair: The document's relationship (() when it has none).
    """
    out: list[tuple[str, ...]] = []
    latest: tuple[str, ...] = ()
    for countries in named:
        out.append(pair or latest)
        if len(countries) >= 2:
            latest = tuple(countries[:2])
    return out
