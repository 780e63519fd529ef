"""Two-year fiscal forms ("FY 2022-23") follow the convention the text states or the
fiscal year of the country it is about; unknown, they keep the span holding both."""

from __future__ import annotations

from datetime import date

import pytest

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.fiscal import budget_country, fiscal_span, stated_start

D = date
REF = D(2023, 6, 1)


def found(text: str) -> list[tuple[str, date | None, date | None, str]]:
    """Every match in ``text`` as (text, start, end, precision)."""
    return [(m.text, m.date_start, m.date_end, m.precision) for m in find_dates(text, REF)]


class TestTheCountryTheTextIsAboutDecides:
    def test_an_indian_text_means_april_to_march(self):
        text = (
            "India's exports of engineering goods rose 9% in FY 2022-23, the Indian "
            "commerce ministry said, with shipments to India's neighbours leading."
        )
        assert found(text) == [("FY 2022-23", D(2022, 4, 1), D(2023, 3, 31), "range")]

    def test_a_pakistani_text_means_july_to_june(self):
        text = (
            "Pakistan's tax collection fell short of target in FY2016-17, and the Pakistani "
            "finance ministry blamed lower imports."
        )
        assert found(text) == [("FY2016-17", D(2016, 7, 1), D(2017, 6, 30), "range")]

    def test_an_australian_budget_year_means_july_to_june(self):
        text = "The 2018-19 Budget raised Australia's aid to Indonesia, Canberra said."
        assert found(text) == [("2018-19", D(2018, 7, 1), D(2019, 6, 30), "range")]

    def test_a_partner_of_unknown_convention_does_not_hide_the_budget_country(self):
        text = (
            "Total Australian development assistance to Vanuatu is estimated at $98.2 million "
            "in 2023-24. Vanuatu's needs grew after the cyclones, and Vanuatu's ministries "
            "asked for more since 2019-20."
        )
        assert found(text) == [
            ("2023-24", D(2023, 7, 1), D(2024, 6, 30), "range"),
            ("2019-20", D(2019, 7, 1), D(2020, 6, 30), "range"),
        ]

    def test_a_bare_two_year_form_with_no_money_or_budget_in_the_text_keeps_the_wide_span(self):
        text = "India's talks with India's neighbours on river data stalled in 2019-20."
        assert found(text) == [("2019-20", D(2019, 4, 1), D(2020, 6, 30), "approximate")]

    def test_a_country_of_unknown_convention_keeps_the_wide_span(self):
        text = "Nepal's exports to Nepal's neighbours grew in FY2019-20, Kathmandu said."
        assert found(text) == [("FY2019-20", D(2019, 4, 1), D(2020, 6, 30), "approximate")]

    def test_a_country_with_a_calendar_fiscal_year_keeps_the_wide_span(self):
        text = "China's imports from Chile rose in FY2019-20, Chinese customs said."
        assert found(text) == [("FY2019-20", D(2019, 4, 1), D(2020, 6, 30), "approximate")]

    def test_a_season_is_no_budget_year(self):
        text = "India's 2016-17 cricket season ended in Mumbai, where India beat England."
        assert found(text) == [("2016-17", D(2016, 4, 1), D(2017, 6, 30), "approximate")]


class TestAStatedConventionWins:
    def test_a_year_ending_in_june_in_an_indian_text(self):
        text = (
            "The Indian company's fiscal year ends on 30 June. India's regulator cleared "
            "its accounts for FY 2021-22."
        )
        assert found(text)[-1] == ("FY 2021-22", D(2021, 7, 1), D(2022, 6, 30), "range")

    def test_the_stated_range_is_no_date_itself(self):
        text = "Kenya's fiscal year runs from July to June; revenue grew in FY2020-21."
        assert found(text) == [("FY2020-21", D(2020, 7, 1), D(2021, 6, 30), "range")]

    @pytest.mark.parametrize(
        ("text", "month"),
        [
            ("the fiscal year ending 30 June", 7),
            ("the financial year begins on 1 April", 4),
            ("an April-March fiscal year", 4),
            ("India's fiscal year (April–March)", 4),
            ("its fiscal year ends in September", 10),
            ("the fiscal year ending June 30, 2019", 7),
            ("the year ending 30 June", None),  # no fiscal word: any year can end in June
        ],
    )
    def test_stated_start(self, text, month):
        assert stated_start(text) == month


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The U.S. and Vietnam met. The United States said so.", "US"),
        ("Japan's budget, Tokyo said, and Japan.", "JP"),
        # named about as often: the first named, as a bilateral text names its own side first
        (
            "India and Bangladesh met; Bangladesh thanked India, and Bangladesh and India agreed.",
            "IN",
        ),
        # far more often named: the main subject, though named second
        ("India and Bangladesh met; Bangladesh, Bangladesh and Dhaka agreed.", "BD"),
        # a calendar-year country keeps no two-year budget year: the next country's
        ("The Maldives and India: the Maldives, Malé and the Maldives again.", "IN"),
        # a country's own institutions count for it ("Senate Estimates" is Australia's)
        (
            "Officials told Senate Estimates that aid to Fiji and Tonga would rise; Senate "
            "Estimates also heard the Commonwealth Government's plan, and Japan's aid to Fiji.",
            "AU",
        ),
        ("The Lok Sabha passed the grants, and the Lok Sabha's guest from Bangladesh spoke.", "IN"),
        ("China and France, and China again.", None),
        ("No country named here.", None),
    ],
)
def test_budget_country_is_the_one_named_most_with_a_split_fiscal_year(text, code):
    assert budget_country(text) == code


def test_a_bilateral_text_counts_in_the_fiscal_year_of_the_side_it_names_first():
    text = (
        "India-Bangladesh relations\n\nIndia was the first to recognise Bangladesh, and "
        "India and Bangladesh share a long border. Bangladesh is India's largest trading "
        "partner in South Asia: trade stood at US$ 15.9 billion in FY 2022-23, Dhaka said."
    )
    assert found(text)[-1] == ("FY 2022-23", D(2022, 4, 1), D(2023, 3, 31), "range")


@pytest.mark.parametrize(
    ("start_month", "span"),
    [
        (4, (D(2022, 4, 1), D(2023, 3, 31))),
        (7, (D(2022, 7, 1), D(2023, 6, 30))),
        (10, (D(2022, 10, 1), D(2023, 9, 30))),
        (1, None),  # a calendar year is no two-year form
        (None, None),
    ],
)
def test_fiscal_span(start_month, span):
    assert fiscal_span(2022, 2023, start_month) == span
