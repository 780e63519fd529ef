"""Tests for chronicle.search.compile: exact SQL text, and results on a real database."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.search.compile import (
    ORDER_BY,
    PAGE_COLUMNS,
    REVIEW_SQL,
    UNDATED_KEY,
    CompiledQuery,
    compile_query,
    count_sql,
    fts_string,
    highlights_sql,
    ids_sql,
    page_sql,
    split_highlights,
    year_histogram_sql,
)
from chronicle.search.query import FILTER_NAMES, REVIEW_KINDS, Query, parse_query
from chronicle.store.connection import migrate

FTS_FROM = "events_fts JOIN events e ON e.sort_key = events_fts.rowid"
ACTOR = "replace(' ' || actor_key || ' ' || name, '-', ' ')"
SOURCE = "SELECT 1 FROM mentions m JOIN documents d ON d.id = m.document_id WHERE event_id = e.id"


def _source(n: int) -> str:
    """A source: value matched against a document's publisher or file name."""
    return f"d.publisher LIKE :source_{n} ESCAPE '\\' OR d.name LIKE :source_{n} ESCAPE '\\'"


ANNOTATED = (
    "SELECT ae.event_id FROM annotation_events ae JOIN annotations a ON a.id = ae.annotation_id"
    " WHERE ae.event_id IS NOT NULL"
)
TAGGED = "a.id IN (SELECT t.annotation_id FROM annotation_tags t WHERE t.tag COLLATE NOCASE"
MANUAL = (
    "SELECT m.event_id FROM mentions m WHERE m.event_id IS NOT NULL AND m.document_id IN"
    " (SELECT d.id FROM documents d WHERE d.path >= 'manual:' AND d.path < 'manual;')"
)

ACTOR_EVENTS = (
    "SELECT event_id FROM event_actors WHERE (actor_key, name) IN"
    " (SELECT actor_key, name FROM actor_names"
)

# id, date_start, date_end, precision, type, headline, text, actors, countries,
# (publisher, file name), source_count, [(actor_key, name)], [codes]
EVENTS = [
    (1, "2010-05-01", "2010-05-01", "day", "visit", "Kono visits Islamabad",
     "Foreign Minister Taro Kōno visited Pakistan for talks.", "Taro Kono",
     "PK JP Pakistan Japan", ("MOFA Japan", "2018-01-04-mofa-japan.txt"), 2,
     [("kono taro", "Taro Kono")], ["PK", "JP"]),
    (2, "2010-12-31", "2011-01-02", "range", "meeting", "Year-end talks",
     "Diplomatic talks in Tokyo.", "", "JP Japan", ("ISSI", "2018-01-10-issi-brief.txt"), 1,
     [], ["JP"]),
    (3, "2011-01-01", "2011-01-01", "day", "agreement", "Trade agreement signed",
     "Pakistan and Japan signed a trade agreement on trade.", "", "PK JP Pakistan Japan",
     ("ISSI", "issi.txt"), 3, [], ["PK", "JP"]),
    (4, "2018-06-01", "2018-06-30", "month", "statement", "Bilawal statement",
     "Bilawal Bhutto-Zardari made a statement on diplomacy.", "Bilawal Bhutto-Zardari",
     "PK Pakistan", ("TDI", "50%_off.txt"), 1,
     [("bhutto-zardari bilawal", "Bilawal Bhutto-Zardari")], ["PK"]),
    (5, "2019-05-20", "2019-06-02", "range", "dialogue", "Strategic dialogue",
     "Strategic dialogue between Kazakhstan and Japan.", "", "KZ JP Kazakhstan Japan",
     ("MOFA Japan", "mofa.txt"), 2, [], ["KZ", "JP"]),
    (6, None, None, "unresolved", "statement", "Undated brief",
     "Pakistan and Japan relations brief on trade.", "", "PK JP Pakistan Japan",
     ("MOFA Pakistan", "mofa.txt"), 1, [], ["PK", "JP"]),
    (7, "2018-01-04", "2018-01-04", "day", "meeting", "Kono meets Asif",
     "Foreign ministers Kono and Khawaja Asif met.", "Taro Kono; Khawaja Asif",
     "PK JP Pakistan Japan", ("MOFA Japan", "mofa.txt"), 1,
     [("kono taro", "Taro Kono"), ("asif khawaja", "Khawaja Asif")], ["PK", "JP"]),
]  # fmt: skip

DATE_ORDER = [1, 2, 3, 7, 4, 5, 6]
"""Every event oldest first; undated (6) last."""


def build_db(path: Path) -> sqlite3.Connection:
    """A database from the real schema holding EVENTS, each told by one document."""
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db)
    db.execute("BEGIN")
    for row in EVENTS:
        eid, headline, text, (publisher, name) = row[0], row[5], row[6], row[9]
        db.execute(
            "INSERT INTO documents (id, path, name, content_hash, publisher, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, '')",
            (eid, f"/briefs/{eid}/{name}", name, f"h{eid}", publisher, text),
        )
        db.execute(
            "INSERT INTO events (id, key, date_start, date_end, precision, type,"
            " actors, countries, source_count, best_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (eid, f"k{eid}", *row[1:5], row[7], row[8], row[10], f"k{eid}"),
        )
        db.execute(
            "INSERT INTO mentions (key, document_id, event_id, char_start, char_end, date_text,"
            " precision, type, types, actors, countries, organisations, headline,"
            " sentence_start, sentence_end, paragraph_start, paragraph_end)"
            " VALUES (?, ?, ?, 0, 0, '', ?, ?, '[]', '[]', '[]', '[]', ?, 0, ?, 0, ?)",
            (f"k{eid}", eid, eid, row[3], row[4], headline, len(text), len(text)),
        )
        db.executemany(
            "INSERT INTO event_actors (event_id, actor_key, name) VALUES (?, ?, ?)",
            [(eid, key, name) for key, name in row[11]],
        )
        db.executemany(
            "INSERT INTO event_countries (event_id, code) VALUES (?, ?)",
            [(eid, code) for code in row[12]],
        )
    db.execute(
        "INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations,"
        " sources_text, publishers) SELECT sort_key, headline, text, actors, countries,"
        " organisations, sources_text, publishers FROM event_text"
    )
    db.execute("UPDATE events SET indexed = 1")
    db.execute("COMMIT")
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    conn = build_db(tmp_path_factory.mktemp("search") / "chronicle.db")
    yield conn
    conn.close()


def run_all(db: sqlite3.Connection, text: str) -> list[int]:
    """Ids the query returns, one big page."""
    sql, params = page_sql(compile_query(parse_query(text)), None, 1000)
    return [row[0] for row in db.execute(sql, params)]


def run_paged(db: sqlite3.Connection, text: str, size: int) -> list[int]:
    """Ids the query returns, fetched page by page through the keyset cursor."""
    compiled = compile_query(parse_query(text))
    ids: list[int] = []
    after = None
    for _ in range(100):
        sql, params = page_sql(compiled, after, size)
        rows = db.execute(sql, params).fetchall()
        ids.extend(r[0] for r in rows)
        if len(rows) < size:
            return ids
        after = tuple(rows[-1])
    raise AssertionError("paging did not end")


# ---------------------------------------------------------------------------
# Exact FTS expressions and SQL fragments


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ("", None),
        ("kono", '"kono"'),
        ("kono pakistan", '"kono" AND "pakistan"'),
        ('"prime minister"', '"prime minister"'),
        ('"prime min"*', '"prime min"*'),
        ("diplom*", '"diplom"*'),
        ("a OR b c", '("a" OR "b") AND "c"'),
        ("kono -asif NOT trade", '"kono" NOT "asif" NOT "trade"'),
        ('say "hi', '"say" AND "hi"'),
        ('a"b', '"a" AND "b"'),
        ('"she said ""no"""', '"she said " AND "no"'),
        ("O'Brien", '"O\'Brien"'),
        ("'; DROP TABLE events; --", '"DROP" AND "TABLE" AND "events;"'),
        ("foo:bar", '"foo:bar"'),
        ("NEAR(a b)", '"NEAR(a" AND "b)"'),
        ("headline:kono", '"headline:kono"'),
        ("^kono", '"^kono"'),
        ("-trade", None),
        ("country:pk", None),
    ],
)
def test_fts_expression(text: str, fts: str | None) -> None:
    assert compile_query(parse_query(text)).fts == fts


def test_fts_string_doubles_quotes() -> None:
    assert fts_string('say "hi"') == '"say ""hi"""'


@pytest.mark.parametrize(
    ("text", "where", "params"),
    [
        ("", (), {}),
        ("kono", (), {"fts": '"kono"'}),
        (
            "-trade -asif",
            (
                "e.sort_key NOT IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts_exclude)",
            ),
            {"fts_exclude": '"trade" OR "asif"'},
        ),
        (
            "country:pk,jp",
            (
                "EXISTS (SELECT 1 FROM event_countries"
                " WHERE event_id = e.id AND code IN (:country_0, :country_1))",
            ),
            {"country_0": "PK", "country_1": "JP"},
        ),
        (
            "-country:pk country:jp",
            (
                "NOT EXISTS (SELECT 1 FROM event_countries"
                " WHERE event_id = e.id AND code IN (:country_0))",
                "EXISTS (SELECT 1 FROM event_countries WHERE event_id = e.id AND code IN (:country_1))",
            ),
            {"country_0": "PK", "country_1": "JP"},
        ),
        (
            "actor:kono",
            (f"e.id IN ({ACTOR_EVENTS} WHERE {ACTOR} LIKE :actor_0 ESCAPE '\\'))",),
            {"actor_0": "% kono%"},
        ),
        (
            'actor:"taro kono",asif',
            (
                f"e.id IN ({ACTOR_EVENTS} WHERE"
                f" ({ACTOR} LIKE :actor_0 ESCAPE '\\' AND {ACTOR} LIKE :actor_1 ESCAPE '\\')"
                f" OR ({ACTOR} LIKE :actor_2 ESCAPE '\\')))",
            ),
            {"actor_0": "% taro%", "actor_1": "% kono%", "actor_2": "% asif%"},
        ),
        (
            "-actor:kono",
            (f"e.id NOT IN ({ACTOR_EVENTS} WHERE {ACTOR} LIKE :actor_0 ESCAPE '\\'))",),
            {"actor_0": "% kono%"},
        ),
        (
            "type:visit,meeting",
            ("e.type IN (:type_0, :type_1)",),
            {"type_0": "visit", "type_1": "meeting"},
        ),
        ("-type:statement", ("e.type NOT IN (:type_0)",), {"type_0": "statement"}),
        ("precision:day", ("e.precision IN (:precision_0)",), {"precision_0": "day"}),
        ("source:issi", (f"EXISTS ({SOURCE} AND ({_source(0)}))",), {"source_0": "%issi%"}),
        (
            "source:50%_x\\",
            (f"EXISTS ({SOURCE} AND ({_source(0)}))",),
            {"source_0": "%50\\%\\_x\\\\%"},
        ),
        (
            "-source:issi,tdi",
            (f"NOT EXISTS ({SOURCE} AND ({_source(0)} OR {_source(1)}))",),
            {"source_0": "%issi%", "source_1": "%tdi%"},
        ),
        ("after:2010", ("e.date_start > :after_0",), {"after_0": "2010-12-31"}),
        ("after:2012-02", ("e.date_start > :after_0",), {"after_0": "2012-02-29"}),
        (
            "before:2019-06",
            ("COALESCE(e.date_end, e.date_start) < :before_0",),
            {"before_0": "2019-06-01"},
        ),
        (
            "in:2018",
            ("(e.date_start <= :in_end_0 AND COALESCE(e.date_end, e.date_start) >= :in_start_0)",),
            {"in_end_0": "2018-12-31", "in_start_0": "2018-01-01"},
        ),
        ("sources:>1", ("e.source_count > :sources_0",), {"sources_0": 1}),
        ("sources:2", ("e.source_count = :sources_0",), {"sources_0": 2}),
        ("sources:>=2", ("e.source_count >= :sources_0",), {"sources_0": 2}),
        ("sources:<3", ("e.source_count < :sources_0",), {"sources_0": 3}),
        (
            "trade type:visit after:2010",
            ("e.type IN (:type_0)", "e.date_start > :after_0"),
            {"fts": '"trade"', "type_0": "visit", "after_0": "2010-12-31"},
        ),
        ("is:starred", (f"e.id IN ({ANNOTATED} AND (a.starred))",), {}),
        (
            "-is:star,corrected",
            (f"e.id NOT IN ({ANNOTATED} AND (a.starred OR a.correction != '{{}}'))",),
            {},
        ),
        ("is:manual", (f"e.id IN ({MANUAL})",), {}),
        ("is:starred,manual", (f"e.id IN ({ANNOTATED} AND (a.starred) UNION {MANUAL})",), {}),
        (
            "kono is:starred",
            (
                "events_fts.rowid IN (SELECT sort_key FROM events WHERE id IN"
                f" ({ANNOTATED} AND (a.starred)))",
            ),
            {"fts": '"kono"'},
        ),
        (
            "kono -is:starred",
            (f"e.id NOT IN ({ANNOTATED} AND (a.starred))",),
            {"fts": '"kono"'},
        ),
        (
            'tag:Trade,"big deal"',
            (f"e.id IN ({ANNOTATED} AND ({TAGGED} IN (:tag_0, :tag_1))))",),
            {"tag_0": "Trade", "tag_1": "big deal"},
        ),
        ("-tag:x", (f"e.id NOT IN ({ANNOTATED} AND ({TAGGED} IN (:tag_0))))",), {"tag_0": "x"}),
        ("review:dates", ("e.id IN (SELECT id FROM events WHERE conflict = 1)",), {}),
        ("review:", ("e.id IN (" + " UNION ".join(REVIEW_SQL.values()) + ")",), {}),
        ("-review:", ("e.id NOT IN (" + " UNION ".join(REVIEW_SQL.values()) + ")",), {}),
    ],
)
def test_where_fragments(text: str, where: tuple[str, ...], params: dict[str, object]) -> None:
    compiled = compile_query(parse_query(text))
    assert compiled.where == where
    assert compiled.params == params


@pytest.mark.parametrize(
    ("text", "sort", "order_by"),
    [
        ("", "date", "e.sort_key"),
        ("sort:-date", "-date", f"e.sort_key >= {UNDATED_KEY}, e.sort_key DESC"),
        ("kono sort:rank", "rank", "events_fts.rank, e.id"),
        ("sort:rank", "date", "e.sort_key"),
    ],
)
def test_order_by(text: str, sort: str, order_by: str) -> None:
    compiled = compile_query(parse_query(text))
    assert (compiled.sort, compiled.order_by) == (sort, order_by)
    assert compiled.order_by in ORDER_BY.values()


def test_every_review_kind_the_parser_accepts_has_its_sql() -> None:
    assert set(REVIEW_SQL) == set(REVIEW_KINDS)


def test_rank_without_text_falls_back_to_date_in_compile() -> None:
    compiled = compile_query(Query(sort="rank"))
    assert (compiled.sort, compiled.fts) == ("date", None)


def test_page_sql_date_first_and_next_page() -> None:
    compiled = compile_query(parse_query("trade"))
    sql, params = page_sql(compiled, None, 20)
    assert sql == (
        f"SELECT e.id AS id, events_fts.rowid AS k_sort FROM {FTS_FROM}"
        " WHERE events_fts MATCH :fts ORDER BY events_fts.rowid LIMIT :limit"
    )
    assert params == {"fts": '"trade"', "limit": 20}
    sql, params = page_sql(compiled, (3, 12345), 20)
    assert sql == (
        f"SELECT e.id AS id, events_fts.rowid AS k_sort FROM {FTS_FROM}"
        " WHERE events_fts MATCH :fts AND events_fts.rowid > :k_sort"
        " ORDER BY events_fts.rowid LIMIT :limit"
    )
    assert params == {"fts": '"trade"', "limit": 20, "k_id": 3, "k_sort": 12345}


def test_page_sql_without_text_walks_the_sort_key() -> None:
    sql, _ = page_sql(compile_query(parse_query("type:visit")), None, 20)
    assert sql == (
        "SELECT e.id AS id, e.sort_key AS k_sort FROM events e"
        " WHERE e.type IN (:type_0) ORDER BY e.sort_key LIMIT :limit"
    )


def test_page_sql_newest_first_keeps_undated_last() -> None:
    sql, _ = page_sql(compile_query(parse_query("sort:-date")), None, 20)
    arm = "SELECT * FROM (SELECT e.id AS id, e.sort_key AS k_sort FROM events e WHERE e.sort_key"
    assert sql == (
        f"SELECT id, k_sort FROM ({arm} < {UNDATED_KEY} ORDER BY e.sort_key DESC LIMIT :limit)"
        f" UNION ALL {arm} >= {UNDATED_KEY} ORDER BY e.sort_key DESC LIMIT :limit))"
        f" ORDER BY k_sort >= {UNDATED_KEY}, k_sort DESC LIMIT :limit"
    )


def test_date_filters_bound_the_sort_key() -> None:
    compiled = compile_query(parse_query("kono after:2010 before:2015-06 in:2012"))
    assert compiled.bounds == (
        ">= ((CAST(julianday(:after_0) AS INTEGER) + 1) << 32)",
        "< (CAST(julianday(:before_0) AS INTEGER) << 32)",
        "< ((CAST(julianday(:in_end_0) AS INTEGER) + 1) << 32)",
    )
    _, _, conditions = compiled.source()
    assert conditions[-3:] == [f"events_fts.rowid {b}" for b in compiled.bounds]


def test_page_sql_rank() -> None:
    compiled = compile_query(parse_query("trade sort:rank type:agreement"))
    sql, params = page_sql(compiled, (3, -1.5), 10)
    assert sql == (
        "SELECT id, k_rank FROM (SELECT e.id AS id, events_fts.rank AS k_rank"
        f" FROM {FTS_FROM}"
        " WHERE events_fts MATCH :fts AND e.type IN (:type_0))"
        " WHERE (k_rank, id) > (:k_rank, :k_id) ORDER BY k_rank, id LIMIT :limit"
    )
    assert params == {
        "fts": '"trade"',
        "type_0": "agreement",
        "limit": 10,
        "k_id": 3,
        "k_rank": -1.5,
    }


@pytest.mark.parametrize(("limit", "clamped"), [(0, 1), (-5, 1), (10, 10), (10**9, 1000)])
def test_page_limit_is_clamped(limit: int, clamped: int) -> None:
    assert page_sql(compile_query(Query()), None, limit)[1]["limit"] == clamped


def test_count_and_histogram_sql() -> None:
    compiled = compile_query(parse_query("trade country:pk"))
    country = (
        "EXISTS (SELECT 1 FROM event_countries WHERE event_id = e.id AND code IN (:country_0))"
    )
    assert count_sql(compiled) == (
        f"SELECT count(*) AS n FROM {FTS_FROM} WHERE events_fts MATCH :fts AND {country}",
        {"fts": '"trade"', "country_0": "PK"},
    )
    assert year_histogram_sql(compiled) == (
        f"SELECT substr(e.date_start, 1, 4) AS year, count(*) AS n FROM {FTS_FROM}"
        f" WHERE events_fts MATCH :fts AND {country} AND events_fts.rowid < {UNDATED_KEY}"
        " GROUP BY year ORDER BY year",
        {"fts": '"trade"', "country_0": "PK"},
    )
    assert count_sql(compile_query(Query())) == ("SELECT count(*) AS n FROM events e", {})


def test_compiled_sql_never_contains_user_values() -> None:
    text = "zzsecret country:pk actor:zzname source:zzpub type:visit after:2010 sources:>1"
    compiled = compile_query(parse_query(text))
    for sql, _ in (page_sql(compiled, None, 5), count_sql(compiled), year_histogram_sql(compiled)):
        assert "zz" not in sql
        assert "PK" not in sql
        assert "2010" not in sql


# ---------------------------------------------------------------------------
# Escaping: raw input breaks FTS5, the compiled expression does not


@pytest.mark.parametrize(
    "raw",
    [
        "'; DROP TABLE events; --",
        "trade OR",
        "NOT trade",
        "AND",
        '"unbalanced',
        "*",
        "-trade",
        "foo:bar",
        "kono)",
        "a + b ^",
        "NEAR(",
    ],
)
def test_raw_input_fails_in_fts5_but_compiled_works(db: sqlite3.Connection, raw: str) -> None:
    with pytest.raises(sqlite3.OperationalError):
        db.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH ?", [raw]).fetchall()
    for sql, params in (
        page_sql(compile_query(parse_query(raw)), None, 10),
        count_sql(compile_query(parse_query(raw))),
    ):
        db.execute(sql, params).fetchall()


def test_sql_injection_is_just_text(db: sqlite3.Connection) -> None:
    assert run_all(db, "'; DROP TABLE events; --") == []
    assert run_all(db, 'country:"pk\'); DROP TABLE events; --"') == []
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == len(EVENTS)


# ---------------------------------------------------------------------------
# Results on a real database: exactly which ids, in which order


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("", DATE_ORDER),
        # free text
        ("trade", [3, 6]),
        ("Trade", [3, 6]),
        ("trades", [3, 6]),
        ("kono", [1, 7]),
        ("Kōno", [1, 7]),
        ('"trade agreement"', [3]),
        ('"agreement trade"', []),
        ("diplom*", [2, 4]),
        ("kono -asif", [1]),
        ("kono NOT asif", [1]),
        ("trade OR kono", [1, 3, 7, 6]),
        ("-trade", [1, 2, 7, 4, 5]),
        ("-trade -kono", [2, 4, 5]),
        ("talks", [1, 2]),
        ("foo:bar", []),
        # country:
        ("country:pk", [1, 3, 7, 4, 6]),
        ("country:pakistan", [1, 3, 7, 4, 6]),
        ("country:kz", [5]),
        ("country:kazakh", [5]),
        ("country:pk,kz", [1, 3, 7, 4, 5, 6]),
        ("country:pk country:jp", [1, 3, 7, 6]),
        ("-country:pk", [2, 5]),
        ("country:japanese -country:pk", [2, 5]),
        ("country:atlantis", []),
        # actor:
        ("actor:kono", [1, 7]),
        ("actor:kon", [1, 7]),
        ("actor:ono", []),
        ('actor:"taro kono"', [1, 7]),
        ('actor:"Tarō Kōno"', [1, 7]),
        ("actor:asif", [7]),
        ("actor:zardari", [4]),
        ("actor:bhutto-zardari", [4]),
        ("actor:asif,bilawal", [7, 4]),
        ("actor:kono actor:asif", [7]),
        ("-actor:kono", [2, 3, 4, 5, 6]),
        ("actor:%", DATE_ORDER),  # no name in it: ignored, with a hint
        ("actor:_", DATE_ORDER),
        # type:
        ("type:meeting", [2, 7]),
        ("type:meet", [2, 7]),
        ("type:meeting,visit", [1, 2, 7]),
        ("-type:statement", [1, 2, 3, 7, 5]),
        ("type:summit", []),
        # source:
        ("source:issi", [2, 3]),
        ("source:ISSI", [2, 3]),
        ("source:mofa", [1, 7, 5, 6]),
        ('source:"mofa japan"', [1, 7, 5]),
        ("source:issi-brief", [2]),
        ("source:50%_off", [4]),
        ("source:%", [4]),
        ("source:_", [4]),  # a literal _, not a LIKE wildcard
        ("-source:mofa", [2, 3, 4]),
        ("source:issi,tdi", [2, 3, 4]),
        # after: / before: / in:
        ("after:2010", [3, 7, 4, 5]),
        ("after:2010-12", [3, 7, 4, 5]),
        ("after:2010-12-30", [2, 3, 7, 4, 5]),
        ("after:2018-01-04", [4, 5]),
        ("before:2011", [1]),
        ("before:2011-01-03", [1, 2, 3]),
        ("before:2019-06", [1, 2, 3, 7, 4]),
        ("before:2019-06-03", [1, 2, 3, 7, 4, 5]),
        ("in:2010", [1, 2]),
        ("in:2011", [2, 3]),
        ("in:2019-06", [5]),
        ("in:2018-06-15", [4]),
        ("in:2018", [7, 4]),
        ("after:2010 before:2019", [3, 7, 4]),
        ("after:2011 before:2011", []),
        # precision: / sources:
        ("precision:day", [1, 3, 7]),
        ("precision:range", [2, 5]),
        ("precision:day,month", [1, 3, 7, 4]),
        ("-precision:day", [2, 4, 5, 6]),
        ("sources:>1", [1, 3, 5]),
        ("sources:2", [1, 5]),
        ("sources:>=3", [3]),
        ("sources:<2", [2, 7, 4, 6]),
        ("sources:<=1", [2, 7, 4, 6]),
        # sort:
        ("sort:date", DATE_ORDER),
        ("sort:-date", [5, 4, 7, 3, 2, 1, 6]),
        ("pakistan sort:-date", [4, 7, 3, 1, 6]),
        ("sort:rank", DATE_ORDER),
        # combined
        ("kono country:pk type:visit after:2009", [1]),
        ("japan -trade country:jp sources:>1 sort:-date", [5, 1]),
    ],
)
def test_results(db: sqlite3.Connection, text: str, ids: list[int]) -> None:
    assert run_all(db, text) == ids


def fts_rank_order(db: sqlite3.Connection, expression: str) -> list[int]:
    """Oracle: FTS5's own bm25 order (ties by id)."""
    rows = db.execute(
        "SELECT e.id FROM events_fts JOIN events e ON e.sort_key = events_fts.rowid"
        " WHERE events_fts MATCH ? ORDER BY rank, e.id",
        [expression],
    )
    return [r[0] for r in rows]


@pytest.mark.parametrize(
    ("text", "expression", "ids"),
    [
        ("trade sort:rank", '"trade"', [3, 6]),
        ("japan sort:rank", '"japan"', None),
        ("pakistan OR japan sort:rank", '"pakistan" OR "japan"', None),
        ("kono sort:rank", '"kono"', None),
    ],
)
def test_rank_sort(
    db: sqlite3.Connection, text: str, expression: str, ids: list[int] | None
) -> None:
    expected = fts_rank_order(db, expression)
    if ids is not None:
        assert expected == ids  # the best match (trade twice, and in the headline) first
    assert run_all(db, text) == expected
    assert run_paged(db, text, 2) == expected


@pytest.mark.parametrize(
    "text", ["", "sort:-date", "japan", "japan sort:-date", "-trade", "country:jp sort:-date"]
)
@pytest.mark.parametrize("size", [1, 2, 3])
def test_keyset_pages_match_one_big_page(db: sqlite3.Connection, text: str, size: int) -> None:
    assert run_paged(db, text, size) == run_all(db, text)


def test_page_columns(db: sqlite3.Connection) -> None:
    for text in ("japan", "japan sort:-date", "japan sort:rank"):
        compiled = compile_query(parse_query(text))
        cursor = db.execute(*page_sql(compiled, None, 3))
        assert tuple(d[0] for d in cursor.description) == PAGE_COLUMNS[compiled.sort]


@pytest.mark.parametrize(
    ("text", "count", "years"),
    [
        ("", 7, [("2010", 2), ("2011", 1), ("2018", 2), ("2019", 1)]),
        ("trade", 2, [("2011", 1)]),
        ("country:pk", 5, [("2010", 1), ("2011", 1), ("2018", 2)]),
        ("kono sort:rank", 2, [("2010", 1), ("2018", 1)]),
        ("-trade", 5, [("2010", 2), ("2018", 2), ("2019", 1)]),
    ],
)
def test_count_and_histogram(
    db: sqlite3.Connection, text: str, count: int, years: list[tuple[str, int]]
) -> None:
    compiled = compile_query(parse_query(text))
    assert db.execute(*count_sql(compiled)).fetchone()[0] == count
    assert db.execute(*year_histogram_sql(compiled)).fetchall() == years


def test_highlights(db: sqlite3.Connection) -> None:
    compiled = compile_query(parse_query("trade"))
    sql, params = highlights_sql(compiled, [3, 6, 1])
    rows = {r[0]: r[1:] for r in db.execute(sql, params)}
    assert set(rows) == {3, 6}
    headline, snippet, _sources = rows[3]
    assert split_highlights(headline) == [("Trade", True), (" agreement signed", False)]
    assert ("trade", True) in split_highlights(snippet)
    assert highlights_sql(compile_query(parse_query("country:pk")), [1]) is None


@pytest.mark.parametrize(
    ("marked", "runs"),
    [
        ("", []),
        ("plain", [("plain", False)]),
        ("a \x02b\x03 c", [("a ", False), ("b", True), (" c", False)]),
        ("\x02a\x03\x02b\x03", [("ab", True)]),
        ("a\x02b", [("a", False), ("b", True)]),
        ("a\x03b", [("ab", False)]),
        ("\x02\x03", []),
        ("<b>x</b>", [("<b>x</b>", False)]),
    ],
)
def test_split_highlights(marked: str, runs: list[tuple[str, bool]]) -> None:
    assert split_highlights(marked) == runs


# ---------------------------------------------------------------------------
# Anything typed compiles to SQL that runs

TOKENS = st.sampled_from(
    ["kono", "Kōno", "trade", "japan", '"', '""', "*", "-", "OR", "AND", "NOT", ":", ",", "'"]
    + ["(", ")", "^", "+", "NEAR", "{", "}", "\x00", "\x02", "\\", "%", "_", ";", "--"]
    + [f"{name}:" for name in FILTER_NAMES]
    + ["pk", "jp,kz", "2010", "2019-06", ">1", ">=2", "rank", "-date", "visit", "day"]
    + ["starred", "corrected,manual", "note", "dates", "Trade", '"big deal"']
)
MIXED = st.lists(st.tuples(TOKENS, st.sampled_from(["", " "])), max_size=14).map(
    lambda pairs: "".join(t + s for t, s in pairs)
)


def check_runs(db: sqlite3.Connection, compiled: CompiledQuery) -> None:
    rows = db.execute(*page_sql(compiled, None, 3)).fetchall()
    if rows:
        db.execute(*page_sql(compiled, tuple(rows[-1]), 3)).fetchall()
    db.execute(*count_sql(compiled)).fetchall()
    db.execute(*year_histogram_sql(compiled)).fetchall()
    highlights = highlights_sql(compiled, [r[0] for r in rows])
    if highlights:
        for row in db.execute(*highlights):
            split_highlights(row[1])
            split_highlights(row[2])


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(), MIXED))
def test_any_input_compiles_to_sql_that_runs(db: sqlite3.Connection, text: str) -> None:
    check_runs(db, compile_query(parse_query(text)))


@pytest.mark.parametrize(
    "text",
    ["country:pk", "country:pk,kz sort:-date", "trade country:pk", "country:jp country:pk"],
)
def test_rare_countries_change_the_plan_not_the_results(db: sqlite3.Connection, text: str) -> None:
    probing = compile_query(parse_query(text))
    fetching = compile_query(parse_query(text), rare_countries={"PK", "KZ"})
    assert probing.where != fetching.where
    for compiled in (probing, fetching):
        assert [r[0] for r in db.execute(*page_sql(compiled, None, 100))] == run_all(db, text)
    assert db.execute(*count_sql(fetching)).fetchall() == db.execute(*count_sql(probing)).fetchall()


@pytest.mark.parametrize(
    "text",
    ["type:meeting", "sources:>1 sort:-date", "country:jp after:2010", "-type:visit in:2018"],
)
def test_few_changes_the_plan_not_the_results(db: sqlite3.Connection, text: str) -> None:
    walking = compile_query(parse_query(text))
    fetching = dataclasses.replace(walking, few=True)
    assert "+e.sort_key" in page_sql(fetching, None, 3)[0]
    for size in (2, 100):
        pages = []
        for compiled in (walking, fetching):
            ids, after = [], None
            while True:
                rows = db.execute(*page_sql(compiled, after, size)).fetchall()
                ids += [r[0] for r in rows]
                if len(rows) < size:
                    break
                after = tuple(rows[-1])
            pages.append(ids)
        assert pages[0] == pages[1] == run_all(db, text)
    assert [r[0] for r in db.execute(*ids_sql(fetching))] == run_all(db, text)
