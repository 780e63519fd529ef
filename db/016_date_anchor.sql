-- v16: what a mention's relative date was counted from.
--
-- "last May" in a readout dated 2019-03-02 is May 2018 only because of that date;
-- "three days later" is a date only because of the one the text told before it.
-- The finder notes which (chronicle.ingest.dates.provenance) as "kind:when":
-- "document:2019-03-02", "narrative:2019-02-20", "earlier:2017-12",
-- "heading:2019", "entry:2011-01-23". A date written out in full, and every row
-- stored before this migration, keeps ''; a document read again with the new rules
-- (its extractor fingerprint changed) gets its anchors.

ALTER TABLE mentions ADD COLUMN anchor TEXT NOT NULL DEFAULT '';
