-- v4: how each document's own date was found.
--
-- A document's date anchors every relative date in it ("yesterday", "last October"),
-- and pages carry dates that are not theirs (today's date in a site's masthead, the
-- dates of related links). The name of the strategy that chose the date ("byline",
-- "published_line", "date_under_title", ...) lets a reader judge it; '' when the
-- document has no date or was stored before this column existed.

ALTER TABLE documents ADD COLUMN doc_date_source TEXT NOT NULL DEFAULT '';
