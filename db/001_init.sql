-- chronicle schema v1: documents, the dated mentions found in them, and the
-- events that mentions are merged into. events_fts is an external-content
-- FTS5 index over events, kept in sync by triggers.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

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
    encoding TEXT NOT NULL DEFAULT 'utf-8',
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    date_start TEXT,
    date_end TEXT,
    precision TEXT NOT NULL,
    type TEXT NOT NULL,
    headline TEXT NOT NULL,
    text TEXT NOT NULL,
    actors TEXT NOT NULL DEFAULT '',        -- display names, '; '-joined (for FTS)
    countries TEXT NOT NULL DEFAULT '',     -- ISO codes and names, ' '-joined (for FTS)
    organisations TEXT NOT NULL DEFAULT '',
    sources_text TEXT NOT NULL DEFAULT '',  -- every source sentence (for FTS)
    publishers TEXT NOT NULL DEFAULT '',    -- publishers and file names (for source:)
    source_count INTEGER NOT NULL DEFAULT 1,
    conflict INTEGER NOT NULL DEFAULT 0,    -- 1 when sources disagree on the date
    part_of INTEGER REFERENCES events(id) ON DELETE SET NULL
);

CREATE INDEX events_by_date ON events (date_start, id);
CREATE INDEX events_by_type ON events (type, date_start, id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    sentence TEXT NOT NULL,
    paragraph TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    date_text TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    precision TEXT NOT NULL,
    modifier TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL,
    types TEXT NOT NULL,          -- JSON list
    actors TEXT NOT NULL,         -- JSON list of {name, key, role, country}
    countries TEXT NOT NULL,      -- JSON list of ISO codes
    organisations TEXT NOT NULL,  -- JSON list
    headline TEXT NOT NULL,
    footnotes TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX mentions_by_event ON mentions (event_id);
CREATE INDEX mentions_by_document ON mentions (document_id);
CREATE INDEX mentions_by_date ON mentions (date_start, date_end);

-- Normalised facets for fast filters (country:, actor:).
CREATE TABLE event_countries (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (code, event_id)
) WITHOUT ROWID;

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_key TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (actor_key, event_id)
) WITHOUT ROWID;

CREATE TABLE event_links (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,  -- 'related'
    PRIMARY KEY (event_id, other_id, kind)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE events_fts USING fts5(
    headline, text, actors, countries, organisations, sources_text, publishers,
    content='events', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES (new.id, new.headline, new.text, new.actors, new.countries, new.organisations, new.sources_text, new.publishers);
END;

CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES ('delete', old.id, old.headline, old.text, old.actors, old.countries, old.organisations, old.sources_text, old.publishers);
END;

CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES ('delete', old.id, old.headline, old.text, old.actors, old.countries, old.organisations, old.sources_text, old.publishers);
    INSERT INTO events_fts (rowid, headline, text, actors, countries, organisations, sources_text, publishers)
    VALUES (new.id, new.headline, new.text, new.actors, new.countries, new.organisations, new.sources_text, new.publishers);
END;
