-- v8: counts kept up to date on write.
--
-- `chronicle stats` and the histogram of all events used to GROUP BY over every
-- event, country tag and mention: seconds at a million events, and more on a cold
-- cache. These tables hold the same numbers, changed by triggers as rows come and
-- go, so reading them costs a few hundred rows whatever the chronicle holds. A
-- count that falls to zero loses its row, so each table equals its GROUP BY.
--
-- Merging deletes and rewrites events all the time; the triggers follow the
-- writer's real moves: mentions set to NULL and pointed at a new event, events
-- deleted (their country tags cascade), documents removed with their mentions.

CREATE TABLE count_totals (
    name TEXT PRIMARY KEY,  -- 'documents', 'mentions', 'events'
    n INTEGER NOT NULL
) WITHOUT ROWID;

-- Year (or 'undated') by type: the year and type facets are its two margins, and
-- the histogram of all events is the year margin without citations.
CREATE TABLE count_years_types (
    year TEXT NOT NULL,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (year, type)
) WITHOUT ROWID;

CREATE TABLE count_countries (
    code TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

-- A source (publisher, else file name) counts each event once however many of
-- its mentions it gave, so the pairs are kept with how many mentions make them;
-- count_sources counts the pairs.
CREATE TABLE event_sources (
    event_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (event_id, source)
) WITHOUT ROWID;

CREATE TABLE count_sources (
    source TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

-- Every file without a publisher is a source of its own: tens of thousands of
-- rows in a large chronicle, of which `stats` shows the largest few.
CREATE INDEX count_sources_by_size ON count_sources (n DESC, source);

-- Filled from what the database already holds, before any trigger exists.
INSERT INTO count_totals (name, n) VALUES
    ('documents', (SELECT count(*) FROM documents)),
    ('mentions', (SELECT count(*) FROM mentions)),
    ('events', (SELECT count(*) FROM events));
INSERT INTO count_years_types (year, type, n)
    SELECT coalesce(substr(date_start, 1, 4), 'undated'), type, count(*)
    FROM events GROUP BY 1, 2;
INSERT INTO count_countries (code, n)
    SELECT code, count(*) FROM event_countries GROUP BY code;
INSERT INTO event_sources (event_id, source, n)
    SELECT m.event_id, coalesce(nullif(d.publisher, ''), d.name), count(*)
    FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.event_id IS NOT NULL GROUP BY 1, 2;
INSERT INTO count_sources (source, n)
    SELECT source, count(*) FROM event_sources GROUP BY source;

-- Documents --------------------------------------------------------------

CREATE TRIGGER counts_documents_ai AFTER INSERT ON documents BEGIN
    UPDATE count_totals SET n = n + 1 WHERE name = 'documents';
END;

-- The cascade to mentions runs after the document row is gone, when a mention's
-- source can no longer be looked up; deleting them first keeps it in reach.
CREATE TRIGGER counts_documents_bd BEFORE DELETE ON documents BEGIN
    DELETE FROM mentions WHERE document_id = old.id;
END;

CREATE TRIGGER counts_documents_ad AFTER DELETE ON documents BEGIN
    UPDATE count_totals SET n = n - 1 WHERE name = 'documents';
END;

-- A new publisher (or file name) moves the document's events to the new source.
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

-- Mentions ---------------------------------------------------------------

CREATE TRIGGER counts_mentions_ai AFTER INSERT ON mentions BEGIN
    UPDATE count_totals SET n = n + 1 WHERE name = 'mentions';
    INSERT INTO event_sources (event_id, source, n)
        SELECT new.event_id, coalesce(nullif(publisher, ''), name), 1
        FROM documents WHERE id = new.document_id AND new.event_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_mentions_ad AFTER DELETE ON mentions BEGIN
    UPDATE count_totals SET n = n - 1 WHERE name = 'mentions';
    UPDATE event_sources SET n = n - 1
    WHERE event_id = old.event_id AND source = (
        SELECT coalesce(nullif(publisher, ''), name) FROM documents WHERE id = old.document_id
    );
    DELETE FROM event_sources WHERE event_id = old.event_id AND n = 0;
END;

-- Re-merging sets event_id to NULL, then points it at the rewritten event.
CREATE TRIGGER counts_mentions_au AFTER UPDATE OF event_id, document_id ON mentions
WHEN old.event_id IS NOT new.event_id OR old.document_id IS NOT new.document_id
BEGIN
    UPDATE event_sources SET n = n - 1
    WHERE event_id = old.event_id AND source = (
        SELECT coalesce(nullif(publisher, ''), name) FROM documents WHERE id = old.document_id
    );
    DELETE FROM event_sources WHERE event_id = old.event_id AND n = 0;
    INSERT INTO event_sources (event_id, source, n)
        SELECT new.event_id, coalesce(nullif(publisher, ''), name), 1
        FROM documents WHERE id = new.document_id AND new.event_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_event_sources_ai AFTER INSERT ON event_sources BEGIN
    INSERT INTO count_sources (source, n) VALUES (new.source, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_event_sources_ad AFTER DELETE ON event_sources BEGIN
    UPDATE count_sources SET n = n - 1 WHERE source = old.source;
    DELETE FROM count_sources WHERE source = old.source AND n = 0;
END;

-- Events -----------------------------------------------------------------

CREATE TRIGGER counts_events_ai AFTER INSERT ON events BEGIN
    UPDATE count_totals SET n = n + 1 WHERE name = 'events';
    INSERT INTO count_years_types (year, type, n)
    VALUES (coalesce(substr(new.date_start, 1, 4), 'undated'), new.type, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_events_ad AFTER DELETE ON events BEGIN
    UPDATE count_totals SET n = n - 1 WHERE name = 'events';
    UPDATE count_years_types SET n = n - 1
    WHERE year = coalesce(substr(old.date_start, 1, 4), 'undated') AND type = old.type;
    DELETE FROM count_years_types
    WHERE year = coalesce(substr(old.date_start, 1, 4), 'undated') AND type = old.type AND n = 0;
END;

CREATE TRIGGER counts_events_au AFTER UPDATE OF date_start, type ON events
WHEN coalesce(substr(old.date_start, 1, 4), 'undated') IS NOT coalesce(substr(new.date_start, 1, 4), 'undated')
  OR old.type IS NOT new.type
BEGIN
    UPDATE count_years_types SET n = n - 1
    WHERE year = coalesce(substr(old.date_start, 1, 4), 'undated') AND type = old.type;
    DELETE FROM count_years_types
    WHERE year = coalesce(substr(old.date_start, 1, 4), 'undated') AND type = old.type AND n = 0;
    INSERT INTO count_years_types (year, type, n)
    VALUES (coalesce(substr(new.date_start, 1, 4), 'undated'), new.type, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_event_countries_ai AFTER INSERT ON event_countries BEGIN
    INSERT INTO count_countries (code, n) VALUES (new.code, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER counts_event_countries_ad AFTER DELETE ON event_countries BEGIN
    UPDATE count_countries SET n = n - 1 WHERE code = old.code;
    DELETE FROM count_countries WHERE code = old.code AND n = 0;
END;

CREATE TRIGGER counts_event_countries_au AFTER UPDATE OF code ON event_countries
WHEN old.code IS NOT new.code
BEGIN
    UPDATE count_countries SET n = n - 1 WHERE code = old.code;
    DELETE FROM count_countries WHERE code = old.code AND n = 0;
    INSERT INTO count_countries (code, n) VALUES (new.code, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
