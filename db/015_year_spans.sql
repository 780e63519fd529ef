-- v15: events by the years they span, kept up to date on write.
--
-- The histogram counts an event in every year it covers: a visit from 2018-11 to
-- 2019-02 in both years, a year-precision event in its year, approximate and
-- undated events apart. count_years_types (migration 008) knows only the first
-- year, so the histogram of all events would read every event again; this table
-- holds the same counts by first and last year (a few thousand rows whatever the
-- chronicle holds), changed by triggers as events come and go.
--
-- kind: 'dated', 'approximate' (its years are not counted) or 'undated' (no
-- years: both are ''). A count that falls to zero loses its row.

CREATE TABLE count_year_spans (
    kind TEXT NOT NULL,
    first_year TEXT NOT NULL,
    last_year TEXT NOT NULL,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, first_year, last_year, type)
) WITHOUT ROWID;

INSERT INTO count_year_spans (kind, first_year, last_year, type, n)
    SELECT CASE WHEN date_start IS NULL THEN 'undated'
                WHEN precision = 'approximate' THEN 'approximate' ELSE 'dated' END,
           coalesce(substr(date_start, 1, 4), ''),
           coalesce(substr(coalesce(date_end, date_start), 1, 4), ''),
           type, count(*)
    FROM events GROUP BY 1, 2, 3, 4;

CREATE TRIGGER count_year_spans_ai AFTER INSERT ON events BEGIN
    INSERT INTO count_year_spans (kind, first_year, last_year, type, n) VALUES (
        CASE WHEN new.date_start IS NULL THEN 'undated'
             WHEN new.precision = 'approximate' THEN 'approximate' ELSE 'dated' END,
        coalesce(substr(new.date_start, 1, 4), ''),
        coalesce(substr(coalesce(new.date_end, new.date_start), 1, 4), ''),
        new.type, 1
    ) ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_year_spans_ad AFTER DELETE ON events BEGIN
    UPDATE count_year_spans SET n = n - 1
    WHERE kind = CASE WHEN old.date_start IS NULL THEN 'undated'
                      WHEN old.precision = 'approximate' THEN 'approximate' ELSE 'dated' END
      AND first_year = coalesce(substr(old.date_start, 1, 4), '')
      AND last_year = coalesce(substr(coalesce(old.date_end, old.date_start), 1, 4), '')
      AND type = old.type;
    DELETE FROM count_year_spans
    WHERE kind = CASE WHEN old.date_start IS NULL THEN 'undated'
                      WHEN old.precision = 'approximate' THEN 'approximate' ELSE 'dated' END
      AND first_year = coalesce(substr(old.date_start, 1, 4), '')
      AND last_year = coalesce(substr(coalesce(old.date_end, old.date_start), 1, 4), '')
      AND type = old.type AND n = 0;
END;

-- The merge rewrites dates and types in place; only a change of the row's key moves it.
CREATE TRIGGER count_year_spans_au AFTER UPDATE OF date_start, date_end, precision, type ON events
WHEN (old.date_start IS NULL) IS NOT (new.date_start IS NULL)
  OR (old.precision = 'approximate') IS NOT (new.precision = 'approximate')
  OR substr(old.date_start, 1, 4) IS NOT substr(new.date_start, 1, 4)
  OR substr(coalesce(old.date_end, old.date_start), 1, 4)
     IS NOT substr(coalesce(new.date_end, new.date_start), 1, 4)
  OR old.type IS NOT new.type
BEGIN
    UPDATE count_year_spans SET n = n - 1
    WHERE kind = CASE WHEN old.date_start IS NULL THEN 'undated'
                      WHEN old.precision = 'approximate' THEN 'approximate' ELSE 'dated' END
      AND first_year = coalesce(substr(old.date_start, 1, 4), '')
      AND last_year = coalesce(substr(coalesce(old.date_end, old.date_start), 1, 4), '')
      AND type = old.type;
    DELETE FROM count_year_spans
    WHERE kind = CASE WHEN old.date_start IS NULL THEN 'undated'
                      WHEN old.precision = 'approximate' THEN 'approximate' ELSE 'dated' END
      AND first_year = coalesce(substr(old.date_start, 1, 4), '')
      AND last_year = coalesce(substr(coalesce(old.date_end, old.date_start), 1, 4), '')
      AND type = old.type AND n = 0;
    INSERT INTO count_year_spans (kind, first_year, last_year, type, n) VALUES (
        CASE WHEN new.date_start IS NULL THEN 'undated'
             WHEN new.precision = 'approximate' THEN 'approximate' ELSE 'dated' END,
        coalesce(substr(new.date_start, 1, 4), ''),
        coalesce(substr(coalesce(new.date_end, new.date_start), 1, 4), ''),
        new.type, 1
    ) ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The histogram reads each match's last day and precision as well as its first: a
-- type: filter finds its events through this index, which now carries both, so a
-- common type costs no lookup in the table (type:visit at a million events: 2 s).
DROP INDEX events_by_type;
CREATE INDEX events_by_type ON events (type, sort_key, date_start, date_end, precision);
