"""The blocking index hands the merge only rows the rule could link, and never loses one.

`chronicle.store.pair_filter` drops, inside the index lookup, stored mentions that share
a block key with a new one but fail a condition of `merge.same_event` the blocks already
hold (no anchor in common, a meeting nested in a visit, two different pairs of
countries, precise dates a few days apart without the same kind or people). The first
test shows which rows go on hand-made reports of one week of Japan-Pakistan relations;
the second checks on the development corpus that every pair the rule links is still found.
The last follows a vague report that a better one takes from its event through the
store, in every order.
"""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from chronicle import merge
from chronicle.library import IngestReport, ingest_file
from chronicle.store import Store, blocks, merging
from chronicle.store.writer import load_mentions
from tests.test_merge import mention
from tests.test_merge_incremental import (
    _files,
    _global_events,
    _ingest,
    _rows_are_their_members,
    _stored_events,
)
from tests.test_store import document

MARCH_4 = date(2019, 3, 4)

STORED = [
    mention(
        "a1",
        MARCH_4,
        types=("dialogue",),
        sentence="Japan and Pakistan held the fifth round of their maritime security "
        "dialogue in Tokyo on 4 March 2019, covering port calls and joint exercises.",
    ),
    mention(
        "b1",
        MARCH_4,
        types=("dialogue",),
        countries=("EG", "PK"),
        sentence="Egypt and Pakistan opened their maritime security dialogue in Cairo "
        "on 4 March 2019.",
    ),
    mention(
        "c1",
        date(2019, 3, 3),
        date(2019, 3, 5),
        "range",
        types=("visit", "dialogue"),
        actors=("Imran Khan",),
        sentence="Prime Minister Imran Khan paid a visit to Japan from 3 to 5 March 2019 "
        "and joined the maritime security dialogue.",
    ),
    mention(
        "d1",
        date(2019, 3, 6),
        types=("dialogue",),
        sentence="Japanese and Pakistani coast guard officers continued the maritime "
        "security dialogue in Yokohama on 6 March 2019.",
    ),
    mention(
        "e1",
        date(2019, 3, 5),
        types=("meeting",),
        sentence="Officials of Japan and Pakistan met in Tokyo on 5 March 2019 to review "
        "port calls.",
    ),
]

PROBE = mention(
    "z1",
    MARCH_4,
    types=("dialogue",),
    sentence="The maritime security dialogue between Japan and Pakistan took place in "
    "Tokyo on 4 March 2019; port calls and joint exercises were discussed.",
)


def _store_with(tmp_path: Path, mentions: list) -> Store:
    store = Store(tmp_path / "c.db")
    for m in mentions:
        text = m.sentence
        store.add_document(document(m.document, text), f"hash-{m.key}", [m])
    return store


def test_rows_the_rule_cannot_link_are_left_in_the_index(tmp_path):
    with _store_with(tmp_path, STORED) as store:
        found = blocks.nearby(
            store.db, PROBE, "precise", blocks.near_anchors(PROBE), reach=merge.NEAR_DAYS
        )
        # b1: Egypt-Pakistan against Japan-Pakistan, nobody named (two different pairs);
        # c1: 4 March strictly inside a visit of 3-5 March (nested);
        # e1: a day apart and a meeting, not a dialogue (precise dates apart need one kind).
        assert [key for key, _, _ in found] == ["a1", "d1"]
        assert [merge.same_event(PROBE, m) for m in STORED] == [True, False, False, False, False]


YEAR_2019 = (date(2019, 1, 1), date(2019, 12, 31), "year")
VISITS = "The two sides exchanged visits of ministers and officials throughout the year."

COARSE_STORED = [
    # Egypt-Pakistan against Japan-Pakistan, a year, different people: two happenings.
    mention("s1", *YEAR_2019, countries=("EG", "PK"), actors=("Sameh Shoukry",), sentence=VISITS),
    # Japan and Pakistan among its countries: one relationship, then the words decide.
    mention(
        "s2", *YEAR_2019, countries=("EG", "JP", "PK"), actors=("Sameh Shoukry",), sentence=VISITS
    ),
    # Another relationship, but both people in common: one happening.
    mention(
        "s3",
        *YEAR_2019,
        countries=("EG", "PK"),
        actors=("Taro Kono", "Imran Khan"),
        sentence=VISITS,
    ),
    # Two citations of the same source and day, which dates and words alone decide.
    mention("s4", MARCH_4, types=("citation",), countries=("EG", "PK"), sentence=VISITS),
]


def test_a_coarse_date_of_another_relationship_is_left_in_the_index(tmp_path):
    """Of two reports of "2019" naming different pairs of countries, the rule links only
    those with two people in common, however much their words agree; the lookups used
    to hand every one naming people to the rule, which rejected them one by one (most of
    the comparisons a document made in a store of 200,000)."""
    probe = mention(
        "z2",
        *YEAR_2019,
        countries=("JP", "PK"),
        actors=("Taro Kono", "Imran Khan"),
        sentence=VISITS,
    )
    cited = mention("z3", MARCH_4, types=("citation",), countries=("JP", "PK"), sentence=VISITS)
    with _store_with(tmp_path, COARSE_STORED) as store:
        change = merging._Change(store.db)
        assert _found_for(change, probe) == {"s2", "s3"}
        assert [merge.same_event(probe, m) for m in COARSE_STORED[:3]] == [False, True, True]
        assert _found_for(change, cited) == {"s4"}
        assert merge.same_event(cited, COARSE_STORED[3])


def test_only_two_precise_dates_of_two_relationships_are_left_to_the_words(tmp_path):
    """On one day two reports naming people and two different pairs of countries are
    one happening when their words agree; when either date is coarse they are not, and
    the lookups no longer hand them to the rule, from either side."""
    told = mention(
        "e1", MARCH_4, countries=("EG", "PK"), actors=("Sameh Shoukry",), sentence=VISITS
    )
    same_day = mention(
        "z4", MARCH_4, countries=("JP", "PK"), actors=("Taro Kono",), sentence=VISITS
    )
    that_year = mention(
        "z5", *YEAR_2019, countries=("JP", "PK"), actors=("Taro Kono",), sentence=VISITS
    )
    with _store_with(tmp_path, [told, COARSE_STORED[0]]) as store:
        change = merging._Change(store.db)
        assert merge.same_event(same_day, told)
        assert "e1" in _found_for(change, same_day)
        assert not merge.same_event(same_day, COARSE_STORED[0])  # s1: 2019, Egypt-Pakistan
        assert "s1" not in _found_for(change, same_day)
        assert not merge.same_event(that_year, told)
        assert "e1" not in _found_for(change, that_year)


def test_every_pair_the_rule_links_is_still_found(tmp_path):
    with Store(tmp_path / "g.db") as store:
        report = IngestReport()
        for path in _files():
            ingest_file(store, path, report)
        keys = [r[0] for r in store.execute("SELECT key FROM mentions ORDER BY key")]
        mentions = load_mentions(store.db, keys)
        linked = _linked_across_documents(mentions)
        change = merging._Change(store.db)
        missing = [
            (a.key, b.key)
            for x, y in linked
            for a, b in ((x, y), (y, x))
            if merge.kind_of(a) != "undated" and b.key not in _found_for(change, a)
        ]
        assert missing == []
        assert len(linked) >= 7  # enough pairs on the fixtures for the check to mean something


def _linked_across_documents(mentions: list) -> list[tuple]:
    """Every pair of two documents' mentions the rule links: it needs a country or a
    name token in common (`merge.anchors`) and days within NEAR_DAYS of each other."""
    by_anchor: dict[str, list] = {}
    for m in mentions:
        if merge.span_of(m) is not None:
            for anchor in merge.anchors(m) - {f"d:{m.document}"}:
                by_anchor.setdefault(anchor, []).append(m)
    pairs = {}
    for block in by_anchor.values():
        for i, a in enumerate(block):
            sa = merge.span_of(a)
            for b in block[i + 1 :]:
                sb = merge.span_of(b)
                near = merge.shift(sa.start, -merge.NEAR_DAYS) <= sb.end and sb.start <= (
                    merge.shift(sa.end, merge.NEAR_DAYS)
                )
                if a.document != b.document and near and merge.same_event(a, b):
                    pairs[tuple(sorted((a.key, b.key)))] = (a, b)
    return list(pairs.values())


def _found_for(change: merging._Change, m) -> set[str]:
    """Keys the merge's lookups return for `m`, of every dated kind."""
    rows = [*merging._fitting(change, m, "precise"), *merging._fitting(change, m, "vague")]
    if merge.kind_of(m) == "precise":
        rows += blocks.near_precise(change.db, m)
    return {key for key, _, _ in rows}


SENTENCES = (
    "Japan and Pakistan held their maritime security dialogue in Tokyo, covering port "
    "calls and joint exercises.",
    "The two coast guards discussed port calls, joint exercises and search and rescue.",
    "Officials reviewed bilateral trade, which reached US$ 2.1 billion, and new port projects.",
    "The prime minister laid a wreath and addressed the parliament.",
    "A memorandum on maritime training was signed after the dialogue.",
    "Japan and Pakistan signed an agreement.",
)
DATES = (
    (date(2019, 3, 3), None, "day"),
    (date(2019, 3, 4), None, "day"),
    (date(2019, 3, 6), None, "day"),
    (date(2019, 3, 3), date(2019, 3, 5), "range"),
    (date(2019, 3, 1), date(2019, 3, 31), "month"),
    (date(2019, 1, 1), date(2019, 12, 31), "year"),
)
COUNTRIES = (("JP", "PK"), ("PK",), ("EG", "PK"), ("JP",), ("EG", "JP", "PK"))
PEOPLE = ((), (), ("Imran Khan",), ("Khan",), ("Shahid Khan",), ("Taro Kono",))
TYPES = (
    ("dialogue",),
    ("meeting",),
    ("visit", "meeting"),
    ("agreement",),
    ("statement",),
    ("other", "agreement"),
    ("citation",),
)
"""Primary type first: the blocks list a dated mention under each type it can share and
under its primary (`blocks.block_kinds`), so pairs linked by either are found."""


def test_every_pair_the_rule_links_among_mixed_reports_is_still_found(tmp_path):
    """Reports of one week mixing every date form, pair of countries, person and kind
    the filter tests, each in its own document: whatever the rule links, the lookups find."""
    reports = []
    rng = random.Random(14)
    for i in range(160):
        start, end, precision = rng.choice(DATES)
        reports.append(
            mention(
                f"r{i:03d}",
                start,
                end,
                precision,
                types=rng.choice(TYPES),
                countries=rng.choice(COUNTRIES),
                actors=rng.choice(PEOPLE),
                sentence=rng.choice(SENTENCES),
            )
        )
    with _store_with(tmp_path, reports) as store:
        change = merging._Change(store.db)
        linked = [
            (a, b)
            for i, a in enumerate(reports)
            for b in reports[i + 1 :]
            if merge.same_event(a, b)
        ]
        missing = [
            (x.key, y.key)
            for a, b in linked
            for x, y in ((a, b), (b, a))
            if y.key not in _found_for(change, x)
        ]
        assert missing == []
        assert len(linked) > 100


def test_a_precise_lookup_reads_few_rows_and_finds_what_every_country_would(tmp_path):
    """`near_precise` looks a single country up only over the exact spans it can tie,
    yet returns what the lookup under every country and name token over the near days
    returns, for reports of one week that share documents (the rule within a document
    ties on one country)."""
    rng = random.Random(30)
    reports = [
        mention(
            f"r{i:03d}",
            *rng.choice(DATES),
            document=f"doc{rng.randrange(40):02d}.txt",
            types=rng.choice(TYPES),
            countries=rng.choice(COUNTRIES),
            actors=rng.choice(PEOPLE),
            sentence=rng.choice(SENTENCES),
        )
        for i in range(160)
    ]
    with Store(tmp_path / "c.db") as store:
        for path in sorted({m.document for m in reports}):
            own = [m for m in reports if m.document == path]
            text = " ".join(m.sentence for m in own)
            store.add_document(document(path, text), f"hash-{path}", own)
        precise = [m for m in reports if merge.kind_of(m) == "precise"]
        compared = [
            (
                blocks.near_precise(store.db, m),
                blocks.nearby(
                    store.db, m, "precise", blocks.near_anchors(m), reach=merge.NEAR_DAYS
                ),
            )
            for m in precise
        ]
    assert [new for new, _ in compared] == [old for _, old in compared]
    assert sum(len(old) > 1 for _, old in compared) > 20  # lookups that find something


MOVING = {
    "meeting.txt": "# Foreign Minister Kono meets Foreign Minister Qureshi\n\n"
    "Press release, 4 January 2018\n\n"
    "During his visit to Pakistan, Foreign Minister Taro Kono met Pakistani Foreign "
    "Minister Shah Mahmood Qureshi in Islamabad on 4 January 2018 and discussed "
    "cooperation on energy and trade.\n",
    "brief.txt": "# Japan and Pakistan: a year of ties\n\n"
    "Issue brief, 20 March 2018\n\n"
    "Foreign Minister Taro Kono visited Pakistan in January 2018, the first such trip "
    "in years.\n",
    "visit.txt": "# Visit of Foreign Minister Kono to Pakistan\n\n"
    "Press release, 6 January 2018\n\n"
    "Foreign Minister Taro Kono paid an official visit to Pakistan from 3 to 5 January "
    "2018 at the invitation of the Government of Pakistan.\n",
}


@pytest.mark.parametrize("order", list(itertools.permutations(sorted(MOVING))))
def test_a_vague_report_leaves_its_event_for_a_better_one_in_any_order(tmp_path, order):
    """ "Kono visited Pakistan in January 2018" fits the meeting of 4 January (a visit is
    among its kinds) until the report of the visit of 3-5 January comes, which fits it
    better; the meeting, nested in the visit, stays an event of its own. Whatever the
    order, the events and their rows are what the global rule gives."""
    for name, text in MOVING.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        _ingest(store, [tmp_path / name for name in order])
        assert _stored_events(store) == _global_events(store)
        _rows_are_their_members(store)
        events: dict[tuple, list[str]] = {}
        for row in store.execute(
            "SELECT e.type, e.date_start, e.date_end, e.source_count, m.precision "
            "FROM events e JOIN mentions m ON m.event_id = e.id"
        ):
            events.setdefault(row[:4], []).append(row[4])
        assert sorted((*event, sorted(kinds)) for event, kinds in events.items()) == [
            ("meeting", "2018-01-04", "2018-01-04", 1, ["day"]),
            ("visit", "2018-01-03", "2018-01-05", 2, ["month", "range"]),
        ]


def test_a_documents_spans_are_read_once_for_all_its_lookups(tmp_path):
    """Each precise mention's lookup wants its document's spans; a file of thousands of
    mentions read them all again for each (its cost grew with the square of its size)."""
    rng = random.Random(5)
    reports = [
        mention(
            f"m{i:03d}",
            date(2019, 3, 1) + timedelta(days=rng.randrange(60)),
            document="big.txt",
            types=(rng.choice(["visit", "meeting", "dialogue"]),),
            countries=tuple(rng.sample(["JP", "PK", "CN", "US", "IN"], 2)),
            sentence=f"Report {i} of the talks.",
        )
        for i in range(300)
    ]
    with Store(tmp_path / "c.db") as store:
        text = " ".join(m.sentence for m in reports)
        blocks._precise_spans.cache_clear()
        store.add_document(document("big.txt", text), "hash-big", reports)
        read = blocks._precise_spans.cache_info()
    assert read.hits + read.misses >= len(reports)  # a lookup for each
    assert read.misses <= 3  # read again only after a write


def _sought(store: Store, lookup) -> list[tuple[int, int]]:
    """The (block kind, span class) of every index range `lookup` reads."""
    sought: list[tuple[int, int]] = []
    execute = store.db.conn.execute

    class Spy:
        def __getattr__(self, name):
            return getattr(execute.__self__, name)

        def execute(self, sql, params=()):
            if sql.startswith("WITH q(anchor, kind, cls"):
                ranges = sql.count("(?, ?, ?, ?, ?, ?, ?)")
                sought.extend((params[7 * i + 1], params[7 * i + 2]) for i in range(ranges))
            return execute(sql, params)

    conn, store.db.conn = store.db.conn, Spy()
    try:
        lookup()
    finally:
        store.db.conn = conn
    return sought


def test_a_lookup_reads_only_the_kinds_and_classes_the_blocks_hold(tmp_path):
    """Precise reports are listed under days and short ranges, vague ones under months and
    years: a lookup seeks the (kind, class) pairs that hold rows (migration 032), not
    every class under every kind, and finds what seeking them all finds."""
    month = (date(2019, 3, 1), date(2019, 3, 31), "month")
    vague = mention("v1", *month, types=("dialogue",), sentence=STORED[0].sentence)
    probe = mention("z3", *month, types=("dialogue",), sentence=PROBE.sentence)
    anchors = blocks.near_anchors(probe)
    with _store_with(tmp_path, [*STORED, vague]) as store:
        held = set(store.execute("SELECT kind, span_class FROM mention_block_kinds"))
        assert held == set(store.execute("SELECT DISTINCT kind, span_class FROM mention_blocks"))
        found: list = []
        sought = _sought(
            store, lambda: found.extend(blocks.nearby(store.db, probe, "precise", anchors))
        )
        assert sought and set(sought) <= held
        assert [key for key, _, _ in found] == ["a1", "c1", "d1"]
        # Every kind the probe looks under, with every class: the lookup before 032.
        every = {(k, c) for k in blocks.block_kinds(probe, "precise") for _, c in held}
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO mention_block_kinds (kind, span_class) VALUES (?, ?)", every
        )
        before: list = []
        sought_before = _sought(
            store, lambda: before.extend(blocks.nearby(store.db, probe, "precise", anchors))
        )
        assert before == found
        assert len(sought) < len(sought_before)
