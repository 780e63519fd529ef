-- v7: a mention's sentence and paragraph are kept once, in their document's text.
--
-- Each mention used to store its sentence and its whole paragraph, so a paragraph
-- with five dates was stored five times beside the document's own text: the two
-- columns were two thirds of a mention's bytes. Both are exact slices of
-- documents.text (the cleaned paragraphs joined by blank lines), so a mention now
-- keeps where they stand there: [sentence_start, sentence_end) and
-- [paragraph_start, paragraph_end), character offsets like char_start/char_end,
-- taken at the first occurrence that can still hold the date. The sentence and
-- paragraph columns keep a text only when the document does not hold it (a
-- mention a caller made up), and are NULL otherwise. Read them back with
-- coalesce(m.sentence, substr(d.text, m.sentence_start + 1,
-- m.sentence_end - m.sentence_start)).
--
-- Writers still insert the texts; the trigger below moves each to offsets when
-- the slice at those offsets reads back equal, so nothing is stored that would
-- read back different.
--
-- The same rewrite of every row drops the names repeated in each actor: an actor
-- is [name, key, role, country] instead of {"name": ..., "key": ..., ...}.

ALTER TABLE mentions RENAME COLUMN sentence TO sentence_v6;
ALTER TABLE mentions RENAME COLUMN paragraph TO paragraph_v6;
ALTER TABLE mentions ADD COLUMN sentence TEXT;
ALTER TABLE mentions ADD COLUMN paragraph TEXT;
ALTER TABLE mentions ADD COLUMN sentence_start INTEGER;
ALTER TABLE mentions ADD COLUMN sentence_end INTEGER;
ALTER TABLE mentions ADD COLUMN paragraph_start INTEGER;
ALTER TABLE mentions ADD COLUMN paragraph_end INTEGER;

-- Stored mentions: the same placing as the trigger's, over every row.
CREATE TEMP TABLE placed AS
SELECT
    id, s_at, p_at,
    s_found > 0 AND substr(text, s_at + 1, length(sentence_v6)) = sentence_v6 AS s_ok,
    p_found > 0 AND substr(text, p_at + 1, length(paragraph_v6)) = paragraph_v6 AS p_ok
FROM (
    SELECT
        id, text, sentence_v6, paragraph_v6,
        s_lo + instr(substr(text, s_lo + 1), sentence_v6) - 1 AS s_at,
        instr(substr(text, s_lo + 1), sentence_v6) AS s_found,
        p_lo + instr(substr(text, p_lo + 1), paragraph_v6) - 1 AS p_at,
        instr(substr(text, p_lo + 1), paragraph_v6) AS p_found
    FROM (
        SELECT
            m.id, m.sentence_v6, m.paragraph_v6, d.text,
            max(0, m.char_end - length(m.sentence_v6)) AS s_lo,
            max(0, m.char_end - length(m.paragraph_v6)) AS p_lo
        FROM mentions m JOIN documents d ON d.id = m.document_id
    )
);

UPDATE mentions SET
    sentence = CASE WHEN p.s_ok THEN NULL ELSE sentence_v6 END,
    sentence_start = CASE WHEN p.s_ok THEN p.s_at END,
    sentence_end = CASE WHEN p.s_ok THEN p.s_at + length(sentence_v6) END,
    paragraph = CASE WHEN p.p_ok THEN NULL ELSE paragraph_v6 END,
    paragraph_start = CASE WHEN p.p_ok THEN p.p_at END,
    paragraph_end = CASE WHEN p.p_ok THEN p.p_at + length(paragraph_v6) END,
    actors = (
        SELECT json_group_array(json(actor)) FROM (
            SELECT json_array(
                json_extract(a.value, '$.name'), json_extract(a.value, '$.key'),
                json_extract(a.value, '$.role'), json_extract(a.value, '$.country')
            ) AS actor
            FROM json_each(mentions.actors) AS a ORDER BY a.key
        )
    )
FROM temp.placed p
WHERE mentions.id = p.id;
DROP TABLE temp.placed;

ALTER TABLE mentions DROP COLUMN sentence_v6;
ALTER TABLE mentions DROP COLUMN paragraph_v6;

-- New mentions: each text searched from where an occurrence holding the date
-- would begin at the earliest (a repeated line's own copy, not the first one).
-- A writer that has the document's text places them itself, which costs far less
-- (chronicle.store.writer.mention_row); this catches every other insert. One
-- UPDATE for both texts, so the fresh row is rewritten once; LIMIT 1 keeps SQLite
-- from flattening the subqueries, which would read the document's text again for
-- every use of it (2.5 times slower).
CREATE TRIGGER mentions_placed AFTER INSERT ON mentions
WHEN new.sentence IS NOT NULL OR new.paragraph IS NOT NULL
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
