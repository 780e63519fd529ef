"""Ingest orchestration: skipping, replacing, and Ctrl+C losing nothing already written."""

from __future__ import annotations

import pytest

from chronicle.library import fixtures_dir, ingest_paths, open_default
from chronicle.store import Store


def test_ctrl_c_mid_ingest_keeps_whole_documents_only(tmp_path):
    def interrupt_after_two(done: int, total: int, path: str) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [fixtures_dir()], on_progress=interrupt_after_two)
        assert report.interrupted and len(report.added) == 2
        assert store.counts()["documents"] == 2
        orphans = store.execute(
            "SELECT count(*) FROM mentions WHERE event_id IS NULL OR document_id NOT IN "
            "(SELECT id FROM documents)"
        )
        assert orphans == [(0,)]
        again = ingest_paths(store, [fixtures_dir()])
        assert len(again.added) == 3 and len(again.unchanged) == 2


def test_a_changed_file_replaces_its_old_version(tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Note\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [doc])
        doc.write_text("Note\n\nOn 5 January 2018 Kono met Asif in Islamabad.\n")
        ingest_paths(store, [doc])
        assert store.counts()["documents"] == 1
        assert store.execute("SELECT date_start FROM events") == [("2018-01-05",)]


def test_the_default_database_is_built_from_the_fixtures(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONICLE_DB", str(tmp_path / "default.db"))
    from chronicle.library import default_db_path

    assert default_db_path() == tmp_path / "default.db"
    with open_default(default_db_path()) as store:
        assert store.counts()["documents"] == 5


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x00\x01\x02\x03" * 40])
def test_bad_files_are_reported_not_raised(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [bad])
    assert report.failed and report.failed[0][0] == str(bad) and report.failed[0][1]


def test_a_file_given_the_text_of_another_keeps_no_stale_version(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("A\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    b.write_text("B\n\nOn 9 May 2019 Qureshi met Abe in Tokyo.\n")
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [a, b])
        a.write_text(b.read_text())
        report = ingest_paths(store, [a])
        assert "same text as" in report.failed[0][1]
        assert [d["path"] for d in store.documents()] == [str(b.resolve())]


def test_paths_are_stored_resolved(tmp_path):
    (tmp_path / "sub").mkdir()
    doc = tmp_path / "a.txt"
    doc.write_text("A\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    with Store(tmp_path / "c.db") as store:
        ingest_paths(store, [tmp_path / "sub" / ".." / "a.txt"])
        assert [d["path"] for d in store.documents()] == [str(doc.resolve())]


def test_an_unexpected_error_in_one_file_does_not_stop_the_others(tmp_path, monkeypatch):
    import chronicle.pipeline as pipeline

    real = pipeline.extract_mentions

    def explode_on_bad(doc, doc_hash):
        if doc.path.endswith("bad.txt"):
            raise RuntimeError("boom")
        return real(doc, doc_hash)

    monkeypatch.setattr(pipeline, "extract_mentions", explode_on_bad)
    (tmp_path / "bad.txt").write_text("Bad\n\nOn 4 January 2018 Kono met Asif.\n")
    (tmp_path / "good.txt").write_text("Good\n\nOn 9 May 2019 Qureshi met Abe.\n")
    with Store(tmp_path / "c.db") as store:
        report = ingest_paths(store, [tmp_path])
    assert report.added == [str((tmp_path / "good.txt").resolve())]
    assert "RuntimeError" in report.failed[0][1]


def test_a_file_an_older_extractor_read_is_read_again(tmp_path):
    import sqlite3

    doc = tmp_path / "note.txt"
    doc.write_text(
        "Talks in Oslo\n\nOslo, 14 March 2019\n\nThe ministers met in Oslo on 14 March 2019.\n",
        encoding="utf-8",
    )
    db = tmp_path / "n.db"
    with Store(db) as store:
        assert ingest_paths(store, [doc]).added == [str(doc)]
        assert ingest_paths(store, [doc]).unchanged == [str(doc)]  # same text, same rules
    with sqlite3.connect(db) as conn:  # as an older chronicle would have left it
        conn.execute("UPDATE documents SET extractor = '', doc_date_source = ''")
    with Store(db) as store:
        again = ingest_paths(store, [doc])
        assert (again.added, again.failed, again.duplicates) == ([str(doc)], [], [])
        assert [d["doc_date_source"] for d in store.documents()] == ["place_date_line"]
        assert store.counts()["documents"] == 1
        assert ingest_paths(store, [doc]).unchanged == [str(doc)]


def test_the_extractor_fingerprint_is_a_stable_short_hash():
    from chronicle.ingest.version import extractor_version

    assert extractor_version() == extractor_version()
    assert len(extractor_version()) == 12 and int(extractor_version(), 16) >= 0


def test_a_batch_grows_with_the_store_so_commits_grow_with_its_logarithm() -> None:
    """20,000 small files in batches of 200 wrote 37 times the database; batches that
    grow with the store wrote 7.3 times (issue 15, docs/reliability.md)."""
    from chronicle.library import BATCH_DOCUMENTS, batch_limit

    stored, commits = 0, 0
    while stored < 20_000:
        stored += batch_limit(stored)
        commits += 1
    assert batch_limit(0) == BATCH_DOCUMENTS and batch_limit(40_000) == 10_000
    assert commits == 19  # 200 at a time would be 100


def test_a_store_an_older_merge_rule_grouped_is_regrouped_once_and_told(fixture_db, tmp_path):
    import shutil

    db = tmp_path / "old-rule.db"
    shutil.copy(fixture_db, db)
    members = "SELECT group_concat(key) FROM mentions GROUP BY event_id ORDER BY 1"
    with Store(db) as store:
        events = store.execute(members)
        mentions = store.counts()["mentions"]
        # As an older rule might have left it: two of its events grouped as one.
        (first, second) = store.execute("SELECT id FROM events ORDER BY id LIMIT 2")
        store.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [first[0], second[0]])
        store.execute("UPDATE meta SET value = '2' WHERE key = 'merge_rule'")
    note = tmp_path / "new" / "note.txt"
    note.parent.mkdir()
    note.write_text("Talks in Oslo\n\nThe ministers met in Oslo on 14 March 2019.\n", "utf-8")
    told: list[tuple[int, int]] = []

    def tell(done: int, total: int) -> None:
        told.append((done, total))

    with Store(db) as store:
        assert store.mentions_to_regroup() == mentions
        ingest_paths(store, [note], on_regroup=tell)
        assert told == [(0, mentions), (mentions, mentions)]  # one step: the fixtures are few
        assert store.mentions_to_regroup() == 0
        kept = "SELECT group_concat(key) FROM mentions WHERE document_id IN " + (
            "(SELECT id FROM documents WHERE path != ?) GROUP BY event_id ORDER BY 1"
        )
        assert store.execute(kept, [str(note.resolve())]) == events
        ingest_paths(store, [note], on_regroup=tell)
        assert told == [(0, mentions), (mentions, mentions)]  # once


def test_a_regroup_keeps_the_analysts_joins_and_splits(fixture_db, tmp_path):
    import shutil

    db = tmp_path / "decided.db"
    shutil.copy(fixture_db, db)
    members = "SELECT group_concat(key) FROM mentions GROUP BY event_id"
    with Store(db) as store:
        [(event_id, key)] = store.execute(
            "SELECT event_id, max(key) FROM mentions WHERE event_id = (SELECT event_id FROM "
            "mentions GROUP BY event_id HAVING count(*) > 1 ORDER BY event_id LIMIT 1)"
        )
        store.split_source(event_id, key)
        (first, second) = store.execute("SELECT id FROM events ORDER BY id DESC LIMIT 2")
        store.join_events(first[0], second[0])
        decided = sorted(tuple(sorted(row[0].split(","))) for row in store.execute(members))
        store.execute("UPDATE meta SET value = '2' WHERE key = 'merge_rule'")
        assert store.regroup()
        assert sorted(tuple(sorted(row[0].split(","))) for row in store.execute(members)) == decided
        assert not store.regroup() and store.check() == []
