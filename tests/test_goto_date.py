"""The go-to-date prompt understands what people type."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from chronicle.tui.goto_date import parse_target


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2018", date(2018, 1, 1)),
        ("2018-01", date(2018, 1, 1)),
        ("2018-01-04", date(2018, 1, 4)),
        ("January 2018", date(2018, 1, 1)),
        ("4 Jan 2018", date(2018, 1, 4)),
        ("  1952-04-28 ", date(1952, 4, 28)),
        ("garbage", None),
        ("", None),
    ],
)
def test_parse_target(typed, expected):
    assert parse_target(typed) == expected


def test_free_form_relative_dates_fall_back_to_dateparser():
    assert parse_target("3 weeks ago") == date.today() - timedelta(weeks=3)
