"""Read a document's own metadata from its front matter: title, date, publisher, author.

The front matter ("masthead") is every line before the first line of running
prose. In it we look for a date line, a byline, genre labels ("ISSUE BRIEF"),
institution names, and heading-like lines that could be the title; the first
prose line may hold a news dateline ("Islamabad, 26 July 2022 (TDI): ...").
Lines used up as metadata are reported so the cleaner can leave them out of
the body text; the title line itself stays in the body as a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chronicle.ingest.chrome import (
    caption_stem,
    is_boilerplate,
    is_chrome,
    is_disclaimer,
    link_lists,
    nav_targets,
    repeated_lines,
)
from chronicle.ingest.clean import is_table_row
from chronicle.ingest.dates import find_dates
from chronicle.ingest.document_date import (
    DATE_LINE_RESIDUE,
    Page,
    decoy_lines,
    document_date,
    is_date_bearing,
    parse_date,
    parse_date_line,
    published_outlet,
)
from chronicle.ingest.inline import clean_inline
from chronicle.ingest.segment import ends_sentence, looks_like_heading

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

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’ -]{1,40}?)\s*,\s*(?P<date>[^():—–]{4,30}?)?\s*"
    r"(?:\((?P<source>[^()]{2,40})\))?\s*(?::|—|–|\s-)\s",
)
_BYLINE = re.compile(r"^(?:by|written by|author|authors|authored by)\s*:?\s*(?P<name>.*)$", re.I)
_EDITED_BY = re.compile(
    r"^(?:edited|compiled|reviewed|translated)\s+by\b\s*:?\s*(?P<name>.*)$", re.I
)
_HONORIFIC = re.compile(
    r"^(?:dr|prof|professor|mr|mrs|ms|miss|h\.e|amb|ambassador|gen|lt|col|brig|maj|capt|"
    r"sen|senator|rev|sir|dame|engr|hon)\.?\s+|^\(retd?\.?\)\s*",
    re.I,
)
_GENRE_LABEL = re.compile(
    r"^(?:issue|policy|media|press|research|news|background|strategic)?\s*"
    r"(?:brief|briefing|release|statement|paper|report|commentary|analysis|op-?ed|opinion|"
    r"news|backgrounder|readout|transcript|fact ?sheet|note|insight|spotlight|comment|article|"
    r"working paper|occasional paper|special report)s?(?:\s+(?:no\.?|number|#)\s*\d+)?\W*$",
    re.I,
)
_ORGANISATION = re.compile(
    r"\b(?:institute|institution|centre|center|ministry|department|embassy|council|foundation|"
    r"university|agency|office|commission|association|society|academy|forum|bureau|"
    r"secretariat|consulate|mission|news|press|times|daily|herald|tribune|post|gazette|"
    r"journal|diplomat|diplomatic insight|broadcasting|corporation|network|studies|"
    r"external action|high commission|observatory|library|archives?)\b",
    re.I,
)
_PUBLISHED_BY = re.compile(
    r"^(?:published by|publisher|source|issued by)\b\s*:?\s*(?P<name>[^,;|]{3,80})", re.I
)
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©|\(c\)|copyright)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^.,;|·•]{3,80}?)(?:\.|,|\s+all rights reserved|\s*[|·•]|$)",
    re.I,
)
KNOWN_OUTLETS = frozenset(
    name.strip()
    for name in """dawn | dawn news | reuters | associated press | ap | afp
    | agence france-presse | kyodo | kyodo news | nikkei | nikkei asia | the japan times
    | japan times | nhk | nhk world | the express tribune | express tribune | the news
    | the news international | the nation | geo news | app | associated press of pakistan
    | radio pakistan | xinhua | bbc | bbc news | al jazeera | the diplomat | the hindu
    | the economist | the guardian | the new york times | the washington post | bloomberg
    | the asahi shimbun | the mainichi | the yomiuri shimbun | business recorder
    | the friday times | arab news | anadolu agency""".split("|")
)
"""News outlets whose bare name on a masthead line is the publisher ("Dawn", "Reuters")."""

_KNOWN_DOMAINS = {
    "mofa.go.jp": "Ministry of Foreign Affairs of Japan",
    "mofa.gov.pk": "Ministry of Foreign Affairs, Pakistan",
    "issi.org.pk": "Institute of Strategic Studies Islamabad",
}
"""Web addresses that name their publisher (only read from front matter and footers)."""
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.[a-z]{2,24})",
    re.I,
)
_FRONT_MATTER_LINES = 40
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_MARKDOWN_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)")
_PROSE_WORDS = 8
_MASTHEAD_LINES = 40
_FOOTER_LINES = 12
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)
_ACRONYMS = frozenset(
    "UN US USA UK EU UAE UNSC NATO ASEAN SCO SAARC CPEC BRI FDI IMF JICA ODA WTO FATF "
    "G7 G20 ISSI TDI MOFA OIC GCC IAEA NPT CTBT FMCT ISI ISPR".split()
)


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
        consumed: Indexes of lines that only carry metadata (leave them out of the body).
    """

    title: str = ""
    date: date | None = None
    date_text: str = ""
    date_source: str = ""
    publisher: str = ""
    author: str = ""
    consumed: frozenset[int] = frozenset()


def title_case(text: str) -> str:
    """Title-case an ALL-CAPS line for display; other text is returned unchanged.

    Args:
        text: e.g. "PAKISTAN-JAPAN TIES: MOVING TOWARDS A POSITIVE TRAJECTORY".

    Returns:
        e.g. "Pakistan-Japan Ties: Moving Towards a Positive Trajectory".
    """
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        after_colon = index > 0 and words[index - 1].endswith((":", "—", "–"))
        out.append(_title_word(word, first=index == 0 or after_colon))
    return " ".join(out)


def _title_word(word: str, first: bool) -> str:
    core = word.strip("()[]\"'“”‘’:,;.!?")
    if core in _ACRONYMS:
        return word
    if not first and core.lower() in _SMALL_WORDS:
        return word.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def clean_name(text: str) -> str:
    """A person's name without honorifics or trailing role ("Dr X, Director" -> "X")."""
    name = _strip_honorifics(text.strip())
    name = re.split(r",|\s[-–—|]\s|\s\(", name, maxsplit=1)[0].strip()
    return _strip_honorifics(name).strip(" .")


def _strip_honorifics(name: str) -> str:
    previous = None
    while previous != name:
        previous, name = name, _HONORIFIC.sub("", name).strip()
    return name


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

    author, byline = _author(texts, top)
    if not byline and (names := _unlabelled_byline(texts, top)) is not None:
        author, byline = clean_name(texts[names]), {names}
    consumed |= byline
    consumed |= _edited_by(texts, top)
    consumed |= {i for i in top if _GENRE_LABEL.match(texts[i])}
    consumed |= {i for i in top if texts[i].lower() in targets}

    title_index = _heading_one(lines, top) or _title_line(
        texts, top, consumed | set(repeats), targets
    )
    page = Page(texts, top, first_prose, title_index, frozenset(byline), front)
    chosen, considered = document_date(page)
    consumed |= {c.line for c in considered if c.only_date and c.line is not None}
    consumed |= decoy_lines(page)
    if chosen is not None and chosen.strategy == "masthead_date" and chosen.line is not None:
        consumed.add(chosen.line)

    if chosen is not None and chosen.strategy == "release_number_line":
        title_index = chosen.line  # "No: 214, 16 June 2021, Press Release Regarding ..."
    publisher = _dateline_source(texts, first_prose)
    organisations = [
        i
        for i in top
        if i not in consumed
        and i != title_index
        and (_is_organisation(texts[i]) or _is_public_body(texts[i]))
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
    agencies = [i for i in before_title if not _STATE.match(texts[i])]
    before_title = agencies or before_title
    if not publisher and (before_title or under_title):
        publisher = organisation_name(texts[(before_title or under_title)[0]])
    publisher = publisher or _published_in(texts, page) or _stated_publisher(texts, top)
    if not publisher and (masthead := _masthead_name(texts, top, title_index)) is not None:
        publisher = title_case(texts[masthead])
        consumed.add(masthead)

    title = _pick_title(texts, top, title_index, repeats)
    if chosen is not None and chosen.strategy == "release_number_line" and chosen.line is not None:
        line = texts[chosen.line]  # the headline is what follows the number and date
        title = line[line.find(chosen.text) + len(chosen.text) :].strip(" ,.-–—|")
    return Metadata(
        title=title_case(front.get("title") or title),
        date=chosen.date if chosen else None,
        date_text=chosen.text if chosen else "",
        date_source=chosen.strategy if chosen else "",
        publisher=front.get("publisher")
        or _site_name(front.get("source", ""))
        or front.get("site-name")
        or publisher,
        author=clean_name(front.get("author") or front.get("authors") or "") or author,
        consumed=frozenset(consumed),
    )


_WIDE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def _laid_out(line: str) -> str:
    """A raw line with its Markdown prefix removed and its wide gaps kept as " · ": a
    masthead set in columns ("THE LEDGER      SUNDAY, MAY 4, 1980      FINAL") is parts."""
    return _WIDE_GAP.sub(" · ", _MARKDOWN_PREFIX.sub("", line))


_NAME_PARTS = re.compile(r"\s+[|·•—–/]\s+")
_PUBLIC_BODY = re.compile(
    r"\b(?:union|government|parliament|nations|organi[sz]ation|assembly|senate)\b", re.I
)
"""Words that name a public body in a masthead, though a headline may use them too."""
_BODY_WORDS = 6


def _is_public_body(text: str) -> bool:
    """A short masthead line naming a state or public body ("REPUBLIC OF GHANA",
    "African Union")."""
    named = _STATE.match(text) or _PUBLIC_BODY.search(text)
    return bool(named) and looks_like_heading(text) and len(text.split()) <= _BODY_WORDS


_WELCOME = re.compile(r"^welcome to\s+(?:the\s+)?(?=[A-Z])", re.I)
_STATE = re.compile(r"^(?:the\s+)?(?:government|republic|kingdom|state|commonwealth)\s+of\b", re.I)
"""A state's name heading an agency's masthead ("GOVERNMENT OF INDIA" over "MINISTRY OF
EXTERNAL AFFAIRS"): the agency under it is the publisher."""


def organisation_name(line: str) -> str:
    """The organisation a masthead line names, without the section or edition set beside
    it: "UNITED NATIONS | Meetings Coverage" -> "United Nations", "Aegean Herald ·
    English Edition" -> "Aegean Herald"."""
    parts = [_WELCOME.sub("", p) for p in _NAME_PARTS.split(line) if p.strip()]
    named = [p for p in parts if _ORGANISATION.search(p) or _PUBLIC_BODY.search(p)]
    return title_case((named or parts or [line])[0].strip())


def _site_name(source: str) -> str:
    """A front matter's `source:` as a name: a web address names its known site only."""
    if "://" not in source and not source.lower().startswith("www."):
        return source
    domain = _DOMAIN.match(source)
    return _KNOWN_DOMAINS.get(_site(domain.group("domain")), "") if domain else ""


def _dateline_source(texts: Sequence[str], first_prose: int | None) -> str:
    """The agency a wire dateline credits: "ISLAMABAD, Dec 28 (Reuters) -"."""
    dateline = _DATELINE.match(texts[first_prose]) if first_prose is not None else None
    source = ((dateline.group("source") or "") if dateline else "").strip()
    return source if source and not any(c.isdigit() for c in source) else ""


def _published_in(texts: Sequence[str], page: Page) -> str:
    """The outlet a "Published in Dawn, February 16th, 2016" line names."""
    for index in page.footer(_FOOTER_LINES) + list(page.top):
        if outlet := published_outlet(texts[index]):
            return outlet
    return ""


def _heading_one(lines: Sequence[str], top: Sequence[int]) -> int | None:
    """The masthead's one top-level heading ("# Title", an HTML page's h1), if it has one."""
    ones = [i for i in top if _HEADING_ONE.match(lines[i])]
    return ones[0] if len(ones) == 1 else None


_HEADING_ONE = re.compile(r"^\s{0,3}#\s+\S")
_MASTHEAD_WORDS = 5


def _masthead_name(texts: Sequence[str], top: Sequence[int], title: int | None) -> int | None:
    """The newspaper's name set in capitals at the head of its page ("THE FRONTIER
    LEDGER"): the first masthead line, above the headline, short, without a date."""
    if not top or title is None or top[0] >= title:
        return None
    text = texts[top[0]]
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters) or len(text.split()) > _MASTHEAD_WORDS:
        return None
    if _GENRE_LABEL.match(text) or any(c.isdigit() for c in text):
        return None
    return top[0]


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
            (not _ends(text) and len(text.split()) <= 30) or _is_headline(text)
        )
        wrapped = following and (following[:1].islower() or text.rstrip()[-1:] in ",;")
        if not standalone_heading and (
            _is_prose(text) or (wrapped and _is_prose(f"{text} {following}"))
        ):
            return top, index  # a hard-wrapped first sentence starts the prose too
        if len(top) >= _MASTHEAD_LINES:
            return top, None
        top.append(index)
    return top, None


_TRAILING_MARKER = re.compile(r"(?<=[.!?\"”’)])\s*(?:\[\^?\w{1,3}\]|\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*$")
"""A footnote marker after a sentence's last stop ("2017.[2]", "2017.2", "2017.²")."""


_HEADLINE_WORDS = 16


def _is_headline(text: str) -> bool:
    """A headline set in title case, even one ending in "?" or "!" ("Can the Customs
    Union Be Rescued?"): most of its longer words are capitalised."""
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    if len(text.split()) > _HEADLINE_WORDS or text.rstrip()[-1:] == "." or not words:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _is_prose(text: str) -> bool:
    if is_boilerplate(text) or text[:1] in "(*[":
        return False
    words = len(text.split())
    return words >= _PROSE_WORDS and (_ends(text) or words >= 2 * _PROSE_WORDS)


def _ends(text: str) -> bool:
    """Whether a line ends a sentence, a footnote marker after the stop allowed."""
    return ends_sentence(text) or ends_sentence(_TRAILING_MARKER.sub("", text))


def _author(texts: Sequence[str], top: Sequence[int]) -> tuple[str, set[int]]:
    """The author named in a byline, and the byline's lines (name, roles)."""
    for position, index in enumerate(top):
        match = _BYLINE.match(texts[index])
        if not match:
            continue
        name = match.group("name").strip()
        used = {index}
        rest = top[position + 1 :]
        if not name and rest:
            name = texts[rest[0]]
            used.add(rest[0])
            rest = rest[1:]
        # role lines directly under the name, in the same block
        last = max(used)
        for following in rest:
            if following != last + 1 or not looks_like_heading(texts[following]):
                break
            if len(texts[following].split()) > 4 or parse_date_line(texts[following]):
                break
            used.add(following)
            last = following
        author = clean_name(name)
        if author and len(author.split()) <= 6:
            return author, used
    return "", set()


def _edited_by(texts: Sequence[str], top: Sequence[int]) -> set[int]:
    for position, index in enumerate(top):
        match = _EDITED_BY.match(texts[index])
        if match:
            used = {index}
            if not match.group("name").strip() and position + 1 < len(top):
                used.add(top[position + 1])
            return used
    return set()


def _is_organisation(text: str) -> bool:
    return (
        bool(_ORGANISATION.search(text))
        and looks_like_heading(text)
        and len(text.split()) <= 10
        and not parse_date_line(text)
    )


def _title_candidates(
    texts: Sequence[str], top: Sequence[int], consumed: set[int], targets: set[str]
) -> list[int]:
    candidates = []
    for position, index in enumerate(top):
        text = texts[index]
        following = top[position + 1] if position + 1 < len(top) else None
        over_byline = following is not None and _BYLINE.match(texts[following]) is not None
        heading = (
            looks_like_heading(text) or _is_headline(text) or (over_byline and _long_headline(text))
        )
        if index in consumed or text.lower() in targets or not heading:
            continue
        if len(text.split()) < 2 and not any(c.isalpha() for c in text):
            continue
        if is_boilerplate(text) or is_disclaimer(text) or text[:1] in "([*\"'“‘":
            continue
        if following == index + 1 and texts[following][:1].islower():
            continue  # first line of a wrapped sentence
        if _BYLINE.match(text) or _EDITED_BY.match(text) or is_date_bearing(text):
            continue
        candidates.append(index)
    return candidates


def _title_line(
    texts: Sequence[str], top: Sequence[int], consumed: set[int], targets: set[str]
) -> int | None:
    """The index of the title line: the longest candidate that is not an institution."""
    candidates = _title_candidates(texts, top, consumed, targets)
    plain = [
        i
        for i in candidates
        if not _is_organisation(texts[i])
        and not _STATE.match(texts[i])
        and not _is_field(texts, i)
        and texts[i].lower() not in KNOWN_OUTLETS
    ]
    pool = plain or candidates
    # the headline stands over its byline, else over its date line
    following = {i: texts[top[p + 1]] for p, i in enumerate(top[:-1])}
    worded = [i for i in plain if len(texts[i].split()) >= 2 and "/" not in texts[i]]
    over_byline = [i for i in worded if _BYLINE.match(following.get(i, ""))]
    over_date = [i for i in worded if i != top[0] and is_date_bearing(following.get(i, ""))]
    pool = over_byline or over_date or worded or pool
    return max(pool, key=lambda i: (len(texts[i]), -i)) if pool else None


_LONG_HEADLINE = 25


def _long_headline(text: str) -> bool:
    """A sentence-case headline over a byline, however long ("The long shadow of 1980:
    how Iran and Iraq went to war, and how they made peace")."""
    return len(text.split()) <= _LONG_HEADLINE and text.rstrip()[-1:] not in ".,;:"


_NAMES = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
    r"(?:(?:,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})+$"
)
"""Two or more people's names and nothing else: "Ama Owusu and Li Na"."""


def _unlabelled_byline(texts: Sequence[str], top: Sequence[int]) -> int | None:
    """A line of authors' names without "By", standing over the date line."""
    for position, index in enumerate(top[:-1]):
        if _NAMES.match(texts[index]) and is_date_bearing(texts[top[position + 1]]):
            return index
    return None


_FIELD = re.compile(r"^[^:]{2,40}:\s+\S")


def _is_field(texts: Sequence[str], index: int) -> bool:
    """A "Label: value" row of a fact box ("Capital: Apia"): such rows come in runs,
    where a headline with a colon ("Timeline: ...") stands alone."""
    if not _FIELD.match(texts[index]):
        return False
    neighbours = [n for n in (index - 1, index + 1) if 0 <= n < len(texts)]  # same block
    return any(_FIELD.match(texts[n]) for n in neighbours)


def _pick_title(
    texts: Sequence[str], top: Sequence[int], title_index: int | None, repeats: dict[int, str]
) -> str:
    """The title line, or a longer caption that repeats the page title."""
    options = [texts[title_index]] if title_index is not None else []
    for index in top:
        stem = caption_stem(texts[index]) or repeats.get(index, "")
        if stem and looks_like_heading(stem):
            options.append(stem)
    return max(options, key=len) if options else ""


def _stated_publisher(texts: Sequence[str], top: Sequence[int]) -> str:
    """A publisher named by a "Published by"/"Source:"/copyright line or a known site."""
    for index in list(top) + _footer(texts, _FOOTER_LINES):
        text = texts[index]
        match = _PUBLISHED_BY.match(text) or _COPYRIGHT_HOLDER.match(text)
        if match:
            name = match.group("name").strip()
            domain = _DOMAIN.fullmatch(name.split("/", 3)[2] if "://" in name else name)
            if domain:
                return _KNOWN_DOMAINS.get(_site(domain.group("domain")), "")
            if name and any(c.isalpha() for c in name):
                return name
        if re.match(r"^(?:web(?:site)?|url)\s*:", text, re.I):
            domain = _DOMAIN.search(text.split(":", 1)[1])
            if domain and (known := _KNOWN_DOMAINS.get(_site(domain.group("domain")))):
                return known
    return ""


def _footer(texts: Sequence[str], lines: int) -> list[int]:
    """Indexes of the last `lines` non-blank lines."""
    return [i for i in range(len(texts)) if texts[i]][-lines:]


def _site(domain: str) -> str:
    domain = domain.lower().removeprefix("www.")
    for known in _KNOWN_DOMAINS:
        if domain == known or domain.endswith("." + known):
            return known
    return domain


_LEDE_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40},\s*(?P<date>[^:—–(]{4,30}?)\s*(?:\([^)]{1,30}\))?\s*(?:[:—–]|\s-)\s*"
)


def dateline_length(sentence: str) -> int:
    """Length of a news dateline opening the sentence ("Islamabad, 26 July 2022 (TDI): ",
    "ISLAMABAD, June 30 (Reuters) - "), or 0."""
    m = _LEDE_DATELINE.match(sentence)
    if not m or not any(ch.isdigit() for ch in m.group("date")):
        return 0
    # "Karachi, home to 20 million people - is ..." has a number, but no date: a
    # dateline's date has its day (the year may be left to the byline)
    found = find_dates(m.group("date"))
    return m.end() if any(d.precision in ("day", "unresolved") for d in found) else 0
