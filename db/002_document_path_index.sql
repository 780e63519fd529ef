-- v2: documents are looked up by path on every merge (publishers of an event's
-- sources) and on re-ingest; without this index each lookup scans the table.
CREATE INDEX IF NOT EXISTS documents_by_path ON documents (path);
