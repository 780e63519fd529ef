"""Find a document's own date: named strategies propose candidates, one chooser picks.

Pages state their date in many places (front matter, a page's meta tags, a byline
block, a "Published ..." line, a date line under the headline, a wire dateline, a
place-and-date line, a foot line) and carry dates that are not theirs (today's date
in the site's masthead, the dates of related links, copyright years). Each strategy
below is a small function that reads one of those habits from a `Page` and returns
`Candidate`s; `STRATEGIES` lists them strongest first, and `choose` takes the
strongest candidate the text does not contradict. Date strings are parsed by the
date finder (`chronicle.ingest.dates.find_dates`), so there is one grammar of dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from chronicle.ingest.clean import is_boilerplate
from chronicle.ingest.dates import find_dates
from chronicle.ingest.gazetteer import country_table
from chronicle.ingest.segment import ends_sentence, split_sentences

# --- parsing date strings ------------------------------------------------------------

_DAY_FIRST_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)$")
"""An all-numeric date ("15.03.2023", "12/11/2016"), read day first unless impossible:
the convention of the ministries and the Asian, African and European press that write
such lines (an American page spells its month out)."""
_LABEL = re.compile(
    r"^(?:(?:date|dated|published|publication date|date of publication|posted|posted on|"
    r"issued|issued on|released|released on|first published|published on|updated|"
    r"last updated|last updated on|last modified|modified|updated on)\b\s*(?:in|on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.I,
)
DATE_LINE_RESIDUE = re.compile(
    r"\b(?i:updated|last\s+updated|published|posted|date|dated|issued|released|on|at)\b"
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
_PLACE_PREFIX = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s*(?P<rest>\S.*)$"
)


def parse_date(text: str) -> tuple[date, str] | None:
    """The first date with its day in `text` ("January 4, 2018", "26 July 2022").

    A range ("20-24 October 2019") gives its last day: a report is written once
    the meeting it reports is over.

    Returns:
        (date, the date as written), or None.
    """
    for match in find_dates(text):
        if match.precision == "day" and match.date_start:
            return match.date_start, match.text
        short = match.date_end and (match.date_end - match.date_start).days < 31
        if match.precision == "range" and short:
            return match.date_end, match.text
    return None


def parse_date_line(line: str) -> tuple[date, str] | None:
    """A date when `line` is nothing but a date: labelled, with a weekday, clock time,
    a genre word ("16.02.2015 - Article") or a known place ("Tokyo, 28 April 2022").

    Returns:
        (date, the date as written), or None. A month and year alone gives the 1st.
    """
    rest = _LABEL.sub("", line.strip(), count=1).strip(" .")
    placed = _PLACE_PREFIX.match(rest)
    if placed and placed.group("place") in country_table():
        return parse_date_line(placed.group("rest"))
    if match := _DAY_FIRST_NUMERIC.match(rest):
        return _numeric(match, rest)
    matches = [m for m in find_dates(rest) if m.date_start]
    if len(matches) != 1 or matches[0].precision not in ("day", "month"):
        return None
    found = matches[0]
    residue = DATE_LINE_RESIDUE.sub("", rest.replace(found.text, " ")).strip(" ,.|-–—·•")
    if residue and not _GENRE_WORD.match(residue):
        return None
    return found.date_start, found.text


def _numeric(match: re.Match[str], text: str) -> tuple[date, str] | None:
    first, second = int(match.group("a")), int(match.group("b"))
    day, month = (second, first) if second > 12 else (first, second)
    try:
        return date(int(match.group("y")), month, day), text
    except ValueError:
        return None


_GLUED = re.compile(r"(?<=\b(?:19|20)\d\d)(?=\d{1,2}:\d\d)|(?<=[A-Z]{2})(?=[A-Z][a-z])")
"""Text nodes a saved page ran together: "March 18, 202310:14 PM UTCUpdated"."""


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


def first_date(text: str) -> tuple[date, str] | None:
    """The first day or month date in a short line, numeric ones read day first."""
    for token in re.findall(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b", text):
        if parsed := _numeric(_DAY_FIRST_NUMERIC.match(token), token):
            return parsed
    for match in find_dates(text):
        if match.precision in ("day", "month") and match.date_start:
            return match.date_start, match.text
    return None


# --- the page and its candidates -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """What the strategies look at: a document's clean lines and its known landmarks.

    Attributes:
        texts: Clean lines ("" for blank lines, chrome and front matter).
        top: Indexes of the masthead lines (every non-blank line before the first prose).
        first_prose: Index of the first line of running prose, or None.
        title: Index of the headline, or None.
        byline: Indexes of the byline's lines.
        front: Front-matter keys (and the page's meta tags, passed on by the HTML reader).
    """

    texts: Sequence[str]
    top: Sequence[int] = ()
    first_prose: int | None = None
    title: int | None = None
    byline: frozenset[int] = frozenset()
    front: Mapping[str, str] = field(default_factory=dict)

    def footer(self, count: int) -> list[int]:
        """Indexes of the last `count` non-blank lines."""
        return [i for i, t in enumerate(self.texts) if t][-count:]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date a strategy proposes for the document.

    Attributes:
        date: The proposed date.
        text: The date as written.
        strategy: The name of the strategy that found it.
        line: Index of the line it stands on (None for front matter).
        only_date: True when the line carries nothing but the date (and labels): such a
            line is metadata and never reaches the body, chosen or not.
    """

    date: date
    text: str
    strategy: str
    line: int | None = None
    only_date: bool = False


Strategy = Callable[[Page], list[Candidate]]

_FOOT_LINES = 12
_NEAR_TITLE = 4
"""How many lines under the headline or byline a date line still belongs to them."""
_SHORT_LINE = 12
_LABELLED_LINE = 20


def from_front_matter(page: Page) -> list[Candidate]:
    """`date:` (or `published:`) in a Markdown file's front matter."""
    for key in ("date", "published", "publishdate", "pubdate"):
        if parsed := parse_date_line(page.front.get(key, "")):
            return [Candidate(parsed[0], parsed[1], "front_matter")]
    return []


def from_html_meta(page: Page) -> list[Candidate]:
    """The publication date an HTML page declares in its meta tags ("html_meta"), or
    failing that the date it was last modified ("html_modified")."""
    out = []
    for key, name in (("date-published", "html_meta"), ("date-modified", "html_modified")):
        value = page.front.get(key, "")
        if parsed := parse_date(value) or parse_date_line(value):
            out.append(Candidate(parsed[0], parsed[1], name))
    return out


_BYLINE_SEPARATOR = re.compile(r"\s+[|•·—–-]\s+|,\s+(?=\w+\.?\s+\d|\d)")


def from_byline(page: Page) -> list[Candidate]:
    """A date in the byline block: "By NAME" over "December 28, 2017", or on the byline
    itself after a separator ("By Jane Roe | December 28, 2017")."""
    out = []
    for index in sorted(page.byline):
        for part in _BYLINE_SEPARATOR.split(page.texts[index])[1:]:
            if parsed := parse_date_line(part):
                out.append(Candidate(parsed[0], parsed[1], "byline", index))
    near = _after(page, page.title, _NEAR_TITLE) if page.title is not None else page.top[:4]
    for index in near:
        if index not in page.byline and (parsed := name_and_date(page.texts[index])):
            out.append(Candidate(parsed[0], parsed[1], "byline", index, only_date=True))
    if page.byline:
        for index in _after(page, max(page.byline), _NEAR_TITLE):
            if parsed := parse_date_line(page.texts[index]) or leading_date(page.texts[index]):
                out.append(Candidate(parsed[0], parsed[1], "byline", index, only_date=True))
                break
    return out


_PUBLISHED = re.compile(
    r"^\W*(?:published|posted|issued|released|first published|publication date|"
    r"date of publication|date of issue|dated?)\b(?!\s*(?:modified|updated|of last))"
    r"(?:\s+(?:in|on|by)\s+(?P<outlet>[^,]{2,60}?)\s*,)?",
    re.I,
)
_UPDATED = re.compile(
    r"^\W*(?:(?:this\s+)?page\s+(?:was\s+)?)?(?:date\s+)?(?:last\s+)?(?:updated|modified"
    r"|reviewed|revised|edited)\b",
    re.I,
)


_NAME_BEFORE = re.compile(
    r"^(?P<name>[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+)){1,3})\s*[|·•,—–-]?\s+"
)
"""A person's name in ordinary capitals ("Ama Owusu", "Lucía Montero", "Li Na")."""


def name_and_date(line: str) -> tuple[date, str] | None:
    """The date of a byline without "By": a name, then the date and maybe a reading time
    ("Ama Owusu 4 June 2020 · 5 min read", "Ama Owusu | 4 June 2020")."""
    match = _NAME_BEFORE.match(line)
    if not match or _MONTH_WORD.match(match.group("name")) or _NOT_NAME.search(match.group()):
        return None
    rest = line[match.end() :]
    return parse_date_line(rest) or stamped_date(rest) or _with_reading_time(rest)


_NOT_NAME = re.compile(
    r"\b(?:Treaty|Agreement|Accord|Declaration|Summit|Act|Protocol|Convention|Charter|Pact"
    r"|Statement|Communiqu[eé]|Meeting|Visit|Talks|Conference|Day)\b"
)
"""Words that make a capitalised phrase a thing's name, not a person's."""
_MONTH_WORD = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
_READING_TIME = re.compile(r"\s*\d{1,3}\s*min(?:ute)?s?(?:\s+read)?\W*$", re.I)


def _with_reading_time(text: str) -> tuple[date, str] | None:
    return parse_date_line(_READING_TIME.sub("", text)) if _READING_TIME.search(text) else None


def from_published_line(page: Page) -> list[Candidate]:
    """A line that says when the page was published: "Published in Dawn, February 16th,
    2016", "Posted on 3 May 2019", "Published September 26, 2023" (head or foot)."""
    return _labelled(page, _PUBLISHED, "published_line")


def from_updated_line(page: Page) -> list[Candidate]:
    """ "Last updated on: 18/01/2024", "Updated September 27, 2023": the page's date when
    nothing says when it was first published."""
    return _labelled(page, _UPDATED, "updated_line")


def _labelled(page: Page, label: re.Pattern[str], name: str) -> list[Candidate]:
    out = []
    for index in _head_and_foot(page):
        text = page.texts[index]
        if not label.match(text) or len(text.split()) > _LABELLED_LINE:
            continue
        if parsed := first_date(text):
            # a labelled date line is metadata, whatever else it carries ("· Visitors: 9")
            out.append(Candidate(parsed[0], parsed[1], name, index, only_date=True))
    return out


_DECOY_LABEL = re.compile(
    r"^\W*(?:digiti[sz]ed|retrieved|accessed|captured|archived|printed|downloaded|scanned"
    r"|viewed|crawled|saved|citation|suggested citation|cite (?:this|as))\b",
    re.I,
)
_HEAD_LINES = 15
_PAGE_LABEL = re.compile(
    r"\b(?:published|posted|updated|modified|modification date|issued|released)\b", re.I
)


def decoy_lines(page: Page) -> set[int]:
    """Head and foot lines that date the copy or the page, not the text: "Digitised:
    3 February 2021", "Accessed 4 March 2024", "Citation: ...", "Material published by:
    Embassy  Modification date: 06.12.2023". Never candidates, never events."""
    out = set()
    head = [i for i, t in enumerate(page.texts) if t][:_HEAD_LINES]
    for i in sorted(set(_head_and_foot(page)) | set(head)):
        text = page.texts[i]
        if not first_date(text) or i == page.first_prose:
            continue
        labelled = _PAGE_LABEL.search(text) and not ends_sentence(text)
        if _DECOY_LABEL.match(text) or (labelled and len(text.split()) <= _LABELLED_LINE):
            out.add(i)
    return out


def published_outlet(line: str) -> str:
    """The outlet a "Published in X, <date>" line names ("" if none)."""
    match = _PUBLISHED.match(line)
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
    placed = _PLACE_PREFIX.match(line)
    if placed:
        line = placed.group("rest")  # "Bruxelles, 23/11/2018 - 15:56"
    parsed = leading_date(line) or first_numeric(line)
    if not parsed:
        return None
    rest = _GLUED.sub(" ", line)
    rest = rest[rest.find(parsed[1]) + len(parsed[1]) :]
    return parsed if _STAMP_AFTER.match(rest) else None


def is_date_bearing(line: str) -> bool:
    """Whether a masthead line states a date (and so is no headline)."""
    return bool(
        (_PUBLISHED.match(line) and first_date(line))
        or (_UPDATED.match(line) and first_date(line))
        or parse_date_line(line)
        or separated_date(line)
        or labelled_date(line)
        or stamped_date(line)
    )


def from_date_line(page: Page) -> list[Candidate]:
    """A masthead line that is only a date (or a date among short parts, "Name · date"):
    under the headline ("date_under_title"), a speech's place and date
    ("place_date_line"), or above the headline, where a site often prints today's date
    ("date_above_title")."""
    out = []
    for index in page.top:
        text = page.texts[index]
        if index in page.byline or _PUBLISHED.match(text) or _UPDATED.match(text):
            continue
        numbered = numbered_release_date(text)
        parsed = parse_date_line(text) or separated_date(text) or numbered or stamped_date(text)
        if not parsed:
            continue
        placed = _PLACE_PREFIX.match(text)
        if numbered:
            name = "release_number_line"
        elif placed and placed.group("place") in country_table():
            name = "place_date_line"
        elif page.title is not None and index < page.title:
            name = "date_above_title"
        else:
            name = "date_under_title"
        out.append(Candidate(parsed[0], parsed[1], name, index, only_date=True))
    return out


_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40},\s*(?P<date>[^:—–(]{4,30}?)\s*(?:\([^)]{1,30}\))?\s*(?:[:—–]|\s-)\s*"
)


def from_dateline(page: Page) -> list[Candidate]:
    """A wire or newspaper dateline opening the first paragraph
    ("ISLAMABAD, 26 July 2022 (TDI): ..."). A dateline without its year ("SKOPJE,
    Feb 12 (Agency) -") takes the first year that puts it on or after every date
    the story narrates in the past ("yearless_dateline"): news is written after
    what it reports."""
    if page.first_prose is None:
        return []
    match = _DATELINE.match(page.texts[page.first_prose])
    if not match:
        return []
    if parsed := parse_date(match.group("date")):
        return [Candidate(parsed[0], parsed[1], "dateline", page.first_prose)]
    yearless = [m for m in find_dates(match.group("date")) if m.precision == "unresolved"]
    narrated, future = narrated_dates(page)
    past = [d for d in narrated if d not in future]
    if not yearless or not past:
        return []
    text = yearless[0].text
    latest = max(past)
    for year in (latest.year, latest.year + 1):
        found = find_dates(text, date(year, 12, 31))
        day = next((m.date_start for m in found if m.date_start), None)
        day = day and day.replace(year=year) if day and _valid(day, year) else None
        if day and day >= latest:
            return [Candidate(day, text, "yearless_dateline", page.first_prose)]
    return []


def _valid(day: date, year: int) -> bool:
    try:
        day.replace(year=year)
    except ValueError:
        return False
    return True


def from_foot_date_line(page: Page) -> list[Candidate]:
    """A text signed off at its foot with a place and date ("Islamabad" over
    "15.03.2023", "ACCRA," over "7th March, 1974."): the last date line, with no
    sentence after it but notes, links and copyright lines."""
    for index in reversed(page.footer(_SIGN_OFF_LINES)):
        text = page.texts[index]
        if parsed := parse_date_line(text):
            return [Candidate(parsed[0], parsed[1], "foot_date_line", index, only_date=True)]
        if text[:1] in "[(" or is_boilerplate(text):
            continue
        if ends_sentence(text) and len(text.split()) >= _SENTENCE_WORDS:
            return []  # a sentence after it: the date line belongs to the text
    return []


_SIGN_OFF_LINES = 6
_SENTENCE_WORDS = 6


def from_masthead(page: Page) -> list[Candidate]:
    """Any short masthead line with a full date ("TO BE ANSWERED ON 03.02.2022"): the
    weakest evidence, used only when nothing else dates the document."""
    dated = [
        (index, parsed)
        for index in page.top
        if index != page.title
        and len(page.texts[index].split()) <= _SHORT_LINE
        and not _LIST_MARK.match(page.texts[index])
        and not ends_sentence(page.texts[index])  # a sentence narrates; a masthead labels
        and (parsed := labelled_date(page.texts[index]) or _full_date(page.texts[index]))
    ]
    if len(dated) != 1:
        return []  # several dated lines at the head of a page are a chronology's entries
    index, (value, text) = dated[0]
    return [Candidate(value, text, "masthead_date", index)]


_LIST_MARK = re.compile(r"^\s*(?:[-*•–—·▪►]|\(?\d{1,3}[.)])\s")


def _full_date(text: str) -> tuple[date, str] | None:
    for token in re.findall(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b", text):
        if parsed := _numeric(_DAY_FIRST_NUMERIC.match(token), token):
            return parsed
    return parse_date(text)


STRATEGIES: tuple[tuple[str, Strategy], ...] = (
    ("front_matter", from_front_matter),
    ("html_meta", from_html_meta),
    ("byline", from_byline),
    ("published_line", from_published_line),
    ("date_line", from_date_line),
    ("dateline", from_dateline),
    ("updated_line", from_updated_line),
    ("foot_date_line", from_foot_date_line),
    ("masthead_date", from_masthead),
)
"""Every strategy, in the order their evidence is trusted."""

RANK = (
    "front_matter",
    "html_meta",
    "byline",
    "published_line",
    "date_under_title",
    "place_date_line",
    "dateline",
    "release_number_line",
    "html_modified",
    "date_above_title",
    "updated_line",
    "foot_date_line",
    "masthead_date",
    "yearless_dateline",
)
"""Candidate names (a strategy may name its candidates by where they stand), strongest first."""


def candidates(page: Page) -> list[Candidate]:
    """Every candidate every strategy proposes, strongest first."""
    found = [c for _, strategy in STRATEGIES for c in strategy(page)]
    return sorted(found, key=lambda c: (RANK.index(c.strategy), c.line or 0))


# --- choosing --------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|is scheduled|are scheduled|is expected to|"
    r"are expected to|upcoming|forthcoming|next (?:week|month|year)|sees)\b",
    re.I,
)
_LATE = timedelta(days=365)
_BODY_CHARACTERS = 20000


def narrated_dates(page: Page) -> tuple[list[date], list[date]]:
    """(every date the body narrates, those a future-tense sentence speaks of).

    The body is every line after the masthead; only dates with their year count.
    """
    start = page.first_prose if page.first_prose is not None else len(page.texts)
    narrated: list[date] = []
    future: list[date] = []
    size = 0
    for text in page.texts[start:]:
        if not text or size > _BODY_CHARACTERS:
            continue
        size += len(text)
        for s, e in split_sentences(text):
            sentence = text[s:e]
            dated = [m.date_start for m in find_dates(sentence) if m.date_start]
            narrated += dated
            if _FUTURE.search(sentence):
                future += dated
    return narrated, future


def contradicted(candidate: Candidate, narrated: Sequence[date], future: Sequence[date]) -> bool:
    """Whether the text says it was not written on `candidate`'s date: the candidate is
    over a year after every date the body narrates, and the body speaks in the future
    tense of its own latest dates ("will be visiting on 3 January 2017" under a 2024
    crawl date)."""
    if not narrated or candidate.strategy in ("front_matter", "html_meta", "html_modified"):
        return False
    latest = max(narrated)
    # the story's own latest dates are still to come: it was written before them
    ahead = any(latest - _LATE <= d < candidate.date - _LATE for d in future)
    return latest < candidate.date - _LATE and ahead


def choose(found: Sequence[Candidate], page: Page) -> Candidate | None:
    """The strongest candidate the text does not contradict, or None.

    Args:
        found: Candidates, strongest first (`candidates`).
        page: The page they come from.
    """
    if not found:
        return None
    narrated, future = narrated_dates(page)
    for candidate in found:
        if not contradicted(candidate, narrated, future):
            return candidate
    return None


def document_date(page: Page) -> tuple[Candidate | None, list[Candidate]]:
    """The document's date and every candidate considered (their date-only lines are
    metadata whether chosen or not)."""
    found = candidates(page)
    return choose(found, page), found


def _after(page: Page, index: int, count: int) -> list[int]:
    """The next `count` non-blank lines after `index`, within the masthead."""
    tops = [i for i in page.top if i > index]
    return tops[:count]


def _head_and_foot(page: Page) -> list[int]:
    return sorted(set(page.top) | set(page.footer(_FOOT_LINES)))
