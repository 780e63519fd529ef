"""Parsing the filters on the analyst's work (is:, has:, tag:) and the review queue
(review:): values, spellings, exclusion, hints and how describe() reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.search.query import (
    FILTER_NAMES,
    NEGATABLE,
    REVIEW_KINDS,
    Clause,
    Filter,
    Term,
    describe,
    parse_query,
    with_stored_tags,
)

IS_HINT = "try starred, corrected, manual"


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("is:starred", (Filter("is", ("starred",), False, "starred"),)),
        ("IS:Starred", (Filter("is", ("starred",), False, "Starred"),)),
        ("is:star", (Filter("is", ("starred",), False, "star"),)),
        ("is:stars", (Filter("is", ("starred",), False, "stars"),)),
        ("is:corr", (Filter("is", ("corrected",), False, "corr"),)),
        ("is:manual", (Filter("is", ("manual",), False, "manual"),)),
        (
            "is:starred,corrected",
            (Filter("is", ("starred", "corrected"), False, "starred,corrected"),),
        ),
        ("is:starred,star", (Filter("is", ("starred",), False, "starred,star"),)),
        ("-is:starred", (Filter("is", ("starred",), True, "starred"),)),
        ("NOT is:manual", (Filter("is", ("manual",), True, "manual"),)),
        ("has:note", (Filter("has", ("note",), False, "note"),)),
        ("has:notes", (Filter("has", ("note",), False, "notes"),)),
        ("-has:note", (Filter("has", ("note",), True, "note"),)),
        ("has:tags", (Filter("has", ("tag",), False, "tags"),)),
        ("tag:urgent", (Filter("tag", ("urgent",), False, "urgent"),)),
        ("tag:Urgent", (Filter("tag", ("Urgent",), False, "Urgent"),)),
        (
            'tag:"trade talks",urgent',
            (Filter("tag", ("trade talks", "urgent"), False, "trade talks,urgent"),),
        ),
        ('tag:" spaced "', (Filter("tag", ("spaced",), False, "spaced"),)),
        ("-tag:done", (Filter("tag", ("done",), True, "done"),)),
        ("tag:Élan", (Filter("tag", ("Élan",), False, "Élan"),)),
        ("review:dates", (Filter("review", ("dates",), False, "dates"),)),
        ("review:date", (Filter("review", ("dates",), False, "date"),)),
        ("review:", (Filter("review", tuple(REVIEW_KINDS), False, ""),)),
        ("-review:", (Filter("review", tuple(REVIEW_KINDS), True, ""),)),
        (
            "is:starred tag:x",
            (Filter("is", ("starred",), False, "starred"), Filter("tag", ("x",), False, "x")),
        ),
    ],
)
def test_filters(text: str, filters: tuple[Filter, ...]) -> None:
    query = parse_query(text)
    assert (query.filters, query.terms, query.hints) == (filters, (), ())


@pytest.mark.parametrize(
    ("text", "filters", "hints"),
    [
        ("is:", (), (f"is: needs a value — {IS_HINT}",)),
        ("is:sleepy", (), (f'is: "sleepy" is not known — {IS_HINT}',)),
        (
            "is:sleepy,starred",
            (Filter("is", ("starred",), False, "sleepy,starred"),),
            (f'is: "sleepy" is not known — {IS_HINT}',),
        ),
        ("has:", (), ("has: needs a value — try note, tag",)),
        ("has:photo", (), ('has: "photo" is not known — try note, tag',)),
        ("tag:", (), ("tag: needs a value",)),
        ('tag:""', (), ("tag: needs a value",)),
        (
            "review:everything",
            (),
            ('review: "everything" is not known — try dates, words, vague, bridged',),
        ),
    ],
)
def test_problems_become_hints_and_are_not_searched(
    text: str, filters: tuple[Filter, ...], hints: tuple[str, ...]
) -> None:
    query = parse_query(text)
    assert (query.filters, query.terms, query.hints) == (filters, (), hints)


def test_the_new_filters_are_named_in_the_unknown_filter_hint() -> None:
    [hint] = parse_query("starred:yes").hints
    for name in ("is", "has", "tag", "review"):
        assert name in FILTER_NAMES and name in NEGATABLE
        assert f" {name}:," in hint or hint.endswith(f" {name}:")


def test_words_and_dates_stay_beside_them() -> None:
    query = parse_query("kono is:starred in:2018 -trade")
    assert query.terms == (Clause((Term("kono"),)), Clause((Term("trade"),), negated=True))
    assert [f.name for f in query.filters] == ["is", "in"]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("is:starred", "events starred, by date"),
        ("-is:starred", "events not starred, by date"),
        ("is:starred,manual", "events starred or added by hand, by date"),
        ("-is:starred,corrected", "events neither starred nor corrected, by date"),
        ("has:note", "events with a note, by date"),
        ("-has:note", "events without a note, by date"),
        ('tag:"trade talks",urgent', 'events tagged "trade talks" or "urgent", by date'),
        ("-tag:done", 'events not tagged "done", by date'),
        ("review:", "events to review (any kind), by date"),
        ("-review:dates", "events not to review (sources disagree on the date), by date"),
        (
            "kono is:starred in:2018",
            'events matching "kono" starred, during 2018, by date',
        ),
    ],
)
def test_describe(text: str, description: str) -> None:
    assert describe(parse_query(text)) == description


def test_the_search_docs_name_every_filter_and_review_kind() -> None:
    text = (Path(__file__).parent.parent / "docs" / "search.md").read_text(encoding="utf-8")
    for name in FILTER_NAMES:
        assert f"| `{name}:` |" in text, name
    for kind in REVIEW_KINDS:
        assert f"`review:{kind}`" in text, kind


def test_stored_tags_widen_a_tag_filter_case_and_accents_aside() -> None:
    stored = ["Élan", "ÉLAN", "elan vital", "Trade"]
    query = with_stored_tags(parse_query("kono tag:elan,trade -tag:x is:starred"), stored)
    assert query.filters == (
        Filter("tag", ("elan", "Élan", "ÉLAN", "trade", "Trade"), False, "elan,trade"),
        Filter("tag", ("x",), True, "x"),
        Filter("is", ("starred",), False, "starred"),
    )
    assert query.terms == (Clause((Term("kono"),)),)
    plain = parse_query("kono is:starred")
    assert with_stored_tags(plain, stored) is plain
