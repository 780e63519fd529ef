-- v18: the analyst's own work: stars, tags, notes, corrections and saved searches.
--
-- Events are rebuilt whenever documents come and go, so nothing the analyst decides
-- is keyed by an event id. An annotation is anchored to the mentions its event held
-- when it was made (a mention's key is its document's content hash and the offset of
-- its date, the same in every database that read that document); it belongs to the
-- event that now holds its first anchor still stored (`annotation_events`). When
-- every anchor is gone the annotation stays, unattached, to be reported and to come
-- back if the document does.

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    starred INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    correction TEXT NOT NULL DEFAULT '{}',  -- JSON: field -> the analyst's value
    machine TEXT NOT NULL DEFAULT '{}',     -- JSON: field -> the machine's value beside it
    label TEXT NOT NULL DEFAULT '',         -- the event when last edited: date, headline, source
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE annotation_anchors (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    mention_key TEXT NOT NULL,
    PRIMARY KEY (annotation_id, rank)
) WITHOUT ROWID;

CREATE INDEX annotation_anchors_by_key ON annotation_anchors (mention_key, annotation_id);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (tag, annotation_id)
) WITHOUT ROWID;

CREATE INDEX annotation_tags_by_annotation ON annotation_tags (annotation_id);

-- Where each annotation is now: the event holding its first anchor still stored
-- (NULL when none is). Annotations are few (made by hand), so this stays cheap.
CREATE VIEW annotation_events AS
SELECT a.id AS annotation_id,
       (SELECT m.event_id
          FROM annotation_anchors aa JOIN mentions m ON m.key = aa.mention_key
         WHERE aa.annotation_id = a.id AND m.event_id IS NOT NULL
         ORDER BY aa.rank LIMIT 1) AS event_id
FROM annotations a;

CREATE TABLE saved_searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
