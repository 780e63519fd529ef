"""The same-event rule and clustering, on hand-made mentions."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from chronicle import merge
from chronicle.model import Actor, DateMatch, Entities, Mention


def mention(
    key: str,
    start: date | None,
    end: date | None = None,
    precision: str = "day",
    *,
    document: str | None = None,
    types: tuple[str, ...] = ("visit",),
    actors: tuple[str, ...] = (),
    countries: tuple[str, ...] = ("JP", "PK"),
    sentence: str = "Zardari visited Tokyo.",
) -> Mention:
    return Mention(
        key=key,
        document=document or f"{key}.txt",
        sentence=sentence,
        paragraph=sentence,
        date=DateMatch(0, 4, start, end or start, precision, "date"),
        type=types[0],
        types=types,
        entities=Entities(
            actors=tuple(Actor(name=a, key=" ".join(sorted(a.lower().split()))) for a in actors),
            countries=countries,
        ),
        headline=sentence,
    )


Y2011 = (date(2011, 1, 1), date(2011, 12, 31), "year")


def fy_april(year: int) -> tuple[date, date, str]:
    return (date(year, 4, 1), date(year + 1, 3, 31), "range")


def fy_july(year: int) -> tuple[date, date, str]:
    return (date(year, 7, 1), date(year + 1, 6, 30), "range")


FEB_21_23 = (date(2011, 2, 21), date(2011, 2, 23), "range")


class TestDateRelation:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (FEB_21_23, FEB_21_23, "equal"),
            (Y2011, FEB_21_23, "contains"),  # a vague and an exact report of one thing
            (
                (date(2018, 1, 3), date(2018, 1, 4), "range"),
                (date(2018, 1, 4), None, "day"),
                "nested",
            ),
            ((date(2011, 2, 20), None, "day"), FEB_21_23, "near"),  # off by one day
            ((date(2005, 1, 1), date(2005, 12, 31), "year"), Y2011, "apart"),
            # Fiscal 1996-97 read as April-March and as July-June: one period...
            (fy_april(1996), fy_july(1996), "near"),
            # ...but consecutive fiscal years share only a quarter, or only an edge.
            (fy_july(1995), fy_april(1996), "apart"),
            (fy_july(1995), fy_july(1996), "apart"),
            (
                (date(2011, 2, 24), date(2011, 2, 26), "range"),
                FEB_21_23,
                "near",
            ),  # days, not periods
        ],
    )
    def test_relation_between_spans(self, a, b, expected):
        sa = merge.span_of(mention("a", a[0], a[1], a[2]))
        sb = merge.span_of(mention("b", b[0], b[1], b[2]))
        assert merge.date_relation(sa, sb) == expected
        assert merge.date_relation(sb, sa) == expected  # symmetric


class TestSameEvent:
    def test_year_and_day_range_with_a_shared_person_merge(self):
        a = mention("a", *Y2011, actors=("Asif Ali Zardari",))
        b = mention("b", *FEB_21_23, actors=("Zardari",), types=("visit", "agreement"))
        assert merge.same_event(a, b) and merge.same_event(b, a)

    def test_mentions_in_one_document_merge_by_the_in_document_rule(self):
        a = mention("a", *FEB_21_23, document="x.txt", actors=("Zardari",))
        b = mention("b", *FEB_21_23, document="x.txt", actors=("Zardari",))
        near = mention("c", date(2011, 2, 24), document="x.txt", actors=("Zardari",))
        assert merge.same_event(a, b)  # the same sentence told twice
        assert not merge.same_event(a, near)  # another day of one text: another happening

    def test_same_year_anniversaries_of_different_pairs_stay_apart(self):
        a = mention(
            "a",
            date(2017, 1, 1),
            date(2017, 12, 31),
            "year",
            types=("anniversary",),
            countries=("JP", "PK"),
            sentence="65th anniversary of relations with Pakistan.",
        )
        b = mention(
            "b",
            date(2017, 1, 1),
            date(2017, 12, 31),
            "year",
            types=("anniversary",),
            countries=("JP", "KZ"),
            sentence="25th anniversary of relations with Kazakhstan.",
        )
        assert not merge.same_event(a, b)

    def test_different_people_on_the_same_day_stay_apart(self):
        a = mention(
            "a",
            date(2018, 1, 4),
            types=("meeting",),
            actors=("Taro Kono",),
            sentence="Kono held talks in Islamabad.",
        )
        b = mention(
            "b",
            date(2018, 1, 4),
            types=("meeting",),
            actors=("Shinzo Abe",),
            sentence="Abe received the delegation in Tokyo.",
        )
        assert not merge.same_event(a, b)

    def test_types_must_agree(self):
        a = mention("a", date(2018, 1, 4), types=("meeting",), actors=("Taro Kono",))
        b = mention("b", date(2018, 1, 4), types=("election",), actors=("Taro Kono",))
        assert not merge.same_event(a, b)


class TestCluster:
    def test_clusters_do_not_depend_on_input_order(self):
        ms = [
            mention("a", *Y2011, actors=("Zardari",)),
            mention("b", *FEB_21_23, actors=("Asif Ali Zardari",)),
            mention("c", date(2005, 1, 1), date(2005, 12, 31), "year", actors=("Koizumi",)),
        ]
        forward = [[m.key for m in g] for g in merge.cluster(ms)]
        backward = [[m.key for m in g] for g in merge.cluster(ms[::-1])]
        assert forward == backward == [["a", "b"], ["c"]]

    def test_best_mention_has_the_most_exact_date_and_conflicts_are_flagged(self):
        year = mention("a", *Y2011, actors=("Zardari",))
        days = mention("b", *FEB_21_23, actors=("Zardari",))
        off = mention("c", date(2011, 2, 20), actors=("Zardari",))
        draft = merge.draft_events([[year, days]])[0]
        assert draft.best is days and not draft.conflict
        flagged = merge.draft_events(merge.cluster([year, days, off]))
        assert len(flagged) == 1 and flagged[0].conflict


class TestLinks:
    def test_a_meeting_inside_a_visit_is_part_of_it(self):
        visit = merge.draft_events(
            [[mention("v", date(2018, 1, 3), date(2018, 1, 4), "range", actors=("Taro Kono",))]]
        )[0]
        meeting = merge.draft_events(
            [[mention("m", date(2018, 1, 4), types=("meeting", "visit"), actors=("Kono",))]]
        )[0]
        assert merge.is_part_of(meeting, visit)
        assert not merge.is_part_of(visit, meeting)


def test_a_vague_mention_never_bridges_two_happenings():
    visit = mention("a", date(2018, 1, 3), date(2018, 1, 4), "range", actors=("Taro Kono",))
    meeting = mention(
        "b",
        date(2018, 1, 4),
        types=("meeting", "visit"),
        actors=("Taro Kono",),
        sentence="Kono, who is visiting Pakistan, met Asif.",
    )
    vague = mention(
        "c",
        date(2018, 1, 1),
        date(2018, 12, 31),
        "year",
        actors=("Taro Kono",),
        sentence="Kono visited Pakistan.",
    )
    assert merge.same_event(vague, visit) and merge.same_event(vague, meeting)
    assert not merge.same_event(visit, meeting)
    for order in ([visit, meeting, vague], [vague, meeting, visit]):
        drafts = merge.draft_events(merge.cluster(order))
        assert sorted(tuple(m.key for m in d.mentions) for d in drafts) == [("a", "c"), ("b",)]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            "In 2015, Japan and Pakistan signed a loan agreement for the Lowari tunnel project.",
            "In 2015, Japan and Pakistan signed an agreement on the Karachi Circular Railway.",
            False,
        ),
        (
            "On 3 March 2016, Japan and Pakistan held talks on fisheries cooperation in Karachi.",
            "On 3 March 2016, Japan and Pakistan held a security dialogue on counter-terrorism.",
            False,
        ),
        (
            "Diplomatic relations started on 28 April 1952, and Pakistan opened its embassy in Tokyo.",
            "Pakistan and Japan established diplomatic relations on 28th April 1952.",
            True,
        ),
    ],
)
def test_same_date_and_countries_merge_only_when_the_words_agree(first, second, same):
    day = date(2016, 3, 3)
    a = mention("a", day, types=("agreement",), sentence=first)
    b = mention("b", day, types=("agreement",), sentence=second)
    assert merge.same_event(a, b) is same


BOILERPLATE = (
    "High-level visits were exchanged in 1995, when Prime Minister Riar Evel visited {city}."
)


@pytest.mark.parametrize(
    ("when", "same"),
    [
        ((date(1995, 1, 1), date(1995, 12, 31), "year"), False),
        ((date(1995, 5, 1), date(1995, 5, 31), "month"), False),
        ((date(1995, 5, 14), None, "day"), True),  # one person on one day: one trip
    ],
)
def test_a_coarse_date_told_of_two_relationships_is_two_happenings(when, same):
    start, end, precision = when
    to_mexico, to_china = (
        mention(
            key,
            start,
            end,
            precision,
            actors=("Riar Evel",),
            countries=("JP", country),
            sentence=BOILERPLATE.format(city=city),
        )
        for key, country, city in (("a", "MX", "Mexico City"), ("b", "CN", "Beijing"))
    )
    assert merge.same_event(to_mexico, to_china) is same


def test_the_same_two_people_in_one_month_are_one_meeting_whatever_countries_each_names():
    may = (date(1963, 9, 1), date(1963, 9, 30), "month")
    people = ("Nero Usshimo", "Honiba Luvo")
    a = mention(
        "a",
        *may,
        types=("meeting",),
        actors=people,
        countries=("JP", "KW"),
        sentence="Foreign Minister Nero Usshimo met Ambassador Honiba Luvo in Male in September.",
    )
    b = mention(
        "b",
        *may,
        types=("meeting",),
        actors=people,
        countries=("DE", "MV"),
        sentence="Minister Nero Usshimo received Ambassador Honiba Luvo in Berlin in September.",
    )
    assert merge.same_event(a, b)
    assert not merge.same_event(
        a,
        dataclasses.replace(
            b, entities=Entities(actors=b.entities.actors[:1], countries=b.entities.countries)
        ),
    )


def test_people_in_common_are_counted_the_same_both_ways():
    year = (date(1995, 1, 1), date(1995, 12, 31), "year")
    brothers = mention(
        "a",
        *year,
        actors=("Nawaz Sharif", "Shehbaz Sharif"),
        countries=("PK", "CN"),
        sentence="Nawaz Sharif and Shehbaz Sharif visited Beijing in 1995.",
    )
    one = mention(
        "b",
        *year,
        actors=("Sharif",),
        countries=("PK", "US"),
        sentence="Sharif visited Washington in 1995.",
    )
    assert merge.same_event(brothers, one) is merge.same_event(one, brothers) is False


def test_sources_a_day_apart_with_nobody_named_merge_and_are_flagged():
    a = mention(
        "a",
        date(1952, 4, 28),
        types=("anniversary",),
        sentence="Pakistan and Japan established diplomatic relations on 28th April 1952.",
    )
    b = mention(
        "b",
        date(1952, 4, 29),
        types=("anniversary",),
        sentence="Diplomatic relations started on 29 April 1952, and Pakistan opened its embassy.",
    )
    other = mention(
        "c",
        date(1952, 4, 29),
        types=("anniversary",),
        sentence="Japan and Pakistan held talks on fisheries on 29 April 1952.",
    )
    assert merge.same_event(a, b) and not merge.same_event(a, other)
    [draft] = merge.draft_events([[a, b]])
    assert draft.conflict


def test_an_event_is_typed_by_what_its_sources_agree_on():
    signed = mention(
        "a",
        date(2011, 2, 21),
        date(2011, 2, 23),
        "range",
        types=("agreement", "visit"),
        actors=("Asif Ali Zardari",),
    )
    visited = mention("b", *Y2011, types=("visit",), actors=("Asif Ali Zardari",))
    [draft] = merge.draft_events([[signed, visited]])
    assert draft.best is signed and draft.type == "visit"
    [alone] = merge.draft_events([[signed]])
    assert alone.type == "agreement"


def test_two_bare_reports_of_one_signing_merge():
    day = date(2019, 5, 5)
    a = mention(
        "a",
        day,
        types=("agreement",),
        sentence="On 5 May 2019, Japan and Pakistan signed an agreement.",
    )
    b = mention(
        "b",
        day,
        types=("agreement",),
        sentence="Pakistan and Japan signed the agreement on 5 May 2019.",
    )
    assert merge.same_event(a, b)
