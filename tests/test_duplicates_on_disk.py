"""Duplicates are decided against the files on disk after the pass: no text is lost.

A copy of a stored file is reported and kept once while its original still holds
the text; when the original changed or vanished, the stored document goes to the
copy instead (same id, same events).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.library import IngestReport, OnDisk, ingest_paths, store_parsed
from chronicle.pipeline import Parsed, parse_file, store_lookup
from chronicle.store import Store, documents

FISHERIES = (
    "Fisheries talks in Oslo\n\nOslo, 14 March 2019\n\n"
    "The foreign ministers of Norway and Japan met in Oslo on 14 March 2019 "
    "and signed a fisheries agreement.\n"
)
TRADE = (
    "Trade mission to Tokyo\n\nTokyo, 2 April 2019\n\n"
    "The Norwegian trade minister arrived in Tokyo on 2 April 2019 "
    "for three days of talks on salmon exports.\n"
)


def stored(store: Store) -> dict[str, int]:
    """File name -> document id."""
    return {Path(str(d["path"])).name: int(str(d["id"])) for d in store.documents()}


def events(store: Store) -> list[tuple]:
    return sorted(
        store.execute(
            "SELECT date_start, type, publishers, source_count FROM events JOIN event_text ON event_id = id"
        )
    )


def folder_with(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder.resolve()


class TestACopyThenAnEdit:
    def test_the_copy_named_first_takes_the_stored_document(self, tmp_path):
        folder = folder_with(tmp_path, {"b.txt": FISHERIES})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            first_id = stored(store)["b.txt"]
            shutil.copy(folder / "b.txt", folder / "a.txt")
            (folder / "b.txt").write_text(TRADE, encoding="utf-8")
            report = ingest_paths(store, [folder])
            assert report.moved == [(str(folder / "b.txt"), str(folder / "a.txt"))]
            assert (report.duplicates, report.failed) == ([], [])
            assert report.added == [str(folder / "b.txt")]
            assert stored(store) == {"a.txt": first_id, "b.txt": first_id + 1}
            assert events(store) == [
                ("2019-03-14", "meeting", "a.txt", 1),
                ("2019-04-02", "visit", "b.txt", 1),
            ]
            assert store.check() == []

    def test_the_copy_named_after_is_read_again_once_the_original_changed(self, tmp_path):
        folder = folder_with(tmp_path, {"a.txt": FISHERIES})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            shutil.copy(folder / "a.txt", folder / "z.txt")
            (folder / "a.txt").write_text(TRADE, encoding="utf-8")
            report = ingest_paths(store, [folder])
            assert report.added == [str(folder / "a.txt"), str(folder / "z.txt")]
            assert (report.moved, report.duplicates, report.failed) == ([], [], [])
            assert sorted(stored(store)) == ["a.txt", "z.txt"]
            assert events(store) == [
                ("2019-03-14", "meeting", "z.txt", 1),
                ("2019-04-02", "visit", "a.txt", 1),
            ]

    def test_the_same_with_two_processes(self, tmp_path, monkeypatch):
        import chronicle.pipeline as pipeline

        monkeypatch.setattr(pipeline, "POOL_MIN_BYTES", 0)
        folder = folder_with(tmp_path, {"b.txt": FISHERIES})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder], jobs=2)
            shutil.copy(folder / "b.txt", folder / "a.txt")
            (folder / "b.txt").write_text(TRADE, encoding="utf-8")
            report = ingest_paths(store, [folder], jobs=2)
            assert (report.duplicates, report.failed) == ([], [])
            assert events(store) == [
                ("2019-03-14", "meeting", "a.txt", 1),
                ("2019-04-02", "visit", "b.txt", 1),
            ]

    def test_through_the_command(self, tmp_path):
        from chronicle.cli import cli

        folder = folder_with(tmp_path, {"b.txt": FISHERIES})
        db = str(tmp_path / "c.db")
        assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", db]).exit_code == 0
        shutil.copy(folder / "b.txt", folder / "a.txt")
        (folder / "b.txt").write_text(TRADE, encoding="utf-8")
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
        assert result.exit_code == 0, result.output
        assert "kept once" not in result.output
        with Store(db) as store:
            assert sorted(stored(store)) == ["a.txt", "b.txt"]
            assert events(store)[0] == ("2019-03-14", "meeting", "a.txt", 1)


class TestARename:
    def test_the_document_moves_with_its_id_and_events(self, tmp_path):
        folder = folder_with(tmp_path, {"a.txt": FISHERIES, "b.txt": TRADE})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            ids = stored(store)
            keys = sorted(
                store.execute(
                    "SELECT key, date_start, headline FROM events JOIN event_text ON event_id = id"
                )
            )
            (folder / "a.txt").rename(folder / "z.txt")
            report = ingest_paths(store, [folder])
            assert report.moved == [(str(folder / "a.txt"), str(folder / "z.txt"))]
            assert (report.added, report.duplicates, report.failed) == ([], [], [])
            assert report.stale == {str(folder): []}
            assert stored(store) == {"z.txt": ids["a.txt"], "b.txt": ids["b.txt"]}
            assert (
                sorted(
                    store.execute(
                        "SELECT key, date_start, headline FROM events JOIN event_text ON event_id = id"
                    )
                )
                == keys
            )
            assert events(store)[0] == ("2019-03-14", "meeting", "z.txt", 1)
            # The vanished path holds nothing any more, so removing it cannot take z.txt's text.
            assert not store.remove_document(str(folder / "a.txt"))
            assert len(events(store)) == 2 and store.check() == []

    def test_a_renamed_file_given_alone_also_moves(self, tmp_path):
        folder = folder_with(tmp_path, {"a.txt": FISHERIES})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            (folder / "a.txt").rename(folder / "z.txt")
            report = ingest_paths(store, [folder / "z.txt"])
            assert report.moved == [(str(folder / "a.txt"), str(folder / "z.txt"))]
            assert report.stale == {}
            assert list(stored(store)) == ["z.txt"]


class TestACopyWhoseOriginalStillHoldsTheText:
    def test_is_reported_and_kept_once(self, tmp_path):
        folder = folder_with(tmp_path, {"a.txt": FISHERIES})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            shutil.copy(folder / "a.txt", folder / "z.txt")
            report = ingest_paths(store, [folder])
            assert report.duplicates == [str(folder / "z.txt")]
            assert report.failed == [
                (
                    str(folder / "z.txt"),
                    f"{folder / 'z.txt'}: same text as {folder / 'a.txt'}; kept once",
                )
            ]
            assert (report.added, report.moved) == ([], [])
            assert list(stored(store)) == ["a.txt"]

    def test_is_stored_when_the_original_changed_outside_the_pass(self, tmp_path):
        folder = folder_with(tmp_path, {"a.txt": FISHERIES})
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            shutil.copy(folder / "a.txt", folder / "z.txt")
            (folder / "a.txt").write_text(TRADE, encoding="utf-8")
            report = ingest_paths(store, [folder / "z.txt"])  # a.txt not given
            assert report.moved == [(str(folder / "a.txt"), str(folder / "z.txt"))]
            assert report.duplicates == []
            ingest_paths(store, [folder / "a.txt"])
            assert events(store) == [
                ("2019-03-14", "meeting", "z.txt", 1),
                ("2019-04-02", "visit", "a.txt", 1),
            ]


def test_a_moved_document_is_stored_as_if_read_at_its_new_path(tmp_path):
    folder = folder_with(tmp_path, {"a.txt": FISHERIES})
    with Store(tmp_path / "moved.db") as moved, Store(tmp_path / "fresh.db") as fresh:
        ingest_paths(moved, [folder / "a.txt"])
        (folder / "a.txt").rename(folder / "z.txt")
        ingest_paths(fresh, [folder / "z.txt"])
        assert documents.move_document(moved.db, str(folder / "a.txt"), str(folder / "z.txt"))
        rows = (
            "SELECT key, date_start, headline, text, publishers, source_count "
            "FROM events JOIN event_text ON event_id = id"
        )
        assert moved.execute(rows) == fresh.execute(rows)
        sources = "SELECT source, n FROM event_sources"
        assert moved.execute(sources) == fresh.execute(sources) == [("z.txt", 1)]
        assert moved.execute("SELECT path, name FROM documents") == [
            (str(folder / "z.txt"), "z.txt")
        ]
        assert moved.check() == []


def test_a_copy_whose_original_was_removed_meanwhile_is_read_again(tmp_path):
    folder = folder_with(tmp_path, {"a.txt": FISHERIES, "z.txt": FISHERIES})
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [folder / "a.txt"])

        def remove_original(done: int, total: int, path: str) -> None:
            store.remove_document(str(folder / "a.txt"))  # as `chronicle remove` elsewhere would

        report = ingest_paths(store, [folder / "z.txt"], on_progress=remove_original)
        assert report.added == [str(folder / "z.txt")]
        assert (report.duplicates, report.moved) == ([], [])
        assert events(store) == [("2019-03-14", "meeting", "z.txt", 1)]


def test_two_new_copies_are_stored_once_and_the_later_one_reported(tmp_path):
    folder = folder_with(tmp_path, {"a.txt": FISHERIES, "z.txt": FISHERIES})
    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [folder])
        assert report.added == [str(folder / "a.txt")]
        assert report.duplicates == [str(folder / "z.txt")]


class TestCopiesAreNotExtractedAgain:
    """A file whose text is stored under another path, read by these rules, is a copy or
    a move: parsing hashes it and stops there, and the writer reads it whole only when
    that stored text went meanwhile."""

    @pytest.fixture
    def copied(self, tmp_path: Path) -> Iterator[tuple[Store, Path, Path, Parsed]]:
        """A stored file, its copy beside it, and the copy parsed against the store."""
        original, copy = tmp_path / "a.txt", tmp_path / "b.txt"
        original.write_text(FISHERIES, encoding="utf-8")
        shutil.copy(original, copy)
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [original])
            yield store, original, copy, parse_file(copy, store_lookup(store))

    def test_a_copy_is_hashed_not_extracted_and_names_its_holder(self, copied):
        _, original, copy, parsed = copied
        whole = parse_file(copy)
        assert (parsed.held_by, parsed.mentions) == (str(original), ())
        assert parsed.content_hash == whole.content_hash and whole.mentions

    def test_a_copy_whose_holder_went_meanwhile_is_read_whole(self, copied):
        store, original, copy, parsed = copied
        store.remove_document(str(original))  # another writer, between parse and write
        report = IngestReport()
        store_parsed(store, parsed, report, OnDisk())
        assert report.added == [str(copy)] and report.mentions > 0
        assert store.counts()["events"] > 0

    def test_a_moved_folder_keeps_its_documents_and_events(self, tmp_path):
        before, after = tmp_path / "briefs", tmp_path / "archive"
        before.mkdir()
        (before / "fisheries.txt").write_text(FISHERIES, encoding="utf-8")
        (before / "trade.txt").write_text(TRADE, encoding="utf-8")
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [before])
            ids, had = sorted(stored(store).values()), events(store)
            before.rename(after)
            report = ingest_paths(store, [after])
            assert sorted(report.moved) == [
                (str(before / n), str(after / n)) for n in ("fisheries.txt", "trade.txt")
            ]
            assert sorted(stored(store).values()) == ids
            assert [e[:2] for e in events(store)] == [e[:2] for e in had]
