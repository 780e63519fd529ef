-- v6: merge candidates found from indexes, so adding a document costs the same
-- whatever the chronicle holds.
--
-- mention_blocks lists each stored mention under its anchors (a country 'c:JP', a
-- person's name token 'p:kono'; an undated mention under its rarest words 'w:...'),
-- with its days as day numbers and the bit length of its length in days
-- (span_class), so "the mentions of anchor A whose days meet [lo, hi]" is one
-- index range per class: a span of class c starts no earlier than lo - 2^c + 1.
-- kind: 0 pinned to days, 1 a coarser date, 2 undated. Mentions of two documents
-- must share a type or have the same primary type, and always a country or a name
-- token, which kinds/type_bit and anchor_bits test in the index itself (a row
-- listed under its words or two countries says nothing of the rest).
-- mentions.fit_key: the precise mention a vague one is attached to (NULL: none).
-- event_blocks lists dated events under their people's name tokens, for links.
-- The rows are written by chronicle.store.blocks; meta 'merge_rule' says which rule
-- built the events (an older or missing one makes the next write rebuild them).

ALTER TABLE mentions ADD COLUMN fit_key TEXT;

CREATE TABLE mention_blocks (
    anchor TEXT NOT NULL,
    kind INTEGER NOT NULL,
    span_class INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    end_day INTEGER NOT NULL,
    mention_id INTEGER NOT NULL,
    kinds INTEGER NOT NULL,     -- bits of the event types it names (not 'other'/'statement')
    type_bit INTEGER NOT NULL,  -- the bit of its primary type
    anchor_bits INTEGER NOT NULL,  -- bits of all its countries and name tokens
    word_bits INTEGER NOT NULL,    -- bits of its content words
    shape INTEGER NOT NULL,        -- 1: no content words, 2: names people, 4: two countries or more
    PRIMARY KEY (anchor, kind, span_class, start_day, mention_id)
) WITHOUT ROWID;
-- A removed mention's rows are deleted by their keys (chronicle.store.blocks
-- .unindex_document), so the table needs no second index by mention.

CREATE TABLE event_blocks (
    token TEXT NOT NULL,
    span_class INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    end_day INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    PRIMARY KEY (token, span_class, start_day, event_id)
) WITHOUT ROWID;
CREATE INDEX event_blocks_by_event ON event_blocks (event_id);
CREATE TRIGGER events_unblock AFTER DELETE ON events BEGIN
    DELETE FROM event_blocks WHERE event_id = old.id;
END;

-- Which span classes occur, so a lookup seeks only those.
CREATE TABLE block_classes (
    span_class INTEGER PRIMARY KEY
);

-- The merge used to find candidates by a date range over every mention; nothing
-- reads mentions by date any more.
DROP INDEX mentions_by_date;
