-- v25: weigh some of the review queue's marks again (chronicle/store/review_flags.py).
--
-- Before this version a vague mention whose fit moved to a newcomer in its own event kept
-- the WORDS mark of its old fit: a few marks in a thousand-document store disagreed with
-- a weighing from scratch. The events holding a vague mention attached to a precise one
-- (about one in twenty) are weighed from their members when the store is next opened
-- for writing (`review_flags.FILLS`).
INSERT OR REPLACE INTO meta (key, value)
SELECT 'review_flags', 'refitted' WHERE EXISTS (SELECT 1 FROM events)
AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'review_flags' AND value = 'pending');
