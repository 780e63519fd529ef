-- v9: an event keeps the totals its row is computed from.
--
-- A report that joins a big event used to make the merge read every member again
-- to recompute the row (the best mention, the type votes, the date conflict). With
-- these columns the row is recomputed from the stored totals and the new mentions
-- only (chronicle/merge/state.py), so joining costs the same for an event of two
-- sources or two thousand. Events stored before have no totals (best_key is NULL):
-- the first change to one computes them from its mentions, once.
ALTER TABLE events ADD COLUMN best_key TEXT;
ALTER TABLE events ADD COLUMN votes TEXT NOT NULL DEFAULT '{}';
ALTER TABLE events ADD COLUMN latest_start TEXT;
ALTER TABLE events ADD COLUMN earliest_end TEXT;
