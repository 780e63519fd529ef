-- v17: a document's text is the last column of its row; older stores are brought in
-- line with what the writer now keeps.
-- migrate: foreign keys off
--
-- 1. documents.text last. SQLite reads a row's columns in order, and a text of many
-- pages lies in a chain of overflow pages; the columns ALTER TABLE added (the date's
-- source, extractor, format, url) and ingested_at stood after it, so reading a
-- document's url or format (the detail pane's sources, `chronicle documents`) walked
-- its whole text. The table is rebuilt with the text last, keeping every id; the
-- line above makes chronicle.store.connection run this with foreign keys off (with
-- them on, dropping the old table would delete every mention by cascade) and check
-- them before it commits. legacy_alter_table keeps the rename from touching what
-- points at documents (the mentions', series' and inline_documents' foreign keys, the
-- view event_text): they name the new table once it is in place. Dropping the old
-- table drops its index and triggers; they are created again below as 002, 008, 011,
-- 012 and 014 wrote them, in that order (SQLite fires them by their order).

PRAGMA legacy_alter_table = ON;
ALTER TABLE documents RENAME TO documents_v16;

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    doc_date TEXT,
    doc_date_text TEXT NOT NULL DEFAULT '',
    doc_date_source TEXT NOT NULL DEFAULT '',
    encoding TEXT NOT NULL DEFAULT 'utf-8',
    extractor TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL
);

INSERT INTO documents (
    id, path, name, content_hash, title, publisher, author, doc_date, doc_date_text,
    doc_date_source, encoding, extractor, format, url, ingested_at, text
)
SELECT
    id, path, name, content_hash, title, publisher, author, doc_date, doc_date_text,
    doc_date_source, encoding, extractor, format, url, ingested_at, text
FROM documents_v16;

DROP TABLE documents_v16;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX documents_by_path ON documents (path);

CREATE TRIGGER counts_documents_ai AFTER INSERT ON documents BEGIN
    UPDATE count_totals SET n = n + 1 WHERE name = 'documents';
END;

CREATE TRIGGER counts_documents_bd BEFORE DELETE ON documents BEGIN
    DELETE FROM mentions WHERE document_id = old.id;
END;

CREATE TRIGGER counts_documents_ad AFTER DELETE ON documents BEGIN
    UPDATE count_totals SET n = n - 1 WHERE name = 'documents';
END;

CREATE TRIGGER counts_documents_au AFTER UPDATE OF publisher, name ON documents
WHEN coalesce(nullif(old.publisher, ''), old.name) IS NOT coalesce(nullif(new.publisher, ''), new.name)
BEGIN
    UPDATE event_sources SET n = n - (
        SELECT count(*) FROM mentions m
        WHERE m.document_id = old.id AND m.event_id = event_sources.event_id
    )
    WHERE source = coalesce(nullif(old.publisher, ''), old.name)
      AND event_id IN (SELECT event_id FROM mentions WHERE document_id = old.id);
    DELETE FROM event_sources
    WHERE source = coalesce(nullif(old.publisher, ''), old.name) AND n = 0
      AND event_id IN (SELECT event_id FROM mentions WHERE document_id = old.id);
    INSERT INTO event_sources (event_id, source, n)
        SELECT event_id, coalesce(nullif(new.publisher, ''), new.name), count(*)
        FROM mentions WHERE document_id = new.id AND event_id IS NOT NULL
        GROUP BY event_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER documents_series_bd BEFORE DELETE ON documents BEGIN
    DELETE FROM series WHERE document_id = old.id;
END;

CREATE TRIGGER documents_fts_bu BEFORE UPDATE OF publisher, name, text ON documents BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text
    WHERE event_id IN (SELECT event_id FROM mentions WHERE document_id = old.id) AND indexed;
    UPDATE events SET indexed = 0
    WHERE id IN (SELECT event_id FROM mentions WHERE document_id = old.id) AND indexed;
END;

CREATE TRIGGER inline_documents_gone AFTER DELETE ON documents BEGIN
    DELETE FROM inline_documents WHERE document_id = old.id;
END;

-- 2. Large documents stored before v14 keep their mentions' texts inline, as the
-- writer keeps those of a document over chronicle.store.writer.INLINE_ABOVE (262,144)
-- characters. Listed here; chronicle.store.connection.inline_sliced_texts then cuts
-- each slice from the text once, after this script (SQL would read the whole text
-- for each slice). A text holding a NUL counts only up to it here, but the writer
-- never sliced such a text.

INSERT INTO inline_documents (document_id)
SELECT id FROM documents
WHERE length(text) > 262144 AND id NOT IN (SELECT document_id FROM inline_documents);

-- 3. An event must have its best mention among its members: the search index and
-- every reader reach an event through it (event_text, reader._EVENT_SOURCE join on
-- best_key). Migration 012 gave each event stored before v9 the member its row
-- showed; should none have matched, the event would be in no result. Such an event
-- gets the member chronicle.merge.drafts.best_mention picks (most exact date, not a
-- citation, most people, most countries, smallest key); the change takes it out of
-- the index (the triggers of 012) and step 5 puts it back.

UPDATE events SET best_key = (
    SELECT m.key FROM mentions m WHERE m.event_id = events.id
    ORDER BY CASE m.precision
                 WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2
                 WHEN 'year' THEN 3 WHEN 'approximate' THEN 4 WHEN 'unresolved' THEN 5
                 ELSE 9 END,
             m.type = 'citation', -json_array_length(m.actors),
             -json_array_length(m.countries), m.key
    LIMIT 1
)
WHERE NOT EXISTS (
    SELECT 1 FROM mentions m WHERE m.key = events.best_key AND m.event_id = events.id
) AND EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id);

-- 4. The totals v9 added (type votes, latest first day, earliest last day) for the
-- events stored before it: 012 filled their best_key, which was the writer's sign
-- that an event has no totals yet (chronicle.store.writer.load_state), so a report
-- joining one counted none of its members' votes or dates and could give the event
-- another type or miss a conflict. Computed as chronicle.merge.drafts does
-- (type_votes, date_bounds); an event whose members vote for no type has '{}' and
-- gets it again.

UPDATE events SET
    votes = (
        SELECT json_group_object(kind, n) FROM (
            SELECT t.value AS kind, sum(CASE WHEN t.key = 0 THEN 2 ELSE 1 END) AS n
            FROM mentions m, json_each(m.types) t
            WHERE m.event_id = events.id AND t.value NOT IN ('other', 'citation')
            GROUP BY t.value ORDER BY t.value
        )
    ),
    latest_start = (
        SELECT max(date_start) FROM mentions
        WHERE event_id = events.id AND date_start IS NOT NULL AND date_end IS NOT NULL
    ),
    earliest_end = (
        SELECT min(date_end) FROM mentions
        WHERE event_id = events.id AND date_start IS NOT NULL AND date_end IS NOT NULL
    )
WHERE votes = '{}';

-- 5. The search index takes back the events step 3 took out of it, with their text
-- now (chronicle.store.writer.index_pending).

INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations,
                        sources_text, publishers)
SELECT sort_key, headline, text, actors, countries, organisations, sources_text, publishers
FROM event_text WHERE indexed = 0;
UPDATE events SET indexed = 1 WHERE indexed = 0;
