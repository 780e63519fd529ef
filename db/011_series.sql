-- v11: a document's tables, read as named series over time (issue 16).
--
-- One row of series per row or column of figures in a document's table: its name
-- (caption and row or column), the caption as written, the unit the table states
-- ('' when it states none), the months its fiscal years run ('July–June'; 'unknown';
-- '' when it has none), the source or note line under the table, and the table's
-- paragraph in the document. series_points holds its periods in the table's order,
-- each with its precision, first and last day (ISO) and value (NULL when the table
-- marks it missing), the cell as written beside it.
--
-- Series ids are never reused, so an id a screen still holds after a re-ingest
-- finds nothing rather than another series. A document's series go with it: the trigger on documents removes them whoever
-- deletes the document (a re-ingest replaces the document, so its series too), and
-- the trigger on series removes their points and their search entries.
-- series_fts is an external-content FTS5 index over the names, captions, labels,
-- units and notes, tokenised as events_fts is, so a word finds the same series
-- as it finds events.

CREATE TABLE series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,          -- order among the document's series
    name TEXT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    convention TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    paragraph INTEGER NOT NULL,
    UNIQUE (document_id, position)
);

CREATE TABLE series_points (
    series_id INTEGER NOT NULL REFERENCES series(id),
    position INTEGER NOT NULL,          -- order in the table
    period TEXT NOT NULL,               -- as written: '2012-13', 'Q3 2019'
    precision TEXT NOT NULL,            -- day, month, quarter, fiscal_year, year, range
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    value REAL,
    value_text TEXT NOT NULL,
    PRIMARY KEY (series_id, position)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE series_fts USING fts5(
    name, caption, label, unit, note,
    content='series', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER series_ai AFTER INSERT ON series BEGIN
    INSERT INTO series_fts (rowid, name, caption, label, unit, note)
    VALUES (new.id, new.name, new.caption, new.label, new.unit, new.note);
END;

CREATE TRIGGER series_bd BEFORE DELETE ON series BEGIN
    DELETE FROM series_points WHERE series_id = old.id;
    INSERT INTO series_fts (series_fts, rowid, name, caption, label, unit, note)
    VALUES ('delete', old.id, old.name, old.caption, old.label, old.unit, old.note);
END;

CREATE TRIGGER documents_series_bd BEFORE DELETE ON documents BEGIN
    DELETE FROM series WHERE document_id = old.id;
END;
