"""Events added by hand: a tiny `manual:` document each, stored, merged and searched like
any other, and never taken for a file that is gone (`ingest --prune`, the stale count)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.manual import FORMAT, PUBLISHER, is_manual, manual_event
from chronicle.removal import stale_documents
from chronicle.search.engine import Searcher
from chronicle.store import Store

HEADLINE = "Kono phoned Qureshi about the flood relief"
NOTE = "Told by the embassy in Islamabad.\n\nNot in any press release."


def add(store: Store, **changes) -> int:
    """Store an event added by hand; its event's id."""
    given = {
        "date_start": date(2019, 3, 4),
        "date_end": date(2019, 3, 6),
        "precision": "range",
        "headline": HEADLINE,
        "note": NOTE,
        "type": "dialogue",
        **changes,
    }
    doc, content_hash, mentions = manual_event(**given)
    store.add_document(doc, content_hash, mentions)
    event_id = store.event_holding([mentions[0].key])
    assert event_id is not None
    return event_id


class TestBuilding:
    def test_a_document_of_its_own_with_one_mention(self):
        doc, content_hash, [mention] = manual_event(
            date(2019, 3, 4), date(2019, 3, 6), "range", HEADLINE, NOTE, "dialogue", id="abc123"
        )
        assert doc.path == "manual:abc123" and is_manual(doc.path)
        assert (doc.format, doc.publisher, doc.title) == (FORMAT, PUBLISHER, HEADLINE)
        assert (
            doc.text
            == f"{HEADLINE}\n\nTold by the embassy in Islamabad.\n\nNot in any press release."
        )
        assert [s.text for s in doc.segments] == [HEADLINE, *doc.paragraphs[1:]]
        assert all(doc.text[s.start : s.end] == s.text for s in doc.segments)
        assert mention.key == f"{content_hash[:16]}:000000"
        assert (mention.date.date_start, mention.date.date_end) == (
            date(2019, 3, 4),
            date(2019, 3, 6),
        )
        assert (mention.date.precision, mention.date.text) == ("range", "2019-03-04–06")
        assert (mention.type, mention.types, mention.headline) == (
            "dialogue",
            ("dialogue",),
            HEADLINE,
        )
        assert mention.sentence == "Told by the embassy in Islamabad. Not in any press release."

    def test_people_and_places_are_found_by_the_extractor(self):
        *_, [mention] = manual_event(
            date(2018, 1, 4),
            None,
            "day",
            "Foreign Minister Taro Kono met Pakistani officials",
            "JICA staff were in Islamabad.",
        )
        assert [a.name for a in mention.entities.actors] == ["Taro Kono"]
        assert mention.entities.countries == ("PK",)
        assert mention.entities.organisations == ("JICA",)
        assert mention.date.date_end == date(2018, 1, 4)  # no end: the same day

    def test_two_events_written_alike_are_two_documents(self):
        first = manual_event(date(2019, 1, 1), None, "day", HEADLINE)
        second = manual_event(date(2019, 1, 1), None, "day", HEADLINE)
        assert first[0].path != second[0].path and first[1] != second[1]

    def test_control_characters_do_not_get_in(self):
        doc, _, [mention] = manual_event(
            date(2019, 1, 1), None, "day", "A\x1b[31m red\x07 line", "x\x00y"
        )
        assert doc.title == "A red line" and mention.sentence == "xy"

    @pytest.mark.parametrize(
        ("changes", "said"),
        [
            ({"headline": "   "}, "headline"),
            ({"type": "party"}, "type"),
            ({"precision": "unresolved"}, "precision"),
            ({"date_end": date(2019, 3, 1)}, "ends before it starts"),
        ],
    )
    def test_what_makes_no_event_is_refused(self, changes, said):
        given = {
            "date_start": date(2019, 3, 4),
            "date_end": None,
            "precision": "day",
            "headline": "x",
        }
        with pytest.raises(ValueError, match=said):
            manual_event(**{**given, **changes})


class TestStored:
    def test_the_event_is_found_by_search_and_cites_the_note(self, app_store: Store):
        event_id = add(app_store)
        ids, _ = Searcher(app_store).ids("qureshi flood")
        assert ids == [event_id]
        event = app_store.event(event_id)
        assert (event.date_start, event.date_end, event.type) == (
            "2019-03-04",
            "2019-03-06",
            "dialogue",
        )
        [source] = event.sources
        assert source.publisher == PUBLISHER and is_manual(source.document)
        assert source.text.startswith("Told by the embassy")
        assert not app_store.check()

    def test_it_survives_a_re_ingest_of_the_fixtures_with_prune(self, app_store: Store):
        event_id = add(app_store)
        key = app_store.member_keys(event_id)[0]
        report = ingest_paths(app_store, [fixtures_dir()], prune=True)
        assert report.pruned == [] and report.stale == {str(fixtures_dir()): []}
        assert app_store.event_holding([key]) is not None
        assert Searcher(app_store).ids("qureshi flood")[0] == [app_store.event_holding([key])]

    def test_prune_drops_a_deleted_file_and_keeps_the_hand_added_event(
        self, store: Store, tmp_path: Path
    ):
        folder = (tmp_path / "briefs").resolve()
        shutil.copytree(fixtures_dir(), folder, ignore=shutil.ignore_patterns("*.py"))
        ingest_paths(store, [folder])
        event_id = add(store)
        key = store.member_keys(event_id)[0]
        gone = sorted(folder.glob("*.txt"))[0]
        gone.unlink()
        assert stale_documents(store, folder) == [str(gone)]
        assert stale_documents(store, Path("/")) == [str(gone)]  # the widest folder too
        report = ingest_paths(store, [folder], prune=True)
        assert report.pruned == [str(gone)]
        assert store.event_holding([key]) is not None
        assert [d["path"] for d in store.documents() if is_manual(d["path"])]

    def test_a_file_with_the_same_text_is_not_taken_for_it(self, store: Store, tmp_path: Path):
        doc, _, _ = manual_event(date(2019, 3, 4), None, "day", HEADLINE, NOTE)
        add(store)
        copy = tmp_path / "copy.txt"
        copy.write_text(doc.text, encoding="utf-8")
        report = ingest_paths(store, [copy])
        assert report.added == [str(copy.resolve())] and not report.moved
        assert len([d for d in store.documents() if is_manual(d["path"])]) == 1

    def test_chronicle_documents_lists_it_as_the_analysts(self, app_store: Store):
        add(app_store)
        runner = CliRunner()
        listed = runner.invoke(cli, ["documents", "--db", app_store.path, "--json"])
        assert listed.exit_code == 0, listed.output
        [mine] = [d for d in json.loads(listed.output) if is_manual(d["path"])]
        assert (mine["title"], mine["publisher"], mine["format"]) == (HEADLINE, PUBLISHER, "manual")
        assert mine["mentions"] == 1 and mine["document_date"] is None
        table = runner.invoke(cli, ["documents", "--db", app_store.path], env={"COLUMNS": "300"})
        [row] = [line for line in table.output.splitlines() if mine["path"] in line]
        assert table.exit_code == 0 and "manual" in row and PUBLISHER in row

    def test_chronicle_remove_forgets_it(self, app_store: Store):
        event_id = add(app_store)
        [source] = app_store.event(event_id).sources
        removed = CliRunner().invoke(cli, ["remove", source.document, "--db", app_store.path])
        assert removed.exit_code == 0, removed.output
        assert Searcher(app_store).ids("qureshi flood")[0] == []
