"""Turn a web page into the plain-text conventions the cleaner reads, with trafilatura.

trafilatura finds the main text (menus, cookie banners, related links, share bars and
comments left out) and the page's title, site name, author and canonical URL; htmldate
finds when it was first published and when it was last changed. What this module adds
is the rendering of trafilatura's element tree as our plain text: ``#`` headings,
bulleted or numbered list items, tab-separated table rows under their caption, and
footnote markers as superscript digits (the cleaner links a ``¹`` in a sentence to the
note that starts with one), under a front-matter block of what the page declares.
It also keeps what trafilatura drops and a reader needs: figure captions (a photo's
caption dates what it shows), a headline standing outside the article element, and a
site's name from its ``<title>`` or copyright line when no meta tag gives one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import htmldate
import trafilatura
from lxml.etree import _Element
from trafilatura.settings import Document, use_config
from trafilatura.utils import load_html

from chronicle.ingest.text.inline import SUPERSCRIPTS

_META_LENGTH = 200
"""Longest front-matter value kept: a longer one is a page's description, not a name."""

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", SUPERSCRIPTS)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")

_CONFIG = use_config()
# trafilatura hands a page whose main text is under 250 characters to its baseline,
# which runs its headings and paragraphs together; a ministry's one-paragraph note is
# still a page to read block by block.
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # a signal alarm: not in pool workers

for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # a page's oddities are not errors


def html_to_text(html: str, url: str = "") -> str:
    """The plain text of a web page, under a front-matter block of its metadata.

    Args:
        html: The page source, decoded.
        url: Where the page was fetched from ("" for a saved file); it helps
            trafilatura resolve the canonical URL and htmldate read a date in the path.

    Returns:
        Front matter (``title``, ``site-name``, ``author``, ``date-published``,
        ``date-modified``, ``source``) for what the page declares, then the main
        text with blank lines between blocks; "" when the page holds no text.
    """
    tree = load_html(html)
    if tree is None:
        return trafilatura.html2txt(html).strip()
    modified = _date(tree, url, original=False)  # before extraction, which prunes the tree
    site = _head(tree)
    _captions_as_paragraphs(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        fast=True,  # its own extraction only: the fallbacks cost a third and changed nothing here
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=True,
        date_extraction_params=_PUBLISHED,
        config=_CONFIG,
    )
    body = _blocks_text(document.body) if document is not None else ""
    if not body:
        body = _fallback_text(html)
    if not body:
        return ""
    if document is not None and _headline_dropped(document, site.headline):
        body = f"# {site.headline}\n\n{body}"
    front = _front_matter(document, modified, url, site)
    if not front:
        return body
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n\n" + body


def _fallback_text(html: str) -> str:
    """trafilatura's own baseline (its paragraphs), else all the page's text, for a page in
    which it found no main text."""
    postbody, text, _length = trafilatura.baseline(html)
    return _blocks_text(postbody) or (text or trafilatura.html2txt(html)).strip()


def _captions_as_paragraphs(tree: _Element) -> None:
    """Make figure captions paragraphs, which trafilatura drops with the image: a news
    photo's caption often dates what it shows ("Protesters outside the embassy on
    2 January 2016")."""
    for figure in tree.iter("figure"):
        figure.tag = "div"
    for caption in tree.iter("figcaption"):
        caption.tag = "p"


SITE_META = ("application-name", "contentsource", "dc.publisher", "dcterms.publisher")
"""Meta tags that name a ministry's or agency's site and that trafilatura does not read
(it reads og:site_name and schema.org's publisher)."""


@dataclass(frozen=True)
class _Head:
    """What the page says of itself outside its main text, read before extraction prunes it."""

    site: str  # the site's name from `SITE_META`
    title: str  # the <title>
    owner: str  # who the footer's copyright line names
    headline: str  # the first <h1>


def _head(tree: _Element) -> _Head:
    named = (
        meta.get("content") or ""
        for meta in tree.iter("meta")
        if (meta.get("name") or "").lower() in SITE_META
    )
    title = next((t.text_content() for t in tree.iter("title")), "")
    footers = " ".join(f.text_content() for f in tree.iter("footer"))
    owner = _COPYRIGHT.search(_SPACES.sub(" ", footers))
    headline = next((h.text_content() for h in tree.iter("h1")), "")
    return _Head(
        next((n.strip() for n in named if n.strip()), ""),
        title,
        owner.group("owner").strip() if owner else "",
        _SPACES.sub(" ", headline).strip(),
    )


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<owner>[^\W\d][^.|,;©]{2,80}?)\s*(?:[.|,;]|all rights|$)",
    re.I,
)
"""A footer's copyright line, which names the site's owner: "© 2020 Ministry of Foreign
Affairs of Japan", "Copyright © 2024 Gulf Policy Forum. All rights reserved."."""


def _headline_dropped(document: Document, headline: str) -> bool:
    """Whether trafilatura took the page's ``<h1>`` as its title and left it out of the text
    (it does when the headline stands outside an article element): the headline still
    heads the text, where the metadata reader looks for the byline and date under it."""
    has_headline = any(h.get("rend") == "h1" for h in document.body.iter("head"))
    return bool(headline) and not has_headline and headline == (document.title or "").strip()


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _site_in_title(title: str, headline: str) -> str:
    """The site's name a ``<title>`` gives after the headline ("Samoa | New Zealand
    Ministry of Foreign Affairs and Trade"), or ""."""
    parts = _TITLE_SEPARATOR.split(_SPACES.sub(" ", title).strip(), maxsplit=1)
    if len(parts) == 2 and headline and parts[0].endswith(headline):
        return parts[1]
    return ""


_HOST_NAME = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)


def _front_matter(
    document: Document | None,
    modified: str | None,
    url: str,
    site: _Head,
) -> dict[str, str]:
    """What the page declares of itself, under the front-matter keys the metadata reader
    and the document-date strategies read.

    trafilatura names a site by its host when the page does not ("example.org"): that
    is no name: the site's meta tags, its ``<title>`` or its copyright line say it.
    """
    published = document.date if document else None
    sitename = (document.sitename if document else None) or ""
    title = _title(document) if document else ""
    if not sitename or _HOST_NAME.match(sitename):
        sitename = site.site or _site_in_title(site.title, title) or site.owner
    values = {
        "title": title,
        "site-name": sitename,
        "author": document.author if document else None,
        "date-published": published,
        "date-modified": modified if modified != published else None,
        "source": (document.url if document else None) or url,
    }
    front = {}
    for key, value in values.items():
        value = _SPACES.sub(" ", value or "").strip()
        if value and len(value) <= _META_LENGTH:
            front[key] = value
    return front


def _title(document: Document) -> str:
    """The page's title; its headline when the title is the headline followed by the
    site's name ("Argentina–Chile relations - Wikipedia")."""
    title = document.title or ""
    first = next((h for h in document.body.iter("head") if h.get("rend") == "h1"), None)
    headline = _inline(first) if first is not None else ""
    rest = title[len(headline) :].strip() if headline and title.startswith(headline) else ""
    return headline if rest[:1] in ("-", "|", "–", "—", "·", ":") and rest[:1] else title


_PUBLISHED = {"extensive_search": False, "original_date": True}
"""How trafilatura asks htmldate for the page's date: the first published, from its
markup only (a date found in the running text is the text's to date)."""


def _date(tree: _Element, url: str, original: bool) -> str | None:
    """The date the page was first published (`original`) or last updated, by htmldate
    from its markup only, as `_PUBLISHED` says."""
    try:
        return htmldate.find_date(
            tree, extensive_search=False, original_date=original, url=url or None
        )
    except Exception:  # htmldate on a broken page: no date rather than no document
        return None


def _blocks_text(body: _Element | None) -> str:
    """trafilatura's body element as paragraphs joined by blank lines."""
    if body is None:
        return ""
    return "\n\n".join(block for block in _blocks(body) if block)


def _blocks(element: _Element) -> Iterator[str]:
    """The blocks of an element's children, each a paragraph of our plain text."""
    for child in element:
        tag = child.tag
        if tag == "head":
            level = (child.get("rend") or "h2").removeprefix("h")
            hashes = "#" * int(level) if level.isdigit() and 1 <= int(level) <= 6 else "##"
            text = _inline(child)
            yield f"{hashes} {text}" if text else ""
        elif tag == "list":
            yield "\n".join(_items(child))
        elif tag == "table":
            yield from _table(child)
        elif tag in ("quote", "div", "section", "article", "main", "body"):
            if len(child):
                yield from _blocks(child)
            else:
                yield _inline(child)
        elif tag == "lb":
            continue
        else:
            yield _inline(child)
        if tail := _SPACES.sub(" ", child.tail or "").strip():
            yield tail


def _items(listing: _Element) -> Iterator[str]:
    """A list's items, numbered for an ordered list, bulleted otherwise; a nested list's
    items follow their parent's."""
    ordered = listing.get("rend") == "ol"
    number = 0
    for item in listing:
        if item.tag != "item":
            continue
        nested = [sub for sub in item if sub.tag == "list"]
        for sub in nested:
            item.remove(sub)  # read after the item's own words
        text = _cell(item)
        if text:
            number += 1
            yield f"{number}. {text}" if ordered else f"• {text}"
        for sub in nested:
            yield from _items(sub)


def _table(table: _Element) -> Iterator[str]:
    """A table's caption (trafilatura gives it as a first row of one cell) as its own line,
    then its rows, cells separated by tabs."""
    rows = [[_cell(cell) for cell in row if cell.tag == "cell"] for row in table.iter("row")]
    rows = [cells for cells in rows if any(cells)]
    lines = []
    if rows and rows[0][0] and not any(rows[0][1:]) and len(rows) > 1:
        yield rows.pop(0)[0]
    for cells in rows:
        while cells and not cells[-1]:
            cells.pop()
        lines.append("\t".join(cells))
    yield "\n".join(lines)


def _cell(cell: _Element) -> str:
    """A table cell's or list item's words on one line, its paragraphs and line breaks run
    together (a new line would end the row)."""
    return _SPACES.sub(" ", _runs(cell)).strip()


def _inline(element: _Element) -> str:
    """An element's words on one line (a line break kept), footnote markers as superscript
    digits."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in _runs(element).split("\n")).strip()


_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "div"})


def _runs(element: _Element) -> str:
    """An element's text with its children's, a line break for ``<lb>`` and before a block."""
    parts = [_SPACES.sub(" ", element.text or "")]  # the source's own line ends are spaces
    for child in element:
        if child.tag in _BLOCK_TAGS:
            parts.append("\n")
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == "hi" and child.get("rend") == "#sup":
            words = _runs(child)
            parts.append(
                words.strip().translate(_SUPERSCRIPT_DIGITS) if words.strip().isdigit() else words
            )
        else:
            parts.append(_runs(child))
        parts.append(_SPACES.sub(" ", child.tail or ""))
    return "".join(parts)
