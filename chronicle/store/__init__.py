"""The only door to the database: a `Store` opens, writes and reads one chronicle file.

Every other layer talks to SQLite through this class. One connection is shared
between threads (Textual workers) behind a lock, because SQLite connections are
tied to a thread unless serialised. Reads run on the plain `sqlite3` connection;
the writing modules (and `sqlite_utils`, which costs a third of a second to import)
are loaded only when something writes, so a command that only reads starts fast.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from chronicle.model import Annotation, CleanDocument, Event, Mention, StoredSeries
from chronicle.store import annotating, reader
from chronicle.store.connection import StoreError, connect, explain

if TYPE_CHECKING:
    import sqlite_utils

    from chronicle.merge.explain import MergeReasons
    from chronicle.store.decisions import Bridged, Imported
    from chronicle.store.decisions import Decision as StoredDecision
    from chronicle.store.document_view import DatedSentence, SourceDocument
    from chronicle.store.documents import Batch

__all__ = ["Store", "StoreError"]

T = TypeVar("T")


class Store:
    """A chronicle database file.

    Args:
        path: The SQLite file (created and migrated if missing) or ":memory:".
        readonly: Open an existing database without creating or migrating it.
    """

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._conn = connect(path, readonly=readonly)
        self._lock = threading.RLock()

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as a `sqlite_utils.Database`, for the writing modules."""
        from chronicle.store.wrapping import wrap

        return wrap(self._conn)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _locked(self) -> Iterator[sqlite_utils.Database]:
        with self._lock:
            try:
                yield self.db
            except sqlite3.Error as error:
                raise StoreError(explain(error, self.path)) from error

    def _run(self, fn: Callable[..., T], *args: object) -> T:
        with self._locked() as db:
            return fn(db, *args)

    def _read(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(connection, *args)` under the lock, on the plain connection.

        A row in a shape the readers do not expect (JSON written by another version)
        is a StoreError too, so the browser and the commands say it in one line.
        """
        with self._lock:
            try:
                return fn(self._conn, *args)
            except sqlite3.Error as error:
                raise StoreError(explain(error, self.path)) from error
            except (KeyError, IndexError, TypeError, ValueError) as error:
                what = f"{type(error).__name__}: {error}"
                raise StoreError(
                    f"{self.path} holds a row this version cannot read ({what})"
                ) from error

    # Writing -------------------------------------------------------------

    def has_hash(self, content_hash: str) -> bool:
        """True when a document with exactly these contents is stored."""
        from chronicle.store import writer

        return self._run(writer.has_hash, content_hash)

    def path_for_hash(self, content_hash: str) -> str | None:
        """The path of the stored document with exactly these contents, if any."""
        from chronicle.store import writer

        return self._run(writer.path_for_hash, content_hash)

    def extractor_for_hash(self, content_hash: str) -> str | None:
        """Which rules read the stored document with exactly these contents, if any."""
        from chronicle.store import writer

        return self._run(writer.extractor_for_hash, content_hash)

    def add_document(
        self, doc: CleanDocument, content_hash: str, mentions: Sequence[Mention]
    ) -> int:
        """Store a document and its mentions and merge events, in one transaction."""
        from chronicle.store import documents

        return self._run(documents.add_document, doc, content_hash, mentions)

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """Write many documents in one transaction, each inside it as a savepoint.

        `add_document` and `remove_document` called in the block stay atomic one by
        one; the block commits every document completed in it however it ends
        (see `documents.batch_transaction`). Holds the store for the whole block.
        """
        from chronicle.store import documents

        with self._locked() as db, documents.batch_transaction(db) as batch:
            yield batch

    def mentions_to_regroup(self) -> int:
        """Stored mentions an older merge rule grouped, which the next write regroups
        first (0 when the events follow this version's rule)."""
        from chronicle.store import regrouping

        return self._run(regrouping.stale_mentions)

    def regroup_waiting(self) -> int:
        """Stored mentions in no event because a regroup under a new merge rule was
        stopped before reaching them (0 when none is under way)."""
        return self._read(reader.regroup_waiting)

    def regroup_step(self, seconds: float) -> bool:
        """Regroup under this version's merge rule for about `seconds`, from where the
        regroup under way stopped, and commit; True once the events follow the rule."""
        from chronicle.store import regrouping

        return self._write(regrouping.regroup_step, seconds)

    def regroup(
        self,
        step_seconds: float | None = None,
        on_step: Callable[[int, int], None] | None = None,
    ) -> bool:
        """Regroup every stored mention if an older merge rule grouped them, committing
        every `step_seconds` (`regrouping.STEP_SECONDS`), so an interrupted regroup
        goes on from its last step; False when there was nothing to do.

        `on_step` is told (mentions regrouped, of how many): (0, n) first, then after
        each step.
        """
        from chronicle.store import regrouping

        total = self.mentions_to_regroup()
        if not total:
            return False
        seconds = regrouping.STEP_SECONDS if step_seconds is None else step_seconds
        done = False
        while not done:
            if on_step:
                on_step(total - self.mentions_to_regroup(), total)
            done = self.regroup_step(seconds)
        if on_step:
            on_step(total, total)
        return True

    def _regrouped_first(self) -> None:
        """Regroup in committed steps a store an older merge rule grouped, before a
        write that would otherwise regroup all of it inside its own transaction (a
        removal, a move, an undo, an import), unless that write is part of a caller's.
        Not before a split or join: they name events by the ids they have now."""
        if not self._conn.in_transaction and self.mentions_to_regroup():
            self.regroup()

    def remove_document(self, path: str) -> bool:
        """Forget the document read from `path`; True if there was one."""
        from chronicle.store import documents

        self._regrouped_first()
        return self._run(documents.remove_document, path)

    def move_document(self, old_path: str, new_path: str) -> bool:
        """Give the document read from `old_path` the path `new_path`; True if there was one."""
        from chronicle.store import documents

        self._regrouped_first()
        return self._run(documents.move_document, old_path, new_path)

    def hash_for_path(self, path: str) -> str | None:
        """The content hash of the document stored under `path`, if any."""
        from chronicle.store import documents

        return self._run(documents.hash_for_path, path)

    def paths_under(self, folder: str) -> list[str]:
        """Stored paths equal to `folder` or inside it, sorted."""
        from chronicle.store import documents

        return self._run(documents.paths_under, folder)

    # Reading -------------------------------------------------------------

    def events_by_ids(self, ids: Sequence[int]) -> list[Event]:
        """Events in the order given (without sources), with the analyst's annotations."""
        return self._read(lambda c: annotating.with_annotations(c, reader.events_by_ids(c, ids)))

    def publishers_of_events(self, ids: Sequence[int]) -> dict[int, str]:
        """The publisher (else the file name) of each event's best source, by event id."""
        return self._read(reader.publishers_of_events, ids)

    def event(self, event_id: int) -> Event | None:
        """One event with its sources, parts, related events and annotation."""

        # Finding related events needs the merge rules, which a reading command
        # that shows no detail should not import.
        from chronicle.store import neighbours

        def read(conn: sqlite3.Connection) -> Event | None:
            event = reader.event_detail(conn, event_id)
            if event is None:
                return None
            event = replace(event, related=neighbours.related_to(conn, event_id))
            return annotating.with_annotations(conn, [event])[0]

        return self._read(read)

    def counts(self) -> dict[str, int]:
        """Number of documents, mentions and events."""
        return self._read(reader.counts)

    def stats(self, limit: int | None = None) -> dict[str, list[tuple[str, int]]]:
        """Event counts by year, type, country and source (at most `limit` rows each)."""
        return self._read(reader.stats, limit)

    def compact(self) -> bool:
        """Give back the room a large ingest left (`connection.compact`); False when it
        could not be done now (another connection writing, a transaction open)."""
        if self.path == ":memory:":
            return False
        from chronicle.store.connection import compact

        return self._read(compact)

    def check(self) -> list[str]:
        """Every inconsistency between the tables and the search index (empty when none)."""
        from chronicle.store import integrity

        return self._run(integrity.check)

    def documents(self, limit: int | None = None) -> list[dict[str, object]]:
        """Stored documents by path (the first `limit`, or all)."""
        return self._read(reader.documents, limit)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the database."""
        return self._read(reader.data_version)

    def member_keys(self, event_id: int) -> list[str]:
        """The keys of the event's mentions, its own key (the smallest) first."""
        return self._read(reader.member_keys, event_id)

    def event_holding(self, keys: Sequence[str]) -> int | None:
        """The event holding the first of `keys` still stored (a happening's members, in order)."""
        return self._read(reader.event_holding, keys)

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Read the whole block as the database was on entering it (`reader.snapshot`):
        an export running while another process ingests is the store before or after,
        never a mix. Holds the store for the block (other threads wait)."""
        with self._lock:
            try:
                with reader.snapshot(self._conn):
                    yield self
            except sqlite3.Error as error:
                raise StoreError(explain(error, self.path)) from error

    # The analyst's own work -----------------------------------------------------

    def _write(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """`fn(db, *args, **kwargs)` in one write transaction."""
        from chronicle.store.documents import write_transaction

        with self._locked() as db, write_transaction(db):
            return fn(db, *args, **kwargs)

    def annotate(
        self,
        event_id: int,
        *,
        starred: bool | None = None,
        tags: Sequence[str] | None = None,
        note: str | None = None,
        correction: dict[str, object] | None = None,
    ) -> Annotation | None:
        """Set the event's star, tags, note or correction (what is given; the rest stays).

        `correction` maps fields of `model.CORRECTABLE` to the analyst's values and
        replaces the whole correction ({} removes it). Returns the annotation, or None
        when nothing is left in it. Raises StoreError when the event is gone.
        """
        try:
            return self._write(
                annotating.annotate,
                event_id,
                starred=starred,
                tags=tags,
                note=note,
                correction=correction,
            )
        except KeyError as error:
            raise StoreError(f"event {event_id} is no longer in {self.path}") from error
        except ValueError as error:
            raise StoreError(f"correction not saved: {error}") from error

    def annotation(self, event_id: int) -> Annotation | None:
        """The event's annotation, if it has one."""
        return self._read(annotating.annotations_of_events, [event_id]).get(event_id)

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with how many events carry it, most used first."""
        return self._read(annotating.all_tags)

    def all_annotations(self) -> list[Annotation]:
        """Every annotation, with the event it belongs to (None when its mentions are gone)."""
        return self._read(annotating.all_annotations)

    def unattached_annotations(self) -> list[Annotation]:
        """Annotations whose documents were all removed: kept, and reported, never dropped."""
        return self._read(annotating.unattached)

    def import_annotations(self, records: Sequence[dict[str, object]]) -> tuple[int, int]:
        """Apply exported annotations here; returns (applied, kept unattached)."""
        try:
            return self._write(annotating.import_annotations, records)
        except ValueError as error:
            raise StoreError(f"nothing imported: {error}") from error

    def save_search(self, name: str, query: str) -> None:
        """Keep `query` under `name` (replacing a search of that name)."""
        self._write(annotating.save_search, name, query)

    def saved_searches(self) -> list[tuple[str, str]]:
        """Every saved search as (name, query), by name."""
        return self._read(annotating.saved_searches)

    def delete_search(self, name: str) -> bool:
        """Forget a saved search; True if there was one."""
        return self._write(annotating.delete_search, name)

    def merge_reasons(self, event_id: int) -> MergeReasons | None:
        """Why the event's sources were merged and why its nearest neighbours were not
        (`merge.explain`); None when the event is gone. The store is held only while
        the mentions are read, not while they are weighed."""
        from chronicle.merge.explain import explain as explain_merge
        from chronicle.store import explanations

        found = self._read(explanations.merge_inputs, event_id)
        return None if found is None else explain_merge(*found)

    def join_events(self, keep_id: int, other_id: int) -> int:
        """Make two events one, in every later merge too; returns the event holding both.

        Kept by mention keys of each side's documents, so it holds while any report
        of each event is stored (`store.decisions.join_anchors`).
        """
        return self._decide("join_events", keep_id, other_id)

    def split_source(self, event_id: int, mention_key: str) -> int:
        """Take a source's mention out of its event ("this is another happening");
        returns the event now holding it.

        A split cuts the mention's direct links with the event's members, it is not
        a wall: a later report fitting both sides joins them again, and the event is
        then listed by `bridged_splits`.
        """
        return self._decide("split_source", event_id, mention_key)

    def decisions(self) -> list[StoredDecision]:
        """Every join and split of the analyst's, oldest first (inactive when a
        mention it names is gone)."""
        from chronicle.store import decisions

        return self._read(decisions.all_decisions)

    def undo_decision(self, decision_id: int) -> None:
        """Forget a join or split and merge again what it affected."""
        self._regrouped_first()
        self._decide("undo", decision_id)

    def import_decisions(self, records: Sequence[StoredDecision | Mapping[str, object]]) -> int:
        """Make here the decisions of another store (by mention keys, as `decisions()`
        gives them or their fields read back from JSON); returns how many."""
        self._regrouped_first()
        return self._decide("import_decisions", records)

    def import_work(
        self,
        manual: Sequence[tuple[CleanDocument, str, Sequence[Mention]]],
        decisions: Sequence[StoredDecision | Mapping[str, object]],
        annotations: Sequence[object],
    ) -> Imported:
        """Make here a colleague's exported work all or nothing, in one transaction:
        events added by hand, joins and splits, annotations (`decisions.import_work`).
        A bad record is a StoreError naming it, and nothing is kept."""
        from chronicle.store import decisions as kept

        self._regrouped_first()
        try:
            return self._write(kept.import_work, manual, decisions, annotations)
        except ValueError as error:
            raise StoreError(f"nothing imported: {error}") from error

    def bridged_splits(self) -> list[Bridged]:
        """Events holding both sides of a split: a later report linked them, to review."""
        from chronicle.store import decisions

        return self._read(decisions.bridged_splits)

    def _decide(self, name: str, *args: object) -> Any:
        """Run `store.decisions.<name>` in one write transaction; StoreError when the
        event, mention or decision named is not there."""
        from chronicle.store import decisions

        try:
            return self._write(getattr(decisions, name), *args)
        except (KeyError, ValueError) as error:
            raise StoreError(str(error).strip("'\"")) from error

    # Series -------------------------------------------------------------

    def series(self, ids: Sequence[int]) -> list[StoredSeries]:
        """The series with these ids, in the order given, with their points."""
        from chronicle.store import series

        return self._read(series.series_by_ids, ids)

    def all_series_ids(self, limit: int | None = None) -> list[int]:
        """Every series id by document, in each document's order (the first `limit`)."""
        from chronicle.store import series

        return self._read(series.all_series_ids, limit)

    def series_ids_of_documents(self, paths: Sequence[str]) -> list[int]:
        """The ids of the series of the documents stored under these paths."""
        from chronicle.store import series

        return self._read(series.series_ids_of_documents, paths)

    def series_names(self, limit: int | None = None) -> list[tuple[int, str]]:
        """(id, name) of every series by document (the first `limit`), for pickers."""
        from chronicle.store import series

        return self._read(series.series_names, limit)

    def execute(self, sql: str, params: dict[str, object] | Sequence[object] = ()) -> list[tuple]:
        """Run a compiled read-only query from `chronicle.search` and return all rows."""
        return self._read(lambda conn: conn.execute(sql, params).fetchall())

    # Reading a source ---------------------------------------------------------

    def source_document(self, event_id: int, path: str | None = None) -> SourceDocument | None:
        """The document an event was read from (its first source, or the one at `path`),
        with the event's sentence; None when the event or that document is gone."""
        from chronicle.store import document_view

        return self._read(document_view.source_document, event_id, path)

    def dated_sentences(self, document_id: int, text: str) -> tuple[DatedSentence, ...]:
        """Every dated sentence of a document with its event, by position (`text` is the
        document's, as `source_document` read it)."""
        from chronicle.store import document_view

        return self._read(document_view.dated_sentences, document_id, text)
