"""What a relative date counted from is kept with it, from the finder to the store."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from chronicle.ingest.dates.finder import find_dates
from chronicle.ingest.dates.provenance import anchor, span_label
from chronicle.library import ingest_paths
from chronicle.store import Store
from chronicle.store.writer import load_mentions
from tests.dialogue_documents import write_documents

D = date


def anchors(text: str, reference: date | None) -> list[tuple[str, str, str]]:
    """Every match in ``text`` as (text as written, its days, its anchor)."""
    return [
        (m.text, span_label((m.date_start, m.date_end)) if m.date_start else "", m.anchor)
        for m in find_dates(text, reference)
    ]


class TestWhatADateCountedFrom:
    def test_last_may_in_a_readout_counts_from_the_readouts_date(self):
        text = "The ministers recalled the strategic dialogue held in Islamabad last May."
        assert anchors(text, D(2019, 3, 2)) == [("last May", "2018-05", "document:2019-03-02")]

    def test_yesterday_and_a_weekday_count_from_the_document_date(self):
        text = "Yesterday the envoy met the press. On Tuesday he had called on the President."
        assert anchors(text, D(2019, 3, 2)) == [
            ("Yesterday", "2019-03-01", "document:2019-03-02"),
            ("Tuesday", "2019-02-26", "document:2019-03-02"),
        ]

    def test_a_step_counts_from_the_date_the_text_last_told(self):
        text = "Talks opened in Geneva on 4 May 2019. Three days later the delegations signed."
        assert anchors(text, D(2024, 1, 10)) == [
            ("4 May 2019", "2019-05-04", ""),
            ("Three days later", "2019-05-07", "narrative:2019-05-04"),
        ]

    def test_a_step_after_a_from_to_pair_counts_from_the_whole_stretch(self):
        text = "From 1998 to 2003 the insurgency cut the road. A year later, traffic resumed."
        assert anchors(text, D(2024, 1, 10)) == [
            ("1998 to 2003", "1998/2003", ""),
            ("A year later", "2004", "narrative:1998/2003"),
        ]

    def test_a_year_less_day_takes_its_year_from_the_month_before_it(self):
        text = "The envoy arrived in December 2017. On December 19 he met the King."
        assert anchors(text, D(2024, 1, 10)) == [
            ("December 2017", "2017-12", ""),
            ("December 19", "2017-12-19", "earlier:2017-12"),
        ]

    def test_a_chronology_entry_takes_its_year_from_its_heading(self):
        text = "## 2019\n\n- 14 February: the joint commission met in Tokyo.\n"
        assert anchors(text, D(2024, 1, 10)) == [("14 February", "2019-02-14", "heading:2019")]

    def test_a_chronology_entry_takes_its_year_from_the_entry_before(self):
        text = "January 23, 2011: Talks resume in Thimphu.\nMay 2: The talks stall.\n"
        assert anchors(text, D(2024, 1, 10)) == [
            ("January 23, 2011", "2011-01-23", ""),
            ("May 2", "2011-05-02", "entry:2011-01-23"),
        ]

    def test_a_year_earlier_after_a_quarter_counts_from_that_quarter(self):
        text = "Exports in the third quarter of 2019 rose from $5 million a year earlier."
        assert anchors(text, D(2019, 11, 1)) == [
            ("the third quarter of 2019", "2019-07/2019-09", ""),
            ("a year earlier", "2018-07/2018-09", "narrative:2019-07/2019-09"),
        ]

    def test_without_a_document_date_a_relative_date_is_unresolved_and_unanchored(self):
        text = "The ministers recalled the strategic dialogue held in Islamabad last May."
        assert anchors(text, None) == [("last May", "", "")]


class TestTheStoredForm:
    @pytest.mark.parametrize(
        ("span", "label"),
        [
            ((D(2019, 3, 2), D(2019, 3, 2)), "2019-03-02"),
            ((D(2019, 2, 1), D(2019, 2, 28)), "2019-02"),
            ((D(2019, 1, 1), D(2019, 12, 31)), "2019"),
            ((D(1998, 1, 1), D(2003, 12, 31)), "1998/2003"),
            ((D(2019, 7, 1), D(2019, 9, 30)), "2019-07/2019-09"),
            ((D(2019, 2, 20), D(2019, 2, 22)), "2019-02-20/2019-02-22"),
        ],
    )
    def test_a_span_is_written_as_precisely_as_it_is(self, span, label):
        assert span_label(span) == label

    def test_an_anchor_is_its_kind_and_when(self):
        assert anchor("narrative", (D(2011, 3, 1), D(2011, 3, 31))) == "narrative:2011-03"

    def test_an_unknown_kind_is_refused(self):
        with pytest.raises(ValueError, match="no anchor kind 'dateline'"):
            anchor("dateline", D(2019, 3, 2))


class TestStored:
    @pytest.fixture
    def dialogue(self, tmp_path: Path) -> Store:
        with Store(tmp_path / "c.db") as store:
            report = ingest_paths(store, [write_documents(tmp_path / "docs")])
            assert not report.failed
            yield store

    def test_each_mention_keeps_its_anchor(self, dialogue: Store):
        rows = dialogue.execute(
            "SELECT d.name, m.date_text, m.date_start, m.anchor FROM mentions m "
            "JOIN documents d ON d.id = m.document_id ORDER BY d.name, m.char_start"
        )
        assert rows == [
            ("brief.txt", "14 May 2018", "2018-05-14", ""),
            ("brief.txt", "2017", "2017-01-01", ""),
            ("news.txt", "May 16, 2018", "2018-05-16", ""),
            ("readout.txt", "March 1", "2019-03-01", "document:2019-03-02"),
            ("readout.txt", "last May", "2018-05-01", "document:2019-03-02"),
        ]

    def test_an_events_sources_carry_anchor_type_and_people(self, dialogue: Store):
        [(event_id,)] = dialogue.execute(
            "SELECT event_id FROM mentions WHERE anchor != '' AND date_text = 'last May'"
        )
        event = dialogue.event(event_id)
        assert event.conflict
        assert [(s.date_text, s.anchor, s.type, s.actors) for s in event.sources] == [
            ("14 May 2018", "", "dialogue", ("Tehmina Janjua", "Takeo Akiba")),
            ("May 16, 2018", "", "dialogue", ("Tehmina Janjua", "Takeo Akiba")),
            ("last May", "document:2019-03-02", "dialogue", ("Takeo Akiba",)),
        ]
        assert [(s.document_date, s.document_date_source) for s in event.sources] == [
            ("2019-01-10", "date_under_title"),
            ("2018-05-17", "published_line"),
            ("2019-03-02", "date_under_title"),
        ]

    def test_search_json_gives_each_source_its_anchor(self, dialogue: Store, tmp_path: Path):
        db = str(tmp_path / "c.db")
        found = subprocess.run(
            [
                sys.executable,
                "-m",
                "chronicle.cli",
                "search",
                "strategic dialogue",
                "--json",
                "--db",
                db,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        [event] = json.loads(found.stdout)
        assert [(s["date_text"], s["anchor"]) for s in event["sources"]] == [
            ("14 May 2018", None),
            ("May 16, 2018", None),
            ("last May", "document:2019-03-02"),
        ]

    def test_a_mention_read_back_for_merging_keeps_its_anchor(self, dialogue: Store):
        [(key,)] = dialogue.execute("SELECT key FROM mentions WHERE date_text = 'last May'")
        [mention] = load_mentions(dialogue.db, [key])
        assert (mention.date.text, mention.date.anchor) == ("last May", "document:2019-03-02")

    def test_rows_stored_before_migration_16_read_as_written_out(self, dialogue: Store):
        columns = {
            name: (kind, notnull, default)
            for _, name, kind, notnull, default, _ in dialogue.execute(
                "PRAGMA table_info(mentions)"
            )
        }
        assert columns["anchor"] == ("TEXT", 1, "''")
