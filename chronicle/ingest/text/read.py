"""Turn a file on disk into text: decode the bytes, flatten HTML (`discover` picks the files).

Everything that can go wrong with an input file (missing, unreadable, binary,
empty, unsupported) is reported as one `DocumentError` with a one-line message.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import charset_normalizer

from chronicle.ingest.formats import binary_format, reader
from chronicle.ingest.text.discover import is_supported
from chronicle.ingest.text.inline import SUPERSCRIPTS

HTML_EXTENSIONS = frozenset({".html", ".htm"})

_SNIFF_BYTES = 8192
_CONTROL_RATIO = 0.10
"""Share of control bytes above which a file is considered binary."""

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
"""Control bytes that plain text legitimately contains (ESC: ANSI colours)."""

MAX_FILE_MB = 100
"""Largest file read, in MB (2**20 bytes), unless `MAX_FILE_ENV` or a caller says otherwise:
a document is read whole into memory, at about 150 KB/s a core."""

MAX_FILE_ENV = "CHRONICLE_MAX_FILE_MB"
"""Environment variable that sets the largest file read, in MB (a number; 0: no limit)."""


class DocumentError(Exception):
    """A file that cannot be turned into a document; str() is a one-line reason."""


def max_file_bytes() -> int:
    """The largest file to read, in bytes: `MAX_FILE_ENV` if set, else `MAX_FILE_MB`;
    0 for no limit.

    Raises:
        DocumentError: The variable is not a number.
    """
    setting = os.environ.get(MAX_FILE_ENV, "").strip()
    try:
        megabytes = float(setting) if setting else MAX_FILE_MB
    except ValueError:
        raise DocumentError(f"{MAX_FILE_ENV}={setting!r} is not a number of MB") from None
    return max(int(megabytes * 2**20), 0)


def read_document(path: Path, max_bytes: int | None = None) -> tuple[str, str]:
    """Read a document file as text.

    Args:
        path: A .txt, .md, .markdown, .html or .htm file, or a format of
            `chronicle.ingest.formats` (PDF, Word).
        max_bytes: Refuse a larger file (0: read any size); None asks
            `max_file_bytes()`.

    Returns:
        (text, encoding): the decoded text (HTML flattened to plain text with
        one block per paragraph) and the name of the encoding used.

    Raises:
        DocumentError: The file is missing, unreadable, binary, too big, empty, not
            text in any encoding, or of an unsupported type.
    """
    path = Path(path)
    if not is_supported(path):
        suffix = path.suffix or "(none)"
        raise DocumentError(f"{path}: unsupported file type {suffix}")
    limit = max_file_bytes() if max_bytes is None else max_bytes
    if format_name := binary_format(path):
        text = reader(format_name)(_read_bytes(path, limit, sniff=False), str(path))
        encoding = format_name
    else:
        text, encoding = decode_bytes(_read_bytes(path, limit), str(path))
    if path.suffix.lower() in HTML_EXTENSIONS:
        text = html_to_text(text)
    if not text.strip():
        raise DocumentError(f"{path}: no text (empty or whitespace only)")
    return text, encoding


def _read_bytes(path: Path, max_bytes: int, sniff: bool = True) -> bytes:
    """The file's bytes, once its head shows text (unless `sniff` is off, for a binary
    format) and its size is within `max_bytes`, so a huge or binary file is refused
    before it is read into memory."""
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder, not a file")
    if path.exists() and not path.is_file():
        raise DocumentError(f"{path}: not a regular file (a pipe or device)")  # reading would hang
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
            if sniff and is_binary(head) and not _starts_as_utf16(head):
                raise DocumentError(f"{path}: binary file, not text")
            size = os.fstat(file.fileno()).st_size
            if max_bytes and size > max_bytes:
                raise DocumentError(
                    f"{path}: too big to read ({_megabytes(size)} MB, more than "
                    f"{_megabytes(max_bytes)} MB; {MAX_FILE_ENV} sets the limit)"
                )
            return head + file.read()
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied") from None
    except OSError as error:
        raise DocumentError(f"{path}: cannot read ({error.strerror or error})") from None


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0")


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode file contents: BOM first, then UTF-8, then the encoding charset-normalizer
    finds readable.

    Args:
        data: The raw bytes.
        name: How to name the source in error messages.

    Returns:
        (text, encoding name).

    Raises:
        DocumentError: Empty or whitespace-only input, binary data, or bytes that read
            as noise in every encoding.
    """
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise DocumentError(f"{name}: invalid {encoding} text") from None
    bare = _bare_utf16(data)
    if bare:
        return data.decode(bare), bare
    if is_binary(data):
        raise DocumentError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A UTF-8 file with a stray byte or two: one replacement character each beats
        # reading every curly quote of the file as cp1252 mojibake.
        return data.decode("utf-8", errors="replace"), "utf-8 (with invalid bytes replaced)"
    encoding = detect_encoding(data)
    if encoding is None:
        raise DocumentError(f"{name}: not text (its bytes read as noise in every encoding)")
    return data.decode(encoding), encoding


WESTERN = "cp1252"
"""Windows' Western encoding, in which most documents that are neither UTF-8 nor in a
non-Latin script were saved (the WHATWG encoding standard reads latin-1 labels as it)."""


def detect_encoding(data: bytes) -> str | None:
    """The encoding in which `data` reads as text, by charset-normalizer; None when every
    encoding gives noise (random bytes, a compressed or encrypted file).

    A few accented letters in English or French prose decode cleanly in a dozen
    single-byte encodings, and the detector's guess of the language among them is
    noise ("Bogotá" comes out Baltic as "Bogotį"); of the encodings that read as
    cleanly as any, the Western one is taken. The price: Turkish or Polish saved in
    their own Windows encodings lose a few letters, as with the detector's own choice.
    """
    results = charset_normalizer.from_bytes(data, cp_exclusion=_WIDE)
    best = results.best()
    if best is None:
        return None
    cleanest = min(r.chaos for r in results)
    if any(WESTERN in r.could_be_from_charset for r in results if r.chaos == cleanest):
        return WESTERN
    return best.encoding


_WIDE = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
"""Encodings the detector is not asked about: UTF-16 and UTF-32 have a BOM or zero bytes,
which `decode_bytes` reads first; without them, a few bytes of Latin text pass for
Chinese in UTF-16."""


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _mostly_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 sequences clearly outnumber the invalid bytes.

    cp1252 text almost never forms valid UTF-8 sequences (its accented letters are
    single bytes followed by ASCII), so a file mostly made of them is UTF-8.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid >= 2 * invalid > 0


def _starts_as_utf16(head: bytes) -> bool:
    """Whether a file's first bytes are UTF-16 (a BOM, or ASCII text with every other byte
    zero), whose zeros are no sign of a binary file."""
    boms = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    return head.startswith(boms) or bool(_utf16_zeros(head))


def _bare_utf16(data: bytes) -> str:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 of mostly ASCII text, else ''."""
    name = _utf16_zeros(data[:_SNIFF_BYTES])
    if not name:
        return ""
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return ""
    return name


def _utf16_zeros(sample: bytes) -> str:
    """The UTF-16 whose ASCII letters leave every other byte of `sample` zero, or ''."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return ""
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return name
    return ""


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes (beyond a stray one) or many controls."""
    sample = data[:_SNIFF_BYTES]
    stray = max(len(sample) // 1000, 1 if len(sample) >= 200 else 0)  # one in a short note
    if sample.count(0) > stray:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > _CONTROL_RATIO * len(sample)


# --- HTML -------------------------------------------------------------------

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "aside",
        "head",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
    }
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dl",
        "dt",
        "div",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        "body",
        "html",
    }
)
_META_LENGTH = 200
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", SUPERSCRIPTS)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n)+")


META_KEYS = {
    "article:published_time": "date-published",
    "og:published_time": "date-published",
    "datepublished": "date-published",
    "date": "date-published",
    "pubdate": "date-published",
    "publishdate": "date-published",
    "publication_date": "date-published",
    "dc.date": "date-published",
    "dc.date.issued": "date-published",
    "dcterms.date": "date-published",
    "dcterms.issued": "date-published",
    "citation_publication_date": "date-published",
    "article:modified_time": "date-modified",
    "og:updated_time": "date-modified",
    "dcterms.modified": "date-modified",
    "dc.date.modified": "date-modified",
    "datemodified": "date-modified",
    "og:site_name": "site-name",
    "application-name": "site-name",
    "dc.publisher": "site-name",
    "dcterms.publisher": "site-name",
    "citation_publisher": "site-name",
    "contentsource": "site-name",
    "author": "author",
    "dc.creator": "author",
    "citation_author": "author",
}
"""Meta tags (name, property or itemprop, lower-cased) that say when a page was
published or modified, which site it belongs to and who wrote it, and the
front-matter key each is passed on as."""


_CHROME_ELEMENT = re.compile(
    r"(?:^|[\s_-])(?:(?:bread)?crumbs?|today|date-today|current-?date|header-?date"
    r"|weather|cookies?(?:-banner|-notice|-consent)?"
    r"|share|sharing|social|related|sidebar|menu|navbar|navigation|skip-?link|subscribe"
    r"|newsletter|advert\w*|promo"
    r"|most-?(?:read|popular)|trending|comments?)(?:$|[\s_-])",
    re.I,
)
"""Class names, ids and ARIA labels that pages give their chrome (trafilatura relies on
the same habit): breadcrumb trails, cookie banners, share bars, related links, the
header's date of today and its weather."""
_CHROME_ROLES = frozenset({"navigation", "banner", "search", "complementary"})


def _is_chrome_element(attrs: dict[str, str | None]) -> bool:
    """Whether an element's attributes mark it as site chrome."""
    if (attrs.get("role") or "").lower() in _CHROME_ROLES:
        return True
    names = " ".join(attrs.get(key) or "" for key in ("class", "id", "aria-label"))
    return bool(_CHROME_ELEMENT.search(names))


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML page, one block per paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.linked_data: list[str] = []  # JSON-LD blocks (schema.org), read for dates
        self.in_linked_data = False
        self.chrome: list[str] = []  # the open chrome element's tag, once per nesting
        self.parts: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.sup_depth = 0
        self.lists: list[list[int]] = []  # per open list: [is_ordered, counter]
        self.cells = 0  # cells seen in the current table row
        self.in_cell = False  # a cell's paragraphs and breaks stay on its row

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._read_meta(dict(attrs))
        if tag == "script" and (dict(attrs).get("type") or "").lower() == "application/ld+json":
            self.in_linked_data = True
            self.linked_data.append("")
        if self.chrome:
            if tag == self.chrome[0] and tag not in _VOID_TAGS:
                self.chrome.append(tag)
            return
        if tag not in _VOID_TAGS and _is_chrome_element(dict(attrs)):
            self.chrome.append(tag)
            return
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
        if tag == "li":
            self.parts.append("\n")
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self.parts.append(f"{self.lists[-1][1]}. ")
            else:
                self.parts.append("• ")
        elif tag == "tr":
            self.parts.append("\n")
            self.cells, self.in_cell = 0, False
        elif tag in ("td", "th"):
            self.parts.append("\t" if self.cells else "")
            self.cells += 1
            self.in_cell = True
        elif self.in_cell and (tag in _BLOCK_TAGS or tag in ("br", "hr")):
            self._space_in_cell()
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "hr" or tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "h1":
            self.parts.append("# ")  # the page's headline, kept as a Markdown title
        if tag == "pre":
            self.pre_depth += 1
        elif tag == "sup":
            self.sup_depth += 1

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        key = META_KEYS.get(name.lower())
        content = " ".join((attrs.get("content") or "").split())
        if key and content and key not in self.meta and len(content) <= _META_LENGTH:
            self.meta[key] = content

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_linked_data = False
        if self.chrome:
            if tag == self.chrome[0]:
                self.chrome.pop()
            return
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in ("td", "th", "table"):
            self.in_cell = False
        if self.in_cell and tag in _BLOCK_TAGS:
            self._space_in_cell()
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        elif tag == "sup":
            self.sup_depth = max(0, self.sup_depth - 1)

    def handle_data(self, data: str) -> None:
        if self.in_linked_data:
            self.linked_data[-1] += data
        if self.skip_depth or self.chrome:
            return
        if self.sup_depth and data.strip().isdigit():
            data = data.strip().translate(_SUPERSCRIPT_DIGITS)
        if not self.pre_depth:
            data = _SPACES.sub(" ", data)
        if self.in_cell and self._after_space():
            data = data.lstrip(" ")  # one space between a cell's words: two part cells
        self.parts.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # html.parser asserts on a marked section it cannot name ("<![ if !vml]>",
        # "<![-- draft --]>"): like a browser, read it as a bogus comment up to its ">".
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    def _after_space(self) -> bool:
        last = next((part for part in reversed(self.parts) if part), "")
        return not last or last[-1].isspace()

    def _space_in_cell(self) -> None:
        if not self._after_space():
            self.parts.append(" ")


def html_to_text(html: str) -> str:
    """Plain text of an HTML page.

    Scripts, styles, navigation and the head are dropped; block elements become
    paragraph breaks, table cells tab-separated, list items bulleted or
    numbered, numeric ``<sup>`` footnote markers superscript digits, and the
    ``<h1>`` a Markdown title. The meta tags that date the page and name its
    site and author (`META_KEYS`) are passed on as a front-matter block.

    Args:
        html: The page source.

    Returns:
        Text with blank lines between blocks.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text).strip("\n")
    meta = linked_data_meta(parser.linked_data) | parser.meta  # meta tags win
    if not meta or not text:
        return text
    front = "".join(f"{key}: {value}\n" for key, value in meta.items())
    return f"---\n{front}---\n\n{text}"


_LINKED_DATA_KEYS = {
    "datePublished": "date-published",
    "dateCreated": "date-published",
    "dateModified": "date-modified",
}


def linked_data_meta(blocks: list[str]) -> dict[str, str]:
    """What a page's schema.org JSON-LD says of its dates, publisher and author, under
    the front-matter keys of `META_KEYS` (the first article-like object wins)."""
    found: dict[str, str] = {}
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the stack
            continue
        for item in _objects(data):
            for key, name in _LINKED_DATA_KEYS.items():
                if isinstance(item.get(key), str):
                    found.setdefault(name, item[key][:_META_LENGTH])
            for key, name in (("publisher", "site-name"), ("author", "author")):
                if who := _name_of(item.get(key)):
                    found.setdefault(name, who[:_META_LENGTH])
    return found


def _objects(data: object) -> Iterator[dict]:
    """Every JSON object in a JSON-LD document, "@graph" lists included, outer first.

    A stack, not recursion, so however deep `json.loads` let a block nest, walking it
    cannot raise `RecursionError`.
    """
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(reversed([v for v in value.values() if isinstance(v, (dict, list))]))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _name_of(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) else ""
