-- v24: the merge's blocking index holds each mention's traits once, not once per anchor.
--
-- A mention is listed in mention_blocks under every anchor it has (7 on average:
-- countries, name tokens, pairs of countries, the first words of its sentence), and
-- each row repeated what the rule tests of the mention itself: the bits of its types,
-- of its anchors and of its words (62-bit hashes, 8 bytes each) and its shape. Those
-- were two thirds of the table, and the table was the largest of the store (1.9 x
-- the prose). They now sit once per mention in mention_traits, which a lookup reads
-- by the mention's id (a rowid seek in a narrow table) for the rows whose anchor,
-- kind and days already matched; the rows keep only what the ranges seek and the
-- last day, which drops most rows of a range before that seek. The lookups find the
-- same rows as before (chronicle.store.blocks, chronicle.store.pair_filter).
--
-- Every row of a mention held the same traits (chronicle.store.blocks.index_mentions
-- computes them once per mention), so any one of its rows gives them.

CREATE TABLE mention_traits (
    mention_id INTEGER PRIMARY KEY,
    kinds INTEGER NOT NULL,        -- bits of the event types it names (not 'other'/'statement')
    type_bit INTEGER NOT NULL,     -- the bit of its primary type
    anchor_bits INTEGER NOT NULL,  -- bits of all its countries and name tokens
    word_bits INTEGER NOT NULL,    -- bits of its content words
    shape INTEGER NOT NULL         -- 1: no content words, 2: names people, 4: two countries or more
);

INSERT INTO mention_traits (mention_id, kinds, type_bit, anchor_bits, word_bits, shape)
SELECT mention_id, kinds, type_bit, anchor_bits, word_bits, shape
FROM mention_blocks GROUP BY mention_id;

CREATE TABLE mention_blocks_v24 (
    anchor TEXT NOT NULL,
    kind INTEGER NOT NULL,
    span_class INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    end_day INTEGER NOT NULL,
    mention_id INTEGER NOT NULL,
    PRIMARY KEY (anchor, kind, span_class, start_day, mention_id)
) WITHOUT ROWID;

INSERT INTO mention_blocks_v24 (anchor, kind, span_class, start_day, end_day, mention_id)
SELECT anchor, kind, span_class, start_day, end_day, mention_id FROM mention_blocks;

DROP TABLE mention_blocks;
ALTER TABLE mention_blocks_v24 RENAME TO mention_blocks;

-- A removed mention's traits go with it, whichever way it is removed (its block rows
-- are deleted by their keys before, chronicle.store.blocks.unindex_document).
CREATE TRIGGER mentions_untrait AFTER DELETE ON mentions BEGIN
    DELETE FROM mention_traits WHERE mention_id = old.id;
END;
