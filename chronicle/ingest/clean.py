"""Clean decoded text into paragraphs: safe characters, no boilerplate, footnotes apart.

The pipeline is line based. `prepare_lines` makes the text safe (no control
characters or terminal escapes, NFC, plain spaces); `clean_lines` then drops
navigation and contact boilerplate, lifts footnote blocks out of the running
text (PDF conversions drop them in mid-sentence at page breaks), rejoins the
sentence a page break cut, groups wrapped lines into paragraphs, keeps list
items and table rows apart, strips Markdown and inline HTML, and turns
superscript footnote markers into links (`Paragraph.markers`).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from chronicle.ingest.segment import ends_sentence, looks_like_heading

# --- characters ----------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"
_ANSI = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|[ -/]*[0-~])?"  # two- and three-character escapes
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
"""C0/C1 controls (tab and newline are kept), soft hyphen, zero-width and bidi controls."""
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")


def sanitize(text: str) -> str:
    """Make text safe to store and display.

    Removes ANSI escape sequences and control characters (keeping tabs and
    newlines), unifies line endings, turns exotic spaces into plain spaces and
    normalises to NFC (typographic quotes and superscript digits are kept).

    Args:
        text: Decoded document text.

    Returns:
        The sanitised text.
    """
    text = _NEWLINES.sub("\n", text).replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _ANSI.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def prepare_lines(text: str) -> list[str]:
    """Sanitised lines of `text`, trailing whitespace removed (leading kept)."""
    return [line.rstrip() for line in sanitize(text).split("\n")]


# --- inline markup ---------------------------------------------------------------

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_SUP_TAG = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]^][^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]^][^\]]*)\]\[[^\]]*\]")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*\\])(\*{1,3}|_{1,3})(?![\s*_])(.{1,400}?)(?<![\s\\])\1(?![\w*])"
)
_MD_STRIKE = re.compile(r"~~(\S(?:.*?\S)?)~~")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~\"'])")
_EMPHASIS_DEPTH = 3
_SPACE_RUNS = re.compile(r"[ \t]+")
_MISSING_SPACE = re.compile(
    r"(?P<url>(?<!\S)(?:[Ww]{3}\.|\S*://|\S*@)\S*)"  # web and mail addresses stay as written
    r"|(?P<word>\b[A-Za-z]{2,}|(?:\b[A-Za-z]\.){2,6}[A-Za-z]?)(?P<stop>[.!?])(?=[A-Z][a-z])"
)


@functools.lru_cache(maxsize=16384)
def clean_inline(text: str) -> str:
    """Strip inline Markdown and HTML from one paragraph and single-space it.

    Emphasis (``*The Nation*``), links, code spans, escapes (``US\\$``), tags
    (``<i>Year</i>``) and entities are reduced to their text; a missing space
    after a sentence end ("issues.In the") is restored.

    Args:
        text: One paragraph (may span joined lines).

    Returns:
        The plain paragraph.
    """
    text = _HTML_COMMENT.sub("", text)
    text = _SUP_TAG.sub(lambda m: m.group(1).translate(_TO_SUPERSCRIPT), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_BREAK.sub(" ", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRIKE.sub(r"\1", text)
    for _ in range(_EMPHASIS_DEPTH):
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
        if text == previous:
            break
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _ODD_SPACES.sub(" ", _CONTROLS.sub("", text))
    text = _SPACE_RUNS.sub(" ", text).strip()
    return _MISSING_SPACE.sub(_restore_space, text)


_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)


def _restore_space(match: re.Match[str]) -> str:
    if match.group("url"):
        return match.group(0)
    return f"{match.group('word')}{match.group('stop')} "


# --- boilerplate -----------------------------------------------------------------

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
    r"|(?:related(?:\s+\w+){0,2}|more (?:from|on) [^:]{1,40}|see also|read (?:more|also))\s*:\s)"
    r"|\bcookies?\b.{0,160}\b(?:accept|consent|preferences|settings|agree|privacy)\b"
    r"|^(?:we|this (?:web)?site) uses? cookies\b",
    re.I,
)
"""Site chrome that is not a link list: where-you-are notices, cookie banners, credits."""
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s*\|\s*| {2,}")
_MENU_WORDS = frozenset(
    item.strip()
    for item in """share | print | email | e-mail | tweet | save | subscribe | sign in | sign up
    | log in | login | logout | register | download pdf | download | pdf | comments | comment | home
    | menu | search | contact | contact us | about | about us | privacy | privacy policy | terms
    | terms of use | help | feedback | sitemap | site map | accessibility | rss | english
    | français | español | deutsch | türkçe | русский | 中文 | follow us | gift this article
    | listen | a- | a | a+ | screen reader access | skip to main content | website policies
    | disclaimer | faq | faqs | careers | epaper | e-paper | latest | watch live | more""".split(
        "|"
    )
)
"""Link labels of page chrome: a line made only of these (or of many short links) is a menu."""
_MENU_ITEM_WORDS = 4
_MENU_COUNT = re.compile(r"^(?:comments|visitors|views|likes|shares)\s*[:(]?\s*[\d,]+\)?$", re.I)


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


def is_boilerplate(line: str) -> bool:
    """True for a navigation, caption, contact, copyright, separator or page-number line.

    Args:
        line: One line, already stripped of inline markup.
    """
    line = line.strip()
    if not line:
        return False
    return is_menu(line) or any(
        pattern.search(line)
        for pattern in (
            _NAVIGATION,
            _BREADCRUMB,
            _SITE_NOTICE,
            _CAPTION,
            _CONTACT,
            _COPYRIGHT,
            _PAGE_NUMBER,
            _NO_WORDS,
        )
    )


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
        match = _NUMBERED_REPEAT.match(text)
        stem = match.group("stem").strip() if match else ""
        if stem and stem == previous_stem:
            found[previous_index] = stem
            found[index] = stem
        elif text == previous_text and looks_like_heading(text):
            found[index] = text
        previous_index, previous_stem, previous_text = index, stem, text
    return found


def nav_targets(lines: Sequence[str]) -> set[str]:
    """Lower-cased page names that "Back to X" links point to (breadcrumb lines)."""
    targets = set()
    for line in lines:
        text = clean_inline(line)
        match = re.match(r"^(?:go )?back to (.{3,100}?)\W*$", text, re.I)
        if match and looks_like_heading(match.group(1)):
            targets.add(match.group(1).strip().lower())
    return targets


# --- structure -------------------------------------------------------------------

_FOOTNOTE_DEF = re.compile(
    rf"^\s*(?:(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<md>[^\]\s]+)\]:|\[(?P<br>\d{{1,3}})\])"
    r"\s*(?P<text>\S.*)$"
)
"""A footnote line: "³ Dawn, ...", "[^3]: Dawn, ...", "[3] Dawn, ..." (web, Word exports)."""
_LIST_ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[•◦▪▫‣●○■□►▸➢✓–—·*+-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([A-Za-z]\)"
    r"|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+(?P<text>\S.*)$"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
_NUMERIC_CELL = re.compile(
    r"^[(\[]?[-+−]?(?:[$€£¥]|US\$|Rs\.?)?\s?\d[\d,.]*(?:[-–/]\d[\d,.]*)?%?[)\]]?$"
)
_CELL_GAP = re.compile(r"\t| {2,}")
_MARKER = re.compile(
    rf"(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<md>[^\]\s]+)\]|\[(?P<br>\d{{1,3}})\]"
    r"|(?<=[.,;:!?”\"’)])(?P<num>\d{1,3})(?=\s+[A-Z“\"(]|\s*$)"
)
_MARKER_AFTER = frozenset(".,;:!?\"'”’)]»…")
_MIN_JOIN_LENGTH = 50
_MAX_HEADING_WORDS = 6
"""A paragraph cut by a page break is not mistaken for a heading above this length."""
_MAX_LABEL_WORDS = 3
_JOINING_WORDS = frozenset("a an the of and or to in on for with by from at as that".split())
"""Words a complete line does not end with: a line ending so was cut."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One cleaned paragraph.

    Attributes:
        text: Plain single-spaced text (table rows separated by newlines).
        kind: "prose", "heading", "list_item", "table" or "footnote".
        markers: (offset in text, marker) for each footnote marker removed from it.
        marker: For a footnote, its own marker ("1").
    """

    text: str
    kind: str
    markers: tuple[tuple[int, str], ...] = ()
    marker: str = ""


@dataclass(frozen=True, slots=True)
class CleanText:
    """The result of cleaning: body paragraphs, then footnotes."""

    paragraphs: tuple[Paragraph, ...]
    footnotes: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Item:
    kind: str  # "text", "list_item", "heading", "table_row", "footnote"
    lines: list[str]
    marker: str = ""
    after_gap: bool = False
    indent: int = 0
    alone: bool = False

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


def clean_text(text: str) -> CleanText:
    """Clean a whole document text (see `clean_lines`)."""
    return clean_lines(prepare_lines(text))


def clean_lines(lines: Sequence[str], skip: Collection[int] = ()) -> CleanText:
    """Turn sanitised lines into clean paragraphs and footnotes.

    Args:
        lines: Output of `prepare_lines`.
        skip: Indexes of lines already used as metadata (byline, date line...).

    Returns:
        Body paragraphs in order, followed by one paragraph per footnote.
    """
    dropped = set(skip) | chrome_lines(lines)
    blocks = _blocks(_numbered_notes(lines), dropped)
    items = [item for block in blocks for item in _parse_block(block)]
    body, notes = _lift_footnotes(items)
    body = _rejoin(body)
    footnotes: dict[str, str] = {}
    note_paragraphs = []
    for note in notes:
        text = clean_inline(note.text)
        if text:
            footnotes.setdefault(note.marker, text)
            note_paragraphs.append(Paragraph(text, "footnote", marker=note.marker))
    paragraphs = [p for p in _paragraphs(body, set(footnotes)) if p.text]
    return CleanText(tuple(paragraphs + note_paragraphs), footnotes)


_NOTES_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?[*_]{0,2}(?:notes|endnotes|end\s+notes|footnotes|references|sources"
    r"|bibliography)[*_]{0,2}\s*:?\s*$",
    re.I,
)
_NUMBERED_NOTE = re.compile(r"^\s*(?P<n>\d{1,3})(?:[.)]\s*|\s+)(?P<text>[^\d\s].*)$")


_MONTH_START = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)


def _numbered_notes(lines: Sequence[str]) -> list[str]:
    """Under a "Notes"/"References" heading, "1 Dawn, ..." and "1. Dawn, ..." are footnotes:
    rewrite them as "[1] Dawn, ..." so they are lifted out and linked like the others."""
    out = list(lines)
    in_notes = False
    for index, line in enumerate(lines):
        if _NOTES_HEADING.match(line):
            in_notes = True
        elif (
            in_notes
            and (match := _NUMBERED_NOTE.match(line))
            and not _MONTH_START.match(match.group("text"))  # "12 March 2019 - ..." is a date
        ):
            out[index] = f"[{match.group('n')}] {match.group('text')}"
        elif in_notes and _MD_HEADING.match(line):
            in_notes = False
        elif not in_notes and _page_foot_note(lines, index):
            match = _NUMBERED_NOTE.match(line)
            out[index] = f"[{match.group('n')}] {match.group('text')}"
    return out


_CITED_YEAR = re.compile(r",.*\b(?:1[6-9]|20)\d\d\b")
_SHORT_NOTE_WORDS = 40


def _page_foot_note(lines: Sequence[str], index: int) -> bool:
    """A note a PDF conversion left at the foot of its page, outside any "Notes" section:
    "2 RFE/RL, "Uzbekistan suspends ...", 29 June 2012." It cites a source with its year,
    and the text above carries its marker after a word or stop ("membership.2")."""
    match = _NUMBERED_NOTE.match(lines[index])
    if not match or _MONTH_START.match(match.group("text")):
        return False
    text = match.group("text")
    if not _CITED_YEAR.search(text) or len(text.split()) > _SHORT_NOTE_WORDS:
        return False
    marker = re.compile(rf"(?<=[a-z.,;:”\"’)]){match.group('n')}(?=\s|$)")
    return any(marker.search(line) for line in lines[:index])


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
    return text.lower() in _MENU_WORDS or any(
        pattern.search(text) for pattern in (_NAVIGATION, _BREADCRUMB, _SITE_NOTICE)
    )


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
        text = clean_inline(_PAGE_NUMBER_EDGE.sub("", line))
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
            marked = bool(_LIST_ITEM.match(lines[index]))
            if bulleted is not None and marked != bulleted:
                break
            if len(text.split()) > _LINK_WORDS or (
                len(text.split()) > _MAX_HEADING_WORDS
                and ends_sentence(text)
                and not text.endswith(")")
            ):
                break
            bulleted = marked
            found.add(index)
            index += 1
    return found


def _blocks(lines: Sequence[str], dropped: set[int]) -> list[list[str]]:
    """Runs of non-blank lines; dropped lines vanish without splitting a run."""
    blocks: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if index in dropped:
            continue
        if line.strip():
            blocks[-1].append(_BLOCKQUOTE.sub("", line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _parse_block(block: list[str]) -> list[_Item]:
    """Classify the lines of one block and join wrapped lines."""
    items: list[_Item] = []
    for line in block:
        item = _classify(line)
        last = items[-1] if items else None
        if item is None and last is not None and _continues(last, line):
            last.lines.append(line)
        elif item is None:
            items.append(_Item("text", [line]))
        else:
            items.append(item)
    if len(items) == 1 and items[0].kind == "list_item" and looks_like_heading(items[0].text):
        items[0].kind = "heading"  # "1. Opening remarks" standing alone
    return items


def _classify(line: str) -> _Item | None:
    """An item started by `line`, or None for plain text."""
    if match := _FOOTNOTE_DEF.match(line):
        marker = _marker_of(match)
        return _Item("footnote", [match.group("text")], marker=marker)
    if is_table_row(line):
        return _Item("table_row", [line])
    if match := _MD_HEADING.match(line):
        return _Item("heading", [match.group("text")])
    if match := _LIST_ITEM.match(line):
        return _Item("list_item", [match.group("text")], indent=len(match.group("indent")))
    return None


def _continues(last: _Item, line: str) -> bool:
    """Whether plain `line` continues the item before it in the same block."""
    if last.kind in ("table_row", "heading"):
        return False
    if last.kind == "footnote":
        return True
    previous = last.lines[-1].strip()
    stripped = line.strip()
    if stripped[:1].islower() and not ends_sentence(previous):
        return True
    if last.kind == "list_item":
        indented = len(line) - len(line.lstrip()) > last.indent
        return indented or not ends_sentence(previous)
    if len(previous) < _MIN_JOIN_LENGTH or previous.endswith(":"):
        return False
    return not ends_sentence(previous) or not looks_like_heading(stripped)


def is_table_row(line: str) -> bool:
    """True for a tab-separated row, or a row of mostly numeric cells.

    Args:
        line: A raw line (tabs and runs of spaces intact).
    """
    stripped = line.strip()
    if not stripped:
        return False
    cells = [c for c in _CELL_GAP.split(stripped) if c.strip()]
    if "\t" in stripped and len(cells) >= 2 and not _is_sentence_with_tab(stripped):
        return True
    numeric = sum(1 for c in cells if _NUMERIC_CELL.match(c.strip()))
    if len(cells) >= 3 and numeric * 2 >= len(cells):
        return True
    words = stripped.split()
    return len(words) >= 3 and all(_NUMERIC_CELL.match(w) for w in words)


_PROSE_CELL_WORDS = 8
"""A cell this long that reads as a clause is running text, not a table cell."""


def _is_sentence_with_tab(line: str) -> bool:
    """A sentence that happens to hold a tab (pasted from a PDF or a word processor):
    a table row's cells are short, while here the words run on across the tab as one
    clause ("signed on 21 December 2016,<TAB>but member states ...")."""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if len(cells) == 2 and _LIST_ITEM.match(f"{cells[0]} x"):
        return True  # "1.<TAB>The leaders met ...": a numbered item, not a row
    joined = " ".join(cells)
    last_word = cells[0].split()[-1]
    if len(cells) == 2 and last_word[:1].islower() and last_word[-1].isalpha():
        # "took effect on<TAB>1 August 2015.": the clause runs on over the tab
        return ends_sentence(joined) and len(joined.split()) >= _PROSE_CELL_WORDS // 2
    if max(len(c.split()) for c in cells) < _PROSE_CELL_WORDS:
        return False
    # a row of long descriptions is still a table when several of its cells are sentences
    sentences = sum(1 for c in cells if ends_sentence(c))
    return (ends_sentence(joined) and sentences <= 1) or (len(cells) == 2 and sentences == 0)


def _lift_footnotes(items: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    """Separate footnotes from the body, flagging the body item that follows each."""
    body: list[_Item] = []
    notes: list[_Item] = []
    gap = False
    for item in items:
        if item.kind == "footnote":
            notes.append(item)
            gap = True
            continue
        item.after_gap = gap
        gap = False
        body.append(item)
    return body, notes


def _rejoin(items: list[_Item]) -> list[_Item]:
    """Join paragraphs that a page break (and its footnotes) cut in mid-sentence."""
    joined: list[_Item] = []
    for item in items:
        last = joined[-1] if joined else None
        if last is not None and _is_cut(last, item):
            last.lines.extend(item.lines)
        else:
            joined.append(item)
    return joined


_NOTE_NUMBER_AT_END = re.compile(r"(?<=[.!?\"”’)])\d{1,3}\s*$")
"""A note's number after a sentence's last stop ("in 1998.2"): the sentence is whole."""


def _is_cut(before: _Item, after: _Item) -> bool:
    if before.kind not in ("text", "list_item") or after.kind != "text":
        return False
    text = before.text
    if ends_sentence(_NOTE_NUMBER_AT_END.sub("", text)) or text.rstrip().endswith(":"):
        return False
    words = text.split()
    if after.text[:1].islower():
        return len(words) > _MAX_LABEL_WORDS or words[-1].lower() in _JOINING_WORDS
    short_heading = looks_like_heading(text) and len(words) <= _MAX_HEADING_WORDS
    return after.after_gap and not short_heading and not looks_like_heading(after.text)


def _paragraphs(items: list[_Item], known: set[str]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    rows: list[str] = []
    for item in items:
        if item.kind == "table_row":
            rows.append(_table_row(item.lines[0]))
            continue
        if rows:
            paragraphs.append(Paragraph("\n".join(r for r in rows if r), "table"))
            rows = []
        text = clean_inline(item.text)
        if not text or is_disclaimer(text) or is_boilerplate(text):
            continue
        text, markers = split_markers(text, known)
        kind = item.kind
        if kind == "text":
            kind = "heading" if looks_like_heading(text) else "prose"
        paragraphs.append(Paragraph(text, kind, markers))
    if rows:
        paragraphs.append(Paragraph("\n".join(r for r in rows if r), "table"))
    return paragraphs


def _table_row(line: str) -> str:
    cells = (clean_inline(c) for c in _CELL_GAP.split(line.strip()))
    return " | ".join(c for c in cells if c)


_DECIMAL_BEFORE = re.compile(r"(?<![\d,])(?!(?:1[6-9]|20)\d\d\.)\d+\.\Z")
"""A number and a point right before a digit make a decimal, unless the number is a year."""


def _marker_of(match: re.Match[str]) -> str:
    """The footnote number or name a marker or definition match stands for."""
    return (
        (match.group("sup") or "").translate(_FROM_SUPERSCRIPT)
        or match.group("md")
        or match.group("br")
        or ("num" in match.re.groupindex and match.group("num"))
        or ""
    )


def split_markers(text: str, known: Collection[str]) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Remove footnote markers from `text`, remembering where they were.

    A superscript number is a marker when a footnote with that number exists or
    when it follows punctuation ("measures.³"); otherwise (``km²``) it is text.
    Markdown markers (``[^1]``) always are; bracketed numbers (``[1]``) only when
    that footnote exists. Markers without footnote text are
    removed but not reported. A space is restored where the marker was the only
    separator ("Bajwa,¹Kono" -> "Bajwa, Kono").

    Args:
        text: One clean paragraph.
        known: Markers that have footnote text.

    Returns:
        (text without markers, ((offset, marker), ...)); offsets index the new text.
    """
    out: list[str] = []
    markers: list[tuple[int, str]] = []
    length = 0
    cursor = 0
    for match in _MARKER.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        marker = _marker_of(match)
        if match.group("num"):
            # "billion.1 A decade on", "in 1961.2 Trade ...": a plain number after a stop,
            # only when note 1 exists and it is no decimal ("rose 2.5 Percent")
            is_marker = marker in known and not _DECIMAL_BEFORE.search(text, 0, match.start())
        elif match.group("br"):
            is_marker = marker in known  # "[3]" only when footnote 3 exists
        else:
            is_marker = match.group("md") or marker in known or before in _MARKER_AFTER
        if not is_marker or (before.isdigit() and not match.group("br")):
            continue  # "10³" is a power; "2016[1]" is a marker
        chunk = text[cursor : match.start()]
        out.append(chunk)
        length += len(chunk)
        if marker in known:
            markers.append((length, marker))
        cursor = match.end()
        after = text[cursor : cursor + 1]
        if not before.isspace() and after and not after.isspace() and after not in _MARKER_AFTER:
            out.append(" ")
            length += 1
        elif before.isspace() and after.isspace():
            cursor += 1
    out.append(text[cursor:])
    result = "".join(out)
    lead = len(result) - len(result.lstrip())
    result = result.strip()
    return result, tuple((min(max(0, p - lead), len(result)), m) for p, m in markers)
