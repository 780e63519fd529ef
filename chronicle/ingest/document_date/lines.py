"""Read a date out of one line of a page: the date-string grammar of `document_date`.

Every function here looks at a single clean line and says whether (and where) it
states a date the way mastheads, bylines and foot lines do ("Published in Dawn,
February 16th, 2016", "16.02.2015 - Article", "No: 214, 16 June 2021, Press Release
..."). Dates themselves are parsed by the date finder (`find_dates`), so there is one
grammar of dates; only the all-numeric day-first convention of such lines is local.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.names import MONTH_WORD
from chronicle.lexicon import country_forms

_DAY_FIRST_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)$")
"""An all-numeric date ("15.03.2023", "12/11/2016"), read day first unless impossible:
the convention of the ministries and the Asian, African and European press that write
such lines (an American page spells its month out)."""


_LABEL = re.compile(
    r"^(?:(?:date|dated|published|publication date|date of publication|posted|posted on|"
    r"issued|issued on|released|released on|first published|published on|updated|update|"
    r"last updated|last updated on|last modified|modified|updated on)\b\s*(?:in|on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?",
    re.I,
)


DATE_LINE_RESIDUE = re.compile(
    r"\b(?i:updated?|last\s+updated|published|posted|date|dated|issued|released|on|at)\b"
    r"|\d{1,2}[:.]\d\d(?:\s*(?i:[ap]\.?m\.?)(?![\w]))?|\b(?i:[ap]\.m\.|[ap]m)(?!\w)"
    r"|\b(?:GMT|UTC|PKT|JST|IST|EDT|EST|PST|PDT|CET|CEST|BST)(?:\s*[+-]\s*\d{1,2})?\b"
)
"""Labels, clock times and zones that a date line ("Updated 8:47 PM EDT, ...") carries."""


_GENRE_WORD = re.compile(
    r"^\W*(?:article|news|press release|press statement|statement|speech|op-ed|opinion|"
    r"commentary|analysis|brief|readout|editorial|interview|feature|report|blog)\W*$",
    re.I,
)
"""What a date line may name besides the date: "16.02.2015 - Article"."""


PLACE_PREFIX = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s*(?P<rest>\S.*)$"
)


@functools.lru_cache(maxsize=16384)
def parse_date(text: str) -> tuple[date, str] | None:
    """The first date with its day in `text` ("January 4, 2018", "26 July 2022").

    A range ("20-24 October 2019") gives its last day: a report is written once
    the meeting it reports is over.

    Returns:
        (date, the date as written), or None.
    """
    if not _HAS_DIGIT.search(text):
        return None
    for match in find_dates(text):
        if match.precision == "day" and match.date_start:
            return match.date_start, match.text
        short = match.date_end and (match.date_end - match.date_start).days < 31
        if match.precision == "range" and short:
            return match.date_end, match.text
    return None


@functools.lru_cache(maxsize=16384)
def parse_date_line(line: str) -> tuple[date, str] | None:
    """A date when `line` is nothing but a date: labelled, with a weekday, clock time,
    a genre word ("16.02.2015 - Article") or a known place ("Tokyo, 28 April 2022").

    Returns:
        (date, the date as written), or None. A month and year alone gives the 1st.
    """
    if not _HAS_DIGIT.search(line):
        return None  # every date line has a number in it
    rest = _LABEL.sub("", line.strip(), count=1).strip(" .")
    placed = PLACE_PREFIX.match(rest)
    if placed and placed.group("place") in country_forms():
        return parse_date_line(placed.group("rest"))
    if match := _DAY_FIRST_NUMERIC.match(rest):
        return _numeric(match, rest)
    numeric = first_numeric(rest)  # "03/05/2021 09:12": day first, as the whole line is
    matches = [m for m in find_dates(rest) if m.date_start]
    if numeric is None and (len(matches) != 1 or matches[0].precision not in ("day", "month")):
        return None
    value, text = numeric or (matches[0].date_start, matches[0].text)
    residue = DATE_LINE_RESIDUE.sub("", rest.replace(text, " ")).strip(" ,.|-–—·•")
    if residue and not _GENRE_WORD.match(residue):
        return None
    return value, text


def _numeric(match: re.Match[str], text: str) -> tuple[date, str] | None:
    first, second = int(match.group("a")), int(match.group("b"))
    day, month = (second, first) if second > 12 else (first, second)
    try:
        return date(int(match.group("y")), month, day), text
    except ValueError:
        return None


DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40},\s*(?P<date>[^:—–(]{4,30}?)\s*(?:\((?P<source>[^()]{1,40})\))?\s*"
    r"(?:[:—–]|\s--?)\s*"
)
"""A news dateline opening a lede: place, date, maybe the agency, then a colon or dash
("ISLAMABAD, Dec 28 (Reuters) - ", "Beijing, Nov. 17 (Xinhua) -- ")."""
_HAS_DIGIT = re.compile(r"\d")
_GLUED = re.compile(r"(?<=\b(?:19|20)\d\d)(?=\d{1,2}:\d\d)|(?<=[A-Z]{2})(?=[A-Z][a-z])")
"""Text nodes a saved page ran together: "March 18, 202310:14 PM UTCUpdated"."""


@functools.lru_cache(maxsize=16384)
def leading_date(line: str, words: int = 12) -> tuple[date, str] | None:
    """The date a short line opens with, whatever follows it (a clock time, "3 min
    read"): "March 18, 2023 10:14 PM UTC Updated", "Thursday 4 May 2023 · 3 min read".

    Args:
        line: One clean line.
        words: The longest line considered.
    """
    line = _GLUED.sub(" ", line)
    if len(line.split()) > words:
        return None
    rest = _LABEL.sub("", line.strip(), count=1)
    for match in find_dates(rest):
        if match.start > 0 or match.precision != "day" or not match.date_start:
            return None
        return match.date_start, match.text
    return None


def first_numeric(line: str) -> tuple[date, str] | None:
    """An all-numeric date opening the line, read day first ("23/11/2018 - 15:56")."""
    match = re.match(r"\s*(\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d)\b", line)
    return _numeric(_DAY_FIRST_NUMERIC.match(match.group(1)), match.group(1)) if match else None


@functools.lru_cache(maxsize=16384)
def first_date(text: str) -> tuple[date, str] | None:
    """The first day or month date in a short line, numeric ones read day first."""
    if not _HAS_DIGIT.search(text):
        return None
    if parsed := _numeric_date(text):
        return parsed
    for match in find_dates(text):
        if match.precision in ("day", "month") and match.date_start:
            return match.date_start, match.text
    return None


_DOCUMENT_NOUN = (
    r"(?:(?:press\s+)?(?:release|statement)|report|speech|address|remarks|resolution|decision"
    r"|communiqu[eé]|declaration|paper|brief|commentary|article|document|judg(?:e)?ment|notice"
    r"|letter|opinion|motion|bill)"
)
"""What a label of issue names as issued ("Report tabled", "Speech delivered")."""


PUBLISHED_LABEL = re.compile(
    r"^\W*(?:(?:published|posted|issued|released|first published|publication date|"
    r"date of publication|date of issue|date of adoption|dated?)\b"
    r"(?!\s*(?:modified|updated|of last))"
    rf"|(?:{_DOCUMENT_NOUN}\s+(?:was\s+)?)?(?:tabled|issued|released|delivered|adopted"
    r"|published|presented)(?=\s*(?::|on\b|\d)))"
    r"(?:\s+(?:in|on|by)\s+(?P<outlet>[^,]{2,60}?)\s*,)?",
    re.I,
)
"""A label of publication or issue opening a line: "Published in Dawn, ...", "Posted on",
"Date of publication:", "Report tabled: 26 March 2024", "Statement issued on 4 May 2019"."""


UPDATED_LABEL = re.compile(
    r"^\W*(?:(?:this\s+)?page\s+(?:was\s+)?)?(?:date\s+)?(?:last\s+)?(?:updated|modified"
    r"|reviewed|revised|edited)\b",
    re.I,
)


NAME_BEFORE = re.compile(
    r"^(?P<name>[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+)){1,3})"
    r"(?:(?:\s*[|·•,—–]\s*)+|\s+-\s+|\s+)(?=\S)"
)
"""A person's name in ordinary capitals ("Ama Owusu", "Lucía Montero", "Li Na"), then a
separator, spaced or not ("Ama Owusu |16.05.2023")."""


def name_and_date(line: str) -> tuple[date, str] | None:
    """The date of a byline without "By": a name, then the date and maybe a reading time
    ("Ama Owusu 4 June 2020 · 5 min read", "Ama Owusu | 4 June 2020")."""
    match = NAME_BEFORE.match(line)
    if not match or _MONTH_WORD.match(match.group("name")) or _NOT_NAME.search(match.group()):
        return None
    rest = line[match.end() :]
    return parse_date_line(rest) or stamped_date(rest) or _with_reading_time(rest)


_NOT_NAME = re.compile(
    r"\b(?:Treaty|Agreement|Accord|Declaration|Summit|Act|Protocol|Convention|Charter|Pact"
    r"|Statement|Communiqu[eé]|Meeting|Visit|Talks|Conference|Day)\b"
)
"""Words that make a capitalised phrase a thing's name, not a person's."""


_MONTH_WORD = re.compile(rf"^{MONTH_WORD}(?!\w)", re.I)


_READING_TIME = re.compile(r"\s*\d{1,3}\s*min(?:ute)?s?(?:\s+read)?\W*$", re.I)


def _with_reading_time(text: str) -> tuple[date, str] | None:
    return parse_date_line(_READING_TIME.sub("", text)) if _READING_TIME.search(text) else None


def published_outlet(line: str) -> str:
    """The outlet a "Published in X, <date>" line names ("" if none)."""
    match = PUBLISHED_LABEL.match(line)
    outlet = (match.group("outlet") or "") if match else ""
    return outlet.strip() if outlet and not any(c.isdigit() for c in outlet) else ""


_PART_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+|\s*[|·•]\s*$|^\s*[|·•]\s*")


_PART_WORDS = 8


def separated_date(line: str) -> tuple[date, str] | None:
    """The date of a masthead line laid out in parts, one of them a date:
    "Policy Paper No. 41 | Noa Ben-David | 06.06.2022", "A. Writer · 12 January 2022 ·
    9 min read". The other parts are short (names, labels, reading times)."""
    parts = [p.strip() for p in _PART_SEPARATOR.split(line) if p and p.strip()]
    if len(parts) < 2 or any(len(p.split()) > _PART_WORDS for p in parts):
        return None
    dated = [parsed for p in parts if (parsed := parse_date_line(p))]
    return dated[0] if len(dated) == 1 else None


_ENDS_ON_DATE = re.compile(r"\b(?:on|dated|of)\s*:?\s*$", re.I)


def labelled_date(line: str) -> tuple[date, str] | None:
    """A masthead line that ends "... on <date>" or "... dated <date>": "TO BE ANSWERED
    ON 03.02.2022", "Statement issued on 4 May 2019"."""
    parsed = first_date(line)
    if not parsed or not line.rstrip(" .").endswith(parsed[1]):
        return None
    before = line.rstrip(" .")[: -len(parsed[1])]
    return parsed if _ENDS_ON_DATE.search(before) else None


_RELEASE_NUMBER = re.compile(
    r"^(?:(?:press\s+)?(?:release|statement)\s+)?(?:no|number|nr)\.?\s*:?\s*[\w/-]{1,12}\s*[,|–—-]\s*",
    re.I,
)


def numbered_release_date(line: str) -> tuple[date, str] | None:
    """The date of a release's number line: "No: 214, 16 June 2021, Press Release
    Regarding ...", "No. 45/2019 | 3 May 2019"."""
    match = _RELEASE_NUMBER.match(line)
    return leading_date(line[match.end() :], words=len(line.split())) if match else None


_STAMP_AFTER = re.compile(r"\s*(?:[/|·•—–]|-\s|\d{1,2}[:.]\d\d\b)")


def stamped_date(line: str) -> tuple[date, str] | None:
    """A date stamp: a date, then a separator or a clock time and whatever a site prints
    after it ("July 9, 2018 / 4:41 PM / 6 years ago", "3 May 2021 · 4 min read")."""
    placed = PLACE_PREFIX.match(line)
    if placed:
        line = placed.group("rest")  # "Bruxelles, 23/11/2018 - 15:56"
    parsed = first_numeric(line) or leading_date(line)
    if not parsed:
        return None
    rest = _GLUED.sub(" ", line)
    rest = rest[rest.find(parsed[1]) + len(parsed[1]) :]
    if not _STAMP_AFTER.match(rest):
        return None
    return publication_date(line) or parsed


_NUMERIC_TOKEN = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b")


def line_dates(line: str) -> list[tuple[int, date, str]]:
    """Every full date on a line, in order: (offset, date, as written); all-numeric ones
    read day first."""
    out = []
    for token in _NUMERIC_TOKEN.finditer(line):
        if parsed := _numeric(_DAY_FIRST_NUMERIC.match(token.group()), token.group()):
            out.append((token.start(), parsed[0], parsed[1]))
    blanked = _NUMERIC_TOKEN.sub(lambda m: " " * len(m.group()), line)
    for match in find_dates(blanked):
        if match.precision == "day" and match.date_start:
            out.append((match.start, match.date_start, match.text))
    return sorted(out, key=lambda found: found[0])


_UPDATE_WORD = re.compile(r"\b(?:last\s+)?(?:updated?|modified|revised|edited)\b", re.I)


_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|issued|released|created)\b", re.I)


def publication_date(line: str) -> tuple[date, str] | None:
    """The first-publication date of a line stamped with several ("Published: 16 May 2023
    | Updated: 18 May 2023", "Updated 18 May 2023 · Published 16 May 2023", "16.05.2023 -
    Update : 17.05.2023"): the date labelled published, else the earliest, as a page is
    published before it is updated. None unless the line names an update."""
    if not _UPDATE_WORD.search(line):
        return None
    dated = line_dates(line)
    if len(dated) < 2:
        return None
    labelled = [
        (value, text)
        for position, (offset, value, text) in enumerate(dated)
        if _PUBLISHED_WORD.search(line, dated[position - 1][0] if position else 0, offset)
        and not _UPDATE_WORD.search(line, dated[position - 1][0] + 1 if position else 0, offset)
    ]
    return labelled[0] if labelled else min((value, text) for _, value, text in dated)


@functools.lru_cache(maxsize=16384)
def is_date_bearing(line: str) -> bool:
    """Whether a masthead line states a date (and so is no headline)."""
    return bool(
        (PUBLISHED_LABEL.match(line) and first_date(line))
        or (UPDATED_LABEL.match(line) and first_date(line))
        or parse_date_line(line)
        or separated_date(line)
        or labelled_date(line)
        or stamped_date(line)
        or name_and_date(line)
    )


def full_date(text: str) -> tuple[date, str] | None:
    """A numeric date read day first, else the date a whole line states."""
    return _numeric_date(text) or parse_date(text)


def _numeric_date(text: str) -> tuple[date, str] | None:
    """The first all-numeric date of ``text`` ("16.02.2015"), read day first."""
    for token in _NUMERIC_TOKEN.finditer(text):
        if parsed := _numeric(_DAY_FIRST_NUMERIC.match(token.group()), token.group()):
            return parsed
    return None
