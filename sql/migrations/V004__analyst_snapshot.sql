-- Documentation of every published column (filled when the models are built, from the SQL sources) and of the
-- load log and rejects, which analysts use for lineage.
CREATE TABLE meta.column_doc (
    table_name   VARCHAR NOT NULL,   -- schema.table
    column_name  VARCHAR NOT NULL,
    unit         VARCHAR,            -- '-' for codes and text; NULL: not documented yet
    description  VARCHAR
);
