-- v30: a merge block row listed under a sentence's words carries its mention's anchor bits.
--
-- A row under a country, a name token or a pair of countries shares that anchor with
-- every mention that looks it up; a row under one of a sentence's first words ('s:',
-- 'w:') says nothing of the countries and people its mention names. A lookup by words
-- then read each such row's traits by a rowid seek into mention_traits, only to drop
-- most of them for sharing no country or person with the new mention: at 200,000
-- documents 6,415 word rows a document, of which 1,888 shared one. The bits on the row
-- drop the others before the seek (chronicle.store.blocks._lookup); the other rows
-- keep NULL, which costs a byte of their header.

-- The column is added and filled by chronicle.store.connection.word_row_bits, which
-- adds it only where it is missing: SQLite has no ADD COLUMN IF NOT EXISTS, and a store
-- told it is older than it is (as tests make them) runs this migration again.
SELECT 1;
