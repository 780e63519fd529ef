-- v22: an event the analyst corrected is searched, filtered and counted as corrected.
--
-- Until now only a corrected date or type was written into the event's row; a
-- corrected headline, people or countries was shown where events are read, so the
-- search index kept the machine's headline and `country:`, `actor:`, the facets and
-- the counts the machine's tags. Now every correction is written where it is read:
--
-- * date, type, people and countries into the event's row and its tag tables
--   (event_actors, event_countries), so the filters, facets and the counts the
--   triggers of 008 keep follow them with no change to the queries;
-- * the headline into corrected_events, which the index's view event_text reads
--   before the best mention's. The index keeps the sources' sentences (`text`,
--   `sources_text`): an event is found by the analyst's headline and by what its
--   documents say, not by words only the machine's headline held.
--
-- corrected_events keeps, beside the correction an event shows, the machine's values
-- of the same fields as the rows would hold them (the row's text, the tag rows), so
-- undoing a correction writes them back exactly, and the merge, which rewrites an
-- event from its stored totals (chronicle.store.writer.load_state), reads the
-- machine's people and countries there, never the analyst's. The writer keeps that
-- copy up to date when it rewrites a corrected event in place.
--
-- Events are rebuilt as documents come and go, and a correction belongs to the event
-- holding its annotation's first anchor (018). The triggers below note, as the
-- merge moves or deletes a mention a corrected annotation is anchored to, that the
-- annotation may now belong elsewhere (corrections_pending); after each write
-- chronicle.store.annotating.reapply_corrections applies those, and only those, again.
-- So adding a document costs what it moved, not what the corrections hold.

CREATE TABLE corrected_events (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    correction TEXT NOT NULL,  -- JSON: field -> the analyst's value the rows show
    machine TEXT NOT NULL      -- JSON: field -> the machine's value, as the rows would hold it
);

-- Which annotations' corrections an event shows (combined when several belong to it).
CREATE TABLE corrections_applied (
    annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES corrected_events(event_id) ON DELETE CASCADE
);
CREATE INDEX corrections_applied_by_event ON corrections_applied (event_id);

-- Corrected annotations whose event may have changed since they were applied.
CREATE TABLE corrections_pending (
    annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE
);

CREATE TRIGGER corrections_follow_moved AFTER UPDATE OF event_id ON mentions
WHEN new.event_id IS NOT NULL AND old.event_id IS NOT new.event_id
BEGIN
    INSERT OR IGNORE INTO corrections_pending (annotation_id)
    SELECT aa.annotation_id FROM annotation_anchors aa
    JOIN annotations a ON a.id = aa.annotation_id
    WHERE aa.mention_key = new.key AND a.correction != '{}';
END;

CREATE TRIGGER corrections_follow_removed AFTER DELETE ON mentions BEGIN
    INSERT OR IGNORE INTO corrections_pending (annotation_id)
    SELECT aa.annotation_id FROM annotation_anchors aa
    JOIN annotations a ON a.id = aa.annotation_id
    WHERE aa.mention_key = old.key AND a.correction != '{}';
END;

-- The index's text, as 012 made it, with the analyst's headline first.
DROP VIEW event_search;
DROP VIEW event_text;

CREATE VIEW event_text AS
SELECT
    e.id AS event_id,
    e.sort_key AS sort_key,
    e.indexed AS indexed,
    coalesce(c.correction ->> '$.headline', b.headline) AS headline,
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
JOIN documents bd ON bd.id = b.document_id
LEFT JOIN corrected_events c ON c.event_id = e.id;

CREATE VIEW event_search AS SELECT * FROM event_text WHERE indexed;

-- A change of the analyst's headline takes the event out of the index first, as the
-- triggers of 012 do for the row (the writer puts it back: index_pending). A row
-- deleted with its event finds no event left to take out.

CREATE TRIGGER corrected_events_fts_bi BEFORE INSERT ON corrected_events
WHEN new.correction ->> '$.headline' IS NOT NULL BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = new.event_id AND indexed;
    UPDATE events SET indexed = 0 WHERE id = new.event_id AND indexed;
END;

CREATE TRIGGER corrected_events_fts_bu BEFORE UPDATE OF correction ON corrected_events
WHEN old.correction ->> '$.headline' IS NOT new.correction ->> '$.headline' BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = old.event_id AND indexed;
    UPDATE events SET indexed = 0 WHERE id = old.event_id AND indexed;
END;

CREATE TRIGGER corrected_events_fts_bd BEFORE DELETE ON corrected_events
WHEN old.correction ->> '$.headline' IS NOT NULL BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries,
                            organisations, sources_text, publishers)
    SELECT 'delete', sort_key, headline, text, actors, countries, organisations,
           sources_text, publishers
    FROM event_text WHERE event_id = old.event_id AND indexed;
    UPDATE events SET indexed = 0 WHERE id = old.event_id AND indexed;
END;

-- A store corrected before v22 holds corrected dates and types in its rows with the
-- machine's values in the annotations: those rows get the machine's values back
-- (the newest annotation's, as the store showed them), and every corrected
-- annotation waits to be applied anew, by the next write.

CREATE TEMP TABLE legacy_machine AS
SELECT ae.event_id AS event_id, f.key AS field, a.machine -> ('$.' || f.key) AS value,
       a.updated_at AS updated_at
FROM annotations a
JOIN annotation_events ae ON ae.annotation_id = a.id, json_each(a.correction) f
WHERE ae.event_id IS NOT NULL
  AND f.key IN ('date_start', 'date_end', 'precision', 'type')
  AND json_type(a.machine, '$.' || f.key) IS NOT NULL;

UPDATE events SET date_start = l.value ->> '$' FROM (
    SELECT event_id, value, max(updated_at) FROM temp.legacy_machine
    WHERE field = 'date_start' GROUP BY event_id
) AS l WHERE l.event_id = events.id;
UPDATE events SET date_end = l.value ->> '$' FROM (
    SELECT event_id, value, max(updated_at) FROM temp.legacy_machine
    WHERE field = 'date_end' GROUP BY event_id
) AS l WHERE l.event_id = events.id;
UPDATE events SET precision = l.value ->> '$' FROM (
    SELECT event_id, value, max(updated_at) FROM temp.legacy_machine
    WHERE field = 'precision' GROUP BY event_id
) AS l WHERE l.event_id = events.id;
UPDATE events SET type = l.value ->> '$' FROM (
    SELECT event_id, value, max(updated_at) FROM temp.legacy_machine
    WHERE field = 'type' GROUP BY event_id
) AS l WHERE l.event_id = events.id;
DROP TABLE temp.legacy_machine;

INSERT INTO corrections_pending (annotation_id)
SELECT id FROM annotations WHERE correction != '{}';

INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations,
                        sources_text, publishers)
SELECT sort_key, headline, text, actors, countries, organisations, sources_text, publishers
FROM event_text WHERE indexed = 0;
UPDATE events SET indexed = 1 WHERE indexed = 0;
