"""Tag the people, countries and organisations of one sentence, and merge people per document.

Rule-based and deterministic: a capitalised-word tokenizer, role and honorific cue words,
and the tables of ``chronicle.lexicon``. No models. One question per module:

    scan           the words of a sentence; longest-match lookup of lexicon forms
    places         country mentions with spans; countries given only as examples
    organisations  organisations and treaties; acronyms a document defines
    sentence       one sentence as the person parser sees it; the lexicon's word classes
    name_words     which tokens make up a person's name
    roles          a person's role as written ("Minister for Foreign Affairs of Pakistan")
    people         the people of one sentence, with roles and role countries
    document       one document's people resolved to one actor each
    tag            the facade: one sentence's ``Entities``

Public API:
    find_entities(sentence, *, known_organisations=()) -> Entities
    find_people(sentence) -> tuple[PersonMention, ...]      (with spans, for headlines)
    find_countries(sentence) -> tuple[str, ...]
    find_organisations(sentence, known=()) -> tuple[str, ...]
    defined_acronyms(text) -> frozenset[str]                (document-level "(JICA)" style)
    example_spans(sentence) -> list[tuple[int, int]]       (countries given only as examples)
    name_key(name) -> str, same_person(a_key, b_key) -> bool   (from ``chronicle.names``)
    resolve_actors(actors) -> dict[str, Actor]              (document-level resolution)
    apply_resolution(entities, resolved) -> Entities
    country_name(code) -> str

Document-level use::

    per_sentence = [find_entities(s, known_organisations=acronyms) for s in sentences]
    resolved = resolve_actors(a for e in per_sentence for a in e.actors)
    per_sentence = [apply_resolution(e, resolved) for e in per_sentence]
"""

from chronicle.ingest.entities.document import apply_resolution, resolve_actors
from chronicle.ingest.entities.organisations import defined_acronyms, find_organisations
from chronicle.ingest.entities.people import PersonMention, find_people
from chronicle.ingest.entities.places import country_name, example_spans
from chronicle.ingest.entities.tag import find_countries, find_entities
from chronicle.names import name_key, same_person

__all__ = [
    "PersonMention",
    "apply_resolution",
    "country_name",
    "defined_acronyms",
    "example_spans",
    "find_countries",
    "find_entities",
    "find_organisations",
    "find_people",
    "name_key",
    "resolve_actors",
    "same_person",
]
