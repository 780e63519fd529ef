"""Read a document's own metadata: title, date, publisher, author, and the lines they use.

The masthead is every line before the first line of running prose (site chrome
blanked out first, `chronicle.ingest.text.chrome`). This module finds the landmarks in it
and asks one module per question: which line is the headline (`title`), who wrote it
(`byline`), who published it (`publisher`), and when (`document_date`, whose
strategies also read the foot of the page and the body). Lines used up as metadata
(date lines, bylines, labels, decoy dates) are reported so the cleaner leaves them out
of the body; the title line itself stays in the body as a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chronicle import lexicon
from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.document_date import (
    DATE_LINE_RESIDUE,
    DATELINE,
    Page,
    decoy_lines,
    document_date,
    name_and_date,
    parse_date,
    parse_date_line,
)
from chronicle.ingest.metadata.byline import (
    BYLINE,
    clean_name,
    dated_author,
    edited_by_lines,
    find_author,
    unlabelled_byline,
)
from chronicle.ingest.metadata.casing import title_case
from chronicle.ingest.metadata.publisher import (
    GENRE_LABEL,
    KNOWN_OUTLETS,
    STATE_NAME,
    is_organisation,
    is_public_body,
    masthead_name,
    organisation_name,
    published_in,
    site_name,
    stated_publisher,
)
from chronicle.ingest.metadata.title import heading_one, is_headline, pick_title, title_line
from chronicle.ingest.text.chrome import (
    is_boilerplate,
    is_chrome,
    link_lists,
    nav_targets,
    repeated_lines,
)
from chronicle.ingest.text.clean import is_table_row
from chronicle.ingest.text.inline import clean_inline
from chronicle.ingest.text.segment import ends_sentence

__all__ = [
    "DATE_LINE_RESIDUE",
    "Metadata",
    "clean_name",
    "dateline_length",
    "extract_metadata",
    "front_matter",
    "organisation_name",
    "parse_date",
    "parse_date_line",
    "title_case",
]


_FRONT_MATTER_LINES = 40


_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)")


_PROSE_WORDS = 8


_MASTHEAD_LINES = 40


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a document says about itself.

    Attributes:
        title: Display title ("" if none).
        date: The document's own date, or None.
        date_text: That date as written.
        date_source: The name of the strategy that found the date ("" if none).
        publisher: Publisher or source as stated ("" if none).
        author: Author without honorifics ("" if none).
        url: The web address the document names as its own (a saved page's canonical
            URL in its front matter; "" if none).
        consumed: Indexes of lines that only carry metadata (leave them out of the body).
    """

    title: str = ""
    date: date | None = None
    date_text: str = ""
    date_source: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    consumed: frozenset[int] = frozenset()


def extract_metadata(lines: Sequence[str]) -> Metadata:
    """Find title, date, publisher and author in a document's lines.

    Args:
        lines: Sanitised lines (`chronicle.ingest.clean.prepare_lines`).

    Returns:
        The metadata found, with the indexes of lines that carry only metadata.
    """
    front, front_lines = front_matter(lines)
    chrome = {i for i, line in enumerate(lines) if is_chrome(line)} | link_lists(lines)
    texts = [
        ""
        if i in front_lines or i in chrome or is_table_row(line)
        else clean_inline(_laid_out(line))
        for i, line in enumerate(lines)
    ]
    top, first_prose = _masthead(texts)
    consumed: set[int] = set(front_lines)
    targets = nav_targets(lines)
    repeats = repeated_lines(lines)

    author, byline = find_author(texts, top)
    if not byline and (names := unlabelled_byline(texts, top)) is not None:
        author, byline = clean_name(texts[names]), {names}
    consumed |= byline
    consumed |= edited_by_lines(texts, top)
    consumed |= {i for i in top if GENRE_LABEL.match(texts[i])}
    consumed |= {i for i in top if texts[i].lower() in targets}

    title_index = heading_one(lines, top) or title_line(
        texts, top, consumed | set(repeats), targets
    )
    page = Page(texts, top, first_prose, title_index, frozenset(byline), front, frozenset(chrome))
    chosen, considered = document_date(page)
    consumed |= {c.line for c in considered if c.only_date and c.line is not None}
    consumed |= decoy_lines(page)
    if chosen is not None and chosen.strategy == "masthead_date" and chosen.line is not None:
        consumed.add(chosen.line)

    if not author and chosen is not None and chosen.strategy == "byline" and chosen.line:
        author = dated_author(texts[chosen.line])
    if chosen is not None and chosen.strategy == "release_number_line":
        title_index = chosen.line  # "No: 214, 16 June 2021, Press Release Regarding ..."
    publisher = _dateline_source(texts, first_prose)
    organisations = [
        i
        for i in top
        if i not in consumed
        and i != title_index
        and (is_organisation(texts[i]) or is_public_body(texts[i]))
    ]
    outlets = [
        i
        for i in top
        if i not in consumed and i != title_index and texts[i].lower() in KNOWN_OUTLETS
    ]
    organisations = sorted(set(organisations) | set(outlets))
    consumed |= set(organisations)
    before_title = [i for i in organisations if title_index is None or i < title_index]
    # a masthead line just under a news headline ("Dawn", "Dawn News") names the paper
    under_title = [
        i
        for i in organisations
        if title_index is not None and 0 < i - title_index <= 3 and len(texts[i].split()) <= 5
    ]
    agencies = [i for i in before_title if not STATE_NAME.match(texts[i])]
    before_title = agencies or before_title
    if not publisher and (before_title or under_title):
        publisher = organisation_name(texts[(before_title or under_title)[0]])
    publisher = publisher or published_in(texts, page) or stated_publisher(texts, top)
    if not publisher and (masthead := masthead_name(texts, top, title_index)) is not None:
        publisher = title_case(texts[masthead])
        consumed.add(masthead)

    title = pick_title(texts, top, title_index, repeats)
    if chosen is not None and chosen.strategy == "release_number_line" and chosen.line is not None:
        line = texts[chosen.line]  # the headline is what follows the number and date
        title = line[line.find(chosen.text) + len(chosen.text) :].strip(" ,.-–—|")
    return Metadata(
        title=title_case(front.get("title") or title),
        date=chosen.date if chosen else None,
        date_text=chosen.text if chosen else "",
        date_source=chosen.strategy if chosen else "",
        publisher=front.get("publisher")
        or site_name(front.get("source", ""))
        or front.get("site-name")
        or publisher,
        author=clean_name(front.get("author") or front.get("authors") or "")
        or author
        or clean_name(front.get("creator", "")),
        url=_web_address(front.get("source", "")),
        consumed=frozenset(consumed),
    )


def _web_address(value: str) -> str:
    """`value` when it is a web address, else ""."""
    value = value.strip()
    return value if re.match(r"https?://\S+$", value) else ""


_WIDE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def _laid_out(line: str) -> str:
    """A raw line with its Markdown prefix removed and its wide gaps kept as " · ": a
    masthead set in columns ("THE LEDGER      SUNDAY, MAY 4, 1980      FINAL") is parts."""
    line = _MARKDOWN_PREFIX.sub("", line)
    return _WIDE_GAP.sub(" · ", line) if "   " in line else line


def _dateline_source(texts: Sequence[str], first_prose: int | None) -> str:
    """The agency a wire dateline credits: "ISLAMABAD, Dec 28 (Reuters) -"."""
    dateline = DATELINE.match(texts[first_prose]) if first_prose is not None else None
    source = ((dateline.group("source") or "") if dateline else "").strip()
    return source if source and not any(c.isdigit() for c in source) else ""


def front_matter(lines: Sequence[str]) -> tuple[dict[str, str], set[int]]:
    """Keys of a YAML-style front-matter block ("---" ... "---") at the top of a file.

    Args:
        lines: Sanitised lines.

    Returns:
        (lower-cased key -> unquoted value, indexes of the block's lines); empty
        when the file has no front matter.
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled or lines[filled[0]].strip() != "---":
        return {}, set()
    start = filled[0]
    for end in range(start + 1, min(len(lines), start + _FRONT_MATTER_LINES)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, set()
    values = {}
    for line in lines[start + 1 : end]:
        if match := _FRONT_MATTER_KEY.match(line):
            values[match.group("key").lower()] = match.group("value").strip().strip("\"'")
    return values, set(range(start, end + 1))


def _masthead(texts: Sequence[str]) -> tuple[list[int], int | None]:
    """Indexes of non-blank lines before the first prose line, and that line's index."""
    top: list[int] = []
    for index, text in enumerate(texts):
        if not text:
            continue
        following = texts[index + 1] if index + 1 < len(texts) else ""
        standalone_heading = not following and (
            (not _ends(text) and len(text.split()) <= 30) or is_headline(text)
        )
        wrapped = following and (following[:1].islower() or text.rstrip()[-1:] in ",;")
        if (
            not standalone_heading
            and (_is_prose(text) or (wrapped and _is_prose(f"{text} {following}")))
            and not (len(top) <= _STANDFIRST_AFTER and _byline_follows(texts, index))
        ):
            return top, index  # a hard-wrapped first sentence starts the prose too
        if len(top) >= _MASTHEAD_LINES:
            return top, None
        top.append(index)
    return top, None


_STANDFIRST_AFTER = 4
"""How many masthead lines (a kicker, the headline) a standfirst may stand under."""


_BYLINE_WITHIN = 3


def _byline_follows(texts: Sequence[str], index: int) -> bool:
    """Whether a byline block follows the prose line at `index` before any other prose:
    "By NAME", "NAME · 12 May 2021", a series line ("Commentary No. 3/2021") or authors'
    names over a date line. The line is then the headline's standfirst, and the block
    under it is masthead."""
    following = [i for i in range(index + 1, len(texts)) if texts[i]][:_BYLINE_WITHIN]
    block = []
    for i in following:
        if _is_prose(texts[i]):
            break
        if _is_byline(texts[i]) or GENRE_LABEL.match(texts[i]):
            return True
        block.append(i)
    return unlabelled_byline(texts, block) is not None


def _is_byline(text: str) -> bool:
    """ "By Amal Farouk", "Ama Owusu · 4 June 2020", but not "By then the line closed."."""
    labelled = BYLINE.match(text) and len(text.split()) <= 8 and not _ends(text)
    return bool(labelled or name_and_date(text))


_TRAILING_MARKER = re.compile(r"(?<=[.!?\"”’)])\s*(?:\[\^?\w{1,3}\]|\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*$")
"""A footnote marker after a sentence's last stop ("2017.[2]", "2017.2", "2017.²")."""


def _is_prose(text: str) -> bool:
    if is_boilerplate(text) or text[:1] in "(*[":
        return False
    words = len(text.split())
    return words >= _PROSE_WORDS and (_ends(text) or words >= 2 * _PROSE_WORDS)


def _ends(text: str) -> bool:
    """Whether a line ends a sentence, a footnote marker after the stop allowed."""
    return ends_sentence(text) or ends_sentence(_TRAILING_MARKER.sub("", text))


_PLACE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    r"\s*(?:[—–]|\s--?\s)\s*(?=\S)"
)
"""A wire dateline with no date: a city, maybe its country or state, then a dash
("TALLINN - ", "LA PAZ — ", "SAN JOSE, Costa Rica — ", "Tallinn – ")."""


def _place_dateline_length(sentence: str) -> int:
    """Length of an undated dateline: its place in capitals ("NAIROBI") and no
    organisation's acronym ("NATO - "), or a city the lexicon knows ("Nairobi - ")."""
    m = _PLACE_DATELINE.match(sentence)
    if m is None:
        return 0
    place = m.group("place")
    if place in lexicon.capitals() or place.title() in lexicon.capitals():
        return m.end()
    capitals_only = place.isupper() and sum(ch.isalpha() for ch in place) >= 3
    return m.end() if capitals_only and place not in lexicon.organisations() else 0


def dateline_length(sentence: str) -> int:
    """Length of a news dateline opening the sentence ("Islamabad, 26 July 2022 (TDI): ",
    "ISLAMABAD, June 30 (Reuters) - ", "LA PAZ — "), or 0."""
    m = DATELINE.match(sentence)
    if not m or not any(ch.isdigit() for ch in m.group("date")):
        return _place_dateline_length(sentence)
    # "Karachi, home to 20 million people - is ..." has a number, but no date: a
    # dateline's date has its day (the year may be left to the byline)
    found = find_dates(m.group("date"))
    if any(d.precision in ("day", "unresolved") for d in found):
        return m.end()
    return _place_dateline_length(sentence)
