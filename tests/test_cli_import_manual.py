"""`chronicle import` makes again the events a colleague added by hand, with their work."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.manual import manual_event
from chronicle.store import Store
from tests.test_cli_import import chronicle, events_of


def test_events_added_by_hand_travel_with_their_work_and_are_made_once(
    fixture_db: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.db"
    shutil.copy(fixture_db, mine)
    with Store(mine) as store:
        doc, digest, mentions = manual_event(
            date(2019, 5, 14),
            None,
            "day",
            "Strategic dialogue in Islamabad",
            note="Told by the embassy on the phone.\n\nNot in any release.",
            type="meeting",
        )
        store.add_document(doc, digest, mentions)
        event_id = store.event_holding([mentions[0].key])
        store.annotate(event_id, starred=True, tags=["dialogue"], note="Ask for the minutes.")
    exported = tmp_path / "work.json"
    result = chronicle(
        "export", "is:manual", "--format", "json", "-o", str(exported), "--db", str(mine)
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(exported.read_text())) == 1

    theirs = tmp_path / "theirs.db"
    with Store(theirs) as store:
        ingest_paths(store, [fixtures_dir()])
    first = chronicle("import", str(exported), "--db", str(theirs))
    assert first.returncode == 0, first.stderr
    assert "added 1 event(s) added by hand there" in first.stderr
    again = chronicle("import", str(exported), "--db", str(theirs))
    assert again.returncode == 0 and "added" not in again.stderr.split(";")[0]
    [made] = events_of(theirs, "is:manual")
    assert made["headline"] == "Strategic dialogue in Islamabad"
    assert (made["date_start"], made["type"]) == ("2019-05-14", "meeting")
    assert made["annotation"]["starred"] and made["annotation"]["tags"] == ["dialogue"]
    assert made["annotation"]["note"] == "Ask for the minutes."
    with Store(theirs) as store:
        assert store.unattached_annotations() == []
        assert store.check() == []
        # The note's paragraphs survive: the same document is made again, same key.
        [source] = store.event(made["id"]).sources
        assert source.paragraph == "Told by the embassy on the phone.\n\nNot in any release."
        assert source.key == mentions[0].key
