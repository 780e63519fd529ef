"""Year-less dates in a story about now are read from the time of writing, not from an
older year the text names for background; a clause that looks back ("since", "last met")
looks back from the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.dates.context import latest_by, tells_of_now
from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.own_time import dates_from_own_day, own_time_words

D = date


def found(text: str, reference: date) -> list[tuple[str, date | None, date | None]]:
    """Every match in ``text`` as (text, start, end)."""
    return [(m.text, m.date_start, m.date_end) for m in find_dates(text, reference)]


class TestAStoryAboutNowKeepsItsYear:
    def test_an_older_month_and_year_lends_nothing_to_a_later_sentence(self):
        text = (
            "The camp opened in October 2021. Arrivals rose sharply after the attacks in "
            "late January, the agency said on Tuesday."
        )
        assert found(text, D(2023, 2, 22)) == [
            ("October 2021", D(2021, 10, 1), D(2021, 10, 31)),
            ("late January", D(2023, 1, 22), D(2023, 1, 31)),
            ("Tuesday", D(2023, 2, 21), D(2023, 2, 21)),
        ]

    def test_a_history_keeps_counting_forward_from_its_older_date(self):
        # no day words, no year near the document's: the text looks back on 2021-22
        text = "The camp opened in October 2021. Arrivals rose sharply in late January."
        assert found(text, D(2023, 2, 22))[1] == ("late January", D(2022, 1, 22), D(2022, 1, 31))

    def test_the_older_year_still_lends_when_the_tense_needs_it(self):
        # March 2023 would be after the time of writing, yet the clause is past
        text = (
            "Troops crossed the border in February 2022. By March they had reached the "
            "capital's outskirts, the report said on Monday."
        )
        assert found(text, D(2023, 2, 22))[1] == ("March", D(2022, 3, 1), D(2022, 3, 31))

    def test_a_verb_after_the_comma_says_the_tense_too(self):
        text = (
            "The war began in February 2022. By April, the troops had withdrawn from the "
            "capital, officials said on Tuesday."
        )
        assert found(text, D(2023, 2, 22))[1] == ("April", D(2022, 4, 1), D(2022, 4, 30))

    def test_the_same_sentence_still_lends_its_year(self):
        text = "The camp opened in October 2021 and filled up by late January, officials said on Tuesday."
        assert found(text, D(2023, 2, 22))[1] == ("late January", D(2022, 1, 22), D(2022, 1, 31))


class TestALentYearAgreesWithTheClausesTense:
    def test_a_future_clause_takes_no_year_long_past(self):
        text = "Under the 1993 accord, the two sides will meet again in March."
        assert found(text, D(2023, 5, 16))[1] == ("March", D(2024, 3, 1), D(2024, 3, 31))

    def test_a_future_seen_from_a_narrated_past_keeps_its_year(self):
        text = "In March 2010 the envoy said he would visit on 8 April."
        assert found(text, D(2024, 5, 1))[1] == ("8 April", D(2010, 4, 8), D(2010, 4, 8))


class TestLookingBackFromTheTimeOfWriting:
    def test_last_met_is_the_latest_such_month_before_the_document(self):
        text = (
            "Under the 1993 accord the sides pledged yearly talks, and the border commission "
            "last met in Tbilisi in March."
        )
        assert found(text, D(2023, 5, 16))[1] == ("March", D(2023, 3, 1), D(2023, 3, 31))

    def test_at_last_is_a_step_of_the_story_not_the_latest_of_its_kind(self):
        text = "In 1975 the two sides at last signed a truce in March."
        assert found(text, D(2019, 4, 1))[1] == ("March", D(1975, 3, 1), D(1975, 3, 31))

    def test_since_a_month_in_the_present_perfect_is_this_years(self):
        # the later "2014" and the future cue must not push January ahead
        text = (
            "The ministry has blocked several sampling campaigns since January, and talks "
            "are due to resume in 2014."
        )
        assert found(text, D(2013, 10, 3))[0] == ("January", D(2013, 1, 1), D(2013, 1, 31))

    def test_since_in_a_pluperfect_counts_from_the_narrated_year(self):
        text = "By 1944 the army had held the port since January."
        assert found(text, D(2013, 10, 3))[1] == ("January", D(1944, 1, 1), D(1944, 1, 31))

    def test_since_a_month_not_yet_come_this_year_is_last_years(self):
        text = "Shipments have been suspended since November."
        assert found(text, D(2023, 5, 16)) == [("November", D(2022, 11, 1), D(2022, 11, 30))]


class TestSeasonsOfTheTimeOfWriting:
    def test_this_autumn_in_a_future_clause_after_it_is_the_next_one(self):
        text = "The plant will reopen this autumn, the company said."
        assert found(text, D(2023, 12, 5)) == [("this autumn", D(2024, 9, 1), D(2024, 11, 30))]

    def test_this_autumn_in_a_past_clause_is_the_one_just_gone(self):
        text = "The plant reopened this autumn, the company said."
        assert found(text, D(2023, 12, 5)) == [("this autumn", D(2023, 9, 1), D(2023, 11, 30))]

    def test_last_winter_is_the_one_before_the_document(self):
        text = "Heating bills doubled during the cold spell last winter."
        assert found(text, D(2023, 5, 20)) == [("last winter", D(2022, 12, 1), D(2023, 2, 28))]

    def test_the_autumn_in_a_future_clause_is_this_years_while_ahead(self):
        text = "A ruling is expected in the autumn."
        assert found(text, D(2023, 5, 16)) == [("the autumn", D(2023, 9, 1), D(2023, 11, 30))]


@pytest.mark.parametrize(
    ("text", "about_now"),
    [
        ("Officials said on Tuesday that the 1993 accord still holds.", True),
        ("Talks resumed this week after a pause since 2009.", True),
        ("In 1965 the revolt began; by 1975 it was over, and in 1976 the border opened.", False),
        ("No year here at all.", True),  # nothing to say otherwise
    ],
)
def test_a_text_tells_of_now_when_its_years_and_day_words_are_mostly_recent(text, about_now):
    assert tells_of_now(text, D(2023, 5, 16)) is about_now


def test_without_a_document_date_no_text_is_about_now():
    assert tells_of_now("Officials said on Tuesday.", None) is False


@pytest.mark.parametrize(
    ("month", "expected"),
    [(3, 2023), (5, 2023), (6, 2022), (12, 2022)],  # its own month (May) included
)
def test_latest_by_is_the_last_such_month_at_or_before_the_reference(month, expected):
    assert latest_by(D(2023, 5, 16), month, 15) == expected


class TestWordsThatCountFromTheWritersDay:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The minister left for Brussels yesterday and returns on Friday.", 2),
            ("Exports rose last year and are forecast to fall next spring.", 2),
            ("The port closed last March, and talks resume this week.", 2),
            # a month with its year or its day is a calendar date, not one counted from now
            ("The port closed in March 2019 and reopened on March 4.", 0),
            # a history says "in" or "by" a month of the year it narrates
            ("The court ruled in 1978. By December the armies were mobilised.", 0),
            # "may" the verb and "march" the noun are not months
            ("Talks this may fail, and a march by farmers is planned last.", 0),
        ],
    )
    def test_each_word_for_the_days_around_the_writing_is_counted(self, text, expected):
        assert own_time_words(text) == expected
        assert dates_from_own_day(text) is (expected > 0)
