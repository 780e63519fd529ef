"""Fetch a web address and read what it serves as a document.

The response's content type decides the reader (a web page, plain text, Markdown, or a
PDF or Word file through `chronicle.ingest.formats`); its charset header decodes the
text, else the detector `read.decode_bytes` uses. Every way a fetch can fail (offline,
an unknown host, an HTTP error, a timeout, a body over the size limit, a type chronicle
cannot read) is one `DocumentError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import os
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from chronicle import __version__
from chronicle.ingest.formats import BINARY_FORMATS, reader
from chronicle.ingest.text.document import document_from_text
from chronicle.ingest.text.read import (
    MAX_FILE_ENV,
    DocumentError,
    decode_bytes,
    html_to_text,
    max_file_bytes,
)
from chronicle.model import CleanDocument

TIMEOUT_SECONDS = 30.0
"""How long a fetch may wait for the server to connect or to send more, unless
`TIMEOUT_ENV` says otherwise."""

TIMEOUT_ENV = "CHRONICLE_FETCH_TIMEOUT"
"""Environment variable that sets the fetch timeout, in seconds."""

_CHUNK = 64 * 1024

CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
"""Content type -> the format it is read as."""

_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text", ".md": "markdown"} | BINARY_FORMATS
"""What a generic content type (application/octet-stream) is read as, by the URL's name."""


def is_url(source: str) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def timeout_seconds() -> float:
    """The fetch timeout: `TIMEOUT_ENV` if set, else `TIMEOUT_SECONDS`.

    Raises:
        DocumentError: The variable is not a positive number.
    """
    setting = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        seconds = float(setting) if setting else TIMEOUT_SECONDS
    except ValueError:
        seconds = 0.0
    if seconds <= 0:
        raise DocumentError(f"{TIMEOUT_ENV}={setting!r} is not a number of seconds above 0")
    return seconds


@dataclass(frozen=True)
class Fetched:
    """A response read whole: where it ended up (after redirects), its body and headers."""

    url: str
    data: bytes
    content_type: str
    charset: str


def fetch(url: str, max_bytes: int | None = None, timeout: float | None = None) -> Fetched:
    """GET `url`, following redirects, and read its body up to `max_bytes`.

    Args:
        url: An http or https address.
        max_bytes: Refuse a larger body (0: any size); None asks `read.max_file_bytes()`.
        timeout: Seconds to wait for the server; None asks `timeout_seconds()`.

    Raises:
        DocumentError: The fetch failed; the message says how, in one line.
    """
    limit = max_file_bytes() if max_bytes is None else max_bytes
    wait = timeout_seconds() if timeout is None else timeout
    request = urllib.request.Request(url, headers={"User-Agent": f"chronicle/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=wait) as response:
            headers: Message = response.headers
            _check_length(url, headers.get("Content-Length"), limit)
            data = _read_capped(url, response, limit, time.monotonic() + WHOLE_BODY * wait)
            return Fetched(
                response.geturl(),
                data,
                headers.get_content_type().lower(),
                (headers.get_content_charset() or "").lower(),
            )
    except DocumentError:
        raise
    except urllib.error.HTTPError as error:
        raise DocumentError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise DocumentError(f"{url}: {_why(error.reason, wait)}") from None
    except TimeoutError:
        raise DocumentError(f"{url}: no answer within {wait:g} s ({TIMEOUT_ENV} sets it)") from None
    except (OSError, ValueError) as error:  # a dropped connection, a malformed address
        raise DocumentError(f"{url}: cannot fetch ({error})") from None


def _why(reason: object, wait: float) -> str:
    """A URLError's reason in words."""
    if isinstance(reason, socket.gaierror):
        return "cannot find the server (offline, or no such host)"
    if isinstance(reason, TimeoutError):
        return f"no answer within {wait:g} s ({TIMEOUT_ENV} sets it)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    return f"cannot fetch ({reason})"


def _check_length(url: str, length: str | None, limit: int) -> None:
    if limit and length and length.isdigit() and int(length) > limit:
        raise _too_big(url, limit)


WHOLE_BODY = 10
"""Timeouts a whole body may take: the timeout bounds each read, so a server sending a
byte now and then would otherwise hold a worker until the size limit."""


def _read_capped(url: str, response: object, limit: int, deadline: float) -> bytes:
    """The body, read in chunks so a server that sends more than it announced, or sends it
    too slowly, is cut off."""
    chunks, size = [], 0
    while chunk := response.read1(_CHUNK):  # type: ignore[attr-defined]
        size += len(chunk)
        if limit and size > limit:
            raise _too_big(url, limit)
        if time.monotonic() > deadline:
            raise DocumentError(f"{url}: the page came too slowly ({TIMEOUT_ENV} sets the pace)")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(url: str, limit: int) -> DocumentError:
    if limit < 2**20:
        size = f"{limit / 2**10:.0f} KB"
    else:
        size = f"{limit / 2**20:.1f}".removesuffix(".0") + " MB"
    return DocumentError(
        f"{url}: too big to read (more than {size}; {MAX_FILE_ENV} sets the limit)"
    )


def format_of_response(fetched: Fetched) -> str:
    """What a response is read as: its content type, else (a generic type) its URL's name.

    Raises:
        DocumentError: A type chronicle does not read (an image, a spreadsheet).
    """
    if fetched.content_type in CONTENT_TYPES:
        return CONTENT_TYPES[fetched.content_type]
    suffix = PurePosixPath(urlsplit(fetched.url).path).suffix.lower()
    if fetched.content_type in ("application/octet-stream", "") and suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    raise DocumentError(f"{fetched.url}: unsupported content type {fetched.content_type}")


def read_url(url: str, max_bytes: int | None = None) -> tuple[str, str, str, str]:
    """Fetch `url` and turn what it serves into text.

    Returns:
        (text, encoding, format, the address it was served from after redirects).

    Raises:
        DocumentError: The fetch failed, the type is not read, or there is no text.
    """
    fetched = fetch(url, max_bytes)
    format_name = format_of_response(fetched)
    if format_name in BINARY_FORMATS.values():
        text, encoding = reader(format_name)(fetched.data, url), format_name
    else:
        text, encoding = _decode(fetched, url)
        if format_name == "html":
            text = html_to_text(text, fetched.url)
    if not text.strip():
        raise DocumentError(f"{url}: no text (the page is empty or all navigation)")
    return text, encoding, format_name, fetched.url


def _decode(fetched: Fetched, url: str) -> tuple[str, str]:
    """The body as text: in the charset the server named, else as `decode_bytes` reads it."""
    if fetched.charset:
        try:
            codecs.lookup(fetched.charset)
        except LookupError:
            pass  # a charset Python does not know: let the detector read it
        else:
            try:
                return fetched.data.decode(fetched.charset, errors="replace"), fetched.charset
            except LookupError:
                pass  # a codec that is no text encoding ("base64"): the detector reads it
    return decode_bytes(fetched.data, url)


def load_url(url: str, max_bytes: int | None = None) -> CleanDocument:
    """Fetch and clean one web address; the document's path is the address as given, so
    ingesting it again finds it, and its `url` the address it was served from.

    Raises:
        DocumentError: The address cannot be fetched or holds no usable text.
    """
    text, encoding, format_name, served_from = read_url(url, max_bytes)
    doc = document_from_text(text, url, encoding, format_name, served_from)
    if not doc.paragraphs:
        raise DocumentError(f"{url}: no usable text after cleaning")
    return doc
