-- v10: what each document was read as, and the web address it came from.
--
-- A chronicle now holds web pages fetched by URL, PDFs and Word files beside text,
-- and a reader judging a source wants to know which it is. `format` is "text",
-- "markdown", "html", "pdf" or "docx"; `url` is the address a page was fetched from,
-- else the canonical URL a saved page declares ('' when there is none). Documents
-- stored before this column existed get the format their file name says.

ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN url TEXT NOT NULL DEFAULT '';

UPDATE documents SET format = CASE
    WHEN lower(path) LIKE '%.html' OR lower(path) LIKE '%.htm' THEN 'html'
    WHEN lower(path) LIKE '%.md' OR lower(path) LIKE '%.markdown' THEN 'markdown'
    WHEN lower(path) LIKE '%.pdf' THEN 'pdf'
    WHEN lower(path) LIKE '%.docx' THEN 'docx'
    ELSE 'text'
END;
