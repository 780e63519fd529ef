"""The one lexicon of places, organisations, roles and person cue words, read from data files.

Ingest (the entity tagger), merge (which words are place names) and the search language
(``country:``) all ask this module, so a form ingest tags a country by is a form
``country:`` accepts. The knowledge itself is CSV under ``chronicle/data/`` (checked by
``tests/test_lexicon.py``); this module only loads it, once and on first use, and answers
lookups. Forms are exact, case-sensitive surface forms ("US" is a country, "us" is not).

Files:
    countries.csv     code, alpha_3, name, fiscal_year_start, institutions: every ISO
                      3166-1 country, its display name, the month its government's fiscal
                      year starts in (empty when not known) and names of its own
                      parliament or government that name no country ("Lok Sabha",
                      "Whitehall"; ";"-separated, for telling whose budget a text reads).
    places.csv        form, code, kind: names, short forms, adjectives, capitals, cities,
                      combining prefixes ("Pak-", "Sino-"), phrases that are not the
                      country they contain ("South China Sea": kind not_a_place, no code)
                      and regions (kind region, no code: "Kosovo", "Crimea", "Africa").
    organisations.csv form, short, kind: organisations and treaties (kind body), acronyms
                      of terms ("GDP", "MoU": kind term, never an organisation) and words
                      that end an organisation's name ("Airways": kind head).
    roles.csv         role, kind, country: role words (head, modifier, domain) and whole
                      titles only one country has ("external affairs minister" -> IN).
    person_cues.csv   word, kind: honorifics and the other words that tell a name apart.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

PLACE_KINDS = (
    "name",
    "short",
    "adjective",
    "capital",
    "city",
    "prefix",
    "not_a_place",
    "region",
)
"""Kinds of places.csv rows: ISO names, common short forms, nationality adjectives, capitals,
other cities that stand for their country, combining forms used before a hyphen,
phrases that contain a country form without naming the country, and regions: places that
are no ISO country (Kosovo, Somaliland, Africa) or a part of one (Crimea, Tibet, Punjab).
A region carries no code: alone it does not say whose story it is (Punjab and Kashmir
span two countries, Crimea's is disputed), but it is a place, so never a person's name."""

ROLE_KINDS = ("head", "modifier", "domain", "title")
"""Kinds of roles.csv rows: a word that ends a role ("Minister"), a word that may precede
a head ("Foreign"), a word allowed after "for"/"of" ("Affairs"), a whole title whose
country is known ("secretary of state")."""

PERSON_CUE_KINDS = (
    "honorific",
    "name_cue",
    "byline_cue",
    "reporting_verb",
    "plural_verb",
    "determiner",
    "name_particle",
    "given_name_country",
    "not_bare_name",
    "not_a_name",
    "object_cue",
    "with_cue",
)
"""Kinds of person_cues.csv rows (see ``person_words``)."""

_PLURAL_SUFFIX = re.compile(r"(?:an|i|er|ot|ek|ik|k|kh|ine|ino|ina|on|in|en|ene)$")
"""Adjectives that are also nouns for a people take an -s plural ("Pakistanis", "Afghans",
"Argentines", "Kazakhs"); "Chinese", "Swiss" and "Danish" style adjectives do not (see
``country_forms``)."""


def read_rows(name: str) -> list[dict[str, str]]:
    """Every row of one data file as a dict of its columns (file order kept).

    Args:
        name: A file name under ``chronicle/data/``, e.g. "places.csv".

    Returns:
        The rows, values stripped of surrounding spaces.
    """
    text = files("chronicle.data").joinpath(name).read_text(encoding="utf-8")
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(text.splitlines())
    ]


# ------------------------------------------------------------------------- countries


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    alpha_3: dict[str, str] = {}
    for row in read_rows("countries.csv"):
        names[row["code"]] = row["name"]
        alpha_3[row["code"]] = row["alpha_3"]
    return names, alpha_3


@cache
def country_codes() -> frozenset[str]:
    """Every ISO alpha-2 code the lexicon knows."""
    return frozenset(_countries()[0])


def country_name(code: str) -> str:
    """Display name of an ISO alpha-2 code ("KP" -> "North Korea"); the code itself if unknown."""
    return _countries()[0].get(code.upper(), code)


@cache
def _fiscal_year_starts() -> Mapping[str, int]:
    return MappingProxyType(
        {
            row["code"]: int(row["fiscal_year_start"])
            for row in read_rows("countries.csv")
            if row["fiscal_year_start"]
        }
    )


@cache
def institution_forms() -> Mapping[str, str]:
    """Names of a country's own parliament or government that contain no country name ->
    its code ("Lok Sabha" -> "IN", "Senate Estimates" -> "AU")."""
    return MappingProxyType(
        {
            form: row["code"]
            for row in read_rows("countries.csv")
            for form in row["institutions"].split(";")
            if form
        }
    )


def fiscal_year_start(code: str) -> int | None:
    """The month (1-12) a country's government fiscal year starts in: 4 for India's
    April-March year, 7 for Pakistan's July-June, 10 for the United States', 1 for a
    calendar year; None when the lexicon does not know it.

    Args:
        code: An ISO alpha-2 code, any case.
    """
    return _fiscal_year_starts().get(code.upper())


@cache
def alpha_3_codes() -> Mapping[str, str]:
    """ISO alpha-3 code -> alpha-2 code ("PAK" -> "PK")."""
    return MappingProxyType({a3: a2 for a2, a3 in _countries()[1].items()})


@cache
def _places() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["form"], r["code"], r["kind"]) for r in read_rows("places.csv"))


@cache
def place_forms(*kinds: str) -> Mapping[str, str]:
    """Form -> code of the places.csv rows of the given kinds (all kinds when none given).

    Args:
        kinds: Members of PLACE_KINDS.

    Returns:
        A read-only mapping; ``not_a_place`` forms map to "".
    """
    unknown = set(kinds) - set(PLACE_KINDS)
    if unknown:
        raise ValueError(f"unknown place kinds: {sorted(unknown)}")
    wanted = set(kinds) or set(PLACE_KINDS)
    return MappingProxyType({f: c for f, c, k in _places() if k in wanted})


@cache
def country_forms() -> Mapping[str, str]:
    """Every surface form that names a country -> ISO alpha-2 ("" for blocking phrases).

    Names, short forms, adjectives (with the plural a people noun takes: "Pakistanis"),
    capitals and cities; not the hyphen-only prefixes (see ``country_prefixes``).
    """
    table: dict[str, str] = {}
    for form, code, kind in _places():
        if kind in ("prefix", "region"):
            continue
        table[form] = code
        if kind == "adjective" and _PLURAL_SUFFIX.search(form):
            table.setdefault(form + "s", code)
    return MappingProxyType(table)


@cache
def regions() -> frozenset[str]:
    """Places that name no ISO country by themselves ("Kosovo", "Crimea", "Asian")."""
    return frozenset(place_forms("region"))


def country_prefixes() -> Mapping[str, str]:
    """Combining forms that name a country only before a hyphen ("Pak-Japan", "Sino-")."""
    return place_forms("prefix")


def capitals() -> Mapping[str, str]:
    """Capitals and other cities that stand for their country in news prose -> code."""
    return place_forms("capital", "city")


def given_name_countries() -> frozenset[str]:
    """Country names that are also given names ("Jordan", "Chad"): never a lone person."""
    return person_words("given_name_country")


# --------------------------------------------------------------------- organisations


ORGANISATION_KINDS = ("body", "term", "head")
"""Kinds of organisations.csv rows: an organisation or treaty (with its short name), the
acronym of a term ("GDP", "MoU": never an organisation), and a word that ends the name of
an organisation named after its country ("Kenya Airways", "Japan Football Association")."""


@cache
def _organisations() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["form"], r["short"], r["kind"]) for r in read_rows("organisations.csv"))


@cache
def organisations() -> Mapping[str, str]:
    """Organisation or treaty surface form -> its short name ("United Nations" -> "UN")."""
    return MappingProxyType({f: s for f, s, k in _organisations() if k == "body"})


@cache
def term_acronyms() -> frozenset[str]:
    """Acronyms of terms, not bodies ("GDP", "MoU"): never organisations."""
    return frozenset(f for f, _, k in _organisations() if k == "term")


@cache
def organisation_heads() -> frozenset[str]:
    """Words that end an organisation's name after a country word ("Airways", "Bank")."""
    return frozenset(f for f, _, k in _organisations() if k == "head")


# ----------------------------------------------------------------------------- roles


@cache
def _roles() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["role"], r["kind"], r["country"]) for r in read_rows("roles.csv"))


@cache
def role_words(kind: str) -> frozenset[str]:
    """Role words of one kind ("head", "modifier" or "domain"), as written (capitalised)."""
    if kind not in ROLE_KINDS:
        raise ValueError(f"unknown role kind: {kind}")
    return frozenset(role for role, k, _ in _roles() if k == kind)


@cache
def _role_countries() -> Mapping[str, str]:
    return MappingProxyType({role: code for role, kind, code in _roles() if kind == "title"})


def role_country(role: str) -> str:
    """The country a role belongs to when only one country has it ("" otherwise).

    Args:
        role: A role as written, any case ("External Affairs Minister").

    Returns:
        An ISO alpha-2 code, e.g. "IN", or "".
    """
    return _role_countries().get(" ".join(role.lower().split()), "")


# ------------------------------------------------------------------------ person cues


@cache
def _person_cues() -> tuple[tuple[str, str], ...]:
    return tuple((r["word"], r["kind"]) for r in read_rows("person_cues.csv"))


@cache
def person_words(kind: str) -> frozenset[str]:
    """The person cue words of one kind (a member of PERSON_CUE_KINDS), as written."""
    if kind not in PERSON_CUE_KINDS:
        raise ValueError(f"unknown person cue kind: {kind}")
    return frozenset(word for word, k in _person_cues() if k == kind)
