"""The merge's blocking index: which stored mentions and events could meet a new one.

Two mentions can only be one happening when they share an anchor (a country, a
person's name token) and their days meet, so each stored mention is listed under
its anchors with its days (`mention_blocks`, migration 006); an undated mention,
which merges only with a sentence told again, is listed under its first words in
a fixed order instead (prefix filtering: two word sets with Jaccard overlap ≥ t
share one of the first n - ⌈t·n⌉ + 1 words of each). Spans are grouped by the bit
length of their length in days, so "anchor A, days meeting [lo, hi]" is one index
range per length class, and a lookup costs the same however much the store holds;
only the classes a block kind holds rows of are sought (`mention_block_kinds`, 032).
What the rule tests of the stored mention itself (its types, anchors, words and shape
as bits) is kept once per mention in `mention_traits` (migration 024), not in each of
its rows; only a row under words repeats its anchor bits, which its key does not imply
(migration 030). Events are listed under their people's name tokens for the links (`event_blocks`).
"""

from __future__ import annotations

import bisect
import math
import zlib
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from chronicle import merge
from chronicle.model import Mention
from chronicle.store import pair_filter
from chronicle.store.reader import data_version
from chronicle.store.writer import load_mentions

MERGE_RULE = "3"
"""Which rule built the stored events; a store built by another is regrouped on its next
write. 3: coarse dates of two relationships and periods sharing only an edge are apart."""

KINDS = {"precise": 0, "vague": 1, "undated": 2}

MENTIONS_KEPT = 1024
"""How many mentions the caches of what a lookup asks of a mention keep (a document's
mentions and the candidates they meet): each is looked up four or five times as it is
merged, and its stored partners again while their marks are weighed. Mentions are
frozen, so a cached value cannot go stale."""

WORD_ANCHORS = ("s:", "w:")
"""Block keys of a sentence's words: a row under one carries its mention's anchor bits."""


def under_words(anchor: str = "anchor") -> str:
    """SQL true for a row of `mention_blocks` under words (`WORD_ANCHORS`), as key ranges."""
    return " OR ".join(f"({anchor} >= '{p}' AND {anchor} < '{p[0]};')" for p in WORD_ANCHORS)


UNSHARED_TYPES = frozenset({"other", "statement"})
"""Types that do not make two documents' mentions of one kind (`merge.rules.compatible`)."""

UNDATED_SIMILARITY = 0.9
"""Undated statements merge only at this word overlap (`merge.rules.compatible`)."""

COARSE_SIMILARITY = 0.5
"""The least word overlap at which two documents' mentions, one date containing the
other, are one happening without a shared person or two shared countries
(`merge.rules.across_documents`)."""


PRECISE_SQL = ",".join(f"'{p}'" for p in sorted(merge.PRECISE))
"""The precisions of a precise mention, as an SQL list (`m.precision IN (...)`)."""

_NO_END = 1 << 40
"""A day number after every date."""


def day(value: date) -> int:
    """A date as a day number."""
    return value.toordinal()


def span_class(start: date, end: date) -> int:
    """The length class of a span: spans of class c last fewer than 2**c days after their first."""
    return (end - start).days.bit_length()


def type_slot(kind: str) -> int:
    """A type's place among 62 (a fixed hash: two types may share one, which only lets a
    few more candidates through): its bit in `mention_traits.kinds` and its part of the
    block kinds (`block_kinds`)."""
    return zlib.crc32(kind.encode()) % 62


def type_bit(kind: str) -> int:
    """A type's bit in `mention_traits.kinds`."""
    return 1 << type_slot(kind)


@lru_cache(maxsize=MENTIONS_KEPT)  # each lookup of the mention asks again (`_lookup`)
def block_kinds(mention: Mention, kind: str) -> tuple[int, ...]:
    """The values of `mention_blocks.kind` under which `mention` is listed (`kind` its
    own) or looks up stored mentions of `kind`.

    A dated row's kind holds, above the date's kind (its low two bits, `KINDS`), the slot
    of a type: two documents' dated mentions are one happening only when they share a
    type that can be shared or have the same primary type (`merge.rules.compatible`), so
    a dated mention is listed under the slot of each such type and of its primary, and
    finds only rows under its own slots. A lookup then reads the reports of one kind of
    happening, not every mention of a country in those days (migration 027). Undated
    mentions merge on their words, whatever their types.
    """
    if kind == "undated":
        return (KINDS[kind],)
    slots = {type_slot(t) for t in set(mention.types) - UNSHARED_TYPES}
    slots.add(type_slot(mention.type))
    return tuple((slot << 2) | KINDS[kind] for slot in sorted(slots))


@lru_cache(maxsize=MENTIONS_KEPT)  # every lookup of the mention binds it (`_lookup`)
def anchor_bits(mention: Mention) -> int:
    """Bits of a mention's countries and name tokens (a fixed hash, like `type_bit`):
    two mentions of different documents must share one to be one happening."""
    bits = 0
    for anchor in near_anchors(mention):
        bits |= anchor_bit(anchor)
    return bits


def anchor_bit(anchor: str) -> int:
    """An anchor's bit in `mention_traits.anchor_bits`."""
    return 1 << (zlib.crc32(anchor.encode()) % 62)


@lru_cache(maxsize=MENTIONS_KEPT)  # each weak lookup of the mention binds it (`weak_evidence`)
def word_bits(mention: Mention) -> int:
    """Bits of a mention's content words: two sentences sharing a word share a bit."""
    bits = 0
    for word in merge.words(mention.sentence):
        bits |= 1 << (zlib.crc32(word.encode()) % 62)
    return bits


UNSAID, PEOPLE, TWO_COUNTRIES = 1, 2, 4  # the SQL of `weak_evidence` spells them too
"""Bits of `mention_traits.shape`."""


def shape(mention: Mention) -> int:
    """What the rule across documents asks of a mention besides its anchors."""
    return (
        (UNSAID if not merge.words(mention.sentence) else 0)
        | (PEOPLE if mention.entities.actors else 0)
        | (TWO_COUNTRIES if len(set(mention.entities.countries)) >= 2 else 0)
    )


MOST_PAIRED = 8
"""Most countries whose pairs `strong_ties` spells out (28 terms); a sentence naming more
(a summit's member states) is matched by naming two countries at all."""


def strong_ties(mention: Mention) -> tuple[str, list[object]]:
    """SQL over a stored mention `m` and its traits `t` (a LEFT JOIN) keeping those that
    could be linked to the stored `mention` on more than words (`merge.review.words_only`):
    one of its own document, a precise report of the same days when it is precise, one
    naming one of its people's name tokens, one naming two of its countries (by their
    bits in `anchor_bits`: a shared bit is necessary, not sufficient)."""
    terms = ["m.document_id = (SELECT document_id FROM mentions WHERE key = ?)"]
    params: list[object] = [mention.key]
    if merge.kind_of(mention) == "precise":
        terms.append(f"m.date_start = ? AND m.date_end = ? AND m.precision IN ({PRECISE_SQL})")
        params += [mention.date.date_start.isoformat(), mention.date.date_end.isoformat()]
    tokens = {t for actor in mention.entities.actors for t in actor.key.split()}
    if tokens:
        terms.append(f"t.shape & {PEOPLE} AND t.anchor_bits & ? != 0")
        params.append(sum({anchor_bit(f"p:{t}") for t in tokens}))
    countries = sorted(set(mention.entities.countries))
    if len(countries) > MOST_PAIRED:
        terms.append(f"t.shape & {TWO_COUNTRIES}")
    else:
        for a, b in combinations(countries, 2):
            pair = anchor_bit(f"c:{a}") | anchor_bit(f"c:{b}")
            terms.append(f"t.shape & {TWO_COUNTRIES} AND t.anchor_bits & ? = ?")
            params += [pair, pair]
    return "(" + " OR ".join(f"({t})" for t in terms) + ")", params


@lru_cache(maxsize=MENTIONS_KEPT)  # every lookup of the mention binds it (`_lookup`)
def type_bits(mention: Mention) -> tuple[int, int]:
    """(bits of the types that can make two documents' mentions one, bit of the primary)."""
    kinds = 0
    for kind in set(mention.types) - UNSHARED_TYPES:
        kinds |= type_bit(kind)
    return kinds, type_bit(mention.type)


def mention_anchors(mention: Mention) -> list[str]:
    """Every block key a stored mention is listed under.

    A dated mention is listed under each country ('c:JP') and name token ('p:kono')
    for lookups within a few days, and under each pair of its countries
    ('cc:JP|PK') and its first words ('s:...') for the lookups across a coarse date;
    an undated one under its first words ('w:...').
    """
    if merge.kind_of(mention) == "undated":
        return [f"w:{w}" for w in _prefix_words(mention.sentence, UNDATED_SIMILARITY)]
    return [*near_anchors(mention), *coarse_anchors(mention)]


@lru_cache(maxsize=MENTIONS_KEPT)  # each lookup of the mention starts from them
def near_anchors(mention: Mention) -> tuple[str, ...]:
    """Countries and name tokens: what two mentions of one happening share."""
    return tuple(sorted(a for a in merge.anchors(mention) if not a.startswith("d:")))


def coarse_anchors(mention: Mention) -> list[str]:
    """What a vague date and a mention it contains share when they are one happening
    in two documents (`merge.rules.across_documents`): a person, two countries, or
    words that agree by at least `COARSE_SIMILARITY` (prefix filtering);
    a single country is enough only for two equal spans (`equal_span_anchors`)."""
    pairs = pair_filter.country_pairs(mention)
    people = sorted({f"p:{t}" for actor in mention.entities.actors for t in actor.key.split()})
    words = [f"s:{w}" for w in _prefix_words(mention.sentence, COARSE_SIMILARITY)]
    return [*people, *pairs, *words]


@lru_cache(maxsize=4096)  # each coarse lookup of a sentence's mention asks again
def _prefix_words(sentence: str, threshold: float) -> tuple[str, ...]:
    words = sorted(merge.words(sentence), key=word_order)
    keep = len(words) - math.ceil(threshold * len(words)) + 1
    return tuple(words[:keep]) if words else ()


def word_order(word: str) -> tuple[int, int, str]:
    """The fixed order of content words for prefix filtering: rare words first, those
    of `common_words` last (a lookup then reads short lists), the rest by a hash."""
    return common_words().get(word, -1), zlib.crc32(word.encode()), word


@cache
def common_words() -> dict[str, int]:
    """Each word of `chronicle/data/common_words.txt`, as `merge.words` stems it, with
    its place there (the most common last)."""
    text = files("chronicle.data").joinpath("common_words.txt").read_text(encoding="utf-8")
    places: dict[str, int] = {}
    for place, line in enumerate(text.splitlines()):
        if not line.startswith("#"):
            places.update(dict.fromkeys(merge.words(line), place))
    return places


def relist(db: sqlite_utils.Database) -> None:
    """List every stored mention in the blocks again: migrations 026 (the order words are
    taken in, `word_order`) and 027 (block kinds by type, `block_kinds`). The traits do
    not change."""
    if not rule_is_current(db):
        # The blocks are rebuilt whole at the next write; a regroup under way listed
        # its documents in the old layout, so it starts over.
        from chronicle.store import regrouping  # it lists blocks through this module

        regrouping.start_over_if_under_way(db)
        return
    db.execute("DELETE FROM mention_blocks")
    # Run by migration 027, before 030 gave word rows their anchor bits (which it fills
    # in) and before 032 listed the blocks' kinds (which it fills from the rows).
    columns = {c for _, c, *_ in db.execute("PRAGMA table_info(mention_blocks)")}
    width = 7 if "anchor_bits" in columns else 6
    kinds = db["mention_block_kinds"].exists()
    ids = dict(db.execute("SELECT key, id FROM mentions"))
    keys = sorted(ids)
    for at in range(0, len(keys), 2000):
        mentions = load_mentions(db, keys[at : at + 2000])
        rows = [r[:width] for m in mentions for r in _block_rows(m, ids[m.key])]
        _insert_blocks(db, rows, kinds)


def _place(mention: Mention) -> tuple[tuple[int, ...], int, int, int]:
    """Where a mention's rows sit in the blocks: (block kinds, span class, first day, last day)."""
    kinds = block_kinds(mention, merge.kind_of(mention))
    span = merge.span_of(mention)
    if span is None:
        return kinds, 0, 0, 0
    first, last = day(span.start), day(span.end)
    return kinds, span_class(span.start, span.end), first, last


def index_mentions(db: sqlite_utils.Database, mentions: Sequence[Mention]) -> None:
    """List stored mentions (already in the mentions table) under their anchors, with
    what the rule tests of each mention itself once in `mention_traits` (migration 024)."""
    stored = _stored(db, [m.key for m in mentions])
    rows, traits = [], []
    for m in mentions:
        mention_id, document_id = stored[m.key]
        listed = _block_rows(m, mention_id)
        if listed:
            traits.append(
                (mention_id, document_id, *type_bits(m), anchor_bits(m), word_bits(m), shape(m))
            )
        rows += listed
    _insert_blocks(db, rows)
    # OR REPLACE: a rebuild of the blocks (`merging.rebuild`) lists stored mentions again.
    db.conn.executemany(
        "INSERT OR REPLACE INTO mention_traits (mention_id, document_id, kinds, type_bit, "
        "anchor_bits, word_bits, shape) VALUES (?, ?, ?, ?, ?, ?, ?)",
        traits,
    )


def _block_rows(
    m: Mention, mention_id: int
) -> list[tuple[str, int, int, int, int, int, int | None]]:
    """A stored mention's rows in `mention_blocks`: (anchor, block kind, class, first day,
    last day, mention id, anchor bits of a row under words), one per anchor and block kind."""
    kinds, cls, start, end = _place(m)
    anchors = dict.fromkeys(mention_anchors(m))
    bits = anchor_bits(m)
    return [
        (a, kind, cls, start, end, mention_id, bits if a.startswith(WORD_ANCHORS) else None)
        for a in anchors
        for kind in kinds
    ]


_BLOCK_COLUMNS = (
    "anchor",
    "kind",
    "span_class",
    "start_day",
    "end_day",
    "mention_id",
    "anchor_bits",
)


def _insert_blocks(db: sqlite_utils.Database, rows: Sequence[tuple], kinds: bool = True) -> None:
    """Insert rows of `_block_rows`, or their first six fields (the layout before 030),
    and list their (kind, class) pairs unless `kinds` is False (before migration 032)."""
    if not rows:
        return
    columns = _BLOCK_COLUMNS[: len(rows[0])]
    marks = ", ".join("?" * len(columns))
    # A plain INSERT: OR IGNORE would also drop a row that breaks a NOT NULL silently.
    db.conn.executemany(f"INSERT INTO mention_blocks ({', '.join(columns)}) VALUES ({marks})", rows)
    if kinds:
        db.conn.executemany(
            "INSERT OR IGNORE INTO mention_block_kinds (kind, span_class) VALUES (?, ?)",
            sorted({(row[1], row[2]) for row in rows}),
        )


def unindex_document(db: sqlite_utils.Database, document_id: int) -> None:
    """Take a document's mentions out of the blocks (before the mentions are deleted).

    The rows are found by their keys, recomputed from each mention, so the blocks need
    no second index by mention (it was as large as a third of the blocks themselves).
    """
    ids = dict(db.execute("SELECT key, id FROM mentions WHERE document_id = ?", [document_id]))
    rows = [
        (a, kind, cls, start, mention_id)
        for m in load_mentions(db, sorted(ids))
        for a, kind, cls, start, _, mention_id, _ in _block_rows(m, ids[m.key])
    ]
    db.conn.executemany(
        "DELETE FROM mention_blocks WHERE anchor = ? AND kind = ? AND span_class = ? "
        "AND start_day = ? AND mention_id = ?",
        rows,
    )


def _stored(db: sqlite_utils.Database, keys: Sequence[str]) -> dict[str, tuple[int, int]]:
    """key -> (mention id, document id) of stored mentions."""
    out: dict[str, tuple[int, int]] = {}
    for at in range(0, len(keys), 500):
        chunk = keys[at : at + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT key, id, document_id FROM mentions WHERE key IN ({marks})"
        out |= {key: (i, d) for key, i, d in db.execute(sql, chunk)}
    return out


def _classes(db: sqlite_utils.Database) -> list[int]:
    """The span classes of the events' blocks (`event_blocks`)."""
    return [r[0] for r in db.execute("SELECT span_class FROM block_classes ORDER BY span_class")]


def _written(db: sqlite_utils.Database) -> tuple[int, int]:
    """What has been written to the store, by this connection or by another process: a
    key for what is read once and kept until the next write."""
    return db.conn.total_changes, data_version(db.conn)


def _held(db: sqlite_utils.Database) -> frozenset[tuple[int, int]]:
    """The (block kind, span class) pairs `mention_blocks` holds rows of (migration 032)."""
    return _held_as_of(db, _written(db))


@lru_cache(maxsize=4)
def _held_as_of(db: sqlite_utils.Database, written: tuple[int, int]) -> frozenset[tuple[int, int]]:
    """`_held`, read once for all the lookups between two writes. A pair is only ever
    added by a write, which changes `written`; one a rolled-back write added stays here
    until the next, which costs an empty seek, not a missed row."""
    return frozenset(db.execute("SELECT kind, span_class FROM mention_block_kinds"))


def _classes_in(held: frozenset[tuple[int, int]]) -> list[int]:
    """The span classes of the mentions' blocks."""
    return sorted({cls for _, cls in held})


def nearby(
    db: sqlite_utils.Database,
    mention: Mention,
    kind: str,
    anchors: Sequence[str],
    reach: int = 0,
    free_only: bool = False,
    weak: bool = False,
) -> list[tuple[str, int | None, str | None]]:
    """Stored mentions of `kind` listed under any of `anchors` whose days meet the mention's.

    Only mentions another document could share the event with are listed: sharing
    a country or a name token, of a common type unless undated
    (`merge.rules.compatible`), and passing every other test of the rule that needs
    no words (`pair_filter.could_link`); `same_document` lists the mention's own document.

    Args:
        anchors: Block keys to look under (`near_anchors`, `coarse_anchors`, ...).
        reach: Days beyond the mention's span that still count as meeting.
        free_only: Only vague mentions attached to no precise one.
        weak: The anchors share no person and few words (two countries): keep only
            what `weak_evidence` allows.

    Returns:
        (key, event id, fit key) of each, in key order.
    """
    span = merge.span_of(mention)
    held = _held(db)
    if span is None:
        lo, hi, classes = 0, 0, [0]
    else:
        lo = day(merge.shift(span.start, -reach))
        hi = day(merge.shift(span.end, reach))
        classes = _classes_in(held)
    ranges = [(a, c, lo - (1 << c) + 1, hi, lo, _NO_END) for a in anchors for c in classes]
    extra = weak_evidence(mention) if weak else None
    return _lookup(db, mention, kind, ranges, free_only, extra, held=held)


def near_precise(
    db: sqlite_utils.Database, mention: Mention
) -> list[tuple[str, int | None, str | None]]:
    """What `nearby` finds of the precise mentions within `merge.NEAR_DAYS` of a precise
    one under its countries and name tokens, reading a few rows where that read every
    report naming one of its countries in those days.

    Across documents two precise reports of different days are one happening only when
    a person or two countries are in common (`merge.rules.across_documents`): those rows
    are found under the name tokens and country pairs over the days (`could_link` drops
    the same others). A single country is looked up only over the exact spans it can
    still tie: the mention's own, and those of its own document (which the rule within
    one document judges), as point ranges.
    """
    span = merge.span_of(mention)
    lo = merge.shift(span.start, -merge.NEAR_DAYS)
    hi = merge.shift(span.end, merge.NEAR_DAYS)
    spans = {(span.start, span.end), *_own_document_spans(db, mention, lo, hi)}
    points = [
        (a, span_class(start, end), day(start), day(start), day(end), day(end))
        for start, end in sorted(spans)
        for a in near_anchors(mention)
    ]
    ties = [a for a in near_anchors(mention) if a.startswith("p:")]
    ties += pair_filter.country_pairs(mention)
    held = _held(db)
    days = [(c, day(lo) - (1 << c) + 1, day(hi), day(lo), _NO_END) for c in _classes_in(held)]
    ranges = points + [(a, *d) for a in ties for d in days]
    return _lookup(db, mention, "precise", ranges, free_only=False, held=held)


def _own_document_spans(
    db: sqlite_utils.Database, mention: Mention, lo: date, hi: date
) -> list[tuple[date, date]]:
    """The spans of the precise mentions of the mention's document meeting [lo, hi]."""
    row = db.execute("SELECT document_id FROM mentions WHERE key = ?", [mention.key]).fetchone()
    if row is None:
        return []
    starts, spans, longest = _precise_spans(db, row[0], _written(db))
    # A span meeting [lo, hi] starts at most `longest` days before lo.
    first = bisect.bisect_left(starts, day(lo) - longest)
    return [(s, e) for s, e in spans[first : bisect.bisect_right(starts, day(hi))] if e >= lo]


@lru_cache(maxsize=4)
def _precise_spans(
    db: sqlite_utils.Database, document_id: int, written: tuple[int, int]
) -> tuple[list[int], list[tuple[date, date]], int]:
    """A document's precise spans by first day (first days, spans, longest in days), read
    once for all its mentions' lookups: a file of thousands of mentions read them all
    for each. `written` (the connection's changes and the file's data version) keys out
    what a write changed."""
    rows = db.execute(
        f"SELECT DISTINCT date_start, date_end FROM mentions WHERE document_id = ? "
        f"AND precision IN ({PRECISE_SQL})",
        [document_id],
    )
    spans = sorted((date.fromisoformat(a), date.fromisoformat(b)) for a, b in rows)
    longest = max(((e - s).days for s, e in spans), default=0)
    return [day(s) for s, _ in spans], spans, longest


def equal_span(
    db: sqlite_utils.Database, mention: Mention, kind: str, free_only: bool = False
) -> list[tuple[str, int | None, str | None]]:
    """Stored mentions of `kind` sharing a country or a person with a dated mention
    whose span is exactly its own (two reports of "in 2019" need no more in common)."""
    span = merge.span_of(mention)
    first, last = day(span.start), day(span.end)
    cls = span_class(span.start, span.end)
    ranges = [(a, cls, first, first, last, last) for a in near_anchors(mention)]
    extra = weak_evidence(mention, equal=True)
    return _lookup(db, mention, kind, ranges, free_only, extra, held=_held(db))


def weak_evidence(mention: Mention, equal: bool = False) -> tuple[str, list[int]]:
    """SQL keeping the rows that could be one happening with `mention` in another
    document without a shared person and without agreeing wording (those are found
    under the people and word anchors): then the rule across documents
    (`merge.rules.across_documents`) wants that not both name people, some word in
    common unless one says nothing else, and for two equal spans not two different
    pairs of countries."""
    form = shape(mention)
    sql = " AND NOT (? AND t.shape & 2) AND (? OR t.shape & 1 OR t.word_bits & ? != 0)"
    params = [int(bool(form & PEOPLE)), int(bool(form & UNSAID)), word_bits(mention)]
    if equal:
        sql += " AND NOT (? AND t.shape & 4)"
        params.append(int(bool(form & TWO_COUNTRIES)))
    return sql, params


def _lookup(
    db: sqlite_utils.Database,
    mention: Mention,
    kind: str,
    ranges: Sequence[tuple[str, int, int, int, int, int]],
    free_only: bool,
    extra: tuple[str, list[int]] | None = None,
    *,
    held: frozenset[tuple[int, int]],
) -> list[tuple[str, int | None, str | None]]:
    """Rows under (anchor, class, first start, last start, first end, last end) ranges,
    each read under every block kind the mention looks up (`block_kinds`) that holds
    rows of that class (`held`: `_held`)."""
    found: dict[str, tuple[str, int | None, str | None]] = {}
    if kind != "undated":
        linked = _could_link(mention)
    kinds = block_kinds(mention, kind)
    seeks = [(a, k, *rest) for a, *rest in ranges for k in kinds if (k, rest[0]) in held]
    for at in range(0, len(seeks), 200):
        chunk = seeks[at : at + 200]
        values = ",".join("(?, ?, ?, ?, ?, ?, ?)" for _ in chunk)
        sql = (
            f"WITH q(anchor, kind, cls, lo, hi, end_lo, end_hi) AS (VALUES {values}) "
            "SELECT m.key, m.event_id, m.fit_key FROM q "
            "JOIN mention_blocks b ON b.anchor = q.anchor AND b.kind = q.kind "
            "AND b.span_class = q.cls AND b.start_day BETWEEN q.lo AND q.hi "
            "JOIN mention_traits t ON t.mention_id = b.mention_id "
            "JOIN mentions m ON m.id = b.mention_id WHERE b.end_day BETWEEN q.end_lo AND q.end_hi "
            # Tested on the row before its traits are read; a row under a country, a
            # person or a pair (NULL) shares that anchor with the mention already.
            "AND (b.anchor_bits IS NULL OR b.anchor_bits & ? != 0) AND t.anchor_bits & ? != 0"
            + ("" if kind == "undated" else " AND (t.kinds & ? != 0 OR t.type_bit = ?)")
            + (" AND m.fit_key IS NULL" if free_only else "")
            + (extra[0] if extra else "")
        )
        params = [x for r in chunk for x in r] + [anchor_bits(mention)] * 2
        if kind != "undated":
            params += type_bits(mention)
        params += extra[1] if extra else []
        if kind != "undated":
            sql += linked[0]
            params += linked[1]
        for key, event_id, fit_key in db.execute(sql, params):
            found[key] = (key, event_id, fit_key)
    return [found[k] for k in sorted(found)]


@lru_cache(maxsize=MENTIONS_KEPT)
def _could_link(mention: Mention) -> tuple[str, tuple[object, ...]]:
    span = merge.span_of(mention)
    sql, params = pair_filter.could_link(
        mention, day(span.start), day(span.end), type_bit(mention.type), near_anchors(mention)
    )
    return sql, tuple(params)


def same_document(
    db: sqlite_utils.Database, mention: Mention, kind: str, free_only: bool = False
) -> list[tuple[str, int | None, str | None]]:
    """Stored mentions of `kind` in the mention's own document whose days meet its own.

    Two mentions of one document share an anchor (the document) even when they name
    no common country or person, which the blocks do not list.
    """
    span = merge.span_of(mention)
    if span is None:
        return []
    test = "IN" if kind == "precise" else "NOT IN"
    rows = db.execute(
        "SELECT m.key, m.event_id, m.fit_key FROM mentions m JOIN documents d "
        "ON d.id = m.document_id WHERE d.path = ? AND m.date_start <= ? AND m.date_end >= ? "
        f"AND m.precision {test} ({PRECISE_SQL})" + (" AND m.fit_key IS NULL" if free_only else ""),
        [mention.document, span.end.isoformat(), span.start.isoformat()],
    ).fetchall()
    return [tuple(r) for r in rows if r[0] != mention.key]


def index_event(db: sqlite_utils.Database, event_id: int, draft: merge.EventDraft) -> None:
    """List a written event under its people's name tokens (dated events only)."""
    span = merge.span_of(draft.best)
    if span is None or draft.type == "citation":
        return
    tokens = sorted({t for key in draft.actor_keys for t in key.split()})
    cls = span_class(span.start, span.end)
    db.conn.executemany(
        "INSERT OR IGNORE INTO event_blocks (token, span_class, start_day, end_day, event_id) "
        "VALUES (?, ?, ?, ?, ?)",
        [(t, cls, day(span.start), day(span.end), event_id) for t in tokens],
    )
    db.conn.execute("INSERT OR IGNORE INTO block_classes (span_class) VALUES (?)", [cls])


def reindex_event(db: sqlite_utils.Database, event_id: int, draft: merge.EventDraft) -> None:
    """List a rewritten event under its people and days as they are now."""
    db.conn.execute("DELETE FROM event_blocks WHERE event_id = ?", [event_id])
    index_event(db, event_id, draft)


def events_near(
    db: sqlite_utils.Database, tokens: Iterable[str], start: date, end: date
) -> list[int]:
    """Ids of dated events naming one of these name tokens whose days meet [start, end]."""
    tokens = sorted(set(tokens))
    if not tokens:
        return []
    lo, hi = day(start), day(end)
    ranges = [(t, c, lo - (1 << c) + 1) for t in tokens for c in _classes(db)]
    found: set[int] = set()
    for at in range(0, len(ranges), 300):
        chunk = ranges[at : at + 300]
        values = ",".join("(?, ?, ?)" for _ in chunk)
        sql = (
            f"WITH q(token, cls, lo) AS (VALUES {values}) SELECT b.event_id FROM q "
            "JOIN event_blocks b ON b.token = q.token AND b.span_class = q.cls "
            "AND b.start_day BETWEEN q.lo AND ? WHERE b.end_day >= ?"
        )
        found.update(r[0] for r in db.execute(sql, [x for r in chunk for x in r] + [hi, lo]))
    return sorted(found)


def rule_is_current(db: sqlite_utils.Database) -> bool:
    """True when the stored events were built by this merge rule."""
    row = db.execute("SELECT value FROM meta WHERE key = 'merge_rule'").fetchone()
    return row is not None and row[0] == MERGE_RULE


def unmark_rule(db: sqlite_utils.Database) -> None:
    """Record that the stored events follow no rule yet (a regroup has begun)."""
    db.execute("DELETE FROM meta WHERE key = 'merge_rule'")


def mark_rule(db: sqlite_utils.Database) -> None:
    """Record that the stored events follow this merge rule."""
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('merge_rule', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [MERGE_RULE],
    )
