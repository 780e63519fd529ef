"""A year inside a name, a plan's validity or an era's span dates no happening."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.events.date_roles import (
    labels_a_period,
    names_no_happening,
    steps_to_a_state,
)

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
        # a year before a programme or document noun gives its edition or validity
        (
            "UNHCR's 2023 appeal for the coastal countries is 14 per cent funded.",
            [("2023", True)],
        ),
        ("Defence took a third of the ministry's 2024 budget.", [("2024", True)]),
        ("The 2022 work plan lists eleven joint projects.", [("2022", True)]),
        ("The bank's 2021 annual report put arrears at $4 billion.", [("2021", True)]),
        ("Its 2019 white paper named the strait a core interest.", [("2019", True)]),
        # the end of a thing's validity: when it stops holding, not a happening
        (
            "The 1962 Water Agreement, which runs until 2061, lets the city draw river water.",
            [("1962", True), ("2061", True)],
        ),
        ("The fishing licence is valid until 31 December 2030.", [("31 December 2030", True)]),
        ("The port lease expires in 2047.", [("2047", True)]),
        ("The moratorium lasts until March 2026.", [("March 2026", True)]),
        (
            "The compact, in force until 2035, was signed in 2015.",
            [("2035", True), ("2015", False)],
        ),
        ("The grant, valid from 2020 to 2025, covers schools.", [("2020 to 2025", True)]),
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
        ("The 2016 Sept. referendum was annulled.", [("2016", False)]),  # an abbreviated month
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
        # a year before an event noun dates that happening
        ("Erdogan's 2018 visit ended a six-year freeze.", [("2018", False)]),
        ("The 2011 census counted 1.2 million speakers.", [("2011", False)]),
        ("The 1967 war closed the canal for eight years.", [("1967", False)]),
        # a happening that went on until a date is no validity
        ("Fighting continued until 2019.", [("2019", False)]),
        ("The accord entered into force in 2005.", [("2005", False)]),
        ("Aid rose after the 2015 earthquake.", [("2015", False)]),
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


def labels(heading: str) -> list[tuple[str, bool]]:
    """Each date of a heading with True when it labels the period the section covers."""
    bounds = (0, len(heading))
    return [(m.text, labels_a_period(m, heading, bounds)) for m in find_dates(heading, REFERENCE)]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("High-level visits (since 2014)", [("2014", True)]),
        # a stated fiscal-year convention is no date at all
        ("Trade (India's fiscal year, April–March)", []),
        ("Exports by month (January–June 2023)", [("January–June 2023", True)]),
        (
            "Trade in the 2019 season (April–September)",
            [("2019", False), ("April–September", True)],
        ),
        ("Agreements signed, 2010–2020", [("2010–2020", True)]),
        ("From war to a border treaty: Oman and South Yemen, 1967–1992", [("1967–1992", True)]),
        ("Relations since independence (1991–2021)", [("1991–2021", True)]),
        # a heading that dates what it reports: a day, a single month, or a date inside it
        ("State visit of President Lula (12–14 March 2019)", [("12–14 March 2019", False)]),
        ("Talks in Geneva, October 2019", [("October 2019", False)]),
        ("The 1994 genocide and its aftermath", [("1994", False)]),
    ],
)
def test_a_heading_closing_on_a_period_labels_its_section(heading, expected):
    assert labels(heading) == expected


@pytest.mark.parametrize(
    ("date_text", "clause", "expected"),
    [
        # a copula and an adjective after a narrative step: how things stood, no happening
        (
            "Two decades later",
            "Two decades later the mood in the valley could hardly have been more different.",
            True,
        ),
        ("A year later", "A year later relations were warmer than at any time since 1979.", True),
        # a passive or an active verb after the step is a happening
        ("Two decades later", "Two decades later the second dam was finished.", False),
        ("A year later", "A year later the two foreign ministers met in Oslo.", False),
        ("The next year", "The next year Parliament was dissolved.", False),
        # a stated date is no step: the state is kept for the writer's own reasons
        ("in 1980", "in 1980 the mood in the valley was different.", False),
    ],
)
def test_a_state_dated_only_by_a_narrative_step_is_no_happening(date_text, clause, expected):
    assert steps_to_a_state(date_text, clause) is expected
