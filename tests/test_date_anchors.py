"""Which dates a story counts from: happenings anchor, names, comparisons and sources do not."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.dates.finder import find_dates

D = date


def found(text: str, reference: date) -> list[tuple[str, date | None, date | None, str]]:
    """Every match in ``text`` as (text, start, end, precision)."""
    return [(m.text, m.date_start, m.date_end, m.precision) for m in find_dates(text, reference)]


def last(text: str, reference: date) -> tuple[str, date | None, date | None, str]:
    return found(text, reference)[-1]


class TestAYearBeforeANounDatesAHappening:
    def test_a_census_year_anchors_the_following_year(self):
        text = (
            "According to the 2011 census, 40% of Kenyans were under 15. The following year, "
            "the government launched a school-feeding programme."
        )
        assert last(text, D(2024, 3, 15)) == (
            "The following year",
            D(2012, 1, 1),
            D(2012, 12, 31),
            "year",
        )

    def test_a_resolution_year_in_brackets_after_its_number_anchors(self):
        text = (
            "Security Council resolution 1701 (2006) ended the fighting. Two years later, "
            "Beirut and Damascus established diplomatic ties."
        )
        assert last(text, D(2024, 3, 15)) == (
            "Two years later",
            D(2008, 1, 1),
            D(2008, 12, 31),
            "year",
        )

    def test_days_after_a_bare_year_name_no_day(self):
        text = "The 1967 war reshaped the region. Three days later, the cabinet met."
        assert last(text, D(2023, 6, 8)) == ("Three days later", None, None, "unresolved")

    def test_a_year_before_a_proper_name_is_part_of_the_name(self):
        text = (
            "The 2006 Lombok Treaty governs security cooperation. The following year, "
            "the two navies held their first joint patrol."
        )
        assert last(text, D(2024, 3, 15))[1:] == (None, None, "unresolved")


class TestAComparisonYearIsNotTheStorysDate:
    def test_since_a_year_leaves_the_narrated_day_in_place(self):
        text = (
            "The Bank of Japan raised rates on 19 March 2024, its first hike since 2007. "
            "The yen fell 1% the following day."
        )
        assert last(text, D(2024, 3, 25)) == (
            "the following day",
            D(2024, 3, 20),
            D(2024, 3, 20),
            "day",
        )

    def test_since_a_date_when_something_happened_is_told(self):
        text = (
            "Unrest has gripped the islands since June 2000, when militants seized the capital. "
            "A peace deal was signed in October that year."
        )
        assert last(text, D(2003, 7, 24))[1] == D(2000, 10, 1)


class TestACitationIsNoAnchor:
    @pytest.mark.parametrize(
        "text",
        [
            "(Source: Reuters, 12 March 2019.) Two days later, the ministers met again.",
            "See also: Ministry of Foreign Affairs, Press release, 4 June 2018.\n"
            "The following week, the two ministers spoke by telephone.",
            "Ministry of Trade, Annual report, 30 June 2017.\nTwo days later, exports resumed.",
        ],
    )
    def test_a_step_after_a_source_line_is_not_counted_from_it(self, text):
        assert last(text, D(2024, 1, 10))[1:] == (None, None, "unresolved")

    def test_the_day_a_source_was_read_is_no_anchor(self):
        text = (
            "Ministry of Foreign Affairs of Peru, Press release (accessed 5 June 2018).\n"
            "Two days later, the talks resumed."
        )
        assert last(text, D(2024, 1, 10))[1:] == (None, None, "unresolved")

    def test_a_thing_retrieved_on_a_day_is_a_happening(self):
        text = "Divers retrieved the flight recorder on 3 May 2019. Two days later, it was read."
        assert last(text, D(2024, 1, 10))[1] == D(2019, 5, 5)

    def test_a_sentence_that_ends_on_a_date_after_a_comma_still_anchors(self):
        text = "The summit opened on Monday, 4 June 2018. Two days later, the leaders signed."
        assert last(text, D(2024, 1, 10))[1] == D(2018, 6, 6)


class TestAHeadingEndsAChronology:
    def test_an_entry_under_a_new_heading_takes_the_documents_year(self):
        text = "- 1991: Independence.\n- 1992: Joins the UN.\n\nUpcoming:\n- 5 June: Summit in Brussels.\n"
        assert last(text, D(2024, 3, 15))[1] == D(2024, 6, 5)

    def test_a_plain_heading_ends_a_year_headings_section(self):
        text = (
            "## 2019\n- 14 February: Talks in Oslo.\n\nUpcoming:\n- 5 June: Summit in Brussels.\n"
        )
        assert [m.date_start for m in find_dates(text, D(2024, 3, 15))] == [
            D(2019, 2, 14),
            D(2024, 6, 5),
        ]

    def test_entries_under_a_bare_year_line_stay_in_that_year(self):
        text = "2019\n\n14 February: Talks in Oslo.\n\n5 June: Summit in Brussels.\n"
        assert [m.date_start for m in find_dates(text, D(2024, 3, 15))] == [
            D(2019, 2, 14),
            D(2019, 6, 5),
        ]

    def test_entries_without_a_heading_keep_the_year_of_the_entry_before(self):
        text = "- 14 March 2009: Border talks.\n- 2 June: Ceasefire.\n"
        assert last(text, D(2024, 3, 15))[1] == D(2009, 6, 2)


class TestThatMonthAfterAYear:
    def test_that_december_is_in_the_year_last_told(self):
        text = "In 1991, the Soviet Union dissolved. That December, Gorbachev resigned."
        assert last(text, D(2023, 6, 1)) == (
            "That December",
            D(1991, 12, 1),
            D(1991, 12, 31),
            "month",
        )

    def test_that_may_after_said_is_a_name(self):
        text = "In 2019 officials said that May would step down."
        assert [m.text for m in find_dates(text, D(2019, 5, 24))] == ["2019"]

    def test_the_end_of_the_month_after_a_bare_year_names_no_month(self):
        text = (
            "In 2016, the UK voted to leave the EU. By the end of the month, the prime "
            "minister had resigned."
        )
        assert last(text, D(2024, 3, 20)) == ("the end of the month", None, None, "unresolved")


class TestAPastEventIsNotAfterTheDocumentDate:
    @pytest.mark.parametrize(
        "text",
        [
            "The cyclone struck on March 20, killing 30 people.",
            "The ceasefire expired on 20 March.",
        ],
    )
    def test_a_past_event_days_after_the_document_date_is_last_year(self, text):
        assert last(text, D(2024, 3, 15))[1] == D(2023, 3, 20)

    def test_a_past_event_on_the_next_day_is_a_time_zone_away(self):
        assert last("The ceasefire expired on 16 March.", D(2024, 3, 15))[1] == D(2024, 3, 16)


class TestMonthsOfTheYear:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            (
                "Exports rose 5% in the first nine months of the year.",
                D(2024, 1, 1),
                D(2024, 9, 30),
            ),
            (
                "Tourist arrivals fell in the last three months of last year.",
                D(2023, 10, 1),
                D(2023, 12, 31),
            ),
            (
                "The 2019 budget was tight: in the first six months of the year, revenue fell.",
                D(2019, 1, 1),
                D(2019, 6, 30),
            ),
        ],
    )
    def test_the_year_is_the_paragraphs_or_the_documents(self, text, start, end):
        assert last(text, D(2024, 11, 15))[1:] == (start, end, "range")

    def test_months_with_no_year_named_are_no_date(self):
        assert (
            find_dates("The first three months were hard for the new cabinet.", D(2024, 1, 5)) == []
        )


@pytest.mark.parametrize(
    "text",
    [
        "The ministry's 2000 staff were evacuated overnight.",
        "The 1500 residents of the island were moved inland.",
    ],
)
def test_a_number_before_people_is_a_count(text):
    assert find_dates(text, D(2024, 3, 15)) == []


def test_a_possessive_year_before_a_happening_is_a_year():
    assert found("Erdogan's 2018 visit sealed the deal.", D(2024, 3, 15)) == [
        ("2018", D(2018, 1, 1), D(2018, 12, 31), "year")
    ]


class TestAParagraphOfMilestones:
    def test_after_a_later_year_a_year_less_date_is_the_documents_year(self):
        text = (
            "The 2008 strategic dialogue gave ties a framework, and the prime minister's 2022 "
            "visit to Canberra raised them to a comprehensive partnership. Trade ministers met "
            "in Jakarta in March 2012. The foreign minister met her counterpart in Bali on "
            "October 14."
        )
        assert last(text, D(2022, 12, 1))[1] == D(2022, 10, 14)

    def test_a_story_told_in_order_keeps_the_year_it_told(self):
        text = (
            "Ties were restored in 1994. Trade ministers met in Jakarta in March 2012. The "
            "foreign minister met her counterpart in Bali on October 14."
        )
        assert last(text, D(2022, 12, 1))[1] == D(2012, 10, 14)
