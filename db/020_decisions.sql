-- v20: the analyst's merge decisions (issue 18): joins and splits that every later
-- merge respects.
--
-- A decision is kept by mention keys (a document's content hash and the offset of a
-- date), never by event ids, so it survives every rebuild and holds in any ingest
-- order. A join is one pair (a mention of each event: an extra edge of the same-event
-- graph); a split of a mention out of its event is one pair with every other member
-- it had then (those direct links are cut). A later decision on a pair replaces the
-- earlier one (a pair belongs to one decision). A decision whose mentions are gone
-- stays, inactive, and acts again when they come back.

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('join', 'split')),
    mention_key TEXT NOT NULL,  -- the mention split off, or the kept event's own key
    made_at TEXT NOT NULL
);

CREATE TABLE decision_pairs (
    a_key TEXT NOT NULL,
    b_key TEXT NOT NULL,
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    PRIMARY KEY (a_key, b_key),
    CHECK (a_key < b_key)
) WITHOUT ROWID;

CREATE INDEX decision_pairs_by_b ON decision_pairs (b_key, a_key);
CREATE INDEX decision_pairs_by_decision ON decision_pairs (decision_id);
