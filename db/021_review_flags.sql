-- v21: the review queue's kinds (issue 18), kept at merge time (chronicle/store/review_flags.py).
--
-- mentions.review marks a member the merge was least sure of: 1 (words) it is linked
-- to the rest of its event only by similar words, 2 (vague) its coarse date fits a
-- precise report of another event too; review_witness is that other report, so that
-- when it is removed the mark is weighed again (review_recheck, filled by a trigger).
-- events.review is what its members' marks add up to, with 4 (bridged): it holds both
-- sides of a split of the analyst's. Dates that disagree stay events.conflict (v19).
--
-- Bridged events are found here in SQL; the members' marks need the merge rule, so
-- the store weighs every stored event once on its next write (meta review_flags).

ALTER TABLE mentions ADD COLUMN review INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN review_witness TEXT;
ALTER TABLE events ADD COLUMN review INTEGER NOT NULL DEFAULT 0;

CREATE INDEX mentions_in_review ON mentions (event_id) WHERE review != 0;
CREATE INDEX mentions_by_witness ON mentions (review_witness) WHERE review_witness IS NOT NULL;
CREATE INDEX events_review_flags ON events (sort_key) WHERE review != 0;

CREATE TABLE review_recheck (key TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER review_witness_gone AFTER DELETE ON mentions
BEGIN
    INSERT OR IGNORE INTO review_recheck (key)
    SELECT key FROM mentions WHERE review_witness = old.key;
END;

UPDATE events SET review = 4 WHERE id IN (
    SELECT ma.event_id FROM decision_pairs p
    JOIN decisions d ON d.id = p.decision_id AND d.kind = 'split'
    JOIN mentions ma ON ma.key = p.a_key
    JOIN mentions mb ON mb.key = p.b_key
    WHERE ma.event_id = mb.event_id
);

INSERT OR REPLACE INTO meta (key, value)
SELECT 'review_flags', 'pending' WHERE EXISTS (SELECT 1 FROM events);
