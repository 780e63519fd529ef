"""The names of calendar things, written once for the whole code base.

Month and weekday names (with their abbreviations and numbers), counting words,
seasons, and the regex fragments that spell them. The date finder builds its
patterns from these fragments; metadata, merging and entity code read the same
tables instead of keeping their own. Month and weekday fragments are
case-sensitive (Title or UPPER case), so "may" the verb and "march" the noun
never start a date; ``MONTH_WORD`` is the any-case spelling for patterns
compiled with ``re.IGNORECASE``.
"""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""Full month names, January first."""

MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
"""Abbreviated month names (without their full stop); "May" has none."""

MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{abbr.lower(): number for abbr, number in MONTH_ABBREVIATIONS.items()},
}
"""Lower-case month name or abbreviation -> month number (1-12)."""

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Full weekday names, Monday first (so the index is ``date.weekday()``)."""

WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")

WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
"""Lower-case weekday name -> ``date.weekday()`` number (Monday 0)."""


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for, any case, with or without a full stop."""
    return MONTHS.get(word.rstrip(".").lower())


def weekday_number(word: str) -> int | None:
    """The ``date.weekday()`` of a weekday name or abbreviation ("Thurs.", "FRIDAY")."""
    word = word.rstrip(".").lower()
    if len(word) < 3:
        return None
    return next((n for name, n in WEEKDAYS.items() if name.startswith(word[:3])), None)


def _cases(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of each word in Title case and in UPPER case."""
    return "|".join([*words, *(w.upper() for w in words)])


_ABBRS = sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)  # "Sept" before "Sep"

MONTH_FULL = rf"(?:(?:{_cases(MONTH_NAMES)})(?![\w]))"
"""A full month name (Title or UPPER case)."""
MONTH_ABBR = _cases(_ABBRS)
"""The abbreviations alone, as an alternation with no group (for "4-Jan-2018")."""
MONTH_NAME = rf"(?:(?:{_cases(MONTH_NAMES)})(?![\w])|(?:{MONTH_ABBR})(?:\.|(?![\w.])))"
"""A month name or abbreviation ("Sept.", "DEC")."""
MONTH_WORD = "(?:" + "|".join(name.lower() for name in (*MONTH_NAMES, *_ABBRS)) + r")\.?"
"""Any month name or abbreviation in lower case: for patterns compiled case-insensitively."""
WEEKDAY = rf"(?:{_cases(WEEKDAY_NAMES)})(?![\w])"
WEEKDAY_ABBR = rf"(?:{WEEKDAY}|(?:{'|'.join(WEEKDAY_ABBREVIATIONS)})\.)"
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d|[:.,]\d|\s*%)"
"""A day of the month, maybe with its ordinal suffix, not part of a number or a time."""
YEAR = r"(?:1[6-9]\d\d|20\d\d|2100)(?![\d]|[.,]\d)"
"""A four-digit year, not the start of a longer number or a decimal."""

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
"""Counts written as words ("three days later")."""

NUMBER = "(?:\\d+|" + "|".join(NUMBER_WORDS) + ")"
"""A count in digits or words."""


def count_of(word: str) -> int:
    """The number a count in digits or words stands for ("12", "twelve", "a")."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
"""Ordinals of quarters ("the third quarter")."""

SPOKEN_NUMBERS: dict[str, int] = {
    **{word: n for word, n in NUMBER_WORDS.items() if word not in ("a", "an", "hundred")},
    "hundred": 0, "thousand": 0, "and": 0,
}  # fmt: skip
"""Words of a year said aloud ("nineteen ninety-six")."""

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip

SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""Season -> first month (meteorological seasons, northern hemisphere)."""

HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
}  # fmt: skip
"""Holidays on one fixed day of the calendar -> (month, day); keys use a plain apostrophe."""


def holiday_day(name: str) -> tuple[int, int]:
    """The (month, day) of a fixed-date holiday as written ("New Year’s Day" -> (1, 1))."""
    return HOLIDAYS[" ".join(name.replace("’", "'").lower().split())]
