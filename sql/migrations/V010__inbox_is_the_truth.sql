-- The landing folder decides what counts (issue 17): a load keeps the rows of every file it read, and which of them
-- count follows from the files in the landing folder now and their arrival times (modification time, to the second;
-- ties broken by name). Staging tables hold every load's valid rows; raw.input_partition says which rows count.

-- The landing folders as the last run found them: one row per file name, with the bytes and arrival seen.
CREATE TABLE raw.inbox_file (
    source               VARCHAR NOT NULL,   -- spend, tender, results
    source_file          VARCHAR NOT NULL,   -- name in the landing folder
    source_sha256        VARCHAR NOT NULL,
    arrived_at           TIMESTAMP NOT NULL, -- modification time in the landing folder, UTC, whole seconds
    load_id              VARCHAR NOT NULL,   -- the load that holds the rows of these bytes
    replaces_partitions  BOOLEAN NOT NULL,   -- true: a later file replaces its (department, year) partitions (spend)
    state                VARCHAR NOT NULL,   -- present; kept (gone from the folder, kept by setting); retired (by a steward)
    state_note           VARCHAR,            -- who retired it and why, or when it left the folder
    seen_at              TIMESTAMP NOT NULL, -- when a run last recorded it
    PRIMARY KEY (source, source_file)
);

-- A partition rerun reloads one partition of a file into a load of its own; its rows belong to the file's load.
ALTER TABLE raw.load ADD COLUMN part_of_load_id VARCHAR;

-- Loads made before this migration replaced partitions in staging: a spend load that lost a partition to another load
-- (or a partition rerun's load) no longer holds all its rows. Mark them so the next run reads those files again.
UPDATE raw.load SET status = 'rows_removed'
WHERE status = 'loaded' AND (
    message LIKE '%(partition % only)%'
    OR (source = 'spend' AND load_id IN (
        SELECT p.load_id FROM raw.load_partition AS p
        WHERE p.source = 'spend' AND NOT EXISTS (
            SELECT 1 FROM staging.spend_line AS s
            WHERE s.load_id = p.load_id AND s.department_code = p.department_code AND s.year = p.year))));
DELETE FROM staging.spend_line WHERE load_id IN (SELECT load_id FROM raw.load WHERE status = 'rows_removed');
DELETE FROM staging.tender_record WHERE load_id IN (SELECT load_id FROM raw.load WHERE status = 'rows_removed');
DELETE FROM staging.supplier_result WHERE load_id IN (SELECT load_id FROM raw.load WHERE status = 'rows_removed');

-- Which rows count: for every file that counts (present or kept) each (department, year) its load supplies, and
-- whether it is current. Spend: the latest arrival for the partition is current, earlier ones are superseded by it.
-- Tenders and supplier results: every counted file is current (their models pick versions among the records),
-- except that of files with the same bytes only the latest arrival counts: one delivery, not two versions.
CREATE VIEW raw.input_partition AS
WITH counted AS (
    SELECT source, source_file, source_sha256, arrived_at, load_id, replaces_partitions
    FROM raw.inbox_file
    WHERE state IN ('present', 'kept')
),

supplied AS (
    SELECT
        c.source, c.source_file, c.source_sha256, c.arrived_at, c.replaces_partitions,
        c.load_id AS file_load_id, p.load_id AS rows_load_id, p.department_code, p.year, p.rows_loaded
    FROM counted AS c
    INNER JOIN raw.load AS l ON coalesce(l.part_of_load_id, l.load_id) = c.load_id AND l.status = 'loaded'
    INNER JOIN raw.load_partition AS p ON p.load_id = l.load_id
),

ranked AS (
    SELECT
        *,
        CASE WHEN replaces_partitions
            THEN row_number() OVER (PARTITION BY source, department_code, year ORDER BY arrived_at DESC, source_file DESC)
            ELSE row_number() OVER (PARTITION BY source, department_code, year, file_load_id ORDER BY arrived_at DESC, source_file DESC)
        END AS arrival_rank
    FROM supplied
)

SELECT
    r.source, r.department_code, r.year, r.source_file, r.source_sha256, r.arrived_at, r.file_load_id, r.rows_load_id,
    r.rows_loaded, r.arrival_rank,
    r.arrival_rank = 1 AS is_current,
    w.source_file AS superseded_by
FROM ranked AS r
LEFT JOIN ranked AS w
    ON r.arrival_rank > 1 AND w.arrival_rank = 1 AND w.source = r.source AND w.department_code = r.department_code
    AND w.year = r.year AND (r.replaces_partitions OR w.file_load_id = r.file_load_id);

-- Supplier results as they stood on a date, among the files that count now; between versions reported on the same
-- day the later arrival counts (was: the later load).
CREATE OR REPLACE MACRO results_as_reported_on(as_of) AS TABLE
    SELECT
        r.contract_id, r.supplier_name, r.department_code, r.year, r.period_start, r.period_end, r.metric,
        r.value_base, r.base_unit, r.value_reported, r.unit_reported, r.reported_on,
        r.load_id, i.source_file, r.source_sha256, r.line_no
    FROM staging.supplier_result AS r
    INNER JOIN raw.input_partition AS i
        ON i.source = 'results' AND i.rows_load_id = r.load_id AND i.department_code = r.department_code AND i.year = r.year
    WHERE coalesce(r.reported_on, CAST(i.arrived_at AS DATE)) <= as_of
    QUALIFY row_number() OVER (
        PARTITION BY r.contract_id, r.metric, r.period_start, r.period_end
        ORDER BY r.reported_on DESC NULLS LAST, i.arrived_at DESC, i.source_file DESC, r.line_no DESC
    ) = 1;
