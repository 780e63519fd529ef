"""Fetching web addresses from a real local HTTP server: redirects, charsets, content types,
and one clear line for each way a fetch fails."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chronicle.ingest.fetch import fetch, is_url, load_url, read_url
from chronicle.ingest.text.read import DocumentError

READOUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kenya and Uganda agree to extend the standard gauge railway | State Department for Transport</title>
<meta property="og:site_name" content="State Department for Transport">
<meta property="article:published_time" content="2023-11-14T09:00:00+03:00">
<link rel="canonical" href="https://www.transport.example/news/sgr-extension">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/tenders">Tenders</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to understand how this site is used.</p></div>
<main><article>
<h1>Kenya and Uganda agree to extend the standard gauge railway</h1>
<p>Transport ministers of Kenya and Uganda met in Kampala on 13 November 2023 and agreed to extend the standard gauge railway from Naivasha to the Malaba border by 2027.</p>
<p>The two governments first signed a memorandum on the line in Nairobi on 28 August 2014.</p>
</article>
<aside class="related"><h2>Related news</h2><ul><li><a href="/n/1">Port of Mombasa records higher volumes (2 October 2023)</a></li></ul></aside>
</main></body></html>"""

FRENCH_NOTE = (
    "<html><head><title>Communiqué</title></head><body><main><article>"
    "<h1>Communiqué conjoint</h1>"
    "<p>Les ministres se sont réunis à Nouakchott le 12 mars 2022 et ont signé l'accord "
    "sur le barrage de Gouina.</p></article></main></body></html>"
)


@contextmanager
def serve(pages: dict[str, tuple[int, dict[str, str], bytes]], delay: float = 0.0) -> Iterator[str]:
    """Serve `pages` (path -> status, headers, body) from a local HTTP server in a thread;
    a path starting /slow waits `delay` seconds first. Yields the server's base address."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/slow"):
                time.sleep(delay)
            status, headers, body = pages.get(self.path, (404, {}, b"not here"))
            if self.path.startswith("/trickle"):
                self._trickle(status, headers, body)
                return
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout, a refused body)

        def _trickle(self, status: int, headers: dict[str, str], body: bytes) -> None:
            """The body a byte at a time, `delay` seconds apart."""
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(delay)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def site() -> dict[str, tuple[int, dict[str, str], bytes]]:
    """The pages most tests serve."""
    return {
        "/news/sgr-extension": (200, HTML, READOUT.encode()),
        "/old/sgr": (301, {"Location": "/news/sgr-extension"}, b""),
        "/fr/communique": (
            200,
            {"Content-Type": "text/html; charset=iso-8859-1"},
            FRENCH_NOTE.encode("latin-1"),
        ),
        "/notes.txt": (
            200,
            {"Content-Type": "text/plain"},
            b"Talks were held in Arusha on 5 June 2023.",
        ),
        "/map.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64)),
        "/brief.md": (
            200,
            {"Content-Type": "application/octet-stream"},
            b"# Brief\n\nThe summit opened in Addis Ababa on 17 February 2024.",
        ),
        "/report": (200, {**HTML, "Content-Length": str(5 * 2**20)}, b"<p>short</p>"),
        "/stream": (200, {**HTML, "Transfer-Encoding": "identity"}, b"<p>" + b"x" * 4096 + b"</p>"),
        "/slow/page": (200, HTML, READOUT.encode()),
    }


def test_urls_are_told_from_paths() -> None:
    assert [is_url(s) for s in ("https://a.example/x", "HTTP://a.example", "notes/a.html")] == [
        True,
        True,
        False,
    ]


def test_a_page_is_fetched_read_and_stored_under_its_address() -> None:
    with serve(site()) as base:
        doc = load_url(f"{base}/news/sgr-extension")
    assert (doc.path, doc.url, doc.format, doc.encoding) == (
        f"{base}/news/sgr-extension",
        f"{base}/news/sgr-extension",
        "html",
        "utf-8",
    )
    assert (doc.title, doc.publisher, str(doc.date)) == (
        "Kenya and Uganda agree to extend the standard gauge railway",
        "State Department for Transport",
        "2023-11-14",
    )
    assert doc.paragraphs[1:] == (
        "Transport ministers of Kenya and Uganda met in Kampala on 13 November 2023 and agreed "
        "to extend the standard gauge railway from Naivasha to the Malaba border by 2027.",
        "The two governments first signed a memorandum on the line in Nairobi on 28 August 2014.",
    )


def test_a_redirect_is_followed_and_the_address_served_from_kept() -> None:
    with serve(site()) as base:
        doc = load_url(f"{base}/old/sgr")
    assert (doc.path, doc.url) == (f"{base}/old/sgr", f"{base}/news/sgr-extension")


def test_the_charset_in_the_header_decodes_the_page() -> None:
    with serve(site()) as base:
        text, encoding, format_name, _ = read_url(f"{base}/fr/communique")
    assert (encoding, format_name) == ("iso-8859-1", "html")
    assert text.endswith(
        "Les ministres se sont réunis à Nouakchott le 12 mars 2022 et ont signé l'accord sur "
        "le barrage de Gouina."
    )


def test_plain_text_and_a_generic_type_named_md_are_read_as_what_they_are() -> None:
    with serve(site()) as base:
        plain = read_url(f"{base}/notes.txt")
        brief = read_url(f"{base}/brief.md")
    assert plain[:3] == ("Talks were held in Arusha on 5 June 2023.", "utf-8", "text")
    assert brief[:3] == (
        "# Brief\n\nThe summit opened in Addis Ababa on 17 February 2024.",
        "utf-8",
        "markdown",
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "/missing: HTTP 404 Not Found"),
        ("/map.png", "/map.png: unsupported content type image/png"),
        (
            "/report",
            "/report: too big to read (more than 1 MB; CHRONICLE_MAX_FILE_MB sets the limit)",
        ),
    ],
)
def test_each_failure_is_one_line(path: str, message: str) -> None:
    with serve(site()) as base, pytest.raises(DocumentError) as caught:
        read_url(f"{base}{path}", max_bytes=2**20)
    assert str(caught.value) == f"{base}{message}"


def test_a_body_longer_than_the_cap_is_cut_off_while_it_streams() -> None:
    with serve(site()) as base, pytest.raises(DocumentError) as caught:
        fetch(f"{base}/stream", max_bytes=1024)
    assert str(caught.value) == (
        f"{base}/stream: too big to read (more than 1 KB; CHRONICLE_MAX_FILE_MB sets the limit)"
    )


def test_a_slow_server_times_out_in_one_line() -> None:
    with serve(site(), delay=2.0) as base, pytest.raises(DocumentError) as caught:
        fetch(f"{base}/slow/page", timeout=0.3)
    assert str(caught.value) == (
        f"{base}/slow/page: no answer within 0.3 s (CHRONICLE_FETCH_TIMEOUT sets it)"
    )


def test_an_unknown_host_and_a_closed_port_say_so() -> None:
    with pytest.raises(DocumentError) as unknown:
        fetch("http://no-such-ministry.invalid/news", timeout=5)
    with serve({}) as base:
        closed = base  # the server is gone once the block ends
    with pytest.raises(DocumentError) as refused:
        fetch(f"{closed}/news", timeout=5)
    assert str(unknown.value) == (
        "http://no-such-ministry.invalid/news: cannot find the server (offline, or no such host)"
    )
    assert str(refused.value) == f"{closed}/news: connection refused"


def _word_file() -> bytes:
    import io

    from docx import Document

    document = Document()
    document.add_heading("Joint communiqué", level=1)
    document.add_paragraph(
        "The foreign ministers of Senegal and Mauritania met in Saint-Louis on 9 May 2023."
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_file() -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(
        72, 770, "The gas pipeline agreement was signed in Dakar on 21 December 2018."
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_word_and_pdf_files_served_are_read_through_the_formats_registry() -> None:
    pages = {
        "/communique": (200, {"Content-Type": WORD}, _word_file()),
        "/files/agreement.pdf": (200, {"Content-Type": "application/octet-stream"}, _pdf_file()),
    }
    with serve(pages) as base:
        word = read_url(f"{base}/communique")
        pdf = read_url(f"{base}/files/agreement.pdf")
    assert word[1:3] == ("docx", "docx")
    assert word[0].endswith(
        "The foreign ministers of Senegal and Mauritania met in Saint-Louis on 9 May 2023."
    )
    assert pdf[1:3] == ("pdf", "pdf")
    body = pdf[0].split("---\n\n", 1)[-1]  # under the PDF's own metadata
    assert body.strip() == "The gas pipeline agreement was signed in Dakar on 21 December 2018."


def test_a_server_that_sends_a_byte_now_and_then_is_cut_off_in_one_line() -> None:
    pages = {"/trickle/page": (200, HTML, READOUT.encode())}
    with serve(pages, delay=0.05) as base, pytest.raises(DocumentError) as error:
        fetch(f"{base}/trickle/page", timeout=0.2)
    assert str(error.value) == (
        f"{base}/trickle/page: the page came too slowly (CHRONICLE_FETCH_TIMEOUT sets the pace)"
    )


def test_a_charset_that_is_no_text_encoding_is_left_to_the_detector() -> None:
    page = "<html><body><article><p>Le 4 mai 2019, la délégation est arrivée à Lima.</p></article></body></html>"
    pages = {"/odd": (200, {"Content-Type": "text/html; charset=base64"}, page.encode("utf-8"))}
    with serve(pages) as base:
        text, encoding, format_name, _ = read_url(f"{base}/odd")
    assert "la délégation est arrivée à Lima" in text
    assert (encoding, format_name) == ("utf-8", "html")
