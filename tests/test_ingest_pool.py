"""Ingest on every core: a real process pool gives the events one process gives, in batches."""

from __future__ import annotations

import multiprocessing
import os
import pty
import signal
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from chronicle import pipeline
from chronicle.cli import cli
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.progress import IngestProgress
from chronicle.store import Store, StoreError
from chronicle.visible import visible
from tests.test_bulk import BENCHMARKS, signature

NOTES = {
    "kono.txt": "Talks in Islamabad\n\nOn 4 January 2018 Taro Kono met Khawaja Asif in Islamabad.\n",
    "abe.txt": "Tokyo visit\n\nOn 9 May 2019 Shah Mahmood Qureshi met Shinzo Abe in Tokyo.\n",
    "oslo.txt": "Oslo round\n\nThe ministers met in Oslo on 14 March 2019 to sign the accord.\n",
    "lima.txt": "Lima summit\n\nPeru and Chile signed a fisheries agreement in Lima on 2 June 2021.\n",
}


@pytest.fixture
def pool_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the pool even for a few short files (it is skipped for less than 16 KB)."""
    monkeypatch.setattr(pipeline, "POOL_MIN_BYTES", 0)


def write_notes(folder: Path, notes: dict[str, str] = NOTES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def ingest_into(db: Path, paths: list[Path], **options) -> tuple:
    with Store(db) as store:
        report = ingest_paths(store, paths, **options)
        return report, signature(store)


def generated_corpus(folder: Path, documents: int) -> Path:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    make_corpus.generate(documents, folder, seed=3, quiet=True)
    return folder / "docs"


class TestSameEventsAsOneProcess:
    def test_the_fixtures_through_the_pool(self, tmp_path, pool_always):
        workers: list[int] = []

        def count_workers(done: int, total: int, path: str) -> None:
            workers.append(len(multiprocessing.active_children()))

        one, expected = ingest_into(tmp_path / "one.db", [fixtures_dir()], jobs=1)
        two, got = ingest_into(
            tmp_path / "two.db", [fixtures_dir()], jobs=2, on_progress=count_workers
        )
        assert got == expected and len(expected[0]) == 43
        assert sorted(two.added) == sorted(one.added) and two.mentions == one.mentions == 46
        assert workers == [2, 2, 2, 2, 2]  # parsed by two worker processes
        assert multiprocessing.active_children() == []  # and none left behind

    def test_a_generated_corpus_in_whatever_order_the_workers_finish(self, tmp_path):
        docs = generated_corpus(tmp_path / "corpus", 24)
        one, expected = ingest_into(tmp_path / "one.db", [docs], jobs=1)
        two, got = ingest_into(tmp_path / "two.db", [docs], jobs=2)
        assert len(one.added) == len(two.added) == 24
        assert got == expected


def test_the_parsers_give_way_to_the_writer(tmp_path, pool_always, monkeypatch):
    """The one writer is the narrow stage: a parser runs at a lower priority than it."""
    files = write_notes(tmp_path / "notes")
    # Forked workers take this in: each says its priority where a parse would say more.
    monkeypatch.setattr(
        pipeline, "parse_file", lambda path, *_: pipeline.Parsed(str(path), error=str(os.nice(0)))
    )
    with Store(tmp_path / "c.db") as store:
        told = {item.error for item in pipeline.parse_all(files, 2, store)}
    assert told == {str(min(19, os.nice(0) + pipeline.WORKER_NICENESS))}


class TestUnchangedFiles:
    def test_a_stored_file_comes_back_from_a_worker_unparsed(self, tmp_path, pool_always):
        files = write_notes(tmp_path / "notes")
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, files, jobs=2)
            (tmp_path / "notes" / "oslo.txt").write_text(
                NOTES["oslo.txt"].replace("14 March", "15 March"), encoding="utf-8"
            )
            parsed = {p.path: p for p in pipeline.parse_all(files, 2, store)}
        oslo = str(tmp_path / "notes" / "oslo.txt")
        assert [path for path, p in sorted(parsed.items()) if p.unchanged] == sorted(
            str(f) for f in files if str(f) != oslo
        )
        assert {len(p.mentions) for p in parsed.values() if p.unchanged} == {0}
        assert parsed[oslo].doc is not None and len(parsed[oslo].mentions) == 1

    def test_a_second_run_keeps_every_row_of_an_unchanged_file(self, tmp_path, pool_always):
        files = write_notes(tmp_path / "notes")
        rows = "SELECT d.id, d.path, m.id FROM documents d JOIN mentions m ON m.document_id = d.id"
        with Store(tmp_path / "c.db") as store:
            first = ingest_paths(store, files, jobs=2)
            before = sorted(store.execute(rows))
            again = ingest_paths(store, files, jobs=2)
            assert sorted(store.execute(rows)) == before and len(before) == 4
        assert len(first.added) == 4 and sorted(again.unchanged) == [str(f) for f in files]
        assert (again.added, again.failed) == ([], [])


class TestReports:
    def test_copies_and_unreadable_files_are_reported_as_with_one_process(
        self, tmp_path, pool_always
    ):
        files = write_notes(
            tmp_path / "notes",
            {**NOTES, "kono copy.txt": NOTES["kono.txt"], "empty.txt": "", "blank.md": "\n\n"},
        )
        with Store(tmp_path / "c.db") as store:
            report = ingest_paths(store, files, jobs=2)
            stored = sorted(Path(str(d["path"])).name for d in store.documents())
        assert sorted(Path(p).name for p, _ in report.failed) == [
            "blank.md",
            "empty.txt",
            *[Path(p).name for p in report.duplicates],
        ]
        # Which of two identical files is kept depends on which a worker finished first.
        assert len(report.duplicates) == 1 and len(stored) == 4
        assert {"abe.txt", "lima.txt", "oslo.txt"} < set(stored)
        kept = ({"kono.txt", "kono copy.txt"} & set(stored)).pop()
        assert "same text as" in dict(report.failed)[report.duplicates[0]]
        assert kept in dict(report.failed)[report.duplicates[0]]

    def test_a_document_that_fails_to_store_leaves_the_rest_of_its_batch(
        self, tmp_path, monkeypatch
    ):
        import chronicle.store.documents as documents

        real = documents.merge_new

        def fail_for_lima(db, mentions):
            if any("Lima" in m.sentence for m in mentions):
                raise ValueError("merge could not place a mention")
            return real(db, mentions)

        monkeypatch.setattr(documents, "merge_new", fail_for_lima)
        files = write_notes(tmp_path / "notes")
        with Store(tmp_path / "c.db") as store:
            report = ingest_paths(store, files, jobs=1)
            stored = sorted(Path(str(d["path"])).name for d in store.documents())
            strays = store.execute(
                "SELECT count(*) FROM mentions WHERE sentence LIKE '%Lima%' OR event_id IS NULL"
            )
        assert stored == ["abe.txt", "kono.txt", "oslo.txt"] and strays == [(0,)]
        assert report.failed == [
            (
                str(tmp_path / "notes" / "lima.txt"),
                f"{tmp_path / 'notes' / 'lima.txt'}: could not be stored (ValueError)",
            )
        ]

    def test_ctrl_c_keeps_the_documents_stored_and_stops_the_workers(self, tmp_path, pool_always):
        files = write_notes(tmp_path / "notes")

        def interrupt_after_two(done: int, total: int, path: str) -> None:
            if done == 2:
                raise KeyboardInterrupt

        with Store(tmp_path / "c.db") as store:
            report = ingest_paths(store, files, jobs=2, on_progress=interrupt_after_two)
            assert report.interrupted and len(report.added) == 2
            assert store.counts()["documents"] == 2
            assert multiprocessing.active_children() == []
            again = ingest_paths(store, files, jobs=2)
        assert len(again.added) == 2 and sorted(again.unchanged) == sorted(report.added)


def test_ctrl_c_at_the_command_saves_what_was_read_and_leaves_no_process(tmp_path):
    # Enough documents that the run is still going when the first batch is saved
    # (a batch is saved every second): ingest is fast enough to finish 60 before that.
    docs = generated_corpus(tmp_path / "corpus", 400)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "chronicle.cli", "ingest", str(docs), "--db", str(db)]
    with subprocess.Popen(
        [*command, "--jobs", "2"], stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as process:
        deadline = time.monotonic() + 120
        while _stored(db) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl+C: every process of the group
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and "Traceback" not in stderr
    saved = int(stderr.split("interrupted: ")[1].split(" document(s) were saved whole")[0])
    assert 0 < saved < 400 and _stored(db) == saved
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no worker outlived the command


def _stored(db: Path) -> int:
    try:
        with Store(db, readonly=True) as store:
            return store.counts()["documents"]
    except StoreError:  # not there yet, or still being created
        return 0


class TestProgress:
    def run_with_console(self, tmp_path: Path, terminal: bool) -> str:
        folder = tmp_path / "a[/x]"
        write_notes(folder, {"kono [bold red]\x1b[31m.txt": NOTES["kono.txt"]})
        out = StringIO()
        console = Console(file=out, force_terminal=terminal, width=160)
        with Store(tmp_path / "c.db") as store, IngestProgress(console) as progress:
            ingest_paths(store, [folder], on_progress=progress)
        return out.getvalue()

    def test_a_terminal_shows_rates_and_names_as_plain_text(self, tmp_path):
        shown = self.run_with_console(tmp_path, terminal=True)
        assert "1/1" in shown and "docs/s" in shown and "KB/s" in shown
        assert "kono [bold red]\\x1b[31m.txt" in shown and "]\x1b[31m.txt" not in shown

    def test_a_pipe_shows_nothing(self, tmp_path):
        assert self.run_with_console(tmp_path, terminal=False) == ""

    def test_names_lose_their_control_characters(self):
        assert visible("brief\x1b]0;owned\x07\n.txt") == "brief\\x1b]0;owned\\x07\\x0a.txt"
        assert visible("Kraków – notes.md") == "Kraków – notes.md"

    def test_the_command_on_a_real_terminal_and_on_a_pipe(self, tmp_path):
        files = write_notes(tmp_path / "notes")
        command = [sys.executable, "-m", "chronicle.cli", "ingest", str(files[0].parent)]
        piped = subprocess.run(
            [*command, "--db", str(tmp_path / "p.db"), "--jobs", "2"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert piped.returncode == 0 and piped.stderr.splitlines() == [
            "added 4 document(s) with 4 dated mention(s); 0 unchanged, 0 skipped. "
            "The chronicle holds 4 events from 4 documents."
        ]
        main, secondary = pty.openpty()
        with subprocess.Popen(
            [*command, "--db", str(tmp_path / "t.db"), "--jobs", "2"],
            stderr=secondary,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "COLUMNS": "160"},
        ) as process:
            os.close(secondary)
            shown = _read_all(main)
        assert process.returncode == 0
        assert "docs/s" in shown and "The chronicle holds 4 events" in shown


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def test_jobs_below_one_is_a_one_line_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --jobs must be 1 or more, not 0\n"
