-- v3: search results in date order without sorting them.
--
-- Every date-sorted query used to sort all its matches (ORDER BY date_start IS NULL,
-- date_start, id matches no index), so a common word cost O(matches) for one page.
-- sort_key packs that order into one integer: the day number of date_start (undated
-- events get the largest, so they sort last) in the high bits, the event id in the
-- low 32. The FTS index uses it as its rowid, so FTS5 yields matches already in date
-- order and LIMIT stops after one page; a date filter becomes a rowid range.

ALTER TABLE events ADD COLUMN sort_key INTEGER GENERATED ALWAYS AS (
    (COALESCE(CAST(julianday(date_start) AS INTEGER), 8388607) << 32) | id
) VIRTUAL;

-- Covers the filters most queries carry (citations are hidden by default, and
-- every FTS match is joined through it), so they cost no table lookup.
CREATE UNIQUE INDEX events_by_sort_key ON events (
    sort_key, type, precision, source_count, date_start, date_end
);
DROP INDEX events_by_type;
CREATE INDEX events_by_type ON events (type, sort_key, date_start);
CREATE INDEX events_by_sources ON events (source_count, type, date_start);

-- Lookups by the referencing column: an event's parts (the detail pane), and the
-- foreign-key actions when an event is deleted (re-merging), which otherwise scan
-- these tables once per deleted event.
CREATE INDEX events_by_part_of ON events (part_of) WHERE part_of IS NOT NULL;
CREATE INDEX event_links_by_other ON event_links (other_id);
CREATE INDEX event_countries_by_event ON event_countries (event_id);
CREATE INDEX event_actors_by_event ON event_actors (event_id);

-- Each spelling of each actor once: actor: filters match words in these few
-- thousand rows instead of every (event, actor) pair. Filled by trigger; a name
-- left behind by a removed event matches no event, so it needs no cleanup.
CREATE TABLE actor_names (
    actor_key TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (actor_key, name)
) WITHOUT ROWID;
INSERT OR IGNORE INTO actor_names (actor_key, name) SELECT actor_key, name FROM event_actors;
CREATE TRIGGER event_actors_ai AFTER INSERT ON event_actors BEGIN
    INSERT OR IGNORE INTO actor_names (actor_key, name) VALUES (new.actor_key, new.name);
END;

DROP TRIGGER events_ai;
DROP TRIGGER events_ad;
DROP TRIGGER events_au;
DROP TABLE events_fts;

CREATE VIRTUAL TABLE events_fts USING fts5(
    headline, text, actors, countries, organisations, sources_text, publishers,
    content='events', content_rowid='sort_key',
    tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO events_fts (events_fts) VALUES ('rebuild');

CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES (new.sort_key, new.headline, new.text, new.actors, new.countries, new.organisations, new.sources_text, new.publishers);
END;

CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES ('delete', old.sort_key, old.headline, old.text, old.actors, old.countries, old.organisations, old.sources_text, old.publishers);
END;

-- Only a change to indexed text or the date moves the FTS row (not part_of, conflict).
CREATE TRIGGER events_au AFTER UPDATE OF
    date_start, headline, text, actors, countries, organisations, sources_text, publishers
ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES ('delete', old.sort_key, old.headline, old.text, old.actors, old.countries, old.organisations, old.sources_text, old.publishers);
    INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES (new.sort_key, new.headline, new.text, new.actors, new.countries, new.organisations, new.sources_text, new.publishers);
END;
