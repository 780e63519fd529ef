-- v26: the merge blocks take a mention's content words in a new fixed order
-- (chronicle/store/blocks.py, `word_order`).
--
-- A coarse-dated or undated mention is listed under the first few of its content words
-- (prefix filtering). The order was a hash; it now takes the words of
-- chronicle/data/common_words.txt last ("relations", "cooperation"), so a lookup reads
-- the short lists of rarer words. Any fixed order finds the same candidates, but the
-- stored rows and the lookups must share one: every stored mention is listed again
-- (since 027 by its step, connection.relist_blocks, which does both migrations' work).
SELECT 1;
