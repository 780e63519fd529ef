"""Tests for chronicle.search.query: parsing what users type, hints, describe()."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.search.query import (
    FILTER_NAMES,
    MAX_INPUT,
    MAX_TERMS,
    Clause,
    Filter,
    Query,
    Term,
    describe,
    parse_query,
    resolve_country,
)

UNKNOWN_FOO = (
    'unknown filter "foo" — try country:, actor:, type:, source:, publisher:, after:, before:, '
    "in:, year:, precision:, sources:, is:, has:, tag:, review:, sort:"
)


def words(*texts: str) -> tuple[Clause, ...]:
    """Positive single-word clauses."""
    return tuple(Clause((Term(t),)) for t in texts)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("", ()),
        ("kono", words("kono")),
        ("kono  pakistan", words("kono", "pakistan")),
        ("kono AND pakistan", words("kono", "pakistan")),
        ('"prime minister"', (Clause((Term("prime minister", phrase=True),)),)),
        ('"unbalanced phrase', (Clause((Term("unbalanced phrase", phrase=True),)),)),
        ('"prime min"*', (Clause((Term("prime min", phrase=True, prefix=True),)),)),
        ("diplom*", (Clause((Term("diplom", prefix=True),)),)),
        ("diplom***", (Clause((Term("diplom", prefix=True),)),)),
        ("a OR b", (Clause((Term("a"), Term("b"))),)),
        ("a OR b OR c d", (Clause((Term("a"), Term("b"), Term("c"))), Clause((Term("d"),)))),
        ("a or b", words("a", "or", "b")),
        ("-trade", (Clause((Term("trade"),), negated=True),)),
        ("NOT trade", (Clause((Term("trade"),), negated=True),)),
        ('-"trade deal"', (Clause((Term("trade deal", phrase=True),), negated=True),)),
        ("kono -asif", (Clause((Term("kono"),)), Clause((Term("asif"),), negated=True))),
        ("*", ()),
        ("-", ()),
        (":", ()),
        ("- * : -- ** ::", ()),
        ("'; DROP TABLE events; --", words("DROP", "TABLE", "events;")),
        ("a\x00b\x02c\x1b", words("a", "b", "c")),
        ("10:30", words("10:30")),
        ("foo:bar", words("foo:bar")),
        ("Kōno", words("Kōno")),
        ("Ｋｏｎｏ", words("Kono")),  # fullwidth, as a Japanese keyboard types it
    ],
)
def test_terms(text: str, terms: tuple[Clause, ...]) -> None:
    assert parse_query(text).terms == terms


@pytest.mark.parametrize(
    ("text", "terms", "hints"),
    [
        ("OR", (), ("OR needs a search word on each side; ignored it",)),
        ("a OR", words("a"), ("OR needs a search word on each side; ignored it",)),
        ("OR a", words("a"), ("OR needs a search word on each side; ignored it",)),
        (
            "a OR -b",
            (Clause((Term("a"),)), Clause((Term("b"),), negated=True)),
            ("OR needs a search word on each side; ignored it",),
        ),
        (
            "a OR OR b",
            (Clause((Term("a"), Term("b"))),),
            ("OR needs a search word on each side; ignored it",),
        ),
        ("NOT", (), ("NOT needs a search word after it; ignored it",)),
        ("AND", (), ("AND needs a search word on each side; ignored it",)),
        ("a AND b", words("a", "b"), ()),
        ("type:visit AND kono", words("kono"), ()),
        ("*", (), ("* ends a word to match its beginning (diplom*); a lone * was ignored",)),
        (
            '"kono',
            (Clause((Term("kono", phrase=True),)),),
            ('closed the unmatched " at the end of the query',),
        ),
        (
            "a NOT OR b",
            (Clause((Term("a"),)), Clause((Term("b"),), negated=True)),
            ("OR cannot follow NOT; ignored it",),
        ),
        ("foo:bar", words("foo:bar"), (UNKNOWN_FOO,)),
    ],
)
def test_operators_and_hints(text: str, terms: tuple[Clause, ...], hints: tuple[str, ...]) -> None:
    query = parse_query(text)
    assert query.terms == terms
    assert query.hints == hints


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("country:pakistan", (Filter("country", ("PK",), False, "pakistan"),)),
        ("country:PK", (Filter("country", ("PK",), False, "PK"),)),
        ("Country:pk", (Filter("country", ("PK",), False, "pk"),)),
        ("country:pak", (Filter("country", ("PK",), False, "pak"),)),
        ("country:japanese", (Filter("country", ("JP",), False, "japanese"),)),
        ("country:pk,jp", (Filter("country", ("PK", "JP"), False, "pk,jp"),)),
        ("country:pk,pakistan", (Filter("country", ("PK",), False, "pk,pakistan"),)),
        ('country:"united kingdom"', (Filter("country", ("GB",), False, "united kingdom"),)),
        ("country:united-kingdom", (Filter("country", ("GB",), False, "united-kingdom"),)),
        ("-country:pk", (Filter("country", ("PK",), True, "pk"),)),
        ("NOT country:pk", (Filter("country", ("PK",), True, "pk"),)),
        (
            "country:pk country:jp",
            (Filter("country", ("PK",), False, "pk"), Filter("country", ("JP",), False, "jp")),
        ),
        ("actor:kono", (Filter("actor", ("kono",), False, "kono"),)),
        ('actor:"Taro Kōno"', (Filter("actor", ("taro kono",), False, "Taro Kōno"),)),
        (
            'actor:"taro kono",bilawal',
            (Filter("actor", ("taro kono", "bilawal"), False, "taro kono,bilawal"),),
        ),
        ("type:visit", (Filter("type", ("visit",), False, "visit"),)),
        ("type:Visits", (Filter("type", ("visit",), False, "Visits"),)),
        ("type:meet", (Filter("type", ("meeting",), False, "meet"),)),
        # the labels the timeline shows are types too
        ("type:said", (Filter("type", ("statement",), False, "said"),)),
        ("type:talks,vote", (Filter("type", ("dialogue", "election"), False, "talks,vote"),)),
        ("-type:cite", (Filter("type", ("citation",), True, "cite"),)),
        ("type:Votes", (Filter("type", ("election",), False, "Votes"),)),
        ("type:visit,meeting", (Filter("type", ("visit", "meeting"), False, "visit,meeting"),)),
        ("-type:statement", (Filter("type", ("statement",), True, "statement"),)),
        ("source:issi", (Filter("source", ("issi",), False, "issi"),)),
        ('source:"MOFA  Japan"', (Filter("source", ("MOFA Japan",), False, "MOFA  Japan"),)),
        ("after:2010", (Filter("after", ("2010-01-01", "2010-12-31"), False, "2010"),)),
        ("after:2010-02", (Filter("after", ("2010-02-01", "2010-02-28"), False, "2010-02"),)),
        ("before:2012-2", (Filter("before", ("2012-02-01", "2012-02-29"), False, "2012-2"),)),
        ("in:2018-06-15", (Filter("in", ("2018-06-15", "2018-06-15"), False, "2018-06-15"),)),
        ("in:2018/6/15", (Filter("in", ("2018-06-15", "2018-06-15"), False, "2018/6/15"),)),
        ("precision:day", (Filter("precision", ("day",), False, "day"),)),
        ("precision:day,month", (Filter("precision", ("day", "month"), False, "day,month"),)),
        ("sources:>1", (Filter("sources", (">", "1"), False, ">1"),)),
        ("sources:2", (Filter("sources", ("=", "2"), False, "2"),)),
        ("sources:>=2", (Filter("sources", (">=", "2"), False, ">=2"),)),
        ("sources:<=3", (Filter("sources", ("<=", "3"), False, "<=3"),)),
    ],
)
def test_filters(text: str, filters: tuple[Filter, ...]) -> None:
    query = parse_query(text)
    assert query.filters == filters
    assert query.terms == ()
    assert query.hints == ()


@pytest.mark.parametrize(
    ("text", "terms", "filters", "hints"),
    [
        ("country:", (), (), ("country: needs a value",)),
        (
            "country:atlantis",
            words("atlantis"),
            (),
            ('unknown country "atlantis", searched as text',),
        ),
        (
            "country:atlantis,jp",
            words("atlantis"),
            (Filter("country", ("JP",), False, "atlantis,jp"),),
            ('unknown country "atlantis", searched as text',),
        ),
        (
            "type:summit",
            words("summit"),
            (),
            (
                'unknown type "summit", searched as text — try meeting (meet), visit, '
                "agreement (agree), statement (said), anniversary (anniv), dialogue (talks), "
                "election (vote), economic (econ), citation (cite), other",
            ),
        ),
        (
            "precision:hour",
            (),
            (),
            ('unknown precision "hour" — try day, month, year, range, approximate, unresolved',),
        ),
        (
            "after:yesterday",
            (),
            (),
            ('after: "yesterday" is not a date — use YYYY, YYYY-MM or YYYY-MM-DD',),
        ),
        (
            "in:2018-02-30",
            (),
            (),
            ('in: "2018-02-30" is not a date — use YYYY, YYYY-MM or YYYY-MM-DD',),
        ),
        ("sources:many", (), (), ('sources: "many" — use a number such as 2, >1 or >=2',)),
        (
            "-after:2010",
            (),
            (),
            ("after: cannot be excluded; ignored it — use before:",),
        ),
        ("-sources:>1", (), (), ("sources: cannot be excluded; ignored it",)),
        (
            "a OR country:pk",
            words("a"),
            (Filter("country", ("PK",), False, "pk"),),
            ("OR only joins search words, not filters; ignored it",),
        ),
        ("sort:sideways", (), (), ('unknown sort "sideways" — try date, -date, rank',)),
    ],
)
def test_filter_problems_become_hints(
    text: str, terms: tuple[Clause, ...], filters: tuple[Filter, ...], hints: tuple[str, ...]
) -> None:
    query = parse_query(text)
    assert (query.terms, query.filters, query.hints) == (terms, filters, hints)


@pytest.mark.parametrize(
    ("text", "sort", "hints"),
    [
        ("kono", "date", ()),
        ("kono sort:date", "date", ()),
        ("kono sort:-date", "-date", ()),
        ("kono sort:newest", "-date", ()),
        ("kono sort:rank", "rank", ()),
        ("kono sort:relevance", "rank", ()),
        ("sort:rank", "date", ("sort:rank needs search words; sorted by date",)),
        ("-kono sort:rank", "date", ("sort:rank needs search words; sorted by date",)),
        ("kono sort:rank sort:-date", "-date", ()),
    ],
)
def test_sort(text: str, sort: str, hints: tuple[str, ...]) -> None:
    query = parse_query(text)
    assert (query.sort, query.hints) == (sort, hints)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("pk", "PK"),
        ("PAK", "PK"),
        ("Pakistan", "PK"),
        ("pakistani", "PK"),
        ("japan", "JP"),
        ("Japanese", "JP"),
        ("kazakhstan", "KZ"),
        ("kazakh", "KZ"),
        ("uk", "GB"),
        ("usa", "US"),
        ("South Korea", "KR"),
        ("viet nam", "VN"),
        ("vietnam", "VN"),
        ("Türkiye", "TR"),
        ("turkey", "TR"),
        # forms ingest tags: adjectives, acronyms, capitals, plurals of peoples, prefixes
        ("belgian", "BE"),
        ("dprk", "KP"),
        ("D.P.R.K.", "KP"),
        ("U.S.", "US"),
        ("kigali", "RW"),
        ("Eritreans", "ER"),
        ("sino", "CN"),
        ("PAK", "PK"),  # ISO alpha-3
        ("South China Sea", None),  # a phrase that blocks a country is not one
        ("atlantis", None),
        ("", None),
        ("--", None),
    ],
)
def test_resolve_country(value: str, code: str | None) -> None:
    assert resolve_country(value) == code


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("", "all events, by date"),
        (
            "kono country:pakistan type:visit after:2010",
            'events matching "kono" in Pakistan, of type visit, after 2010, by date',
        ),
        (
            'a OR b "prime minister" diplom* -c sort:-date',
            'events matching ("a" or "b") and "prime minister" and "diplom*" but not "c", '
            "newest first",
        ),
        ("-trade", 'events not matching "trade", by date'),
        ("trade sort:rank", 'events matching "trade", best match first'),
        ("-country:pk,jp", "events not in Pakistan or Japan, by date"),
        (
            "actor:kono source:issi in:2018-06 before:2019-06-03 sources:>1 precision:day",
            'events with "kono", from "issi", during 2018-06, before 2019-06-03, '
            "with more than 1 source, precision day, by date",
        ),
        ("sources:2", "events with exactly 2 sources, by date"),
    ],
)
def test_describe(text: str, description: str) -> None:
    assert describe(parse_query(text)) == description


def test_long_input_is_truncated_with_a_hint() -> None:
    query = parse_query("x" * (MAX_INPUT + 50))
    assert query.text == "x" * MAX_INPUT
    assert query.terms == words("x" * MAX_INPUT)
    assert query.hints == (f"only the first {MAX_INPUT} characters are searched",)


def test_many_terms_are_capped_with_a_hint() -> None:
    query = parse_query(" ".join(f"w{i}" for i in range(MAX_TERMS + 5)))
    assert len(query.terms) == MAX_TERMS
    assert query.hints == (f"only the first {MAX_TERMS} search terms are used",)


def test_query_is_frozen() -> None:
    query = parse_query("kono")
    with pytest.raises(AttributeError):
        query.sort = "rank"  # type: ignore[misc]


TOKENS = st.sampled_from(
    ["kono", "Kōno", "trade", '"', "*", "-", "OR", "AND", "NOT", ":", ",", "'", "(", ")", "\x00"]
    + [f"{name}:" for name in FILTER_NAMES]
    + ["pk", "2010", ">1", "rank", "-date", "visit", '"a b"', "foo:bar", "\x02", "\\", "%", "_"]
)
MIXED = st.lists(TOKENS, max_size=12).flatmap(
    lambda toks: st.lists(
        st.sampled_from(["", " ", "  "]), min_size=len(toks), max_size=len(toks)
    ).map(lambda seps: "".join(t + s for t, s in zip(toks, seps, strict=True)))
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), MIXED))
def test_parse_never_raises(text: str) -> None:
    query = parse_query(text)
    assert isinstance(query, Query)
    assert isinstance(describe(query), str)
    for clause in query.terms:
        assert clause.alternatives
        assert not clause.negated or len(clause.alternatives) == 1
        for term in clause.alternatives:
            assert "\x00" not in term.text


class TestTheLexiconIsTheSearchLanguage:
    """Every form the tagger knows a country by, and every label the timeline shows a
    type by, is a value the search language accepts, meaning the same thing."""

    def test_every_country_form_ingest_tags_resolves_to_its_code(self):
        from chronicle import lexicon

        forms = {**lexicon.country_forms(), **lexicon.country_prefixes()}
        wrong = {f: c for f, c in forms.items() if c and resolve_country(f) != c}
        assert wrong == {}
        assert len(forms) > 1000

    def test_every_country_form_works_as_a_quoted_filter(self):
        from chronicle import lexicon

        for form, code in lexicon.country_forms().items():
            if code:
                query = parse_query(f'country:"{form}"')
                assert query.filters == (Filter("country", (code,), False, form),), form

    def test_every_iso_code_resolves(self):
        import pycountry

        for country in pycountry.countries:
            assert resolve_country(country.alpha_2) == country.alpha_2
            assert resolve_country(country.alpha_3) == country.alpha_2

    def test_every_type_name_and_label_resolves_to_the_type(self):
        from chronicle.model import EVENT_TYPES, TYPE_LABELS

        for name in EVENT_TYPES:
            assert parse_query(f"type:{name}").filters[0].values == (name,)
            label = TYPE_LABELS[name]
            if label:
                assert parse_query(f"type:{label}").filters[0].values == (name,), label

    def test_no_label_is_the_name_of_another_type(self):
        from chronicle.model import EVENT_TYPES, TYPE_LABELS

        for name, label in TYPE_LABELS.items():
            assert label not in EVENT_TYPES or label == name

    def test_a_type_is_described_by_its_name(self):
        assert describe(parse_query("type:said")) == "events of type statement, by date"


@pytest.mark.parametrize("doc", ["chronicle/tui/help.md", "docs/search.md"])
def test_the_help_and_the_docs_name_every_type_with_its_label(doc):
    from pathlib import Path

    from chronicle.model import TYPE_LABELS

    text = (Path(__file__).parent.parent / doc).read_text(encoding="utf-8")
    for name, label in TYPE_LABELS.items():
        assert f"`{name}`" in text and (not label or f"`{label}`" in text), name


def test_the_help_explains_every_timeline_marker():
    from pathlib import Path

    help_text = (Path(__file__).parent.parent / "chronicle/tui/help.md").read_text("utf-8")
    markers = ("`2011-02-21–23`", "`2019-04`", "`2018`", "`c. 2009`", "`2016–17 FY`")
    for marker in (*markers, "`undated`", "`2×`", "`2!`", "`»`"):
        assert marker in help_text, marker
