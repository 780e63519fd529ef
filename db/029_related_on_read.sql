-- v29: related events are found when a detail is shown, not stored.
--
-- Every event a document rewrote stored a pair, in both directions, with each event
-- near it in time naming one of its people: about 68 rows a document at 100,000
-- documents, two random places in two large indexes each (5% of the file at 170,000
-- documents), and none was ever taken back when an event's date or people changed.
-- `chronicle.store.neighbours.related_to` reads them from the blocking index of
-- events instead.

DROP INDEX IF EXISTS event_links_by_other;
DROP TABLE IF EXISTS event_links;
