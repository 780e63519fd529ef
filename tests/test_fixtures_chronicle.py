"""End to end on the bundled documents: the events an analyst expects, merged and sourced."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.library import fixtures_dir, ingest_paths
from chronicle.model import Event
from chronicle.search.engine import Searcher
from chronicle.store import Store


def all_events(store: Store, query: str = "type:meeting OR type:visit") -> list[Event]:
    searcher = Searcher(store)
    ids, _ = searcher.ids("")
    cites, _ = searcher.ids("type:citation")
    return [e for i in ids + cites if (e := store.event(i)) is not None]


def find(events: list[Event], start: str, end: str | None = None, *words: str) -> list[Event]:
    end = end or start
    return [
        e
        for e in events
        if e.date_start == start
        and e.date_end == end
        and all(w.lower() in (e.text + " ".join(s.text for s in e.sources)).lower() for w in words)
    ]


@pytest.fixture(scope="module")
def events(fixture_db: Path) -> list[Event]:
    with Store(fixture_db) as store:
        return all_events(store)


def source_names(event: Event) -> set[str]:
    return {Path(s.document).name for s in event.sources}


class TestWalkingSkeleton:
    def test_kono_asif_meeting_on_2018_01_04_links_its_source(self, events):
        [meeting] = find(events, "2018-01-04", None, "Kono", "Asif")
        assert meeting.type == "meeting"
        assert source_names(meeting) == {
            "2018-01-04-mofa-japan-pakistan-foreign-ministers-meeting.txt"
        }
        assert {"JP", "PK"} <= set(meeting.countries)

    def test_diplomatic_relations_1952_found_in_two_documents(self, events):
        [relations] = find(events, "1952-04-28", None, "diplomatic relations")
        assert relations.source_count == 2
        assert source_names(relations) == {
            "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt",
            "undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt",
        }

    def test_kishida_abdrakhmanov_meeting_on_2017_05_01(self, events):
        [meeting] = find(events, "2017-05-01", None, "Kishida", "Abdrakhmanov")
        assert meeting.type == "meeting"
        assert {"JP", "KZ"} <= set(meeting.countries)

    def test_reingesting_the_fixtures_changes_nothing(self, tmp_path):
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [fixtures_dir()])
            before = store.counts()
            report = ingest_paths(store, [fixtures_dir()])
            assert report.added == [] and len(report.unchanged) == 5
            assert store.counts() == before


class TestMerging:
    def test_zardari_visit_is_one_event_with_the_day_range_and_two_sources(self, events):
        [visit] = find(events, "2011-02-21", "2011-02-23", "Zardari")
        assert visit.precision == "range"
        assert source_names(visit) == {
            "2022-07-26-tdi-bilawal-bhutto-meets-japanese-ambassador.txt",
            "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt",
        }

    def test_zardari_visit_is_found_as_a_visit(self, fixture_db):
        with Store(fixture_db) as store:
            ids, _ = Searcher(store).ids("type:visit zardari")
            found = [store.event(i) for i in ids]
        assert ("2011-02-21", "2011-02-23") in {(e.date_start, e.date_end) for e in found}

    def test_kono_meeting_is_part_of_the_january_2018_visit(self, events):
        [meeting] = find(events, "2018-01-04", None, "Kono", "Asif")
        [visit] = find(events, "2018-01-03", "2018-01-04", "Kono")
        assert meeting.part_of == visit.id
        assert meeting.id in visit.parts

    def test_anniversaries_of_different_relationships_stay_apart(self, events):
        in_2017 = [e for e in events if e.date_start == "2017-01-01" and e.type == "anniversary"]
        texts = sorted(e.text for e in in_2017)
        assert any("65th" in t for t in texts) and any("25th" in t for t in texts)
        assert not any("65th" in t and "25th" in t for t in texts)

    def test_reversed_ingest_order_gives_identical_events(self, tmp_path, events):
        files = sorted(fixtures_dir().glob("*.txt"), reverse=True)
        with Store(tmp_path / "rev.db") as store:
            for f in files:
                ingest_paths(store, [f])
            reversed_events = all_events(store)

        def signature(es: list[Event]):
            return sorted(
                (
                    e.key,
                    e.date_start,
                    e.date_end,
                    e.precision,
                    e.type,
                    e.headline,
                    tuple(sorted(s.text for s in e.sources)),
                )
                for e in es
            )

        assert signature(reversed_events) == signature(events)

    def test_removing_a_document_splits_its_merged_events(self, tmp_path):
        with Store(tmp_path / "rm.db") as store:
            ingest_paths(store, [fixtures_dir()])
            brief = str(
                fixtures_dir() / "undated-mofa-pakistan-brief-on-pakistan-japan-relations.txt"
            )
            assert store.remove_document(brief)
            remaining = all_events(store)
            [relations] = find(remaining, "1952-04-28", None, "diplomatic relations")
            assert relations.source_count == 1


class TestPartOfIsOrderFree:
    DOCS = {
        "v1.txt": "Visit\n\nForeign Minister Taro Kono paid an official visit to Pakistan from March 1 to 5, 2018.\n",
        "v2.txt": "Tour\n\nForeign Minister Taro Kono paid an official visit to Pakistan and India from March 1 to 10, 2018.\n",
        "m.txt": "Talks\n\nOn March 3, 2018, Foreign Minister Taro Kono held a meeting with Khawaja Muhammad Asif.\n",
    }

    def links(self, tmp_path, order, remove=()):
        folder = tmp_path / "docs"
        folder.mkdir(exist_ok=True)
        for name, text in self.DOCS.items():
            (folder / name).write_text(text)
        with Store(tmp_path / f"{'-'.join(order)}-{len(remove)}.db") as store:
            for name in order:
                ingest_paths(store, [folder / name])
            for name in remove:
                store.remove_document(str((folder / name).absolute()))
            rows = store.execute(
                "SELECT c.date_start, p.date_end FROM events c JOIN events p ON p.id = c.part_of "
                "WHERE c.type = 'meeting'"
            )
        return sorted(rows)

    @pytest.mark.parametrize(
        "order",
        [
            ("v1.txt", "v2.txt", "m.txt"),
            ("v2.txt", "m.txt", "v1.txt"),
            ("m.txt", "v1.txt", "v2.txt"),
        ],
    )
    def test_a_meeting_belongs_to_the_tightest_visit_whatever_the_order(self, tmp_path, order):
        assert self.links(tmp_path, order) == [("2018-03-03", "2018-03-05")]

    def test_removing_the_tight_visit_moves_the_meeting_to_the_wider_one(self, tmp_path):
        assert self.links(tmp_path, ("v1.txt", "v2.txt", "m.txt"), remove=("v1.txt",)) == [
            ("2018-03-03", "2018-03-10")
        ]


class TestVagueMentionsDoNotBridge:
    """A year-level report of a trip fits both the trip and a meeting during it."""

    DOCS = {
        "visit.txt": "Visit\n\nForeign Minister Taro Kono visited Islamabad on 3-4 January 2018.\n",
        "meeting.txt": "Talks\n\nOn January 4, 2018, Foreign Minister Taro Kono, who is visiting Pakistan, held a meeting with Khawaja Muhammad Asif.\n",
        "vague.txt": "Brief\n\nJapanese Foreign Minister Taro Kono visited Pakistan in 2018.\n",
    }

    def events(self, tmp_path, order, remove=()):
        folder = tmp_path / "docs"
        folder.mkdir(exist_ok=True)
        for name, text in self.DOCS.items():
            (folder / name).write_text(text)
        with Store(tmp_path / f"{'-'.join(order)}-{len(remove)}.db") as store:
            for name in order:
                ingest_paths(store, [folder / name])
            for name in remove:
                store.remove_document(str((folder / name).absolute()))
            return sorted(
                (
                    e.date_start,
                    e.date_end,
                    e.type,
                    e.part_of is not None,
                    tuple(sorted(Path(s.document).name for s in e.sources)),
                )
                for e in all_events(store)
            )

    @pytest.mark.parametrize(
        "order",
        [
            ("visit.txt", "meeting.txt", "vague.txt"),
            ("vague.txt", "meeting.txt", "visit.txt"),
            ("meeting.txt", "vague.txt", "visit.txt"),
        ],
    )
    def test_the_vague_report_joins_the_trip_and_the_meeting_stays_part_of_it(
        self, tmp_path, order
    ):
        assert self.events(tmp_path, order) == [
            ("2018-01-03", "2018-01-04", "visit", False, ("vague.txt", "visit.txt")),
            ("2018-01-04", "2018-01-04", "meeting", True, ("meeting.txt",)),
        ]

    def test_removing_the_trip_lets_the_vague_report_join_the_meeting(self, tmp_path):
        order = ("visit.txt", "meeting.txt", "vague.txt")
        assert self.events(tmp_path, order, remove=("visit.txt",)) == self.events(
            tmp_path, ("meeting.txt", "vague.txt")
        )
