"""The named strategies that propose a document's date, strongest first.

Each is a small function from a `Page` to `Candidate`s that reads one habit of real
pages: front matter and meta tags, a byline block, a "Published ..." or "Last updated"
line, a date line under (or above) the headline, a wire dateline, a release's number
line, a sign-off at the foot, any lone dated masthead line, and last the day the
file itself says it was made. `RANK` orders the names a
strategy may give its candidates; `decoy_lines` names the lines that date the copy
(digitised, accessed, cited) and so date nothing.
"""

from __future__ import annotations

import re
from datetime import date

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.document_date.lines import (
    DATELINE,
    PLACE_PREFIX,
    PUBLISHED_LABEL,
    UPDATED_LABEL,
    first_date,
    full_date,
    labelled_date,
    leading_date,
    name_and_date,
    numbered_release_date,
    parse_date,
    parse_date_line,
    publication_date,
    separated_date,
    stamped_date,
)
from chronicle.ingest.document_date.page import (
    Candidate,
    Page,
    Strategy,
    head_and_foot,
    lines_after,
    lines_below,
    narrated_days,
)
from chronicle.ingest.literals import Gated, lowered_for_gates
from chronicle.ingest.text.chrome import is_boilerplate
from chronicle.ingest.text.segment import ends_sentence
from chronicle.lexicon import country_forms

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
    """A date in the byline block: "By NAME" over "December 28, 2017", on the byline
    itself after a separator ("By Jane Roe | December 28, 2017"), or an author line
    without "By" under the headline or its standfirst ("Jane Roe |16.05.2023")."""
    out = []
    for index in sorted(page.byline):
        if parsed := publication_date(page.texts[index]):
            out.append(Candidate(parsed[0], parsed[1], "byline", index))
            continue
        for part in _BYLINE_SEPARATOR.split(page.texts[index])[1:]:
            if parsed := parse_date_line(part):
                out.append(Candidate(parsed[0], parsed[1], "byline", index))
    near = lines_below(page, page.title, _NEAR_TITLE) if page.title is not None else page.top[:4]
    for index in near:
        if index not in page.byline and (parsed := name_and_date(page.texts[index])):
            out.append(Candidate(parsed[0], parsed[1], "byline", index, only_date=True))
    if page.byline:
        for index in lines_after(page, max(page.byline), _NEAR_TITLE):
            if parsed := parse_date_line(page.texts[index]) or leading_date(page.texts[index]):
                out.append(Candidate(parsed[0], parsed[1], "byline", index, only_date=True))
                break
    return out


def from_published_line(page: Page) -> list[Candidate]:
    """A line that says when the page was published: "Published in Dawn, February 16th,
    2016", "Posted on 3 May 2019", "Published September 26, 2023" (head or foot)."""
    return _labelled(page, PUBLISHED_LABEL, "published_line")


def from_updated_line(page: Page) -> list[Candidate]:
    """ "Last updated on: 18/01/2024", "Updated September 27, 2023": the page's date when
    nothing says when it was first published."""
    return _labelled(page, UPDATED_LABEL, "updated_line")


def _labelled(page: Page, label: re.Pattern[str], name: str) -> list[Candidate]:
    out = []
    for index in head_and_foot(page):
        text = page.texts[index]
        if not label.match(text) or len(text.split()) > _LABELLED_LINE:
            continue
        if parsed := publication_date(text) or first_date(text):
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


_PAGE_LABEL_GATE = Gated(_PAGE_LABEL)


def decoy_lines(page: Page) -> set[int]:
    """Head and foot lines that date the copy or the page, not the text: "Digitised:
    3 February 2021", "Accessed 4 March 2024", "Citation: ...", "Material published by:
    Embassy  Modification date: 06.12.2023". Never candidates, never events."""
    out = set()
    head = [i for i, t in enumerate(page.texts) if t][:_HEAD_LINES]
    for i in sorted(set(head_and_foot(page)) | set(head)):
        text = page.texts[i]
        labelled = _PAGE_LABEL_GATE.search(text, lowered_for_gates(text)) and not ends_sentence(
            text
        )
        decoy = _DECOY_LABEL.match(text) or (labelled and len(text.split()) <= _LABELLED_LINE)
        if decoy and i != page.first_prose and first_date(text):
            out.add(i)
    return out | crawl_bars(page)


_HEADER_PART = re.compile(
    r"^(?:[+−-]?\d{1,2}\s*°\s*[CF]?|(?:log|sign)\s*(?:in|out|up)|login|register|subscribe"
    r"|e-?paper|weather|(?-i:(?:[A-Z]{2}(?:\s+|$)){2,}))$",
    re.I,
)
"""What a site's header bar prints beside today's date: the weather ("+7°C"), login and
subscription links, language codes ("AZ EN RU")."""


_PARTS = re.compile(r"\s+[·|•]\s+|\s*\|\s*")


def crawl_bars(page: Page) -> set[int]:
    """Date lines in the site's header: the day the page was saved, not written
    ("Tuesday, 03.12.2024" above the site's name and menus). Such a line stands above
    the headline with a menu or link bar between them, or carries header links of its
    own (the weather, "Login", language codes)."""
    if page.title is None:
        return set()
    out = set()
    for index in page.top:
        if index >= page.title:
            break
        text = page.texts[index]
        parts = [p.strip() for p in _PARTS.split(text) if p.strip()]
        header = any(_HEADER_PART.match(p) for p in parts)
        below = any(index < i < page.title for i in page.chrome)
        if (header or below) and (parse_date_line(text) or separated_date(text)):
            out.add(index)
    return out


def from_date_line(page: Page) -> list[Candidate]:
    """A masthead line that is only a date (or a date among short parts, "Name · date"):
    under the headline ("date_under_title"), a speech's place and date
    ("place_date_line"), or above the headline ("date_above_title"), but not in the
    site's header bar, where a site prints the day the page was saved (`crawl_bars`)."""
    out = []
    bars = crawl_bars(page)
    for index in page.top:
        text = page.texts[index]
        if index in page.byline or index in bars:
            continue
        if PUBLISHED_LABEL.match(text) or UPDATED_LABEL.match(text):
            continue
        numbered = numbered_release_date(text)
        parsed = parse_date_line(text) or separated_date(text) or numbered or stamped_date(text)
        if not parsed:
            continue
        placed = PLACE_PREFIX.match(text)
        if numbered:
            name = "release_number_line"
        elif placed and placed.group("place") in country_forms():
            name = "place_date_line"
        elif page.title is not None and index < page.title:
            name = "date_above_title"
        else:
            name = "date_under_title"
        out.append(Candidate(parsed[0], parsed[1], name, index, only_date=True))
    return out


def from_dateline(page: Page) -> list[Candidate]:
    """A wire or newspaper dateline opening the first paragraph
    ("ISLAMABAD, 26 July 2022 (TDI): ..."). A dateline without its year ("SKOPJE,
    Feb 12 (Agency) -") takes the first year that puts it on or after every date
    the story narrates in the past ("yearless_dateline"): news is written after
    what it reports. Only days and months count: a bare year ("signed an accord in
    2015") is background, and no evidence of when the story was filed."""
    if page.first_prose is None:
        return []
    match = DATELINE.match(page.texts[page.first_prose])
    if not match:
        return []
    if parsed := parse_date(match.group("date")):
        return [Candidate(parsed[0], parsed[1], "dateline", page.first_prose)]
    yearless = [m for m in find_dates(match.group("date")) if m.precision == "unresolved"]
    past = narrated_days(page)
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
    bars = crawl_bars(page)
    dated = [
        (index, parsed)
        for index in page.top
        if index != page.title
        and index not in bars
        and len(page.texts[index].split()) <= _SHORT_LINE
        and not _LIST_MARK.match(page.texts[index])
        and not ends_sentence(page.texts[index])  # a sentence narrates; a masthead labels
        and (parsed := labelled_date(page.texts[index]) or full_date(page.texts[index]))
    ]
    if len(dated) != 1:
        return []  # several dated lines at the head of a page are a chronology's entries
    index, (value, text) = dated[0]
    return [Candidate(value, text, "masthead_date", index)]


_LIST_MARK = re.compile(r"^\s*(?:[-*•–—·▪►]|\(?\d{1,3}[.)])\s")


def from_file_metadata(page: Page) -> list[Candidate]:
    """The day the file says it was made (`date-created`, which the PDF and Word readers
    take from the file's own metadata): ranked below every date the text states, since
    a file is often made long after its text was written (a scan, an export, a copy)."""
    if parsed := parse_date(page.front.get("date-created", "")):
        return [Candidate(parsed[0], parsed[1], "file_metadata")]
    return []


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
    ("file_metadata", from_file_metadata),
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
    "file_metadata",
)
"""Candidate names (a strategy may name its candidates by where they stand), strongest first."""


def candidates(page: Page) -> list[Candidate]:
    """Every candidate every strategy proposes, strongest first."""
    found = [c for _, strategy in STRATEGIES for c in strategy(page)]
    return sorted(found, key=lambda c: (RANK.index(c.strategy), c.line or 0))
