-- Layers of the warehouse, in the order data flows through them:
-- raw (text as read, with lineage) -> staging (validated, typed) -> core (facts and dimensions) -> marts.
-- ref holds reference data from config/reference/, meta the warehouse's own bookkeeping.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS ref;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS marts;

-- Key used to match names from source files with reference data: case, accents and spacing ignored,
-- so 'I & W', 'i&w' and 'I&W' meet.
CREATE OR REPLACE MACRO norm_key(x) AS lower(strip_accents(regexp_replace(trim(x), '\s+', '', 'g')));

-- One row per file a load job looked at, whatever became of it.
CREATE TABLE raw.load (
    load_id        VARCHAR PRIMARY KEY,
    source         VARCHAR NOT NULL,      -- spend, tender, supplier_result
    source_file    VARCHAR NOT NULL,      -- file name as delivered
    source_uri     VARCHAR,               -- download address, when fetched over http(s)
    source_sha256  VARCHAR NOT NULL,
    file_format    VARCHAR,               -- csv, xlsx
    encoding       VARCHAR,               -- as detected: UTF-8, UTF-8 (BOM), windows-1252, ...
    status         VARCHAR NOT NULL,      -- loaded, skipped_duplicate, file_rejected
    rows_read      BIGINT NOT NULL,
    rows_loaded    BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    message        VARCHAR,
    finished_at    TIMESTAMP NOT NULL
);

-- The (department, year) partitions a load replaced, with the rows it put there.
CREATE TABLE raw.load_partition (
    load_id          VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    department_code  VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    rows_loaded      BIGINT NOT NULL
);

-- Every row (or whole file) that was not loaded, with a reason a steward can act on.
CREATE TABLE raw.reject (
    load_id        VARCHAR NOT NULL,
    source         VARCHAR NOT NULL,
    source_file    VARCHAR NOT NULL,
    source_sha256  VARCHAR NOT NULL,
    line_no        BIGINT,                -- NULL when the whole file is rejected
    column_name    VARCHAR,
    value_raw      VARCHAR,
    reason         VARCHAR NOT NULL
);

-- Open Inkoopdata Rijk spend lines exactly as read (all text), one row per data line of a file.
CREATE TABLE raw.spend_line (
    load_id         VARCHAR NOT NULL,
    source_file     VARCHAR NOT NULL,
    source_sha256   VARCHAR NOT NULL,
    line_no         BIGINT NOT NULL,
    department_raw  VARCHAR,
    year_raw        VARCHAR,
    category_raw    VARCHAR,
    supplier_raw    VARCHAR,
    staffel_raw     VARCHAR
);

-- Validated spend lines, current per (department_code, year): a newer file for a partition replaces it whole.
CREATE TABLE staging.spend_line (
    department_code    VARCHAR NOT NULL,
    year               INTEGER NOT NULL,
    hoofdkostensoort   VARCHAR NOT NULL,  -- cost category as written in the file
    supplier_name      VARCHAR,           -- NULL on a category-total line
    is_category_total  BOOLEAN NOT NULL,
    staffel            INTEGER NOT NULL,  -- band code 0..13 (Appendix 4, Table 6)
    load_id            VARCHAR NOT NULL,
    source_file        VARCHAR NOT NULL,
    source_sha256      VARCHAR NOT NULL,
    line_no            BIGINT NOT NULL
);

-- Reference data, replaced from config/reference/*.csv at the start of every run.
CREATE TABLE ref.department (
    department_code  VARCHAR PRIMARY KEY,
    name_nl          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    valid_from_year  INTEGER NOT NULL,
    valid_to_year    INTEGER,             -- NULL: still exists
    source           VARCHAR NOT NULL
);

CREATE TABLE ref.department_alias (
    alias            VARCHAR NOT NULL,
    department_code  VARCHAR NOT NULL,
    note             VARCHAR
);

CREATE TABLE ref.staffel_band (
    staffel   INTEGER PRIMARY KEY,
    min_eur   BIGINT,                     -- NULL for staffel 0: negative, no bound published
    max_eur   BIGINT,                     -- NULL for staffel 13: no upper bound
    mid_eur   BIGINT,                     -- the report's midpoint; NULL for staffel 0 (left out)
    source    VARCHAR NOT NULL
);

CREATE TABLE ref.cost_category (
    hoofdkostensoort  VARCHAR NOT NULL,
    spend_class       VARCHAR NOT NULL,   -- generic or specific (footnote 4's broad definition)
    impact_segment    VARCHAR NOT NULL,   -- segment of Figure 1 (KPMG 2019)
    source            VARCHAR NOT NULL
);

CREATE TABLE ref.spend_total_marker (
    marker  VARCHAR NOT NULL              -- supplier text that marks a category-total line
);

CREATE TABLE meta.data_test_result (
    run_id        VARCHAR NOT NULL,
    test_name     VARCHAR NOT NULL,
    severity      VARCHAR NOT NULL,
    failing_rows  BIGINT NOT NULL,
    sample        VARCHAR,
    checked_at    TIMESTAMP NOT NULL
);
