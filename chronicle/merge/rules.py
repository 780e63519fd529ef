"""The rule deciding whether two mentions report one happening (`same_event`).

A symmetric rule on two mentions: they must share an anchor (a country, a name
token, or their document), have compatible dates and types, and then the shared
`Evidence` decides, read by `in_document.same_happening_in_document` for two
mentions of one document and by `across_documents` for two of different ones.
The analyst's splits (`decisions.Decisions`) take a pair's direct link away.
"""

from __future__ import annotations

from functools import lru_cache

from chronicle.merge.decisions import NONE, Decisions
from chronicle.merge.evidence import (
    GATHERING_TYPES,
    Evidence,
    evidence,
    people_in_common,
    similarity,
)
from chronicle.merge.in_document import same_happening_in_document
from chronicle.merge.spans import date_relation, span_of
from chronicle.model import Entities, Mention


def anchors(mention: Mention) -> frozenset[str]:
    """What two mentions of one event must have in common: a country, a name token
    or, for two mentions of one document, the document itself (a line told twice
    that names nobody and no country is still told twice).

    Every merge needs a shared anchor, which lets candidates be found by blocking
    on anchors instead of comparing every pair of mentions.
    """
    return _anchors(mention.entities, mention.document)


@lru_cache(maxsize=8192)
def _anchors(entities: Entities, document: str) -> frozenset[str]:
    countries = {f"c:{c}" for c in entities.countries}
    people = {f"p:{token}" for a in entities.actors for token in a.key.split()}
    return frozenset(countries | people | {f"d:{document}"})


def same_event(a: Mention, b: Mention, decided: Decisions = NONE) -> bool:
    """The symmetric rule deciding whether two mentions report one happening.

    A pair the analyst split apart (`decided.apart`) is never one by direct link; a
    pair they joined is an extra edge that `clusters.group` adds, not a rule answer.
    """
    if decided.apart(a.key, b.key):
        return False
    return bool(anchors(a) & anchors(b)) and compatible(a, b)


def compatible(a: Mention, b: Mention) -> bool:
    """`same_event` for two mentions already known to share an anchor.

    Two mentions of one document are judged by `in_document.same_happening_in_document`,
    two of different documents by `across_documents`; both read the same `Evidence`.
    """
    one_document = a.document == b.document
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None:
        # Undated statements merge only when they are the same sentence reported again.
        return sa is None and sb is None and similarity(a, b) >= 0.9
    relation = date_relation(sa, sb)
    if relation in ("apart", "nested"):
        return False
    if (a.type == "citation") != (b.type == "citation"):
        return False
    if a.type == "citation":
        return relation == "equal" and similarity(a, b) >= (0.8 if one_document else 0.6)
    common_types = bool((set(a.types) & set(b.types)) - {"other", "statement"})
    # In one text a caption or an infobox line often names no kind of event at all,
    # and one day's meeting is told as "talks" too.
    kinds = {a.type, b.type}
    lenient = one_document and ("other" in kinds or kinds <= GATHERING_TYPES)
    if not common_types and a.type != b.type and not lenient:
        return False
    found = evidence(a, b, relation, sa.precise and sb.precise, common_types)
    if one_document:
        return same_happening_in_document(found)
    return across_documents(found, a, b)


def across_documents(e: Evidence, a: Mention, b: Mention) -> bool:
    """Whether reports in two documents, already of compatible dates and types, are one."""
    sim, countries = e.similarity, e.shared_countries
    if e.relation == "near":
        # Precise dates a few days apart: one event reported inconsistently only
        # when the same people did the same thing in much the same words, or,
        # with nobody named on either side, the same two countries did the same
        # thing in words that agree ("relations established on 28/29 April 1952").
        if not e.same_type:
            return False
        if e.shared_people:
            return sim >= 0.5
        nobody = not a.entities.actors and not b.entities.actors
        return nobody and countries >= 2 and sim >= 0.25
    if e.bilateral_clash and not e.precise and people_in_common(a, b) < 2:
        # A year or a month says little of which happening is meant: told of two
        # relationships (Japan-Mexico / Japan-China), they are two happenings even
        # when one person made both visits or one boilerplate line tells them both.
        # The same two people meeting in that month are one meeting, whichever
        # countries each report names around them.
        return False
    if a.entities.actors and b.entities.actors and not e.shared_people:
        return sim >= 0.6
    if e.shared_people:
        return True
    if e.bilateral_clash:
        return False  # two different bilateral relationships
    if e.relation == "equal":
        # Same date and countries but nobody named: only if the words agree too
        # ("established diplomatic relations" / "diplomatic relations started"),
        # not two different agreements Japan and Pakistan signed that year.
        return e.unsaid or sim >= 0.2
    return (countries >= 2 and (e.unsaid or sim >= 0.25)) or sim >= 0.5
