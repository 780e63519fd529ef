"""The command line: search output, JSON shape, errors as one line."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli

JSON_KEYS = {
    "id",
    "date_start",
    "date_end",
    "precision",
    "type",
    "headline",
    "text",
    "actors",
    "countries",
    "sources",
}
SOURCE_KEYS = {
    "document",
    "title",
    "publisher",
    "date_text",
    "text",
    "document_date",
    "document_date_source",
}
DOCUMENT_KEYS = [
    "id",
    "path",
    "title",
    "publisher",
    "author",
    "document_date",
    "document_date_text",
    "document_date_source",
    "mentions",
    "format",
    "url",
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", *args], capture_output=True, text=True, timeout=120
    )


class TestSearch:
    def test_json_lists_events_with_the_stable_fields(self, fixture_db):
        result = CliRunner().invoke(cli, ["search", "Kono", "--json", "--db", str(fixture_db)])
        assert result.exit_code == 0, result.output
        events = json.loads(result.stdout)
        assert events and all(set(e) >= JSON_KEYS for e in events)
        assert all(set(s) >= SOURCE_KEYS for e in events for s in e["sources"])
        assert any(e["date_start"] == "2018-01-04" for e in events)
        assert all("kono" in json.dumps(e).lower() for e in events)

    def test_empty_query_lists_everything_in_date_order_and_limit_applies(self, fixture_db):
        result = CliRunner().invoke(
            cli, ["search", "--json", "--limit", "0", "--db", str(fixture_db)]
        )
        events = json.loads(result.stdout)
        dates = [e["date_start"] for e in events if e["date_start"]]
        assert len(events) > 20 and dates == sorted(dates)
        limited = CliRunner().invoke(
            cli, ["search", "--json", "--limit", "3", "--db", str(fixture_db)]
        )
        assert [e["id"] for e in json.loads(limited.stdout)] == [e["id"] for e in events[:3]]

    def test_table_output_names_the_event(self, fixture_db):
        result = CliRunner().invoke(cli, ["search", "Abdrakhmanov", "--db", str(fixture_db)])
        assert result.exit_code == 0
        assert "2017-05-01" in result.stdout

    def test_malformed_queries_do_not_crash(self, fixture_db):
        for query in ['"unterminated', "AND", "*", "country:", "'; DROP TABLE events; --"]:
            result = CliRunner().invoke(cli, ["search", query, "--json", "--db", str(fixture_db)])
            assert result.exit_code == 0, (query, result.output)
            assert isinstance(json.loads(result.stdout), list)

    @pytest.mark.parametrize(
        ("query", "hint"),
        [('"unterminated', "unmatched"), ("AND", "AND needs"), ("*", "lone *"), ("OR", "OR needs")],
    )
    def test_fts_syntax_errors_are_explained_in_one_line(self, fixture_db, query, hint):
        result = run("search", query, "--json", "--db", str(fixture_db))
        assert result.returncode == 0
        hints = [line for line in result.stderr.splitlines() if line.startswith("hint:")]
        assert len(hints) == 1 and hint in hints[0], result.stderr
        assert "Traceback" not in result.stderr


class TestErrors:
    def test_a_foreign_database_is_refused_in_one_line(self, tmp_path):
        import sqlite3

        other = tmp_path / "other.db"
        sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
        result = run("search", "x", "--db", str(other))
        assert result.returncode == 1
        assert "not a chronicle database" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1

    def test_a_non_sqlite_file_is_refused(self, tmp_path):
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"this is not a database" * 100)
        result = run("search", "--db", str(junk))
        assert result.returncode == 1 and "not an SQLite database" in result.stderr
        assert junk.read_bytes() == b"this is not a database" * 100  # nothing lost

    def test_bad_files_are_skipped_with_a_reason_and_good_ones_kept(self, tmp_path):
        (tmp_path / "empty.txt").write_text("")
        (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
        (tmp_path / "good.txt").write_text("On 4 January 2018 Kono met Asif in Islamabad.\n")
        db = tmp_path / "c.db"
        result = run("ingest", str(tmp_path), "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
        assert "added 1 document" in result.stderr

    def test_search_json_never_imports_textual(self, fixture_db):
        code = (
            "import sys; from chronicle.cli import main\n"
            f"sys.argv = ['chronicle', 'search', 'x', '--json', '--db', {str(fixture_db)!r}]\n"
            "try:\n main()\nexcept SystemExit: pass\n"
            "assert 'textual' not in sys.modules, 'textual was imported'"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


class TestDocumentDates:
    def test_search_json_names_each_sources_document_date_and_how_it_was_found(self, tmp_path):
        doc = tmp_path / "talks.txt"
        doc.write_text(
            "Rail corridor talks\n\nBy Chanda Mwale\n12 May 2021\n\n"
            "Zambia and Tanzania agreed on Tuesday to reopen the rail corridor to freight.\n"
        )
        db = tmp_path / "c.db"
        assert CliRunner().invoke(cli, ["ingest", str(doc), "--db", str(db)]).exit_code == 0
        events = json.loads(CliRunner().invoke(cli, ["search", "--json", "--db", str(db)]).stdout)
        assert [(e["date_start"], e["sources"][0]["document_date"]) for e in events] == [
            ("2021-05-11", "2021-05-12")
        ]
        assert events[0]["sources"][0]["document_date_source"] == "byline"

    def test_documents_json_has_one_stable_shape(self, tmp_path):
        doc = tmp_path / "undated.txt"
        doc.write_text("Zambia and Tanzania agreed to reopen the rail corridor in March 2021.\n")
        db = tmp_path / "c.db"
        assert CliRunner().invoke(cli, ["ingest", str(doc), "--db", str(db)]).exit_code == 0
        result = CliRunner().invoke(cli, ["documents", "--json", "--db", str(db)])
        assert result.exit_code == 0, result.output
        [listed] = json.loads(result.stdout)
        assert list(listed) == DOCUMENT_KEYS
        assert (listed["document_date"], listed["document_date_source"]) == (None, None)
        assert listed["mentions"] == 1

    def test_documents_table_shows_how_the_date_was_found(self, fixture_db):
        wide = CliRunner(env={"COLUMNS": "200"})  # narrower terminals drop the column
        result = wide.invoke(cli, ["documents", "--db", str(fixture_db)])
        assert result.exit_code == 0 and "date from" in result.stdout
        listed = CliRunner().invoke(cli, ["documents", "--json", "--db", str(fixture_db)])
        found = {
            Path(d["path"]).name[:10]: d["document_date_source"] for d in json.loads(listed.stdout)
        }
        assert found == {
            "2017-05-01": "date_under_title",
            "2018-01-04": "date_under_title",
            "2018-01-10": "byline",
            "2022-07-26": "dateline",
            "undated-mo": None,
        }


def test_every_command_has_help_text():
    for name, command in cli.commands.items():
        assert command.help, name
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_readme_documents_every_command():
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    for name in cli.commands:
        assert f"chronicle {name}" in readme, name


def test_readme_names_every_option_of_every_command():
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    options = {o for c in cli.commands.values() for p in c.params for o in p.opts}
    assert {"--follow-links", "--max-size", "--prune", "--yes", "--dry-run"} <= options
    assert sorted(o for o in options if o.startswith("--") and o not in readme) == []


def test_the_default_database_starts_with_the_samples_but_ingest_starts_empty(tmp_path):
    env = {"CHRONICLE_DB": None, "XDG_DATA_HOME": str(tmp_path / "data")}
    result = CliRunner(env=env).invoke(cli, ["search", "--json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) > 20
    assert (tmp_path / "data" / "chronicle" / "chronicle.db").exists()
    own = tmp_path / "own.db"
    doc = tmp_path / "note.txt"
    doc.write_text("Note\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    assert CliRunner().invoke(cli, ["ingest", str(doc), "--db", str(own)]).exit_code == 0
    events = json.loads(CliRunner().invoke(cli, ["search", "--json", "--db", str(own)]).stdout)
    assert [e["date_start"] for e in events] == ["2018-01-04"]


def test_a_mistyped_db_is_an_error_not_a_new_database(tmp_path):
    typo = tmp_path / "nodir" / "typo.db"
    for command in (["search", "x"], ["stats"], ["documents"]):
        result = run(*command, "--db", str(typo))
        assert result.returncode == 1 and "no database at" in result.stderr, command
    assert not typo.parent.exists()


def test_a_leading_dash_excludes_a_word_without_upsetting_the_option_parser(fixture_db):
    result = CliRunner().invoke(
        cli, ["search", "kono", "-islamabad", "--json", "--db", str(fixture_db)]
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events and not any("islamabad" in json.dumps(e).lower() for e in events)


def test_remove_accepts_a_folder_and_reports_what_it_removed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in (1, 2):
        (folder / f"n{i}.txt").write_text(f"Note\n\nOn {i} January 2018 Kono met Asif.\n")
    db = tmp_path / "c.db"
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    result = run("remove", str(folder), "--yes", "--db", str(db))
    assert result.returncode == 0 and result.stderr.count("removed ") == 2
    assert json.loads(run("search", "--json", "--db", str(db)).stdout) == []


def test_a_folder_without_documents_says_so(tmp_path):
    (tmp_path / "data.json").write_text("{}")
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "c.db"))
    assert (
        result.returncode == 0 and "no .txt, .md, .html, .pdf or .docx files found" in result.stderr
    )


def test_ingest_skips_pipes_and_fails_when_nothing_could_be_read(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    (folder / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "x.db")
    result = run("ingest", str(folder), "--db", db)
    assert result.returncode == 1, result.stderr
    assert "pipe.txt: not a regular file" in result.stderr
    assert "empty.txt: empty file" in result.stderr
    assert "Traceback" not in result.stderr
    (folder / "note.txt").write_text("Note\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    result = run("ingest", str(folder), "--db", db)
    assert result.returncode == 0 and "added 1 document(s)" in result.stderr


def test_ingesting_only_a_copy_of_a_stored_text_is_not_an_error(tmp_path):
    original = tmp_path / "a.txt"
    original.write_text("Note\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n")
    copy = tmp_path / "b.txt"
    copy.write_text(original.read_text())
    db = str(tmp_path / "x.db")
    assert run("ingest", str(original), "--db", db).returncode == 0
    result = run("ingest", str(copy), "--db", db)
    assert result.returncode == 0 and "kept once" in result.stderr


class TestCheck:
    def test_a_consistent_database_passes(self, fixture_db):
        done = run("check", "--db", str(fixture_db))
        assert (done.returncode, done.stdout) == (0, "")
        assert done.stderr == "ok: tables, search index and counts agree\n"

    def test_a_kept_count_out_of_step_is_listed_and_fails(self, fixture_db, tmp_path):
        broken = Path(shutil.copy(fixture_db, tmp_path / "broken.db"))
        with sqlite3.connect(broken) as db:
            db.execute("UPDATE count_year_spans SET n = n + 1 WHERE kind = 'dated' AND n > 0")
        done = run("check", "--db", str(broken))
        assert done.returncode == 1
        assert done.stdout.startswith("count_year_spans not the events by the years they span: ")
        assert done.stderr.startswith("Error: the database is inconsistent: ")


def test_a_moved_folder_is_reported_as_moved_not_as_holding_no_files(tmp_path):
    before, after = tmp_path / "briefs", tmp_path / "archive"
    before.mkdir()
    (before / "visit.txt").write_text(
        "Kono visited Islamabad on 3 January 2018.\n", encoding="utf-8"
    )
    (before / "talks.txt").write_text(
        "Japan and Pakistan held talks in Tokyo on 9 May 2019.\n", encoding="utf-8"
    )
    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(cli, ["ingest", str(before), "--db", db]).exit_code == 0
    before.rename(after)
    result = CliRunner().invoke(cli, ["ingest", str(after), "--db", db])
    assert result.exit_code == 0, result.output
    assert "files found" not in result.stderr
    assert f"moved {before / 'visit.txt'} to {after / 'visit.txt'}" in result.stderr
    assert "0 unchanged, 2 moved, 0 skipped." in result.stderr.splitlines()[-1]


def test_a_chronicle_of_an_older_version_is_upgraded_once_and_says_so(fixture_db, tmp_path):
    """Some upgrades read every mention (a minute at 25,000 documents): the command says
    what it waits for, once, and a current chronicle opens without the line."""
    old = tmp_path / "old.db"
    shutil.copy(fixture_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE meta SET value = '25' WHERE key = 'schema_version'")
    first = CliRunner().invoke(cli, ["search", "visit", "--db", str(old)])
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[0] == f"upgrading {old} for this version of chronicle, once…"
    again = CliRunner().invoke(cli, ["search", "visit", "--db", str(old)])
    assert again.exit_code == 0 and "upgrading" not in again.stderr


def test_ingest_says_when_it_regroups_what_an_older_merge_rule_grouped(fixture_db, tmp_path):
    db = tmp_path / "old-rule.db"
    shutil.copy(fixture_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'merge_rule'")
        (stored,) = conn.execute("SELECT count(*) FROM mentions").fetchone()
    note = tmp_path / "note.txt"
    note.write_text("Note\n\nOn 4 January 2018 Kono met Asif in Islamabad.\n", encoding="utf-8")
    result = run("ingest", str(note), "--db", str(db))
    assert result.returncode == 0, result.stderr
    [said] = [line for line in result.stderr.splitlines() if "regrouping" in line]
    assert f"regrouping the {stored:,} stored dates once" in said
    again = run("ingest", str(note), "--db", str(db))
    assert "regrouping" not in again.stderr
