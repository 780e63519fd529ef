-- v32: which block kinds hold rows of which span class.
--
-- A lookup read one index range per anchor, block kind and span class that occurs at
-- all (`block_classes`), and most of those ranges were empty: vague dates are months,
-- seasons and years, precise ones days and short ranges, and each kind of happening
-- has only a few of them. Storing 2,500 generated documents sought 790 ranges a
-- document, 69% of them under a kind that held no row of that class. A lookup now
-- seeks only the (kind, class) pairs listed here. A pair is listed when its first row
-- is (chronicle.store.blocks._insert_blocks) and never taken out: a pair left without
-- rows costs an empty seek, never a missed one.
CREATE TABLE IF NOT EXISTS mention_block_kinds (
    kind INTEGER NOT NULL,
    span_class INTEGER NOT NULL,
    PRIMARY KEY (kind, span_class)
) WITHOUT ROWID;

INSERT OR IGNORE INTO mention_block_kinds (kind, span_class)
SELECT DISTINCT kind, span_class FROM mention_blocks;
