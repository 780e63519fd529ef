"""Narrative dates count from the date last told; chronology entries run forward in one year."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.dates.finder import find_dates

D = date
REF = D(2024, 5, 10)


def last(text: str, reference: date | None = REF):
    """The last match in ``text`` as (text, start, end, precision)."""
    m = find_dates(text, reference)[-1]
    return m.text, m.date_start, m.date_end, m.precision


# text, expected (matched text, start, end, precision) of the last date in it
STEPS = [
    (
        "Talks opened in Nairobi on 12 March 2015. Four days later the delegations signed.",
        ("Four days later", D(2015, 3, 16), D(2015, 3, 16), "day"),
    ),
    (
        "The two delegations met from 3 to 5 May 2019 and initialled the text two days later.",
        ("two days later", D(2019, 5, 7), D(2019, 5, 7), "day"),  # counted from the end
    ),
    (
        "The embassy closed in June 2008; a year later it reopened.",
        ("a year later", D(2009, 1, 1), D(2009, 12, 31), "year"),  # the step's grain
    ),
    (
        "The embassy closed in June 2008; two months later it reopened.",
        ("two months later", D(2008, 8, 1), D(2008, 8, 31), "month"),
    ),
    (
        "Mandela was released on 11 February 1990. Four years later he was elected president.",
        ("Four years later", D(1994, 1, 1), D(1994, 12, 31), "year"),
    ),
    (
        "He was ambassador in Tokyo from 1998 to 2003. A year later he became foreign minister.",
        ("A year later", D(2004, 1, 1), D(2004, 12, 31), "year"),  # from the span's end
    ),
    (
        "Diplomatic ties were cut in 1998. Six years later they were restored.",
        ("Six years later", D(2004, 1, 1), D(2004, 12, 31), "year"),
    ),
    (
        "The pipeline deal was signed in October 2003, and work began the following year.",
        ("the following year", D(2004, 1, 1), D(2004, 12, 31), "year"),
    ),
    (
        "The council met on 9 February 2012. The next month, it adopted the plan.",
        ("The next month", D(2012, 3, 1), D(2012, 3, 31), "month"),
    ),
    (
        "The first draft was tabled in November 2009 and ratified the following August.",
        ("the following August", D(2010, 8, 1), D(2010, 8, 31), "month"),
    ),
    (
        "Talks resumed in 1996, and an accord was signed on 14 December that year.",
        ("14 December that year", D(1996, 12, 14), D(1996, 12, 14), "day"),
    ),
    (
        "The border reopened in 2016, with rail links restored in August of that year.",
        ("August of that year", D(2016, 8, 1), D(2016, 8, 31), "month"),
    ),
    (
        "Elections were held in 2006; the opposition had boycotted a vote the year before.",
        ("the year before", D(2005, 1, 1), D(2005, 12, 31), "year"),
    ),
    (
        "The ferry sank on 21 May 1996. A few hours later rescue boats reached the lake.",
        ("A few hours later", D(1996, 5, 21), D(1996, 5, 21), "day"),
    ),
    (
        "The ministers met on 2 May 2015. A year earlier, his predecessor had come.",
        ("A year earlier", D(2014, 5, 2), D(2014, 5, 2), "day"),  # looking back: like with like
    ),
]


@pytest.mark.parametrize(("text", "expected"), STEPS)
def test_a_step_counts_from_the_date_last_narrated_at_its_precision(text, expected):
    assert last(text) == expected


def test_later_that_month_is_the_rest_of_the_narrated_month():
    text = (
        "Protests began on 3 April 1994. Later that month the cabinet resigned. "
        "Earlier that month the army had been called in."
    )
    assert [(m.date_start, m.date_end, m.modifier) for m in find_dates(text, REF)[1:]] == [
        (D(1994, 4, 4), D(1994, 4, 30), "later"),
        (D(1994, 4, 1), D(1994, 4, 2), "earlier"),
    ]


def test_steps_chain_forward():
    text = "Talks opened on 4 May 2019. Three days later they signed. A week later they met again."
    assert [m.date_start for m in find_dates(text, REF)] == [
        D(2019, 5, 4),
        D(2019, 5, 7),
        D(2019, 5, 14),
    ]


def test_a_look_back_does_not_move_the_story():
    text = (
        "The minister arrived on 2 May 2015. A year earlier, his predecessor had come. "
        "Three days later the minister left."
    )
    assert last(text)[1] == D(2015, 5, 5)


def test_a_vague_date_is_no_anchor():
    text = "The treaty was signed on 5 March 2001. Ties have recently improved; the following year"
    assert last(text)[1:] == (D(2002, 1, 1), D(2002, 12, 31), "year")


class TestDeicticStaysWithTheDocumentDate:
    def test_next_month_without_the_counts_from_the_document_date(self):
        text = "The council met on 9 February 2012. The plan will be adopted next month."
        assert last(text)[1] == D(2024, 6, 1)

    def test_a_comparison_counts_back_from_the_time_of_writing(self):
        text = "The minister visited on 2 May 2015. Exports rose 8% from a year earlier."
        assert last(text)[1:] == (D(2023, 1, 1), D(2023, 12, 31), "year")

    def test_forty_years_ago_today_is_that_very_day(self):
        text = "Forty years ago today, the two armies crossed the river."
        assert last(text, D(2020, 9, 22))[1:] == (D(1980, 9, 22), D(1980, 9, 22), "day")

    def test_this_year_after_a_day_names_its_year(self):
        text = "The parties signed a ceasefire on 23 June this year."
        assert last(text, D(2016, 8, 24))[:3] == (
            "23 June this year",
            D(2016, 6, 23),
            D(2016, 6, 23),
        )

    def test_with_nothing_narrated_a_future_step_counts_from_the_document_date(self):
        text = "Three days later the ministers will leave for Geneva."
        assert last(text, D(2024, 5, 10))[1] == D(2024, 5, 13)

    @pytest.mark.parametrize(
        "text",
        [
            "Three days later the ministers left.",
            "Smith (2015) argued that the coalition was fragile. Two years later it collapsed.",
            "The following year, the government launched a literacy programme.",
            "The next day, the talks collapsed.",
        ],
    )
    def test_with_nothing_narrated_a_past_step_is_unresolved(self, text):
        m = find_dates(text, D(2024, 5, 10))[-1]
        assert (m.date_start, m.date_end, m.precision) == (None, None, "unresolved")


@pytest.mark.parametrize(
    "text",
    [
        "Voters queued for hours the day before the vote.",  # counted from an event, not a date
        "Imports that year were small.",  # "that year" with no year told
    ],
)
def test_no_date_without_an_anchor_to_count_from(text):
    assert find_dates(text, REF) == []


class TestChronologyEntries:
    def test_year_less_entries_take_the_year_of_the_entry_before(self):
        text = (
            "Chronology\n\nJanuary 23, 2011: Talks open in Geneva.\n"
            "September 1: A framework accord is initialled.\n"
            "February 3: Parliament ratifies the accord.\n"
        )
        assert [m.date_start for m in find_dates(text, REF)] == [
            D(2011, 1, 23),
            D(2011, 9, 1),
            D(2011, 2, 3),  # entries run forward only when a year says so
        ]

    def test_entries_separated_by_blank_lines_too(self):
        text = "- 14 March 2009 - Border talks.\n\n- 2 June - Ceasefire.\n\n- 30 June - Accord."
        assert [m.date_start for m in find_dates(text, REF)] == [
            D(2009, 3, 14),
            D(2009, 6, 2),
            D(2009, 6, 30),
        ]

    def test_a_year_heading_starts_a_new_year(self):
        text = "5 June 2017: Talks.\n1 October: Visit.\n\n2018\n3 March: Summit.\n"
        assert [m.date_start for m in find_dates(text, REF)] == [
            D(2017, 6, 5),
            D(2017, 10, 1),
            D(2018, 3, 3),
        ]

    def test_a_step_inside_an_entry_counts_from_that_entry(self):
        text = "2018\n14 July - The president arrives; the embassy reopens two days later.\n"
        assert [m.date_start for m in find_dates(text, D(2019, 10, 18))] == [
            D(2018, 7, 14),
            D(2018, 7, 16),
        ]


class TestYearsThatNameAThing:
    def test_a_year_inside_a_name_is_no_anchor_for_the_story(self):
        text = (
            "Jakarta recalled its envoy on 18 November 2013 and suspended cooperation under "
            "the 2006 Lombok Treaty. A code of conduct, signed the following August, ended it."
        )
        assert last(text)[1] == D(2014, 8, 1)

    def test_a_bracketed_year_in_a_sentence_that_told_its_day_is_no_anchor(self):
        text = "The state was admitted on 8 April 1993, as resolution 817 (1993) had urged the day before."
        assert last(text)[1] == D(1993, 4, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ottawa expelled a diplomat on 18 September 2023; Delhi replied the next morning.",
            D(2023, 9, 19),
        ),
        (
            "The accord was signed on 2 March 2001, and the leaders dined together that evening.",
            D(2001, 3, 2),
        ),
    ],
)
def test_a_part_of_a_narrated_day(text, expected):
    assert last(text)[1:] == (expected, expected, "day")


@pytest.mark.parametrize(
    ("text", "start", "end", "modifier"),
    [
        (
            "The crossing closed in April 2019; by the end of the month all were shut.",
            D(2019, 4, 24),
            D(2019, 4, 30),
            "end",
        ),
        (
            "Trade talks paused at the start of the month.",
            D(2024, 5, 1),
            D(2024, 5, 7),
            "beginning",
        ),
    ],
)
def test_a_part_of_the_narrated_month_or_else_of_this_one(text, start, end, modifier):
    m = find_dates(text, REF)[-1]
    assert (m.date_start, m.date_end, m.precision, m.modifier) == (
        start,
        end,
        "approximate",
        modifier,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ties were upgraded in 2013. Later that month the envoys met.",  # no month was told
        "Ties were upgraded in 2013. That same month the envoys met.",
    ],
)
def test_that_month_after_a_bare_year_names_no_month(text):
    assert [m.text for m in find_dates(text, REF)] == ["2013"]


def test_a_future_end_of_the_month_is_this_month():
    text = (
        "Ties were upgraded in May 2013. A second shipment will leave before the end of the month."
    )
    assert last(text)[1:] == (D(2024, 5, 25), D(2024, 5, 31), "approximate")


class TestHistoryRunsForward:
    def test_a_month_after_a_narrated_date_is_the_next_one(self):
        text = "The court ruled on 25 January 1978. By December the two armies were mobilised."
        assert last(text)[1] == D(1978, 12, 1)

    def test_a_few_weeks_back_stays_in_the_narrated_year(self):
        text = "The accord was signed on 3 March 2015. In mid-February the drafts were exchanged."
        assert last(text)[1].year == 2015

    def test_a_pluperfect_steps_back_to_the_nearest_year(self):
        text = "The court ruled on 25 January 1978. In December the parties had agreed to it."
        assert last(text)[1] == D(1977, 12, 1)

    def test_near_the_time_of_writing_the_nearest_year_wins(self):
        text = "Prices rose in January 2024. In December they had been flat."
        assert last(text, D(2024, 2, 20))[1] == D(2023, 12, 1)


def test_a_vague_step_in_a_story_counts_from_the_narrated_date():
    m = find_dates("Ties were cut in March 1998. Several years later they were restored.", REF)[-1]
    assert (m.date_start, m.date_end, m.precision, m.modifier) == (
        D(2000, 3, 30),
        D(2003, 3, 30),
        "approximate",
        "about",
    )


class TestAYearThatFramesTheStory:
    def test_a_year_opening_a_sentence_lends_its_year_to_the_paragraph(self):
        text = (
            "By 1975 the rebels had been pushed back towards the border. Omani aircraft "
            "struck gun positions at Hauf in October, and on 11 December the sultan "
            "declared the war over."
        )
        assert [(m.text, m.date_start) for m in find_dates(text, D(2019, 4, 1))] == [
            ("1975", D(1975, 1, 1)),
            ("October", D(1975, 10, 1)),
            ("11 December", D(1975, 12, 11)),
        ]

    def test_a_year_before_a_noun_frames_nothing_beyond_its_sentence(self):
        text = "The 1975 offensive was planned in Muscat. On 11 December the sultan spoke."
        assert last(text, D(2019, 4, 1))[1] == D(2018, 12, 11)

    def test_a_story_about_now_is_not_framed_by_an_older_year(self):
        text = "In 2019, the plant closed. Output fell again in March, the ministry said on Monday."
        assert [m.date_start for m in find_dates(text, D(2023, 5, 16))][1] == D(2023, 3, 1)


class TestNarratedSeasons:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            # the next such season after the narrated date
            (
                "The contract was signed in December 1973. Engineers arrived the following spring.",
                D(1974, 3, 1),
                D(1974, 5, 31),
            ),
            (
                "The dam was finished in April 1980. The following spring the valley flooded.",
                D(1981, 3, 1),
                D(1981, 5, 31),
            ),
            # after a whole year, the winter that begins in its December
            (
                "Gas exports were cut in 2004. The following winter was the coldest in years.",
                D(2004, 12, 1),
                D(2005, 2, 28),
            ),
            (
                "Gas exports were cut in January 1976. The following winter was harsh.",
                D(1976, 12, 1),
                D(1977, 2, 28),
            ),
            # the season of the narrated year
            (
                "Talks opened in March 1976. The ministers met in Riyadh that autumn.",
                D(1976, 9, 1),
                D(1976, 11, 30),
            ),
            # a January lies in the winter that began the December before
            (
                "The treaty was signed in January 1976. That winter the border stayed shut.",
                D(1975, 12, 1),
                D(1976, 2, 29),
            ),
            # the last such season before it
            (
                "The flood came in August 1998. The previous spring had been dry.",
                D(1998, 3, 1),
                D(1998, 5, 31),
            ),
        ],
    )
    def test_a_season_counted_from_the_narrated_date(self, text, start, end):
        assert last(text, D(2019, 4, 1))[1:3] == (start, end)

    @pytest.mark.parametrize(
        ("text", "reference", "start"),
        [
            (
                "In 1975, the rebels retreated. Omani jets struck Hauf in the autumn.",
                D(2019, 4, 1),
                D(1975, 9, 1),
            ),
            (
                "Talks opened in March 1976. The ministers met again in the autumn.",
                None,
                D(1976, 9, 1),
            ),
            # a story about now: the older year is background, the autumn is this year's
            (
                "The camp opened in October 2021. A decision is expected in the autumn, "
                "officials said on Tuesday.",
                D(2023, 5, 16),
                D(2023, 9, 1),
            ),
        ],
    )
    def test_a_bare_season_in_a_story_told_long_after_is_in_the_storys_year(
        self, text, reference, start
    ):
        assert [m.date_start for m in find_dates(text, reference) if "autumn" in m.text] == [start]

    def test_a_future_following_season_counts_from_the_document_date(self):
        text = "The line will open next year; the following spring, trains will reach the coast."
        assert last(text, D(2019, 4, 1))[1:3] == (D(2021, 3, 1), D(2021, 5, 31))

    def test_a_past_following_season_with_nothing_narrated_is_unresolved(self):
        assert last("The following spring, trains ran to the coast.", D(2019, 4, 1))[1:] == (
            None,
            None,
            "unresolved",
        )

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("Prices that fall in winter rise again in March 2020.", ["March 2020"]),
            ("The town drew on the same spring water in 1900.", ["1900"]),
        ],
    )
    def test_that_or_same_before_a_season_word_is_no_date_unless_it_is_a_season(self, text, found):
        assert [m.text for m in find_dates(text, D(2019, 4, 1))] == found


class TestAYearlessMonthInHistory:
    @pytest.mark.parametrize(
        "text",
        [
            # a relative clause of the same sentence looks back: the writer would name
            # another year
            "On 3 April 1961 Tito met King Hassan II, who came to the throne in February.",
            "3–6 April 1961 – Morocco – state visit; met Hassan II, who had come to the throne in February.",
            # an irregular pluperfect in the next sentence steps back too
            "On 3 April 1961 Tito met the king. The king had come to the throne in February.",
        ],
    )
    def test_an_earlier_month_stays_in_the_narrated_year(self, text):
        assert last(text)[1:3] == (D(1961, 2, 1), D(1961, 2, 28))

    def test_a_later_sentence_without_a_step_back_still_runs_forward(self):
        text = "The border talks opened on 25 April 1978. In February both armies mobilised."
        assert last(text)[1] == D(1979, 2, 1)


def test_a_narrative_step_lends_its_year_to_the_yearless_dates_after_it():
    text = (
        "In 2012 Peru and Chile upgraded ties. The following year, they signed a trade pact. "
        "In March, the ministers met in Lima."
    )
    assert last(text, D(2020, 7, 1))[1:3] == (D(2013, 3, 1), D(2013, 3, 31))
