"""find_dates: input -> expected tables, one row per date form or trap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chronicle.ingest.dates.finder import find_dates

D = date
REF = D(2018, 1, 10)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def only(text: str, reference: date | None = REF):
    """The single match in ``text`` (fails if there is not exactly one)."""
    found = find_dates(text, reference)
    assert len(found) == 1, found
    return found[0]


# text, matched span, date_start, date_end, precision
SINGLE = [
    ("on January 4, 2018.", "January 4, 2018", D(2018, 1, 4), D(2018, 1, 4), "day"),
    ("Islamabad, 26 July 2022 (TDI)", "26 July 2022", D(2022, 7, 26), D(2022, 7, 26), "day"),
    ("on 28th April 1952.", "28th April 1952", D(1952, 4, 28), D(1952, 4, 28), "day"),
    (
        "from 20-24 October, 2019 to",
        "20-24 October, 2019",
        D(2019, 10, 20),
        D(2019, 10, 24),
        "range",
    ),
    ("on January 3-4, 2018.", "January 3-4, 2018", D(2018, 1, 3), D(2018, 1, 4), "range"),
    ("on May 24-26, 2012.", "May 24-26, 2012", D(2012, 5, 24), D(2012, 5, 26), "range"),
    ("on 21-23 February 2011,", "21-23 February 2011", D(2011, 2, 21), D(2011, 2, 23), "range"),
    ("in April 2019.", "April 2019", D(2019, 4, 1), D(2019, 4, 30), "month"),
    ("in November 2016 and", "November 2016", D(2016, 11, 1), D(2016, 11, 30), "month"),
    ("on Jan. 4 the", "Jan. 4", D(2018, 1, 4), D(2018, 1, 4), "day"),
    ("Sept. 30, 1998, he", "Sept. 30, 1998", D(1998, 9, 30), D(1998, 9, 30), "day"),
    ("dated 1998-08-07 in", "1998-08-07", D(1998, 8, 7), D(1998, 8, 7), "day"),
    ("sent 08/07/1998 by", "08/07/1998", D(1998, 8, 7), D(1998, 8, 7), "day"),  # US order
    ("sent 25/12/1998 by", "25/12/1998", D(1998, 12, 25), D(1998, 12, 25), "day"),  # day first
    (
        "during 2016-17, which",
        "2016-17",
        D(2016, 4, 1),
        D(2017, 6, 30),
        "approximate",
    ),  # fiscal year: holds Apr-Mar and Jul-Jun
    ("during 2012-2017 as", "2012-2017", D(2012, 1, 1), D(2017, 12, 31), "range"),
    ("in the 1990s when", "the 1990s", D(1990, 1, 1), D(1999, 12, 31), "approximate"),
    (
        "in the first quarter of 2019",
        "the first quarter of 2019",
        D(2019, 1, 1),
        D(2019, 3, 31),
        "range",
    ),
    ("in spring 2010 the", "spring 2010", D(2010, 3, 1), D(2010, 5, 31), "approximate"),
    ("vol. 2, no. 1 (Summer 2016).", "Summer 2016", D(2016, 6, 1), D(2016, 8, 31), "approximate"),
    ("this year", "this year", D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("Last year also marked", "Last year", D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("two years ago", "two years ago", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("he left yesterday.", "yesterday", D(2018, 1, 9), D(2018, 1, 9), "day"),
    ("he arrives today.", "today", REF, REF, "day"),
    ("it met last week.", "last week", D(2018, 1, 1), D(2018, 1, 7), "approximate"),
    ("due next month.", "next month", D(2018, 2, 1), D(2018, 2, 28), "month"),
    ("the minister said Tuesday.", "Tuesday", D(2018, 1, 9), D(2018, 1, 9), "day"),  # past default
    ("the minister will visit on Friday.", "Friday", D(2018, 1, 12), D(2018, 1, 12), "day"),
    (
        "signed in nineteen ninety-six",
        "nineteen ninety-six",
        D(1996, 1, 1),
        D(1996, 12, 31),
        "year",
    ),
    ("in the third quarter of", "the third quarter", D(2017, 7, 1), D(2017, 9, 30), "range"),
]


@pytest.mark.parametrize(("text", "span", "start", "end", "precision"), SINGLE)
def test_single_expression(text, span, start, end, precision):
    m = only(text)
    assert (m.text, m.date_start, m.date_end, m.precision) == (span, start, end, precision)
    assert text[m.start : m.end] == m.text


# text, expected modifier
MODIFIERS = [
    ("ties since 1947, security", "since"),
    ("by early 2019 the", "early"),
    ("in mid-2019 the", "mid"),
    ("until late 2019 the", "late"),
    ("before 2005 the", "before"),
    ("in the past five years", "past"),
]


@pytest.mark.parametrize(("text", "modifier"), MODIFIERS)
def test_modifier(text, modifier):
    assert only(text).modifier == modifier


def test_approximate_sub_year():
    m = only("in early 2019 the")
    assert (m.precision, m.date_start.year, m.date_end.year) == ("approximate", 2019, 2019)
    assert m.date_end < D(2019, 6, 1)


# Things that are not dates at all.
NOT_DATES = [
    "Japan may not be fully satisfied.",  # "may" the verb
    "They will march on the capital.",  # "march" the verb
    "March with us.",  # capitalised verb, no day or year
    "Phone: +92-920-4423, 24",  # phone number
    "Fax: +92-920-4658",
    "Japan invested US$ 45.2 million.",  # money
    "which comprised 1.8 per cent of FDI",  # percentage
    "around 19,000 strong Pakistani diaspora",  # quantity
    "2012\t389\t1,860\t2,249",  # table row of numbers
    "supported growth for 65 years, and",  # duration, not a date
    "celebrated the 70th anniversary of ties",  # ordinal
    "see page 2017 of the report",  # page number
    "a total of 2000 troops",  # count that looks like a year
    "room 1204, building 3",  # plain numbers
    "the fall of Kabul",  # season word without a year
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_dates(text, REF) == []


def test_coordinated_years_are_two_matches():
    found = find_dates("visits were exchanged in 2005 and 2011 when", REF)
    assert [(m.text, m.precision, m.date_start) for m in found] == [
        ("2005", "year", D(2005, 1, 1)),
        ("2011", "year", D(2011, 1, 1)),
    ]
    assert [m.text for m in find_dates("in 2020 and 2021 due to", None)] == ["2020", "2021"]


def test_bare_year_needs_context():
    assert find_dates("The 2012 389 1,860", REF) == []
    assert [m.text for m in find_dates("Board of Investment, 2017.", REF)] == ["2017"]
    assert find_dates("since 1850 the", REF)[0].date_start == D(1850, 1, 1)  # strong context
    assert find_dates("code 1850 the", REF) == []


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("On May 1, commencing", D(2017, 5, 1), D(2017, 5, 1)),
        ("On Thursday, January 4, from", D(2018, 1, 4), D(2018, 1, 4)),
        # near a year boundary the nearest year wins
        ("held on December 30 in", D(2018, 1, 3), D(2017, 12, 30)),
        ("to be held on January 3 in", D(2017, 12, 28), D(2018, 1, 3)),
    ],
)
def test_year_from_reference(text, reference, expected):
    assert only(text, reference).date_start == expected


def test_year_from_preceding_explicit_year_in_paragraph():
    text = "Earlier, in December 2017, the meeting in Islamabad on December 19 had also held talks."
    found = find_dates(text, D(2018, 1, 10))
    assert [(m.text, m.date_start) for m in found] == [
        ("December 2017", D(2017, 12, 1)),
        ("December 19", D(2017, 12, 19)),
    ]
    # the anchor is used only within the paragraph; later paragraphs use the reference
    text = "In 2009 he visited.\n\nHe returns on March 3."
    assert find_dates(text, D(2018, 1, 10))[-1].date_start == D(2018, 3, 3)


def test_time_kept_as_detail_of_its_day():
    text = (
        "On Thursday, January 4, from 11:38 a.m. (local time) for approximately two hours "
        "and ten minutes, Mr. Taro Kono held a meeting."
    )
    (m,) = find_dates(text, D(2018, 1, 4))
    assert m.detail == "from 11:38 a.m. (local time) for approximately two hours and ten minutes"
    assert m.date_start == D(2018, 1, 4)


def test_relative_without_reference_is_unresolved():
    for text in ("this year", "last week", "yesterday", "Tuesday", "On May 1", "two years ago"):
        m = only(text, None)
        assert (m.precision, m.date_start, m.date_end) == ("unresolved", None, None), text


def test_spans_are_exact():
    text = (FIXTURES / "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt").read_text()
    for m in find_dates(text, REF):
        assert text[m.start : m.end] == m.text


# Every date of the five seed documents: (fixture, reference, [(text, start, end, precision)])
FIXTURE_DATES = [
    (
        "2018-01-04-mofa-japan-pakistan-foreign-ministers-meeting.txt",
        D(2018, 1, 4),
        [
            ("January 4, 2018", D(2018, 1, 4), D(2018, 1, 4), "day"),
            ("Thursday, January 4", D(2018, 1, 4), D(2018, 1, 4), "day"),
            ("this year", D(2018, 1, 1), D(2018, 12, 31), "year"),
        ],
    ),
    (
        "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt",
        D(2022, 7, 26),
        [
            ("26 July 2022", D(2022, 7, 26), D(2022, 7, 26), "day"),
            ("1947", D(1947, 1, 1), D(1947, 12, 31), "year"),
            ("28 April 1952", D(1952, 4, 28), D(1952, 4, 28), "day"),
            ("21-23 February 2011", D(2011, 2, 21), D(2011, 2, 23), "range"),
            ("This year", D(2022, 1, 1), D(2022, 12, 31), "year"),
        ],
    ),
    (
        "undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt",
        None,
        [
            ("28th April 1952", D(1952, 4, 28), D(1952, 4, 28), "day"),
            ("2020", D(2020, 1, 1), D(2020, 12, 31), "year"),
            ("2021", D(2021, 1, 1), D(2021, 12, 31), "year"),
            ("20-24 October, 2019", D(2019, 10, 20), D(2019, 10, 24), "range"),
            ("April 2019", D(2019, 4, 1), D(2019, 4, 30), "month"),
        ],
    ),
    (
        "2017-05-01-mofa-japan-kazakhstan-foreign-ministers-meeting.txt",
        D(2017, 5, 1),
        [
            ("May 1, 2017", D(2017, 5, 1), D(2017, 5, 1), "day"),
            ("May 1", D(2017, 5, 1), D(2017, 5, 1), "day"),
            ("this year", D(2017, 1, 1), D(2017, 12, 31), "year"),
            ("November 2016", D(2016, 11, 1), D(2016, 11, 30), "month"),
            ("this year", D(2017, 1, 1), D(2017, 12, 31), "year"),
        ],
    ),
    (
        "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt",
        D(2018, 1, 10),
        [
            ("January 10, 2018", D(2018, 1, 10), D(2018, 1, 10), "day"),
            ("January 3-4, 2018", D(2018, 1, 3), D(2018, 1, 4), "range"),
            ("Last year", D(2017, 1, 1), D(2017, 12, 31), "year"),
            ("October 12, 2009", D(2009, 10, 12), D(2009, 10, 12), "day"),
            ("May 24-26, 2012", D(2012, 5, 24), D(2012, 5, 26), "range"),
            ("2005", D(2005, 1, 1), D(2005, 12, 31), "year"),
            ("2011", D(2011, 1, 1), D(2011, 12, 31), "year"),
            ("December 30, 2017", D(2017, 12, 30), D(2017, 12, 30), "day"),
            ("December 2017", D(2017, 12, 1), D(2017, 12, 31), "month"),
            ("December 19", D(2017, 12, 19), D(2017, 12, 19), "day"),
            ("November 11, 2016", D(2016, 11, 11), D(2016, 11, 11), "day"),
            ("January 5, 2018", D(2018, 1, 5), D(2018, 1, 5), "day"),
            ("December 22, 2017", D(2017, 12, 22), D(2017, 12, 22), "day"),
            ("Summer 2016", D(2016, 6, 1), D(2016, 8, 31), "approximate"),
            ("December 4, 2018", D(2018, 12, 4), D(2018, 12, 4), "day"),  # as printed
            ("September 14, 2017", D(2017, 9, 14), D(2017, 9, 14), "day"),
            ("August 11, 2015", D(2015, 8, 11), D(2015, 8, 11), "day"),
            ("November 7, 2017", D(2017, 11, 7), D(2017, 11, 7), "day"),
            ("June 5, 2017", D(2017, 6, 5), D(2017, 6, 5), "day"),
            ("November 22, 2017", D(2017, 11, 22), D(2017, 11, 22), "day"),
            ("2016", D(2016, 1, 1), D(2016, 12, 31), "year"),  # "Statistics*, 2016 & 2017"
            ("2017", D(2017, 1, 1), D(2017, 12, 31), "year"),
            ("2012-2017", D(2012, 1, 1), D(2017, 12, 31), "range"),
            # "US$ 45.2 million during 2016-17" in a Pakistani brief: its July-June year
            ("2016-17", D(2016, 7, 1), D(2017, 6, 30), "range"),
            ("2012-2017", D(2012, 1, 1), D(2017, 12, 31), "range"),
            ("2017", D(2017, 1, 1), D(2017, 12, 31), "year"),  # "Board of Investment, 2017."
            ("1947", D(1947, 1, 1), D(1947, 12, 31), "year"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "reference", "expected"), FIXTURE_DATES)
def test_fixture_dates(name, reference, expected):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    found = [
        (m.text, m.date_start, m.date_end, m.precision)
        for m in find_dates(text, reference)
        if m.modifier not in ("past", "present", "future")  # vague "recently", "the past N years"
    ]
    assert found == expected


# text, matched span, date_start, date_end: ranges whose two ends carry their own year
# or month, ranges joined by "between ... and", and ranges across a year end
CROSSING_RANGES = [
    (
        "from December 30, 1978 - January 3, 1979 in Tokyo",
        "December 30, 1978 - January 3, 1979",
        D(1978, 12, 30),
        D(1979, 1, 3),
    ),
    (
        "ran from 30 December 2018 until 2 January 2019.",
        "30 December 2018 until 2 January 2019",
        D(2018, 12, 30),
        D(2019, 1, 2),
    ),
    (
        "(30 Dec. 2018 – 2 Jan. 2019)",
        "30 Dec. 2018 – 2 Jan. 2019",
        D(2018, 12, 30),
        D(2019, 1, 2),
    ),
    (
        "talks between March 3 and April 5, 2012 were",
        "March 3 and April 5, 2012",
        D(2012, 3, 3),
        D(2012, 4, 5),
    ),
    ("Between 3 and 5 March 2012 talks", "3 and 5 March 2012", D(2012, 3, 3), D(2012, 3, 5)),
    (
        "from December 28 to January 3, 2019,",
        "December 28 to January 3, 2019",
        D(2018, 12, 28),
        D(2019, 1, 3),
    ),
    (
        "visited from December 28 to January 3.",
        "December 28 to January 3",
        D(2017, 12, 28),
        D(2018, 1, 3),
    ),
]


@pytest.mark.parametrize(("text", "span", "start", "end"), CROSSING_RANGES)
def test_range_with_both_ends_spelled_out(text, span, start, end):
    m = only(text)
    assert (m.text, m.date_start, m.date_end, m.precision) == (span, start, end, "range")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On May 3 and June 5, 2012 they met.", [D(2012, 5, 3), D(2012, 6, 5)]),
        ("on 3 May and 5 June 2012", [D(2012, 5, 3), D(2012, 6, 5)]),
        ("on March 4, April 6 and May 8, 2011", [D(2011, 3, 4), D(2011, 4, 6), D(2011, 5, 8)]),
        ("on December 30 and January 2, 2019", [D(2018, 12, 30), D(2019, 1, 2)]),
        ("on May 3 and 5, 2012", [D(2012, 5, 3)]),  # "and" without "between" is no range
    ],
)
def test_a_list_of_days_takes_the_year_written_after_its_last_day(text, expected):
    found = find_dates(text, REF)
    assert [m.date_start for m in found][: len(expected)] == expected
    assert all(m.precision == "day" for m in found[: len(expected)])


def test_and_joins_a_range_only_after_between():
    assert [m.text for m in find_dates("on May 3 and June 5, 2012", REF)] == [
        "May 3",
        "June 5, 2012",
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("he served from 2001 to 2005 as envoy", "2001 to 2005"),
        ("between 2001 and 2005 trade grew", "2001 and 2005"),
        ("from 2001 until 2005", "2001 until 2005"),
    ],
)
def test_year_ranges_in_words(text, span):
    m = only(text)
    assert (m.text, m.date_start, m.date_end, m.precision) == (
        span,
        D(2001, 1, 1),
        D(2005, 12, 31),
        "range",
    )


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("from March to May 2019 talks", "March to May 2019", D(2019, 3, 1), D(2019, 5, 31)),
        ("in March-May 2019", "March-May 2019", D(2019, 3, 1), D(2019, 5, 31)),
        ("between January and March 2020", "January and March 2020", D(2020, 1, 1), D(2020, 3, 31)),
        (
            "from December to February 2019",
            "December to February 2019",
            D(2018, 12, 1),
            D(2019, 2, 28),
        ),
        (
            "December 2018 to February 2019",
            "December 2018 to February 2019",
            D(2018, 12, 1),
            D(2019, 2, 28),
        ),
    ],
)
def test_month_ranges_share_the_trailing_year(text, span, start, end):
    m = only(text)
    assert (m.text, m.date_start, m.date_end, m.precision) == (span, start, end, "range")


def test_a_list_of_months_takes_the_year_written_after_the_last():
    found = find_dates("In January and February 2020 the talks stalled.", REF)
    assert [(m.date_start, m.precision) for m in found] == [
        (D(2020, 1, 1), "month"),
        (D(2020, 2, 1), "month"),
    ]


def test_a_datetime_reference_works_like_its_date():
    from datetime import datetime

    found = find_dates(
        "On January 4 they met; in 2018 they met again.", datetime(2018, 1, 10, 9, 30)
    )
    assert [(m.date_start, type(m.date_start)) for m in found] == [
        (D(2018, 1, 4), D),
        (D(2018, 1, 1), D),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 12 and 13 November 2017 the talks", [D(2017, 11, 12), D(2017, 11, 13)]),
        ("on 3rd and 4th March", [D(2018, 3, 3), D(2018, 3, 4)]),
        ("on 3, 4 and 5 May 2016", [D(2016, 5, 3), D(2016, 5, 4), D(2016, 5, 5)]),
        ("on March 3 and 4, 2019", [D(2019, 3, 3), D(2019, 3, 4)]),
        ("Chapter 4, 2019 edition", []),
        # no year: the list ends where the clause goes on
        (
            "The envoy, who visited Lusaka on June 8 and 9, had proposed a joint commission.",
            [D(2017, 6, 8), D(2017, 6, 9)],
        ),
        ("They met on May 3 and 4 in Lima.", [D(2017, 5, 3), D(2017, 5, 4)]),
        # before a noun the second number counts something
        ("On May 3 and 4 delegates arrived.", [D(2018, 5, 3)]),
    ],
)
def test_every_day_of_a_list_naming_its_month_once(text, expected):
    found = find_dates(text, REF)
    assert [m.date_start for m in found] == expected
    assert all(m.precision == "day" for m in found)


@pytest.mark.parametrize("text", ["The March was peaceful.", "They joined the March on Islamabad."])
def test_march_the_noun_is_no_date(text):
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(
    ("text", "span", "start", "precision"),
    [
        ("Posted 2022-07-26T10:00:00Z by staff", "2022-07-26", D(2022, 7, 26), "day"),
        ("signed on 4-Jan-2018 in Islamabad", "4-Jan-2018", D(2018, 1, 4), "day"),
        (
            "Talks were held on 3 May 2019. The following day, they left.",
            "The following day",
            D(2019, 5, 4),
            "day",
        ),
        ("He flew home the next day.", "the next day", D(2018, 1, 11), "day"),
        ("1947: Pakistan is created.", "1947", D(1947, 1, 1), "year"),
        ("- 2011 - Zardari visits Tokyo.", "2011", D(2011, 1, 1), "year"),
    ],
)
def test_more_written_forms(text, span, start, precision):
    m = find_dates(text, REF)[-1]
    assert (m.text, m.date_start, m.precision) == (span, start, precision)


def test_vague_counts_are_a_stretch_of_the_past_not_an_event():
    m = only("the plant closed several years ago")
    assert (m.precision, m.modifier) == ("approximate", "past")
    assert m.date_end < REF


@pytest.mark.parametrize(
    "text", ["the last day of the talks", "Call 2011: extension", "ref 12-Dec-2019-A"]
)
def test_no_date_in(text):
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Sunday Times reported it.", []),
        ("Monday Night Football", []),
        ("The Long March of 1934", ["1934"]),
        ("President Bill Clinton Saturday vowed to act.", ["Saturday"]),  # wire style
        ("In March 2019 Khan visited.", ["March 2019"]),
    ],
)
def test_weekdays_and_months_inside_names(text, found):
    assert [m.text for m in find_dates(text, REF)] == found


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # no year near the reference has Thursday 4 January: the weekday decides, tense picks
        ("On Thursday, January 4 the ministers met.", D(2022, 7, 26), D(2018, 1, 4)),
        ("On Thursday, January 4 the ministers will meet.", D(2022, 7, 26), D(2024, 1, 4)),
        ("On Thursday, January 4 the ministers met.", D(2018, 1, 10), D(2018, 1, 4)),
    ],
)
def test_a_weekday_beside_a_date_fixes_its_year(text, reference, expected):
    assert only(text, reference).date_start == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamabad, 10 January 2018: the note dated 04/01/2018 said", D(2018, 1, 4)),
        ("Washington, January 10, 2018: the note dated 04/01/2018 said", D(2018, 4, 1)),
        ("dated 26/07/2022 and then 04/08/2022", D(2022, 8, 4)),
        ("the note dated 04/01/2018 said", D(2018, 4, 1)),  # no evidence: month first
    ],
)
def test_numeric_dates_follow_the_order_the_document_writes_dates_in(text, expected):
    assert find_dates(text, REF)[-1].date_start == expected


def test_may_inside_a_list_of_months_is_the_month_but_not_after_a_comma_alone():
    assert [m.date_start for m in find_dates("In March, May and June 2019 they met", REF)] == [
        D(2019, 3, 1),
        D(2019, 5, 1),
        D(2019, 6, 1),
    ]
    assert [m.text for m in find_dates("In January, May said no.", REF)] == ["January"]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "The APEC forum will be held in San Francisco in November.",
            D(2023, 3, 3),
            D(2023, 11, 1),
        ),
        ("The meeting is to be held on October 20.", D(2023, 3, 3), D(2023, 10, 20)),
        ("The talks were held on October 20.", D(2023, 3, 3), D(2022, 10, 20)),
        ("The agreement will be signed on Monday.", D(2024, 1, 17), D(2024, 1, 22)),
        ("He said this Friday would be decisive.", D(2024, 1, 15), D(2024, 1, 19)),
        ("It was signed this Monday.", D(2024, 1, 17), D(2024, 1, 15)),
    ],
)
def test_future_in_the_passive_and_this_weekday(text, reference, expected):
    assert only(text, reference).date_start == expected


def test_a_year_heading_dates_the_entries_under_it():
    text = (
        "Timeline\n\n## 2008\n\n- November 26: Mumbai attacks.\n\n## 2019\n\n"
        "- 14 February: Pulwama attack.\n- 5 August: Article 370 revoked.\n\n2018\n"
        "January 4: Kono visits Islamabad.\n"
    )
    assert [m.date_start for m in find_dates(text, None)] == [
        D(2008, 11, 26),
        D(2019, 2, 14),
        D(2019, 8, 5),
        D(2018, 1, 4),
    ]


def test_a_column_of_years_is_a_table_not_headings():
    text = "Trade\n\n2018\n2019\n1.2\n\nTalks are due in March.\n"
    assert [m.date_start for m in find_dates(text, D(2022, 1, 1))] == [D(2022, 3, 1)]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "The council has been in office since January 2023. Elections are due by November.",
            D(2023, 6, 14),
            D(2023, 11, 1),
        ),
        (
            "The dialogue was held on 27 July 2023. The minister will attend the summit on 08 March.",
            D(2024, 3, 5),
            D(2024, 3, 8),
        ),
        (
            "The accord was first signed on Nov 17, 2021. Last month, the two sides renewed it, on October 22.",
            D(2024, 11, 9),
            D(2024, 10, 22),
        ),
    ],
)
def test_a_neighbouring_year_yields_to_tense_and_to_a_nearer_relative_date(
    text, reference, expected
):
    assert find_dates(text, reference)[-1].date_start == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is an honour to be with you this evening.", D(2018, 1, 10)),
        ("He arrived this morning.", D(2018, 1, 10)),
        ("Talks ended late last night.", D(2018, 1, 9)),
    ],
)
def test_parts_of_today(text, expected):
    m = only(text)
    assert (m.date_start, m.precision) == (expected, "day")


def test_counted_from_now():
    found = find_dates("Ten days from now the talks open.", REF)
    assert [(m.text, m.date_start) for m in found] == [("Ten days from now", D(2018, 1, 20))]


def test_a_future_auxiliary_far_back_in_a_long_clause_still_counts():
    text = (
        "The last round was held in New Delhi on 27 July 2023. EAM will also call on Prime "
        "Minister Kishida Fumio and participate in the Raisina Tokyo 2024 on 08 March."
    )
    assert find_dates(text, D(2024, 3, 5))[-1].date_start == D(2024, 3, 8)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the last week of December", D(2017, 12, 25), D(2017, 12, 31)),
        ("the first week of February 2024", D(2024, 2, 1), D(2024, 2, 7)),
        ("in the week of 19 February 2024", D(2024, 2, 19), D(2024, 2, 25)),
        ("the week of February 19, 2024", D(2024, 2, 19), D(2024, 2, 25)),
    ],
)
def test_weeks_of_a_month_or_of_a_day(text, start, end):
    m = only(text)
    assert (m.date_start, m.date_end, m.precision) == (start, end, "approximate")


def test_week_of_a_bare_month_stays_the_month():
    assert only("the week of February").precision == "month"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The next dialogue will be held in the fall.", D(2018, 9, 1)),
        ("They met in the summer.", D(2017, 6, 1)),
    ],
)
def test_a_season_without_a_year_is_read_by_tense(text, start):
    assert only(text).date_start == start


def test_a_bare_season_word_is_no_date():
    assert find_dates("Summer is hot in Islamabad.", REF) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In March 2010 the minister announced that he would visit Tokyo on 8 April.",
            D(2010, 4, 8),
        ),
        ("Timeline\n\n2010\n- 14 February: the minister will visit Tokyo.", D(2010, 2, 14)),
    ],
)
def test_tense_does_not_move_a_year_lent_by_context_away_from_it(text, expected):
    assert find_dates(text, D(2024, 5, 1))[-1].date_start == expected


@pytest.mark.parametrize(
    "text",
    [
        "Published March 2020",
        "Pakistan Floods May 2022: a timeline",
        "Signed in Islamabad March 2019",
    ],
)
def test_march_and_may_with_a_year_after_a_capitalised_word_are_months(text):
    assert only(text).precision == "month"


def test_another_heading_ends_a_year_section():
    text = "Timeline\n\n## 2019\n\n- 14 February: Pulwama.\n\n## Outlook\n\nTalks were held on 8 March.\n"
    assert [m.date_start for m in find_dates(text, D(2024, 5, 1))] == [
        D(2019, 2, 14),
        D(2024, 3, 8),
    ]


def test_a_month_range_followed_by_a_number():
    m = find_dates("From January to March 2020, 300 people died.", REF)[0]
    assert (m.text, m.date_start, m.date_end) == (
        "January to March 2020",
        D(2020, 1, 1),
        D(2020, 3, 31),
    )


def test_this_weekday_already_past_in_a_future_clause_is_next_weeks():
    assert only("They will meet this Friday.", D(2024, 1, 20)).date_start == D(2024, 1, 26)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # a verb telling a past event: the date lies before the writing, however near
        ("The new president took office on 1 January.", D(2023, 12, 4), D(2023, 1, 1)),
        ("The cyclone struck the coast on February 6.", D(2023, 12, 7), D(2023, 2, 6)),
        # a reporting verb or a deadline is no such evidence
        ("The deadline was extended to Jan. 5.", D(2023, 12, 4), D(2024, 1, 5)),
        ("The minister said talks on 8 January would decide it.", D(2023, 12, 4), D(2024, 1, 8)),
    ],
)
def test_a_past_event_on_a_year_less_day_is_not_after_the_document(text, reference, expected):
    assert only(text, reference).date_start == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("President Lula's 2009 visit to Maputo opened a credit line.", ["2009"]),
        ("Erdogan’s 2018 visit was short.", ["2018"]),
        ("Japan's 2000 Olympic team", []),  # a capitalised name after it: no sign of a year
    ],
)
def test_a_possessive_before_a_year_and_a_noun_makes_it_a_year(text, found):
    assert [m.text for m in find_dates(text, REF)] == found


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Exports rose 12% in the first nine months of 2019.", D(2019, 1, 1), D(2019, 9, 30)),
        ("Arrivals fell in the last three months of 2020.", D(2020, 10, 1), D(2020, 12, 31)),
    ],
)
def test_the_first_or_last_months_of_a_year(text, start, end):
    m = only(text)
    assert (m.date_start, m.date_end, m.precision) == (start, end, "range")


class TestEachWordListIsWrittenOnce:
    def test_a_lone_abbreviation_is_no_month_but_the_full_name_is(self):
        ref = date(2024, 3, 1)
        assert find_dates("Delegates will meet again in Sept to review the plan.", ref) == []
        m = find_dates("Delegates will meet again in September to review the plan.", ref)[0]
        assert (m.date_start, m.date_end, m.precision) == (
            date(2024, 9, 1),
            date(2024, 9, 30),
            "month",
        )

    def test_a_full_stop_after_an_abbreviated_month_ends_no_sentence(self):
        from chronicle.ingest.dates.context import SENTENCE_END

        assert SENTENCE_END.search("on 4 Sept. The") is None
        assert SENTENCE_END.search("on 4 Dec. Talks") is None
        assert SENTENCE_END.search("in Geneva. Talks").start() == 9

    def test_every_event_verb_is_a_past_cue(self):
        from chronicle.ingest.dates.context import EVENT_PAST, PAST_CUE

        assert all(PAST_CUE.fullmatch(verb) for verb in EVENT_PAST)

    def test_a_year_said_aloud_reads_the_counting_words(self):
        text = "The treaty dates from nineteen ninety-six, the year two thousand and one saw it extended."
        assert [m.date_start.year for m in find_dates(text, date(2024, 1, 1))] == [1996, 2001]


def test_a_long_date_dense_text_is_read_in_one_pass():
    line = (
        "On 3 March 2019 talks opened; on 4 March 2019 they paused; by 5 March 2019 they ended.\n"
    )
    matches = find_dates(line * 2000, date(2024, 1, 1))
    assert len(matches) == 6000
    assert (matches[-1].date_start, matches[-1].precision) == (date(2019, 3, 5), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fixed-date holiday is a day; without a year it reads its year like "on 1 January"
        ("The amnesty was announced on New Year's Day.", [("New Year's Day", D(2018, 1, 1))]),
        ("The truce began on Christmas Eve 2016.", [("Christmas Eve 2016", D(2016, 12, 24))]),
        ("On New Year’s Eve 2015 the king spoke.", [("New Year’s Eve 2015", D(2015, 12, 31))]),
        ("Crossings closed over Christmas 2014.", [("Christmas 2014", D(2014, 12, 25))]),
        ("Markets reopened after Boxing Day 2012.", [("Boxing Day 2012", D(2012, 12, 26))]),
        # "Christmas" naming a place or a season of shopping is no day
        ("The ship sailed to Christmas Island.", []),
        ("Christmas shopping fell by a tenth.", []),
        ("New Year celebrations were muted.", []),
    ],
)
def test_fixed_date_holidays_are_days(text, expected):
    found = find_dates(text, REF)
    assert [(m.text, m.date_start) for m in found] == expected
    assert all(m.date_end == m.date_start and m.precision == "day" for m in found)
