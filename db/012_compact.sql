-- v12: the search index reads its text from the mentions instead of copies in events.
--
-- events_fts indexed headline, text, people, countries, organisations, every other
-- source sentence and the publishers, and its content table, events, held a copy of
-- each: the best mention's headline and sentence (both already in mentions and the
-- document's text), every other member's sentence, and the publisher and file name
-- of every source document. Those copies were a fifth of the database. Now the index's
-- content is the view event_text (event_search: those indexed), which computes the same columns from the event's
-- row, its best mention (best_key) and its members' documents; FTS5 reads it only for
-- highlight() and snippet() on the rows shown, and for 'rebuild' and 'integrity-check'.
--
-- An external-content index must be told the old text of a row to remove it, and the
-- view can only give that text while the event, its mentions and their documents are
-- as they were indexed. So every change that alters what the view shows for an event
-- first removes the event's row from the index (BEFORE triggers, while the view still
-- shows the old text) and marks the event unindexed (events.indexed = 0); the writer
-- indexes the marked events again once it has written them
-- (chronicle.store.writer.index_pending). An event moved by many statements in one
-- write is removed once and indexed once, not once per statement.
--
-- The source: filter matched the copied publishers with LIKE; it now looks at the
-- event's documents (chronicle.search.compile).

-- Events stored before v9 have no best mention: it is the member whose sentence and
-- headline the row shows (the smallest key among equals, as the merge picks).
UPDATE events SET best_key = (
    SELECT m.key FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.event_id = events.id AND m.headline = events.headline
      AND coalesce(m.sentence, substr(d.text, m.sentence_start + 1,
                                      m.sentence_end - m.sentence_start)) = events.text
    ORDER BY m.key LIMIT 1
)
WHERE best_key IS NULL;

DROP TRIGGER events_ai;
DROP TRIGGER events_ad;
DROP TRIGGER events_au;
DROP TABLE events_fts;

ALTER TABLE events DROP COLUMN headline;
ALTER TABLE events DROP COLUMN text;
ALTER TABLE events DROP COLUMN sources_text;
ALTER TABLE events DROP COLUMN publishers;
ALTER TABLE events ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;

-- Filters find dates through the sort key's range (migration 003); nothing reads
-- events by date_start alone.
DROP INDEX events_by_date;

-- The events still to index: none between writes, so this index is nearly empty.
CREATE INDEX events_unindexed ON events (id) WHERE indexed = 0;

-- A sentence as one line, as chronicle.merge.state.one_line makes it: Python's
-- str.splitlines() breaks (\r\n counts once, a final break is dropped) become spaces.
CREATE VIEW event_text AS
SELECT
    e.id AS event_id,
    e.sort_key AS sort_key,
    e.indexed AS indexed,
    b.headline AS headline,
    coalesce(b.sentence, substr(bd.text, b.sentence_start + 1,
                                b.sentence_end - b.sentence_start)) AS text,
    e.actors AS actors,
    e.countries AS countries,
    e.organisations AS organisations,
    coalesce((
        SELECT group_concat(line, char(10)) FROM (
            SELECT replace(CASE WHEN substr(broken, -1) = char(10)
                                THEN substr(broken, 1, length(broken) - 1) ELSE broken END,
                           char(10), ' ') AS line
            FROM (
                SELECT replace(replace(replace(replace(replace(replace(replace(replace(
                       replace(replace(
                           coalesce(m.sentence, substr(d.text, m.sentence_start + 1,
                                                       m.sentence_end - m.sentence_start)),
                       char(13, 10), char(10)), char(13), char(10)), char(11), char(10)),
                       char(12), char(10)), char(28), char(10)), char(29), char(10)),
                       char(30), char(10)), char(133), char(10)), char(8232), char(10)),
                       char(8233), char(10)) AS broken
                FROM mentions m JOIN documents d ON d.id = m.document_id
                WHERE m.event_id = e.id AND m.key != e.best_key
            )
            ORDER BY line
        )
    ), '') AS sources_text,
    coalesce((
        SELECT group_concat(source, char(10)) FROM (
            SELECT DISTINCT source FROM (
                SELECT d.publisher AS source FROM mentions m
                JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id
                UNION ALL
                SELECT d.name FROM mentions m
                JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id
            )
            WHERE source != ''
            ORDER BY source
        )
    ), '') AS publishers
FROM events e
JOIN mentions b ON b.key = e.best_key
JOIN documents bd ON bd.id = b.document_id;

-- The index's content: the events it holds, so FTS5's integrity-check compares it
-- with exactly those (an event left out is a problem of its own, found by
-- chronicle.store.integrity).
CREATE VIEW event_search AS SELECT * FROM event_text WHERE indexed;

CREATE VIRTUAL TABLE events_fts USING fts5(
    headline, text, actors, countries, organisations, sources_text, publishers,
    content='event_search', content_rowid='sort_key',
    tokenize='porter unicode61 remove_diacritics 2'
);
UPDATE events SET indexed = 1;
INSERT INTO events_fts (events_fts) VALUES ('rebuild');

-- Removing an event's row from the index, with the text the view shows for it now.
-- Each trigger below runs it for the events a change is about to alter.

CREATE TRIGGER events_fts_bd BEFORE DELETE ON events WHEN old.indexed BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = old.id;
END;

-- A BEFORE trigger must not change the row being updated, so the mark is set after.
CREATE TRIGGER events_fts_bu BEFORE UPDATE OF
    id, date_start, best_key, actors, countries, organisations
ON events WHEN old.indexed BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = old.id;
END;

CREATE TRIGGER events_fts_au AFTER UPDATE OF
    id, date_start, best_key, actors, countries, organisations
ON events WHEN old.indexed AND new.indexed BEGIN
    UPDATE events SET indexed = 0 WHERE id = new.id;
END;

CREATE TRIGGER mentions_fts_bi BEFORE INSERT ON mentions WHEN new.event_id IS NOT NULL BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = new.event_id AND indexed;
    UPDATE events SET indexed = 0 WHERE id = new.event_id AND indexed;
END;

CREATE TRIGGER mentions_fts_bu BEFORE UPDATE OF
    event_id, key, document_id, headline, sentence, sentence_start, sentence_end
ON mentions WHEN old.event_id IS NOT NULL OR new.event_id IS NOT NULL BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id IN (old.event_id, new.event_id) AND indexed;
    UPDATE events SET indexed = 0 WHERE id IN (old.event_id, new.event_id) AND indexed;
END;

CREATE TRIGGER mentions_fts_bd BEFORE DELETE ON mentions WHEN old.event_id IS NOT NULL BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = old.event_id AND indexed;
    UPDATE events SET indexed = 0 WHERE id = old.event_id AND indexed;
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
