"""Word tables and compiled candidate regexes for the date finder (``dates.py``).

Everything here is data: the patterns are compiled once at import and carry no
logic beyond what a regex can say. Month and weekday names are matched
case-sensitively (Title or UPPER case) so that "may" the verb and "march" the
noun never start a candidate; the ambiguous capitalised words ("May", "March")
are further checked for context in ``dates.py``.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

SPOKEN_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 0, "thousand": 0, "and": 0,
}  # fmt: skip

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip

SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""Season -> first month (meteorological seasons, northern hemisphere)."""

YEAR_CONTEXT = frozenset(
    "in since by during of from until till through throughout before after year years "
    "early late mid circa c ca between for the its their his her our this "
    "that fiscal fy spring summer autumn fall winter end beginning start middle pre post "
    "into calendar due a".split()
)
"""Words that, right before a bare four-digit number, make it read as a year."""

STRONG_YEAR_CONTEXT = frozenset("in since by during from until till before after year".split())
"""Context strong enough to accept a year before 1900."""

LIST_JOINERS = frozenset({"and", "or", "&", ",", "to", "through", "nor", "-", "–"})
"""Words joining a bare year to a preceding accepted year (``in 2005 and 2011``)."""

MODIFIER_WORDS: dict[str, str] = {
    "since": "since", "before": "before", "after": "after", "until": "until",
    "till": "until", "by": "by", "around": "about", "about": "about", "circa": "about",
    "approximately": "about", "from": "from", "through": "until", "throughout": "during",
}  # fmt: skip
"""Preceding word -> DateMatch.modifier."""

QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|million\b|billion\b|trillion\b|thousand\b|crore\b|lakh\b"
    r"|people\b|persons\b|troops\b|soldiers\b|members\b|students\b|tons?\b|tonnes?\b|km\b"
    r"|kilomet|miles?\b|meters?\b|metres?\b|feet\b|dollars\b|units\b|votes\b|cases\b|deaths\b"
    r"|hours\b|minutes\b|[.,]\d)"
)
"""What may not follow a number for it to be a year (money, counts, units, decimals)."""

MONEY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:US|Rs|PKR|USD|EUR|No|no|pp?|vol|Vol|#))\.?\s*\\?\$?\s*$")

CITATION_YEAR_END = re.compile(r"\s*(?:[.;)\]]|\s*(?:&|and)\s*(?:19|20)\d\d\b|$)", re.MULTILINE)
"""What follows the year of a citation (``Press, 2017.``, ``Statistics, 2016 & 2017``)."""

# --- building blocks -------------------------------------------------------------------------

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"


def _cases(alternatives: str) -> str:
    """Return an alternation of each word in Title case and in UPPER case."""
    words = alternatives.split("|")
    return "|".join(words + [w.upper() for w in words])


MONTH_NAME = rf"(?:(?:{_cases(_MONTH_FULL)})(?![\w])|(?:{_cases(_MONTH_ABBR)})(?:\.|(?![\w.])))"
MONTH_FULL = rf"(?:(?:{_cases(_MONTH_FULL)})(?![\w]))"
WEEKDAY = rf"(?:{_cases('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday')})(?![\w])"
WEEKDAY_ABBR = rf"(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d|[:.,]\d|\s*%)"
YEAR = r"(?:1[6-9]\d\d|20\d\d|2100)(?![\d]|[.,]\d)"
DASH = r"\s*(?:-|–|—|to|through|until|till)\s*"
BETWEEN = r"(?:(?P<btw>(?<=[Bb]etween ))|)"
"""Empty; notes that the match follows "between", so "and" joins a range (else a list)."""
RANGE_JOIN = rf"(?:{DASH}|(?(btw)\s+and\s+|(?!)))"
"""A range's dash or "to"; "and" only after "between" ("on May 3 and 5" is two days)."""
NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)"
PART_OF_DAY = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
APPROX_PREFIX = r"(?:(?P<approx>about|around|almost|nearly|some|roughly|approximately|more\s+than|over|less\s+than)\s+)?"
MOD = (
    r"(?P<mod>(?i:early|mid|late|pre|post|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+turn\s+of))"
)


def _g(pattern: str, name: str) -> str:
    """Wrap a building block in a named group."""
    return f"(?P<{name}>{pattern})"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# --- candidate rules (name -> compiled regex), tried on the whole text ----------------------

RULES: dict[str, re.Pattern[str]] = {
    # 2019-10-20 ; 19980303 ; 2018/01/04
    "iso": _compile(
        r"(?<![\w.+/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.]?)(?P<mo>0[1-9]|1[0-2])(?P=sep)"
        r"(?P<d>0[1-9]|[12]\d|3[01])(?:(?=T\d\d:\d\d)|(?![\w/]|[-.]\d))"
    ),
    # 4-Jan-2018 ; 04-JAN-18 ; 4 Jan. 18 is not taken (too easily a count)
    "dmy_dash": _compile(
        rf"(?<![\w.+/-])(?P<d>0?[1-9]|[12]\d|3[01])-(?P<m>{_cases(_MONTH_ABBR)}|{_cases(_MONTH_FULL)})"
        r"-(?P<y>(?:19|20)\d\d|\d\d)(?![\w-])"
    ),
    # 08/07/1998 ; 8.7.98 ; 08-07-1998 (dashes and dots only with a four-digit year)
    "numeric": _compile(
        r"(?<![\w.+/-])(?P<a>[0-3]?\d)(?P<sep>/)(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\w/]|[.,]\d)"
        r"|(?<![\w.+/-])(?P<a2>[0-3]?\d)(?P<sep2>[-.])(?P<b2>[0-3]?\d)(?P=sep2)(?P<y2>(?:19|20)\d\d)"
        r"(?![\w/]|[-.,]\d)"
    ),
    # Thursday, January 4, 2018 ; Jan. 3-4, 2018 ; May 24 - June 2, 2012 ;
    # December 30, 1978 - January 3, 1979 ; between March 3 and April 5, 2012
    "mdy": _compile(
        rf"{BETWEEN}(?:{_g(WEEKDAY_ABBR, 'wd')},?\s+)?{_g(MONTH_NAME, 'm')}\s*{_g(DAY, 'd')}"
        rf"(?:(?:(?:,\s*|\s+){_g(YEAR, 'y0')}{RANGE_JOIN}{_g(MONTH_NAME, 'm2')}\s*"
        rf"|{RANGE_JOIN}(?:{_g(MONTH_NAME, 'm2b')}\s*)?){_g(DAY, 'd2')})?"
        rf"(?:(?:,\s*|\s+){_g(YEAR, 'y')})?"
    ),
    # 26 July 2022 ; 28th April 1952 ; 20-24 October, 2019 ; the 4th of July ;
    # 30 December 2018 - 2 January 2019 ; between 3 and 5 March 2012
    "dmy": _compile(
        rf"{BETWEEN}(?:{_g(WEEKDAY_ABBR, 'wd')},?\s+)?(?:the\s+)?(?<![\d,.])(?:{_g(DAY, 'd')}"
        rf"(?:\s+(?:of\s+)?{_g(MONTH_NAME, 'm')}(?:,?\s+{_g(YEAR, 'y0')})?)?{RANGE_JOIN}"
        rf"(?:the\s+)?)?{_g(DAY, 'd2')}\s+(?:of\s+)?"
        rf"{_g(MONTH_NAME, 'm2')}(?:,?\s+{_g(YEAR, 'y')})?"
    ),
    # the 12 of "12 and 13 November 2017" ; the 3rd of "on 3rd, 4th and 5th March"
    "day_head": _compile(
        rf"(?<![\w,.$€£/-]){_g(DAY, 'd')}(?=(?:\s*,\s*(?:the\s+)?{DAY})*\s*,?\s*(?:and|&)\s+(?:the\s+)?"
        rf"{DAY}\s+(?:of\s+)?{_g(MONTH_NAME, 'm')}(?:,?\s+{_g(YEAR, 'y')})?)"
    ),
    # the "4, 2019" of "March 3 and 4, 2019" (the month is read from before it)
    "day_tail": _compile(rf"(?<=\s){_g(DAY, 'd')}(?:,\s*|\s+){_g(YEAR, 'y')}"),
    # the first week of February ; the last week of December 2023 ; the week of 19 February
    "week_of": _compile(
        rf"(?:(?i:the)\s+)?(?:(?P<nth>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+of\s+"
        rf"{_g(MONTH_NAME, 'm')}|(?i:week)\s+of\s+(?:(?:the\s+)?{_g(DAY, 'd')}\s+(?:of\s+)?"
        rf"{_g(MONTH_NAME, 'm2')}|{_g(MONTH_NAME, 'm3')}\s+{_g(DAY, 'd2')}))(?:,?\s+{_g(YEAR, 'y')})?"
    ),
    # March to May 2019 ; January-March 2020 ; between January and March 2020 ;
    # December 2018 to February 2019 ; from March to May
    "month_range": _compile(
        rf"{BETWEEN}{_g(MONTH_NAME, 'm')}(?:,?\s+{_g(YEAR, 'y0')})?{RANGE_JOIN}"
        rf"{_g(MONTH_NAME, 'm2')}(?:,?\s+(?:of\s+)?{_g(YEAR, 'y')}|(?![\s,]*\d))"
    ),
    # April 2019 ; early 2019 ; mid-November ; January this year ; late May 2010
    "month": _compile(
        rf"(?:{MOD}[\s-]+|(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past))\s+)?"
        rf"{_g(MONTH_NAME, 'm')}(?:,?\s+(?:of\s+)?{_g(YEAR, 'y')}|\s+(?P<ry>(?:this|last|next)\s+year))?"
        r"(?!\s*\d)"
    ),
    # 1947 ; early 2019 ; fiscal 1989 ; FY2016-17 ; 2016-17 ; 2012-2017 ; mid-2019
    # from 2001 to 2005 ; between 2001 and 2005 (but "in 2005 and 2011" is two years)
    "year": _compile(
        rf"(?:(?P<yfrom>(?<=[Ff]rom ))|{BETWEEN})"
        rf"(?:{MOD}[\s-]+|(?P<fy>(?i:fiscal(?:\s+year)?|FY)\s*)|(?<![\w$€£.,/-])){_g(YEAR, 'y')}"
        r"(?:(?P<ysep>\s*[-–/]\s*|(?(yfrom)\s+(?:to|until|till|through)\s+(?=\d{4})|(?!))"
        r"|(?(btw)\s+and\s+(?=\d{4})|(?!)))(?P<y2>\d{4}|\d\d)(?![\w%]|[.,-]\d))?"
    ),
    # the 1990s ; the mid-1980s ; the '90s ; the nineties
    "decade": _compile(
        rf"(?:(?i:the)\s+)?(?:{MOD}[\s-]+)?(?:(?P<dec>1[6-9]\d0|20\d0)'?s|'(?P<dec2>\d0)s"
        rf"|(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b"
    ),
    # the 20th century ; the twenty-first century
    "century": _compile(
        r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<c>1[5-9]|2[01])(?:st|nd|rd|th)"
        r"[\s-]+(?i:century)\b"
    ),
    # the first quarter of 2019 ; third-quarter ; Q3 2019 ; the fiscal first quarter
    "quarter": _compile(
        rf"(?:(?P<the>(?i:the|its|this\s+year's|last\s+year's|next\s+year's))\s+)?(?:{_g(YEAR, 'y')}\s+)?"
        r"(?:(?i:fiscal)[\s-]+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?P<hy>[\s-]+)"
        r"(?i:quarter)(?![\w])"
        rf"(?:\s+of\s+(?:(?i:fiscal)\s+)?{_g(YEAR, 'y2')})?"
        rf"|\bQ(?P<qn>[1-4])(?:\s*{_g(YEAR, 'y3')}|\s*'(?P<yy>\d\d)|\s*(?:FY)\s*{_g(YEAR, 'y4')})?\b"
        r"|(?P<qrel>(?i:the\s+(?:latest|last|most\s+recent|recent|current|previous|past)|this|last|next"
        r"|the))\s+(?i:(?:fiscal\s+)?quarter)(?![\w])"
    ),
    # the first half of 2019 ; H1 2019
    "half": _compile(
        rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second|latter|last))\s+(?i:half)\s+of\s+{_g(YEAR, 'y')}"
        rf"|\bH(?P<hn>[12])\s*{_g(YEAR, 'y2')}"
    ),
    # spring 2010 ; Summer 2016 ; last fall ; the winter of 2019 ; early summer 2010
    "season": _compile(
        rf"(?:(?i:the)\s+)?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past))\s+"
        rf"|{MOD}[\s-]+)?(?P<s>(?i:spring|summer|autumn|fall|winter))(?![\w-])"
        rf"(?:\s+(?:of\s+)?{_g(YEAR, 'y')})?"
    ),
    # today ; yesterday afternoon ; late yesterday ; tonight
    "deictic": _compile(
        r"(?:(?P<pre>(?i:early|late|earlier|later))\s+)?"
        r"\b(?P<deic>(?i:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
        r"|last\s+night))\b" + PART_OF_DAY
    ),
    # Tuesday ; last Friday ; Wednesday night ; this coming Sunday
    "weekday": _compile(
        r"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|the\s+previous|the\s+following"
        r"|early|late))\s+)?"
        rf"{_g(WEEKDAY, 'wd')}" + PART_OF_DAY
    ),
    # this year ; last week ; next month ; earlier this year ; the past year ; the following year
    "unit_rel": _compile(
        r"(?:(?P<mod2>(?i:early|late|earlier|later|mid|sometime|by|the\s+end\s+of|end\s+of"
        r"|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]+)?"
        r"(?:(?i:the)\s+)?(?P<rel>(?i:this|last|next|past|coming|previous|current|following|"
        r"preceding|same))\s+(?P<unit>(?i:day|week|weekend|month|year|decade|century))\b"
        r"|(?P<the_weekend>\b(?i:the\s+weekend))\b"
    ),
    # two years ago ; a week earlier ; 10 days from now ; nearly four years ago
    "ago": _compile(
        rf"{APPROX_PREFIX}(?P<num>(?i:{NUM}|several|a\s+few|a\s+couple\s+of))\s+(?P<unit>(?i:day|week|month|year|decade))s?"
        r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence|before|after))\b"
    ),
    # the past five years ; the last 32 months ; the next two weeks
    "span": _compile(
        rf"(?:(?i:the)\s+)?(?P<rel>(?i:past|last|next|coming|previous))\s+(?P<num>(?i:{NUM}))\s+"
        r"(?P<unit>(?i:day|week|month|year|decade))s\b"
    ),
    # nineteen ninety-six ; the year two thousand
    "spoken_year": _compile(
        r"\b(?P<sy>(?i:nineteen|eighteen|twenty)[\s-]+(?i:hundred|ten|eleven|twelve|thirteen|fourteen"
        r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy"
        r"|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?)"
        r"|(?<=the year )two thousand(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven"
        r"|eight|nine|ten)\b)?)\b"
    ),
    # now ; currently ; recently ; in recent years ; the near future
    "vague": _compile(
        r"\b(?P<present>(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days"
        r"|presently|at\s+the\s+moment))\b(?![-'’])"
        r"|\b(?P<past>(?i:recently|lately|recent\s+(?:days|weeks|months|years)))\b"
        r"|\b(?P<future>(?i:the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+(?:days|weeks|months"
        r"|years)))\b"
    ),
}
"""Candidate spotters, in priority order (earlier wins a tie between equally long spans)."""

NAME_AFTER_WEEKDAY = frozenset(
    "Times Telegraph Express Mirror Post Herald Mail Star Tribune Observer Sport Night "
    "Group Club School Island Service Paper Review".split()
)
"""Capitalised words that make a weekday part of a name ("The Sunday Times")."""

DATE_WORDS_CAPITALISED = frozenset(
    "On In By Since Until Till Before After From During Last Next This Early Late Mid "
    "Every Each Since Through Between And Or Of".split()
)
"""Capitalised words before "May" or "March" that still leave it the month."""

YEAR_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(?P<y>(?:1[6-9]|20)\d\d)[*_]{0,2}:?[ \t]*$", re.MULTILINE
)
"""A line that is only a year ("2019", "## 2019", "**2019**"): the entries under it are in it."""

MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE)
"""Any Markdown heading: it closes the section a year heading opened."""

NUMBER_LINE = re.compile(r"\s*[\d.,%$ \t-]+(?:\n|\Z)")
"""A line of nothing but figures (the next row of a table)."""

TOKEN = re.compile(r"[A-Za-z]+|\d+")
"""Tokens looked up in the trigger tables below (one fast scan per text)."""

DIGIT_RULES = ("iso", "numeric", "year")
"""Rules whose candidates always contain a digit."""
DIGIT_RULES_DECADE = (*DIGIT_RULES, "decade")
"""The same, for a number that can start a decade ("1990s", "'90s")."""

LIST_HEAD_BEFORE = re.compile(
    rf"{_g(MONTH_NAME, 'm')}\s*{DAY}(?:\s*,\s*{DAY})*\s*,?\s*(?:and|&)\s*\Z"
)
"""What comes before the last day of a list in one month ("March 3 and ", "May 3, 5 and ")."""


def _trigger_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(exact-case token -> rules, lower-case word -> rules): what each rule needs to see."""
    exact: dict[str, list[str]] = {}
    for name in (_MONTH_FULL + "|" + _MONTH_ABBR).split("|"):
        for form in (name, name.upper()):
            exact.setdefault(form, []).extend(
                ["mdy", "dmy", "dmy_dash", "day_head", "day_tail", "month_range", "month"]
            )
    for name in WEEKDAYS:
        for form in (name.title(), name.upper()):
            exact.setdefault(form, []).append("weekday")
    exact.update({"Q": ["quarter"], "H": ["half"], "FY": ["year"]})
    lower: dict[str, list[str]] = {}
    groups = {
        "century": "century unit_rel",
        "quarter": "quarter",
        "half": "half",
        "spring summer autumn fall winter": "season",
        "today tonight yesterday tomorrow morning afternoon evening night": "deictic",
        "day week weekend month year decade": "unit_rel",
        "week": "week_of",
        "ago earlier later hence before after now": "ago",
        "days weeks months years decades": "span vague",
        "nineteen eighteen twenty thousand": "spoken_year",
        "now currently recently lately recent nowadays present presently moment future coming": (
            "vague"
        ),
        "twenties thirties forties fifties sixties seventies eighties nineties": "decade",
    }
    for words, rules in groups.items():
        for word in words.split():
            lower.setdefault(word, []).extend(rules.split())
    return {k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in lower.items()}


EXACT_TRIGGERS, WORD_TRIGGERS = _trigger_tables()

WINDOW_MARGIN = 80
"""Characters around a trigger that a candidate may extend over."""

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))(?<!Sept)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|vs))(?<!Mrs)[.!?](?=\s+[A-Z\"'“])|\n"
)

_TIME = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)|\d{1,2}:\d\d(?:\s*(?:hrs|hours|h)\b)?|noon\b|midnight\b)"
_ZONE = r"(?:\s*\((?:local\s+time|[A-Z]{2,5}(?:[+-]\d+)?|[^()]{1,25}\s+time)\)|\s+(?:local\s+time|[A-Z]{3,4}\b))?"
_DUR = rf"(?:{NUM}|half\s+an?)\s+(?:hours?|minutes?)(?:\s+and\s+(?:a\s+half|{NUM}\s+minutes?))?"
TIME_AFTER = re.compile(
    r"\A\s*,?\s*(?:(?:from|at|commencing\s+at|starting\s+at|beginning\s+at|between|around|about)\s+)?"
    rf"{_TIME}{_ZONE}(?:\s*(?:-|–|to|until|and)\s*{_TIME}{_ZONE})?"
    rf"(?:,?\s+for\s+(?:approximately\s+|about\s+|around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?{_DUR})?",
    re.IGNORECASE,
)
"""A clock time right after a day expression, kept as the match's ``detail``."""

TIME_BEFORE = re.compile(
    rf"(?:(?:at|from)\s+)?{_TIME}{_ZONE}\s*(?:,\s*|\s+)(?:on\s+)?\Z", re.IGNORECASE
)
"""A clock time right before a day expression (``at 10 a.m. on Monday``)."""

FUTURE_CUE = re.compile(
    r"\b(?:will|won't|would|'ll|shall|scheduled|expected|expects|due|as\s+soon\s+as"
    r"|as\s+early\s+as|is\s+to|are\s+to|going\s+to|set\s+to|plans?|planned|planning|upcoming"
    r"|next|coming|tomorrow)\b",
    re.IGNORECASE,
)
"""Cues that a bare weekday or month near them points forward."""

PAST_CUE = re.compile(
    r"\b(?:said|says|told|was|were|had|did|met|went|came|held|took|made|began|left|spoke|won|lost"
    r"|gave|got|saw|became|ago|last|yesterday|\w{2,}ed)\b",
    re.IGNORECASE,
)
"""Cues that a bare weekday or month near them points back (the default)."""
