"""Tell page chrome and boilerplate from a document's own text, line by line.

Saved web pages and PDF conversions carry lines no author wrote for this text:
menus and breadcrumb trails, "You are here" and cookie notices, share bars, "Prev" and
"Next" links, lists of related links (with the dates of other pages), running heads,
captions, contact and copyright lines. Each rule here states one such habit of real
pages; `chrome_lines` gathers them for the cleaner and the metadata reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.ingest.literals import Gated, lowered_for_gates
from chronicle.ingest.memo import per_document
from chronicle.ingest.text.inline import clean_inline
from chronicle.ingest.text.segment import ends_sentence, looks_like_heading

_NAVIGATION = re.compile(
    r"^(?:(?:go )?back to|return to)\b.{1,100}$"
    r"|^(?:back to top|page top|top of (?:the )?page|to top|skip to (?:main )?content|main menu"
    r"|menu|home|print(?: this page)?|share(?: this(?: page| article| story)?)?|share on \w+"
    r"|tweet|email this(?: page| article)?|related (?:links|articles|news|stories|information)"
    r"|read more|more news|social media(?: activities| links)?|follow us(?: on .*)?"
    r"|site ?map|breadcrumbs?|previous|next|close|jump to (?:navigation|search)"
    r"|from wikipedia, the free encyclopedia|\[edit\]|edit)\W*$"
    r"|^prev\b|^(?:previous|next)\s+(?:article|post|story|item|page|news|release)\b",
    re.I,
)
_CAPTION = re.compile(
    r"^(?:photo(?:graph)?|image|picture|pic|img)\s*\d*\s*[:.)-]\s*(?P<stem>\S.*)$", re.I
)
_CONTACT = re.compile(
    r"^(?:web(?:site| ?site| ?page)?|url|phone|ph|tel(?:ephone)?|fax|e-?mail|mobile|cell|address"
    r"|contact)\s*(?:no\.?)?\s*[:.]\s*\S",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s*(?:\d{4}|copyright)|copyright\b)|\ball rights reserved\b", re.I
)
_BREADCRUMB = re.compile(
    r"^(?:you are here\s*:?\s*)?(?:[^>»›\d.!?]{1,40}(?:\s[>»›]\s[^>»›\d.!?]{1,60}){1,}"
    r"|[^>»›.!?]{1,40}(?:\s[>»›]\s[^>»›!?]{1,60}){3,}"
    r"|home(?:\s/\s[^/.!?]{1,60}){1,})$",
    re.I,
)
"""A trail of page names: "Home > World", "Opinion > Commentary" (no digits, no stops),
a longer trail that may hold numbers ("Home > Archive > 1970-1979 > Item 41"), or
"Home / Press / Releases"."""
_SITE_NOTICE = re.compile(
    r"^(?:you are here\b|an official website of\b|here[’']s how you know\b"
    r"|(?:skip|jump) to (?:main )?(?:content|navigation)\b|comments are closed\b"
    r"|sign up for (?:the |our )?.{0,40}newsletter\b|advertisement\W*$|sponsored\W*$"
    r"|retrieved from\b.{0,80}$|\[(?:photo|image|video|graphic)\]"
    r"|(?:reading time\s*:?\s*)?\d{1,3}\s*min(?:ute)?s?(?:\s+read)?\W*$"
    r"|(?:related(?:\s+\w+){0,2}|more (?:from|on) [^:]{1,40}|see also|read (?:more|also))\s*:\s"
    r"|(?:tags|topics|filed under|categories|keywords)\s*:\s.{0,200}$"
    r"|subscribe to (?:our|the) .{0,40}newsletter\b|listen to (?:this )?(?:article|story)\b"
    r"|image (?:caption|source)\b|(?:photo|image|picture) credits?\s*:|file photo\W*$"
    r"|copy (?:link|url)\W*$)"
    r"|\bcookies?\b.{0,160}\b(?:accept|consent|preferences|settings|agree|privacy)\b"
    r"|^(?:we|this (?:web)?site) uses? cookies\b",
    re.I,
)
"""Site chrome that is not a link list: where-you-are notices, cookie banners, credits."""
_CREDIT = re.compile(
    r"^(?:(?:additional\s+)?(?:photo(?:graph)?s|photography|images|illustrations?|pictures"
    r"|video|artwork|graphics|maps)(?:\s+and\s+\w+)?\s+by\s+"
    r"(?-i:[A-Z])[^.!?;]{1,60}|(?:reporting|additional reporting)\s+by\s+"
    r"(?-i:[A-Z])[^.!?;]{1,60})$",
    re.I,
)
"""A credit line of a byline block or a story's foot: "Photographs by Idris Salih",
"Illustrations by Mei Lin for the Review", "Additional reporting by Jon Roe"."""
_PRINT_NOTICE = re.compile(
    r"^(?:an? (?:earlier |shorter |different )?version of )?this (?:article|story|essay|piece"
    r"|review|column)\s+(?:(?:also|first|originally|previously)\s+)?appear(?:s|ed)\s+(?:in|on)\b"
    r".{0,60}\b(?:print|issue|edition)\b.{0,80}$",
    re.I,
)
"""A magazine's or newspaper's note on its print edition: "This article appears in the
spring 2021 issue.", "A version of this article appeared in print on page A12"."""
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s*\|\s*| {2,}")
_MENU_MARKS = frozenset("|·•")
"""What a separator holds when it is not a wide gap."""
_MENU_WORDS = frozenset(
    item.strip()
    for item in """share | print | email | e-mail | tweet | save | subscribe | sign in | sign up
    | log in | login | logout | register | download pdf | download | pdf | comments | comment | home
    | menu | search | contact | contact us | about | about us | privacy | privacy policy | terms
    | terms of use | help | feedback | sitemap | site map | accessibility | rss | english
    | français | español | deutsch | türkçe | русский | 中文 | follow us | gift this article
    | listen | a- | a | a+ | screen reader access | skip to main content | website policies
    | disclaimer | faq | faqs | careers | epaper | e-paper | latest | watch live | more
    | facebook | twitter | x | linkedin | whatsapp | telegram | reddit | copy link""".split("|")
)
"""Link labels of page chrome: a line made only of these (or of many short links) is a menu."""
_SHARE_WORDS = frozenset(
    "share this page article story print email e-mail tweet save copy link facebook twitter x "
    "linkedin whatsapp telegram reddit".split()
)
"""The words of a share bar, which pages often run together without separators."""
_MENU_ITEM_WORDS = 4
_MENU_COUNT = re.compile(r"^(?:comments|visitors|views|likes|shares)\s*[:(]?\s*[\d,]+\)?$", re.I)


@per_document
def is_menu(line: str) -> bool:
    """True for a line of navigation links: "Home | About Us | Contact Us",
    "News  Politics  Business  Opinion", "Share    Save    Comments (214)".

    A menu is three or more short link labels in a row (separated by bars, bullets or
    wide gaps), with at most one number among them, or any line made only of the
    labels pages use for sharing, signing in and moving about. Markdown table rows
    ("| a | b |") and figures in columns are not menus.
    """
    stripped = line.strip()
    if not stripped or stripped.startswith("|") or "\t" in stripped:
        return False
    words = stripped.rstrip(":").lower().replace(":", " ").split()
    if len(words) >= 2 and all(w in _SHARE_WORDS for w in words):
        return True  # "Share: Facebook Twitter LinkedIn Email"
    if "  " not in stripped and not _MENU_MARKS.intersection(stripped):
        return False  # no separator, so one item: no menu
    items = [i.strip() for i in _MENU_SEPARATOR.split(stripped) if i.strip()]
    if len(items) < 2:
        return False
    if all(i.lower().rstrip(":") in _MENU_WORDS or _MENU_COUNT.match(i) for i in items):
        return True
    short = all(
        len(i.split()) <= _MENU_ITEM_WORDS and i[-1] not in ".!?;," and not i[0].islower()
        for i in items
    )
    numbered = sum(any(c.isdigit() for c in i) for i in items)
    return len(items) >= 3 and short and numbered <= 1


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.I)
_NO_WORDS = re.compile(r"^[\W_]+$")
_DISCLAIMER = re.compile(
    r"^\W*(?:the )?(?:views|opinions)(?: and opinions)? expressed\b.{0,200}"
    r"\b(?:author|writer|contributor)s?\b",
    re.I,
)
_NUMBERED_REPEAT = re.compile(r"^(?P<stem>.*\D)\s*\d{1,2}$")


_BOILERPLATE = tuple(
    Gated(pattern)
    for pattern in (
        _NAVIGATION,
        _BREADCRUMB,
        _SITE_NOTICE,
        _PRINT_NOTICE,
        _CREDIT,
        _CAPTION,
        _CONTACT,
        _COPYRIGHT,
        _PAGE_NUMBER,
        _NO_WORDS,
    )
)
"""The boilerplate patterns (the first four also mark site chrome), each searched only in
a line holding one of the words it needs ("share", "photo", "cookie"...)."""
_CHROME_PARTS = _BOILERPLATE[:4]
"""Navigation, breadcrumb, site notice, print notice: what a part of a chrome line may be."""


@per_document
def is_boilerplate(line: str) -> bool:
    """True for a navigation, caption, contact, copyright, separator or page-number line.

    Args:
        line: One line, already stripped of inline markup.
    """
    line = line.strip()
    if not line:
        return False
    lowered = lowered_for_gates(line)
    return is_menu(line) or any(pattern.search(line, lowered) for pattern in _BOILERPLATE)


def is_disclaimer(text: str) -> bool:
    """True for an "(Views expressed ... are those of the author)" note."""
    return bool(_DISCLAIMER.search(text))


def caption_stem(line: str) -> str:
    """The caption text of a photo caption line ("photo1: X" -> "X"), else ""."""
    match = _CAPTION.match(line.strip())
    return match.group("stem").strip() if match else ""


def repeated_lines(lines: Sequence[str]) -> dict[int, str]:
    """Lines that repeat their neighbour: "Title1", "Title2" runs and exact duplicates.

    Pages saved from the web repeat a title as numbered image captions
    ("... Meeting1", "... Meeting2"); PDF page headers repeat exact lines.

    Args:
        lines: Sanitised lines.

    Returns:
        Line index -> the repeated text (number removed) for every line of a run
        of numbered repeats, and for every exact repeat after the first.
    """
    found: dict[int, str] = {}
    previous_index, previous_stem, previous_text = -1, "", ""
    for index, raw in enumerate(lines):
        text = clean_inline(raw)
        if not text:
            continue
        # only a line ending in a number can be a numbered repeat: most lines skip the scan
        match = _NUMBERED_REPEAT.match(text) if text[-1].isdigit() else None
        stem = match.group("stem").strip() if match else ""
        if stem and stem == previous_stem:
            found[previous_index] = stem
            found[index] = stem
        elif text == previous_text and looks_like_heading(text):
            found[index] = text
        previous_index, previous_stem, previous_text = index, stem, text
    return found


_BACK_TO = re.compile(r"^(?:go )?back to (.{3,100}?)\W*$", re.I)


def nav_targets(lines: Sequence[str]) -> set[str]:
    """Lower-cased page names that "Back to X" links point to (breadcrumb lines)."""
    targets = set()
    for line in lines:
        text = clean_inline(line)
        match = _BACK_TO.match(text)
        if match and looks_like_heading(match.group(1)):
            targets.add(match.group(1).strip().lower())
    return targets


@per_document
def is_chrome(line: str) -> bool:
    """True for a line of site chrome: a menu, breadcrumb trail, navigation link, notice
    ("You are here", "An official website of ...", a cookie banner).

    Args:
        line: One raw line (wide gaps intact, as menus are laid out with them).
    """
    text = clean_inline(line)
    if is_menu(line) or _is_chrome_part(text) or _PAGER.match(line):
        return True
    parts = _PART_BAR.split(text)
    return len(parts) > 1 and all(_is_chrome_part(p) or _DOMAIN_ONLY.match(p) for p in parts)


_PAGER = re.compile(r"^\s*(?:prev(?:ious)?|next)(?: {2,}|\t|\s*[:|»›>]\s*)\S", re.I)
"""A link to the previous or next page, laid out as a label and a title."""
_PART_BAR = re.compile(r"\s+\|\s+")
_DOMAIN_ONLY = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?$", re.I)


def _is_chrome_part(text: str) -> bool:
    if text.lower() in _MENU_WORDS:
        return True
    lowered = lowered_for_gates(text)
    return any(pattern.search(text, lowered) for pattern in _CHROME_PARTS)


def chrome_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines that are page chrome or boilerplate, never document text.

    Navigation and menus, breadcrumbs, notices, captions, contact and copyright
    lines, numbered repeats, and link lists under a "Related"/"Most read" heading
    (their dates belong to other pages).

    Args:
        lines: Sanitised lines (`prepare_lines`), tabs and wide gaps intact.
    """
    targets = nav_targets(lines)
    dropped = set(repeated_lines(lines)) | link_lists(lines) | running_heads(lines)
    for index, raw in enumerate(lines):
        text = clean_inline(raw)
        if is_chrome(raw) or is_boilerplate(text) or text.lower() in targets:
            dropped.add(index)
    return dropped


_PAGE_NUMBER_EDGE = re.compile(r"^\s*\d{1,3}\s{2,}|\s{2,}\d{1,3}\s*$")
_RUNNING_HEAD_TIMES = 3
_RUNNING_HEAD_WORDS = 14


def running_heads(lines: Sequence[str]) -> set[int]:
    """Running heads and feet of a paginated text: a short line that comes back three
    times or more, page number aside ("IESS Working Paper 2/2023 | February 2023")."""
    keys: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        # the edge needs two white characters in a row; only a space is printable
        gapped = "  " in line or not line.isprintable()
        text = clean_inline(_PAGE_NUMBER_EDGE.sub("", line) if gapped else line)
        if text and len(text.split()) <= _RUNNING_HEAD_WORDS and not ends_sentence(text):
            keys.setdefault(text, []).append(index)
    return {i for found in keys.values() if len(found) >= _RUNNING_HEAD_TIMES for i in found}


_LINK_LIST_HEADING = re.compile(
    r"^\W*(?:related(?:\s+\w+){0,2}|more (?:on|from|in|about)\b.{0,40}|more (?:news|stories)"
    r"|most (?:read|popular|viewed|shared|commented)|trending(?: now| stories)?|popular"
    r"|(?:also|further) read(?:ing)?|read (?:more|also|next)|you (?:may|might) (?:also )?like"
    r"|(?:topic |related |further |more |other )?resources|latest headlines"
    r"|recommended(?: for you| stories| reading)?|latest(?: news| stories| posts)?"
    r"|top stories|editor[’']?s picks|in (?:other|case you missed).{0,20}|see also"
    r"|other (?:news|stories|briefs|publications|press releases|statements)"
    r"|recent (?:posts|news|articles|publications))"
    r"\W*$",
    re.I,
)
"""The heading of a list of links to other pages: "RELATED", "Most read", "See also"."""
_LINK_WORDS = 30
"""Longest link line: a headline, maybe with its date or "5 hours ago"."""


def link_lists(lines: Sequence[str]) -> set[int]:
    """Lines of link lists: a "Related"/"Most read" heading and the short lines under it,
    up to the first blank line or the first line of prose."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        if not _LINK_LIST_HEADING.match(clean_inline(lines[index])):
            index += 1
            continue
        found.add(index)
        index += 1
        if index + 1 < len(lines) and not lines[index].strip():
            index += 1  # "**Related Articles**", a blank line, then the list
        bulleted = None  # the items of a list look alike: all bulleted or none
        while index < len(lines) and lines[index].strip():
            text = clean_inline(lines[index])
            marked = bool(_BULLETED.match(lines[index]))
            if bulleted is not None and marked != bulleted:
                break
            if len(text.split()) > _LINK_WORDS or (
                len(text.split()) > _TITLE_WORDS and ends_sentence(text) and not text.endswith(")")
            ):
                break
            bulleted = marked
            found.add(index)
            index += 1
    return found


_BULLETED = re.compile(r"^\s*(?:[•◦▪▫‣●○■□►▸➢✓–—·*+»-]|\(?\d{1,3}[.)])\s+\S")
"""A list item's marker opening a line."""
_TITLE_WORDS = 6
"""A link line longer than this that ends a sentence is prose, and ends the list."""
