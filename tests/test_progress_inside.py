"""A large file shows how far its reading has got while it is read (issue 15): the
workers say it through `pipeline.Inside`, and the progress bar prints it."""

from __future__ import annotations

import multiprocessing
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from chronicle.ingest import reading
from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import load_document
from chronicle.pipeline import WATCHED_BYTES, Inside, parse_all
from chronicle.progress import IngestProgress
from chronicle.store import Store

MAKE_CORPUS = Path(__file__).parent.parent / "benchmarks" / "make_corpus.py"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One text file of about 400 KB: 150 generated reports one after another."""
    out = tmp_path_factory.mktemp("archive")
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "--docs", "150", "--out", str(out), "--seed", "4"],
        check=True,
        capture_output=True,
    )
    texts = [p.read_text(encoding="utf-8") for p in sorted((out / "docs").glob("*/*.txt"))]
    path = out / "archive.txt"
    path.write_text("\n\n".join(texts), encoding="utf-8")
    assert path.stat().st_size > WATCHED_BYTES
    return path


def test_reading_a_document_reports_shares_that_only_grow(archive: Path) -> None:
    doc = load_document(archive)
    heard: list[float] = []
    reading.watch(heard.append)
    try:
        reading.REPORT_SECONDS, saved = 0.0, reading.REPORT_SECONDS
        extract_mentions(doc, content_hash(doc.text))
    finally:
        reading.REPORT_SECONDS = saved
        reading.watch(None)
    assert heard == sorted(heard)
    assert heard[0] >= 0.1 and heard[-1] > 0.95
    assert {round(share, 1) for share in heard} >= {0.2, 0.5, 0.8}


def test_the_workers_say_how_far_they_are_inside_a_large_file(archive: Path, tmp_path) -> None:
    seen: list[tuple[int, float] | None] = []
    with Store(tmp_path / "c.db") as store:
        parsed = list(
            parse_all([archive], 2, store, on_wait=lambda inside: seen.append(inside.largest()))
        )
    assert parsed[0].error == "" and len(parsed[0].mentions) > 500
    readings = [found for found in seen if found]
    assert readings, "nothing was heard while the file was read"
    assert {found[0] for found in readings} == {archive.stat().st_size}
    shares = [share for _, share in readings]
    assert shares == sorted(shares) and shares[0] >= 0.1 and shares[-1] <= 1.0


def test_the_bar_says_the_share_of_the_largest_file_and_what_it_stores() -> None:
    inside = Inside(2, multiprocessing.get_context())
    progress = IngestProgress(Console(file=open(os.devnull, "w")))  # noqa: SIM115
    progress.inside = inside
    assert progress.inside_text() == ""
    inside.reading(0, 3 * 2**20, 0.25)
    inside.reading(1, 50 * 2**20, 0.375)
    assert progress.inside_text() == "38% of 50.0 MB"
    inside.reading(1, 0, 0.0)
    assert progress.inside_text() == "25% of 3.0 MB"


def test_a_terminal_sees_the_share_while_a_large_file_is_read(archive: Path, tmp_path) -> None:
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "chronicle.cli",
            "ingest",
            str(archive),
            "--jobs",
            "1",
            "--db",
            str(tmp_path / "c.db"),
        ],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        close_fds=True,
    )
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(main)
    text = shown.decode("utf-8", "replace")
    assert "added 1 document(s)" in text
    megabytes = f"{archive.stat().st_size / 2**20:.1f}"
    assert f"% of {megabytes} MB" in text and "storing archive.txt" in text
