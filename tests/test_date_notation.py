"""The timeline's date cell for every precision the date finder stores."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from chronicle.date_notation import WIDTH, date_label


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        # "On 21 February 2011 the President arrived in Tokyo"
        ("2011-02-21", "2011-02-21", "day", "2011-02-21"),
        # "from 21 to 23 February 2011"
        ("2011-02-21", "2011-02-23", "range", "2011-02-21–23"),
        # "from 21 February to 2 March 2011"
        ("2011-02-21", "2011-03-02", "range", "2011-02-21–03-02"),
        # "talks ran from 30 December 2011 to 2 January 2012"
        ("2011-12-30", "2012-01-02", "range", "2011-12-30–2012"),
        # "between 2011 and 2013"
        ("2011-01-01", "2013-12-31", "range", "2011–2013"),
        # "in April 2019"
        ("2019-04-01", "2019-04-30", "month", "2019-04"),
        # "from April to June 2019"
        ("2019-04-01", "2019-06-30", "range", "2019-04–06"),
        # "from November 2019 to February 2020"
        ("2019-11-01", "2020-02-29", "range", "2019-11–2020-02"),
        # "in 2018"
        ("2018-01-01", "2018-12-31", "year", "2018"),
        # "FY2016-17" in a Pakistani budget text (July to June)
        ("2016-07-01", "2017-06-30", "range", "2016–17 FY"),
        # "the 2022-23 Union Budget" (April to March)
        ("2022-04-01", "2023-03-31", "range", "2022–23 FY"),
        # "FY1999-00": the second year's two digits as written
        ("1999-07-01", "2000-06-30", "range", "1999–00 FY"),
        # "in 2016-17" where the text gives no convention: April to the June after
        ("2016-04-01", "2017-06-30", "approximate", "c. 2016–17 FY"),
        # "around 2009"
        ("2009-01-01", "2009-12-31", "approximate", "c. 2009"),
        # "in early April 2019"
        ("2019-04-01", "2019-04-10", "approximate", "c. 2019-04"),
        # "in the summer of 2016"
        ("2016-06-01", "2016-08-31", "approximate", "c. 2016-06–08"),
        # "over the past five years" in a release of 10 January 2018
        ("2013-01-10", "2018-01-10", "approximate", "c. 2013–2018"),
        # "last winter", written in March 2019
        ("2018-12-01", "2019-02-28", "approximate", "c. 2018–2019"),
        # "on the 14th of last month" with no known day of writing
        (None, None, "unresolved", "undated"),
    ],
)
def test_each_precision_has_its_label(start, end, precision, shown):
    assert date_label(start, end, precision) == shown
    assert cell_len(shown) <= WIDTH


def test_an_about_modifier_makes_a_day_approximate():
    # "about 14 March 2019"
    assert date_label("2019-03-14", "2019-03-14", "day", "about") == "c. 2019-03"
    # "since 14 March 2019" says which way, not how roughly
    assert date_label("2019-03-14", "2019-03-14", "day", "since") == "2019-03-14"


def test_a_missing_end_is_the_start_day():
    assert date_label("2019-03-14", None, "day") == "2019-03-14"


def test_twelve_months_from_january_are_a_year_not_a_fiscal_year():
    assert date_label("2019-01-01", "2019-12-31", "range") == "2019"


def test_a_season_across_new_year_is_no_fiscal_year():
    # "from October 2018 to March 2019": six months
    assert date_label("2018-10-01", "2019-03-31", "range") == "2018-10–2019-03"
