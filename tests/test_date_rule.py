"""The date rule registry and the shared name tables: one object per rule, one name table."""

from __future__ import annotations

import re
from datetime import date

import pytest

from chronicle.ingest.dates.names import (
    MONTH_NAME,
    MONTH_WORD,
    MONTHS,
    WEEKDAYS,
    month_number,
    weekday_number,
)
from chronicle.ingest.dates.rule import DateRule, RuleBook
from chronicle.ingest.dates.rules import RULES
from chronicle.ingest.dates.spans import month_span, shift_month


def _never(c, ctx):
    return None


class TestRuleBook:
    def test_two_rules_of_one_name_fail_at_once(self):
        rule = DateRule("month", re.compile("x"), _never, words=("x",))
        with pytest.raises(ValueError, match="two date rules are named 'month'"):
            RuleBook([rule, rule])

    def test_a_rule_nothing_triggers_fails_at_once(self):
        with pytest.raises(ValueError, match="has no trigger"):
            RuleBook([DateRule("orphan", re.compile("x"), _never)])

    def test_a_misspelt_anchor_kind_fails_at_once(self):
        with pytest.raises(ValueError, match="lends 'years'"):
            RuleBook([DateRule("decade", re.compile("x"), _never, words=("x",), lends="years")])

    def test_a_misspelt_rule_name_is_a_key_error(self):
        with pytest.raises(KeyError):
            RULES["mdy "]

    def test_every_rule_is_listed_once_in_priority_order(self):
        names = [rule.name for rule in RULES.rules]
        assert len(names) == len(set(names)) == 25
        assert names.index("iso") < names.index("year")  # "2019-10-20" is a day, not a year
        assert names.index("mdy") < names.index("month")

    def test_windows_lie_around_the_trigger_words_of_each_rule(self):
        text = "x" * 200 + " On 4 May 2019 the talks ended. " + "y" * 200
        windows = RULES.windows(text)
        may = text.index("May")
        assert windows["dmy"] == [(may - 80, may + 3 + 80)]
        year = text.index("2019")
        assert windows["year"] == [(year - 80, year + 4 + 80)]
        assert "weekday" not in windows and "numeric" not in windows

    def test_a_trigger_word_inside_a_longer_word_triggers_nothing(self):
        assert RULES.windows("Mayday todays") == {}

    def test_lower_title_and_upper_case_words_trigger(self):
        for text in ("yesterday", "Yesterday", "YESTERDAY"):
            assert "deictic" in RULES.windows(text)


class TestNames:
    @pytest.mark.parametrize(
        ("word", "number"),
        [("January", 1), ("sept.", 9), ("SEP", 9), ("May", 5), ("Dec.", 12), ("Mayo", None)],
    )
    def test_month_number(self, word, number):
        assert month_number(word) == number

    @pytest.mark.parametrize(
        ("word", "number"), [("Monday", 0), ("Thurs.", 3), ("SUNDAY", 6), ("Su", None)]
    )
    def test_weekday_number(self, word, number):
        assert weekday_number(word) == number

    def test_tables_cover_every_month_and_weekday(self):
        assert sorted(set(MONTHS.values())) == list(range(1, 13))
        assert sorted(WEEKDAYS.values()) == list(range(7))

    def test_month_fragments_keep_case_apart(self):
        assert re.fullmatch(MONTH_NAME, "March") and re.fullmatch(MONTH_NAME, "Sept.")
        assert not re.fullmatch(MONTH_NAME, "march")  # the verb
        assert re.fullmatch(MONTH_WORD, "march", re.IGNORECASE)


@pytest.mark.parametrize(
    ("year", "month", "steps", "expected"),
    [(2019, 11, 3, (2020, 2)), (2020, 1, -1, (2019, 12)), (2019, 5, -24, (2017, 5))],
)
def test_shift_month_crosses_year_ends(year, month, steps, expected):
    assert shift_month(year, month, steps) == expected


def test_month_span_knows_leap_years():
    assert month_span(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
