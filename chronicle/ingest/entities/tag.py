"""The facade: one sentence's people, countries and organisations as ``Entities``."""

from __future__ import annotations

from collections.abc import Collection

from chronicle.ingest.entities.organisations import find_organisations
from chronicle.ingest.entities.people import find_people
from chronicle.ingest.entities.places import (
    country_matches,
    example_spans,
    organisation_name_spans,
)
from chronicle.ingest.entities.scan import SUPERSCRIPTS, dedupe
from chronicle.ingest.memo import this_document
from chronicle.model import Actor, Entities


def find_entities(sentence: str, *, known_organisations: Collection[str] = ()) -> Entities:
    """People, countries and organisations of one sentence.

    Args:
        sentence: One sentence, list item or footnote.
        known_organisations: Acronyms defined elsewhere in the document
            (``defined_acronyms(document_text)``) to recognise when used alone.

    Returns:
        Entities with actors deduplicated by key and codes/names in order of appearance.
        Countries inside a person's or an organisation's name ("Chad Smith", "Kenya
        Airways") or given as examples ("countries such as Brazil") are not counted.
    """
    return _entities(sentence, frozenset(known_organisations))


@this_document
def _entities(sentence: str, known_organisations: frozenset[str]) -> Entities:
    text = sentence.translate(SUPERSCRIPTS)
    people = find_people(text)
    actors: dict[str, Actor] = {}
    for mention in people:
        actors.setdefault(mention.actor.key, mention.actor)
    # countries inside a name ("Chad Smith", "Kenya Airways") or listed as examples are no party
    matches = country_matches(text)
    spans = [(p.name_start, p.name_end) for p in people] + example_spans(text, matches)
    spans += organisation_name_spans(text, matches)
    named = (m.value for m in matches if not any(s <= m.start < e for s, e in spans))
    # a role only one country has ("Secretary of State Blinken") names that country too
    countries = dedupe([*named, *(a.country for a in actors.values() if a.country)])
    return Entities(
        actors=tuple(actors.values()),
        countries=countries,
        organisations=find_organisations(text, known_organisations),
    )


def find_countries(sentence: str) -> tuple[str, ...]:
    """ISO alpha-2 codes of the countries a sentence names, in order of first appearance.

    Args:
        sentence: Any text.

    Returns:
        Deduplicated codes, e.g. ``("JP", "PK")`` for "Japan-Pakistan relations".
    """
    return find_entities(sentence).countries
