-- v14: the mentions of a large document keep their sentence and paragraph as text.
--
-- Migration 007 stores a mention's sentence and paragraph as offsets into its
-- document's text, and readers (the search index's view event_text, the detail
-- pane) slice them out with substr. SQLite reads a whole TEXT value to take a
-- substring of it, so for a document of many megabytes every event shown or
-- indexed read all of it: storing one document of 2 MB spent most of its time
-- there, and a 50 MB one would read 50 MB per event. A document listed here keeps
-- its mentions' texts in the mentions table (a few hundred bytes each), and the
-- placing trigger leaves them so. The writer lists documents above
-- chronicle.store.writer.INLINE_ABOVE characters.

CREATE TABLE inline_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);

CREATE TRIGGER inline_documents_gone AFTER DELETE ON documents BEGIN
    DELETE FROM inline_documents WHERE document_id = old.id;
END;

DROP TRIGGER mentions_placed;
CREATE TRIGGER mentions_placed AFTER INSERT ON mentions
WHEN (new.sentence IS NOT NULL OR new.paragraph IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM inline_documents WHERE document_id = new.document_id)
BEGIN
    UPDATE mentions SET
        sentence = CASE WHEN f.s_ok THEN NULL ELSE new.sentence END,
        sentence_start = CASE WHEN f.s_ok THEN f.s_at ELSE new.sentence_start END,
        sentence_end = CASE WHEN f.s_ok THEN f.s_at + length(new.sentence) ELSE new.sentence_end END,
        paragraph = CASE WHEN f.p_ok THEN NULL ELSE new.paragraph END,
        paragraph_start = CASE WHEN f.p_ok THEN f.p_at ELSE new.paragraph_start END,
        paragraph_end = CASE WHEN f.p_ok THEN f.p_at + length(new.paragraph) ELSE new.paragraph_end END
    FROM (
        SELECT
            s_at, p_at,
            s_found > 0 AND substr(text, s_at + 1, length(new.sentence)) = new.sentence AS s_ok,
            p_found > 0 AND substr(text, p_at + 1, length(new.paragraph)) = new.paragraph AS p_ok
        FROM (
            SELECT
                text,
                s_lo + instr(substr(text, s_lo + 1), new.sentence) - 1 AS s_at,
                instr(substr(text, s_lo + 1), new.sentence) AS s_found,
                p_lo + instr(substr(text, p_lo + 1), new.paragraph) - 1 AS p_at,
                instr(substr(text, p_lo + 1), new.paragraph) AS p_found
            FROM (
                SELECT
                    text,
                    max(0, new.char_end - length(new.sentence)) AS s_lo,
                    max(0, new.char_end - length(new.paragraph)) AS p_lo
                FROM documents WHERE id = new.document_id LIMIT 1
            ) LIMIT 1
        ) LIMIT 1
    ) AS f
    WHERE mentions.id = new.id AND (f.s_ok OR f.p_ok);
END;
