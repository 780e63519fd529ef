"""Keep the analyst's stars, tags, notes and corrections across every rebuild of events.

An annotation is anchored to the keys of the mentions its event held when it was
last edited, not to the event's id: events are rebuilt as documents come and go, a
mention's key is not (db/018_annotations.sql). It belongs to the event holding its
first anchor still stored. Two annotations that come to belong to one event (their
events merged) are shown together and become one the next time that event is edited.

A correction is written where events are read (`writer.correct_event`): date and
type into the event's row, people and countries into its row and tag tables, the
headline where the search index reads it, so the timeline, the search, the filters,
the facets and the counts follow it; the machine's values are kept beside it
(db/022_corrected_search.sql). When a merge moves a mention a correction is anchored
to, the correction is applied again to the event it belongs to then
(`reapply_corrections`).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from chronicle.date_notation import date_label
from chronicle.lexicon import country_codes
from chronicle.model import CORRECTABLE, EVENT_TYPES, PRECISIONS, Annotation, Event, Mention
from chronicle.store.reader import (
    event_holding,
    events_by_ids,
    publishers_of_events,
    rows_in,
    stored_text,
)

if TYPE_CHECKING:
    import sqlite_utils

_COLUMNS = "a.id, a.starred, a.note, a.correction, a.machine, a.updated_at, a.label"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def any_annotations(conn: sqlite3.Connection) -> bool:
    """Whether the store holds any annotation (most reads can skip the rest when not).

    A store opened read-only from before migration 018 has none.
    """
    try:
        return conn.execute("SELECT EXISTS (SELECT 1 FROM annotations)").fetchone()[0] == 1
    except sqlite3.OperationalError:
        return False


def _load(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Annotation]:
    """Annotations by id, with tags and anchors but without where they belong."""
    ids = sorted(set(ids))
    found: dict[int, Annotation] = {}
    for id_, starred, note, correction, machine, updated, label in rows_in(
        conn, f"SELECT {_COLUMNS} FROM annotations a WHERE a.id IN ({{marks}})", ids
    ):
        found[id_] = Annotation(
            id=id_,
            starred=bool(starred),
            note=note,
            correction=json.loads(correction),
            machine=json.loads(machine),
            updated_at=updated,
            label=label,
        )
    tags: dict[int, list[str]] = {}
    for id_, tag in rows_in(
        conn,
        "SELECT annotation_id, tag FROM annotation_tags WHERE annotation_id IN ({marks}) "
        "ORDER BY tag",
        ids,
    ):
        tags.setdefault(id_, []).append(tag)
    anchors: dict[int, list[str]] = {}
    for id_, key in rows_in(
        conn,
        "SELECT annotation_id, mention_key FROM annotation_anchors "
        "WHERE annotation_id IN ({marks}) ORDER BY annotation_id, rank",
        ids,
    ):
        anchors.setdefault(id_, []).append(key)
    return {
        i: dataclasses.replace(a, tags=tuple(tags.get(i, ())), anchors=tuple(anchors.get(i, ())))
        for i, a in found.items()
    }


def _resolved(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, int | None]:
    """The event each annotation now belongs to (None when every anchor is gone)."""
    return dict(
        rows_in(
            conn,
            "SELECT annotation_id, event_id FROM annotation_events "
            "WHERE annotation_id IN ({marks})",
            sorted(set(ids)),
        )
    )


def _candidates(conn: sqlite3.Connection, event_ids: Sequence[int]) -> set[int]:
    """Annotations anchored to any mention of these events (a superset of theirs)."""
    return {
        r[0]
        for r in rows_in(
            conn,
            "SELECT DISTINCT aa.annotation_id FROM mentions m "
            "JOIN annotation_anchors aa ON aa.mention_key = m.key WHERE m.event_id IN ({marks})",
            list(event_ids),
        )
    }


def combine(annotations: Sequence[Annotation]) -> Annotation:
    """One annotation holding what several that belong to one event say, oldest first.

    A star is kept if any has it, tags are united, notes follow each other, and a
    field corrected twice keeps the newest correction.
    """
    ordered = sorted(annotations, key=lambda a: a.id)
    first = ordered[0]
    correction: dict[str, object] = {}
    machine: dict[str, object] = {}
    for a in sorted(ordered, key=lambda a: (a.updated_at, a.id)):
        correction.update(a.correction)
        machine.update({k: v for k, v in a.machine.items() if k not in machine})
    anchors = list(dict.fromkeys(k for a in ordered for k in a.anchors))
    return dataclasses.replace(
        first,
        starred=any(a.starred for a in ordered),
        tags=tuple(sorted({t for a in ordered for t in a.tags})),
        note="\n\n".join(_distinct_notes(ordered)),
        correction=correction,
        machine={k: v for k, v in machine.items() if k in correction},
        anchors=tuple(anchors),
        updated_at=max(a.updated_at for a in ordered),
        label=max(ordered, key=lambda a: a.updated_at).label or first.label,
    )


def _distinct_notes(annotations: Sequence[Annotation]) -> list[str]:
    """Each note once: a note already held in another (an import made twice) is left out."""
    notes: list[str] = []
    for a in annotations:
        note = a.note.strip()
        if note and not any(note in kept for kept in notes):
            notes.append(note)
    return notes


def annotations_of_events(
    conn: sqlite3.Connection, event_ids: Sequence[int]
) -> dict[int, Annotation]:
    """The annotation of each of these events that has one, by event id.

    Costs what the events' mentions hold, not what the store or the annotations hold.
    """
    if not event_ids or not any_annotations(conn):
        return {}
    candidates = _candidates(conn, event_ids)
    where = _resolved(conn, candidates)
    wanted = set(event_ids)
    loaded = _load(conn, (i for i, e in where.items() if e in wanted))
    by_event: dict[int, list[Annotation]] = {}
    for id_, annotation in loaded.items():
        by_event.setdefault(where[id_], []).append(
            dataclasses.replace(annotation, event_id=where[id_])
        )
    return {e: combine(group) for e, group in by_event.items()}


def with_annotations(conn: sqlite3.Connection, events: Sequence[Event]) -> list[Event]:
    """The events with their annotations attached and their corrections shown."""
    found = annotations_of_events(conn, [e.id for e in events])
    return [corrected(e, found[e.id]) if e.id in found else e for e in events]


def corrected(event: Event, annotation: Annotation) -> Event:
    """The event as the analyst corrected it, carrying its annotation."""
    changes: dict[str, object] = {"annotation": annotation}
    for name, value in annotation.correction.items():
        if name in ("actors", "countries"):
            changes[name] = tuple(value)  # type: ignore[arg-type]
        elif name in CORRECTABLE:
            changes[name] = value
    return dataclasses.replace(event, **changes)


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag in use with how many annotations carry it, most used first."""
    return conn.execute(
        "SELECT tag, count(*) FROM annotation_tags GROUP BY tag ORDER BY count(*) DESC, tag"
    ).fetchall()


def all_annotations(conn: sqlite3.Connection) -> list[Annotation]:
    """Every annotation with the event it belongs to (None for those whose mentions are gone)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM annotations ORDER BY id")]
    where = _resolved(conn, ids)
    loaded = _load(conn, ids)
    return [dataclasses.replace(loaded[i], event_id=where.get(i)) for i in ids]


def unattached(conn: sqlite3.Connection) -> list[Annotation]:
    """Annotations none of whose mentions is stored any more (their documents were removed)."""
    return [a for a in all_annotations(conn) if a.event_id is None]


# Writing ------------------------------------------------------------------------


def _member_keys(conn: sqlite3.Connection, event_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT m.key FROM mentions m WHERE m.event_id = ? "
        "ORDER BY m.key = (SELECT key FROM events WHERE id = ?) DESC, m.key",
        [event_id, event_id],
    ).fetchall()
    return [r[0] for r in rows]


def _machine_values(db: sqlite_utils.Database, event_id: int) -> dict[str, object]:
    """What the documents give for each correctable field of a stored event (its rows
    show the analyst's values of the fields corrected; the machine's are kept aside)."""
    from chronicle.store.writer import machine_shown  # loads sqlite_utils: writes only

    [event] = events_by_ids(db.conn, [event_id])
    observed = {
        "date_start": event.date_start,
        "date_end": event.date_end,
        "precision": event.precision,
        "type": event.type,
        "headline": event.headline,
        "actors": list(event.actors),
        "countries": list(event.countries),
    }
    return observed | machine_shown(db, event_id)


def annotate(
    db: sqlite_utils.Database,
    event_id: int,
    *,
    starred: bool | None = None,
    tags: Sequence[str] | None = None,
    note: str | None = None,
    correction: Mapping[str, object] | None = None,
    anchors: Sequence[str] = (),
) -> Annotation | None:
    """Set what is given of the event's annotation; the rest stays as it was.

    The annotation is anchored again to the event's mentions as they are now (the
    mentions it was anchored to before, then `anchors`, follow them). `correction`
    replaces the whole correction (an empty mapping removes it; one that is not a
    correction is a ValueError, see `checked_correction`). An annotation left with
    nothing in it is deleted. Returns the annotation now, or None when there is none.
    """
    if correction is not None:
        correction = checked_correction(correction)
    conn = db.conn
    if conn.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
        raise KeyError(f"no event {event_id}")
    reapply_corrections(db)  # so the event's rows show what its annotations say now
    current = annotations_of_events(conn, [event_id]).get(event_id)
    base = current or Annotation(id=0, anchors=())
    machine = dict(base.machine)
    if correction is not None:
        observed = _machine_values(db, event_id)
        machine = {k: observed[k] for k in correction}
    updated = dataclasses.replace(
        base,
        starred=base.starred if starred is None else starred,
        tags=base.tags if tags is None else tuple(sorted({t.strip() for t in tags if t.strip()})),
        note=base.note if note is None else note,
        correction=dict(base.correction if correction is None else correction),
        machine=machine if correction is not None else dict(base.machine),
        anchors=tuple(dict.fromkeys([*_member_keys(conn, event_id), *base.anchors, *anchors])),
        updated_at=_now(),
        label=_label(conn, event_id),
    )
    _drop_others(conn, event_id, keep=current.id if current else None)
    if updated.empty:
        if current:
            conn.execute("DELETE FROM annotations WHERE id = ?", [current.id])
        _correct(db, event_id, [])
        return None
    saved = _save(conn, updated)
    _correct(db, event_id, [saved])
    return dataclasses.replace(saved, event_id=event_id)


def _label(conn: sqlite3.Connection, event_id: int) -> str:
    """The event in one line as the documents give it: date, headline, source."""
    [event] = events_by_ids(conn, [event_id])
    source = publishers_of_events(conn, [event_id]).get(event_id, "")
    when = date_label(event.date_start, event.date_end, event.precision)
    return f"{when} {event.headline} ({source})"


def _drop_others(conn: sqlite3.Connection, event_id: int, keep: int | None) -> None:
    """Delete every annotation of the event but `keep` (their content was combined into it)."""
    others = [i for i in _own_ids(conn, event_id) if i != keep]
    conn.executemany("DELETE FROM annotations WHERE id = ?", [(i,) for i in others])


def _save(conn: sqlite3.Connection, a: Annotation) -> Annotation:
    values = [
        int(a.starred),
        a.note,
        json.dumps(a.correction, sort_keys=True),
        json.dumps(a.machine, sort_keys=True),
        a.updated_at,
        a.label,
    ]
    if a.id:
        conn.execute(
            "UPDATE annotations SET starred = ?, note = ?, correction = ?, machine = ?, "
            "updated_at = ?, label = ? WHERE id = ?",
            [*values, a.id],
        )
        id_ = a.id
    else:
        id_ = conn.execute(
            "INSERT INTO annotations "
            "(starred, note, correction, machine, updated_at, label, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [*values, a.updated_at],
        ).lastrowid
    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [id_])
    conn.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)",
        [(id_, t) for t in a.tags],
    )
    conn.execute("DELETE FROM annotation_anchors WHERE annotation_id = ?", [id_])
    conn.executemany(
        "INSERT INTO annotation_anchors (annotation_id, rank, mention_key) VALUES (?, ?, ?)",
        [(id_, rank, key) for rank, key in enumerate(a.anchors)],
    )
    return dataclasses.replace(a, id=id_)


def follow_new_mentions(db: sqlite_utils.Database, keys: Sequence[str]) -> None:
    """Anchor each annotation also to the new mentions that joined its event.

    So an annotation stays with its event when the document it was first anchored to
    is later removed while later reports of the same happening remain. Costs what the
    new mentions hold.
    """
    conn = db.conn
    if not keys or not any_annotations(conn):
        return
    events: dict[int, list[str]] = {}
    for key, event_id in rows_in(
        conn, "SELECT key, event_id FROM mentions WHERE key IN ({marks})", list(keys)
    ):
        if event_id is not None:
            events.setdefault(event_id, []).append(key)
    for event_id, annotation in annotations_of_events(conn, list(events)).items():
        # Combined annotations (two events merged) each get the new keys.
        for id_ in _own_ids(conn, event_id):
            last = conn.execute(
                "SELECT coalesce(max(rank), -1) FROM annotation_anchors WHERE annotation_id = ?",
                [id_],
            ).fetchone()[0]
            added = [k for k in sorted(events[event_id]) if k not in annotation.anchors]
            conn.executemany(
                "INSERT INTO annotation_anchors (annotation_id, rank, mention_key) "
                "VALUES (?, ?, ?)",
                [(id_, last + 1 + n, k) for n, k in enumerate(added)],
            )


def _own_ids(conn: sqlite3.Connection, event_id: int) -> list[int]:
    """The ids of the annotations that belong to the event."""
    where = _resolved(conn, _candidates(conn, [event_id]))
    return sorted(i for i, e in where.items() if e == event_id)


def reapply_corrections(db: sqlite_utils.Database) -> int:
    """Apply again the corrections whose event may have changed; returns to how many events.

    The triggers of db/022_corrected_search.sql note a corrected annotation as the
    merge moves or deletes a mention it is anchored to, and the writer notes those of
    an event it rewrote in place. Each event they belonged to or belong to now is
    corrected again with what all of its annotations say, combined. So the cost is
    what the write moved, not what the corrections hold.
    """
    conn = db.conn
    pending = [r[0] for r in conn.execute("SELECT annotation_id FROM corrections_pending")]
    if not pending:
        return 0
    conn.execute("DELETE FROM corrections_pending")
    now = _resolved(conn, pending)
    before = dict(
        rows_in(
            conn,
            "SELECT annotation_id, event_id FROM corrections_applied "
            "WHERE annotation_id IN ({marks})",
            pending,
        )
    )
    arriving: dict[int, set[int]] = {}
    for annotation_id, event_id in now.items():
        if event_id is not None:
            arriving.setdefault(event_id, set()).add(annotation_id)
    events = sorted(arriving.keys() | {e for e in before.values() if e is not None})
    for event_id in events:
        applied = conn.execute(
            "SELECT annotation_id FROM corrections_applied WHERE event_id = ?", [event_id]
        )
        where = _resolved(conn, arriving.get(event_id, set()) | {r[0] for r in applied})
        _correct(db, event_id, _load(conn, (a for a, e in where.items() if e == event_id)).values())
    return len(events)


def apply_pending_corrections(conn: sqlite3.Connection) -> None:
    """Migration 022's step in Python: apply the corrections of a store made before it.

    The migration gives the rows back their machine's values and notes every corrected
    annotation as waiting (its SQL cannot write country names or people's keys); this
    applies them in the migration's transaction, so the store is whole when it opens.
    """
    from chronicle.store.wrapping import wrap

    reapply_corrections(wrap(conn))


def _correct(db: sqlite_utils.Database, event_id: int, annotations: Iterable[Annotation]) -> None:
    """Make the event's rows show what its annotations correct, combined, and keep the
    machine's values beside it in each annotation (what `Annotation.machine` shows)."""
    from chronicle.store.writer import correct_event

    group = [a for a in annotations if a.correction]
    wanted = combine(group).correction if group else {}
    correct_event(db, event_id, wanted, [a.id for a in group])
    if not group:
        return
    machine = _machine_values(db, event_id)
    for a in group:
        kept = {k: machine[k] for k in a.correction}
        if kept != a.machine:
            db.conn.execute(
                "UPDATE annotations SET machine = ? WHERE id = ?",
                [json.dumps(kept, sort_keys=True), a.id],
            )


def checked_correction(raw: object) -> dict[str, object]:
    """A correction as the store keeps it, or ValueError saying what is wrong with it.

    Dates are ISO days with the start not after the end, precision and type are the
    model's, the headline is text, people are a list of names and countries a list of
    the ISO codes the lexicon knows.
    """
    if not isinstance(raw, Mapping):
        raise ValueError("a correction is a mapping of field to value")
    unknown = sorted(set(raw) - set(CORRECTABLE))
    if unknown:
        raise ValueError(f"{unknown[0]!r} cannot be corrected (only {', '.join(CORRECTABLE)})")
    for name in ("date_start", "date_end"):
        if name in raw and raw[name] is not None:
            try:
                date.fromisoformat(raw[name])  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise ValueError(f"{name} {raw[name]!r} is not a day (YYYY-MM-DD)") from None
    start, end = raw.get("date_start"), raw.get("date_end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        raise ValueError(f"date_end {end} is before date_start {start}")
    if "precision" in raw and raw["precision"] not in PRECISIONS:
        raise ValueError(f"precision {raw['precision']!r} is not one of {', '.join(PRECISIONS)}")
    if "type" in raw and raw["type"] not in EVENT_TYPES:
        raise ValueError(f"type {raw['type']!r} is not an event type")
    if "headline" in raw and not (isinstance(raw["headline"], str) and raw["headline"].strip()):
        raise ValueError("the headline is empty or not text")
    for name in ("actors", "countries"):
        if name in raw and not _texts(raw[name]):
            raise ValueError(f"{name} must be a list of names")
    # The codes become the event's country rows, which country: and the counts read.
    unknown_codes = [c for c in raw.get("countries", ()) if c not in country_codes()]
    if unknown_codes:
        raise ValueError(f"country {unknown_codes[0]!r} is not a known ISO code (such as JP or PK)")
    return dict(raw)


def _texts(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def _imported(record: object, number: int) -> Annotation:
    """One exported annotation read back, or ValueError naming the record and the fault."""
    try:
        if not isinstance(record, Mapping):
            raise ValueError("not an object")
        anchors = record.get("anchors") or []
        tags = record.get("tags") or []
        if not _texts(anchors):
            raise ValueError("anchors must be a list of mention keys")
        if not _texts(tags):
            raise ValueError("tags must be a list of names")
        return Annotation(
            id=sys.maxsize,  # combined after what the event already carries
            starred=bool(record.get("starred")),
            tags=tuple(tags),
            note=str(record.get("note") or ""),
            correction=checked_correction(record.get("correction") or {}),
            machine=dict(record.get("machine") or {}),
            anchors=tuple(anchors),
            updated_at=str(record.get("updated_at") or _now()),
            label=str(record.get("label") or ""),
        )
    except (TypeError, ValueError) as error:
        raise ValueError(f"annotation {number}: {error}") from None


def import_annotations(db: sqlite_utils.Database, records: Iterable[object]) -> tuple[int, int]:
    """Apply exported annotations (`Annotation.to_json` forms) to the events here.

    Every record is checked first: one that is not an annotation is a ValueError and
    nothing is imported. Each lands on the event holding its first anchor stored in
    this database (the same documents give the same keys everywhere), combined with
    what that event already carries, and keeps its own anchors too. Returns (applied,
    not found here); those not found are kept unattached (once, however often they
    are imported), to come back when their documents are ingested.
    """
    conn = db.conn
    incoming = [_imported(r, n) for n, r in enumerate(records, 1)]
    applied = missing = 0
    for annotation in incoming:
        if annotation.empty or not annotation.anchors:
            continue
        event_id = event_holding(conn, annotation.anchors)
        if event_id is None:
            if not _held_already(conn, annotation):
                _save(conn, dataclasses.replace(annotation, id=0))
            missing += 1
            continue
        current = annotations_of_events(conn, [event_id]).get(event_id)
        merged = combine([current, annotation]) if current else annotation
        annotate(
            db,
            event_id,
            starred=merged.starred,
            tags=merged.tags,
            note=merged.note,
            correction=merged.correction or None,
            anchors=annotation.anchors,
        )
        applied += 1
    return applied, missing


def _held_already(conn: sqlite3.Connection, annotation: Annotation) -> bool:
    """Whether an unattached annotation with these anchors already says the same."""
    [first, *_] = annotation.anchors
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT annotation_id FROM annotation_anchors WHERE mention_key = ?", [first]
        )
    ]
    same = ("starred", "tags", "note", "correction", "anchors")
    return any(
        all(getattr(a, f) == getattr(annotation, f) for f in same)
        for a in _load(conn, ids).values()
    )


def anchors_in(conn: sqlite3.Connection, document_id: int) -> list[tuple[int, str, str]]:
    """(annotation, sentence, date as written) of each anchor in a stored document."""
    if not any_annotations(conn):
        return []
    return conn.execute(
        f"SELECT aa.annotation_id, {stored_text('sentence')}, m.date_text "
        "FROM mentions m JOIN documents d ON d.id = m.document_id "
        "JOIN annotation_anchors aa ON aa.mention_key = m.key WHERE m.document_id = ?",
        [document_id],
    ).fetchall()


def carry_anchors(
    db: sqlite_utils.Database, anchors: Sequence[tuple[int, str, str]], new: Sequence[Mention]
) -> None:
    """Anchor annotations also to the new version's mentions of the same sentence and date.

    An edited file gives every mention a new key (the content hash changes), so the
    annotations anchored in its old version follow the sentences that are still there.
    """
    by_text = {(m.sentence, m.date.text): m.key for m in reversed(new)}
    conn = db.conn
    for annotation_id, sentence, date_text in anchors:
        key = by_text.get((sentence, date_text))
        if key is None:
            continue
        last = conn.execute(
            "SELECT coalesce(max(rank), -1) FROM annotation_anchors WHERE annotation_id = ?",
            [annotation_id],
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO annotation_anchors (annotation_id, rank, mention_key) VALUES (?, ?, ?)",
            [annotation_id, last + 1, key],
        )


# Saved searches -------------------------------------------------------------------


def save_search(db: sqlite_utils.Database, name: str, query: str) -> None:
    """Keep `query` under `name` (replacing a search of that name)."""
    db.conn.execute(
        "INSERT INTO saved_searches (name, query, saved_at) VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET query = excluded.query, saved_at = excluded.saved_at",
        [name, query, _now()],
    )


def saved_searches(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every saved search as (name, query), by name."""
    return conn.execute(
        "SELECT name, query FROM saved_searches ORDER BY name COLLATE NOCASE"
    ).fetchall()


def delete_search(db: sqlite_utils.Database, name: str) -> bool:
    """Forget the saved search `name`; True if there was one."""
    return db.conn.execute("DELETE FROM saved_searches WHERE name = ?", [name]).rowcount > 0
