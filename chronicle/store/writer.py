"""Rows in and out: mentions and events as the tables store them.

The low-level half of writing; `chronicle.store.documents` decides what to
write and `chronicle.store.merging` which events to rewrite.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from chronicle import merge
from chronicle.lexicon import country_name
from chronicle.merge.state import EventState, best_first, state_of
from chronicle.model import Actor, DateMatch, Entities, Mention
from chronicle.names import name_key
from chronicle.store.reader import row_actors, row_countries

_MENTION_COLUMNS = (
    "m.key, d.path, m.sentence, m.paragraph, m.char_start, "
    "m.char_end, m.date_text, m.date_start, m.date_end, m.precision, m.modifier, m.detail, "
    "m.type, m.types, m.actors, m.countries, m.organisations, m.headline, m.footnotes, m.anchor"
)
_PLACES = "m.document_id, m.sentence_start, m.sentence_end, m.paragraph_start, m.paragraph_end"
_PLACED_AT = _MENTION_COLUMNS.count(",") + 1
"""Where `_PLACES` starts in a row selected with both."""


def mention_row(mention: Mention, document_id: int, text: str | None = None) -> dict[str, object]:
    """The mentions-table row for a mention.

    Args:
        mention: The mention.
        document_id: Its document's row.
        text: The document's cleaned text. With it, a sentence or paragraph found
            there is stored as where it stands (`<column>_start`, `<column>_end`)
            instead of as text; without it the table's trigger searches for them
            on insert, at a higher cost (db/007_paragraphs.sql).

    Each actor is stored as a list [name, key, role, country].
    """
    d = mention.date
    return {
        "key": mention.key,
        "document_id": document_id,
        **_placed("sentence", mention.sentence, text, d.end),
        **_placed("paragraph", mention.paragraph, text, d.end),
        "char_start": d.start,
        "char_end": d.end,
        "date_text": d.text,
        "date_start": d.date_start.isoformat() if d.date_start else None,
        "date_end": d.date_end.isoformat() if d.date_end else None,
        "precision": d.precision,
        "modifier": d.modifier,
        "detail": d.detail,
        "anchor": d.anchor,
        "type": mention.type,
        "types": _json(mention.types),
        "actors": _json([a.name, a.key, a.role, a.country] for a in mention.entities.actors),
        "countries": _json(mention.entities.countries),
        "organisations": _json(mention.entities.organisations),
        "headline": mention.headline,
        "footnotes": _json(mention.footnotes),
    }


INLINE_ABOVE = 256 * 1024
"""Characters above which a document's mentions keep their sentence and paragraph as
text instead of as offsets into it: SQLite reads a whole text to take a substring,
so slicing a large document for each event shown or indexed would read all of it
(db/014_inline_texts.sql)."""


def keeps_texts_inline(text: str) -> bool:
    """Whether the mentions of a document with this text keep their texts inline."""
    return len(text) > INLINE_ABOVE


def _placed(column: str, part: str, text: str | None, date_end: int) -> dict[str, object]:
    """`column` as text, or as the place in `text` where it stands around the date.

    The search starts where an occurrence ending at the date's end would start, as
    the trigger's does. SQLite's substr stops at a NUL, so a text holding one is
    never sliced.
    """
    at = -1
    if text is not None and _nul_free(text):
        # An occurrence holding the date starts within one length of it: a bounded
        # search keeps a long document's cost linear in its mentions.
        at = text.find(part, max(0, date_end - len(part)), date_end + len(part))
    if at < 0:
        return {column: part, f"{column}_start": None, f"{column}_end": None}
    return {column: None, f"{column}_start": at, f"{column}_end": at + len(part)}


@lru_cache(maxsize=1)
def _nul_free(text: str) -> bool:
    """Whether a document's text holds no NUL, checked once per document, not per mention."""
    return "\x00" not in text


def _json(items: Iterable[object]) -> str:
    """A JSON list without spaces or escaped letters: the table holds one per mention."""
    return json.dumps(list(items), separators=(",", ":"), ensure_ascii=False)


def mention_from_row(row: Sequence) -> Mention:
    """Rebuild a Mention from a row selected with `_MENTION_COLUMNS`."""
    (
        key,
        path,
        sentence,
        paragraph,
        start,
        end,
        date_text,
        ds,
        de,
        precision,
        modifier,
        detail,
        type_,
        types,
        actors,
        countries,
        orgs,
        headline,
        footnotes,
        anchor,
    ) = row
    return Mention(
        key=key,
        document=path,
        sentence=sentence,
        paragraph=paragraph,
        date=DateMatch(
            start=start,
            end=end,
            date_start=date.fromisoformat(ds) if ds else None,
            date_end=date.fromisoformat(de) if de else None,
            precision=precision,
            text=date_text,
            modifier=modifier,
            detail=detail,
            anchor=anchor,
        ),
        type=type_,
        types=tuple(json.loads(types)),
        entities=Entities(
            actors=tuple(Actor(*a) for a in json.loads(actors)),
            countries=tuple(json.loads(countries)),
            organisations=tuple(json.loads(orgs)),
        ),
        headline=headline,
        footnotes=tuple(json.loads(footnotes)),
    )


def document_id_for_path(db: sqlite_utils.Database, path: str) -> int | None:
    """The id of the document last ingested from `path`, if any."""
    row = db.execute("SELECT id FROM documents WHERE path = ?", [path]).fetchone()
    return row[0] if row else None


def has_hash(db: sqlite_utils.Database, content_hash: str) -> bool:
    """True when a document with these exact contents is already stored."""
    return path_for_hash(db, content_hash) is not None


def path_for_hash(db: sqlite_utils.Database, content_hash: str) -> str | None:
    """The path of the stored document with these exact contents, if any."""
    row = db.execute("SELECT path FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def extractor_for_hash(db: sqlite_utils.Database, content_hash: str) -> str | None:
    """The fingerprint of the rules that read the stored document with these contents."""
    row = db.execute(
        "SELECT extractor FROM documents WHERE content_hash = ?", [content_hash]
    ).fetchone()
    return row[0] if row else None


def keys_of_events(db: sqlite_utils.Database, event_ids: Iterable[int]) -> set[str]:
    """Keys of every mention of these events."""
    ids = list(event_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in db.execute(f"SELECT key FROM mentions WHERE event_id IN ({marks})", ids)}


def load_mentions(db: sqlite_utils.Database, keys: Sequence[str]) -> list[Mention]:
    """Mentions by key, as model objects.

    A sentence or paragraph stored as a place in its document is sliced here, from
    the document's text read once, not by SQL's substr: that reads the whole text
    again for every mention, which made a long document's mentions cost the square
    of its length.
    """
    out = []
    texts: dict[int, str] = {}
    for chunk_start in range(0, len(keys), 500):
        chunk = keys[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT {_MENTION_COLUMNS}, {_PLACES} FROM mentions m JOIN documents d "
            f"ON d.id = m.document_id WHERE m.key IN ({marks})",
            chunk,
        ).fetchall()
        unplaced = {r[_PLACED_AT] for r in rows if r[2] is None or r[3] is None}
        _read_texts(db, unplaced - set(texts), texts)
        out.extend(mention_from_row(_placed_back(r, texts)) for r in rows)
    return out


def _read_texts(db: sqlite_utils.Database, ids: set[int], into: dict[int, str]) -> None:
    if ids:
        marks = ",".join("?" * len(ids))
        into.update(db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", [*ids]))


def _placed_back(row: Sequence, texts: dict[int, str]) -> tuple:
    """A row of `_MENTION_COLUMNS` with its sentence and paragraph cut from the document."""
    document_id, s_start, s_end, p_start, p_end = row[_PLACED_AT:]
    sentence = row[2] if row[2] is not None else texts[document_id][s_start:s_end]
    paragraph = row[3] if row[3] is not None else texts[document_id][p_start:p_end]
    return (row[0], row[1], sentence, paragraph, *row[4:_PLACED_AT])


def delete_events(db: sqlite_utils.Database, event_ids: Iterable[int]) -> None:
    """Delete events, leaving their mentions unassigned (to be merged again)."""
    for event_id in event_ids:
        db.execute("UPDATE mentions SET event_id = NULL WHERE event_id = ?", [event_id])
        db.execute("DELETE FROM events WHERE id = ?", [event_id])


def event_row(state: EventState) -> dict[str, object]:
    """The events-table row of an event with these totals.

    Lists start with what the best mention names, in its order, and go on sorted,
    so the row depends only on the event's mentions, not on the order they came in.
    The headline, sentences and publishers the search index reads are not in the row:
    the view `event_text` takes them from the best mention and the members (db/012).
    """
    best = state.best
    d = best.date
    names = best_first((state.names[a.key] for a in best.entities.actors), state.names.values())
    countries = best_first(best.entities.countries, state.countries)
    organisations = best_first(best.entities.organisations, state.organisations)
    return {
        "key": state.key,
        "date_start": d.date_start.isoformat() if d.date_start else None,
        "date_end": d.date_end.isoformat() if d.date_end else None,
        "precision": d.precision,
        "type": state.type,
        "actors": _actors_text(names),
        "countries": _countries_text(countries),
        "organisations": " ".join(organisations),
        "source_count": state.count,
        "conflict": int(state.conflict),
        "best_key": best.key,
        "votes": json.dumps(state.votes, separators=(",", ":"), sort_keys=True),
        "latest_start": state.latest_start.isoformat() if state.latest_start else None,
        "earliest_end": state.earliest_end.isoformat() if state.earliest_end else None,
    }


def _actors_text(names: Sequence[str]) -> str:
    """The row's people: display names, in order (the search index reads them)."""
    return "; ".join(names)


def _countries_text(codes: Sequence[str]) -> str:
    """The row's countries: codes, then their names (the search index reads both)."""
    return " ".join([*codes, *(country_name(c) for c in codes)])


def write_event(db: sqlite_utils.Database, draft: merge.EventDraft) -> int:
    """Insert the event a draft describes, point its mentions at it, return its id.

    It enters the search index when the write is done (`index_pending`).
    """
    state = state_of(draft.mentions)
    row = event_row(state)
    columns = ", ".join(row)
    event_id = db.conn.execute(
        f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    ).lastrowid
    point_mentions(db, event_id, [m.key for m in draft.mentions])
    _write_tags(db, event_id, state)
    return event_id


def update_event(
    db: sqlite_utils.Database, event_id: int, state: EventState, new_keys: Sequence[str]
) -> None:
    """Rewrite a stored event's row from new totals and point `new_keys` at it.

    Its other mentions stay where they are: the cost is the row's, not the event's size.
    It is back in the search index when the write is done (`index_pending`).
    """
    row = event_row(state)
    held = corrected_fields(db, event_id)
    if held:
        row = _keep_corrected(db, event_id, row, state, held)
    changed = _changed_columns(db, event_id, row)
    if changed:
        assignments = ", ".join(f"{c} = ?" for c in changed)
        db.conn.execute(
            f"UPDATE events SET {assignments} WHERE id = ?", [*changed.values(), event_id]
        )
    point_mentions(db, event_id, new_keys)
    _write_tags(db, event_id, state, held)


def _changed_columns(
    db: sqlite_utils.Database, event_id: int, row: Mapping[str, object]
) -> dict[str, object]:
    """The columns of `row` whose stored values differ.

    SQLite rewrites an index entry, and fires an UPDATE OF trigger, for every column
    named in the SET clause, changed or not: a report joining an event mostly changes
    its source count and votes, and setting every column moved its entries in all
    four indexes of `events` and took its search row out and back.
    """
    stored = db.conn.execute(
        f"SELECT {', '.join(row)} FROM events WHERE id = ?", [event_id]
    ).fetchone()
    return {c: v for (c, v), old in zip(row.items(), stored, strict=True) if v != old}


_INDEXED = "headline, text, actors, countries, organisations, sources_text, publishers"


def index_pending(db: sqlite_utils.Database) -> None:
    """Put the events a write took out of the search index back in, with their text now.

    The triggers of db/012_compact.sql take an event out (and mark it) before any change
    to what the index holds for it; it is put back once, after its last change: a
    merge calls this when it has written every event, linked them and weighed their
    review marks (`merging._Change.write`), so an event changed twice in one write, or
    written and then deleted, is indexed once or not at all, and a document writing
    many events puts them back in one statement.
    """
    db.conn.execute(
        f"INSERT INTO events_fts (rowid, {_INDEXED}) "
        f"SELECT sort_key, {_INDEXED} FROM event_text WHERE indexed = 0"
    )
    db.conn.execute("UPDATE events SET indexed = 1 WHERE indexed = 0")


def move_mentions(db: sqlite_utils.Database, event_ids: Sequence[int], to: int) -> None:
    """Make every mention of these events a member of event `to`."""
    for event_id in event_ids:
        db.conn.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [to, event_id])


def point_mentions(db: sqlite_utils.Database, event_id: int, keys: Sequence[str]) -> None:
    """Make these mentions members of the event."""
    for at in range(0, len(keys), 500):
        chunk = keys[at : at + 500]
        marks = ",".join("?" * len(chunk))
        db.conn.execute(
            f"UPDATE mentions SET event_id = ? WHERE key IN ({marks})", [event_id, *chunk]
        )


def _write_tags(
    db: sqlite_utils.Database, event_id: int, state: EventState, held: frozenset[str] = frozenset()
) -> None:
    """The event's country and person rows (one per country code and person key).

    Those the analyst corrected (`held`) are left as the correction made them: the
    machine's are kept in corrected_events (`_keep_corrected`).
    """
    # Plain statements, not sqlite_utils' insert: it reads the schema on every call,
    # and an event is written for each mention a document adds.
    if "countries" not in held:
        db.conn.executemany(
            "INSERT OR IGNORE INTO event_countries (event_id, code) VALUES (?, ?)",
            [(event_id, c) for c in sorted(state.countries)],
        )
    if "actors" not in held:
        db.conn.executemany(
            "INSERT INTO event_actors (event_id, actor_key, name) VALUES (?, ?, ?) "
            "ON CONFLICT (actor_key, event_id) DO UPDATE SET name = excluded.name "
            "WHERE excluded.name < name",
            sorted((event_id, k, n) for k, n in state.names.items()),
        )


def load_state(db: sqlite_utils.Database, event_id: int) -> EventState:
    """The totals of a stored event, read from its row and tags, not from its mentions.

    Its sentences and publishers are left empty: the row no longer holds them (the
    search index reads them from the members), so nothing written needs them.
    """
    key, best_key, count, votes, latest, earliest, orgs = db.execute(
        "SELECT key, best_key, source_count, votes, latest_start, earliest_end, organisations "
        "FROM events WHERE id = ?",
        [event_id],
    ).fetchone()
    if best_key is None:  # stored before migration 009: total its mentions once
        return _state_from_mentions(db, event_id)
    [best] = load_mentions(db, [best_key])
    people, codes = _machine_tags(db, event_id)
    return EventState(
        key=key,
        best=best,
        count=count,
        votes=json.loads(votes),
        latest_start=date.fromisoformat(latest) if latest else None,
        earliest_end=date.fromisoformat(earliest) if earliest else None,
        names=dict(people),
        countries=frozenset(codes),
        organisations=frozenset(orgs.split()),
        sentences=(),
    )


def _state_from_mentions(db: sqlite_utils.Database, event_id: int) -> EventState:
    keys = [r[0] for r in db.execute("SELECT key FROM mentions WHERE event_id = ?", [event_id])]
    return state_of(load_mentions(db, keys))


def publishers_of(db: sqlite_utils.Database, paths: Iterable[str]) -> list[str]:
    """The publishers and file names of the documents at these paths."""
    paths = _unique(paths)
    marks = ",".join("?" * len(paths))
    rows = db.execute(
        f"SELECT publisher, name FROM documents WHERE path IN ({marks})", paths
    ).fetchall()
    return _unique(x for row in rows for x in row if x)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


# Corrections -------------------------------------------------------------------

ROW_FIELDS = ("date_start", "date_end", "precision", "type")
"""Corrected fields that are columns of the events row (ordering, filters and counts use them)."""

_TAGS = {
    "actors": ("event_actors", ("actor_key", "name")),
    "countries": ("event_countries", ("code",)),
}
"""Corrected fields kept as the row's text and as tag rows (the actor: and country:
filters, the facets and the counts read the rows), with their table and columns."""


def corrected_fields(db: sqlite_utils.Database, event_id: int) -> frozenset[str]:
    """The fields of the event its rows show as the analyst corrected them."""
    held = _held(db, event_id)
    return frozenset(held[0]) if held else frozenset()


def _held(db: sqlite_utils.Database, event_id: int) -> tuple[dict, dict] | None:
    """(correction, machine) the event's rows show and keep aside, or None."""
    row = db.conn.execute(
        "SELECT correction, machine FROM corrected_events WHERE event_id = ?", [event_id]
    ).fetchone()
    return (json.loads(row[0]), json.loads(row[1])) if row else None


def correct_event(
    db: sqlite_utils.Database,
    event_id: int,
    correction: Mapping[str, object],
    annotations: Sequence[int],
) -> None:
    """Make the event's rows show `correction` (empty: the machine's values again).

    A field corrected for the first time keeps what its rows held, the machine's value,
    in corrected_events; a field no longer corrected gets it back, exactly as it was.
    The headline is kept in corrected_events only: the search index reads it there
    (db/022_corrected_search.sql).

    Args:
        correction: Field (one of `model.CORRECTABLE`) -> the analyst's value.
        annotations: The annotations whose corrections, combined, `correction` is.
    """
    before, machine = _held(db, event_id) or ({}, {})
    for field in before:
        if field not in correction and field in machine:
            _put(db, event_id, field, machine[field])
    kept = {
        f: machine[f] if f in before and f in machine else row_value(db, event_id, f)
        for f in correction
        if f != "headline"
    }
    for field, value in correction.items():
        if field not in before or before[field] != value:
            _put(db, event_id, field, row_form(field, value))
    conn = db.conn
    if not correction:
        conn.execute("DELETE FROM corrected_events WHERE event_id = ?", [event_id])
    elif before:
        conn.execute(
            "UPDATE corrected_events SET correction = ?, machine = ? WHERE event_id = ?",
            [_dumps(correction), _dumps(kept), event_id],
        )
    else:
        conn.execute(
            "INSERT INTO corrected_events (event_id, correction, machine) VALUES (?, ?, ?)",
            [event_id, _dumps(correction), _dumps(kept)],
        )
    conn.execute("DELETE FROM corrections_applied WHERE event_id = ?", [event_id])
    if correction:
        conn.executemany(
            "INSERT OR REPLACE INTO corrections_applied (annotation_id, event_id) VALUES (?, ?)",
            [(a, event_id) for a in annotations],
        )
    index_pending(db)
    from chronicle.store import merging, neighbours  # they read and write through here

    neighbours.relist(db, event_id)
    merging.relink(db, event_id)


def machine_shown(db: sqlite_utils.Database, event_id: int) -> dict[str, object]:
    """The machine's value of each field the event's rows show corrected, as an Event
    shows it (people and countries as lists), and its best mention's headline."""
    held = _held(db, event_id)
    if held is None:
        return {}
    _, machine = held
    shown: dict[str, object] = {k: machine[k] for k in ROW_FIELDS if k in machine}
    if "actors" in machine:
        shown["actors"] = list(row_actors(machine["actors"]["text"]))
    if "countries" in machine:
        shown["countries"] = list(row_countries(machine["countries"]["text"]))
    [(headline,)] = db.conn.execute(
        "SELECT m.headline FROM events e JOIN mentions m ON m.key = e.best_key WHERE e.id = ?",
        [event_id],
    ).fetchall()
    shown["headline"] = headline
    return shown


def row_value(db: sqlite_utils.Database, event_id: int, field: str) -> object:
    """What the event's rows hold for a corrected field, in the form corrected_events keeps."""
    conn = db.conn
    if field in ROW_FIELDS:
        return conn.execute(f"SELECT {field} FROM events WHERE id = ?", [event_id]).fetchone()[0]
    table, columns = _TAGS[field]
    [text] = conn.execute(f"SELECT {field} FROM events WHERE id = ?", [event_id]).fetchone()
    rows = conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE event_id = ? ORDER BY 1", [event_id]
    )
    return {"text": text, "tags": [list(r) if len(r) > 1 else r[0] for r in rows]}


def row_form(field: str, value: object) -> object:
    """A corrected value in the form corrected_events keeps (None: kept nowhere else)."""
    if field in ROW_FIELDS:
        return value
    if field == "actors":
        names = list(value)  # type: ignore[call-overload]
        people = {name_key(n): n for n in reversed(names) if name_key(n)}  # first name wins
        return {"text": _actors_text(names), "tags": sorted([k, n] for k, n in people.items())}
    if field == "countries":
        codes = list(dict.fromkeys(value))  # type: ignore[call-overload]
        return {"text": _countries_text(codes), "tags": sorted(codes)}
    return None


def _put(db: sqlite_utils.Database, event_id: int, field: str, value: object) -> None:
    """Write a field's value, in the form `row_value` reads, into the event's rows."""
    conn = db.conn
    if field in ROW_FIELDS:
        conn.execute(f"UPDATE events SET {field} = ? WHERE id = ?", [value, event_id])
    elif field in _TAGS and isinstance(value, dict):
        table, columns = _TAGS[field]
        conn.execute(f"UPDATE events SET {field} = ? WHERE id = ?", [value["text"], event_id])
        conn.execute(f"DELETE FROM {table} WHERE event_id = ?", [event_id])
        rows = [[event_id, *(t if isinstance(t, list) else [t])] for t in value["tags"]]
        marks = ", ".join("?" * (len(columns) + 1))
        conn.executemany(
            f"INSERT INTO {table} (event_id, {', '.join(columns)}) VALUES ({marks})", rows
        )


def _keep_corrected(
    db: sqlite_utils.Database,
    event_id: int,
    row: dict[str, object],
    state: EventState,
    held: frozenset[str],
) -> dict[str, object]:
    """The row to write over a corrected event: its corrected columns left out, and
    the machine's values of them (this row's and `state`'s) kept in corrected_events.

    Its annotations are noted to have their record of the machine's values renewed
    (`annotating.reapply_corrections`).
    """
    _, machine = _held(db, event_id) or ({}, {})
    tags = {
        "actors": sorted([k, n] for k, n in state.names.items()),
        "countries": sorted(state.countries),
    }
    for field in held:
        if field in ROW_FIELDS:
            machine[field] = row.pop(field)
        elif field in _TAGS:
            machine[field] = {"text": row.pop(field), "tags": tags[field]}
    db.conn.execute(
        "UPDATE corrected_events SET machine = ? WHERE event_id = ?", [_dumps(machine), event_id]
    )
    db.conn.execute(
        "INSERT OR IGNORE INTO corrections_pending (annotation_id) "
        "SELECT annotation_id FROM corrections_applied WHERE event_id = ?",
        [event_id],
    )
    return row


def _machine_tags(
    db: sqlite_utils.Database, event_id: int
) -> tuple[list[tuple[str, str]], list[str]]:
    """The machine's people (key, name) and country codes of a stored event: its tag
    rows, or what corrected_events keeps of those the analyst corrected."""
    _, machine = _held(db, event_id) or ({}, {})
    where = "FROM {} WHERE event_id = ?"
    if "actors" in machine:
        people = [(k, n) for k, n in machine["actors"]["tags"]]
    else:
        people = db.execute("SELECT actor_key, name " + where.format("event_actors"), [event_id])
        people = [tuple(r) for r in people]
    if "countries" in machine:
        codes = list(machine["countries"]["tags"])
    else:
        rows = db.execute("SELECT code " + where.format("event_countries"), [event_id])
        codes = [r[0] for r in rows]
    return people, codes


def _dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
