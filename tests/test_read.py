"""Reading files: decoding, refusals with clear messages, HTML flattening, folder walking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.ingest.text.discover import iter_paths
from chronicle.ingest.text.read import (
    DocumentError,
    decode_bytes,
    html_to_text,
    is_binary,
    linked_data_meta,
    read_document,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"plain ascii", "plain ascii", "utf-8"),
        ("Pakistan’s ties".encode(), "Pakistan’s ties", "utf-8"),
        (b"\xef\xbb\xbfwith BOM \xe2\x80\x99", "with BOM ’", "utf-8-sig"),
        ("utf-16 text ’".encode("utf-16"), "utf-16 text ’", "utf-16"),
        ("be".encode("utf-16-be").join([b"\xfe\xff", b""]), "be", "utf-16"),
        (b"caf\xe9", "café", "cp1252"),
        (b"\x93quoted\x94", "“quoted”", "cp1252"),
        (
            "Министр иностранных дел России посетил Пакистан 12 марта 2019 года.".encode("cp1251"),
            "Министр иностранных дел России посетил Пакистан 12 марта 2019 года.",
            "cp1251",
        ),
        ("no bom".encode("utf-16-le"), "no bom", "utf-16-le"),
        (
            "“Kono” met Asif — in Islamabad ".encode() + b"\x93 stray",
            "“Kono” met Asif — in Islamabad \ufffd stray",
            "utf-8 (with invalid bytes replaced)",
        ),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"hello\x00world", True),
        (b"a long text " * 400 + b"\x00 with one stray NUL", False),
        (b"a short note of a few lines " * 10 + b"\x00 with one stray NUL", False),
        (bytes(range(1, 32)) * 10, True),
        (b"text with \x1b[31mcolour\x1b[0m\n\ttab", False),
        (b"line\r\nline\r\n", False),
    ],
)
def test_is_binary(data: bytes, binary: bool) -> None:
    assert is_binary(data) is binary


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b" \n\t\n   \r\n", "empty"),
        ("notes.xlsx", b"PK\x03\x04", "unsupported"),
        ("noext", b"text", "unsupported"),
        ("empty.html", b"<html><head><title>x</title></head><body> </body></html>", "no text"),
    ],
)
def test_bad_files_raise_one_line_errors(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(DocumentError, match=message) as caught:
        read_document(path)
    assert "\n" not in str(caught.value)
    assert name in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "missing.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match="folder"):
        read_document(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    try:
        with pytest.raises(DocumentError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("name", "data", "text", "encoding"),
    [
        ("bom.txt", b"\xef\xbb\xbfTitle\n", "Title\n", "utf-8-sig"),
        ("wide.txt", "Wide ’\n".encode("utf-16"), "Wide ’\n", "utf-16"),
        ("latin.md", b"caf\xe9 society", "café society", "cp1252"),
        ("upper.TXT", b"upper-case extension", "upper-case extension", "utf-8"),
    ],
)
def test_read_real_files(tmp_path: Path, name: str, data: bytes, text: str, encoding: str) -> None:
    assert read_document(_write(tmp_path, name, data)) == (text, encoding)


def test_read_every_fixture_as_utf8() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        text, encoding = read_document(path)
        assert encoding == "utf-8"
        assert text.strip()


def test_html_to_text_drops_chrome_and_keeps_blocks() -> None:
    html = """<!doctype html><html><head><title>Page</title><style>p{}</style></head>
    <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
    <script>alert("x")</script>
    <h1>Japan-Pakistan Foreign Ministers&rsquo; Meeting</h1>
    <p>On January 4, Mr. Kono met   H.E. Mr. Asif.<sup>1</sup> Talks&nbsp;lasted
    two hours.</p>
    <ul><li>First point</li><li>Second &amp; last</li></ul>
    <ol><li>One</li><li>Two</li></ol>
    <table><tr><th>Year</th><th>Total</th></tr><tr><td>2012</td><td>2,249</td></tr></table>
    <p>Line<br>break</p></body></html>"""
    text = html_to_text(html)
    assert "Home" not in text and "alert" not in text and "Page" not in text
    assert "Japan-Pakistan Foreign Ministers’ Meeting\n\n" in text
    assert "On January 4, Mr. Kono met H.E. Mr. Asif.¹ Talks\xa0lasted two hours." in text
    assert "• First point\n• Second & last" in text
    assert "1. One\n2. Two" in text
    assert "Year\tTotal\n2012\t2,249" in text
    assert "Line\nbreak" in text


def test_read_html_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.htm", b"<p>caf\xe9</p><p>second</p>")
    assert read_document(path) == ("café\n\nsecond", "cp1252")


def test_iter_paths_walks_sorted_supported_visible_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.xlsx", ".hidden.txt", "sub/z.html", ".git/x.txt", "sub/y.htm"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    explicit = tmp_path / "c.xlsx"
    found = list(iter_paths([tmp_path, explicit, tmp_path / "a.md"]))
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == ["a.md", "b.txt", "sub/y.htm", "sub/z.html", "c.xlsx"]


def test_html_meta_tags_become_front_matter_and_the_h1_a_title() -> None:
    html = (
        '<html><head><meta name="dcterms.issued" content="2019-11-05">'
        '<meta name="dcterms.modified" content="2020-01-09">'
        '<meta property="og:site_name" content="Ministry of Trade">'
        '<meta name="viewport" content="width=device-width"></head>'
        "<body><h1>Trade talks</h1><p>Talks were held.</p></body></html>"
    )
    assert html_to_text(html) == (
        "---\ndate-published: 2019-11-05\ndate-modified: 2020-01-09\n"
        "site-name: Ministry of Trade\n---\n\n# Trade talks\n\nTalks were held."
    )


def test_elements_marked_as_chrome_are_left_out() -> None:
    html = (
        '<body><div class="date-today">Monday 9 March 2026</div>'
        '<ol class="breadcrumb"><li>Home</li><li>News</li></ol>'
        '<div id="cookie-banner"><p>We use cookies. <div>Accept</div></p></div>'
        "<h1>Trade talks</h1><p>Talks were held in Accra.</p>"
        '<aside class="related-links"><ul><li><div>Older talks (3 May 2019)</div></li></ul></aside>'
        '<div role="navigation">Next story</div><p>Page last updated: 4 March 2026</p></body>'
    )
    assert html_to_text(html) == (
        "# Trade talks\n\nTalks were held in Accra.\n\nPage last updated: 4 March 2026"
    )


def test_json_ld_dates_publisher_and_author_become_front_matter() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@graph": [{"@type": "WebSite", "name": "Lusaka Mail Online"}, '
        '{"@type": "NewsArticle", "datePublished": "2021-03-02T08:00:00+02:00", '
        '"dateModified": "2021-03-03T10:00:00+02:00", "author": [{"name": "Ama Owusu"}], '
        '"publisher": {"@type": "Organization", "name": "Lusaka Mail"}}]}</script>'
        '<script type="application/ld+json">not json</script></head>'
        "<body><h1>Corridor reopens</h1><p>Freight resumed.</p></body></html>"
    )
    assert html_to_text(html) == (
        "---\ndate-published: 2021-03-02T08:00:00+02:00\n"
        "date-modified: 2021-03-03T10:00:00+02:00\nsite-name: Lusaka Mail\n"
        "author: Ama Owusu\n---\n\n# Corridor reopens\n\nFreight resumed."
    )


def test_meta_tags_win_over_json_ld() -> None:
    html = (
        '<head><meta property="article:published_time" content="2021-03-01">'
        '<script type="application/ld+json">{"datePublished": "2021-03-02"}</script></head>'
        "<p>Freight resumed.</p>"
    )
    assert html_to_text(html).startswith("---\ndate-published: 2021-03-01\n---")


def test_a_table_cell_keeps_its_paragraphs_on_its_row() -> None:
    html = (
        "<table><tr><th>Date</th><th>Country</th><th>Details</th></tr>"
        "<tr><td>1968</td><td>United Kingdom</td>"
        "<td><p>Private visit.</p><p>Met the <br>Prime Minister.</p></td></tr></table>"
        "<p>After the table.</p>"
    )
    assert html_to_text(html) == (
        "Date\tCountry\tDetails\n1968\tUnited Kingdom\tPrivate visit. Met the Prime Minister."
        "\n\nAfter the table."
    )


def test_the_headers_date_and_weather_are_chrome() -> None:
    html = (
        '<body><div class="current-date">Tuesday, 03.12.2024</div>'
        '<span class="weather">Baku +7°C</span>'
        "<h1>Ferry terminal opens</h1><p>The terminal opened in Aktau.</p></body>"
    )
    assert html_to_text(html) == "# Ferry terminal opens\n\nThe terminal opened in Aktau."


@pytest.mark.parametrize(
    "section",
    ["<![if !supportLists]>", "<![ if !vml]>", "<![-- draft --]>", "<![vml]>", "<![0]>"],
)
def test_a_marked_section_the_parser_cannot_name_is_dropped_and_the_page_read_on(
    section: str,
) -> None:
    html = (
        "<h1>Port deal signed</h1><p>The ministers met in Mombasa on 3 March 2024.</p>"
        f"{section}<p>They signed the port agreement on 4 March 2024.</p><![endif]>"
    )
    assert html_to_text(html) == (
        "# Port deal signed\n\nThe ministers met in Mombasa on 3 March 2024.\n\n"
        "They signed the port agreement on 4 March 2024."
    )


def test_linked_data_nested_deeper_than_the_stack_is_ignored_and_the_page_read() -> None:
    html = (
        '<head><script type="application/ld+json">' + "[" * 5000 + "</script></head>"
        "<body><h1>Talks in Tokyo</h1><p>The ministers met in Tokyo on 3 March 2024.</p></body>"
    )
    assert html_to_text(html) == "# Talks in Tokyo\n\nThe ministers met in Tokyo on 3 March 2024."


def test_linked_data_nested_deep_but_loadable_still_gives_its_date() -> None:
    article = '{"@type": "NewsArticle", "datePublished": "2023-05-01"}'
    blocks = ["[" * 900 + article + "]" * 900]
    assert linked_data_meta(blocks) == {"date-published": "2023-05-01"}
