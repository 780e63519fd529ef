"""A year inside a name, a plan's validity or an era's span dates no happening."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.events.date_roles import names_no_happening, with_stated_length

REFERENCE = date(2023, 6, 1)


def roles(sentence: str) -> list[tuple[str, bool]]:
    """Each date of the sentence with True when it names no happening."""
    return [(m.text, names_no_happening(m, sentence)) for m in find_dates(sentence, REFERENCE)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a year premodifying a treaty, protocol, agreement or terms is part of its name
        ("Jakarta invoked the 2006 Lombok Treaty in the dispute.", [("2006", True)]),
        ("Kuwait restated its 1961 border agreement with Iraq.", [("1961", True)]),
        ("Rail freight rose under a 2010 transit protocol.", [("2010", True)]),
        (
            "The 1974 Land Boundary Agreement and its 2011 Protocol took effect.",
            [("1974", True), ("2011", True)],
        ),
        # a year before a proper name is part of the name
        ("Work on the venue for the 2027 Asian Cup began.", [("2027", True)]),
        # a plan's or programme's validity period
        ("Both sides reviewed the 2016-2019 Joint Action Plan.", [("2016-2019", True)]),
        ("They agreed a work programme for 2024-2026.", [("2024-2026", True)]),
        ("The Bali Roadmap (2008-2012) guided the talks.", [("2008-2012", True)]),
        # a decision named by its year, its day given beside it
        (
            "Both cited the 2016 award, delivered on 12 July 2016.",
            [("2016", True), ("12 July 2016", False)],
        ),
        # a span of years picking out a group of people
        (
            "The law restored citizenship to Fijians born between 1970 and 1987.",
            [("1970 and 1987", True)],
        ),
        # a resolution's year in brackets
        ("The Council recalled resolution 1701 (2006).", [("2006", True)]),
        # an era in apposition
        ("Under Soviet rule, from 1940 to 1991, the port was closed.", [("1940 to 1991", True)]),
        ("Franco's dictatorship, from 1939 to 1975, kept Spain apart.", [("1939 to 1975", True)]),
        (
            "For generations, from the 1920s to the 1970s, cotton tied the two economies.",
            [("the 1920s", True), ("the 1970s", True)],
        ),
        # a span of years is the validity of a partnership statement, a build-up, a regime
        (
            "Aid follows the 2019-2022 statement of partnership with Tonga.",
            [("2019-2022", True)],
        ),
        ("Both navies planned a 2025-2029 fleet build-up.", [("2025-2029", True)]),
        ("Quotas under the steel regime for 2010-2014 were cut.", [("2010-2014", True)]),
    ],
)
def test_names_and_validity_periods_date_no_happening(sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two countries signed a maritime agreement in 2009.", [("2009", False)]),
        ("The 2019 elections returned the coalition to power.", [("2019", False)]),
        ("The 1999 May Day rally was banned.", [("1999", False)]),  # no name: a month follows
        ("The war lasted from 1980 to 1988.", [("1980 to 1988", False)]),
        # days in apposition date the happening they describe
        (
            "The floods, from 3 to 9 August 2010, displaced millions.",
            [("3 to 9 August 2010", False)],
        ),
        ("Rice exports fell sharply between 2008 and 2011.", [("2008 and 2011", False)]),
        (
            "Rainfall declined from the 1950s to the 1980s.",
            [("the 1950s", False), ("the 1980s", False)],
        ),
        ("In 2012 the plan was adopted by the cabinet.", [("2012", False)]),
        # a day is never a name, even next to a plan
        ("The Action Plan was signed on 4 December 2023.", [("4 December 2023", False)]),
        # the name is dropped, the signing date stays
        (
            "The Council adopted resolution 2334 (2016) on 23 December 2016.",
            [("2016", True), ("23 December 2016", False)],
        ),
    ],
)
def test_dates_of_happenings_are_kept(sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("3 May - the Emir begins a three-day visit to Muscat", (date(2023, 5, 5), "range")),
        ("He arrived in Hanoi on 3 May for a two-day official visit", (date(2023, 5, 4), "range")),
        # the visit is the setting of another dated event: the day stays a day
        ("During his three-day visit, he met the premier on 3 May", (date(2023, 5, 3), "day")),
        ("The Emir visited Muscat on 3 May", (date(2023, 5, 3), "day")),
    ],
)
def test_a_day_beginning_a_visit_of_stated_length_dates_the_whole_visit(clause, expected):
    [match] = find_dates(clause, REFERENCE)
    stretched = with_stated_length(match, clause)
    assert (stretched.date_start, stretched.date_end, stretched.precision) == (
        date(2023, 5, 3),
        *expected,
    )
