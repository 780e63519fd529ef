"""Turn a file on disk into text: decode the bytes, flatten HTML (`discover` picks the files).

Everything that can go wrong with an input file (missing, unreadable, binary,
empty, unsupported) is reported as one `DocumentError` with a one-line message.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import charset_normalizer

from chronicle.ingest.formats import binary_format, reader
from chronicle.ingest.text.discover import is_supported

HTML_EXTENSIONS = frozenset({".html", ".htm"})

_SNIFF_BYTES = 8192
_CONTROL_RATIO = 0.10
"""Share of control bytes above which a file is considered binary."""

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
"""Control bytes that plain text legitimately contains (ESC: ANSI colours)."""
_NOT_CONTROLS = bytes(b for b in range(256) if b >= 32 or b in _TEXT_CONTROLS)
"""Every byte but the controls text does not hold: deleted, what is left is counted."""

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
    controls = len(sample.translate(None, _NOT_CONTROLS))  # in C, not a loop over bytes
    return controls > _CONTROL_RATIO * len(sample)


# --- HTML -------------------------------------------------------------------


def html_to_text(html: str, url: str = "") -> str:
    """The main text of a web page under a front-matter block of what it declares (title,
    site name, author, dates, canonical URL): `chronicle.ingest.formats.html`, which
    trafilatura and htmldate drive, imported on the first page read.

    Args:
        html: The page source, decoded.
        url: Where it was fetched from ("" for a file).
    """
    from chronicle.ingest.formats.html import html_to_text as page_text

    return page_text(html, url)
