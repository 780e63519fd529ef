"""What two mentions have in common: the one `Evidence` record both merge rules read.

Words, people, countries, types and how the dates relate are measured here once;
`rules.across_documents` and `in_document.same_happening_in_document` only weigh them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from sys import intern

from chronicle.ingest.dates.names import MONTH_NAMES, WEEKDAY_NAMES
from chronicle.lexicon import country_forms
from chronicle.model import Mention
from chronicle.names import fold, same_person

GATHERING_TYPES = frozenset({"meeting", "dialogue"})
"""Types of people sitting down together: one day's meeting and talks by the same people
are one happening told in different words ("met ... on 23 June", "during the talks on
23 June"). A visit is not among them: it holds meetings (`links.is_part_of`)."""

_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset(
    """the and for with from that this was were has have had its their his her which
    who also been between two both will would said into over under about after before
    during than other such more most very all any one our are not but may
    year years
    sign signs signed signing agreement agreements agreed meet meets met meeting meetings
    held hold holds visit visits visited visiting talks dialogue minister ministers
    foreign prime president sides side countries country bilateral""".split()
) | {name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES)}
"""Words too common in diplomatic reporting to say two sentences report one thing
(event types, roles and countries are compared on their own)."""


@lru_cache(maxsize=65536)  # a large document's sentences are compared many times each
def words(text: str) -> frozenset[str]:
    """Content words (crudely stemmed to 5 letters) for text similarity.

    Country names, demonyms and capitals are left out: countries are compared on
    their own, and "Japan and Pakistan" in two sentences says nothing about
    whether they report the same thing.
    """
    places = _place_words()
    # Interned: the cache holds tens of thousands of these sets, and a stem is shared by
    # many of them (each set would otherwise hold its own copy of every word).
    return frozenset(
        intern(w[:5]) for w in _WORD.findall(fold(text)) if w not in _STOP and w not in places
    )


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(
        fold(form) for form, code in country_forms().items() if code and form.isalpha()
    )


def similarity(a: Mention, b: Mention) -> float:
    """Jaccard overlap of the two sentences' content words."""
    wa, wb = words(a.sentence), words(b.sentence)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def shared_actors(a: Mention, b: Mention) -> bool:
    """True when the mentions name at least one common person."""
    return any(same_person(x.key, y.key) for x in a.entities.actors for y in b.entities.actors)


def people_in_common(a: Mention, b: Mention) -> int:
    """How many people both name: the fewer of each one's people the other names, so
    the answer is the same both ways ("Sharif" names one of "Nawaz Sharif" and
    "Shehbaz Sharif", not two)."""
    return min(_named_in(a, b), _named_in(b, a))


def _named_in(a: Mention, b: Mention) -> int:
    return sum(any(same_person(x.key, y.key) for y in b.entities.actors) for x in a.entities.actors)


def shared_words(a: Mention, b: Mention) -> frozenset[str]:
    """Content words both sentences use, people's names left out (they are compared
    on their own): "the Itaipu treaty" in two sentences shares "itaip" and "treat"."""
    names = {t[:5] for m in (a, b) for actor in m.entities.actors for t in actor.key.split()}
    return (words(a.sentence) & words(b.sentence)) - names


@dataclass(frozen=True, slots=True)
class Evidence:
    """What two mentions have in common, computed once for both merge rules.

    Attributes:
        relation: How the dates relate (`spans.date_relation`): 'equal', 'contains', 'near'.
        precise: True when both dates are pinned to days.
        same_type: True when the primary types are equal.
        common_types: True when some type other than 'other'/'statement' is shared.
        shared_people: True when a person is named by both.
        same_subject: True when both name the same person first (who did it).
        people_clash: True when both name people and neither's people include the other's.
        shared_countries: How many countries both name.
        bilateral_clash: True when both name two or more countries but share fewer than two.
        similarity: Jaccard overlap of the content words.
        shared_words: How many content words both use, people's names left out.
        contained: True when every content word of the shorter sentence is in the other.
        unsaid: True when one sentence has no content words left (no evidence against).
        same_sentence: True when both dates were read in one sentence (the same words
            with different date phrases).
        primary: The kind of event the two name: their primary type, or when one
            names none ('other'), the other's.
        untyped: True when one of the two names no kind of event ('other').
        gatherings: True when both are gatherings (`GATHERING_TYPES`).
    """

    relation: str
    precise: bool
    same_type: bool
    common_types: bool
    shared_people: bool
    people_clash: bool
    same_subject: bool
    shared_countries: int
    bilateral_clash: bool
    similarity: float
    shared_words: int
    contained: bool
    unsaid: bool
    primary: str
    untyped: bool = False
    gatherings: bool = False
    same_sentence: bool = False


def evidence(a: Mention, b: Mention, relation: str, precise: bool, common_types: bool) -> Evidence:
    """What two mentions share: the facts both merge rules weigh."""
    people_a, people_b = a.entities.actors, b.entities.actors
    countries_a, countries_b = a.entities.countries, b.entities.countries
    shared = len(set(countries_a) & set(countries_b))
    return Evidence(
        relation=relation,
        precise=precise,
        same_type=a.type == b.type,
        common_types=common_types,
        shared_people=shared_actors(a, b),
        same_subject=bool(people_a and people_b) and same_person(people_a[0].key, people_b[0].key),
        people_clash=bool(people_a and people_b)
        and not (_people_within(people_a, people_b) or _people_within(people_b, people_a)),
        shared_countries=shared,
        bilateral_clash=len(countries_a) >= 2 and len(countries_b) >= 2 and shared < 2,
        similarity=similarity(a, b),
        shared_words=len(shared_words(a, b)),
        contained=_words_within(a, b),
        # A sentence with no content words left ("Japan and Pakistan signed an agreement
        # on 5 May 2019") is no evidence against the other: only two sets of words that
        # fail to overlap are.
        unsaid=not words(a.sentence) or not words(b.sentence),
        primary=b.type if a.type == "other" else a.type,
        untyped="other" in (a.type, b.type),
        gatherings={a.type, b.type} <= GATHERING_TYPES,
        same_sentence=a.sentence == b.sentence and a.date.text != b.date.text,
    )


def _words_within(a: Mention, b: Mention) -> bool:
    """True when every content word of the shorter sentence is in the other: an
    infobox line ("Treaty of Friendship: 1 August 1962") or a caption read in the text."""
    wa, wb = words(a.sentence), words(b.sentence)
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(small) and small <= large


def _people_within(inner: Iterable, outer: Iterable) -> bool:
    """True when every person of `inner` is also named in `outer`."""
    return all(any(same_person(x.key, y.key) for y in outer) for x in inner)
