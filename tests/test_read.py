"""Reading files: decoding, refusals with clear messages, HTML flattening, folder walking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.ingest.text.discover import iter_paths
from chronicle.ingest.text.read import (
    DocumentError,
    decode_bytes,
    is_binary,
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
