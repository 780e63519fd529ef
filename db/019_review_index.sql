-- v19: the review queue (`review:dates`) reads the few events whose sources disagree
-- on the date through this index instead of every event row.
CREATE INDEX events_in_review ON events (sort_key) WHERE conflict = 1;
