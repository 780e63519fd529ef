"""The date rules: every written form of date the finder knows, one object each.

Each ``DateRule`` below holds its name, trigger words, regex, context check and
resolver, in priority order (earlier wins a tie between equally long spans). The
regexes carry no logic beyond what a regex can say; month and weekday names are
matched case-sensitively (see ``date_names``), and the ambiguous capitalised words
("May", "March") are checked for context in ``date_checks``.
"""

from __future__ import annotations

import re

from chronicle.ingest.dates.checks import (
    ago_is_date,
    ends_a_day_list,
    month_is_date,
    quarter_is_date,
    season_is_date,
    weekday_is_date,
    year_is_date,
)
from chronicle.ingest.dates.days import (
    day_check,
    day_resolver,
    dmy_dash_fields,
    dmy_fields,
    iso_fields,
    mdy_fields,
    numeric_day_order,
    numeric_fields,
    resolve_day_head,
    resolve_day_tail,
    resolve_holiday,
)
from chronicle.ingest.dates.names import (
    DAY,
    DECADE_WORDS,
    MONTH_ABBR,
    MONTH_ABBREVIATIONS,
    MONTH_FULL,
    MONTH_NAME,
    MONTH_NAMES,
    NUMBER,
    SEASONS,
    WEEKDAY,
    WEEKDAY_ABBR,
    WEEKDAY_NAMES,
    YEAR,
)
from chronicle.ingest.dates.relative import (
    resolve_ago,
    resolve_deictic,
    resolve_span,
    resolve_unit_rel,
    resolve_vague,
    resolve_weekday,
)
from chronicle.ingest.dates.resolve import (
    resolve_century,
    resolve_decade,
    resolve_half,
    resolve_month,
    resolve_month_range,
    resolve_months_of,
    resolve_quarter,
    resolve_season,
    resolve_spoken_year,
    resolve_week_of,
    resolve_year,
)
from chronicle.ingest.dates.rule import DateRule, RuleBook
from chronicle.ingest.literals import starting_with_first_characters

# --- building blocks -------------------------------------------------------------------------

DASH = r"\s*(?:-|–|—|to|through|until|till)\s*"
BETWEEN = r"(?:(?P<btw>(?<=[Bb]etween ))|)"
"""Empty; notes that the match follows "between", so "and" joins a range (else a list)."""
RANGE_JOIN = rf"(?:{DASH}|(?(btw)\s+and\s+|(?!)))"
"""A range's dash or "to"; "and" only after "between" ("on May 3 and 5" is two days)."""
PART_OF_DAY = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
APPROX_PREFIX = r"(?:(?P<approx>about|around|almost|nearly|some|roughly|approximately|more\s+than|over|less\s+than)\s+)?"
MOD = (
    r"(?P<mod>(?i:early|mid|late|pre|post|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+turn\s+of))"
)


YEAR_WORD = r"(?:,?\s+(?:of\s+)?(?P<ry>(?i:this|that|last|next))(?:\s+same)?\s+year\b)"
"""A year named by a word after a day or month: "June this year", "7 December that year",
"in August of that year"."""


def _g(pattern: str, name: str) -> str:
    """Wrap a building block in a named group."""
    return f"(?P<{name}>{pattern})"


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a rule's pattern. A date starts where a word starts: saying so first lets the
    regex engine skip the inside of words (a scan two to three times faster); so does
    saying which characters it can start with (a digit, a month's capital)."""
    return starting_with_first_characters(rf"(?<!\w)(?:{pattern})")


_NOT_CHRISTMAS_DAY = (
    r"Island|[Tt]rees?|[Cc]ards?|[Mm]arkets?|[Gg]ifts?|[Pp]resents?|[Ll]ights|[Cc]arols?"
    r"|[Ss]eason|[Ss]hopping|[Dd]ecorations?|[Pp]art(?:y|ies)|[Bb]onus(?:es)?"
)
"""Nouns "Christmas" modifies without naming the day ("Christmas Island", "Christmas
shopping", "the Christmas season")."""


_YEARLESS_TAIL_END = (
    r"(?=\s*(?:[,.;:)\]]|\Z)|\s+(?:in|at|on|during|when|while|to|with|for|before|after"
    r"|respectively|this|last|next)\b)"
)
"""A list's last day without a year ends where the clause goes on ("November 18 and 19, had
proposed", "May 3 and 4 in Lima"); before a noun it counts something ("18 and 19 delegates")."""


# --- triggers and small per-rule helpers ------------------------------------------------------

MONTH_TRIGGERS = tuple(
    form for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS) for form in (name, name.upper())
)
WEEKDAY_TRIGGERS = tuple(form for name in WEEKDAY_NAMES for form in (name, name.upper()))
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
PLURAL_UNITS = ("days", "weeks", "months", "years", "decades")
VAGUE_WORDS = (
    "now currently recently lately recent nowadays present presently moment future coming".split()
)
YEAR_NUMBER = re.compile(r"(?:1[6-9]\d\d|20\d\d|2100)(?!\d)")
"""A number that can be a year ("1998"; the year of "FY2016", "mid-2019")."""
ISO_NUMBER = re.compile(r"(?:19|20)\d\d")
"""A number that can start an ISO date ("2019-10-20", "19980303")."""
DAY_MONTH_NUMBER = re.compile(r"[0-3]?\d[/.-]")
"""A number that can start a numeric date ("08/07/1998", "8.7.1998")."""
DECADE_NUMBER = re.compile(r"\d*0['’s]")
"""A number that can start a decade ("1990s", "'90s")."""


def _day_first(m: re.Match[str]) -> int:
    return 1  # "26 July 2022": this document writes the day first


def _month_first(m: re.Match[str]) -> int:
    return -1  # "July 26, 2022"


def _after_the_before_an_adjective(m: re.Match[str]) -> int:
    """Where a quarter starts: "the" before an adjective ("the third-quarter") is not in it."""
    the = m.group("the")
    if the and the.lower() == "the" and "-" in (m.group("hy") or ""):
        return m.end("the") + len(re.match(r"\s*", m.string[m.end("the") :]).group(0))
    return m.start()


# --- the rules, in priority order -------------------------------------------------------------

RULES = RuleBook(
    [
        # 2019-10-20 ; 19980303 ; 2018/01/04
        DateRule(
            "iso",
            _compile(
                r"(?<![\w.+/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.]?)(?P<mo>0[1-9]|1[0-2])(?P=sep)"
                r"(?P<d>0[1-9]|[12]\d|3[01])(?:(?=T\d\d:\d\d)|(?![\w/]|[-.]\d))"
            ),
            resolve=day_resolver(iso_fields),
            digits=ISO_NUMBER,
            check=day_check(iso_fields),
        ),
        # 4-Jan-2018 ; 04-JAN-18 ; 4 Jan. 18 is not taken (too easily a count)
        DateRule(
            "dmy_dash",
            _compile(
                rf"(?<![\w.+/-])(?P<d>0?[1-9]|[12]\d|3[01])-(?P<m>{MONTH_ABBR}|{MONTH_FULL})"
                r"-(?P<y>(?:19|20)\d\d|\d\d)(?![\w-])"
            ),
            resolve=day_resolver(dmy_dash_fields),
            names=MONTH_TRIGGERS,
            check=day_check(dmy_dash_fields),
            day_order=_day_first,
        ),
        # 08/07/1998 ; 8.7.98 ; 08-07-1998 (dashes and dots only with a four-digit year)
        DateRule(
            "numeric",
            _compile(
                r"(?<![\w.+/-])(?P<a>[0-3]?\d)(?P<sep>/)(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\w/]|[.,]\d)"
                r"|(?<![\w.+/-])(?P<a2>[0-3]?\d)(?P<sep2>[-.])(?P<b2>[0-3]?\d)(?P=sep2)(?P<y2>(?:19|20)\d\d)"
                r"(?![\w/]|[-.,]\d)"
            ),
            resolve=day_resolver(numeric_fields, order_open=True),
            digits=DAY_MONTH_NUMBER,
            check=day_check(numeric_fields),
            day_order=numeric_day_order,
        ),
        # Thursday, January 4, 2018 ; Jan. 3-4, 2018 ; May 24 - June 2, 2012 ;
        # December 30, 1978 - January 3, 1979 ; between March 3 and April 5, 2012
        DateRule(
            "mdy",
            _compile(
                rf"{BETWEEN}(?:{_g(WEEKDAY_ABBR, 'wd')},?\s+)?{_g(MONTH_NAME, 'm')}\s*{_g(DAY, 'd')}"
                rf"(?:(?:(?:,\s*|\s+){_g(YEAR, 'y0')}{RANGE_JOIN}{_g(MONTH_NAME, 'm2')}\s*"
                rf"|{RANGE_JOIN}(?:{_g(MONTH_NAME, 'm2b')}\s*)?){_g(DAY, 'd2')})?"
                rf"(?:(?:,\s*|\s+){_g(YEAR, 'y')}|{YEAR_WORD})?"
            ),
            resolve=day_resolver(mdy_fields, listed_days=True),
            names=MONTH_TRIGGERS,
            check=day_check(mdy_fields),
            day_order=_month_first,
        ),
        # 26 July 2022 ; 28th April 1952 ; 20-24 October, 2019 ; the 4th of July ;
        # 30 December 2018 - 2 January 2019 ; between 3 and 5 March 2012
        DateRule(
            "dmy",
            _compile(
                rf"{BETWEEN}(?:{_g(WEEKDAY_ABBR, 'wd')},?\s+)?(?:the\s+)?(?<![\d,.])(?:{_g(DAY, 'd')}"
                rf"(?:\s+(?:of\s+)?{_g(MONTH_NAME, 'm')}(?:,?\s+{_g(YEAR, 'y0')})?)?{RANGE_JOIN}"
                rf"(?:the\s+)?)?{_g(DAY, 'd2')}\s+(?:of\s+)?"
                rf"{_g(MONTH_NAME, 'm2')}(?:,?\s+{_g(YEAR, 'y')}|{YEAR_WORD})?"
            ),
            resolve=day_resolver(dmy_fields),
            names=MONTH_TRIGGERS,
            check=day_check(dmy_fields),
            day_order=_day_first,
        ),
        # the 12 of "12 and 13 November 2017" ; the 3rd of "on 3rd, 4th and 5th March"
        DateRule(
            "day_head",
            _compile(
                rf"(?<![\w,.$€£/-]){_g(DAY, 'd')}(?=(?:\s*,\s*(?:the\s+)?{DAY})*\s*,?\s*(?:and|&)\s+(?:the\s+)?"
                rf"{DAY}\s+(?:of\s+)?{_g(MONTH_NAME, 'm')}(?:,?\s+{_g(YEAR, 'y')})?)"
            ),
            resolve=resolve_day_head,
            names=MONTH_TRIGGERS,
        ),
        # the "4, 2019" of "March 3 and 4, 2019", the "19" of "on November 18 and 19, he"
        # (the month is read from before it)
        DateRule(
            "day_tail",
            _compile(rf"(?<=\s){_g(DAY, 'd')}(?:(?:,\s*|\s+){_g(YEAR, 'y')}|{_YEARLESS_TAIL_END})"),
            resolve=resolve_day_tail,
            names=MONTH_TRIGGERS,
            check=ends_a_day_list,
        ),
        # New Year's Day ; Christmas Eve 2019 ; on Boxing Day (not "Christmas Island")
        DateRule(
            "holiday",
            _compile(
                r"(?P<h>New\s+Year['’]s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve)|Boxing\s+Day"
                rf"|Christmas(?![\w’'-]|\s+(?:{_NOT_CHRISTMAS_DAY})\b))(?:,?\s+{_g(YEAR, 'y')})?"
            ),
            resolve=resolve_holiday,
            names=("New", "Christmas", "Boxing"),
            reach=(0, 30),
        ),
        # the first week of February ; the last week of December 2023 ; the week of 19 February
        DateRule(
            "week_of",
            _compile(
                rf"(?:(?i:the)\s+)?(?:(?P<nth>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+of\s+"
                rf"{_g(MONTH_NAME, 'm')}|(?i:week)\s+of\s+(?:(?:the\s+)?{_g(DAY, 'd')}\s+(?:of\s+)?"
                rf"{_g(MONTH_NAME, 'm2')}|{_g(MONTH_NAME, 'm3')}\s+{_g(DAY, 'd2')}))(?:,?\s+{_g(YEAR, 'y')})?"
            ),
            resolve=resolve_week_of,
            words=("week",),
        ),
        # March to May 2019 ; January-March 2020 ; between January and March 2020 ;
        # December 2018 to February 2019 ; from March to May
        DateRule(
            "month_range",
            _compile(
                rf"{BETWEEN}{_g(MONTH_NAME, 'm')}(?:,?\s+{_g(YEAR, 'y0')})?{RANGE_JOIN}"
                rf"{_g(MONTH_NAME, 'm2')}(?:,?\s+(?:of\s+)?{_g(YEAR, 'y')}|(?![\s,]*\d))"
            ),
            resolve=resolve_month_range,
            names=MONTH_TRIGGERS,
        ),
        # April 2019 ; early 2019 ; mid-November ; January this year ; late May 2010
        DateRule(
            "month",
            _compile(
                rf"(?:{MOD}[\s-]+|(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past"
                r"|that|(?:the\s+)?(?:following|previous|preceding)))\s+)?"
                rf"{_g(MONTH_NAME, 'm')}(?:,?\s+(?:of\s+)?{_g(YEAR, 'y')}|{YEAR_WORD})?"
                r"(?!\s*\d)"
            ),
            resolve=resolve_month,
            names=MONTH_TRIGGERS,
            check=month_is_date,
            reach=(30, 30),  # "[the beginning of] May [of that same year]"
        ),
        # 1947 ; early 2019 ; fiscal 1989 ; FY2016-17 ; 2016-17 ; 2012-2017 ; mid-2019
        # from 2001 to 2005 ; between 2001 and 2005 (but "in 2005 and 2011" is two years)
        DateRule(
            "year",
            _compile(
                rf"(?:(?P<yfrom>(?<=[Ff]rom ))|{BETWEEN})"
                rf"(?:{MOD}[\s-]+|(?P<fy>(?i:fiscal(?:\s+year)?|FY)\s*)|(?<![\w$€£.,/-])){_g(YEAR, 'y')}"
                r"(?:(?P<ysep>\s*[-–/]\s*|(?(yfrom)\s+(?:to|until|till|through)\s+(?=\d{4})|(?!))"
                r"|(?(btw)\s+and\s+(?=\d{4})|(?!)))(?P<y2>\d{4}|\d\d)(?![\w%]|[.,-]\d))?"
            ),
            resolve=resolve_year,
            names=("FY",),
            digits=YEAR_NUMBER,
            check=year_is_date,
            lends="year",
        ),
        # the 1990s ; the mid-1980s ; the '90s ; the nineties
        DateRule(
            "decade",
            _compile(
                rf"(?:(?i:the)\s+)?(?:{MOD}[\s-]+)?(?:(?P<dec>1[6-9]\d0|20\d0)'?s|'(?P<dec2>\d0)s"
                rf"|(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b"
            ),
            resolve=resolve_decade,
            words=tuple(DECADE_WORDS),
            digits=DECADE_NUMBER,
            lends="year",
        ),
        # the 20th century ; the twenty-first century
        DateRule(
            "century",
            _compile(
                r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<c>1[5-9]|2[01])(?:st|nd|rd|th)"
                r"[\s-]+(?i:century)\b"
            ),
            resolve=resolve_century,
            words=("century",),
            lends="year",
        ),
        # the first quarter of 2019 ; third-quarter ; Q3 2019 ; the fiscal first quarter
        DateRule(
            "quarter",
            _compile(
                rf"(?:(?P<the>(?i:the|its|this\s+year's|last\s+year's|next\s+year's))\s+)?(?:{_g(YEAR, 'y')}\s+)?"
                r"(?:(?i:fiscal)[\s-]+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?P<hy>[\s-]+)"
                r"(?i:quarter)(?![\w])"
                rf"(?:\s+of\s+(?:(?i:fiscal)\s+)?{_g(YEAR, 'y2')})?"
                rf"|\bQ(?P<qn>[1-4])(?:\s*{_g(YEAR, 'y3')}|\s*'(?P<yy>\d\d)|\s*(?:FY)\s*{_g(YEAR, 'y4')})?\b"
                r"|(?P<qrel>(?i:the\s+(?:latest|last|most\s+recent|recent|current|previous|past)|this|last|next"
                r"|the))\s+(?i:(?:fiscal\s+)?quarter)(?![\w])"
            ),
            resolve=resolve_quarter,
            names=("Q",),
            words=("quarter",),
            check=quarter_is_date,
            lends="quarter",
            start=_after_the_before_an_adjective,
        ),
        # the first half of 2019 ; H1 2019
        DateRule(
            "half",
            _compile(
                rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second|latter|last))\s+(?i:half)\s+of\s+{_g(YEAR, 'y')}"
                rf"|\bH(?P<hn>[12])\s*{_g(YEAR, 'y2')}"
            ),
            resolve=resolve_half,
            names=("H",),
            words=("half",),
        ),
        # the first nine months of 2019 ; the last three months of 2020 ; of the year
        DateRule(
            "months_of",
            _compile(
                rf"(?:(?i:the)\s+)?(?P<end>(?i:first|last|final))\s+(?P<num>(?i:{NUMBER}))\s+"
                rf"(?i:months)\s+of\s+(?:{_g(YEAR, 'y')}|(?P<yw>(?i:the|this|last|next))\s+(?i:year)\b)"
            ),
            resolve=resolve_months_of,
            words=("months",),
        ),
        # spring 2010 ; Summer 2016 ; last fall ; the winter of 2019 ; early summer 2010 ;
        # the following spring ; that autumn
        DateRule(
            "season",
            _compile(
                rf"(?:(?i:the)\s+)?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past"
                r"|following|previous|preceding|that(?:\s+same)?|same))\s+"
                rf"|{MOD}[\s-]+)?(?P<s>(?i:spring|summer|autumn|fall|winter))(?![\w-])"
                rf"(?:\s+(?:of\s+)?{_g(YEAR, 'y')})?"
            ),
            resolve=resolve_season,
            words=tuple(SEASONS),
            check=season_is_date,
        ),
        # today ; yesterday afternoon ; late yesterday ; tonight
        DateRule(
            "deictic",
            _compile(
                r"(?:(?P<pre>(?i:early|late|earlier|later))\s+)?"
                r"\b(?P<deic>(?i:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
                r"|last\s+night))\b" + PART_OF_DAY
            ),
            resolve=resolve_deictic,
            words=("today", "tonight", "yesterday", "tomorrow", *PARTS_OF_DAY),
            lends="relative",
        ),
        # Tuesday ; last Friday ; Wednesday night ; this coming Sunday
        DateRule(
            "weekday",
            _compile(
                r"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|the\s+previous|the\s+following"
                r"|early|late))\s+)?"
                rf"{_g(WEEKDAY, 'wd')}" + PART_OF_DAY
            ),
            resolve=resolve_weekday,
            names=WEEKDAY_TRIGGERS,
            check=weekday_is_date,
        ),
        # this year ; last week ; next month ; earlier this year ; the past year ; the following
        # year ; later that month ; the year before ; the end of the month
        DateRule(
            "unit_rel",
            _compile(
                r"(?:(?P<mod2>(?i:early|late|earlier|later|mid|sometime|by|the\s+end\s+of|end\s+of"
                r"|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]+)?"
                r"(?:(?P<the>(?i:the))\s+)?(?P<rel>(?i:this|last|next|past|coming|previous|current"
                r"|following|preceding|same|that(?:\s+same)?))\s+"
                r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|weekend|month|year|decade"
                r"|century))\b"
                r"|(?P<the_weekend>\b(?i:the\s+weekend))\b"
                r"|(?P<mod3>(?i:the\s+(?:end|start|beginning|middle)\s+of))\s+(?i:the)\s+"
                r"(?P<unit3>(?i:week|month|year))\b"
                r"|(?i:the)\s+(?P<unit2>(?i:day|week|month|year))\s+(?P<dir2>(?i:before|after))\b"
                r"(?![ \t]*[\w(])"
            ),
            resolve=resolve_unit_rel,
            words=("day", *PARTS_OF_DAY, "week", "weekend", "month", "year", "decade", "century"),
            lends="relative",
            reach=(50, 16),  # "[the beginning of the following] year", "the day [before]"
        ),
        # two years ago ; a week earlier ; 10 days from now ; nearly four years ago ;
        # three days later (counted from the date last narrated) ; forty years ago today
        DateRule(
            "ago",
            _compile(
                rf"{APPROX_PREFIX}(?P<num>(?i:{NUMBER}|several|a\s+few|a\s+couple\s+of))\s+(?P<unit>(?i:hour|day|week|month|year|decade))s?"
                r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence|before|after))\b"
                r"(?:\s+(?P<today>(?i:today)))?"
            ),
            resolve=resolve_ago,
            words=("ago", "earlier", "later", "hence", "before", "after", "now"),
            check=ago_is_date,
            lends="relative",
            reach=(60, 12),  # it ends at its trigger: "[more than a couple of] years ago [today]"
        ),
        # the past five years ; the last 32 months ; the next two weeks
        DateRule(
            "span",
            _compile(
                rf"(?:(?i:the)\s+)?(?P<rel>(?i:past|last|next|coming|previous))\s+(?P<num>(?i:{NUMBER}))\s+"
                r"(?P<unit>(?i:day|week|month|year|decade))s\b"
            ),
            resolve=resolve_span,
            words=PLURAL_UNITS,
        ),
        # nineteen ninety-six ; the year two thousand
        DateRule(
            "spoken_year",
            _compile(
                r"\b(?P<sy>(?i:nineteen|eighteen|twenty)[\s-]+(?i:hundred|ten|eleven|twelve|thirteen|fourteen"
                r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy"
                r"|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?)"
                r"|(?<=the year )two thousand(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven"
                r"|eight|nine|ten)\b)?)\b"
            ),
            resolve=resolve_spoken_year,
            words=("nineteen", "eighteen", "twenty", "thousand"),
            lends="year",
        ),
        # now ; currently ; recently ; in recent years ; the near future
        DateRule(
            "vague",
            _compile(
                r"\b(?P<present>(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days"
                r"|presently|at\s+the\s+moment))\b(?![-'’])"
                r"|\b(?P<past>(?i:recently|lately|recent\s+(?:days|weeks|months|years)))\b"
                r"|\b(?P<future>(?i:the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+(?:days|weeks|months"
                r"|years)))\b"
            ),
            resolve=resolve_vague,
            words=(*PLURAL_UNITS, *VAGUE_WORDS),
        ),
    ]
)
