"""Odd files: huge ones refused before they are read, encodings detected, noise refused."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from chronicle.ingest.text.read import (
    MAX_FILE_ENV,
    DocumentError,
    max_file_bytes,
    read_document,
)

JAPANESE = (
    "外務大臣は2019年3月12日にイスラマバードを訪問し、パキスタンの外務大臣と会談した。"
    "両大臣は経済協力と人的交流の強化で一致した。"
)
WESTERN = (
    "The Minister\u2019s visit to Bogot\u00e1 on 12 March 2019 \u2014 the first since 2012 "
    "\u2014 was called \u201chistoric\u201d by the Colombian press."
)


def _peak_bytes_reading(path: Path) -> tuple[str, int]:
    """The error reading `path` gives, and the most memory Python held while it tried."""
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            read_document(path)
        return str(caught.value), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_shift_jis_japanese_is_read_as_japanese(tmp_path: Path) -> None:
    path = tmp_path / "gaimusho.txt"
    path.write_bytes(JAPANESE.encode("shift_jis"))
    assert read_document(path) == (JAPANESE, "cp932")


def test_windows_western_text_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "bogota.txt"
    path.write_bytes(WESTERN.encode("cp1252"))
    assert read_document(path) == (WESTERN, "cp1252")


def test_random_high_bytes_are_refused_as_noise(tmp_path: Path) -> None:
    rng = random.Random(15)
    path = tmp_path / "scrambled.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(4000)))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not text (its bytes read as noise in every encoding)"


def test_a_huge_binary_file_is_refused_from_its_head(tmp_path: Path) -> None:
    path = tmp_path / "disk-image.txt"
    with path.open("wb") as file:
        file.truncate(2**30)  # sparse: a gigabyte of NULs that takes no disk
    message, peak = _peak_bytes_reading(path)
    assert message == f"{path}: binary file, not text"
    assert peak < 2**20


def test_a_text_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    with path.open("wb") as file:
        file.write(b"The two foreign ministers met in Tokyo on 4 May 2019.\n" * 200)
        file.truncate(150 * 2**20)
    message, peak = _peak_bytes_reading(path)
    assert message == (
        f"{path}: too big to read (150 MB, more than 100 MB; {MAX_FILE_ENV} sets the limit)"
    )
    assert peak < 2**20


def test_the_limit_is_a_parameter_and_an_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"Kono met Qureshi in Islamabad on 4 January 2018.\n" * 50)  # 2,450 bytes
    with pytest.raises(DocumentError, match=r"too big to read \(0 MB, more than 0 MB"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=0)[1] == "utf-8"
    monkeypatch.setenv(MAX_FILE_ENV, "0.001")  # 1,048 bytes
    assert max_file_bytes() == 1048
    with pytest.raises(DocumentError, match="too big to read"):
        read_document(path)
    monkeypatch.setenv(MAX_FILE_ENV, "0")
    assert max_file_bytes() == 0
    assert read_document(path)[1] == "utf-8"
    monkeypatch.setenv(MAX_FILE_ENV, "lots")
    with pytest.raises(DocumentError, match=f"{MAX_FILE_ENV}='lots' is not a number of MB"):
        read_document(path)
