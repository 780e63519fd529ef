"""Load many parsed documents into an empty chronicle at once.

`Store.add_document` re-merges the neighbourhood of every new mention inside its
own transaction, which is right for a few files and far too slow for a corpus of
tens of thousands (see docs/performance.md). `bulk_load` writes every document
and mention in one transaction and builds the events afterwards, with the same
rule as incremental ingest: events are the connected components of
`chronicle.merge.same_event`, found by `chronicle.merge.cluster` over windows of
mentions whose dates chain together, so by default the result is the same set
of events (same keys, dates, sources) that ingesting the documents one by one
gives. Part-of and related links are computed in memory between events that
share a person, with `merge.is_part_of` and `merge.is_related`.

`window_days` trades that exactness for speed: coarse dates (a year, a fiscal
year) chain the whole timeline into one window, and clustering it costs
O(mentions x coarse mentions per year). With `window_days=N` windows are cut
every N days of start date, so two mentions only merge when they start in the
same window (used to build benchmark databases of a million events); with
`window_days=0` nothing merges and every mention is its own event (the search
workload of a corpus, without paying for clustering).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from chronicle import merge
from chronicle.model import CleanDocument, Mention
from chronicle.store.connection import StoreError
from chronicle.store.writer import (
    _ordered,
    _unique,
    _unique_pairs,
    event_row,
    mention_row,
)

ParsedDocument = tuple[CleanDocument, str, Sequence[Mention]]
"""(document, content hash, its mentions), as `chronicle.library.ingest_file` builds them."""

_EVENT_SQL = (
    "INSERT INTO events (key, date_start, date_end, precision, type, headline, text, actors, "
    "countries, organisations, sources_text, publishers, source_count, conflict) VALUES "
    "(:key, :date_start, :date_end, :precision, :type, :headline, :text, :actors, :countries, "
    ":organisations, :sources_text, :publishers, :source_count, :conflict)"
)
_MENTION_SQL = (
    "INSERT INTO mentions (key, document_id, event_id, sentence, paragraph, sentence_start, "
    "sentence_end, paragraph_start, paragraph_end, char_start, char_end, date_text, "
    "date_start, date_end, precision, modifier, detail, type, types, actors, countries, "
    "organisations, headline, footnotes) VALUES (:key, :document_id, :event_id, :sentence, "
    ":paragraph, :sentence_start, :sentence_end, :paragraph_start, :paragraph_end, "
    ":char_start, :char_end, :date_text, :date_start, :date_end, :precision, :modifier, "
    ":detail, :type, :types, :actors, :countries, :organisations, :headline, :footnotes)"
)


def bulk_load(
    store,
    parsed_docs: Iterable[ParsedDocument],
    *,
    window_days: int | None = None,
    on_progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Write parsed documents into an empty store and merge their mentions into events.

    Args:
        store: A `chronicle.store.Store` without documents.
        parsed_docs: (document, content hash, mentions) triples; a document whose
            contents or path repeat an earlier one is skipped.
        window_days: None for exact merging (the same events as incremental
            ingest); N to only merge mentions starting within the same N-day window;
            0 for no merging.
        on_progress: Called as (stage, count) while working.

    Returns:
        Counts of documents, mentions and events written.

    Raises:
        StoreError: The store already holds documents.
    """
    progress = on_progress or (lambda stage, n: None)
    with store._locked() as db:
        conn = db.conn
        if conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
            raise StoreError(f"{store.path} already holds documents; bulk_load needs an empty one")
        conn.execute("BEGIN IMMEDIATE")
        try:
            counts = _load(conn, parsed_docs, window_days, progress)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return counts


def _load(conn, parsed_docs, window_days, progress) -> dict[str, int]:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    doc_ids: dict[str, int] = {}
    publishers: dict[str, list[str]] = {}
    texts: dict[str, str] = {}  # mentions point into them instead of copying their paragraphs
    seen_hashes: set[str] = set()
    mentions: list[Mention] = []
    for doc, content_hash, doc_mentions in parsed_docs:
        if content_hash in seen_hashes or doc.path in doc_ids:
            continue
        seen_hashes.add(content_hash)
        name = Path(doc.path).name
        cur = conn.execute(
            "INSERT INTO documents (path, name, content_hash, title, publisher, author, "
            "doc_date, doc_date_text, doc_date_source, encoding, extractor, text, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc.path,
                name,
                content_hash,
                doc.title,
                doc.publisher,
                doc.author,
                doc.date.isoformat() if doc.date else None,
                doc.date_text,
                doc.date_source,
                doc.encoding,
                doc.extractor,
                doc.text,
                now,
            ],
        )
        doc_ids[doc.path] = cur.lastrowid
        publishers[doc.path] = [x for x in (doc.publisher, name) if x]
        texts[doc.path] = doc.text
        mentions.extend(doc_mentions)
        if len(doc_ids) % 5000 == 0:
            progress("documents", len(doc_ids))
    progress("documents", len(doc_ids))

    clusters = cluster_all(mentions, window_days, progress)
    drafts = merge.draft_events(clusters)
    progress("clustered", len(drafts))

    event_ids: list[int] = []
    mention_rows = []
    country_rows = []
    actor_rows = []
    for n, draft in enumerate(drafts, 1):
        event_id = conn.execute(_EVENT_SQL, _event_row(draft, publishers)).lastrowid
        event_ids.append(event_id)
        for m in draft.mentions:
            row = mention_row(m, doc_ids[m.document], texts[m.document])
            row["event_id"] = event_id
            mention_rows.append(row)
        ordered = _ordered(draft)
        countries = _unique(c for m in ordered for c in m.entities.countries)
        country_rows.extend((event_id, c) for c in countries)
        actor_rows.extend(
            (event_id, k, name)
            for k, name in _unique_pairs(
                (a.key, a.name) for m in ordered for a in m.entities.actors
            )
        )
        if len(mention_rows) >= 20_000:
            conn.executemany(_MENTION_SQL, mention_rows)
            mention_rows.clear()
        if n % 50_000 == 0:
            progress("events", n)
    conn.executemany(_MENTION_SQL, mention_rows)
    conn.executemany(
        "INSERT OR IGNORE INTO event_countries (event_id, code) VALUES (?, ?)", country_rows
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_actors (event_id, actor_key, name) VALUES (?, ?, ?)",
        actor_rows,
    )
    progress("events", len(drafts))

    parents, related = links(drafts)
    conn.executemany(
        "UPDATE events SET part_of = ? WHERE id = ?",
        [(event_ids[p], event_ids[c]) for c, p in sorted(parents.items())],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_links (event_id, other_id, kind) VALUES (?, ?, 'related')",
        [(event_ids[a], event_ids[b]) for a, b in sorted(related)],
    )
    progress("linked", len(related))
    return {"documents": len(doc_ids), "mentions": len(mentions), "events": len(drafts)}


def _event_row(draft: merge.EventDraft, publishers: dict[str, list[str]]) -> dict[str, object]:
    """The events row `writer.write_event` writes for this draft."""
    paths = _unique(m.document for m in draft.mentions)
    return event_row(draft, _unique(n for path in paths for n in publishers[path]))


def cluster_all(
    mentions: Sequence[Mention],
    window_days: int | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> list[list[Mention]]:
    """`merge.cluster` over date-ordered windows: the same clusters as one global call.

    A window closes when the next start date lies beyond every span seen so far
    plus `merge.NEAR_DAYS` (no candidate pair can cross it). With `window_days`
    it also closes every that many days of start date (approximate); with 0 every
    mention is a cluster of its own.
    """
    if window_days == 0:
        return sorted(([m] for m in mentions), key=lambda g: g[0].key)
    undated = [[m] for m in mentions if merge.span_of(m) is None]
    dated = sorted(
        ((s, m) for m in mentions if (s := merge.span_of(m)) is not None),
        key=lambda t: (t[0].start, t[1].key),
    )
    clusters: list[list[Mention]] = list(undated)
    window: list[Mention] = []
    reach: date | None = None
    opened: date | None = None
    limit = window_days
    done = 0
    for span, m in dated:
        cut = reach is not None and span.start > merge.shift(reach, merge.NEAR_DAYS)
        if limit is not None and opened is not None and span.start >= merge.shift(opened, limit):
            cut = True
        if cut and window:
            clusters.extend(merge.cluster(window))
            done += len(window)
            if progress and done // 50_000 != (done - len(window)) // 50_000:
                progress("clustering", done)
            window, reach, opened = [], None, None
        window.append(m)
        reach = span.end if reach is None else max(reach, span.end)
        opened = opened or span.start
    if window:
        clusters.extend(merge.cluster(window))
    return sorted(clusters, key=lambda g: min(m.key for m in g))


def links(drafts: Sequence[merge.EventDraft]) -> tuple[dict[int, int], set[tuple[int, int]]]:
    """Part-of and related links between drafts (by index), as incremental ingest sets them.

    Only drafts sharing a name token (a necessary condition of `chronicle.names.same_person`)
    and close in time are compared.

    Returns:
        (child index -> parent index, set of (a, b) related pairs in both directions).
    """
    by_token: dict[str, list[int]] = defaultdict(list)
    spans = [merge.span_of(d.best) for d in drafts]
    for i, d in enumerate(drafts):
        if spans[i] is None:
            continue
        for token in {t for k in d.actor_keys for t in k.split()}:
            by_token[token].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_token.values():
        members.sort(key=lambda i: (spans[i].start, i))
        active: list[int] = []
        for i in members:
            start = spans[i].start
            active = [j for j in active if merge.shift(spans[j].end, merge.RELATED_DAYS) >= start]
            pairs.update((min(i, j), max(i, j)) for j in active)
            active.append(i)
    containers: dict[int, list[int]] = defaultdict(list)
    related: set[tuple[int, int]] = set()
    for a, b in sorted(pairs):
        da, db = drafts[a], drafts[b]
        for child, parent in ((a, b), (b, a)):
            if drafts[parent].type != "citation" and merge.is_part_of(
                drafts[child], drafts[parent]
            ):
                containers[child].append(parent)
                break
        else:
            if merge.is_related(da, db):
                related.update(((a, b), (b, a)))
    parents = {
        child: min(options, key=lambda p: merge.container_rank(drafts[p]))
        for child, options in containers.items()
    }
    return parents, related
