"""Who published a document: the masthead's institution or newspaper, a wire's agency,
"Published in X", "Published by"/"Source:" and copyright lines, and known web addresses.
A masthead line is named without the section or edition set beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.ingest.document_date import Page, parse_date_line, published_outlet
from chronicle.ingest.metadata.casing import title_case
from chronicle.ingest.text.segment import looks_like_heading

GENRE_LABEL = re.compile(
    r"^(?:(?-i:[A-Z]{2,8})\s+)?(?:issue|policy|media|press|research|news|background|strategic)?\s*"
    r"(?:brief|briefing|release|statement|paper|report|commentary|analysis|op-?ed|opinion|"
    r"news|backgrounder|readout|transcript|fact ?sheet|note|insight|spotlight|comment|article|"
    r"working paper|occasional paper|special report)s?"
    r"(?:\s+(?:(?:no\.?|number|#)\s*)?\d{1,4}(?:[/.-]\d{1,4})?)?\W*$",
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


FOOTER_LINES = 12


_NAME_PARTS = re.compile(r"\s+[|·•—–/]\s+")


_PUBLIC_BODY = re.compile(
    r"\b(?:union|government|parliament|nations|organi[sz]ation|assembly|senate)\b", re.I
)
"""Words that name a public body in a masthead, though a headline may use them too."""


_BODY_WORDS = 6


def is_public_body(text: str) -> bool:
    """A short masthead line naming a state or public body ("REPUBLIC OF GHANA",
    "African Union")."""
    named = STATE_NAME.match(text) or _PUBLIC_BODY.search(text)
    return bool(named) and looks_like_heading(text) and len(text.split()) <= _BODY_WORDS


_WELCOME = re.compile(r"^welcome to\s+(?:the\s+)?(?=[A-Z])", re.I)


STATE_NAME = re.compile(
    r"^(?:the\s+)?(?:government|republic|kingdom|state|commonwealth)\s+of\b", re.I
)
"""A state's name heading an agency's masthead ("GOVERNMENT OF INDIA" over "MINISTRY OF
EXTERNAL AFFAIRS"): the agency under it is the publisher."""


def organisation_name(line: str) -> str:
    """The organisation a masthead line names, without the section or edition set beside
    it: "UNITED NATIONS | Meetings Coverage" -> "United Nations", "Aegean Herald ·
    English Edition" -> "Aegean Herald"."""
    parts = [_WELCOME.sub("", p) for p in _NAME_PARTS.split(line) if p.strip()]
    named = [p for p in parts if _ORGANISATION.search(p) or _PUBLIC_BODY.search(p)]
    return title_case((named or parts or [line])[0].strip())


def site_name(source: str) -> str:
    """A front matter's `source:` as a name: a web address names its known site only."""
    if "://" not in source and not source.lower().startswith("www."):
        return source
    domain = _DOMAIN.match(source)
    return _KNOWN_DOMAINS.get(_site(domain.group("domain")), "") if domain else ""


def published_in(texts: Sequence[str], page: Page) -> str:
    """The outlet a "Published in Dawn, February 16th, 2016" line names."""
    for index in page.footer(FOOTER_LINES) + list(page.top):
        if outlet := published_outlet(texts[index]):
            return outlet
    return ""


_MASTHEAD_WORDS = 5


def masthead_name(texts: Sequence[str], top: Sequence[int], title: int | None) -> int | None:
    """The newspaper's name set in capitals at the head of its page ("THE FRONTIER
    LEDGER"): the first masthead line, above the headline, short, without a date."""
    if not top or title is None or top[0] >= title:
        return None
    text = texts[top[0]]
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters) or len(text.split()) > _MASTHEAD_WORDS:
        return None
    if GENRE_LABEL.match(text) or any(c.isdigit() for c in text):
        return None
    return top[0]


def is_organisation(text: str) -> bool:
    return (
        bool(_ORGANISATION.search(text))
        and looks_like_heading(text)
        and len(text.split()) <= 10
        and not parse_date_line(text)
    )


def stated_publisher(texts: Sequence[str], top: Sequence[int]) -> str:
    """A publisher named by a "Published by"/"Source:"/copyright line or a known site."""
    for index in list(top) + footer_lines(texts, FOOTER_LINES):
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


def footer_lines(texts: Sequence[str], lines: int) -> list[int]:
    """Indexes of the last `lines` non-blank lines."""
    return [i for i in range(len(texts)) if texts[i]][-lines:]


def _site(domain: str) -> str:
    domain = domain.lower().removeprefix("www.")
    for known in _KNOWN_DOMAINS:
        if domain == known or domain.endswith("." + known):
            return known
    return domain
