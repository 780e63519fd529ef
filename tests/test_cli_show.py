"""`chronicle show ID`: one event whole, with every source and the analyst's work."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import cli
from chronicle.store import Store


@pytest.fixture
def db(fixture_db: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture chronicle, which the tests annotate."""
    copy = tmp_path / "c.db"
    shutil.copy(fixture_db, copy)
    return copy


def merged_event(db: Path) -> dict:
    """An event of the fixtures that two documents report (found, not assumed)."""
    found = CliRunner().invoke(cli, ["search", "--json", "--limit", "0", "--db", str(db)])
    return next(
        e for e in json.loads(found.stdout) if len({s["document"] for s in e["sources"]}) > 1
    )


def show(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chronicle.cli", "show", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_source_is_shown_with_where_it_comes_from(db):
    event = merged_event(db)
    result = show(db, str(event["id"]))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[1] == event["headline"]
    assert f"sources ({len(event['sources'])}):" in out
    for source in event["sources"]:
        assert source["title"] in out and source["text"] in out
        assert (source["url"] or source["document"]) in out
        assert (source["document_date"] or "undated document") in out
        if source["publisher"]:
            assert source["publisher"] in out


def test_the_star_tags_note_and_corrections_are_shown_with_the_machines_value(db):
    event = merged_event(db)
    with Store(db) as store:
        store.annotate(
            event["id"],
            starred=True,
            tags=["follow-up", "japan"],
            note="Check the year.\nThe brief says otherwise.",
            correction={"headline": "Zardari's state visit", "type": "visit"},
        )
    out = show(db, str(event["id"])).stdout
    lines = out.splitlines()
    assert lines[0].endswith("visit  ★") and lines[1] == "Zardari's state visit"
    assert "tags: follow-up, japan" in lines
    assert lines[lines.index("note:") + 1 : lines.index("note:") + 3] == [
        "  Check the year.",
        "  The brief says otherwise.",
    ]
    assert f"  headline: Zardari's state visit (documents: {event['headline']})" in lines
    assert f"  type: visit (documents: {event['type']})" in lines


def test_an_event_added_by_hand_says_so_and_names_its_document(db):
    from datetime import date

    from chronicle.manual import PUBLISHER, manual_event

    doc, content_hash, mentions = manual_event(
        date(2019, 3, 4), None, "day", "Qureshi calls Kono", note="Told by the embassy."
    )
    with Store(db) as store:
        store.add_document(doc, content_hash, mentions)
        event_id = store.event_holding([mentions[0].key])
    lines = show(db, str(event_id)).stdout.splitlines()
    assert lines[:2] == [f"{event_id}  2019-03-04  statement  added by hand", "Qureshi calls Kono"]
    assert lines[lines.index("sources (1):") + 1 :][:3] == [
        f"  1. Qureshi calls Kono — {PUBLISHER}, undated document",
        f"     {doc.path}",
        "     2019-03-04: Told by the embassy.",
    ]


def test_json_is_the_events_stable_form(db):
    event = merged_event(db)
    with Store(db) as store:
        store.annotate(event["id"], tags=["x"])
        expected = store.event(event["id"]).to_json()
    result = show(db, str(event["id"]), "--json")
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))
    assert json.loads(result.stdout)["annotation"]["tags"] == ["x"]


def test_text_from_documents_and_notes_cannot_act_on_the_terminal(db):
    event = merged_event(db)
    with Store(db) as store:
        store.annotate(event["id"], note="\x1b]52;c;aGk=\x07 copied", tags=["\u202etag"])
    out = show(db, str(event["id"])).stdout
    assert "\x1b" not in out and "\u202e" not in out
    assert "  \\x1b]52;c;aGk=\\x07 copied" in out.splitlines()
    assert "tags: \\u202etag" in out.splitlines()


@pytest.mark.parametrize("given", ["999999", "0"])
def test_an_unknown_id_is_one_line_and_exit_1(db, given):
    result = show(db, given)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"Error: no event {given} here (see `chronicle search`)"]


def test_an_id_that_is_not_a_number_is_a_usage_error(db):
    result = show(db, "kono")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(Store, "merge_reasons"), reason="the store cannot say yet")
def test_why_the_sources_are_one_event_is_printed_when_the_store_can_say(db):
    event = merged_event(db)
    with Store(db) as store:
        reasons = store.merge_reasons(event["id"])
    out = show(db, str(event["id"])).stdout.splitlines()
    assert reasons is not None and reasons.lines()
    assert out[-len(reasons.lines()) :] == reasons.lines()
