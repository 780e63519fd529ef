-- v5: which extractor read each document.
--
-- An unchanged file is skipped on re-ingest; after an upgrade its events would keep
-- what the old rules made of it. The extractor's fingerprint (a hash of the ingest
-- code and the lexicon) lets ingest read such a file again. '' for documents stored
-- before this column existed: they are read again on their next ingest.

ALTER TABLE documents ADD COLUMN extractor TEXT NOT NULL DEFAULT '';
