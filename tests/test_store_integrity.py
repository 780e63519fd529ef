"""The compact store: each sentence and paragraph kept once, read back exactly; every table consistent."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from chronicle.ingest.events.mentions import content_hash, extract_mentions
from chronicle.ingest.text.document import document_from_text, load_document
from chronicle.library import fixtures_dir, ingest_paths
from chronicle.model import Mention
from chronicle.store import Store
from chronicle.store.connection import migrations
from chronicle.store.integrity import check
from chronicle.store.reader import stored_text
from chronicle.store.writer import load_mentions, mention_row
from tests.test_merge import mention
from tests.test_store import document

FIXTURE_FILES = sorted(p for p in fixtures_dir().iterdir() if p.suffix == ".txt")


def extracted(paths: list[Path]) -> dict[str, Mention]:
    """What ingest extracts from these files, by key (keys hash the cleaned text)."""
    out = {}
    for path in paths:
        doc = load_document(path)
        out.update((m.key, m) for m in extract_mentions(doc, content_hash(doc.text)))
    return out


@pytest.fixture(scope="module")
def fixture_mentions() -> dict[str, Mention]:
    return extracted([p.resolve() for p in FIXTURE_FILES])


def stored_forms(store: Store) -> list[tuple[int, int, int, int, int]]:
    """(mentions, sentences kept as text, paragraphs kept as text, sentences and
    paragraphs kept as offsets)."""
    return store.execute(
        "SELECT count(*), count(sentence), count(paragraph), count(sentence_start), "
        "count(paragraph_start) FROM mentions"
    )


class TestReadBack:
    def test_every_fixture_mention_reads_back_as_extracted(self, fixture_store, fixture_mentions):
        stored = load_mentions(fixture_store.db, sorted(fixture_mentions))
        assert {m.key: m for m in stored} == fixture_mentions
        n = len(fixture_mentions)
        assert stored_forms(fixture_store) == [(n, 0, 0, n, n)]

    def test_every_source_shows_its_own_sentence_and_paragraph(
        self, fixture_store, fixture_mentions
    ):
        ids = [r[0] for r in fixture_store.execute("SELECT id FROM events")]
        shown = Counter(
            (s.document, s.text, s.paragraph)
            for event_id in ids
            for s in fixture_store.event(event_id).sources
        )
        assert shown == Counter(
            (m.document, m.sentence, m.paragraph) for m in fixture_mentions.values()
        )

    def test_a_paragraph_with_several_dates_is_one_slice_of_the_document(self, fixture_store):
        # the Kazakhstan readout's paragraphs each date several happenings
        rows = fixture_store.execute(
            "SELECT paragraph_start, paragraph_end, count(*) FROM mentions "
            "GROUP BY document_id, paragraph_start, paragraph_end HAVING count(*) > 1"
        )
        assert rows
        spans = fixture_store.execute(
            "SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id "
            f"WHERE substr(d.text, m.paragraph_start + 1, m.paragraph_end - m.paragraph_start)"
            f" != {stored_text('paragraph')}"
        )
        assert spans == [(0,)]

    def test_a_repeated_line_is_placed_at_the_copy_that_holds_the_date(self, store):
        text = (
            "Kono in Islamabad\n\n"
            "Kono arrived in Islamabad on 3 January 2018.\n\n"
            "He met Asif for two hours.\n\n"
            "Kono arrived in Islamabad on 3 January 2018.\n"
        )
        doc = document_from_text(text, "/notes/kono.txt")
        mentions = extract_mentions(doc, content_hash(doc.text))
        store.add_document(doc, content_hash(doc.text), mentions)
        rows = store.execute(
            "SELECT char_start, sentence_start, sentence_end, paragraph_start, paragraph_end "
            "FROM mentions ORDER BY char_start"
        )
        first = doc.text.index("Kono arrived")
        second = doc.text.rindex("Kono arrived")
        length = len("Kono arrived in Islamabad on 3 January 2018.")
        assert rows == [
            (first + 29, first, first + length, first, first + length),
            (second + 29, second, second + length, second, second + length),
        ]
        assert check(store.db) == []

    def test_offsets_count_characters_not_bytes(self, store):
        text = (
            "Reunión en Bogotá\n\n"
            "The ministers of Colombia and Perú — meeting in Bogotá — signed the accord "
            "on 14 March 2019.\n\n"
            "On 2 April 2019 the São Paulo office of Itamaraty confirmed it.\n"
        )
        doc = document_from_text(text, "/notes/bogota.txt")
        mentions = extract_mentions(doc, content_hash(doc.text))
        store.add_document(doc, content_hash(doc.text), mentions)
        stored = load_mentions(store.db, sorted(m.key for m in mentions))
        assert [(m.sentence, m.paragraph) for m in stored] == [
            (m.sentence, m.paragraph) for m in sorted(mentions, key=lambda m: m.key)
        ]
        assert stored_forms(store) == [(2, 0, 0, 2, 2)]

    def test_the_writer_places_texts_where_the_trigger_would(self, store):
        placed = []
        for path in FIXTURE_FILES:
            doc = load_document(path)
            document_id = store.add_document(doc, content_hash(doc.text), [])
            for m in extract_mentions(doc, content_hash(doc.text)):
                by_trigger = {**mention_row(m, document_id), "key": f"{m.key}:trigger"}
                by_writer = {**mention_row(m, document_id, doc.text), "key": f"{m.key}:writer"}
                assert by_writer["sentence"] is None and by_writer["paragraph"] is None
                placed += [by_trigger, by_writer]
        store.db["mentions"].insert_all(placed)
        rows = store.execute(
            "SELECT replace(replace(key, ':trigger', ''), ':writer', ''), group_concat(DISTINCT sentence_start || '-' || "
            "sentence_end || ' ' || paragraph_start || '-' || paragraph_end), "
            "count(sentence) + count(paragraph) FROM mentions GROUP BY 1"
        )
        assert len(rows) == len(placed) // 2
        assert [r for r in rows if "," in r[1] or r[2]] == []

    def test_a_mention_the_document_does_not_hold_keeps_its_own_text(self, store):
        made_up = mention("k1", None, document="a.txt", sentence="Zardari visited Tokyo.")
        store.add_document(document("a.txt", "A note without that sentence."), "h1", [made_up])
        assert load_mentions(store.db, ["k1"]) == [made_up]
        assert stored_forms(store) == [(1, 1, 1, 0, 0)]
        assert check(store.db) == []


def copy_into_version_6(source: Path, target: Path) -> None:
    """A database at schema 6 (sentence and paragraph stored in every mention) holding
    what `source`, at the latest schema, holds."""
    copy_into_version(source, target, 6)


def copy_into_version(source: Path, target: Path, version: int) -> None:
    """A database at schema `version` holding what `source`, at the latest schema, holds.

    Columns the latest schema dropped are filled as the code of their time wrote them.
    """
    conn = sqlite3.connect(target, isolation_level=None)
    for number, _name, sql in migrations():
        if number <= version:
            conn.executescript(sql)
    conn.execute("ATTACH ? AS new", [str(source)])
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO meta SELECT key, value FROM new.meta WHERE key != 'schema_version' "
        "UNION ALL SELECT 'schema_version', ?",
        [str(version)],
    )
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name != 'meta' "
            "AND name NOT LIKE 'events_fts%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name IN (SELECT name FROM new.sqlite_master)"  # not tables dropped since
        )
    ]
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        values = [_old_value(table, c, version) for c in columns]
        join = "JOIN new.documents d ON d.id = m.document_id" if table == "mentions" else ""
        conn.execute(
            f"INSERT OR IGNORE INTO main.{table} ({', '.join(columns)}) "
            f"SELECT {', '.join(values)} FROM new.{table} m {join}"
        )
    conn.execute("COMMIT")
    conn.execute("DETACH new")
    conn.close()


TRAITS = ("kinds", "type_bit", "anchor_bits", "word_bits", "shape")


def _old_value(table: str, column: str, version: int) -> str:
    """A column as schema `version` held it: before 7 a mention's texts whole and each
    actor an object; before 12 the event's indexed text copied into its row."""
    if table == "mentions" and column in ("sentence", "paragraph") and version < 7:
        return stored_text(column)
    if table == "mentions" and column == "actors" and version < 7:
        return (
            "(SELECT json_group_array(json_object('name', a.value ->> 0, 'key', a.value ->> 1, "
            "'role', a.value ->> 2, 'country', a.value ->> 3)) FROM json_each(m.actors) a)"
        )
    if table == "events" and column in ("headline", "text", "sources_text", "publishers"):
        return f"(SELECT t.{column} FROM new.event_text t WHERE t.event_id = m.id)"
    if table == "mention_blocks" and column in TRAITS:  # once per mention since 024
        return f"(SELECT t.{column} FROM new.mention_traits t WHERE t.mention_id = m.mention_id)"
    return f"m.{column}"


class TestMigration:
    def test_a_version_6_database_keeps_every_mention_after_migrating(
        self, tmp_path, fixture_db, fixture_mentions
    ):
        old = tmp_path / "v6.db"
        copy_into_version_6(fixture_db, old)
        literal = sqlite3.connect(old).execute(
            "SELECT count(*), sum(json_type(actors, '$[0]') IS 'object') FROM mentions "
            "WHERE length(sentence) > 0 AND length(paragraph) > 0"
        )
        n = len(fixture_mentions)
        with_actors = sum(1 for m in fixture_mentions.values() if m.entities.actors)
        assert literal.fetchone() == (n, with_actors)
        without_anchor = {  # version 6 predates migration 016's mentions.anchor
            k: replace(m, date=replace(m.date, anchor="")) for k, m in fixture_mentions.items()
        }
        with Store(old) as store:
            assert {m.key: m for m in load_mentions(store.db, sorted(fixture_mentions))} == (
                without_anchor
            )
            assert stored_forms(store) == [(n, 0, 0, n, n)]
            indexes = {
                r[0]
                for r in store.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions'"
                    " AND name NOT LIKE 'sqlite_autoindex%'"
                )
            }
            assert indexes == {
                "mentions_by_event",
                "mentions_by_document",
                "mentions_in_review",  # 021: the review queue's marks
                "mentions_by_witness",
            }
            columns = {r[1] for r in store.execute("PRAGMA table_info(mentions)")}
            assert not {"sentence_v6", "paragraph_v6"} & columns
            assert check(store.db) == []

    def test_a_version_29_store_gets_word_row_bits_traits_by_document_and_block_kinds(
        self, tmp_path, fixture_db, fixture_store
    ):
        old = tmp_path / "v29.db"
        copy_into_version(fixture_db, old, 29)
        blocks = "SELECT * FROM mention_blocks ORDER BY 1, 2, 3, 4, 5, 6"
        traits = "SELECT * FROM mention_traits ORDER BY mention_id"
        held = "SELECT kind, span_class FROM mention_block_kinds ORDER BY 1, 2"
        with Store(old) as store:
            migrated, migrated_traits = store.execute(blocks), store.execute(traits)
            migrated_held = store.execute(held)
            # the copy leaves the search index out; the blocks are what 030 and 031 touched
            assert [p for p in store.check() if p.startswith("merge")] == []
        assert migrated == fixture_store.execute(blocks)
        assert migrated_traits == fixture_store.execute(traits)
        assert all(row[-1] is not None for row in migrated_traits)  # 031's document
        word_rows = [row for row in migrated if row[0][:2] in ("s:", "w:")]
        assert word_rows and all(row[6] is not None for row in word_rows)
        assert all(row[6] is None for row in migrated if row[0][:2] not in ("s:", "w:"))
        assert migrated_held == fixture_store.execute(held)  # 032: what the rows hold
        assert migrated_held == sorted({(row[1], row[2]) for row in migrated})

    def test_a_version_6_mention_the_document_does_not_hold_keeps_its_text(self, tmp_path):
        made_up = mention(
            "k1", None, document="a.txt", sentence="Zardari visited Tokyo.", actors=("Taro Kono",)
        )
        with Store(tmp_path / "new.db") as store:
            store.add_document(document("a.txt", "A note without that sentence."), "h1", [made_up])
        copy_into_version_6(tmp_path / "new.db", tmp_path / "v6.db")
        with Store(tmp_path / "v6.db") as store:
            assert load_mentions(store.db, ["k1"]) == [made_up]
            assert stored_forms(store) == [(1, 1, 1, 0, 0)]
            assert check(store.db) == []


class TestConsistentAfterEveryWrite:
    def test_ingest_change_and_removal_leave_every_table_consistent(self, tmp_path):
        folder = tmp_path / "docs"
        shutil.copytree(fixtures_dir(), folder, ignore=shutil.ignore_patterns("__init__.py"))
        brief = folder / "2018-01-10-issi-issue-brief-pakistan-japan-ties.txt"
        with Store(tmp_path / "c.db") as store:
            ingest_paths(store, [folder])
            assert check(store.db) == []

            brief.write_text(
                brief.read_text()
                + "\nOn 3 March 2019 the two foreign ministers met again in Islamabad"
                " to review the economic partnership.\n"
            )
            report = ingest_paths(store, [folder])
            assert (len(report.added), len(report.unchanged)) == (1, 4)
            assert check(store.db) == []

            assert store.remove_document(str(brief.resolve()))
            assert check(store.db) == []
            assert store.execute(
                "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)"
            ) == [(0,)]
            kept = extracted(sorted(p.resolve() for p in folder.glob("*.txt") if p != brief))
            assert {m.key: m for m in load_mentions(store.db, sorted(kept))} == kept
            assert store.execute("SELECT count(*) FROM mentions") == [(len(kept),)]


class TestCheckNamesWhatIsWrong:
    @pytest.fixture
    def broken(self, tmp_path, fixture_db) -> Store:
        shutil.copy(fixture_db, tmp_path / "c.db")
        with Store(tmp_path / "c.db") as store:
            yield store

    def test_a_consistent_database_has_no_problem(self, fixture_store):
        assert check(fixture_store.db) == []

    def test_a_mention_cut_from_its_event(self, broken):
        # the TDI story's lede: Bilawal Bhutto met Ambassador Wada, its event's only source
        [(key, event_id)] = broken.execute(
            "SELECT m.key, m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id "
            "WHERE d.path LIKE '%bilawal-bhutto%' AND m.date_start = '2022-07-26' "
            "ORDER BY m.char_start LIMIT 1"
        )
        broken.db.execute("UPDATE mentions SET event_id = NULL WHERE key = ?", [key])
        assert check(broken.db) == [
            f"mention in no event: {key}",
            f"event without a mention: {event_id}",
            f"event left out of the search index: {event_id}",
            f"event whose best mention is not one of its mentions: {event_id}",
            f"event whose source count is not its number of mentions: {event_id}",
            f"event_countries not its mentions' countries: {(event_id, 'JP')!r}, "
            f"{(event_id, 'PK')!r}",
            f"event_actors not its mentions' people: {(event_id, 'bhutto bilawal')!r}, "
            f"{(event_id, 'mitsuhiro wada')!r}",
        ]

    def test_a_lost_country_tag(self, broken):
        [(event_id, code)] = broken.execute(
            "SELECT event_id, code FROM event_countries ORDER BY event_id, code LIMIT 1"
        )
        broken.db.execute(
            "DELETE FROM event_countries WHERE event_id = ? AND code = ?", [event_id, code]
        )
        assert f"event_countries not its mentions' countries: {(event_id, code)!r}" in (
            check(broken.db)
        )

    def test_a_search_index_out_of_step_with_its_events(self, broken):
        # a best mention's headline changed with the trigger that unindexes its event gone
        broken.db.execute("DROP TRIGGER mentions_fts_bu")
        broken.db.execute(
            "UPDATE mentions SET headline = 'Talks in Astana' "
            "WHERE key = (SELECT best_key FROM events WHERE id = 1)"
        )
        assert check(broken.db) == [
            "events_fts does not match events: database disk image is malformed"
        ]

    def test_a_paragraph_slice_past_the_end_of_its_document(self, broken):
        [(key,)] = broken.execute("SELECT key FROM mentions ORDER BY key LIMIT 1")
        broken.db.execute(
            "UPDATE mentions SET paragraph_end = paragraph_end + 1000000 WHERE key = ?", [key]
        )
        assert check(broken.db) == [f"mention paragraph neither stored nor in its document: {key}"]

    def test_merge_traits_lost_or_left_behind(self, broken):
        [(mention_id,)] = broken.execute("SELECT min(mention_id) FROM mention_blocks")
        broken.db.execute("DELETE FROM mention_traits WHERE mention_id = ?", [mention_id])
        broken.db.execute(
            "INSERT INTO mention_traits (mention_id, kinds, type_bit, anchor_bits, word_bits, shape)"
            " SELECT 1000000000, kinds, type_bit, anchor_bits, word_bits, shape"
            " FROM mention_traits LIMIT 1"
        )
        assert check(broken.db) == [
            "merge traits of a removed mention: 1000000000",
            f"merge block without its mention's traits: {mention_id}",
        ]

    def test_a_word_row_of_the_merge_blocks_with_other_anchor_bits(self, broken):
        # a row under words carries its mention's anchor bits; one under a country none
        [(word_row,)] = broken.execute(
            "SELECT min(mention_id) FROM mention_blocks WHERE anchor LIKE 's:%'"
        )
        [(country_row,)] = broken.execute(
            "SELECT max(mention_id) FROM mention_blocks WHERE anchor LIKE 'c:%'"
        )
        broken.db.execute(
            "UPDATE mention_blocks SET anchor_bits = anchor_bits + 1 "
            "WHERE mention_id = ? AND anchor LIKE 's:%'",
            [word_row],
        )
        broken.db.execute(
            "UPDATE mention_blocks SET anchor_bits = 1 WHERE mention_id = ? AND anchor LIKE 'c:%'",
            [country_row],
        )
        first, last = sorted({word_row, country_row})
        assert check(broken.db) == [
            f"merge block whose anchor bits are not its mention's: {first}, {last}"
        ]

    def test_merge_blocks_of_a_kind_the_lookups_skip(self, broken):
        [(kind, cls)] = broken.execute(
            "SELECT kind, span_class FROM mention_block_kinds ORDER BY 1, 2 LIMIT 1"
        )
        broken.db.execute(
            "DELETE FROM mention_block_kinds WHERE kind = ? AND span_class = ?", [kind, cls]
        )
        assert check(broken.db) == [
            f"merge blocks of a kind and class the lookups skip: {(kind, cls)!r}"
        ]

    def test_merge_traits_of_another_document(self, broken):
        [(mention_id,)] = broken.execute("SELECT min(mention_id) FROM mention_traits")
        broken.db.execute(
            "UPDATE mention_traits SET document_id = document_id + 1 WHERE mention_id = ?",
            [mention_id],
        )
        assert check(broken.db) == [
            f"merge traits of another document than their mention's: {mention_id}"
        ]
