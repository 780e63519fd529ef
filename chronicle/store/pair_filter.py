"""The rule across documents as SQL over the blocks: which listed rows could still link.

A lookup in `mention_blocks` finds every stored mention sharing one block key with
a mention and meeting its days; in a dense chronicle most of them fail the rule
for a reason the blocks already hold. `could_link` keeps, in the index itself,
only the rows that pass every necessary condition of `merge.rules.same_event` for
two documents that needs no words:

- a country or name token in common: some row of the stored mention sits under one
  of the new mention's anchors (a primary-key probe, since every anchor of one mention
  is listed under each of its block kinds, with one span class and first day);
- not nested (a precise span strictly inside another's);
- for precise dates a few days apart, the same primary type and either a person in
  common or, with nobody named on either side, two countries in common;
- otherwise a person in common, or not two different pairs of countries, or both
  naming people on two precise dates (then the words decide): when either date is
  coarse, two relationships are two happenings unless two people are in common;
- a citation's rows all pass: two citations are judged on their days and words alone.

Rows of the mention's own document pass untouched (the rule within one document is
another). Whatever passes is still judged by `same_event` in Python, so these tests
only have to be implied by the rule, never to imply it.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle import merge
from chronicle.model import Mention

PEOPLE, TWO_COUNTRIES = 2, 4
"""Bits of `mention_traits.shape` (`chronicle.store.blocks.shape`).

`b.kind & 3 = 0` below keeps precise rows: the low bits of a block kind are the date's
kind (`chronicle.store.blocks.block_kinds`)."""


def could_link(
    mention: Mention, first: int, last: int, type_bit: int, near: Sequence[str]
) -> tuple[str, list[object]]:
    """SQL (an `AND ...` over rows `b` of `mention_blocks` joined to `t` of
    `mention_traits`) keeping the rows that may be one happening with `mention` in
    another document. It reads nothing of `mentions`, so a row is tested before its
    mention's row is read (its document is in the traits, migration 031).

    Args:
        mention: The mention looked up, dated.
        first, last: Its first and last day numbers.
        type_bit: The bit of its primary type (`blocks.type_bit`).
        near: Its countries and name tokens as block keys (`blocks.near_anchors`).
    """
    precise = int(merge.kind_of(mention) == "precise")
    citation = int(mention.type == "citation")
    people = int(bool(mention.entities.actors))
    two = int(len(set(mention.entities.countries)) >= 2)
    pairs = country_pairs(mention)
    persons = [a for a in near if a.startswith("p:")]
    equal = ("(b.start_day = ? AND b.end_day = ?)", [first, last])
    # Cheap tests on the row come first; the probes of the mention's other rows last.
    parts: list[tuple[str, list[object]]] = [
        (
            " AND (t.document_id = (SELECT document_id FROM mentions WHERE key = ?) OR (NOT (NOT ",
            [mention.key],
        ),
        equal,
        (
            " AND ((? AND b.start_day >= ? AND b.end_day <= ?) OR (b.kind & 3 = 0 AND "
            "b.start_day <= ? AND b.end_day >= ?))) AND CASE WHEN ? AND b.kind & 3 = 0 AND NOT ",
            [precise, first, last, first, last, precise],
        ),
        equal,
        (f" THEN t.type_bit = ? AND (NOT ? AND NOT (t.shape & {PEOPLE}) AND ", [type_bit, people]),
        listed_under(pairs),
        (" OR ", []),
        listed_under(persons),
        (
            f") ELSE ? OR (? AND t.shape & {PEOPLE} AND ? AND b.kind & 3 = 0) "
            f"OR NOT (? AND t.shape & {TWO_COUNTRIES}) OR ",
            [citation, people, precise, two],
        ),
        listed_under(persons),
        (" OR ", []),
        listed_under(pairs),
        (" END AND ", []),
        listed_under(near, also_found_under=[*near, *pairs]),
        ("))", []),
    ]
    return "".join(sql for sql, _ in parts), [x for _, params in parts for x in params]


def listed_under(
    anchors: Sequence[str], also_found_under: Sequence[str] | None = None
) -> tuple[str, list[object]]:
    """SQL true when the mention of row `b` is listed under one of `anchors`: the row
    itself is (or, with `also_found_under`, is under a key that implies it), or a
    probe finds another of its rows."""
    if not anchors:
        return "0", []
    found = list(also_found_under if also_found_under is not None else anchors)
    marks = ",".join("?" * len(anchors))
    return (
        f"(b.anchor IN ({','.join('?' * len(found))}) OR EXISTS (SELECT 1 FROM mention_blocks x "
        f"WHERE x.anchor IN ({marks}) AND x.kind = b.kind AND x.span_class = b.span_class "
        "AND x.start_day = b.start_day AND x.mention_id = b.mention_id))",
        [*found, *anchors],
    )


def country_pairs(mention: Mention) -> list[str]:
    """Block keys of each pair of the mention's countries ('cc:JP|PK'): two mentions
    share two countries exactly when they share one of these."""
    countries = sorted(set(mention.entities.countries))
    return [f"cc:{a}|{b}" for i, a in enumerate(countries) for b in countries[i + 1 :]]
